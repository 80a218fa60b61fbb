package licensing

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/vlrules/vlrules/internal/enum"
)

// ErrInvalidDate is wrapped by every error that reports a malformed date.
var ErrInvalidDate = errors.New("invalid date")

// A Date is a civil date: a year, month and day with no time of day and no
// time zone (GEN-14, GEN-15). Dates from 0001-01-01 to 9999-12-31 are
// representable.
//
// The zero Date is not a valid date: it means "no date". It prints as
// "0000-00-00" and marshals to the empty string. Dates are comparable with
// == and ordered by [Date.Compare].
//
// Day arithmetic counts calendar days: "N days after D" is D.AddDays(N), and
// "within N days of D" is the closed interval [D, D+N] (GEN-14). Month and
// year arithmetic clamps to the end of the month: Jan 31 + 1 month is Feb 28
// (or 29), and Feb 29 + 1 year is Feb 28 (GEN-15). Arithmetic saturates at
// the ends of the representable range; it never panics.
type Date struct {
	y int16
	m uint8
	d uint8
}

// MaxYear is the last year a Date holds: the calendar runs from
// 0001-01-01 to 9999-12-31, and what would leave it is refused (LIB-09).
const MaxYear = 9999

var (
	minDate = Date{1, 1, 1}
	maxDate = Date{MaxYear, 12, 31}
)

// NewDate returns the date y-m-d, or an error wrapping [ErrInvalidDate] if
// there is no such day.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < 1 || y > MaxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, fmt.Errorf("licensing: date %04d-%02d-%02d: %w", y, int(m), d, ErrInvalidDate)
	}
	return Date{int16(y), uint8(m), uint8(d)}, nil
}

// MustDate is like [NewDate] but panics on error. It is meant for tests and
// package-level tables with constant input.
func MustDate(y int, m time.Month, d int) Date { return enum.Must(NewDate(y, m, d)) }

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < 1 {
		return minDate
	}
	if y > MaxYear {
		return maxDate
	}
	return Date{int16(y), uint8(m), uint8(d)}
}

// Year returns d's year.
func (d Date) Year() int { return int(d.y) }

// Month returns d's month.
func (d Date) Month() time.Month { return time.Month(d.m) }

// Day returns d's day of the month.
func (d Date) Day() int { return int(d.d) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d is a real calendar date (not the zero Date).
func (d Date) IsValid() bool {
	return d.y >= 1 && d.y <= MaxYear && d.m >= 1 && d.m <= 12 && d.d >= 1 && int(d.d) <= daysIn(int(d.y), time.Month(d.m))
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.key() < e.key():
		return -1
	case d.key() > e.key():
		return 1
	}
	return 0
}

func (d Date) key() int32 { return int32(d.y)<<9 | int32(d.m)<<5 | int32(d.d) }

// Equal reports whether d and e are the same day. It is the same as d == e;
// go-cmp uses it.
func (d Date) Equal(e Date) bool { return d == e }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.key() < e.key() }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.key() > e.key() }

// Between reports whether from ≤ d ≤ to: a closed interval, as "within N
// days" reads (GEN-14).
func (d Date) Between(from, to Date) bool { return !d.Before(from) && !d.After(to) }

// AddDays returns d + n calendar days (n may be negative). The zero Date
// stays zero.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	// Beyond ±4,000,000 days every result is an end of the calendar; the
	// clamp keeps the sum from wrapping.
	const span = 4_000_000
	return fromDays(d.days() + int64(max(-span, min(span, n))))
}

// DayAfter returns the day after d, and false when there is none: d is
// 9999-12-31, whose next day no Date holds (LIB-09), or d is not a valid
// date. AddDays(1) would return d itself there; a caller that needs the
// next day refuses instead.
func (d Date) DayAfter() (Date, bool) {
	if !d.IsValid() || d == maxDate {
		return Date{}, false
	}
	return d.AddDays(1), true
}

// DaysUntil returns the number of days from d to e: e − d, negative when e is
// before d.
func (d Date) DaysUntil(e Date) int { return int(e.days() - d.days()) }

// AddMonths returns d + n months (n may be negative), keeping the day of the
// month and clamping it to the month's last day: 2024-01-31 + 1 month is
// 2024-02-29, 2023-01-31 + 1 month is 2023-02-28. The zero Date stays zero.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	const span = 12 * 20_000 // beyond it every result is an end of the calendar
	total := int64(d.y)*12 + int64(d.m) - 1 + int64(max(-span, min(span, n)))
	y, m := total/12, time.Month(total%12+1)
	switch {
	case total < 12: // before year 1
		return minDate
	case y > MaxYear:
		return maxDate
	}
	return Date{int16(y), uint8(m), uint8(min(int(d.d), daysIn(int(y), m)))}
}

// AddYears returns d + n years, keeping the month and day and clamping
// Feb 29 to Feb 28 in a common year (GEN-15).
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * max(-20_000, min(20_000, n))) }

// Anniversary returns the k-th anniversary of d: d.AddYears(k). It is always
// computed from the anchor d, never from the previous anniversary, so that
// anniversaries never drift: the anchor 2020-02-29 has anniversaries
// 2021-02-28, 2022-02-28, 2023-02-28 and 2024-02-29.
func (d Date) Anniversary(k int) Date { return d.AddYears(k) }

