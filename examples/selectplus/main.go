// Command selectplus replays a Select Plus purchase history and prints, for
// every order and every anniversary, the level of each pool and why.
//
//	selectplus [-json] -start DATE [-segment commercial|academic|government]
//	           [-affiliate NAME=DATE]... [-opening FILE.json] [-until DATE] FILE.csv
//
// FILE.csv has the header date,order,affiliate,product,offering,quantity.
// Rows with the same order (and the same date and affiliate) form one
// order; rows with the same order ID but another date or affiliate are
// another order with that ID, which the ledger refuses as a duplicate.
// product is a name of the default catalog (GEN-04), any case: a Select
// Plus row, or failing that a row of another program; offering is License,
// LicenseSA or SA. L&SA is prepaid: its SA runs to the third affiliate
// anniversary and its SA points count on the order date (SP-39, SA-03).
// Orders are replayed in date order, rows of one date in file order. An
// order refused by a rule (a first order below the minimum, a duplicate
// ID) is an event of the output; an order whose rows are bad data (an
// unknown product or offering, a quantity that is not a whole number from
// 1, no order ID) is named on standard error with its line and field, the
// rest of the file is replayed, and the program exits 2. An empty file, or
// one with only the header, is an error.
//
// -start is the agreement's effective date; its anniversaries are start +
// k years (GEN-15), and an order dated on one belongs to the new year.
// -affiliate sets an affiliate's anniversary (default: the start date);
// every affiliate named in the file is registered. Anniversaries are
// processed up to -until (default: the last order date).
//
// With -json it prints one JSON object per line: before each order, every
// anniversary on or before its date, one object per pool ever active
// (Applications, Systems, Servers); then one object per accepted line, or
// one for a refused order; finally the anniversaries through -until.
// Points, totals and carryover are exact strings ("42.5", "25/12"). Without
// -json it prints a table per agreement year and pool.
//
// -opening starts the ledger from where the agreement stands on a date
// rather than from its first day (selectplus.Opening, LIB-10): a JSON
// object with the as-of date, each pool ever active (status, level, this
// agreement year's points before that date, carry, and, when there are
// several affiliates, whose the points are), the associated agreement, the
// SA coverage and the order IDs already counted. A product in saCoverage
// is named as in the CSV ({"name": "Office Professional Plus"}) and read
// from the default catalog. The history is replayed on top of it: an order
// dated before the as-of date is out of order, bad data. The opening is
// printed first (-json: one "opening" object per pool).
//
// Example, the worked scenario WS-12:
//
//	go run ./examples/selectplus -start 2018-07-01 -until 2021-07-01 examples/selectplus/testdata/ws12.csv
//
// and its last year from where the customer stood on 2020-07-15:
//
//	go run ./examples/selectplus -start 2018-07-01 -until 2021-07-01 \
//	    -opening examples/selectplus/testdata/opening.json examples/selectplus/testdata/ws12-rest.csv
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
)

