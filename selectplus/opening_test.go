package selectplus_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
	"pgregory.net/rapid"
)

// ws12Agreement is the agreement of WS-12: commercial, effective
// 2018-07-01, one affiliate.
var ws12Agreement = selectplus.Agreement{Segment: licensing.Commercial, Effective: date("2018-07-01"),
	Lead: selectplus.Affiliate{ID: "HQ", Anniversary: date("2018-07-01")}}

// WS-12 from where the customer stands on 2020-07-15 (LIB-10): Applications
// dropped to A with nothing carried, Servers on hold. Posting the rest of
// the history on the opening gives what replaying the whole history gives.
func TestOpenThenPostMatchesReplay(t *testing.T) {
	history := []licensing.Order{
		order("A1", "2018-07-15", "HQ", lic("Office Professional Plus", 300)),
		order("S1", "2018-09-01", "HQ", lic("Windows Server Essentials", 100)),
		order("A2", "2018-11-01", "HQ", lic("Office Professional Plus", 1800)),
		order("A3", "2019-03-01", "HQ", lic("Outlook", 500)),
		order("A4", "2019-09-01", "HQ", lic("Skype for Business", 1000)),
		order("S2", "2019-10-01", "HQ", lic("System Center Endpoint Protection", 300)),
		order("A5", "2020-02-01", "HQ", lic("Office Professional Plus", 1000)),
	}
	rest := []licensing.Order{
		order("A6", "2020-08-01", "HQ", lic("Office Professional Plus", 2000)),
		order("S3", "2020-09-01", "HQ", lic("Windows Server Essentials", 120)),
		order("Y1", "2020-10-01", "HQ", lic("Windows upgrade", 200)), // refused: SP-16
	}
	replayed, err := selectplus.Load(ws12Agreement, selectplus.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range history {
		must(t, replayed, o)
	}
	if _, err := replayed.AdvanceTo(date("2020-07-15")); err != nil {
		t.Fatal(err)
	}
	var opening selectplus.Opening
	if err := json.Unmarshal([]byte(`{"asOf": "2020-07-15",
		"pools": [{"pool": "Applications", "level": "A", "earned": "0", "carry": "0"},
		          {"pool": "Servers", "status": "hold", "level": "A"}]}`), &opening); err != nil {
		t.Fatal(err)
	}
	opened, err := selectplus.Open(ws12Agreement, selectplus.DefaultRules(), opening)
	if err != nil {
		t.Fatal(err)
	}
	if y, next := opened.Year(); y != 3 || next != date("2021-07-01") || opened.Now() != date("2020-07-15") {
		t.Fatalf("Year() = %d, %v; Now() = %v; want 3, 2021-07-01, 2020-07-15", y, next, opened.Now())
	}
	for _, o := range rest {
		r1, e1 := replayed.Post(o)
		r2, e2 := opened.Post(o)
		if fmt.Sprint(e1) != fmt.Sprint(e2) || !reflect.DeepEqual(r1, r2) {
			t.Fatalf("%s: replayed %+v, %v; opened %+v, %v", o.ID, r1, e1, r2, e2)
		}
	}
	v1, e1 := replayed.AdvanceTo(date("2021-07-01"))
	v2, e2 := opened.AdvanceTo(date("2021-07-01"))
	if e1 != nil || e2 != nil || !reflect.DeepEqual(v1, v2) {
		t.Fatalf("reviews: replayed %+v, %v; opened %+v, %v", v1, e1, v2, e2)
	}
	if got := poolText(opened.Pool(licensing.Servers)); got != "active A T=100 carry=100" {
		t.Fatalf("Servers after 2021-07-01: %s, want WS-12's carry of 100", got)
	}
	// An order dated before the opening is out of order.
	if _, err := opened.Post(order("OLD", "2020-07-14", "HQ", lic("Outlook", 600))); !errors.Is(err, licensing.ErrOutOfOrder) {
		t.Fatalf("an order before the opening: %v, want ErrOutOfOrder", err)
	}
}

// The audit trail of an opened ledger starts with the opening, one event
// per pool ever active, citing LIB-10.
func TestOpenAudit(t *testing.T) {
	l, err := selectplus.Open(ws12Agreement, selectplus.DefaultRules(), selectplus.Opening{AsOf: date("2019-09-01"),
		Pools: []selectplus.OpeningPool{{Pool: licensing.Applications, Level: licensing.LevelB, Earned: licensing.WholePoints(1000), Carry: licensing.WholePoints(700)}}})
	if err != nil {
		t.Fatal(err)
	}
	audit := l.Audit()
	if len(audit) != 1 || audit[0].Transition != selectplus.Opened || audit[0].Why().Rule != "LIB-10" || audit[0].After.Total() != licensing.WholePoints(1700) {
		t.Fatalf("audit = %v", audit)
	}
	if y, total, ok := l.Share("HQ", licensing.Applications); !ok || y != licensing.WholePoints(1000) || total != y {
		t.Fatalf("Share = %v, %v, %v; the one affiliate holds the year's 1000 points", y, total, ok)
	}
}

// twoAffiliates is an agreement with two affiliates, HQ and EU.
var twoAffiliates = selectplus.Agreement{Segment: licensing.Commercial, Effective: date("2018-07-01"),
	Lead:       selectplus.Affiliate{ID: "HQ", Anniversary: date("2018-07-01")},
	Affiliates: []selectplus.Affiliate{{ID: "EU", Anniversary: date("2018-01-01")}}}

// An opening no events could reach, or one that says too little, is
// refused naming its field (LIB-10, INV-05 to INV-21).
func TestOpenRefusesUnreachablePositions(t *testing.T) {
	pts := licensing.WholePoints
	valid := func() selectplus.Opening {
		return selectplus.Opening{AsOf: date("2020-03-01"), Pools: []selectplus.OpeningPool{
			{Pool: licensing.Servers, Status: selectplus.OnHold, Level: licensing.LevelA},
			{Pool: licensing.Applications, Level: licensing.LevelB, Earned: pts(1000), Carry: pts(700),
				Shares: map[string]licensing.Points{"HQ": pts(600), "EU": pts(400)}},
		}, Coverage: []selectplus.OpeningCoverage{{Affiliate: "EU", Product: product("Office Professional Plus"), End: date("2021-12-31")}}}
	}
	if _, err := selectplus.Open(twoAffiliates, selectplus.DefaultRules(), valid()); err != nil {
		t.Fatalf("the valid opening: %v", err)
	}
	for _, c := range []struct {
		field string
		edit  func(*selectplus.Opening)
	}{
		{"asOf", func(o *selectplus.Opening) { o.AsOf = date("2018-06-30") }},
		{"asOf", func(o *selectplus.Opening) { o.AsOf = licensing.Date{} }},
		{"pools[1].pool", func(o *selectplus.Opening) { o.Pools[1].Pool = licensing.Servers }},
		{"pools[0].pool", func(o *selectplus.Opening) { o.Pools[0].Pool = 0 }},
		{"pools[1].level", func(o *selectplus.Opening) {
			o.Pools[1].Earned, o.Pools[1].Shares = pts(9400), nil
			o.Pools[1].Shares = map[string]licensing.Points{"HQ": pts(9400)}
		}}, // INV-10: 10,100 reach C
		{"pools[1].level", func(o *selectplus.Opening) { o.Pools[1].Level = licensing.NoLevel }},
		{"pools[1].shares", func(o *selectplus.Opening) { // one affiliate's share twice, never added up
			o.Pools[1].Shares = map[string]licensing.Points{"HQ": pts(600), "EU": pts(200), "EU ": pts(200)}
		}},
		{"pools[1].level", func(o *selectplus.Opening) { o.Pools[1].Level = 0 }},
		{"pools[1].carry", func(o *selectplus.Opening) { o.Pools[1].Carry = pts(6000) }}, // INV-14: not below the gap to C
		{"pools[1].carry", func(o *selectplus.Opening) { o.Pools[1].Carry = pts(-1) }},
		{"pools[1].earned", func(o *selectplus.Opening) { o.Pools[1].Earned = pts(-1) }},
		{"pools[0].level", func(o *selectplus.Opening) { o.Pools[0].Level = licensing.LevelB }}, // INV-16
		{"pools[0].earned", func(o *selectplus.Opening) {
			o.Pools[0].Earned, o.Pools[0].Shares = pts(10), map[string]licensing.Points{"EU": pts(10)}
		}}, // INV-17
		{"pools[0].status", func(o *selectplus.Opening) { o.AsOf, o.Pools[1].Carry = date("2019-03-01"), licensing.Points{} }}, // SP-25: a hold starts at an anniversary
		{"pools[0].status", func(o *selectplus.Opening) { o.Pools[0].Status = 9 }},
		{"pools[1].shares", func(o *selectplus.Opening) { o.Pools[1].Shares = nil }},            // two affiliates: whose?
		{"pools[1].shares", func(o *selectplus.Opening) { o.Pools[1].Shares["HQ"] = pts(601) }}, // INV-05
		{"pools[1].shares", func(o *selectplus.Opening) { o.Pools[1].Shares["US"] = pts(0) }},   // SP-12
		{`pools[1].shares["EU"]`, func(o *selectplus.Opening) { o.Pools[1].Shares["EU"], o.Pools[1].Shares["HQ"] = pts(-1), pts(1001) }},
		{"association", func(o *selectplus.Opening) {
			o.Association = &selectplus.OpeningAssociation{Kind: 0, Level: licensing.LevelB}
		}},
		{"saCoverage[0].end", func(o *selectplus.Opening) { o.Coverage[0].End = licensing.Date{} }},
		{"saCoverage[0].end", func(o *selectplus.Opening) { o.Coverage[0].End = date("2018-06-30") }},
		{"saCoverage[0].affiliate", func(o *selectplus.Opening) { o.Coverage[0].Affiliate = "US" }},
		{"saCoverage[0].product.name", func(o *selectplus.Opening) { o.Coverage[0].Product.Name = "" }},
		{"saCoverage[1]", func(o *selectplus.Opening) { o.Coverage = append(o.Coverage, o.Coverage[0]) }},
		// Found by a review: states no posting reaches.
		{"pools[1].level", func(o *selectplus.Opening) { // INV-19: an active EA lifts every pool to its level
			o.Association = &selectplus.OpeningAssociation{Kind: selectplus.EnterpriseAgreement, Level: licensing.LevelD, Active: true}
		}},
		{"pools(Systems, not listed).status", func(o *selectplus.Opening) { // SP-26: and opens every pool
			o.Association = &selectplus.OpeningAssociation{Kind: selectplus.EnterpriseAgreement, Level: licensing.LevelA, Active: true}
		}},
		{"pools[0].status", func(o *selectplus.Opening) { // SP-27: no hold while an EA is active
			o.Association = &selectplus.OpeningAssociation{Kind: selectplus.EnterpriseAgreement, Level: licensing.LevelA, Active: true}
			o.Pools = append(o.Pools, selectplus.OpeningPool{Pool: licensing.Systems, Level: licensing.LevelA})
		}},
		{"pools[0].shares", func(o *selectplus.Opening) { o.Pools[0].Shares = map[string]licensing.Points{"HQ": pts(400)} }}, // INV-05 on hold too
		{"pools[1].earned", func(o *selectplus.Opening) { // LIB-03
			o.Pools[1].Level, o.Pools[1].Earned, o.Pools[1].Carry = licensing.LevelD, pts(licensing.MaxPoints), pts(licensing.MaxPoints)
			o.Pools[1].Shares = map[string]licensing.Points{"HQ": pts(licensing.MaxPoints)}
		}},
		{"saCoverage[0].end", func(o *selectplus.Opening) { o.Coverage[0].End = date("2021-03-15") }}, // SP-39: the day before an anniversary
		{"saCoverage[0].end", func(o *selectplus.Opening) { o.Coverage[0].End = date("9999-12-31") }},
		{"orders[0]", func(o *selectplus.Opening) { o.Orders = []string{""} }},
		{"orders[1]", func(o *selectplus.Opening) { o.Orders = []string{"A", "A"} }},
	} {
		o := valid()
		c.edit(&o)
		_, err := selectplus.Open(twoAffiliates, selectplus.DefaultRules(), o)
		if fe := (*licensing.FieldError)(nil); !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, licensing.ErrInvalidOrder) {
			t.Errorf("%s: err = %v, want a field error naming it, wrapping ErrInvalidOrder", c.field, err)
		}
	}
	// SP-22: with CarryAtTop off, a pool at the top level carries nothing.
	noTop := selectplus.DefaultRules()
	noTop.CarryAtTop = false
	top := valid()
	top.Pools[1].Level, top.Pools[1].Earned, top.Pools[1].Carry = licensing.LevelD, pts(25000), pts(100)
	top.Pools[1].Shares = map[string]licensing.Points{"HQ": pts(25000)}
	if _, err := selectplus.Open(twoAffiliates, selectplus.DefaultRules(), top); err != nil {
		t.Errorf("carry at D under the default rules: %v", err)
	}
	if _, err := selectplus.Open(twoAffiliates, noTop, top); err == nil || !strings.Contains(err.Error(), "pools[1].carry") {
		t.Errorf("carry at D without CarryAtTop: %v", err)
	}
	// Academic agreements have one level (INV-20): it may be left out, and
	// no other is accepted.
	academic := twoAffiliates
	academic.Segment = licensing.Academic
	o := valid()
	o.Pools[0].Level, o.Pools[1].Level, o.Pools[1].Carry = 0, 0, licensing.Points{}
	l, err := selectplus.Open(academic, selectplus.DefaultRules(), o)
	if err != nil || l.Pool(licensing.Applications).Level != licensing.LevelA {
		t.Fatalf("academic opening without levels: %v", err)
	}
	o.Pools[1].Level = licensing.LevelC
	if _, err := selectplus.Open(academic, selectplus.DefaultRules(), o); err == nil {
		t.Fatal("an academic pool at C was opened")
	}
	// Orders named twice, once with white space (LIB-13).
	o = valid()
	o.Orders = []string{"A1", " A1\t"}
	if _, err := selectplus.Open(twoAffiliates, selectplus.DefaultRules(), o); !errors.Is(err, licensing.ErrDuplicateOrder) {
		t.Fatalf("an order twice: %v", err)
	}
}

