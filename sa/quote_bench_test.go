package sa_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// The quote benchmarks price SA as a program hands its terms over: 27
// months of coverage bought on 2020-04-01, paid as a 3-month stub and two
// years in proportion to the months (WS-15, SP-42), the program's reasons
// already built. BenchmarkQuoteArithmeticBaseline does the same decimal
// arithmetic with no explanation and no schedule structure, so the ratio
// of the two is what the quote adds to the sums.
//
//	go test ./sa -run '^$' -bench Quote -benchmem -count 5

var (
	sinkQuote   sa.Quote
	sinkDecimal decimal.Decimal
	sinkWhy     []licensing.Explanation
)

var benchAnnual = decimal.RequireFromString("29.00")

// BenchmarkQuoteTerms quotes: "quote" reads no explanation, "why" reads
// it as an audit trail would.
func BenchmarkQuoteTerms(b *testing.B) {
	t := stubTerms()
	for _, read := range []bool{false, true} {
		b.Run(map[bool]string{false: "quote", true: "why"}[read], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				q, err := sa.QuoteTerms(t, benchAnnual, 10, sa.DefaultRounding)
				if err != nil {
					b.Fatal(err)
				}
				sinkQuote = q
				if read {
					sinkWhy = q.Why()
				}
			}
		})
	}
}

// BenchmarkQuoteArithmeticBaseline is the arithmetic of a quote alone:
// annual × quantity × months / 12 rounded half up to the cent, and its split
// by months over the periods, the first taking the remainder.
func BenchmarkQuoteArithmeticBaseline(b *testing.B) {
	t := stubTerms()
	twelve, cent := decimal.New(12, 0), decimal.New(1, -2)
	b.ReportAllocs()
	for b.Loop() {
		total := benchAnnual.Mul(decimal.New(10, 0))
		q, rem := total.Mul(decimal.New(int64(t.Coverage.Months), 0)).QuoRem(twelve, 2)
		if rem.Add(rem).Cmp(twelve.Mul(cent)) >= 0 {
			q = q.Add(cent)
		}
		rest := q
		sum := decimal.New(int64(t.Coverage.Months), 0)
		for i := len(t.Periods) - 1; i >= 1; i-- {
			part, _ := q.Mul(decimal.New(int64(t.Periods[i].Months), 0)).QuoRem(sum, 2)
			rest = rest.Sub(part)
			sinkDecimal = part
		}
		sinkDecimal = rest
	}
}
