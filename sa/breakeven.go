package sa

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// A Breakeven compares attaching SA with buying a new license at each
// upgrade (SA-05): over an upgrade interval of Years, SA costs Rate × Years
// license prices against one new license, so SA is Economical exactly when
// Rate × Years ≤ 1. Everything is exact; Cost is Rate × Years.
//
// It marshals to JSON with lowerCamel names; the rate, years and cost are
// ratios, not money, and keep their own digits ("0.29"). The explanation is
// not marshalled.
type Breakeven struct {
	Class      Class           `json:"class"`
	Rate       decimal.Decimal `json:"rate"`
	Years      decimal.Decimal `json:"years"`
	Cost       decimal.Decimal `json:"cost"` // SA paid over the interval, in license prices
	Economical bool            `json:"economical"`
	why        licensing.Explanation
}

// Why explains the comparison: rate × interval against one license price.
func (b Breakeven) Why() licensing.Explanation { return b.why }

// CompareUpgrade decides whether SA beats a new license for a product class
// upgraded every years years (SA-04 to SA-06): servers (25 %) up to 4 years,
// desktop and systems (29 %) up to 1/0.29 = 3.448… years, which the guide
// rounds to 3.4. Equality counts as SA ("or less").
func CompareUpgrade(c Class, years decimal.Decimal) (Breakeven, error) {
	rate, ok := RateOf(c)
	if !ok {
		return Breakeven{}, fmt.Errorf("sa: breakeven: product class %v: %w", c, ErrInvalidClass)
	}
	if years.Sign() <= 0 {
		return Breakeven{}, fmt.Errorf("sa: breakeven: upgrade interval %v years: %w", years, ErrInvalidAmount)
	}
	cost := rate.Rate.Mul(years)
	b := Breakeven{Class: c, Rate: rate.Rate, Years: years, Cost: cost, Economical: cost.Cmp(decimal.New(1, 0)) <= 0}
	verdict := "buy a new license at each upgrade"
	if b.Economical {
		verdict = "attach SA"
	}
	b.why = licensing.Explain("SA-05", fmt.Sprintf("%s: rate × interval = %v %s 1", verdict, cost, map[bool]string{true: "≤", false: ">"}[b.Economical]),
		licensing.F("class", c), licensing.F("rate", rate.Rate), licensing.F("years", years), licensing.F("breakEvenYears", BreakevenYears(c).RatString()))
	return b, nil
}

// BreakevenYears returns the longest upgrade interval for which SA is
// economical for a class, 1/rate, exactly: 4 for servers, 100/29 for
// desktop and systems (SA-05). It returns zero for an unknown class.
func BreakevenYears(c Class) *big.Rat {
	rate, ok := RateOf(c)
	if !ok || rate.Rate.Sign() == 0 {
		return new(big.Rat)
	}
	return new(big.Rat).Inv(rate.Rate.Rat())
}
