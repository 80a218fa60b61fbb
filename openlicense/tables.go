package openlicense

import (
	"slices"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/sa"
)

// guide is the source of every table of this package.
var guide = licensing.Source{Guide: "Open License 6.0 overview"}

// terms are the numbers of an Open License authorization and its SA.
var terms = struct {
	// years: orders may follow the initial one "at any time over a
	// two-year period"; the authorization's last day, the last day to
	// reorder, is the initial order + 2 years − 1 day (OL-02, OL-19, X-03).
	years int
	// saMonths: SA runs two years or to the authorization end, whichever
	// is first (OL-13), and is always sold at its two-year price (OL-14).
	saMonths int
	// pricing: the two-year price whatever the coverage (OL-14, OL-27).
	pricing sa.FixedTerm
	// windows: SA alone within 90 days of a retail or OEM purchase of a
	// system or server, never of an application (OL-16); systems and
	// servers include the CALs of the Servers pool (GEN-18).
	windows []sa.Window
}{
	years:    2,
	saMonths: 24,
	pricing:  sa.FixedTerm{Months: 24, RuleID: "OL-14"},
	windows: []sa.Window{
		{Kinds: []licensing.Kind{licensing.KindSystem, licensing.KindServer, licensing.KindCAL},
			Channels: []licensing.Channel{licensing.Retail, licensing.OEM}, Days: 90, Rule: "OL-16"},
	},
}

// retiredTypes are the Open License 5.0 product types that License & SA
// replaced in 6.0 (OL-12): a description carrying one is refused.
var retiredTypes = []struct {
	token string
	name  string
	rule  licensing.RuleID
}{
	{token: "VUP", name: "Version Upgrade", rule: "OL-12"},
	{token: "PUP", name: "Product Upgrade", rule: "OL-12"},
	{token: "UA", name: "Upgrade Advantage", rule: "OL-12"},
	{token: "CUP", name: "Competitive Upgrade", rule: "OL-12"},
}

// readingRules are how Open License reads its descriptions: OLP (OPEN in
// shops' spelled-out names) names Open License, and a row with no offering
// token is a License.
var readingRules = []sku.ProgramRule{
	{Program: licensing.OpenLicense, Offering: licensing.License, Rule: "X-19"},
}

// ReadingRules returns Open License's reading rules for a sku.Reader built
// from another vocabulary. The caller owns the slice.
func ReadingRules() []sku.ProgramRule { return slices.Clone(readingRules) }

// categoryOptions are the ways the SA Evaluator offers to cover each
// category with SA (OL-23). The guide does not list them; these follow its
// other rules (LIB-05): L&SA brings a license current with SA (OL-12); SA
// alone is possible only within 90 days of an FPP or OEM purchase of a
// system or server (OL-16); Upgrade Advantage rights continue as SA. A
// license the tool cannot analyze is referred to the account executive.
var categoryOptions = []struct {
	category sa.Category
	options  []string
	rule     licensing.RuleID
}{
	{category: sa.NotCurrent, options: []string{"buy L&SA for the current version (OL-12)"}, rule: "LIB-05"},
	{category: sa.CurrentWithoutUA, options: []string{"buy L&SA at the next upgrade (OL-12)", "add SA alone within 90 days of an FPP or OEM purchase of a system or server (OL-16)"}, rule: "LIB-05"},
	{category: sa.CurrentWithUA, options: []string{"continue the upgrade rights as SA, bought in two-year units (OL-14)"}, rule: "LIB-05"},
	{category: sa.NotAnalyzed, options: []string{"ask the reseller's account executive for an analysis (OL-23)"}, rule: "OL-23"},
}

// evaluatorLanguages are the languages the Evaluator is offered in (OL-24).
var evaluatorLanguages = []string{"English", "French", "German", "Italian", "Japanese", "Korean", "Brazilian Portuguese", "Spanish"}

// Source returns the guide the tables of this package come from (GEN-23).
func Source() licensing.Source { return guide }
