package sa_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

func cover(months int) licensing.Coverage { return licensing.Coverage{Months: months} }

// SA-12, SA-22, INV-25: the prorated price is annual × m / 12 rounded once,
// against a naive rational model.
func TestProrateAgainstModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		annual := annualGen.Draw(t, "annual")
		m := rapid.IntRange(0, 36).Draw(t, "months")
		got, err := sa.Prorated{}.Prorate(annual, cover(m))
		if err != nil {
			t.Fatal(err)
		}
		want := roundHalfUp(new(big.Rat).Mul(annual.Rat(), big.NewRat(int64(m), 12)))
		if !got.Equal(want) {
			t.Fatalf("Prorate(%v, %d) = %v, want %v", annual, m, got, want)
		}
	})
}

// INV-25: linear and monotone in the months; 36 months is 3 × annual.
func TestProrateLinearMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		annual := centsGen.Draw(t, "annual").Mul(decimal.New(12, 0)) // a multiple of 12 cents: every month exact
		m1 := rapid.IntRange(0, 36).Draw(t, "m1")
		m2 := rapid.IntRange(0, 36-m1).Draw(t, "m2")
		p := func(m int) decimal.Decimal {
			v, err := sa.Prorated{}.Prorate(annual, cover(m))
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if !p(m1).Add(p(m2)).Equal(p(m1 + m2)) {
			t.Fatalf("price(%d) + price(%d) = %v, price(%d) = %v", m1, m2, p(m1).Add(p(m2)), m1+m2, p(m1+m2))
		}
		if !p(36).Equal(annual.Mul(decimal.New(3, 0))) {
			t.Fatalf("price(36) = %v, want 3 × %v", p(36), annual)
		}
		anyAnnual := annualGen.Draw(t, "anyAnnual")
		a, _ := sa.Prorated{}.Prorate(anyAnnual, cover(m1))
		b, _ := sa.Prorated{}.Prorate(anyAnnual, cover(m1+m2))
		if a.GreaterThan(b) {
			t.Fatalf("price of %v for %d months %v > for %d months %v", anyAnnual, m1, a, m1+m2, b)
		}
	})
}

func TestRoundingModes(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		x        string
		r        sa.Rounding
		num, den int64
		want     string
	}{
		{"29.00", sa.DefaultRounding, 25, 12, "60.42"}, // WS-15: 60.4166…
		{"60.415", sa.Rounding{Places: 2, Mode: sa.HalfUp}, 1, 1, "60.42"},
		{"60.425", sa.Rounding{Places: 2, Mode: sa.HalfEven}, 1, 1, "60.42"},
		{"60.435", sa.Rounding{Places: 2, Mode: sa.HalfEven}, 1, 1, "60.44"},
		{"60.419", sa.Rounding{Places: 2, Mode: sa.Down}, 1, 1, "60.41"},
		{"-60.415", sa.Rounding{Places: 2, Mode: sa.HalfUp}, 1, 1, "-60.42"},
		{"1000", sa.Rounding{Places: 0, Mode: sa.HalfUp}, 25, 12, "2083"},
		{"1", sa.DefaultRounding, 1, 3, "0.33"},
		{"2", sa.DefaultRounding, 1, 3, "0.67"},
		{"100", sa.DefaultRounding, -1, 8, "-12.5"},
	}
	for _, tt := range tests {
		if got := tt.r.MulDiv(d(tt.x), tt.num, tt.den); !got.Equal(d(tt.want)) {
			t.Errorf("%v.MulDiv(%s, %d, %d) = %v, want %s", tt.r, tt.x, tt.num, tt.den, got, tt.want)
		}
	}
}

// SA-04, GEN-18: 25 % for servers (CALs included), 29 % for desktop and
// systems; no pool, no rate.
func TestAnnualReference(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		pool licensing.Pool
		want string
	}{
		{licensing.Servers, "250"},
		{licensing.Applications, "290"},
		{licensing.Systems, "290"},
	}
	for _, tt := range tests {
		got, e, err := sa.AnnualReference(d("1000"), tt.pool)
		if err != nil || !got.Equal(d(tt.want)) || e.Rule != "SA-04" {
			t.Errorf("AnnualReference(1000, %v) = %v, %v, %v; want %s by SA-04", tt.pool, got, e, err, tt.want)
		}
	}
	if _, _, err := sa.AnnualReference(d("1000"), 0); !errors.Is(err, licensing.ErrNoPool) {
		t.Errorf("no pool: err = %v", err)
	}
	if _, _, err := sa.AnnualReference(d("-1"), licensing.Servers); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("negative price: err = %v", err)
	}
}

// OL-14, OL-27, SA-18, INV-28: Open License SA costs the two-year price
// whatever the coverage.
func TestFixedTermIgnoresCoverage(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		annual := annualGen.Draw(t, "annual")
		m := rapid.IntRange(1, 24).Draw(t, "months")
		got, err := sa.FixedTerm{Months: 24}.Prorate(annual, cover(m))
		full, _ := sa.FixedTerm{Months: 24}.Prorate(annual, cover(24))
		if err != nil || !got.Equal(full) {
			t.Fatalf("Open License SA for %d months = %v, for 24 = %v", m, got, full)
		}
	})
}

func TestGranularity(t *testing.T) {
	for _, tt := range []struct {
		g          sa.Granularity
		in, billed int
	}{{sa.Monthly, 25, 25}, {sa.Quarterly, 25, 27}, {sa.Quarterly, 27, 27}, {sa.Quarterly, 36, 36}, {0, 7, 7}, {sa.Quarterly, 1, 3}} {
		if got := tt.g.Bill(tt.in); got != tt.billed {
			t.Errorf("%v.Bill(%d) = %d, want %d", tt.g, tt.in, got, tt.billed)
		}
	}
	q, _ := sa.Prorated{Granularity: sa.Quarterly}.Prorate(decimal.New(120, 0), cover(25))
	if !q.Equal(decimal.New(270, 0)) {
		t.Errorf("quarterly price of 25 months at 120 a year = %v, want 270", q)
	}
}
