package selectplus

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// ThirdAnniversary returns the SA coverage of an order on o by an affiliate
// whose anniversary month is ma (SP-39): the first affiliate anniversary A1
// is the 1st of ma in the first year whose (year, month) comes after o's
// (an order in month ma counts as on or after that year's anniversary);
// coverage runs from o to the day before the third, A1 + 2 years, and its
// months are counted with o's month in full. It is always 25 to 36 months:
// 36 for an order in month ma, 25 for one in the month before (INV-23). An
// invalid date or month is an error wrapping licensing.ErrInvalidOrder, and
// coverage that would end after 9999-12-31 one wrapping
// licensing.ErrOverflow.
func ThirdAnniversary(o licensing.Date, ma time.Month) (sa.Coverage, error) {
	return thirdAnniversary(o, ma, saTerms.anniversaries)
}

// thirdAnniversary is SP-39 for the n-th affiliate anniversary.
func thirdAnniversary(o licensing.Date, ma time.Month, n int) (sa.Coverage, error) {
	a1, err := NextAffiliateAnniversary(o, ma)
	if err != nil {
		return sa.Coverage{}, err
	}
	// The year is checked first: NewDate's error, built and dropped, was
	// most of the cost of refusing coverage that ends after 9999.
	if a1.Year()+n-1 > licensing.MaxYear {
		return sa.Coverage{}, licensing.Refuse("SP-39", licensing.ErrOverflow, "coverage from %v would end after the calendar", o)
	}
	an, _ := licensing.NewDate(a1.Year()+n-1, ma, 1) // a 1st of a valid month, in the calendar
	// Coverage ends the day before a 1st and counts o's month in full, so
	// sa.Months(o, end) is the count of months from o's to an's (the
	// properties test checks it against a month-by-month walk).
	months := 12*(an.Year()-o.Year()) + int(an.Month()) - int(o.Month())
	return sa.Coverage{Start: o, End: an.AddDays(-1), Months: months}, nil
}

// NextAffiliateAnniversary returns A1 of SP-39: the first 1st of month ma
// whose (year, month) comes after o's. An invalid date or month is an
// error wrapping licensing.ErrInvalidOrder, and an anniversary after
// 9999-12-31 one wrapping licensing.ErrOverflow.
func NextAffiliateAnniversary(o licensing.Date, ma time.Month) (licensing.Date, error) {
	if !o.IsValid() || ma < time.January || ma > time.December {
		return licensing.Date{}, fmt.Errorf("selectplus: affiliate anniversary after %v in month %d: %w", o, ma, licensing.ErrInvalidOrder)
	}
	y := o.Year()
	if o.Month() >= ma {
		y++
	}
	if y > licensing.MaxYear {
		return licensing.Date{}, licensing.Refuse("SP-39", licensing.ErrOverflow, "no affiliate anniversary after %v within the calendar", o)
	}
	d, _ := licensing.NewDate(y, ma, 1) // a 1st of a valid month, in the calendar
	return d, nil
}

// anniversaryMonth returns the anniversary month of a registered affiliate.
func (l *Ledger) anniversaryMonth(id string) (time.Month, error) {
	i, ok := l.affiliate(id)
	if !ok {
		return 0, licensing.Refuse("SP-12", ErrUnregistered, "affiliate %q", id)
	}
	return l.affs[i].month, nil
}

// Coverage returns the SA coverage an order by an affiliate on d buys: to
// the day before the third affiliate anniversary, 25 to 36 months (SP-39).
func (l *Ledger) Coverage(affiliateID string, d licensing.Date) (sa.Coverage, error) {
	ma, err := l.anniversaryMonth(affiliateID)
	if err != nil {
		return sa.Coverage{}, err
	}
	return ThirdAnniversary(d, ma)
}

// ErrInvalidPlan is wrapped by every error that reports a malformed payment plan.
var ErrInvalidPlan = errors.New("invalid payment plan")

// A Plan is how Select Plus SA is paid (SP-42). The zero Plan is not valid.
type Plan uint8

