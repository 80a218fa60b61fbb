package selectplus

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// An Opening is where a Select Plus agreement stands on a date, as a
// customer knows it without the orders that brought it there (LIB-10): the
// as-of date, each pool's status, level, this agreement year's points and
// the carry, who bought those points, the associated agreement and the SA
// coverage each affiliate holds. [Open] starts a ledger from it.
//
// The opening counts everything dated before AsOf and every anniversary on
// or before it: the agreement year is the one AsOf falls in (GEN-15), and
// its next anniversary follows from the agreement's effective date, so
// neither is stated. Events dated AsOf or later are posted on top; one
// dated before it is refused as out of order (licensing.ErrOutOfOrder).
//
// Its JSON form is what [Ledger.Opening] writes and a customer can write by
// hand:
//
//	{"asOf": "2020-09-15",
//	 "pools": [{"pool": "Applications", "level": "B", "earned": "1200", "carry": "700"},
//	           {"pool": "Servers", "status": "hold", "level": "A"}]}
type Opening struct {
	AsOf licensing.Date `json:"asOf"`
	// Pools are the pools ever active, each once, in any order; a pool
	// not listed has never been active.
	Pools []OpeningPool `json:"pools,omitempty"`
	// Association is the agreement associated with this one, if any
	// (SP-26, SP-27, SP-35).
	Association *OpeningAssociation `json:"association,omitempty"`
	// Coverage is the SA coverage of products bought under this agreement,
	// one entry per affiliate and product (SP-45, SP-46).
	Coverage []OpeningCoverage `json:"saCoverage,omitempty"`
	// Orders are the IDs of orders already counted, if known: posting one
	// again is refused (INV-06).
	Orders []string `json:"orders,omitempty"`
}

// An OpeningPool is one pool's standing in an [Opening] (SP-32): its status
// (zero means Active), its level (which academic and government agreements
// may leave zero: theirs is one level, SP-28), the points bought this
// agreement year before the as-of date, the points carried in at the last
// anniversary (SP-22), and each affiliate's share of the year's points
// (SP-09). The shares may be left out when the pool has no points this
// year, or when the agreement has one affiliate, whose they all are;
// otherwise they must name registered affiliates and add up to Earned
// exactly (INV-05).
type OpeningPool struct {
	Pool   licensing.Pool              `json:"pool"`
	Status PoolStatus                  `json:"status,omitempty"`
	Level  licensing.Level             `json:"level,omitempty"`
	Earned licensing.Points            `json:"earned"`
	Carry  licensing.Points            `json:"carry"`
	Shares map[string]licensing.Points `json:"shares,omitempty"`
}

// An OpeningAssociation is the agreement a Select Plus agreement is
// associated with (SP-26, SP-33): its kind, its level, and whether it is
// still active (an EA or CASA that is waives the minimums, SP-27; one that
// expired keeps its level to the next anniversary, SP-35).
type OpeningAssociation struct {
	Kind   AssociationKind `json:"kind"`
	Level  licensing.Level `json:"level"`
	Active bool            `json:"active"`
}

// An OpeningCoverage is an affiliate's SA coverage of a product bought
// under this agreement: its last day (SP-39). The product must be the one
// orders name (the catalog row), or their SA-only lines will not find it.
// Coverage that ended before the as-of date has lapsed (SP-46), and is
// kept as such.
type OpeningCoverage struct {
	Affiliate string            `json:"affiliate"`
	Product   licensing.Product `json:"product"`
	End       licensing.Date    `json:"end"`
}

