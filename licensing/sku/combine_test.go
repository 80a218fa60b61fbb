package sku_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/selectplus"
	"pgregory.net/rapid"
)

// combined reads every program's descriptions at once, as examples/skuparse
// does.
var combined = enum.Must(sku.Combine(sku.DefaultTokens(), openvalue.ReadingRules(), openlicense.ReadingRules(),
	selectplus.ReadingRules()))

// The program parsers as they were before their checks became rules: each
// reads with a reader of its own rules (NewReader runs no check), then
// checks what only it sells. They are what Combine must agree with.
var (
	oldOpenValue   = enum.Must(sku.NewReader(sku.DefaultTokens(), openvalue.ReadingRules()...))
	oldOpenLicense = enum.Must(sku.NewReader(sku.DefaultTokens(), openlicense.ReadingRules()...))
	oldSelectPlus  = enum.Must(sku.NewReader(sku.DefaultTokens(), selectplus.ReadingRules()...))
	oldParsers     = []sku.DescriptionParser{
		sku.ParserFunc(func(s string) (sku.Description, error) {
			d, err := oldOpenValue.Parse(s)
			if err != nil {
				return d, err
			}
			if d.AcquiredYear != 0 && d.CoverageYears != 0 && !openvalue.ValidPair(d.AcquiredYear, d.CoverageYears) {
				at, _ := d.OffsetOf(sku.FieldCoverage)
				covers := fmt.Sprintf("1 or %d years", 3+1-d.AcquiredYear)
				if d.AcquiredYear == 3 {
					covers = "1 year"
				}
				return d, &sku.ParseError{Input: s, Offset: at,
					Err: licensing.Refuse("SKU-09", sku.ErrInvalidCombination,
						"%dYR with Acq Y%d: an item acquired in year %d covers %s", d.CoverageYears, d.AcquiredYear, d.AcquiredYear, covers)}
			}
			return d, nil
		}),
		sku.ParserFunc(func(s string) (sku.Description, error) {
			d, err := oldOpenLicense.Parse(s)
			if err != nil {
				return d, err
			}
			isSep := func(r rune) bool { return unicode.IsSpace(r) || r == ',' }
			for at := 0; at < len(s); {
				i := strings.IndexFunc(s[at:], func(r rune) bool { return !isSep(r) })
				if i < 0 {
					break
				}
				at += i
				w := s[at:]
				if j := strings.IndexFunc(w, isSep); j >= 0 {
					w = w[:j]
				}
				for _, r := range []struct{ token, name string }{{"VUP", "Version Upgrade"}, {"PUP", "Product Upgrade"},
					{"UA", "Upgrade Advantage"}, {"CUP", "Competitive Upgrade"}} {
					if strings.EqualFold(w, r.token) {
						return d, &sku.ParseError{Input: s, Offset: at, Err: licensing.Refuse("OL-12", licensing.ErrNotEligible,
							"%s (%s) is an Open License 5.0 type; License & SA replaced it", r.token, r.name)}
					}
				}
				at += len(w)
			}
			return d, nil
		}),
		oldSelectPlus,
	}
	// newParsers are the program parsers as they are.
	newParsers = []sku.DescriptionParser{sku.ParserFunc(openvalue.ParseDescription), sku.ParserFunc(openlicense.ParseDescription),
		sku.ParserFunc(selectplus.ParseDescription)}
)

// edgeWords are the tokens whose readings differ by program: years out of
// range, program tokens together, the Open License 5.0 types, acquisition
// years and coverages of every pair (SKU-09), offerings and none.
var edgeWords = []string{"4YR", "0YR", "7Y", "Acq Y4", "AqY4", "AY7", "Aq Y9", "AcqY0", "OVS", "OLV", "OLP", "OPEN", "Open",
	"MVL", "VUP", "pup", "UA", "Cup", "1YR", "2YR", "3YR", "Acq Y1", "Acq Y2", "AqY3", "AY1", "2Y", "3Y", "SA", "LicSAPk",
	"License", "Sub", "Subscription", "Promo", "2019", "NL", "Microsoft", "4 Cores", "2Proc", "1 License", "CoreL", "Lic/SA"}