// saveState is a ledger's saved state without what an opening does not
// hold (see Ledger.Opening): the audit trail, the affiliates' points
// before the opening's year, and the date of the latest SA purchase behind
// each coverage.
func saveState(t *rapid.T, l *selectplus.Ledger) string {
	var s map[string]any
	if err := json.Unmarshal(stateWithoutAudit(l), &s); err != nil {
		t.Fatal(err)
	}
	for _, a := range s["affiliates"].([]any) {
		delete(a.(map[string]any), "total")
	}
	if cov, ok := s["saCoverage"].([]any); ok {
		for _, c := range cov {
			delete(c.(map[string]any)["track"].(map[string]any), "last")
		}
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// drawOrder draws an order on or after l's date by one of its affiliates:
// licenses, L&SA or SA alone, and now and then an order ID already posted.
func drawOrder(t *rapid.T, l *selectplus.Ledger, n int) licensing.Order {
	o := licensing.Order{ID: fmt.Sprintf("NEXT-%d", n), Date: l.Now().AddDays(rapid.IntRange(0, 400).Draw(t, "days")),
		Affiliate: rapid.SampledFrom(l.Affiliates()).Draw(t, "affiliate")}
	if rapid.IntRange(0, 9).Draw(t, "repost") == 0 {
		o.ID = "O-0"
	}
	for range rapid.IntRange(1, 3).Draw(t, "lines") {
		o.Lines = append(o.Lines, licensing.Line{Product: product(rapid.SampledFrom(catalogProducts).Draw(t, "product")),
			Offering: rapid.SampledFrom([]licensing.Offering{licensing.License, licensing.LicenseSA, licensing.SAOnly}).Draw(t, "offering"),
			Quantity: rapid.SampledFrom([]int64{1, 100, 250, 500, 2500}).Draw(t, "qty")})
	}
	return o
}

// LIB-10, INV-07: any ledger built by posting, turned into an Opening (and
// that through JSON, as a file carries it) and opened, goes on exactly as
// the ledger does: the same saved state, and after each later order or
// anniversary the same receipt, reviews, error and saved state.
func TestOpeningGoesOnAsTheLedger(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := newMachine(t)
		t.Repeat(rapid.StateMachineActions(m))
		l := m.l
		b, err := json.Marshal(l.Opening())
		if err != nil {
			t.Fatal(err)
		}
		var o selectplus.Opening
		if err := json.Unmarshal(b, &o); err != nil {
			t.Fatal(err)
		}
		opened, err := selectplus.Open(l.Agreement(), l.Rules(), o)
		if err != nil {
			t.Fatalf("Open(%s): %v", b, err)
		}
		if _, err := l.AdvanceTo(l.Now()); err != nil { // the anniversaries due on Now, which the opening passed
			t.Fatal(err)
		}
		if a, b := saveState(t, l), saveState(t, opened); a != b {
			t.Fatalf("opened ledger differs:\n%s\n%s", a, b)
		}
		for i := range rapid.IntRange(1, 8).Draw(t, "steps") {
			if rapid.Bool().Draw(t, "advance") {
				d := l.Now().AddDays(rapid.IntRange(0, 800).Draw(t, "advanceDays"))
				r1, e1 := l.AdvanceTo(d)
				r2, e2 := opened.AdvanceTo(d)
				if fmt.Sprint(e1) != fmt.Sprint(e2) || !reflect.DeepEqual(r1, r2) {
					t.Fatalf("AdvanceTo(%v): %+v, %v; opened %+v, %v", d, r1, e1, r2, e2)
				}
			} else {
				ord := drawOrder(t, l, i)
				r1, e1 := l.Post(ord)
				r2, e2 := opened.Post(ord)
				if fmt.Sprint(e1) != fmt.Sprint(e2) || !reflect.DeepEqual(r1, r2) {
					t.Fatalf("Post(%+v): %+v, %v; opened %+v, %v", ord, r1, e1, r2, e2)
				}
			}
			if a, b := saveState(t, l), saveState(t, opened); a != b {
				t.Fatalf("step %d: opened ledger differs:\n%s\n%s", i, a, b)
			}
		}
	})
}