// TermEnd returns the last day of a term of years years that starts on d:
// d + years − 1 day, so that the day after it is the term's anniversary
// (GEN-15). A term that would end after 9999-12-31 is an error wrapping
// ErrOverflow (LIB-09), never a shortened term; an invalid d or years
// below 1 one wrapping ErrInvalidOrder.
func (d Date) TermEnd(years int) (Date, error) {
	if !d.IsValid() || years < 1 {
		return Date{}, fmt.Errorf("licensing: term of %d years from %v: %w", years, d, ErrInvalidOrder)
	}
	end, err := d.PeriodEnd(12 * min(years, MaxYear+1)) // more years than the calendar holds overflow alike
	if err != nil {
		return Date{}, Refuse("LIB-09", ErrOverflow, "a term of %d years from %v would end after 9999-12-31", years, d)
	}
	return end, nil
}

// PeriodEnd returns the last day of a period of months months that starts
// on d: d.AddMonths(months) − 1 day, so that the day after it is the day
// the next period starts. A period that would end after 9999-12-31 is an
// error wrapping ErrOverflow (LIB-09), never a shortened or saturated one:
// AddMonths stops at the calendar's end, so d.AddMonths(months).AddDays(-1)
// there would be a day or more short. A period from a 1st whose next one
// would start on 10000-01-01 ends on 9999-12-31. An invalid d or months
// below 1 is an error wrapping ErrInvalidOrder.
func (d Date) PeriodEnd(months int) (Date, error) {
	if !d.IsValid() || months < 1 {
		return Date{}, fmt.Errorf("licensing: period of %d months from %v: %w", months, d, ErrInvalidOrder)
	}
	// The month the next period starts in, counted from year 0; it cannot
	// wrap: the months are bounded before they are added.
	next := int64(d.y)*12 + int64(d.m) - 1 + int64(min(months, 12*(MaxYear+1)))
	switch {
	case next < 12*(MaxYear+1):
		return d.AddMonths(months).AddDays(-1), nil
	case next == 12*(MaxYear+1) && d.d == 1: // the next period starts on 10000-01-01
		return maxDate, nil
	}
	return Date{}, Refuse("LIB-09", ErrOverflow, "a period of %d months from %v would end after 9999-12-31", months, d)
}

// MonthsUntil returns the number of whole months from d to e: the largest n
// such that d.AddMonths(n) ≤ e (negative when e is before d). Because
// AddMonths clamps, 2023-01-31 to 2023-02-28 is one whole month, and
// 2023-01-15 to 2023-02-14 is none.
func (d Date) MonthsUntil(e Date) int {
	n := (int(e.y)-int(d.y))*12 + int(e.m) - int(d.m)
	if d.AddMonths(n).After(e) {
		n--
	}
	return n
}

// FirstOfMonth returns the first day of d's month.
func (d Date) FirstOfMonth() Date {
	if d.IsZero() {
		return d
	}
	return Date{d.y, d.m, 1}
}

// LastOfMonth returns the last day of d's month.
func (d Date) LastOfMonth() Date {
	if d.IsZero() {
		return d
	}
	return Date{d.y, d.m, uint8(daysIn(int(d.y), time.Month(d.m)))}
}

// YearOf returns the agreement year of day for an agreement that starts on
// start: year k (k ≥ 1) runs from start's (k−1)-th anniversary to the day
// before its k-th (GEN-15), so an anniversary belongs to the year it opens.
// YearOf returns 0 for a day before start.
func YearOf(start, day Date) int {
	if day.Before(start) {
		return 0
	}
	k := int(day.y) - int(start.y)
	if start.Anniversary(k).After(day) {
		k--
	}
	return k + 1
}

// String returns d in ISO 8601 form, "2006-01-02".
func (d Date) String() string { return string(d.appendISO(make([]byte, 0, 10))) }

// GoString returns a Go expression for d, such as licensing.MustDate(2020, 7, 1).
func (d Date) GoString() string {
	if d.IsZero() {
		return "licensing.Date{}"
	}
	return fmt.Sprintf("licensing.MustDate(%d, %d, %d)", d.y, d.m, d.d)
}

func (d Date) appendISO(b []byte) []byte {
	y := int(d.y)
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+d.m/10), byte('0'+d.m%10), '-')
	return append(b, byte('0'+d.d/10), byte('0'+d.d%10))
}

// AppendText implements [encoding.TextAppender]. The zero Date appends
// nothing.
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.IsZero() {
		return b, nil
	}
	return d.appendISO(b), nil
}

// MarshalText implements [encoding.TextMarshaler].
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseDate].
// Empty text sets the zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate parses an ISO 8601 calendar date, "2006-01-02", exactly: four
// digits, two, two, with hyphens and nothing around them.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("licensing: parsing date %q: want YYYY-MM-DD: %w", s, ErrInvalidDate)
	}
	y, err1 := strconv.ParseUint(s[0:4], 10, 16)
	m, err2 := strconv.ParseUint(s[5:7], 10, 8)
	dd, err3 := strconv.ParseUint(s[8:10], 10, 8)
	if err1 != nil || err2 != nil || err3 != nil {
		return Date{}, fmt.Errorf("licensing: parsing date %q: want YYYY-MM-DD: %w", s, ErrInvalidDate)
	}
	d, err := NewDate(int(y), time.Month(m), int(dd))
	if err != nil {
		return Date{}, fmt.Errorf("licensing: parsing date %q: no such day: %w", s, ErrInvalidDate)
	}
	return d, nil
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for
// tests and package-level tables with constant input.
func MustParseDate(s string) Date { return enum.Must(ParseDate(s)) }

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// days returns the number of days since 1970-01-01 (Howard Hinnant's
// days_from_civil).
func (d Date) days() int64 {
	y, m, dd := int64(d.y), int64(d.m), int64(d.d)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + dd - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// fromDays is the inverse of days (civil_from_days), saturating at the ends
// of the representable range.
func fromDays(z int64) Date {
	if z < minDate.days() {
		return minDate
	}
	if z > maxDate.days() {
		return maxDate
	}
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{int16(y), uint8(m), uint8(d)}
}
