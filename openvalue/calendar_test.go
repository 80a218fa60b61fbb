package openvalue_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openvalue"
	"pgregory.net/rapid"
)

var rules = openvalue.DefaultRules()

// eventsOf returns the calendar as "date milestone k" strings.
func eventsOf(t testing.TB, a openvalue.Agreement) []string {
	t.Helper()
	evs, err := rules.Calendar(a)
	if err != nil {
		t.Fatalf("Calendar(%+v): %v", a, err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, fmt.Sprintf("%v %v %d %s", e.Date, e.Milestone, e.Anniversary, e.Rule))
	}
	return out
}

// WS-01 (OV-19, OV-22, OV-23, OV-24, OV-26, OV-28): the calendar of an
// Open Value agreement started on 2021-05-10.
func TestWS01(t *testing.T) {
	got := eventsOf(t, openvalue.Agreement{Option: openvalue.NonCompanywide, Date: date("2021-05-10")})
	want := []string{
		"2021-05-10 AgreementStart 0 OV-30",
		"2022-03-26 PreAnniversaryReminder 1 OV-19",
		"2022-05-10 Anniversary 1 OV-18",
		"2022-06-09 FollowUpReminder 1 OV-22",
		"2022-07-09 LastDayToOrder 1 OV-23",
		"2022-07-10 TerminatedIfNoOrder 1 OV-23",
		"2023-03-26 PreAnniversaryReminder 2 OV-19",
		"2023-05-10 Anniversary 2 OV-18",
		"2023-06-09 FollowUpReminder 2 OV-22",
		"2023-07-09 LastDayToOrder 2 OV-23",
		"2023-07-10 TerminatedIfNoOrder 2 OV-23",
		"2024-02-09 RenewalNotice 0 OV-24",
		"2024-05-09 Expiration 0 OV-25",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("WS-01 calendar:\n got %q\nwant %q", got, want)
	}
	term, _ := rules.Term(openvalue.Agreement{Option: openvalue.NonCompanywide, Date: date("2021-05-10")})
	for _, tt := range []struct {
		d    string
		want openvalue.Timeliness
	}{{"2022-05-09", openvalue.Open}, {"2022-05-10", openvalue.OnTime}, {"2022-06-09", openvalue.OnTime},
		{"2022-06-10", openvalue.Late}, {"2022-07-09", openvalue.Late}, {"2022-07-10", openvalue.Terminated}} {
		if got, _, err := rules.Timeliness(term, 1, date(tt.d)); got != tt.want || err != nil {
			t.Errorf("WS-01: an order for A1 on %s is %v (%v), want %v", tt.d, got, err, tt.want)
		}
	}
	renewed, prev, err := rules.Renewal(openvalue.Agreement{Option: openvalue.NonCompanywide, Date: date("2021-05-10")}, "V1234567")
	if err != nil || renewed.Date != date("2024-05-10") || prev.Expiration != date("2024-05-09") || prev.Number != "V1234567" {
		t.Errorf("WS-01 renewal: %+v %+v %v", renewed, prev, err)
	}
}

// WS-02 (OV-30, OV-31, OV-32, OV-28): an OVS agreement dated 2021-04-12.
func TestWS02(t *testing.T) {
	got := eventsOf(t, openvalue.Agreement{Option: openvalue.Subscription, Date: date("2021-04-12"), Region: licensing.EMEA})
	want := []string{
		"2021-04-12 AgreementStart 0 OV-30",
		"2021-05-01 EnrollmentStart 0 OV-31",
		"2022-03-17 PreAnniversaryReminder 1 OV-19",
		"2022-05-01 Anniversary 1 OV-18",
		"2022-05-31 FollowUpReminder 1 OV-22",
		"2022-06-30 LastDayToOrder 1 OV-23",
		"2022-07-01 TerminatedIfNoOrder 1 OV-23",
		"2023-03-17 PreAnniversaryReminder 2 OV-19",
		"2023-05-01 Anniversary 2 OV-18",
		"2023-05-31 FollowUpReminder 2 OV-22",
		"2023-06-30 LastDayToOrder 2 OV-23",
		"2023-07-01 TerminatedIfNoOrder 2 OV-23",
		"2024-01-31 RenewalNotice 0 OV-24",
		"2024-04-30 Expiration 0 OV-25",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("WS-02 calendar:\n got %q\nwant %q", got, want)
	}
	// OV-03: no OVS in North America.
	_, err := rules.Calendar(openvalue.Agreement{Option: openvalue.Subscription, Date: date("2021-04-12"), Region: licensing.NorthAmerica})
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "OV-03" {
		t.Errorf("OVS in North America: %v", err)
	}
}

