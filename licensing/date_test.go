package licensing_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// dateGen draws a date between 1900 and 2200, leap days included.
var dateGen = rapid.Custom(func(t *rapid.T) licensing.Date {
	y := rapid.IntRange(1900, 2200).Draw(t, "year")
	m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
	d := rapid.IntRange(1, daysIn(y, m)).Draw(t, "day")
	return licensing.MustDate(y, m, d)
})

// The naive model: the standard library's calendar, in UTC.
func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func toTime(d licensing.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

func modelAddMonths(d licensing.Date, n int) licensing.Date {
	first := time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return licensing.MustDate(first.Year(), first.Month(), min(d.Day(), daysIn(first.Year(), first.Month())))
}

func TestDateClamping(t *testing.T) {
	d := licensing.MustParseDate
	tests := []struct {
		name string
		got  licensing.Date
		want licensing.Date
	}{
		{"Jan 31 + 1 month, leap year", d("2024-01-31").AddMonths(1), d("2024-02-29")},
		{"Jan 31 + 1 month", d("2023-01-31").AddMonths(1), d("2023-02-28")},
		{"Mar 31 − 1 month", d("2023-03-31").AddMonths(-1), d("2023-02-28")},
		{"Aug 31 + 1 month", d("2023-08-31").AddMonths(1), d("2023-09-30")},
		{"Feb 29 + 1 year (GEN-15)", d("2020-02-29").AddYears(1), d("2021-02-28")},
		{"Feb 29 + 4 years", d("2020-02-29").AddYears(4), d("2024-02-29")},
		{"Dec 15 + 1 month", d("2021-12-15").AddMonths(1), d("2022-01-15")},
		{"anniversary from the anchor", d("2020-02-29").Anniversary(4), d("2024-02-29")},
		{"chaining would drift", d("2020-02-29").AddYears(1).AddYears(3), d("2024-02-28")},
		{"saturates at the top", d("9999-12-01").AddMonths(1), d("9999-12-31")},
		{"saturates at the bottom", d("0001-01-05").AddDays(-10), d("0001-01-01")},
		{"within 30 days is day 30 (GEN-14)", d("2022-05-10").AddDays(30), d("2022-06-09")},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestDateAgainstModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := dateGen.Draw(t, "date")
		n := rapid.IntRange(-5000, 5000).Draw(t, "days")
		want := toTime(d).AddDate(0, 0, n)
		if got := d.AddDays(n); toTime(got) != want {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", d, n, got, want.Format(time.DateOnly))
		}
		if got := d.DaysUntil(d.AddDays(n)); got != n {
			t.Fatalf("%v.DaysUntil(+%d days) = %d", d, n, got)
		}
		m := rapid.IntRange(-200, 200).Draw(t, "months")
		if got, want := d.AddMonths(m), modelAddMonths(d, m); got != want {
			t.Fatalf("%v.AddMonths(%d) = %v, want %v", d, m, got, want)
		}
		e := dateGen.Draw(t, "other")
		if got, want := d.Compare(e), toTime(d).Compare(toTime(e)); got != want {
			t.Fatalf("%v.Compare(%v) = %d, want %d", d, e, got, want)
		}
	})
}

// GEN-15: anniversaries computed from the anchor keep its day and month, or
// clamp Feb 29 to Feb 28.
func TestAnniversaryKeepsDayAndMonth(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		anchor := dateGen.Draw(t, "anchor")
		k := rapid.IntRange(0, 60).Draw(t, "k")
		a := anchor.Anniversary(k)
		if a.Year() != anchor.Year()+k || a.Month() != anchor.Month() {
			t.Fatalf("%v.Anniversary(%d) = %v", anchor, k, a)
		}
		clamped := anchor.Month() == time.February && anchor.Day() == 29 && daysIn(a.Year(), time.February) == 28
		if a.Day() != anchor.Day() && !(clamped && a.Day() == 28) {
			t.Fatalf("%v.Anniversary(%d) = %v: day neither kept nor clamped", anchor, k, a)
		}
	})
}

