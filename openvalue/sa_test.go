package openvalue_test

import (
	"errors"
	"fmt"
	"log"
	"os"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

var date = licensing.MustParseDate

var (
	dateGen = rapid.Custom(func(t *rapid.T) licensing.Date {
		y := rapid.IntRange(1990, 2090).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		d := rapid.IntRange(1, time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()).Draw(t, "day")
		return licensing.MustDate(y, m, d)
	})
	// annualGen draws annual prices with sub-cent digits too, as 29 % of a
	// price in cents has.
	annualGen = rapid.Custom(func(t *rapid.T) decimal.Decimal {
		return decimal.New(rapid.Int64Range(0, 10_000_000_0000).Draw(t, "annual"), -4)
	})
)

// inTerm draws an agreement start and an order within its three years.
func inTerm(t *rapid.T) (start, order licensing.Date) {
	start = dateGen.Draw(t, "agreementStart")
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
		c, y, err := openvalue.Coverage(start, date(tt.order))
		if err != nil || c.Months != tt.months || y != tt.year || c.Start != date(tt.order) || c.End != date("2024-05-09") {
			t.Errorf("%s: %v, year %d, %v; want %d months to 2024-05-09, year %d", tt.order, c, y, err, tt.months, tt.year)
		}
	}
	for _, o := range []string{"2021-05-09", "2024-05-10"} {
		_, _, err := openvalue.Coverage(start, date(o))
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrOutsideTerm) || rule != "OV-27" {
			t.Errorf("%s: err = %v, want ErrOutsideTerm by OV-27", o, err)
		}
	}
	// The coverage needs its anchor: the agreement start.
	if _, _, err := openvalue.Coverage(licensing.Date{}, date("2022-01-01")); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no agreement start: err = %v", err)
	}
	if _, _, err := openvalue.Coverage(start, licensing.Date{}); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no order date: err = %v", err)
	}
}

