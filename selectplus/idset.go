package selectplus

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"math/bits"
)

// An idSet records the order IDs a ledger has counted, so that an ID posted
// twice is refused (INV-06), and lists them in the order they were added
// for saving. It keeps each ID's bytes once, in one arena after a varint
// length, and an open-addressing hash table of 4-byte slots holding where
// each ID starts in the arena; the table is at most three quarters full.
// An ID costs its length, one length byte and about nine bytes of table,
// a slot and its mark: the order IDs are the one thing a ledger keeps per
// order, however long its history. The zero idSet is empty and ready to use.
type idSet struct {
	slots []uint32 // 0 is empty; else 1 + where the ID starts in text
	marks []uint8  // by slot: 8 bits of the hash of the ID there, so that most probes read no ID
	text  []byte   // the IDs in the order added, each a uvarint length and its bytes
	n     int      // how many IDs
}

// idSeed seeds the hash of every idSet: the table is rebuilt, never
// saved, so its layout may differ from run to run.
var idSeed = maphash.MakeSeed()

// minSlots is the size of a table's first allocation.
const minSlots = 64

// idHash is the hash of an ID.
type idHash uint64

// hashID hashes an ID with the seed every idSet shares.
func hashID(id string) idHash { return idHash(maphash.String(idSeed, id)) }

// An idSlot is where lookup found an ID missing: its hash, and the empty
// slot it would take while the table keeps its size. add takes it, so
// that a ledger probes the table once per order.
type idSlot struct {
	h    idHash
	slot int
	size int // the table's size when the slot was found
}

// equalAt reports whether the ID that starts at off is id, without
// building a string.
func (s *idSet) equalAt(off uint32, id string) bool {
	n, k := binary.Uvarint(s.text[off:])
	start := int(off) + k
	return n == uint64(len(id)) && string(s.text[start:start+len(id)]) == id
}

// mark is the 8 bits of a hash a slot keeps: its top bits, which do not
// choose the slot.
func (h idHash) mark() uint8 { return uint8(h >> 56) }

// find returns the slot holding id, or the empty slot where it belongs.
func (s *idSet) find(id string, h idHash) (slot int, found bool) {
	mask := uint64(len(s.slots) - 1)
	m := h.mark()
	for i := uint64(h) & mask; ; i = (i + 1) & mask {
		v := s.slots[i]
		if v == 0 {
			return int(i), false
		}
		if s.marks[i] == m && s.equalAt(v-1, id) {
			return int(i), true
		}
	}
}

// lookup reports whether id is recorded, and where add would put it. It
// changes nothing, so concurrent readers may call it.
func (s *idSet) lookup(id string) (idSlot, bool) {
	at := idSlot{h: hashID(id), size: len(s.slots)}
	if s.n == 0 {
		return at, false
	}
	slot, found := s.find(id, at.h)
	at.slot = slot
	return at, found
}

// add records id and reports whether it is new.
func (s *idSet) add(id string) bool {
	at, found := s.lookup(id)
	if found {
		return false
	}
	s.addAt(id, at)
	return true
}

// fits reports whether the arena has room for id: its offsets are 32-bit,
// so it holds up to 4 GiB of IDs (some 400 million orders). A ledger
// refuses an order whose ID does not fit before it changes anything.
func (s *idSet) fits(id string) bool {
	return uint64(len(s.text))+binary.MaxVarintLen64+uint64(len(id)) < math.MaxUint32
}

// addAt records id, which lookup found missing at at, with no change to
// the set since; the caller has checked that it fits.
func (s *idSet) addAt(id string, at idSlot) {
	if 4*(s.n+1) > 3*len(s.slots) {
		s.resize(2 * len(s.slots))
	}
	if at.size != len(s.slots) || s.n == 0 { // the table grew, or was empty: find the slot again
		at.slot, _ = s.find(id, at.h)
	}
	off := len(s.text)
	if !s.fits(id) {
		panic("selectplus: more than 4 GiB of order IDs") // the ledger refuses the order first (fits)
	}
	s.text = binary.AppendUvarint(s.text, uint64(len(id)))
	s.text = append(s.text, id...)
	s.slots[at.slot], s.marks[at.slot] = uint32(off)+1, at.h.mark()
	s.n++
}

// reserve makes room for n more IDs, of about bytes bytes in all, without
// growing.
func (s *idSet) reserve(n, bytes int) {
	if need := s.n + n; 4*need > 3*len(s.slots) {
		s.resize((4*need + 2) / 3)
	}
	if need := len(s.text) + bytes + n; cap(s.text) < need {
		s.text = append(make([]byte, 0, need), s.text...)
	}
}

// resize rebuilds the table with at least n slots.
func (s *idSet) resize(n int) {
	size := max(minSlots, 1<<bits.Len(uint(n-1)))
	s.slots, s.marks = make([]uint32, size), make([]uint8, size)
	mask := uint64(size - 1)
	s.each(func(off uint32, id []byte) {
		h := idHash(maphash.Bytes(idSeed, id)) // as hashID(string(id))
		i := uint64(h) & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i], s.marks[i] = off+1, h.mark()
	})
}

// each calls f with the offset and bytes of every ID, in the order added;
// the bytes are the arena's and must not be kept.
func (s *idSet) each(f func(off uint32, id []byte)) {
	for off := 0; off < len(s.text); {
		n, k := binary.Uvarint(s.text[off:])
		start := off + k
		f(uint32(off), s.text[start:start+int(n)])
		off = start + int(n)
	}
}

// all returns every recorded ID, in the order they were added; nil when
// there is none, so that an empty ledger saves "orders":null as before.
func (s *idSet) all() []string {
	if s.n == 0 {
		return nil
	}
	out := make([]string, 0, s.n)
	s.each(func(_ uint32, id []byte) { out = append(out, string(id)) })
	return out
}

func (s *idSet) len() int { return s.n }