func main() {
	os.Exit(cli.Exit("selectplus", run(os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
}

// errBadData reports rows that could not be read as orders: each was named
// on standard error, the rest of the file was replayed, and the program
// exits non-zero.
var errBadData = errors.New("rows with bad data")

const usage = "selectplus [-json] -start DATE [-segment commercial|academic|government] [-affiliate NAME=DATE]... [-opening FILE.json] [-until DATE] FILE.csv"

// affiliateFlags collects -affiliate NAME=DATE flags in order.
type affiliateFlags struct {
	names []string
	dates map[string]licensing.Date
}

func (a *affiliateFlags) String() string { return strings.Join(a.names, ",") }

func (a *affiliateFlags) Set(s string) error {
	name, d, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return fmt.Errorf("want NAME=DATE, got %q", s)
	}
	date, err := licensing.ParseDate(strings.TrimSpace(d))
	if err != nil {
		return err
	}
	if _, dup := a.dates[name]; dup {
		return fmt.Errorf("affiliate %q given twice", name)
	}
	a.names = append(a.names, name)
	a.dates[name] = date
	return nil
}

// The output objects, one type per event, their fields in the documented
// order (the fields after those documented are extra explanation).
type anniversaryEvent struct {
	Event       string `json:"event"` // "anniversary"
	Date        string `json:"date"`
	Pool        string `json:"pool"`
	Total       string `json:"total"`
	LevelBefore string `json:"levelBefore"`
	Level       string `json:"level"`
	Carry       string `json:"carry"`
	Status      string `json:"status"`
	Rule        string `json:"rule"`
	Explanation string `json:"explanation"`
}

type lineEvent struct {
	Event       string `json:"event"` // "line"
	Date        string `json:"date"`
	Order       string `json:"order"`
	Line        int    `json:"line"`
	Pool        string `json:"pool"`
	Points      string `json:"points"`
	Level       string `json:"level"`
	SAMonths    int    `json:"saMonths,omitempty"`
	SAEnd       string `json:"saEnd,omitempty"`
	Affiliate   string `json:"affiliate"`
	Product     string `json:"product"`
	Offering    string `json:"offering"`
	Quantity    int64  `json:"quantity"`
	Rule        string `json:"rule"`
	Explanation string `json:"explanation"`
}

type openingEvent struct {
	Event       string `json:"event"` // "opening"
	Date        string `json:"date"`
	Pool        string `json:"pool"`
	Total       string `json:"total"`
	Level       string `json:"level"`
	Carry       string `json:"carry"`
	Status      string `json:"status"`
	Rule        string `json:"rule"`
	Explanation string `json:"explanation"`
}

type refusedEvent struct {
	Event     string `json:"event"` // "refused"
	Date      string `json:"date"`
	Order     string `json:"order"`
	Rule      string `json:"rule"`
	Error     string `json:"error"`
	Affiliate string `json:"affiliate"`
}

// An event is one output object and the agreement year it belongs to (an
// anniversary belongs to the year it closes).
type event struct {
	year int
	obj  any
}

func level(l licensing.Level) string {
	if l == 0 {
		return ""
	}
	return l.String()
}

// row is one CSV row, and order is the rows that form one order.
type row struct {
	line      int
	date      licensing.Date
	order     string
	affiliate string
	product   string
	offering  string
	quantity  string
}

type order struct {
	id, affiliate string
	date          licensing.Date
	rows          []row
}

func run(args []string, w, errw io.Writer) error {
	fs := flag.NewFlagSet("selectplus", flag.ContinueOnError)
	affs := &affiliateFlags{dates: map[string]licensing.Date{}}
	asJSON := fs.Bool("json", false, "print JSON lines")
	startText := fs.String("start", "", "the agreement's effective date")
	segmentText := fs.String("segment", "commercial", "commercial, academic or government")
	untilText := fs.String("until", "", "process anniversaries up to this date (default: the last order date)")
	fs.Var(affs, "affiliate", "NAME=DATE: an affiliate's anniversary (repeatable)")
	openingFile := fs.String("opening", "", "a JSON file: where the agreement stands on a date (start from it, not from the first day)")
	if err := cli.Parse(fs, args, w, usage, 1, 1); err != nil {
		return err
	}
	start, err := licensing.ParseDate(*startText)
	if err != nil {
		return fmt.Errorf("-start: %w", err)
	}
	segment, err := licensing.ParseSegment(*segmentText)
	if err != nil {
		return fmt.Errorf("-segment: %w", err)
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	orders, err := readOrders(f)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	until := start
	if len(orders) > 0 {
		until = orders[len(orders)-1].date
	}
	if *untilText != "" {
		if until, err = licensing.ParseDate(*untilText); err != nil {
			return fmt.Errorf("-until: %w", err)
		}
	}

	var opening *selectplus.Opening
	if *openingFile != "" {
		if opening, err = readOpening(*openingFile); err != nil {
			return fmt.Errorf("-opening: %w", err)
		}
	}
	ledger, err := open(start, segment, affs, orders, opening)
	if err != nil {
		if opening != nil {
			return fmt.Errorf("-opening: %w", err)
		}
		return err
	}
	events := openingEvents(ledger)
	replayed, bad, err := replay(ledger, orders, until, errw)
	if err != nil {
		return err
	}
	events = append(events, replayed...)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, e := range events {
			if err := enc.Encode(e.obj); err != nil {
				return err
			}
		}
	} else if err := printTables(w, start, events, first(ledger, opening)); err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%s: %d orders with bad data, named above and left out: %w", fs.Arg(0), bad, errBadData)
	}
	return nil
}

// readOrders reads the CSV and groups its rows into orders, sorted by date
// and, within a date, by the order of their first row.
func readOrders(r io.Reader) ([]order, error) {
	cr := csv.NewReader(cli.SkipBOM(r))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("line 1: empty file: want the header date,order,affiliate,product,offering,quantity")
	}
	if err != nil {
		return nil, fmt.Errorf("reading the header: %w", err)
	}
	want := []string{"date", "order", "affiliate", "product", "offering", "quantity"}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, c := range want {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("line 1: missing column %q (want the header %s)", c, strings.Join(want, ","))
		}
	}
	var orders []order
	index := map[[3]string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return nil, fmt.Errorf("line %d: %d fields, want %d", line, len(rec), len(header))
		}
		get := func(c string) string { return strings.TrimSpace(rec[col[c]]) }
		d, err := licensing.ParseDate(get("date"))
		if err != nil {
			_, column := cr.FieldPos(col["date"])
			return nil, fmt.Errorf("line %d, column %d: %w", line, column, err)
		}
		rw := row{line: line, date: d, order: get("order"), affiliate: get("affiliate"), product: get("product"), offering: get("offering"), quantity: get("quantity")}
		key := [3]string{rw.order, d.String(), rw.affiliate}
		i, ok := index[key]
		if !ok {
			i = len(orders)
			index[key] = i
			orders = append(orders, order{id: rw.order, affiliate: rw.affiliate, date: d})
		}
		orders[i].rows = append(orders[i].rows, rw)
	}
	if len(orders) == 0 {
		return nil, errors.New("line 2: the file has a header and no orders")
	}
	slices.SortStableFunc(orders, func(a, b order) int { return a.date.Compare(b.date) })
	return orders, nil
}

