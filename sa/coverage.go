package sa

import (
	"fmt"
	"time"

	"github.com/vlrules/vlrules/licensing"
)

// Points returns the SA points of one license worth license points for
// months of coverage: half the license points a year, license × months / 24
// (SA-01 to SA-03). An L&SA line earns these on top of its license points
// (SA-20); see licensing.Line.Points for whole lines.
func Points(license licensing.Points, months int) (licensing.Points, error) {
	if months < 0 || months > licensing.MaxSAMonths {
		return licensing.Points{}, licensing.Refuse("SA-01", licensing.ErrInvalidOrder, "%d months of SA: want 0 to %d", months, licensing.MaxSAMonths)
	}
	p, ok := licensing.SAPoints(license, months)
	if !ok {
		return licensing.Points{}, licensing.Refuse("GEN-07", licensing.ErrInvalidPoints, "license points %v are not whole or half", license)
	}
	return p, nil
}

// Months is the one month-counting rule of every coverage here: the months
// from start to the day after end, a part month counted in full (SP-39
// reading (b), which agrees with its reading (a) because Select Plus
// coverage always ends the day before a 1st). Coverage from 2020-04-01 to
// 2022-06-30 is 27 months, from 2020-06-30 to 2022-06-30 is 25, and from
// 2006-07-15 to 2007-03-14 is 8 (WS-11). One day of coverage is one month.
// Months is 0 when end is before start.
func Months(start, end licensing.Date) int {
	after := end.AddDays(1)
	if !after.After(start) {
		return 0
	}
	n := start.MonthsUntil(after)
	if start.AddMonths(n).Before(after) {
		n++
	}
	return n
}

// A Request holds what the coverage models need; each model reads only its
// own fields.
type Request struct {
	Order licensing.Date // the day coverage starts: the order (or renewal) date

	// AuthorizationEnd is the last day of an Open License authorization
	// (OL-19), for ToAuthorizationEnd.
	AuthorizationEnd licensing.Date
	// AgreementStart is the start of an Open Value agreement (OV-26), for
	// ToAgreementEnd.
	AgreementStart licensing.Date
	// AffiliateAnniversary is any anniversary of the ordering affiliate, for
	// ToThirdAffiliateAnniversary; only its month counts, since anniversaries
	// are taken on the 1st of that month (SP-39, X-18).
	AffiliateAnniversary licensing.Date
}

// Cover returns the coverage the row's model gives an order (SA-09), with
// its explanation. It checks that the months fall within the row's bounds.
func (row ModelRow) Cover(req Request) (licensing.Coverage, licensing.Explanation, error) {
	c, e, err := row.Model.Cover(req)
	if err != nil {
		return c, e, err
	}
	if c.Months < row.MinMonths || c.Months > row.MaxMonths {
		return licensing.Coverage{}, e, licensing.Refuse(row.Rule, licensing.ErrOutsideTerm,
			"%v gives %d months, outside %d to %d", row.Model, c.Months, row.MinMonths, row.MaxMonths)
	}
	return c, e, nil
}

// Cover returns the coverage model m gives an order, with its explanation.
func (m Model) Cover(req Request) (licensing.Coverage, licensing.Explanation, error) {
	if !req.Order.IsValid() {
		return licensing.Coverage{}, licensing.Explanation{}, fmt.Errorf("sa: coverage: %w: the order date is required", licensing.ErrInvalidOrder)
	}
	switch m {
	case ToAuthorizationEnd:
		return coverToAuthorizationEnd(req.Order, req.AuthorizationEnd)
	case ToAgreementEnd:
		return coverToAgreementEnd(req.Order, req.AgreementStart)
	case ToThirdAffiliateAnniversary:
		if !req.AffiliateAnniversary.IsValid() {
			return licensing.Coverage{}, licensing.Explanation{}, fmt.Errorf("sa: coverage: %w: the affiliate anniversary is required (SP-39)", licensing.ErrInvalidOrder)
		}
		c := ThirdAnniversary(req.Order, req.AffiliateAnniversary.Month())
		return c, licensing.Explain("SP-39", fmt.Sprintf("coverage to the day before the third affiliate anniversary: %v", c),
			licensing.F("order", req.Order), licensing.F("anniversaryMonth", req.AffiliateAnniversary.Month())), nil
	case ThirtySixMonths:
		c := licensing.Coverage{Start: req.Order, End: req.Order.AddYears(3).AddDays(-1), Months: 36}
		return c, licensing.Explain("SP-42", fmt.Sprintf("Order Anniversary: 36 months from the order: %v", c),
			licensing.F("order", req.Order)), nil
	}
	return licensing.Coverage{}, licensing.Explanation{}, fmt.Errorf("sa: coverage: unknown model %v", m)
}

