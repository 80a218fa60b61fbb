package licensing_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

var proPlus = licensing.Product{Program: licensing.SelectPlus, Name: "Office Professional Plus",
	Kind: licensing.KindApplication, Pool: licensing.Applications, Points: licensing.WholePoints(2)}

func TestOrderValidate(t *testing.T) {
	date := licensing.MustParseDate("2020-04-01")
	line := licensing.Line{Product: proPlus, Offering: licensing.LicenseSA, Quantity: 10, SAMonths: 27}
	tests := []struct {
		name     string
		mutate   func(*licensing.Order)
		line     int
		field    string
		sentinel error
	}{
		{"valid", func(*licensing.Order) {}, 0, "", nil},
		{"no ID", func(o *licensing.Order) { o.ID = " " }, 0, "id", licensing.ErrInvalidOrder},
		{"no date", func(o *licensing.Order) { o.Date = licensing.Date{} }, 0, "date", licensing.ErrInvalidOrder},
		{"no lines", func(o *licensing.Order) { o.Lines = nil }, 0, "lines", licensing.ErrInvalidOrder},
		{"zero quantity (GEN-05)", func(o *licensing.Order) { o.Lines[1].Quantity = 0 }, 2, "quantity", licensing.ErrInvalidQuantity},
		{"negative quantity (GEN-05)", func(o *licensing.Order) { o.Lines[1].Quantity = -3 }, 2, "quantity", licensing.ErrInvalidQuantity},
		{"huge quantity (LIB-03)", func(o *licensing.Order) { o.Lines[0].Quantity = licensing.MaxQuantity + 1 }, 1, "quantity", licensing.ErrInvalidQuantity},
		{"no offering", func(o *licensing.Order) { o.Lines[1].Offering = 0 }, 2, "offering", licensing.ErrInvalidOffering},
		{"SA months on a license", func(o *licensing.Order) { o.Lines[1].Offering = licensing.License }, 2, "saMonths", licensing.ErrInvalidOrder},
		{"37 SA months (SA-09)", func(o *licensing.Order) { o.Lines[0].SAMonths = 37 }, 1, "saMonths", licensing.ErrInvalidOrder},
		{"bad product", func(o *licensing.Order) { o.Lines[1].Product.Kind = 0 }, 2, "product.kind", licensing.ErrInvalidKind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := licensing.Order{ID: "O-1", Date: date, Affiliate: "Contoso", Lines: []licensing.Line{line, line}}
			tt.mutate(&o)
			err := o.Validate()
			if tt.sentinel == nil {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var fe *licensing.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, tt.sentinel) || fe.Line != tt.line || fe.Field != tt.field || fe.Order != "O-1" && tt.field != "id" {
				t.Fatalf("Validate = %v; want line %d field %q wrapping %v", err, tt.line, tt.field, tt.sentinel)
			}
			// Bad input is one family: every error wraps ErrInvalidOrder,
			// and says "licensing:" once.
			if !errors.Is(err, licensing.ErrInvalidOrder) || strings.Count(err.Error(), "licensing:") != 1 {
				t.Fatalf("Validate = %v; want one licensing: prefix, wrapping ErrInvalidOrder", err)
			}
		})
	}
}

// WS-15: 10 units of L&SA ordered for 27 months of coverage earn
// 10 × (2 + 9/4) = 42.5 points.
func TestLinePointsWS15(t *testing.T) {
	l := licensing.Line{Product: proPlus, Offering: licensing.LicenseSA, Quantity: 10, SAMonths: 27}
	lp, err := l.Points()
	if err != nil {
		t.Fatal(err)
	}
	if lp.Total != licensing.MustParsePoints("42.5") || lp.License != licensing.WholePoints(20) || lp.SA != licensing.MustParsePoints("22.5") {
		t.Fatalf("Points() = %+v, want 20 + 22.5 = 42.5", lp)
	}
	if lp.Why().Rule != "SA-20" {
		t.Fatalf("explained by %s, want SA-20", lp.Why().Rule)
	}
	// SA-03: Office Professional Plus L&SA for 36 months is 5 points a unit.
	l.Quantity, l.SAMonths = 1, 36
	if lp, _ := l.Points(); lp.Total != licensing.WholePoints(5) {
		t.Fatalf("36-month L&SA = %v, want 5", lp.Total)
	}
	l.SAMonths = 25
	if lp, _ := l.Points(); lp.SA != licensing.MustParsePoints("25/12") {
		t.Fatalf("25-month SA = %v, want 25/12", lp.SA)
	}
}

