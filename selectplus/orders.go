package selectplus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/vlrules/vlrules/internal/csvin"
	"github.com/vlrules/vlrules/licensing"
)

// historyColumns are the columns of a purchase history, in any order.
var historyColumns = []string{"date", "order", "affiliate", "product", "offering", "quantity"}

// historyOfferings are the offerings a history row may carry (GEN-20).
var historyOfferings = []licensing.Offering{licensing.License, licensing.LicenseSA, licensing.SAOnly}

// A HistoryError reports a bad row of a purchase history at its line and
// column, in the catalog reader's form. It wraps licensing.ErrInvalidOrder
// and the field's own sentinel.
type HistoryError struct {
	Line, Column int
	Order        string // the order the row belongs to, when read
	Field        string // the column, or "" for CSV syntax
	Err          error
}

// Error returns "selectplus: history line L, column C (field): what is wrong".
func (e *HistoryError) Error() string {
	s := fmt.Sprintf("selectplus: history line %d, column %d", e.Line, e.Column)
	if e.Field != "" {
		s += " (" + e.Field + ")"
	}
	if e.Order != "" {
		s += ", order " + strconv.Quote(e.Order)
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns licensing.ErrInvalidOrder and the underlying error.
func (e *HistoryError) Unwrap() []error { return []error{licensing.ErrInvalidOrder, e.Err} }

// An OrderReader reads a Select Plus purchase history from CSV one order at
// a time, holding only the order being read: a header naming the columns
// date, order, affiliate, product, offering and quantity, in any order,
// then one line per order line:
//
//	date,order,affiliate,product,offering,quantity
//	2018-07-15,PO-1,HQ,Office Professional Plus,License,300
//
// Consecutive rows with the same date, order ID and affiliate are one
// order; a later row with that ID is another order, which a Ledger refuses
// as a duplicate (INV-06). product is a name of the catalog, any case: a
// Select Plus row, or failing that a row of another program; offering is
// License, LicenseSA or SA (GEN-20); quantity a whole number from 1 to
// licensing.MaxQuantity. A byte-order mark is skipped, and lines starting
// with '#' are comments.
type OrderReader struct {
	cr      *csv.Reader
	catalog *licensing.Catalog
	col     [6]int
	width   int
	next    []string // the row read ahead, nil at the end
	nextErr error
	known   map[string]licensing.Product // products by the name rows give them
	line    int                          // the first line of the order last returned
}

// NewOrderReader reads the header of a purchase history from r and returns
// a reader of its orders, whose products it finds in catalog. An empty
// input or a header that lacks a column is a *HistoryError.
func NewOrderReader(r io.Reader, catalog *licensing.Catalog) (*OrderReader, error) {
	cr := csv.NewReader(csvin.Reader(r))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	// A row's slice is reused by the next Read: Read is done with the row
	// ahead before it reads the next, and the fields' strings stay.
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &HistoryError{Line: 1, Column: 1, Err: fmt.Errorf("empty input: want the header %s", strings.Join(historyColumns, ","))}
	}
	if err != nil {
		return nil, historyCSVError(err)
	}
	or := &OrderReader{cr: cr, catalog: catalog, width: len(header)}
	for i, name := range historyColumns {
		is := func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), name) }
		j := slices.IndexFunc(header, is)
		switch {
		case j < 0:
			return nil, &HistoryError{Line: 1, Column: 1, Field: name, Err: fmt.Errorf("missing column %q (want the header %s)", name, strings.Join(historyColumns, ","))}
		case slices.IndexFunc(header[j+1:], is) >= 0:
			_, col := cr.FieldPos(j + 1 + slices.IndexFunc(header[j+1:], is))
			return nil, &HistoryError{Line: 1, Column: col, Field: name, Err: fmt.Errorf("column %q twice", name)}
		}
		or.col[i] = j
	}
	or.advance()
	return or, nil
}

func historyCSVError(err error) error {
	line, column, cause := csvin.Position(err)
	return &HistoryError{Line: line, Column: column, Err: cause}
}

// advance reads the next row ahead, its fields trimmed of white space.
func (or *OrderReader) advance() {
	or.next, or.nextErr = or.cr.Read()
	if or.nextErr == io.EOF {
		or.next, or.nextErr = nil, nil
	}
	for i, f := range or.next {
		or.next[i] = strings.TrimSpace(f)
	}
}

// get returns column c of a row advance read.
func (or *OrderReader) get(rec []string, c int) string { return rec[or.col[c]] }

// key is what makes rows one order: date, ID and affiliate; a row too
// short to hold them has none.
func (or *OrderReader) key(rec []string) ([3]string, bool) {
	for _, c := range or.col[:3] {
		if c >= len(rec) {
			return [3]string{}, false
		}
	}
	return [3]string{or.get(rec, 0), or.get(rec, 1), or.get(rec, 2)}, true
}

// Line returns the line of the first row of the order last read.
func (or *OrderReader) Line() int { return or.line }

