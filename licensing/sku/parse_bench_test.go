package sku_test

import (
	"math/bits"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/selectplus"
)

// The parse benchmarks read a fixed corpus; one op reads all of it, so
// allocs/op is the exact count for the corpus, and the metrics ns/desc and
// allocs/desc divide by its size without rounding. Baselines run in the
// same run: strings.Fields, a one-pass floor and a regular expression.
//
//	go test ./licensing/sku -run '^$' -bench Parse -benchmem -count 5

// corpusShares are the styles in the proportions a reseller's price files
// mix them: mostly Microsoft's short form, then the long form of the
// Open Value guides, distributors' upper-case rewrites, resellers' edits,
// and a few expanded Online Services rows; in thousandths.
var corpusShares = []struct {
	style sku.Style
	share int
}{
	{sku.Short, 500}, {sku.Long, 200}, {sku.Distributor, 150}, {sku.Reseller, 100}, {sku.Expanded, 50},
}

// corpusSize is the number of descriptions in the corpus.
const corpusSize = 2000

// benchCorpus is a fixed corpus of generated descriptions in every style,
// with their irregularities, in corpusShares' proportions.
var benchCorpus = func() []string {
	var out []string
	for _, cs := range corpusShares {
		gen := drawStyleGen(cs.style)
		for seed := range corpusSize * cs.share / 1000 {
			out = append(out, gen.Example(seed).text)
		}
	}
	return out
}()

// regexpShortForm is a baseline: a straightforward regular expression for
// Microsoft's short form, matched ignoring case.
var regexpShortForm = regexp.MustCompile(`(?i)^\s*(?P<product>.+?)\s+(?:(?P<version>\d{4}(?:R\d)?|\d+\.\d+)\s+)?` +
	`(?P<language>ALNG|SNGL|[a-z]+)\s+(?:(?P<offering>LicSAPk|LSA|SA|SubsVL|StepUp)\s+)?(?P<program>OLV|OVS|OLP|MVL)` +
	`(?:\s+(?P<pack>\d+)Lic)?(?:\s+(?P<level>NL|[A-D]))?(?:\s+(?P<coverage>[1-3])Y)?(?:\s+(?:Aq\s?Y|AY)(?P<acquired>[1-3]))?` +
	`(?:\s+(?P<scope>AP|E|Pltfrm))?(?:\s+(?P<model>CoreLic|DvcCAL|UsrCAL|PerUsr|SAL))?(?P<rest>.*)$`)

// floorWords is the one-pass floor's table: the hash of the first word of
// every spelling of the vocabulary, lower case, by open addressing.
var floorWords = func() []uint32 {
	var words []string
	for _, row := range sku.DefaultTokens() {
		words = append(words, strings.Fields(strings.ToLower(row.Text))[0])
	}
	table := make([]uint32, 1<<bits.Len(uint(4*len(words))))
	for _, w := range words {
		h := floorHash(w)
		i := h & uint32(len(table)-1)
		for table[i] != 0 && table[i] != h {
			i = (i + 1) & uint32(len(table)-1)
		}
		table[i] = h
	}
	return table
}()

func floorHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i]|0x20)) * 16777619
	}
	return h | 1
}

// floorScan is the one-pass floor: it walks the bytes once, hashes each
// token ignoring case as it goes, and looks the hash up; it counts the
// tokens the vocabulary may know. No parser can read a description in less.
func floorScan(s string) int {
	known, mask := 0, uint32(len(floorWords)-1)
	h, in := uint32(2166136261), false
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != ',' {
			h, in = (h^uint32(s[i]|0x20))*16777619, true
			continue
		}
		if in {
			h |= 1
			for k := h & mask; floorWords[k] != 0; k = (k + 1) & mask {
				if floorWords[k] == h {
					known++
					break
				}
			}
			h, in = 2166136261, false
		}
	}
	return known
}

