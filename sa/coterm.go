package sa

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// An Expiring is an SA line about to be extended: an ID the caller chooses,
// the last day of its current coverage, and its annual SA price.
type Expiring struct {
	ID      string
	Expires licensing.Date
	Annual  decimal.Decimal
}

// An Extension is one line of a co-termination: the renewal coverage from
// the day after the line expires to the common end, and its price.
type Extension struct {
	ID          string
	Coverage    licensing.Coverage
	Annual      decimal.Decimal
	Price       decimal.Decimal
	Explanation licensing.Explanation
}

// A CoTermination extends several SA lines to one common end date, each
// prorated for its own months (SP-44). Total is the sum of the prices.
type CoTermination struct {
	End         licensing.Date // the common last day of coverage
	Extensions  []Extension
	Total       decimal.Decimal
	Explanation licensing.Explanation
}

// CoTerminate extends lines to one common end date (SP-43, SP-44), renewed
// by an order placed on order by an affiliate whose anniversary month is ma.
//
// The common end is, by the recommended policy (chosen zero), SP-39 applied
// to the renewal start of the earliest-expiring line: the day before the
// third affiliate anniversary after it, so that line is renewed for 25 to 36
// months. A customer may pick instead an affiliate anniversary, chosen (the
// 1st of month ma); coverage then ends the day before it. Every line is
// renewed from the day after its own expiry to the common end, its months
// counted by [Months] (a part month in full, so no renewal is shorter than
// one month) and priced at annual × months / 12, rounded once per line by r
// (SA-12, SA-22).
//
// A line already expired on the order date has lapsed and is refused
// (SP-45, SP-46); so is a line that would not reach the common end within
// MaxSAMonths, or one whose renewal would start after it.
func CoTerminate(lines []Expiring, order licensing.Date, ma time.Month, chosen licensing.Date, r Rounding) (CoTermination, error) {
	if len(lines) == 0 || !order.IsValid() || ma < time.January || ma > time.December {
		return CoTermination{}, fmt.Errorf("sa: co-termination: %w: lines, an order date and the anniversary month are required", licensing.ErrInvalidOrder)
	}
	earliest := lines[0]
	seen := map[string]bool{}
	for _, l := range lines {
		switch {
		case seen[l.ID]:
			return CoTermination{}, fmt.Errorf("sa: co-termination: line %q twice: %w", l.ID, licensing.ErrDuplicateOrder)
		case !l.Expires.IsValid() || l.Annual.Sign() < 0:
			return CoTermination{}, fmt.Errorf("sa: co-termination: line %q: %w: an expiry date and a non-negative annual price are required", l.ID, licensing.ErrInvalidOrder)
		case order.After(l.Expires):
			return CoTermination{}, licensing.Refuse("SP-46", licensing.ErrNotEligible,
				"line %q expired on %v, before the renewal order of %v: SA has lapsed, buy L&SA again", l.ID, l.Expires, order)
		}
		seen[l.ID] = true
		if l.Expires.Before(earliest.Expires) {
			earliest = l
		}
	}
	var end licensing.Date
	var why licensing.Explanation
	if chosen.IsZero() {
		end = ThirdAnniversary(earliest.Expires.AddDays(1), ma).End
		why = licensing.Explain("SP-44", fmt.Sprintf("common end %v: SP-39 applied to the earliest renewal start %v", end, earliest.Expires.AddDays(1)),
			licensing.F("earliest", earliest.ID), licensing.F("expires", earliest.Expires), licensing.F("anniversaryMonth", ma))
	} else {
		if chosen.Day() != 1 || chosen.Month() != ma {
			return CoTermination{}, licensing.Refuse("SP-44", licensing.ErrNotEligible,
				"chosen date %v is not an affiliate anniversary (the 1st of %v)", chosen, ma)
		}
		end = chosen.AddDays(-1)
		why = licensing.Explain("SP-44", fmt.Sprintf("common end %v: the day before the chosen affiliate anniversary %v", end, chosen),
			licensing.F("chosen", chosen), licensing.F("anniversaryMonth", ma))
	}
	ct := CoTermination{End: end, Explanation: why}
	for _, l := range lines {
		start := l.Expires.AddDays(1)
		months := Months(start, end)
		if start.After(end) || months > licensing.MaxSAMonths {
			return CoTermination{}, licensing.Refuse("SP-44", licensing.ErrNotEligible,
				"line %q renewed from %v cannot end on %v (%d months; 1 to %d)", l.ID, start, end, months, licensing.MaxSAMonths)
		}
		c := licensing.Coverage{Start: start, End: end, Months: months}
		price := r.MulDiv(l.Annual, int64(months), 12)
		ct.Extensions = append(ct.Extensions, Extension{ID: l.ID, Coverage: c, Annual: l.Annual, Price: price,
			Explanation: licensing.Explain("SP-44", fmt.Sprintf("renewed %v for %v", c, price),
				licensing.F("line", l.ID), licensing.F("annual", l.Annual), licensing.F("months", months))})
		ct.Total = ct.Total.Add(price)
	}
	return ct, nil
}
