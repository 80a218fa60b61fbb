package selectplus

import (
	"fmt"

	"github.com/vlrules/vlrules/licensing"
)

// A Review is one pool's annual review at an anniversary (SP-21 to SP-25,
// SP-27, SP-28): the year's running total that was checked, carryover
// included, the state before and after (After.Carry is what the new year
// starts with), and what happened.
type Review struct {
	Date        licensing.Date
	Pool        licensing.Pool
	Total       licensing.Points
	Before      PoolState
	After       PoolState
	Kind        Kind
	Explanation licensing.Explanation
}

// AdvanceTo passes every anniversary on or before d, in date order, and
// returns the reviews of the pools that have ever been active (pools in the
// order Applications, Systems, Servers). An anniversary opens the new
// agreement year, so an order dated on it counts in the new year (GEN-15,
// SP-56). A date before one the ledger has reached is refused
// (ErrOutOfOrder).
func (l *Ledger) AdvanceTo(d licensing.Date) ([]Review, error) {
	if err := l.ready(d); err != nil {
		return nil, err
	}
	var out []Review
	l.advance(d, true, &out)
	return out, nil
}

// advance passes the anniversaries before d (and on d when inclusive),
// collecting reviews into out when it is not nil.
func (l *Ledger) advance(d licensing.Date, inclusive bool, out *[]Review) {
	for l.next.Before(d) || (inclusive && l.next == d) {
		l.passAnniversary(out)
	}
	if d.After(l.last) {
		l.last = d
	}
}

// passAnniversary reviews every pool at the next anniversary and opens the
// new agreement year. The what-if runs the same function on a copy.
func (l *Ledger) passAnniversary(out *[]Review) {
	a := l.next
	waived := l.assoc.active && l.assoc.kind.waives()
	for i := range l.pools {
		before := l.pools[i]
		if before.Status == NeverActive {
			continue
		}
		after, kind, rule := l.rules.review(before, l.fixed, waived)
		l.pools[i] = after
		total := before.Total()
		e := l.explain(rule, func() string { return reviewResult(kind, before, after) }, func() []licensing.Fact {
			return []licensing.Fact{licensing.F("anniversary", a), licensing.F("total", total), licensing.F("level", before.Level),
				licensing.F("threshold", l.thresholdText(before.Level)), licensing.F("carry", after.Carry)}
		})
		if out != nil {
			*out = append(*out, Review{Date: a, Pool: before.Pool, Total: total, Before: before, After: after, Kind: kind, Explanation: e})
		}
		l.record(Transition{Date: a, Kind: kind, Pool: before.Pool, Points: total, Before: before, After: after, Explanation: e})
	}
	for j := range l.affs {
		l.affs[j].year = [3]licensing.Points{}
	}
	l.year++
	l.next = l.agreement.Effective.Anniversary(l.year)
}

// review is the annual check of one pool (SP-21 to SP-25, SP-27, SP-28),
// a pure function of its state:
//
//   - a pool on hold stays on hold (SP-25);
//   - with an active EA or CASA the minimums are waived: no drop, no hold
//     (SP-27);
//   - academic and government keep their one level, or go on hold below the
//     hold minimum (SP-28, SP-25);
//   - a commercial pool that met its level's threshold keeps the level and
//     carries the excess (SP-22; at the top level only if CarryAtTop);
//   - one that fell short drops one level, or goes on hold from the lowest
//     (SP-23, SP-25), carrying nothing.
func (r *Rules) review(s PoolState, fixed, waived bool) (PoolState, Kind, licensing.RuleID) {
	t := s.Total()
	n := s
	n.Earned, n.Carry = licensing.Points{}, licensing.Points{}
	switch {
	case s.Status == OnHold:
		return n, Hold, "SP-25"
	case waived:
		if th, ok := r.Thresholds.Of(s.Level); ok && !fixed && t.AtLeast(th) {
			n.Carry = r.carry(s.Level, t, th)
		}
		return n, Waived, "SP-27"
	case fixed:
		if !t.AtLeast(r.HoldMinimum) {
			n.Status = OnHold
			return n, Hold, "SP-25"
		}
		return n, Keep, "SP-28"
	}
	th, _ := r.Thresholds.Of(s.Level)
	switch {
	case t.AtLeast(th):
		n.Carry = r.carry(s.Level, t, th)
		if n.Carry.IsZero() {
			return n, Keep, "SP-22"
		}
		return n, Carry, "SP-22"
	case s.Level == r.Thresholds[0].Level:
		n.Status = OnHold
		return n, Hold, "SP-25"
	}
	n.Level = r.Thresholds.below(s.Level)
	return n, Drop, "SP-23"
}

// carry is the excess a pool at level l carries with total t over its
// threshold th (SP-22): all of it, except at the top level when CarryAtTop
// is off.
func (r *Rules) carry(l licensing.Level, t, th licensing.Points) licensing.Points {
	if _, below := r.Thresholds.above(l); !below && !r.CarryAtTop {
		return licensing.Points{}
	}
	return t.Sub(th)
}

func (l *Ledger) thresholdText(lv licensing.Level) string {
	if l.fixed {
		return l.rules.HoldMinimum.String() + " (hold minimum)"
	}
	if th, ok := l.rules.Thresholds.Of(lv); ok {
		return th.String()
	}
	return "none"
}

func reviewResult(k Kind, before, after PoolState) string {
	switch k {
	case Carry:
		return fmt.Sprintf("met the %v threshold: keeps %v, carries %v", before.Level, after.Level, after.Carry)
	case Keep:
		return fmt.Sprintf("keeps %v, carries nothing", after.Level)
	case Drop:
		return fmt.Sprintf("short of the %v threshold: drops to %v, carries nothing", before.Level, after.Level)
	case Hold:
		if before.Status == OnHold {
			return "stays on hold"
		}
		return fmt.Sprintf("short of the minimum at %v: on hold", before.Level)
	case Waived:
		return fmt.Sprintf("minimums waived by the associated agreement: keeps %v, carries %v", after.Level, after.Carry)
	}
	return k.String()
}
