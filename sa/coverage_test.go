package sa_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

var date = licensing.MustParseDate

// WS-15 (SP-39, SA-01, SA-03, SA-12): affiliate anniversary in July, Office
// Professional Plus L&SA (2 points), annual SA 29.00 a unit.
func TestWS15ThirdAnniversary(t *testing.T) {
	tests := []struct {
		order  string
		end    string
		months int
		points string
		price  string
	}{
		{"2020-07-01", "2023-06-30", 36, "3", "87.00"},
		{"2020-07-31", "2023-06-30", 36, "3", "87.00"},
		{"2020-06-30", "2022-06-30", 25, "25/12", "60.42"},
		{"2020-04-01", "2022-06-30", 27, "9/4", "65.25"},
	}
	row := sa.ModelsFor(licensing.SelectPlus)[0]
	for _, tt := range tests {
		t.Run(tt.order, func(t *testing.T) {
			c, e, err := row.Cover(sa.Request{Order: date(tt.order), AffiliateAnniversary: date("2018-07-01")})
			if err != nil {
				t.Fatal(err)
			}
			if c.End != date(tt.end) || c.Months != tt.months || c.Start != date(tt.order) || e.Rule != "SP-39" {
				t.Fatalf("Cover = %v by %s, want to %s, %d months, by SP-39", c, e.Rule, tt.end, tt.months)
			}
			pts, err := sa.Points(licensing.WholePoints(2), c.Months)
			if err != nil || pts != licensing.MustParsePoints(tt.points) {
				t.Fatalf("SA points = %v, %v; want %s", pts, err, tt.points)
			}
			price, _, err := row.Price(decimal.RequireFromString("29.00"), c)
			if err != nil || price.StringFixed(2) != tt.price {
				t.Fatalf("price = %v, %v; want %s", price, err, tt.price)
			}
		})
	}
	// 10 units ordered 2020-04-01 earn 10 × (2 + 9/4) = 42.5 points.
	p, _ := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, "Office Professional Plus")
	lp, err := licensing.Line{Product: p, Offering: licensing.LicenseSA, Quantity: 10, SAMonths: 27}.Points()
	if err != nil || lp.Total != licensing.MustParsePoints("42.5") {
		t.Fatalf("10 units of L&SA = %v, %v; want 42.5", lp.Total, err)
	}
}

// modelThirdAnniversary is the naive model of SP-39: walk month by month
// from the order's month and stop at the third 1st of the anniversary month
// after it.
func modelThirdAnniversary(o licensing.Date, ma time.Month) (licensing.Date, int) {
	d := o.FirstOfMonth()
	seen, months := 0, 0
	for seen < 3 {
		d = d.AddMonths(1)
		months++
		if d.Month() == ma {
			seen++
		}
	}
	return d.AddDays(-1), months
}

// INV-23, INV-24: 25 to 36 months for every date and month, 36 exactly in
// the anniversary month, ending the last day of the month before it; two
// orders in one affiliate year end together.
func TestThirdAnniversaryProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := dateGen.Draw(t, "order")
		ma := monthGen.Draw(t, "ma")
		c := sa.ThirdAnniversary(o, ma)
		end, months := modelThirdAnniversary(o, ma)
		if c.End != end || c.Months != months || c.Start != o {
			t.Fatalf("ThirdAnniversary(%v, %v) = %v, model %v (%d months)", o, ma, c, end, months)
		}
		if c.Months < 25 || c.Months > 36 || (c.Months == 36) != (o.Month() == ma) {
			t.Fatalf("ThirdAnniversary(%v, %v) = %d months", o, ma, c.Months)
		}
		if after := c.End.AddDays(1); after.Day() != 1 || after.Month() != ma {
			t.Fatalf("coverage ends %v, not the day before a 1st of %v", c.End, ma)
		}
		if c.Months != sa.Months(c.Start, c.End) {
			t.Fatalf("Months(%v, %v) = %d, coverage says %d", c.Start, c.End, sa.Months(c.Start, c.End), c.Months)
		}
		// Another order in the same affiliate year ends on the same day.
		a1 := sa.NextAffiliateAnniversary(o, ma)
		yearStart := a1.AddYears(-1)
		other := yearStart.AddDays(rapid.IntRange(0, yearStart.DaysUntil(a1)-1).Draw(t, "sameYearOffset"))
		if got := sa.ThirdAnniversary(other, ma).End; got != c.End {
			t.Fatalf("orders %v and %v in one affiliate year end %v and %v", o, other, c.End, got)
		}
	})
}

// Every model's coverage stays within its row's bounds.
func TestModelBounds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		row := rapid.SampledFrom(sa.Models()).Draw(t, "model")
		o := dateGen.Draw(t, "order")
		req := sa.Request{Order: o, AffiliateAnniversary: dateGen.Draw(t, "affiliate")}
		// Anchors that put the order inside the term.
		req.AuthorizationEnd = o.AddDays(rapid.IntRange(0, 800).Draw(t, "authDaysLeft"))
		req.AgreementStart = o.AddDays(-rapid.IntRange(0, 3*365).Draw(t, "agreementDaysGone"))
		if licensing.YearOf(req.AgreementStart, o) > 3 {
			req.AgreementStart = o
		}
		c, e, err := row.Cover(req)
		if err != nil {
			t.Fatalf("%v.Cover(%+v): %v", row.Model, req, err)
		}
		if c.Months < row.MinMonths || c.Months > row.MaxMonths || c.Start != o || c.End.Before(o) || e.Rule == "" {
			t.Fatalf("%v: %v (%s) outside %d..%d", row.Model, c, e, row.MinMonths, row.MaxMonths)
		}
	})
}

