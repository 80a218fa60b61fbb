package selectplus

import (
	"errors"
	"fmt"
	"slices"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/sa"
)

// A Threshold is the annual points a pool needs for a commercial level
// (SP-15).
type Threshold struct {
	Level  licensing.Level
	Points licensing.Points
	Rule   licensing.RuleID
}

// Thresholds is the commercial level table, in increasing order of level
// and points.
type Thresholds []Threshold

// defaultThresholds is SP-15: A 500, B 4,000, C 10,000, D 25,000 annual
// points per pool.
var defaultThresholds = Thresholds{
	{Level: licensing.LevelA, Points: licensing.WholePoints(500), Rule: "SP-15"},
	{Level: licensing.LevelB, Points: licensing.WholePoints(4_000), Rule: "SP-15"},
	{Level: licensing.LevelC, Points: licensing.WholePoints(10_000), Rule: "SP-15"},
	{Level: licensing.LevelD, Points: licensing.WholePoints(25_000), Rule: "SP-15"},
}

// LevelFor returns the highest level whose threshold p reaches, or the zero
// Level below the first threshold (SP-15): 499 → none, 500 → A, 4,000 → B.
func (t Thresholds) LevelFor(p licensing.Points) licensing.Level {
	var l licensing.Level
	for _, th := range t {
		if !p.AtLeast(th.Points) {
			break
		}
		l = th.Level
	}
	return l
}

// Of returns the threshold of level l, and false for a level without one.
func (t Thresholds) Of(l licensing.Level) (licensing.Points, bool) {
	for _, th := range t {
		if th.Level == l {
			return th.Points, true
		}
	}
	return licensing.Points{}, false
}

// below returns the level one step down from l (SP-23), or l itself at the
// lowest level.
func (t Thresholds) below(l licensing.Level) licensing.Level {
	for i := len(t) - 1; i > 0; i-- {
		if t[i].Level == l {
			return t[i-1].Level
		}
	}
	return l
}

// above returns the threshold of the level one step up from l, and false at
// the top (SP-22).
func (t Thresholds) above(l licensing.Level) (licensing.Points, bool) {
	for i := 0; i+1 < len(t); i++ {
		if t[i].Level == l {
			return t[i+1].Points, true
		}
	}
	return licensing.Points{}, false
}

// ErrInvalidReactivationPolicy is wrapped by every error that reports a malformed reactivation policy.
var ErrInvalidReactivationPolicy = errors.New("invalid reactivation policy")

// A ReactivationPolicy says how a pool on hold becomes active again (SP-25).
// The zero ReactivationPolicy is not valid.
type ReactivationPolicy uint8

// The reactivation policies.
const (
	// SingleOrder: one order bringing at least the minimum reactivates the
	// pool; smaller orders are refused (SP-25, recommended).
	SingleOrder ReactivationPolicy = iota + 1
	// Cumulative: orders are accepted while on hold and the pool
	// reactivates once they add up to the minimum.
	Cumulative
)

// Rules is the table of numbers and policy flags the Select Plus rules run
// on. Every flag that the guide's ambiguous text leaves open is here with
// its recommended default; swap in another value to follow another reading.
type Rules struct {
	// Source is the guide edition the rules come from (SP-55, GEN-23).
	Source licensing.Source
	// Thresholds are the commercial levels per pool (SP-15).
	Thresholds Thresholds
	// InitialMinimum is the points a never-active pool's first order must
	// bring (SP-16); zero waives it, as Microsoft once did, and the
	// first order then sets at least Level A.
	InitialMinimum licensing.Points
	// HoldMinimum is the annual points below which a pool at Level A (or of
	// an academic or government customer) goes on hold, and the points that
	// reactivate it (SP-25).
	HoldMinimum licensing.Points
	// HoldReactivation is how a pool on hold reactivates (SP-25).
	HoldReactivation ReactivationPolicy
	// CarryCountsForUpgrade says whether carried points join the running
	// total for upgrades as well as for the next compliance check (SP-22
	// reading (b), the default) or count only at the check (reading (a)).
	CarryCountsForUpgrade bool
	// CarryAtTop says whether a pool at the top level carries its excess
	// (SP-22 reading (a), the default) or carries nothing.
	CarryAtTop bool
	// AcademicLevel and GovernmentLevel are the single levels of those
	// segments: Academic A, a price list of its own (SP-30), and usually
	// commercial D for government (SP-29).
	AcademicLevel   licensing.Level
	GovernmentLevel licensing.Level
	// ExemptRegions are the regions where new commercial agreements are
	// still accepted despite the retirement (SP-01); empty by default.
	ExemptRegions []licensing.Region
	// SAGranularity is the unit prorated SA is billed in: by month (SP-39),
	// or by quarter as some academic resellers did (X-17, LIB-04). The zero
	// value bills by month, as sa does, so rules saved before the field
	// existed still load.
	SAGranularity sa.Granularity
}

