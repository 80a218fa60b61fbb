package licensing

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxQuantity is the largest quantity an order line may carry (LIB-03). It
// keeps the exact arithmetic of points and money far inside its range; no
// real order comes near it.
const MaxQuantity = 10_000_000

// MaxSAMonths is the longest SA coverage any program sells on one line: 36
// months (SA-09: Select Plus coverage runs at most 36 months, Open Value
// three years, Open License two).
const MaxSAMonths = 36

// An Order is one purchase: an ID, a date, the affiliate that placed it and
// its lines. The ID identifies the order for life: posting an ID twice is
// refused (ErrDuplicateOrder), never counted twice. IDs are compared in the
// form OrderKey gives, so "PO-1" and "PO-1 " are one order (LIB-13).
type Order struct {
	ID        string
	Date      Date
	Affiliate string // the ordering affiliate; empty where a program has none
	Lines     []Line
}

// A Line is one product bought in an order.
type Line struct {
	Product  Product
	Offering Offering
	Quantity int64 // 1 to MaxQuantity
	// SAMonths is the months of SA coverage the line buys, where the
	// offering includes SA. Zero means the program sets it (Select Plus
	// prorates to the third affiliate anniversary, SP-39).
	SAMonths int
}

// OrderKey returns the form in which an order ID identifies its order: the
// ID without leading and trailing white space, so that an ID a spreadsheet
// padded is still the same order, refused when posted again (INV-06,
// LIB-13). The programs' ledgers keep and save order IDs in this form.
func OrderKey(id string) string { return strings.TrimSpace(id) }

// Validate reports the first problem with o as a *FieldError naming the line
// (from 1) and the field: a missing ID or date, no lines, or a line that
// Line.Validate refuses. It allocates nothing unless it fails.
func (o Order) Validate() error {
	bad := func(field, value string, err error) error {
		return &FieldError{Order: o.ID, Field: field, Value: value, Err: err}
	}
	switch {
	case strings.TrimSpace(o.ID) == "":
		return bad("id", o.ID, fmt.Errorf("%w: an order ID is required", ErrInvalidOrder))
	case !o.Date.IsValid():
		return bad("date", "", fmt.Errorf("%w: an order date is required", ErrInvalidOrder))
	case len(o.Lines) == 0:
		return bad("lines", "", fmt.Errorf("%w: an order needs at least one line", ErrInvalidOrder))
	}
	for i := range o.Lines {
		if err := o.Lines[i].validate(); err != nil {
			return Locate(err, o.ID, i+1)
		}
	}
	return nil
}

// Validate reports the first problem with a line as a *FieldError naming
// the field (its Order and Line are left for Order.Validate to fill): a
// product whose points cannot be counted (no name, an invalid kind or pool,
// points that are negative, too large, or not whole or half), an invalid
// offering, a quantity outside 1..MaxQuantity, or SA months that are
// negative, above MaxSAMonths, or given for an offering without SA. It
// allocates nothing unless it fails.
func (l Line) Validate() error { return l.validate() }

// validate is Validate, reading the line where it is rather than a copy.
func (l *Line) validate() error {
	bad := func(field, value string, err error) error {
		return &FieldError{Field: field, Value: value, Err: err}
	}
	if err := l.Product.countable(); err != nil {
		fe := err.(*FieldError)
		return bad("product."+fe.Field, fe.Value, fmt.Errorf("%w: %w", ErrInvalidOrder, fe.Err))
	}
	switch {
	case !l.Offering.IsValid():
		return bad("offering", l.Offering.String(), ErrInvalidOffering)
	case l.Quantity < 1 || l.Quantity > MaxQuantity:
		return bad("quantity", strconv.FormatInt(l.Quantity, 10),
			fmt.Errorf("%w: want 1 to %d (GEN-05)", ErrInvalidQuantity, MaxQuantity))
	case l.SAMonths < 0 || l.SAMonths > MaxSAMonths:
		return bad("saMonths", strconv.Itoa(l.SAMonths),
			fmt.Errorf("%w: want 0 to %d months (SA-09)", ErrInvalidOrder, MaxSAMonths))
	case l.SAMonths > 0 && !l.Offering.HasSA():
		return bad("saMonths", strconv.Itoa(l.SAMonths),
			fmt.Errorf("%w: a %v line buys no SA (GEN-20)", ErrInvalidOrder, l.Offering))
	}
	return nil
}

// pointRules say which points each offering earns (GEN-05, SA-01, SA-20): a
// license earns its license points per unit, SA earns L·m/24 per unit for m
// months, L&SA earns both, and a subscription earns its listed points
// (GEN-04: "a Microsoft Online Services Subscription is 1 point"). The
// guides state no points for a step-up (LIB-02). First match wins.
var pointRules = []struct {
	offering    Offering
	license, sa bool
	rule        RuleID
}{
	{offering: License, license: true, rule: "GEN-05"},
	{offering: LicenseSA, license: true, sa: true, rule: "SA-20"},
	{offering: SAOnly, sa: true, rule: "SA-20"},
	{offering: Subscription, license: true, rule: "GEN-04"},
}

