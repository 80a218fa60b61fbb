package openvalue

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/sa"
)

// ErrInvalidPaymentMode is wrapped by every error that reports a malformed payment mode.
var ErrInvalidPaymentMode = errors.New("invalid payment mode")

// A PaymentMode is how an Open Value SKU is paid, which its acquisition
// year and coverage say (SKU-22): Spread, one year billed now and the same
// SKU again each later year; UpFront, every remaining year at once;
// Single, the one year left in year 3. The zero PaymentMode is not valid.
type PaymentMode uint8

// The payment modes; their names are Spread, UpFront and Single.
const (
	SpreadMode  PaymentMode = iota + 1 // 1YR acquired in year 1 or 2
	UpFrontMode                        // (4 − y)YR, two years or more
	SingleMode                         // acquired in year 3
)

// ModeOf returns the payment mode of an item acquired in year acquired
// with coverage years (SKU-22), and false for a pair Open Value does not
// sell (SKU-09).
func ModeOf(acquired, coverage int) (PaymentMode, bool) {
	for _, p := range validPairs {
		if p.acquired == acquired && p.coverage == coverage {
			return p.mode, true
		}
	}
	return 0, false
}

// A Purchase is what a customer wants to buy, the inputs of SKU-17: the
// product and its language as the price list writes them, L&SA or SA
// alone (OV-07), the payment choice, whether the item is companywide (an
// Ent item, SKU-15) or an Online Service (OV-39), and the order date.
type Purchase struct {
	Product     string             `json:"product"`
	Language    string             `json:"language"`
	Offering    licensing.Offering `json:"offering"`
	Payment     Payment            `json:"payment"`
	Companywide bool               `json:"companywide,omitempty"`
	Online      bool               `json:"online,omitempty"`
	Date        licensing.Date     `json:"date"`
}

// A Choice is the one SKU to sell for a purchase (SKU-17): its
// description, long form and payment mode; the coverage the line buys, to
// the expiration, and its months over every invoice (SKU-21); the dates on
// which the same SKU is invoiced (SKU-12) and the anniversary orders that
// bill it again; and notes for the seller, such as an up-front payment
// asked for in year 3.
type Choice struct {
	Description       sku.Description
	Text              string // the long form (SKU-02)
	Mode              PaymentMode
	Coverage          sa.Coverage
	Invoices          []licensing.Date
	AnniversaryOrders []Due
	Notes             []licensing.Explanation
	why               []licensing.Explanation
}

// A Due is an anniversary order a spread line needs (OV-36, OV-37): its
// usage date, the anniversary; the last day it is on time, A + 30; and the
// last day it keeps the agreement, A + 60 (OV-23, OV-28).
type Due struct {
	Anniversary int
	UsageDate   licensing.Date
	OnTimeBy    licensing.Date
	LastDay     licensing.Date
}

// Why explains the choice step by step (SKU-17): the acquisition year, the
// coverage, the scope, the invoices, then the notes.
func (c Choice) Why() []licensing.Explanation {
	return append(append([]licensing.Explanation(nil), c.why...), c.Notes...)
}

