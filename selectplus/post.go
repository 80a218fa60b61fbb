package selectplus

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// A LineResult is how one order line was counted: the product, offering and
// quantity, the pool, the license and SA points and their total, the level
// the line is priced at (SP-19) and, for a line with SA, the coverage it
// buys (SP-39).
type LineResult struct {
	Line          int                `json:"line"` // from 1, in order
	Product       licensing.Product  `json:"product"`
	Offering      licensing.Offering `json:"offering"`
	Quantity      int64              `json:"quantity"`
	Pool          licensing.Pool     `json:"pool"`
	LicensePoints licensing.Points   `json:"licensePoints"`
	SAPoints      licensing.Points   `json:"saPoints"`
	Points        licensing.Points   `json:"points"` // LicensePoints + SAPoints
	Level         licensing.Level    `json:"level"`
	Coverage      sa.Coverage        `json:"coverage"` // zero when the line buys no SA
}

// A PoolResult is what an order did to one pool.
type PoolResult struct {
	Pool        licensing.Pool   `json:"pool"`
	Points      licensing.Points `json:"points"` // the order's points in the pool; zero if untouched
	Before      PoolState        `json:"before"`
	After       PoolState        `json:"after"`
	Transition  Transition       `json:"transition"` // zero if the order has no line in the pool
	rule        licensing.RuleID
	order       string
	affiliate   string
	holdMinimum licensing.Points // what reactivates a pool on hold (SP-25)
}

// Why explains what the order did to the pool, built when called: the rule,
// the order's points, the running total and the level before and after.
// An untouched pool has no explanation.
func (r PoolResult) Why() licensing.Explanation {
	if r.Transition == 0 {
		return licensing.Explanation{}
	}
	return licensing.Explain(r.rule, r.Result(),
		licensing.F("order", r.order), licensing.F("affiliate", r.affiliate), licensing.F("points", r.Points),
		licensing.F("totalBefore", r.Before.Total()), licensing.F("total", r.After.Total()),
		licensing.F("levelBefore", levelText(r.Before.Level)), licensing.F("level", levelText(r.After.Level)))
}

// Rule returns the rule of Why, without building the rest: "" for an
// untouched pool.
func (r PoolResult) Rule() licensing.RuleID {
	if r.Transition == 0 {
		return ""
	}
	return r.rule
}

// Result returns the result sentence of Why, without its facts: a program
// that prints one line per order line reads only this. An untouched pool
// has none.
func (r PoolResult) Result() string {
	switch r.Transition {
	case 0:
		return ""
	case Initial:
		return "first order opens the pool at " + r.After.Level.String()
	case Upgrade:
		return "running total " + r.After.Total().Display() + " reaches " + r.After.Level.String() +
			": the whole order is priced at " + r.After.Level.String()
	case Reactivation:
		return "reactivated from hold at " + r.After.Level.String()
	case HoldPurchase:
		return "accepted on hold: " + r.After.Earned.Display() + " of the " + r.holdMinimum.Display() + " points that reactivate the pool"
	}
	return "priced at " + r.After.Level.String()
}

// A Receipt is what an order does: the anniversaries it passed on its way
// (time passes whether or not the order is accepted), what it did to each
// pool, and each line's count.
type Receipt struct {
	Order     string         `json:"order"`
	Date      licensing.Date `json:"date"`
	Affiliate string         `json:"affiliate"`
	Reviews   []Review       `json:"reviews"`
	Pools     [3]PoolResult  `json:"pools"` // Applications, Systems, Servers
	Lines     []LineResult   `json:"lines"`

	month       time.Month     // the affiliate's anniversary month (SP-39)
	granularity sa.Granularity // how the ledger's rules bill coverage
}

