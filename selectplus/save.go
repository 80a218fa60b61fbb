package selectplus

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// saved is the JSON form of a Ledger: its agreement, rules and position,
// in a stable order, so that the same ledger always saves to the same
// bytes.
type saved struct {
	Agreement   Agreement           `json:"agreement"`
	Rules       Rules               `json:"rules"`
	Pools       [3]PoolState        `json:"pools"`
	Year        int                 `json:"year"`
	Next        licensing.Date      `json:"nextAnniversary"`
	Last        licensing.Date      `json:"last"`
	Association *OpeningAssociation `json:"association,omitempty"`
	Affiliates  []affiliateJSON     `json:"affiliates"`
	Orders      []string            `json:"orders"`
	Tracks      savedTracks         `json:"saCoverage,omitempty"`
	AuditOff    bool                `json:"auditOff,omitempty"`
	Audit       []eventJSON         `json:"audit,omitempty"`
}

type affiliateJSON struct {
	ID    string              `json:"id"`
	Month time.Month          `json:"anniversaryMonth"`
	Year  [3]licensing.Points `json:"year"`
	Total [3]licensing.Points `json:"total"`
}

type trackJSON struct {
	Affiliate string            `json:"affiliate"`
	Product   licensing.Product `json:"product"`
	Track     sa.Track          `json:"track"`
}

// savedTracks is the saved SA coverage. Its restore names the entry of a
// track that sa.Track refuses: savedNames.track(i) and the track's field.
type savedTracks []trackJSON

// UnmarshalJSON restores the saved SA coverage entry by entry.
func (ts *savedTracks) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	out := make(savedTracks, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &out[i]); err != nil {
			if fe := (*licensing.FieldError)(nil); errors.As(err, &fe) {
				return &licensing.FieldError{Field: savedNames.track(i) + "." + fe.Field, Value: fe.Value, Err: fe.Err}
			}
			return fmt.Errorf("saCoverage[%d]: %w", i, err)
		}
	}
	*ts = out
	return nil
}

type eventJSON struct {
	Date       licensing.Date        `json:"date"`
	Transition Transition            `json:"transition"`
	Pool       licensing.Pool        `json:"pool,omitempty"`
	Order      string                `json:"order,omitempty"`
	Affiliate  string                `json:"affiliate,omitempty"`
	Points     licensing.Points      `json:"points"`
	Before     PoolState             `json:"before"`
	After      PoolState             `json:"after"`
	Why        licensing.Explanation `json:"why"`
}

// MarshalJSON saves the ledger: agreement, rules, pools, year, affiliates
// and their shares, the order IDs seen, the association, SA coverage and
// the audit trail. UnmarshalJSON restores it identically.
func (l Ledger) MarshalJSON() ([]byte, error) {
	if l.affIndex == nil {
		return nil, fmt.Errorf("selectplus: the zero Ledger has no agreement to save")
	}
	p := l.pos
	s := saved{Agreement: l.agreement, Rules: l.rules, Pools: p.pools, Year: p.year, Next: p.next, Last: p.last, AuditOff: l.auditOff}
	if p.assoc.kind != 0 {
		s.Association = &OpeningAssociation{p.assoc.kind, p.assoc.level, p.assoc.active}
	}
	for i, a := range l.affs {
		sh := p.shares[i]
		var year [3]licensing.Points
		for k := range year {
			year[k] = sh.yearPoints(p.year, k)
		}
		s.Affiliates = append(s.Affiliates, affiliateJSON{a.id, a.month, year, sh.total})
		l.eachTrack(i, func(prod licensing.Product, t sa.Track) { s.Tracks = append(s.Tracks, trackJSON{a.id, prod, t}) })
	}
	slices.SortFunc(s.Tracks, func(x, y trackJSON) int {
		return cmp.Or(cmp.Compare(l.affIndex[x.Affiliate], l.affIndex[y.Affiliate]), compareProducts(x.Product, y.Product))
	})
	s.Orders = l.seen.all()
	slices.Sort(s.Orders)
	for _, e := range l.audit {
		s.Audit = append(s.Audit, eventJSON{e.Date, e.Transition, e.Pool, e.Order, e.Affiliate, e.Points, e.Before, e.After, e.Why()})
	}
	return json.Marshal(s)
}

