// Package swar holds the word-at-a-time helpers (SIMD within a register)
// the module's readers of text share: eight bytes of a string read as one
// uint64, and the masks that test all eight at once.
package swar

// Lo8 has 0x01 in every byte, Hi8 0x80: Lo8*c repeats the byte c, and a
// byte's high bit in Hi8 marks it.
const (
	Lo8 uint64 = 0x0101010101010101
	Hi8 uint64 = 0x8080808080808080
)

// Load8 returns the eight bytes of s from i, the first in the low byte.
func Load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// IsASCII reports whether s is ASCII, looking at eight bytes at a time.
func IsASCII(s string) bool {
	i, high := 0, uint64(0)
	for ; i+8 <= len(s); i += 8 {
		high |= Load8(s, i)
	}
	for ; i < len(s); i++ {
		high |= uint64(s[i])
	}
	return high&Hi8 == 0
}