// QuoteSA prices the SA of line n (from 1) of the receipt at an annual
// price per unit, paid by plan: the coverage and quantity are the line's,
// as posted, so the quote cannot disagree with the receipt (SP-39, SA-12,
// SP-42). It quotes coverage bought from the order date to the third
// affiliate anniversary, as L&SA buys it: a line without SA, a line whose
// coverage starts elsewhere (an SA-only renewal from the day after the old
// coverage ends, priced by Ledger.Renew), or a plan whose coverage is not
// the line's (Order Anniversary covers 36 months from the order) is an
// error wrapping licensing.ErrInvalidOrder, and so is a negative price.
func (rc Receipt) QuoteSA(n int, plan Plan, annual decimal.Decimal) (sa.Quote, error) {
	if n < 1 || n > len(rc.Lines) || rc.Lines[n-1].Coverage.Months == 0 {
		return sa.Quote{}, &licensing.FieldError{Order: rc.Order, Line: n, Field: "coverage", Err: fmt.Errorf("%w: the receipt has no line %d with SA", licensing.ErrInvalidOrder, n)}
	}
	if annual.Sign() < 0 {
		return sa.Quote{}, &licensing.FieldError{Order: rc.Order, Line: n, Field: "annual", Value: annual.String(), Err: fmt.Errorf("%w: a price cannot be negative", licensing.ErrInvalidOrder)}
	}
	lr := rc.Lines[n-1]
	t, err := terms(rc.Date, rc.month, plan, rc.granularity)
	if err != nil {
		return sa.Quote{}, err
	}
	if t.Coverage != lr.Coverage {
		return sa.Quote{}, &licensing.FieldError{Order: rc.Order, Line: n, Field: "plan", Value: plan.String(),
			Err: fmt.Errorf("%w: %v covers %v, the line was posted with %v (SP-39, SP-42)", licensing.ErrInvalidOrder, plan, t.Coverage, lr.Coverage)}
	}
	return sa.QuoteTerms(t, annual, lr.Quantity, sa.DefaultRounding)
}

