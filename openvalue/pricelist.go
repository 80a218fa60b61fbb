package openvalue

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/internal/csvin"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/sa"
)

// ErrInvalidPriceList is wrapped by every error that reports a malformed
// price list.
var ErrInvalidPriceList = errors.New("invalid price list")

// partNumber is the form of a part number: three digits, a hyphen, five
// digits (SKU-01); amount the form of a price: whole units and at most two
// decimals.
var (
	partNumber = regexp.MustCompile(`^\d{3}-\d{5}$`)
	amount     = regexp.MustCompile(`^\d{1,15}(\.\d{1,2})?$`)
)

// A Price is one row of a price list: a part number, its description as
// read, and its price.
type Price struct {
	Part        string
	Description sku.Description
	Price       decimal.Decimal
	Line        int // the line of the file it was read from
}

// A PriceList is the prices of Open Value items, read by ReadPriceList.
type PriceList struct {
	rows    []Price
	byKey   map[itemKey]int
	invalid map[string]Finding // the parts of a severe finding (SKU-13)
}

// itemKey is what makes two rows the same item: everything a description
// says but its coverage and acquisition year are the item; those two pick
// the SKU.
type itemKey struct {
	product, language     string
	offering              licensing.Offering
	program               licensing.Program
	scope                 sku.Scope
	acquired, coverage    int
	packSize, processors  int
	licenseModel, version string
}

func keyOf(d sku.Description) itemKey {
	return itemKey{product: strings.ToLower(d.Product), language: strings.ToLower(d.Language), offering: d.Offering,
		program: d.Program, scope: d.Scope, acquired: d.AcquiredYear, coverage: d.CoverageYears,
		packSize: d.PackSize, processors: d.Processors, licenseModel: d.LicenseModel.String(), version: d.Version}
}

// A PriceListError reports a malformed price list at its line and column.
type PriceListError struct {
	Line, Column int
	Field        string // "part", "description" or "price"; "" for CSV syntax
	Err          error
}

// Error returns "openvalue: price list line L, column C (field): what is wrong".
func (e *PriceListError) Error() string {
	s := fmt.Sprintf("openvalue: price list line %d, column %d", e.Line, e.Column)
	if e.Field != "" {
		s += " (" + e.Field + ")"
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns ErrInvalidPriceList and the underlying error.
func (e *PriceListError) Unwrap() []error { return []error{ErrInvalidPriceList, e.Err} }

// ReadPriceList reads a price list from CSV: a header "part,description,price"
// then one item a line, such as
//
//	part,description,price
//	269-09046,Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,100.00
//
// The part number is three digits, a hyphen and five digits (SKU-01); the
// description is read by ParseDescription (SKU-02 to SKU-09); the price is
// an amount such as 100 or 99.50. Lines starting with '#' are comments; a
// byte-order mark is skipped. A bad record, a part number or item listed
// twice, or an empty list is a *PriceListError naming its line and column,
// and nothing is returned.
func ReadPriceList(r io.Reader) (*PriceList, error) {
	cr := csv.NewReader(csvin.Reader(r))
	cr.Comment = '#'
	cr.FieldsPerRecord = 3
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &PriceListError{Line: 1, Column: 1, Err: errors.New("empty input: want the header part,description,price")}
	}
	if err != nil {
		return nil, priceCSVError(err)
	}
	for i, want := range []string{"part", "description", "price"} {
		if !strings.EqualFold(strings.TrimSpace(header[i]), want) {
			line, col := cr.FieldPos(i)
			return nil, &PriceListError{Line: line, Column: col, Field: want, Err: fmt.Errorf("header %q, want %q", header[i], want)}
		}
	}
	pl := &PriceList{byKey: map[itemKey]int{}}
	parts := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, priceCSVError(err)
		}
		at := func(i int, field string, err error) error {
			line, col := cr.FieldPos(i)
			return &PriceListError{Line: line, Column: col, Field: field, Err: err}
		}
		line, _ := cr.FieldPos(0)
		part := strings.TrimSpace(rec[0])
		if !partNumber.MatchString(part) {
			return nil, at(0, "part", fmt.Errorf("%q: want three digits, a hyphen and five digits (SKU-01)", part))
		}
		if first, ok := parts[part]; ok {
			return nil, at(0, "part", fmt.Errorf("%s listed twice (first on line %d)", part, first))
		}
		d, err := ParseDescription(rec[1])
		if err != nil {
			return nil, at(1, "description", err)
		}
		switch {
		case d.AcquiredYear == 0 || d.CoverageYears == 0 || d.Scope == 0:
			return nil, at(1, "description", fmt.Errorf("%q: an Open Value item names its coverage, acquisition year and scope (SKU-03)", rec[1]))
		case !slices.Contains(offerings, d.Offering):
			return nil, at(1, "description", licensing.Refuse("OV-07", licensing.ErrNotEligible, "%q: every Open Value item carries SA (Lic/SA or SA)", rec[1]))
		}
		text := strings.TrimSpace(rec[2])
		if !amount.MatchString(text) {
			return nil, at(2, "price", fmt.Errorf("%q: want an amount such as 100 or 99.50", rec[2]))
		}
		price := decimal.RequireFromString(text)
		d.Part = part
		k := keyOf(d)
		if first, ok := pl.byKey[k]; ok {
			return nil, at(1, "description", fmt.Errorf("the same item as %s on line %d", pl.rows[first].Part, pl.rows[first].Line))
		}
		parts[part] = line
		pl.byKey[k] = len(pl.rows)
		pl.rows = append(pl.rows, Price{Part: part, Description: d, Price: price.Round(2), Line: line})
	}
	if len(pl.rows) == 0 {
		return nil, &PriceListError{Line: 1, Column: 1, Err: errors.New("no items after the header")}
	}
	pl.invalid = map[string]Finding{}
	for _, f := range pl.Check() {
		if f.Severity == Invalid {
			for _, part := range f.Parts {
				pl.invalid[part] = f
			}
		}
	}
	return pl, nil
}

