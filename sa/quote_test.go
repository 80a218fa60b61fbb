package sa_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// stubTerms are the terms a program would hand sa for SA bought on
// 2020-04-01 to 2022-06-30 (27 months), paid as a 3-month stub and two
// years, in proportion to the months (WS-15, SP-42).
func stubTerms() sa.Terms {
	c := sa.Coverage{Start: date("2020-04-01"), End: date("2022-06-30"), Months: 27}
	return sa.Terms{
		Coverage: c,
		Pricing:  sa.Prorated{},
		Periods: []sa.Coverage{
			{Start: date("2020-04-01"), End: date("2020-06-30"), Months: 3},
			{Start: date("2020-07-01"), End: date("2021-06-30"), Months: 12},
			{Start: date("2021-07-01"), End: date("2022-06-30"), Months: 12},
		},
		Weighting: sa.ByMonths,
		Plan:      "SP-42",
		Reasons:   []licensing.Explanation{licensing.Explain("SP-39", "coverage to the day before the third affiliate anniversary")},
	}
}

// SA-09, SA-12, SA-11: a quote puts the program's coverage, its pricer and
// its plan together, and explains them in that order.
func TestQuoteTerms(t *testing.T) {
	annual := decimal.RequireFromString("29.00")
	q, err := sa.QuoteTerms(stubTerms(), annual, 10, sa.DefaultRounding)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range q.Schedule.Installments {
		got = append(got, in.Due.String()+" "+in.Amount.StringFixed(2))
	}
	want := []string{"2020-04-01 72.50", "2020-07-01 290.00", "2021-07-01 290.00"}
	if diff := cmp.Diff(want, got); diff != "" || q.Price.StringFixed(2) != "652.50" || q.Coverage != stubTerms().Coverage {
		t.Fatalf("quote %v for %v (-want +got):\n%s", q.Price, q.Coverage, diff)
	}
	var rules []licensing.RuleID
	for _, e := range q.Why() {
		rules = append(rules, e.Rule)
	}
	if diff := cmp.Diff([]licensing.RuleID{"SP-39", "SA-12", "SP-42"}, rules); diff != "" {
		t.Fatalf("Why() rules (-want +got):\n%s", diff)
	}
	if got := q.Why()[1].String(); got != "SA-12: price 652.5: annual × billed months / 12, by month (annual=29, quantity=10, coverage=2020-04-01..2022-06-30 (27 months))" {
		t.Errorf("price explanation = %s", got)
	}
	// Why returns a copy.
	q.Why()[0].Rule = "X-01"
	if q.Why()[0].Rule != "SP-39" {
		t.Error("Why() shares its slice")
	}

	// A fixed-term pricer with no periods: one payment of the two-year
	// price for 12 months of coverage (OL-14, OL-04), the zero Weighting
	// by months.
	fixed := sa.Terms{Coverage: sa.Coverage{Start: date("2020-04-01"), End: date("2021-03-14"), Months: 12},
		Pricing: sa.FixedTerm{Months: 24, RuleID: "OL-14"}, Plan: "OL-04"}
	q, err = sa.QuoteTerms(fixed, annual, 10, sa.DefaultRounding)
	if err != nil || q.Price.StringFixed(2) != "580.00" || len(q.Schedule.Installments) != 1 || q.Schedule.Installments[0].Period != fixed.Coverage || q.Schedule.Why().Rule != "OL-04" {
		t.Fatalf("fixed-term quote %+v, %v", q, err)
	}
	if v, _ := q.Schedule.Why().Fact("weighting"); v != "by months" {
		t.Errorf("zero weighting = %q, want by months", v)
	}
}

func TestQuoteTermsErrors(t *testing.T) {
	annual := decimal.RequireFromString("29.00")
	for _, qty := range []int64{0, -1, licensing.MaxQuantity + 1} {
		if _, err := sa.QuoteTerms(stubTerms(), annual, qty, sa.DefaultRounding); !errors.Is(err, licensing.ErrInvalidQuantity) {
			t.Errorf("quantity %d: err = %v", qty, err)
		}
	}
	if _, err := sa.QuoteTerms(stubTerms(), decimal.New(-1, 0), 1, sa.DefaultRounding); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("negative annual: err = %v", err)
	}
	noPricing := stubTerms()
	noPricing.Pricing = nil
	if _, err := sa.QuoteTerms(noPricing, annual, 1, sa.DefaultRounding); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no pricing: err = %v", err)
	}
	badWeighting := stubTerms()
	badWeighting.Weighting = sa.Weighting(9)
	if _, err := sa.QuoteTerms(badWeighting, annual, 1, sa.DefaultRounding); !errors.Is(err, sa.ErrInvalidWeighting) {
		t.Errorf("unknown weighting: err = %v", err)
	}
	if _, err := sa.QuoteTerms(stubTerms(), annual, licensing.MaxQuantity, sa.DefaultRounding); err != nil {
		t.Errorf("the largest quantity: %v", err)
	}
}

// SA-11, SA-22, INV-26: every quote's schedule adds up to its price,
// whatever the pricer, periods, weighting, price and quantity; the price is
// the pricer's, rounded once.
func TestQuoteSchedulesAddUp(t *testing.T) {
	pricers := []sa.Pricer{sa.Prorated{}, sa.Prorated{Granularity: sa.Monthly}, sa.Prorated{Granularity: sa.Quarterly}, sa.FixedTerm{Months: 24, RuleID: "OL-14"}}
	rapid.Check(t, func(t *rapid.T) {
		start := dateGen.Draw(t, "start")
		months := rapid.IntRange(1, 36).Draw(t, "months")
		terms := sa.Terms{
			Coverage:  sa.Coverage{Start: start, End: start.AddMonths(months).AddDays(-1), Months: months},
			Pricing:   rapid.SampledFrom(pricers).Draw(t, "pricer"),
			Weighting: rapid.SampledFrom(append(sa.Weightings(), 0)).Draw(t, "weighting"),
			Plan:      "SA-11",
		}
		if rapid.Bool().Draw(t, "spread") {
			terms.Periods = periodsGen(t, start)
		}
		annual := annualGen.Draw(t, "annual")
		qty := rapid.Int64Range(1, 1000).Draw(t, "qty")
		q, err := sa.QuoteTerms(terms, annual, qty, sa.DefaultRounding)
		if err != nil {
			t.Fatal(err)
		}
		want, err := terms.Pricing.Price(annual.Mul(decimal.New(qty, 0)), terms.Coverage, sa.DefaultRounding)
		if err != nil || !q.Price.Equal(want) || q.Coverage != terms.Coverage {
			t.Fatalf("price %v for %v, pricer says %v", q.Price, q.Coverage, want)
		}
		sum := decimal.Zero
		for _, in := range q.Schedule.Installments {
			if in.Amount.Sign() < 0 {
				t.Fatalf("negative installment %v", in)
			}
			sum = sum.Add(in.Amount)
		}
		if !sum.Equal(q.Price) || !q.Schedule.Total.Equal(q.Price) || len(q.Schedule.Installments) != max(1, len(terms.Periods)) {
			t.Fatalf("installments %v sum to %v, price %v", q.Schedule.Installments, sum, q.Price)
		}
		if why := q.Why(); len(why) != 2 || why[0].Rule != terms.Pricing.Rule() || why[1].Rule != "SA-11" {
			t.Fatalf("Why() = %v", why)
		}
	})
}
