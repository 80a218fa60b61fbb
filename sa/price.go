package sa

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// ErrInvalidAmount reports a negative amount, or one finer than the
// currency's minor unit where a schedule must split it exactly.
var ErrInvalidAmount = errors.New("invalid amount")

// A Mode is a rounding mode.
type Mode uint8

// The rounding modes.
const (
	HalfUp   Mode = iota + 1 // half away from zero: 60.415 → 60.42
	HalfEven                 // half to even (banker's): 60.425 → 60.42
	Down                     // toward zero: 60.419 → 60.41
)

var modeNames = [...]string{HalfUp: "half-up", HalfEven: "half-even", Down: "down"}

// String returns "half-up", "half-even" or "down".
func (m Mode) String() string {
	if m >= HalfUp && m <= Down {
		return modeNames[m]
	}
	return "Mode(?)"
}

// Rounding says how money is rounded, once, at the end of a computation
// (SA-22): to Places decimal places (the currency's minor unit) by Mode.
type Rounding struct {
	Places int32
	Mode   Mode
}

// DefaultRounding rounds to cents, half away from zero (SA-22).
var DefaultRounding = Rounding{Places: 2, Mode: HalfUp}

// String returns "2 places, half-up".
func (r Rounding) String() string { return fmt.Sprintf("%d places, %v", r.Places, r.Mode) }

// orDefault returns r, or DefaultRounding for the zero Rounding.
func (r Rounding) orDefault() Rounding {
	if r == (Rounding{}) {
		return DefaultRounding
	}
	if r.Mode == 0 {
		r.Mode = HalfUp
	}
	return r
}

// MulDiv returns x × num / den rounded once to r (SA-22). It is exact: the
// quotient is never truncated before it is rounded. den must not be zero.
func (r Rounding) MulDiv(x decimal.Decimal, num, den int64) decimal.Decimal {
	r = r.orDefault()
	n := new(big.Int).Mul(x.Coefficient(), big.NewInt(num))
	d := big.NewInt(den)
	if den < 0 {
		n.Neg(n)
		d.Neg(d)
	}
	// value = n × 10^exp / d; we want it scaled by 10^places.
	shift := int64(x.Exponent()) + int64(r.Places)
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(abs(shift)), nil)
	if shift >= 0 {
		n.Mul(n, pow)
	} else {
		d.Mul(d, pow)
	}
	q, rem := new(big.Int).QuoRem(n, d, new(big.Int))
	if rem.Sign() != 0 && r.Mode != Down {
		twice := new(big.Int).Abs(rem)
		twice.Lsh(twice, 1)
		c := twice.Cmp(d)
		if c > 0 || (c == 0 && (r.Mode == HalfUp || q.Bit(0) == 1)) {
			if n.Sign() < 0 {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	return decimal.NewFromBigInt(q, -r.Places)
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// Round returns x rounded once to r.
func (r Rounding) Round(x decimal.Decimal) decimal.Decimal { return r.MulDiv(x, 1, 1) }

// isMinorUnits reports whether x has no digits below r's minor unit.
func (r Rounding) isMinorUnits(x decimal.Decimal) bool {
	return r.orDefault().Round(x).Equal(x)
}

// AnnualReference returns the annual SA reference price of a license bought
// at licensePrice, for a product in pool: 25 % for server products and 29 %
// for desktop and systems products (SA-04, GEN-18). The result is exact and
// not rounded; prices built on it round once at their end (SA-22).
func AnnualReference(licensePrice decimal.Decimal, pool licensing.Pool) (decimal.Decimal, licensing.Explanation, error) {
	if licensePrice.Sign() < 0 {
		return decimal.Decimal{}, licensing.Explanation{}, fmt.Errorf("sa: license price %v: %w", licensePrice, ErrInvalidAmount)
	}
	class, ok := ClassOf(pool)
	if !ok {
		return decimal.Decimal{}, licensing.Explanation{}, licensing.Refuse("GEN-18", licensing.ErrNoPool, "no SA rate for pool %v", pool)
	}
	rate, _ := RateOf(class)
	annual := licensePrice.Mul(rate.Rate)
	return annual, licensing.Explain(rate.Rule, fmt.Sprintf("annual SA reference %v", annual),
		licensing.F("licensePrice", licensePrice), licensing.F("pool", pool), licensing.F("class", class),
		licensing.F("rate", rate.Rate)), nil
}

// Prorated prices coverage at annual × months / 12 (SA-12), billing the
// months by Granularity and rounding once by Rounding (SA-22). The
// zero Prorated bills by month and rounds to cents, half up. It implements
// licensing.Prorater.
type Prorated struct {
	Granularity Granularity
	Rounding    Rounding
}

var _ licensing.Prorater = Prorated{}

// Prorate returns annual × billed months / 12, rounded once.
func (p Prorated) Prorate(annual decimal.Decimal, c licensing.Coverage) (decimal.Decimal, error) {
	if annual.Sign() < 0 || c.Months < 0 {
		return decimal.Decimal{}, fmt.Errorf("sa: prorating %v for %d months: %w", annual, c.Months, ErrInvalidAmount)
	}
	return p.Rounding.MulDiv(annual, int64(p.Granularity.Bill(c.Months)), 12), nil
}

// FixedTerm prices coverage at a fixed number of months whatever the
// coverage actually runs: Open License SA is sold only at its two-year
// price, even with 8 months left (OL-14, OL-27, SA-18). It implements
// licensing.Prorater.
type FixedTerm struct {
	Months   int
	Rounding Rounding
}

var _ licensing.Prorater = FixedTerm{}

// Prorate returns annual × Months / 12, rounded once, ignoring c.
func (f FixedTerm) Prorate(annual decimal.Decimal, _ licensing.Coverage) (decimal.Decimal, error) {
	if annual.Sign() < 0 {
		return decimal.Decimal{}, fmt.Errorf("sa: pricing %v: %w", annual, ErrInvalidAmount)
	}
	return f.Rounding.MulDiv(annual, int64(f.Months), 12), nil
}

// Price prices coverage c from an annual price with the row's pricing,
// explaining the figures (SA-09, SA-12, OL-14).
func (row ModelRow) Price(annual decimal.Decimal, c licensing.Coverage) (decimal.Decimal, licensing.Explanation, error) {
	price, err := row.Pricing.Prorate(annual, c)
	if err != nil {
		return decimal.Decimal{}, licensing.Explanation{}, err
	}
	rule, how := licensing.RuleID("SA-12"), fmt.Sprintf("annual × %d/12", row.Granularity.Bill(c.Months))
	if f, ok := row.Pricing.(FixedTerm); ok {
		rule, how = "OL-14", fmt.Sprintf("fixed %d-month price whatever the coverage", f.Months)
	}
	return price, licensing.Explain(rule, fmt.Sprintf("price %v (%s)", price, how),
		licensing.F("annual", annual), licensing.F("coverage", c), licensing.F("granularity", row.Granularity)), nil
}

// ValueRatio returns the share of a full term that coverage c gives:
// c.Months / MaxMonths, exactly. Under fixed-term pricing it is the value
// received for the price paid: 1 for two full years of Open License SA, 1/3
// for 8 months (OL-15, SA-18). Below 1, a new Open License may give more SA
// value, if a new initial order is possible (OL-15).
func (row ModelRow) ValueRatio(c licensing.Coverage) *big.Rat {
	if row.MaxMonths <= 0 {
		return new(big.Rat)
	}
	return big.NewRat(int64(c.Months), int64(row.MaxMonths))
}
