package openlicense_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openlicense"
	"pgregory.net/rapid"
)

// Open License products in each pool, built from the guides' example rows
// (GEN-04) and, for the Systems pool the guide names but gives no points
// for (GEN-02), a row a user's catalog would hold.
var (
	office    = mustLookup("Office Professional")        // Applications, 2 points
	xpServer  = mustLookup("Windows XP Standard Server") // Servers, 15 points
	winUpdate = licensing.Product{Program: licensing.OpenLicense, Name: "Windows XP Professional Upgrade", Kind: licensing.KindSystem,
		Pool: licensing.Systems, Points: licensing.WholePoints(1)}
	oneEach = []licensing.Product{
		{Program: licensing.OpenLicense, Name: "Project", Kind: licensing.KindApplication, Pool: licensing.Applications, Points: licensing.WholePoints(1)},
		winUpdate,
		{Program: licensing.OpenLicense, Name: "Exchange CAL", Kind: licensing.KindCAL, Pool: licensing.Servers, Points: licensing.WholePoints(1)},
	}
	northAmerica, emea = licensing.NorthAmerica, licensing.EMEA
)

func mustLookup(name string) licensing.Product {
	p, err := licensing.DefaultCatalog().Lookup(licensing.OpenLicense, name)
	if err != nil {
		panic(err)
	}
	return p
}

func line(p licensing.Product, o licensing.Offering, qty int64) licensing.Line {
	return licensing.Line{Product: p, Offering: o, Quantity: qty}
}

// OL-01, OL-09, OL-10 at their boundaries, outside EMEA and in it, points
// of one point a license so that the quantity is the points.
func TestQualifyBoundaries(t *testing.T) {
	apps, servers := oneEach[0], oneEach[2]
	tests := []struct {
		name      string
		lines     []licensing.Line
		region    licensing.Region
		business  bool
		appsOV    bool
		appsMiss  string
		serversOV bool
	}{
		{"OL-01: 4 licenses", []licensing.Line{line(apps, licensing.License, 4)}, northAmerica, false, false, "496", false},
		{"OL-01: 5 licenses", []licensing.Line{line(apps, licensing.License, 5)}, northAmerica, true, false, "495", false},
		{"OL-09: 499 points", []licensing.Line{line(apps, licensing.License, 499)}, northAmerica, true, false, "1", false},
		{"OL-09: 500 points", []licensing.Line{line(apps, licensing.License, 500)}, northAmerica, true, true, "0", false},
		{"OL-09: 250 Office Professional", []licensing.Line{line(office, licensing.License, 250)}, northAmerica, true, true, "0", false},
		{"OL-09: each pool on its own", []licensing.Line{line(apps, licensing.License, 500), line(servers, licensing.License, 499)}, northAmerica, true, true, "0", false},
		{"OL-10: 149 and 351", []licensing.Line{line(apps, licensing.License, 149), line(servers, licensing.License, 351)}, emea, true, false, "1", true},
		{"OL-10: 150 and 350", []licensing.Line{line(apps, licensing.License, 150), line(servers, licensing.License, 350)}, emea, true, true, "0", true},
		{"OL-10: 150 and 349", []licensing.Line{line(apps, licensing.License, 150), line(servers, licensing.License, 349)}, emea, true, false, "1", false},
		{"OL-10: 499 alone", []licensing.Line{line(apps, licensing.License, 499)}, emea, true, false, "1", false},
		{"OL-11: SA points do not count", []licensing.Line{line(apps, licensing.LicenseSA, 400), line(apps, licensing.SAOnly, 100)}, northAmerica, true, false, "100", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := openlicense.DefaultRules().Qualify(tt.lines, tt.region)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := q.Pool(licensing.Applications)
			s, _ := q.Pool(licensing.Servers)
			if q.OpenBusiness != tt.business || a.Qualifies != tt.appsOV || a.Missing.String() != tt.appsMiss || s.Qualifies != tt.serversOV {
				t.Fatalf("Qualify = business %v, Applications %+v, Servers %+v", q.OpenBusiness, a, s)
			}
		})
	}
}

