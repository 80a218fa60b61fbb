package openlicense_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

var date = licensing.MustParseDate

// dateGen draws any day of the century from 1990.
var dateGen = rapid.Map(rapid.IntRange(0, 36889), date("1990-01-01").AddDays)

func rulesOf(es []licensing.Explanation) []licensing.RuleID {
	var out []licensing.RuleID
	for _, e := range es {
		out = append(out, e.Rule)
	}
	return out
}

// WS-11 (OL-13, OL-14, OL-15, OL-27, SA-18): Open License SA costs the
// two-year price whatever remains of the authorization.
func TestWS11OpenLicenseSA(t *testing.T) {
	initial := date("2005-03-15")
	authEnd, err := openlicense.DefaultRules().AuthorizationEnd(initial)
	if err != nil || authEnd != date("2007-03-14") {
		t.Fatalf("authorization end %v, want 2007-03-14", authEnd)
	}
	annual := decimal.RequireFromString("100") // the two-year price S is 200
	tests := []struct {
		order  string
		months int
		days   int // covered, the first and last days included
		ratio  string
	}{
		{"2005-03-15", 24, 730, "1"},
		{"2006-07-15", 8, 243, "1/3"}, // "8 months, 243 days": consider a new Open License
	}
	for _, tt := range tests {
		c, err := openlicense.DefaultRules().Coverage(initial, date(tt.order))
		if err != nil {
			t.Fatal(err)
		}
		if days := c.Start.DaysUntil(c.End) + 1; c.Start != date(tt.order) || c.End != authEnd || c.Months != tt.months || days != tt.days {
			t.Errorf("%s: coverage %v (%d days), want to %v, %d months, %d days", tt.order, c, days, authEnd, tt.months, tt.days)
		}
		if got := openlicense.DefaultRules().ValueRatio(c).RatString(); got != tt.ratio {
			t.Errorf("%s: ValueRatio = %s, want %s", tt.order, got, tt.ratio)
		}
		q, err := openlicense.DefaultRules().QuoteSA(initial, date(tt.order), annual, 1)
		if err != nil || q.Price.StringFixed(2) != "200.00" || q.Coverage != c {
			t.Errorf("%s: price %v for %v, %v; want 200.00", tt.order, q.Price, q.Coverage, err)
		}
		if diff := cmp.Diff([]licensing.RuleID{"OL-13", "OL-04", "OL-14", "OL-04"}, rulesOf(q.Why())); diff != "" {
			t.Errorf("%s: Why() rules (-want +got):\n%s", tt.order, diff)
		}
	}
	for _, o := range []string{"2007-03-15", "2005-03-14"} {
		_, err := openlicense.DefaultRules().Coverage(initial, date(o))
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrOutsideTerm) || rule != "OL-19" {
			t.Errorf("order %s outside the authorization: err = %v", o, err)
		}
		if _, err := openlicense.DefaultRules().QuoteSA(initial, date(o), annual, 1); !errors.Is(err, licensing.ErrOutsideTerm) {
			t.Errorf("quote on %s outside the authorization: err = %v", o, err)
		}
	}
	// The coverage needs its anchor: the initial order.
	if _, err := openlicense.DefaultRules().Coverage(licensing.Date{}, date("2006-07-15")); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no initial order: err = %v", err)
	}
}

