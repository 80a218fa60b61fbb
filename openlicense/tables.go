package openlicense

import (
	"fmt"
	"slices"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/sa"
)

// guide is the source of every table of this package.
var guide = licensing.Source{Guide: "Open License 6.0 overview"}

// Rules is the table of numbers and readings Open License runs on (OL-01
// to OL-19). Every reading the guide leaves open is a field with its
// recommended default; swap in another value to follow another reading.
// The zero Rules is not usable; start from DefaultRules.
type Rules struct {
	// Source is the guide the rules come from (GEN-23).
	Source licensing.Source
	// InitialLicenses is the licenses an initial order must buy, counted
	// across its products; reorders have no minimum (OL-01, OL-02, OL-28).
	InitialLicenses int64
	// PoolMinimum is the points a pool needs in the initial order for Open
	// Volume outside EMEA (OL-09).
	PoolMinimum licensing.Points
	// EMEARegions are the regions where OL-10's entry rule applies.
	EMEARegions []licensing.Region
	// EMEAPoolMinimum and EMEAOrderMinimum are OL-10's 150 and 500 points.
	EMEAPoolMinimum  licensing.Points
	EMEAOrderMinimum licensing.Points
	// EMEAReading is how OL-10's "both 150 point and 500 points per pool"
	// is read. The default, PoolAndOrder, is the library's recommended
	// reading with low confidence: the sentence is ambiguous and the
	// guide's comparison table is missing (OL-29).
	EMEAReading EMEAReading
	// CountSA counts two years of SA points of L&SA and SA lines toward
	// the entry points (OL-11 reading (b)); off by default: license points
	// only (reading (a), the literal formula of OL-08).
	CountSA bool
	// AuthorizationYears is the term of an authorization: orders may
	// follow the initial one "at any time over a two-year period", and its
	// last day is the initial order + 2 years − 1 day (OL-02, OL-19, X-03).
	AuthorizationYears int
	// SAMonths is how long SA runs at most and the months its price buys:
	// two years or the rest of the authorization, always the two-year
	// price (OL-13, OL-14, OL-27).
	SAMonths int
}

// DefaultRules returns the rules as the Open License 6.0 overview states
// them, with the recommended readings where it is ambiguous.
func DefaultRules() Rules {
	return Rules{
		Source:             guide,
		InitialLicenses:    5,                          // OL-01
		PoolMinimum:        licensing.WholePoints(500), // OL-09
		EMEARegions:        []licensing.Region{licensing.EMEA},
		EMEAPoolMinimum:    licensing.WholePoints(150), // OL-10
		EMEAOrderMinimum:   licensing.WholePoints(500), // OL-10
		EMEAReading:        PoolAndOrder,               // OL-10 (a)
		AuthorizationYears: 2,                          // OL-19
		SAMonths:           24,                         // OL-13, OL-14
	}
}

// Validate reports rules that cannot work: a negative minimum, an unknown
// reading, a term or SA months that are not positive.
func (r Rules) Validate() error {
	switch {
	case r.InitialLicenses < 1:
		return invalidRules("the initial order must buy at least one license (OL-01)")
	case r.PoolMinimum.Sign() < 0 || r.EMEAPoolMinimum.Sign() < 0 || r.EMEAOrderMinimum.Sign() < 0:
		return invalidRules("minimums must not be negative (OL-09, OL-10)")
	case !r.EMEAReading.IsValid():
		return invalidRules("EMEA reading %v: %w", r.EMEAReading, ErrInvalidEMEAReading)
	case r.AuthorizationYears < 1 || r.SAMonths < 1 || r.SAMonths > licensing.MaxSAMonths:
		return invalidRules("a term of %d years and %d months of SA do not work (OL-13, OL-19)", r.AuthorizationYears, r.SAMonths)
	}
	return nil
}

