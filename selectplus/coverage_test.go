package selectplus_test

import (
	"errors"
	"fmt"
	"log"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"github.com/vlrules/vlrules/selectplus"
	"pgregory.net/rapid"
)

// The helpers of this file carry the prefix cov, so that they never clash
// with the other test files of the package.

// covDate reads a date; covDateGen draws any day of the century from 1990,
// covMonthGen an anniversary month.
var (
	covDate     = licensing.MustParseDate
	covDateGen  = rapid.Map(rapid.IntRange(0, 36889), covDate("1990-01-01").AddDays)
	covMonthGen = rapid.Map(rapid.IntRange(1, 12), func(m int) time.Month { return time.Month(m) })
)

// covLedger loads an agreement whose lead affiliate "EU" has its
// anniversaries on the 1st of ma.
func covLedger(ma time.Month) (*selectplus.Ledger, error) {
	return selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: covDate("2019-01-01"),
		Lead: selectplus.Affiliate{ID: "EU", Anniversary: licensing.MustDate(2018, ma, 1)}}, selectplus.DefaultRules())
}

func covMustLedger(t *testing.T, ma time.Month) *selectplus.Ledger {
	l, err := covLedger(ma)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func covProduct(t testing.TB, name string) licensing.Product {
	p, err := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func covRules(es []licensing.Explanation) (ids []licensing.RuleID) {
	for _, e := range es {
		ids = append(ids, e.Rule)
	}
	return ids
}

// WS-15 (SP-39, SA-01, SA-03, SA-12): affiliate anniversary in July, Office
// Professional Plus L&SA (2 points), annual SA 29.00 a unit.
func TestCoverageWS15ThirdAnniversary(t *testing.T) {
	l := covMustLedger(t, time.July)
	for _, tt := range []struct {
		order, end    string
		months        int
		points, price string
	}{
		{"2020-07-01", "2023-06-30", 36, "3", "87.00"},
		{"2020-07-31", "2023-06-30", 36, "3", "87.00"},
		{"2020-06-30", "2022-06-30", 25, "25/12", "60.42"},
		{"2020-04-01", "2022-06-30", 27, "9/4", "65.25"},
	} {
		t.Run(tt.order, func(t *testing.T) {
			c := covThird(covDate(tt.order), time.July)
			if c.End != covDate(tt.end) || c.Months != tt.months || c.Start != covDate(tt.order) {
				t.Fatalf("ThirdAnniversary = %v, want to %s, %d months", c, tt.end, tt.months)
			}
			if lc, err := l.Coverage("EU", covDate(tt.order)); err != nil || lc != c {
				t.Fatalf("Ledger.Coverage = %v, %v; want %v", lc, err, c)
			}
			pts, err := licensing.SAPoints(licensing.WholePoints(2), c.Months)
			if err != nil || pts != licensing.MustParsePoints(tt.points) {
				t.Fatalf("SA points = %v, %v; want %s", pts, err, tt.points)
			}
			q, err := selectplus.QuoteSA(covDate(tt.order), time.July, selectplus.UpFront, decimal.RequireFromString("29.00"), 1, sa.Monthly)
			if err != nil || q.Price.StringFixed(2) != tt.price || q.Coverage != c || q.Why()[0].Rule != "SP-39" {
				t.Fatalf("price = %v for %v, %v; want %s by SP-39", q.Price, q.Coverage, err, tt.price)
			}
		})
	}
	// 10 units ordered 2020-04-01 earn 10 × (2 + 9/4) = 42.5 points.
	lp, err := licensing.Line{Product: covProduct(t, "Office Professional Plus"), Offering: licensing.LicenseSA, Quantity: 10, SAMonths: 27}.Points()
	if err != nil || lp.Total != licensing.MustParsePoints("42.5") {
		t.Fatalf("10 units of L&SA = %v, %v; want 42.5", lp.Total, err)
	}
}

// covModelThirdAnniversary is the naive model of SP-39: walk month by
// month from the order's month and stop at the third 1st of the
// anniversary month after it.
func covModelThirdAnniversary(o licensing.Date, ma time.Month) (licensing.Date, int) {
	d := o.FirstOfMonth()
	seen, months := 0, 0
	for seen < 3 {
		d = d.AddMonths(1)
		months++
		if d.Month() == ma {
			seen++
		}
	}
	return d.AddDays(-1), months
}

// INV-23, INV-24: 25 to 36 months for every date and month, 36 exactly in
// the anniversary month, ending the last day of the month before it; two
// orders in one affiliate year end together.
func TestCoverageThirdAnniversaryProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := covDateGen.Draw(t, "order")
		ma := covMonthGen.Draw(t, "ma")
		c := covThird(o, ma)
		end, months := covModelThirdAnniversary(o, ma)
		if c.End != end || c.Months != months || c.Start != o {
			t.Fatalf("ThirdAnniversary(%v, %v) = %v, model %v (%d months)", o, ma, c, end, months)
		}
		if c.Months < 25 || c.Months > 36 || (c.Months == 36) != (o.Month() == ma) {
			t.Fatalf("ThirdAnniversary(%v, %v) = %d months", o, ma, c.Months)
		}
		if after := c.End.AddDays(1); after.Day() != 1 || after.Month() != ma {
			t.Fatalf("coverage ends %v, not the day before a 1st of %v", c.End, ma)
		}
		if c.Months != sa.Months(c.Start, c.End) {
			t.Fatalf("Months(%v, %v) = %d, coverage says %d", c.Start, c.End, sa.Months(c.Start, c.End), c.Months)
		}
		// Another order in the same affiliate year ends on the same day.
		a1 := covNext(o, ma)
		if a1.Day() != 1 || a1.Month() != ma || !a1.After(o) || a1.AddYears(2).AddDays(-1) != c.End {
			t.Fatalf("NextAffiliateAnniversary(%v, %v) = %v", o, ma, a1)
		}
		yearStart := a1.AddYears(-1)
		other := yearStart.AddDays(rapid.IntRange(0, yearStart.DaysUntil(a1)-1).Draw(t, "sameYearOffset"))
		if got := covThird(other, ma).End; got != c.End {
			t.Fatalf("orders %v and %v in one affiliate year end %v and %v", o, other, c.End, got)
		}
	})
}

