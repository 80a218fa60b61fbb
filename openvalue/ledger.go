package openvalue

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
)

// ErrInvalidOrderKind is wrapped by every error that reports a malformed order kind.
var ErrInvalidOrderKind = errors.New("invalid order kind")

// An OrderKind is how Volume Licensing Central processes an order (OV-30,
// OV-33). The zero OrderKind is not valid.
type OrderKind uint8

// The order kinds.
const (
	Initial          OrderKind = iota + 1 // the first order; its usage date is the agreement date (OV-30)
	Additional                            // any order without the Anniversary Order box ticked (OV-15, OV-33)
	AnniversaryOrder                      // an order with the box ticked, for A1 or A2 (OV-33, OV-34)
)

// An Order is an Open Value order as Volume Licensing Central takes it
// (OV-42): its ID, the day it is placed, the usage date (the start of the
// period it covers: the agreement date for the initial order, OV-30, the
// anniversary for an anniversary order, OV-35; zero means the day it is
// placed), the Anniversary Order box (OV-33), the special deal number
// (BCweb discount codes, kept verbatim, OV-41), the qualified desktops an
// OVS anniversary order reports (OV-20), and its lines.
type Order struct {
	ID          string         `json:"id"`
	Date        licensing.Date `json:"date"`
	UsageDate   licensing.Date `json:"usageDate,omitzero"`
	Anniversary bool           `json:"anniversary,omitempty"`
	SpecialDeal string         `json:"specialDeal,omitempty"`
	Desktops    int            `json:"desktops,omitempty"`
	Lines       []Line         `json:"lines"`
}

// A Line is one item of an order: its part number (optional), its Open
// Value description, the quantity, whether it is an Online Service
// (OV-39), the payment chosen (zero: the one its SKU says, SKU-22) and,
// for Open Value, the date the software was deployed (OV-16; optional).
type Line struct {
	Part        string         `json:"part,omitempty"`
	Description string         `json:"description"`
	Quantity    int64          `json:"quantity"`
	Online      bool           `json:"online,omitempty"`
	Payment     Payment        `json:"payment,omitempty"`
	Deployed    licensing.Date `json:"deployed,omitzero"`
}

// An ExpectedLine is a line an anniversary order must repeat (OV-36,
// OV-40): a spread item and the quantity bought of it.
type ExpectedLine struct {
	Part        string          `json:"part,omitempty"`
	Text        string          `json:"description"`
	Description sku.Description `json:"-"`
	Quantity    int64           `json:"quantity"`
}

// A LineResult is how one line was taken: its description as read, its
// payment mode and whether anniversary orders will repeat it (OV-36).
type LineResult struct {
	Line        Line            `json:"line"`
	Description sku.Description `json:"-"`
	Mode        PaymentMode     `json:"mode"`
	Spread      bool            `json:"spread"`
}

// A Receipt is what an order did: its kind, the anniversary it met (0 for
// none) and how timely it was, its lines, and notes for the seller
// (warnings that did not refuse it).
type Receipt struct {
	Order       string                  `json:"order"`
	Kind        OrderKind               `json:"kind"`
	Anniversary int                     `json:"anniversary,omitempty"`
	Timeliness  Timeliness              `json:"timeliness,omitempty"`
	Lines       []LineResult            `json:"lines"`
	Notes       []licensing.Explanation `json:"notes,omitempty"`
}

// A Ledger is one Open Value agreement over its term: the orders placed,
// the spread lines anniversary orders must repeat, the anniversaries met,
// and, for Open Value Subscription, the desktops of each year. It answers
// what is due when, and what happens if the customer does nothing. A
// Ledger is not safe for concurrent use.
type Ledger struct {
	rules     Rules
	row       OptionRow
	agreement Agreement
	request   AgreementRequest
	term      Term
	end       licensing.Date
	desktops  []int // per agreement year (OV-46)
	held      []held
	met       []metBy // per anniversary, the order that met it
	orders    map[string]bool
	placed    []Order // every order placed, in order: the ledger's event log
	last      licensing.Date
	receipts  []Receipt
}