// programParsersInTurn are the programs' parsers tried in turn, as
// examples/skuparse read descriptions before Combine: each wrong program
// reads the description again.
var programParsersInTurn = sku.Parsers{sku.ParserFunc(openvalue.ParseDescription), sku.ParserFunc(openlicense.ParseDescription),
	sku.ParserFunc(selectplus.ParseDescription)}

var (
	sinkDescription sku.Description
	sinkErr         error
	sinkInt         int
	sinkFields      []string
	sinkMatch       []int
)

// BenchmarkParse reads the corpus, one op being the whole corpus: with the
// test reader (every program's rules), into a caller's Description, with
// the combined reader the CLI uses (which runs the programs' checks), with
// the programs' parsers tried in turn, and the baselines.
func BenchmarkParse(b *testing.B) {
	var into sku.Description
	cases := []struct {
		name string
		read func(s string)
	}{
		{"plain", func(s string) { sinkDescription, sinkErr = testReader.Parse(s) }},
		{"into", func(s string) { sinkErr = testReader.ParseInto(s, &into) }},
		{"combined", func(s string) { sinkDescription, sinkErr = combined.Parse(s) }},
		{"inturn", func(s string) { sinkDescription, sinkErr = programParsersInTurn.ParseDescription(s) }},
		{"floor", func(s string) { sinkInt = floorScan(s) }},
		{"fields", func(s string) { sinkFields = strings.Fields(s) }},
		{"regexp", func(s string) { sinkMatch = regexpShortForm.FindStringSubmatchIndex(s) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			ops := 0
			for b.Loop() {
				for _, s := range benchCorpus {
					c.read(s)
				}
				ops++
			}
			runtime.ReadMemStats(&after)
			n := float64(ops * len(benchCorpus))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/desc")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/desc")
		})
	}
}

// BenchmarkParseRatio measures the plain parse and the combined parser
// against the one-pass floor in alternation, a pass over the corpus each
// in turn, so that the ratios the targets name (plain ≤ 1.5× the
// floor, combined ≤ 1.3× plain) do not depend on how fast the machine
// was in the second each ran alone: on a shared machine whose speed
// drifts, BenchmarkParse's separate runs can differ by a fifth.
//
//	go test ./licensing/sku -run '^$' -bench ParseRatio -count 5
func BenchmarkParseRatio(b *testing.B) {
	var into sku.Description
	var plain, comb, floor time.Duration
	ops := 0
	for b.Loop() {
		t0 := time.Now()
		for _, s := range benchCorpus {
			sinkInt = floorScan(s)
		}
		t1 := time.Now()
		for _, s := range benchCorpus {
			sinkErr = testReader.ParseInto(s, &into)
		}
		t2 := time.Now()
		for _, s := range benchCorpus {
			sinkErr = combined.ParseInto(s, &into)
		}
		t3 := time.Now()
		floor, plain, comb = floor+t1.Sub(t0), plain+t2.Sub(t1), comb+t3.Sub(t2)
		ops++
	}
	n := float64(ops * len(benchCorpus))
	b.ReportMetric(float64(plain.Nanoseconds())/n, "plain-ns/desc")
	b.ReportMetric(float64(floor.Nanoseconds())/n, "floor-ns/desc")
	b.ReportMetric(float64(plain)/float64(floor), "plain/floor")
	b.ReportMetric(float64(comb)/float64(plain), "combined/plain")
}

// The corpus has every style in its share, and each description parses.
func TestBenchCorpus(t *testing.T) {
	styles := map[sku.Style]int{}
	for _, s := range benchCorpus {
		d, err := testReader.Parse(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		styles[d.Style]++
	}
	for _, cs := range corpusShares {
		if want, got := corpusSize*cs.share/1000, styles[cs.style]; got < want*9/10 || got > want*11/10 {
			t.Errorf("%d descriptions read as %v, want about %d", got, cs.style, want)
		}
	}
}