// UnmarshalJSON restores a ledger saved by MarshalJSON, and refuses a saved
// state no sequence of events could have produced — a file a user edited by
// hand: rules or an agreement that do not validate, affiliates that differ
// from the agreement's, a pool state the rules cannot reach (INV-10,
// INV-14, INV-16, INV-20), shares that do not add up to the pools (INV-05),
// a calendar that does not fit the agreement, an order ID twice (INV-06).
// The error names the field at fault; on error the ledger is unchanged.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var s saved
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("selectplus: restoring a ledger: %w", err)
	}
	n, err := Load(s.Agreement, s.Rules)
	if err != nil {
		return fmt.Errorf("selectplus: restoring a ledger: %w", err)
	}
	if err := n.restore(&s, savedNames); err != nil {
		return err
	}
	n.auditOff = s.AuditOff
	for _, e := range s.Audit {
		n.audit = append(n.audit, Event{Date: e.Date, Transition: e.Transition, Pool: e.Pool, Order: e.Order, Affiliate: e.Affiliate,
			Points: e.Points, Before: e.Before, After: e.After, why: e.Why})
	}
	*l = *n
	return nil
}

// fieldNames says how restore names the fields it refuses: as a saved
// ledger writes them, or as the Opening they came from does.
type fieldNames struct {
	year  string                // the calendar: year, next anniversary, last date
	pool  func(k int) string    // pool index k (Pool − 1)
	sum   func(k int) string    // what disagrees when the shares of pool k do not add up (INV-05)
	share func(i, k int) string // affiliate i's points in pool k
	track func(i int) string    // SA coverage entry i
}

// savedNames are the fields of a saved ledger.
var savedNames = fieldNames{
	year:  "year",
	pool:  func(k int) string { return fmt.Sprintf("pools[%d]", k) },
	sum:   func(k int) string { return fmt.Sprintf("pools[%d].earned", k) },
	share: func(i, _ int) string { return fmt.Sprintf("affiliates[%d].year", i) },
	track: func(i int) string { return fmt.Sprintf("saCoverage[%d].track", i) },
}