// edgeDescriptionGen draws descriptions of every style, with and without a
// program, then adds words of edgeWords among them, or strings edge words
// and product words together, and sometimes cuts the result at 40
// characters as price lists do.
var edgeDescriptionGen = rapid.Custom(func(t *rapid.T) string {
	var words []string
	switch rapid.IntRange(0, 3).Draw(t, "shape") {
	case 0:
		return descriptionGen.Draw(t, "description").text
	case 1, 2:
		words = strings.Split(descriptionGen.Draw(t, "description").text, " ")
		for range rapid.IntRange(1, 3).Draw(t, "edits") {
			at := rapid.IntRange(0, len(words)).Draw(t, "at")
			w := rapid.SampledFrom(edgeWords).Draw(t, "edge")
			words = append(words[:at], append([]string{w}, words[at:]...)...)
		}
	case 3:
		pool := append(append(append([]string{}, edgeWords...), genProducts...), genUnknown...)
		words = rapid.SliceOfN(rapid.SampledFrom(pool), 0, 10).Draw(t, "words")
	}
	s := strings.Join(words, rapid.SampledFrom([]string{" ", "  ", ", ", "\t"}).Draw(t, "gap"))
	if r := []rune(s); len(r) > 40 && rapid.Bool().Draw(t, "cut") {
		s = string(r[:40])
	}
	return s
})

// sentinels are the errors a description parser's errors wrap.
var sentinels = []error{sku.ErrUnreadable, sku.ErrOutOfRange, sku.ErrOtherProgram, sku.ErrInvalidCombination,
	licensing.ErrNotEligible, sku.ErrNoParser}

// sameResult reports how two parsers' results for s differ, or "".
func sameResult(s string, d1 sku.Description, err1 error, d2 sku.Description, err2 error) string {
	if !reflect.DeepEqual(d1, d2) {
		return fmt.Sprintf("%q:\n got %+v\nwant %+v", s, d1, d2)
	}
	if (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
		return fmt.Sprintf("%q: error %v, want %v", s, err1, err2)
	}
	for _, e := range sentinels {
		if errors.Is(err1, e) != errors.Is(err2, e) {
			return fmt.Sprintf("%q: errors.Is(%v, %v) = %v", s, err1, e, errors.Is(err1, e))
		}
	}
	var pe1, pe2 *sku.ParseError
	if errors.As(err1, &pe1) != errors.As(err2, &pe2) || pe1 != nil && (pe1.Offset != pe2.Offset || pe1.Input != pe2.Input) {
		return fmt.Sprintf("%q: parse error %#v, want %#v", s, pe1, pe2)
	}
	return ""
}

// The combined reader returns exactly what ParseWith returns with the
// programs' parsers, the Description (with the offsets of its fields) and
// the error alike, whatever the description: of any program or none, with
// years out of range, OVS and OLV together, an OLP row with no offering,
// an Open License 5.0 type, or an Open Value pair not sold (SKU-09). So do
// ParseInto into a reused Description and the program parsers, each
// against the parser it replaced.
func TestCombineAsParseWith(t *testing.T) {
	var into sku.Description
	rapid.Check(t, func(t *rapid.T) {
		s := edgeDescriptionGen.Draw(t, "s")
		want, wantErr := sku.ParseWith(s, oldParsers...)
		d, err := combined.Parse(s)
		if diff := sameResult(s, d, err, want, wantErr); diff != "" {
			t.Fatalf("Combine: %s", diff)
		}
		err = combined.ParseInto(s, &into)
		d = into
		if len(d.Unknown) == 0 {
			d.Unknown = nil // ParseInto keeps the array it reuses
		}
		if diff := sameResult(s, d, err, want, wantErr); diff != "" {
			t.Fatalf("ParseInto: %s", diff)
		}
		d, err = sku.ParseWith(s, newParsers...)
		if diff := sameResult(s, d, err, want, wantErr); diff != "" {
			t.Fatalf("ParseWith: %s", diff)
		}
		for i, p := range newParsers {
			d, err := p.ParseDescription(s)
			want, wantErr := oldParsers[i].ParseDescription(s)
			if diff := sameResult(s, d, err, want, wantErr); diff != "" {
				t.Fatalf("program parser %d: %s", i, diff)
			}
		}
	})
}

// withoutChecks returns rules without their checks.
func withoutChecks(rules []sku.ProgramRule) []sku.ProgramRule {
	for i := range rules {
		rules[i].Check = nil
	}
	return rules
}

