package licensing_test

import (
	"errors"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

func TestDefaultRegions(t *testing.T) {
	for in, want := range map[string]licensing.Region{"North America": licensing.NorthAmerica, "northamerica": licensing.NorthAmerica,
		"EMEA": licensing.EMEA, " europe,  middle east and africa ": licensing.EMEA, "latam": licensing.LatinAmerica} {
		if got, err := licensing.ParseRegion(in); err != nil || got != want {
			t.Errorf("ParseRegion(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := licensing.ParseRegion("Atlantis"); !errors.Is(err, licensing.ErrInvalidRegion) {
		t.Errorf("ParseRegion(Atlantis): err = %v", err)
	}
	// GEN-12: North America is the United States and Canada; Mexico is not.
	countries := []struct {
		cc   string
		want licensing.Region
	}{{"US", licensing.NorthAmerica}, {"ca", licensing.NorthAmerica}, {"MX", licensing.LatinAmerica}, {"DE", licensing.EMEA}, {"ZA", licensing.EMEA}, {"JP", licensing.AsiaPacific}}
	for _, c := range countries {
		if got, ok := licensing.DefaultRegions().ForCountry(c.cc); !ok || got != c.want {
			t.Errorf("ForCountry(%s) = %v, %v; want %v", c.cc, got, ok, c.want)
		}
	}
}

func TestRegionTableWith(t *testing.T) {
	base := licensing.DefaultRegions()
	// A user adds a region of their own without touching the default table.
	nordics := licensing.RegionRow{Region: "Nordics", Aliases: []string{"Nordic countries"}, Countries: []string{"XN"}}
	t2, err := base.With(nordics)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := t2.Parse("nordic COUNTRIES"); err != nil || r != "Nordics" {
		t.Fatalf("Parse = %v, %v", r, err)
	}
	if _, err := base.Parse("Nordics"); err == nil {
		t.Fatal("With changed the table it was called on")
	}
	if _, err := base.With(licensing.RegionRow{Region: "Other", Aliases: []string{"EMEA"}}); !errors.Is(err, licensing.ErrInvalidRegion) {
		t.Fatalf("alias collision: err = %v", err)
	}
	if _, err := base.With(licensing.RegionRow{Region: "Other", Countries: []string{"US"}}); !errors.Is(err, licensing.ErrInvalidRegion) {
		t.Fatalf("country collision: err = %v", err)
	}
	if _, err := base.With(licensing.RegionRow{Region: "bad code"}); !errors.Is(err, licensing.ErrInvalidRegion) {
		t.Fatalf("bad code: err = %v", err)
	}
	var empty licensing.RegionTable
	if _, err := empty.Parse("EMEA"); err == nil {
		t.Fatal("the zero RegionTable knows EMEA")
	}
}

func TestRegionTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := licensing.Region(rapid.StringMatching(`[A-Za-z0-9_-]{1,20}`).Draw(t, "code"))
		text, err := r.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText(%q): %v", r, err)
		}
		var back licensing.Region
		if err := back.UnmarshalText(text); err != nil {
			t.Fatalf("UnmarshalText(%q): %v", text, err)
		}
		// A code of the default table comes back canonical; any other comes back as it was.
		if want, err := licensing.ParseRegion(string(r)); err == nil {
			r = want
		}
		if back != r {
			t.Fatalf("round trip of %q = %q", r, back)
		}
		_ = r.String() + r.GoString()
	})
	if _, err := licensing.Region("two words").MarshalText(); !errors.Is(err, licensing.ErrInvalidRegion) {
		t.Fatalf("MarshalText of a malformed code: %v", err)
	}
}

// A region parsed reads back from its String; any text that unmarshals
// marshals again.
func FuzzParseRegion(f *testing.F) {
	fuzzParse(f, []string{"EMEA", "North America", "latam", "", "Nordics"}, licensing.ParseRegion, licensing.ErrInvalidRegion, func(t *testing.T, s string, r licensing.Region, err error) {
		if err == nil {
			if back, err := licensing.ParseRegion(r.String()); err != nil || back != r {
				t.Fatalf("ParseRegion(%q) = %v, which reads back as %v, %v", s, r, back, err)
			}
		}
		var u licensing.Region
		if err := u.UnmarshalText([]byte(s)); err == nil && s != "" {
			if text, err := u.MarshalText(); err != nil || u.String() == "" {
				t.Fatalf("UnmarshalText(%q) = %q, which marshals as %q, %v", s, u, text, err)
			}
		}
	})
}
