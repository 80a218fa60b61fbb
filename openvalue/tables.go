package openvalue

import (
	"errors"
	"fmt"
	"slices"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
)

// validPairs are the acquisition years and coverages Open Value sells
// (SKU-09), and how each is paid (SKU-22): an item acquired in year y
// covers 1 year (spread, or the single year left in year 3) or the 4 − y
// years left (up front). A pair with no row is invalid.
var validPairs = []struct {
	acquired, coverage int
	mode               PaymentMode
	rule               licensing.RuleID
}{
	{acquired: 1, coverage: 1, mode: SpreadMode, rule: "SKU-09"}, {acquired: 1, coverage: 3, mode: UpFrontMode, rule: "SKU-09"},
	{acquired: 2, coverage: 1, mode: SpreadMode, rule: "SKU-09"}, {acquired: 2, coverage: 2, mode: UpFrontMode, rule: "SKU-09"},
	{acquired: 3, coverage: 1, mode: SingleMode, rule: "SKU-09"},
}

// readingRules are how Open Value reads its descriptions: OLV names Open
// Value (SKU-08), and an OVS token anywhere makes the item Open Value
// Subscription, though OLV is written on it too. Both refuse an
// acquisition year with a coverage Open Value does not sell (SKU-09).
var readingRules = []sku.ProgramRule{
	{Program: licensing.OpenValue, Rule: "SKU-08", Check: checkPair},
	{Program: licensing.OpenValueSubscription, Beats: []licensing.Program{licensing.OpenValue}, Rule: "X-19", Check: checkPair},
}

// ReadingRules returns Open Value's reading rules for a sku.Reader built
// from another vocabulary, or for sku.Combine, which runs their SKU-09 check.
// The caller owns the slice.
func ReadingRules() []sku.ProgramRule { return slices.Clone(readingRules) }

// guide is the source of the tables of this package.
var guide = licensing.Source{Guide: "Open Value reseller ordering guide; Understanding Open Value item descriptions (E. Ligman); Volume Licensing Central guidance for OVS and OV"}

// terms are the numbers of an Open Value agreement that its item
// descriptions build in: SKUs know Y1 to Y3 and no other year.
var terms = struct {
	// years: an agreement runs three agreement years; SKUs know Y1 to Y3
	// (OV-26, X-01).
	years int
	// enrollmentDay: an Open Value Subscription enrollment starts on this
	// day of a month: the agreement date when it is one, else that day of
	// the following month (OV-31).
	enrollmentDay int
}{
	years:         3,
	enrollmentDay: 1,
}

// offerings are what an Open Value item sells: a license with SA, or SA
// alone; there is no license-only item (OV-07).
var offerings = []licensing.Offering{licensing.LicenseSA, licensing.SAOnly}

// paymentRows are how an Open Value line is paid (OV-38, OV-44, SKU-11,
// SKU-12, SKU-18): spread, one installment per remaining agreement year,
// each the same SKU billed again; up front, the remaining years at once;
// Microsoft Financing, up front. In year 3 only one year remains, so every
// choice is a single payment.
var paymentRows = []struct {
	payment Payment
	spread  bool
	rule    licensing.RuleID
}{
	{payment: Spread, spread: true, rule: "SKU-12"},
	{payment: UpFront, rule: "OV-38"},
	{payment: Financing, rule: "OV-44"},
}

// priceChecks are the equalities and orderings a price list must keep:
// an item acquired in year `acquired` bought by spread costs, over the
// years left, what the up-front item costs (SKU-13), where breaking it is
// severe for year 1 (stated) and a warning for year 2 (implied); and an
// L&SA item acquired later costs at least as much a year as one acquired
// earlier, the license being paid over fewer years (SKU-14 reading (b),
//
var priceChecks = []struct {
	acquired  int
	severity  Severity
	rule      licensing.RuleID
	laterYear bool // SKU-14: compare 1YR of this year with 1YR of the year before
}{
	{acquired: 1, severity: Invalid, rule: "SKU-13"},
	{acquired: 2, severity: Warning, rule: "SKU-13"},
	{acquired: 2, severity: Warning, rule: "SKU-14", laterYear: true},
	{acquired: 3, severity: Warning, rule: "SKU-14", laterYear: true},
}

// optionOrder is OV-06's ordering of the same item across options, from
// the cheapest: Open Value Subscription, Open Value companywide (Ent),
// Open Value non-companywide (AddProd); breaking it is a warning.
var optionOrder = []struct {
	program licensing.Program
	scope   sku.Scope
}{
	{licensing.OpenValueSubscription, sku.Enterprise},
	{licensing.OpenValue, sku.Enterprise},
	{licensing.OpenValue, sku.AdditionalProduct},
}

