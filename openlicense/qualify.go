package openlicense

import (
	"fmt"
	"slices"
	"sort"

	"github.com/vlrules/vlrules/licensing"
)

// A PoolQualification is how one pool of an initial order stands against
// Open Volume's entry (OL-08 to OL-11): its entry points, whether it
// qualifies, and Missing, the fewest points that, added to that pool
// alone, make it qualify (zero when it does; LIB-08). Reachable is false
// when no points added to this pool alone can make it qualify, as under
// the readings of OL-10 that ask for points in other pools.
type PoolQualification struct {
	Pool      licensing.Pool
	Points    licensing.Points
	Qualifies bool
	Missing   licensing.Points
	Reachable bool
}

// A Qualification is what an initial order qualifies for (OL-01 to
// OL-11): the licenses it buys and whether they reach Open Business's
// minimum, and for each pool it has a line in, in the order Applications,
// Systems, Servers, how it stands against Open Volume's entry. Lines in
// pools that do not qualify are Open Business lines (OL-09).
type Qualification struct {
	Region          licensing.Region
	EMEA            bool // OL-10's rule applies
	Licenses        int64
	OpenBusiness    bool  // the order buys at least the initial licenses (OL-01)
	LicensesMissing int64 // how many more licenses it needs; 0 when it qualifies
	Total           licensing.Points
	Pools           []PoolQualification
	BusinessLines   []int // lines (from 1) whose pool does not qualify for Open Volume
	why             []licensing.Explanation
}

// OpenVolume reports whether at least one pool qualifies for Open Volume
// (OL-09).
func (q Qualification) OpenVolume() bool {
	return slices.ContainsFunc(q.Pools, func(p PoolQualification) bool { return p.Qualifies })
}

// Pool returns the qualification of pool p, and false when the order has
// no line in it.
func (q Qualification) Pool(p licensing.Pool) (PoolQualification, bool) {
	for _, pq := range q.Pools {
		if pq.Pool == p {
			return pq, true
		}
	}
	return PoolQualification{}, false
}

// Why explains the qualification: the license count against OL-01, and
// each pool's points against the entry rule of its region.
func (q Qualification) Why() []licensing.Explanation { return slices.Clone(q.why) }

// Advice returns the sentence a reseller can paste into a quote: what the
// order qualifies for, or the fewest licenses to add (an initial order
// needs InitialLicenses whatever the solution, OL-01) and points to add to
// one pool to qualify.
func (q Qualification) Advice() string {
	var in []string
	for _, p := range q.Pools {
		if p.Qualifies {
			in = append(in, p.Pool.String())
		}
	}
	best := PoolQualification{}
	for _, p := range q.Pools {
		if p.Reachable && !p.Qualifies && (best.Pool == 0 || p.Missing.Cmp(best.Missing) < 0) {
			best = p
		}
	}
	switch {
	case q.OpenBusiness && len(in) > 0:
		return fmt.Sprintf("The order qualifies for Open Volume in %s.", list(in))
	case q.OpenBusiness && best.Pool != 0:
		return fmt.Sprintf("The order qualifies for Open Business. Add %s points of %v to qualify for Open Volume.", best.Missing.Display(), best.Pool)
	case q.OpenBusiness:
		return "The order qualifies for Open Business."
	case len(in) > 0:
		return fmt.Sprintf("Add %s: an initial order needs %d (OL-01). The order then qualifies for Open Volume in %s.", licenses(q.LicensesMissing), q.Licenses+q.LicensesMissing, list(in))
	case best.Pool != 0:
		return fmt.Sprintf("Add %s to qualify for Open Business (OL-01), and %s points of %v for Open Volume.", licenses(q.LicensesMissing), best.Missing.Display(), best.Pool)
	}
	return fmt.Sprintf("Add %s to qualify for Open Business (OL-01).", licenses(q.LicensesMissing))
}

// licenses writes a count of licenses: "1 license", "3 licenses".
func licenses(n int64) string {
	if n == 1 {
		return "1 license"
	}
	return fmt.Sprintf("%d licenses", n)
}

