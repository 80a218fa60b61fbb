package openlicense_test

import (
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openlicense"
	"pgregory.net/rapid"
)

// WS-09, OL-19: an initial order on 2005-03-15 expires on 2007-03-14.
func TestAuthorizationEnd(t *testing.T) {
	if got := openlicense.AuthorizationEnd(licensing.MustParseDate("2005-03-15")); got != licensing.MustParseDate("2007-03-14") {
		t.Fatalf("AuthorizationEnd(2005-03-15) = %v, want 2007-03-14", got)
	}
	rapid.Check(t, func(t *rapid.T) {
		d := licensing.MustParseDate("2000-01-01").AddDays(rapid.IntRange(0, 20000).Draw(t, "days"))
		end := openlicense.AuthorizationEnd(d)
		// A two-year period includes its first day: the day after the end is
		// the second anniversary.
		if end.AddDays(1) != d.Anniversary(2) {
			t.Fatalf("AuthorizationEnd(%v) = %v", d, end)
		}
	})
}
