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

// A Term is the dates of an Open Value or Open Value Subscription
// agreement's term (OV-26). Start is the day its agreement years count
// from: the agreement start for Open Value, the normalized enrollment start
// for OVS (OV-31). Opens is the agreement date, on which the term opens: on
// or before Start; for OVS the days from Opens to the day before Start are
// a stub that belongs to Year 1 (OV-26, OV-27, INV-35). The zero Opens
// means Start, as for Open Value.
type Term struct {
	Opens licensing.Date
	Start licensing.Date
}

// EnrollmentStart returns the start of an Open Value Subscription
// enrollment whose agreement is dated d: d when it is the first of a month,
// else the first of the following month (OV-31): 2021-04-12 gives
// 2021-05-01, 2021-12-15 gives 2022-01-01. A missing date is an error
// wrapping licensing.ErrInvalidOrder, and a start after 9999-12-31 one
// wrapping licensing.ErrOverflow (LIB-09).
func EnrollmentStart(d licensing.Date) (licensing.Date, error) {
	if !d.IsValid() {
		return licensing.Date{}, fmt.Errorf("openvalue: enrollment start: %w: the agreement date is required", licensing.ErrInvalidOrder)
	}
	if d.Day() == terms.enrollmentDay {
		return d, nil
	}
	y, m := d.Year(), d.Month()
	if d.Day() > terms.enrollmentDay {
		y, m = d.AddMonths(1).Year(), d.AddMonths(1).Month()
	}
	start, err := licensing.NewDate(y, m, terms.enrollmentDay)
	if err != nil || start.Before(d) {
		return licensing.Date{}, licensing.Refuse("LIB-09", licensing.ErrOverflow, "no enrollment start after %v within the calendar", d)
	}
	return start, nil
}

// SubscriptionTerm returns the term of an Open Value Subscription agreement
// dated agreement: it opens on that date, and its years count from the
// enrollment start (OV-26, OV-31, OV-32 reading (a)); the days between are
// a stub in Year 1. An agreement dated 2021-04-12 has anniversaries on
// 2022-05-01 and 2023-05-01 and expires on 2024-04-30 (WS-02).
func SubscriptionTerm(agreement licensing.Date) (Term, error) {
	start, err := EnrollmentStart(agreement)
	if err != nil {
		return Term{}, err
	}
	return Term{Opens: agreement, Start: start}, nil
}

// opens returns the day the term opens.
func (t Term) opens() licensing.Date {
	if t.Opens.IsZero() {
		return t.Start
	}
	return t.Opens
}

// Expiration returns the term's last day, Start + 3 years − 1 day (OV-26);
// one after 9999-12-31 is an error wrapping licensing.ErrOverflow (LIB-09).
func (t Term) Expiration() (licensing.Date, error) { return t.Start.TermEnd(terms.years) }

// Year returns the agreement year of d, 1 to 3: 1 + the anniversaries of
// Start on or before d, the stub before Start in Year 1 (OV-27). A date
// before the term opens or after its expiration is refused with
// licensing.ErrOutsideTerm; a Term whose dates are missing, or that opens
// after Start, is an error wrapping licensing.ErrInvalidOrder, and one
// that would expire after 9999-12-31 one wrapping licensing.ErrOverflow
// (LIB-09).
func (t Term) Year(d licensing.Date) (int, error) {
	switch {
	case !t.Start.IsValid() || !d.IsValid() || !t.opens().IsValid():
		return 0, fmt.Errorf("openvalue: term: %w: the agreement start and the date are required", licensing.ErrInvalidOrder)
	case t.opens().After(t.Start):
		return 0, fmt.Errorf("openvalue: term: %w: it opens on %v, after its start %v (OV-26)", licensing.ErrInvalidOrder, t.opens(), t.Start)
	}
	end, err := t.Expiration()
	switch {
	case err != nil:
		return 0, err
	case d.Before(t.opens()) || d.After(end):
		return 0, licensing.Refuse("OV-27", licensing.ErrOutsideTerm, "%v outside the agreement %v..%v", d, t.opens(), end)
	case d.Before(t.Start):
		return 1, nil // the OVS stub (OV-26)
	}
	return licensing.YearOf(t.Start, d), nil
}

// Coverage returns the SA coverage of a line ordered on order under an
// agreement of term t: to the agreement's expiration (OV-26), billed for the
// 12 × (4 − y) months of the years left from the acquisition year y
// (SA-19), and y. A date outside the term is refused (OV-27).
func Coverage(t Term, order licensing.Date) (sa.Coverage, int, error) {
	y, err := t.Year(order)
	if err != nil {
		return sa.Coverage{}, 0, err
	}
	end, _ := t.Expiration() // Year checked it
	return sa.Coverage{Start: order, End: end, Months: 12 * (terms.years + 1 - y)}, y, nil
}

// QuoteSA prices SA on a line ordered on order under an agreement of term
// t, at an annual SA price per unit, paid by payment: the
// line is covered to the agreement's expiration (SA-19); spread pays one
// equal installment per remaining agreement year, the first on the order
// date and the others on the anniversaries, each the same SKU billed again
// (SA-11, SKU-12, OV-43); up front and Microsoft Financing pay at once
// (SKU-11, SKU-18). A year-3 purchase is a single payment (OV-38). Money is
// rounded once, to the cent (SA-22).
func QuoteSA(t Term, order licensing.Date, payment Payment, annual decimal.Decimal, quantity int64) (sa.Quote, error) {
	c, y, err := Coverage(t, order)
	if err != nil {
		return sa.Quote{}, err
	}
	q := sa.Terms{Coverage: c, Pricing: sa.Prorated{}, Weighting: sa.EqualParts}
	found := false
	for _, row := range paymentRows {
		if row.payment != payment {
			continue
		}
		found, q.Plan = true, row.rule
		if row.spread {
			from := order
			for k := y; k <= terms.years; k++ {
				// Agreement year k ends within the expiration, which
				// Coverage checked is within the calendar (LIB-09).
				end, _ := t.Start.TermEnd(k)
				q.Periods = append(q.Periods, sa.Coverage{Start: from, End: end, Months: 12})
				from = t.Start.Anniversary(k)
			}
		}
	}
	if !found {
		return sa.Quote{}, fmt.Errorf("openvalue: quote: payment %v: %w", payment, ErrInvalidPayment)
	}
	q.Reasons = []licensing.Explanation{
		licensing.Explain("SA-19", fmt.Sprintf("acquired in year %d: %d years of coverage to the agreement end %v", y, terms.years+1-y, c.End),
			licensing.F("order", order), licensing.F("agreementStart", t.Start), licensing.F("acquisitionYear", y)),
		licensing.Explain(q.Plan, fmt.Sprintf("paid %v", payment), licensing.F("payment", payment), licensing.F("installments", max(1, len(q.Periods)))),
	}
	return sa.QuoteTerms(q, annual, quantity, sa.DefaultRounding)
}
