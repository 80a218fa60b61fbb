package sa

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// Terms are what a program hands sa to quote SA: the coverage its rules
// give the order, how it prices coverage, the periods its payment plan
// bills (none for one payment when the coverage starts) and how the price
// is shared among them, the plan's rule, and the program's reasons for the
// coverage and the plan, which open the quote's explanation.
type Terms struct {
	Coverage  Coverage
	Pricing   Pricer
	Periods   []Coverage
	Weighting Weighting
	Plan      licensing.RuleID
	Reasons   []licensing.Explanation
}

// A Quote is what SA costs: the coverage bought, the price (rounded once)
// and how it is paid.
type Quote struct {
	Coverage Coverage
	Price    decimal.Decimal
	Schedule Schedule
	why      []licensing.Explanation
}

// Why explains the quote step by step: the program's reasons for the
// coverage and the plan, the price, and the schedule.
func (q Quote) Why() []licensing.Explanation { return append([]licensing.Explanation(nil), q.why...) }

// QuoteTerms prices annual × quantity of SA on the program's terms (SA-09): the
// pricer gives the price of the coverage, rounded once by r (SA-22), and
// the schedule splits it over the plan's periods so that the installments
// add up to it exactly (SA-11).
func QuoteTerms(t Terms, annual decimal.Decimal, quantity int64, r Rounding) (Quote, error) {
	switch {
	case quantity < 1 || quantity > licensing.MaxQuantity:
		return Quote{}, fmt.Errorf("sa: quote: quantity %d: %w: want 1 to %d", quantity, licensing.ErrInvalidQuantity, licensing.MaxQuantity)
	case annual.Sign() < 0:
		return Quote{}, fmt.Errorf("sa: quote: annual price %v: %w", annual, ErrInvalidAmount)
	case t.Pricing == nil:
		return Quote{}, fmt.Errorf("sa: quote: %w: the terms name no pricing", licensing.ErrInvalidOrder)
	}
	total := annual.Mul(decimal.New(quantity, 0))
	price, err := t.Pricing.Price(total, t.Coverage, r)
	if err != nil {
		return Quote{}, err
	}
	periods := t.Periods
	if len(periods) == 0 {
		periods = []Coverage{t.Coverage}
	}
	w := t.Weighting
	if w == 0 {
		w = ByMonths
	}
	s, err := Pay(t.Plan, price, periods, w, r)
	if err != nil {
		return Quote{}, err
	}
	why := append([]licensing.Explanation(nil), t.Reasons...)
	why = append(why, licensing.Explain(t.Pricing.Rule(), fmt.Sprintf("price %v: %v", price, t.Pricing),
		licensing.F("annual", annual), licensing.F("quantity", quantity), licensing.F("coverage", t.Coverage)), s.Why())
	return Quote{Coverage: t.Coverage, Price: price, Schedule: s, why: why}, nil
}