// SP-12: coverage is the registered affiliate's; an order needs a date.
func TestCoverageLedgerErrors(t *testing.T) {
	l := covMustLedger(t, time.July)
	_, err := l.Coverage("Nobody", covDate("2020-04-01"))
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, selectplus.ErrUnregistered) || rule != "SP-12" {
		t.Errorf("unregistered affiliate: err = %v", err)
	}
	if _, err := l.Coverage("EU", licensing.Date{}); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no order date: err = %v", err)
	}
	if _, err := l.QuoteSA("Nobody", covDate("2020-04-01"), selectplus.UpFront, decimal.New(29, 0), 1); !errors.Is(err, selectplus.ErrUnregistered) {
		t.Errorf("quote for an unregistered affiliate: err = %v", err)
	}
	lines := []sa.Expiring{{ID: "a", Expires: covDate("2021-06-30"), Annual: decimal.New(100, 0)}}
	if _, err := l.Extend("Nobody", covDate("2021-06-15"), lines, licensing.Date{}); !errors.Is(err, selectplus.ErrUnregistered) {
		t.Errorf("extension for an unregistered affiliate: err = %v", err)
	}
	if _, err := l.Extend("EU", covDate("2021-06-15"), nil, licensing.Date{}); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("extension of no lines: err = %v", err)
	}
}