// ThirdAnniversary returns Select Plus coverage for an order on o by an
// affiliate whose anniversary month is ma (SP-39): the first anniversary A1
// is the 1st of ma in the first year whose (year, month) comes after o's (an
// order in month ma counts as on or after that year's anniversary); coverage
// runs from o to the day before A1 + 2 years, and its months are counted
// with o's month in full. It is always 25 to 36 months: 36 for an order in
// month ma, 25 for one in the month before.
func ThirdAnniversary(o licensing.Date, ma time.Month) licensing.Coverage {
	y := o.Year()
	if o.Month() >= ma {
		y++
	}
	// A3 is the 1st of ma in year y+2; coverage ends on the last day of the
	// month before it, and its months count o's month in full.
	a3y, endMonth, endYear := y+2, ma-1, y+2
	if endMonth == 0 {
		endMonth, endYear = time.December, endYear-1
	}
	first, err := licensing.NewDate(endYear, endMonth, 1)
	if err != nil {
		first = licensing.MustDate(9999, 12, 1) // beyond the calendar: saturate like Date does
	}
	months := 12*(a3y-o.Year()) + int(ma) - int(o.Month())
	return licensing.Coverage{Start: o, End: first.LastOfMonth(), Months: months}
}

// NextAffiliateAnniversary returns A1 of SP-39: the first 1st of month ma
// whose (year, month) comes after o's.
func NextAffiliateAnniversary(o licensing.Date, ma time.Month) licensing.Date {
	return ThirdAnniversary(o, ma).End.AddDays(1).AddYears(-2)
}

// coverToAuthorizationEnd: two years or the rest of the authorization,
// whichever ends first (OL-13).
func coverToAuthorizationEnd(o, authEnd licensing.Date) (licensing.Coverage, licensing.Explanation, error) {
	if !authEnd.IsValid() {
		return licensing.Coverage{}, licensing.Explanation{}, fmt.Errorf("sa: coverage: %w: the authorization end is required (OL-13)", licensing.ErrInvalidOrder)
	}
	if o.After(authEnd) {
		return licensing.Coverage{}, licensing.Explanation{}, licensing.Refuse("OL-19", licensing.ErrOutsideTerm,
			"order %v after the authorization ended on %v", o, authEnd)
	}
	end := o.AddYears(2).AddDays(-1)
	if authEnd.Before(end) {
		end = authEnd
	}
	c := licensing.Coverage{Start: o, End: end, Months: Months(o, end)}
	return c, licensing.Explain("OL-13", fmt.Sprintf("coverage for two years or to the authorization end: %v", c),
		licensing.F("order", o), licensing.F("authorizationEnd", authEnd)), nil
}

// coverToAgreementEnd: an item acquired in agreement year y is covered to
// the agreement's expiration and billed for 4 − y years (SA-19, OV-26).
func coverToAgreementEnd(o, start licensing.Date) (licensing.Coverage, licensing.Explanation, error) {
	if !start.IsValid() {
		return licensing.Coverage{}, licensing.Explanation{}, fmt.Errorf("sa: coverage: %w: the agreement start is required (SA-19)", licensing.ErrInvalidOrder)
	}
	y := licensing.YearOf(start, o)
	if y < 1 || y > agreementYears {
		return licensing.Coverage{}, licensing.Explanation{}, licensing.Refuse("OV-27", licensing.ErrOutsideTerm,
			"order %v outside the agreement %v..%v", o, start, start.AddYears(agreementYears).AddDays(-1))
	}
	years := agreementYears + 1 - y
	c := licensing.Coverage{Start: o, End: start.AddYears(agreementYears).AddDays(-1), Months: 12 * years}
	return c, licensing.Explain("SA-19", fmt.Sprintf("acquired in year %d: %d years of coverage to the agreement end %v", y, years, c.End),
		licensing.F("order", o), licensing.F("agreementStart", start), licensing.F("acquisitionYear", y)), nil
}

// agreementYears is the Open Value term: three agreement years (OV-26, X-01).
const agreementYears = 3
