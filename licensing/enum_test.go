package licensing_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing"
)

// Every enum follows the module's convention (see internal/enum): names
// round-trip in any case and spacing, every spelling parses to its value,
// the zero value is unset, others print "Type(n)".
func TestEnums(t *testing.T) {
	for name, err := range map[string]error{
		"Pool":     enum.Verify(licensing.Pools(), licensing.ParsePool, licensing.PoolSpellings),
		"Level":    enum.Verify(licensing.Levels(), licensing.ParseLevel, nil),
		"Offering": enum.Verify(licensing.Offerings(), licensing.ParseOffering, licensing.OfferingSpellings),
		"Kind":     enum.Verify(licensing.Kinds(), licensing.ParseKind, licensing.KindSpellings),
		"Segment":  enum.Verify(licensing.Segments(), licensing.ParseSegment, licensing.SegmentSpellings),
		"Channel":  enum.Verify(licensing.Channels(), licensing.ParseChannel, licensing.ChannelSpellings),
		"Program":  enum.Verify(licensing.Programs(), licensing.ParseProgram, licensing.ProgramSpellings),
		"Status":   enum.Verify(licensing.Statuses(), licensing.ParseStatus, nil),
	} {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The spellings the rules name, each on both sides: what parses and what
// must not. Price-list tokens ("Lic/SA", "EDU", "OLV") are read by package
// sku, not here.
func TestParseSpellingsFromRules(t *testing.T) {
	tests := []struct {
		rule string
		in   string
		want string // canonical name, or "" for an error
	}{
		{"GEN-01", "server pool", "Servers"},
		{"GEN-01", "SERVERS", "Servers"},
		{"GEN-01", "application", "Applications"},
		{"GEN-01", "System", "Systems"},
		{"GEN-01", "desktop", ""},
		{"GEN-08", "c", "C"},
		{"GEN-08", "E", ""},
		{"GEN-09", "nl", "NL"},
		{"GEN-20", "L&SA", "LicenseSA"},
		{"GEN-20", "license and software assurance", "LicenseSA"},
		{"GEN-20", "SA only", "SA"},
		{"GEN-20", "LicSAPk", ""},
		{"GEN-13", "corporate", "Commercial"},
		{"GEN-13", "EDU", ""},
		{"GEN-19", "FPP", "Retail"},
		{"OV-01", "open value subscription", "OpenValueSubscription"},
		{"OL-03", "Open Business", "OpenLicense"},
		{"SKU-08", "OLV", ""},
	}
	parsers := map[string]func(string) (fmt.Stringer, error){
		"GEN-01": func(s string) (fmt.Stringer, error) { return licensing.ParsePool(s) },
		"GEN-08": func(s string) (fmt.Stringer, error) { return licensing.ParseLevel(s) },
		"GEN-09": func(s string) (fmt.Stringer, error) { return licensing.ParseLevel(s) },
		"GEN-20": func(s string) (fmt.Stringer, error) { return licensing.ParseOffering(s) },
		"GEN-13": func(s string) (fmt.Stringer, error) { return licensing.ParseSegment(s) },
		"GEN-19": func(s string) (fmt.Stringer, error) { return licensing.ParseChannel(s) },
		"OV-01":  func(s string) (fmt.Stringer, error) { return licensing.ParseProgram(s) },
		"OL-03":  func(s string) (fmt.Stringer, error) { return licensing.ParseProgram(s) },
		"SKU-08": func(s string) (fmt.Stringer, error) { return licensing.ParseProgram(s) },
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.in, func(t *testing.T) {
			got, err := parsers[tt.rule](tt.in)
			switch {
			case tt.want == "" && err == nil:
				t.Fatalf("parse %q = %v, want an error", tt.in, got)
			case tt.want != "" && (err != nil || got.String() != tt.want):
				t.Fatalf("parse %q = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestLevelOrderIsDiscountOrder(t *testing.T) {
	// GEN-08: a greater Level is a cheaper price; NL is below every letter.
	want := []licensing.Level{licensing.NoLevel, licensing.LevelA, licensing.LevelB, licensing.LevelC, licensing.LevelD}
	if got := licensing.Levels(); !slices.Equal(got, want) || !slices.IsSorted(got) {
		t.Fatalf("Levels() = %v, want %v in increasing order", got, want)
	}
}

func TestOfferingParts(t *testing.T) {
	tests := []struct {
		o           licensing.Offering
		license, sa bool
	}{
		{licensing.License, true, false},
		{licensing.LicenseSA, true, true},
		{licensing.SAOnly, false, true},
		{licensing.Subscription, false, false},
		{licensing.StepUp, false, false},
	}
	for _, tt := range tests {
		if tt.o.HasLicense() != tt.license || tt.o.HasSA() != tt.sa {
			t.Errorf("%v: HasLicense, HasSA = %v, %v; want %v, %v", tt.o, tt.o.HasLicense(), tt.o.HasSA(), tt.license, tt.sa)
		}
	}
}