func priceCSVError(err error) error {
	line, column, cause := csvin.Position(err)
	return &PriceListError{Line: line, Column: column, Err: cause}
}

// Prices returns the rows of the list in file order. The caller owns the slice.
func (pl *PriceList) Prices() []Price { return append([]Price(nil), pl.rows...) }

// Lookup returns the row of the item d describes, matched on every field
// but its part number and the way it was written.
func (pl *PriceList) Lookup(d sku.Description) (Price, bool) {
	i, ok := pl.byKey[keyOf(d)]
	if !ok {
		return Price{}, false
	}
	return pl.rows[i], true
}

// ErrInvalidSeverity is wrapped by every error that reports a malformed severity.
var ErrInvalidSeverity = errors.New("invalid severity")

// A Severity says whether a finding makes a price list unusable. The zero
// Severity is not valid.
type Severity uint8

// The severities.
const (
	Warning Severity = iota + 1 // the list is usable; a reading the guide implies is broken
	Invalid                     // the list breaks a stated rule; its items are not billed (SKU-13)
)

// A Finding is one check of a price list that did not hold.
type Finding struct {
	Rule     licensing.RuleID
	Severity Severity
	Parts    []string // the part numbers compared
	Detail   string
}

// String returns "RULE severity: detail (parts)".
func (f Finding) String() string {
	return fmt.Sprintf("%s %v: %s (%s)", f.Rule, f.Severity, f.Detail, strings.Join(f.Parts, ", "))
}

