package sa

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// ErrInvalidAmount reports a negative amount, or one finer than the
// currency's minor unit where a schedule must split it exactly.
var ErrInvalidAmount = errors.New("invalid amount")

// ErrInvalidMode is wrapped by every error that reports a malformed rounding mode.
var ErrInvalidMode = errors.New("invalid rounding mode")

// ErrInvalidRounding is wrapped by every error that reports a Rounding to
// a number of places outside 0 to MaxPlaces.
var ErrInvalidRounding = errors.New("invalid rounding")

// MaxPlaces is the most decimal places a Rounding rounds to (LIB-03).
// Currencies' minor units have 0 to 4; the bound keeps every price in exact
// int64 arithmetic and a Rounding edited by hand from a computation without
// end.
const MaxPlaces = 18

// A Mode is a rounding mode. The zero Mode is not valid; a Rounding with
// none rounds half up.
type Mode uint8

// The rounding modes.
const (
	HalfUp   Mode = iota + 1 // half away from zero: 60.415 → 60.42
	HalfEven                 // half to even (banker's): 60.425 → 60.42
	Down                     // toward zero: 60.419 → 60.41
)

// Rounding says how money is rounded, once, at the end of a computation
// (SA-22): to Places decimal places (the currency's minor unit) by Mode.
// The zero Rounding is DefaultRounding.
type Rounding struct {
	Places int32 `json:"places"`
	Mode   Mode  `json:"mode"`
}

// DefaultRounding rounds to cents, half away from zero (SA-22).
var DefaultRounding = Rounding{Places: 2, Mode: HalfUp}

// Validate reports a Rounding that cannot round: Places outside 0 to
// MaxPlaces (ErrInvalidRounding), or a Mode that is neither zero nor one
// of the modes (ErrInvalidMode). The functions that price and split money
// refuse such a Rounding with this error.
func (r Rounding) Validate() error {
	switch {
	case r.Places < 0 || r.Places > MaxPlaces:
		return fmt.Errorf("sa: rounding to %d places: %w: want 0 to %d (LIB-03)", r.Places, ErrInvalidRounding, MaxPlaces)
	case r.Mode != 0 && !r.Mode.IsValid():
		return fmt.Errorf("sa: rounding: mode %d: %w", uint8(r.Mode), ErrInvalidMode)
	}
	return nil
}

// String returns "2 places, half-up".
func (r Rounding) String() string {
	r = r.withDefaults()
	return strconv.Itoa(int(r.Places)) + " places, " + r.Mode.String()
}

// withDefaults returns r, or DefaultRounding for the zero Rounding, with
// HalfUp for no mode.
func (r Rounding) withDefaults() Rounding {
	if r == (Rounding{}) {
		return DefaultRounding
	}
	if r.Mode == 0 {
		r.Mode = HalfUp
	}
	return r
}

// orDefault returns r with its defaults, reading an invalid r as the
// nearest valid one, Places clamped to 0..MaxPlaces and an unknown Mode as
// HalfUp, so that Round always ends; the functions that return errors
// refuse it first (Validate).
func (r Rounding) orDefault() Rounding {
	r = r.withDefaults()
	r.Places = max(0, min(MaxPlaces, r.Places))
	if !r.Mode.IsValid() {
		r.Mode = HalfUp
	}
	return r
}

// Round returns x rounded once to r. An invalid r (see Validate) is read
// as the nearest valid one: Places clamped to 0..MaxPlaces, an unknown Mode
// as HalfUp.
func (r Rounding) Round(x decimal.Decimal) decimal.Decimal { return r.quo(x, 1) }

// quo returns x / den, den > 0, computed exactly and rounded once to r
// (SA-22): the quotient is never truncated before it is rounded.
func (r Rounding) quo(x decimal.Decimal, den int64) decimal.Decimal {
	r = r.orDefault()
	if q, ok := r.quoInt64(x, den); ok {
		return q
	}
	return r.quoBig(x, den)
}

// pow10 are the powers of ten an int64 holds.
var pow10 = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// quoInt64 is quo in int64 arithmetic, for the amounts money has: it
// reports false, computing nothing, when x's digits scaled to r's places,
// or den scaled the other way, might not fit in 18 digits. It rounds
// exactly as quoBig does and allocates only the result.
func (r Rounding) quoInt64(x decimal.Decimal, den int64) (decimal.Decimal, bool) {
	if den <= 0 || den >= pow10[9] || r.Places < 0 || r.Places > 18 {
		return decimal.Decimal{}, false
	}
	digits, shift := x.NumDigits(), int(x.Exponent())+int(r.Places)
	num, d := x.CoefficientInt64(), den
	switch {
	case shift >= 0 && digits+shift <= 18:
		num *= pow10[shift]
	case shift < 0 && -shift <= 9 && digits <= 18:
		d *= pow10[-shift]
	default:
		return decimal.Decimal{}, false
	}
	q, rem := num/d, num%d // truncated toward zero, as QuoRem
	if rem != 0 && r.Mode != Down {
		if rem < 0 {
			rem = -rem
		}
		if c := 2 * rem; c > d || c == d && (r.Mode == HalfUp || q%2 != 0) {
			if num < 0 {
				q--
			} else {
				q++
			}
		}
	}
	return decimal.New(q, -r.Places), true
}

