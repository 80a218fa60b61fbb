package selectplus_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"github.com/vlrules/vlrules/selectplus"
	"pgregory.net/rapid"
)

func saLedger(t testing.TB) *selectplus.Ledger {
	l, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: date("2019-01-01"),
		Lead: selectplus.Affiliate{ID: "EU", Anniversary: date("2018-07-01")}}, selectplus.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// SP-39, SP-42 through the ledger's affiliates.
func TestSelectPlusSA(t *testing.T) {
	l := saLedger(t)
	c, err := l.Coverage("EU", date("2020-04-01"))
	if err != nil || c.End != date("2022-06-30") || c.Months != 27 {
		t.Fatalf("Coverage = %v, %v", c, err)
	}
	if _, err := l.Coverage("Nobody", date("2020-04-01")); err == nil {
		t.Fatal("coverage for an unregistered affiliate")
	}
	for plan, n := range map[selectplus.Plan]int{selectplus.UpFront: 1, selectplus.AffiliateAnniversary: 3, selectplus.OrderAnniversary: 3} {
		q, err := l.QuoteSA("EU", date("2020-04-01"), plan, decimal.RequireFromString("29.00"), 10)
		if err != nil || len(q.Schedule.Installments) != n {
			t.Fatalf("%v: %+v, %v", plan, q, err)
		}
	}
	// SP-42, LIB-09: Order Anniversary coverage ending on 9999-12-31 is
	// whole, and one that would end after it is refused, never cut short.
	q, err := selectplus.QuoteSA(date("9997-01-01"), time.July, selectplus.OrderAnniversary, decimal.NewFromInt(120), 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if last := q.Schedule.Installments[len(q.Schedule.Installments)-1]; err != nil || q.Coverage.End != date("9999-12-31") || last.Period.End != date("9999-12-31") {
		t.Errorf("Order Anniversary from 9997-01-01: %v, %v", q.Coverage, err)
	}
	for _, d := range []string{"9997-01-02", "9998-01-01", "9999-12-31"} {
		if _, err := selectplus.QuoteSA(date(d), time.July, selectplus.OrderAnniversary, decimal.NewFromInt(120), 1, 0); !errors.Is(err, licensing.ErrOverflow) {
			t.Errorf("Order Anniversary from %s: %v, want ErrOverflow", d, err)
		}
	}
	ct, err := l.Extend("EU", date("2021-06-15"), []sa.Expiring{{ID: "a", Expires: date("2021-06-30"), Annual: decimal.New(100, 0)}}, licensing.Date{})
	if err != nil || ct.End != date("2024-06-30") {
		t.Fatalf("Extend = %+v, %v", ct, err)
	}
	why, err := selectplus.CanEnroll(sa.Purchase{Product: product("Windows Server Essentials"), Channel: licensing.OEM, Date: date("2020-01-01")}, date("2020-03-31"), 0)
	if err != nil || why.Rule != "SP-40" {
		t.Fatalf("day 90: %v, %v", why, err)
	}
}

// Check returns the receipt Post would give, or the error Post would
// return, without changing anything.
func TestCheck(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-07-01")
	o := order("O1", "2019-08-01", "HQ", lic("Office Professional Plus", 2100))
	before := stateWithoutAudit(l)
	checked, err := l.Check(o)
	if why := checked.Why(); err != nil || checked.Pools[0].Transition != selectplus.Initial || len(why) != 1 || why[0].Rule != "SP-16" {
		t.Fatalf("Check = %+v (%v), %v", checked, why, err)
	}
	if string(stateWithoutAudit(l)) != string(before) {
		t.Fatal("Check changed the ledger")
	}
	if posted := must(t, l, o); !reflect.DeepEqual(checked, posted) {
		t.Fatalf("Check gave\n%+v\nPost gave\n%+v", checked, posted)
	}
	_, err = l.Check(o)
	if rule, _ := licensing.RuleOf(err); rule != "INV-06" || !errors.Is(err, licensing.ErrDuplicateOrder) {
		t.Fatalf("Check of a posted ID: %v, want INV-06", err)
	}
	_, err = l.Check(order("O2", "2019-08-01", "HQ", lic("Windows upgrade", 1)))
	if rule, _ := licensing.RuleOf(err); rule != "SP-16" || !errors.Is(err, licensing.ErrNotEligible) {
		t.Fatalf("Check of a small first order: %v, want SP-16", err)
	}
	_, err = l.Check(order("O3", "2019-08-01", "HQ", lic("Outlook", 0)))
	if fe := (*licensing.FieldError)(nil); !errors.As(err, &fe) || !errors.Is(err, licensing.ErrInvalidQuantity) || errors.Is(err, licensing.ErrNotEligible) {
		t.Fatalf("Check of a malformed order: %v, want a field error, not a refusal", err)
	}
}

// The what-if for each kind of pool.
func TestOutlook(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-07-01")
	o, _ := l.Outlook(licensing.Systems)
	if o.ToNextLevel != licensing.WholePoints(500) || o.AfterTransition != 0 {
		t.Fatalf("never active: %+v", o)
	}
	must(t, l, order("O1", "2019-08-01", "HQ", lic("Office Professional Plus", 250)))
	o, _ = l.Outlook(licensing.Applications)
	if o.ToKeep != licensing.WholePoints(0) || o.ToNextLevel != licensing.WholePoints(3500) || o.AfterTransition != selectplus.Keep {
		t.Fatalf("at A with 500: %+v", o)
	}
	if _, err := l.AdvanceTo(date("2021-07-01")); err != nil {
		t.Fatal(err)
	}
	o, _ = l.Outlook(licensing.Applications)
	if o.State.Status != selectplus.OnHold || o.ToNextLevel != licensing.WholePoints(500) || o.AfterTransition != selectplus.Hold {
		t.Fatalf("on hold: %+v", o)
	}
	g := newLedger(t, licensing.Government, "2019-07-01")
	must(t, g, order("G1", "2019-08-01", "HQ", lic("Outlook", 600)))
	o, _ = g.Outlook(licensing.Applications)
	if o.State.Level != licensing.LevelD || o.ToKeep != licensing.WholePoints(0) || o.AfterTransition != selectplus.Keep {
		t.Fatalf("government: %+v", o)
	}
	if _, err := g.Outlook(0); err == nil {
		t.Fatal("outlook of no pool")
	}
}

// INV-07: a saved ledger restores identically, audit trail included.
func TestSaveRestore(t *testing.T) {
	l := saLedger(t)
	must(t, l, order("O1", "2019-02-01", "EU", lsa("Office Professional Plus", 300), lic("Windows Server Essentials", 100)))
	if err := l.Associate(selectplus.SelectLicense, licensing.LevelB, date("2019-03-01")); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AdvanceTo(date("2020-01-01")); err != nil {
		t.Fatal(err)
	}
	saved, err := l.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var back selectplus.Ledger
	if err := back.UnmarshalJSON(saved); err != nil {
		t.Fatal(err)
	}
	again, _ := back.MarshalJSON()
	if string(again) != string(saved) {
		t.Fatalf("restored ledger saves differently:\n%s\n%s", saved, again)
	}
	// Both go on the same way.
	next := order("O2", "2020-02-01", "EU", saOnly("Office Professional Plus", 300))
	r1, e1 := l.Post(next)
	r2, e2 := back.Post(next)
	if e1 != nil || e2 != nil || r1.Lines[0] != r2.Lines[0] {
		t.Fatalf("after restore: %+v %v / %+v %v", r1.Lines, e1, r2.Lines, e2)
	}
	for _, bad := range []string{`{}`, `{"agreement":{}}`, `not json`} {
		var x selectplus.Ledger
		if err := x.UnmarshalJSON([]byte(bad)); err == nil {
			t.Errorf("restored %s", bad)
		}
	}
	// A state no events could produce, edited by hand, is refused naming the
	// field at fault, and the ledger it was restored into is unchanged.
	current, _ := back.MarshalJSON()
	for _, c := range []struct {
		field string
		edit  func(map[string]any)
	}{
		{"year", func(s map[string]any) { s["year"] = 7 }},
		{"pools[2].earned", func(s map[string]any) { s["pools"].([]any)[2].(map[string]any)["earned"] = "-1" }},
		{"pools[0].earned", func(s map[string]any) { // INV-05
			s["affiliates"].([]any)[0].(map[string]any)["year"] = []any{"1", "0", "0"}
		}},
	} {
		var fields map[string]any
		if err := json.Unmarshal(saved, &fields); err != nil {
			t.Fatal(err)
		}
		c.edit(fields)
		edited, err := json.Marshal(fields)
		if err != nil {
			t.Fatal(err)
		}
		x := back
		err = x.UnmarshalJSON(edited)
		if fe := (*licensing.FieldError)(nil); !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("edited %s: err = %v, want a field error naming it", c.field, err)
		}
		if got, _ := x.MarshalJSON(); string(got) != string(current) {
			t.Errorf("edited %s: a refused restore changed the ledger", c.field)
		}
	}
}

