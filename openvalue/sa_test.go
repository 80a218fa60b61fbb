package openvalue_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"testing"
	"text/tabwriter"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

var date = licensing.MustParseDate

// inTerm draws an agreement start, any day of the century from 1990, and an
// order within its three years.
func inTerm(t *rapid.T) (start, order licensing.Date) {
	start = date("1990-01-01").AddDays(rapid.IntRange(0, 36889).Draw(t, "agreementStart"))
	expires := start.AddYears(3).AddDays(-1)
	return start, start.AddDays(rapid.IntRange(0, start.DaysUntil(expires)).Draw(t, "daysIntoAgreement"))
}

// SA-19, OV-26, OV-27: an Open Value item acquired in year y is covered
// 4 − y years, to the agreement's expiration.
func TestCoverage(t *testing.T) {
	start := date("2021-05-10")
	for _, tt := range []struct {
		order  string
		months int
		year   int
	}{{"2021-05-10", 36, 1}, {"2021-08-01", 36, 1}, {"2022-05-10", 24, 2}, {"2022-09-01", 24, 2}, {"2023-06-01", 12, 3}, {"2024-05-09", 12, 3}} {
		c, y, err := openvalue.Coverage(openvalue.Term{Start: start}, date(tt.order))
		if err != nil || c.Months != tt.months || y != tt.year || c.Start != date(tt.order) || c.End != date("2024-05-09") {
			t.Errorf("%s: %v, year %d, %v; want %d months to 2024-05-09, year %d", tt.order, c, y, err, tt.months, tt.year)
		}
	}
	for _, o := range []string{"2021-05-09", "2024-05-10"} {
		_, _, err := openvalue.Coverage(openvalue.Term{Start: start}, date(o))
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrOutsideTerm) || rule != "OV-27" {
			t.Errorf("%s: err = %v, want ErrOutsideTerm by OV-27", o, err)
		}
	}
	// The coverage needs its anchor: the agreement start.
	if _, _, err := openvalue.Coverage(openvalue.Term{Start: licensing.Date{}}, date("2022-01-01")); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no agreement start: err = %v", err)
	}
	if _, _, err := openvalue.Coverage(openvalue.Term{Start: start}, licensing.Date{}); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no order date: err = %v", err)
	}
}

// SA-19: every order within the term is covered 12, 24 or 36 months, to
// the expiration, by its acquisition year; every order outside is refused.
func TestCoverageBounds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start, o := inTerm(t)
		c, y, err := openvalue.Coverage(openvalue.Term{Start: start}, o)
		if err != nil {
			t.Fatalf("Coverage(%v, %v): %v", start, o, err)
		}
		if y != licensing.YearOf(start, o) || y < 1 || y > 3 || c.Months != 12*(4-y) || c.Start != o || c.End != start.AddYears(3).AddDays(-1) {
			t.Fatalf("Coverage(%v, %v) = %v, year %d", start, o, c, y)
		}
		outside := start.AddDays(-1 - rapid.IntRange(0, 400).Draw(t, "daysBefore"))
		if rapid.Bool().Draw(t, "after") {
			outside = start.AddYears(3).AddDays(rapid.IntRange(0, 400).Draw(t, "daysAfter"))
		}
		if _, _, err := openvalue.Coverage(openvalue.Term{Start: start}, outside); !errors.Is(err, licensing.ErrOutsideTerm) {
			t.Fatalf("Coverage(%v, %v) outside the term: err = %v", start, outside, err)
		}
	})
}

func dueAmounts(q sa.Quote) []string {
	var got []string
	for _, in := range q.Schedule.Installments {
		got = append(got, in.Due.String()+" "+in.Amount.StringFixed(2))
	}
	return got
}