// The words of SKU-20's sentence, as the guide writes them.
var explainWords = struct {
	offering            map[licensing.Offering]string
	acquired            string
	spread, upFront     string
	scope               map[sku.Scope]string
	billAgain, yearWord string
	financing           string
}{
	offering:  map[licensing.Offering]string{licensing.LicenseSA: "L&SA", licensing.SAOnly: "SA"},
	acquired:  "purchased in Year %d of Agreement",
	spread:    "with spread payments",
	upFront:   "with up-front payment",
	scope:     map[sku.Scope]string{sku.AdditionalProduct: "non company-wide", sku.Enterprise: "company-wide"},
	billAgain: "(Would bill same SKU in %s for spread payments)",
	yearWord:  "Year %d",
	financing: "(use up-front payment when utilizing MS Financing)",
}

// Source returns the guides the tables of this package come from (GEN-23).
func Source() licensing.Source { return guide }

// An OptionRow is what one Open Value option means (OV-01 to OV-05, OV-16,
// OV-17, OV-20, OV-31, OV-35).
type OptionRow struct {
	Option Option
	// Program is the program its items may name: OLV always (SKU-08), and
	// OVS for Open Value Subscription.
	Program licensing.Program
	// Normalize starts the agreement years on the first of the month
	// after the agreement date (OV-31); on for OVS only, as the guide
	// states the rule only there (OV-35).
	Normalize bool
	// Companywide: the platform products the customer selected are
	// licensed for every qualified desktop (OV-02, OV-04, X-08), and
	// companywide (Ent) items may be bought (SKU-15).
	Companywide bool
	// Subscription: desktops are reported each year and the payment
	// follows them (OV-20, OV-46); desktop platform changes wait for the
	// anniversary (OV-17); the request gives the fully licensed platform
	// count (OV-10 field 6).
	Subscription bool
	// DeploymentMonth: new licenses are ordered in the month the software
	// was deployed (OV-16).
	DeploymentMonth bool
	// Unavailable are the regions where the option is not sold (OV-03).
	Unavailable []licensing.Region
	Rule        licensing.RuleID
}

// ErrInvalidAnchor is wrapped by every error that reports a malformed anchor.
var ErrInvalidAnchor = errors.New("invalid calendar anchor")

// An Anchor is the date a calendar row counts its days from. The zero
// Anchor is not valid.
type Anchor uint8

// The anchors of calendar rows.
const (
	FromOpening     Anchor = iota + 1 // the agreement date, where the term opens (OV-26)
	FromStart                         // the start the agreement years count from (OV-31)
	FromAnniversary                   // each anniversary, A1 and A2 (OV-27, OV-32, OV-35)
	FromExpiration                    // the expiration, the term's last day (OV-26)
)

// A CalendarRow is one dated event of an agreement's calendar: Days after
// (or, negative, before) its anchor.
type CalendarRow struct {
	Milestone Milestone
	Anchor    Anchor
	Days      int
	// Normalized: only for an option whose enrollment start is normalized
	// (OV-31).
	Normalized bool
	// IfNoOrder: the event happens only while no order has met the
	// anniversary (OV-22, OV-23).
	IfNoOrder bool
	// Notice says who Microsoft writes to on that day, if anyone (OV-47).
	Notice string
	Rule   licensing.RuleID
}

// A PlatformRow is one desktop platform and its three components (GEN-10).
type PlatformRow struct {
	Platform   Platform
	Components []string
	Rule       licensing.RuleID
}

// Rules is the table of numbers and readings Open Value runs on. Every
// reading the guides leave open is a field with its recommended default;
// swap in another value to follow another reading. The zero Rules is not
// usable; start from DefaultRules.
type Rules struct {
	// Source is the guides the rules come from (GEN-23).
	Source  licensing.Source
	Options []OptionRow
	// Events are the calendar's rows. The timeliness of an anniversary
	// order follows from them (OV-28): on time from the anniversary
	// through the follow-up reminder (OV-37's 30 days, GEN-14), late to
	// the last day to order, terminated from the termination row; and an
	// anniversary order is accepted from the reminder on.
	Events []CalendarRow
	// OnlineMonths is how long an Online Services line is prepaid for
	// (OV-39).
	OnlineMonths int
	// LatestVersions is how many versions, newest first, count as "latest
	// or next-to-latest" for the fully licensed platform count (OV-11).
	LatestVersions int
	// MinimumDesktops is the fewest qualified desktops a companywide
	// agreement or a subscription takes.
	MinimumDesktops int
	// Platforms are the desktop platforms (GEN-10).
	Platforms []PlatformRow
	// Regions are the regions and countries an agreement's region is
	// read against (GEN-12, OV-03).
	Regions licensing.RegionTable
	// StrictPlatformChanges refuses a mid-year OVS order that changes the
	// desktop platform count; off, it is accepted with a warning (OV-17).
	StrictPlatformChanges bool
}