// metBy is the order that met an anniversary, and the day it was placed.
type metBy struct {
	order string
	on    licensing.Date
}

// held is a spread line anniversary orders repeat.
type held struct {
	part string
	d    sku.Description
	text string
	qty  int64
}

// Open starts the ledger of an agreement from its request (checked by
// CheckRequest, OV-10) and its initial order (OV-30): the order's usage
// date, or its date, is the agreement date; the Anniversary Order box must
// be clear (OV-33). region is checked against the option (OV-03); empty,
// it is not.
func (r Rules) Open(q AgreementRequest, region licensing.Region, initial Order) (*Ledger, Receipt, error) {
	if err := r.Validate(); err != nil {
		return nil, Receipt{}, err
	}
	if err := r.CheckRequest(q); err != nil {
		return nil, Receipt{}, err
	}
	if initial.Anniversary {
		return nil, Receipt{}, licensing.Refuse("OV-33", licensing.ErrNotEligible, "the initial order %q has the Anniversary Order box ticked", initial.ID)
	}
	a := Agreement{Option: q.Option, Date: usage(initial), Region: region}
	t, err := r.Term(a)
	if err != nil {
		return nil, Receipt{}, err
	}
	end, err := t.Expiration()
	if err != nil {
		return nil, Receipt{}, err
	}
	row, _ := r.option(q.Option)
	l := &Ledger{rules: r, row: row, agreement: a, term: t, end: end, desktops: []int{q.Desktops}, orders: map[string]bool{},
		met: make([]metBy, terms.years-1), request: q}
	rc, err := l.place(initial, Initial)
	if err != nil {
		return nil, Receipt{}, err
	}
	return l, rc, nil
}

func usage(o Order) licensing.Date {
	if o.UsageDate.IsZero() {
		return o.Date
	}
	return o.UsageDate
}

// Agreement returns the agreement the ledger keeps.
func (l *Ledger) Agreement() Agreement { return l.agreement }

// Term returns the agreement's term.
func (l *Ledger) Term() Term { return l.term }

// Receipts returns the receipts of the orders placed, in order. The caller
// owns the slice.
func (l *Ledger) Receipts() []Receipt { return slices.Clone(l.receipts) }

// Desktops returns the qualified desktops of each agreement year so far:
// the request's count for year 1, then the count each anniversary order
// reported (OV-20, OV-46). The caller owns the slice.
func (l *Ledger) Desktops() []int { return slices.Clone(l.desktops) }

// Payments returns the subscription payment of each agreement year so far
// at an annual price per desktop (OV-20, OV-46, WS-22): the desktops of
// the year × the price, exact.
func (l *Ledger) Payments(perDesktop decimal.Decimal) ([]decimal.Decimal, error) {
	if !l.row.Subscription {
		return nil, licensing.Refuse("OV-20", licensing.ErrNotEligible, "a %v agreement pays by item, not by desktop", l.agreement.Option)
	}
	if perDesktop.Sign() < 0 {
		return nil, fmt.Errorf("openvalue: payments: price %v: %w: a price cannot be negative", perDesktop, licensing.ErrInvalidOrder)
	}
	out := make([]decimal.Decimal, len(l.desktops))
	for i, n := range l.desktops {
		out[i] = perDesktop.Mul(decimal.NewFromInt(int64(n)))
	}
	return out, nil
}

// Expected returns the lines anniversary order k must repeat (OV-36,
// OV-40, INV-39): every spread line acquired before it, by SKU, with its
// quantity; prepaid and Online Services lines never.
func (l *Ledger) Expected(k int) ([]ExpectedLine, error) {
	if _, err := l.term.Anniversary(k); err != nil {
		return nil, err
	}
	var out []ExpectedLine
	for _, h := range l.held {
		if h.d.AcquiredYear > k {
			continue
		}
		if i := slices.IndexFunc(out, func(e ExpectedLine) bool { return keyOf(e.Description) == keyOf(h.d) }); i >= 0 {
			out[i].Quantity += h.qty
			continue
		}
		out = append(out, ExpectedLine{Part: h.part, Text: h.text, Description: h.d, Quantity: h.qty})
	}
	if l.row.Subscription {
		// OV-20: an OVS platform line follows the desktops last reported.
		for i := range out {
			if out[i].Description.Scope == sku.Enterprise {
				out[i].Quantity = int64(l.desktops[len(l.desktops)-1])
			}
		}
	}
	return out, nil
}

