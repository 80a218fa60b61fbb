package openlicense_test

import (
	"errors"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openlicense"
)

func TestParseDescription(t *testing.T) {
	d, err := openlicense.ParseDescription("Microsoft Project Professional German Academic OPEN 1 License Level B")
	if err != nil || d.Program != licensing.OpenLicense || d.Offering != licensing.License || d.Level != licensing.LevelB || d.PackSize != 1 {
		t.Fatalf("D2 item: %+v, %v", d, err)
	}
	for _, b := range []struct {
		in       string
		rule     licensing.RuleID
		sentinel error
		offset   int // of the token at fault
	}{
		{"Office Pro VUP OLP", "OL-12", licensing.ErrNotEligible, 11},
		{"OfficePro English PUP OLP NL", "OL-12", licensing.ErrNotEligible, 18},
		{"SQUAD UA OLP NL", "OL-12", licensing.ErrNotEligible, 6}, // "UA" is also inside "SQUAD"
		{"VisioStd ALNG SA OLV NL", "SKU-08", sku.ErrOtherProgram, 17},
	} {
		_, err := openlicense.ParseDescription(b.in)
		var pe *sku.ParseError
		if rule, _ := licensing.RuleOf(err); !errors.As(err, &pe) || !errors.Is(err, b.sentinel) || rule != b.rule || pe.Offset != b.offset {
			t.Errorf("ParseDescription(%q): err = %v, want %s at byte %d", b.in, err, b.rule, b.offset)
		}
	}
}