// WS-04 (SKU-12, SKU-13, OV-43): a year-1 spread line is billed three
// times; three 1YR prices of 1,000.00 make the 3,000.00 up-front total.
func TestWS04Spread(t *testing.T) {
	start, annual := date("2021-05-10"), decimal.RequireFromString("1000.00")
	q, err := openvalue.QuoteSA(openvalue.Term{Start: start}, date("2021-08-01"), openvalue.Spread, annual, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2021-08-01 1000.00", "2022-05-10 1000.00", "2023-05-10 1000.00"}
	if diff := cmp.Diff(want, dueAmounts(q)); diff != "" || q.Price.StringFixed(2) != "3000.00" {
		t.Fatalf("WS-04 schedule for %v mismatch (-want +got):\n%s", q.Price, diff)
	}
	up, err := openvalue.QuoteSA(openvalue.Term{Start: start}, date("2021-08-01"), openvalue.UpFront, annual, 1)
	if diff := cmp.Diff([]string{"2021-08-01 3000.00"}, dueAmounts(up)); err != nil || diff != "" {
		t.Fatalf("WS-04 up front, %v (-want +got):\n%s", err, diff)
	}
	// WS-05: a year-2 spread line is billed twice; WS-06: year 3 once.
	for _, tt := range []struct {
		order string
		n     int
	}{{"2022-09-01", 2}, {"2023-06-01", 1}} {
		q, err := openvalue.QuoteSA(openvalue.Term{Start: start}, date(tt.order), openvalue.Spread, decimal.RequireFromString("130.00"), 1)
		if err != nil || len(q.Schedule.Installments) != tt.n {
			t.Errorf("%s: %d installments, %v; want %d", tt.order, len(q.Schedule.Installments), err, tt.n)
			continue
		}
		for _, in := range q.Schedule.Installments {
			if in.Amount.StringFixed(2) != "130.00" {
				t.Errorf("%s: installment %v, want the 1YR price 130.00", tt.order, in.Amount)
			}
		}
	}
	if _, err := openvalue.QuoteSA(openvalue.Term{Start: start}, date("2024-05-10"), openvalue.Spread, decimal.New(1, 0), 1); !errors.Is(err, licensing.ErrOutsideTerm) {
		t.Errorf("order after expiration: err = %v", err)
	}
}

// A year-2 order of ten units at 29.00 a year: 24 months, 580.00, paid by
// each choice (OV-38, OV-44, SKU-12).
func TestQuoteSA(t *testing.T) {
	start, order, annual := date("2019-03-10"), date("2020-04-01"), decimal.RequireFromString("29.00")
	tests := []struct {
		payment openvalue.Payment
		plan    licensing.RuleID
		due     []string
	}{
		{openvalue.Spread, "SKU-12", []string{"2020-04-01 290.00", "2021-03-10 290.00"}},
		{openvalue.UpFront, "OV-38", []string{"2020-04-01 580.00"}},
		{openvalue.Financing, "OV-44", []string{"2020-04-01 580.00"}},
	}
	for _, tt := range tests {
		q, err := openvalue.QuoteSA(openvalue.Term{Start: start}, order, tt.payment, annual, 10)
		if err != nil {
			t.Fatalf("%v: %v", tt.payment, err)
		}
		if diff := cmp.Diff(tt.due, dueAmounts(q)); diff != "" || q.Coverage.Months != 24 || q.Price.StringFixed(2) != "580.00" {
			t.Errorf("%v: %v months, %v (-want +got):\n%s", tt.payment, q.Coverage.Months, q.Price, diff)
		}
		var rules []licensing.RuleID
		for _, e := range q.Why() {
			rules = append(rules, e.Rule)
		}
		if diff := cmp.Diff([]licensing.RuleID{"SA-19", tt.plan, "SA-12", tt.plan}, rules); diff != "" {
			t.Errorf("%v: Why() rules (-want +got):\n%s", tt.payment, diff)
		}
	}
	// LIB-09: an agreement that expires on 9999-12-31 bills its last year
	// whole, to that day, never a day short at the calendar's end.
	q, err := openvalue.QuoteSA(openvalue.Term{Start: date("9997-01-01")}, date("9997-01-01"), openvalue.Spread, annual, 1)
	if err != nil {
		t.Fatal(err)
	}
	if ins := q.Schedule.Installments; len(ins) != 3 || ins[2].Period != (sa.Coverage{Start: date("9999-01-01"), End: date("9999-12-31"), Months: 12}) {
		t.Errorf("spread to 9999-12-31: %v", ins)
	}
	if _, err := openvalue.QuoteSA(openvalue.Term{Start: start}, order, 0, annual, 1); !errors.Is(err, openvalue.ErrInvalidPayment) {
		t.Errorf("no payment: err = %v", err)
	}
	if _, err := openvalue.QuoteSA(openvalue.Term{Start: start}, order, openvalue.Spread, annual, 0); !errors.Is(err, licensing.ErrInvalidQuantity) {
		t.Errorf("quantity 0: err = %v", err)
	}
	if _, err := openvalue.QuoteSA(openvalue.Term{Start: start}, order, openvalue.Spread, decimal.New(-1, 0), 1); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("negative annual: err = %v", err)
	}
}

