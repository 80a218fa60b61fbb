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

func cover(months int) sa.Coverage { return sa.Coverage{Months: months} }

// prorate prices m months of annual with the zero Prorated, to the cent.
func prorate(t interface{ Fatal(...any) }, annual decimal.Decimal, m int) decimal.Decimal {
	v, err := sa.Prorated{}.Price(annual, cover(m), sa.DefaultRounding)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// SA-12, SA-22, INV-25: the prorated price is annual × m / 12 rounded once,
// against a naive rational model.
func TestProrateAgainstModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		annual := annualGen.Draw(t, "annual")
		m := rapid.IntRange(0, 36).Draw(t, "months")
		got := prorate(t, annual, m)
		want := roundHalfUp(new(big.Rat).Mul(annual.Rat(), big.NewRat(int64(m), 12)))
		if !got.Equal(want) {
			t.Fatalf("Price(%v, %d months) = %v, want %v", annual, m, got, want)
		}
	})
}

// INV-25: linear and monotone in the months; 36 months is 3 × annual.
func TestProrateLinearMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		annual := centsGen.Draw(t, "annual").Mul(decimal.New(12, 0)) // a multiple of 12 cents: every month exact
		m1 := rapid.IntRange(0, 36).Draw(t, "m1")
		m2 := rapid.IntRange(0, 36-m1).Draw(t, "m2")
		p := func(m int) decimal.Decimal { return prorate(t, annual, m) }
		if !p(m1).Add(p(m2)).Equal(p(m1 + m2)) {
			t.Fatalf("price(%d) + price(%d) = %v, price(%d) = %v", m1, m2, p(m1).Add(p(m2)), m1+m2, p(m1+m2))
		}
		if !p(36).Equal(annual.Mul(decimal.New(3, 0))) {
			t.Fatalf("price(36) = %v, want 3 × %v", p(36), annual)
		}
		anyAnnual := annualGen.Draw(t, "anyAnnual")
		a := prorate(t, anyAnnual, m1)
		b := prorate(t, anyAnnual, m1+m2)
		if a.GreaterThan(b) {
			t.Fatalf("price of %v for %d months %v > for %d months %v", anyAnnual, m1, a, m1+m2, b)
		}
	})
}

// SA-22: money is rounded once, by the named mode, to the minor unit. The
// quotients are exact before they are rounded: prices divide by 12 through
// the pricers.
func TestRoundingModes(t *testing.T) {
	d := decimal.RequireFromString
	rounds := []struct {
		x    string
		r    sa.Rounding
		want string
	}{
		{"60.415", sa.Rounding{Places: 2, Mode: sa.HalfUp}, "60.42"},
		{"60.425", sa.Rounding{Places: 2, Mode: sa.HalfEven}, "60.42"},
		{"60.435", sa.Rounding{Places: 2, Mode: sa.HalfEven}, "60.44"},
		{"60.419", sa.Rounding{Places: 2, Mode: sa.Down}, "60.41"},
		{"-60.415", sa.Rounding{Places: 2, Mode: sa.HalfUp}, "-60.42"},
		{"-60.425", sa.Rounding{Places: 2, Mode: sa.HalfEven}, "-60.42"},
		{"-60.435", sa.Rounding{Places: 2, Mode: sa.HalfEven}, "-60.44"},
		{"-12.5", sa.DefaultRounding, "-12.5"}, // 100 × −1/8: exact, unchanged
		{"-12.505", sa.Rounding{Places: 2, Mode: sa.Down}, "-12.50"},
		{"60.415", sa.Rounding{}, "60.42"},          // the zero Rounding is DefaultRounding
		{"60.415", sa.Rounding{Places: 2}, "60.42"}, // no mode rounds half up
		{"2083.3", sa.Rounding{Places: 0, Mode: sa.HalfUp}, "2083"},
	}
	for _, tt := range rounds {
		if got := tt.r.Round(d(tt.x)); !got.Equal(d(tt.want)) {
			t.Errorf("%v.Round(%s) = %v, want %s", tt.r, tt.x, got, tt.want)
		}
	}
	// Quotients through the pricer: annual × months / 12.
	quotients := []struct {
		annual string
		months int
		r      sa.Rounding
		want   string
	}{
		{"29.00", 25, sa.DefaultRounding, "60.42"}, // WS-15: 60.4166…
		{"1000", 25, sa.Rounding{Places: 0, Mode: sa.HalfUp}, "2083"},
		{"1", 4, sa.DefaultRounding, "0.33"},                          // 1/3
		{"2", 4, sa.DefaultRounding, "0.67"},                          // 2/3
		{"1.5", 1, sa.Rounding{Places: 2, Mode: sa.HalfEven}, "0.12"}, // 0.125, an exact half
		{"1.5", 1, sa.Rounding{Places: 2, Mode: sa.HalfUp}, "0.13"},
		{"4.5", 1, sa.Rounding{Places: 2, Mode: sa.HalfEven}, "0.38"}, // 0.375
		{"100", 12, sa.Rounding{Places: 2, Mode: sa.Down}, "100"},
	}
	for _, tt := range quotients {
		got, err := sa.Prorated{}.Price(d(tt.annual), cover(tt.months), tt.r)
		if err != nil || !got.Equal(d(tt.want)) {
			t.Errorf("Prorated.Price(%s, %d months, %v) = %v, %v; want %s", tt.annual, tt.months, tt.r, got, err, tt.want)
		}
	}
	if got := sa.DefaultRounding.String(); got != "2 places, half-up" {
		t.Errorf("DefaultRounding = %q", got)
	}
	if got := (sa.Rounding{}).String(); got != "2 places, half-up" {
		t.Errorf("zero Rounding = %q", got)
	}
	if got, err := sa.ParseMode("half-even"); err != nil || got != sa.HalfEven {
		t.Errorf("ParseMode(half-even) = %v, %v", got, err)
	}
	if _, err := sa.ParseMode("ceiling"); !errors.Is(err, sa.ErrInvalidMode) {
		t.Errorf("ParseMode(ceiling): err = %v", err)
	}
}