// SP-39, SP-42: ten units at 29.00 a year ordered 2020-04-01 by an
// affiliate with July anniversaries, paid by each plan.
func TestCoverageQuoteSA(t *testing.T) {
	annual := decimal.RequireFromString("29.00")
	tests := []struct {
		plan   selectplus.Plan
		months int
		price  string
		n      int
		rules  []licensing.RuleID
	}{
		{selectplus.UpFront, 27, "652.50", 1, []licensing.RuleID{"SP-39", "SP-39", "SA-12", "SP-39"}},              // WS-15, ten units
		{selectplus.AffiliateAnniversary, 27, "652.50", 3, []licensing.RuleID{"SP-39", "SP-42", "SA-12", "SP-42"}}, // SP-42
		{selectplus.OrderAnniversary, 36, "870.00", 3, []licensing.RuleID{"SP-42", "SP-42", "SA-12", "SP-42"}},     // SP-42 (a)
	}
	l := covMustLedger(t, time.July)
	for _, tt := range tests {
		q, err := selectplus.QuoteSA(covDate("2020-04-01"), time.July, tt.plan, annual, 10, sa.Monthly)
		if err != nil {
			t.Fatalf("%v: %v", tt.plan, err)
		}
		if q.Coverage.Months != tt.months || q.Price.StringFixed(2) != tt.price || len(q.Schedule.Installments) != tt.n {
			t.Errorf("%v: %v months, %v, %d installments; want %d, %s, %d", tt.plan, q.Coverage.Months, q.Price, len(q.Schedule.Installments), tt.months, tt.price, tt.n)
		}
		if diff := cmp.Diff(tt.rules, covRules(q.Why())); diff != "" {
			t.Errorf("%v: Why() rules (-want +got):\n%s", tt.plan, diff)
		}
		// The ledger quotes the same for its affiliate, by its rules'
		// granularity.
		lq, err := l.QuoteSA("EU", covDate("2020-04-01"), tt.plan, annual, 10)
		if err != nil || lq.Coverage != q.Coverage || !lq.Price.Equal(q.Price) || len(lq.Schedule.Installments) != tt.n {
			t.Errorf("%v: Ledger.QuoteSA = %v for %v, %v", tt.plan, lq.Price, lq.Coverage, err)
		}
	}
	// X-17, LIB-04: by quarter, 25 months are billed as 27.
	q, err := selectplus.QuoteSA(covDate("2020-06-30"), time.July, selectplus.UpFront, annual, 1, sa.Quarterly)
	if err != nil || q.Coverage.Months != 25 || q.Price.StringFixed(2) != "65.25" {
		t.Errorf("quarterly: %v for %v, %v; want 65.25", q.Price, q.Coverage, err)
	}
	if _, err := selectplus.QuoteSA(covDate("2020-04-01"), time.July, selectplus.UpFront, annual, 0, sa.Monthly); !errors.Is(err, licensing.ErrInvalidQuantity) {
		t.Errorf("quantity 0: err = %v", err)
	}
	for name, bad := range map[string]struct {
		d    licensing.Date
		ma   time.Month
		plan selectplus.Plan
	}{
		"no plan":                          {covDate("2020-04-01"), time.July, 0},
		"no anniversary month":             {covDate("2020-04-01"), 0, selectplus.UpFront},
		"month 13":                         {covDate("2020-04-01"), 13, selectplus.AffiliateAnniversary},
		"no order date":                    {licensing.Date{}, time.July, selectplus.UpFront},
		"no order date, order anniversary": {licensing.Date{}, time.July, selectplus.OrderAnniversary},
	} {
		if _, err := selectplus.QuoteSA(bad.d, bad.ma, bad.plan, annual, 1, sa.Monthly); !errors.Is(err, licensing.ErrInvalidOrder) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// SP-42: the Affiliate Anniversary stub and the remainder rule.
func TestCoverageAffiliateAnniversaryStub(t *testing.T) {
	// Ordered 2020-04-01, July anniversaries: 27 months, a 3-month stub;
	// 27 months at 29.00 a year is 65.25 (WS-15).
	q, err := selectplus.QuoteSA(covDate("2020-04-01"), time.July, selectplus.AffiliateAnniversary, decimal.RequireFromString("29.00"), 1, sa.Monthly)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range q.Schedule.Installments {
		got = append(got, in.Period.String()+" "+in.Amount.StringFixed(2))
	}
	want := []string{
		"2020-04-01..2020-06-30 (3 months) 7.25",
		"2020-07-01..2021-06-30 (12 months) 29.00",
		"2021-07-01..2022-06-30 (12 months) 29.00",
	}
	if diff := cmp.Diff(want, got); diff != "" || q.Price.StringFixed(2) != "65.25" {
		t.Fatalf("price %v, mismatch (-want +got):\n%s", q.Price, diff)
	}
	// 25 months at 29.00 is 60.42. Each later year's share, 60.42 × 12/25 =
	// 29.0016, is rounded down to 29.00; the 1-month stub takes the rest, 2.42.
	q, err = selectplus.QuoteSA(covDate("2020-06-30"), time.July, selectplus.AffiliateAnniversary, decimal.RequireFromString("29.00"), 1, sa.Monthly)
	if a := q.Schedule.Installments; err != nil || q.Price.StringFixed(2) != "60.42" || !a[0].Amount.Equal(decimal.RequireFromString("2.42")) || !a[1].Amount.Equal(decimal.RequireFromString("29.00")) {
		t.Fatalf("25-month schedule %v, %v", a, err)
	}
}

// SP-39, SP-42, SA-12: each plan bills its own periods, and the price is
// annual × quantity prorated for the coverage, billed by the granularity.
// Up front pays once for the whole coverage; Affiliate Anniversary pays a
// stub of 1 to 12 months to the first affiliate anniversary and two years,
// ending with the coverage; Order Anniversary covers and pays three years
// from the order, 36 months. The installments add up to the price (INV-26);
// that each is in cents, none negative and due when its period starts
// (SA-11) is sa.Pay's, tested in package sa.
func TestCoverageSchedulesAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := covDateGen.Draw(t, "order")
		ma := covMonthGen.Draw(t, "ma")
		plan := rapid.SampledFrom(selectplus.Plans()).Draw(t, "plan")
		g := rapid.SampledFrom(sa.Granularities()).Draw(t, "granularity")
		annual := decimal.New(rapid.Int64Range(0, 10_000_000_0000).Draw(t, "annual"), -4) // sub-cent digits, as 29 % of a price has
		qty := rapid.Int64Range(1, 1000).Draw(t, "qty")
		q, err := selectplus.QuoteSA(o, ma, plan, annual, qty, g)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := sa.Prorated{Granularity: g}.Price(annual.Mul(decimal.New(qty, 0)), q.Coverage, sa.DefaultRounding)
		if !q.Price.Equal(want) || !q.Schedule.Total.Equal(q.Price) {
			t.Fatalf("%v: price %v, schedule total %v, want %v", plan, q.Price, q.Schedule.Total, want)
		}
		c, a1 := covThird(o, ma), covNext(o, ma)
		periods := []sa.Coverage{c}
		switch plan {
		case selectplus.AffiliateAnniversary:
			if stub := c.Months - 24; stub < 1 || stub > 12 {
				t.Fatalf("a stub of %d months", stub)
			}
			periods = []sa.Coverage{{Start: o, End: a1.AddDays(-1), Months: c.Months - 24},
				{Start: a1, End: a1.AddYears(1).AddDays(-1), Months: 12}, {Start: a1.AddYears(1), End: c.End, Months: 12}}
		case selectplus.OrderAnniversary:
			c = sa.Coverage{Start: o, End: o.AddYears(3).AddDays(-1), Months: 36}
			periods = []sa.Coverage{{Start: o, End: o.Anniversary(1).AddDays(-1), Months: 12},
				{Start: o.Anniversary(1), End: o.Anniversary(2).AddDays(-1), Months: 12}, {Start: o.Anniversary(2), End: c.End, Months: 12}}
		}
		paid, sum := covPaid(q.Schedule)
		if diff := cmp.Diff(periods, paid); diff != "" || q.Coverage != c || !sum.Equal(q.Price) {
			t.Fatalf("%v: coverage %v, want %v; installments sum to %v; periods (-want +got):\n%s", plan, q.Coverage, c, sum, diff)
		}
	})
}

