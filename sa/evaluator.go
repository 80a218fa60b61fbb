package sa

import (
	"errors"
	"fmt"

	"github.com/vlrules/vlrules/licensing"
)

// ErrInvalidCategory is wrapped by every error that reports a malformed evaluator category.
var ErrInvalidCategory = errors.New("invalid evaluator category")

// A Category is how the SA Evaluator groups a license (OL-22, SA-15). The
// zero Category is not valid.
type Category uint8

// The Evaluator's categories, in the guide's order.
const (
	NotCurrent       Category = iota + 1 // maintained for a previous version
	CurrentWithoutUA                     // current version, no rights to new releases
	CurrentWithUA                        // current version, with Upgrade Advantage
	NotAnalyzed                          // the tool cannot analyze it
)

// A Held is one license as the Evaluator sees it: whether the tool knows the
// product, whether it is the current version, and whether it has Upgrade
// Advantage.
type Held struct {
	Product          string `json:"product"`
	Known            bool   `json:"known"`
	Current          bool   `json:"current"`
	UpgradeAdvantage bool   `json:"upgradeAdvantage"`
}

// tri is a decision-table cell: any value, or exactly true or false.
type tri uint8

const (
	anyValue tri = iota
	yes
	no
)

func (t tri) matches(b bool) bool { return t == anyValue || (t == yes) == b }

// categoryTable is OL-22's decision table; first match wins, so the order
// matters: an unknown product is not analyzed whatever else is true.
var categoryTable = []struct {
	known, current, ua tri
	category           Category
	rule               licensing.RuleID
}{
	{known: no, current: anyValue, ua: anyValue, category: NotAnalyzed, rule: "OL-22"},
	{known: yes, current: no, ua: anyValue, category: NotCurrent, rule: "OL-22"},
	{known: yes, current: yes, ua: no, category: CurrentWithoutUA, rule: "OL-22"},
	{known: yes, current: yes, ua: yes, category: CurrentWithUA, rule: "OL-22"},
}

// An Assessment is the Evaluator's category for one license.
type Assessment struct {
	Held     Held     `json:"held"`
	Category Category `json:"category"`
	why      licensing.Explanation
}

// Why explains the category: the row of the decision table that matched.
func (a Assessment) Why() licensing.Explanation { return a.why }

// Categorize puts a license in exactly one of the four categories (OL-22).
func Categorize(h Held) Assessment {
	for _, row := range categoryTable {
		if row.known.matches(h.Known) && row.current.matches(h.Current) && row.ua.matches(h.UpgradeAdvantage) {
			return Assessment{Held: h, Category: row.category, why: licensing.Explain(row.rule, fmt.Sprintf("%s: %v", h.Product, row.category),
				licensing.F("known", h.Known), licensing.F("current", h.Current), licensing.F("upgradeAdvantage", h.UpgradeAdvantage))}
		}
	}
	return Assessment{Held: h} // unreachable: the table covers every combination
}
