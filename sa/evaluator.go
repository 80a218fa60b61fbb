package sa

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// A Category is how the Open License SA Evaluator groups a license (OL-22).
type Category uint8

// The Evaluator's categories, in the guide's order.
const (
	NotCurrent       Category = iota + 1 // maintained for a previous version
	CurrentWithoutUA                     // current version, no rights to new releases
	CurrentWithUA                        // current version, with Upgrade Advantage
	NotAnalyzed                          // the tool cannot analyze it
)

var categoryNames = [...]string{NotCurrent: "NotCurrent", CurrentWithoutUA: "CurrentWithoutUA", CurrentWithUA: "CurrentWithUA", NotAnalyzed: "NotAnalyzed"}

// String returns the category's name.
func (c Category) String() string {
	if c >= NotCurrent && c <= NotAnalyzed {
		return categoryNames[c]
	}
	return "Category(?)"
}

// A Held is one license as the Evaluator sees it: whether the tool knows the
// product, whether it is the current version, and whether it has Upgrade
// Advantage.
type Held struct {
	Product          string
	Known            bool
	Current          bool
	UpgradeAdvantage bool
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
}{
	{no, anyValue, anyValue, NotAnalyzed},
	{yes, no, anyValue, NotCurrent},
	{yes, yes, no, CurrentWithoutUA},
	{yes, yes, yes, CurrentWithUA},
}

// categoryOptions are the ways the Evaluator offers to cover each category
// with SA (OL-23). The guide does not list them; these follow its other
// rules (LIB-05): L&SA brings a license current with SA (OL-12); SA alone
// is possible only within 90 days of an FPP or OEM purchase of a system or
// server (OL-16); Upgrade Advantage rights continue as SA. A license the
// tool cannot analyze is referred to the account executive.
var categoryOptions = map[Category][]string{
	NotCurrent:       {"buy L&SA for the current version (OL-12)"},
	CurrentWithoutUA: {"buy L&SA at the next upgrade (OL-12)", "add SA alone within 90 days of an FPP or OEM purchase of a system or server (OL-16)"},
	CurrentWithUA:    {"continue the upgrade rights as SA, bought in two-year units (OL-14)"},
	NotAnalyzed:      {"ask the reseller's account executive for an analysis (OL-23)"},
}

// evaluatorLanguages are the languages the Evaluator is offered in (OL-24).
var evaluatorLanguages = []string{"English", "French", "German", "Italian", "Japanese", "Korean", "Brazilian Portuguese", "Spanish"}

// EvaluatorLanguages returns the Evaluator's eight languages (OL-24). The
// caller owns the slice.
func EvaluatorLanguages() []string { return slices.Clone(evaluatorLanguages) }

// An Assessment is the Evaluator's answer for one license.
type Assessment struct {
	Held        Held
	Category    Category
	Options     []string
	Explanation licensing.Explanation
}

// Evaluate puts each license in exactly one category (OL-22) and lists the
// options for it (OL-23). It refuses to run without both the license number
// and the authorization number (OL-21).
func Evaluate(licenseNumber, authorizationNumber string, held []Held) ([]Assessment, error) {
	if strings.TrimSpace(licenseNumber) == "" || strings.TrimSpace(authorizationNumber) == "" {
		return nil, licensing.Refuse("OL-21", licensing.ErrNotEligible, "the Evaluator needs the license number and the authorization number")
	}
	out := make([]Assessment, 0, len(held))
	for _, h := range held {
		for _, row := range categoryTable {
			if row.known.matches(h.Known) && row.current.matches(h.Current) && row.ua.matches(h.UpgradeAdvantage) {
				out = append(out, Assessment{Held: h, Category: row.category, Options: slices.Clone(categoryOptions[row.category]),
					Explanation: licensing.Explain("OL-22", fmt.Sprintf("%s: %v", h.Product, row.category),
						licensing.F("known", h.Known), licensing.F("current", h.Current), licensing.F("upgradeAdvantage", h.UpgradeAdvantage))})
				break
			}
		}
	}
	return out, nil
}