// OL-13, OL-04: ten units at 29.00 a year bought with 12 months of the
// authorization left cost the two-year price, 580.00, paid up front.
func TestQuoteSA(t *testing.T) {
	initial, order := date("2019-03-15"), date("2020-04-01") // the authorization ends 2021-03-14
	q, err := openlicense.DefaultRules().QuoteSA(initial, order, decimal.RequireFromString("29.00"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if q.Coverage.Months != 12 || q.Coverage.End != date("2021-03-14") || q.Price.StringFixed(2) != "580.00" || len(q.Schedule.Installments) != 1 {
		t.Fatalf("quote %v for %v, %d installments", q.Price, q.Coverage, len(q.Schedule.Installments))
	}
	// Open License is paid up front: one installment, by OL-04.
	if in := q.Schedule.Installments[0]; in.Due != order || in.Period != q.Coverage || q.Schedule.Why().Rule != "OL-04" {
		t.Fatalf("schedule %+v by %s", in, q.Schedule.Why().Rule)
	}
	if _, err := openlicense.DefaultRules().QuoteSA(initial, order, decimal.RequireFromString("29.00"), 0); !errors.Is(err, licensing.ErrInvalidQuantity) {
		t.Errorf("quantity 0: err = %v", err)
	}
}

// OL-13, INV-28, SA-18: every order within the authorization is covered
// 1 to 24 months, two years or to the authorization end whichever is
// first, its months counted to the day after the end; the price is the
// two-year price whatever the date, paid at once, and the value ratio is
// the months over 24.
func TestCoverageAndPriceProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		initial := dateGen.Draw(t, "initial")
		authEnd, err := openlicense.DefaultRules().AuthorizationEnd(initial)
		if err != nil {
			t.Fatal(err)
		}
		o := initial.AddDays(rapid.IntRange(0, initial.DaysUntil(authEnd)).Draw(t, "daysIn"))
		c, err := openlicense.DefaultRules().Coverage(initial, o)
		if err != nil {
			t.Fatalf("Coverage(%v, %v): %v", initial, o, err)
		}
		end := o.AddYears(2).AddDays(-1)
		if authEnd.Before(end) {
			end = authEnd
		}
		if c.Start != o || c.End != end || c.Months < 1 || c.Months > 24 || c.Months != sa.Months(o, end) {
			t.Fatalf("Coverage(%v, %v) = %v, want to %v", initial, o, c, end)
		}
		if o == initial && c.Months != 24 {
			t.Fatalf("SA with the initial order covers %v", c)
		}
		if r := openlicense.DefaultRules().ValueRatio(c); r.Num().Int64()*24 != int64(c.Months)*r.Denom().Int64() {
			t.Fatalf("ValueRatio(%v) = %v", c, r)
		}
		annual := decimal.New(rapid.Int64Range(0, 10_000_000_0000).Draw(t, "annual"), -4) // sub-cent digits, as 29 % of a price has
		qty := rapid.Int64Range(1, 1000).Draw(t, "qty")
		q, err := openlicense.DefaultRules().QuoteSA(initial, o, annual, qty)
		if err != nil {
			t.Fatal(err)
		}
		twoYears, _ := sa.Prorated{}.Price(annual.Mul(decimal.New(qty, 0)), sa.Coverage{Months: 24}, sa.DefaultRounding)
		if !q.Price.Equal(twoYears) {
			t.Fatalf("SA for %d months = %v, the two-year price is %v", c.Months, q.Price, twoYears)
		}
		if s := q.Schedule; len(s.Installments) != 1 || !s.Total.Equal(q.Price) || !s.Installments[0].Amount.Equal(q.Price) || s.Installments[0].Due != o {
			t.Fatalf("schedule %+v for price %v", s, q.Price)
		}
	})
}

// OL-16: SA alone within 90 days of a retail or OEM purchase of a system
// or server; applications never.
func TestCanEnroll(t *testing.T) {
	bought := date("2020-01-10")
	office, err1 := licensing.DefaultCatalog().Lookup(licensing.OpenLicense, "Office Professional")
	server, err2 := licensing.DefaultCatalog().Lookup(licensing.OpenLicense, "Windows XP Standard Server")
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		p       sa.Purchase
		day     int
		allowed bool
	}{
		{"application OEM", sa.Purchase{Product: office, Version: 2016, Channel: licensing.OEM, Date: bought}, 5, false},
		{"application FPP", sa.Purchase{Product: office, Version: 2016, Channel: licensing.Retail, Date: bought}, 5, false},
		{"server FPP day 90", sa.Purchase{Product: server, Channel: licensing.Retail, Date: bought}, 90, true},
		{"server FPP day 91", sa.Purchase{Product: server, Channel: licensing.Retail, Date: bought}, 91, false},
		{"server volume license", sa.Purchase{Product: server, Channel: licensing.Volume, Date: bought}, 5, false},
	}
	for _, tt := range tests {
		e, err := openlicense.CanEnroll(tt.p, bought.AddDays(tt.day), tt.p.Version)
		if (err == nil) != tt.allowed || e.Rule != "OL-16" {
			t.Errorf("%s: allowed %v by %s (%v); want %v by OL-16", tt.name, err == nil, e.Rule, err, tt.allowed)
		}
		if rule, _ := licensing.RuleOf(err); !tt.allowed && (!errors.Is(err, licensing.ErrNotEligible) || rule != "OL-16") {
			t.Errorf("%s: refusal %v", tt.name, err)
		}
	}
}

// INV-30: for systems, servers and CALs bought retail or OEM, day 90 is
// allowed and day 91 refused; Open License applications are always
// refused.
func TestEnrollmentWindowEdges(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := sa.Purchase{
			Product: licensing.Product{Name: "P", Kind: rapid.SampledFrom([]licensing.Kind{licensing.KindSystem, licensing.KindServer, licensing.KindCAL}).Draw(t, "kind")},
			Channel: rapid.SampledFrom([]licensing.Channel{licensing.Retail, licensing.OEM}).Draw(t, "channel"),
			Date:    dateGen.Draw(t, "purchased"),
		}
		day := rapid.IntRange(0, 90).Draw(t, "day")
		if _, err := openlicense.CanEnroll(p, p.Date.AddDays(day), 0); err != nil {
			t.Fatalf("day %d refused: %v", day, err)
		}
		if _, err := openlicense.CanEnroll(p, p.Date.AddDays(91+rapid.IntRange(0, 400).Draw(t, "late")), 0); !errors.Is(err, licensing.ErrNotEligible) {
			t.Fatalf("late enrollment allowed: %v", err)
		}
		app := sa.Purchase{Product: licensing.Product{Name: "Office Professional", Family: "Office", Kind: licensing.KindApplication}, Channel: p.Channel, Version: 2016, Date: p.Date}
		if _, err := openlicense.CanEnroll(app, p.Date.AddDays(day), 2016); !errors.Is(err, licensing.ErrNotEligible) {
			t.Fatalf("Open License application enrolled: %v", err)
		}
	})
}