// Open starts a ledger of an existing agreement, as [Load] does, from where
// it stands on a date rather than from its history (LIB-10). The opening is
// checked exactly as a restored ledger is ([Ledger.UnmarshalJSON]): a
// position no sequence of events could reach is refused (INV-05 to
// INV-21) — a level the points pass (INV-10), a carry outside its bounds
// or before the first anniversary (INV-14, SP-22), a hold above Level A or
// in the first year (INV-16, SP-25), a level other than an academic or
// government agreement's one (INV-20), shares that do not add up (INV-05).
// The error is a *licensing.FieldError naming the Opening's field
// ("asOf", "pools[1].carry", `pools[0].shares["EU"]`, "saCoverage[0].end")
// and wrapping licensing.ErrInvalidOrder.
//
// The audit trail holds one Opened event per pool ever active, the
// opening itself, though a ledger keeps no other event unless SetAudit
// asks it to. An
// opened ledger knows no history before the as-of date's agreement year:
// [Ledger.Share]'s total counts from that year's points.
func Open(a Agreement, r Rules, o Opening) (*Ledger, error) {
	l, err := Load(a, r)
	if err != nil {
		return nil, err
	}
	s, names, err := l.opened(&o)
	if err != nil {
		return nil, err
	}
	if err := l.restore(s, names); err != nil {
		return nil, err
	}
	for _, p := range l.pos.pools {
		if p.Status == NeverActive {
			continue
		}
		l.audit = append(l.audit, Event{Date: o.AsOf, Transition: Opened, Pool: p.Pool, Points: p.Total(), After: p,
			why: licensing.Explain("LIB-10", fmt.Sprintf("opened in agreement year %d: %v at %v, %s bought this year, %s carried",
				l.pos.year, p.Status, levelText(p.Level), p.Earned.Display(), p.Carry.Display()),
				licensing.F("asOf", o.AsOf), licensing.F("nextAnniversary", l.pos.next))})
	}
	return l, nil
}

// opened turns an opening into the saved state it stands for, checking
// what only an opening states (a date, each pool once, whose the shares
// are), and returns the names restore gives its fields. The invariants are
// restore's to check.
func (l *Ledger) opened(o *Opening) (*saved, fieldNames, error) {
	bad := func(field, value string, format string, args ...any) error {
		return &licensing.FieldError{Field: field, Value: value, Err: fmt.Errorf("%w: "+format, append([]any{licensing.ErrInvalidOrder}, args...)...)}
	}
	eff := l.agreement.Effective
	if !o.AsOf.IsValid() || o.AsOf.Before(eff) {
		return nil, fieldNames{}, bad("asOf", o.AsOf.String(), "a date on or after the agreement's effective date %v is required (LIB-10)", eff)
	}
	year := licensing.YearOf(eff, o.AsOf)
	s := &saved{Year: year, Next: eff.Anniversary(year), Last: o.AsOf, Orders: make([]string, len(o.Orders))}
	for i, id := range o.Orders {
		s.Orders[i] = licensing.OrderKey(id) // LIB-13: as Post compares them
	}
	if a := o.Association; a != nil {
		s.Association = &OpeningAssociation{a.Kind, a.Level, a.Active}
	}
	var at [3]int // the index in o.Pools of each pool listed
	var listed [3]bool
	for k := range s.Pools {
		s.Pools[k] = PoolState{Pool: licensing.Pool(k + 1), Status: NeverActive}
	}
	for j, p := range o.Pools {
		name := "pools[" + strconv.Itoa(j) + "]"
		if !p.Pool.IsValid() || listed[p.Pool-1] {
			return nil, fieldNames{}, bad(name+".pool", p.Pool.String(), "each of Applications, Systems and Servers at most once")
		}
		st := PoolState{Pool: p.Pool, Status: cmp.Or(p.Status, Active), Level: p.Level, Earned: p.Earned, Carry: p.Carry}
		if l.fixed && st.Level == 0 && st.Status != NeverActive {
			st.Level = l.segLevel // SP-28: the one level
		}
		s.Pools[p.Pool-1], at[p.Pool-1], listed[p.Pool-1] = st, j, true
	}
	s.Affiliates = make([]affiliateJSON, len(l.affs))
	for i, a := range l.affs {
		s.Affiliates[i] = affiliateJSON{ID: a.id, Month: a.month}
	}
	for j, p := range o.Pools {
		k := int(p.Pool - 1)
		name := "pools[" + strconv.Itoa(j) + "].shares"
		if len(p.Shares) == 0 {
			if len(l.affs) > 1 && !p.Earned.IsZero() {
				return nil, fieldNames{}, bad(name, "", "%v points this year and %d affiliates: say whose (SP-09, INV-05)", p.Earned, len(l.affs))
			}
			s.Affiliates[0].Year[k] = p.Earned // the one affiliate's, or zero
			continue
		}
		var named []bool // by affiliate: "EU" and "EU " name one
		for _, id := range slices.Sorted(maps.Keys(p.Shares)) {
			i, ok := l.affiliate(id)
			if !ok {
				return nil, fieldNames{}, bad(name, id, "not a registered affiliate (SP-12)")
			}
			if named == nil {
				named = make([]bool, len(l.affs))
			}
			if named[i] {
				return nil, fieldNames{}, bad(name, id, "%q's share is given twice", l.affs[i].id)
			}
			named[i] = true
			s.Affiliates[i].Year[k] = p.Shares[id]
		}
	}
	for i := range s.Affiliates {
		s.Affiliates[i].Total = s.Affiliates[i].Year
	}
	for i, c := range o.Coverage {
		name := "saCoverage[" + strconv.Itoa(i) + "]"
		if err := c.Product.Validate(); err != nil {
			if fe := (*licensing.FieldError)(nil); errors.As(err, &fe) {
				return nil, fieldNames{}, bad(name+".product."+fe.Field, fe.Value, "%w", fe.Err)
			}
			return nil, fieldNames{}, err
		}
		if !c.End.IsValid() {
			return nil, fieldNames{}, bad(name+".end", c.End.String(), "the last day of coverage is required")
		}
		on := o.AsOf // the track's latest event: the opening, or the lapse before it
		if c.End.Before(on) {
			on = c.End
		}
		var t sa.Track
		if err := t.BuyLicenseSA(on, c.End); err != nil {
			return nil, fieldNames{}, bad(name+".end", c.End.String(), "%v", err)
		}
		s.Tracks = append(s.Tracks, trackJSON{Affiliate: strings.TrimSpace(c.Affiliate), Product: c.Product, Track: t})
	}
	names := fieldNames{
		year: "asOf",
		pool: func(k int) string {
			if !listed[k] {
				return "pools(" + licensing.Pool(k+1).String() + ", not listed)"
			}
			return "pools[" + strconv.Itoa(at[k]) + "]"
		},
		sum: func(k int) string { return "pools[" + strconv.Itoa(at[k]) + "].shares" },
		share: func(i, k int) string {
			return "pools[" + strconv.Itoa(at[k]) + "].shares[" + strconv.Quote(l.affs[i].id) + "]"
		},
		track: func(i int) string { return "saCoverage[" + strconv.Itoa(i) + "]" },
	}
	return s, names, nil
}