// Rules other than the programs' own combine as ParseWith tries readers of
// each: a later program whose token beats another's (the combined reader
// then reads an out-of-range description as the first rules' reader does),
// and a program no rules read (refused as the first rules' reader refuses
// it, with no description).
func TestCombineOtherRules(t *testing.T) {
	first := withoutChecks(openvalue.ReadingRules())
	later := []sku.ProgramRule{{Program: licensing.OpenLicense, Offering: licensing.License},
		{Program: licensing.MVL, Offering: licensing.SAOnly, Beats: []licensing.Program{licensing.OpenLicense}}}
	for _, groups := range [][][]sku.ProgramRule{{first, later}, {first, later[:1]}, {later, first}} {
		c := enum.Must(sku.Combine(sku.DefaultTokens(), groups...))
		var parsers []sku.DescriptionParser
		for _, g := range groups {
			parsers = append(parsers, enum.Must(sku.NewReader(sku.DefaultTokens(), g...)))
		}
		rapid.Check(t, func(t *rapid.T) {
			s := edgeDescriptionGen.Draw(t, "s")
			want, wantErr := sku.ParseWith(s, parsers...)
			d, err := c.Parse(s)
			if diff := sameResult(s, d, err, want, wantErr); diff != "" {
				t.Fatalf("%d rules: %s", len(groups), diff)
			}
		})
	}
}

// With a check on every rule (Open Value and Open License, no Select
// Plus), a description with no program token is refused only when every
// check refuses it, as ParseWith over the two parsers returns.
func TestCombineEveryRuleChecks(t *testing.T) {
	both := enum.Must(sku.Combine(sku.DefaultTokens(), openvalue.ReadingRules(), openlicense.ReadingRules()))
	rapid.Check(t, func(t *rapid.T) {
		s := edgeDescriptionGen.Draw(t, "s")
		want, wantErr := sku.ParseWith(s, oldParsers[:2]...)
		d, err := both.Parse(s)
		if diff := sameResult(s, d, err, want, wantErr); diff != "" {
			t.Fatalf("Combine(OV, OL): %s", diff)
		}
	})
}

// The cases the property must meet, each at least once.
func TestCombineEdges(t *testing.T) {
	for _, s := range []string{
		"", "   ", "OLV NL", "1YR OLV", "VisioStd ALNG SA NL 1Y AqY1",
		"Office Professional Plus English Lic/SA Pack OLV NL 4YR Acq Y1 AddProd",
		"Office Professional Plus English Lic/SA Pack OLP NL 1YR Acq Y4 AddProd",
		"Office Professional Plus English Lic/SA Pack NL 2YR Acq Y1 AddProd",
		"Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd",
		"Office Professional Plus English Lic/SA Pack OVS NL 2YR Acq Y1 AddProd VUP",
		"VisioStd ALNG OLP NL 4YR", "VisioStd ALNG OLP NL AY7", "VisioStd ALNG NL AY7", "VisioStd ALNG MVL D 4YR",
		"VisioStd ALNG SA OLV NL OVS", "VisioStd ALNG SA OVS NL OLV", "VisioStd ALNG SA OLP NL OLV OVS",
		"VisioStd ALNG SA OLV NL OVS 4YR", "VisioStd ALNG OLP OVS 7Y",
		"Office Pro VUP OLP", "Office Pro PUP", "Office Pro ua ALNG SA", "Office Pro CUP 2YR Acq Y1",
		"Office Pro CUP ALNG SA 2YR Acq Y1 MVL", "Office Pro ALNG OPEN 1 License Level B",
	} {
		want, wantErr := sku.ParseWith(s, oldParsers...)
		d, err := combined.Parse(s)
		if diff := sameResult(s, d, err, want, wantErr); diff != "" {
			t.Error(diff)
		}
	}
}

// Combine refuses what it cannot combine.
func TestCombineRefuses(t *testing.T) {
	for _, tt := range []struct {
		name  string
		rules [][]sku.ProgramRule
		want  error
	}{
		{"no rules", nil, sku.ErrNoParser},
		{"empty rules", [][]sku.ProgramRule{openvalue.ReadingRules(), nil}, sku.ErrNoParser},
		{"beats another's program", [][]sku.ProgramRule{openvalue.ReadingRules(),
			{{Program: licensing.OpenLicense, Beats: []licensing.Program{licensing.OpenValue}}}}, licensing.ErrInvalidProgram},
		{"a program twice", [][]sku.ProgramRule{openvalue.ReadingRules(), openvalue.ReadingRules()}, nil},
	} {
		if _, err := sku.Combine(sku.DefaultTokens(), tt.rules...); err == nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
}
