package sku_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing/sku"
)

// benchCorpus is a fixed corpus of generated descriptions in every style,
// with their irregularities: 600 of each style.
var benchCorpus = func() []string {
	var out []string
	for _, style := range sku.Styles() {
		gen := drawStyleGen(style)
		for seed := range 600 {
			out = append(out, gen.Example(seed).text)
		}
	}
	return out
}()

// regexpShortForm is the baseline: a straightforward regular expression for
// Microsoft's short form, matched ignoring case.
var regexpShortForm = regexp.MustCompile(`(?i)^\s*(?P<product>.+?)\s+(?:(?P<version>\d{4}(?:R\d)?|\d+\.\d+)\s+)?` +
	`(?P<language>ALNG|SNGL|[a-z]+)\s+(?:(?P<offering>LicSAPk|LSA|SA|SubsVL|StepUp)\s+)?(?P<program>OLV|OVS|OLP|MVL)` +
	`(?:\s+(?P<pack>\d+)Lic)?(?:\s+(?P<level>NL|[A-D]))?(?:\s+(?P<coverage>[1-3])Y)?(?:\s+(?:Aq\s?Y|AY)(?P<acquired>[1-3]))?` +
	`(?:\s+(?P<scope>AP|E|Pltfrm))?(?:\s+(?P<model>CoreLic|DvcCAL|UsrCAL|PerUsr|SAL))?(?P<rest>.*)$`)

var (
	sinkDescription sku.Description
	sinkFields      []string
	sinkMatch       []int
)

// BenchmarkParse reads the whole corpus; one op is one description.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d, _ := testReader.Parse(benchCorpus[i%len(benchCorpus)])
		sinkDescription = d
		i++
	}
}

// BenchmarkParseRegexpBaseline matches the short-form regular expression.
func BenchmarkParseRegexpBaseline(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkMatch = regexpShortForm.FindStringSubmatchIndex(benchCorpus[i%len(benchCorpus)])
		i++
	}
}

// BenchmarkParseFieldsBaseline only splits the words.
func BenchmarkParseFieldsBaseline(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkFields = strings.Fields(benchCorpus[i%len(benchCorpus)])
		i++
	}
}

// The corpus has every style, and each description parses.
func TestBenchCorpus(t *testing.T) {
	styles := map[sku.Style]int{}
	for _, s := range benchCorpus {
		d, err := testReader.Parse(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		styles[d.Style]++
	}
	for _, st := range sku.Styles() {
		if styles[st] < 500 {
			t.Errorf("%d descriptions read as %v, want about 600", styles[st], st)
		}
	}
}