// Why explains the receipt: the reviews of the anniversaries passed, then
// what the order did to each pool it touched.
func (rc Receipt) Why() []licensing.Explanation {
	var out []licensing.Explanation
	for _, r := range rc.Reviews {
		out = append(out, r.Why())
	}
	for _, p := range rc.Pools {
		if p.Transition != 0 {
			out = append(out, p.Why())
		}
	}
	return out
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

// Post applies an order (SP-10 to SP-20) and returns its receipt. It first
// passes every anniversary on or before the order's date — time passes
// whether or not the order is accepted — and then applies the order
// atomically: if any pool refuses it, it is refused as a whole and nothing
// else changes.
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
// A malformed order is an error wrapping licensing.ErrInvalidOrder (or a
// field's sentinel) and changes nothing; so is an order ID already posted
// (licensing.ErrDuplicateOrder, INV-06), an order by an unregistered
// affiliate (SP-12) and one dated before an event already applied
// (licensing.ErrOutOfOrder).
func (l *Ledger) Post(o licensing.Order, bases ...SABasis) (Receipt, error) {
	var p plan
	err := l.apply(&p, o, bases)
	return p.receipt, err
}

// apply works out p for an order, its receipt in p.receipt, and commits
// it: the anniversaries it passes whether or not it is refused, the
// refusal in the audit trail, or the order.
func (l *Ledger) apply(p *plan, o licensing.Order, bases []SABasis) error {
	err := l.plan(p, o, bases)
	if p.passed {
		l.pos = p.start
		if l.logging() {
			for _, r := range p.receipt.Reviews {
				l.record(r.event())
			}
		}
	}
	if err != nil {
		if re := (*licensing.RuleError)(nil); errors.As(err, &re) && p.passed && l.logging() {
			var before PoolState
			if p.refused.IsValid() {
				before = p.start.pools[p.refused-1]
			}
			l.record(Event{Date: o.Date, Transition: Refused, Pool: p.refused, Order: o.ID, Affiliate: o.Affiliate,
				Points: p.refusedPoints, Before: before, After: before, why: licensing.Explain(re.Rule, re.Detail)})
		}
		return err
	}
	l.commit(o, p)
	return nil
}

// PostInto posts o as Post does, writing its receipt into rc and reusing
// the memory of rc's lines: a caller that streams orders and is done with
// each receipt before the next posts them without allocating.
func (l *Ledger) PostInto(rc *Receipt, o licensing.Order, bases ...SABasis) error {
	p := plan{reuse: true}
	p.receipt.Lines = rc.Lines
	err := l.apply(&p, o, bases)
	*rc = p.receipt
	return err
}

// Check returns the receipt the ledger would give the order now, without
// changing anything: the very plan Post commits. A refusal is the error Post
// would return. Check only reads the ledger, so quotes may run concurrently.
func (l *Ledger) Check(o licensing.Order, bases ...SABasis) (Receipt, error) {
	var p plan
	err := l.plan(&p, o, bases)
	return p.receipt, err
}

// A plan is what an order would do, worked out without changing anything.
type plan struct {
	receipt       Receipt        // its Lines array is reused (PostInto)
	reuse         bool           // PostInto's: the receipt serves the orders to come
	passed        bool           // time passed: start is the position on the order's date
	start         position       // after the anniversaries up to the order
	end           position       // after the order
	ai            int            // the ordering affiliate
	tracks        [4]trackUpdate // the SA coverage the order leaves, one per SA line…
	ntracks       int
	more          []trackUpdate    // …and beyond four lines
	id            idSlot           // where the order ID goes in the table of IDs seen
	refused       licensing.Pool   // the pool a refusal is recorded in: the line's, or the pool's that refused
	refusedPoints licensing.Points // the order's points in it, as far as they were counted
	renewal       *renewal         // a co-terminated renewal (Renew); nil for an order
}

// addTrack records the coverage an SA line leaves.
func (p *plan) addTrack(u trackUpdate) {
	if p.ntracks < len(p.tracks) {
		p.tracks[p.ntracks] = u
		p.ntracks++
		return
	}
	p.more = append(p.more, u)
}

// track returns the coverage the order's earlier lines leave for a
// product, if any does.
func (p *plan) track(lines []licensing.Line, key licensing.Product) (sa.Track, bool) {
	var t sa.Track
	found := false
	for i := 0; i < p.ntracks; i++ {
		if u := &p.tracks[i]; lines[u.line].Product == key {
			t, found = u.track, true
		}
	}
	for _, u := range p.more {
		if lines[u.line].Product == key {
			t, found = u.track, true
		}
	}
	return t, found
}

// A trackUpdate is the SA coverage an order line will leave for its
// product, applied when the order is committed.
type trackUpdate struct {
	line   int32 // the order line, from 0
	number int32 // the product's in the ledger's covers; -1 if not numbered yet
	track  sa.Track
}

// plan works out what an order would do. Everything that can refuse the
// order comes before the first change, and nothing is changed: Post
// commits the plan, Check returns it.
func (l *Ledger) plan(p *plan, o licensing.Order, bases []SABasis) error {
	buf := p.receipt.Lines[:0] // PostInto's: reused
	p.receipt = Receipt{Order: o.ID, Date: o.Date, Affiliate: o.Affiliate}
	if err := l.ready(o.Date); err != nil {
		return err
	}
	if err := o.Validate(); err != nil {
		return err
	}
	id := licensing.OrderKey(o.ID) // LIB-13
	if !l.seen.fits(id) {
		return &licensing.FieldError{Order: o.ID, Field: "id", Err: fmt.Errorf("%w: the ledger holds 4 GiB of order IDs, all it can check against (INV-06)", licensing.ErrOverflow)}
	}
	var dup bool
	if p.id, dup = l.seen.lookup(id); dup {
		return licensing.Refuse("INV-06", licensing.ErrDuplicateOrder, "order %q was already posted; it is not counted twice", o.ID)
	}
	for i, line := range o.Lines {
		if !line.Product.Pool.IsValid() {
			return licensing.Refuse("GEN-04", licensing.ErrNoPool, "order %q line %d: %s has no pool; set one in the catalog", o.ID, i+1, line.Product.Name)
		}
	}
	if err := checkBases(o, bases); err != nil {
		return err
	}
	if strings.TrimSpace(o.Affiliate) == "" {
		return &licensing.FieldError{Order: o.ID, Field: "affiliate", Err: fmt.Errorf("%w: a Select Plus order names the registered affiliate that places it (SP-12)", licensing.ErrInvalidOrder)}
	}
	ai, ok := l.affiliate(o.Affiliate)
	if !ok {
		return licensing.Refuse("SP-12", ErrUnregistered, "order %q by %q", o.ID, o.Affiliate)
	}
	p.ai = ai
	p.receipt.month, p.receipt.granularity = l.affs[ai].month, l.rules.SAGranularity
	p.start = l.pos
	p.receipt.Reviews = l.passTo(&p.start, o.Date, true) // time passes whether or not the order is accepted
	p.passed = true
	for i := range p.start.pools { // field by field: the receipt is zero
		rp, s := &p.receipt.Pools[i], &p.start.pools[i]
		rp.Pool, rp.Before, rp.After = s.Pool, *s, *s
	}
	if p.renewal != nil {
		if err := l.coterminate(p, o); err != nil {
			return err
		}
	}

	var pts [3]licensing.Points
	var touched [3]bool
	var cov sa.Coverage // SP-39, computed at the first line with SA
	lines := buf
	switch {
	case cap(lines) >= len(o.Lines):
	case p.reuse:
		lines = make([]LineResult, 0, max(len(o.Lines), 8)) // room for the orders to come
	default:
		lines = make([]LineResult, 0, len(o.Lines))
	}
	for i := range o.Lines {
		line := &o.Lines[i]
		pool := line.Product.Pool
		p.refused, p.refusedPoints = pool, licensing.Points{} // the pool a refusal of this line is recorded in
		var c sa.Coverage
		if line.Offering.HasSA() {
			if cov.Months == 0 {
				var err error
				if cov, err = ThirdAnniversary(o.Date, l.affs[ai].month); err != nil {
					return err
				}
			}
			var upd trackUpdate
			var err error
			if c, upd, err = l.saLine(p, o, i, line, ai, cov, bases); err != nil {
				return err
			}
			p.addTrack(upd)
			if line.SAMonths > c.Months {
				return licensing.Refuse("SP-39", licensing.ErrNotEligible,
					"order %q line %d: %d SA months exceed the %d months of coverage to the third affiliate anniversary", o.ID, i+1, line.SAMonths, c.Months)
			}
			if line.SAMonths == 0 {
				counted := *line
				counted.SAMonths = c.Months
				line = &counted
			}
		}
		license, saPts, total, err := line.Count() // the figures alone: a LinePoints would cost a copy per line
		if err != nil {
			return err
		}
		pts[pool-1] = pts[pool-1].Add(total)
		if pts[pool-1].Cmp(licensing.WholePoints(licensing.MaxPoints)) > 0 {
			return licensing.Refuse("LIB-03", licensing.ErrOverflow, "order %q: more than %d points in the %v pool", o.ID, licensing.MaxPoints, pool)
		}
		touched[pool-1] = true
		// Field by field into the array, which PostInto reuses: a LineResult
		// built apart and copied in costs a tenth of a short history's time.
		k := len(lines)
		if k < cap(lines) {
			lines = lines[:k+1]
		} else {
			lines = append(lines, LineResult{})
		}
		lr := &lines[k]
		lr.Line, lr.Product, lr.Offering, lr.Quantity, lr.Pool = i+1, line.Product, line.Offering, line.Quantity, pool
		lr.LicensePoints, lr.SAPoints, lr.Points, lr.Level, lr.Coverage = license, saPts, total, 0, c
	}

	p.end = p.start
	for i := range p.end.pools {
		before := p.start.pools[i]
		if !touched[i] {
			continue
		}
		r := PoolResult{Pool: before.Pool, Points: pts[i], Before: before, order: o.ID, affiliate: o.Affiliate, holdMinimum: l.rules.HoldMinimum}
		p.refused, p.refusedPoints = before.Pool, pts[i]
		after := before
		var err error
		if r.Transition, r.rule, err = l.rules.order(&after, pts[i], l.fixed, l.segLevel); err != nil {
			return err
		}
		if s := l.pos.shares[ai]; after.Total().Cmp(licensing.WholePoints(licensing.MaxPoints)) > 0 ||
			s.total[i].Add(pts[i]).Cmp(licensing.WholePoints(licensing.MaxPoints)) > 0 {
			return licensing.Refuse("LIB-03", licensing.ErrOverflow, "order %q: the %v pool would pass %d points", o.ID, before.Pool, licensing.MaxPoints)
		}
		r.After = after
		p.end.pools[i], p.receipt.Pools[i] = after, r
	}
	for i := range lines {
		lines[i].Level = p.end.pools[lines[i].Pool-1].Level
	}
	p.receipt.Lines = lines
	return nil
}

// commit applies a plan that refused nothing.
func (l *Ledger) commit(o licensing.Order, p *plan) {
	l.pos = p.end
	s := &l.pos.shares[p.ai]
	if s.year != l.pos.year {
		s.year, s.inYear = l.pos.year, [3]licensing.Points{}
	}
	for i, r := range p.receipt.Pools {
		if r.Transition == 0 {
			continue
		}
		s.inYear[i] = s.inYear[i].Add(r.Points)
		s.total[i] = s.total[i].Add(r.Points)
		if l.logging() {
			// The explanation is built when someone reads it (Event.Why).
			l.record(Event{Date: o.Date, Transition: r.Transition, Pool: r.Pool, Order: o.ID, Affiliate: o.Affiliate,
				Points: r.Points, Before: r.Before, After: r.After, lazy: fromOrder, rule: r.rule, hold: r.holdMinimum})
		}
	}
	for i := 0; i < p.ntracks; i++ {
		u := &p.tracks[i]
		l.setTrack(p.ai, u.number, o.Lines[u.line].Product, u.track)
	}
	for _, u := range p.more {
		l.setTrack(p.ai, u.number, o.Lines[u.line].Product, u.track)
	}
	l.seen.addAt(licensing.OrderKey(o.ID), p.id)
}

// order applies an order's points to one pool's state n, in place (SP-16
// to SP-19, SP-25, SP-28); on a refusal n is left unchanged.
func (r *Rules) order(n *PoolState, pts licensing.Points, fixed bool, seg licensing.Level) (Transition, licensing.RuleID, error) {
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
		n.Earned = n.Earned.Add(pts)
		if !n.Earned.AtLeast(r.HoldMinimum) {
			return HoldPurchase, "SP-25", nil
		}
		n.Status, n.Carry, n.Level = Active, licensing.Points{}, levelFor(n.Earned)
		return Reactivation, "SP-25", nil
	}
	n.Earned = n.Earned.Add(pts)
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

// checkBases refuses SA bases that do not fit the order: each names an
// SA-only line of the order, no line has two, and a purchase is of the
// line's product. A basis that fits nothing would be silently ignored, so
// it is malformed input.
func checkBases(o licensing.Order, bases []SABasis) error {
	bad := func(n int, format string, args ...any) error {
		return &licensing.FieldError{Order: o.ID, Line: n, Field: "saBasis", Err: fmt.Errorf("%w: "+format, append([]any{licensing.ErrInvalidOrder}, args...)...)}
	}
	for k, b := range bases {
		if b.Line < 1 || b.Line > len(o.Lines) {
			return bad(0, "basis %d names line %d of an order of %d lines", k+1, b.Line, len(o.Lines))
		}
		line := o.Lines[b.Line-1]
		switch {
		case line.Offering != licensing.SAOnly:
			return bad(b.Line, "a basis admits an SA-only line, not %v (SP-13)", line.Offering)
		case b.Purchase != nil && (b.Purchase.Product.Program != line.Product.Program || !strings.EqualFold(b.Purchase.Product.Name, line.Product.Name)):
			return bad(b.Line, "the purchase is of %v, the line of %v (SP-40)", b.Purchase.Product, line.Product)
		}
		for _, c := range bases[:k] {
			if c.Line == b.Line {
				return bad(b.Line, "two bases for one line")
			}
		}
	}
	return nil
}

// saLine decides the SA coverage of a line with SA (SP-39, SP-40, SP-41,
// SP-45 to SP-47) and the coverage it leaves for the product, reading the
// coverage the order's earlier lines leave in p.
func (l *Ledger) saLine(p *plan, o licensing.Order, i int, line *licensing.Line, ai int, cov sa.Coverage, bases []SABasis) (sa.Coverage, trackUpdate, error) {
	key := line.Product
	n := l.covers.number(key)
	t, ok := p.track(o.Lines, key)
	if !ok {
		t, _ = l.affs[ai].of(n)
	}
	if line.Offering == licensing.LicenseSA {
		if err := t.BuyLicenseSA(o.Date, cov.End); err != nil {
			return sa.Coverage{}, trackUpdate{}, err
		}
		return cov, trackUpdate{int32(i), n, t}, nil
	}
	ma := l.affs[ai].month
	for _, b := range bases {
		if b.Line != i+1 {
			continue
		}
		start := o.Date
		var err error
		switch {
		case b.Purchase != nil:
			_, err = sa.CanEnroll(saTerms.windows, *b.Purchase, o.Date, b.SAVersion)
		case b.OtherExpires.IsValid():
			_, err = sa.CheckRenewal(saTerms.renewal, b.OtherExpires, o.Date, sa.OtherAgreement)
			start = b.OtherExpires.AddDays(1)
		default:
			return sa.Coverage{}, trackUpdate{}, fmt.Errorf("selectplus: order %q line %d: %w: an SA basis needs a purchase or another agreement's expiry", o.ID, i+1, licensing.ErrInvalidOrder)
		}
		if err != nil {
			return sa.Coverage{}, trackUpdate{}, err
		}
		c, err := ThirdAnniversary(start, ma)
		if err != nil {
			return sa.Coverage{}, trackUpdate{}, err
		}
		if err := t.BuyLicenseSA(o.Date, c.End); err != nil {
			return sa.Coverage{}, trackUpdate{}, err
		}
		return c, trackUpdate{int32(i), n, t}, nil
	}
	end, covered := t.End()
	if !covered {
		return sa.Coverage{}, trackUpdate{}, nothingToRenew(o.ID, i+1, line.Product)
	}
	var c sa.Coverage
	var err error
	if p.renewal != nil { // co-terminated (SP-44)
		c = p.renewal.ct.Extensions[i].Coverage
	} else if c, err = ThirdAnniversary(end.AddDays(1), ma); err != nil {
		return sa.Coverage{}, trackUpdate{}, err
	}
	if err := t.RenewSA(saTerms.renewal, o.Date, c.End); err != nil {
		return sa.Coverage{}, trackUpdate{}, fmt.Errorf("selectplus: order %q line %d: %w", o.ID, i+1, err)
	}
	return c, trackUpdate{int32(i), n, t}, nil
}

// nothingToRenew is the refusal of SA renewing coverage the affiliate
// never had under this agreement (SP-46), for Post's SA-only lines and
// Renew's lines alike.
func nothingToRenew(order string, line int, p licensing.Product) error {
	return licensing.Refuse(saTerms.renewal.Lapse, licensing.ErrNotEligible,
		"order %q line %d: no SA on %s to renew under this agreement: buy L&SA, or post SA alone with an SA basis (SP-40, SP-41, SP-47)", order, line, p.Name)
}

// levelText is a level as the audit writes it: "" for none.
func levelText(l licensing.Level) string {
	if l == 0 {
		return ""
	}
	return l.String()
}