// OL-21: no analysis without both numbers.
func TestEvaluatorNeedsNumbers(t *testing.T) {
	for _, nums := range [][2]string{{"", "A-1"}, {"L-1", " "}, {"", ""}} {
		_, err := openlicense.Evaluate(nums[0], nums[1], []sa.Held{{Product: "Office", Known: true}})
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "OL-21" {
			t.Errorf("Evaluate(%q, %q): err = %v, want OL-21", nums[0], nums[1], err)
		}
	}
}

// OL-22, OL-23, OL-24: exactly one category per license, sa.Categorize's
// (its decision table is tested in package sa); options for every
// category, a referral for the fourth; eight languages.
func TestEvaluatorCategories(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := sa.Held{Product: "P", Known: rapid.Bool().Draw(t, "known"), Current: rapid.Bool().Draw(t, "current"), UpgradeAdvantage: rapid.Bool().Draw(t, "ua")}
		out, err := openlicense.Evaluate("L-1", "A-1", []sa.Held{h})
		if err != nil || len(out) != 1 {
			t.Fatalf("Evaluate = %v, %v", out, err)
		}
		want := sa.Categorize(h).Category
		a := out[0].Assessment
		if a.Category != want || a.Held != h || len(out[0].Options) == 0 || a.Why().Rule != "OL-22" {
			t.Fatalf("%+v: %v, want %v", h, out[0], want)
		}
		if want == sa.NotAnalyzed && out[0].Options[0] != "ask the reseller's account executive for an analysis (OL-23)" {
			t.Fatalf("not analyzed: options %v", out[0].Options)
		}
	})
	if out, err := openlicense.Evaluate("L-1", "A-1", nil); err != nil || len(out) != 0 {
		t.Errorf("no licenses: %v, %v", out, err)
	}
	langs := openlicense.EvaluatorLanguages()
	if len(langs) != 8 {
		t.Errorf("%d Evaluator languages, want 8 (OL-24)", len(langs))
	}
	langs[0] = "Klingon"
	if openlicense.EvaluatorLanguages()[0] == "Klingon" {
		t.Error("EvaluatorLanguages shares its slice")
	}
}

// OL-31, SA-02: SA points count only the months of coverage within the
// authorization term: two years' worth (the license points) on the initial
// order, never more, none beyond the term.
func TestLinePointsWithinTerm(t *testing.T) {
	rules := openlicense.DefaultRules()
	rapid.Check(t, func(t *rapid.T) {
		initial := dateGen.Draw(t, "initial")
		order := initial.AddDays(rapid.IntRange(0, 800).Draw(t, "days"))
		halves := rapid.Int64Range(1, 60).Draw(t, "half points")
		p := licensing.Product{Program: licensing.OpenLicense, Name: "P", Kind: licensing.KindServer, Pool: licensing.Servers,
			Points: half(halves)}
		l := licensing.Line{Product: p, Offering: rapid.SampledFrom([]licensing.Offering{licensing.License, licensing.LicenseSA, licensing.SAOnly}).Draw(t, "offering"),
			Quantity: rapid.Int64Range(1, 1000).Draw(t, "quantity")}
		lp, err := rules.LinePoints(initial, order, l)
		if end, _ := rules.AuthorizationEnd(initial); order.After(end) {
			if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrOutsideTerm) || rule != "OL-19" {
				t.Fatalf("order after the term: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		c, _ := rules.Coverage(initial, order)
		unit := half(halves * l.Quantity)
		want := half(0)
		if l.Offering.HasSA() {
			want = half(halves * l.Quantity * int64(c.Months)) // × months / 24, exact below
		}
		if got := lp.SA.Mul(24); got.Cmp(want) != 0 {
			t.Fatalf("%v on %v: SA points %v for %d months, want %v/24", l.Offering, order, lp.SA, c.Months, want)
		}
		if lp.SA.Cmp(unit) > 0 || (order == initial && l.Offering.HasSA() && lp.SA.Cmp(unit) != 0) {
			t.Fatalf("SA points %v against license points %v per line", lp.SA, unit)
		}
	})
}

// half returns n half points.
func half(n int64) licensing.Points { return licensing.PointsFromUnits(n * licensing.PointUnit / 2) }

// OL-12: LinePoints counts only what Open License sells.
func TestLinePointsProductTypes(t *testing.T) {
	p := licensing.Product{Program: licensing.OpenLicense, Name: "P", Kind: licensing.KindServer, Pool: licensing.Servers, Points: licensing.WholePoints(2)}
	_, err := openlicense.DefaultRules().LinePoints(date("2020-01-01"), date("2020-06-01"), licensing.Line{Product: p, Offering: licensing.Subscription, Quantity: 3})
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrInvalidOffering) || rule != "OL-12" {
		t.Fatalf("a subscription line: %v", err)
	}
}
