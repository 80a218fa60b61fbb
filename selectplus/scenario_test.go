package selectplus_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
)

var date = licensing.MustParseDate

func product(name string) licensing.Product {
	p, err := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, name)
	if err != nil {
		panic(err)
	}
	return p
}

func order(id, d, affiliate string, lines ...licensing.Line) licensing.Order {
	return licensing.Order{ID: id, Date: date(d), Affiliate: affiliate, Lines: lines}
}

func lic(name string, qty int64) licensing.Line {
	return licensing.Line{Product: product(name), Offering: licensing.License, Quantity: qty}
}

func newLedger(t testing.TB, segment licensing.Segment, effective string) *selectplus.Ledger {
	t.Helper()
	l, err := selectplus.Load(selectplus.Agreement{Segment: segment, Effective: date(effective),
		Lead: selectplus.Affiliate{ID: "HQ", Anniversary: date(effective)}}, selectplus.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	l.SetAudit(true) // the tests read the trail
	return l
}

// poolText is a pool's state as the scenario tables write it.
func poolText(s selectplus.PoolState) string {
	return fmt.Sprintf("%v %s T=%v carry=%v", s.Status, lv(s.Level), s.Total(), s.Carry)
}

// lv writes a level as the tables do: "" for none.
func lv(l licensing.Level) string {
	if l == 0 {
		return ""
	}
	return l.String()
}

// WS-12 (SP-15 to SP-23, SP-25, SP-32): the Applications, Servers and
// Systems pools of a commercial agreement effective 2018-07-01.
func TestWS12(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2018-07-01")
	steps := []struct {
		o       licensing.Order
		pool    licensing.Pool
		want    string // the pool after the event
		priced  string // level the order's lines are priced at
		refused licensing.RuleID
	}{
		{order("A1", "2018-07-15", "HQ", lic("Office Professional Plus", 300)), licensing.Applications, "active A T=600 carry=0", "A", ""},
		{order("S1", "2018-09-01", "HQ", lic("Windows Server Essentials", 100)), licensing.Servers, "active A T=500 carry=0", "A", ""},
		{order("A2", "2018-11-01", "HQ", lic("Office Professional Plus", 1800)), licensing.Applications, "active B T=4200 carry=0", "B", ""},
		{order("A3", "2019-03-01", "HQ", lic("Outlook", 500)), licensing.Applications, "active B T=4700 carry=0", "B", ""},
		// 2019-07-01: Applications 4,700 ≥ 4,000 keeps B and carries 700; Servers 500 keeps A, carries 0.
		{order("A4", "2019-09-01", "HQ", lic("Skype for Business", 1000)), licensing.Applications, "active B T=1700 carry=700", "B", ""},
		{order("S2", "2019-10-01", "HQ", lic("System Center Endpoint Protection", 300)), licensing.Servers, "active A T=300 carry=0", "A", ""},
		{order("A5", "2020-02-01", "HQ", lic("Office Professional Plus", 1000)), licensing.Applications, "active B T=3700 carry=700", "B", ""},
		// 2020-07-01: Applications 3,700 < 4,000 drops to A; Servers 300 < 500 at A goes on hold.
		{order("A6", "2020-08-01", "HQ", lic("Office Professional Plus", 2000)), licensing.Applications, "active B T=4000 carry=0", "B", ""},
		{order("S3", "2020-09-01", "HQ", lic("Windows Server Essentials", 120)), licensing.Servers, "active A T=600 carry=0", "A", ""},
		{order("Y1", "2020-10-01", "HQ", lic("Windows upgrade", 200)), licensing.Systems, "never  T=0 carry=0", "", "SP-16"},
	}
	for _, s := range steps {
		rc, err := l.Post(s.o)
		if s.refused != "" {
			if rule, _ := licensing.RuleOf(err); rule != s.refused || !errors.Is(err, licensing.ErrNotEligible) {
				t.Fatalf("%s: err = %v, want a refusal by %s", s.o.ID, err, s.refused)
			}
		} else if err != nil {
			t.Fatalf("%s: %v", s.o.ID, err)
		} else if got := lv(rc.Lines[0].Level); got != s.priced {
			t.Fatalf("%s priced at %s, want %s", s.o.ID, got, s.priced)
		}
		if got := poolText(l.Pool(s.pool)); got != s.want {
			t.Fatalf("after %s: %v is %q, want %q", s.o.ID, s.pool, got, s.want)
		}
	}
	reviews, err := l.AdvanceTo(date("2021-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range reviews {
		got = append(got, fmt.Sprintf("%v %v %v→%v carry=%v %v", r.Date, r.Pool, r.Before.Level, r.After.Level, r.After.Carry, r.After.Status))
	}
	want := []string{
		"2021-07-01 Applications B→B carry=0 active", // 4,000 ≥ 4,000: kept, carry 0
		"2021-07-01 Servers A→A carry=100 active",    // 600: kept, carry 100
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("2021 reviews\n got %q\nwant %q", got, want)
	}
}

// WS-14 (SP-25, SP-28, SP-30, INV-17): a pool at A ends its year with 450
// points and goes on hold; an order of 400 points is refused and changes
// nothing; one of 500 reactivates it at A with a running total of 500. An
// academic customer goes the same way and stays at its Academic A.
func TestWS14HoldAndReactivation(t *testing.T) {
	for _, segment := range []licensing.Segment{licensing.Commercial, licensing.Academic} {
		t.Run(segment.String(), func(t *testing.T) {
			l := newLedger(t, segment, "2018-07-01")
			must(t, l, order("O1", "2018-08-01", "HQ", lic("Office Professional Plus", 250))) // 500: opens at A
			must(t, l, order("O2", "2019-09-01", "HQ", lic("Office Professional Plus", 225))) // 450 in the year to 2020-06-30
			if _, err := l.AdvanceTo(date("2020-07-01")); err != nil {
				t.Fatal(err)
			}
			if got := poolText(l.Pool(licensing.Applications)); got != "hold A T=0 carry=0" {
				t.Fatalf("after 2020-07-01: %q, want on hold at A", got)
			}
			if _, err := l.AdvanceTo(date("2020-08-01")); err != nil {
				t.Fatal(err)
			}
			l.SetAudit(false) // the refusal would be in the audit trail; nothing else may change
			before, _ := l.MarshalJSON()
			_, err := l.Post(order("O3", "2020-08-01", "HQ", lic("Office Professional Plus", 200)))
			if rule, _ := licensing.RuleOf(err); rule != "SP-25" || !errors.Is(err, licensing.ErrNotEligible) {
				t.Fatalf("400 points on hold: err = %v, want SP-25", err)
			}
			if after, _ := l.MarshalJSON(); string(before) != string(after) {
				t.Fatalf("a refused order changed the ledger:\n%s\n%s", before, after)
			}
			l.SetAudit(true)
			if got := poolText(l.Pool(licensing.Applications)); got != "hold A T=0 carry=0" {
				t.Fatalf("after the refused order: %q", got)
			}
			rc := must(t, l, order("O4", "2020-09-01", "HQ", lic("Office Professional Plus", 250)))
			if got := poolText(l.Pool(licensing.Applications)); got != "active A T=500 carry=0" || rc.Pools[0].Transition != selectplus.Reactivation {
				t.Fatalf("after 500 points: %q (%v), want active at A with 500", got, rc.Pools[0].Transition)
			}
		})
	}
}

func must(t testing.TB, l *selectplus.Ledger, o licensing.Order) selectplus.Receipt {
	t.Helper()
	rc, err := l.Post(o)
	if err != nil {
		t.Fatalf("%s: %v", o.ID, err)
	}
	return rc
}
