package selectplus

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// A RenewalOrder renews SA an affiliate bought under this agreement, as one
// order (SP-43, SP-44): its ID, date and affiliate, the coverage renewed
// (one line per product), and optionally the affiliate anniversary the
// renewed coverage ends the day before (SP-44's customer-chosen date); the
// zero Anniversary applies SP-39 to the earliest renewal start.
type RenewalOrder struct {
	ID          string         `json:"id"`
	Date        licensing.Date `json:"date"`
	Affiliate   string         `json:"affiliate"`
	Lines       []RenewalLine  `json:"lines"`
	Anniversary licensing.Date `json:"anniversary"`
}

// A RenewalLine is the SA coverage of one product renewed: the product as
// orders name it, the units renewed, and the line's annual SA price for all
// of them (SA-12). Where its coverage ends the ledger knows.
type RenewalLine struct {
	Product  licensing.Product `json:"product"`
	Quantity int64             `json:"quantity"`
	Annual   decimal.Decimal   `json:"annual"`
}

// A Renewal is what a renewal order does: the receipt of the order — each
// pool's transition and each line's SA points and renewed coverage, as
// [Ledger.Post] gives — and the co-termination it bills: the common end,
// each line's extension and price, and the total (SP-44, SA-12).
type Renewal struct {
	Receipt       Receipt          `json:"receipt"`
	CoTermination sa.CoTermination `json:"coTermination"`
}

// renewal is what plan needs to renew coverage: the order and, once
// worked out, its co-termination.
type renewal struct {
	order *RenewalOrder
	ct    sa.CoTermination
}

// Renew renews an affiliate's SA coverage of the products of o, as the
// ledger tracks it, and records the renewal (SP-43 to SP-46, LIB-11): each
// line is renewed from the day after its coverage ends to one common end —
// the day before the third affiliate anniversary after the earliest renewal
// start (SP-39 applied to it), or the day before o.Anniversary, which must
// be an affiliate anniversary — prorated for its own months and billed by
// Rules.SAGranularity, rounded once to the cent (SA-12, SA-22, X-17). The
// renewal is an order of SA-only lines: it passes the anniversaries before
// it, earns L·m/24 points a unit for its m months in each product's pool
// (SP-13, SA-01), is refused whole if a pool refuses it, and its ID may not
// be posted twice (INV-06). The coverage then ends on the common end
// (CoveredUntil), and the audit trail records a Renewed event per line with
// its months and price.
//
// A renewal must be ordered on or before each line's coverage ends
// (SP-45); after that the SA has lapsed and is refused (SP-46), as is a
// product the affiliate has no coverage of under this agreement: buy L&SA,
// or post SA alone with an SABasis (SP-40, SP-41, SP-47). An unregistered
// affiliate is refused (SP-12, ErrUnregistered). No lines, a product twice
// or a negative price is malformed input (a *licensing.FieldError wrapping
// licensing.ErrInvalidOrder) and changes nothing. A refusal by a rule
// returns no co-termination, nothing being billed, but time passes as for
// Post: the anniversaries before o.Date are reviewed either way.
//
// The ledger tracks when each product's coverage ends, not how many units
// it covers: the quantity renewed is the caller's, priced and counted as
// given.
func (l *Ledger) Renew(o RenewalOrder) (Renewal, error) {
	if err := o.validate(); err != nil {
		return Renewal{}, err
	}
	p := plan{renewal: &renewal{order: &o}}
	err := l.apply(&p, o.order(), nil)
	rc := p.receipt
	if err != nil {
		return Renewal{Receipt: rc}, err // nothing to bill
	}
	ct := p.renewal.ct
	for i, x := range ct.Extensions {
		pool := o.Lines[i].Product.Pool
		after := l.pos.pools[pool-1]
		// The order's Purchase event counts the points; this one says what
		// each line renewed, so that summing the trail's points counts them
		// once.
		l.record(Event{Date: o.Date, Transition: Renewed, Pool: pool, Order: o.ID, Affiliate: o.Affiliate,
			Before: after, After: after, why: licensing.Explain(saTerms.renewal.CoTerm,
				fmt.Sprintf("SA on %s renewed on time from %v to %v, %d months, for %s", o.Lines[i].Product.Name, x.Coverage.Start, x.Coverage.End,
					x.Coverage.Months, x.Price.StringFixed(sa.DefaultRounding.Places)),
				licensing.F("quantity", o.Lines[i].Quantity), licensing.F("annual", x.Annual), licensing.F("saPoints", rc.Lines[i].SAPoints),
				licensing.F("commonEnd", ct.Why()[0].Result), licensing.F("total", ct.Total.StringFixed(sa.DefaultRounding.Places)))})
	}
	return Renewal{Receipt: rc, CoTermination: ct}, nil
}

