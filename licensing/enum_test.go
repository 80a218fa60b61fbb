package licensing_test

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// enumValue is what every small enumerated type of licensing provides.
type enumValue interface {
	~uint8
	fmt.Stringer
	fmt.GoStringer
	encoding.TextMarshaler
	IsValid() bool
}

// enumCase describes one enumerated type for the shared property tests.
type enumCase[E enumValue] struct {
	typ      string
	values   []E
	parse    func(string) (E, error)
	sentinel error
}

// mangle writes s the way users do: any case, blanks around it, several
// blanks or tabs between words.
func mangle(t *rapid.T, s string) string {
	var b strings.Builder
	b.WriteString(rapid.SampledFrom([]string{"", " ", "  ", "\t"}).Draw(t, "leading"))
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteString(rapid.SampledFrom([]string{" ", "  ", "\t", " \t "}).Draw(t, "gap"))
		case rapid.Bool().Draw(t, "upper"):
			b.WriteRune(unicode.ToUpper(r))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	b.WriteString(rapid.SampledFrom([]string{"", " ", "\n"}).Draw(t, "trailing"))
	return b.String()
}

func testEnum[E enumValue, P interface {
	*E
	encoding.TextUnmarshaler
}](t *testing.T, c enumCase[E]) {
	spellings := licensing.Spellings()[c.typ]
	if len(spellings) == 0 {
		t.Fatalf("no spellings for %s", c.typ)
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range spellings {
			if !yield(k) {
				return
			}
		}
	})

	t.Run("TextRoundTrip", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			v := rapid.SampledFrom(c.values).Draw(t, "value")
			if got, err := c.parse(v.String()); err != nil || got != v {
				t.Fatalf("Parse%s(%q) = %#v, %v; want %#v", c.typ, v.String(), got, err, v)
			}
			text, err := v.MarshalText()
			if err != nil {
				t.Fatalf("%#v.MarshalText: %v", v, err)
			}
			var back E
			if err := P(&back).UnmarshalText(text); err != nil || back != v {
				t.Fatalf("UnmarshalText(%q) = %#v, %v; want %#v", text, back, err, v)
			}
			js, err := json.Marshal(map[string]E{"v": v})
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]E
			if err := json.Unmarshal(js, &m); err != nil || m["v"] != v {
				t.Fatalf("JSON %s = %#v, %v; want %#v", js, m["v"], err, v)
			}
		})
	})

	t.Run("ParseAcceptsEverySpelling", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			s := rapid.SampledFrom(keys).Draw(t, "spelling")
			in := mangle(t, s)
			got, err := c.parse(in)
			if err != nil || got.String() != spellings[s] {
				t.Fatalf("Parse%s(%q) = %v, %v; want %s", c.typ, in, got, err, spellings[s])
			}
		})
	})

	t.Run("StringNeverPanics", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			v := E(rapid.Uint8().Draw(t, "raw"))
			s, gs := v.String(), v.GoString()
			if !strings.HasPrefix(gs, "licensing.") {
				t.Fatalf("GoString() = %q, want the licensing. prefix", gs)
			}
			if v.IsValid() != slices.Contains(c.values, v) {
				t.Fatalf("%s.IsValid() = %v, values %v", s, v.IsValid(), c.values)
			}
			if !v.IsValid() {
				if want := fmt.Sprintf("%s(%d)", c.typ, uint8(v)); s != want {
					t.Fatalf("String() = %q, want %q", s, want)
				}
				if _, err := v.MarshalText(); v != 0 && !errors.Is(err, c.sentinel) {
					t.Fatalf("MarshalText of %s: err = %v, want %v", s, err, c.sentinel)
				}
			}
		})
	})

	t.Run("ParseRejectsOtherText", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			s := rapid.String().Draw(t, "text")
			v, err := c.parse(s)
			if err != nil {
				if !errors.Is(err, c.sentinel) {
					t.Fatalf("Parse%s(%q): err = %v, want %v", c.typ, s, err, c.sentinel)
				}
				return
			}
			norm := strings.ToLower(strings.Join(strings.Fields(s), " "))
			if spellings[norm] != v.String() {
				t.Fatalf("Parse%s(%q) = %v, but %q is not one of its spellings", c.typ, s, v, norm)
			}
		})
	})

	t.Run("ZeroIsEmptyText", func(t *testing.T) {
		var zero E
		if text, err := zero.MarshalText(); err != nil || len(text) != 0 {
			t.Fatalf("zero MarshalText = %q, %v; want empty", text, err)
		}
		v := c.values[0]
		if err := P(&v).UnmarshalText(nil); err != nil || v != 0 {
			t.Fatalf("UnmarshalText(empty) = %v, %v; want zero", v, err)
		}
		if zero.IsValid() {
			t.Fatal("zero value is valid")
		}
	})
}