// guide is the source of every default table of this package (SP-55).
var guide = licensing.Source{Guide: "Select Plus commercial licensing guide", Published: licensing.MustDate(2019, 2, 1)}

// DefaultRules returns the rules as the Select Plus guide of February 2019
// states them, with the recommended readings where it is ambiguous.
func DefaultRules() Rules {
	return Rules{
		Source:                guide,
		Thresholds:            slices.Clone(defaultThresholds),
		InitialMinimum:        licensing.WholePoints(500), // SP-16
		HoldMinimum:           licensing.WholePoints(500), // SP-25
		HoldReactivation:      SingleOrder,                // SP-25
		CarryCountsForUpgrade: true,                       // SP-22 (b)
		CarryAtTop:            true,                       // SP-22 (3a)
		AcademicLevel:         licensing.LevelA,           // SP-30
		GovernmentLevel:       licensing.LevelD,           // SP-29
		SAGranularity:         sa.Monthly,                 // SP-39
	}
}

// Validate reports a rules table that cannot work: thresholds not strictly
// increasing in level and points, or not starting at Level A; a negative
// minimum; an unknown reactivation policy, segment level or granularity.
func (r Rules) Validate() error {
	if len(r.Thresholds) == 0 || r.Thresholds[0].Level != licensing.LevelA {
		return invalidRules("thresholds must start at Level A (SP-15)")
	}
	for i, th := range r.Thresholds {
		if !th.Level.IsValid() || th.Points.Sign() <= 0 {
			return invalidRules("threshold %d (%v at %v) is not a level with positive points", i+1, th.Level, th.Points)
		}
		if i > 0 && (th.Level <= r.Thresholds[i-1].Level || th.Points.Cmp(r.Thresholds[i-1].Points) <= 0) {
			return invalidRules("thresholds must increase in level and points (SP-15): %v at %v after %v at %v",
				th.Level, th.Points, r.Thresholds[i-1].Level, r.Thresholds[i-1].Points)
		}
	}
	switch {
	case r.InitialMinimum.Sign() < 0 || r.HoldMinimum.Sign() < 0:
		return invalidRules("minimums must not be negative")
	case !r.HoldReactivation.IsValid():
		return invalidRules("reactivation policy %v: %w", r.HoldReactivation, ErrInvalidReactivationPolicy)
	case !r.AcademicLevel.IsValid() || !r.GovernmentLevel.IsValid():
		return invalidRules("academic and government levels are required (SP-29, SP-30)")
	case r.SAGranularity != 0 && !r.SAGranularity.IsValid():
		return invalidRules("SA granularity %v: %w", r.SAGranularity, sa.ErrInvalidGranularity)
	}
	return nil
}

// segmentRows say which segments Select Plus serves and whether their
// levels move (SP-28): commercial levels follow the thresholds; academic
// and government have one level, taken from the Rules, and only the hold.
// Select Plus has no charity segment (GEN-13).
var segmentRows = []struct {
	segment licensing.Segment
	fixed   bool                         // one level, no adjustment (SP-28)
	level   func(*Rules) licensing.Level // the one level; nil when it moves
	rule    licensing.RuleID
}{
	{segment: licensing.Commercial, rule: "SP-15"},
	{segment: licensing.Academic, fixed: true, level: func(r *Rules) licensing.Level { return r.AcademicLevel }, rule: "SP-30"},
	{segment: licensing.Government, fixed: true, level: func(r *Rules) licensing.Level { return r.GovernmentLevel }, rule: "SP-29"},
}