// covPaid returns the periods a schedule pays for and what its installments
// add up to.
func covPaid(s sa.Schedule) ([]sa.Coverage, decimal.Decimal) {
	periods, sum := make([]sa.Coverage, len(s.Installments)), decimal.Zero
	for i, in := range s.Installments {
		periods[i], sum = in.Period, sum.Add(in.Amount)
	}
	return periods, sum
}

// The plans read by their names and other spellings; anything else, a
// monthly plan, is no plan.
func TestCoveragePlanSpellings(t *testing.T) {
	for s, want := range map[string]selectplus.Plan{"upfront": selectplus.UpFront, "up front": selectplus.UpFront, " affiliate ": selectplus.AffiliateAnniversary,
		"ORDER": selectplus.OrderAnniversary, "Order Anniversary": selectplus.OrderAnniversary, "AffiliateAnniversary": selectplus.AffiliateAnniversary, "monthly": 0} {
		got, err := selectplus.ParsePlan(s)
		if ok := err == nil; got != want || ok != (want != 0) || (!ok && !errors.Is(err, selectplus.ErrInvalidPlan)) {
			t.Errorf("ParsePlan(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if got := selectplus.Plan(0).String(); got != "Plan(0)" {
		t.Errorf("zero Plan = %q", got)
	}
}

// covRenewal is Select Plus's renewal row (SP-44 to SP-47).
var covRenewal = sa.Renewal{OnTime: "SP-45", Lapse: "SP-46", Other: "SP-47", CoTerm: "SP-44"}

// SP-43, SP-44, SP-46: by default every co-terminated line ends on the day
// before the third affiliate anniversary after the earliest renewal start
// (SP-39 applied to it), so the earliest gets 25 to 36 months; a chosen
// affiliate anniversary ends them the day before it; any other chosen day
// is refused; a lapsed line is refused. The rest is sa.CoTerminate's with
// Select Plus's renewal rules, to that end: its arithmetic is tested in
// package sa.
func TestCoverageExtendProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ma := covMonthGen.Draw(t, "ma")
		l, err := covLedger(ma)
		if err != nil {
			t.Fatal(err)
		}
		order := covDateGen.Draw(t, "order")
		days := rapid.SliceOfN(rapid.IntRange(0, 700), 1, 6).Draw(t, "daysToExpiry")
		lines := make([]sa.Expiring, len(days))
		for i, d := range days {
			lines[i] = sa.Expiring{ID: fmt.Sprint("L", i+1), Expires: order.AddDays(d), Annual: decimal.New(rapid.Int64Range(0, 10_000_000_00).Draw(t, "cents"), -2)}
		}
		earliest, latest := order.AddDays(slices.Min(days)), order.AddDays(slices.Max(days))
		ct, err := l.Extend("EU", order, lines, licensing.Date{})
		want := covThird(earliest.AddDays(1), ma)
		if err != nil || ct.End != want.End || ct.Why()[0].Rule != "SP-44" {
			t.Fatalf("common end %v (%v), %v; want %v", ct.End, ct.Why(), err, want.End)
		}
		same, err := sa.CoTerminate(covRenewal, lines, order, want.End, ct.Why()[0], sa.Prorated{}, sa.DefaultRounding)
		if err != nil || fmt.Sprint(same.Why()) != fmt.Sprint(ct.Why()) || !same.Total.Equal(ct.Total) || len(ct.Extensions) != len(lines) {
			t.Fatalf("Extend = %v, total %v; sa.CoTerminate = %v, total %v, %v", ct.Why(), ct.Total, same.Why(), same.Total, err)
		}
		for _, x := range ct.Extensions {
			if x.Coverage.Start == earliest.AddDays(1) && (x.Coverage.Months < 25 || x.Coverage.Months > 36 || x.Coverage.Months != want.Months) {
				t.Fatalf("earliest line renewed for %d months, want %d, 25 to 36", x.Coverage.Months, want.Months)
			}
		}

		// A chosen affiliate anniversary after every renewal start.
		chosen := covNext(latest.AddDays(1), ma).AddYears(rapid.IntRange(0, 1).Draw(t, "yearsLater"))
		ct, err = l.Extend("EU", order, lines, chosen)
		if sa.Months(earliest.AddDays(1), chosen.AddDays(-1)) > licensing.MaxSAMonths {
			if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-44" {
				t.Fatalf("chosen %v, more than 36 months after %v: err = %v", chosen, earliest.AddDays(1), err)
			}
		} else if err != nil || ct.End != chosen.AddDays(-1) {
			t.Fatalf("chosen %v: end %v, %v", chosen, ct.End, err)
		}
		// A chosen day that is not an affiliate anniversary.
		notAnniversary := chosen.AddDays(rapid.IntRange(1, 27).Draw(t, "daysOff"))
		if rapid.Bool().Draw(t, "otherMonth") {
			notAnniversary = chosen.AddMonths(rapid.IntRange(1, 11).Draw(t, "monthsOff"))
		}
		_, err = l.Extend("EU", order, lines, notAnniversary)
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-44" {
			t.Fatalf("chosen %v with %v anniversaries: err = %v", notAnniversary, ma, err)
		}
		// SP-46: a line that expired before the order has lapsed.
		lapsed := append(lines[:len(lines):len(lines)], sa.Expiring{ID: "lapsed", Expires: order.AddDays(-1 - rapid.IntRange(0, 400).Draw(t, "daysLapsed")), Annual: decimal.New(1, 0)})
		_, err = l.Extend("EU", order, lapsed, licensing.Date{})
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-46" {
			t.Fatalf("lapsed line: err = %v, want SP-46", err)
		}
	})
}

