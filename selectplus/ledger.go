package selectplus

import (
	"fmt"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// A Ledger replays a Select Plus agreement: a fold over dated events —
// orders, associations and their expiry, qualification, affiliate
// registrations — in which anniversaries pass as dates pass. It keeps one
// state per pool (SP-32) and hands every transition, with its rule, to a
// Sink if the caller sets one, keeping it in the audit trail only when
// asked (SetAudit). The same events always give the same state, and the
// state saves to JSON and restores identically (a restored ledger has no
// sink: set it again).
//
// Build a Ledger with New (a new agreement), Load (an existing one, from
// its first day) or Open (an existing one, from where it stands on a
// date); the zero Ledger has no agreement and refuses every event with an
// error.
//
// A Ledger is not safe for concurrent writes. Its reading methods —
// Check, CheckRenewal, Outlook, Pool, Year, Now, Share, Affiliates,
// Association, CoveredUntil, Coverage, QuoteSA, Extend, Opening,
// Agreement, Rules, Audit and MarshalJSON — change nothing and may run
// concurrently with each other; Post, PostInto, Renew, AdvanceTo, Register,
// Associate, ExpireAssociation, QualifyByPoints, QualifyBySelect, SetAudit,
// SetSink and UnmarshalJSON change the ledger and must not run
// concurrently with any other method. A service holds a read lock
// for quotes and a write lock for posts.
type Ledger struct {
	agreement Agreement
	rules     Rules
	fixed     bool            // academic or government: one level (SP-28)
	segLevel  licensing.Level // that level

	affIndex map[string]int
	affs     []affiliate

	pos    position
	seen   idSet
	covers covers

	auditOff bool
	audit    []Event
	sink     Sink
}

// New starts a new agreement (SP-01 to SP-08): a new commercial agreement
// is refused as retired unless its region is exempt (SP-01, ErrRetired), a
// commercial agreement needs an MBSA signed on or before its effective date
// (SP-05, SP-06), and affiliate IDs must be unique (SP-08).
func New(a Agreement, r Rules) (*Ledger, error) { return begin(a, r, true) }

// Load opens an existing agreement, which keeps working after the
// retirement (SP-01): only the checks that keep the ledger sound apply.
func Load(a Agreement, r Rules) (*Ledger, error) { return begin(a, r, false) }

func begin(a Agreement, r Rules, isNew bool) (*Ledger, error) {
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
		pos:      position{year: 1, next: a.Effective.Anniversary(1), last: a.Effective},
		auditOff: true, // a ledger keeps nothing it is not asked to (SetAudit, SetSink)
	}
	for i := range l.pos.pools {
		l.pos.pools[i] = PoolState{Pool: licensing.Pool(i + 1), Status: NeverActive}
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
	l.pos.shares = append(l.pos.shares, share{year: l.pos.year})
}

// SetAudit turns on or off (the default) the audit trail kept in memory,
// which Audit returns and a saved ledger holds. Off, the ledger keeps no
// event: its memory does not grow with the history but for the order IDs
// it has seen; a Sink still takes every event, and results still explain
// themselves through their Why methods.
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
	return l.pos.pools[p-1]
}

// Year returns the current agreement year (from 1) and the date of the
// next anniversary, or the zero Date when that would fall after 9999-12-31
// and the year runs to the calendar's end (LIB-09).
func (l *Ledger) Year() (int, licensing.Date) {
	next, _ := l.nextAnniversary()
	return l.pos.year, next
}

// nextAnniversary returns the anniversary that opens the next agreement
// year, and false when it would fall after 9999-12-31 (LIB-09): pos.next
// then holds the calendar's last day, which is no anniversary (passTo).
func (l *Ledger) nextAnniversary() (licensing.Date, bool) {
	if l.pos.year > licensing.MaxYear-l.agreement.Effective.Year() {
		return licensing.Date{}, false
	}
	return l.pos.next, true
}

// Now returns the latest date the ledger has reached.
func (l *Ledger) Now() licensing.Date { return l.pos.last }