// The notices of the default calendar (OV-47): the guide names the
// recipients of the OV-19 and OV-24 notices; the OV-22 reminders are
// treated alike (outside the guides).
const (
	copied    = "to the customer; resellers and distributors copied"
	ifNoOrder = copied + ", if no anniversary order has been placed (OV-22)"
)

// DefaultRules returns the rules as the Open Value guides state them, with
// the recommended readings where they are ambiguous.
func DefaultRules() Rules {
	return Rules{
		Source: guide,
		Options: []OptionRow{
			{Option: NonCompanywide, Program: licensing.OpenValue, DeploymentMonth: true, Rule: "OV-05"},
			{Option: Companywide, Program: licensing.OpenValue, Companywide: true, DeploymentMonth: true, Rule: "OV-04"},
			{Option: Subscription, Program: licensing.OpenValueSubscription, Normalize: true, Companywide: true, Subscription: true,
				Unavailable: []licensing.Region{licensing.NorthAmerica}, Rule: "OV-03"},
		},
		Events: []CalendarRow{
			{Milestone: AgreementStart, Anchor: FromOpening, Rule: "OV-30"},
			{Milestone: Enrollment, Anchor: FromStart, Normalized: true, Rule: "OV-31"},
			{Milestone: PreAnniversaryReminder, Anchor: FromAnniversary, Days: -45, Notice: copied, Rule: "OV-19"},
			{Milestone: Anniversary, Anchor: FromAnniversary, Notice: ifNoOrder, Rule: "OV-18"},
			{Milestone: FollowUpReminder, Anchor: FromAnniversary, Days: 30, IfNoOrder: true, Notice: copied, Rule: "OV-22"},
			{Milestone: LastDayToOrder, Anchor: FromAnniversary, Days: 60, IfNoOrder: true, Rule: "OV-23"},
			{Milestone: TerminatedIfNoOrder, Anchor: FromAnniversary, Days: 61, IfNoOrder: true, Rule: "OV-23"},
			{Milestone: RenewalNotice, Anchor: FromExpiration, Days: -90, Notice: copied, Rule: "OV-24"},
			{Milestone: Expiration, Anchor: FromExpiration, Rule: "OV-25"},
		},
		OnlineMonths:    12, // OV-39
		LatestVersions:  2,  // OV-11: the latest and the next-to-latest
		MinimumDesktops: 5,
		Platforms: []PlatformRow{
			{Platform: Professional, Components: []string{"Office Professional Edition", "Microsoft Core CAL", "Windows Professional Desktop Upgrade"}, Rule: "GEN-10"},
			{Platform: SmallBusiness, Components: []string{"Office Small Business Edition", "Windows Small Business Server (SBS) CAL", "Windows Professional Desktop Upgrade"}, Rule: "GEN-10"},
		},
		Regions:               licensing.DefaultRegions(),
		StrictPlatformChanges: true, // OV-17
	}
}

