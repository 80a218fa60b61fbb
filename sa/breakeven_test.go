package sa_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// WS-20 (SA-04 to SA-06).
func TestWS20Breakeven(t *testing.T) {
	tests := []struct {
		class      sa.Class
		years      string
		economical bool
		cost       string
	}{
		{sa.ServerProducts, "4.0", true, "1"},
		{sa.ServerProducts, "4.01", false, "1.0025"},
		{sa.DesktopProducts, "3.4", true, "0.986"},
		{sa.DesktopProducts, "3.44", true, "0.9976"},
		{sa.DesktopProducts, "3.45", false, "1.0005"},
		{sa.DesktopProducts, "2.5", true, "0.725"},
		{sa.DesktopProducts, "3.0", true, "0.87"},
	}
	for _, tt := range tests {
		b, err := sa.CompareUpgrade(tt.class, decimal.RequireFromString(tt.years))
		if err != nil || b.Economical != tt.economical || !b.Cost.Equal(decimal.RequireFromString(tt.cost)) || b.Why().Rule != "SA-05" {
			t.Errorf("CompareUpgrade(%v, %s) = %v (%v), %v; want %v at %s", tt.class, tt.years, b.Economical, b.Cost, err, tt.economical, tt.cost)
		}
	}
	if got := sa.BreakevenYears(sa.DesktopProducts).RatString(); got != "100/29" {
		t.Errorf("desktop break-even = %s, want 100/29", got)
	}
	if got := sa.BreakevenYears(sa.ServerProducts).RatString(); got != "4" {
		t.Errorf("server break-even = %s, want 4", got)
	}
	if got := sa.BreakevenYears(0).Sign(); got != 0 {
		t.Errorf("break-even of no class = %v, want 0", sa.BreakevenYears(0))
	}
	if _, err := sa.CompareUpgrade(0, decimal.New(3, 0)); err == nil {
		t.Error("compared an unknown class")
	}
	if _, err := sa.CompareUpgrade(sa.ServerProducts, decimal.Zero); !errors.Is(err, sa.ErrInvalidAmount) {
		t.Errorf("zero years: err = %v", err)
	}
}

// INV-29: economical iff rate × years ≤ 1; monotone in the interval; every
// interval in [2.5, 3] favours SA for both classes (SA-06).
func TestBreakevenMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		class := rapid.SampledFrom(sa.Classes()).Draw(t, "class")
		a := decimal.New(rapid.Int64Range(1, 100_000).Draw(t, "years1"), -4)
		b := a.Add(decimal.New(rapid.Int64Range(0, 100_000).Draw(t, "more"), -4))
		ba, _ := sa.CompareUpgrade(class, a)
		bb, _ := sa.CompareUpgrade(class, b)
		if bb.Economical && !ba.Economical {
			t.Fatalf("economical at %v years but not at the shorter %v", b, a)
		}
		if want := ba.Years.Rat().Cmp(sa.BreakevenYears(class)) <= 0; ba.Economical != want {
			t.Fatalf("CompareUpgrade(%v, %v) = %v; 1/rate = %v", class, a, ba.Economical, sa.BreakevenYears(class))
		}
		if want := ba.Rate.Mul(a).Cmp(decimal.New(1, 0)) <= 0; ba.Economical != want || !ba.Cost.Equal(ba.Rate.Mul(a)) {
			t.Fatalf("CompareUpgrade(%v, %v): cost %v, economical %v", class, a, ba.Cost, ba.Economical)
		}
		mid := decimal.New(rapid.Int64Range(250, 300).Draw(t, "headline"), -2)
		if m, _ := sa.CompareUpgrade(class, mid); !m.Economical {
			t.Fatalf("%v years does not favour SA for %v", mid, class)
		}
	})
}

// The classes read and print by their canonical names (GEN-18).
func TestClassNames(t *testing.T) {
	for s, want := range map[string]sa.Class{"server": sa.ServerProducts, "desktop": sa.DesktopProducts, "Desktop and Systems Products": sa.DesktopProducts, " servers ": sa.ServerProducts} {
		if got, err := sa.ParseClass(s); err != nil || got != want {
			t.Errorf("ParseClass(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if _, err := sa.ParseClass("laptops"); !errors.Is(err, sa.ErrInvalidClass) {
		t.Errorf("ParseClass(laptops): err = %v", err)
	}
	if got := sa.Class(0).String(); got != "Class(0)" {
		t.Errorf("zero Class = %q", got)
	}
	if got := sa.DesktopProducts.String(); got != "desktop" {
		t.Errorf("DesktopProducts = %q", got)
	}
}