// Share returns an affiliate's points in a pool this agreement year and
// since the agreement began (SP-09). The shares of all affiliates add up to
// the pool's Earned points and to its lifetime points.
func (l *Ledger) Share(affiliateID string, p licensing.Pool) (year, total licensing.Points, ok bool) {
	i, found := l.affiliate(affiliateID)
	if !found || !p.IsValid() {
		return licensing.Points{}, licensing.Points{}, false
	}
	s := l.pos.shares[i]
	return s.yearPoints(l.pos.year, int(p-1)), s.total[p-1], true
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
//
// The trail is empty unless SetAudit(true) asked for it (an opened ledger's
// holds its Opened events).
func (l *Ledger) Audit() []Event { return append([]Event(nil), l.audit...) }

// scanAffiliates is how many affiliates a ledger finds by comparing their
// IDs in turn rather than by hashing: a few IDs compare faster than one
// hashes. The answer is the same either way (IDs are unique, SP-08).
const scanAffiliates = 8

// affiliate returns the index of a registered affiliate.
func (l *Ledger) affiliate(id string) (int, bool) {
	if len(l.affs) <= scanAffiliates {
		for i := range l.affs {
			if l.affs[i].id == id {
				return i, true
			}
		}
	} else if i, ok := l.affIndex[id]; ok {
		return i, true
	}
	i, ok := l.affIndex[strings.TrimSpace(id)]
	return i, ok
}

// Register registers an affiliate on date d (SP-07, SP-12). Registration
// needs the agreement to exist (SP-06: not before the effective date), and
// a customer ID not yet registered (SP-08).
func (l *Ledger) Register(af Affiliate, d licensing.Date) error {
	if l.affIndex != nil && d.IsValid() && d.Before(l.agreement.Effective) {
		return licensing.Refuse("SP-06", licensing.ErrNotEligible, "registration on %v before the agreement's effective date %v", d, l.agreement.Effective)
	}
	if err := l.ready(d); err != nil {
		return err
	}
	id := strings.TrimSpace(af.ID)
	switch {
	case id == "":
		return &licensing.FieldError{Field: "id", Err: fmt.Errorf("%w: a customer ID is required (SP-08)", licensing.ErrInvalidOrder)}
	case !af.Anniversary.IsValid():
		return &licensing.FieldError{Field: "anniversary", Value: af.Anniversary.String(), Err: fmt.Errorf("%w: the affiliate's anniversary is required (SP-39)", licensing.ErrInvalidOrder)}
	}
	if _, dup := l.affIndex[id]; dup {
		return licensing.Refuse("SP-08", licensing.ErrNotEligible, "affiliate ID %q registered twice", id)
	}
	l.advance(d, true)
	l.agreement.Affiliates = append(l.agreement.Affiliates, Affiliate{ID: id, Anniversary: af.Anniversary})
	l.addAffiliate(af)
	l.record(Event{Date: d, Transition: Registration, Affiliate: id,
		why: licensing.Explain("SP-07", "affiliate registered", licensing.F("affiliate", id), licensing.F("anniversary", af.Anniversary))})
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
		return fmt.Errorf("selectplus: event dated %v, before the agreement's effective date %v: %w", d, l.agreement.Effective, licensing.ErrOutsideTerm)
	case d.Before(l.pos.last):
		return fmt.Errorf("selectplus: event dated %v, after one on %v was applied: %w", d, l.pos.last, licensing.ErrOutOfOrder)
	}
	return nil
}

// record hands an event to the sink, if there is one, and keeps it in the
// audit trail, when that is on.
func (l *Ledger) record(e Event) {
	if l.sink != nil {
		l.sink(e)
	}
	if !l.auditOff {
		l.audit = append(l.audit, e)
	}
}

// logging reports whether anyone takes the ledger's events.
func (l *Ledger) logging() bool { return l.sink != nil || !l.auditOff }

// A Sink takes each decision of a ledger as it is made: an order's effect
// on a pool, an anniversary review, a refusal, an association. The event's
// figures are typed values, and its explanation is built only when the
// sink calls Why. [JSONLines] is a Sink that writes JSON lines.
type Sink func(Event)

// SetSink hands every later event to s as it happens, whether or not the
// audit trail keeps it; nil hands none.
func (l *Ledger) SetSink(s Sink) { l.sink = s }
