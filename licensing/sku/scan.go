package sku

import (
	"math/bits"
)

// The reader's scanner splits a description into tokens and looks each up
// in the vocabulary eight bytes at a time: it marks the separators of a
// whole description in a bit mask, computed a word of eight bytes at a
// time (SWAR), takes the tokens from the mask's runs, and looks a token up
// by its first and last eight bytes, lower-cased together. Only
// descriptions longer than maxMaskBytes are scanned a byte at a time.

const (
	lo8 uint64 = 0x0101010101010101
	hi8 uint64 = 0x8080808080808080
)

// load8 returns the eight bytes of s from i, the first in the low byte.
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// eq8 returns 0x80 in each byte of x that is c, and 0 in the others.
func eq8(x uint64, c byte) uint64 {
	y := x ^ lo8*uint64(c)
	return ^((y&^hi8 + ^hi8) | y | ^hi8)
}

// separators8 returns 0x80 in each byte of x that separates tokens on its
// own: ASCII white space (tab to carriage return, space) and the comma of
// joined columns. U+00A0 is found apart (see scanMask).
func separators8(x uint64) uint64 {
	h := x | hi8                              // no byte borrows from the next
	blank := (h - lo8*0x09) &^ (h - lo8*0x0e) // 0x09 to 0x0d, below 0x80
	return (blank&^x | eq8(x, ' ') | eq8(x, ',')) & hi8
}

// gather8 packs the high bit of each byte of m into a byte, byte k's in
// bit k.
func gather8(m uint64) uint64 { return (m >> 7) * 0x0102040810204080 >> 56 }

// lower8 lower-cases the ASCII letters among the bytes of x.
func lower8(x uint64) uint64 {
	h := x &^ hi8
	upper := (h + lo8*(0x80-'A')) &^ (h + lo8*(0x80-'Z'-1)) &^ x & hi8
	return x | upper>>2
}

// maxMaskBytes is the longest description whose separators are marked in
// a mask on the stack; longer ones are scanned a byte at a time.
const maxMaskBytes = 256

// scanMask marks the separators of s, len(s) <= maxMaskBytes, in mask,
// byte i's in bit i%64 of mask[i/64], and reports whether s is ASCII.
func scanMask(s string, mask *[maxMaskBytes / 64]uint64) (ascii bool) {
	n := len(s)
	var high uint64
	o := 0
	for ; o+64 <= n; o += 64 {
		var m uint64
		for k := 0; k < 64; k += 8 {
			x := load8(s, o+k)
			high |= x
			m |= gather8(separators8(x)) << k
		}
		mask[o>>6] = m
	}
	var m uint64
	for ; o+8 <= n; o += 8 {
		x := load8(s, o)
		high |= x
		m |= gather8(separators8(x)) << (o & 63)
	}
	mask[(n-1)>>6] |= m
	if o < n {
		if n >= 8 { // the last eight bytes, of which the first were done
			x := load8(s, n-8)
			high |= x
			mask[o>>6] |= gather8(separators8(x)) >> (8 - (n - o)) << (o & 63)
		} else {
			for i := o; i < n; i++ {
				high |= uint64(s[i])
				if byteClass[s[i]] == 1 {
					mask[i>>6] |= 1 << (i & 63)
				}
			}
		}
	}
	if high&hi8 == 0 {
		return true
	}
	// U+00A0, the no-break space of spreadsheet exports.
	for i := 0; i+1 < n; i++ {
		if s[i] == 0xc2 && s[i+1] == 0xa0 {
			mask[i>>6] |= 1 << (i & 63)
			i++
			mask[i>>6] |= 1 << (i & 63)
		}
	}
	return false
}

// tokenize splits s at white space, commas and U+00A0, looks each token
// up in the vocabulary, and appends the tokens to spans. It reports
// whether s is ASCII.
func (r *Reader) tokenize(s string, spans []span) ([]span, bool) {
	n := len(s)
	if n == 0 {
		return spans, true
	}
	if n > maxMaskBytes {
		return r.tokenizeLong(s, spans), false
	}
	var mask [maxMaskBytes / 64]uint64
	ascii := scanMask(s, &mask)
	chunks := (n + 63) >> 6
	pos := 0
	for {
		// The token's first byte: the next byte that is no separator.
		c := pos >> 6
		if c >= chunks {
			return spans, ascii
		}
		m := ^mask[c] >> (pos & 63)
		if m == 0 {
			pos = (c + 1) << 6
			continue
		}
		start := pos + bits.TrailingZeros64(m)
		if start >= n {
			return spans, ascii
		}
		// Its end: the next separator, or the end of s.
		end, base := n, start
		for m = mask[c] >> (start & 63); ; {
			if m != 0 {
				end = min(n, base+bits.TrailingZeros64(m))
				break
			}
			if c++; c >= chunks {
				break
			}
			m, base = mask[c], c<<6
		}
		spans = r.appendToken(s, spans, start, end)
		pos = end
	}
}

