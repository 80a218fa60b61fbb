package openlicense_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// WS-09, OL-19: an initial order on 2005-03-15 expires on 2007-03-14.
func TestAuthorizationEnd(t *testing.T) {
	rules := openlicense.DefaultRules()
	if got, err := rules.AuthorizationEnd(date("2005-03-15")); err != nil || got != date("2007-03-14") {
		t.Fatalf("AuthorizationEnd(2005-03-15) = %v, %v; want 2007-03-14", got, err)
	}
	rapid.Check(t, func(t *rapid.T) {
		d := date("2000-01-01").AddDays(rapid.IntRange(0, 20000).Draw(t, "days"))
		end, err := rules.AuthorizationEnd(d)
		// A two-year period includes its first day: the day after the end is
		// the second anniversary.
		if err != nil || end.AddDays(1) != d.Anniversary(2) {
			t.Fatalf("AuthorizationEnd(%v) = %v, %v", d, end, err)
		}
	})
	// LIB-09: the edges of the calendar.
	for _, tt := range []struct {
		initial, end string
		err          error
	}{
		{"0001-01-01", "0002-12-31", nil},
		{"9997-12-31", "9999-12-30", nil},
		{"9998-01-01", "9999-12-31", nil},
		{"9998-06-01", "", licensing.ErrOverflow},
		{"9999-12-31", "", licensing.ErrOverflow},
	} {
		end, err := rules.AuthorizationEnd(date(tt.initial))
		if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) || (tt.end != "" && end != date(tt.end)) {
			t.Errorf("AuthorizationEnd(%s) = %v, %v; want %s, %v", tt.initial, end, err, tt.end, tt.err)
		}
		if _, err := rules.Coverage(date(tt.initial), date(tt.initial)); !errors.Is(err, tt.err) {
			t.Errorf("Coverage from %s: %v, want %v", tt.initial, err, tt.err)
		}
	}
	// SA bought on the authorization's last day, 9999-12-31, is that one
	// day, a month in full (OL-13, INV-28): never a term cut short or
	// reversed at the calendar's end.
	for _, order := range []string{"9999-12-30", "9999-12-31"} {
		c, err := rules.Coverage(date("9998-01-01"), date(order))
		if want := (sa.Coverage{Start: date(order), End: date("9999-12-31"), Months: 1}); err != nil || c != want {
			t.Errorf("Coverage(9998-01-01, %s) = %v, %v; want %v", order, c, err, want)
		}
	}
	if _, err := rules.AuthorizationEnd(licensing.Date{}); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no date: %v", err)
	}
}

// WS-09 (OL-01, OL-02, OL-06, OL-19, OL-28): an initial order of 4 licenses
// is refused, one of 5 opens an authorization to 2007-03-14, and reorders
// of any quantity are accepted to that day and refused the day after.
func TestWS09(t *testing.T) {
	r := openlicense.DefaultRules()
	initial := func(qty int64) licensing.Order {
		return licensing.Order{ID: "I", Date: date("2005-03-15"), Lines: []licensing.Line{line(office, licensing.License, qty)}}
	}
	if _, err := r.Open(openlicense.Holder{}, initial(4), northAmerica); !errors.Is(err, licensing.ErrNotEligible) {
		t.Fatalf("4 licenses: %v", err)
	} else if rule, _ := licensing.RuleOf(err); rule != "OL-01" {
		t.Fatalf("4 licenses refused by %s, want OL-01", rule)
	}
	a, err := r.Open(openlicense.Holder{AuthorizationNumber: "A-1", LicenseNumber: "L-1"}, initial(5), northAmerica)
	if err != nil {
		t.Fatal(err)
	}
	if a.End() != date("2007-03-14") || a.Record().Expiration != date("2007-03-14") {
		t.Fatalf("expiration %v", a.End())
	}
	for _, tt := range []struct {
		date string
		ok   bool
	}{{"2006-01-10", true}, {"2007-03-14", true}, {"2007-03-15", false}} {
		_, err := a.Reorder(licensing.Order{ID: tt.date, Date: date(tt.date), Lines: []licensing.Line{line(office, licensing.License, 1)}})
		if (err == nil) != tt.ok {
			t.Errorf("reorder on %s: %v", tt.date, err)
		}
		if rule, _ := licensing.RuleOf(err); !tt.ok && (rule != "OL-19" || !errors.Is(err, licensing.ErrOutsideTerm)) {
			t.Errorf("reorder on %s refused by %s: %v", tt.date, rule, err)
		}
	}
	rec := a.Record()
	if rec.Holder.AuthorizationNumber != "A-1" || rec.Initial != date("2005-03-15") || len(rec.Products) != 1 || rec.Products[0].Quantity != 7 {
		t.Fatalf("record %+v", rec)
	}
}