// Month counting is consistent with AddMonths: n = d.MonthsUntil(e) is the
// largest n with d.AddMonths(n) ≤ e.
func TestMonthsUntilMatchesAddMonths(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := dateGen.Draw(t, "from")
		e := dateGen.Draw(t, "to")
		n := d.MonthsUntil(e)
		if d.AddMonths(n).After(e) || !d.AddMonths(n+1).After(e) {
			t.Fatalf("%v.MonthsUntil(%v) = %d: AddMonths(%d) = %v, AddMonths(%d) = %v",
				d, e, n, n, d.AddMonths(n), n+1, d.AddMonths(n+1))
		}
		k := rapid.IntRange(0, 400).Draw(t, "k")
		if got := d.MonthsUntil(d.AddMonths(k)); got != k {
			t.Fatalf("%v.MonthsUntil(+%d months) = %d", d, k, got)
		}
	})
}

func TestMonthsUntilTable(t *testing.T) {
	d := licensing.MustParseDate
	tests := []struct {
		from, to licensing.Date
		want     int
	}{
		{d("2023-01-31"), d("2023-02-28"), 1},
		{d("2023-01-15"), d("2023-02-14"), 0},
		{d("2023-01-15"), d("2023-02-15"), 1},
		{d("2020-07-01"), d("2023-07-01"), 36},
		{d("2020-07-01"), d("2023-06-30"), 35},
		{d("2023-02-15"), d("2023-01-15"), -1},
	}
	for _, tt := range tests {
		if got := tt.from.MonthsUntil(tt.to); got != tt.want {
			t.Errorf("%v.MonthsUntil(%v) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

// GEN-15: agreement year k runs from the (k−1)-th anniversary to the day
// before the k-th; an anniversary belongs to the year it opens.
func TestYearOf(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := dateGen.Draw(t, "start")
		k := rapid.IntRange(1, 20).Draw(t, "k")
		a := start.Anniversary(k)
		if got := licensing.YearOf(start, a); got != k+1 {
			t.Fatalf("YearOf(%v, anniversary %d = %v) = %d, want %d", start, k, a, got, k+1)
		}
		if got := licensing.YearOf(start, a.AddDays(-1)); got != k {
			t.Fatalf("YearOf(%v, %v) = %d, want %d", start, a.AddDays(-1), got, k)
		}
		if got := licensing.YearOf(start, start.AddDays(-1)); got != 0 {
			t.Fatalf("YearOf before the start = %d, want 0", got)
		}
	})
}

func TestDateText(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := dateGen.Draw(t, "date")
		if got := d.String(); got != toTime(d).Format(time.DateOnly) {
			t.Fatalf("String() = %q, want %q", got, toTime(d).Format(time.DateOnly))
		}
		text, _ := d.MarshalText()
		var back licensing.Date
		if err := back.UnmarshalText(text); err != nil || back != d {
			t.Fatalf("UnmarshalText(%q) = %v, %v", text, back, err)
		}
	})
	var zero licensing.Date
	if text, _ := zero.MarshalText(); len(text) != 0 || !zero.IsZero() || zero.IsValid() {
		t.Fatalf("zero Date marshals to %q", text)
	}
	for _, s := range []string{"2021-02-29", "2021-13-01", "2021-1-1", "20210101", "2021-01-01T00:00", " 2021-01-01", "0000-01-01", "abcd-ef-gh"} {
		if _, err := licensing.ParseDate(s); !errors.Is(err, licensing.ErrInvalidDate) {
			t.Errorf("ParseDate(%q): err = %v, want ErrInvalidDate", s, err)
		}
	}
}