func TestEnums(t *testing.T) {
	t.Run("Pool", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Pool]{"Pool", licensing.Pools(), licensing.ParsePool, licensing.ErrInvalidPool})
	})
	t.Run("Level", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Level]{"Level", licensing.Levels(), licensing.ParseLevel, licensing.ErrInvalidLevel})
	})
	t.Run("Offering", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Offering]{"Offering", licensing.Offerings(), licensing.ParseOffering, licensing.ErrInvalidOffering})
	})
	t.Run("Kind", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Kind]{"Kind", licensing.Kinds(), licensing.ParseKind, licensing.ErrInvalidKind})
	})
	t.Run("Segment", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Segment]{"Segment", licensing.Segments(), licensing.ParseSegment, licensing.ErrInvalidSegment})
	})
	t.Run("Channel", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Channel]{"Channel", licensing.Channels(), licensing.ParseChannel, licensing.ErrInvalidChannel})
	})
	t.Run("Program", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Program]{"Program", licensing.Programs(), licensing.ParseProgram, licensing.ErrInvalidProgram})
	})
	t.Run("Scope", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Scope]{"Scope", licensing.Scopes(), licensing.ParseScope, licensing.ErrInvalidScope})
	})
	t.Run("LicenseModel", func(t *testing.T) {
		testEnum(t, enumCase[licensing.LicenseModel]{"LicenseModel", licensing.LicenseModels(), licensing.ParseLicenseModel, licensing.ErrInvalidLicenseModel})
	})
	t.Run("Style", func(t *testing.T) {
		testEnum(t, enumCase[licensing.Style]{"Style", licensing.Styles(), licensing.ParseStyle, licensing.ErrInvalidStyle})
	})
}

// The spellings the rules name, each on both sides: what parses and what
// must not.
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
		{"GEN-09", "No Level", "NL"},
		{"GEN-08", "level c", "C"},
		{"GEN-08", "E", ""},
		{"GEN-20", "Lic/SA", "LicenseSA"},
		{"GEN-20", "L&SA", "LicenseSA"},
		{"GEN-20", "Software Assurance", "SA"},
		{"GEN-13", "corporate", "Commercial"},
		{"GEN-13", "EDU", "Academic"},
		{"GEN-19", "FPP", "Retail"},
		{"SKU-08", "OLV", "OpenValue"},
		{"SKU-08", "OLP", "OpenLicense"},
		{"OV-01", "OVS", "OpenValueSubscription"},
	}
	parsers := map[string]func(string) (fmt.Stringer, error){
		"GEN-01": func(s string) (fmt.Stringer, error) { return licensing.ParsePool(s) },
		"GEN-08": func(s string) (fmt.Stringer, error) { return licensing.ParseLevel(s) },
		"GEN-09": func(s string) (fmt.Stringer, error) { return licensing.ParseLevel(s) },
		"GEN-20": func(s string) (fmt.Stringer, error) { return licensing.ParseOffering(s) },
		"GEN-13": func(s string) (fmt.Stringer, error) { return licensing.ParseSegment(s) },
		"GEN-19": func(s string) (fmt.Stringer, error) { return licensing.ParseChannel(s) },
		"SKU-08": func(s string) (fmt.Stringer, error) { return licensing.ParseProgram(s) },
		"OV-01":  func(s string) (fmt.Stringer, error) { return licensing.ParseProgram(s) },
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
		{licensing.SA, false, true},
		{licensing.Subscription, false, false},
		{licensing.StepUp, false, false},
	}
	for _, tt := range tests {
		if tt.o.HasLicense() != tt.license || tt.o.HasSA() != tt.sa {
			t.Errorf("%v: HasLicense, HasSA = %v, %v; want %v, %v", tt.o, tt.o.HasLicense(), tt.o.HasSA(), tt.license, tt.sa)
		}
	}
}