// SA-19: every order within the term is covered 12, 24 or 36 months, to
// the expiration, by its acquisition year; every order outside is refused.
func TestCoverageBounds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start, o := inTerm(t)
		c, y, err := openvalue.Coverage(start, o)
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
		if _, _, err := openvalue.Coverage(start, outside); !errors.Is(err, licensing.ErrOutsideTerm) {
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
	q, err := openvalue.QuoteSA(start, date("2021-08-01"), openvalue.Spread, annual, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2021-08-01 1000.00", "2022-05-10 1000.00", "2023-05-10 1000.00"}
	if diff := cmp.Diff(want, dueAmounts(q)); diff != "" || q.Price.StringFixed(2) != "3000.00" {
		t.Fatalf("WS-04 schedule for %v mismatch (-want +got):\n%s", q.Price, diff)
	}
	up, err := openvalue.QuoteSA(start, date("2021-08-01"), openvalue.UpFront, annual, 1)
	if diff := cmp.Diff([]string{"2021-08-01 3000.00"}, dueAmounts(up)); err != nil || diff != "" {
		t.Fatalf("WS-04 up front, %v (-want +got):\n%s", err, diff)
	}
	// WS-05: a year-2 spread line is billed twice; WS-06: year 3 once.
	for _, tt := range []struct {
		order string
		n     int
	}{{"2022-09-01", 2}, {"2023-06-01", 1}} {
		q, err := openvalue.QuoteSA(start, date(tt.order), openvalue.Spread, decimal.RequireFromString("130.00"), 1)
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
	if _, err := openvalue.QuoteSA(start, date("2024-05-10"), openvalue.Spread, decimal.New(1, 0), 1); !errors.Is(err, licensing.ErrOutsideTerm) {
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
		q, err := openvalue.QuoteSA(start, order, tt.payment, annual, 10)
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
	if _, err := openvalue.QuoteSA(start, order, 0, annual, 1); !errors.Is(err, openvalue.ErrInvalidPayment) {
		t.Errorf("no payment: err = %v", err)
	}
	if _, err := openvalue.QuoteSA(start, order, openvalue.Spread, annual, 0); !errors.Is(err, licensing.ErrInvalidQuantity) {
		t.Errorf("quantity 0: err = %v", err)
	}
	if _, err := openvalue.QuoteSA(start, order, openvalue.Spread, decimal.New(-1, 0), 1); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("negative annual: err = %v", err)
	}
}

// INV-26, SA-11, SKU-12: every Open Value quote's schedule adds up to its
// price, to the cent, none negative, the periods without a gap; spread
// pays 4 − y installments, the first on the order date and the others on
// the anniversaries, equal after the first, the last ending at the
// agreement's expiration; up front and Microsoft Financing pay once.
func TestQuoteSchedulesAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start, o := inTerm(t)
		payment := rapid.SampledFrom(openvalue.Payments()).Draw(t, "payment")
		annual, qty := annualGen.Draw(t, "annual"), rapid.Int64Range(1, 1000).Draw(t, "qty")
		q, err := openvalue.QuoteSA(start, o, payment, annual, qty)
		if err != nil {
			t.Fatal(err)
		}
		c, y, _ := openvalue.Coverage(start, o)
		want, _ := sa.Prorated{}.Price(annual.Mul(decimal.New(qty, 0)), c, sa.DefaultRounding)
		if q.Coverage != c || !q.Price.Equal(want) {
			t.Fatalf("quote %v for %v, want %v for %v", q.Price, q.Coverage, want, c)
		}
		s := q.Schedule
		n := 1
		if payment == openvalue.Spread {
			n = 4 - y
		}
		sum := decimal.Zero
		for i, in := range s.Installments {
			if in.Amount.Sign() < 0 || !in.Amount.Equal(in.Amount.Round(2)) {
				t.Fatalf("installment %d = %v", i+1, in.Amount)
			}
			if in.Due != in.Period.Start || in.Period.End.Before(in.Period.Start) {
				t.Fatalf("installment %d due %v for %v", i+1, in.Due, in.Period)
			}
			if i > 0 && (s.Installments[i-1].Period.End.AddDays(1) != in.Period.Start || in.Due != start.Anniversary(y+i-1)) {
				t.Fatalf("installment %d due %v after %v", i+1, in.Due, s.Installments[i-1].Period)
			}
			sum = sum.Add(in.Amount)
		}
		if !sum.Equal(s.Total) || !s.Total.Equal(q.Price) || len(s.Installments) != n {
			t.Fatalf("%v: %d installments sum to %v, total %v, price %v; want %d", payment, len(s.Installments), sum, s.Total, q.Price, n)
		}
		if s.Installments[0].Due != o || s.Installments[n-1].Period.End != c.End {
			t.Fatalf("%v: installments %v for coverage %v", payment, s.Installments, c)
		}
		// Same SKU each year: the installments after the first are equal.
		for _, in := range s.Installments[1:] {
			if !in.Amount.Equal(s.Installments[n-1].Amount) {
				t.Fatalf("unequal Open Value installments %v", s.Installments)
			}
		}
	})
}

func TestParsePayment(t *testing.T) {
	for s, want := range map[string]openvalue.Payment{"Spread": openvalue.Spread, " spread payments ": openvalue.Spread, "upfront": openvalue.UpFront,
		"prepaid": openvalue.UpFront, "up-front": openvalue.UpFront, "MS Financing": openvalue.Financing, "financing": openvalue.Financing} {
		if got, err := openvalue.ParsePayment(s); err != nil || got != want {
			t.Errorf("ParsePayment(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if _, err := openvalue.ParsePayment("monthly"); !errors.Is(err, openvalue.ErrInvalidPayment) {
		t.Errorf("ParsePayment(monthly): err = %v", err)
	}
	if got := openvalue.Payment(0).String(); got != "Payment(0)" {
		t.Errorf("zero Payment = %q", got)
	}
}

// An Open Value customer adds a line in the first agreement year and
// spreads the payments: one invoice a year, the same SKU each time, the
// first taking the rounding remainder.
func ExampleQuoteSA() {
	q, err := openvalue.QuoteSA(licensing.MustParseDate("2021-05-10"), licensing.MustParseDate("2021-08-01"),
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
