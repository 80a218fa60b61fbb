package sku

import (
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// The eight-byte helpers agree with the byte-at-a-time ones for every byte
// in every position, whatever its neighbours.
func TestEightBytes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := rapid.SliceOfN(rapid.Byte(), 8, 8).Draw(t, "bytes")
		if c := rapid.Byte().Draw(t, "c"); rapid.Bool().Draw(t, "plant") {
			b[rapid.IntRange(0, 7).Draw(t, "at")] = c
		}
		x := load8(string(b), 0)
		seps, lower := gather8(separators8(x)), lower8(x)
		for k, c := range b {
			if got, want := seps>>k&1 == 1, byteClass[c] == 1; got != want {
				t.Fatalf("byte %d of %x (%#x): separator %v, want %v", k, b, c, got, want)
			}
			if got := byte(lower >> (8 * k)); got != lc(c) {
				t.Fatalf("byte %d of %x (%#x): lower %#x, want %#x", k, b, c, got, lc(c))
			}
		}
	})
}

// The scanner finds the tokens the byte-at-a-time scanner finds, with the
// same entries, in descriptions of every length and any bytes.
func TestScanAsLong(t *testing.T) {
	parts := []string{" ", "  ", ",", "\t", "\u00a0", "\xc2", "\xa0", "\xc2\xc2\xa0", "\x01", "\x7f", "é", "OLV", "lic/sa", "Pack",
		"MonthlySubscriptions-VolumeLicense", "monthlysubscriptions-volumelicensE", "MonthlySubscriptions-VolumeLicensf", "(Perpetual",
		"License)", "Microsoft®", "AcqY1", "2019", "Promo", "SQLSvrStdCore", "12345678", "123456789", "1234567890123456", "12345678901234567"}
	rapid.Check(t, func(t *rapid.T) {
		s := strings.Join(rapid.SliceOfN(rapid.OneOf(rapid.SampledFrom(parts), rapid.StringN(0, 4, 8)), 0, 80).Draw(t, "parts"), "")
		got, ascii, gotYields := defaultReader.tokenize(s, nil)
		want, wantYields := defaultReader.tokenizeLong(s, nil)
		if gotYields != wantYields {
			t.Fatalf("%q: yields %v, want %v", s, gotYields, wantYields)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", s, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: token %d is %+v, want %+v", s, i, got[i], want[i])
			}
			w := s[got[i].start:got[i].end]
			_, first := defaultReader.words[strings.ToLower(w)]
			if (got[i].entry != 0) != (first || isPhraseWord(strings.ToLower(w))) && !nonASCIIFold(w) {
				t.Fatalf("%q: token %q has entry %d", s, w, got[i].entry)
			}
		}
		if wantASCII := strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0 && !strings.ContainsRune(s, 0xfffd); len(s) <= maxMaskBytes && ascii != wantASCII {
			t.Fatalf("%q: ascii %v", s, ascii)
		}
	})
}

// isPhraseWord reports whether w follows the first word of a spelling.
func isPhraseWord(w string) bool {
	for _, e := range defaultReader.words {
		for _, p := range e.phrases {
			for _, r := range p.rest {
				if r == w {
					return true
				}
			}
		}
	}
	return false
}

// nonASCIIFold reports whether strings.ToLower changes w's non-ASCII
// characters, which the reader does not fold.
func nonASCIIFold(w string) bool {
	for _, r := range w {
		if r >= 0x80 && strings.ToLower(string(r)) != string(r) {
			return true
		}
	}
	return false
}