// A date parsed is valid and prints as the text it was read from.
func FuzzParseDate(f *testing.F) {
	seeds := []string{"2020-07-01", "2024-02-29", "2021-02-29", "9999-12-31", "0001-01-01", "2021-1-1"}
	fuzzParse(f, seeds, licensing.ParseDate, licensing.ErrInvalidDate, func(t *testing.T, s string, d licensing.Date, err error) {
		if err == nil && (d.String() != s || !d.IsValid()) {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
	})
}

// LIB-09: a term ends the day before its anniversary, or is refused when
// that day is past the calendar; never shortened.
func TestTermEnd(t *testing.T) {
	for _, tt := range []struct {
		start string
		years int
		want  string
		err   error
	}{
		{"2005-03-15", 2, "2007-03-14", nil},
		{"2020-02-29", 2, "2022-02-27", nil},
		{"2021-05-10", 3, "2024-05-09", nil},
		{"0001-01-01", 2, "0002-12-31", nil},
		{"9997-01-01", 3, "9999-12-31", nil},
		{"9997-01-02", 3, "", licensing.ErrOverflow},
		{"9999-12-31", 1, "", licensing.ErrOverflow},
		{"2020-01-01", -1, "", licensing.ErrInvalidOrder},
		{"2020-01-01", 0, "", licensing.ErrInvalidOrder},
		{"2020-01-01", math.MaxInt, "", licensing.ErrOverflow},
		{"0000-00-00", 1, "", licensing.ErrInvalidOrder},
	} {
		d, _ := licensing.ParseDate(tt.start)
		got, err := d.TermEnd(tt.years)
		if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) || tt.want != "" && got != licensing.MustParseDate(tt.want) {
			t.Errorf("%s.TermEnd(%d) = %v, %v; want %s, %v", tt.start, tt.years, got, err, tt.want, tt.err)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		d := licensing.MustParseDate("0001-01-01").AddDays(rapid.IntRange(0, 3652058).Draw(t, "days"))
		n := rapid.IntRange(1, 5).Draw(t, "years")
		end, err := d.TermEnd(n)
		// The term's anniversary, if the calendar holds it; a term from a
		// New Year's Day ends on a New Year's Eve even when it does not.
		_, inCalendar := licensing.NewDate(d.Year()+n, d.Month(), 1)
		fromNewYear := d.Month() == time.January && d.Day() == 1
		switch {
		case inCalendar == nil:
			anniv := d.AddYears(n)
			if err != nil || end.AddDays(1) != anniv {
				t.Fatalf("%v.TermEnd(%d) = %v, %v; want the day before %v", d, n, end, err, anniv)
			}
		case fromNewYear && d.Year()+n == licensing.MaxYear+1:
			if err != nil || end != licensing.MustParseDate("9999-12-31") {
				t.Fatalf("%v.TermEnd(%d) = %v, %v; want 9999-12-31", d, n, end, err)
			}
		default:
			if !errors.Is(err, licensing.ErrOverflow) {
				t.Fatalf("%v.TermEnd(%d) = %v, %v; want ErrOverflow", d, n, end, err)
			}
		}
	})
}