// drawAgreement draws an agreement of any option dated in 1990–2090, with
// leap days and month ends drawn often.
func drawAgreement(t *rapid.T) openvalue.Agreement {
	o := rapid.SampledFrom(openvalue.Options()).Draw(t, "option")
	var d licensing.Date
	switch rapid.IntRange(0, 2).Draw(t, "kind") {
	case 0:
		d = date("1990-01-01").AddDays(rapid.IntRange(0, 36500).Draw(t, "days"))
	case 1: // a leap day
		y := 4 * rapid.IntRange(498, 522).Draw(t, "leapYear/4")
		d, _ = licensing.NewDate(y, 2, 29)
	default: // a month end
		d = date("1990-01-01").AddMonths(rapid.IntRange(0, 1200).Draw(t, "months")).LastOfMonth()
	}
	return openvalue.Agreement{Option: o, Date: d}
}

// INV-32 (OV-19, OV-22, OV-23): for every anniversary the reminder, the
// anniversary, the follow-up, the last day to order and the termination
// come in that order, and the calendar is sorted.
// INV-35 (OV-26, OV-27): the agreement years split the term.
func TestCalendarProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := drawAgreement(t)
		evs, err := rules.Calendar(a)
		if err != nil {
			t.Fatal(err)
		}
		at := map[[2]int]licensing.Date{}
		for i, e := range evs {
			if i > 0 && e.Date.Before(evs[i-1].Date) {
				t.Fatalf("calendar not sorted: %v after %v", e, evs[i-1])
			}
			at[[2]int{int(e.Milestone), e.Anniversary}] = e.Date
		}
		order := []openvalue.Milestone{openvalue.PreAnniversaryReminder, openvalue.Anniversary, openvalue.FollowUpReminder, openvalue.LastDayToOrder, openvalue.TerminatedIfNoOrder}
		for k := 1; k <= 2; k++ {
			for i := 1; i < len(order); i++ {
				x, y := at[[2]int{int(order[i-1]), k}], at[[2]int{int(order[i]), k}]
				if !x.Before(y) {
					t.Fatalf("anniversary %d: %v on %v, not before %v on %v", k, order[i-1], x, order[i], y)
				}
			}
		}
		term, err := rules.Term(a)
		if err != nil {
			t.Fatal(err)
		}
		end, _ := term.Expiration()
		if end != at[[2]int{int(openvalue.Expiration), 0}] || term.Start.AddYears(3).AddDays(-1) != end {
			t.Fatalf("expiration %v, calendar %v", end, at)
		}
		if a.Option != openvalue.Subscription && term.Start != a.Date {
			t.Fatalf("OV starts on its date: %+v", term)
		}
		// Every date of the term has one year, non-decreasing; the days
		// just outside have none.
		prev := 1
		for d := a.Date; !d.After(end); d = d.AddDays(rapid.IntRange(1, 40).Draw(t, "step")) {
			y, err := term.Year(d)
			if err != nil || y < prev || y > 3 {
				t.Fatalf("Year(%v) = %d, %v after %d", d, y, err, prev)
			}
			// The anniversaries by hand (GEN-15): start + k years,
			// Feb 29 falling on Feb 28.
			anniversary := func(k int) licensing.Date {
				y, m, day := term.Start.Year()+k, term.Start.Month(), term.Start.Day()
				if m == 2 && day == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
					day = 28
				}
				d, _ := licensing.NewDate(y, m, day)
				return d
			}
			a1, a2 := anniversary(1), anniversary(2)
			want := 1
			if !d.Before(a1) {
				want = 2
			}
			if !d.Before(a2) {
				want = 3
			}
			if y != want {
				t.Fatalf("Year(%v) = %d, want %d (A1 %v, A2 %v)", d, y, want, a1, a2)
			}
			prev = y
		}
		for _, d := range []licensing.Date{a.Date.AddDays(-1), end.AddDays(1)} {
			if _, err := term.Year(d); !errors.Is(err, licensing.ErrOutsideTerm) {
				t.Fatalf("Year(%v) outside %v..%v: %v", d, a.Date, end, err)
			}
		}
	})
}