// Met returns the order that met anniversary k, and whether one did.
func (l *Ledger) Met(k int) (string, bool) {
	if k < 1 || k > len(l.met) {
		return "", false
	}
	return l.met[k-1].order, l.met[k-1].order != ""
}

// Terminated returns the day the agreement is terminated as of d, and
// whether it is: A + 61 of the first anniversary that no order met by
// then (OV-23).
func (l *Ledger) Terminated(d licensing.Date) (licensing.Date, bool) {
	for k := 1; k < terms.years; k++ {
		if _, ok := l.Met(k); ok {
			continue
		}
		a, _ := l.term.Anniversary(k)
		on := a.AddDays(l.rules.milestone(TerminatedIfNoOrder).Days)
		if !d.Before(on) {
			return on, true
		}
		return licensing.Date{}, false
	}
	return licensing.Date{}, false
}

// Calendar returns the agreement's calendar as its orders left it: the
// reminders, last day to order and termination of a met anniversary that
// fell after its order was placed are gone (OV-22, INV-32); the rest is
// what happens if the customer does nothing more.
func (l *Ledger) Calendar() ([]Event, error) {
	met := make([]licensing.Date, len(l.met))
	for i, m := range l.met {
		met[i] = m.on
	}
	return l.rules.events(l.term, l.row.Normalize, met)
}

// Place takes an order (OV-15, OV-33 to OV-40): an order with the
// Anniversary Order box ticked meets the anniversary its usage date names;
// any other is an additional order, which meets no anniversary (OV-33).
// A refusal changes nothing and is an error citing its rule; malformed
// input is an error naming the order, line and field.
func (l *Ledger) Place(o Order) (Receipt, error) {
	kind := Additional
	if o.Anniversary {
		kind = AnniversaryOrder
	}
	return l.place(o, kind)
}

func (l *Ledger) place(o Order, kind OrderKind) (Receipt, error) {
	if err := l.check(o); err != nil {
		return Receipt{}, err
	}
	u := usage(o)
	rc := Receipt{Order: o.ID, Kind: kind}
	// New lines are acquired in the agreement year the order is placed
	// (SKU-10); an anniversary order's, in the year its usage date opens
	// (OV-35). Both dates are within the term (OV-27).
	year, err := l.term.Year(o.Date)
	if err != nil {
		return Receipt{}, err
	}
	uy, err := l.term.Year(u)
	if err != nil {
		return Receipt{}, err
	}
	if kind == AnniversaryOrder {
		year = uy
	} else if u.After(o.Date) {
		return Receipt{}, &licensing.FieldError{Order: o.ID, Field: "usageDate", Value: u.String(),
			Err: fmt.Errorf("%w: an order covers from its usage date, not after the day it is placed (%v) (OV-30)", licensing.ErrInvalidOrder, o.Date)}
	}
	k := 0
	if kind == AnniversaryOrder {
		if k, err = l.anniversary(o, &rc); err != nil {
			return Receipt{}, err
		}
	} else if n := l.unmetNote(o.Date); n != nil {
		rc.Notes = append(rc.Notes, *n)
	}
	lines, newHeld, err := l.lines(o, kind, year, k, &rc)
	if err != nil {
		return Receipt{}, err
	}
	rc.Lines = lines
	// Commit.
	l.orders[licensing.OrderKey(o.ID)] = true
	l.last = o.Date
	l.held = append(l.held, newHeld...)
	l.placed = append(l.placed, o)
	if k > 0 {
		l.met[k-1] = metBy{order: o.ID, on: o.Date}
		if l.row.Subscription {
			l.desktops = append(l.desktops, o.Desktops)
		}
	}
	l.receipts = append(l.receipts, rc)
	return rc, nil
}