// OL-11 reading (b), a table option: two years of SA points count too.
func TestQualifyCountSA(t *testing.T) {
	r := openlicense.DefaultRules()
	r.CountSA = true
	q, err := r.Qualify([]licensing.Line{line(office, licensing.LicenseSA, 125)}, northAmerica) // 250 + 250
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := q.Pool(licensing.Applications); !p.Qualifies || p.Points != licensing.WholePoints(500) {
		t.Fatalf("with SA points: %+v", p)
	}
}

// The other readings of OL-10 are table options.
func TestQualifyEMEAReadings(t *testing.T) {
	lines := []licensing.Line{line(oneEach[0], licensing.License, 500), line(oneEach[2], licensing.License, 100)}
	for _, tt := range []struct {
		reading       openlicense.EMEAReading
		apps, servers bool
		serversReach  bool
	}{
		{openlicense.PoolAndOrder, true, false, true},
		{openlicense.OnePoolAndOthers, false, false, true},
		{openlicense.EachPool, false, false, false},
		{openlicense.TwoTiers, true, false, true},
	} {
		r := openlicense.DefaultRules()
		r.EMEAReading = tt.reading
		q, err := r.Qualify(lines, emea)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := q.Pool(licensing.Applications)
		s, _ := q.Pool(licensing.Servers)
		if a.Qualifies != tt.apps || s.Qualifies != tt.servers || s.Reachable != tt.serversReach {
			t.Errorf("%v: Applications %+v, Servers %+v", tt.reading, a, s)
		}
	}
}

// Malformed lines are errors naming the line; a 5.0 type is refused by
// OL-12.
func TestQualifyBadInput(t *testing.T) {
	selectPlus, _ := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, "Outlook")
	noPool := licensing.Product{Program: licensing.OpenLicense, Name: "Online", Kind: licensing.KindOnlineService, Points: licensing.WholePoints(1)}
	for _, tt := range []struct {
		lines    []licensing.Line
		sentinel error
	}{
		{nil, licensing.ErrInvalidOrder},
		{[]licensing.Line{line(office, licensing.License, 0)}, licensing.ErrInvalidQuantity},
		{[]licensing.Line{line(selectPlus, licensing.License, 5)}, licensing.ErrInvalidOrder},
		{[]licensing.Line{line(noPool, licensing.License, 5)}, licensing.ErrNoPool},
		{[]licensing.Line{line(office, licensing.License, 5), line(office, licensing.StepUp, 1)}, licensing.ErrInvalidOffering},
	} {
		_, err := openlicense.DefaultRules().Qualify(tt.lines, northAmerica)
		var fe *licensing.FieldError
		if !errors.Is(err, tt.sentinel) || (len(tt.lines) > 0 && (!errors.As(err, &fe) || fe.Line != len(tt.lines))) {
			t.Errorf("Qualify(%v): %v, want %v at line %d", tt.lines, err, tt.sentinel, len(tt.lines))
		}
	}
}

// linesGen draws an order of Open License lines in every pool.
var linesGen = rapid.Custom(func(t *rapid.T) []licensing.Line {
	products := append([]licensing.Product{office, xpServer}, oneEach...)
	n := rapid.IntRange(1, 6).Draw(t, "lines")
	out := make([]licensing.Line, n)
	for i := range out {
		out[i] = line(rapid.SampledFrom(products).Draw(t, "product"),
			rapid.SampledFrom([]licensing.Offering{licensing.License, licensing.LicenseSA, licensing.SAOnly}).Draw(t, "offering"),
			rapid.Int64Range(1, 400).Draw(t, "quantity"))
	}
	return out
})