// SP-44: two lines of an affiliate with July anniversaries renewed on
// 2021-06-15.
func TestCoverageExtendChosenDate(t *testing.T) {
	l := covMustLedger(t, time.July)
	lines := []sa.Expiring{
		{ID: "A", Expires: covDate("2021-06-30"), Annual: decimal.RequireFromString("290.00")},
		{ID: "B", Expires: covDate("2021-12-31"), Annual: decimal.RequireFromString("120.00")},
	}
	ct, err := l.Extend("EU", covDate("2021-06-15"), lines, licensing.Date{})
	if err != nil {
		t.Fatal(err)
	}
	// Recommended: SP-39 from 2021-07-01 (a July order) gives 36 months to 2024-06-30.
	if ct.End != covDate("2024-06-30") || ct.Extensions[0].Coverage.Months != 36 || ct.Extensions[1].Coverage.Months != 30 {
		t.Fatalf("recommended co-termination %+v", ct)
	}
	if !ct.Extensions[1].Price.Equal(decimal.RequireFromString("300.00")) || !ct.Total.Equal(decimal.RequireFromString("1170.00")) {
		t.Fatalf("prices %v and %v, total %v", ct.Extensions[0].Price, ct.Extensions[1].Price, ct.Total)
	}
	if diff := cmp.Diff([]licensing.RuleID{"SP-44", "SP-44", "SP-44"}, covRules(ct.Why())); diff != "" {
		t.Fatalf("Why() rules (-want +got):\n%s", diff)
	}
	// The customer picks the 2023 anniversary instead.
	ct, err = l.Extend("EU", covDate("2021-06-15"), lines, covDate("2023-07-01"))
	if err != nil || ct.End != covDate("2023-06-30") || ct.Extensions[1].Coverage.Months != 18 {
		t.Fatalf("chosen co-termination %+v, %v", ct, err)
	}
	for _, bad := range []string{"2023-07-02", "2023-06-01"} {
		_, err := l.Extend("EU", covDate("2021-06-15"), lines, covDate(bad))
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-44" {
			t.Errorf("chosen %s: err = %v, want a refusal (not an affiliate anniversary)", bad, err)
		}
	}
	if _, err := l.Extend("EU", covDate("2021-06-15"), lines, covDate("2022-01-01")); err == nil {
		t.Error("a chosen date in another month was accepted")
	}
	// SP-46: a line already expired has lapsed.
	_, err = l.Extend("EU", covDate("2021-07-01"), lines, licensing.Date{})
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-46" {
		t.Errorf("lapsed line: err = %v, want SP-46", err)
	}
	if _, err := l.Extend("EU", covDate("2021-06-15"), append(lines, lines[0]), licensing.Date{}); !errors.Is(err, licensing.ErrDuplicateOrder) {
		t.Errorf("duplicate line: err = %v", err)
	}
}