func list(xs []string) string {
	switch len(xs) {
	case 0:
		return "no pool"
	case 1:
		return xs[0]
	}
	out := ""
	for i, x := range xs {
		switch {
		case i == 0:
		case i == len(xs)-1:
			out += " and "
		default:
			out += ", "
		}
		out += x
	}
	return out
}

// EMEA reports whether OL-10's entry rule applies in region.
func (r Rules) EMEA(region licensing.Region) bool { return slices.Contains(r.EMEARegions, region) }

// entryPoints returns the points a line counts toward Open Volume's entry:
// its license points (OL-08), and with CountSA two years of SA points too
// (OL-11 reading (b)).
func (r Rules) entryPoints(l licensing.Line) (licensing.Points, error) {
	if r.CountSA && l.Offering.HasSA() {
		l.SAMonths = r.SAMonths
		lp, err := l.Points()
		return lp.Total, err
	}
	l.SAMonths = 0
	if !l.Offering.HasLicense() {
		return licensing.Points{}, l.Validate() // SA alone buys no license points
	}
	l.Offering = licensing.License // its license points alone (OL-08)
	lp, err := l.Points()
	return lp.License, err
}

// checkLines refuses lines an Open License order cannot carry: a line that
// does not validate, a product that is not an Open License row or has no
// pool (GEN-04), or a product type 6.0 does not sell (OL-12). Every
// problem is bad input, a *licensing.FieldError naming the line.
func checkLines(lines []licensing.Line) error {
	bad := func(i int, field, value string, err error) error {
		return &licensing.FieldError{Line: i + 1, Field: field, Value: value, Err: err}
	}
	if len(lines) == 0 {
		return &licensing.FieldError{Field: "lines", Err: fmt.Errorf("%w: an order needs at least one line", licensing.ErrInvalidOrder)}
	}
	for i, l := range lines {
		if err := l.Validate(); err != nil {
			return licensing.Locate(err, "", i+1)
		}
		switch {
		case l.Product.Program != licensing.OpenLicense:
			return bad(i, "product", l.Product.String(), fmt.Errorf("%w: an Open License row of the catalog is needed (GEN-04)", licensing.ErrInvalidOrder))
		case !l.Product.Pool.IsValid():
			return bad(i, "product", l.Product.Name, fmt.Errorf("%w: its points count in no pool until the catalog names one (GEN-04)", licensing.ErrNoPool))
		}
		if err := orderableType(l.Offering); err != nil {
			return bad(i, "offering", l.Offering.String(), err)
		}
	}
	return nil
}