// INV-42, INV-43 against a naive model: Open Business is five licenses;
// outside EMEA a pool qualifies on its own points (500); in EMEA with 150
// in the pool and 500 in the order; a pool eligible outside EMEA is
// eligible in EMEA; adding lines never makes a pool ineligible; the
// missing points, added to the pool, qualify it and one point fewer does
// not; the order of the lines does not matter.
func TestQualifyProperties(t *testing.T) {
	r := openlicense.DefaultRules()
	rapid.Check(t, func(t *rapid.T) {
		lines := linesGen.Draw(t, "order")
		var licenses int64
		var pools [3]licensing.Points
		var total licensing.Points
		for _, l := range lines {
			if l.Offering != licensing.SAOnly {
				licenses += l.Quantity
				pts := l.Product.Points.Mul(l.Quantity)
				pools[l.Product.Pool-1] = pools[l.Product.Pool-1].Add(pts)
				total = total.Add(pts)
			}
		}
		out, err := r.Qualify(lines, northAmerica)
		if err != nil {
			t.Fatal(err)
		}
		in, err := r.Qualify(lines, emea)
		if err != nil {
			t.Fatal(err)
		}
		if out.Licenses != licenses || out.OpenBusiness != (licenses >= 5) || out.Total != total {
			t.Fatalf("licenses %d (%v), total %v; model %d, %v", out.Licenses, out.OpenBusiness, out.Total, licenses, total)
		}
		for _, p := range out.Pools {
			pts := pools[p.Pool-1]
			e, _ := in.Pool(p.Pool)
			if p.Points != pts || p.Qualifies != pts.AtLeast(licensing.WholePoints(500)) {
				t.Fatalf("outside EMEA %+v, model %v", p, pts)
			}
			if e.Qualifies != (pts.AtLeast(licensing.WholePoints(150)) && total.AtLeast(licensing.WholePoints(500))) || (p.Qualifies && !e.Qualifies) {
				t.Fatalf("in EMEA %+v (outside %v), total %v", e, p.Qualifies, total)
			}
			for _, reg := range []licensing.Region{northAmerica, emea} {
				q, _ := r.Qualify(lines, reg)
				pq, _ := q.Pool(p.Pool)
				if pq.Qualifies {
					continue
				}
				more := append(append([]licensing.Line(nil), lines...), line(pointsOf(p.Pool), licensing.License, pq.Missing.Units()/licensing.PointUnit))
				fewer := append(append([]licensing.Line(nil), lines...), line(pointsOf(p.Pool), licensing.License, pq.Missing.Units()/licensing.PointUnit-1))
				q2, _ := r.Qualify(more, reg)
				q3, _ := r.Qualify(fewer, reg)
				if a, _ := q2.Pool(p.Pool); !a.Qualifies {
					t.Fatalf("%v %v: %v missing points added do not qualify it", reg, p.Pool, pq.Missing)
				}
				if b, _ := q3.Pool(p.Pool); pq.Missing.Cmp(licensing.WholePoints(1)) > 0 && b.Qualifies {
					t.Fatalf("%v %v: one point fewer than %v qualifies it", reg, p.Pool, pq.Missing)
				}
			}
		}
		shuffled := rapid.Permutation(lines).Draw(t, "shuffled")
		again, _ := r.Qualify(shuffled, emea)
		if fmt.Sprint(again.Pools) != fmt.Sprint(in.Pools) || again.OpenBusiness != in.OpenBusiness {
			t.Fatalf("the order of the lines changed the result: %v, %v", again.Pools, in.Pools)
		}
		extra := append(append([]licensing.Line(nil), lines...), linesGen.Draw(t, "more")...)
		grown, _ := r.Qualify(extra, emea)
		for _, p := range in.Pools {
			if g, _ := grown.Pool(p.Pool); p.Qualifies && !g.Qualifies {
				t.Fatalf("adding lines made %v ineligible", p.Pool)
			}
		}
	})
}

// pointsOf returns the one-point product of a pool.
func pointsOf(p licensing.Pool) licensing.Product { return oneEach[p-1] }

