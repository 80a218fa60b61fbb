package selectplus

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// state is the saved form of a Ledger: everything it holds, in a stable
// order, so that the same ledger always saves to the same bytes.
type state struct {
	Agreement   Agreement        `json:"agreement"`
	Rules       Rules            `json:"rules"`
	Pools       [3]PoolState     `json:"pools"`
	Year        int              `json:"year"`
	Next        licensing.Date   `json:"nextAnniversary"`
	Last        licensing.Date   `json:"last"`
	Affiliates  []affiliateState `json:"affiliates"`
	Seen        []string         `json:"orders"`
	Association *associationJSON `json:"association,omitempty"`
	Tracks      []trackState     `json:"saCoverage,omitempty"`
	AuditOff    bool             `json:"auditOff,omitempty"`
	Audit       []Transition     `json:"audit,omitempty"`
}

type affiliateState struct {
	ID    string              `json:"id"`
	Month time.Month          `json:"anniversaryMonth"`
	Year  [3]licensing.Points `json:"year"`
	Total [3]licensing.Points `json:"total"`
}

type associationJSON struct {
	Kind   AssociationKind `json:"kind"`
	Level  licensing.Level `json:"level"`
	Active bool            `json:"active"`
}

type trackState struct {
	Affiliate string            `json:"affiliate"`
	Product   licensing.Product `json:"product"`
	Track     sa.Track          `json:"track"`
}

// MarshalJSON saves the ledger: agreement, rules, pools, year, affiliates
// and their shares, the order IDs seen, the association, SA coverage and
// the audit trail. UnmarshalJSON restores it identically.
func (l *Ledger) MarshalJSON() ([]byte, error) {
	if l.affIndex == nil {
		return nil, fmt.Errorf("selectplus: the zero Ledger has no agreement to save")
	}
	s := state{Agreement: l.agreement, Rules: l.rules, Pools: l.pools, Year: l.year, Next: l.next, Last: l.last,
		AuditOff: l.auditOff, Audit: l.audit}
	for _, a := range l.affs {
		s.Affiliates = append(s.Affiliates, affiliateState{a.id, a.month, a.year, a.total})
	}
	s.Seen = l.seen.all()
	slices.Sort(s.Seen)
	if l.assoc.kind != 0 {
		s.Association = &associationJSON{l.assoc.kind, l.assoc.level, l.assoc.active}
	}
	for _, a := range l.affs {
		for _, c := range a.cover {
			s.Tracks = append(s.Tracks, trackState{a.id, c.product, c.track})
		}
	}
	return json.Marshal(s)
}

// UnmarshalJSON restores a ledger saved by MarshalJSON, checking that the
// saved state is consistent: valid rules and agreement, pools in order,
// affiliates matching the agreement, no order ID twice.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var s state
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("selectplus: restoring a ledger: %w", err)
	}
	n, err := Load(s.Agreement, s.Rules)
	if err != nil {
		return fmt.Errorf("selectplus: restoring a ledger: %w", err)
	}
	if len(s.Affiliates) != len(n.affs) {
		return fmt.Errorf("selectplus: restoring a ledger: %d affiliates saved, %d in the agreement", len(s.Affiliates), len(n.affs))
	}
	for i, a := range s.Affiliates {
		if a.ID != n.affs[i].id || a.Month != n.affs[i].month {
			return fmt.Errorf("selectplus: restoring a ledger: affiliate %d is %q, the agreement says %q", i+1, a.ID, n.affs[i].id)
		}
		n.affs[i].year, n.affs[i].total = a.Year, a.Total
	}
	for i, p := range s.Pools {
		if p.Pool != licensing.Pool(i+1) || p.Status > OnHold {
			return fmt.Errorf("selectplus: restoring a ledger: pool %d is %v (%v)", i+1, p.Pool, p.Status)
		}
	}
	if s.Year < 1 || s.Next != n.agreement.Effective.Anniversary(s.Year) || s.Last.Before(n.agreement.Effective) {
		return fmt.Errorf("selectplus: restoring a ledger: year %d, next anniversary %v, last %v do not fit the agreement", s.Year, s.Next, s.Last)
	}
	n.pools, n.year, n.next, n.last, n.auditOff, n.audit = s.Pools, s.Year, s.Next, s.Last, s.AuditOff, s.Audit
	n.seen.reserve(len(s.Seen))
	for _, id := range s.Seen {
		if !n.seen.add(id) {
			return fmt.Errorf("selectplus: restoring a ledger: order %q twice: %w", id, licensing.ErrDuplicateOrder)
		}
	}
	if a := s.Association; a != nil {
		n.assoc = association{a.Kind, a.Level, a.Active}
	}
	for _, t := range s.Tracks {
		ai, ok := n.affIndex[t.Affiliate]
		if !ok {
			return fmt.Errorf("selectplus: restoring a ledger: SA coverage of unknown affiliate %q", t.Affiliate)
		}
		if _, i := n.affs[ai].track(t.Product); i >= 0 {
			return fmt.Errorf("selectplus: restoring a ledger: SA coverage of %s by %q twice", t.Product, t.Affiliate)
		}
		n.affs[ai].cover = append(n.affs[ai].cover, productTrack{t.Product, t.Track})
	}
	*l = *n
	return nil
}
