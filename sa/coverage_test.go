package sa_test

import (
	"testing"

	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// SP-39, OL-13, WS-11, INV-28: coverage that ends with a term counts its
// months to the day after the end, a part month in full.
func TestMonths(t *testing.T) {
	tests := []struct {
		start, end string
		months     int
	}{
		{"2020-04-01", "2022-06-30", 27}, // WS-15
		{"2020-06-30", "2022-06-30", 25}, // WS-15: 24 months and a day
		{"2020-07-01", "2023-06-30", 36}, // WS-15: an order in the anniversary month
		{"2020-07-31", "2023-06-30", 36},
		{"2006-07-15", "2007-03-14", 8},  // WS-11: 243 days
		{"2005-03-15", "2007-03-14", 24}, // WS-11: the full two years
		{"2021-01-01", "2021-01-01", 1},  // one day of coverage is one month
		{"2021-01-31", "2021-02-27", 1},  // AddMonths clamps: a month from Jan 31 ends Feb 27
		{"2021-01-31", "2021-02-28", 2},  // and a day more starts another
		{"2021-01-02", "2021-01-01", 0},  // ends before it starts
		{"2021-03-01", "2020-03-01", 0},
		{"0001-01-01", "0001-01-01", 1}, // LIB-09: the first day of the calendar
		{"9999-12-31", "9999-12-31", 1}, // and the last, whose next day no Date holds
		{"9999-12-01", "9999-12-31", 1},
		{"9999-01-15", "9999-12-31", 12},
		{"9998-01-31", "9999-12-31", 24},
		{"9997-01-01", "9999-12-31", 36},
	}
	for _, tt := range tests {
		if got := sa.Months(date(tt.start), date(tt.end)); got != tt.months {
			t.Errorf("Months(%s, %s) = %d, want %d", tt.start, tt.end, got, tt.months)
		}
	}
	c := sa.Coverage{Start: date("2020-04-01"), End: date("2022-06-30"), Months: 27}
	if got := c.String(); got != "2020-04-01..2022-06-30 (27 months)" {
		t.Errorf("String() = %q", got)
	}
}

// Months against a naive model: the fewest months from start that reach
// the day after end; monotone in the end.
func TestMonthsAgainstModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := dateGen.Draw(t, "start")
		end := start.AddDays(rapid.IntRange(-40, 1200).Draw(t, "days"))
		got := sa.Months(start, end)
		want := 0
		if after := end.AddDays(1); after.After(start) {
			for start.AddMonths(want).Before(after) {
				want++
			}
		}
		if got != want {
			t.Fatalf("Months(%v, %v) = %d, model %d", start, end, got, want)
		}
		if later := sa.Months(start, end.AddDays(1)); later < got {
			t.Fatalf("Months(%v, %v) = %d < Months to the day before = %d", start, end.AddDays(1), later, got)
		}
		// Whole months from a day are exactly that many months.
		n := rapid.IntRange(1, 36).Draw(t, "whole")
		if m := sa.Months(start, start.AddMonths(n).AddDays(-1)); m != n {
			t.Fatalf("Months(%v, %v) = %d, want %d", start, start.AddMonths(n).AddDays(-1), m, n)
		}
	})
}
