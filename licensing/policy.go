package licensing

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// A Checker decides whether a program accepts an order. Malformed input is
// an error; a refusal is a Decision with Allowed false whose Err names the
// deciding rule and wraps ErrNotEligible.
type Checker interface {
	Check(o Order) (Decision, error)
}

// A LevelPolicy gives the price level that a number of points earns, such as
// the Select Plus thresholds (SP-15).
type LevelPolicy interface {
	LevelFor(p Points) Level
}

// A Coverage is a period of Software Assurance: from Start to End inclusive,
// counted as Months by the rule of the program that computed it (SA-09).
type Coverage struct {
	Start  Date
	End    Date // the last covered day
	Months int
}

// String returns "2020-04-01..2022-06-30 (27 months)".
func (c Coverage) String() string {
	return c.Start.String() + ".." + c.End.String() + " (" + strconv.Itoa(c.Months) + " months)"
}

// A Prorater prices a coverage from an annual price, such as Select Plus's
// annual × months / 12 (SA-12) or Open License's fixed two-year price
// (OL-14).
type Prorater interface {
	Prorate(annual decimal.Decimal, c Coverage) (decimal.Decimal, error)
}