// The payment plans.
const (
	// UpFront pays the whole price when the coverage starts (SP-39).
	UpFront Plan = iota + 1
	// AffiliateAnniversary pays a stub to the next affiliate anniversary,
	// then yearly, each in proportion to its months (SP-42, option 1).
	AffiliateAnniversary
	// OrderAnniversary pays in three full-year steps from the order, for 36
	// months of coverage (SP-42, option 2, reading (a)).
	OrderAnniversary
)

// terms returns the terms on which an affiliate whose anniversary month is
// ma buys SA on d, paid by plan: the coverage (to the third affiliate
// anniversary, SP-39; 36 months from the order with Order Anniversary,
// SP-42), prorated by the month (SA-12) or by the granularity rules give,
// and the periods the plan bills.
func terms(d licensing.Date, ma time.Month, plan Plan, g sa.Granularity) (sa.Terms, error) {
	var row struct {
		weighting sa.Weighting
		rule      licensing.RuleID
	}
	found := false
	for _, r := range planRows {
		if r.plan == plan {
			row.weighting, row.rule, found = r.weighting, r.rule, true
		}
	}
	if !found || !d.IsValid() || ma < time.January || ma > time.December {
		return sa.Terms{}, fmt.Errorf("selectplus: SA terms: plan %v, date %v, anniversary month %d: %w", plan, d, ma, licensing.ErrInvalidOrder)
	}
	t := sa.Terms{Pricing: sa.Prorated{Granularity: g}, Weighting: row.weighting, Plan: row.rule}
	switch plan {
	case OrderAnniversary:
		years := saTerms.orderAnniversaryYears
		end, err := d.TermEnd(years) // LIB-09: never cut short at 9999-12-31
		if err != nil {
			return sa.Terms{}, err
		}
		t.Coverage = sa.Coverage{Start: d, End: end, Months: 12 * years}
		for k := 0; k < years; k++ {
			t.Periods = append(t.Periods, sa.Coverage{Start: d.Anniversary(k), End: d.Anniversary(k + 1).AddDays(-1), Months: 12})
		}
		t.Periods[years-1].End = end
		t.Reasons = append(t.Reasons, licensing.Explain("SP-42", fmt.Sprintf("Order Anniversary: %d full years from the order: %v", years, t.Coverage),
			licensing.F("order", d)))
	default:
		var err error
		if t.Coverage, err = ThirdAnniversary(d, ma); err != nil {
			return sa.Terms{}, err
		}
		t.Reasons = append(t.Reasons, licensing.Explain("SP-39", fmt.Sprintf("coverage to the day before the third affiliate anniversary: %v", t.Coverage),
			licensing.F("order", d), licensing.F("anniversaryMonth", ma)))
		if plan == AffiliateAnniversary {
			a1, _ := NextAffiliateAnniversary(d, ma) // ThirdAnniversary checked it
			t.Periods = []sa.Coverage{{Start: d, End: a1.AddDays(-1), Months: sa.Months(d, a1.AddDays(-1))}}
			for k := 0; k+1 < saTerms.anniversaries; k++ {
				t.Periods = append(t.Periods, sa.Coverage{Start: a1.AddYears(k), End: a1.AddYears(k + 1).AddDays(-1), Months: 12})
			}
		}
	}
	t.Reasons = append(t.Reasons, licensing.Explain(row.rule, fmt.Sprintf("Select Plus offers %v", plan), licensing.F("plan", plan)))
	return t, nil
}

// QuoteSA prices SA bought by an affiliate on d at an annual price per unit
// (SP-39, SA-12), paid by plan: up front, Affiliate Anniversary (a stub to
// the next affiliate anniversary, then yearly) or Order Anniversary (three
// full years from the order, 36 months of coverage) (SP-42). Money is
// rounded once, to the cent, half away from zero (SA-22).
func (l *Ledger) QuoteSA(affiliateID string, d licensing.Date, plan Plan, annual decimal.Decimal, quantity int64) (sa.Quote, error) {
	ma, err := l.anniversaryMonth(affiliateID)
	if err != nil {
		return sa.Quote{}, err
	}
	return QuoteSA(d, ma, plan, annual, quantity, l.rules.SAGranularity)
}

