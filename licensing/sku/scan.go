package sku

import (
	"math/bits"
	"slices"

	"github.com/vlrules/vlrules/internal/swar"
)

// The reader's scanner splits a description into tokens and looks each up
// in the vocabulary eight bytes at a time: it marks the separators of a
// whole description in a bit mask, computed a word of eight bytes at a
// time (SWAR), takes the tokens from the mask's runs, and looks a token up
// by its first and last eight bytes and its length. Descriptions longer
// than maxMaskBytes or shorter than eight bytes, and readers whose keys
// the table cannot tell apart (see lookupEach), go a byte at a time.

// separators8 returns 0x80 in each byte of x that separates tokens on its
// own: ASCII white space (tab to carriage return, space) and the comma of
// joined columns. U+00A0 is found apart (see scanMask).
func separators8(x uint64) uint64 {
	h := x &^ swar.Hi8 // no byte carries into the next
	// The high bit set in each byte of h that is neither a space nor a
	// comma: a byte is not c when h^c, below 0x80, plus 0x7f reaches it.
	other := (h ^ swar.Lo8*' ' + swar.Lo8*0x7f) & (h ^ swar.Lo8*',' + swar.Lo8*0x7f)
	return (in8(x, '\t', '\r') | ^other) &^ x & swar.Hi8
}

// gather8 packs the high bit of each byte of m into a byte, byte k's in
// bit k.
func gather8(m uint64) uint64 { return (m >> 7) * 0x0102040810204080 >> 56 }

// maxMaskBytes is the longest description whose separators are marked in
// a mask on the stack; longer ones are scanned a byte at a time.
const maxMaskBytes = 256

// A sepMask has bit i%64 of word i/64 set when byte i of a description is
// a separator, and every bit from the description's length on: one word
// more than the bytes need, so that the last token ends at a set bit.
type sepMask [maxMaskBytes/64 + 1]uint64

