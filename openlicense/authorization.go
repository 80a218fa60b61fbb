package openlicense

import (
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// AuthorizationEnd returns the last day of an authorization whose initial
// order was placed on initial: initial + 2 years − 1 day, the last day a
// reorder is accepted (OL-19). An initial order on 2005-03-15 gives
// 2007-03-14 (WS-09). A missing or invalid date is an error wrapping
// licensing.ErrInvalidOrder, and a term that would end after 9999-12-31
// one wrapping licensing.ErrOverflow (LIB-09): never a shortened term.
func (r Rules) AuthorizationEnd(initial licensing.Date) (licensing.Date, error) {
	if !initial.IsValid() {
		return licensing.Date{}, fmt.Errorf("openlicense: authorization: %w: the initial order date is required", licensing.ErrInvalidOrder)
	}
	return initial.TermEnd(r.AuthorizationYears)
}

// Coverage returns the SA coverage bought on order under an authorization
// whose initial order was placed on initial: two years or the rest of the
// authorization, whichever ends first (OL-13) — the authorization's end,
// except for SA bought with the initial order, which gets exactly two
// years. Its months count to the day after its end, a part month in full
// (INV-28). An order outside the authorization is refused (OL-19).
func (r Rules) Coverage(initial, order licensing.Date) (sa.Coverage, error) {
	if !initial.IsValid() || !order.IsValid() {
		return sa.Coverage{}, fmt.Errorf("openlicense: coverage: %w: the initial order and order dates are required", licensing.ErrInvalidOrder)
	}
	authEnd, err := r.AuthorizationEnd(initial)
	if err != nil {
		return sa.Coverage{}, err
	}
	if order.Before(initial) || order.After(authEnd) {
		return sa.Coverage{}, licensing.Refuse("OL-19", licensing.ErrOutsideTerm,
			"order %v outside the authorization %v..%v", order, initial, authEnd)
	}
	end := authEnd
	switch e, err := order.PeriodEnd(r.SAMonths); {
	case errors.Is(err, licensing.ErrOverflow):
		// SA that would run past 9999-12-31 ends with the authorization,
		// which AuthorizationEnd has checked is within it (LIB-09).
	case err != nil:
		return sa.Coverage{}, invalidRules("%d months of SA do not work (OL-13)", r.SAMonths)
	case e.Before(authEnd):
		end = e
	}
	return sa.Coverage{Start: order, End: end, Months: sa.Months(order, end)}, nil
}

// LinePoints returns the points of a line bought on order under an
// authorization whose initial order was placed on initial: its license
// points, and for an L&SA or SA line the SA points of the coverage it buys,
// half the license points a year for the months within the authorization
// term and none beyond it (OL-31, SA-02, GEN-06): two years' worth, the
// license points, on the initial order, less on a later reorder. An order
// outside the authorization is refused (OL-19), and an offering Open
// License does not sell (OL-12).
func (r Rules) LinePoints(initial, order licensing.Date, l licensing.Line) (licensing.LinePoints, error) {
	c, err := r.Coverage(initial, order)
	if err != nil {
		return licensing.LinePoints{}, err
	}
	if err := orderableType(l.Offering); err != nil {
		return licensing.LinePoints{}, err
	}
	l.SAMonths = 0
	if l.Offering.HasSA() {
		l.SAMonths = c.Months
	}
	return l.Points()
}

// ValueRatio returns the share of the two-year term that coverage c gives,
// exactly: c.Months / 24. It is the value received for the two-year price
// paid: 1 for two full years, 1/3 for 8 months (OL-15, SA-18).
func (r Rules) ValueRatio(c sa.Coverage) *big.Rat {
	return big.NewRat(int64(c.Months), int64(r.SAMonths))
}

// QuoteSA prices SA on quantity licenses bought on order under an
// authorization whose initial order was placed on initial, at an annual SA
// price per unit: always the two-year price, whatever coverage remains
// (OL-13, OL-14, OL-27), paid up front (OL-04), rounded once to the cent
// (SA-22). When the coverage is worth less than the price (a value ratio
// below 1) and the purchase could open a new authorization (it reaches the
// initial minimum of licenses), the explanation advises considering one
// (OL-15): advice only.
func (r Rules) QuoteSA(initial, order licensing.Date, annual decimal.Decimal, quantity int64) (sa.Quote, error) {
	c, err := r.Coverage(initial, order)
	if err != nil {
		return sa.Quote{}, err
	}
	authEnd, _ := r.AuthorizationEnd(initial) // Coverage checked it
	t := sa.Terms{Coverage: c, Pricing: sa.FixedTerm{Months: r.SAMonths, RuleID: "OL-14"}, Weighting: sa.ByMonths, Plan: "OL-04",
		Reasons: []licensing.Explanation{
			licensing.Explain("OL-13", fmt.Sprintf("coverage for two years or to the authorization end: %v", c),
				licensing.F("order", order), licensing.F("authorizationEnd", authEnd)),
			licensing.Explain("OL-04", "Open License is paid up front", licensing.F("order", order)),
		}}
	if ratio := r.ValueRatio(c); ratio.Cmp(big.NewRat(1, 1)) < 0 && quantity >= r.InitialLicenses {
		t.Reasons = append(t.Reasons, licensing.Explain("OL-15",
			"the coverage is worth less than the two-year price: consider opening a new Open License, which would cover two full years",
			licensing.F("valueRatio", ratio.RatString()), licensing.F("licenses", quantity), licensing.F("initialMinimum", r.InitialLicenses)))
	}
	return sa.QuoteTerms(t, annual, quantity, sa.DefaultRounding)
}

// CanEnroll decides whether SA alone may be added on enroll to a license
// bought retail (FPP) or from an OEM, in Open License (OL-16): systems and
// servers within 90 days, day 90 included; applications never.
func CanEnroll(p sa.Purchase, enroll licensing.Date, saVersion int) (licensing.Explanation, error) {
	return sa.CanEnroll(enrollment, p, enroll, saVersion)
}

// A Holder is who holds an authorization and the numbers eOpen gives it
// (OL-17, OL-18): the authorization and license numbers Microsoft creates
// when it accepts the initial order, and the purchaser's name and address.
type Holder struct {
	AuthorizationNumber string
	LicenseNumber       string
	Purchaser           string
	Address             string
}

// A Holding is a product and the quantity held under an authorization.
type Holding struct {
	Product  licensing.Product
	Quantity int64
}

// A Record is what eOpen shows of an authorization (OL-18): its numbers
// and holder, the date of the initial order, the expiration (the last day
// to reorder), and the products with the quantities held, in the order
// they were first bought.
type Record struct {
	Holder     Holder
	Initial    licensing.Date
	Expiration licensing.Date
	Products   []Holding
}

// A Transaction is an entry of an authorization's transaction history
// (OL-20): an acquisition (the initial order), a reorder or a return.
type Transaction struct {
	Kind  TransactionKind
	Order string
	Date  licensing.Date
	Lines []licensing.Line
}

// A LineResult is how a line of an order was priced: its pool and the
// solution that pool is locked at for the authorization's term.
type LineResult struct {
	Line     int // from 1
	Pool     licensing.Pool
	Solution Solution
}

// A Receipt is what an accepted order of an authorization did.
type Receipt struct {
	Order string
	Date  licensing.Date
	Lines []LineResult
	why   []licensing.Explanation
}

// Why explains the receipt: the term check and the locked level of each
// pool the order has lines in.
func (rc Receipt) Why() []licensing.Explanation { return slices.Clone(rc.why) }

// An Authorization is an Open License authorization (OL-06): issued by the
// first order, it runs two years, to its last day to reorder (OL-19), and
// prices every reorder at the level its initial order set in each pool,
// Open Volume or Open Business, for the whole term — no review, no drop, no
// mid-term upgrade (OL-07, OL-11, OL-30, LIB-07). It keeps the eOpen record
// and the transaction history (OL-18, OL-20). Build one with Rules.Open;
// it is not safe for concurrent writes.
type Authorization struct {
	rules     Rules
	holder    Holder
	initial   licensing.Date
	end       licensing.Date // the last day to reorder (OL-19)
	last      licensing.Date // the latest transaction's date
	pricing   [3]Solution    // by pool, locked at the initial order
	held      []Holding
	seen      map[string]bool
	history   []Transaction
	qualified Qualification
}

// Open issues an authorization from an initial order in region (OL-06):
// the order must buy the initial minimum of licenses (OL-01, refused
// otherwise), and each pool is locked, for the term, at Open Volume where
// it qualified and Open Business elsewhere (OL-07, OL-09 to OL-11).
// Malformed orders are errors naming the line and field.
func (r Rules) Open(h Holder, initial licensing.Order, region licensing.Region) (*Authorization, error) {
	if err := initial.Validate(); err != nil {
		return nil, err
	}
	q, err := r.Qualify(initial.Lines, region)
	if err != nil {
		return nil, err
	}
	if !q.OpenBusiness {
		return nil, licensing.Refuse("OL-01", licensing.ErrNotEligible,
			"the initial order buys %d licenses; it needs %d", q.Licenses, r.InitialLicenses)
	}
	end, err := r.AuthorizationEnd(initial.Date)
	if err != nil {
		return nil, err
	}
	a := &Authorization{rules: r, holder: h, initial: initial.Date, end: end, last: initial.Date, seen: map[string]bool{}, qualified: q}
	a.rules.EMEARegions = slices.Clone(r.EMEARegions)
	for i, p := range licensing.Pools() {
		a.pricing[i] = OpenBusiness
		if pq, ok := q.Pool(p); ok && pq.Qualifies {
			a.pricing[i] = OpenVolume
		}
	}
	a.record(Acquisition, initial, 1)
	return a, nil
}

// Qualification returns what the initial order qualified for.
func (a *Authorization) Qualification() Qualification { return a.qualified }

// Solution returns the level pool p is priced at for the whole term: Open
// Volume if it qualified at the initial order, Open Business otherwise
// (OL-07, OL-30).
func (a *Authorization) Solution(p licensing.Pool) Solution {
	if !p.IsValid() {
		return 0
	}
	return a.pricing[p-1]
}

// End returns the authorization's last day, the last day to reorder
// (OL-19).
func (a *Authorization) End() licensing.Date { return a.end }

// Record returns what eOpen shows of the authorization (OL-18).
func (a *Authorization) Record() Record {
	return Record{Holder: a.holder, Initial: a.initial, Expiration: a.End(), Products: slices.Clone(a.held)}
}

// History returns the transaction history, oldest first (OL-20). The
// caller owns the slice.
func (a *Authorization) History() []Transaction {
	out := slices.Clone(a.history)
	for i := range out {
		out[i].Lines = slices.Clone(out[i].Lines)
	}
	return out
}

// Reorder places an order under the authorization (OL-02): any quantity,
// at any time from the initial order to the last day to reorder; each line
// is priced at its pool's locked level (OL-07, OL-30), eligibility is not
// tested again (OL-11). A reorder after the last day is refused: it needs a
// new initial order (OL-06, OL-19). An order ID seen before is refused
// (INV-06), and an order dated before the latest transaction is out of
// order.
func (a *Authorization) Reorder(o licensing.Order) (Receipt, error) {
	if err := a.admit(o); err != nil {
		return Receipt{}, err
	}
	if o.Date.After(a.End()) {
		return Receipt{}, licensing.Refuse("OL-19", licensing.ErrOutsideTerm,
			"reorder %q on %v after the authorization's last day %v: place a new initial order (OL-06)", o.ID, o.Date, a.End())
	}
	rc := Receipt{Order: o.ID, Date: o.Date}
	rc.why = append(rc.why, licensing.Explain("OL-02", "reorder within the authorization's term, any quantity",
		licensing.F("order", o.ID), licensing.F("date", o.Date), licensing.F("lastDayToReorder", a.End())))
	for i, l := range o.Lines {
		s := a.Solution(l.Product.Pool)
		rc.Lines = append(rc.Lines, LineResult{Line: i + 1, Pool: l.Product.Pool, Solution: s})
		rc.why = append(rc.why, licensing.Explain("OL-07", fmt.Sprintf("line %d priced at %v, the %v pool's level for the term", i+1, s, l.Product.Pool),
			licensing.F("product", l.Product.Name), licensing.F("quantity", l.Quantity)))
	}
	a.record(Reorder, o, 1)
	return rc, nil
}

// Return records a return of licenses bought under the authorization
// (OL-20). A return can never take a product's quantity below zero: such a
// return is refused and changes nothing. An SA line of a return gives back
// no license, so it changes no quantity. A return may be dated after the
// last day to reorder: the guide limits reorders to the term, not returns.
func (a *Authorization) Return(o licensing.Order) error {
	if err := a.admit(o); err != nil {
		return err
	}
	for i, l := range o.Lines {
		if !l.Offering.HasLicense() {
			continue // as record does: SA alone is no license held
		}
		held := int64(0)
		for _, h := range a.held {
			if h.Product == l.Product {
				held = h.Quantity
			}
		}
		for _, m := range o.Lines[:i] {
			if m.Product == l.Product && m.Offering.HasLicense() {
				held -= m.Quantity
			}
		}
		if l.Quantity > held {
			return licensing.Refuse("OL-20", licensing.ErrInvalidQuantity,
				"return %q line %d: %d × %s, of which %d are held", o.ID, i+1, l.Quantity, l.Product.Name, held)
		}
	}
	a.record(Return, o, -1)
	return nil
}

// admit checks what every transaction needs: a well-formed order of lines
// an Open License order may carry, a new order ID, and a date neither
// before the initial order nor before the latest transaction.
func (a *Authorization) admit(o licensing.Order) error {
	if err := o.Validate(); err != nil {
		return err
	}
	if err := checkLines(o.Lines); err != nil {
		return licensing.Locate(err, o.ID, 0)
	}
	switch {
	case a.seen[licensing.OrderKey(o.ID)]: // LIB-13
		return licensing.Refuse("INV-06", licensing.ErrDuplicateOrder, "order %q was already recorded", o.ID)
	case o.Date.Before(a.initial):
		return licensing.Refuse("OL-19", licensing.ErrOutsideTerm, "order %q on %v is before the authorization's initial order on %v", o.ID, o.Date, a.initial)
	case o.Date.Before(a.last):
		return fmt.Errorf("openlicense: order %q on %v is dated before the latest transaction, on %v: %w", o.ID, o.Date, a.last, licensing.ErrOutOfOrder)
	}
	return nil
}

// record adds an accepted transaction to the history and the holdings.
func (a *Authorization) record(k TransactionKind, o licensing.Order, sign int64) {
	a.seen[licensing.OrderKey(o.ID)] = true
	a.last = o.Date
	a.history = append(a.history, Transaction{Kind: k, Order: o.ID, Date: o.Date, Lines: slices.Clone(o.Lines)})
	for _, l := range o.Lines {
		if !l.Offering.HasLicense() {
			continue // SA alone adds no license (OL-12)
		}
		i := slices.IndexFunc(a.held, func(h Holding) bool { return h.Product == l.Product })
		if i < 0 {
			a.held = append(a.held, Holding{Product: l.Product})
			i = len(a.held) - 1
		}
		a.held[i].Quantity += sign * l.Quantity
	}
}