// A saved state a user edited into one no events could produce is refused,
// naming the field at fault (INV-05 to INV-21).
func TestRestoreRefusesUnreachableStates(t *testing.T) {
	l := saLedger(t)
	must(t, l, order("O1", "2019-02-01", "EU", lsa("Office Professional Plus", 300), lic("Windows Server Essentials", 100)))
	saved, err := l.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	pool := func(s map[string]any, i int) map[string]any { return s["pools"].([]any)[i].(map[string]any) }
	for _, c := range []struct {
		field string
		edit  func(map[string]any)
	}{
		{"pools[0].carry", func(s map[string]any) { pool(s, 0)["carry"] = "-1" }},
		{"pools[0].earned", func(s map[string]any) { pool(s, 0)["earned"] = "-5" }},
		{"pools[0].level", func(s map[string]any) { pool(s, 0)["level"] = "NL" }},
		{"pools[1].level", func(s map[string]any) { p := pool(s, 1); p["level"], p["earned"] = "C", "10" }},
		{"pools[0].level", func(s map[string]any) { // INV-20: academic has one level
			s["agreement"].(map[string]any)["Segment"] = "Academic"
			pool(s, 0)["level"] = "C"
		}},
		{"pools[0].status", func(s map[string]any) { pool(s, 0)["status"] = "hold"; pool(s, 0)["earned"] = "0" }},
		{"pools[0].carry", func(s map[string]any) { pool(s, 0)["carry"] = "100" }},
		{"year", func(s map[string]any) { s["last"] = "2020-06-01" }},
		{"year", func(s map[string]any) { s["nextAnniversary"] = "2020-02-01" }},
		{"affiliates[0].year", func(s map[string]any) { s["affiliates"].([]any)[0].(map[string]any)["year"] = []any{"-1", "0", "500"} }},
		{"affiliates[0].anniversaryMonth", func(s map[string]any) { s["affiliates"].([]any)[0].(map[string]any)["anniversaryMonth"] = 13 }},
		{"affiliates[0].id", func(s map[string]any) { s["affiliates"].([]any)[0].(map[string]any)["id"] = "US" }},
		{"saCoverage[0].track.end", func(s map[string]any) {
			s["saCoverage"].([]any)[0].(map[string]any)["track"].(map[string]any)["end"] = "1900-01-01"
		}},
	} {
		refusesEdit(t, saved, c.field, c.edit)
	}
}

