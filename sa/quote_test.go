package sa_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

func TestQuoteSA(t *testing.T) {
	dates := sa.Request{Order: date("2020-04-01"), AffiliateAnniversary: date("2018-07-01"),
		AgreementStart: date("2019-03-10"), AuthorizationEnd: date("2021-03-14")}
	annual := decimal.RequireFromString("29.00")
	tests := []struct {
		program licensing.Program
		plan    sa.Plan
		months  int
		price   string
		n       int
	}{
		{licensing.SelectPlus, 0, 27, "652.50", 1},                       // WS-15, ten units
		{licensing.SelectPlus, sa.AffiliateAnniversary, 27, "652.50", 3}, // SP-42
		{licensing.SelectPlus, sa.OrderAnniversary, 36, "870.00", 3},     // SP-42 (a)
		{licensing.OpenValue, sa.OpenValueSpread, 24, "580.00", 2},       // year 2 of 3
		{licensing.OpenLicense, 0, 12, "580.00", 1},                      // two-year price for 12 months
	}
	for _, tt := range tests {
		q, err := sa.QuoteSA(sa.QuoteRequest{Program: tt.program, Plan: tt.plan, Annual: annual, Quantity: 10, Dates: dates})
		if err != nil {
			t.Fatalf("%v %v: %v", tt.program, tt.plan, err)
		}
		if q.Coverage.Months != tt.months || q.Price.StringFixed(2) != tt.price || len(q.Schedule.Installments) != tt.n {
			t.Errorf("%v %v: %v months, %v, %d installments; want %d, %s, %d", tt.program, tt.plan, q.Coverage.Months, q.Price, len(q.Schedule.Installments), tt.months, tt.price, tt.n)
		}
	}
	_, err := sa.QuoteSA(sa.QuoteRequest{Program: licensing.OpenLicense, Plan: sa.OpenValueSpread, Annual: annual, Quantity: 1, Dates: dates})
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "OL-04" {
		t.Errorf("Open License spread: err = %v, want OL-04", err)
	}
	if _, err := sa.QuoteSA(sa.QuoteRequest{Program: licensing.SelectPlus, Annual: annual, Quantity: 0, Dates: dates}); !errors.Is(err, licensing.ErrInvalidQuantity) {
		t.Errorf("quantity 0: err = %v", err)
	}
}

// Every quote's schedule adds up to its price, whatever the program, plan,
// dates and price.
func TestQuoteSchedulesAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		program := rapid.SampledFrom([]licensing.Program{licensing.OpenLicense, licensing.OpenValue, licensing.OpenValueSubscription, licensing.SelectPlus}).Draw(t, "program")
		plan := rapid.SampledFrom(sa.PlansFor(program)).Draw(t, "plan")
		o := dateGen.Draw(t, "order")
		dates := sa.Request{Order: o, AffiliateAnniversary: dateGen.Draw(t, "affiliate"),
			AgreementStart:   o.AddDays(-rapid.IntRange(0, 3*365-1).Draw(t, "intoAgreement")),
			AuthorizationEnd: o.AddDays(rapid.IntRange(0, 729).Draw(t, "authLeft"))}
		q, err := sa.QuoteSA(sa.QuoteRequest{Program: program, Plan: plan, Annual: annualGen.Draw(t, "annual"),
			Quantity: rapid.Int64Range(1, 1000).Draw(t, "qty"), Dates: dates})
		if err != nil {
			t.Fatal(err)
		}
		sum := decimal.Zero
		for _, in := range q.Schedule.Installments {
			if in.Amount.Sign() < 0 {
				t.Fatalf("negative installment %v", in)
			}
			sum = sum.Add(in.Amount)
		}
		if !sum.Equal(q.Price) || !q.Schedule.Total.Equal(q.Price) {
			t.Fatalf("installments %v sum to %v, price %v", q.Schedule.Installments, sum, q.Price)
		}
	})
}

func TestParsePlan(t *testing.T) {
	for s, want := range map[string]sa.Plan{"upfront": sa.UpFront, "Spread": sa.OpenValueSpread, " affiliate ": sa.AffiliateAnniversary, "ORDER": sa.OrderAnniversary} {
		if got, err := sa.ParsePlan(s); err != nil || got != want {
			t.Errorf("ParsePlan(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if _, err := sa.ParsePlan("monthly"); err == nil {
		t.Error("ParsePlan(monthly) accepted")
	}
}