// scanMask marks the separators of s, len(s) <= maxMaskBytes, in mask,
// and reports whether s is ASCII.
func scanMask(s string, mask *sepMask) (ascii bool) {
	n := len(s)
	var high uint64
	o := 0
	for ; o+64 <= n; o += 64 {
		var m uint64
		for k := 0; k < 64; k += 8 {
			x := swar.Load8(s, o+k)
			high |= x
			m |= gather8(separators8(x)) << k
		}
		mask[o>>6] = m
	}
	var m uint64
	for ; o+8 <= n; o += 8 {
		x := swar.Load8(s, o)
		high |= x
		m |= gather8(separators8(x)) << (o & 63)
	}
	if o < n {
		if n >= 8 { // the last eight bytes, of which the first were done
			x := swar.Load8(s, n-8)
			high |= x
			m |= gather8(separators8(x)) >> (8 - (n - o)) << (o & 63)
		} else {
			for i := o; i < n; i++ {
				high |= uint64(s[i])
				if byteClass[s[i]] == 1 {
					m |= 1 << (i & 63)
				}
			}
		}
	}
	m |= ^uint64(0) << (n & 63) // the bytes from n on
	mask[n>>6] = m
	for c := n>>6 + 1; c < len(mask); c++ {
		mask[c] = ^uint64(0)
	}
	if high&swar.Hi8 == 0 {
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
// up in the vocabulary, and appends the tokens to spans, each read as the
// word's own spelling when the word starts no phrase (a match covering it
// later undoes that). It reports whether s is ASCII, and whether a token
// read is a yielding word, and returns the mask of the tokens matchAll
// reads (see key.reads).
func (r *Reader) tokenize(s string, spans []span) (_ []span, ascii, anyYields bool, need uint64) {
	n := len(s)
	if n > maxMaskBytes || n < 8 || r.sameWords {
		spans, anyYields, need = r.tokenizeLong(s, spans)
		return spans, n <= maxMaskBytes && swar.IsASCII(s), anyYields, need
	}
	var mask sepMask
	ascii = scanMask(s, &mask)
	// A token starts at a byte that is no separator after one that is (or
	// at 0), and ends at a separator after a byte that is not: the edges,
	// where a separator follows a byte that is none or the other way
	// round, are the tokens' starts and ends in turn.
	chunks := n>>6 + 1
	var edges sepMask
	tokens, prevSep := 0, uint64(1)
	for c := range chunks {
		sep := mask[c]
		edges[c] = sep ^ (sep<<1 | prevSep)
		prevSep = sep >> 63
		tokens += bits.OnesCount64(edges[c])
	}
	tokens /= 2
	k0 := len(spans)
	if k0+tokens > cap(spans) {
		spans = slices.Grow(spans, tokens)
	}
	spans = spans[:k0+tokens]
	// Each token's bytes are taken from the edges and the token looked
	// up, as read does, with the probes fixed at two (see fill), in one
	// loop of a function of its own that keeps its values in registers: a
	// second loop over the spans to take their bytes first costs a
	// twentieth of the parse, and a mask of starts and one of ends,
	// against the edges, a fiftieth.
	keys := r.keys
	marks, need := lookupSpans(s, spans[k0:], &edges, r.slots, keys, r.shift&63, r.seed)
	flags := valueFlags(marks) & yields
	if marks&markLong != 0 {
		// A word longer than 16 bytes is the key only if all its bytes
		// are: no other key has the same first and last eight and length.
		flags = 0
		for k := k0; k < len(spans); k++ {
			sp := &spans[k]
			if !r.sameLongWord(s[sp.start:sp.end], sp.entry) {
				sp.v, sp.n, sp.entry = keys[0].v, keys[0].n1, 0
				if k-k0 < needTokens {
					need = need&^(1<<(k-k0)) | keys[0].reads(s[sp.start])<<(k-k0)
				}
			}
			flags |= sp.v.flags
		}
	}
	return spans, ascii, flags&yields != 0, need
}

// reads returns 1 when matchAll reads a token found to be this key, whose
// first byte is first, else 0: when the token is not read at once as a
// spelling of its own, and its word has an entry or may be a pattern.
// Bit k of the mask tokenize returns is token k's, for k below needTokens;
// matchAll looks at the tokens from needTokens on apart.
func (k *key) reads(first byte) uint64 {
	return uint64(k.always | k.pattern&patternFirst[first])
}

// lookupSpans sets the bytes of each token of spans, in s of eight bytes or
// more, from the bits of edges (set where a token starts and where one
// ends, in turn, as in a sepMask), looks it up as find does, and reads it
// as the word's own spelling when the word starts no phrase. It returns
// the marks of the keys found (see key), and the mask of the tokens
// matchAll reads (see key.reads).
func lookupSpans(s string, spans []span, edges *sepMask, slots []uint32, keys []key, shift uint, seed uint64) (marks uint8, need uint64) {
	// The marks and need share a word, so that the loop keeps one value
	// fewer: the marks in the low byte, and token k's bit of need, for k
	// below needTokens, above them; bit is 0 from there on.
	n := len(s)
	acc, bit := uint64(0), uint64(1)<<markBits
	c, e := 0, edges[0]
	for k := range spans {
		sp := &spans[k]
		for e == 0 {
			c++
			e = edges[c]
		}
		start := c<<6 + bits.TrailingZeros64(e)
		e &= e - 1
		for e == 0 {
			c++
			e = edges[c]
		}
		end := c<<6 + bits.TrailingZeros64(e)
		e &= e - 1
		sp.start, sp.end = int32(start), int32(end)
		size := end - start
		var x0, x1 uint64
		if start+8 <= n {
			x0 = swar.Load8(s, start)
		} else {
			x0 = swar.Load8(s, n-8) >> ((start - (n - 8)) * 8 & 63)
		}
		if size < 8 {
			x0 &= lengthMask[size&7]
		} else if size > 8 {
			x1 = swar.Load8(s, end-8)
		}
		h := hash(x0, x1, size, seed)
		i, tag := int(h>>(shift&63)), uint32(uint16(h>>((shift-16)&63)))
		pair := slots[i : i+2 : i+2]
		id := uint32(0)
		if pair[0]>>16 == tag {
			id = pair[0] & 0xffff
		}
		if pair[1]>>16 == tag {
			id = pair[1] & 0xffff
		}
		if key := &keys[id]; (x0^key.x0)&^key.case0|(x1^key.x1)&^key.case1|uint64(key.n^uint16(size)) == 0 {
			sp.v, sp.n, sp.entry = key.v, key.n1, int32(id)
			acc |= uint64(key.marks) | -uint64(key.always)&bit
		} else {
			// No word of the vocabulary: what keys[0] says, spelled out
			// rather than loaded again (TestScanAsLong compares them).
			sp.v, sp.n, sp.entry = tokenValue{}, 0, 0
			acc |= -uint64(patternFirst[byte(x0)]) & bit
		}
		bit <<= 1
	}
	return uint8(acc), acc >> markBits
}

// markBits is the width of key.marks; needTokens, how many tokens the mask
// of the tokens matchAll reads holds (see key.reads): those of a word
// after the marks.
const (
	markBits   = 8
	needTokens = 64 - markBits
)

// lengthMask keeps the first n bytes of a word, for n below 8.
var lengthMask = [8]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff}

// tokenizeLong is tokenize for a description too long for the mask, a
// byte at a time.
func (r *Reader) tokenizeLong(s string, spans []span) (_ []span, anyYields bool, need uint64) {
	i, n, k0 := 0, len(s), len(spans)
	for {
		for i < n { // separators
			c := byteClass[s[i]]
			if c == 0 || c == 2 && (i+1 == n || s[i+1] != 0xa0) {
				break
			}
			i += int(c)
		}
		if i >= n {
			return spans, anyYields, need
		}
		start := i
		for i < n { // a token
			if c := byteClass[s[i]]; c != 0 && (c == 1 || i+1 < n && s[i+1] == 0xa0) {
				break
			}
			i++
		}
		spans = append(spans, span{start: int32(start), end: int32(i)})
		anyYields = r.read(s, &spans[len(spans)-1])&yields != 0 || anyYields
		if k := len(spans) - 1 - k0; k < needTokens {
			need |= r.keys[spans[len(spans)-1].entry].reads(s[start]) << k
		}
	}
}

// read looks the token sp up in the vocabulary and reads it as the word's
// own spelling when the word starts no phrase. It returns the flags of the
// value read.
func (r *Reader) read(s string, sp *span) valueFlags {
	id := r.lookup(s[sp.start:sp.end])
	k := &r.keys[id]
	sp.entry, sp.v, sp.n = id, k.v, k.n1
	return k.v.flags
}

// wordsOf returns the first and last eight bytes of w; a word of eight
// bytes or fewer is all in the first, padded with zeros, and the second
// is 0.
func wordsOf(w string) (x0, x1 uint64) {
	var b [8]byte
	if len(w) > 8 {
		return swar.Load8(w, 0), swar.Load8(w, len(w)-8)
	}
	copy(b[:], w)
	return swar.Load8(string(b[:]), 0), 0
}

// The reader's hash table is small, so that it stays in the processor's
// first cache however the words of descriptions fall in it: a slot holds
// a 16-bit tag of the key's hash and the key's index in r.keys, which
// holds its words. A key is at most one slot after its hash's, and the
// table has two slots more than its size, so that every search looks at
// the two slots from its hash's; no key's tag is in the other slot of its
// search (see fill). The hash ignores the 0x20 bit of every byte, which
// ASCII case sets, and the comparison ignores it where the key has a
// letter, so that a word matches a key as equalFold says.

// fold8 sets the 0x20 bit of every byte.
const fold8 = swar.Lo8 * 0x20

// hashOf hashes a word's first and last eight bytes and its length.
func (r *Reader) hashOf(x0, x1 uint64, n int) uint64 {
	return hash(x0, x1, n, r.seed)
}

// hash hashes a word's first and last eight bytes and its length with a
// seed, ignoring the 0x20 bit of every byte: find, fill and lookupSpans
// hash with it.
func hash(x0, x1 uint64, n int, seed uint64) uint64 {
	return ((x0 | fold8) ^ bits.RotateLeft64(x1|fold8, 29) ^ uint64(n) ^ seed) * 0x9e3779b97f4a7c15
}

// A key is a word of the vocabulary as lookup compares it: its first and
// last eight bytes (see wordsOf), lower case, the 0x20 bits of their
// letters, and its length; and, when it is a spelling of its own and
// starts no phrase, its value (and n1 is 1).
type key struct {
	x0, x1       uint64
	case0, case1 uint64
	n            uint16 // the length, modulo 1<<16: longer keys are compared with equalFold
	n1           int8
	v            tokenValue
	// marks are its value's yields flag, and markLong when it is longer
	// than hashedBytes: lookupSpans returns those of the keys found.
	marks uint8
	// always is 1 when matchAll reads the word: it has an entry, and is
	// not read at once (n1 is 0); pattern is 1 when it reads the word if
	// it may be a pattern (the key of no word, index 0).
	always, pattern uint8
}

// in8 returns 0x80 in each byte of x from lo to hi, both below 0x80, and 0
// in the others.
func in8(x uint64, lo, hi byte) uint64 {
	h := x &^ swar.Hi8 // no byte carries into the next
	return (h + swar.Lo8*uint64(0x80-lo)) &^ (h + swar.Lo8*uint64(0x80-hi-1)) &^ x & swar.Hi8
}

// letters8 returns 0x20 in each byte of x that is an ASCII lower-case
// letter.
func letters8(x uint64) uint64 { return in8(x, 'a', 'z') >> 2 }

// lookup finds w, ignoring ASCII case, and returns its index in r.keys
// (and r.entries plus one), or 0.
func (r *Reader) lookup(w string) int32 {
	if r.sameWords {
		return r.lookupEach(w)
	}
	x0, x1 := wordsOf(w)
	id := int32(r.find(x0, x1, len(w)))
	if !r.sameLongWord(w, id) {
		return 0
	}
	return id
}

// markLong marks a key longer than hashedBytes (see key.marks). It must be
// no valueFlags bit: the constant below overflows, a compile-time error,
// if a flag takes it.
const markLong = 1 << 7

const _ = uint8(markLong - 1 - (ends | unspelled | yields))

// hashedBytes is how many bytes of a word find sees: its first and last
// eight. A longer word matches a key only if sameLongWord says so too.
const hashedBytes = 16

// sameLongWord reports whether w, which find matched with the key of entry
// id (0 for none) by its first and last eight bytes and its length, is
// that key: always for a word of hashedBytes or fewer, else when every
// byte matches, ignoring ASCII case. No other key has the same eight
// bytes at each end and length (see lookupEach), so no other is tried.
func (r *Reader) sameLongWord(w string, id int32) bool {
	return id == 0 || len(w) <= hashedBytes || equalFold(w, r.entries[id-1].key)
}

// find finds the key whose words and length are those of a word, x0 and
// x1 as wordsOf returns them, ignoring ASCII case, and returns its index
// in r.keys, or 0. A word longer than hashedBytes is the key only if
// sameLongWord says so too.
func (r *Reader) find(x0, x1 uint64, n int) uint32 {
	h := r.hashOf(x0, x1, n)
	i, tag := int(h>>r.shift), uint32(uint16(h>>(r.shift-16)))
	id := uint32(0)
	for _, sl := range r.slots[i : i+2] {
		if sl>>16 == tag {
			id = sl & 0xffff // the slot's key when the tags match
		}
	}
	k := &r.keys[id]
	if (x0^k.x0)&^k.case0|(x1^k.x1)&^k.case1|uint64(k.n^uint16(n)) != 0 {
		return 0 // the words do not match
	}
	return id
}

// lookupEach finds word by comparing it with every key: for a vocabulary
// where two keys longer than 16 bytes have the same first and last eight
// bytes and length.
func (r *Reader) lookupEach(word string) int32 {
	for i, e := range r.entries {
		if equalFold(word, e.key) {
			return int32(i + 1)
		}
	}
	return 0
}

// buildSlots builds r.keys and the hash table of r.entries, as large as it
// must be, and with a seed such that, for a key to be at most one slot
// after its hash's, and its tag to be in no other slot of its search. A
// vocabulary no table of up to 512 slots a key fits is read by comparing
// each key (sameWords).
func (r *Reader) buildSlots() {
	type words struct {
		x0, x1 uint64
		n      int
	}
	seen := map[words]bool{}
	r.keys = make([]key, len(r.entries)+1)
	r.keys[0].pattern = 1
	for i, e := range r.entries {
		x0, x1 := wordsOf(e.key)
		// Keys whose words differ only in the 0x20 bit of a byte that is
		// no letter ("x[y", "x{y") hash alike with every seed: no table
		// separates them, and each key is compared instead.
		k := words{x0 | fold8, x1 | fold8, len(e.key) & 0xffff}
		r.sameWords = r.sameWords || seen[k]
		seen[k] = true
		r.keys[i+1] = key{x0: x0, x1: x1, case0: letters8(x0), case1: letters8(x1), n: uint16(len(e.key))}
		if len(e.key) > hashedBytes {
			r.keys[i+1].marks = markLong
		}
		if e.hasSingle && len(e.phrases) == 0 {
			r.keys[i+1].v, r.keys[i+1].n1 = e.single, 1
			r.keys[i+1].marks |= uint8(e.single.flags & yields)
		} else {
			r.keys[i+1].always = 1
		}
	}
	if len(r.keys) > 1<<16 {
		r.sameWords = true // more keys than a slot can index: compare each
		return
	}
	if r.sameWords {
		return
	}
	first := bits.Len(uint(8 * len(r.entries)))
	for tableBits := first; tableBits <= first+maxTableGrowth; tableBits++ {
		for seed := range uint64(16) {
			if r.fill(tableBits, seed) {
				return
			}
		}
	}
	r.sameWords, r.slots = true, nil // no table fits: compare each key
}

// maxTableGrowth is how many times buildSlots doubles the table, beyond 8
// slots a key, before it gives up on a table for the vocabulary.
const maxTableGrowth = 6

// fill fills the hash table of 1<<tableBits slots with the seed, and
// reports whether it is as buildSlots wants it.
func (r *Reader) fill(tableBits int, seed uint64) bool {
	const maxProbes = 2
	size := 1 << tableBits
	r.shift, r.seed = uint(64-tableBits), seed
	r.slots = make([]uint32, size+maxProbes)
	home := make([]int, len(r.keys))
	tags := make([]uint32, len(r.keys))
	for id := 1; id < len(r.keys); id++ {
		k := &r.keys[id]
		h := r.hashOf(k.x0, k.x1, int(k.n))
		home[id], tags[id] = int(h>>r.shift), uint32(uint16(h>>(r.shift-16)))
		i := home[id]
		for r.slots[i] != 0 {
			if i++; i-home[id] >= maxProbes {
				return false
			}
		}
		r.slots[i] = tags[id]<<16 | uint32(id)
	}
	for id := 1; id < len(r.keys); id++ {
		for _, sl := range r.slots[home[id] : home[id]+maxProbes] {
			if sl>>16 == tags[id] && sl&0xffff != uint32(id) {
				return false
			}
		}
	}
	return true
}
