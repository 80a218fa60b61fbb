package selectplus

import (
	"fmt"
	"strings"
	"time"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// A Status is where a pool stands (SP-16, SP-25). The zero Status is
// NeverActive: a pool no order has opened yet.
type Status uint8

// The pool statuses.
const (
	NeverActive Status = iota
	Active
	OnHold
)

var statusNames = [...]string{NeverActive: "never", Active: "active", OnHold: "hold"}

// String returns "never", "active" or "hold".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(?)"
}

// A PoolState is one pool's standing (SP-32): its status, its level (zero
// for a pool never active), the points bought this agreement year and the
// points carried in at the last anniversary.
type PoolState struct {
	Pool   licensing.Pool
	Status Status
	Level  licensing.Level
	Earned licensing.Points // bought this agreement year (SP-56)
	Carry  licensing.Points // carried in at the last anniversary (SP-22)
}

// Total returns the year's running total, carryover included: Earned + Carry.
func (s PoolState) Total() licensing.Points { return s.Earned.Add(s.Carry) }

// affiliate is a registered affiliate, its share of each pool's points
// (SP-09) this agreement year and since the agreement began, and its SA
// coverage per product (SP-45, SP-46). The coverage list grows with the
// products the affiliate buys with SA, not with its orders, and is scanned
// linearly: an affiliate buys few distinct products.
type affiliate struct {
	id    string
	month time.Month // anniversary month (SP-39)
	year  [3]licensing.Points
	total [3]licensing.Points
	cover []productTrack
}

// A productTrack is an affiliate's SA coverage of one product.
type productTrack struct {
	product licensing.Product
	track   sa.Track
}

// setTrack records the coverage a line leaves for its product.
func (a *affiliate) setTrack(u trackUpdate) {
	if _, i := a.track(u.product); i >= 0 {
		a.cover[i].track = u.track
	} else {
		a.cover = append(a.cover, productTrack{u.product, u.track})
	}
}

// track returns the affiliate's coverage of p, and its index (-1 if none).
func (a *affiliate) track(p licensing.Product) (sa.Track, int) {
	for i := range a.cover {
		if a.cover[i].product == p {
			return a.cover[i].track, i
		}
	}
	return sa.Track{}, -1
}

// association is the agreement associated with this one, if any (SP-26,
// SP-27, SP-35).
type association struct {
	kind   AssociationKind
	level  licensing.Level
	active bool
}

// A Ledger replays a Select Plus agreement: a fold over dated events —
// orders, associations and their expiry, affiliate registrations — in which
// anniversaries pass as dates pass. It keeps one state per pool (SP-32) and
// records every transition with its rule (the audit trail, which can be
// turned off). The same events always give the same state, and the state
// saves to JSON and restores identically.
//
// Build a Ledger with New (a new agreement) or Load (an existing one); the
// zero Ledger has no agreement and refuses every event. A Ledger is not safe
// for concurrent use.
type Ledger struct {
	agreement Agreement
	rules     Rules
	fixed     bool            // academic or government: one level (SP-28)
	segLevel  licensing.Level // that level

	affIndex map[string]int
	affs     []affiliate

	pools [3]PoolState
	year  int            // the current agreement year, from 1
	next  licensing.Date // the next anniversary: Effective.Anniversary(year)
	last  licensing.Date // the latest date time has reached

	seen  idSet
	assoc association

	auditOff bool
	audit    []Transition
}

// New starts a new agreement (SP-01 to SP-08): a new commercial agreement
// is refused as retired unless its region is exempt (SP-01, ErrRetired), a
// commercial agreement needs an MBSA signed on or before its effective date
// (SP-05, SP-06), and affiliate IDs must be unique (SP-08).
func New(a Agreement, r Rules) (*Ledger, error) { return open(a, r, true) }

// Load opens an existing agreement, which keeps working after the
// retirement (SP-01): only the checks that keep the ledger sound apply.
func Load(a Agreement, r Rules) (*Ledger, error) { return open(a, r, false) }

func open(a Agreement, r Rules, isNew bool) (*Ledger, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if err := a.check(r, isNew); err != nil {
		return nil, err
	}
	a.Affiliates = append([]Affiliate(nil), a.Affiliates...)
	r.Thresholds = append(Thresholds(nil), r.Thresholds...)
	r.ExemptRegions = append([]licensing.Region(nil), r.ExemptRegions...)
	fixed, _ := segmentFixed(a.Segment)
	l := &Ledger{
		agreement: a, rules: r, fixed: fixed, segLevel: r.segmentLevel(a.Segment),
		affIndex: map[string]int{},
		year:     1, next: a.Effective.Anniversary(1), last: a.Effective,
	}
	for i := range l.pools {
		l.pools[i].Pool = licensing.Pool(i + 1)
	}
	for _, af := range a.all() {
		l.addAffiliate(af)
	}
	return l, nil
}

func (l *Ledger) addAffiliate(af Affiliate) {
	id := strings.TrimSpace(af.ID)
	l.affIndex[id] = len(l.affs)
	l.affs = append(l.affs, affiliate{id: id, month: af.Anniversary.Month()})
}

// Reserve makes room to record n more order IDs, so that replaying a
// history of known size does not regrow the record of IDs as it goes. It
// changes nothing else.
func (l *Ledger) Reserve(n int) {
	if n > 0 {
		l.seen.reserve(n)
	}
}

