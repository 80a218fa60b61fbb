package selectplus

import (
	"fmt"

	"github.com/vlrules/vlrules/licensing"
)

// An Outlook is a pool's what-if: where it stands, what it still needs, and
// where the next anniversary will leave it if nothing more is bought.
type Outlook struct {
	State           PoolState
	NextAnniversary licensing.Date
	// NextLevel is the next level up, and ToNextLevel the points still
	// needed to reach it now (SP-18); zero at the top, for a fixed level,
	// and for a pool never active or on hold, where ToNextLevel is what one
	// order must bring to open the pool (SP-16, SP-25).
	NextLevel   licensing.Level
	ToNextLevel licensing.Points
	// ToKeep is the points still needed by the next anniversary to keep the
	// level, or for the lowest level to stay off hold (SP-22 to SP-25); zero
	// when the threshold is met or the minimums are waived (SP-27).
	ToKeep licensing.Points
	// After is the state after the next anniversary if nothing more is
	// bought, and AfterKind what that anniversary does.
	After       PoolState
	AfterKind   Kind
	Explanation licensing.Explanation
}

// Outlook returns pool p's what-if. It folds the next anniversary on a copy
// of the ledger, through the same code that passes real anniversaries, and
// changes nothing.
func (l *Ledger) Outlook(p licensing.Pool) (Outlook, error) {
	if l.affIndex == nil || !p.IsValid() {
		return Outlook{}, fmt.Errorf("selectplus: outlook for pool %v: %w", p, licensing.ErrInvalidOrder)
	}
	s := l.pools[p-1]
	o := Outlook{State: s, NextAnniversary: l.next}

	c := Ledger{agreement: l.agreement, rules: l.rules, fixed: l.fixed, segLevel: l.segLevel,
		pools: l.pools, year: l.year, next: l.next, last: l.last, assoc: l.assoc}
	var reviews []Review
	c.passAnniversary(&reviews)
	o.After, o.AfterKind = c.pools[p-1], 0
	for _, r := range reviews {
		if r.Pool == p {
			o.AfterKind = r.Kind
		}
	}

	waived := l.assoc.active && l.assoc.kind.waives()
	t := s.Total()
	switch {
	case s.Status == NeverActive:
		o.ToNextLevel = l.rules.InitialMinimum
	case s.Status == OnHold:
		o.ToNextLevel = positive(l.rules.HoldMinimum.Sub(s.Earned))
	case l.fixed:
		if !waived {
			o.ToKeep = positive(l.rules.HoldMinimum.Sub(t))
		}
	default:
		upgradeBasis := s.Earned
		if l.rules.CarryCountsForUpgrade {
			upgradeBasis = t
		}
		if th, ok := l.rules.Thresholds.above(s.Level); ok {
			o.NextLevel = l.rules.Thresholds.LevelFor(th)
			o.ToNextLevel = positive(th.Sub(upgradeBasis))
		}
		if th, ok := l.rules.Thresholds.Of(s.Level); ok && !waived {
			o.ToKeep = positive(th.Sub(t))
		}
	}
	o.Explanation = licensing.Explain("SP-21", fmt.Sprintf("if nothing more is bought, %v on %v: %v at %v, carrying %v",
		o.AfterKind, o.NextAnniversary, o.After.Status, levelText(o.After.Level), o.After.Carry),
		licensing.F("pool", p), licensing.F("total", t), licensing.F("toNextLevel", o.ToNextLevel), licensing.F("toKeep", o.ToKeep))
	return o, nil
}

func positive(p licensing.Points) licensing.Points {
	if p.Sign() < 0 {
		return licensing.Points{}
	}
	return p
}