// check refuses an order that cannot be placed whatever its kind: bad
// fields, a duplicate ID, a date before the last order's, after the
// expiration or the termination.
func (l *Ledger) check(o Order) error {
	bad := func(field, value string, err error) error {
		return &licensing.FieldError{Order: o.ID, Field: field, Value: value, Err: err}
	}
	switch {
	case strings.TrimSpace(o.ID) == "":
		return bad("id", o.ID, fmt.Errorf("%w: an order ID is required", licensing.ErrInvalidOrder))
	case !o.Date.IsValid():
		return bad("date", "", fmt.Errorf("%w: the date the order is placed is required", licensing.ErrInvalidOrder))
	case len(o.Lines) == 0 && !(o.Anniversary && l.row.Subscription):
		return bad("lines", "", fmt.Errorf("%w: an order needs lines", licensing.ErrInvalidOrder))
	case o.Desktops < 0 || o.Desktops != 0 && !(o.Anniversary && l.row.Subscription):
		return bad("desktops", strconv.Itoa(o.Desktops), fmt.Errorf("%w: only an OVS anniversary order reports desktops (OV-20)", licensing.ErrInvalidOrder))
	case l.orders[licensing.OrderKey(o.ID)]: // LIB-13
		return bad("id", o.ID, fmt.Errorf("%w: order %q was placed before (INV-06)", licensing.ErrDuplicateOrder, o.ID))
	case o.Date.Before(l.last):
		return bad("date", o.Date.String(), fmt.Errorf("%w: placed before the last order, %v", licensing.ErrOutOfOrder, l.last))
	case o.Date.After(l.end):
		return licensing.Refuse("OV-25", licensing.ErrOutsideTerm, "order %q on %v: the agreement expired on %v", o.ID, o.Date, l.end)
	}
	if on, ok := l.Terminated(o.Date); ok {
		return licensing.Refuse("OV-23", licensing.ErrNotEligible, "order %q on %v: the agreement was terminated on %v, no anniversary order having come", o.ID, o.Date, on)
	}
	return nil
}

// anniversary checks an anniversary order (OV-32 to OV-35, OV-28, X-12)
// and returns the anniversary it meets.
func (l *Ledger) anniversary(o Order, rc *Receipt) (int, error) {
	u := usage(o)
	k := 0
	for i := 1; i < terms.years; i++ {
		if a, _ := l.term.Anniversary(i); a == u {
			k = i
		}
	}
	rule := licensing.RuleID("OV-35")
	if l.row.Normalize {
		rule = "OV-32"
	}
	if k == 0 {
		a1, _ := l.term.Anniversary(1)
		a2, _ := l.term.Anniversary(2)
		return 0, licensing.Refuse(rule, licensing.ErrNotEligible, "anniversary order %q: usage date %v is not an anniversary (%v or %v)", o.ID, u, a1, a2)
	}
	if by, ok := l.Met(k); ok {
		return 0, licensing.Refuse("OV-34", licensing.ErrNotEligible, "anniversary order %q: anniversary %d was met by order %q", o.ID, k, by)
	}
	if k == 2 {
		if _, ok := l.Met(1); !ok {
			return 0, licensing.Refuse("OV-18", licensing.ErrNotEligible, "anniversary order %q for anniversary 2 before anniversary 1 was met", o.ID)
		}
	}
	a := u
	if first := a.AddDays(l.rules.milestone(PreAnniversaryReminder).Days); o.Date.Before(first) {
		return 0, licensing.Refuse("X-12", licensing.ErrNotEligible, "anniversary order %q on %v: accepted from %v, the reminder on", o.ID, o.Date, first)
	}
	state, srule, _ := l.rules.Timeliness(l.term, k, o.Date)
	rc.Anniversary, rc.Timeliness = k, state
	if state == Late {
		rc.Notes = append(rc.Notes, licensing.Explain(srule, fmt.Sprintf("late: placed %d days after anniversary %d; the distributor's 30 days had passed", a.DaysUntil(o.Date), k),
			licensing.F("anniversary", a), licensing.F("placed", o.Date)))
	}
	if l.row.Subscription && o.Desktops == 0 {
		return 0, &licensing.FieldError{Order: o.ID, Field: "desktops", Err: fmt.Errorf("%w: an OVS anniversary order reports the qualified desktops (OV-20)", licensing.ErrInvalidOrder)}
	}
	expected, _ := l.Expected(k)
	for _, e := range expected {
		var got int64
		found := false
		for _, line := range o.Lines {
			d, err := ParseDescription(line.Description)
			if err == nil && keyOf(d) == keyOf(e.Description) {
				got += line.Quantity
				found = true
			}
		}
		follows := l.row.Subscription && e.Description.Scope == sku.Enterprise // OV-20: desktops, not the old count
		switch {
		case !found:
			return 0, licensing.Refuse("OV-40", licensing.ErrNotEligible, "anniversary order %q lacks the spread line %q × %d", o.ID, e.Text, e.Quantity)
		case got != e.Quantity && !follows:
			return 0, licensing.Refuse("OV-40", licensing.ErrNotEligible, "anniversary order %q has %q × %d, expected × %d", o.ID, e.Text, got, e.Quantity)
		}
	}
	return k, nil
}

