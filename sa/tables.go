package sa

import (
	"slices"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// A Class is a product class for SA pricing (GEN-18): server products, or
// desktop and systems products.
type Class uint8

// The product classes.
const (
	ServerProducts  Class = iota + 1 // the Servers pool, CALs included
	DesktopProducts                  // the Applications and Systems pools
)

var classNames = [...]string{ServerProducts: "server", DesktopProducts: "desktop"}

// String returns "server" or "desktop".
func (c Class) String() string {
	if c == ServerProducts || c == DesktopProducts {
		return classNames[c]
	}
	return "Class(?)"
}

// poolClasses maps each pool to its SA product class (GEN-18). CALs count
// in the Servers pool (GEN-03) and so take the server rate.
var poolClasses = []struct {
	pool  licensing.Pool
	class Class
	rule  licensing.RuleID
}{
	{licensing.Applications, DesktopProducts, "GEN-18"},
	{licensing.Systems, DesktopProducts, "GEN-18"},
	{licensing.Servers, ServerProducts, "GEN-18"},
}

// ClassOf returns the SA product class of a pool (GEN-18), and false for a
// product with no pool stated.
func ClassOf(p licensing.Pool) (Class, bool) {
	for _, row := range poolClasses {
		if row.pool == p {
			return row.class, true
		}
	}
	return 0, false
}

// A Rate is the annual SA reference price of a product class, as a fraction
// of the license price (SA-04).
type Rate struct {
	Class Class
	Rate  decimal.Decimal
	Rule  licensing.RuleID
}

// rates is the SA-04 table: 25 % of the license for server products, 29 %
// for desktop and systems products.
var rates = []Rate{
	{ServerProducts, decimal.New(25, -2), "SA-04"},
	{DesktopProducts, decimal.New(29, -2), "SA-04"},
}

// Rates returns the annual SA reference rates (SA-04). The caller owns the slice.
func Rates() []Rate { return slices.Clone(rates) }

// RateOf returns the annual SA reference rate of a class.
func RateOf(c Class) (Rate, bool) {
	for _, r := range rates {
		if r.Class == c {
			return r, true
		}
	}
	return Rate{}, false
}

// A Model is a way a program sets the end of SA coverage (SA-09).
type Model uint8

// The coverage models.
const (
	// ToAuthorizationEnd: Open License SA runs two years or to the end of the
	// authorization, whichever is first (OL-13).
	ToAuthorizationEnd Model = iota + 1
	// ToAgreementEnd: Open Value SA runs to the agreement's expiration, 4 − y
	// years for an item acquired in year y (SA-19).
	ToAgreementEnd
	// ToThirdAffiliateAnniversary: Select Plus SA runs to the day before the
	// third affiliate anniversary after the order's month, 25 to 36 months
	// (SP-39).
	ToThirdAffiliateAnniversary
	// ThirtySixMonths: Select Plus Order Anniversary SA runs 36 months from
	// the order (SP-42, reading (a)).
	ThirtySixMonths
)

var modelNames = [...]string{
	ToAuthorizationEnd:          "ToAuthorizationEnd",
	ToAgreementEnd:              "ToAgreementEnd",
	ToThirdAffiliateAnniversary: "ToThirdAffiliateAnniversary",
	ThirtySixMonths:             "ThirtySixMonths",
}

// String returns the model's name.
func (m Model) String() string {
	if m >= ToAuthorizationEnd && m <= ThirtySixMonths {
		return modelNames[m]
	}
	return "Model(?)"
}

// A Granularity is the unit that prorated coverage is billed in:
// months, or quarters as some academic resellers did.
type Granularity uint8

// The granularities.
const (
	Monthly   Granularity = iota + 1 // bill the months covered (SP-39)
	Quarterly                        // bill whole quarters, a part quarter in full (LIB-04)
)

// granularityMonths is the number of months in each billing unit.
var granularityMonths = [...]int{Monthly: 1, Quarterly: 3}

// Bill returns the months billed for months of coverage: the months
// themselves, or, by quarter, rounded up to a whole quarter (LIB-04). The
// zero Granularity bills by month.
func (g Granularity) Bill(months int) int {
	unit := granularityMonths[Monthly]
	if g == Quarterly {
		unit = granularityMonths[Quarterly]
	}
	return (months + unit - 1) / unit * unit
}

// String returns "month" or "quarter".
func (g Granularity) String() string {
	if g == Quarterly {
		return "quarter"
	}
	return "month"
}

// A ModelRow is one row of the coverage-model table (SA-09): which model a
// program uses, the months it can give, the unit it bills in, and how it
// prices.
type ModelRow struct {
	Program     licensing.Program
	Model       Model
	MinMonths   int
	MaxMonths   int
	Granularity Granularity
	Pricing     licensing.Prorater
	Rule        licensing.RuleID
}

// models is the SA-09 table. The first row of a program is its default;
// Select Plus has a second row for the Order Anniversary option (SP-42).
var models = []ModelRow{
	{licensing.OpenLicense, ToAuthorizationEnd, 1, 24, Monthly, FixedTerm{Months: 24}, "OL-13"},
	{licensing.OpenValue, ToAgreementEnd, 12, 36, Monthly, Prorated{}, "SA-19"},
	{licensing.OpenValueSubscription, ToAgreementEnd, 12, 36, Monthly, Prorated{}, "SA-19"},
	{licensing.SelectPlus, ToThirdAffiliateAnniversary, 25, 36, Monthly, Prorated{}, "SP-39"},
	{licensing.SelectPlus, ThirtySixMonths, 36, 36, Monthly, Prorated{}, "SP-42"},
}

// Models returns the coverage-model table (SA-09). The caller owns the slice.
func Models() []ModelRow { return slices.Clone(models) }

// ModelsFor returns the rows of one program, its default first.
func ModelsFor(p licensing.Program) []ModelRow {
	var out []ModelRow
	for _, m := range models {
		if m.Program == p {
			out = append(out, m)
		}
	}
	return out
}

// enrollmentDays is the SA-only enrollment window: 90 days from the FPP or
// OEM purchase, day 90 included (SA-10, GEN-14).
const enrollmentDays = 90

// A Window is one row of the SA-only enrollment table (SA-10): the program,
// the product kinds and channels it admits, an optional product family with
// a minimum version, whether the SA must be for the identical version, and
// the days allowed.
type Window struct {
	Program     licensing.Program
	Kinds       []licensing.Kind
	Channels    []licensing.Channel
	Family      string // "" for any product of the kinds
	MinVersion  int    // 0 for any version
	SameVersion bool
	Days        int
	Rule        licensing.RuleID
}

// windows is the SA-10 table, one program's rows after another; the two
// programs are not merged (GEN-23). Systems and servers include the CALs of
// the Servers pool (GEN-18). Open License admits no applications bought
// retail or OEM (OL-16); Select Plus admits Office 2013 or newer bought OEM,
// with SA for the identical version (SP-41).
var windows = []Window{
	{licensing.OpenLicense, []licensing.Kind{licensing.System, licensing.Server, licensing.CAL},
		[]licensing.Channel{licensing.Retail, licensing.OEM}, "", 0, false, enrollmentDays, "OL-16"},
	{licensing.SelectPlus, []licensing.Kind{licensing.System, licensing.Server, licensing.CAL},
		[]licensing.Channel{licensing.Retail, licensing.OEM}, "", 0, false, enrollmentDays, "SP-40"},
	{licensing.SelectPlus, []licensing.Kind{licensing.Application},
		[]licensing.Channel{licensing.OEM}, "Office", 2013, true, enrollmentDays, "SP-41"},
}

// Windows returns the SA-only enrollment table (SA-10). The caller owns the
// slice and its rows.
func Windows() []Window {
	out := slices.Clone(windows)
	for i := range out {
		out[i].Kinds = slices.Clone(out[i].Kinds)
		out[i].Channels = slices.Clone(out[i].Channels)
	}
	return out
}