// Validate reports rules that cannot work: an option, milestone or state
// without a row or with two, windows out of order, a calendar event of an
// anniversary outside its agreement year, a count that is not positive.
func (r Rules) Validate() error {
	for _, o := range Options() {
		if n := count(r.Options, func(row OptionRow) bool { return row.Option == o }); n != 1 {
			return invalidRules("option %v has %d rows, want 1 (OV-01)", o, n)
		}
	}
	for _, row := range r.Options {
		if row.Program != licensing.OpenValue && row.Program != licensing.OpenValueSubscription {
			return invalidRules("option %v: program %v is not Open Value (SKU-08)", row.Option, row.Program)
		}
	}
	for _, m := range Milestones() {
		if n := count(r.Events, func(row CalendarRow) bool { return row.Milestone == m }); n != 1 {
			return invalidRules("milestone %v has %d rows, want 1", m, n)
		}
	}
	for _, row := range r.Events {
		if !row.Anchor.IsValid() {
			return invalidRules("milestone %v: anchor %v: %w", row.Milestone, row.Anchor, ErrInvalidAnchor)
		}
		// An anniversary's events stay inside the agreement year before it
		// and the one it opens, so that they come in order (INV-32).
		if row.Anchor == FromAnniversary && (row.Days <= -365 || row.Days >= 365) {
			return invalidRules("milestone %v: %d days from the anniversary leave its agreement years", row.Milestone, row.Days)
		}
		if row.Anchor == FromExpiration && (row.Days > 0 || row.Days <= -365) {
			return invalidRules("milestone %v: %d days from the expiration leave the last agreement year", row.Milestone, row.Days)
		}
		// The opening and the start have their events within the term,
		// or the year before it, as the anniversaries do: the calendar
		// holds the term (LIB-09), so no event is pushed to its end.
		if (row.Anchor == FromOpening || row.Anchor == FromStart) && (row.Days <= -365 || row.Days >= 365*terms.years) {
			return invalidRules("milestone %v: %d days from the %v leave the term", row.Milestone, row.Days, row.Anchor)
		}
	}
	// The anniversary's events come in order, and the last day to order
	// is the day before the termination (INV-32, OV-23).
	order := []Milestone{PreAnniversaryReminder, Anniversary, FollowUpReminder, LastDayToOrder, TerminatedIfNoOrder}
	for i := 1; i < len(order); i++ {
		a, b := r.milestone(order[i-1]), r.milestone(order[i])
		if a.Anchor != FromAnniversary || b.Anchor != FromAnniversary || a.Days >= b.Days {
			return invalidRules("%v (%+d days) must come before %v (%+d days), both from the anniversary (INV-32)", a.Milestone, a.Days, b.Milestone, b.Days)
		}
	}
	switch {
	case r.milestone(Anniversary).Days != 0:
		return invalidRules("the anniversary row is %+d days from the anniversary, want 0 (OV-37)", r.milestone(Anniversary).Days)
	case r.milestone(LastDayToOrder).Days+1 != r.milestone(TerminatedIfNoOrder).Days:
		return invalidRules("the last day to order (%+d) is not the day before the termination (%+d) (OV-23)", r.milestone(LastDayToOrder).Days, r.milestone(TerminatedIfNoOrder).Days)
	}
	switch {
	case r.OnlineMonths < 1 || r.OnlineMonths > 12*terms.years:
		return invalidRules("Online Services prepaid for %d months (OV-39)", r.OnlineMonths)
	case r.LatestVersions < 1:
		return invalidRules("%d latest versions count (OV-11)", r.LatestVersions)
	case r.MinimumDesktops < 0:
		return invalidRules("a minimum of %d desktops (X-02)", r.MinimumDesktops)
	}
	for _, p := range Platforms() {
		if n := count(r.Platforms, func(row PlatformRow) bool { return row.Platform == p && len(row.Components) > 0 }); n != 1 {
			return invalidRules("platform %v has %d rows with components, want 1 (GEN-10)", p, n)
		}
	}
	return nil
}

func count[T any](rows []T, f func(T) bool) int {
	n := 0
	for _, row := range rows {
		if f(row) {
			n++
		}
	}
	return n
}

func invalidRules(format string, args ...any) error {
	return fmt.Errorf("openvalue: rules: %w: %w", licensing.ErrInvalidRules, fmt.Errorf(format, args...))
}

// option returns the row of o.
func (r Rules) option(o Option) (OptionRow, error) {
	for _, row := range r.Options {
		if row.Option == o {
			return row, nil
		}
	}
	return OptionRow{}, fmt.Errorf("openvalue: option %v: %w", o, ErrInvalidOption)
}

// milestone returns the calendar row of m; Validate makes sure there is
// one.
func (r Rules) milestone(m Milestone) CalendarRow {
	for _, row := range r.Events {
		if row.Milestone == m {
			return row
		}
	}
	return CalendarRow{Milestone: m}
}

// A window is the day, counted from an anniversary, on which a timeliness
// state begins, and its rule.
type window struct {
	state Timeliness
	days  int
	rule  licensing.RuleID
}

// windows are the timeliness states of an anniversary order, from the
// calendar's rows (OV-28): on time on the anniversary, late the day after
// the follow-up reminder, terminated on the termination row; before the
// first, the anniversary is Open.
func (r Rules) windows() [3]window {
	return [3]window{
		{OnTime, r.milestone(Anniversary).Days, "OV-37"},
		{Late, r.milestone(FollowUpReminder).Days + 1, "OV-28"},
		{Terminated, r.milestone(TerminatedIfNoOrder).Days, "OV-23"},
	}
}
