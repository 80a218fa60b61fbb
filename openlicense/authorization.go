package openlicense

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// AuthorizationEnd returns the last day of an authorization whose initial
// order was placed on initial: initial + 2 years − 1 day, the last day a
// reorder is accepted (OL-19). An initial order on 2005-03-15 gives
// 2007-03-14 (WS-09).
func AuthorizationEnd(initial licensing.Date) licensing.Date {
	return initial.AddYears(terms.years).AddDays(-1)
}

// Coverage returns the SA coverage bought on order under an authorization
// whose initial order was placed on initial: two years or the rest of the
// authorization, whichever ends first (OL-13) — the authorization's end,
// except for SA bought with the initial order, which gets exactly two
// years. An order outside the authorization is refused (OL-19).
func Coverage(initial, order licensing.Date) (sa.Coverage, error) {
	if !initial.IsValid() || !order.IsValid() {
		return sa.Coverage{}, fmt.Errorf("openlicense: coverage: %w: the initial order and order dates are required", licensing.ErrInvalidOrder)
	}
	authEnd := AuthorizationEnd(initial)
	if order.Before(initial) || order.After(authEnd) {
		return sa.Coverage{}, licensing.Refuse("OL-19", licensing.ErrOutsideTerm,
			"order %v outside the authorization %v..%v", order, initial, authEnd)
	}
	end := order.AddMonths(terms.saMonths).AddDays(-1)
	if authEnd.Before(end) {
		end = authEnd
	}
	return sa.Coverage{Start: order, End: end, Months: sa.Months(order, end)}, nil
}

// QuoteSA prices SA bought on order under an authorization whose initial
// order was placed on initial, at an annual SA price per unit: always the
// two-year price, whatever coverage remains (OL-13, OL-14, OL-27), paid up
// front (OL-04), rounded once to the cent (SA-22).
func QuoteSA(initial, order licensing.Date, annual decimal.Decimal, quantity int64) (sa.Quote, error) {
	c, err := Coverage(initial, order)
	if err != nil {
		return sa.Quote{}, err
	}
	t := sa.Terms{Coverage: c, Pricing: terms.pricing, Weighting: sa.ByMonths, Plan: "OL-04",
		Reasons: []licensing.Explanation{
			licensing.Explain("OL-13", fmt.Sprintf("coverage for two years or to the authorization end: %v", c),
				licensing.F("order", order), licensing.F("authorizationEnd", AuthorizationEnd(initial))),
			licensing.Explain("OL-04", "Open License is paid up front", licensing.F("order", order)),
		}}
	return sa.QuoteTerms(t, annual, quantity, sa.DefaultRounding)
}

// ValueRatio returns the share of the two-year term that coverage c gives,
// exactly: c.Months / 24. It is the value received for the two-year price
// paid: 1 for two full years, 1/3 for 8 months (OL-15, SA-18). Below 1, a
// new Open License may give more SA value, if a new initial order is
// possible (OL-15).
func ValueRatio(c sa.Coverage) *big.Rat {
	return big.NewRat(int64(c.Months), int64(terms.saMonths))
}

// CanEnroll decides whether SA alone may be added on enroll to a license
// bought retail (FPP) or from an OEM, in Open License (OL-16): systems and
// servers within 90 days, day 90 included; applications never.
func CanEnroll(p sa.Purchase, enroll licensing.Date, saVersion int) (licensing.Explanation, error) {
	return sa.CanEnroll(terms.windows, p, enroll, saVersion)
}

// An Evaluation is the SA Evaluator's answer for one license: its category
// (OL-22) and the ways to cover it with SA (OL-23).
type Evaluation struct {
	Assessment sa.Assessment
	Options    []string
}

// Evaluate puts each license in exactly one category (OL-22) and lists the
// options for it (OL-23). It refuses to run without both the license number
// and the authorization number (OL-21).
func Evaluate(licenseNumber, authorizationNumber string, held []sa.Held) ([]Evaluation, error) {
	if strings.TrimSpace(licenseNumber) == "" || strings.TrimSpace(authorizationNumber) == "" {
		return nil, licensing.Refuse("OL-21", licensing.ErrNotEligible, "the Evaluator needs the license number and the authorization number")
	}
	out := make([]Evaluation, 0, len(held))
	for _, h := range held {
		a := sa.Categorize(h)
		e := Evaluation{Assessment: a}
		for _, row := range categoryOptions {
			if row.category == a.Category {
				e.Options = slices.Clone(row.options)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// EvaluatorLanguages returns the Evaluator's eight languages (OL-24). The
// caller owns the slice.
func EvaluatorLanguages() []string { return slices.Clone(evaluatorLanguages) }
