package sa

import (
	"strconv"
	"time"

	"github.com/vlrules/vlrules/licensing"
)

// A Coverage is a period of Software Assurance: from Start to End
// inclusive, Months long as the rule that computed it counts them (SA-09).
// Coverages are comparable with ==.
type Coverage struct {
	Start  licensing.Date `json:"start"`
	End    licensing.Date `json:"end"` // the last covered day
	Months int            `json:"months"`
}

// String returns "2020-04-01..2022-06-30 (27 months)".
func (c Coverage) String() string {
	return c.Start.String() + ".." + c.End.String() + " (" + strconv.Itoa(c.Months) + " months)"
}

// Months counts the months of a coverage from start to end inclusive: the
// months from start to the day after end, a part month counted in full.
// Coverage from 2020-04-01 to 2022-06-30 is 27 months, from 2020-06-30 to
// 2022-06-30 is 25 (SP-39), and from 2006-07-15 to 2007-03-14 is 8: 243
// days (WS-11, INV-28). One day of coverage is one month. Months is 0 when
// end is before start.
//
// It is the month count of coverage that ends when a term ends (an
// anniversary, an authorization's end). A program that bills whole years
// of coverage whatever day it is bought counts its months itself.
func Months(start, end licensing.Date) int {
	if end.Before(start) {
		return 0
	}
	after, ok := end.DayAfter()
	switch {
	case !ok && !end.IsValid():
		return 0
	case !ok:
		// The day after is 10000-01-01, which no Date holds (LIB-09):
		// count the months to it by (year, month), a part month in full.
		return 12*(licensing.MaxYear+1-start.Year()) + int(time.January) - int(start.Month())
	}
	n := start.MonthsUntil(after)
	if start.AddMonths(n).Before(after) {
		n++
	}
	return n
}
