package selectplus_test

import (
	"errors"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/selectplus"
)

func TestParseDescription(t *testing.T) {
	d, err := selectplus.ParseDescription("SQLSvrStdCore 2019 ALNG LicSAPk MVL 2Lic D CoreLic")
	if err != nil || d.Program != licensing.MVL || d.Level != licensing.LevelD || d.LicenseModel != sku.Core || d.PackSize != 2 {
		t.Fatalf("MVL item: %+v, %v", d, err)
	}
	if _, err := selectplus.ParseDescription("VisioStd ALNG SA OLV NL"); !errors.Is(err, sku.ErrOtherProgram) {
		t.Fatalf("an OLV item: %v", err)
	}
	if d, err := selectplus.ParseDescription("SQLSvrEntCore ALNG LicSAPk"); err != nil || d.Program != 0 {
		t.Fatalf("no program token: %+v, %v", d, err)
	}
}
