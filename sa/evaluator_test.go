package sa_test

import (
	"testing"

	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// OL-22, SA-15: exactly one category per license, by the decision table:
// an unknown product is not analyzed whatever else is true.
func TestCategorize(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := sa.Held{Product: "P", Known: rapid.Bool().Draw(t, "known"), Current: rapid.Bool().Draw(t, "current"), UpgradeAdvantage: rapid.Bool().Draw(t, "ua")}
		a := sa.Categorize(h)
		var want sa.Category
		switch {
		case !h.Known:
			want = sa.NotAnalyzed
		case !h.Current:
			want = sa.NotCurrent
		case !h.UpgradeAdvantage:
			want = sa.CurrentWithoutUA
		default:
			want = sa.CurrentWithUA
		}
		if a.Category != want || a.Held != h || a.Why().Rule != "OL-22" || !a.Category.IsValid() {
			t.Fatalf("%+v: %v (%v), want %v", h, a.Category, a.Why(), want)
		}
	})
	a := sa.Categorize(sa.Held{Product: "Office 2003", Known: true})
	if got := a.Why().String(); got != "OL-22: Office 2003: NotCurrent (known=true, current=false, upgradeAdvantage=false)" {
		t.Errorf("Why() = %s", got)
	}
	if n := len(sa.Categories()); n != 4 {
		t.Errorf("%d categories, want 4", n)
	}
}