// tokenizeLong is tokenize for a description too long for the mask, a
// byte at a time.
func (r *Reader) tokenizeLong(s string, spans []span) []span {
	i, n := 0, len(s)
	for {
		for i < n { // separators
			c := byteClass[s[i]]
			if c == 0 || c == 2 && (i+1 == n || s[i+1] != 0xa0) {
				break
			}
			i += int(c)
		}
		if i >= n {
			return spans
		}
		start := i
		for i < n { // a token
			if c := byteClass[s[i]]; c != 0 && (c == 1 || i+1 < n && s[i+1] == 0xa0) {
				break
			}
			i++
		}
		spans = r.appendToken(s, spans, start, i)
	}
}

// appendToken appends the token s[start:end] to spans with the
// vocabulary's entry for it.
func (r *Reader) appendToken(s string, spans []span, start, end int) []span {
	k := len(spans)
	if k < cap(spans) {
		spans = spans[:k+1] // the array's spans are zero: set only what tokenize knows
	} else {
		spans = append(spans, span{})
	}
	sp := &spans[k]
	sp.start, sp.end = int32(start), int32(end)
	w0, w1 := tokenWords(s, start, end)
	sp.entry = r.lookup(s[start:end], w0, w1)
	return spans
}

// tokenWords returns the first and last eight bytes of the token
// s[start:end], lower-cased; a token of eight bytes or fewer is all in the
// first, padded with zeros, and the second is 0.
func tokenWords(s string, start, end int) (w0, w1 uint64) {
	n := end - start
	if n > 8 {
		return lower8(load8(s, start)), lower8(load8(s, end-8))
	}
	switch {
	case start+8 <= len(s):
		w0 = load8(s, start)
	case len(s) >= 8:
		w0 = load8(s, len(s)-8) >> (8 * (start + 8 - len(s)))
	default:
		for i := end - 1; i >= start; i-- {
			w0 = w0<<8 | uint64(s[i])
		}
	}
	return lower8(w0 & (^uint64(0) >> (64 - 8*n))), 0
}

// keyWords returns tokenWords of a key of the vocabulary.
func keyWords(key string) (w0, w1 uint64) {
	var b [16]byte
	if len(key) > 8 {
		return tokenWords(key, 0, len(key))
	}
	copy(b[:], key)
	return tokenWords(string(b[:]), 0, len(key))
}

// slotOf is where the hash table's search for a token starts.
func (r *Reader) slotOf(w0, w1 uint64, n int) uint64 {
	return (w0 ^ bits.RotateLeft64(w1, 29) ^ uint64(n)) * 0x9e3779b97f4a7c15 >> r.shift
}

// A wordSlot is a slot of the reader's hash table: a key's first and last
// eight bytes (see tokenWords), its length, and what it starts: an index
// into Reader.entries plus one. An empty slot has length 0.
type wordSlot struct {
	w0, w1 uint64
	n      int32
	entry  int32
}

// lookup finds word, whose tokenWords are w0 and w1, in the hash table,
// ignoring ASCII case, and returns its index in r.entries plus one, or 0.
func (r *Reader) lookup(word string, w0, w1 uint64) int32 {
	n := int32(len(word))
	mask := uint64(len(r.slots) - 1)
	for i := r.slotOf(w0, w1, len(word)); ; i = (i + 1) & mask {
		sl := &r.slots[i]
		if sl.n == n && sl.w0 == w0 && sl.w1 == w1 && (n <= 16 || equalFold(word, r.entries[sl.entry-1].key)) {
			return sl.entry
		}
		if sl.n == 0 {
			return 0
		}
	}
}

// addSlot puts a key of r.entries in the hash table.
func (r *Reader) addSlot(key string, entry int32) {
	w0, w1 := keyWords(key)
	mask := uint64(len(r.slots) - 1)
	i := r.slotOf(w0, w1, len(key))
	for r.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	r.slots[i] = wordSlot{w0: w0, w1: w1, n: int32(len(key)), entry: entry}
}
