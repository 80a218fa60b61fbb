// Command selectplus replays a Select Plus purchase history and prints, for
// every order and every anniversary, the level of each pool and why.
//
//	selectplus [-json] -start DATE [-segment commercial|academic|government]
//	           [-affiliate NAME=DATE]... [-opening FILE.json] [-until DATE] FILE.csv
//
// FILE.csv has the header date,order,affiliate,product,offering,quantity
// and is read by selectplus.OrderReader, one order at a time: consecutive
// rows with the same date, order ID and affiliate form one order; a later
// order with that ID is another order, which the ledger refuses as a
// duplicate. product is a name of the default catalog (GEN-04), any case: a
// Select Plus row, or failing that a row of another program; offering is
// License, LicenseSA or SA. L&SA is prepaid: its SA runs to the third
// affiliate anniversary and its SA points count on the order date (SP-39,
// SA-03). The file is in date order, and each order is posted and printed
// as it is read; the history is never held. An order refused by a rule (a
// first order below the minimum, a duplicate ID) is an event of the
// output; an order with bad data (an unknown product or offering, a
// quantity that is not a whole number from 1, no order ID, a bad date, an
// order dated before the agreement or before one already replayed) is
// named on standard error with its line, column and field, the rest of the
// file is replayed, and the program exits 2. An empty file, or one with
// only the header, is an error.
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
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
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

