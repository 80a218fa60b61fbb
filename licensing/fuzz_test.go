package licensing_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
)

// fuzzEnumParse checks a Parse function on any input: it never panics, an
// error wraps the type's sentinel, and a value it returns is valid and reads
// back from its own String.
func fuzzEnumParse[E interface {
	comparable
	fmt.Stringer
	IsValid() bool
}](f *testing.F, parse func(string) (E, error), sentinel error, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil {
			if !errors.Is(err, sentinel) {
				t.Fatalf("parse(%q): %v does not wrap %v", s, err, sentinel)
			}
			return
		}
		if !v.IsValid() {
			t.Fatalf("parse(%q) = invalid %v", s, v)
		}
		if back, err := parse(v.String()); err != nil || back != v {
			t.Fatalf("parse(%q) = %v, which reads back as %v, %v", s, v, back, err)
		}
	})
}

func FuzzParsePool(f *testing.F) {
	fuzzEnumParse(f, licensing.ParsePool, licensing.ErrInvalidPool, "Servers", "server pool", " APPLICATION ", "desktop")
}

func FuzzParseLevel(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseLevel, licensing.ErrInvalidLevel, "NL", "No Level", "level d", "E")
}

func FuzzParseOffering(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseOffering, licensing.ErrInvalidOffering, "Lic/SA Pack", "LicSAPk", "SA", "SubsVL", "Step Up", "VUP")
}

func FuzzParseKind(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseKind, licensing.ErrInvalidKind, "CAL", "Online Services", "server", "desktop")
}

func FuzzParseSegment(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseSegment, licensing.ErrInvalidSegment, "corporate", "EDU", "GOVT", "Chrty", "retail")
}

func FuzzParseChannel(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseChannel, licensing.ErrInvalidChannel, "FPP", "OEM", "Volume Licensing", "ESD")
}

func FuzzParseProgram(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseProgram, licensing.ErrInvalidProgram, "OLV", "OVS", "OPEN", "Select Plus", "MVL", "EA")
}

func FuzzParseScope(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseScope, licensing.ErrInvalidScope, "AddProd", "AP", "Ent", "Pltfrm", "Platform", "X")
}

func FuzzParseLicenseModel(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseLicenseModel, licensing.ErrInvalidLicenseModel, "CoreLic", "DvcCAL", "User CAL", "SAL", "Proc")
}

func FuzzParseStyle(f *testing.F) {
	fuzzEnumParse(f, licensing.ParseStyle, licensing.ErrInvalidStyle, "Long", "short", "Distributor", "Other")
}

func FuzzParsePartNumber(f *testing.F) {
	for _, s := range []string{"269-09046", " 9em-00562 ", "269-0904", "KW5-00358x", "Part#: 269-09046"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := licensing.ParsePartNumber(s)
		if err != nil {
			if !errors.Is(err, licensing.ErrInvalidPartNumber) {
				t.Fatalf("ParsePartNumber(%q): %v", s, err)
			}
			return
		}
		if !licensing.IsPartNumber(p) || p != strings.ToUpper(strings.TrimSpace(s)) {
			t.Fatalf("ParsePartNumber(%q) = %q", s, p)
		}
		if back, err := licensing.ParsePartNumber(p); err != nil || back != p {
			t.Fatalf("ParsePartNumber(%q) = %q, which reads back as %q, %v", s, p, back, err)
		}
	})
}
