package selectplus

import (
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// affiliateAnniversary returns the anniversary of a registered affiliate.
func (l *Ledger) affiliateAnniversary(id string) (licensing.Date, error) {
	i, ok := l.affIndex[strings.TrimSpace(id)]
	if !ok {
		return licensing.Date{}, licensing.Refuse("SP-12", ErrUnregistered, "affiliate %q", id)
	}
	for _, a := range l.agreement.all() {
		if strings.TrimSpace(a.ID) == l.affs[i].id {
			return a.Anniversary, nil
		}
	}
	return licensing.Date{}, licensing.Refuse("SP-12", ErrUnregistered, "affiliate %q", id)
}

// Coverage returns the SA coverage an order by an affiliate on d buys: to
// the day before the third affiliate anniversary, 25 to 36 months (SP-39).
func (l *Ledger) Coverage(affiliateID string, d licensing.Date) (licensing.Coverage, error) {
	a, err := l.affiliateAnniversary(affiliateID)
	if err != nil {
		return licensing.Coverage{}, err
	}
	c, _, err := sa.ToThirdAffiliateAnniversary.Cover(sa.Request{Order: d, AffiliateAnniversary: a})
	return c, err
}

// QuoteSA prices SA bought by an affiliate on d at an annual price per unit
// (SP-39, SA-12), paid by plan: up front, Affiliate Anniversary (a stub to
// the next affiliate anniversary, then yearly) or Order Anniversary (three
// full years from the order, 36 months of coverage) (SP-42).
func (l *Ledger) QuoteSA(affiliateID string, d licensing.Date, plan sa.Plan, annual decimal.Decimal, quantity int64) (sa.Quote, error) {
	a, err := l.affiliateAnniversary(affiliateID)
	if err != nil {
		return sa.Quote{}, err
	}
	return sa.QuoteSA(sa.QuoteRequest{Program: licensing.SelectPlus, Plan: plan, Annual: annual, Quantity: quantity,
		Dates: sa.Request{Order: d, AffiliateAnniversary: a}})
}

// Extend co-terminates SA lines of an affiliate renewed by an order on d
// (SP-43, SP-44): each is renewed from the day after its expiry to one
// common end — by default the third affiliate anniversary after the
// earliest renewal start; or chosen, which must be an affiliate
// anniversary — and prorated for its own months. A line already expired on
// d has lapsed and is refused (SP-46).
func (l *Ledger) Extend(affiliateID string, d licensing.Date, lines []sa.Expiring, chosen licensing.Date) (sa.CoTermination, error) {
	a, err := l.affiliateAnniversary(affiliateID)
	if err != nil {
		return sa.CoTermination{}, err
	}
	return sa.CoTerminate(lines, d, a.Month(), chosen, sa.DefaultRounding)
}

// CanEnroll decides whether SA alone may be added on enroll to a license
// bought FPP or OEM, in Select Plus (SP-40, SP-41): systems and servers
// within 90 days, and Office 2013 or newer bought OEM, for the identical
// version.
func CanEnroll(p sa.Purchase, enroll licensing.Date, saVersion int) licensing.Decision {
	p.Program = licensing.SelectPlus
	return sa.CanEnroll(p, enroll, saVersion)
}

// CoveredUntil returns the last day of an affiliate's SA coverage of a
// product bought under this agreement, and whether there is any (SP-45,
// SP-46).
func (l *Ledger) CoveredUntil(affiliateID string, p licensing.Product) (licensing.Date, bool) {
	i, ok := l.affIndex[strings.TrimSpace(affiliateID)]
	if !ok {
		return licensing.Date{}, false
	}
	t, _ := l.affs[i].track(p)
	return t.End()
}