// A lineEvent keeps its date and points typed, so that the line of a
// million written costs no string for them.
type lineEvent struct {
	Event       string           `json:"event"` // "line"
	Date        licensing.Date   `json:"date"`
	Order       string           `json:"order"`
	Line        int              `json:"line"`
	Pool        string           `json:"pool"`
	Points      licensing.Points `json:"points"`
	Level       string           `json:"level"`
	SAMonths    int              `json:"saMonths,omitempty"`
	SAEnd       licensing.Date   `json:"saEnd,omitzero"`
	Affiliate   string           `json:"affiliate"`
	Product     string           `json:"product"`
	Offering    string           `json:"offering"`
	Quantity    int64            `json:"quantity"`
	Rule        string           `json:"rule"`
	Explanation string           `json:"explanation"`
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

// appendJSON appends the object as encoding/json would write it, its
// fields in the struct's order (TestAppendJSON compares them), without
// reflection: a history of a million rows is a million objects. So do the
// appendJSON methods of the other events.
func (e anniversaryEvent) appendJSON(b []byte) []byte {
	return cli.StartObject(b).Str("event", e.Event).Str("date", e.Date).Str("pool", e.Pool).Str("total", e.Total).
		Str("levelBefore", e.LevelBefore).Str("level", e.Level).Str("carry", e.Carry).Str("status", e.Status).
		Str("rule", e.Rule).Str("explanation", e.Explanation).End()
}

func (e lineEvent) appendJSON(b []byte) []byte {
	o := cli.StartObject(b).Str("event", e.Event).Date("date", e.Date).Str("order", e.Order).Int("line", int64(e.Line)).
		Str("pool", e.Pool).Points("points", e.Points).Str("level", e.Level)
	if e.SAMonths != 0 {
		o = o.Int("saMonths", int64(e.SAMonths))
	}
	if !e.SAEnd.IsZero() {
		o = o.Date("saEnd", e.SAEnd)
	}
	return o.Str("affiliate", e.Affiliate).Str("product", e.Product).Str("offering", e.Offering).Int("quantity", e.Quantity).
		Str("rule", e.Rule).Str("explanation", e.Explanation).End()
}

func (e openingEvent) appendJSON(b []byte) []byte {
	return cli.StartObject(b).Str("event", e.Event).Str("date", e.Date).Str("pool", e.Pool).Str("total", e.Total).
		Str("level", e.Level).Str("carry", e.Carry).Str("status", e.Status).Str("rule", e.Rule).
		Str("explanation", e.Explanation).End()
}

func (e refusedEvent) appendJSON(b []byte) []byte {
	return cli.StartObject(b).Str("event", e.Event).Str("date", e.Date).Str("order", e.Order).Str("rule", e.Rule).
		Str("error", e.Error).Str("affiliate", e.Affiliate).End()
}

// An object is an output object.
type object interface {
	appendJSON(b []byte) []byte
}

// An event is one output object and the agreement year it belongs to (an
// anniversary belongs to the year it closes).
type event struct {
	year int
	obj  object
}

func level(l licensing.Level) string {
	if l == 0 {
		return ""
	}
	return l.String()
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
	var until licensing.Date
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
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	orders, err := selectplus.NewOrderReader(f, licensing.DefaultCatalog())
	if err != nil {
		return inFile{fs.Arg(0), err}
	}

	bw := bufio.NewWriterSize(w, 64<<10)
	defer bw.Flush() // on an error too: every object written is a whole line
	r := &replayer{errw: errw, start: start}
	var tables *tablePrinter
	if *asJSON {
		r.out = bw
		r.emit = func(e event) error {
			r.buf = e.obj.appendJSON(r.buf[:0])
			_, err := bw.Write(r.buf)
			return err
		}
	} else {
		tables = &tablePrinter{w: bw, start: start, next: 1}
		r.emit = tables.add
	}
	// The first order read names the lead affiliate when no flag or
	// opening does; every later affiliate registers on its first order.
	first, firstErr := r.read(orders)
	if firstErr == io.EOF && r.bad == 0 {
		return fmt.Errorf("%s: line 2: the file has a header and no orders", fs.Arg(0))
	}
	if r.ledger, err = open(start, segment, affs, first.Affiliate, opening); err != nil {
		if opening != nil {
			return fmt.Errorf("-opening: %w", err)
		}
		return err
	}
	r.registered = map[string]bool{}
	for _, id := range r.ledger.Affiliates() {
		r.registered[id] = true
	}
	if opening != nil && tables != nil {
		tables.next = licensing.YearOf(start, opening.AsOf)
	}
	if opening != nil && !until.IsZero() && until.Before(opening.AsOf) {
		return fmt.Errorf("-until %v: before the opening's date %v", until, opening.AsOf)
	}
	if err := r.opened(); err != nil {
		return err
	}
	if firstErr != nil && firstErr != io.EOF {
		return inFile{fs.Arg(0), firstErr}
	}
	for o, err := first, firstErr; err != io.EOF; o, err = r.read(orders) {
		if err != nil {
			return inFile{fs.Arg(0), err}
		}
		if err := r.post(o, orders.Line()); err != nil {
			return err
		}
	}
	if until.IsZero() {
		until = start
		if r.last.After(until) {
			until = r.last
		}
	}
	if err := r.anniversaries(until); err != nil {
		return err
	}
	if tables != nil {
		if err := tables.flush(); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if r.bad > 0 {
		orders := "orders"
		if r.bad == 1 {
			orders = "order"
		}
		return fmt.Errorf("%s: %d %s with bad data, named above and left out: %w", fs.Arg(0), r.bad, orders, errBadData)
	}
	return nil
}

// A replayer posts a history's orders as they are read and hands each
// output event to emit; it keeps nothing but the ledger.
type replayer struct {
	ledger     *selectplus.Ledger
	registered map[string]bool
	start      licensing.Date
	last       licensing.Date // the latest order date read
	errw       io.Writer
	emit       func(event) error
	out        io.Writer // JSON lines, written by emit, and by post for order lines
	buf        []byte    // the JSON line being written
	bad        int
	rc         selectplus.Receipt
}

// read returns the next order of the history, naming each order with bad
// data on errw and counting it. It returns io.EOF at the end, and any
// other error when the history cannot be read on.
func (r *replayer) read(orders *selectplus.OrderReader) (licensing.Order, error) {
	for {
		o, err := orders.Read()
		var he *selectplus.HistoryError
		switch {
		case err == nil:
			if o.Date.After(r.last) {
				r.last = o.Date
			}
			return o, nil
		case errors.As(err, &he) && he.Field != "":
			fmt.Fprintf(r.errw, "selectplus: %s\n", tidy(err))
			r.bad++
		default:
			return o, err
		}
	}
}

// opened emits the pools of an opened ledger, from its audit trail.
func (r *replayer) opened() error {
	for _, e := range r.ledger.Audit() {
		if e.Transition != selectplus.Opened {
			continue
		}
		why := e.Why()
		if err := r.emit(event{licensing.YearOf(r.start, e.Date), openingEvent{Event: "opening", Date: e.Date.String(), Pool: e.Pool.String(),
			Total: e.After.Total().String(), Level: level(e.After.Level), Carry: e.After.Carry.String(), Status: e.After.Status.String(),
			Rule: string(why.Rule), Explanation: why.Result}}); err != nil {
			return err
		}
	}
	return nil
}

// anniversaries emits the reviews of the anniversaries up to to.
func (r *replayer) anniversaries(to licensing.Date) error {
	if to.Before(r.ledger.Now()) {
		return nil
	}
	reviews, err := r.ledger.AdvanceTo(to)
	for _, rv := range reviews {
		why := rv.Why()
		if err := r.emit(event{licensing.YearOf(r.start, rv.Date) - 1, anniversaryEvent{
			Event: "anniversary", Date: rv.Date.String(), Pool: rv.Pool.String(), Total: rv.Total.String(),
			LevelBefore: level(rv.Before.Level), Level: level(rv.After.Level), Carry: rv.After.Carry.String(),
			Status: rv.After.Status.String(), Rule: string(why.Rule), Explanation: why.Result}}); err != nil {
			return err
		}
	}
	return err
}

// post posts one order read from line: a refusal by a rule is an event; bad
// data (an order out of date order or before the agreement, an empty
// affiliate) is named on errw and counted.
func (r *replayer) post(o licensing.Order, line int) error {
	if err := r.anniversaries(o.Date); err != nil {
		return err
	}
	if id := strings.TrimSpace(o.Affiliate); id != "" && !r.registered[id] {
		if err := r.ledger.Register(selectplus.Affiliate{ID: id, Anniversary: r.start}, o.Date); err != nil {
			fmt.Fprintf(r.errw, "selectplus: line %d: order %q: %s\n", line, o.ID, tidy(err))
			r.bad++
			return nil
		}
		r.registered[id] = true
	}
	year := licensing.YearOf(r.start, o.Date)
	err := r.ledger.PostInto(&r.rc, o) // the receipt's memory serves every order
	rc := r.rc
	if err == nil {
		var results [3]string // each pool's result, built once (the Why of a receipt is more)
		for _, lr := range rc.Lines {
			pr := rc.Pools[lr.Pool-1]
			if results[lr.Pool-1] == "" {
				results[lr.Pool-1] = pr.Result()
			}
			e := lineEvent{Event: "line", Date: o.Date, Order: o.ID, Line: lr.Line, Pool: lr.Pool.String(),
				Points: lr.Points, Level: level(lr.Level), Affiliate: o.Affiliate, Product: lr.Product.Name,
				Offering: lr.Offering.String(), Quantity: lr.Quantity, Rule: string(pr.Rule()), Explanation: results[lr.Pool-1]}
			if lr.Coverage.Months > 0 {
				e.SAMonths, e.SAEnd = lr.Coverage.Months, lr.Coverage.End
			}
			if err := r.line(year, e); err != nil {
				return err
			}
		}
		return nil
	}
	rule, refused := licensing.RuleOf(err)
	if !refused { // malformed, not refused by a rule
		fmt.Fprintf(r.errw, "selectplus: line %d: order %q: %s\n", line, o.ID, tidy(err))
		r.bad++
		return nil
	}
	return r.emit(event{year, refusedEvent{Event: "refused", Date: o.Date.String(), Order: o.ID, Rule: string(rule),
		Error: err.Error(), Affiliate: o.Affiliate}})
}

// line emits an order line's event: as emit does, but written straight
// out in JSON, since a history is mostly order lines.
func (r *replayer) line(year int, e lineEvent) error {
	if r.out == nil {
		return r.emit(event{year, e})
	}
	r.buf = e.appendJSON(r.buf[:0])
	_, err := r.out.Write(r.buf)
	return err
}

// inFile is an error reading the history file, named with it.
type inFile struct {
	name string
	err  error
}

func (e inFile) Error() string { return e.name + ": " + tidy(e.err) }
func (e inFile) Unwrap() error { return e.err }

// tidy returns an error's text without the package prefixes the program's
// own lines already give ("selectplus: ", "licensing: ") and without the
// order named twice.
func tidy(err error) string {
	s := err.Error()
	for _, p := range []string{"selectplus: ", "licensing: "} {
		s = strings.TrimPrefix(s, p)
	}
	var fe *licensing.FieldError
	if errors.As(err, &fe) && fe.Order != "" {
		s = strings.TrimPrefix(s, "order "+strconv.Quote(fe.Order)+": ")
	}
	return s
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
	if err := dec.Decode(&o); err == io.EOF {
		return nil, fmt.Errorf("%s: empty file: want a JSON object", path)
	} else if err != nil {
		return nil, fmt.Errorf("%s: at byte %d: %w", path, dec.InputOffset(), err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: at byte %d: data after the opening object", path, dec.InputOffset())
	}
	for i, c := range o.Coverage {
		p, err := selectplus.FindProduct(licensing.DefaultCatalog(), c.Product.Name)
		if err != nil {
			return nil, fmt.Errorf("%s: saCoverage[%d].product: %w", path, i, err)
		}
		o.Coverage[i].Product = p
	}
	return &o, nil
}

// open loads the agreement with the affiliates of the flags and the first
// order's, and opens it from the opening if there is one. An affiliate the
// opening names must be one of them: the library refuses any other (SP-12),
// rather than the program registering a name it has not been given.
func open(start licensing.Date, segment licensing.Segment, affs *affiliateFlags, firstAffiliate string, opening *selectplus.Opening) (*selectplus.Ledger, error) {
	names := slices.Clone(affs.names)
	if name := strings.TrimSpace(firstAffiliate); name != "" && !slices.Contains(names, name) {
		names = append(names, name)
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

// A tablePrinter prints the events as a table per agreement year and
// pool, then the refused orders of the year. It holds one year at a time,
// as the rows' text (tab-separated cells, aligned when the year is
// printed): the events come in date order, so a year is printed when the
// next one starts.
type tablePrinter struct {
	w     io.Writer
	start licensing.Date
	next  int // the next year to print
	year  int
	rows  [4][]byte // the year's rows: one section a pool, then the refused orders
	held  bool      // whether the year has an event
}

// add takes the next event, printing the years before its own.
func (t *tablePrinter) add(e event) error {
	if t.held && e.year > t.year {
		if err := t.flush(); err != nil {
			return err
		}
	}
	if !t.held {
		for ; t.next < e.year; t.next++ {
			if err := t.print(t.next); err != nil {
				return err
			}
		}
		t.year, t.held = e.year, true
	}
	var pool string
	switch v := e.obj.(type) {
	case lineEvent:
		pool = v.Pool
	case openingEvent:
		pool = v.Pool
	case anniversaryEvent:
		pool = v.Pool
	}
	section := len(t.rows) - 1 // no pool: a refused order
	for k, p := range tablePools {
		if p.String() == pool {
			section = k
			break
		}
	}
	t.rows[section] = appendRow(t.rows[section], e.obj)
	return nil
}

// tablePools are the pools in the order the table prints them.
var tablePools = licensing.Pools()

// appendRow appends an event's row: its cells, each ended by a tab but the
// last, and a newline.
func appendRow(b []byte, obj object) []byte {
	switch v := obj.(type) {
	case lineEvent:
		return fmt.Appendf(b, "    %s\t%s/%d\t%s × %d %s\t+%s\tlevel %s\t%s: %s\n", v.Date, v.Order, v.Line, v.Product, v.Quantity, v.Offering, v.Points, v.Level, v.Rule, v.Explanation)
	case openingEvent:
		return fmt.Appendf(b, "    %s\topening\ttotal %s\tlevel %s\tcarry %s, %s\t%s: %s\n", v.Date, v.Total, v.Level, v.Carry, v.Status, v.Rule, v.Explanation)
	case anniversaryEvent:
		return fmt.Appendf(b, "    %s\tanniversary\ttotal %s\t%s → %s\tcarry %s, %s\t%s: %s\n", v.Date, v.Total, v.LevelBefore, v.Level, v.Carry, v.Status, v.Rule, v.Explanation)
	case refusedEvent:
		return fmt.Appendf(b, "    %s\t%s\trefused: %s\n", v.Date, v.Order, v.Error)
	}
	return b
}

// flush prints the year held.
func (t *tablePrinter) flush() error {
	if !t.held {
		return nil
	}
	err := t.print(t.year)
	t.next, t.held = max(t.next, t.year+1), false
	for k := range t.rows {
		t.rows[k] = t.rows[k][:0]
	}
	return err
}

// print prints year y and the rows held, each section aligned on its own.
func (t *tablePrinter) print(y int) error {
	w, start := t.w, t.start
	if y == 0 {
		fmt.Fprintf(w, "Before the agreement's effective date %v\n", start)
	} else if end, err := start.TermEnd(y); err == nil {
		fmt.Fprintf(w, "Agreement year %d: %v to %v\n", y, start.Anniversary(y-1), end)
	} else { // LIB-09: the year ends after 9999-12-31
		fmt.Fprintf(w, "Agreement year %d: %v to after 9999-12-31\n", y, start.Anniversary(y-1))
	}
	for k, rows := range t.rows {
		if y != t.year || !t.held || len(rows) == 0 {
			continue
		}
		if k == len(t.rows)-1 {
			fmt.Fprintln(w, "  Refused orders")
		} else {
			fmt.Fprintf(w, "  %v\n", tablePools[k])
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		if _, err := tw.Write(rows); err != nil {
			return err
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