// SA-19, SKU-12, OV-43: every Open Value quote is priced for its coverage,
// to the agreement's expiration; spread pays 4 − y installments, one 1YR
// SKU for each year left: from the order to the next anniversary, then from
// anniversary to anniversary, equal after the first; up front and Microsoft
// Financing pay once, for the whole coverage; the installments add up to
// the price (INV-26). That each is in cents, none negative and due when its
// period starts (SA-11) is sa.Pay's, tested in package sa.
func TestQuoteSchedulesAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start, o := inTerm(t)
		payment := rapid.SampledFrom(openvalue.Payments()).Draw(t, "payment")
		annual := decimal.New(rapid.Int64Range(0, 10_000_000_0000).Draw(t, "annual"), -4) // sub-cent digits, as 29 % of a price has
		qty := rapid.Int64Range(1, 1000).Draw(t, "qty")
		q, err := openvalue.QuoteSA(openvalue.Term{Start: start}, o, payment, annual, qty)
		if err != nil {
			t.Fatal(err)
		}
		c, y, _ := openvalue.Coverage(openvalue.Term{Start: start}, o)
		want, _ := sa.Prorated{}.Price(annual.Mul(decimal.New(qty, 0)), c, sa.DefaultRounding)
		if q.Coverage != c || !q.Price.Equal(want) || !q.Schedule.Total.Equal(q.Price) {
			t.Fatalf("quote %v for %v, schedule total %v; want %v for %v", q.Price, q.Coverage, q.Schedule.Total, want, c)
		}
		periods := []sa.Coverage{c}
		if payment == openvalue.Spread {
			periods = nil
			for k, from := y, o; k <= 3; k, from = k+1, start.Anniversary(k) {
				periods = append(periods, sa.Coverage{Start: from, End: start.Anniversary(k).AddDays(-1), Months: 12})
			}
		}
		s, sum := q.Schedule.Installments, decimal.Zero
		for i, in := range s {
			if i >= len(periods) || in.Period != periods[i] || (i > 0 && !in.Amount.Equal(s[len(s)-1].Amount)) {
				t.Fatalf("%v: installments %v, want periods %v, equal after the first", payment, s, periods)
			}
			sum = sum.Add(in.Amount)
		}
		if len(s) != len(periods) || (payment == openvalue.Spread && len(s) != 4-y) || periods[len(periods)-1].End != c.End || !sum.Equal(q.Price) {
			t.Fatalf("%v: %d installments for year %d adding up to %v, want %v", payment, len(s), y, sum, periods)
		}
	})
}

// The spellings of each payment choice; a monthly plan is none of them.
func TestParsePayment(t *testing.T) {
	for want, spellings := range map[openvalue.Payment][]string{
		openvalue.Spread:    {"Spread", " spread payments "},
		openvalue.UpFront:   {"upfront", "prepaid", "up-front"},
		openvalue.Financing: {"MS Financing", "financing"},
		0:                   {"monthly"},
	} {
		for _, s := range spellings {
			got, err := openvalue.ParsePayment(s)
			if got != want || (err == nil) != (want != 0) || (err != nil && !errors.Is(err, openvalue.ErrInvalidPayment)) {
				t.Errorf("ParsePayment(%q) = %v, %v; want %v", s, got, err, want)
			}
		}
	}
	if got := openvalue.Payment(0).String(); got != "Payment(0)" {
		t.Errorf("zero Payment = %q", got)
	}
}

