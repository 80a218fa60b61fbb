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
// refused (ErrDuplicateOrder), never counted twice.
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

// Validate reports the first problem with o as a *FieldError naming the line
// (from 1) and the field: a missing ID or date, no lines, an invalid
// product or offering, a quantity outside 1..MaxQuantity, or SA months that
// are negative, above MaxSAMonths, or given for an offering without SA.
func (o Order) Validate() error {
	bad := func(line int, field, value string, err error) error {
		return &FieldError{Order: o.ID, Line: line, Field: field, Value: value, Err: err}
	}
	switch {
	case strings.TrimSpace(o.ID) == "":
		return bad(0, "id", o.ID, fmt.Errorf("%w: an order ID is required", ErrInvalidOrder))
	case !o.Date.IsValid():
		return bad(0, "date", "", fmt.Errorf("%w: an order date is required", ErrInvalidOrder))
	case len(o.Lines) == 0:
		return bad(0, "lines", "", fmt.Errorf("%w: an order needs at least one line", ErrInvalidOrder))
	}
	for i, l := range o.Lines {
		n := i + 1
		if err := l.Product.Validate(); err != nil {
			return bad(n, "product", l.Product.Name, err)
		}
		switch {
		case !l.Offering.IsValid():
			return bad(n, "offering", l.Offering.String(), ErrInvalidOffering)
		case l.Quantity < 1 || l.Quantity > MaxQuantity:
			return bad(n, "quantity", strconv.FormatInt(l.Quantity, 10),
				fmt.Errorf("%w: want 1 to %d (GEN-05)", ErrInvalidQuantity, MaxQuantity))
		case l.SAMonths < 0 || l.SAMonths > MaxSAMonths:
			return bad(n, "saMonths", strconv.Itoa(l.SAMonths),
				fmt.Errorf("%w: want 0 to %d months (SA-09)", ErrInvalidOrder, MaxSAMonths))
		case l.SAMonths > 0 && !l.Offering.HasSA():
			return bad(n, "saMonths", strconv.Itoa(l.SAMonths),
				fmt.Errorf("%w: a %v line buys no SA (GEN-20)", ErrInvalidOrder, l.Offering))
		}
	}
	return nil
}

// pointRules say which points each offering earns (GEN-05, SA-01, SA-20): a
// license earns its license points per unit, SA earns L·m/24 per unit for m
// months, L&SA earns both, and a subscription earns its listed points
// (GEN-04: "a Microsoft Online Services Subscription is 1 point"). The
// guides state no points for a step-up (LIB-02).
var pointRules = []struct {
	offering    Offering
	license, sa bool
	rule        RuleID
}{
	{License, true, false, "GEN-05"},
	{LicenseSA, true, true, "SA-20"},
	{SA, false, true, "SA-20"},
	{Subscription, true, false, "GEN-04"},
}

// saMonthsPerPoint is the 24 of L·m/24: SA earns half the license points a
// year, so a full license's worth every 24 months (SA-01).
const saMonthsPerPoint = 24

// SAPoints returns the SA points of one license worth license points for
// months of coverage: license × months / 24 (SA-01, GEN-07). It is exact for
// whole and half license points; for other values it reports false.
func SAPoints(license Points, months int) (Points, bool) {
	return license.MulFrac(int64(months), saMonthsPerPoint)
}

// LinePoints is the points of an order line and how they were counted.
type LinePoints struct {
	License     Points // license points × quantity
	SA          Points // L·m/24 × quantity
	Total       Points
	Explanation Explanation
}

// Points returns the points l earns: license points × quantity for a
// license (GEN-05), plus L·m/24 × quantity for m months of SA (SA-01,
// SA-20). A step-up earns no stated points and is an error wrapping
// ErrNoPointRule (LIB-02); results out of range wrap ErrOverflow.
func (l Line) Points() (LinePoints, error) {
	for _, r := range pointRules {
		if r.offering != l.Offering {
			continue
		}
		var lp LinePoints
		var ok = true
		if r.license {
			lp.License, ok = l.Product.Points.MulChecked(l.Quantity)
		}
		if r.sa && ok {
			var unit Points
			if unit, ok = SAPoints(l.Product.Points, l.SAMonths); ok {
				lp.SA, ok = unit.MulChecked(l.Quantity)
			}
		}
		if ok {
			lp.Total, ok = lp.License.AddChecked(lp.SA)
		}
		if !ok {
			return LinePoints{}, Refuse(r.rule, ErrOverflow, "%d × %s: points out of range", l.Quantity, l.Product.Name)
		}
		lp.Explanation = Explain(r.rule, fmt.Sprintf("%v points", lp.Total),
			F("product", l.Product.Name), F("offering", l.Offering), F("quantity", l.Quantity),
			F("licensePoints", l.Product.Points), F("saMonths", l.SAMonths),
			F("license", lp.License), F("sa", lp.SA))
		return lp, nil
	}
	return LinePoints{}, Refuse("LIB-02", ErrNoPointRule, "%v line of %s", l.Offering, l.Product.Name)
}