// QuoteSA prices SA bought on d by an affiliate whose anniversary month is
// ma, as Ledger.QuoteSA does, billed by granularity g.
func QuoteSA(d licensing.Date, ma time.Month, plan Plan, annual decimal.Decimal, quantity int64, g sa.Granularity) (sa.Quote, error) {
	t, err := terms(d, ma, plan, g)
	if err != nil {
		return sa.Quote{}, err
	}
	return sa.QuoteTerms(t, annual, quantity, sa.DefaultRounding)
}

// Extend co-terminates SA lines of an affiliate renewed by an order on d
// (SP-43, SP-44): each is renewed from the day after its expiry to one
// common end — by default the day before the third affiliate anniversary
// after the earliest renewal start (SP-39 applied to it); or chosen, which
// must be an affiliate anniversary — and prorated for its own months,
// billed by Rules.SAGranularity. A line already expired on d has
// lapsed and is refused (SP-46).
//
// Extend quotes lines the caller builds and records nothing; [Ledger.Renew]
// takes each product's expiry from the coverage the ledger tracks, and
// records the renewal, and [Ledger.CheckRenewal] quotes it. Prefer them.
func (l *Ledger) Extend(affiliateID string, d licensing.Date, lines []sa.Expiring, chosen licensing.Date) (sa.CoTermination, error) {
	ma, err := l.anniversaryMonth(affiliateID)
	if err != nil {
		return sa.CoTermination{}, err
	}
	if len(lines) == 0 {
		return sa.CoTermination{}, fmt.Errorf("selectplus: extend: %w: no lines", licensing.ErrInvalidOrder)
	}
	end, why, err := commonEnd(ma, lines, chosen)
	if err != nil {
		return sa.CoTermination{}, err
	}
	return sa.CoTerminate(saTerms.renewal, lines, d, end, why, sa.Prorated{Granularity: l.rules.SAGranularity}, sa.DefaultRounding)
}

// commonEnd is the common end of SA lines extended together by an
// affiliate whose anniversary month is ma (SP-44): the day before the third
// affiliate anniversary after the earliest renewal start (SP-39 applied to
// it), or the day before chosen, which must be an affiliate anniversary.
func commonEnd(ma time.Month, lines []sa.Expiring, chosen licensing.Date) (licensing.Date, licensing.Explanation, error) {
	if chosen.IsZero() {
		earliest := lines[0]
		for _, ln := range lines {
			if ln.Expires.Before(earliest.Expires) {
				earliest = ln
			}
		}
		start := earliest.Expires.AddDays(1)
		c, err := ThirdAnniversary(start, ma)
		if err != nil {
			return licensing.Date{}, licensing.Explanation{}, err
		}
		return c.End, licensing.Explain("SP-44", fmt.Sprintf("common end %v: SP-39 applied to the earliest renewal start %v", c.End, start),
			licensing.F("earliest", earliest.ID), licensing.F("expires", earliest.Expires), licensing.F("anniversaryMonth", ma)), nil
	}
	if chosen.Day() != 1 || chosen.Month() != ma {
		return licensing.Date{}, licensing.Explanation{}, licensing.Refuse("SP-44", licensing.ErrNotEligible,
			"chosen date %v is not an affiliate anniversary (the 1st of %v)", chosen, ma)
	}
	end := chosen.AddDays(-1)
	return end, licensing.Explain("SP-44", fmt.Sprintf("common end %v: the day before the chosen affiliate anniversary %v", end, chosen),
		licensing.F("chosen", chosen), licensing.F("anniversaryMonth", ma)), nil
}

// CanEnroll decides whether SA alone may be added on enroll to a license
// bought FPP or OEM, in Select Plus (SP-40, SP-41): systems and servers
// within 90 days, and Office 2013 or newer bought OEM, for the identical
// version.
func CanEnroll(p sa.Purchase, enroll licensing.Date, saVersion int) (licensing.Explanation, error) {
	return sa.CanEnroll(saTerms.windows, p, enroll, saVersion)
}

// CoveredUntil returns the last day of an affiliate's SA coverage of a
// product bought under this agreement, and whether there is any (SP-45,
// SP-46).
func (l *Ledger) CoveredUntil(affiliateID string, p licensing.Product) (licensing.Date, bool) {
	i, ok := l.affiliate(strings.TrimSpace(affiliateID))
	if !ok {
		return licensing.Date{}, false
	}
	t, _ := l.track(i, p)
	return t.End()
}