// An Open Value customer adds a line in the first agreement year and
// spreads the payments: one invoice a year, the same SKU each time, the
// first taking the rounding remainder.
func ExampleQuoteSA() {
	q, err := openvalue.QuoteSA(openvalue.Term{Start: licensing.MustParseDate("2021-05-10")}, licensing.MustParseDate("2021-08-01"),
		openvalue.Spread, decimal.RequireFromString("333.3333"), 1)
	if err != nil {
		log.Fatal(err)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "due\tpays for\tamount")
	for _, in := range q.Schedule.Installments {
		fmt.Fprintf(w, "%v\t%v..%v\t%s\n", in.Due, in.Period.Start, in.Period.End, in.Amount.StringFixed(2))
	}
	w.Flush()
	for _, e := range q.Why() {
		fmt.Println(e)
	}
	// Output:
	// due         pays for                amount
	// 2021-08-01  2021-08-01..2022-05-09  333.34
	// 2022-05-10  2022-05-10..2023-05-09  333.33
	// 2023-05-10  2023-05-10..2024-05-09  333.33
	// SA-19: acquired in year 1: 3 years of coverage to the agreement end 2024-05-09 (order=2021-08-01, agreementStart=2021-05-10, acquisitionYear=1)
	// SKU-12: paid Spread (payment=Spread, installments=3)
	// SA-12: price 1000: annual × billed months / 12, by month (annual=333.3333, quantity=1, coverage=2021-08-01..2024-05-09 (36 months))
	// SKU-12: 3 installments adding up to 1000 (total=1000, installments=3, weighting=equal parts, remainderTo=first installment)
}

// An Open Value Subscription agreement dated 2021-04-12 enrolls on
// 2021-05-01; its years count from there, and the initial order, on the
// agreement date, is in Year 1 (WS-02).
func ExampleSubscriptionTerm() {
	term, err := openvalue.SubscriptionTerm(licensing.MustParseDate("2021-04-12"))
	if err != nil {
		log.Fatal(err)
	}
	end, _ := term.Expiration()
	fmt.Println("enrollment start", term.Start, "expiration", end)
	for _, d := range []string{"2021-04-12", "2022-05-01", "2024-04-30", "2024-05-01"} {
		y, err := term.Year(licensing.MustParseDate(d))
		fmt.Println(d, y, err)
	}
	// Output:
	// enrollment start 2021-05-01 expiration 2024-04-30
	// 2021-04-12 1 <nil>
	// 2022-05-01 2 <nil>
	// 2024-04-30 3 <nil>
	// 2024-05-01 0 OV-27: 2024-05-01 outside the agreement 2021-04-12..2024-04-30: outside the term
}

// OV-26, OV-27 (corrected 2026-11-23): an OVS term opens on the agreement
// date; the stub before the enrollment start is Year 1.
func TestOVSTermStub(t *testing.T) {
	term := openvalue.Term{Opens: date("2021-04-12"), Start: date("2021-05-01")}
	for _, tt := range []struct {
		d    string
		year int
	}{{"2021-04-12", 1}, {"2021-04-30", 1}, {"2021-05-01", 1}, {"2022-04-30", 1}, {"2022-05-01", 2}, {"2024-04-30", 3}, {"2021-04-11", 0}, {"2024-05-01", 0}} {
		y, err := term.Year(date(tt.d))
		if y != tt.year || (tt.year == 0) != errors.Is(err, licensing.ErrOutsideTerm) {
			t.Errorf("Year(%s) = %d, %v; want %d", tt.d, y, err, tt.year)
		}
	}
	// The initial order itself, on the agreement date, is covered to the
	// expiration and billed as Year 1.
	c, y, err := openvalue.Coverage(term, date("2021-04-12"))
	if err != nil || y != 1 || c.End != date("2024-04-30") || c.Months != 36 {
		t.Fatalf("initial order: %v, year %d, %v", c, y, err)
	}
	q, err := openvalue.QuoteSA(term, date("2021-04-12"), openvalue.Spread, decimal.New(100, 0), 1)
	if err != nil || len(q.Schedule.Installments) != 3 || q.Schedule.Installments[1].Due != date("2022-05-01") {
		t.Fatalf("spread from the stub: %+v, %v", q.Schedule, err)
	}
	if _, err := (openvalue.Term{Opens: date("2021-05-02"), Start: date("2021-05-01")}).Year(date("2021-05-10")); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("a term opening after its start: %v", err)
	}
}

