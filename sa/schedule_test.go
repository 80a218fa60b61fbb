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

// checkSchedule states INV-26 for any schedule: installments add up to the
// total to the cent, none is negative, each is in cents, each is due when
// its period starts, and the periods follow each other without a gap.
func checkSchedule(t *rapid.T, s sa.Schedule, n int) {
	sum := decimal.Zero
	for i, in := range s.Installments {
		if in.Amount.Sign() < 0 || !in.Amount.Equal(in.Amount.Round(2)) {
			t.Fatalf("installment %d = %v", i+1, in.Amount)
		}
		if in.Due != in.Period.Start || in.Period.End.Before(in.Period.Start) {
			t.Fatalf("installment %d due %v for %v", i+1, in.Due, in.Period)
		}
		if i > 0 && s.Installments[i-1].Period.End.AddDays(1) != in.Period.Start {
			t.Fatalf("gap between installments %d and %d", i, i+1)
		}
		sum = sum.Add(in.Amount)
	}
	if !sum.Equal(s.Total) || len(s.Installments) != n {
		t.Fatalf("%v: %d installments sum to %v, total %v; want %d", s.Plan, len(s.Installments), sum, s.Total, n)
	}
}

func TestSchedulesAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		total := centsGen.Draw(t, "total")
		o := dateGen.Draw(t, "order")
		switch plan := rapid.SampledFrom([]sa.Plan{sa.UpFront, sa.OpenValueSpread, sa.AffiliateAnniversary, sa.OrderAnniversary}).Draw(t, "plan"); plan {
		case sa.UpFront:
			s, err := sa.PayUpFront(sa.ThirdAnniversary(o, monthGen.Draw(t, "ma")), total, sa.DefaultRounding)
			if err != nil {
				t.Fatal(err)
			}
			checkSchedule(t, s, 1)
		case sa.OpenValueSpread:
			start := o.AddDays(-rapid.IntRange(0, 3*365-1).Draw(t, "daysIntoAgreement"))
			y := licensing.YearOf(start, o)
			s, err := sa.SpreadOpenValue(start, o, total, sa.DefaultRounding)
			if err != nil {
				t.Fatal(err)
			}
			checkSchedule(t, s, 4-y) // INV-26: 4 − y installments
			if last := s.Installments[len(s.Installments)-1].Period.End; last != start.AddYears(3).AddDays(-1) {
				t.Fatalf("last period ends %v, not at the agreement's expiration", last)
			}
			// Same SKU each year: the installments after the first are equal.
			for _, in := range s.Installments[1:] {
				if !in.Amount.Equal(s.Installments[len(s.Installments)-1].Amount) {
					t.Fatalf("unequal Open Value installments %v", s.Installments)
				}
			}
		case sa.AffiliateAnniversary:
			ma := monthGen.Draw(t, "ma")
			s, err := sa.SpreadAffiliateAnniversary(o, ma, total, sa.DefaultRounding)
			if err != nil {
				t.Fatal(err)
			}
			checkSchedule(t, s, 3)
			c := sa.ThirdAnniversary(o, ma)
			stub := s.Installments[0].Period.Months
			if s.Installments[2].Period.End != c.End || stub < 1 || stub > 12 || stub+24 != c.Months {
				t.Fatalf("affiliate anniversary periods %v for coverage %v", s.Installments, c)
			}
		case sa.OrderAnniversary:
			s, err := sa.SpreadOrderAnniversary(o, total, sa.DefaultRounding)
			if err != nil {
				t.Fatal(err)
			}
			checkSchedule(t, s, 3)
			if s.Installments[2].Period.End != o.AddYears(3).AddDays(-1) {
				t.Fatalf("order anniversary ends %v", s.Installments[2].Period.End)
			}
		}
	})
}