// quoBig is quo for any x, in big-number arithmetic.
func (r Rounding) quoBig(x decimal.Decimal, den int64) decimal.Decimal {
	d := decimal.New(den, 0)
	q, rem := x.QuoRem(d, r.Places) // x = d·q + rem, q truncated toward zero
	if rem.IsZero() || r.Mode == Down {
		return q
	}
	unit := decimal.New(1, -r.Places)
	c := rem.Abs().Add(rem.Abs()).Cmp(d.Mul(unit)) // 2|rem| against the half unit
	if c > 0 || c == 0 && (r.Mode == HalfUp || q.Shift(r.Places).BigInt().Bit(0) == 1) {
		if x.Sign() < 0 {
			return q.Sub(unit)
		}
		return q.Add(unit)
	}
	return q
}

// isMinorUnits reports whether x has no digits below r's minor unit.
func (r Rounding) isMinorUnits(x decimal.Decimal) bool { return r.Round(x).Equal(x) }

// ErrInvalidGranularity is wrapped by every error that reports a malformed billing granularity.
var ErrInvalidGranularity = errors.New("invalid billing granularity")

// A Granularity is the unit that prorated coverage is billed in:
// months, or quarters as some academic resellers did. The zero Granularity
// bills by month.
type Granularity uint8

// The granularities.
const (
	Monthly   Granularity = iota + 1 // bill the months covered (SP-39)
	Quarterly                        // bill whole quarters, a part quarter in full (LIB-04)
)

// granularityMonths is the number of months in each billing unit.
var granularityMonths = [...]int{Monthly: 1, Quarterly: 3}

// Bill returns the months billed for months of coverage: the months
// themselves, or, by quarter, rounded up to a whole quarter (LIB-04).
func (g Granularity) Bill(months int) int {
	unit := granularityMonths[Monthly]
	if g.IsValid() {
		unit = granularityMonths[g]
	}
	return (months + unit - 1) / unit * unit
}

// A Pricer prices SA coverage from an annual price (SA-09), rounding once
// by r (SA-22), and names the rule it prices by. [Prorated] and
// [FixedTerm] are the two the guides describe; [Quote] takes any.
type Pricer interface {
	Price(annual decimal.Decimal, c Coverage, r Rounding) (decimal.Decimal, error)
	Rule() licensing.RuleID
}

// Prorated prices coverage at annual × months / 12, billing the months by
// Granularity (SA-12, X-17). The zero Prorated bills by month.
type Prorated struct {
	Granularity Granularity
}

var _ Pricer = Prorated{}

// Price returns annual × billed months / 12, rounded once by r.
func (p Prorated) Price(annual decimal.Decimal, c Coverage, r Rounding) (decimal.Decimal, error) {
	if err := r.Validate(); err != nil {
		return decimal.Decimal{}, err
	}
	if annual.Sign() < 0 || c.Months < 0 {
		return decimal.Decimal{}, fmt.Errorf("sa: prorating %v for %d months: %w", annual, c.Months, ErrInvalidAmount)
	}
	return r.quo(annual.Mul(decimal.New(int64(p.Granularity.Bill(c.Months)), 0)), 12), nil
}

// Rule returns SA-12.
func (Prorated) Rule() licensing.RuleID { return "SA-12" }

// String returns "annual × billed months / 12, by month".
func (p Prorated) String() string {
	g := p.Granularity
	if !g.IsValid() {
		g = Monthly
	}
	return "annual × billed months / 12, by " + g.String()
}

// FixedTerm prices coverage at a fixed number of months whatever the
// coverage actually runs, under the rule of the program that sells it so
// (SA-18): a two-year price paid in full for eight months of coverage.
type FixedTerm struct {
	Months int
	RuleID licensing.RuleID // the program's rule, such as OL-14
}

var _ Pricer = FixedTerm{}

// Price returns annual × Months / 12, rounded once by r, ignoring how long
// c runs.
func (f FixedTerm) Price(annual decimal.Decimal, _ Coverage, r Rounding) (decimal.Decimal, error) {
	if err := r.Validate(); err != nil {
		return decimal.Decimal{}, err
	}
	if annual.Sign() < 0 || f.Months < 0 {
		return decimal.Decimal{}, fmt.Errorf("sa: pricing %v for a fixed %d months: %w", annual, f.Months, ErrInvalidAmount)
	}
	return r.quo(annual.Mul(decimal.New(int64(f.Months), 0)), 12), nil
}

// Rule returns the program's rule.
func (f FixedTerm) Rule() licensing.RuleID { return f.RuleID }

// String returns "the fixed 24-month price whatever the coverage".
func (f FixedTerm) String() string {
	return "the fixed " + strconv.Itoa(f.Months) + "-month price whatever the coverage"
}
