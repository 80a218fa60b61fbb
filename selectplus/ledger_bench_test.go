package selectplus_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
)

// The benchmark histories (issue 11): ten agreement years, five
// affiliates, fifty products across the three pools, in orders of 1 to 7
// lines of License or L&SA, at 10^3 to 10^6 lines.
const (
	benchYears      = 10
	benchAffiliates = 5
	benchProducts   = 50
)

var (
	benchSizes  = []int{1_000, 10_000, 100_000, 1_000_000}
	benchCache  = map[int][]licensing.Order{}
	benchAgr    selectplus.Agreement
	sinkPoints  int64
	sinkLines   []selectplus.LineResult
	sinkEvents  int
	benchPicked []licensing.Product
)

// benchProductsList returns fifty products: whole and half points, in
// every pool, named apart.
func benchProductsList() []licensing.Product {
	if benchPicked != nil {
		return benchPicked
	}
	kinds := []struct {
		kind licensing.Kind
		pool licensing.Pool
	}{{licensing.KindApplication, licensing.Applications}, {licensing.KindSystem, licensing.Systems}, {licensing.KindServer, licensing.Servers}}
	for i := range benchProducts {
		k := kinds[i%len(kinds)]
		benchPicked = append(benchPicked, licensing.Product{Program: licensing.SelectPlus, Name: fmt.Sprintf("Bench product %02d", i),
			Kind: k.kind, Pool: k.pool, Points: licensing.MustParsePoints([]string{"1", "2", "0.5", "3"}[i%4])})
	}
	return benchPicked
}

// benchHistory returns a history of n lines over ten years, and its
// agreement.
func benchHistory(n int) ([]licensing.Order, selectplus.Agreement) {
	start := date("2014-07-01")
	benchAgr = selectplus.Agreement{Segment: licensing.Commercial, Effective: start}
	rng := rand.New(rand.NewPCG(1, 2))
	ids := make([]string, benchAffiliates)
	for i := range ids {
		ids[i] = fmt.Sprintf("AFF-%d", i)
		af := selectplus.Affiliate{ID: ids[i], Anniversary: start.AddDays(rng.IntN(365))}
		if i == 0 {
			benchAgr.Lead = af
		} else {
			benchAgr.Affiliates = append(benchAgr.Affiliates, af)
		}
	}
	if orders, ok := benchCache[n]; ok {
		return orders, benchAgr
	}
	products := benchProductsList()
	days := benchYears * 365
	var orders []licensing.Order
	lines := 0
	// Open every pool with a large first order.
	orders = append(orders, licensing.Order{ID: "OPEN", Date: start, Affiliate: ids[0], Lines: []licensing.Line{
		{Product: products[0], Offering: licensing.License, Quantity: 5000},
		{Product: products[1], Offering: licensing.License, Quantity: 5000},
		{Product: products[2], Offering: licensing.License, Quantity: 5000},
	}})
	lines += 3
	for i := 0; lines < n; i++ {
		o := licensing.Order{ID: fmt.Sprintf("O-%07d", i), Date: start.AddDays(lines * days / n), Affiliate: ids[rng.IntN(len(ids))]}
		k := min(1+rng.IntN(7), n-lines)
		for range k {
			off := licensing.License
			if rng.IntN(4) == 0 {
				off = licensing.LicenseSA
			}
			// Enough points a year in every pool to stay off hold.
			o.Lines = append(o.Lines, licensing.Line{Product: products[rng.IntN(len(products))], Offering: off, Quantity: int64(1000 + rng.IntN(50))})
		}
		lines += k
		orders = append(orders, o)
	}
	benchCache[n] = orders
	return orders, benchAgr
}

// BenchmarkLedger replays each history through a fresh ledger with its
// default settings (no trail kept) and every decision handed to a sink;
// it reports ns/line, B/line and the heap the ledger retains per line.
func BenchmarkLedger(b *testing.B) {
	for _, n := range benchSizes {
		orders, agr := benchHistory(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			replay := func() *selectplus.Ledger { return replayBench(b, orders, agr) }
			// The heap the ledger holds once the history is replayed.
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			l := replay()
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(l)
			retained := after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				replay()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
			b.ReportMetric(float64(retained)/float64(n), "retainedB/line")
		})
	}
}

// BenchmarkLedgerBaseline sums integer points per pool in a map over the
// same lines: the least any ledger must do.
func BenchmarkLedgerBaseline(b *testing.B) {
	for _, n := range benchSizes {
		orders, _ := benchHistory(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sumPools(orders)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/line")
		})
	}
}

// replayBench replays orders through a fresh ledger with its default
// settings and every decision handed to a sink, as BenchmarkLedger does.
func replayBench(b *testing.B, orders []licensing.Order, agr selectplus.Agreement) *selectplus.Ledger {
	l, err := selectplus.Load(agr, selectplus.DefaultRules())
	if err != nil {
		b.Fatal(err)
	}
	l.SetSink(func(e selectplus.Event) { sinkEvents++ })
	var rc selectplus.Receipt
	for _, o := range orders {
		if err := l.PostInto(&rc, o); err != nil {
			b.Fatalf("%s: %v", o.ID, err)
		}
	}
	sinkLines = rc.Lines
	return l
}

// sumPools is the baseline: integer points per pool summed in a map.
func sumPools(orders []licensing.Order) {
	sums := map[licensing.Pool]int64{}
	for _, o := range orders {
		for _, l := range o.Lines {
			sums[l.Product.Pool] += l.Product.Points.Units() * l.Quantity
		}
	}
	sinkPoints = sums[licensing.Applications]
}

// BenchmarkLedgerRatio measures the ledger against its baseline in
// alternation, a replay and a map sum of the same history each in turn,
// so that the ratio the target names (≤ 8× the map sum) does not
// depend on how fast a shared machine was in the second each of
// BenchmarkLedger and BenchmarkLedgerBaseline ran alone.
//
//	go test ./selectplus -run '^$' -bench LedgerRatio -count 5
func BenchmarkLedgerRatio(b *testing.B) {
	for _, n := range benchSizes {
		orders, agr := benchHistory(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			var ledger, sum time.Duration
			ops := 0
			for b.Loop() {
				t0 := time.Now()
				sumPools(orders)
				t1 := time.Now()
				replayBench(b, orders, agr)
				t2 := time.Now()
				sum, ledger = sum+t1.Sub(t0), ledger+t2.Sub(t1)
				ops++
			}
			lines := float64(ops * n)
			b.ReportMetric(float64(ledger.Nanoseconds())/lines, "ledger-ns/line")
			b.ReportMetric(float64(sum.Nanoseconds())/lines, "map-ns/line")
			b.ReportMetric(float64(ledger)/float64(sum), "ledger/map")
		})
	}
}

// In the steady state, with the audit trail off, posting an order allocates
// only its receipt's line slice: one allocation per order, whether or not
// its lines buy SA.
func TestPostAllocatesOnlyTheReceipt(t *testing.T) {
	orders, agr := benchHistory(100_000)
	l, err := selectplus.Load(agr, selectplus.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
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
	// PostInto reuses the receipt's lines: a stream of orders posts
	// without allocating.
	var rc selectplus.Receipt
	next := 0
	rest := withSA[runs+1:] // the orders not posted yet
	allocs := testing.AllocsPerRun(runs/2, func() {
		if err := l.PostInto(&rc, rest[next]); err != nil {
			t.Fatal(err)
		}
		next++
	})
	if allocs != 0 {
		t.Errorf("PostInto allocates %v times an order, want 0", allocs)
	}
}