// INV-35: every date from the day the term opens to its expiration has
// exactly one agreement year, 1 to 3, non-decreasing; the stub is Year 1.
func TestTermYears(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start, d := inTerm(t)
		term := openvalue.Term{Opens: start.AddDays(-rapid.IntRange(0, 60).Draw(t, "stub")), Start: start}
		d = d.AddDays(-rapid.IntRange(0, 60).Draw(t, "back"))
		y, err := term.Year(d)
		if d.Before(term.Opens) {
			if !errors.Is(err, licensing.ErrOutsideTerm) {
				t.Fatalf("Year(%v) before the term: %v", d, err)
			}
			return
		}
		if err != nil || y < 1 || y > 3 || (d.Before(start) && y != 1) {
			t.Fatalf("Year(%v) = %d, %v", d, y, err)
		}
		if next, err := term.Year(d.AddDays(1)); d != start.AddYears(3).AddDays(-1) && (err != nil || next < y || next > y+1) {
			t.Fatalf("Year(%v) = %d, the next day %d, %v", d, y, next, err)
		}
	})
}

// OV-31: an OVS enrollment starts on the agreement date when it is the
// first of a month, else on the first of the following month.
func TestEnrollmentStart(t *testing.T) {
	for _, tt := range []struct{ d, want string }{
		{"2021-04-12", "2021-05-01"}, {"2021-06-01", "2021-06-01"}, {"2021-12-15", "2022-01-01"}, {"2021-01-31", "2021-02-01"},
		{"9999-12-01", "9999-12-01"},
		{"2024-01-31", "2024-02-01"}, {"2021-02-28", "2021-03-01"}, {"2024-02-29", "2024-03-01"}, // WS-03
	} {
		if got, err := openvalue.EnrollmentStart(date(tt.d)); err != nil || got != date(tt.want) {
			t.Errorf("EnrollmentStart(%s) = %v, %v; want %s", tt.d, got, err, tt.want)
		}
	}
	if _, err := openvalue.EnrollmentStart(date("9999-12-02")); !errors.Is(err, licensing.ErrOverflow) {
		t.Errorf("an enrollment past the calendar: %v", err)
	}
	rapid.Check(t, func(t *rapid.T) {
		d := date("1990-01-01").AddDays(rapid.IntRange(0, 40000).Draw(t, "days"))
		s, err := openvalue.EnrollmentStart(d)
		if err != nil || s.Day() != 1 || s.Before(d) || d.DaysUntil(s) > 30 {
			t.Fatalf("EnrollmentStart(%v) = %v, %v", d, s, err)
		}
		// INV-34: it is d exactly when d is a first, and idempotent.
		if again, _ := openvalue.EnrollmentStart(s); (s == d) != (d.Day() == 1) || again != s {
			t.Fatalf("EnrollmentStart(%v) = %v, again %v", d, s, again)
		}
	})
}

// WS-02 (OV-26, OV-27, OV-31, OV-32 reading (a)): an OVS agreement dated
// 2021-04-12 starts its years on 2022-05-01's anniversary cycle.
func TestWS02SubscriptionTerm(t *testing.T) {
	term, err := openvalue.SubscriptionTerm(date("2021-04-12"))
	if err != nil || term.Opens != date("2021-04-12") || term.Start != date("2021-05-01") {
		t.Fatalf("SubscriptionTerm = %+v, %v", term, err)
	}
	if end, err := term.Expiration(); err != nil || end != date("2024-04-30") {
		t.Fatalf("expiration %v, %v; want 2024-04-30", end, err)
	}
	for _, tt := range []struct {
		d    string
		year int
	}{{"2021-04-12", 1}, {"2021-04-30", 1}, {"2022-04-30", 1}, {"2022-05-01", 2}, {"2023-05-01", 3}, {"2024-04-30", 3}, {"2024-05-01", 0}} {
		if y, err := term.Year(date(tt.d)); y != tt.year || (tt.year == 0) != (err != nil) {
			t.Errorf("Year(%s) = %d, %v; want %d", tt.d, y, err, tt.year)
		}
	}
}