// associationRows say which associated agreements waive the annual
// minimums while active: an EA or a Campus and School Agreement does, a
// Select License agreement only sets the level (SP-26, SP-27, SP-37).
var associationRows = []struct {
	kind   AssociationKind
	waives bool
	rule   licensing.RuleID
}{
	{kind: EnterpriseAgreement, waives: true, rule: "SP-27"},
	{kind: CampusAndSchool, waives: true, rule: "SP-27"},
	{kind: SelectLicense, rule: "SP-37"},
}

// saTerms are the Software Assurance numbers of Select Plus (SP-39 to
// SP-47); package sa runs the mechanics on them.
var saTerms = struct {
	// anniversaries: SA bought in an affiliate year runs to the day before
	// the third affiliate anniversary after the order's month (SP-39).
	anniversaries int
	// orderAnniversaryYears: the Order Anniversary option pays full years
	// from the order, three of them, for 36 months of coverage (SP-42 (a)).
	orderAnniversaryYears int
	// renewal: on time by the expiry (SP-45), refused after a lapse
	// (SP-46), renewed in from another agreement before it expires (SP-47),
	// co-terminated to one date (SP-44).
	renewal sa.Renewal
	// windows: SA alone within 90 days of an FPP or OEM purchase of a
	// system or server (SP-40), or of Office 2013 or newer bought OEM with
	// SA for the identical version (SP-41); systems and servers include the
	// CALs of the Servers pool (GEN-18).
	windows []sa.Window
}{
	anniversaries:         3,
	orderAnniversaryYears: 3,
	renewal:               sa.Renewal{OnTime: "SP-45", Lapse: "SP-46", Other: "SP-47", CoTerm: "SP-44"},
	windows: []sa.Window{
		{Kinds: []licensing.Kind{licensing.KindSystem, licensing.KindServer, licensing.KindCAL},
			Channels: []licensing.Channel{licensing.Retail, licensing.OEM}, Days: 90, Rule: "SP-40"},
		{Kinds: []licensing.Kind{licensing.KindApplication}, Channels: []licensing.Channel{licensing.OEM},
			Family: "Office", MinVersion: 2013, SameVersion: true, Days: 90, Rule: "SP-41"},
	},
}

// planRows are the ways Select Plus SA is paid (SP-42): up front, or spread
// by Affiliate Anniversary (a stub to the next affiliate anniversary, then
// yearly, in proportion to the months) or by Order Anniversary (full years
// from the order, 36 months of coverage).
var planRows = []struct {
	plan      Plan
	weighting sa.Weighting
	rule      licensing.RuleID
}{
	{plan: UpFront, weighting: sa.ByMonths, rule: "SP-39"},
	{plan: AffiliateAnniversary, weighting: sa.ByMonths, rule: "SP-42"},
	{plan: OrderAnniversary, weighting: sa.EqualParts, rule: "SP-42"},
}

// readingRules are how Select Plus reads price-list descriptions: its items
// are on MVL price lists, the family of Select, Select Plus and the
// Enterprise Agreement.
var readingRules = []sku.ProgramRule{{Program: licensing.MVL, Rule: "X-19"}}

// ReadingRules returns Select Plus's reading rules for a sku.Reader built
// from another vocabulary. The caller owns the slice.
func ReadingRules() []sku.ProgramRule { return slices.Clone(readingRules) }

// Windows returns the SA-only enrollment windows of Select Plus (SP-40,
// SP-41). The caller owns the slice and its rows.
func Windows() []sa.Window {
	out := slices.Clone(saTerms.windows)
	for i := range out {
		out[i].Kinds = slices.Clone(out[i].Kinds)
		out[i].Channels = slices.Clone(out[i].Channels)
	}
	return out
}

// invalidRules reports a rules table that cannot work (licensing.ErrInvalidRules).
func invalidRules(format string, args ...any) error {
	return fmt.Errorf("selectplus: rules: %w: %w", licensing.ErrInvalidRules, fmt.Errorf(format, args...))
}
