package selectplus_test

import (
	"errors"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"github.com/vlrules/vlrules/selectplus"
	"pgregory.net/rapid"
)

// SP-15 boundaries, both sides of each threshold.
func TestLevelForBoundaries(t *testing.T) {
	th := selectplus.DefaultRules().Thresholds
	for _, tt := range []struct {
		points string
		want   licensing.Level
	}{{"0", 0}, {"499", 0}, {"499 23/24", 0}, {"500", licensing.LevelA}, {"3999", licensing.LevelA}, {"4000", licensing.LevelB},
		{"9999", licensing.LevelB}, {"10000", licensing.LevelC}, {"24999", licensing.LevelC}, {"25000", licensing.LevelD}, {"1000000", licensing.LevelD}} {
		if got := th.LevelFor(licensing.MustParsePoints(tt.points)); got != tt.want {
			t.Errorf("LevelFor(%s) = %v, want %v", tt.points, got, tt.want)
		}
	}
}

// INV-08: LevelFor is monotone, and exact at each threshold.
func TestLevelForMonotone(t *testing.T) {
	th := selectplus.DefaultRules().Thresholds
	rapid.Check(t, func(t *rapid.T) {
		a := licensing.PointsFromUnits(rapid.Int64Range(0, 2_000_000).Draw(t, "a"))
		b := a.Add(licensing.PointsFromUnits(rapid.Int64Range(0, 2_000_000).Draw(t, "more")))
		if th.LevelFor(a) > th.LevelFor(b) {
			t.Fatalf("LevelFor(%v) = %v > LevelFor(%v) = %v", a, th.LevelFor(a), b, th.LevelFor(b))
		}
		row := rapid.SampledFrom(th).Draw(t, "threshold")
		if th.LevelFor(row.Points) != row.Level || th.LevelFor(row.Points.Sub(licensing.PointsFromUnits(1))) >= row.Level {
			t.Fatalf("threshold %v at %v is not exact", row.Level, row.Points)
		}
	})
}

// Table invariants: the default thresholds increase strictly, and a broken
// table is refused.
func TestRulesValidate(t *testing.T) {
	if err := selectplus.DefaultRules().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := selectplus.DefaultRules()
	bad.Thresholds[1], bad.Thresholds[2] = bad.Thresholds[2], bad.Thresholds[1]
	if err := bad.Validate(); !errors.Is(err, licensing.ErrInvalidRules) {
		t.Errorf("thresholds out of order: %v", err)
	}
	bad = selectplus.DefaultRules()
	bad.HoldReactivation = 0
	if _, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: date("2020-01-01"),
		Lead: selectplus.Affiliate{ID: "HQ", Anniversary: date("2020-01-01")}}, bad); err == nil {
		t.Error("a ledger opened with broken rules")
	}
	// The zero granularity bills by month, as in rules saved before it existed.
	monthly := selectplus.DefaultRules()
	monthly.SAGranularity = 0
	if err := monthly.Validate(); err != nil {
		t.Errorf("zero SA granularity: %v", err)
	}
	monthly.SAGranularity = 9
	if err := monthly.Validate(); !errors.Is(err, sa.ErrInvalidGranularity) {
		t.Errorf("granularity 9: %v", err)
	}
}

// INV-22: a new commercial agreement outside the exempt regions always
// fails with SP-01; academic and government always pass the retirement.
func TestRetirementProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		region := licensing.Region(rapid.SampledFrom([]string{"NorthAmerica", "EMEA", "LatinAmerica", "AsiaPacific", "Nordics"}).Draw(t, "region"))
		segment := rapid.SampledFrom([]licensing.Segment{licensing.Commercial, licensing.Academic, licensing.Government}).Draw(t, "segment")
		a := selectplus.Agreement{Segment: segment, Region: region, Effective: date("2019-03-01"), MBSA: date("2019-01-01"),
			Lead: selectplus.Affiliate{ID: "HQ", Anniversary: date("2019-03-01")}}
		_, err := selectplus.New(a, selectplus.DefaultRules())
		rule, _ := licensing.RuleOf(err)
		if (segment == licensing.Commercial) != (errors.Is(err, selectplus.ErrRetired) && rule == "SP-01") {
			t.Fatalf("New(%v in %v) = %v", segment, region, err)
		}
	})
}