// Qualify decides what an initial order of lines qualifies for in region
// (OL-01 to OL-11): Open Business needs InitialLicenses licenses across
// its products (L and L&SA lines; an SA line buys no license, OL-01); a
// pool qualifies for Open Volume with PoolMinimum entry points, or in the
// EMEA regions by the EMEA reading (OL-09, OL-10); entry points are
// license points, with CountSA two years of SA points too (OL-08, OL-11).
// Eligibility depends only on the licenses and points per pool, never on
// the order of the lines. Malformed lines are an error naming the line.
func (r Rules) Qualify(lines []licensing.Line, region licensing.Region) (Qualification, error) {
	if err := r.Validate(); err != nil {
		return Qualification{}, err
	}
	if err := checkLines(lines); err != nil {
		return Qualification{}, err
	}
	q := Qualification{Region: region, EMEA: r.EMEA(region)}
	var pools [3]licensing.Points
	var ordered [3]bool
	for _, l := range lines {
		if l.Offering.HasLicense() {
			q.Licenses += l.Quantity
		}
		pts, err := r.entryPoints(l)
		if err != nil {
			return Qualification{}, err
		}
		i := l.Product.Pool - 1
		pools[i], ordered[i] = pools[i].Add(pts), true
		// A line holds at most about 10^14 points, far below what wraps, so
		// a check after each line keeps the sums exact (LIB-03).
		if q.Total = q.Total.Add(pts); q.Total.Cmp(licensing.WholePoints(licensing.MaxPoints)) > 0 {
			return Qualification{}, licensing.Refuse("LIB-03", licensing.ErrOverflow, "more than %d points in one order", licensing.MaxPoints)
		}
	}
	q.OpenBusiness = q.Licenses >= r.InitialLicenses
	q.LicensesMissing = max(0, r.InitialLicenses-q.Licenses)
	q.why = append(q.why, licensing.Explain("OL-01", fmt.Sprintf("%d licenses against the initial minimum of %d", q.Licenses, r.InitialLicenses),
		licensing.F("licenses", q.Licenses), licensing.F("openBusiness", q.OpenBusiness)))
	qualifies, rule, how := r.entryRule(q.EMEA)
	for i, p := range licensing.Pools() {
		if !ordered[i] {
			continue
		}
		pq := PoolQualification{Pool: p, Points: pools[i], Qualifies: qualifies(&pools, &ordered, q.Total, i), Reachable: true}
		if !pq.Qualifies {
			pq.Missing, pq.Reachable = r.missing(qualifies, pools, ordered, q.Total, i)
		}
		q.Pools = append(q.Pools, pq)
		q.why = append(q.why, licensing.Explain(rule, poolResult(pq, how),
			licensing.F("pool", p), licensing.F("points", pq.Points.Display()), licensing.F("total", q.Total.Display()),
			licensing.F("region", region), licensing.F("missing", pq.Missing.Display())))
	}
	for n, l := range lines {
		if pq, _ := q.Pool(l.Product.Pool); !pq.Qualifies {
			q.BusinessLines = append(q.BusinessLines, n+1)
		}
	}
	return q, nil
}

// entryRule returns the predicate that decides whether a pool qualifies,
// with its rule and a word on the reading.
func (r Rules) entryRule(emea bool) (func(*[3]licensing.Points, *[3]bool, licensing.Points, int) bool, licensing.RuleID, string) {
	if emea {
		for _, row := range emeaReadings {
			if row.reading == r.EMEAReading {
				return func(p *[3]licensing.Points, o *[3]bool, t licensing.Points, i int) bool {
					return row.qualifies(&r, p, o, t, i)
				}, row.rule, fmt.Sprintf("EMEA, reading %v (%s)", row.reading, row.confidence)
			}
		}
	}
	return func(p *[3]licensing.Points, _ *[3]bool, _ licensing.Points, i int) bool {
		return p[i].AtLeast(r.PoolMinimum)
	}, "OL-09", "outside EMEA"
}

// missing returns the fewest points that, added to pool i alone, make it
// qualify, and whether any do (LIB-08). Qualification only grows with the
// points (INV-43), so the answer is the smallest gap to one of the
// thresholds in play that makes it qualify.
func (r Rules) missing(qualifies func(*[3]licensing.Points, *[3]bool, licensing.Points, int) bool,
	pools [3]licensing.Points, ordered [3]bool, total licensing.Points, i int) (licensing.Points, bool) {
	var gaps []licensing.Points
	for _, t := range []licensing.Points{r.PoolMinimum, r.EMEAPoolMinimum, r.EMEAOrderMinimum} {
		for _, from := range []licensing.Points{pools[i], total} {
			if g := t.Sub(from); g.Sign() > 0 {
				gaps = append(gaps, g)
			}
		}
	}
	sort.Slice(gaps, func(a, b int) bool { return gaps[a].Cmp(gaps[b]) < 0 })
	for _, g := range gaps {
		p := pools
		p[i] = p[i].Add(g)
		if qualifies(&p, &ordered, total.Add(g), i) {
			return g, true
		}
	}
	return licensing.Points{}, false
}

func poolResult(pq PoolQualification, how string) string {
	switch {
	case pq.Qualifies:
		return fmt.Sprintf("%v qualifies for Open Volume (%s)", pq.Pool, how)
	case pq.Reachable:
		return fmt.Sprintf("%v needs %s more points for Open Volume (%s)", pq.Pool, pq.Missing.Display(), how)
	}
	return fmt.Sprintf("%v cannot qualify for Open Volume by its own points (%s)", pq.Pool, how)
}