// authMachine drives an Authorization against a naive model: reorders in
// and after the term, returns within and beyond what is held, reposted
// IDs (INV-42, INV-44, OL-20).
type authMachine struct {
	a      *openlicense.Authorization
	locked [3]openlicense.Solution
	start  licensing.Date
	today  licensing.Date
	held   map[string]int64
	kinds  []openlicense.TransactionKind
	ids    []string
	next   int
}

func (m *authMachine) order(t *rapid.T, kind string) licensing.Order {
	m.next++
	o := licensing.Order{ID: fmt.Sprintf("%s-%d", kind, m.next), Date: m.today.AddDays(rapid.IntRange(-30, 200).Draw(t, "days"))}
	for range rapid.IntRange(1, 3).Draw(t, "lines") {
		o.Lines = append(o.Lines, line(rapid.SampledFrom(append([]licensing.Product{office, xpServer}, oneEach...)).Draw(t, "product"),
			rapid.SampledFrom([]licensing.Offering{licensing.License, licensing.LicenseSA, licensing.SAOnly}).Draw(t, "offering"), rapid.Int64Range(1, 50).Draw(t, "quantity")))
	}
	return o
}

// early reports whether o is dated before the latest transaction, and
// checks that it was refused for it: OL-19 before the initial order,
// out of order after it.
func (m *authMachine) early(t *rapid.T, o licensing.Order, err error) bool {
	switch {
	case o.Date.Before(m.start):
		if rule, _ := licensing.RuleOf(err); rule != "OL-19" || !errors.Is(err, licensing.ErrOutsideTerm) {
			t.Fatalf("order on %v before the initial order on %v: %v", o.Date, m.start, err)
		}
	case o.Date.Before(m.today):
		if !errors.Is(err, licensing.ErrOutOfOrder) {
			t.Fatalf("order on %v after one on %v: %v", o.Date, m.today, err)
		}
	default:
		return false
	}
	return true
}

func (m *authMachine) Reorder(t *rapid.T) {
	o := m.order(t, "R")
	rc, err := m.a.Reorder(o)
	if m.early(t, o, err) {
		return
	}
	if o.Date.After(m.a.End()) { // INV-42: after the term, a new initial order is needed
		if rule, _ := licensing.RuleOf(err); rule != "OL-19" {
			t.Fatalf("reorder on %v after %v: %v", o.Date, m.a.End(), err)
		}
		return
	}
	if err != nil { // INV-42: any quantity within the term
		t.Fatalf("reorder %v: %v", o, err)
	}
	for _, lr := range rc.Lines { // INV-44: the level the initial order set
		if lr.Solution != m.locked[lr.Pool-1] {
			t.Fatalf("line %d priced at %v, locked at %v", lr.Line, lr.Solution, m.locked[lr.Pool-1])
		}
	}
	m.apply(o, 1, openlicense.Reorder)
}

