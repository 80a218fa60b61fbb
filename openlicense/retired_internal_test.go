package openlicense

import (
	"strings"
	"testing"
	"unicode"

	"github.com/vlrules/vlrules/licensing/sku"
	"pgregory.net/rapid"
)

// checkRetired finds the 5.0 type a word-by-word scan with
// unicode.IsSpace finds, at the same offset, whatever the input: ASCII or
// not, with Unicode spaces, commas, and the types in any case.
func TestCheckRetiredAsIsSpace(t *testing.T) {
	parts := []string{" ", ",", "\t", "\v", "\u0085", "\u00a0", "\u2003", "\u3000", "é", "\xff", "VUP", "vup", "Pup", "UA", "ua",
		"CUP", "UAX", "VUPS", "XVUP", "OLP", "Office", "Pro", "2019"}
	rapid.Check(t, func(t *rapid.T) {
		s := strings.Join(rapid.SliceOfN(rapid.SampledFrom(parts), 0, 12).Draw(t, "parts"), "")
		var want error
		isSep := func(r rune) bool { return unicode.IsSpace(r) || r == ',' }
		for at := 0; at < len(s); {
			i := strings.IndexFunc(s[at:], func(r rune) bool { return !isSep(r) })
			if i < 0 {
				break
			}
			at += i
			w := s[at:]
			if j := strings.IndexFunc(w, isSep); j >= 0 {
				w = w[:j]
			}
			if err := retired(w, false); err != nil {
				want = &sku.ParseError{Input: s, Offset: at, Err: err}
				break
			}
			at += len(w)
		}
		got := checkRetired(sku.Description{Input: s})
		if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
			t.Fatalf("checkRetired(%q) = %v, want %v", s, got, want)
		}
	})
}

// retiredToken agrees with retired on every ASCII word of one to three
// bytes.
func TestRetiredTokenAsRetired(t *testing.T) {
	var b [3]byte
	for n := 1; n <= 3; n++ {
		for i := 0; i < 1<<(7*n); i++ {
			for k := 0; k < n; k++ {
				b[k] = byte(i >> (7 * k) & 0x7f)
			}
			w := string(b[:n])
			if got, want := retiredToken(w), retired(w, false) != nil; got != want {
				t.Fatalf("retiredToken(%q) = %v, want %v", w, got, want)
			}
		}
	}
}
