package swar

import (
	"encoding/binary"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// Load8 reads the bytes little-endian, as encoding/binary does.
func TestLoad8(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := rapid.SliceOfN(rapid.Byte(), 8, 40).Draw(t, "b")
		i := rapid.IntRange(0, len(b)-8).Draw(t, "i")
		if got, want := Load8(string(b), i), binary.LittleEndian.Uint64(b[i:]); got != want {
			t.Fatalf("Load8(%x, %d) = %#x, want %#x", b, i, got, want)
		}
	})
}

// IsASCII finds a byte from 0x80 at any position of a string of any
// length.
func TestIsASCII(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := rapid.SliceOfN(rapid.ByteRange(0, 0x7f), 0, 40).Draw(t, "b")
		want := true
		if len(b) > 0 && rapid.Bool().Draw(t, "plant") {
			b[rapid.IntRange(0, len(b)-1).Draw(t, "at")] = rapid.ByteRange(utf8.RuneSelf, 0xff).Draw(t, "c")
			want = false
		}
		if got := IsASCII(string(b)); got != want {
			t.Fatalf("IsASCII(%q) = %v, want %v", b, got, want)
		}
	})
}