// restore sets the position of l, a ledger just loaded from s's agreement
// and rules, to the position s holds, and refuses a position no sequence of
// events could have produced (INV-05 to INV-21): the one place that checks
// a state the ledger did not reach by itself, whether saved (UnmarshalJSON)
// or stated (Open). The error names the field at fault as names says; on
// error l is left half set and must be dropped.
func (l *Ledger) restore(s *saved, names fieldNames) error {
	bad := func(field string, format string, args ...any) error {
		return &licensing.FieldError{Field: field, Value: fmt.Sprintf(format, args...),
			Err: fmt.Errorf("%w: a saved ledger no events could produce", licensing.ErrInvalidOrder)}
	}
	// Last may equal Next: an association that expires on an anniversary
	// leaves that anniversary to come (SP-35). It is never before the
	// anniversary that opened the year: passing it set Last.
	if s.Year < 1 || s.Year > licensing.MaxYear-l.agreement.Effective.Year()+1 || s.Next != l.agreement.Effective.Anniversary(s.Year) ||
		s.Last.Before(l.agreement.Effective.Anniversary(s.Year-1)) || s.Last.After(s.Next) {
		return bad(names.year, "year %d, next anniversary %v, last %v with the agreement effective %v", s.Year, s.Next, s.Last, l.agreement.Effective)
	}
	l.pos.year, l.pos.next, l.pos.last, l.pos.pools = s.Year, s.Next, s.Last, s.Pools
	if a := s.Association; a != nil {
		if !a.Kind.IsValid() || a.Level < licensing.LevelA || !a.Level.IsValid() {
			return bad("association", "%v at %v", a.Kind, a.Level)
		}
		l.pos.assoc = association{a.Kind, a.Level, a.Active}
	}
	for i, p := range s.Pools {
		if err := l.checkPool(i, p, names.pool(i)); err != nil {
			return err
		}
	}
	if len(s.Affiliates) != len(l.affs) {
		return bad("affiliates", "%d saved, %d in the agreement", len(s.Affiliates), len(l.affs))
	}
	var sums [3]licensing.Points
	limit := licensing.WholePoints(licensing.MaxPoints)
	for i, a := range s.Affiliates {
		switch {
		case a.ID != l.affs[i].id:
			return bad(fmt.Sprintf("affiliates[%d].id", i), "%q; the agreement's affiliate %d is %q", a.ID, i+1, l.affs[i].id)
		case a.Month != l.affs[i].month:
			return bad(fmt.Sprintf("affiliates[%d].anniversaryMonth", i), "%d; %q's anniversary is in %v", int(a.Month), a.ID, l.affs[i].month)
		}
		for k := range a.Year {
			// A share is within LIB-03's bound, as Post keeps it, so that
			// the sums below cannot wrap: each stays within the bound or
			// is refused before the next is added.
			if a.Year[k].Sign() < 0 || a.Total[k].Cmp(a.Year[k]) < 0 || a.Total[k].Cmp(limit) > 0 {
				return bad(names.share(i, k), "%v this year, %v in all (LIB-03: at most %d)", a.Year[k], a.Total[k], licensing.MaxPoints)
			}
			if sums[k] = sums[k].Add(a.Year[k]); sums[k].Cmp(limit) > 0 {
				return bad(names.sum(k), "the affiliates' shares add up to more than %d points (LIB-03, INV-05)", licensing.MaxPoints)
			}
		}
		l.pos.shares[i] = share{year: s.Year, inYear: a.Year, total: a.Total}
	}
	for k, p := range s.Pools {
		if !sums[k].Equal(p.Earned) {
			return bad(names.sum(k), "%v; the affiliates' shares add up to %v (INV-05)", p.Earned, sums[k])
		}
	}
	bytes := 0
	for _, id := range s.Orders {
		bytes += len(id)
	}
	l.seen.reserve(len(s.Orders), bytes)
	for i, id := range s.Orders {
		switch key := licensing.OrderKey(id); {
		case key == "":
			return bad(fmt.Sprintf("orders[%d]", i), "%q: an order ID is required", id)
		case id != key:
			return bad(fmt.Sprintf("orders[%d]", i), "%q: a ledger saves order IDs without surrounding white space (LIB-13)", id)
		case !l.seen.add(id):
			return &licensing.FieldError{Field: fmt.Sprintf("orders[%d]", i), Value: id, Err: fmt.Errorf("%w: %w: listed twice (INV-06)", licensing.ErrInvalidOrder, licensing.ErrDuplicateOrder)}
		}
	}
	for i, t := range s.Tracks {
		ai, ok := l.affIndex[t.Affiliate]
		if !ok {
			return bad(fmt.Sprintf("saCoverage[%d].affiliate", i), "%q is not registered", t.Affiliate)
		}
		a := &l.affs[ai]
		if _, dup := l.track(ai, t.Product); dup {
			return bad(fmt.Sprintf("saCoverage[%d]", i), "coverage of %s by %q twice", t.Product, t.Affiliate)
		}
		// The ledger keeps a track only once coverage is bought, and its
		// latest event is one the ledger applied, on or after the
		// effective date (sa.Track's own restore has checked that
		// coverage does not end before that event).
		end, ok := t.Track.End()
		next, hasNext := end.DayAfter()
		switch last := t.Track.Latest(); {
		case !ok:
			return bad(names.track(i)+".covered", "false: the ledger keeps coverage of %s by %q only once it is bought", t.Product, t.Affiliate)
		case end.Before(l.agreement.Effective):
			return bad(names.track(i)+".end", "%v, before the agreement began", end)
		case last.Before(l.agreement.Effective):
			return bad(names.track(i)+".last", "%v, before the agreement began", last)
		case last.After(s.Last):
			return bad(names.track(i)+".last", "%v, after the ledger's latest event on %v", last, s.Last)
		case !hasNext || next.Day() != 1 || next.Month() != a.month:
			return bad(names.track(i)+".end", "%v: SA coverage ends the day before one of %q's anniversaries, the 1st of %v (SP-39, SP-44)", end, t.Affiliate, a.month)
		}
		l.setTrack(ai, -1, t.Product, t.Track)
	}
	return nil
}

// compareProducts orders products field by field, so that coverage saves
// in a stable order.
func compareProducts(x, y licensing.Product) int {
	return cmp.Or(cmp.Compare(x.Program, y.Program), cmp.Compare(x.Name, y.Name), cmp.Compare(x.PartNumber, y.PartNumber),
		cmp.Compare(x.Family, y.Family), cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.Pool, y.Pool), x.Points.Cmp(y.Points))
}