// SP-40, SP-41: SP-41's worked cases, and SP-40 for the rest.
func TestCoverageCanEnroll(t *testing.T) {
	bought := covDate("2020-01-10")
	office := func(channel licensing.Channel, version int) sa.Purchase {
		return sa.Purchase{Product: covProduct(t, "Office Professional Plus"), Version: version, Channel: channel, Date: bought}
	}
	visio := licensing.Product{Program: licensing.SelectPlus, Name: "Visio Standard", Family: "Visio", Kind: licensing.KindApplication, Pool: licensing.Applications, Points: licensing.WholePoints(1)}
	tests := []struct {
		name    string
		p       sa.Purchase
		day     int
		saVer   int
		allowed bool
		rule    licensing.RuleID
	}{
		{"Office 2010 OEM", office(licensing.OEM, 2010), 10, 2010, false, "SP-41"},
		{"Office 2016 FPP", office(licensing.Retail, 2016), 10, 2016, false, "SP-41"},
		{"Office 2016 OEM, SA for 2019", office(licensing.OEM, 2016), 10, 2019, false, "SP-41"},
		{"Office 2016 OEM day 90", office(licensing.OEM, 2016), 90, 2016, true, "SP-41"},
		{"Office 2016 OEM day 91", office(licensing.OEM, 2016), 91, 2016, false, "SP-41"},
		{"Visio OEM (not Office)", sa.Purchase{Product: visio, Version: 2019, Channel: licensing.OEM, Date: bought}, 10, 2019, false, "SP-40"},
		{"Outlook OEM (not Office)", sa.Purchase{Product: covProduct(t, "Outlook"), Version: 2019, Channel: licensing.OEM, Date: bought}, 10, 2019, false, "SP-40"},
		{"Windows FPP day 90", sa.Purchase{Product: covProduct(t, "Windows upgrade"), Channel: licensing.Retail, Date: bought}, 90, 0, true, "SP-40"},
		{"Server OEM day 90", sa.Purchase{Product: covProduct(t, "Windows Server Essentials"), Channel: licensing.OEM, Date: covDate("2020-01-01")}, 90, 0, true, "SP-40"},
		{"Server volume license", sa.Purchase{Product: covProduct(t, "Windows Server Essentials"), Channel: licensing.Volume, Date: bought}, 5, 0, false, "SP-40"},
		{"before the purchase", sa.Purchase{Product: covProduct(t, "Windows Server Essentials"), Channel: licensing.OEM, Date: bought}, -1, 0, false, "SP-40"},
	}
	for _, tt := range tests {
		e, err := selectplus.CanEnroll(tt.p, tt.p.Date.AddDays(tt.day), tt.saVer)
		if (err == nil) != tt.allowed || e.Rule != tt.rule {
			t.Errorf("%s: allowed %v by %s (%v); want %v by %s", tt.name, err == nil, e.Rule, err, tt.allowed, tt.rule)
		}
		if rule, _ := licensing.RuleOf(err); !tt.allowed && (!errors.Is(err, licensing.ErrNotEligible) || rule != tt.rule) {
			t.Errorf("%s: refusal %v, want ErrNotEligible by %s", tt.name, err, tt.rule)
		}
	}
}

// INV-30: for every product a Select Plus window admits, day 90 is allowed
// and day 91 refused, by the window's rule.
func TestCoverageEnrollmentWindowEdges(t *testing.T) {
	windows := selectplus.Windows()
	if diff := cmp.Diff([]licensing.RuleID{"SP-40", "SP-41"}, []licensing.RuleID{windows[0].Rule, windows[1].Rule}); diff != "" || len(windows) != 2 {
		t.Fatalf("windows (-want +got):\n%s", diff)
	}
	// The caller owns the rows.
	windows[0].Kinds[0], windows[1].Family = licensing.KindApplication, "Visio"
	if again := selectplus.Windows(); again[0].Kinds[0] == licensing.KindApplication || again[1].Family != "Office" {
		t.Fatal("Windows shares its rows")
	}
	rapid.Check(t, func(t *rapid.T) {
		w := rapid.SampledFrom(selectplus.Windows()).Draw(t, "window")
		p := sa.Purchase{
			Product: licensing.Product{Name: "P", Family: w.Family, Kind: rapid.SampledFrom(w.Kinds).Draw(t, "kind")},
			Channel: rapid.SampledFrom(w.Channels).Draw(t, "channel"),
			Version: w.MinVersion + rapid.IntRange(0, 10).Draw(t, "versionsNewer"),
			Date:    covDateGen.Draw(t, "purchased"),
		}
		day := rapid.IntRange(0, 90).Draw(t, "day")
		if e, err := selectplus.CanEnroll(p, p.Date.AddDays(day), p.Version); err != nil || e.Rule != w.Rule {
			t.Fatalf("day %d refused: %v, %v", day, e, err)
		}
		late := 91 + rapid.IntRange(0, 400).Draw(t, "late")
		if e, err := selectplus.CanEnroll(p, p.Date.AddDays(late), p.Version); !errors.Is(err, licensing.ErrNotEligible) || e.Rule != w.Rule {
			t.Fatalf("enrollment on day %d: %v, %v", late, e, err)
		}
	})
}

// An affiliate with July anniversaries buys SA on April 1, 2020: it runs
// to the day before the third anniversary, 27 months, prorated (SP-39).
func ExampleThirdAnniversary_ws15() {
	for _, d := range []string{"2020-04-01", "2020-07-01"} {
		c, err := selectplus.ThirdAnniversary(licensing.MustParseDate(d), time.July)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(c)
	}
	// Output:
	// 2020-04-01..2022-06-30 (27 months)
	// 2020-07-01..2023-06-30 (36 months)
}