// GEN-05, SA-01, SA-20 against a naive model; INV-04: L&SA earns more than
// the license alone.
func TestLinePointsModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := proPlus
		p.Points = licensePointsGen.Draw(t, "licensePoints")
		o := rapid.SampledFrom([]licensing.Offering{licensing.License, licensing.LicenseSA, licensing.SAOnly, licensing.Subscription}).Draw(t, "offering")
		q := rapid.Int64Range(1, licensing.MaxQuantity).Draw(t, "quantity")
		m := 0
		if o.HasSA() {
			m = rapid.IntRange(0, licensing.MaxSAMonths).Draw(t, "saMonths")
		}
		lp, err := licensing.Line{Product: p, Offering: o, Quantity: q, SAMonths: m}.Points()
		if o.HasSA() && m == 0 {
			// SA with no months is the caller's to give, never 0 points.
			if fe := (*licensing.FieldError)(nil); !errors.As(err, &fe) || fe.Field != "saMonths" || !errors.Is(err, licensing.ErrInvalidOrder) {
				t.Fatalf("%v with no SA months: %+v, %v", o, lp, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		want := new(big.Rat)
		l := rat(p.Points)
		if o != licensing.SAOnly {
			want.Add(want, new(big.Rat).Mul(l, big.NewRat(q, 1)))
		}
		if o.HasSA() {
			want.Add(want, new(big.Rat).Mul(l, big.NewRat(q*int64(m), 24)))
		}
		if rat(lp.Total).Cmp(want) != 0 || lp.License.Add(lp.SA) != lp.Total {
			t.Fatalf("Points = %+v, model %v", lp, want)
		}
		if license, sa, total, err := (licensing.Line{Product: p, Offering: o, Quantity: q, SAMonths: m}).Count(); err != nil ||
			rat(total).Cmp(want) != 0 || license.Add(sa) != total {
			t.Fatalf("Count = %v + %v = %v, %v; model %v", license, sa, total, err, want)
		}
		if o == licensing.LicenseSA && m > 0 && p.Points.Sign() > 0 && !(lp.Total.Cmp(lp.License) > 0) {
			t.Fatalf("L&SA %v does not exceed its license %v", lp.Total, lp.License)
		}
	})
}

// Count gives Points' figures and Points' error, whatever the line: valid,
// malformed, overflowing, a step-up, SA without months.
func TestCountIsPoints(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := proPlus
		p.Points = rapid.OneOf(licensePointsGen, rapid.Just(licensing.MustParsePoints("0.25")), rapid.Just(licensing.WholePoints(-1))).Draw(t, "licensePoints")
		p.Name = rapid.SampledFrom([]string{p.Name, ""}).Draw(t, "name")
		ln := licensing.Line{Product: p,
			Offering: licensing.Offering(rapid.IntRange(0, int(licensing.StepUp)+1).Draw(t, "offering")),
			Quantity: rapid.OneOf(rapid.Int64Range(-1, 50), rapid.Int64Range(1, licensing.MaxQuantity), rapid.Just(int64(math.MaxInt64))).Draw(t, "quantity"),
			SAMonths: rapid.IntRange(-1, licensing.MaxSAMonths+1).Draw(t, "saMonths")}
		lp, perr := ln.Points()
		license, sa, total, cerr := ln.Count()
		if fmt.Sprint(perr) != fmt.Sprint(cerr) {
			t.Fatalf("Points: %v; Count: %v", perr, cerr)
		}
		if license != lp.License || sa != lp.SA || total != lp.Total {
			t.Fatalf("Count = %v, %v, %v; Points = %+v", license, sa, total, lp)
		}
	})
}

func TestStepUpHasNoPoints(t *testing.T) {
	_, err := licensing.Line{Product: proPlus, Offering: licensing.StepUp, Quantity: 1}.Points()
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNoPointRule) || rule != "LIB-02" {
		t.Fatalf("step-up points: err = %v, want LIB-02 ErrNoPointRule", err)
	}
}

// Locate positions a field error and leaves every other error alone.
func TestLocate(t *testing.T) {
	fe := &licensing.FieldError{Order: "O1", Line: 2, Field: "quantity", Err: licensing.ErrInvalidQuantity}
	var got *licensing.FieldError
	if err := licensing.Locate(fmt.Errorf("wrapped: %w", fe), "", 7); !errors.As(err, &got) || got.Order != "O1" || got.Line != 7 || fe.Line != 2 {
		t.Fatalf("Locate(line 7) = %v", err)
	}
	if err := licensing.Locate(fe, "O9", 0); !errors.As(err, &got) || got.Order != "O9" || got.Line != 2 || !errors.Is(err, licensing.ErrInvalidQuantity) {
		t.Fatalf("Locate(order O9) = %v", err)
	}
	if other := errors.New("x"); licensing.Locate(other, "O1", 1) != other {
		t.Fatal("Locate changed an error that is no field error")
	}
}