// readOpening reads an opening position, completing the products of its
// SA coverage from the default catalog by name.
func readOpening(path string) (*selectplus.Opening, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(cli.SkipBOM(bytes.NewReader(b)))
	dec.DisallowUnknownFields()
	var o selectplus.Opening
	if err := dec.Decode(&o); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i, c := range o.Coverage {
		p, err := lookup(c.Product.Name)
		if err != nil {
			return nil, fmt.Errorf("%s: saCoverage[%d].product: %w", path, i, err)
		}
		o.Coverage[i].Product = p
	}
	return &o, nil
}

// openingEvents are the pools of an opened ledger, from its audit trail.
func openingEvents(l *selectplus.Ledger) []event {
	start := l.Agreement().Effective
	var out []event
	for _, e := range l.Audit() {
		if e.Transition != selectplus.Opened {
			continue
		}
		why := e.Why()
		out = append(out, event{licensing.YearOf(start, e.Date), openingEvent{Event: "opening", Date: e.Date.String(), Pool: e.Pool.String(),
			Total: e.After.Total().String(), Level: level(e.After.Level), Carry: e.After.Carry.String(), Status: e.After.Status.String(),
			Rule: string(why.Rule), Explanation: why.Result}})
	}
	return out
}

// first is the agreement year the tables start at: the opening's, or 1.
func first(l *selectplus.Ledger, opening *selectplus.Opening) int {
	if opening == nil {
		return 1
	}
	return licensing.YearOf(l.Agreement().Effective, opening.AsOf)
}