// Any one value of a valid opening changed: Open never panics, and either
// refuses it with an error naming the field (or the order ID it repeats),
// or gives a ledger that saves and restores identically (INV-07).
func TestOpenMutatedOpenings(t *testing.T) {
	pts := licensing.WholePoints
	base := selectplus.Opening{AsOf: date("2020-03-01"), Pools: []selectplus.OpeningPool{
		{Pool: licensing.Servers, Status: selectplus.OnHold, Level: licensing.LevelA},
		{Pool: licensing.Applications, Level: licensing.LevelB, Earned: pts(1000), Carry: pts(700),
			Shares: map[string]licensing.Points{"HQ": pts(600), "EU": pts(400)}},
	}, Association: &selectplus.OpeningAssociation{Kind: selectplus.SelectLicense, Level: licensing.LevelB},
		Coverage: []selectplus.OpeningCoverage{{Affiliate: "EU", Product: product("Office Professional Plus"), End: date("2021-12-31")}},
		Orders:   []string{"A1", "A2"}}
	mutations := []func(*rapid.T, *selectplus.Opening){
		func(t *rapid.T, o *selectplus.Opening) {
			o.AsOf = o.AsOf.AddDays(rapid.IntRange(-1000, 1000).Draw(t, "asOfDays"))
		},
		func(t *rapid.T, o *selectplus.Opening) {
			p := &o.Pools[rapid.IntRange(0, 1).Draw(t, "pool")]
			switch rapid.IntRange(0, 5).Draw(t, "field") {
			case 0:
				p.Pool = licensing.Pool(rapid.IntRange(0, 4).Draw(t, "poolValue"))
			case 1:
				p.Status = selectplus.PoolStatus(rapid.IntRange(0, 4).Draw(t, "status"))
			case 2:
				p.Level = licensing.Level(rapid.IntRange(0, 6).Draw(t, "level"))
			case 3:
				p.Earned = licensing.Points{}.Add(pts(rapid.Int64Range(-10, 30_000).Draw(t, "earned")))
			case 4:
				p.Carry = pts(rapid.Int64Range(-10, 30_000).Draw(t, "carry"))
			case 5:
				p.Shares = map[string]licensing.Points{rapid.SampledFrom([]string{"HQ", "EU", "US", ""}).Draw(t, "shareOf"): pts(rapid.Int64Range(-10, 2000).Draw(t, "share"))}
			}
		},
		func(t *rapid.T, o *selectplus.Opening) {
			o.Association.Kind = selectplus.AssociationKind(rapid.IntRange(0, 4).Draw(t, "kind"))
			o.Association.Level = licensing.Level(rapid.IntRange(0, 6).Draw(t, "assocLevel"))
			o.Association.Active = rapid.Bool().Draw(t, "active")
		},
		func(t *rapid.T, o *selectplus.Opening) {
			o.Coverage[0].Affiliate = rapid.SampledFrom([]string{"HQ", "EU", "US", " EU "}).Draw(t, "covAffiliate")
			o.Coverage[0].End = o.AsOf.AddDays(rapid.IntRange(-800, 2000).Draw(t, "endDays"))
		},
		func(t *rapid.T, o *selectplus.Opening) {
			o.Orders = append(o.Orders, rapid.SampledFrom([]string{"A1", "A3"}).Draw(t, "order"))
		},
	}
	rapid.Check(t, func(t *rapid.T) {
		o := base
		o.Pools = slices.Clone(base.Pools)
		o.Pools[1].Shares = map[string]licensing.Points{"HQ": pts(600), "EU": pts(400)}
		a := *base.Association
		o.Association = &a
		o.Coverage = slices.Clone(base.Coverage)
		o.Orders = slices.Clone(base.Orders)
		for range rapid.IntRange(1, 3).Draw(t, "mutations") {
			rapid.SampledFrom(mutations).Draw(t, "mutation")(t, &o)
		}
		l, err := selectplus.Open(twoAffiliates, selectplus.DefaultRules(), o)
		if err != nil {
			if fe := (*licensing.FieldError)(nil); !errors.As(err, &fe) && !errors.Is(err, licensing.ErrDuplicateOrder) {
				t.Fatalf("Open(%+v): %v, want a field error", o, err)
			}
			return
		}
		roundTrip(t, l)
	})
}
