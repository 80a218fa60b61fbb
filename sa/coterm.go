package sa

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// An Expiring is an SA line about to be extended: an ID the caller chooses,
// the last day of its current coverage, and its annual SA price. It
// marshals to JSON as {"id":…,"expires":…,"annual":"29.00"}.
type Expiring struct {
	ID      string          `json:"id"`
	Expires licensing.Date  `json:"expires"`
	Annual  decimal.Decimal `json:"annual"`
}

// MarshalJSON writes the line with its annual price's two decimals.
func (e Expiring) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID      string         `json:"id"`
		Expires licensing.Date `json:"expires"`
		Annual  money          `json:"annual"`
	}{e.ID, e.Expires, money(e.Annual)})
}

// An Extension is one line of a co-termination: the renewal coverage from
// the day after the line expires to the common end, and its price. It
// marshals to JSON as {"id":…,"coverage":{…},"annual":"29.00","price":"60.42"};
// the explanation is not marshalled.
type Extension struct {
	ID       string          `json:"id"`
	Coverage Coverage        `json:"coverage"`
	Annual   decimal.Decimal `json:"annual"`
	Price    decimal.Decimal `json:"price"`
	why      licensing.Explanation
}

// MarshalJSON writes the extension with its money's two decimals.
func (e Extension) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID       string   `json:"id"`
		Coverage Coverage `json:"coverage"`
		Annual   money    `json:"annual"`
		Price    money    `json:"price"`
	}{e.ID, e.Coverage, money(e.Annual), money(e.Price)})
}

// Why explains the extension: its months and price.
func (e Extension) Why() licensing.Explanation { return e.why }

// A CoTermination extends several SA lines to one common end date, each
// prorated for its own months. Total is the sum of the prices. It marshals
// to JSON as {"end":…,"extensions":[…],"total":"120.84"}; the explanation is
// not marshalled.
type CoTermination struct {
	End        licensing.Date  `json:"end"` // the common last day of coverage
	Extensions []Extension     `json:"extensions"`
	Total      decimal.Decimal `json:"total"`
	why        []licensing.Explanation
}

// MarshalJSON writes the co-termination with its total's two decimals.
func (c CoTermination) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		End        licensing.Date `json:"end"`
		Extensions []Extension    `json:"extensions"`
		Total      money          `json:"total"`
	}{c.End, c.Extensions, money(c.Total)})
}

// Why explains the common end and each extension.
func (c CoTermination) Why() []licensing.Explanation {
	out := append([]licensing.Explanation(nil), c.why...)
	for _, e := range c.Extensions {
		out = append(out, e.why)
	}
	return out
}

// CoTerminate extends lines renewed by an order on order to one common end
// date, end, that the program chose (by its rule, given in endWhy): every
// line is renewed from the day after its own expiry to end, its months
// counted by [Months] (a part month in full, so no renewal is shorter than
// one month) and priced by the program's pricer p, such as [Prorated] with
// its billing granularity, rounded once per line by r (SA-12, SA-22), under
// the program's co-termination rule (rules.CoTerm).
//
// A line already expired on the order date has lapsed and is refused under
// the program's lapse rule (rules.Lapse); so is a line whose renewal would
// run longer than licensing.MaxSAMonths, or start after end.
func CoTerminate(rules Renewal, lines []Expiring, order, end licensing.Date, endWhy licensing.Explanation, p Pricer, r Rounding) (CoTermination, error) {
	if len(lines) == 0 || !order.IsValid() || !end.IsValid() || p == nil {
		return CoTermination{}, fmt.Errorf("sa: co-termination: %w: lines, an order date, a common end and a pricer are required", licensing.ErrInvalidOrder)
	}
	if err := r.Validate(); err != nil {
		return CoTermination{}, err
	}
	if err := rules.cites("co-termination", rules.Lapse, rules.CoTerm); err != nil {
		return CoTermination{}, err
	}
	seen := map[string]bool{}
	for _, l := range lines {
		switch {
		case seen[l.ID]:
			return CoTermination{}, fmt.Errorf("sa: co-termination: line %q twice: %w", l.ID, licensing.ErrDuplicateOrder)
		case !l.Expires.IsValid() || l.Annual.Sign() < 0:
			return CoTermination{}, fmt.Errorf("sa: co-termination: line %q: %w: an expiry date and a non-negative annual price are required", l.ID, licensing.ErrInvalidOrder)
		case order.After(l.Expires):
			return CoTermination{}, licensing.Refuse(rules.Lapse, licensing.ErrNotEligible,
				"line %q expired on %v, before the renewal order of %v: SA has lapsed, buy L&SA again", l.ID, l.Expires, order)
		}
		seen[l.ID] = true
	}
	ct := CoTermination{End: end, why: []licensing.Explanation{endWhy}}
	for _, l := range lines {
		start, err := dayAfter(l.Expires)
		if err != nil {
			return CoTermination{}, fmt.Errorf("sa: co-termination: line %q: %w", l.ID, err)
		}
		months := Months(start, end)
		if start.After(end) || months > licensing.MaxSAMonths {
			return CoTermination{}, licensing.Refuse(rules.CoTerm, licensing.ErrNotEligible,
				"line %q renewed from %v cannot end on %v (%d months; 1 to %d)", l.ID, start, end, months, licensing.MaxSAMonths)
		}
		c := Coverage{Start: start, End: end, Months: months}
		price, err := p.Price(l.Annual, c, r)
		if err != nil {
			return CoTermination{}, err
		}
		ct.Extensions = append(ct.Extensions, Extension{ID: l.ID, Coverage: c, Annual: l.Annual, Price: price,
			why: licensing.Explain(rules.CoTerm, fmt.Sprintf("renewed %v for %s", c, price.StringFixed(r.orDefault().Places)),
				licensing.F("line", l.ID), licensing.F("annual", l.Annual), licensing.F("months", months), licensing.F("pricing", p))})
		ct.Total = ct.Total.Add(price)
	}
	return ct, nil
}
