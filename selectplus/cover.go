package selectplus

import (
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// covers indexes the SA coverage the affiliates hold (SP-45, SP-46): each
// product with coverage gets a number the first time it is covered, and
// each affiliate keeps its coverage in a slice by that number. A line
// finds its product's number with one look-up, and an affiliate's
// coverage costs no map of its own: a ledger of many affiliates and
// products allocates nothing per order once they are known. The
// slices are dense: an affiliate's holds an entry for every product
// numbered before its last, 12 bytes each, covered or not — a few
// kilobytes for the hundreds of products and affiliates of a Select Plus
// agreement, where a map per affiliate cost more.
type covers struct {
	index    map[string]int32    // product name → the number of the first product of that name
	products []licensing.Product // number → product
	sameName []int32             // number → the next product of the same name, -1 for none
}

// minProducts is how many products the index and each affiliate's
// coverage make room for at first.
const minProducts = 64

// A coverEntry is an affiliate's coverage of one product; set tells a
// track kept apart from one never bought.
type coverEntry struct {
	track sa.Track
	set   bool
}

// number returns a product's number, or -1 if no one has covered it.
func (c *covers) number(p licensing.Product) int32 {
	n, ok := c.index[p.Name] // a name hashes faster than a whole Product
	for ; ok && n >= 0; n = c.sameName[n] {
		if c.products[n] == p {
			return n
		}
	}
	return -1
}

// add numbers a product no one has covered yet.
func (c *covers) add(p licensing.Product) int32 {
	n := int32(len(c.products))
	if c.products == nil { // room for a price list's worth before growing
		c.products, c.sameName = make([]licensing.Product, 0, minProducts), make([]int32, 0, minProducts)
	}
	c.products = append(c.products, p)
	c.sameName = append(c.sameName, -1)
	first, ok := c.index[p.Name]
	switch {
	case !ok:
		if c.index == nil {
			c.index = map[string]int32{}
		}
		c.index[p.Name] = n
	default:
		last := first
		for c.sameName[last] >= 0 {
			last = c.sameName[last]
		}
		c.sameName[last] = n
	}
	return n
}

// of returns the affiliate's coverage of the product numbered n, if it
// has any.
func (a *affiliate) of(n int32) (sa.Track, bool) {
	if n < 0 || int(n) >= len(a.cover) {
		return sa.Track{}, false
	}
	e := a.cover[n]
	return e.track, e.set
}

// track returns an affiliate's coverage of a product, if it has any.
func (l *Ledger) track(ai int, p licensing.Product) (sa.Track, bool) {
	return l.affs[ai].of(l.covers.number(p))
}

// setTrack records an affiliate's coverage of a product numbered n, or of
// a product not numbered yet (n < 0), which it numbers.
func (l *Ledger) setTrack(ai int, n int32, p licensing.Product, t sa.Track) {
	if n < 0 {
		if n = l.covers.number(p); n < 0 {
			n = l.covers.add(p)
		}
	}
	a := &l.affs[ai]
	switch need := int(n) + 1; {
	case need <= len(a.cover):
	case need <= cap(a.cover):
		a.cover = a.cover[:need] // never shortened: the entries past len are zero
	default: // room for every product numbered so far, and then some
		grown := make([]coverEntry, need, max(need, 2*cap(a.cover), len(l.covers.products), minProducts))
		copy(grown, a.cover)
		a.cover = grown
	}
	a.cover[n] = coverEntry{track: t, set: true}
}

// eachTrack calls f with each product an affiliate has coverage of, in the
// order the ledger first covered them.
func (l *Ledger) eachTrack(ai int, f func(p licensing.Product, t sa.Track)) {
	for n, e := range l.affs[ai].cover {
		if e.set {
			f(l.covers.products[n], e.track)
		}
	}
}