// emeaReadings are the readings of OL-10, each deciding whether pool i
// qualifies from the order's points per pool (and which pools it orders)
// and its total. First match wins.
var emeaReadings = []struct {
	reading    EMEAReading
	qualifies  func(r *Rules, pools *[3]licensing.Points, ordered *[3]bool, total licensing.Points, i int) bool
	confidence string
	rule       licensing.RuleID
}{
	{reading: PoolAndOrder, rule: "OL-10", confidence: "recommended, low confidence",
		qualifies: func(r *Rules, pools *[3]licensing.Points, _ *[3]bool, total licensing.Points, i int) bool {
			return pools[i].AtLeast(r.EMEAPoolMinimum) && total.AtLeast(r.EMEAOrderMinimum)
		}},
	{reading: OnePoolAndOthers, rule: "OL-10", confidence: "alternative (b)",
		qualifies: func(r *Rules, pools *[3]licensing.Points, ordered *[3]bool, _ licensing.Points, _ int) bool {
			big := false
			for j := range pools {
				if !ordered[j] {
					continue
				}
				if !pools[j].AtLeast(r.EMEAPoolMinimum) {
					return false
				}
				big = big || pools[j].AtLeast(r.EMEAOrderMinimum)
			}
			return big
		}},
	{reading: EachPool, rule: "OL-10", confidence: "alternative (c)",
		qualifies: func(r *Rules, pools *[3]licensing.Points, _ *[3]bool, total licensing.Points, _ int) bool {
			for j := range pools {
				if !pools[j].AtLeast(r.EMEAPoolMinimum) {
					return false
				}
			}
			return total.AtLeast(r.EMEAOrderMinimum)
		}},
	{reading: TwoTiers, rule: "OL-10", confidence: "alternative (d): the lower tier is the entry",
		qualifies: func(r *Rules, pools *[3]licensing.Points, _ *[3]bool, _ licensing.Points, i int) bool {
			return pools[i].AtLeast(r.EMEAPoolMinimum)
		}},
}

// A productType is an offering an Open License order may carry.
type productType struct {
	offering licensing.Offering
	rule     licensing.RuleID
}

// orderable are the product types an Open License 6.0 order may carry:
// L, L&SA and SA (OL-12).
var orderable = []productType{
	{offering: licensing.License, rule: "OL-12"},
	{offering: licensing.LicenseSA, rule: "OL-12"},
	{offering: licensing.SAOnly, rule: "OL-12"},
}

// enrollment is the SA-only window: SA alone within 90 days of a retail
// or OEM purchase of a system or server, never of an application (OL-16);
// systems and servers include the CALs of the Servers pool (GEN-18).
var enrollment = []sa.Window{
	{Kinds: []licensing.Kind{licensing.KindSystem, licensing.KindServer, licensing.KindCAL},
		Channels: []licensing.Channel{licensing.Retail, licensing.OEM}, Days: 90, Rule: "OL-16"},
}

// A retiredType is an Open License 5.0 product type: its token in
// descriptions, its name, and the rule that retired it.
type retiredType struct {
	token string
	name  string
	rule  licensing.RuleID
}

// retiredTypes are the Open License 5.0 product types that License & SA
// replaced in 6.0 (OL-12): a description carrying one is refused.
var retiredTypes = []retiredType{
	{token: "VUP", name: "Version Upgrade", rule: "OL-12"},
	{token: "PUP", name: "Product Upgrade", rule: "OL-12"},
	{token: "UA", name: "Upgrade Advantage", rule: "OL-12"},
	{token: "CUP", name: "Competitive Upgrade", rule: "OL-12"},
}

// readingRules are how Open License reads its descriptions: OLP (OPEN in
// shops' spelled-out names) names Open License, and a row with no offering
// token is a License; a description of an Open License 5.0 type is
// refused (OL-12).
var readingRules = []sku.ProgramRule{
	{Program: licensing.OpenLicense, Offering: licensing.License, Rule: "X-19", Check: checkRetired},
}

// ReadingRules returns Open License's reading rules for a sku.Reader built
// from another vocabulary, or for sku.Combine, which runs their OL-12 check.
// The caller owns the slice.
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

// invalidRules reports a rules table that cannot work (licensing.ErrInvalidRules).
func invalidRules(format string, args ...any) error {
	return fmt.Errorf("openlicense: rules: %w: %w", licensing.ErrInvalidRules, fmt.Errorf(format, args...))
}