func TestParseProductType(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want licensing.Offering
		err  error
	}{
		{"L", licensing.License, nil},
		{"L&SA", licensing.LicenseSA, nil},
		{" SA ", licensing.SAOnly, nil},
		{"LicenseSA", licensing.LicenseSA, nil},
		{"VUP", 0, licensing.ErrNotEligible},
		{"pup", 0, licensing.ErrNotEligible},
		{"UA", 0, licensing.ErrNotEligible},
		{"Upgrade Advantage", 0, licensing.ErrNotEligible},
		{"CUP", 0, licensing.ErrNotEligible},
		{"Subscription", 0, licensing.ErrInvalidOffering},
		{"StepUp", 0, licensing.ErrInvalidOffering},
		{"", 0, licensing.ErrInvalidOffering},
		{"Lease", 0, licensing.ErrInvalidOffering},
	} {
		got, err := openlicense.ParseProductType(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("ParseProductType(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.err)
		}
		if rule, ok := licensing.RuleOf(err); tt.err != nil && tt.in != "" && tt.in != "Lease" && (!ok || rule != "OL-12") {
			t.Errorf("ParseProductType(%q): rule %q, want OL-12", tt.in, rule)
		}
	}
}

// A rules table that cannot work is refused before it decides anything.
func TestRulesValidate(t *testing.T) {
	if err := openlicense.DefaultRules().Validate(); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(*openlicense.Rules){
		"no initial minimum": func(r *openlicense.Rules) { r.InitialLicenses = 0 },
		"negative minimum":   func(r *openlicense.Rules) { r.EMEAPoolMinimum = licensing.WholePoints(-1) },
		"unknown reading":    func(r *openlicense.Rules) { r.EMEAReading = 9 },
		"no term":            func(r *openlicense.Rules) { r.AuthorizationYears = 0 },
		"SA beyond 36":       func(r *openlicense.Rules) { r.SAMonths = 1000 },
	} {
		r := openlicense.DefaultRules()
		change(&r)
		if err := r.Validate(); !errors.Is(err, licensing.ErrInvalidRules) {
			t.Errorf("%s: Validate = %v", name, err)
		}
		if _, err := r.Qualify([]licensing.Line{{Product: office, Offering: licensing.License, Quantity: 5}}, licensing.EMEA); !errors.Is(err, licensing.ErrInvalidRules) {
			t.Errorf("%s: Qualify = %v", name, err)
		}
	}
}

// OL-10, LIB-08: every EMEA reading against a model written from its
// statement, with the points each pool misses when added to it alone.
func TestEMEAReadingsModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		reading := rapid.SampledFrom(openlicense.EMEAReadings()).Draw(t, "reading")
		var pts [3]int64
		var ordered [3]bool
		var lines []licensing.Line
		for i, p := range oneEach { // one point a license in each pool
			if q := rapid.Int64Range(0, 700).Draw(t, "points"); q > 0 {
				pts[i], ordered[i] = q, true
				lines = append(lines, line(p, licensing.License, q))
			}
		}
		if len(lines) == 0 {
			return
		}
		total := pts[0] + pts[1] + pts[2]
		// want returns whether pool i qualifies, and the fewest points that
		// added to it alone make it qualify (-1: none do).
		want := func(i int) (bool, int64) {
			others := func(ok func(int64) bool) bool {
				for j := range pts {
					if j != i && !ok(pts[j]) {
						return false
					}
				}
				return true
			}
			var need int64
			switch reading {
			case openlicense.PoolAndOrder: // (a) 150 in the pool, 500 in the order
				need = max(150-pts[i], 500-total)
			case openlicense.OnePoolAndOthers: // (b) every pool ordered at 150, one at 500
				for j := range pts {
					if j != i && ordered[j] && pts[j] < 150 {
						return false, -1
					}
				}
				need = 150 - pts[i]
				if !slices.ContainsFunc([]int{0, 1, 2}, func(j int) bool { return j != i && ordered[j] && pts[j] >= 500 }) {
					need = max(need, 500-pts[i])
				}
			case openlicense.EachPool: // (c) 150 in each of the three pools, 500 in total
				if !others(func(p int64) bool { return p >= 150 }) {
					return false, -1
				}
				need = max(150-pts[i], 500-total)
			case openlicense.TwoTiers: // (d) 150 is the lower tier
				need = 150 - pts[i]
			}
			return need <= 0, max(need, 0)
		}
		r := openlicense.DefaultRules()
		r.EMEAReading = reading
		q, err := r.Qualify(lines, emea)
		if err != nil {
			t.Fatal(err)
		}
		for _, pq := range q.Pools {
			i := pq.Pool - 1
			ok, missing := want(int(i))
			got := int64(-1)
			if pq.Reachable {
				got = pq.Missing.Units() / licensing.PointUnit
			}
			if pq.Qualifies != ok || got != missing {
				t.Fatalf("%v, points %v: %v qualifies %v missing %d (reachable %v); want %v, %d", reading, pts, pq.Pool, pq.Qualifies, got, pq.Reachable, ok, missing)
			}
		}
	})
}

