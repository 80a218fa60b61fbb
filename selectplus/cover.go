package selectplus

import (
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// covers indexes the SA coverage the affiliates hold (SP-45, SP-46): each
// product with coverage gets a number the first time it is covered, and
// each affiliate keeps its coverage in a slice by that number. A line
// finds its product's number with one look-up, and an affiliate's
// coverage costs no map of its own (issue 11: a ledger of many affiliates
// and products allocates nothing per order once they are known).
type covers struct {
	index    map[string][]int32  // product name → the numbers of the products of that name
	products []licensing.Product // number → product
}

// A coverEntry is an affiliate's coverage of one product; set tells a
// track kept apart from one never bought.
type coverEntry struct {
	track sa.Track
	set   bool
}

// number returns a product's number, or -1 if no one has covered it.
func (c *covers) number(p licensing.Product) int32 {
	for _, n := range c.index[p.Name] { // a name hashes faster than a whole Product
		if c.products[n] == p {
			return n
		}
	}
	return -1
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
			if l.covers.index == nil {
				l.covers.index = map[string][]int32{}
			}
			n = int32(len(l.covers.products))
			l.covers.index[p.Name] = append(l.covers.index[p.Name], n)
			l.covers.products = append(l.covers.products, p)
		}
	}
	a := &l.affs[ai]
	if int(n) >= len(a.cover) {
		a.cover = append(a.cover, make([]coverEntry, int(n)+1-len(a.cover))...)
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