// SetAudit turns the audit trail on (the default) or off. With it off the
// ledger records no transitions and builds no explanations, which is what
// replaying millions of lines wants.
func (l *Ledger) SetAudit(on bool) { l.auditOff = !on }

// Agreement returns the agreement the ledger replays.
func (l *Ledger) Agreement() Agreement {
	a := l.agreement
	a.Affiliates = append([]Affiliate(nil), a.Affiliates...)
	return a
}

// Rules returns the rules the ledger applies.
func (l *Ledger) Rules() Rules {
	r := l.rules
	r.Thresholds = append(Thresholds(nil), r.Thresholds...)
	r.ExemptRegions = append([]licensing.Region(nil), r.ExemptRegions...)
	return r
}

// Pool returns the state of pool p.
func (l *Ledger) Pool(p licensing.Pool) PoolState {
	if !p.IsValid() {
		return PoolState{Pool: p}
	}
	return l.pools[p-1]
}

// Year returns the current agreement year (from 1) and the date of the
// next anniversary.
func (l *Ledger) Year() (int, licensing.Date) { return l.year, l.next }

// Now returns the latest date the ledger has reached.
func (l *Ledger) Now() licensing.Date { return l.last }

// Share returns an affiliate's points in a pool this agreement year and
// since the agreement began (SP-09). The shares of all affiliates add up to
// the pool's Earned points and to its lifetime points.
func (l *Ledger) Share(affiliateID string, p licensing.Pool) (year, total licensing.Points, ok bool) {
	i, found := l.affIndex[strings.TrimSpace(affiliateID)]
	if !found || !p.IsValid() {
		return licensing.Points{}, licensing.Points{}, false
	}
	return l.affs[i].year[p-1], l.affs[i].total[p-1], true
}

// Affiliates returns the IDs of the registered affiliates, the lead first.
func (l *Ledger) Affiliates() []string {
	out := make([]string, len(l.affs))
	for i, a := range l.affs {
		out[i] = a.id
	}
	return out
}

// Audit returns the audit trail: every transition in the order it
// happened. The caller owns the slice.
func (l *Ledger) Audit() []Transition { return append([]Transition(nil), l.audit...) }

// Register registers an affiliate on date d (SP-07, SP-12). Registration
// needs the agreement to exist (SP-06: not before the effective date), and
// a customer ID not yet registered (SP-08).
func (l *Ledger) Register(af Affiliate, d licensing.Date) error {
	if err := l.ready(d); err != nil {
		return err
	}
	id := strings.TrimSpace(af.ID)
	switch {
	case id == "" || !af.Anniversary.IsValid():
		return fmt.Errorf("selectplus: register: %w: a customer ID and an anniversary are required", licensing.ErrInvalidOrder)
	case d.Before(l.agreement.Effective):
		return licensing.Refuse("SP-06", licensing.ErrNotEligible, "registration on %v before the agreement's effective date %v", d, l.agreement.Effective)
	}
	if _, dup := l.affIndex[id]; dup {
		return licensing.Refuse("SP-08", licensing.ErrInvalidOrder, "affiliate ID %q registered twice", id)
	}
	l.advance(d, true, nil)
	l.agreement.Affiliates = append(l.agreement.Affiliates, Affiliate{ID: id, Anniversary: af.Anniversary})
	l.addAffiliate(af)
	l.record(Transition{Date: d, Kind: Registration, Affiliate: id,
		Explanation: licensing.Explain("SP-07", "affiliate registered", licensing.F("affiliate", id), licensing.F("anniversary", af.Anniversary))})
	return nil
}

// ready checks that the ledger has an agreement and that d is not before
// the latest date it has reached.
func (l *Ledger) ready(d licensing.Date) error {
	switch {
	case l.affIndex == nil:
		return fmt.Errorf("selectplus: the zero Ledger has no agreement: use New or Load: %w", licensing.ErrInvalidOrder)
	case !d.IsValid():
		return fmt.Errorf("selectplus: %w: a valid date is required", licensing.ErrInvalidOrder)
	case d.Before(l.agreement.Effective):
		return licensing.Refuse("GEN-15", licensing.ErrOutsideTerm, "event dated %v, before the agreement's effective date %v", d, l.agreement.Effective)
	case d.Before(l.last):
		return fmt.Errorf("selectplus: event dated %v, after one on %v was applied: %w", d, l.last, licensing.ErrOutOfOrder)
	}
	return nil
}

func (l *Ledger) record(t Transition) {
	if !l.auditOff {
		l.audit = append(l.audit, t)
	}
}

// explain builds an explanation only when the audit trail is on; with it
// off, only the rule is kept. It is inlined, so the closures of a call
// cost nothing when the audit trail is off.
func (l *Ledger) explain(rule licensing.RuleID, result func() string, facts func() []licensing.Fact) licensing.Explanation {
	if l.auditOff {
		return licensing.Explanation{Rule: rule}
	}
	return explanation(rule, result, facts)
}

func explanation(rule licensing.RuleID, result func() string, facts func() []licensing.Fact) licensing.Explanation {
	return licensing.Explanation{Rule: rule, Result: result(), Facts: facts()}
}
