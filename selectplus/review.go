package selectplus

import (
	"fmt"

	"github.com/vlrules/vlrules/licensing"
)

// A Review is one pool's annual review at an anniversary (SP-21 to SP-25,
// SP-27, SP-28): the year's running total that was checked, carryover
// included, the state before and after (After.Carry is what the new year
// starts with), and the transition.
type Review struct {
	Date       licensing.Date   `json:"date"`
	Pool       licensing.Pool   `json:"pool"`
	Total      licensing.Points `json:"total"`
	Before     PoolState        `json:"before"`
	After      PoolState        `json:"after"`
	Transition Transition       `json:"transition"`
	rule       licensing.RuleID
	threshold  threshold
}

// A threshold is the figure a review measured a total against, as the
// explanation shows it.
type threshold struct {
	points      licensing.Points
	ok          bool // there is one
	holdMinimum bool // it is the hold minimum of a fixed-level segment
}

func (t threshold) String() string {
	switch {
	case !t.ok:
		return "none"
	case t.holdMinimum:
		return t.points.String() + " (hold minimum)"
	}
	return t.points.String()
}

// Why explains the review, built when called: the rule, the anniversary,
// the total against the threshold, and the carry.
func (r Review) Why() licensing.Explanation {
	return licensing.Explain(r.rule, reviewResult(r.Transition, r.Before, r.After),
		licensing.F("anniversary", r.Date), licensing.F("total", r.Total), licensing.F("level", r.Before.Level),
		licensing.F("threshold", r.threshold), licensing.F("carry", r.After.Carry))
}

// event is the review as a line of the audit trail.
func (r Review) event() Event {
	return Event{Date: r.Date, Transition: r.Transition, Pool: r.Pool, Points: r.Total, Before: r.Before, After: r.After,
		lazy: fromReview, rule: r.rule, threshold: r.threshold}
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
	return l.advance(d, true), nil
}

// advance passes the anniversaries before d (and on d when inclusive) and
// records their reviews.
func (l *Ledger) advance(d licensing.Date, inclusive bool) []Review {
	pos := l.pos
	reviews := l.passTo(&pos, d, inclusive)
	l.pos = pos
	if l.logging() {
		for _, r := range reviews {
			l.record(r.event())
		}
	}
	return reviews
}

// passTo moves *p to the position it reaches on d: every anniversary
// before d (and on d when inclusive) passed; it returns their reviews. It
// changes nothing else: Check and Outlook fold it on a copy of the
// ledger's position, Post and AdvanceTo commit it. p is moved in place,
// since most orders pass no anniversary and a position is not small.
func (l *Ledger) passTo(p *position, d licensing.Date, inclusive bool) []Review {
	var out []Review
	// p.next is the anniversary that opens year p.year+1, the year-th after
	// the effective date; past 9999-12-31 there is none (LIB-09), and
	// p.next, saturated, is not one.
	for p.year <= licensing.MaxYear-l.agreement.Effective.Year() && (p.next.Before(d) || (inclusive && p.next == d)) {
		*p, out = l.anniversary(*p, out)
	}
	if d.After(p.last) {
		p.last = d
	}
	return out
}

// anniversary reviews every pool ever active at p's next anniversary and
// opens the new agreement year, appending the reviews to out.
func (l *Ledger) anniversary(p position, out []Review) (position, []Review) {
	a := p.next
	waived := p.assoc.waives()
	for i := range p.pools {
		before := p.pools[i]
		if before.Status == NeverActive {
			continue
		}
		after, tr, rule := l.rules.review(before, l.fixed, waived)
		p.pools[i] = after
		out = append(out, Review{Date: a, Pool: before.Pool, Total: before.Total(), Before: before, After: after,
			Transition: tr, rule: rule, threshold: l.thresholdOf(before.Level)})
	}
	p.year++
	p.next = l.agreement.Effective.Anniversary(p.year)
	return p, out
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
func (r *Rules) review(s PoolState, fixed, waived bool) (PoolState, Transition, licensing.RuleID) {
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

// thresholdOf is the figure a pool at level lv is reviewed against.
func (l *Ledger) thresholdOf(lv licensing.Level) threshold {
	if l.fixed {
		return threshold{points: l.rules.HoldMinimum, ok: true, holdMinimum: true}
	}
	p, ok := l.rules.Thresholds.Of(lv)
	return threshold{points: p, ok: ok}
}

func reviewResult(k Transition, before, after PoolState) string {
	switch k {
	case Carry:
		return fmt.Sprintf("met the %v threshold: keeps %v, carries %s", before.Level, after.Level, after.Carry.Display())
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
		return fmt.Sprintf("minimums waived by the associated agreement: keeps %v, carries %s", after.Level, after.Carry.Display())
	}
	return k.String()
}
