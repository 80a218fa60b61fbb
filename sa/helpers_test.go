package sa_test

import (
	"math/big"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

var date = licensing.MustParseDate

// Generators shared by the sa tests: any day of the century from 1990, and
// amounts in cents or, as 29 % of a price in cents has, in 10^-4.
var (
	dateGen   = rapid.Map(rapid.IntRange(0, 36889), date("1990-01-01").AddDays)
	centsGen  = rapid.Map(rapid.Int64Range(0, 10_000_000_00), func(n int64) decimal.Decimal { return decimal.New(n, -2) })
	annualGen = rapid.Map(rapid.Int64Range(0, 10_000_000_0000), func(n int64) decimal.Decimal { return decimal.New(n, -4) })
)

// roundHalfUp is the naive model of rounding a non-negative rational to
// cents, half away from zero.
func roundHalfUp(r *big.Rat) decimal.Decimal {
	x := new(big.Rat).Mul(r, big.NewRat(100, 1))
	x.Add(x, big.NewRat(1, 2))
	q := new(big.Int).Quo(x.Num(), x.Denom())
	return decimal.NewFromBigInt(q, -2)
}

// renewalRules is a program's renewal row as the sa tests build it: Select
// Plus's, as its package holds them (SP-44 to SP-47).
var renewalRules = sa.Renewal{OnTime: "SP-45", Lapse: "SP-46", Other: "SP-47", CoTerm: "SP-44"}

// periodsGen draws one to six periods that follow each other without a
// gap, each 1 to 12 months long by its month count, as a payment plan
// gives them.
func periodsGen(t *rapid.T, start licensing.Date) []sa.Coverage {
	n := rapid.IntRange(1, 6).Draw(t, "periods")
	out := make([]sa.Coverage, 0, n)
	from := start
	for range n {
		m := rapid.IntRange(1, 12).Draw(t, "periodMonths")
		end := from.AddMonths(m).AddDays(-1)
		out = append(out, sa.Coverage{Start: from, End: end, Months: m})
		from = end.AddDays(1)
	}
	return out
}
