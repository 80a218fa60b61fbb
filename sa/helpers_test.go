package sa_test

import (
	"math/big"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// Generators shared by the sa tests, built from the real tables.
var (
	dateGen = rapid.Custom(func(t *rapid.T) licensing.Date {
		y := rapid.IntRange(1990, 2090).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		d := rapid.IntRange(1, time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()).Draw(t, "day")
		return licensing.MustDate(y, m, d)
	})
	monthGen = rapid.Custom(func(t *rapid.T) time.Month {
		return time.Month(rapid.IntRange(1, 12).Draw(t, "anniversaryMonth"))
	})
	centsGen = rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.New(rapid.Int64Range(0, 10_000_000_00).Draw(t, "cents"), -2)
	})
	// annualGen draws annual prices with sub-cent digits too, as 29 % of a
	// price in cents has.
	annualGen = rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.New(rapid.Int64Range(0, 10_000_000_0000).Draw(t, "annual"), -4)
	})
)

// roundHalfUp is the naive model of rounding a non-negative rational to
// cents, half away from zero.
func roundHalfUp(r *big.Rat) decimal.Decimal {
	x := new(big.Rat).Mul(r, big.NewRat(100, 1))
	x.Add(x, big.NewRat(1, 2))
	q := new(big.Int).Quo(x.Num(), x.Denom())
	return decimal.NewFromBigInt(q, -2)
}