// CheckRenewal returns what Renew would do with o now, changing nothing:
// the very plan Renew commits. A refusal is the error Renew would return.
func (l *Ledger) CheckRenewal(o RenewalOrder) (Renewal, error) {
	if err := o.validate(); err != nil {
		return Renewal{}, err
	}
	p := plan{renewal: &renewal{order: &o}}
	if err := l.plan(&p, o.order(), nil); err != nil {
		return Renewal{Receipt: p.receipt}, err // as Renew: nothing to bill
	}
	return Renewal{Receipt: p.receipt, CoTermination: p.renewal.ct}, nil
}

// validate refuses a renewal order that says too little or too much: no
// lines, a product twice, a negative price, an invalid anniversary.
func (o RenewalOrder) validate() error {
	bad := func(line int, field, value, why string) error {
		return &licensing.FieldError{Order: o.ID, Line: line, Field: field, Value: value, Err: fmt.Errorf("%w: %s", licensing.ErrInvalidOrder, why)}
	}
	if len(o.Lines) == 0 {
		return bad(0, "lines", "", "nothing to renew: name the products whose SA is renewed")
	}
	if !o.Anniversary.IsZero() && !o.Anniversary.IsValid() {
		return bad(0, "anniversary", o.Anniversary.String(), "a valid date, or none")
	}
	for i, ln := range o.Lines {
		if ln.Annual.Sign() < 0 {
			return bad(i+1, "annual", ln.Annual.String(), "an annual SA price is not negative")
		}
		for _, prev := range o.Lines[:i] {
			if prev.Product == ln.Product {
				return bad(i+1, "product", ln.Product.Name, "the product's coverage is renewed once an order")
			}
		}
	}
	return nil
}

// order is the renewal as an order of SA-only lines.
func (o RenewalOrder) order() licensing.Order {
	lo := licensing.Order{ID: o.ID, Date: o.Date, Affiliate: o.Affiliate, Lines: make([]licensing.Line, len(o.Lines))}
	for i, ln := range o.Lines {
		lo.Lines[i] = licensing.Line{Product: ln.Product, Offering: licensing.SAOnly, Quantity: ln.Quantity}
	}
	return lo
}

// coterminate works out the co-termination of a renewal: each line's
// coverage as the ledger tracks it must be in force on the order's date
// (SP-45, SP-46), and all end together (SP-44).
func (l *Ledger) coterminate(p *plan, o licensing.Order) error {
	r := p.renewal.order
	a := &l.affs[p.ai]
	lines := make([]sa.Expiring, len(r.Lines))
	for i, ln := range r.Lines {
		pool := ln.Product.Pool
		p.refused, p.refusedPoints = pool, licensing.Points{}
		t, _ := a.of(l.covers.number(ln.Product))
		end, covered := t.End()
		if !covered {
			return nothingToRenew(o.ID, i+1, ln.Product)
		}
		if _, err := sa.CheckRenewal(saTerms.renewal, end, o.Date, sa.SameAgreement); err != nil {
			return fmt.Errorf("selectplus: renewal %q line %d, %s: %w", o.ID, i+1, ln.Product.Name, err)
		}
		lines[i] = sa.Expiring{ID: ln.Product.Name, Expires: end, Annual: ln.Annual}
	}
	end, why, err := commonEnd(a.month, lines, r.Anniversary)
	if err != nil {
		return err
	}
	p.renewal.ct, err = sa.CoTerminate(saTerms.renewal, lines, o.Date, end, why, sa.Prorated{Granularity: l.rules.SAGranularity}, sa.DefaultRounding)
	return err
}
