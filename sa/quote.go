package sa

import (
	"encoding/json"
	"fmt"
	"slices"

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
//
// It marshals to JSON as {"coverage":{…},"price":"652.50","schedule":{…}};
// the explanation is not marshalled.
type Quote struct {
	Coverage Coverage        `json:"coverage"`
	Price    decimal.Decimal `json:"price"`
	Schedule Schedule        `json:"schedule"`
	facts    quoteFacts
}

// MarshalJSON writes the quote with its price's two decimals.
func (q Quote) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Coverage Coverage `json:"coverage"`
		Price    money    `json:"price"`
		Schedule Schedule `json:"schedule"`
	}{q.Coverage, money(q.Price), q.Schedule})
}

// quoteFacts are what a quote is explained by, kept as values: the text is
// built only when Why is called, so that a quote no one reads the reasons
// of formats nothing.
type quoteFacts struct {
	reasons  []licensing.Explanation // the program's, copied
	pricing  Pricer                  // nil for a Quote not made by QuoteTerms
	annual   decimal.Decimal
	quantity int64
	coverage Coverage
	price    decimal.Decimal
	schedule scheduleFacts
}

// Why explains the quote step by step: the program's reasons for the
// coverage and the plan, the price, and the schedule. The caller owns the
// slice; the explanations are built each time it is called.
func (q Quote) Why() []licensing.Explanation {
	f := &q.facts
	if f.pricing == nil {
		return append([]licensing.Explanation(nil), f.reasons...)
	}
	why := make([]licensing.Explanation, 0, len(f.reasons)+2)
	why = append(why, f.reasons...)
	return append(why, licensing.Explain(f.pricing.Rule(), "price "+f.price.String()+": "+fmt.Sprint(f.pricing),
		licensing.F("annual", f.annual), licensing.F("quantity", f.quantity), licensing.F("coverage", f.coverage)), f.schedule.explain())
}

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
	if err := r.Validate(); err != nil {
		return Quote{}, err
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
	return Quote{Coverage: t.Coverage, Price: price, Schedule: s, facts: quoteFacts{reasons: slices.Clone(t.Reasons), pricing: t.Pricing,
		annual: annual, quantity: quantity, coverage: t.Coverage, price: price, schedule: s.facts}}, nil
}
