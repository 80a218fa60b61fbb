package selectplus

import (
	"hash/maphash"
	"math/bits"
)

// An idSet records the order IDs a ledger has counted, so that an ID posted
// twice is refused (INV-06). It is an open-addressing hash table of 8-byte
// slots, each holding a 32-bit fingerprint of an ID's hash and the ID's
// index in ids; strings are compared only when fingerprints match. A
// table of slots is several times smaller than a map of strings, so
// replaying a long history checks each ID with about one cache line. The
// zero idSet is empty and ready to use.
type idSet struct {
	seed  maphash.Seed
	slots []uint64 // 0 is empty; else fingerprint<<32 | (index+1)
	ids   []string
}

const minSlots = 64

func (s *idSet) hash(id string) (h, fp uint64) {
	if s.slots == nil {
		s.seed = maphash.MakeSeed()
		s.slots = make([]uint64, minSlots)
	}
	h = maphash.String(s.seed, id)
	fp = h >> 32
	if fp == 0 {
		fp = 1
	}
	return h, fp
}

// find returns the slot holding id, or the empty slot where it belongs.
func (s *idSet) find(id string, h, fp uint64) (slot int, found bool) {
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		v := s.slots[i]
		if v == 0 {
			return int(i), false
		}
		if v>>32 == fp && s.ids[v&0xffff_ffff-1] == id {
			return int(i), true
		}
	}
}

// add records id and reports whether it is new.
func (s *idSet) add(id string) bool {
	if 2*(len(s.ids)+1) > len(s.slots) {
		s.resize(2 * (len(s.ids) + 1))
	}
	h, fp := s.hash(id)
	slot, found := s.find(id, h, fp)
	if found {
		return false
	}
	s.ids = append(s.ids, id)
	s.slots[slot] = fp<<32 | uint64(len(s.ids))
	return true
}

// has reports whether id is recorded.
func (s *idSet) has(id string) bool {
	if len(s.ids) == 0 {
		return false
	}
	h, fp := s.hash(id)
	_, found := s.find(id, h, fp)
	return found
}

// reserve makes room for n more IDs without growing.
func (s *idSet) reserve(n int) {
	if need := 2 * (len(s.ids) + n); need > len(s.slots) {
		s.resize(need)
	}
	if cap(s.ids)-len(s.ids) < n {
		s.ids = append(make([]string, 0, len(s.ids)+n), s.ids...)
	}
}

// resize rebuilds the table with at least n slots.
func (s *idSet) resize(n int) {
	size := max(minSlots, 1<<bits.Len(uint(n-1)))
	if s.slots == nil {
		s.seed = maphash.MakeSeed()
	}
	s.slots = make([]uint64, size)
	mask := uint64(size - 1)
	for k, id := range s.ids {
		h := maphash.String(s.seed, id)
		fp := h >> 32
		if fp == 0 {
			fp = 1
		}
		i := h & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = fp<<32 | uint64(k+1)
	}
}

// all returns every recorded ID, in the order they were added.
func (s *idSet) all() []string { return append([]string(nil), s.ids...) }

func (s *idSet) len() int { return len(s.ids) }