// open loads the agreement with every affiliate of the flags, the opening
// and the file, and opens it from the opening if there is one.
func open(start licensing.Date, segment licensing.Segment, affs *affiliateFlags, orders []order, opening *selectplus.Opening) (*selectplus.Ledger, error) {
	names := slices.Clone(affs.names)
	add := func(name string) {
		if name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	if opening != nil {
		for _, p := range opening.Pools {
			for _, name := range slices.Sorted(maps.Keys(p.Shares)) {
				add(strings.TrimSpace(name))
			}
		}
		for _, c := range opening.Coverage {
			add(strings.TrimSpace(c.Affiliate))
		}
	}
	for _, o := range orders {
		add(o.affiliate)
	}
	if len(names) == 0 {
		names = []string{"(lead)"}
	}
	var a selectplus.Agreement
	a.Segment, a.Effective = segment, start
	for i, n := range names {
		anniv, ok := affs.dates[n]
		if !ok {
			anniv = start
		}
		af := selectplus.Affiliate{ID: n, Anniversary: anniv}
		if i == 0 {
			a.Lead = af
		} else {
			a.Affiliates = append(a.Affiliates, af)
		}
	}
	if opening != nil {
		return selectplus.Open(a, selectplus.DefaultRules(), *opening)
	}
	return selectplus.Load(a, selectplus.DefaultRules())
}

// replay posts the orders and returns the events in output order. A
// refusal by a rule is an event; an order whose rows are bad data (an
// unknown product or offering, a quantity that is not a whole number from
// 1, no order ID) is named on errw and left out, and counted in bad.
func replay(l *selectplus.Ledger, orders []order, until licensing.Date, errw io.Writer) (out []event, bad int, err error) {
	start := l.Agreement().Effective
	anniversaries := func(to licensing.Date) error {
		if to.Before(l.Now()) {
			return nil
		}
		reviews, err := l.AdvanceTo(to)
		for _, r := range reviews {
			why := r.Why()
			out = append(out, event{licensing.YearOf(start, r.Date) - 1, anniversaryEvent{
				Event: "anniversary", Date: r.Date.String(), Pool: r.Pool.String(), Total: r.Total.String(),
				LevelBefore: level(r.Before.Level), Level: level(r.After.Level), Carry: r.After.Carry.String(),
				Status: r.After.Status.String(), Rule: string(why.Rule), Explanation: why.Result}})
		}
		return err
	}
	for _, o := range orders {
		if err := anniversaries(o.date); err != nil {
			return nil, 0, err
		}
		year := licensing.YearOf(start, o.date)
		lo, err := buildOrder(o)
		if err != nil {
			fmt.Fprintf(errw, "selectplus: %v\n", err)
			bad++
			continue
		}
		rc, err := l.Post(lo)
		if err == nil {
			for _, lr := range rc.Lines {
				why := rc.Pools[lr.Pool-1].Why()
				e := lineEvent{Event: "line", Date: o.date.String(), Order: o.id, Line: lr.Line, Pool: lr.Pool.String(),
					Points: lr.Points.String(), Level: level(lr.Level), Affiliate: o.affiliate, Product: lr.Product.Name,
					Offering: lr.Offering.String(), Quantity: lr.Quantity, Rule: string(why.Rule), Explanation: why.Result}
				if lr.Coverage.Months > 0 {
					e.SAMonths, e.SAEnd = lr.Coverage.Months, lr.Coverage.End.String()
				}
				out = append(out, event{year, e})
			}
			continue
		}
		rule, refused := licensing.RuleOf(err)
		if !refused { // malformed, not refused by a rule
			fmt.Fprintf(errw, "selectplus: line %d: order %q: %v\n", o.rows[0].line, o.id, err)
			bad++
			continue
		}
		out = append(out, event{year, refusedEvent{Event: "refused", Date: o.date.String(), Order: o.id, Rule: string(rule),
			Error: err.Error(), Affiliate: o.affiliate}})
	}
	if err := anniversaries(until); err != nil {
		return nil, 0, err
	}
	return out, bad, nil
}

// offerings are the offerings a history row may carry.
var offerings = []licensing.Offering{licensing.License, licensing.LicenseSA, licensing.SAOnly}

// buildOrder turns an order's rows into a licensing.Order, naming the row
// at fault.
func buildOrder(o order) (licensing.Order, error) {
	lo := licensing.Order{ID: o.id, Date: o.date, Affiliate: o.affiliate}
	for _, rw := range o.rows {
		p, err := lookup(rw.product)
		if err != nil {
			return lo, fmt.Errorf("line %d: %w", rw.line, err)
		}
		off, err := licensing.ParseOffering(rw.offering)
		if err != nil || !slices.Contains(offerings, off) {
			return lo, fmt.Errorf("line %d: offering %q: want License, LicenseSA or SA (GEN-20): %w", rw.line, rw.offering, licensing.ErrInvalidOffering)
		}
		q, err := strconv.ParseInt(rw.quantity, 10, 64)
		if err != nil || q < 1 || q > licensing.MaxQuantity {
			return lo, fmt.Errorf("line %d: quantity %q: want a whole number from 1 to %d (GEN-05): %w", rw.line, rw.quantity, licensing.MaxQuantity, licensing.ErrInvalidQuantity)
		}
		lo.Lines = append(lo.Lines, licensing.Line{Product: p, Offering: off, Quantity: q})
	}
	return lo, nil
}

// lookup finds a product of the default catalog by name, any case: a
// Select Plus row, or failing that a row of another program.
func lookup(name string) (licensing.Product, error) {
	catalog := licensing.DefaultCatalog()
	p, err := catalog.Lookup(licensing.SelectPlus, name)
	if err == nil {
		return p, nil
	}
	for _, prog := range licensing.Programs() {
		if q, e := catalog.Lookup(prog, name); e == nil {
			return q, nil
		}
	}
	return p, fmt.Errorf("product %q is not in the default catalog (GEN-04): %w", name, licensing.ErrUnknownProduct)
}

// printTables prints the events as a table per agreement year and pool,
// from the year first, then the refused orders of the year.
func printTables(w io.Writer, start licensing.Date, events []event, first int) error {
	last := 0
	for _, e := range events {
		first, last = min(first, e.year), max(last, e.year)
	}
	for y := first; y <= last; y++ {
		if y == 0 {
			fmt.Fprintf(w, "Before the agreement's effective date %v\n", start)
		} else {
			fmt.Fprintf(w, "Agreement year %d: %v to %v\n", y, start.Anniversary(y-1), start.Anniversary(y).AddDays(-1))
		}
		for _, pool := range append(licensing.Pools(), 0) {
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			n := 0
			for _, e := range events {
				if e.year != y {
					continue
				}
				switch v := e.obj.(type) {
				case lineEvent:
					if v.Pool == pool.String() {
						fmt.Fprintf(tw, "    %s\t%s/%d\t%s × %d %s\t+%s\tlevel %s\t%s: %s\n", v.Date, v.Order, v.Line, v.Product, v.Quantity, v.Offering, v.Points, v.Level, v.Rule, v.Explanation)
						n++
					}
				case openingEvent:
					if v.Pool == pool.String() {
						fmt.Fprintf(tw, "    %s\topening\ttotal %s\tlevel %s\tcarry %s, %s\t%s: %s\n", v.Date, v.Total, v.Level, v.Carry, v.Status, v.Rule, v.Explanation)
						n++
					}
				case anniversaryEvent:
					if v.Pool == pool.String() {
						fmt.Fprintf(tw, "    %s\tanniversary\ttotal %s\t%s → %s\tcarry %s, %s\t%s: %s\n", v.Date, v.Total, v.LevelBefore, v.Level, v.Carry, v.Status, v.Rule, v.Explanation)
						n++
					}
				case refusedEvent:
					if pool == 0 {
						fmt.Fprintf(tw, "    %s\t%s\trefused: %s\n", v.Date, v.Order, v.Error)
						n++
					}
				}
			}
			if n == 0 {
				continue
			}
			if pool == 0 {
				fmt.Fprintln(w, "  Refused orders")
			} else {
				fmt.Fprintf(w, "  %v\n", pool)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}
