package selectplus

import (
	"errors"
	"fmt"

	"github.com/vlrules/vlrules/licensing"
)

// ErrInvalidAssociationKind is wrapped by every error that reports a malformed kind of associated agreement.
var ErrInvalidAssociationKind = errors.New("invalid kind of associated agreement")

// An AssociationKind is the kind of agreement a Select Plus agreement can
// be associated with (SP-26, SP-33). The zero AssociationKind is not valid.
type AssociationKind uint8

// The kinds of associated agreement.
const (
	EnterpriseAgreement AssociationKind = iota + 1
	CampusAndSchool
	SelectLicense
)

// Associate associates the agreement on d with another agreement of kind
// kind at price level level (SP-26, SP-33, SP-34). Each commercial pool
// moves at once to the better of its level and the associated one, never to
// a worse one (INV-19); pools never active or on hold open at the
// associated level, a pool on hold keeping the points bought this year
// (INV-01, INV-05). Academic and government keep their one level (SP-28),
// but their pools open too. While an EA or a Campus and School Agreement
// stays active, no anniversary drops a level or puts a pool on hold
// (SP-27).
func (l *Ledger) Associate(kind AssociationKind, level licensing.Level, d licensing.Date) error {
	if err := l.ready(d); err != nil {
		return err
	}
	if !kind.IsValid() || !level.IsValid() || level == licensing.NoLevel {
		return fmt.Errorf("selectplus: associate: %w: a kind of agreement and a level A to D are required", licensing.ErrInvalidOrder)
	}
	l.advance(d, true)
	l.pos.assoc = association{kind: kind, level: level, active: true}
	for i := range l.pos.pools {
		before := l.pos.pools[i]
		after := before
		after.Status = Active
		switch {
		case l.fixed:
			after.Level = l.segLevel
		case before.Status == Active:
			after.Level = max(before.Level, level)
		default:
			after.Level = level
		}
		l.pos.pools[i] = after
		if l.logging() {
			l.record(Event{Date: d, Transition: Associated, Pool: after.Pool, Before: before, After: after,
				why: licensing.Explain("SP-26", fmt.Sprintf("associated with a %v at %v: the pool is at %v", kind, level, after.Level),
					licensing.F("kind", kind), licensing.F("associatedLevel", level), licensing.F("levelBefore", levelText(before.Level)))})
		}
	}
	return nil
}

// ExpireAssociation records that the associated agreement's term ended on d
// without renewal (SP-35). Its level stays until the next anniversary on or
// after d, where the normal compliance check applies: at most one level
// down for a commercial pool, the hold below the minimum for academic and
// government (SP-35 reading (a)).
func (l *Ledger) ExpireAssociation(d licensing.Date) error {
	if err := l.ready(d); err != nil {
		return err
	}
	if !l.pos.assoc.active {
		return fmt.Errorf("selectplus: expire: %w: no active association", licensing.ErrInvalidOrder)
	}
	l.advance(d, false) // an anniversary on d itself comes after the expiry
	kind := l.pos.assoc.kind
	l.pos.assoc.active = false
	if l.logging() {
		l.record(Event{Date: d, Transition: Expired, why: licensing.Explain("SP-35",
			fmt.Sprintf("the associated %v expired: levels stay to the next anniversary, where the normal check applies", kind),
			licensing.F("kind", kind), licensing.F("nextAnniversary", l.pos.next))})
	}
	return nil
}

// Association returns the associated agreement's kind and level, and
// whether it is active.
func (l *Ledger) Association() (AssociationKind, licensing.Level, bool) {
	return l.pos.assoc.kind, l.pos.assoc.level, l.pos.assoc.active
}

// QualifyByPoints sets the initial level of each pool from the points
// earned over the past 12 months under another volume licensing agreement
// (SP-36, Option 2). The agreement qualifies when at least one pool has 500
// points or more (reading (b)); each such pool opens at the level of its
// own points, and the others stay never active, so their first order must
// meet the initial minimum (SP-16). The minimums apply from the next
// anniversary, with no waiver (SP-37). It must come before any order.
func (l *Ledger) QualifyByPoints(d licensing.Date, prior map[licensing.Pool]licensing.Points) error {
	if err := l.ready(d); err != nil {
		return err
	}
	levels := map[licensing.Pool]licensing.Level{}
	for p, pts := range prior {
		if lv := l.rules.Thresholds.LevelFor(pts); lv != 0 && p.IsValid() {
			levels[p] = lv
		}
	}
	if len(levels) == 0 {
		return licensing.Refuse("SP-36", licensing.ErrNotEligible, "no pool earned %v points over the past 12 months", l.rules.Thresholds[0].Points)
	}
	return l.qualify(d, levels, "SP-36")
}

// QualifyBySelect gives each pool the level the customer passed its most
// recent Select compliance check at (SP-38). It must come before any order.
func (l *Ledger) QualifyBySelect(d licensing.Date, levels map[licensing.Pool]licensing.Level) error {
	return l.qualify(d, levels, "SP-38")
}

func (l *Ledger) qualify(d licensing.Date, levels map[licensing.Pool]licensing.Level, rule licensing.RuleID) error {
	if err := l.ready(d); err != nil {
		return err
	}
	for _, ps := range l.pos.pools {
		if ps.Status != NeverActive {
			return fmt.Errorf("selectplus: qualify: %w: pools are already open", licensing.ErrOutOfOrder)
		}
	}
	for p, lv := range levels {
		if !p.IsValid() || !lv.IsValid() || lv == licensing.NoLevel {
			return fmt.Errorf("selectplus: qualify: %w: pool %v, level %v", licensing.ErrInvalidOrder, p, lv)
		}
	}
	l.advance(d, true)
	for _, p := range licensing.Pools() {
		lv, ok := levels[p]
		if !ok {
			continue
		}
		if l.fixed {
			lv = l.segLevel
		}
		before := l.pos.pools[p-1]
		l.pos.pools[p-1].Status, l.pos.pools[p-1].Level = Active, lv
		after := l.pos.pools[p-1]
		if l.logging() {
			l.record(Event{Date: d, Transition: Qualification, Pool: p, Before: before, After: after,
				why: licensing.Explain(rule, fmt.Sprintf("initial level %v", after.Level), licensing.F("pool", p), licensing.F("level", after.Level))})
		}
	}
	return nil
}