// Choose returns the one SKU to sell for purchase p under agreement a
// (SKU-17): the acquisition year is the agreement year of the order date
// (SKU-10, OV-27); spread buys 1YR, up front and Microsoft Financing the
// 4 − y years left (SKU-11, SKU-18, OV-44), and in year 3 every choice is
// the 1YR SKU, with a note when up front was asked for; the scope is Ent
// for a companywide item and AddProd otherwise (SKU-15); the program token
// is OLV for every option, as the long form writes it (SKU-02, SKU-08). A
// spread line is invoiced on the order date and again on each remaining
// anniversary (SKU-12); every other line once. An Online Service is prepaid for 12
// months, never spread (OV-39).
//
// Refusals wrap licensing.ErrNotEligible or licensing.ErrOutsideTerm and
// cite their rule: a date outside the term (OV-27), a companywide item on
// a non-companywide agreement (SKU-15), a license without SA (OV-07), an
// Online Service paid by spread (OV-39). A missing product or payment is
// an error wrapping licensing.ErrInvalidOrder.
func (r Rules) Choose(a Agreement, p Purchase) (Choice, error) {
	row, err := r.option(a.Option)
	if err != nil {
		return Choice{}, err
	}
	t, err := r.Term(a)
	if err != nil {
		return Choice{}, err
	}
	offering := p.Offering
	if offering == 0 {
		offering = licensing.LicenseSA
	}
	scope := sku.AdditionalProduct
	if p.Companywide {
		scope = sku.Enterprise
	}
	switch {
	case strings.TrimSpace(p.Product) == "":
		return Choice{}, fmt.Errorf("openvalue: choose: %w: the product is required", licensing.ErrInvalidOrder)
	case !p.Payment.IsValid():
		return Choice{}, fmt.Errorf("openvalue: choose: payment %v: %w", p.Payment, ErrInvalidPayment)
	}
	if err := row.admits(offering, scope, p.Online, p.Payment); err != nil {
		return Choice{}, err
	}
	y, err := t.Year(p.Date)
	if err != nil {
		return Choice{}, err
	}
	end, _ := t.Expiration() // Year checked it
	spread := spreads(p.Payment)
	coverage := terms.years + 1 - y // SKU-11: the years left
	if spread || p.Online {
		coverage = 1
	}
	mode, _ := ModeOf(y, coverage)
	d := sku.Description{Product: strings.Join(strings.Fields(p.Product), " "), Language: p.Language, Offering: offering,
		Program: licensing.OpenValue, Level: licensing.NoLevel, CoverageYears: coverage, AcquiredYear: y, Scope: sku.AdditionalProduct}
	if d.Language == "" {
		d.Language = "English"
	}
	d.Scope = scope
	text, err := Format(d)
	if err != nil {
		return Choice{}, err
	}
	d.Input, d.Style = text, sku.Long
	c := Choice{Description: d, Text: text, Mode: mode, Invoices: []licensing.Date{p.Date},
		Coverage: sa.Coverage{Start: p.Date, End: end, Months: 12 * (terms.years + 1 - y)}}
	c.why = append(c.why,
		licensing.Explain("SKU-10", fmt.Sprintf("ordered in agreement year %d: Acq Y%d", y, y), licensing.F("order", p.Date), licensing.F("agreementDate", a.Date), licensing.F("yearsFrom", t.Start)),
		licensing.Explain("SKU-11", fmt.Sprintf("%v: %dYR", p.Payment, coverage), licensing.F("payment", p.Payment), licensing.F("yearsLeft", terms.years+1-y)),
		licensing.Explain("SKU-15", fmt.Sprintf("scope %v", d.Scope), licensing.F("option", a.Option), licensing.F("companywide", p.Companywide)))
	switch {
	case p.Online:
		mode = UpFrontMode
		c.Mode = mode
		if c.Coverage.End, err = p.Date.PeriodEnd(r.OnlineMonths); err != nil {
			return Choice{}, err // LIB-09: never a prepaid year cut short
		}
		c.Coverage.Months = r.OnlineMonths
		c.Notes = append(c.Notes, licensing.Explain("OV-39", fmt.Sprintf("an Online Service is prepaid for %d months, to %v; a further year is a new order", r.OnlineMonths, c.Coverage.End)))
	case mode == SpreadMode:
		for k := y; k < terms.years; k++ {
			a := t.Start.Anniversary(k)
			c.Invoices = append(c.Invoices, a)
			c.AnniversaryOrders = append(c.AnniversaryOrders, Due{Anniversary: k, UsageDate: a,
				OnTimeBy: a.AddDays(r.milestone(FollowUpReminder).Days), LastDay: a.AddDays(r.milestone(LastDayToOrder).Days)})
		}
		c.why = append(c.why, licensing.Explain("SKU-12", fmt.Sprintf("the same SKU is billed %d times: on the order and on each remaining anniversary", len(c.Invoices)),
			licensing.F("invoices", c.Invoices)))
	case y == terms.years && !spread:
		c.Notes = append(c.Notes, licensing.Explain("SKU-17", "up front in year 3 is the 1YR SKU: one year is all that is left on the agreement", licensing.F("payment", p.Payment)))
	}
	if p.Payment == Financing {
		c.Notes = append(c.Notes, licensing.Explain("OV-44", "Microsoft Financing is paid up front"))
	}
	return c, nil
}