// An initial order needs five licenses whatever it qualifies for (OL-01):
// the advice says so before anything else.
func TestAdvice(t *testing.T) {
	server := licensing.Product{Program: licensing.OpenLicense, Name: "Big Server", Kind: licensing.KindServer, Pool: licensing.Servers, Points: licensing.WholePoints(200)}
	for _, tt := range []struct {
		lines []licensing.Line
		want  string
	}{
		{[]licensing.Line{line(server, licensing.License, 3)}, "Add 2 licenses: an initial order needs 5 (OL-01). The order then qualifies for Open Volume in Servers."},
		{[]licensing.Line{line(office, licensing.License, 4)}, "Add 1 license to qualify for Open Business (OL-01), and 492 points of Applications for Open Volume."},
		{[]licensing.Line{line(office, licensing.License, 5)}, "The order qualifies for Open Business. Add 490 points of Applications to qualify for Open Volume."},
		{[]licensing.Line{line(office, licensing.License, 250), line(xpServer, licensing.License, 1)}, "The order qualifies for Open Volume in Applications."},
	} {
		q, err := openlicense.DefaultRules().Qualify(tt.lines, northAmerica)
		if err != nil || q.Advice() != tt.want {
			t.Errorf("Advice = %q, %v; want %q", q.Advice(), err, tt.want)
		}
	}
}

// LIB-03: an order's points are checked as they are added, never wrapped.
func TestQualifyOverflow(t *testing.T) {
	big := licensing.Product{Program: licensing.OpenLicense, Name: "Big", Kind: licensing.KindServer, Pool: licensing.Servers, Points: licensing.WholePoints(100000)}
	lines := slices.Repeat([]licensing.Line{line(big, licensing.License, licensing.MaxQuantity)}, 400000)
	if _, err := openlicense.DefaultRules().Qualify(lines, northAmerica); !errors.Is(err, licensing.ErrOverflow) {
		t.Fatalf("err = %v, want ErrOverflow", err)
	}
}

// ParseProductType never panics: it returns an offering Open License sells,
// or an error wrapping a sentinel.
func FuzzParseProductType(f *testing.F) {
	for _, s := range []string{"L", "L&SA", "SA", "LicenseSA", "VUP", "Upgrade Advantage", "Subscription", "", "\ufeffL"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := openlicense.ParseProductType(s)
		switch {
		case err == nil && !slices.Contains([]licensing.Offering{licensing.License, licensing.LicenseSA, licensing.SAOnly}, o):
			t.Fatalf("ParseProductType(%q) = %v", s, o)
		case err != nil && !errors.Is(err, licensing.ErrInvalidOffering) && !errors.Is(err, licensing.ErrNotEligible):
			t.Fatalf("ParseProductType(%q): %v wraps no sentinel", s, err)
		}
	})
}
