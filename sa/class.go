package sa

import (
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// ErrInvalidClass is wrapped by every error that reports a malformed product class.
var ErrInvalidClass = errors.New("invalid product class")

// A Class is a product class for SA pricing (GEN-18): server products, or
// desktop and systems products. The zero Class is not valid.
type Class uint8

// The product classes.
const (
	ServerProducts  Class = iota + 1 // the Servers pool, CALs included
	DesktopProducts                  // the Applications and Systems pools
)

// poolClasses maps each pool to its SA product class (GEN-18). CALs count
// in the Servers pool (GEN-03) and so take the server rate.
var poolClasses = []struct {
	pool  licensing.Pool
	class Class
	rule  licensing.RuleID
}{
	{pool: licensing.Applications, class: DesktopProducts, rule: "GEN-18"},
	{pool: licensing.Systems, class: DesktopProducts, rule: "GEN-18"},
	{pool: licensing.Servers, class: ServerProducts, rule: "GEN-18"},
}

// ClassOf returns the SA product class of a pool (GEN-18), and false for a
// product with no pool stated.
func ClassOf(p licensing.Pool) (Class, bool) {
	for _, row := range poolClasses {
		if row.pool == p {
			return row.class, true
		}
	}
	return 0, false
}

// A Rate is the annual SA reference price of a product class, as a fraction
// of the license price (SA-04).
type Rate struct {
	Class Class
	Rate  decimal.Decimal
	Rule  licensing.RuleID
}

// rates is the SA-04 table: 25 % of the license for server products, 29 %
// for desktop and systems products.
var rates = []Rate{
	{Class: ServerProducts, Rate: decimal.New(25, -2), Rule: "SA-04"},
	{Class: DesktopProducts, Rate: decimal.New(29, -2), Rule: "SA-04"},
}

// Rates returns the annual SA reference rates (SA-04). The caller owns the slice.
func Rates() []Rate { return slices.Clone(rates) }

// RateOf returns the annual SA reference rate of a class.
func RateOf(c Class) (Rate, bool) {
	for _, r := range rates {
		if r.Class == c {
			return r, true
		}
	}
	return Rate{}, false
}

// A Reference is the annual SA reference price of a license: the license
// price times its class's rate (SA-04), exact and not rounded; prices built
// on it round once at their end (SA-22).
type Reference struct {
	Annual decimal.Decimal
	Rate   Rate
	why    licensing.Explanation
}

// Why explains the reference price: the rate, the class and the figures.
func (r Reference) Why() licensing.Explanation { return r.why }

// AnnualReference returns the annual SA reference price of a license bought
// at licensePrice, for a product in pool: 25 % for server products and 29 %
// for desktop and systems products (SA-04, GEN-18).
func AnnualReference(licensePrice decimal.Decimal, pool licensing.Pool) (Reference, error) {
	if licensePrice.Sign() < 0 {
		return Reference{}, fmt.Errorf("sa: license price %v: %w", licensePrice, ErrInvalidAmount)
	}
	class, ok := ClassOf(pool)
	if !ok {
		return Reference{}, licensing.Refuse("GEN-18", licensing.ErrNoPool, "no SA rate for pool %v", pool)
	}
	rate, _ := RateOf(class)
	annual := licensePrice.Mul(rate.Rate)
	return Reference{Annual: annual, Rate: rate, why: licensing.Explain(rate.Rule, fmt.Sprintf("annual SA reference %v", annual),
		licensing.F("licensePrice", licensePrice), licensing.F("pool", pool), licensing.F("class", class),
		licensing.F("rate", rate.Rate))}, nil
}
