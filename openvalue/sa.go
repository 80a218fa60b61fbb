package openvalue

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// ErrInvalidPayment is wrapped by every error that reports a malformed payment choice.
var ErrInvalidPayment = errors.New("invalid payment choice")

// A Payment is how a customer pays for an Open Value line (OV-38, OV-44).
// The zero Payment is not valid.
type Payment uint8

// The payment choices.
const (
	Spread    Payment = iota + 1 // one payment per remaining agreement year (SKU-11, SKU-12)
	UpFront                      // the remaining years at once (SKU-11)
	Financing                    // with Microsoft Financing: up front (OV-44, SKU-18)
)

// Coverage returns the SA coverage of a line ordered on order under an
// agreement that started on start: to the agreement's expiration, start +
// 3 years − 1 day (OV-26), billed for the 12 × (4 − y) months of the years
// left from the acquisition year y (SA-19). A date outside the term is
// refused (OV-27).
func Coverage(start, order licensing.Date) (sa.Coverage, int, error) {
	if !start.IsValid() || !order.IsValid() {
		return sa.Coverage{}, 0, fmt.Errorf("openvalue: coverage: %w: the agreement start and order dates are required", licensing.ErrInvalidOrder)
	}
	y := licensing.YearOf(start, order)
	if y < 1 || y > terms.years {
		return sa.Coverage{}, 0, licensing.Refuse("OV-27", licensing.ErrOutsideTerm,
			"order %v outside the agreement %v..%v", order, start, start.AddYears(terms.years).AddDays(-1))
	}
	return sa.Coverage{Start: order, End: start.AddYears(terms.years).AddDays(-1), Months: 12 * (terms.years + 1 - y)}, y, nil
}

// QuoteSA prices SA on a line ordered on order under an agreement that
// started on start, at an annual SA price per unit, paid by payment: the
// line is covered to the agreement's expiration (SA-19); spread pays one
// equal installment per remaining agreement year, the first on the order
// date and the others on the anniversaries, each the same SKU billed again
// (SA-11, SKU-12, OV-43); up front and Microsoft Financing pay at once
// (SKU-11, SKU-18). A year-3 purchase is a single payment (OV-38). Money is
// rounded once, to the cent (SA-22).
func QuoteSA(start, order licensing.Date, payment Payment, annual decimal.Decimal, quantity int64) (sa.Quote, error) {
	c, y, err := Coverage(start, order)
	if err != nil {
		return sa.Quote{}, err
	}
	t := sa.Terms{Coverage: c, Pricing: sa.Prorated{}, Weighting: sa.EqualParts}
	found := false
	for _, row := range paymentRows {
		if row.payment != payment {
			continue
		}
		found, t.Plan = true, row.rule
		if row.spread {
			from := order
			for k := y; k <= terms.years; k++ {
				next := start.Anniversary(k)
				t.Periods = append(t.Periods, sa.Coverage{Start: from, End: next.AddDays(-1), Months: 12})
				from = next
			}
		}
	}
	if !found {
		return sa.Quote{}, fmt.Errorf("openvalue: quote: payment %v: %w", payment, ErrInvalidPayment)
	}
	t.Reasons = []licensing.Explanation{
		licensing.Explain("SA-19", fmt.Sprintf("acquired in year %d: %d years of coverage to the agreement end %v", y, terms.years+1-y, c.End),
			licensing.F("order", order), licensing.F("agreementStart", start), licensing.F("acquisitionYear", y)),
		licensing.Explain(t.Plan, fmt.Sprintf("paid %v", payment), licensing.F("payment", payment), licensing.F("installments", max(1, len(t.Periods)))),
	}
	return sa.QuoteTerms(t, annual, quantity, sa.DefaultRounding)
}