// The Affiliate Anniversary option pays a stub to the next affiliate
// anniversary, then yearly.
func ExampleQuoteSA_affiliateAnniversary() {
	q, err := selectplus.QuoteSA(licensing.MustParseDate("2020-04-01"), time.July, selectplus.AffiliateAnniversary,
		decimal.RequireFromString("29.00"), 10, sa.Monthly)
	if err != nil {
		log.Fatal(err)
	}
	for _, in := range q.Schedule.Installments {
		fmt.Println(in.Due, in.Period.Months, "months", in.Amount.StringFixed(2))
	}
	for _, e := range q.Why() {
		fmt.Println(e)
	}
	// Output:
	// 2020-04-01 3 months 72.50
	// 2020-07-01 12 months 290.00
	// 2021-07-01 12 months 290.00
	// SP-39: coverage to the day before the third affiliate anniversary: 2020-04-01..2022-06-30 (27 months) (order=2020-04-01, anniversaryMonth=July)
	// SP-42: Select Plus offers AffiliateAnniversary (plan=AffiliateAnniversary)
	// SA-12: price 652.5: annual × billed months / 12, by month (annual=29, quantity=10, coverage=2020-04-01..2022-06-30 (27 months))
	// SP-42: 3 installments adding up to 652.5 (total=652.5, installments=3, weighting=by months, remainderTo=first installment)
}

// Two SA lines bought at different times are extended together to one
// common end date, each prorated for its own months (SP-44): by default the
// day before the third affiliate anniversary after the earliest renewal
// start (SP-39).
// X-17, LIB-04: a ledger that bills SA by quarter bills co-terminated
// renewals by quarter too: 35 months bill as 36.
func TestExtendBillsByTheLedgersGranularity(t *testing.T) {
	rules := selectplus.DefaultRules()
	rules.SAGranularity = sa.Quarterly
	l, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: covDate("2019-01-01"),
		Lead: selectplus.Affiliate{ID: "EU", Anniversary: licensing.MustDate(2018, time.July, 1)}}, rules)
	if err != nil {
		t.Fatal(err)
	}
	lines := []sa.Expiring{{ID: "desktops", Expires: covDate("2021-07-31"), Annual: decimal.RequireFromString("29.00")}}
	ct, err := l.Extend("EU", covDate("2021-07-15"), lines, licensing.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if e := ct.Extensions[0]; e.Coverage.Months != 35 || e.Price.StringFixed(2) != "87.00" {
		t.Fatalf("renewal %v for %s, want 35 months billed as 36: 87.00", e.Coverage, e.Price.StringFixed(2))
	}
}

func ExampleLedger_Extend_coTerminate() {
	l, err := covLedger(time.July)
	if err != nil {
		log.Fatal(err)
	}
	lines := []sa.Expiring{
		{ID: "servers", Expires: licensing.MustParseDate("2021-06-30"), Annual: decimal.RequireFromString("250.00")},
		{ID: "desktops", Expires: licensing.MustParseDate("2021-12-31"), Annual: decimal.RequireFromString("290.00")},
	}
	ct, err := l.Extend("EU", licensing.MustParseDate("2021-06-15"), lines, licensing.Date{})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range ct.Why() {
		fmt.Println(e)
	}
	fmt.Printf("total %s to %v\n", ct.Total.StringFixed(2), ct.End)
	// Output:
	// SP-44: common end 2024-06-30: SP-39 applied to the earliest renewal start 2021-07-01 (earliest=servers, expires=2021-06-30, anniversaryMonth=July)
	// SP-44: renewed 2021-07-01..2024-06-30 (36 months) for 750.00 (line=servers, annual=250, months=36, pricing=annual × billed months / 12, by month)
	// SP-44: renewed 2022-01-01..2024-06-30 (30 months) for 725.00 (line=desktops, annual=290, months=30, pricing=annual × billed months / 12, by month)
	// total 1475.00 to 2024-06-30
}

// SA alone can be added to an OEM Office license only for the identical
// version, within 90 days (SP-41).
func ExampleCanEnroll_officeOEM() {
	office, err := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, "Office Professional Plus")
	if err != nil {
		log.Fatal(err)
	}
	p := sa.Purchase{Product: office, Version: 2016, Channel: licensing.OEM, Date: licensing.MustParseDate("2020-01-10")}
	e, err := selectplus.CanEnroll(p, licensing.MustParseDate("2020-04-09"), 2016)
	fmt.Println(err == nil, e.Result)
	_, err = selectplus.CanEnroll(p, licensing.MustParseDate("2020-04-10"), 2016)
	fmt.Println(err)
	_, err = selectplus.CanEnroll(p, licensing.MustParseDate("2020-02-01"), 2019)
	fmt.Println(err)
	// Output:
	// true SA-only allowed: day 90 of the 90-day window
	// SP-41: enrollment 91 days after the purchase; the window is 90 days: not eligible
	// SP-41: SA for version 2019 on the Office 2016 license: the versions must be identical: not eligible
}