// unmetNote returns the OV-33 note for an additional order placed while an
// anniversary is due and unmet, or nil.
func (l *Ledger) unmetNote(d licensing.Date) *licensing.Explanation {
	for k := 1; k < terms.years; k++ {
		if _, ok := l.Met(k); ok {
			continue
		}
		state, _, err := l.rules.Timeliness(l.term, k, d)
		if err != nil || state == Open || state == Terminated {
			continue
		}
		e := licensing.Explain("OV-33", fmt.Sprintf("processed as an additional order: anniversary %d stays unmet without the Anniversary Order box", k),
			licensing.F("placed", d))
		return &e
	}
	return nil
}

// lines reads and checks the lines of an order of kind placed for
// agreement year, meeting anniversary k (0 for none).
func (l *Ledger) lines(o Order, kind OrderKind, year, k int, rc *Receipt) ([]LineResult, []held, error) {
	var out []LineResult
	var hold []held
	expected := map[itemKey]bool{}
	if k > 0 {
		ex, _ := l.Expected(k)
		for _, e := range ex {
			expected[keyOf(e.Description)] = true
		}
	}
	desktops := l.desktops[len(l.desktops)-1]
	if k > 0 && l.row.Subscription {
		desktops = o.Desktops
	}
	for i, line := range o.Lines {
		n := i + 1
		bad := func(field, value string, err error) error {
			return &licensing.FieldError{Order: o.ID, Line: n, Field: field, Value: value, Err: err}
		}
		if line.Quantity < 1 || line.Quantity > licensing.MaxQuantity {
			return nil, nil, bad("quantity", strconv.FormatInt(line.Quantity, 10), fmt.Errorf("%w: want 1 to %d", licensing.ErrInvalidQuantity, licensing.MaxQuantity))
		}
		if line.Part != "" && !partNumber.MatchString(line.Part) {
			return nil, nil, bad("part", line.Part, fmt.Errorf("%w: want three digits, a hyphen and five digits (SKU-01)", licensing.ErrInvalidOrder))
		}
		if line.Payment != 0 && !line.Payment.IsValid() {
			return nil, nil, bad("payment", line.Payment.String(), ErrInvalidPayment)
		}
		d, err := ParseDescription(line.Description)
		if err != nil {
			return nil, nil, bad("description", line.Description, err)
		}
		if d.AcquiredYear == 0 || d.CoverageYears == 0 || d.Offering == 0 {
			return nil, nil, bad("description", line.Description, fmt.Errorf("%w: an Open Value item names its offering, coverage and acquisition year (SKU-03)", sku.ErrUnreadable))
		}
		mode, _ := ModeOf(d.AcquiredYear, d.CoverageYears) // ParseDescription checked the pair
		lr := LineResult{Line: line, Description: d, Mode: mode}
		repeat := k > 0 && expected[keyOf(d)]
		if err := l.row.admits(d.Offering, d.Scope, line.Online, line.Payment); err != nil {
			return nil, nil, fmt.Errorf("openvalue: order %q line %d: %w", o.ID, n, err)
		}
		switch {
		case d.Program != l.row.Program && !(d.Program == licensing.OpenValue && l.row.Subscription):
			return nil, nil, licensing.Refuse("SKU-08", licensing.ErrNotEligible, "order %q line %d: a %v item on a %v agreement", o.ID, n, d.Program, l.agreement.Option)
		case !repeat && d.AcquiredYear != year:
			return nil, nil, licensing.Refuse("SKU-10", licensing.ErrNotEligible, "order %q line %d: Acq Y%d in agreement year %d; use the Acq Y%d SKU", o.ID, n, d.AcquiredYear, year, year)
		case !line.Online && line.Payment != 0 && !paysAs(line.Payment, mode):
			return nil, nil, licensing.Refuse("SKU-11", licensing.ErrNotEligible, "order %q line %d: %dYR Acq Y%d is paid %v, not %v", o.ID, n, d.CoverageYears, d.AcquiredYear, mode, line.Payment)
		}
		if d.Scope == sku.Enterprise && kind == Additional && l.row.Subscription {
			if l.rules.StrictPlatformChanges {
				return nil, nil, licensing.Refuse("OV-17", licensing.ErrNotEligible, "order %q line %d: OVS desktop platform software changes at the anniversary order", o.ID, n)
			}
			rc.Notes = append(rc.Notes, licensing.Explain("OV-17", "a desktop platform change mid-year belongs to the next anniversary order", licensing.F("line", n)))
		}
		if !line.Deployed.IsZero() && l.row.DeploymentMonth && !repeat {
			c, err := CheckDeployment(line.Deployed, o.Date)
			if err != nil {
				return nil, nil, bad("deployed", line.Deployed.String(), err)
			}
			if c.Late || c.Early {
				rc.Notes = append(rc.Notes, c.Why())
			}
		}
		lr.Spread = !line.Online && mode == SpreadMode
		if lr.Spread && !repeat {
			// SKU-12: the line is billed again on each remaining
			// anniversary order; one already placed early cannot.
			if by, met := l.Met(year); met && year < terms.years {
				return nil, nil, licensing.Refuse("SKU-12", licensing.ErrNotEligible,
					"order %q line %d: a spread line of year %d is billed again on anniversary order %d, already placed (%q); buy it up front, or from the anniversary with the Acq Y%d SKU",
					o.ID, n, year, year, by, year+1)
			}
			hold = append(hold, held{part: line.Part, d: d, text: line.Description, qty: line.Quantity})
		}
		out = append(out, lr)
	}
	// OV-02, OV-04, X-08: each platform (Ent) product of an initial or
	// anniversary order covers every qualified desktop, over its lines.
	if kind != Additional {
		covered := map[string]int64{}
		var products []string
		for _, lr := range out {
			if lr.Description.Scope != sku.Enterprise {
				continue
			}
			p := strings.ToLower(lr.Description.Product)
			if _, ok := covered[p]; !ok {
				products = append(products, lr.Description.Product)
			}
			covered[p] += lr.Line.Quantity
		}
		for _, p := range products {
			if n := covered[strings.ToLower(p)]; n < int64(desktops) {
				return nil, nil, licensing.Refuse(l.row.Rule, ErrNotCompanywide, "order %q: %d × %q for %d qualified desktops", o.ID, n, p, desktops)
			}
		}
	}
	return out, hold, nil
}

// paysAs reports whether a payment choice buys an item of mode m (SKU-11,
// SKU-18): spread a spread item, up front or financing an up-front one,
// anything the single year-3 item.
func paysAs(p Payment, m PaymentMode) bool {
	return p.IsValid() && (m == SingleMode || spreads(p) == (m == SpreadMode))
}