// refusesEdit fails unless saved, edited by edit, is refused on restore
// with a *licensing.FieldError naming field.
func refusesEdit(t *testing.T, saved []byte, field string, edit func(map[string]any)) {
	t.Helper()
	var fields map[string]any
	if err := json.Unmarshal(saved, &fields); err != nil {
		t.Fatal(err)
	}
	edit(fields)
	edited, _ := json.Marshal(fields)
	var x selectplus.Ledger
	err := x.UnmarshalJSON(edited)
	if fe := (*licensing.FieldError)(nil); !errors.As(err, &fe) || fe.Field != field {
		t.Errorf("edited %s: err = %v", field, err)
	}
}

// A saved state edited past what the ledger keeps within bounds is refused,
// naming the field: a share beyond LIB-03's bound, or shares whose sum
// would pass it (and wrap int64 to add up to the pool, INV-05); a latest
// date before the year's anniversary; a coverage entry never bought, or
// whose latest event is after the ledger's or after its own end; an order
// ID with surrounding white space (LIB-13).
func TestRestoreRefusesOutOfBounds(t *testing.T) {
	l, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: date("2019-01-01"),
		Lead:       selectplus.Affiliate{ID: "EU", Anniversary: date("2018-07-01")},
		Affiliates: []selectplus.Affiliate{{ID: "US", Anniversary: date("2018-07-01")}}}, selectplus.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	must(t, l, order("O1", "2019-02-01", "EU", lsa("Office Professional Plus", 300)))
	if _, err := l.AdvanceTo(date("2020-03-01")); err != nil {
		t.Fatal(err)
	}
	must(t, l, order("O2", "2020-03-01", "US", lic("Outlook", 400)))
	saved, err := l.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	big := "192153584101141162" // a third of 2^64 ÷ 48, plus a little: three wrap
	aff := func(s map[string]any, i int) map[string]any { return s["affiliates"].([]any)[i].(map[string]any) }
	track := func(s map[string]any) map[string]any {
		return s["saCoverage"].([]any)[0].(map[string]any)["track"].(map[string]any)
	}
	for _, c := range []struct {
		field string
		edit  func(map[string]any)
	}{
		{"affiliates[0].year", func(s map[string]any) { aff(s, 0)["total"] = []any{big, "0", "0"} }},
		{"affiliates[1].year", func(s map[string]any) { aff(s, 1)["total"] = []any{"0", "0", "1000000000000001"} }},
		{"pools[0].earned", func(s map[string]any) {
			// Per-affiliate figures in bounds whose sum is over it.
			aff(s, 0)["year"], aff(s, 0)["total"] = []any{"600000000000000", "0", "0"}, []any{"600000000000000", "0", "0"}
			aff(s, 1)["year"], aff(s, 1)["total"] = []any{"600000000000000", "0", "400"}, []any{"600000000000000", "0", "400"}
		}},
		{"year", func(s map[string]any) { s["last"] = "2019-06-01" }}, // year 2 opened on 2020-01-01
		{"saCoverage[0].track.covered", func(s map[string]any) { track(s)["covered"], track(s)["end"], track(s)["last"] = false, "", "" }},
		{"saCoverage[0].track.end", func(s map[string]any) { track(s)["covered"] = false }},
		{"saCoverage[0].track.end", func(s map[string]any) { track(s)["last"] = "9999-12-31" }},
		{"saCoverage[0].track.last", func(s map[string]any) { track(s)["last"] = "2020-06-01" }},
		{"saCoverage[0].track.last", func(s map[string]any) { track(s)["last"] = "2018-12-31" }},
		{"orders[0]", func(s map[string]any) { s["orders"] = []any{"O1 ", "O2"} }},
	} {
		refusesEdit(t, saved, c.field, c.edit)
	}
}