// WS-11 (OL-13, OL-14, OL-15, OL-27, SA-18): Open License SA costs the
// two-year price whatever remains of the authorization.
func TestWS11OpenLicenseSA(t *testing.T) {
	row := sa.ModelsFor(licensing.OpenLicense)[0]
	authEnd := date("2007-03-14")
	twoYear := decimal.RequireFromString("200.00") // annual 100: the two-year price S is 200
	tests := []struct {
		order  string
		months int
		days   int
		ratio  string
	}{
		{"2005-03-15", 24, 729, "1"},
		{"2006-07-15", 8, 242, "1/3"}, // "8 months, 242 days": consider a new Open License
	}
	for _, tt := range tests {
		c, _, err := row.Cover(sa.Request{Order: date(tt.order), AuthorizationEnd: authEnd})
		if err != nil {
			t.Fatal(err)
		}
		if c.End != authEnd || c.Months != tt.months || c.Start.DaysUntil(c.End) != tt.days {
			t.Errorf("%s: coverage %v (%d days), want to %v, %d months, %d days", tt.order, c, c.Start.DaysUntil(c.End), authEnd, tt.months, tt.days)
		}
		if got := row.ValueRatio(c).RatString(); got != tt.ratio {
			t.Errorf("%s: ValueRatio = %s, want %s", tt.order, got, tt.ratio)
		}
		price, e, err := row.Price(decimal.RequireFromString("100"), c)
		if err != nil || !price.Equal(twoYear) || e.Rule != "OL-14" {
			t.Errorf("%s: price %v (%v), want %v by OL-14", tt.order, price, e, twoYear)
		}
	}
	if _, _, err := row.Cover(sa.Request{Order: date("2007-03-15"), AuthorizationEnd: authEnd}); !errors.Is(err, licensing.ErrOutsideTerm) {
		t.Errorf("order after the authorization: err = %v", err)
	}
}

// SA-19: an Open Value item acquired in year y is covered 4 − y years, to
// the agreement's expiration.
func TestOpenValueCoverage(t *testing.T) {
	row := sa.ModelsFor(licensing.OpenValue)[0]
	start := date("2021-05-10")
	for _, tt := range []struct {
		order  string
		months int
	}{{"2021-08-01", 36}, {"2022-05-10", 24}, {"2022-09-01", 24}, {"2023-06-01", 12}, {"2024-05-09", 12}} {
		c, _, err := row.Cover(sa.Request{Order: date(tt.order), AgreementStart: start})
		if err != nil || c.Months != tt.months || c.End != date("2024-05-09") {
			t.Errorf("%s: %v, %v; want %d months to 2024-05-09", tt.order, c, err, tt.months)
		}
	}
	for _, o := range []string{"2021-05-09", "2024-05-10"} {
		if _, _, err := row.Cover(sa.Request{Order: date(o), AgreementStart: start}); !errors.Is(err, licensing.ErrOutsideTerm) {
			t.Errorf("%s: err = %v, want ErrOutsideTerm", o, err)
		}
	}
}

func TestCoverNeedsItsAnchor(t *testing.T) {
	for _, row := range sa.Models() {
		if row.Model == sa.ThirtySixMonths {
			continue
		}
		if _, _, err := row.Cover(sa.Request{Order: date("2020-01-01")}); !errors.Is(err, licensing.ErrInvalidOrder) {
			t.Errorf("%v without its anchor: err = %v", row.Model, err)
		}
	}
	if _, _, err := sa.ThirtySixMonths.Cover(sa.Request{}); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no order date: err = %v", err)
	}
}

// SA-01, SA-03, INV-03: SA points are linear in the months and 12 months is
// half the license.
func TestPoints(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := licensing.PointsFromUnits(24 * rapid.Int64Range(0, 200).Draw(t, "halfPoints"))
		m1 := rapid.IntRange(0, 36).Draw(t, "m1")
		m2 := rapid.IntRange(0, 36-m1).Draw(t, "m2")
		a, err1 := sa.Points(l, m1)
		b, err2 := sa.Points(l, m2)
		ab, err3 := sa.Points(l, m1+m2)
		year, err4 := sa.Points(l, 12)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			t.Fatal(err)
		}
		if a.Add(b) != ab || year.Add(year) != l {
			t.Fatalf("L=%v: %v + %v != %v, or 12 months %v is not half", l, a, b, ab, year)
		}
	})
	if _, err := sa.Points(licensing.WholePoints(2), 37); err == nil {
		t.Error("37 months accepted")
	}
	if _, err := sa.Points(licensing.MustParsePoints("1/3"), 1); !errors.Is(err, licensing.ErrInvalidPoints) {
		t.Errorf("third-point license: err = %v", err)
	}
}
