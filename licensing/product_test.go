package licensing_test

import (
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// isSpaced is the allocation-free form of s == spaced(s).
func TestIsSpacedMatchesSpaced(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringMatching(`[ \t\x{a0}a-c]{0,8}`).Draw(t, "s")
		if got, want := licensing.IsSpaced(s), s != "" && s == licensing.Spaced(s); got != want {
			t.Fatalf("IsSpaced(%q) = %v, want %v", s, got, want)
		}
	})
}