// Any one value of a saved ledger changed by hand: restoring it never
// panics, and either refuses it or gives a ledger that saves back the same
// (INV-07).
func TestRestoreMutatedStates(t *testing.T) {
	l := saLedger(t)
	must(t, l, order("O1", "2019-02-01", "EU", lsa("Office Professional Plus", 300), lic("Windows Server Essentials", 100)))
	if _, err := l.AdvanceTo(date("2020-03-01")); err != nil {
		t.Fatal(err)
	}
	must(t, l, order("O2", "2020-03-01", "EU", lic("Outlook", 4000)))
	saved, err := l.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	values := []any{"-1", "0", "1", "499", "500", "4000", "9999999999999999", "1/48", "A", "D", "NL", "never", "hold", "active",
		"1900-01-01", "2019-01-01", "2020-01-01", "9999-12-31", 0, 1, 2, 13, -1, 7981, 7982, 50000, int64(math.MaxInt64), nil, true, ""}
	rapid.Check(t, func(t *rapid.T) {
		var fields any
		if err := json.Unmarshal(saved, &fields); err != nil {
			t.Fatal(err)
		}
		// Walk to a random leaf outside the audit trail and the rules, and
		// replace it.
		var path []string
		node := fields
		for {
			switch n := node.(type) {
			case map[string]any:
				keys := make([]string, 0, len(n))
				for k := range n {
					if k != "audit" && k != "rules" {
						keys = append(keys, k)
					}
				}
				slices.Sort(keys)
				if len(keys) == 0 {
					return
				}
				k := rapid.SampledFrom(keys).Draw(t, "key")
				path = append(path, k)
				if _, leaf := n[k].(map[string]any); !leaf {
					if _, list := n[k].([]any); !list {
						n[k] = rapid.SampledFrom(values).Draw(t, "value")
						goto restore
					}
				}
				node = n[k]
			case []any:
				if len(n) == 0 {
					return
				}
				i := rapid.IntRange(0, len(n)-1).Draw(t, "index")
				path = append(path, fmt.Sprint(i))
				switch n[i].(type) {
				case map[string]any, []any:
					node = n[i]
				default:
					n[i] = rapid.SampledFrom(values).Draw(t, "value")
					goto restore
				}
			default:
				return
			}
		}
	restore:
		edited, _ := json.Marshal(fields)
		checkRestored(t, edited, fmt.Sprint(path))
	})
}

