package licensing_test

import (
	"errors"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// SA-01, SA-03, INV-03: SA points are linear in the months and 12 months is
// half the license, for whole and half license points; outside 0 to 36
// months, or for other license points, SAPoints refuses.
func TestSAPointsBounds(t *testing.T) {
	// WS-15: 2 points for 25 months is 25/12, for 27 months 9/4.
	for m, want := range map[int]string{25: "25/12", 27: "9/4", 36: "3", 0: "0"} {
		if got, err := licensing.SAPoints(licensing.WholePoints(2), m); err != nil || got != licensing.MustParsePoints(want) {
			t.Errorf("SAPoints(2, %d) = %v, %v; want %s", m, got, err, want)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		l := licensing.PointsFromUnits(24 * rapid.Int64Range(0, 200).Draw(t, "halfPoints"))
		m1 := rapid.IntRange(0, 36).Draw(t, "m1")
		m2 := rapid.IntRange(0, 36-m1).Draw(t, "m2")
		a, err1 := licensing.SAPoints(l, m1)
		b, err2 := licensing.SAPoints(l, m2)
		ab, err3 := licensing.SAPoints(l, m1+m2)
		year, err4 := licensing.SAPoints(l, 12)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			t.Fatal(err)
		}
		if a.Add(b) != ab || year.Add(year) != l {
			t.Fatalf("L=%v: %v + %v != %v, or 12 months %v is not half", l, a, b, ab, year)
		}
		over := licensing.MaxSAMonths + 1 + rapid.IntRange(0, 100).Draw(t, "over")
		for _, m := range []int{over, -1 - rapid.IntRange(0, 100).Draw(t, "under")} {
			_, err := licensing.SAPoints(l, m)
			if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrInvalidOrder) || rule != "SA-01" {
				t.Fatalf("SAPoints(%v, %d): err = %v, want SA-01", l, m, err)
			}
		}
	})
	if _, err := licensing.SAPoints(licensing.WholePoints(2), 37); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("37 months: err = %v", err)
	}
	_, err := licensing.SAPoints(licensing.MustParsePoints("1/3"), 1)
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrInvalidPoints) || rule != "GEN-07" {
		t.Errorf("third-point license: err = %v", err)
	}
}
