package selectplus_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
)

// The benchmark history: 1,000,000 order lines in orders of 1 to 7 lines,
// by 1,000 affiliates, over three agreement years, in every pool, License
// and L&SA.
const (
	benchLines      = 1_000_000
	benchAffiliates = 1_000
)

var (
	benchOrders []licensing.Order
	benchAgr    selectplus.Agreement
	sinkPoints  int64
	sinkLines   []selectplus.LineResult
)

func benchHistory() ([]licensing.Order, selectplus.Agreement) {
	if benchOrders != nil {
		return benchOrders, benchAgr
	}
	rng := rand.New(rand.NewPCG(1, 2))
	start := date("2018-07-01")
	benchAgr = selectplus.Agreement{Segment: licensing.Commercial, Effective: start}
	ids := make([]string, benchAffiliates)
	for i := range ids {
		ids[i] = fmt.Sprintf("AFF-%04d", i)
		af := selectplus.Affiliate{ID: ids[i], Anniversary: start.AddDays(rng.IntN(365))}
		if i == 0 {
			benchAgr.Lead = af
		} else {
			benchAgr.Affiliates = append(benchAgr.Affiliates, af)
		}
	}
	var products []licensing.Product
	for _, name := range catalogProducts {
		products = append(products, product(name))
	}
	days := 3 * 365
	lines := 0
	// Open every pool with a large first order.
	benchOrders = append(benchOrders, licensing.Order{ID: "OPEN", Date: start, Affiliate: ids[0], Lines: []licensing.Line{
		{Product: products[0], Offering: licensing.License, Quantity: 1000},
		{Product: products[3], Offering: licensing.License, Quantity: 1000},
		{Product: products[4], Offering: licensing.License, Quantity: 1000},
	}})
	lines += 3
	for n := 0; lines < benchLines; n++ {
		o := licensing.Order{ID: fmt.Sprintf("O-%07d", n), Date: start.AddDays(lines * days / benchLines), Affiliate: ids[rng.IntN(len(ids))]}
		k := min(1+rng.IntN(7), benchLines-lines)
		for range k {
			off := licensing.License
			if rng.IntN(4) == 0 {
				off = licensing.LicenseSA
			}
			o.Lines = append(o.Lines, licensing.Line{Product: products[rng.IntN(len(products))], Offering: off, Quantity: int64(1 + rng.IntN(50))})
		}
		lines += k
		benchOrders = append(benchOrders, o)
	}
	return benchOrders, benchAgr
}

// BenchmarkLedger replays the whole history through a fresh ledger with the
// audit trail off; one op is 1,000,000 lines.
func BenchmarkLedger(b *testing.B) {
	orders, agr := benchHistory()
	b.ReportAllocs()
	for b.Loop() {
		l, err := selectplus.Load(agr, selectplus.DefaultRules())
		if err != nil {
			b.Fatal(err)
		}
		l.SetAudit(false)
		for _, o := range orders {
			rc, err := l.Post(o)
			if err != nil {
				b.Fatalf("%s: %v", o.ID, err)
			}
			sinkLines = rc.Lines
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchLines, "ns/line")
}

// BenchmarkLedgerBaseline sums integer points per pool in a map over the
// same lines: the least any ledger must do.
func BenchmarkLedgerBaseline(b *testing.B) {
	orders, _ := benchHistory()
	b.ReportAllocs()
	for b.Loop() {
		sums := map[licensing.Pool]int64{}
		for _, o := range orders {
			for _, l := range o.Lines {
				sums[l.Product.Pool] += l.Product.Points.Units() * l.Quantity
			}
		}
		sinkPoints = sums[licensing.Applications]
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchLines, "ns/line")
}

// In the steady state, with the audit trail off, posting an order allocates
// only its receipt's line slice: one allocation per order, whether or not
// its lines buy SA.
func TestPostAllocatesOnlyTheReceipt(t *testing.T) {
	orders, agr := benchHistory()
	l, err := selectplus.Load(agr, selectplus.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	l.SetAudit(false)
	warm := len(orders) / 2 // every affiliate has bought every product by now
	for _, o := range orders[:warm] {
		if _, err := l.Post(o); err != nil {
			t.Fatal(err)
		}
	}
	// The rest of the history, in date order: first the orders of license
	// lines only, then, from the last of those on, the orders with a line
	// with SA; each posted in turn (AllocsPerRun calls once more to warm up).
	const runs = 1000
	hasSA := func(o licensing.Order) bool {
		return slices.ContainsFunc(o.Lines, func(ln licensing.Line) bool { return ln.Offering.HasSA() })
	}
	var plain, withSA []licensing.Order
	for _, o := range orders[warm:] {
		switch {
		case len(plain) <= runs:
			if !hasSA(o) {
				plain = append(plain, o)
			}
		case hasSA(o):
			withSA = append(withSA, o)
		}
	}
	for _, c := range []struct {
		name   string
		orders []licensing.Order
	}{{"of license lines only", plain}, {"with SA lines", withSA}} {
		next := 0
		allocs := testing.AllocsPerRun(runs, func() {
			rc, err := l.Post(c.orders[next])
			if err != nil {
				t.Fatal(err)
			}
			sinkLines = rc.Lines
			next++
		})
		if allocs != 1 {
			t.Errorf("posting an order %s allocates %v times, want 1 (the receipt's lines)", c.name, allocs)
		}
	}
}