// A Rounding edited by hand is refused by everything that prices or splits
// money, naming what is wrong, and Round reads it as the nearest valid
// one: it always ends, however many places it asks for.
func TestInvalidRounding(t *testing.T) {
	d := decimal.RequireFromString
	for _, tt := range []struct {
		r   sa.Rounding
		err error
	}{
		{sa.Rounding{Places: -1}, sa.ErrInvalidRounding},
		{sa.Rounding{Places: sa.MaxPlaces + 1, Mode: sa.HalfUp}, sa.ErrInvalidRounding},
		{sa.Rounding{Places: 1 << 30}, sa.ErrInvalidRounding},
		{sa.Rounding{Places: 2, Mode: 99}, sa.ErrInvalidMode},
		{sa.Rounding{Places: 0, Mode: sa.Down}, nil},
		{sa.Rounding{Places: sa.MaxPlaces, Mode: sa.HalfEven}, nil},
		{sa.Rounding{}, nil},
	} {
		if err := tt.r.Validate(); !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("%+v.Validate() = %v, want %v", tt.r, err, tt.err)
		}
		terms := sa.Terms{Coverage: cover(12), Pricing: sa.Prorated{}, Plan: "SA-12"}
		_, qerr := sa.QuoteTerms(terms, d("100.37"), 7, tt.r)
		_, ferr := sa.FixedTerm{Months: 24, RuleID: "OL-14"}.Price(d("100.37"), cover(12), tt.r)
		_, serr := sa.Split(d("100"), []int{1, 2}, tt.r)
		for name, err := range map[string]error{"QuoteTerms": qerr, "FixedTerm.Price": ferr, "Split": serr} {
			if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Errorf("%s with %+v: err = %v, want %v", name, tt.r, err, tt.err)
			}
		}
	}
	for _, tt := range []struct {
		r    sa.Rounding
		want string
	}{
		{sa.Rounding{Places: -5, Mode: sa.HalfUp}, "100"},
		{sa.Rounding{Places: 1 << 30, Mode: sa.HalfUp}, "100.37"}, // to 18 places
		{sa.Rounding{Places: 1, Mode: 99}, "100.4"},
	} {
		if got := tt.r.Round(d("100.37")); got.String() != tt.want {
			t.Errorf("%+v.Round(100.37) = %v, want %s", tt.r, got, tt.want)
		}
	}
}

// SA-04, GEN-18: 25 % for servers (CALs included), 29 % for desktop and
// systems; no pool, no rate.
func TestAnnualReference(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		pool  licensing.Pool
		class sa.Class
		want  string
	}{
		{licensing.Servers, sa.ServerProducts, "250"},
		{licensing.Applications, sa.DesktopProducts, "290"},
		{licensing.Systems, sa.DesktopProducts, "290"},
	}
	for _, tt := range tests {
		ref, err := sa.AnnualReference(d("1000"), tt.pool)
		if err != nil || !ref.Annual.Equal(d(tt.want)) || ref.Rate.Class != tt.class || ref.Why().Rule != "SA-04" {
			t.Errorf("AnnualReference(1000, %v) = %v (%v), %v, %v; want %s by SA-04", tt.pool, ref.Annual, ref.Rate, ref.Why(), err, tt.want)
		}
	}
	// Exact, not rounded: 29 % of 19.99 is 5.7971.
	if ref, _ := sa.AnnualReference(d("19.99"), licensing.Applications); !ref.Annual.Equal(d("5.7971")) {
		t.Errorf("AnnualReference(19.99) = %v, want 5.7971", ref.Annual)
	}
	_, err := sa.AnnualReference(d("1000"), 0)
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNoPool) || rule != "GEN-18" {
		t.Errorf("no pool: err = %v", err)
	}
	if _, err := sa.AnnualReference(d("-1"), licensing.Servers); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("negative price: err = %v", err)
	}
	if c, ok := sa.ClassOf(0); ok {
		t.Errorf("ClassOf(no pool) = %v", c)
	}
	if n := len(sa.Rates()); n != 2 {
		t.Errorf("%d rates, want 2 (SA-04)", n)
	}
}