// Opening returns where the ledger stands on [Ledger.Now] as an Opening,
// every anniversary due by then passed. A ledger opened from it goes on
// exactly as this one does — the same receipts, reviews and refusals, and
// the same saved state but for three things an opening does not hold: the
// audit trail before it, the affiliates' points before its agreement year
// (Share's total), and the date of the latest SA purchase behind each
// coverage. The zero Ledger gives the zero Opening.
func (l *Ledger) Opening() Opening {
	if l.affIndex == nil {
		return Opening{}
	}
	p := l.pos
	l.passTo(&p, l.pos.last, true)
	o := Opening{AsOf: p.last, Orders: l.seen.all()}
	if p.assoc.kind != 0 {
		o.Association = &OpeningAssociation{p.assoc.kind, p.assoc.level, p.assoc.active}
	}
	for k, ps := range p.pools {
		if ps.Status == NeverActive {
			continue
		}
		op := OpeningPool{Pool: ps.Pool, Status: ps.Status, Level: ps.Level, Earned: ps.Earned, Carry: ps.Carry}
		for i, a := range l.affs {
			if y := p.shares[i].yearPoints(p.year, k); !y.IsZero() {
				if op.Shares == nil {
					op.Shares = map[string]licensing.Points{}
				}
				op.Shares[a.id] = y
			}
		}
		o.Pools = append(o.Pools, op)
	}
	for ai, a := range l.affs {
		start := len(o.Coverage)
		l.eachTrack(ai, func(prod licensing.Product, t sa.Track) {
			if end, ok := t.End(); ok {
				o.Coverage = append(o.Coverage, OpeningCoverage{Affiliate: a.id, Product: prod, End: end})
			}
		})
		slices.SortFunc(o.Coverage[start:], func(x, y OpeningCoverage) int { return compareProducts(x.Product, y.Product) })
	}
	return o
}