// LIB-09: a period of n months ends the day before the next one starts, as
// time.Time's calendar (which runs past 9999) computes it with the day
// clamped to the month's end; a period that would end after 9999-12-31 is
// refused, never cut short at the calendar's end.
func TestPeriodEnd(t *testing.T) {
	for _, tt := range []struct {
		start  string
		months int
		want   string
		err    error
	}{
		{"2024-01-31", 1, "2024-02-28", nil},
		{"2020-03-15", 12, "2021-03-14", nil},
		{"9998-01-01", 24, "9999-12-31", nil},
		{"9999-12-01", 1, "9999-12-31", nil},
		{"9999-12-31", 1, "", licensing.ErrOverflow},
		{"9998-01-02", 24, "", licensing.ErrOverflow},
		{"9999-06-01", 12, "", licensing.ErrOverflow},
		{"2020-01-01", math.MaxInt, "", licensing.ErrOverflow},
		{"2020-01-01", 0, "", licensing.ErrInvalidOrder},
		{"0000-00-00", 1, "", licensing.ErrInvalidOrder},
	} {
		d, _ := licensing.ParseDate(tt.start)
		got, err := d.PeriodEnd(tt.months)
		if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) || tt.want != "" && got != licensing.MustParseDate(tt.want) {
			t.Errorf("%s.PeriodEnd(%d) = %v, %v; want %s, %v", tt.start, tt.months, got, err, tt.want, tt.err)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		d := licensing.MustParseDate("0001-01-01").AddDays(rapid.IntRange(0, 3652058).Draw(t, "days"))
		if rapid.Bool().Draw(t, "nearEnd") {
			d = licensing.MustParseDate("9999-12-31").AddDays(-rapid.IntRange(0, 2000).Draw(t, "back"))
		}
		n := rapid.IntRange(1, 200).Draw(t, "months")
		end, err := d.PeriodEnd(n)
		// The model: the same day n months on, clamped to that month's
		// last day, less a day.
		first := time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1).Day()
		next := first.AddDate(0, 0, min(d.Day(), last)-1)
		want := next.AddDate(0, 0, -1)
		if want.Year() > licensing.MaxYear {
			if !errors.Is(err, licensing.ErrOverflow) {
				t.Fatalf("%v.PeriodEnd(%d) = %v, %v; want ErrOverflow", d, n, end, err)
			}
			return
		}
		if err != nil || end != licensing.DateOf(want) {
			t.Fatalf("%v.PeriodEnd(%d) = %v, %v; want %v", d, n, end, err, want.Format(time.DateOnly))
		}
	})
}

// LIB-09: every day of the calendar but the last has a day after it, one
// day later; the last, and a date that is none, have none.
func TestDayAfter(t *testing.T) {
	for _, tt := range []struct {
		d, want string
		ok      bool
	}{
		{"2020-02-28", "2020-02-29", true},
		{"2020-12-31", "2021-01-01", true},
		{"9999-12-30", "9999-12-31", true},
		{"9999-12-31", "", false},
		{"0000-00-00", "", false},
	} {
		d, _ := licensing.ParseDate(tt.d)
		got, ok := d.DayAfter()
		if ok != tt.ok || tt.ok && got != licensing.MustParseDate(tt.want) {
			t.Errorf("%s.DayAfter() = %v, %v; want %s, %v", tt.d, got, ok, tt.want, tt.ok)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		d := licensing.MustParseDate("0001-01-01").AddDays(rapid.IntRange(0, 3652058).Draw(t, "days"))
		next, ok := d.DayAfter()
		if last := d == licensing.MustParseDate("9999-12-31"); ok == last || ok && (d.DaysUntil(next) != 1 || !next.IsValid()) {
			t.Fatalf("%v.DayAfter() = %v, %v", d, next, ok)
		}
	})
}

// Day, month and year arithmetic saturates at the ends of the calendar for
// any n, never wraps.
func TestDateArithmeticSaturates(t *testing.T) {
	first, last := licensing.MustParseDate("0001-01-01"), licensing.MustParseDate("9999-12-31")
	rapid.Check(t, func(t *rapid.T) {
		d := first.AddDays(rapid.IntRange(0, 3652058).Draw(t, "days"))
		n := rapid.OneOf(rapid.Int(), rapid.SampledFrom([]int{math.MaxInt, math.MinInt, math.MaxInt / 12, math.MinInt/12 - 1})).Draw(t, "n")
		for name, got := range map[string]licensing.Date{"AddDays": d.AddDays(n), "AddMonths": d.AddMonths(n), "AddYears": d.AddYears(n)} {
			if !got.IsValid() || n > 0 && got.Before(d) || n < 0 && got.After(d) {
				t.Fatalf("%v.%s(%d) = %v", d, name, n, got)
			}
			if big := n > 4_000_000 || n < -4_000_000; big && got != last && got != first {
				t.Fatalf("%v.%s(%d) = %v, want an end of the calendar", d, name, n, got)
			}
		}
	})
}
