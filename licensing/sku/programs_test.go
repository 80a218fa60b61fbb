package sku_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/selectplus"
)

// programParsers are the programs' parsers, each with the programs it reads
// and what else it promises of what it accepts.
var programParsers = []struct {
	name     string
	parse    func(string) (sku.Description, error)
	programs []licensing.Program
	promise  func(d sku.Description) string // "" when kept
}{
	{"openvalue", openvalue.ParseDescription, []licensing.Program{licensing.OpenValue, licensing.OpenValueSubscription},
		func(d sku.Description) string {
			if d.AcquiredYear != 0 && d.CoverageYears != 0 && !openvalue.ValidPair(d.AcquiredYear, d.CoverageYears) {
				return "an invalid acquisition year and coverage (SKU-09)"
			}
			return ""
		}},
	{"openlicense", openlicense.ParseDescription, []licensing.Program{licensing.OpenLicense},
		func(d sku.Description) string {
			if d.Program == licensing.OpenLicense && d.Offering == 0 {
				return "an OLP row without an offering (X-19)"
			}
			for _, w := range append(strings.Fields(d.Product), tokens(d.Unknown)...) {
				if slices.Contains([]string{"VUP", "PUP", "UA", "CUP"}, strings.ToUpper(w)) {
					return "a retired 5.0 type (OL-12)"
				}
			}
			return ""
		}},
	{"selectplus", selectplus.ParseDescription, []licensing.Program{licensing.MVL}, func(sku.Description) string { return "" }},
}

func tokens(ts []sku.Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

// FuzzProgramParsers runs every program's parser on any input: none panics,
// a failure is a *sku.ParseError, and what a parser accepts is of its own
// programs (or of none) and keeps the program's promises.
func FuzzProgramParsers(f *testing.F) {
	for _, s := range seedDescriptions {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range programParsers {
			d, err := p.parse(s)
			var pe *sku.ParseError
			switch {
			case err != nil && !errors.As(err, &pe):
				t.Fatalf("%s(%q): %v is not a *ParseError", p.name, s, err)
			case err != nil:
			case d.Program != 0 && !slices.Contains(p.programs, d.Program):
				t.Fatalf("%s(%q) accepted program %v", p.name, s, d.Program)
			case p.promise(d) != "":
				t.Fatalf("%s(%q) accepted %s: %+v", p.name, s, p.promise(d), d)
			}
		}
	})
}