// Check returns what the price list breaks, in file order of the item
// compared: SKU-13 (3 × 1YR Acq Y1 = 3YR Acq Y1, invalid if broken; 2 ×
// 1YR Acq Y2 = 2YR Acq Y2, a warning), SKU-14 (an L&SA 1YR item acquired
// in a later year priced below the one acquired before, a warning: later
// prices are data, never fractions of year-1 prices) and OV-06 (a yearly
// price of OVS above Open Value companywide, or of companywide above
// non-companywide, a warning). Nothing is derived: a comparison whose rows
// are missing is skipped.
func (pl *PriceList) Check() []Finding {
	var out []Finding
	for _, row := range pl.rows {
		d := row.Description
		if d.CoverageYears != 1 {
			continue
		}
		for _, c := range priceChecks {
			if c.acquired != d.AcquiredYear {
				continue
			}
			if c.laterYear {
				if d.Offering != licensing.LicenseSA {
					continue // SKU-14: no ordering is assumed for SA alone
				}
				before := d
				before.AcquiredYear--
				if b, ok := pl.Lookup(before); ok && row.Price.LessThan(b.Price) {
					out = append(out, Finding{Rule: c.rule, Severity: c.severity, Parts: []string{row.Part, b.Part},
						Detail: fmt.Sprintf("1YR Acq Y%d at %s is below 1YR Acq Y%d at %s", d.AcquiredYear, row.Price.StringFixed(2), b.Description.AcquiredYear, b.Price.StringFixed(2))})
				}
				continue
			}
			up := d
			up.CoverageYears = terms.years + 1 - d.AcquiredYear
			u, ok := pl.Lookup(up)
			if !ok {
				continue
			}
			if total := row.Price.Mul(decimal.NewFromInt(int64(up.CoverageYears))); !total.Equal(u.Price) {
				out = append(out, Finding{Rule: c.rule, Severity: c.severity, Parts: []string{row.Part, u.Part},
					Detail: fmt.Sprintf("%d × %s (1YR Acq Y%d) = %s, but %dYR Acq Y%d is %s", up.CoverageYears, row.Price.StringFixed(2), d.AcquiredYear,
						total.StringFixed(2), up.CoverageYears, d.AcquiredYear, u.Price.StringFixed(2))})
			}
		}
		for i := 1; i < len(optionOrder); i++ {
			if d.Program != optionOrder[i].program || d.Scope != optionOrder[i].scope {
				continue
			}
			cheaper := d
			cheaper.Program, cheaper.Scope = optionOrder[i-1].program, optionOrder[i-1].scope
			if c, ok := pl.Lookup(cheaper); ok && c.Price.GreaterThan(row.Price) {
				out = append(out, Finding{Rule: "OV-06", Severity: Warning, Parts: []string{c.Part, row.Part},
					Detail: fmt.Sprintf("%v %v at %s costs more than %v %v at %s", c.Description.Program, c.Description.Scope, c.Price.StringFixed(2),
						d.Program, d.Scope, row.Price.StringFixed(2))})
			}
		}
	}
	return out
}

// Bill returns the invoices of quantity units of choice c at the prices of
// list pl: each invoice date of c (SKU-12) bills the same SKU again, so a
// spread line pays the 1YR price on the order and on each remaining
// anniversary, and an up-front line pays once. Amounts are price ×
// quantity, exact to the cent, and add up to the schedule's total. A SKU
// missing from the list is an error wrapping licensing.ErrUnknownProduct.
func (pl *PriceList) Bill(c Choice, quantity int64) (sa.Schedule, error) {
	if quantity < 1 || quantity > licensing.MaxQuantity {
		return sa.Schedule{}, fmt.Errorf("openvalue: bill: quantity %d: %w: want 1 to %d", quantity, licensing.ErrInvalidQuantity, licensing.MaxQuantity)
	}
	p, ok := pl.Lookup(c.Description)
	if !ok {
		return sa.Schedule{}, fmt.Errorf("openvalue: bill: %q: %w: not in the price list", c.Text, licensing.ErrUnknownProduct)
	}
	if f, bad := pl.invalid[p.Part]; bad {
		return sa.Schedule{}, licensing.Refuse(f.Rule, ErrInvalidPriceList, "%s is not billed from this list: %s", p.Part, f.Detail)
	}
	amount := p.Price.Mul(decimal.NewFromInt(quantity))
	s := sa.Schedule{Total: decimal.Zero}
	for i, due := range c.Invoices {
		period := c.Coverage
		if len(c.Invoices) > 1 {
			period = sa.Coverage{Start: due, End: c.Coverage.End, Months: 12}
			if i+1 < len(c.Invoices) {
				period.End = c.Invoices[i+1].AddDays(-1)
			}
		}
		s.Installments = append(s.Installments, sa.Installment{Due: due, Period: period, Amount: amount})
		s.Total = s.Total.Add(amount)
	}
	return s, nil
}
