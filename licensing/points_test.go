package licensing_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// pointsGen draws any points value of a realistic size, in 48ths.
var pointsGen = rapid.Custom(func(t *rapid.T) licensing.Points {
	return licensing.PointsFromUnits(rapid.Int64Range(-1e12, 1e12).Draw(t, "units"))
})

// licensePointsGen draws license points as catalogs hold them: whole or half,
// 0 to 100 (GEN-07).
var licensePointsGen = rapid.Custom(func(t *rapid.T) licensing.Points {
	return licensing.PointsFromUnits(24 * rapid.Int64Range(0, 200).Draw(t, "halfPoints"))
})

// rat is the naive model of a points value.
func rat(p licensing.Points) *big.Rat { return big.NewRat(p.Units(), licensing.PointUnit) }

func TestPointsTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := pointsGen.Draw(t, "p")
		for _, s := range []string{p.String(), p.Display()} {
			got, err := licensing.ParsePoints(s)
			if err != nil || got != p {
				t.Fatalf("ParsePoints(%q) = %v, %v; want %v", s, got, err, p)
			}
		}
		js, err := json.Marshal(struct{ P licensing.Points }{p})
		if err != nil {
			t.Fatal(err)
		}
		var back struct{ P licensing.Points }
		if err := json.Unmarshal(js, &back); err != nil || back.P != p {
			t.Fatalf("JSON %s = %v, %v; want %v", js, back.P, err, p)
		}
		// The text form is the exact value: the model agrees.
		if got, ok := new(big.Rat).SetString(p.String()); !ok || got.Cmp(rat(p)) != 0 {
			t.Fatalf("%v reads as %v, want %v", p.String(), got, rat(p))
		}
	})
}

func TestPointsForms(t *testing.T) {
	tests := []struct {
		num, den      int64
		text, display string
	}{
		{500, 1, "500", "500"},
		{85, 2, "42.5", "42.5"},
		{25, 12, "25/12", "2 1/12"},
		{11999, 24, "11999/24", "499 23/24"},
		{-1, 3, "-1/3", "-1/3"},
		{-25, 12, "-25/12", "-2 1/12"},
		{1, 16, "0.0625", "0.0625"},
		{1, 48, "1/48", "1/48"},
		{0, 1, "0", "0"},
	}
	for _, tt := range tests {
		p, err := licensing.NewPoints(tt.num, tt.den)
		if err != nil {
			t.Fatalf("NewPoints(%d, %d): %v", tt.num, tt.den, err)
		}
		if p.String() != tt.text || p.Display() != tt.display {
			t.Errorf("%d/%d: String, Display = %q, %q; want %q, %q", tt.num, tt.den, p.String(), p.Display(), tt.text, tt.display)
		}
	}
}

func TestParsePointsRejects(t *testing.T) {
	for _, s := range []string{"", " ", "abc", "1/7", "0.01", "1.00001", "1/0", "--1", "1 1", "1/2/3", "1e3",
		"99999999999999999999", "192153584101141163", ".", "1 /2", "½"} {
		if p, err := licensing.ParsePoints(s); !errors.Is(err, licensing.ErrInvalidPoints) {
			t.Errorf("ParsePoints(%q) = %v, %v; want ErrInvalidPoints", s, p, err)
		}
	}
	for _, s := range []string{"+3", " 42.50 ", "2 1/12", "0.5", ".5", "5.", "12/24", "-0"} {
		if _, err := licensing.ParsePoints(s); err != nil {
			t.Errorf("ParsePoints(%q): %v", s, err)
		}
	}
}

// GEN-07: totals compare exactly against thresholds.
func TestPointsThresholdExactness(t *testing.T) {
	threshold := licensing.WholePoints(500)
	justBelow := licensing.MustParsePoints("499 23/24")
	if justBelow.AtLeast(threshold) || justBelow.Cmp(threshold) != -1 {
		t.Fatalf("499 23/24 reaches 500")
	}
	if !justBelow.Add(licensing.MustParsePoints("1/24")).AtLeast(threshold) {
		t.Fatalf("499 23/24 + 1/24 does not reach 500")
	}
}

func TestNewPointsAgreesWithModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		num := rapid.Int64Range(-1e9, 1e9).Draw(t, "num")
		den := rapid.Int64Range(-96, 96).Draw(t, "den")
		p, err := licensing.NewPoints(num, den)
		if den == 0 {
			if err == nil {
				t.Fatalf("NewPoints(%d, 0) = %v, want an error", num, p)
			}
			return
		}
		want := big.NewRat(num, den)
		exact := new(big.Rat).Mul(want, big.NewRat(licensing.PointUnit, 1)).IsInt()
		if exact != (err == nil) {
			t.Fatalf("NewPoints(%d, %d) = %v, %v; exact in 48ths: %v", num, den, p, err, exact)
		}
		if err == nil && rat(p).Cmp(want) != 0 {
			t.Fatalf("NewPoints(%d, %d) = %v, want %v", num, den, p, want)
		}
	})
}

// INV-03, SA-01: SA over 12 months is L/2, and 24 monthly parts make L.
func TestSAPoints(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := licensePointsGen.Draw(t, "license")
		year, err := licensing.SAPoints(l, 12)
		if half := licensing.PointsFromUnits(l.Units() / 2); err != nil || year != half || l.Units()%2 != 0 {
			t.Fatalf("SAPoints(%v, 12) = %v, %v; want %v", l, year, err, half)
		}
		var sum licensing.Points
		for range 24 {
			m, err := licensing.SAPoints(l, 1)
			if err != nil {
				t.Fatalf("SAPoints(%v, 1): %v", l, err)
			}
			sum = sum.Add(m)
		}
		if sum != l {
			t.Fatalf("24 monthly SA parts of %v sum to %v", l, sum)
		}
		m1 := rapid.IntRange(0, 36).Draw(t, "m1")
		m2 := rapid.IntRange(0, 36-m1).Draw(t, "m2")
		a, _ := licensing.SAPoints(l, m1)
		b, _ := licensing.SAPoints(l, m2)
		ab, _ := licensing.SAPoints(l, m1+m2)
		if a.Add(b) != ab {
			t.Fatalf("SAPoints(%v, %d) + SAPoints(%v, %d) = %v, want %v", l, m1, l, m2, a.Add(b), ab)
		}
		want := new(big.Rat).Mul(rat(l), big.NewRat(int64(m1), 24))
		if rat(a).Cmp(want) != 0 {
			t.Fatalf("SAPoints(%v, %d) = %v, want %v", l, m1, a, want)
		}
	})
}

// INV-01: the order of additions does not matter.
func TestPointsSumIsOrderFree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ps := rapid.SliceOfN(pointsGen, 0, 30).Draw(t, "points")
		perm := rapid.Permutation(ps).Draw(t, "shuffled")
		var a, b licensing.Points
		want := new(big.Rat)
		for i := range ps {
			a, b = a.Add(ps[i]), b.Add(perm[i])
			want.Add(want, rat(ps[i]))
		}
		if a != b || rat(a).Cmp(want) != 0 {
			t.Fatalf("sum %v, shuffled %v, model %v", a, b, want)
		}
	})
}

// Points parsed read back from both their forms.
func FuzzParsePoints(f *testing.F) {
	seeds := []string{"500", "42.5", "25/12", "499 23/24", "-2 1/12", "0.0625", "1/7", "1e9", ""}
	fuzzParse(f, seeds, licensing.ParsePoints, licensing.ErrInvalidPoints, func(t *testing.T, s string, p licensing.Points, err error) {
		if err != nil {
			return
		}
		for _, form := range []string{p.String(), p.Display()} {
			if back, err := licensing.ParsePoints(form); err != nil || back != p {
				t.Fatalf("ParsePoints(%q) = %v; its form %q reads back as %v, %v", s, p, form, back, err)
			}
		}
	})
}