// covThird and covNext are SP-39's coverage and first anniversary for
// dates and months the tests know to be valid.
func covThird(o licensing.Date, ma time.Month) sa.Coverage {
	c, err := selectplus.ThirdAnniversary(o, ma)
	if err != nil {
		panic(err)
	}
	return c
}

func covNext(o licensing.Date, ma time.Month) licensing.Date {
	d, err := selectplus.NextAffiliateAnniversary(o, ma)
	if err != nil {
		panic(err)
	}
	return d
}

// SP-39 at the edges: an invalid month or date is bad input, and coverage
// that would end after the calendar is refused, never saturated.
func TestCoverageEdges(t *testing.T) {
	for _, tt := range []struct {
		o    string
		ma   time.Month
		want error
	}{
		{"2020-06-01", 0, licensing.ErrInvalidOrder},
		{"2020-06-01", 13, licensing.ErrInvalidOrder},
		{"9998-12-01", time.July, licensing.ErrOverflow},
		{"9999-12-31", time.January, licensing.ErrOverflow},
	} {
		if _, err := selectplus.ThirdAnniversary(licensing.MustParseDate(tt.o), tt.ma); !errors.Is(err, tt.want) {
			t.Errorf("ThirdAnniversary(%s, %d): %v, want %v", tt.o, tt.ma, err, tt.want)
		}
	}
	if _, err := selectplus.ThirdAnniversary(licensing.Date{}, time.July); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("ThirdAnniversary(zero date): %v", err)
	}
	if c, err := selectplus.ThirdAnniversary(licensing.MustParseDate("9997-06-30"), time.July); err != nil || c.End != licensing.MustParseDate("9999-06-30") {
		t.Errorf("the last coverage the calendar holds: %v, %v", c, err)
	}
}

// LIB-09: passing time to any date up to 9999-12-31 terminates, reviews
// only real anniversaries, in order, each once, and posting an order on
// the last day of the calendar works or is refused, never hangs.
func TestAnniversariesAtTheEndOfTheCalendar(t *testing.T) {
	outlook := covProduct(t, "Outlook")
	rapid.Check(t, func(t *rapid.T) {
		eff := licensing.MustParseDate("9990-01-01").AddDays(rapid.IntRange(0, 3650).Draw(t, "effective"))
		l, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: eff,
			Lead: selectplus.Affiliate{ID: "HQ", Anniversary: eff}}, selectplus.DefaultRules())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.Post(licensing.Order{ID: "O1", Date: eff, Affiliate: "HQ", Lines: []licensing.Line{
			{Product: outlook, Offering: licensing.License, Quantity: 600}}}); err != nil {
			t.Fatal(err)
		}
		until := eff.AddDays(rapid.IntRange(0, eff.DaysUntil(licensing.MustParseDate("9999-12-31"))).Draw(t, "until"))
		reviews, err := l.AdvanceTo(until)
		if err != nil {
			t.Fatal(err)
		}
		for k, r := range reviews {
			if want := eff.Anniversary(k + 1); r.Date != want || eff.Year()+k+1 > licensing.MaxYear || r.Date.After(until) {
				t.Fatalf("review %d on %v, want the anniversary %v on or before %v", k, r.Date, want, until)
			}
		}
		if n := until.Year() - eff.Year(); len(reviews) < n-1 || len(reviews) > n {
			t.Fatalf("%d reviews from %v to %v", len(reviews), eff, until)
		}
		// The next anniversary is one the calendar holds, or none: never
		// 9999-12-31 standing in for one, in Year or in Outlook.
		year, next := l.Year()
		var want licensing.Date
		if eff.Year()+year <= licensing.MaxYear {
			want = eff.Anniversary(year)
		}
		if year != len(reviews)+1 || next != want {
			t.Fatalf("Year() = %d, %v after %d reviews; want the next anniversary %v", year, next, len(reviews), want)
		}
		out, err := l.Outlook(licensing.Applications)
		switch rule := out.Why().Rule; {
		case err != nil || out.NextAnniversary != want:
			t.Fatalf("Outlook: next anniversary %v, %v; want %v", out.NextAnniversary, err, want)
		case want.IsZero() && (rule != "LIB-09" || out.After != out.State || out.AfterTransition != 0 || !out.ToKeep.IsZero()):
			t.Fatalf("Outlook with no anniversary to come: %+v, %s", out, rule)
		case !want.IsZero() && rule != "SP-21":
			t.Fatalf("Outlook before %v: %s", want, rule)
		}
		// L&SA on the calendar's last day: its coverage would end after it,
		// so it is refused as out of range (LIB-09), never cut short.
		_, err = l.Post(licensing.Order{ID: "O2", Date: licensing.MustParseDate("9999-12-31"), Affiliate: "HQ",
			Lines: []licensing.Line{{Product: outlook, Offering: licensing.LicenseSA, Quantity: 1}}})
		if !errors.Is(err, licensing.ErrOverflow) {
			t.Fatalf("L&SA on 9999-12-31: %v", err)
		}
	})
}