// INV-33 (OV-28): the timeliness states split time up, in order, and the
// windows start on A, A+31 and A+61.
func TestTimelinessPartition(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := drawAgreement(t)
		term, err := rules.Term(a)
		if err != nil {
			t.Fatal(err)
		}
		k := rapid.IntRange(1, 2).Draw(t, "k")
		ak, _ := term.Anniversary(k)
		d1 := ak.AddDays(rapid.IntRange(-100, 100).Draw(t, "d1"))
		d2 := d1.AddDays(rapid.IntRange(0, 100).Draw(t, "later"))
		s1, _, err1 := rules.Timeliness(term, k, d1)
		s2, _, err2 := rules.Timeliness(term, k, d2)
		if err1 != nil || err2 != nil || s2 < s1 {
			t.Fatalf("Timeliness %v on %v, %v on %v (%v, %v)", s1, d1, s2, d2, err1, err2)
		}
		n := ak.DaysUntil(d1)
		want := openvalue.Open
		switch {
		case n >= 61:
			want = openvalue.Terminated
		case n >= 31:
			want = openvalue.Late
		case n >= 0:
			want = openvalue.OnTime
		}
		if s1 != want {
			t.Fatalf("%d days after A%d: %v, want %v", n, k, s1, want)
		}
		last, _ := rules.LastDayToOrder(term, k)
		if last != ak.AddDays(60) {
			t.Fatalf("last day to order %v, want A+60", last)
		}
	})
	term := openvalue.Term{Start: date("2021-05-10")}
	for _, k := range []int{0, 3} {
		if _, _, err := rules.Timeliness(term, k, date("2022-05-10")); !errors.Is(err, licensing.ErrOutsideTerm) {
			t.Errorf("anniversary %d: %v", k, err)
		}
	}
}

// WS-21 (OV-16): ordering in the month of deployment.
func TestWS21(t *testing.T) {
	for _, tt := range []struct {
		deployed, ordered string
		late, early       bool
	}{
		{"2022-01-31", "2022-01-31", false, false},
		{"2022-01-31", "2022-02-01", true, false},
		{"2022-01-01", "2022-01-31", false, false},
		{"2022-01-05", "2021-12-20", false, true},
	} {
		c, err := openvalue.CheckDeployment(date(tt.deployed), date(tt.ordered))
		if err != nil || c.Late != tt.late || c.Early != tt.early {
			t.Errorf("deployed %s, ordered %s: %+v %v", tt.deployed, tt.ordered, c, err)
		}
	}
}

// The calendar is table data: a user who reads OV-23 as A+90 (reading
// (c)) moves one row and the timeliness follows.
func TestCalendarIsData(t *testing.T) {
	r := openvalue.DefaultRules()
	for i := range r.Events {
		switch r.Events[i].Milestone {
		case openvalue.LastDayToOrder:
			r.Events[i].Days = 90
		case openvalue.TerminatedIfNoOrder:
			r.Events[i].Days = 91
		}
	}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	term := openvalue.Term{Start: date("2021-05-10")}
	if s, _, _ := r.Timeliness(term, 1, date("2022-07-10")); s != openvalue.Late {
		t.Errorf("A+61 under reading (c): %v", s)
	}
	if s, _, _ := r.Timeliness(term, 1, date("2022-08-09")); s != openvalue.Terminated {
		t.Errorf("A+91 under reading (c): %v", s)
	}
	if last, _ := r.LastDayToOrder(term, 1); last != date("2022-08-08") {
		t.Errorf("last day to order under reading (c): %v", last)
	}
	// One place for each number: a last day to order that is not the day
	// before the termination does not validate.
	for i := range r.Events {
		if r.Events[i].Milestone == openvalue.LastDayToOrder {
			r.Events[i].Days = 60
		}
	}
	if err := r.Validate(); !errors.Is(err, licensing.ErrInvalidRules) {
		t.Errorf("last day 60, termination 91: %v", err)
	}
	// An event anchored at the start stays within the term: a day offset
	// beyond it would be pushed to the calendar's end (LIB-09).
	for _, days := range []int{-365, 3 * 365, 4_000_000} {
		r := openvalue.DefaultRules()
		for i := range r.Events {
			if r.Events[i].Milestone == openvalue.Enrollment {
				r.Events[i].Days = days
			}
		}
		if err := r.Validate(); !errors.Is(err, licensing.ErrInvalidRules) {
			t.Errorf("enrollment %+d days from the start: %v", days, err)
		}
	}
}

// The agreement's calendar, and what a customer who does nothing faces.
func ExampleRules_Calendar() {
	r := openvalue.DefaultRules()
	events, err := r.Calendar(openvalue.Agreement{Option: openvalue.Subscription, Date: licensing.MustParseDate("2021-04-12")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events[:8] {
		fmt.Println(e.Date, e.Milestone, e.Anniversary, e.Rule)
	}
	// Output:
	// 2021-04-12 AgreementStart 0 OV-30
	// 2021-05-01 EnrollmentStart 0 OV-31
	// 2022-03-17 PreAnniversaryReminder 1 OV-19
	// 2022-05-01 Anniversary 1 OV-18
	// 2022-05-31 FollowUpReminder 1 OV-22
	// 2022-06-30 LastDayToOrder 1 OV-23
	// 2022-07-01 TerminatedIfNoOrder 1 OV-23
	// 2023-03-17 PreAnniversaryReminder 2 OV-19
}