// checkPool checks that a saved pool state, at index i and named name, is
// one the rules can reach.
func (l *Ledger) checkPool(i int, p PoolState, name string) error {
	bad := func(field, format string, args ...any) error {
		return &licensing.FieldError{Field: name + "." + field, Value: fmt.Sprintf(format, args...),
			Err: fmt.Errorf("%w: a pool state the rules cannot reach", licensing.ErrInvalidOrder)}
	}
	r := &l.rules
	lowest := r.Thresholds[0].Level
	if l.fixed {
		lowest = l.segLevel
	}
	limit := licensing.WholePoints(licensing.MaxPoints)
	assoc := l.pos.assoc
	switch {
	case p.Pool != licensing.Pool(i+1):
		return bad("pool", "%v at index %d", p.Pool, i)
	case !p.Status.IsValid():
		return bad("status", "%v", p.Status)
	case p.Earned.Sign() < 0:
		return bad("earned", "%v points", p.Earned)
	case p.Carry.Sign() < 0:
		return bad("carry", "%v points", p.Carry)
	case p.Earned.Cmp(limit) > 0 || p.Carry.Cmp(limit) > 0 || p.Earned.Add(p.Carry).Cmp(limit) > 0: // LIB-03
		return bad("earned", "%v earned and %v carried: a running total beyond %v points (LIB-03)", p.Earned, p.Carry, limit)
	case assoc.active && assoc.waives() && p.Status != Active: // SP-26, SP-27, INV-18
		return bad("status", "%v while the associated %v is active: association opens every pool and none goes on hold", p.Status, assoc.kind)
	case assoc.active && assoc.waives() && !l.fixed && p.Level < assoc.level: // INV-19
		return bad("level", "%v below the associated %v's %v", p.Level, assoc.kind, assoc.level)
	case p.Status == NeverActive && (p.Level != 0 || !p.Earned.IsZero() || !p.Carry.IsZero()):
		return bad("level", "a pool never active is at %v with %v points", p.Level, p.Total())
	case p.Status == NeverActive:
		return nil
	case l.fixed && p.Level != l.segLevel: // INV-20
		return bad("level", "%v for a %v agreement, whose one level is %v", p.Level, l.agreement.Segment, l.segLevel)
	case !l.fixed && (!p.Level.IsValid() || p.Level < lowest):
		return bad("level", "%v is not a commercial level", p.Level)
	case p.Status == OnHold && (p.Level != lowest || !p.Carry.IsZero()): // INV-16
		return bad("level", "on hold at %v carrying %v", p.Level, p.Carry)
	case p.Status == OnHold && r.HoldReactivation == SingleOrder && !p.Earned.IsZero(),
		p.Status == OnHold && !r.HoldMinimum.IsZero() && p.Earned.AtLeast(r.HoldMinimum): // INV-17
		return bad("earned", "%v points on hold", p.Earned)
	case l.fixed && !p.Carry.IsZero():
		return bad("carry", "%v carried by a single-level agreement", p.Carry)
	case l.pos.year == 1 && p.Status == OnHold: // SP-25: a hold starts at an anniversary
		return bad("status", "on hold before the first anniversary")
	case l.pos.year == 1 && !p.Carry.IsZero(): // SP-22: carry comes from an anniversary
		return bad("carry", "%v carried before the first anniversary", p.Carry)
	}
	if l.fixed {
		return nil
	}
	t := p.Earned
	if r.CarryCountsForUpgrade {
		t = p.Total()
	}
	if p.Status == Active && r.Thresholds.LevelFor(t) > p.Level { // INV-10
		return bad("level", "%v with %v points, which reach %v", p.Level, t, r.Thresholds.LevelFor(t))
	}
	if _, below := r.Thresholds.above(p.Level); !below && !r.CarryAtTop && !p.Carry.IsZero() { // SP-22
		return bad("carry", "%v carried at the top level %v, which carries nothing under these rules", p.Carry, p.Level)
	}

	// INV-14 bounds the carry where carried points count for upgrades
	// (SP-22 reading (b)); under reading (a) they may pass the next level.
	if next, ok := r.Thresholds.above(p.Level); ok && r.CarryCountsForUpgrade {
		th, _ := r.Thresholds.Of(p.Level)
		if p.Carry.Cmp(next.Sub(th)) >= 0 {
			return bad("carry", "%v at %v, not below the gap to the next level", p.Carry, p.Level)
		}
	}
	return nil
}
