package selectplus

import (
	"errors"
	"fmt"
	"strings"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// A LineResult is how one order line was counted: its pool, its points
// (license and SA), the level it is priced at (SP-19) and, for a line with
// SA, the coverage it buys (SP-39).
type LineResult struct {
	Line   int // from 1, in order
	Pool   licensing.Pool
	Points licensing.Points
	Level  licensing.Level
	SA     licensing.Coverage // zero when the line buys no SA
}

// A PoolResult is what an order did to one pool.
type PoolResult struct {
	Pool        licensing.Pool
	Points      licensing.Points // the order's points in the pool; zero if untouched
	Before      PoolState
	After       PoolState
	Kind        Kind // zero if the order has no line in the pool
	Explanation licensing.Explanation
}

// A Receipt is the outcome of an accepted order.
type Receipt struct {
	Order     string
	Date      licensing.Date
	Affiliate string
	Pools     [3]PoolResult // Applications, Systems, Servers
	Lines     []LineResult
}

// An SABasis says why an SA-only line may be bought when it does not renew
// coverage bought under this agreement (SP-13): the license was bought FPP
// or OEM and is within its enrollment window (SP-40, SP-41), or its SA comes
// from another agreement and has not yet expired (SP-47).
type SABasis struct {
	Line int // the order line, from 1

	Purchase  *sa.Purchase // enrollment: the FPP or OEM purchase
	SAVersion int          // enrollment: the version the SA is for (SP-41)

	OtherExpires licensing.Date // SA from another agreement: its expiry
}

// Post applies an order (SP-10 to SP-20). It first passes every anniversary
// on or before the order's date — time passes whether or not the order is
// accepted — and then applies the order atomically: if any pool refuses it,
// it is refused as a whole and nothing changes.
//
// Each line counts in its product's pool: license points × quantity, plus
// L·m/24 × quantity for SA (SA-01, SA-20). L&SA is prepaid: its SA runs from
// the order to the third affiliate anniversary and all its SA points count
// on the order date (SP-39, SA-03 reading (a)); a line's SAMonths, when set,
// counts fewer months (a spread installment). An SA-only line renews the
// affiliate's coverage of the product bought under this agreement on or
// before its expiry (SP-45); after a lapse it is refused (SP-46) unless an
// SABasis admits it.
//
// A pool's first order must bring InitialMinimum points (SP-16); a pool on
// hold reactivates with HoldMinimum points in one order (SP-25); a
// commercial pool's level rises as soon as its running total reaches a
// threshold, and the whole order is priced at the new level (SP-18, SP-19).
// An order ID already posted is refused (ErrDuplicateOrder), as is an order
// by an unregistered affiliate (SP-12) or dated before an event already
// applied (ErrOutOfOrder).
func (l *Ledger) Post(o licensing.Order, bases ...SABasis) (Receipt, error) {
	lines, rc, err := l.PostAppend(nil, o, bases...)
	rc.Lines = lines
	return rc, err
}

// PostAppend is Post that appends the line results to dst and returns the
// extended slice; Receipt.Lines is left nil. With a reused dst and the audit
// trail off, posting allocates nothing but the record of the order's ID.
func (l *Ledger) PostAppend(dst []LineResult, o licensing.Order, bases ...SABasis) ([]LineResult, Receipt, error) {
	return l.post(dst, o, bases, false)
}

// Check decides whether the ledger would accept the order now, without
// changing anything: it passes the anniversaries before the order's date on
// a copy of the ledger and runs the very code Post runs, stopping before it
// changes anything. It implements licensing.Checker; a refusal's Err names
// the rule and wraps a sentinel such as ErrNotEligible. Malformed orders
// are errors.
func (l *Ledger) Check(o licensing.Order) (licensing.Decision, error) {
	if err := l.ready(o.Date); err != nil {
		return licensing.Decision{}, err
	}
	c := *l
	c.affs = append([]affiliate(nil), l.affs...)
	c.auditOff = true
	_, rc, err := c.post(nil, o, nil, true)
	if err != nil {
		var fe *licensing.FieldError
		if errors.As(err, &fe) {
			return licensing.Decision{}, err
		}
		return licensing.Decision{Because: []licensing.Explanation{licensing.Explain(ruleOf(err), "refused: "+err.Error())}, Err: err}, nil
	}
	d := licensing.Decision{Allowed: true}
	for _, pr := range rc.Pools {
		if pr.Kind != 0 {
			d.Because = append(d.Because, licensing.Explain(pr.Explanation.Rule, orderResult(pr.Kind, pr.Before, pr.After),
				licensing.F("pool", pr.Pool), licensing.F("points", pr.Points), licensing.F("level", levelText(pr.After.Level))))
		}
	}
	return d, nil
}

var _ licensing.Checker = (*Ledger)(nil)

// affiliate returns the index of a registered affiliate.
func (l *Ledger) affiliate(id string) (int, bool) {
	if i, ok := l.affIndex[id]; ok {
		return i, true
	}
	i, ok := l.affIndex[strings.TrimSpace(id)]
	return i, ok
}

// post applies an order, or with dry set works out what it would do and
// stops before changing anything but the copy's clock (Check runs it on a
// copy). Everything that can refuse the order comes before the first
// change.
func (l *Ledger) post(dst []LineResult, o licensing.Order, bases []SABasis, dry bool) ([]LineResult, Receipt, error) {
	rc := Receipt{Order: o.ID, Date: o.Date, Affiliate: o.Affiliate}
	if err := l.ready(o.Date); err != nil {
		return dst, rc, err
	}
	if err := o.ValidateHeader(); err != nil {
		return dst, rc, err
	}
	var slot int
	var fp uint64
	if dry {
		if l.seen.has(o.ID) {
			return dst, rc, duplicate(o.ID)
		}
	} else if s, f, dup := l.seen.probe(o.ID); dup {
		return dst, rc, duplicate(o.ID)
	} else {
		slot, fp = s, f
	}
	ai, ok := l.affiliate(o.Affiliate)
	if !ok {
		return dst, rc, licensing.Refuse("SP-12", ErrUnregistered, "order %q by %q", o.ID, o.Affiliate)
	}
	l.advance(o.Date, true, nil) // time passes whether or not the order is accepted

	start := len(dst)
	var pts [3]licensing.Points
	var touched [3]bool
	var pendingBuf [8]trackUpdate
	pending := pendingBuf[:0]  // the SA coverage the order leaves, one per SA line
	var cov licensing.Coverage // SP-39, computed at the first line with SA
	for i := range o.Lines {
		line := &o.Lines[i]
		if err := line.Validate(); err != nil {
			return dst[:start], rc, o.LineError(i+1, err)
		}
		p := line.Product.Pool
		if !p.IsValid() {
			return dst[:start], rc, licensing.Refuse("GEN-04", licensing.ErrNoPool, "order %q line %d: %s has no pool; set one in the catalog", o.ID, i+1, line.Product.Name)
		}
		var c licensing.Coverage
		if line.Offering.HasSA() {
			if cov.Months == 0 {
				cov = sa.ThirdAnniversary(o.Date, l.affs[ai].month)
			}
			var upd trackUpdate
			var err error
			if c, upd, err = l.saLine(o, i, line, ai, cov, pending, bases); err != nil {
				return dst[:start], rc, err
			}
			pending = append(pending, upd)
			if line.SAMonths > c.Months {
				return dst[:start], rc, licensing.Refuse("SP-39", licensing.ErrInvalidOrder,
					"order %q line %d: %d SA months exceed the %d months of coverage to the third affiliate anniversary", o.ID, i+1, line.SAMonths, c.Months)
			}
			if line.SAMonths == 0 {
				counted := *line
				counted.SAMonths = c.Months
				line = &counted
			}
		}
		license, saPts, _, err := line.Count()
		if err != nil {
			return dst[:start], rc, err
		}
		total := license.Add(saPts)
		if pts[p-1], ok = pts[p-1].AddChecked(total); !ok {
			return dst[:start], rc, licensing.Refuse("GEN-05", licensing.ErrOverflow, "order %q: points out of range", o.ID)
		}
		touched[p-1] = true
		dst = append(dst, LineResult{Line: i + 1, Pool: p, Points: total, SA: c})
	}

	var next [3]PoolState
	var kinds [3]Kind
	var rules [3]licensing.RuleID
	for i := range l.pools {
		if !touched[i] {
			continue
		}
		var err error
		next[i] = l.pools[i]
		if kinds[i], rules[i], err = l.rules.order(&next[i], pts[i], l.fixed, l.segLevel); err != nil {
			if !l.auditOff {
				l.record(Transition{Date: o.Date, Kind: Refused, Pool: l.pools[i].Pool, Order: o.ID, Affiliate: o.Affiliate, Points: pts[i],
					Before: l.pools[i], After: l.pools[i], Explanation: licensing.Explain(ruleOf(err), err.Error())})
			}
			return dst[:start], rc, err
		}
	}

	// Nothing below can fail.
	for i := start; i < len(dst); i++ {
		dst[i].Level = next[dst[i].Pool-1].Level
	}
	for i := range l.pools {
		rc.Pools[i] = PoolResult{Pool: l.pools[i].Pool, Before: l.pools[i], After: l.pools[i]}
		if !touched[i] {
			continue
		}
		before, after, kind, points := l.pools[i], next[i], kinds[i], pts[i]
		rc.Pools[i].Points, rc.Pools[i].After, rc.Pools[i].Kind = points, after, kind
		rc.Pools[i].Explanation = l.explain(rules[i], func() string { return orderResult(kind, before, after) }, func() []licensing.Fact {
			return []licensing.Fact{licensing.F("order", o.ID), licensing.F("affiliate", o.Affiliate), licensing.F("points", points),
				licensing.F("totalBefore", before.Total()), licensing.F("total", after.Total()), licensing.F("levelBefore", levelText(before.Level)),
				licensing.F("level", levelText(after.Level))}
		})
		if dry {
			continue
		}
		l.pools[i] = after
		l.affs[ai].year[i] = l.affs[ai].year[i].Add(points)
		l.affs[ai].total[i] = l.affs[ai].total[i].Add(points)
		if !l.auditOff {
			l.record(Transition{Date: o.Date, Kind: kind, Pool: after.Pool, Order: o.ID, Affiliate: o.Affiliate, Points: points,
				Before: before, After: after, Explanation: rc.Pools[i].Explanation})
		}
	}
	if dry {
		return dst, rc, nil
	}
	for _, u := range pending {
		l.affs[ai].setTrack(u)
	}
	l.seen.insertAt(slot, fp, o.ID)
	return dst, rc, nil
}

func duplicate(id string) error {
	return licensing.Refuse("SP-10", licensing.ErrDuplicateOrder, "order %q was already posted; it is not counted twice", id)
}

// order applies an order's points to one pool's state n, in place (SP-16
// to SP-19, SP-25, SP-28); on a refusal n is left unchanged.
func (r *Rules) order(n *PoolState, pts licensing.Points, fixed bool, seg licensing.Level) (Kind, licensing.RuleID, error) {
	levelFor := func(t licensing.Points) licensing.Level {
		if fixed {
			return seg
		}
		return max(r.Thresholds[0].Level, r.Thresholds.LevelFor(t))
	}
	switch n.Status {
	case NeverActive:
		if !pts.AtLeast(r.InitialMinimum) {
			return 0, "SP-16", licensing.Refuse("SP-16", licensing.ErrNotEligible,
				"the first order in the %v pool brings %v points; it needs %v", n.Pool, pts, r.InitialMinimum)
		}
		n.Status, n.Earned, n.Carry, n.Level = Active, pts, licensing.Points{}, levelFor(pts)
		return Initial, "SP-16", nil
	case OnHold:
		if r.HoldReactivation == SingleOrder && !pts.AtLeast(r.HoldMinimum) {
			return 0, "SP-25", licensing.Refuse("SP-25", licensing.ErrNotEligible,
				"the %v pool is on hold: the order brings %v points; one order of %v reactivates it", n.Pool, pts, r.HoldMinimum)
		}
		earned, ok := n.Earned.AddChecked(pts)
		if !ok {
			return 0, "SP-25", licensing.Refuse("SP-25", licensing.ErrOverflow, "points out of range")
		}
		n.Earned = earned
		if !earned.AtLeast(r.HoldMinimum) {
			return HoldPurchase, "SP-25", nil
		}
		n.Status, n.Carry, n.Level = Active, licensing.Points{}, levelFor(earned)
		return Reactivation, "SP-25", nil
	}
	earned, ok := n.Earned.AddChecked(pts)
	if !ok {
		return 0, "SP-18", licensing.Refuse("SP-18", licensing.ErrOverflow, "points out of range")
	}
	n.Earned = earned
	if fixed {
		return Purchase, "SP-28", nil
	}
	t := n.Earned
	if r.CarryCountsForUpgrade {
		t = n.Total()
	}
	if lv := r.Thresholds.LevelFor(t); lv > n.Level {
		n.Level = lv
		return Upgrade, "SP-19", nil
	}
	return Purchase, "SP-17", nil
}

// A trackUpdate is the SA coverage a line will leave for a product,
// applied when the order is accepted.
type trackUpdate struct {
	product licensing.Product
	track   sa.Track
}

// saLine decides the SA coverage of a line with SA (SP-39, SP-40, SP-41,
// SP-45 to SP-47) and the coverage it leaves for the product.
func (l *Ledger) saLine(o licensing.Order, i int, line *licensing.Line, ai int, cov licensing.Coverage, pending []trackUpdate, bases []SABasis) (licensing.Coverage, trackUpdate, error) {
	key := line.Product
	t, _ := l.affs[ai].track(key)
	for _, u := range pending {
		if u.product == key {
			t = u.track
		}
	}
	if line.Offering == licensing.LicenseSA {
		if err := t.BuyLicenseSA(o.Date, cov.End); err != nil {
			return licensing.Coverage{}, trackUpdate{}, err
		}
		return cov, trackUpdate{key, t}, nil
	}
	ma := l.affs[ai].month
	for _, b := range bases {
		if b.Line != i+1 {
			continue
		}
		var d licensing.Decision
		start := o.Date
		switch {
		case b.Purchase != nil:
			p := *b.Purchase
			p.Program = licensing.SelectPlus
			d = sa.CanEnroll(p, o.Date, b.SAVersion)
		case b.OtherExpires.IsValid():
			d = sa.CheckRenewal(b.OtherExpires, o.Date, sa.OtherAgreement)
			start = b.OtherExpires.AddDays(1)
		default:
			return licensing.Coverage{}, trackUpdate{}, fmt.Errorf("selectplus: order %q line %d: %w: an SA basis needs a purchase or another agreement's expiry", o.ID, i+1, licensing.ErrInvalidOrder)
		}
		if !d.Allowed {
			return licensing.Coverage{}, trackUpdate{}, d.Err
		}
		c := sa.ThirdAnniversary(start, ma)
		c.Start = start
		if err := t.BuyLicenseSA(o.Date, c.End); err != nil {
			return licensing.Coverage{}, trackUpdate{}, err
		}
		return c, trackUpdate{key, t}, nil
	}
	end, covered := t.End()
	if !covered {
		return licensing.Coverage{}, trackUpdate{}, licensing.Refuse("SP-46", licensing.ErrNotEligible,
			"order %q line %d: no SA on %s to renew under this agreement: buy L&SA, or give an SA basis (SP-40, SP-41, SP-47)", o.ID, i+1, line.Product.Name)
	}
	c := sa.ThirdAnniversary(end.AddDays(1), ma)
	if err := t.RenewSA(o.Date, c.End); err != nil {
		return licensing.Coverage{}, trackUpdate{}, fmt.Errorf("selectplus: order %q line %d: %w", o.ID, i+1, err)
	}
	return c, trackUpdate{key, t}, nil
}

func ruleOf(err error) licensing.RuleID {
	r, _ := licensing.RuleOf(err)
	return r
}

// levelText is a level as the audit writes it: "" for none.
func levelText(l licensing.Level) string {
	if l == 0 {
		return ""
	}
	return l.String()
}

func orderResult(k Kind, before, after PoolState) string {
	switch k {
	case Initial:
		return fmt.Sprintf("first order opens the pool at %v", after.Level)
	case Upgrade:
		return fmt.Sprintf("running total %v reaches %v: the whole order is priced at %v", after.Total(), after.Level, after.Level)
	case Reactivation:
		return fmt.Sprintf("reactivated from hold at %v", after.Level)
	case HoldPurchase:
		return fmt.Sprintf("accepted on hold: %v of the %v that reactivate", after.Earned, "minimum")
	}
	return fmt.Sprintf("priced at %v", after.Level)
}
