package selectplus_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
	"pgregory.net/rapid"
)

// httpStatus maps an error of the ledger to an HTTP status by its family
// (issue 15): nil is OK; a refusal by a rule is a *licensing.RuleError
// (422, with a duplicate order ID, INV-06, a conflict); the states in
// between — an event out of date order, a date outside the term — are
// sentinels (409); bad input is a *licensing.FieldError or wraps
// licensing.ErrInvalidOrder (400).
func httpStatus(err error) int {
	var re *licensing.RuleError
	var fe *licensing.FieldError
	switch {
	case err == nil:
		return http.StatusOK
	case errors.Is(err, licensing.ErrDuplicateOrder):
		return http.StatusConflict
	case errors.As(err, &re):
		return http.StatusUnprocessableEntity
	case errors.Is(err, licensing.ErrOutOfOrder), errors.Is(err, licensing.ErrOutsideTerm):
		return http.StatusConflict
	case errors.As(err, &fe), errors.Is(err, licensing.ErrInvalidOrder):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// quoteService serves a ledger: GET /quote prices an order without posting
// it, under a read lock, so quotes run side by side; POST /order posts it
// under the write lock.
type quoteService struct {
	mu     sync.RWMutex
	ledger *selectplus.Ledger
}

// orderOf reads an order from the query: id, date, product, offering,
// quantity; the affiliate is the examples' one.
func orderOf(q url.Values) (licensing.Order, error) {
	d, err := licensing.ParseDate(q.Get("date"))
	if err != nil {
		return licensing.Order{}, &licensing.FieldError{Field: "date", Value: q.Get("date"), Err: fmt.Errorf("%w: %w", licensing.ErrInvalidOrder, err)}
	}
	p, err := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, q.Get("product"))
	if err != nil {
		return licensing.Order{}, &licensing.FieldError{Field: "product", Value: q.Get("product"), Err: fmt.Errorf("%w: %w", licensing.ErrInvalidOrder, err)}
	}
	off, err := licensing.ParseOffering(q.Get("offering"))
	if err != nil {
		return licensing.Order{}, &licensing.FieldError{Field: "offering", Value: q.Get("offering"), Err: err}
	}
	n, _ := strconv.ParseInt(q.Get("quantity"), 10, 64) // Check names a bad quantity
	return licensing.Order{ID: q.Get("id"), Date: d, Affiliate: "Contoso",
		Lines: []licensing.Line{{Product: p, Offering: off, Quantity: n}}}, nil
}

func (s *quoteService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o, err := orderOf(r.URL.Query())
	var rc selectplus.Receipt
	if err == nil {
		switch r.Method {
		case http.MethodGet:
			s.mu.RLock()
			rc, err = s.ledger.Check(o)
			s.mu.RUnlock()
		case http.MethodPost:
			s.mu.Lock()
			rc, err = s.ledger.Post(o)
			s.mu.Unlock()
		}
	}
	w.WriteHeader(httpStatus(err))
	if err != nil {
		fmt.Fprint(w, err)
		return
	}
	json.NewEncoder(w).Encode(rc.Lines)
}

// A quoting service: quotes run concurrently under a read lock and change
// nothing; posts take the write lock; each error maps to one HTTP status by
// its family. The receipt a quote returns is the one the post gives, and
// its lines marshal with their points apart and money with two decimals.
func Example_quotingService() {
	s := &quoteService{ledger: exampleLedger()}
	srv := httptest.NewServer(s)
	defer srv.Close()
	get := func(method, query string) string {
		req, _ := http.NewRequest(method, srv.URL+"?"+query, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return fmt.Sprintf("%d %s", resp.StatusCode, body)
	}
	first := "id=A1&date=2018-07-15&product=Office+Professional+Plus&offering=LicenseSA&quantity=300"
	// Ten salespeople quote the same first order at once.
	quotes := make([]string, 10)
	var wg sync.WaitGroup
	for i := range quotes {
		wg.Add(1)
		go func() { defer wg.Done(); quotes[i] = get(http.MethodGet, first) }()
	}
	wg.Wait()
	fmt.Print(quotes[0])
	fmt.Println("all ten quotes agree:", quotes[0] == quotes[9])
	fmt.Print(get(http.MethodPost, first))
	fmt.Println(get(http.MethodPost, first))                                                                       // INV-06
	fmt.Println(get(http.MethodGet, "id=A2&date=2018-07-10&product=Outlook&offering=License&quantity=1"))          // out of order
	fmt.Println(get(http.MethodGet, "id=A2&date=2018-08-01&product=Outlook&offering=License&quantity=0"))          // bad input
	fmt.Println(get(http.MethodGet, "id=A2&date=2018-08-01&product=Windows+Upgrade&offering=License&quantity=10")) // SP-16
	rc, _ := s.ledger.Post(licensing.Order{ID: "A3", Date: licensing.MustParseDate("2018-09-01"), Affiliate: "Contoso",
		Lines: []licensing.Line{{Product: mustProduct("Office Professional Plus"), Offering: licensing.LicenseSA, Quantity: 10}}})
	q, _ := rc.QuoteSA(1, selectplus.UpFront, decimal.RequireFromString("29.00"))
	fmt.Println(q.Price.StringFixed(2), q.Coverage)
	// Output:
	// 200 [{"line":1,"product":{"program":"SelectPlus","name":"Office Professional Plus","partNumber":"","family":"Office","kind":"Application","pool":"Applications","points":"2"},"offering":"LicenseSA","quantity":300,"pool":"Applications","licensePoints":"600","saPoints":"900","points":"1500","level":"A","coverage":{"start":"2018-07-15","end":"2021-06-30","months":36}}]
	// all ten quotes agree: true
	// 200 [{"line":1,"product":{"program":"SelectPlus","name":"Office Professional Plus","partNumber":"","family":"Office","kind":"Application","pool":"Applications","points":"2"},"offering":"LicenseSA","quantity":300,"pool":"Applications","licensePoints":"600","saPoints":"900","points":"1500","level":"A","coverage":{"start":"2018-07-15","end":"2021-06-30","months":36}}]
	// 409 INV-06: order "A1" was already posted; it is not counted twice: duplicate order ID
	// 409 selectplus: event dated 2018-07-10, after one on 2018-07-15 was applied: event out of date order
	// 400 licensing: order "A2" line 1: quantity "0": invalid quantity: want 1 to 10000000 (GEN-05)
	// 422 SP-16: the first order in the Systems pool brings 20 points; it needs 500: not eligible
	// 821.67 2018-09-01..2021-06-30 (34 months)
}

func mustProduct(name string) licensing.Product {
	p, err := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, name)
	if err != nil {
		panic(err)
	}
	return p
}

// Quotes are reads: under -race, any number of Check, Outlook, Pool,
// QuoteSA, Opening and MarshalJSON calls run at once with posts under a
// write lock, and every quote equals the receipt the post then gives.
func TestConcurrentQuotes(t *testing.T) {
	l := exampleLedger()
	l.SetAudit(true)
	var mu sync.RWMutex
	office := mustProduct("Office Professional Plus")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				o := licensing.Order{ID: fmt.Sprintf("Q%d-%d", g, i), Date: licensing.MustParseDate("2018-07-15").AddDays(i), Affiliate: "Contoso",
					Lines: []licensing.Line{{Product: office, Offering: licensing.LicenseSA, Quantity: 250}}}
				ahead := o
				ahead.Date = licensing.MustParseDate("2026-01-01").AddDays(i) // never out of order: a quote passes years
				mu.RLock()
				_, _ = l.Check(ahead)
				_, _ = l.Check(o)
				_, _ = l.CheckRenewal(selectplus.RenewalOrder{ID: "R", Date: ahead.Date, Affiliate: "Contoso",
					Lines: []selectplus.RenewalLine{{Product: office, Quantity: 1, Annual: decimal.RequireFromString("29")}}})
				_, _ = l.Outlook(licensing.Applications)
				_ = l.Pool(licensing.Applications)
				_, _ = l.Year()
				_ = l.Now()
				_, _, _ = l.Share("Contoso", licensing.Applications)
				_ = l.Affiliates()
				_, _, _ = l.Association()
				_, _ = l.CoveredUntil("Contoso", office)
				_, _ = l.Coverage("Contoso", ahead.Date)
				_, _ = l.QuoteSA("Contoso", o.Date, selectplus.AffiliateAnniversary, decimal.RequireFromString("29"), 5)
				_ = l.Opening()
				_ = l.Agreement()
				_ = l.Rules()
				for _, e := range l.Audit() {
					_ = e.Why()
				}
				_, _ = json.Marshal(l)
				mu.RUnlock()
				if g == 0 {
					mu.Lock()
					quote, qerr := l.Check(o)
					rc, err := l.Post(o)
					if (qerr == nil) != (err == nil) || fmt.Sprint(quote) != fmt.Sprint(rc) {
						t.Errorf("quote %v (%v) and post %v (%v) differ", quote, qerr, rc, err)
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
}

// A Ledger marshals the same held by value, by pointer, or in a struct.
func TestLedgerMarshalsByValue(t *testing.T) {
	l := exampleLedger()
	buy(l, "A1", "2018-07-15", "Office Professional Plus", 300)
	byPointer, _ := json.Marshal(l)
	byValue, _ := json.Marshal(*l)
	held, _ := json.Marshal(struct{ L selectplus.Ledger }{*l})
	if string(byValue) != string(byPointer) || string(held) != `{"L":`+string(byPointer)+`}` {
		t.Fatalf("by value %s\nby pointer %s\nheld %s", byValue, byPointer, held)
	}
}

// The SA quote of a posted line comes from its receipt and agrees with
// Ledger.QuoteSA for the same order (SP-39, SA-12); a plan whose coverage
// is not the line's is refused.
func TestReceiptQuoteSA(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := exampleLedger()
		d := licensing.MustParseDate("2018-07-01").AddDays(rapid.IntRange(0, 1500).Draw(t, "day"))
		qty := rapid.Int64Range(250, 5000).Draw(t, "qty")
		rc, err := l.Post(licensing.Order{ID: "A", Date: d, Affiliate: "Contoso",
			Lines: []licensing.Line{{Product: mustProduct("Office Professional Plus"), Offering: licensing.LicenseSA, Quantity: qty}}})
		if err != nil {
			t.Fatal(err)
		}
		annual := decimal.New(rapid.Int64Range(0, 100000).Draw(t, "cents"), -2)
		plan := rapid.SampledFrom([]selectplus.Plan{selectplus.UpFront, selectplus.AffiliateAnniversary}).Draw(t, "plan")
		got, err := rc.QuoteSA(1, plan, annual)
		want, err2 := l.QuoteSA("Contoso", d, plan, annual, qty)
		gs, _ := json.Marshal(got.Schedule)
		ws, _ := json.Marshal(want.Schedule)
		if err != nil || err2 != nil || !got.Price.Equal(want.Price) || got.Coverage != rc.Lines[0].Coverage || string(gs) != string(ws) {
			t.Fatalf("receipt quote %v (%v), ledger quote %v (%v)", got, err, want, err2)
		}
		if _, err := rc.QuoteSA(1, selectplus.OrderAnniversary, annual); !errors.Is(err, licensing.ErrInvalidOrder) && rc.Lines[0].Coverage.Months != 36 {
			t.Fatalf("Order Anniversary on a %d-month line: %v", rc.Lines[0].Coverage.Months, err)
		}
	})
}

// The two families and the states between, one errors.Is test each
// (issue 15).
func TestErrorFamilies(t *testing.T) {
	l := exampleLedger()
	buy(l, "A1", "2018-07-15", "Office Professional Plus", 300)
	office := mustProduct("Office Professional Plus")
	line := []licensing.Line{{Product: office, Offering: licensing.License, Quantity: 1}}
	for _, c := range []struct {
		name   string
		o      licensing.Order
		status int
		rule   licensing.RuleID
	}{
		{"duplicate", licensing.Order{ID: "A1", Date: licensing.MustParseDate("2018-08-01"), Affiliate: "Contoso", Lines: line}, http.StatusConflict, "INV-06"},
		{"before the agreement", licensing.Order{ID: "B", Date: licensing.MustParseDate("2018-06-01"), Affiliate: "Contoso", Lines: line}, http.StatusConflict, ""},
		{"out of order", licensing.Order{ID: "B", Date: licensing.MustParseDate("2018-07-01"), Affiliate: "Contoso", Lines: line}, http.StatusConflict, ""},
		{"no affiliate", licensing.Order{ID: "B", Date: licensing.MustParseDate("2018-08-01"), Lines: line}, http.StatusBadRequest, ""},
		{"unregistered", licensing.Order{ID: "B", Date: licensing.MustParseDate("2018-08-01"), Affiliate: "Fabrikam", Lines: line}, http.StatusUnprocessableEntity, "SP-12"},
		{"zero quantity", licensing.Order{ID: "B", Date: licensing.MustParseDate("2018-08-01"), Affiliate: "Contoso",
			Lines: []licensing.Line{{Product: office, Offering: licensing.License}}}, http.StatusBadRequest, ""},
	} {
		_, err := l.Check(c.o)
		rule, _ := licensing.RuleOf(err)
		if got := httpStatus(err); got != c.status || rule != c.rule {
			t.Errorf("%s: %v → %d citing %q, want %d citing %q", c.name, err, got, rule, c.status, c.rule)
		}
	}
}

// A ledger keeps nothing it is not asked to; a sink takes every event the
// trail would keep, as it happens, with the explanations the receipts and
// reviews gave when they were made; JSONLines writes them as a saved trail
// does (issue 11).
func TestSink(t *testing.T) {
	quiet := exampleLedger()
	kept := exampleLedger()
	kept.SetAudit(true)
	var got []selectplus.Event
	quiet.SetSink(func(e selectplus.Event) { got = append(got, e) })
	var lines strings.Builder
	sink, werr := selectplus.JSONLines(&lines)
	kept.SetSink(sink)
	var want []string // the explanations as the results gave them, eagerly
	for i, l := range []*selectplus.Ledger{quiet, kept} {
		for _, o := range []struct {
			id, date string
			qty      int64
		}{{"A1", "2018-07-15", 300}, {"A2", "2018-11-01", 1800}} {
			rc, err := l.Post(licensing.Order{ID: o.id, Date: licensing.MustParseDate(o.date), Affiliate: "Contoso",
				Lines: []licensing.Line{{Product: mustProduct("Office Professional Plus"), Offering: licensing.License, Quantity: o.qty}}})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				want = append(want, rc.Pools[0].Why().String())
			}
		}
		_, err := l.Post(licensing.Order{ID: "S1", Date: licensing.MustParseDate("2019-03-01"), Affiliate: "Contoso",
			Lines: []licensing.Line{{Product: mustProduct("Windows upgrade"), Offering: licensing.License, Quantity: 10}}}) // SP-16
		if i == 0 {
			want = append(want, "SP-16: "+strings.TrimPrefix(strings.TrimSuffix(err.Error(), ": not eligible"), "SP-16: "))
		}
		reviews, err := l.AdvanceTo(licensing.MustParseDate("2020-07-01"))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			for _, r := range reviews {
				want = append(want, r.Why().String())
			}
		}
	}
	if n := len(quiet.Audit()); n != 0 {
		t.Errorf("a ledger with no audit asked for kept %d events", n)
	}
	if len(got) != len(want) || len(kept.Audit()) != len(want) {
		t.Fatalf("the sink took %d events, the trail kept %d, the results gave %d", len(got), len(kept.Audit()), len(want))
	}
	for i := range want {
		if g := got[i].Why().String(); g != want[i] {
			t.Errorf("event %d: the sink's %q, the result's %q", i, g, want[i])
		}
	}
	if err := werr(); err != nil || strings.Count(lines.String(), "\n") != len(want) || !strings.Contains(lines.String(), `"rule":"SP-22"`) {
		t.Errorf("JSON lines (%v):\n%s", err, lines.String())
	}
	if b, _ := json.Marshal(got[0]); !strings.Contains(string(b), `"why":{"rule":"SP-16"`) {
		t.Errorf("an event marshals without its explanation: %s", b)
	}
}
