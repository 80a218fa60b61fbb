package sa_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
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
		t.Fatalf("%v: %d installments sum to %v, total %v; want %d", s.Why(), len(s.Installments), sum, s.Total, n)
	}
}

// SA-11, INV-26: whatever the periods a plan gives and however the price
// is shared among them, the installments add up to the total; equal parts
// differ only by the remainder the first takes; by months, each later part
// is its exact share rounded down.
func TestPayAddsUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		total := centsGen.Draw(t, "total")
		periods := periodsGen(t, dateGen.Draw(t, "start"))
		w := rapid.SampledFrom(sa.Weightings()).Draw(t, "weighting")
		s, err := sa.Pay("SP-42", total, periods, w, sa.DefaultRounding)
		if err != nil {
			t.Fatal(err)
		}
		checkSchedule(t, s, len(periods))
		if s.Why().Rule != "SP-42" {
			t.Fatalf("schedule explained by %s, want the plan's rule", s.Why().Rule)
		}
		if diff := cmp.Diff(periods, periodsOf(s)); diff != "" {
			t.Fatalf("periods mismatch (-want +got):\n%s", diff)
		}
		sumMonths := 0
		for _, p := range periods {
			sumMonths += p.Months
		}
		for i, in := range s.Installments[1:] {
			var share decimal.Decimal
			if w == sa.EqualParts {
				share, _ = total.QuoRem(decimal.New(int64(len(periods)), 0), 2)
			} else {
				share, _ = total.Mul(decimal.New(int64(periods[i+1].Months), 0)).QuoRem(decimal.New(int64(sumMonths), 0), 2)
			}
			if !in.Amount.Equal(share) {
				t.Fatalf("installment %d = %v, want its share %v rounded down", i+2, in.Amount, share)
			}
		}
	})
}

func periodsOf(s sa.Schedule) []sa.Coverage {
	var out []sa.Coverage
	for _, in := range s.Installments {
		out = append(out, in.Period)
	}
	return out
}

// A single period pays up front; a plan with no valid weighting is refused.
func TestPayUpFrontAndErrors(t *testing.T) {
	c := sa.Coverage{Start: date("2020-04-01"), End: date("2022-06-30"), Months: 27}
	s, err := sa.Pay("SP-39", decimal.RequireFromString("65.25"), []sa.Coverage{c}, sa.ByMonths, sa.DefaultRounding)
	if err != nil || len(s.Installments) != 1 || s.Installments[0] != (sa.Installment{Due: c.Start, Period: c, Amount: s.Total}) || !s.Total.Equal(decimal.RequireFromString("65.25")) {
		t.Fatalf("up front: %+v, %v", s, err)
	}
	if got := s.Why().String(); got != "SP-39: one payment of 65.25 (total=65.25, installments=1, weighting=by months, remainderTo=first installment)" {
		t.Errorf("Why() = %s", got)
	}
	if _, err := sa.Pay("SP-39", decimal.New(1, 0), []sa.Coverage{c}, 0, sa.DefaultRounding); !errors.Is(err, sa.ErrInvalidWeighting) {
		t.Errorf("no weighting: err = %v", err)
	}
	if _, err := sa.Pay("SP-39", decimal.New(1, 0), nil, sa.EqualParts, sa.DefaultRounding); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("no periods: err = %v", err)
	}
	if _, err := sa.Pay("SP-39", decimal.RequireFromString("1.001"), []sa.Coverage{c}, sa.ByMonths, sa.DefaultRounding); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("sub-cent total: err = %v", err)
	}
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

// SA-11, SP-42: the remainder rule on a stub and two full years, by months.
// 27 months at 29.00 is 65.25 (WS-15): 7.25, 29.00, 29.00. 25 months is
// 60.42: each later year's share, 60.42 × 12/25 = 29.0016, is rounded down
// to 29.00, and the 1-month stub takes the rest, 2.42.
func TestPayRemainder(t *testing.T) {
	periods := func(start string, stub int) []sa.Coverage {
		a1 := date(start).AddMonths(stub).FirstOfMonth()
		return []sa.Coverage{
			{Start: date(start), End: a1.AddDays(-1), Months: stub},
			{Start: a1, End: a1.AddYears(1).AddDays(-1), Months: 12},
			{Start: a1.AddYears(1), End: a1.AddYears(2).AddDays(-1), Months: 12},
		}
	}
	s, err := sa.Pay("SP-42", decimal.RequireFromString("65.25"), periods("2020-04-01", 3), sa.ByMonths, sa.DefaultRounding)
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
	s, err = sa.Pay("SP-42", decimal.RequireFromString("60.42"), periods("2020-06-30", 1), sa.ByMonths, sa.DefaultRounding)
	if a := s.Installments; err != nil || !a[0].Amount.Equal(decimal.RequireFromString("2.42")) || !a[1].Amount.Equal(decimal.RequireFromString("29.00")) || !a[2].Amount.Equal(decimal.RequireFromString("29.00")) {
		t.Fatalf("25-month schedule %v, %v", a, err)
	}
	// Equal parts, as the same SKU billed again (SKU-12): 1000.00 in three.
	s, err = sa.Pay("SKU-12", decimal.RequireFromString("1000.00"), periods("2021-08-01", 9), sa.EqualParts, sa.DefaultRounding)
	if a := s.Installments; err != nil || !a[0].Amount.Equal(decimal.RequireFromString("333.34")) || !a[1].Amount.Equal(decimal.RequireFromString("333.33")) || !a[2].Amount.Equal(a[1].Amount) {
		t.Fatalf("equal parts %v, %v", a, err)
	}
	if w, err := sa.ParseWeighting("equal parts"); err != nil || w != sa.EqualParts {
		t.Errorf("ParseWeighting(equal parts) = %v, %v", w, err)
	}
}

// Rounding to another minor unit: whole yen, the remainder still first.
func TestPayOtherMinorUnit(t *testing.T) {
	yen := sa.Rounding{Places: 0, Mode: sa.HalfUp}
	parts, err := sa.Split(decimal.New(1000, 0), []int{1, 1, 1}, yen)
	if err != nil || !parts[0].Equal(decimal.New(334, 0)) || !parts[1].Equal(decimal.New(333, 0)) {
		t.Fatalf("Split(1000 yen) = %v, %v", parts, err)
	}
	if _, err := sa.Split(decimal.RequireFromString("1000.5"), []int{1}, yen); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("half a yen: err = %v", err)
	}
}