// OL-14, OL-27, SA-18, INV-28: a fixed-term pricer charges its term's
// price whatever the coverage, and cites the program's rule.
func TestFixedTermIgnoresCoverage(t *testing.T) {
	twoYears := sa.FixedTerm{Months: 24, RuleID: "OL-14"} // Open License's row
	rapid.Check(t, func(t *rapid.T) {
		annual := annualGen.Draw(t, "annual")
		m := rapid.IntRange(1, 24).Draw(t, "months")
		got, err := twoYears.Price(annual, cover(m), sa.DefaultRounding)
		full, _ := twoYears.Price(annual, cover(24), sa.DefaultRounding)
		if err != nil || !got.Equal(full) {
			t.Fatalf("fixed two-year SA for %d months = %v, for 24 = %v", m, got, full)
		}
		if want := prorate(t, annual, 24); !got.Equal(want) {
			t.Fatalf("fixed two-year price %v, prorated 24 months %v", got, want)
		}
	})
	if twoYears.Rule() != "OL-14" || (sa.Prorated{}).Rule() != "SA-12" {
		t.Errorf("rules %s and %s", twoYears.Rule(), sa.Prorated{}.Rule())
	}
	if _, err := twoYears.Price(decimal.New(-1, 0), cover(1), sa.DefaultRounding); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("negative annual: err = %v", err)
	}
	if _, err := (sa.Prorated{}).Price(decimal.New(-1, 0), cover(1), sa.DefaultRounding); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("negative annual: err = %v", err)
	}
	if got := twoYears.String(); got != "the fixed 24-month price whatever the coverage" {
		t.Errorf("String() = %q", got)
	}
}

// X-17, LIB-04: billing by quarter rounds the months up to whole quarters.
func TestGranularity(t *testing.T) {
	for _, tt := range []struct {
		g          sa.Granularity
		in, billed int
	}{{sa.Monthly, 25, 25}, {sa.Quarterly, 25, 27}, {sa.Quarterly, 27, 27}, {sa.Quarterly, 36, 36}, {0, 7, 7}, {sa.Quarterly, 1, 3}} {
		if got := tt.g.Bill(tt.in); got != tt.billed {
			t.Errorf("%v.Bill(%d) = %d, want %d", tt.g, tt.in, got, tt.billed)
		}
	}
	q, _ := sa.Prorated{Granularity: sa.Quarterly}.Price(decimal.New(120, 0), cover(25), sa.DefaultRounding)
	if !q.Equal(decimal.New(270, 0)) {
		t.Errorf("quarterly price of 25 months at 120 a year = %v, want 270", q)
	}
	// Each granularity prints as its name, which reads back; "year" and the
	// zero Granularity's name are none.
	for name, g := range map[string]sa.Granularity{"month": sa.Monthly, "quarter": sa.Quarterly, "Granularity(0)": 0, "year": 0} {
		back, err := sa.ParseGranularity(name)
		if back != g || (g == 0) != errors.Is(err, sa.ErrInvalidGranularity) || (name != "year" && g.String() != name) {
			t.Errorf("%q: String() = %q, ParseGranularity = %v, %v", name, g.String(), back, err)
		}
	}
	if got := (sa.Prorated{}).String(); got != "annual × billed months / 12, by month" {
		t.Errorf("zero Prorated = %q", got)
	}
}

// SA-22: the int64 arithmetic quo uses for everyday amounts rounds exactly
// as the big-number arithmetic, to the same digits, in every mode.
func TestQuoInt64AgreesWithBig(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ds := rapid.SliceOfN(rapid.IntRange(0, 9), 1, 20).Draw(t, "digits")
		coef := new(big.Int)
		for _, d := range ds {
			coef.Mul(coef, big.NewInt(10)).Add(coef, big.NewInt(int64(d)))
		}
		digits := len(ds)
		if rapid.Bool().Draw(t, "negative") {
			coef.Neg(coef)
		}
		x := decimal.NewFromBigInt(coef, int32(rapid.IntRange(-8, 3).Draw(t, "exp")))
		den := rapid.Int64Range(1, 400).Draw(t, "den")
		r := sa.Rounding{Places: int32(rapid.IntRange(0, 6).Draw(t, "places")), Mode: rapid.SampledFrom(sa.Modes()).Draw(t, "mode")}
		got, ok := r.QuoInt64(x, den)
		if !ok {
			if digits <= 10 && r.Places <= 4 {
				t.Fatalf("%v / %d to %v left to big numbers", x, den, r)
			}
			return
		}
		if want := r.QuoBig(x, den); !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Fatalf("%v / %d to %v = %v (exp %d), big numbers say %v (exp %d)", x, den, r, got, got.Exponent(), want, want.Exponent())
		}
	})
}