// SA-11: Split conserves the total for any weights, in cents, never negative.
func TestSplitConserves(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		total := centsGen.Draw(t, "total")
		weights := rapid.SliceOfN(rapid.IntRange(0, 50), 1, 12).Draw(t, "weights")
		weights[0]++ // never all zero
		parts, err := sa.Split(total, weights, sa.DefaultRounding)
		if err != nil {
			t.Fatal(err)
		}
		sum := decimal.Zero
		for _, p := range parts {
			if p.Sign() < 0 {
				t.Fatalf("negative part in %v", parts)
			}
			sum = sum.Add(p)
		}
		if !sum.Equal(total) {
			t.Fatalf("parts %v sum to %v, want %v", parts, sum, total)
		}
	})
	for _, bad := range []struct {
		total   string
		weights []int
	}{{"-1", []int{1}}, {"1.001", []int{1}}, {"1", nil}, {"1", []int{0, 0}}, {"1", []int{1, -1}}} {
		if _, err := sa.Split(decimal.RequireFromString(bad.total), bad.weights, sa.DefaultRounding); !errors.Is(err, sa.ErrInvalidAmount) {
			t.Errorf("Split(%s, %v): err = %v", bad.total, bad.weights, err)
		}
	}
}

// WS-04 (SKU-12, SKU-13, OV-43): a year-1 spread line is billed three times;
// three 1YR prices of 1,000.00 make the 3,000.00 up-front total.
func TestWS04OpenValueSpread(t *testing.T) {
	s, err := sa.SpreadOpenValue(date("2021-05-10"), date("2021-08-01"), decimal.RequireFromString("3000.00"), sa.DefaultRounding)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range s.Installments {
		got = append(got, in.Due.String()+" "+in.Amount.StringFixed(2))
	}
	want := []string{"2021-08-01 1000.00", "2022-05-10 1000.00", "2023-05-10 1000.00"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("WS-04 schedule mismatch (-want +got):\n%s", diff)
	}
	// WS-05: a year-2 spread line is billed twice; WS-06: year 3 once.
	for _, tt := range []struct {
		order string
		n     int
	}{{"2022-09-01", 2}, {"2023-06-01", 1}} {
		s, err := sa.SpreadOpenValue(date("2021-05-10"), date(tt.order), decimal.RequireFromString("260.00"), sa.DefaultRounding)
		if err != nil || len(s.Installments) != tt.n {
			t.Errorf("%s: %d installments, %v; want %d", tt.order, len(s.Installments), err, tt.n)
		}
	}
	if _, err := sa.SpreadOpenValue(date("2021-05-10"), date("2024-05-10"), decimal.New(1, 0), sa.DefaultRounding); !errors.Is(err, licensing.ErrOutsideTerm) {
		t.Errorf("order after expiration: err = %v", err)
	}
}

// SP-42: the Affiliate Anniversary stub and the remainder rule.
func TestAffiliateAnniversaryStub(t *testing.T) {
	// Ordered 2020-04-01, July anniversaries: 27 months, a 3-month stub.
	total := decimal.RequireFromString("65.25") // WS-15: 27 months at 29.00 a year
	s, err := sa.SpreadAffiliateAnniversary(date("2020-04-01"), 7, total, sa.DefaultRounding)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range s.Installments {
		got = append(got, in.Period.String()+" "+in.Amount.StringFixed(2))
	}
	want := []string{
		"2020-04-01..2020-06-30 (3 months) 7.25",
		"2020-07-01..2021-06-30 (12 months) 29.00",
		"2021-07-01..2022-06-30 (12 months) 29.00",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("mismatch (-want +got):\n%s", diff)
	}
	// 25 months at 29.00 is 60.42. Each later year's share, 60.42 × 12/25 =
	// 29.0016, is rounded down to 29.00; the 1-month stub takes the rest, 2.42.
	s, _ = sa.SpreadAffiliateAnniversary(date("2020-06-30"), 7, decimal.RequireFromString("60.42"), sa.DefaultRounding)
	if a := s.Installments; !a[0].Amount.Equal(decimal.RequireFromString("2.42")) || !a[1].Amount.Equal(decimal.RequireFromString("29.00")) {
		t.Fatalf("25-month schedule %v", a)
	}
}
