package selectplus

import (
	"fmt"
	"slices"

	"github.com/vlrules/vlrules/licensing"
)

// A Threshold is the annual points a pool needs for a commercial level
// (SP-15).
type Threshold struct {
	Level  licensing.Level
	Points licensing.Points
	Rule   licensing.RuleID
}

// Thresholds is the commercial level table, in increasing order of level
// and points. It implements licensing.LevelPolicy.
type Thresholds []Threshold

var _ licensing.LevelPolicy = Thresholds{}

// defaultThresholds is SP-15: A 500, B 4,000, C 10,000, D 25,000 annual
// points per pool.
var defaultThresholds = Thresholds{
	{licensing.LevelA, licensing.WholePoints(500), "SP-15"},
	{licensing.LevelB, licensing.WholePoints(4_000), "SP-15"},
	{licensing.LevelC, licensing.WholePoints(10_000), "SP-15"},
	{licensing.LevelD, licensing.WholePoints(25_000), "SP-15"},
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

// A ReactivationPolicy says how a pool on hold becomes active again (SP-25).
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

// String returns "SingleOrder" or "Cumulative".
func (r ReactivationPolicy) String() string {
	switch r {
	case SingleOrder:
		return "SingleOrder"
	case Cumulative:
		return "Cumulative"
	}
	return "ReactivationPolicy(?)"
}

// Rules is the table of numbers and policy flags the Select Plus rules run
// on. Every flag that RULES readings leave open is here with its
// recommended default; swap in another value to follow another reading.
type Rules struct {
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
}

// DefaultRules returns the rules as the Select Plus guide of February 2019
// states them, with the recommended readings where it is ambiguous.
func DefaultRules() Rules {
	return Rules{
		Thresholds:            slices.Clone(defaultThresholds),
		InitialMinimum:        licensing.WholePoints(500), // SP-16
		HoldMinimum:           licensing.WholePoints(500), // SP-25
		HoldReactivation:      SingleOrder,                // SP-25
		CarryCountsForUpgrade: true,                       // SP-22 (b)
		CarryAtTop:            true,                       // SP-22 (3a)
		AcademicLevel:         licensing.LevelA,           // SP-30
		GovernmentLevel:       licensing.LevelD,           // SP-29
	}
}

// Validate reports a rules table that cannot work: thresholds not strictly
// increasing in level and points, or not starting at Level A; a negative
// minimum; an unknown reactivation policy or segment level.
func (r Rules) Validate() error {
	if len(r.Thresholds) == 0 || r.Thresholds[0].Level != licensing.LevelA {
		return fmt.Errorf("selectplus: rules: thresholds must start at Level A (SP-15)")
	}
	for i, th := range r.Thresholds {
		if !th.Level.IsValid() || th.Points.Sign() <= 0 {
			return fmt.Errorf("selectplus: rules: threshold %d (%v at %v) is not a level with positive points", i+1, th.Level, th.Points)
		}
		if i > 0 && (th.Level <= r.Thresholds[i-1].Level || th.Points.Cmp(r.Thresholds[i-1].Points) <= 0) {
			return fmt.Errorf("selectplus: rules: thresholds must increase in level and points (SP-15): %v at %v after %v at %v",
				th.Level, th.Points, r.Thresholds[i-1].Level, r.Thresholds[i-1].Points)
		}
	}
	switch {
	case r.InitialMinimum.Sign() < 0 || r.HoldMinimum.Sign() < 0:
		return fmt.Errorf("selectplus: rules: minimums must not be negative")
	case r.HoldReactivation != SingleOrder && r.HoldReactivation != Cumulative:
		return fmt.Errorf("selectplus: rules: unknown reactivation policy %v", r.HoldReactivation)
	case !r.AcademicLevel.IsValid() || !r.GovernmentLevel.IsValid():
		return fmt.Errorf("selectplus: rules: academic and government levels are required (SP-29, SP-30)")
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
	{licensing.Commercial, false, nil, "SP-15"},
	{licensing.Academic, true, func(r *Rules) licensing.Level { return r.AcademicLevel }, "SP-30"},
	{licensing.Government, true, func(r *Rules) licensing.Level { return r.GovernmentLevel }, "SP-29"},
}