// saMonthsPerPoint is the 24 of L·m/24: SA earns half the license points a
// year, so a full license's worth every 24 months (SA-01).
const saMonthsPerPoint = 24

// SAPoints returns the SA points of one license worth license points for
// months of coverage: license × months / 24, half the license points a year
// (GEN-06, GEN-07, SA-01). It is exact for whole and half license points;
// other points, or months outside 0 to MaxSAMonths, are an error.
func SAPoints(license Points, months int) (Points, error) {
	if months < 0 || months > MaxSAMonths {
		return Points{}, Refuse("SA-01", ErrInvalidOrder, "%d months of SA: want 0 to %d", months, MaxSAMonths)
	}
	r, ok := license.mulChecked(int64(months))
	if !ok || r.u%saMonthsPerPoint != 0 { // a constant divisor: no division instruction
		return Points{}, Refuse("GEN-07", ErrInvalidPoints, "license points %v are not whole or half", license)
	}
	return Points{r.u / saMonthsPerPoint}, nil
}

// LinePoints is the points of an order line: license points × quantity,
// SA points L·m/24 × quantity, and their total. Its Why method says how
// they were counted.
type LinePoints struct {
	License Points
	SA      Points
	Total   Points
	rule    RuleID
	// What Why says of the line: kept apart from the Line, whose copy
	// would cost every count more than the count itself.
	product  string
	unit     Points // the product's license points
	quantity int64
	months   int
	offering Offering
}

// Why returns the explanation of the count, built when called: the rule,
// the line's product, offering, quantity, license points and SA months,
// and the figures.
func (lp LinePoints) Why() Explanation {
	return Explain(lp.rule, lp.Total.Display()+" points",
		F("product", lp.product), F("offering", lp.offering), F("quantity", lp.quantity),
		F("licensePoints", lp.unit), F("saMonths", lp.months),
		F("license", lp.License), F("sa", lp.SA))
}

// Points returns the points l earns: license points × quantity for a
// license (GEN-05), plus L·m/24 × quantity for m months of SA (SA-01,
// SA-20). A line that Validate refuses is an error, and so is a line with
// SA and no SA months: its points depend on the months, which the program
// sets (Select Plus prorates to the third affiliate anniversary, SP-39), so
// they are the caller's to give, never counted as zero. A step-up earns no
// stated points and is an error wrapping ErrNoPointRule (LIB-02). It
// allocates nothing unless it fails, so hot paths use it too.
func (l Line) Points() (LinePoints, error) {
	license, sa, total, rule, err := l.count()
	if err != nil {
		return LinePoints{}, err
	}
	return LinePoints{License: license, SA: sa, Total: total,
		rule: rule, product: l.Product.Name, unit: l.Product.Points, quantity: l.Quantity, months: l.SAMonths, offering: l.Offering}, nil
}

// Count returns the points Points returns, checked the same way, without
// what their Why needs: for loops over many lines that read only the
// figures (a ledger replaying a history). The results travel in
// registers, where a LinePoints is copied through memory.
func (l Line) Count() (license, sa, total Points, err error) {
	license, sa, total, _, err = l.count()
	return license, sa, total, err
}

// count is Points' arithmetic (pointRules), reading the line where it is
// rather than a copy; rule is the row that counted it.
func (l *Line) count() (license, sa, total Points, rule RuleID, err error) {
	if err := l.validate(); err != nil {
		return Points{}, Points{}, Points{}, "", err
	}
	if l.Offering.HasSA() && l.SAMonths == 0 {
		return Points{}, Points{}, Points{}, "", &FieldError{Field: "saMonths", Value: "0",
			Err: fmt.Errorf("%w: a %v line earns SA points for the months of SA it buys; give them (SA-01)", ErrInvalidOrder, l.Offering)}
	}
	for _, r := range pointRules {
		if r.offering != l.Offering {
			continue
		}
		ok := true
		if r.license {
			license, ok = l.Product.Points.mulChecked(l.Quantity)
		}
		if r.sa && ok {
			unit, err := SAPoints(l.Product.Points, l.SAMonths)
			if err != nil {
				return Points{}, Points{}, Points{}, "", err
			}
			sa, ok = unit.mulChecked(l.Quantity)
		}
		if ok {
			total, ok = license.addChecked(sa)
		}
		if !ok {
			return Points{}, Points{}, Points{}, "", Refuse(r.rule, ErrOverflow, "%d × %s: points out of range", l.Quantity, l.Product.Name)
		}
		return license, sa, total, r.rule, nil
	}
	return Points{}, Points{}, Points{}, "", Refuse("LIB-02", ErrNoPointRule, "%v line of %s", l.Offering, l.Product.Name)
}
