package openvalue_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openvalue"
	"pgregory.net/rapid"
)

func request(o openvalue.Option) openvalue.AgreementRequest {
	q := openvalue.AgreementRequest{
		Customer: openvalue.Contact{Name: "Fabrikam", Address: "1 Main St", Phone: "+44 20 7946 0000"},
		Contacts: []openvalue.Contact{{Name: "Pat", Address: "1 Main St", Phone: "+44 20 7946 0001"}},
		Desktops: 50, Option: o,
	}
	if o != openvalue.NonCompanywide {
		q.Selections = []string{"Office Professional Edition", "Microsoft Core CAL", "Windows Professional Desktop Upgrade"}
	}
	return q
}

// item writes a long-form description.
func item(product string, cov, acq int, scope string) string {
	return fmt.Sprintf("%s English Lic/SA Pack OLV NL %dYR Acq Y%d %s", product, cov, acq, scope)
}

func refusedBy(t *testing.T, what string, err error, rule licensing.RuleID) {
	t.Helper()
	if got, _ := licensing.RuleOf(err); got != rule {
		t.Errorf("%s: %v, want a refusal by %s", what, err, rule)
	}
}

// WS-04 (SKU-12, OV-36, OV-37, OV-40): a year-1 spread line comes back on
// both anniversary orders; the prepaid line never does.
func TestWS04Ledger(t *testing.T) {
	l, _, err := rules.Open(request(openvalue.NonCompanywide), "", openvalue.Order{ID: "init", Date: date("2021-05-10"),
		Lines: []openvalue.Line{{Part: "269-09050", Description: item("Office Professional Plus", 3, 1, "AddProd"), Quantity: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	rc, err := l.Place(openvalue.Order{ID: "add", Date: date("2021-08-01"),
		Lines: []openvalue.Line{{Part: "269-09046", Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 10, Payment: openvalue.Spread}}})
	if err != nil || rc.Kind != openvalue.Additional || !rc.Lines[0].Spread {
		t.Fatalf("additional order: %+v %v", rc, err)
	}
	for k := 1; k <= 2; k++ {
		ex, _ := l.Expected(k)
		if len(ex) != 1 || ex[0].Quantity != 10 || ex[0].Part != "269-09046" {
			t.Fatalf("expected on A%d: %+v", k, ex)
		}
	}
	// OV-40: the anniversary order repeats the spread line exactly.
	_, err = l.Place(openvalue.Order{ID: "a1-short", Date: date("2022-05-20"), UsageDate: date("2022-05-10"), Anniversary: true,
		Lines: []openvalue.Line{{Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 9}}})
	refusedBy(t, "9 of 10 expected", err, "OV-40")
	// OV-35: its usage date is the anniversary.
	_, err = l.Place(openvalue.Order{ID: "a1-usage", Date: date("2022-05-20"), UsageDate: date("2022-05-20"), Anniversary: true,
		Lines: []openvalue.Line{{Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 10}}})
	refusedBy(t, "usage date not the anniversary", err, "OV-35")
	rc, err = l.Place(openvalue.Order{ID: "a1", Date: date("2022-06-09"), UsageDate: date("2022-05-10"), Anniversary: true,
		Lines: []openvalue.Line{{Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 10}}})
	if err != nil || rc.Anniversary != 1 || rc.Timeliness != openvalue.OnTime {
		t.Fatalf("A1 order: %+v %v", rc, err)
	}
	_, err = l.Place(openvalue.Order{ID: "a1-again", Date: date("2022-06-10"), UsageDate: date("2022-05-10"), Anniversary: true,
		Lines: []openvalue.Line{{Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 10}}})
	refusedBy(t, "a second order for A1", err, "OV-34")
	// The calendar drops what A1 would have brought after its order (INV-32);
	// the follow-up of the day it came stays, and A2's remain.
	evs, _ := l.Calendar()
	for _, e := range evs {
		if e.Anniversary == 1 && (e.Milestone == openvalue.LastDayToOrder || e.Milestone == openvalue.TerminatedIfNoOrder) {
			t.Errorf("met A1 still has %v", e)
		}
	}
	// Nothing ordered for A2 by A2 + 60: terminated on A2 + 61 (OV-23).
	if on, ok := l.Terminated(date("2023-07-10")); !ok || on != date("2023-07-10") {
		t.Errorf("terminated: %v %v", on, ok)
	}
	if _, ok := l.Terminated(date("2023-07-09")); ok {
		t.Error("terminated on A2 + 60")
	}
	_, err = l.Place(openvalue.Order{ID: "late", Date: date("2023-07-10"), UsageDate: date("2023-05-10"), Anniversary: true,
		Lines: []openvalue.Line{{Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 10}}})
	refusedBy(t, "an order on A2 + 61", err, "OV-23")
	rc, err = l.Place(openvalue.Order{ID: "a2", Date: date("2023-07-09"), UsageDate: date("2023-05-10"), Anniversary: true,
		Lines: []openvalue.Line{{Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 10}}})
	if err != nil || rc.Timeliness != openvalue.Late || len(rc.Notes) != 1 {
		t.Fatalf("A2 order on A2 + 60: %+v %v", rc, err)
	}
	_, err = l.Place(openvalue.Order{ID: "after", Date: date("2024-05-10"), Lines: []openvalue.Line{{Description: item("Visio", 1, 3, "AddProd"), Quantity: 1}}})
	refusedBy(t, "after the expiration", err, "OV-25")
}

// WS-02 (OV-33): an order without the Anniversary Order box is an
// additional order; the anniversary stays unmet.
func TestWS02Ledger(t *testing.T) {
	q := request(openvalue.Subscription)
	platform := item("Office Professional Edition", 1, 1, "Ent")
	l, _, err := rules.Open(q, licensing.EMEA, openvalue.Order{ID: "init", Date: date("2021-04-12"),
		Lines: []openvalue.Line{{Description: platform, Quantity: 50}}})
	if err != nil {
		t.Fatal(err)
	}
	if l.Term().Start != date("2021-05-01") {
		t.Fatalf("term %+v", l.Term())
	}
	rc, err := l.Place(openvalue.Order{ID: "extra", Date: date("2022-05-15"), Lines: []openvalue.Line{{Description: item("Visio", 2, 2, "AddProd"), Quantity: 2}}})
	if err != nil || rc.Kind != openvalue.Additional || len(rc.Notes) != 1 || rc.Notes[0].Rule != "OV-33" {
		t.Fatalf("unflagged order: %+v %v", rc, err)
	}
	if _, met := l.Met(1); met {
		t.Error("A1 met by an additional order")
	}
	// OV-17: a mid-year change of the desktop platform waits for the
	// anniversary.
	_, err = l.Place(openvalue.Order{ID: "mid", Date: date("2022-05-16"), Lines: []openvalue.Line{{Description: item("Microsoft Core CAL", 1, 2, "Ent"), Quantity: 50}}})
	refusedBy(t, "OVS platform change mid-year", err, "OV-17")
	// OV-20: the anniversary order reports 45 desktops; the platform line follows.
	rc, err = l.Place(openvalue.Order{ID: "a1", Date: date("2022-05-20"), UsageDate: date("2022-05-01"), Anniversary: true, Desktops: 45,
		Lines: []openvalue.Line{{Description: platform, Quantity: 45}}})
	if err != nil || rc.Anniversary != 1 {
		t.Fatalf("A1: %+v %v", rc, err)
	}
	_, err = l.Place(openvalue.Order{ID: "a2", Date: date("2023-05-02"), UsageDate: date("2023-05-01"), Anniversary: true, Desktops: 60,
		Lines: []openvalue.Line{{Description: platform, Quantity: 59}}})
	if !errors.Is(err, openvalue.ErrNotCompanywide) {
		t.Errorf("59 for 60 desktops: %v", err)
	}
	if _, err = l.Place(openvalue.Order{ID: "a2", Date: date("2023-05-02"), UsageDate: date("2023-05-01"), Anniversary: true, Desktops: 60,
		Lines: []openvalue.Line{{Description: platform, Quantity: 60}}}); err != nil {
		t.Fatal(err)
	}
	// WS-22 (OV-20, OV-46): the payment follows the desktops reported.
	pay, err := l.Payments(decimal.RequireFromString("120.00"))
	if err != nil || fmt.Sprint(pay) != "[6000 5400 7200]" || fmt.Sprint(l.Desktops()) != "[50 45 60]" {
		t.Errorf("WS-22: %v %v %v", pay, l.Desktops(), err)
	}
}

// OV-10: every missing field is named, all at once; renewal fields are
// required exactly when renewing; field 6 is for OVS only.
func TestCheckRequest(t *testing.T) {
	if err := rules.CheckRequest(request(openvalue.Companywide)); err != nil {
		t.Fatalf("a complete request: %v", err)
	}
	q := openvalue.AgreementRequest{Option: openvalue.Companywide, Desktops: 2, Renewing: true,
		Contacts: []openvalue.Contact{{Name: "Pat"}}, Affiliates: []string{"A", "a"},
		Licensed: []openvalue.PlatformLicense{{Product: "Office", Quantity: 3}}, Selections: []string{"Office 2003"}}
	err := rules.CheckRequest(q)
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *licensing.FieldError
		if !errors.As(e, &fe) || !errors.Is(e, openvalue.ErrInvalidRequest) {
			t.Fatalf("%v is not a field error", e)
		}
		fields = append(fields, fe.Field)
	}
	want := "customer.name customer.address customer.phone affiliates[1] contacts[0].address contacts[0].phone previous.number previous.expiration desktops licensed[0] selections[0]"
	if strings.Join(fields, " ") != want {
		t.Errorf("fields:\n got %s\nwant %s", strings.Join(fields, " "), want)
	}
	q = request(openvalue.NonCompanywide)
	q.Previous.Number = "V1"
	if err := rules.CheckRequest(q); err == nil || !strings.Contains(err.Error(), "previous.number") {
		t.Errorf("a previous agreement without renewing: %v", err)
	}
	// OV-14: a reseller administers SA benefits, licensing details or both,
	// never neither.
	q = request(openvalue.NonCompanywide)
	q.Delegation = &openvalue.Delegation{SABenefits: true}
	if err := rules.CheckRequest(q); err != nil {
		t.Errorf("a delegation of SA benefits: %v", err)
	}
	q.Delegation = &openvalue.Delegation{}
	if err := rules.CheckRequest(q); err == nil || !strings.Contains(err.Error(), "delegation") || !strings.Contains(err.Error(), "OV-14") {
		t.Errorf("a delegation of nothing: %v", err)
	}
	// OV-11: the latest and next-to-latest versions count, older do not.
	q = request(openvalue.Subscription)
	q.Licensed = []openvalue.PlatformLicense{{Product: "Office", VersionIndex: 0, Quantity: 10}, {Product: "Office", VersionIndex: 1, Quantity: 5}, {Product: "Office", VersionIndex: 2, Quantity: 7}}
	if err := rules.CheckRequest(q); err != nil || rules.FullyLicensed(q) != 15 {
		t.Errorf("OV-11: %d, %v", rules.FullyLicensed(q), err)
	}
}

// INV-41 (OV-03): OVS is sold everywhere but North America.
func TestAvailability(t *testing.T) {
	for _, g := range licensing.DefaultRegions().Rows() {
		got := rules.AvailableOptions(g.Region)
		hasOVS := len(got) == 3 && got[2] == openvalue.Subscription
		if hasOVS == (g.Region == licensing.NorthAmerica) {
			t.Errorf("%v: %v", g.Region, got)
		}
	}
	// GEN-11: two of three components is not standardized.
	ok, _ := rules.StandardizedOn([]string{"office professional edition", "Microsoft Core CAL"}, openvalue.Professional)
	all, _ := rules.StandardizedOn(request(openvalue.Companywide).Selections, openvalue.Professional)
	if ok || !all {
		t.Errorf("StandardizedOn: two %v, three %v", ok, all)
	}
}

// model is a deliberately naive Open Value agreement: a list of what was
// bought and which anniversaries were met.
type model struct {
	spread []struct {
		desc string
		acq  int
		qty  int64
	}
	met   [2]bool
	metOn [2]licensing.Date
	ids   map[string]bool
	last  licensing.Date
}

// The ledger's state machine against the naive model (INV-39, INV-40,
// OV-23, OV-33 to OV-40): expected lines are the spread lines acquired up
// to the anniversary, summed by item; refusals change nothing.
func TestLedgerMachine(t *testing.T) {
	products := []string{"Visio Standard", "Project Professional", "Office Professional Plus"}
	rapid.Check(t, func(t *rapid.T) {
		start := date("1995-01-01").AddDays(rapid.IntRange(0, 20000).Draw(t, "start"))
		term := openvalue.Term{Start: start}
		end, _ := term.Expiration()
		option := rapid.SampledFrom([]openvalue.Option{openvalue.NonCompanywide, openvalue.Companywide}).Draw(t, "option")
		l, _, err := rules.Open(request(option), "", openvalue.Order{ID: "init", Date: start,
			Lines: []openvalue.Line{{Description: item("Visio Standard", 3, 1, "AddProd"), Quantity: 5}}})
		if err != nil {
			t.Fatal(err)
		}
		m := model{ids: map[string]bool{"init": true}, last: start}
		now := start
		for step := 0; step < 12 && now.Before(end); step++ {
			now = now.AddDays(rapid.IntRange(0, 150).Draw(t, "wait"))
			if rapid.Bool().Draw(t, "toEdge") { // the edges of OV-23, OV-28 and X-12
				ak, _ := term.Anniversary(rapid.IntRange(1, 2).Draw(t, "edgeOf"))
				if edge := ak.AddDays(rapid.SampledFrom([]int{-46, -45, -20, -1, 0, 30, 31, 60, 61}).Draw(t, "edge")); edge.After(now) {
					now = edge
				}
			}
			year, err := term.Year(now)
			if err != nil {
				break
			}
			before, err := json.Marshal(l)
			if err != nil {
				t.Fatal(err)
			}
			id := rapid.SampledFrom([]string{"o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8"}).Draw(t, "id")
			var o openvalue.Order
			filler := false
			if k := rapid.IntRange(0, 2).Draw(t, "anniversary"); k > 0 {
				ak, _ := term.Anniversary(k)
				o = openvalue.Order{ID: id, Date: now, UsageDate: ak, Anniversary: true}
				for _, e := range mustExpected(t, l, k) {
					o.Lines = append(o.Lines, openvalue.Line{Description: e.Text, Quantity: e.Quantity})
				}
				if len(o.Lines) == 0 {
					filler = true
					o.Lines = []openvalue.Line{{Description: item("Project Professional", 1, k+1, "AddProd"), Quantity: 1}}
				}
			} else {
				spread := rapid.Bool().Draw(t, "spread")
				cov := 4 - year
				if spread {
					cov = 1
				}
				o = openvalue.Order{ID: id, Date: now, Lines: []openvalue.Line{{
					Description: item(rapid.SampledFrom(products).Draw(t, "product"), cov, year, "AddProd"),
					Quantity:    rapid.Int64Range(1, 20).Draw(t, "qty"),
					Online:      rapid.IntRange(0, 5).Draw(t, "online") == 0}}}
				if o.Lines[0].Online && spread && year < 3 {
					o.Lines[0].Payment = openvalue.Spread
				}
			}
			// The model's verdict.
			terminated := false
			for k := 1; k <= 2; k++ {
				ak, _ := term.Anniversary(k)
				if !m.met[k-1] && !now.Before(ak.AddDays(61)) {
					terminated = true
					break
				}
				if !m.met[k-1] {
					break
				}
			}
			// LIB-13: an ID padded with white space is the same order.
			o.ID = rapid.SampledFrom([]string{"", " ", "\t"}).Draw(t, "before") + id + rapid.SampledFrom([]string{"", " ", "\n"}).Draw(t, "after")
			rc, err := l.Place(o)
			switch {
			case m.ids[id]:
				if !errors.Is(err, licensing.ErrDuplicateOrder) {
					t.Fatalf("duplicate %s: %v", id, err)
				}
			case terminated:
				if r, _ := licensing.RuleOf(err); r != "OV-23" {
					t.Fatalf("after termination: %v", err)
				}
			case !o.Anniversary && o.Lines[0].Payment == openvalue.Spread && o.Lines[0].Online:
				if r, _ := licensing.RuleOf(err); r != "OV-39" { // INV-40
					t.Fatalf("OLS spread: %v", err)
				}
			case !o.Anniversary && !o.Lines[0].Online && o.Lines[0].Payment != openvalue.Spread && strings.Contains(o.Lines[0].Description, " 1YR ") && year < 3 && m.met[year-1]:
				// SKU-12: a spread line after its year's anniversary order
				// was placed early could not be billed again.
				if r, _ := licensing.RuleOf(err); r != "SKU-12" {
					t.Fatalf("spread after an early anniversary order: %v", err)
				}
			case (err == nil) != mustAccept(term, m, o):
				t.Fatalf("the model says %v for %+v: %v", mustAccept(term, m, o), o, err)
			case err == nil:
				m.ids[id] = true
				if o.Anniversary {
					m.met[rc.Anniversary-1], m.metOn[rc.Anniversary-1] = true, o.Date
				}
				for _, lr := range rc.Lines {
					if (!o.Anniversary || filler) && !lr.Line.Online && lr.Description.CoverageYears == 1 && lr.Description.AcquiredYear < 3 {
						m.spread = append(m.spread, struct {
							desc string
							acq  int
							qty  int64
						}{lr.Line.Description, lr.Description.AcquiredYear, lr.Line.Quantity})
					}
				}
			}
			after, _ := json.Marshal(l)
			if err != nil && !bytes.Equal(after, before) {
				t.Fatalf("a refusal changed the ledger: %v", err)
			}
			// INV-07: the saved ledger restores to one that saves the same.
			var back openvalue.Ledger
			if err := json.Unmarshal(after, &back); err != nil {
				t.Fatalf("restoring %s: %v", after, err)
			}
			if again, _ := json.Marshal(back); !bytes.Equal(again, after) {
				t.Fatalf("restored:\n%s\nsaved:\n%s", again, after)
			}
			// INV-32: once an anniversary is met, nothing it would have
			// brought after the order is in the calendar; before, all is.
			evs, err := l.Calendar()
			if err != nil {
				t.Fatal(err)
			}
			count := map[int]int{}
			for _, e := range evs {
				noOrder := e.Milestone == openvalue.FollowUpReminder || e.Milestone == openvalue.LastDayToOrder || e.Milestone == openvalue.TerminatedIfNoOrder
				if noOrder {
					count[e.Anniversary]++
					if m.met[e.Anniversary-1] && e.Date.After(m.metOn[e.Anniversary-1]) {
						t.Fatalf("%v after anniversary %d was met on %v", e, e.Anniversary, m.metOn[e.Anniversary-1])
					}
				}
			}
			for k := 1; k <= 2; k++ {
				if !m.met[k-1] && count[k] != 3 {
					t.Fatalf("unmet anniversary %d has %d of its 3 no-order events", k, count[k])
				}
			}
			// INV-39: expected lines are the model's spread lines with acq ≤ k.
			for k := 1; k <= 2; k++ {
				want := map[string]int64{}
				for _, s := range m.spread {
					if s.acq <= k {
						want[s.desc] += s.qty
					}
				}
				got := map[string]int64{}
				for _, e := range mustExpected(t, l, k) {
					got[e.Text] = e.Quantity
				}
				if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
					t.Fatalf("Expected(%d) = %v, model %v", k, got, want)
				}
				_, met := l.Met(k)
				if met != m.met[k-1] {
					t.Fatalf("Met(%d) = %v, model %v", k, met, m.met[k-1])
				}
			}
		}
	})
}

// mustAccept is the model's verdict on an order that no earlier case
// refused: an additional order is accepted; an anniversary order for an
// unmet anniversary, placed from A − 45 (X-12) and after the one before
// it was met, is too.
func mustAccept(term openvalue.Term, m model, o openvalue.Order) bool {
	if !o.Anniversary {
		return true
	}
	for k := 1; k <= 2; k++ {
		ak, _ := term.Anniversary(k)
		if ak == o.UsageDate {
			return !m.met[k-1] && (k == 1 || m.met[0]) && !o.Date.Before(ak.AddDays(-45))
		}
	}
	return false
}

func mustExpected(t *rapid.T, l *openvalue.Ledger, k int) []openvalue.ExpectedLine {
	ex, err := l.Expected(k)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// A customer who does nothing after ordering spread in year 1: what the
// anniversary orders must hold, and when the agreement ends without them.
func ExampleLedger() {
	r := openvalue.DefaultRules()
	q := openvalue.AgreementRequest{
		Customer: openvalue.Contact{Name: "Fabrikam", Address: "1 Main St", Phone: "+1 425 555 0100"},
		Contacts: []openvalue.Contact{{Name: "Pat", Address: "1 Main St", Phone: "+1 425 555 0101"}},
		Desktops: 12, Option: openvalue.NonCompanywide,
	}
	l, _, err := r.Open(q, "", openvalue.Order{ID: "initial", Date: licensing.MustParseDate("2021-05-10"), Lines: []openvalue.Line{
		{Part: "269-09046", Description: "Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd", Quantity: 10}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	ex, _ := l.Expected(1)
	fmt.Println("A1 must repeat:", ex[0].Part, ex[0].Quantity)
	on, _ := l.Terminated(licensing.MustParseDate("2022-12-31"))
	fmt.Println("without it, terminated on", on)
	_, err = l.Place(openvalue.Order{ID: "more", Date: licensing.MustParseDate("2022-07-10"), Lines: []openvalue.Line{
		{Description: "Visio Standard English Lic/SA Pack OLV NL 2YR Acq Y2 AddProd", Quantity: 1}}})
	fmt.Println(err)
	// Output:
	// A1 must repeat: 269-09046 10
	// without it, terminated on 2022-07-10
	// OV-23: order "more" on 2022-07-10: the agreement was terminated on 2022-07-10, no anniversary order having come: not eligible
}

// FuzzRestore: any bytes given to Restore are refused, or give a ledger
// that saves to a fixed point and restores to it (INV-07). The seed is the
// saved ledger of WS-04 after its anniversary orders.
func FuzzRestore(f *testing.F) {
	l, _, err := rules.Open(request(openvalue.NonCompanywide), "", openvalue.Order{ID: "init", Date: date("2021-05-10"),
		Lines: []openvalue.Line{{Part: "269-09050", Description: item("Office Professional Plus", 3, 1, "AddProd"), Quantity: 5}}})
	if err != nil {
		f.Fatal(err)
	}
	for _, o := range []openvalue.Order{
		{ID: "add", Date: date("2021-08-01"), Lines: []openvalue.Line{{Part: "269-09046", Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 10, Payment: openvalue.Spread}}},
		{ID: "a1", Date: date("2022-06-09"), UsageDate: date("2022-05-10"), Anniversary: true, Lines: []openvalue.Line{{Description: item("Office Professional Plus", 1, 1, "AddProd"), Quantity: 10}}},
	} {
		if _, err := l.Place(o); err != nil {
			f.Fatal(err)
		}
	}
	saved, err := json.Marshal(l)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(saved)
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := rules.Restore(b)
		if err != nil {
			return
		}
		again, err := json.Marshal(x)
		if err != nil {
			t.Fatalf("restored but cannot save: %v", err)
		}
		y, err := rules.Restore(again)
		if err != nil {
			t.Fatalf("restored, saved, and refused on the second restore: %v", err)
		}
		if third, _ := json.Marshal(y); !bytes.Equal(third, again) {
			t.Fatalf("a restored ledger saves differently:\n%s\n%s", again, third)
		}
	})
}