func (m *authMachine) Return(t *rapid.T) {
	o := m.order(t, "X")
	want := map[string]int64{}
	ok := true
	for _, l := range o.Lines {
		if l.Offering == licensing.SAOnly {
			continue // SA alone gives back no license
		}
		want[l.Product.Name] += l.Quantity
		ok = ok && want[l.Product.Name] <= m.held[l.Product.Name]
	}
	err := m.a.Return(o)
	if m.early(t, o, err) {
		return
	}
	if ok != (err == nil) {
		t.Fatalf("return %v with %v held: %v", o.Lines, m.held, err)
	}
	if err == nil {
		m.apply(o, -1, openlicense.Return)
	} else if rule, _ := licensing.RuleOf(err); rule != "OL-20" {
		t.Fatalf("return refused by %s: %v", rule, err)
	}
}

func (m *authMachine) Repost(t *rapid.T) {
	o := m.order(t, "R")
	// LIB-13: an ID padded with white space is the same order.
	o.ID = rapid.SampledFrom([]string{"", " ", "\t"}).Draw(t, "before") + rapid.SampledFrom(m.ids).Draw(t, "id") + rapid.SampledFrom([]string{"", " ", "\n"}).Draw(t, "after")
	if _, err := m.a.Reorder(o); !errors.Is(err, licensing.ErrDuplicateOrder) {
		t.Fatalf("reposting %s: %v", o.ID, err)
	}
}

func (m *authMachine) apply(o licensing.Order, sign int64, k openlicense.TransactionKind) {
	for _, l := range o.Lines {
		if l.Offering != licensing.SAOnly {
			m.held[l.Product.Name] += sign * l.Quantity
		}
	}
	m.today, m.kinds, m.ids = o.Date, append(m.kinds, k), append(m.ids, o.ID)
}

func (m *authMachine) Check(t *rapid.T) {
	rec := m.a.Record()
	for _, h := range rec.Products {
		if h.Quantity < 0 || h.Quantity != m.held[h.Product.Name] { // OL-20: never below zero
			t.Fatalf("%s held %d, model %d", h.Product.Name, h.Quantity, m.held[h.Product.Name])
		}
	}
	h := m.a.History()
	if len(h) != len(m.kinds) {
		t.Fatalf("%d transactions, model %d", len(h), len(m.kinds))
	}
	for i, tr := range h {
		if tr.Kind != m.kinds[i] || tr.Order != m.ids[i] {
			t.Fatalf("transaction %d is %v %s, model %v %s", i, tr.Kind, tr.Order, m.kinds[i], m.ids[i])
		}
	}
}

func TestAuthorizationStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := date("2004-01-01").AddDays(rapid.IntRange(0, 2000).Draw(t, "start"))
		region := rapid.SampledFrom([]licensing.Region{northAmerica, emea}).Draw(t, "region")
		initial := licensing.Order{ID: "I-0", Date: start, Lines: []licensing.Line{line(office, licensing.License, rapid.Int64Range(5, 400).Draw(t, "office")),
			line(oneEach[2], licensing.License, rapid.Int64Range(1, 600).Draw(t, "cals"))}}
		a, err := openlicense.DefaultRules().Open(openlicense.Holder{}, initial, region)
		if err != nil {
			t.Fatal(err)
		}
		q := a.Qualification()
		m := &authMachine{a: a, start: start, today: start, held: map[string]int64{}, kinds: []openlicense.TransactionKind{openlicense.Acquisition}, ids: []string{"I-0"}}
		for _, l := range initial.Lines {
			m.held[l.Product.Name] += l.Quantity
		}
		for i, p := range licensing.Pools() {
			m.locked[i] = openlicense.OpenBusiness
			if pq, _ := q.Pool(p); pq.Qualifies {
				m.locked[i] = openlicense.OpenVolume
			}
			if a.Solution(p) != m.locked[i] {
				t.Fatalf("%v locked at %v, the initial order gives %v", p, a.Solution(p), m.locked[i])
			}
		}
		t.Repeat(rapid.StateMachineActions(m))
	})
}