// checkRestored restores a saved ledger, edited, and fails unless it is
// refused or the restored ledger is one a ledger could be: its latest date
// within its agreement year, every share within LIB-03, able to take time
// passing and an order without panicking, and saved to a fixed point
// (INV-07). where names the edit.
func checkRestored(t interface{ Fatalf(string, ...any) }, edited []byte, where string) {
	var x selectplus.Ledger
	if err := x.UnmarshalJSON(edited); err != nil {
		return // refused
	}
	again, err := x.MarshalJSON()
	if err != nil {
		t.Fatalf("%v: restored but cannot save: %v", where, err)
	}
	ag := x.Agreement()
	if year, next := x.Year(); x.Now().Before(ag.Effective.Anniversary(year-1)) || !next.IsZero() && x.Now().After(next) {
		t.Fatalf("%v: restored at %v in year %d, to %v", where, x.Now(), year, next)
	}
	for _, a := range append([]selectplus.Affiliate{ag.Lead}, ag.Affiliates...) {
		for _, p := range []licensing.Pool{licensing.Applications, licensing.Systems, licensing.Servers} {
			year, total, _ := x.Share(a.ID, p)
			if year.Sign() < 0 || total.Cmp(year) < 0 || total.Cmp(licensing.WholePoints(licensing.MaxPoints)) > 0 {
				t.Fatalf("%v: %s's %v share restored as %v this year, %v in all", where, a.ID, p, year, total)
			}
		}
	}
	var y selectplus.Ledger
	if err := y.UnmarshalJSON(again); err != nil {
		t.Fatalf("%v: restored, saved, and refused on the second restore: %v", where, err)
	}
	if third, _ := y.MarshalJSON(); string(third) != string(again) {
		t.Fatalf("%v: a restored ledger saves differently", where)
	}
	// The restored ledger works: an order is answered, and time passes to
	// the calendar's end.
	y.Post(order("fuzz-1", x.Now().String(), ag.Lead.ID, lsa("Office Professional Plus", 10)))
	if _, err := y.AdvanceTo(licensing.MustParseDate("9999-12-31")); err != nil && !errors.Is(err, licensing.ErrOutOfOrder) {
		t.Fatalf("%v: restored ledger cannot advance: %v", where, err)
	}
}

// FuzzRestore: any bytes given to a ledger's restore are refused, or give
// a ledger checkRestored accepts. The seeds are saved ledgers.
func FuzzRestore(f *testing.F) {
	l := saLedger(f)
	must(f, l, order("O1", "2019-02-01", "EU", lsa("Office Professional Plus", 300), lic("Windows Server Essentials", 100)))
	b, _ := l.MarshalJSON()
	f.Add(b)
	if _, err := l.AdvanceTo(date("2020-03-01")); err != nil {
		f.Fatal(err)
	}
	must(f, l, order("O2", "2020-03-01", "EU", lic("Outlook", 4000)))
	b, _ = l.MarshalJSON()
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		checkRestored(t, b, "fuzzed")
	})
}