// admits refuses an item the option does not sell: a license without SA
// (OV-07), a companywide (Ent) item on a non-companywide agreement
// (SKU-15), an Online Service paid by spread (OV-39).
func (row OptionRow) admits(offering licensing.Offering, scope sku.Scope, online bool, payment Payment) error {
	switch {
	case !slices.Contains(offerings, offering):
		return licensing.Refuse("OV-07", licensing.ErrNotEligible, "every Open Value item carries SA: %v is not sold", offering)
	case scope == sku.Enterprise && !row.Companywide:
		return licensing.Refuse("SKU-15", licensing.ErrNotEligible, "a companywide (Ent) item on a %v agreement", row.Option)
	case online && payment == Spread:
		return licensing.Refuse("OV-39", licensing.ErrNotEligible, "Online Services must be prepaid; there is no spread option")
	}
	return nil
}

// spreads reports whether payment p is billed once a remaining agreement
// year (SKU-11, SKU-12).
func spreads(p Payment) bool {
	for _, row := range paymentRows {
		if row.payment == p {
			return row.spread
		}
	}
	return false
}

// Format writes an Open Value item in the long form of the item
// descriptions (SKU-02, SKU-19): "Office Professional Plus English Lic/SA
// Pack OLV NL 1YR Acq Y1 AddProd". An acquisition year and coverage Open
// Value does not sell together is refused (SKU-09), and a description the
// long form cannot hold is an error wrapping sku.ErrUnwritable.
func Format(d sku.Description) (string, error) {
	if _, ok := ModeOf(d.AcquiredYear, d.CoverageYears); !ok {
		return "", licensing.Refuse("SKU-09", sku.ErrInvalidCombination, "%dYR with Acq Y%d", d.CoverageYears, d.AcquiredYear)
	}
	return reader.Format(d, sku.Long)
}

// Explain reads an Open Value description in words (SKU-20), its parts
// from SKU-04 to SKU-12: "Office Professional Plus L&SA purchased in Year
// 1 of Agreement with spread payments non company-wide (Would bill same SKU
// in Year 2 and Year 3 for spread payments)". The product is named as the
// description writes it. A description missing its offering, acquisition
// year, coverage or scope, or with a pair Open Value does not sell, is an
// error.
func Explain(d sku.Description) (string, error) {
	mode, ok := ModeOf(d.AcquiredYear, d.CoverageYears)
	offering, okOffering := explainWords.offering[d.Offering]
	scope, okScope := explainWords.scope[d.Scope]
	switch {
	case !ok:
		return "", licensing.Refuse("SKU-09", sku.ErrInvalidCombination, "%dYR with Acq Y%d", d.CoverageYears, d.AcquiredYear)
	case !okOffering || !okScope || d.Product == "":
		return "", fmt.Errorf("openvalue: explain: %w: an item needs a product, L&SA or SA, and AddProd or Ent (SKU-03)", sku.ErrUnreadable)
	}
	w := []string{d.Product, offering, fmt.Sprintf(explainWords.acquired, d.AcquiredYear)}
	switch mode {
	case SpreadMode:
		w = append(w, explainWords.spread)
	case UpFrontMode:
		w = append(w, explainWords.upFront)
	}
	w = append(w, scope)
	switch mode {
	case SpreadMode:
		var years []string
		for k := d.AcquiredYear + 1; k <= terms.years; k++ {
			years = append(years, fmt.Sprintf(explainWords.yearWord, k))
		}
		w = append(w, fmt.Sprintf(explainWords.billAgain, strings.Join(years, " and ")))
	case UpFrontMode:
		w = append(w, explainWords.financing)
	}
	return strings.Join(w, " "), nil
}
