package selectplus

import (
	"fmt"

	"github.com/vlrules/vlrules/licensing"
)

// An Outlook is a pool's what-if: where it stands, what it still needs, and
// where the next anniversary will leave it if nothing more is bought. In an
// agreement year that runs to the calendar's end, whose next anniversary
// would fall after 9999-12-31, NextAnniversary is the zero Date, ToKeep is
// zero, After is State and AfterTransition is zero: no anniversary comes
// (LIB-09).
type Outlook struct {
	State           PoolState      `json:"state"`
	NextAnniversary licensing.Date `json:"nextAnniversary"`
	// NextLevel is the next level up, and ToNextLevel the points still
	// needed to reach it now (SP-18); zero at the top, for a fixed level,
	// and for a pool never active or on hold, where ToNextLevel is what one
	// order must bring to open the pool (SP-16, SP-25).
	NextLevel   licensing.Level  `json:"nextLevel"`
	ToNextLevel licensing.Points `json:"toNextLevel"`
	// ToKeep is the points still needed by the next anniversary to keep the
	// level, or for the lowest level to stay off hold (SP-22 to SP-25); zero
	// when the threshold is met or the minimums are waived (SP-27).
	ToKeep licensing.Points `json:"toKeep"`
	// After is the state after the next anniversary if nothing more is
	// bought, and AfterTransition what that anniversary does.
	After           PoolState  `json:"after"`
	AfterTransition Transition `json:"afterTransition"`
	why             licensing.Explanation
}

// Why explains the outlook: where the pool will be after the next
// anniversary if nothing more is bought.
func (o Outlook) Why() licensing.Explanation { return o.why }

// Outlook returns pool p's what-if. It folds the next anniversary on a copy
// of the ledger, through the same code that passes real anniversaries, and
// changes nothing.
func (l *Ledger) Outlook(p licensing.Pool) (Outlook, error) {
	if l.affIndex == nil || !p.IsValid() {
		return Outlook{}, fmt.Errorf("selectplus: outlook for pool %v: %w", p, licensing.ErrInvalidOrder)
	}
	s := l.pos.pools[p-1]
	next, comes := l.nextAnniversary()
	o := Outlook{State: s, NextAnniversary: next, After: s}
	if comes {
		after, reviews := l.anniversary(l.pos, nil)
		o.After = after.pools[p-1]
		for _, r := range reviews {
			if r.Pool == p {
				o.AfterTransition = r.Transition
			}
		}
	}

	// ToKeep counts toward the next anniversary's minimums: none when no
	// anniversary comes (LIB-09) or they are waived (SP-27).
	keep := comes && !l.pos.assoc.waives()
	t := s.Total()
	switch {
	case s.Status == NeverActive:
		o.ToNextLevel = l.rules.InitialMinimum
	case s.Status == OnHold:
		o.ToNextLevel = positive(l.rules.HoldMinimum.Sub(s.Earned))
	case l.fixed:
		if keep {
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
		if th, ok := l.rules.Thresholds.Of(s.Level); ok && keep {
			o.ToKeep = positive(th.Sub(t))
		}
	}
	facts := []licensing.Fact{licensing.F("pool", p), licensing.F("total", t), licensing.F("toNextLevel", o.ToNextLevel), licensing.F("toKeep", o.ToKeep)}
	switch {
	case !comes:
		o.why = licensing.Explain("LIB-09", fmt.Sprintf("no anniversary follows agreement year %d within the calendar, which ends on 9999-12-31: the pool stays %v at %v",
			l.pos.year, s.Status, levelText(s.Level)), append(facts, licensing.F("effective", l.agreement.Effective))...)
		return o, nil
	case s.Status == NeverActive:
		o.why = licensing.Explain("SP-16", fmt.Sprintf("no order has opened the pool; its first order must bring %s points", o.ToNextLevel.Display()), facts...)
		return o, nil
	}
	o.why = licensing.Explain("SP-21", fmt.Sprintf("if nothing more is bought, %v on %v: %v at %v, carrying %v",
		o.AfterTransition, o.NextAnniversary, o.After.Status, levelText(o.After.Level), o.After.Carry.Display()), facts...)
	return o, nil
}

func positive(p licensing.Points) licensing.Points {
	if p.Sign() < 0 {
		return licensing.Points{}
	}
	return p
}