// Read returns the next order, or io.EOF after the last. A bad row is a
// *HistoryError naming its line, column and field (a row of the wrong
// width is field "fields"), and its whole order is refused with it: the
// order's other rows are skipped, never returned as an order of their own.
// The next Read goes on with the order after it, so that a caller may name
// every bad order and replay the others. A CSV syntax error (field "") ends
// the history.
func (or *OrderReader) Read() (licensing.Order, error) {
	if or.nextErr != nil {
		err := historyCSVError(or.nextErr)
		or.next, or.nextErr = nil, nil // the history ends at a syntax error
		return licensing.Order{}, err
	}
	if or.next == nil {
		return licensing.Order{}, io.EOF
	}
	or.line, _ = or.cr.FieldPos(0)
	key, keyed := or.key(or.next)
	var o licensing.Order
	var bad error
	for {
		line, _ := or.cr.FieldPos(0)
		if bad == nil {
			if len(or.next) != or.width {
				bad = &HistoryError{Line: line, Column: 1, Field: "fields", Err: fmt.Errorf("%d fields, want %d as in the header", len(or.next), or.width)}
			} else if l, err := or.row(or.next, line, &o); err != nil {
				bad = err
			} else {
				if o.Lines == nil {
					o.Lines = make([]licensing.Line, 0, 4) // most orders have a few lines: one allocation
				}
				o.Lines = append(o.Lines, l)
			}
		}
		or.advance()
		// A syntax error ends the history: the next Read reports it. Whose
		// row it spoiled cannot be read, so the order before it stands.
		if or.nextErr != nil || or.next == nil || !keyed {
			break
		}
		if k, ok := or.key(or.next); !ok || k != key {
			break
		}
	}
	if bad != nil {
		return licensing.Order{}, bad
	}
	return o, nil
}

// row reads one row into an order line, filling the order's date, ID and
// affiliate from its first row.
func (or *OrderReader) row(rec []string, line int, o *licensing.Order) (licensing.Line, error) {
	at := func(c int, err error) error {
		_, column := or.cr.FieldPos(or.col[c])
		return &HistoryError{Line: line, Column: column, Order: or.get(rec, 1), Field: historyColumns[c], Err: err}
	}
	if o.ID == "" {
		d, err := licensing.ParseDate(or.get(rec, 0))
		if err != nil {
			return licensing.Line{}, at(0, err)
		}
		if or.get(rec, 1) == "" {
			return licensing.Line{}, at(1, errors.New("an order ID is required"))
		}
		// Copies: the fields share the memory of the whole line, which a
		// caller that keeps the order would otherwise keep.
		o.Date, o.ID, o.Affiliate = d, strings.Clone(or.get(rec, 1)), strings.Clone(or.get(rec, 2))
	}
	p, err := or.lookup(or.get(rec, 3))
	if err != nil {
		return licensing.Line{}, at(3, err)
	}
	off, err := licensing.ParseOffering(or.get(rec, 4))
	if err != nil || !slices.Contains(historyOfferings, off) {
		return licensing.Line{}, at(4, fmt.Errorf("offering %q: want License, LicenseSA or SA (GEN-20): %w", or.get(rec, 4), licensing.ErrInvalidOffering))
	}
	text := or.get(rec, 5)
	q, err := strconv.ParseInt(text, 10, 64)
	if err != nil || q < 1 || q > licensing.MaxQuantity || text[0] < '0' || text[0] > '9' {
		return licensing.Line{}, at(5, fmt.Errorf("quantity %q: want a whole number from 1 to %d (GEN-05): %w", or.get(rec, 5), licensing.MaxQuantity, licensing.ErrInvalidQuantity))
	}
	return licensing.Line{Product: p, Offering: off, Quantity: q}, nil
}

// FindProduct finds a product of catalog c by name, any case, as a history
// names it: a Select Plus row, or failing that a row of another program.
// A name of no row is an error wrapping licensing.ErrUnknownProduct.
func FindProduct(c *licensing.Catalog, name string) (licensing.Product, error) {
	p, err := c.Lookup(licensing.SelectPlus, name)
	if err == nil {
		return p, nil
	}
	for _, prog := range licensing.Programs() {
		if q, e := c.Lookup(prog, name); e == nil {
			return q, nil
		}
	}
	return p, fmt.Errorf("product %q is not in the catalog (GEN-04): %w", name, licensing.ErrUnknownProduct)
}

// lookup finds a product as FindProduct does, remembering what it found.
func (or *OrderReader) lookup(name string) (licensing.Product, error) {
	if p, ok := or.known[name]; ok {
		return p, nil
	}
	p, err := FindProduct(or.catalog, name)
	if err == nil {
		or.remember(name, p)
	}
	return p, err
}

// remember keeps the product a name found, for the rows to come; a history
// names few products, so the table stays small (memory flat).
func (or *OrderReader) remember(name string, p licensing.Product) {
	if or.known == nil {
		or.known = map[string]licensing.Product{}
	}
	if len(or.known) < 4096 {
		or.known[name] = p
	}
}
