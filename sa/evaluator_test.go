package sa_test

import (
	"errors"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// OL-21: no analysis without both numbers.
func TestEvaluatorNeedsNumbers(t *testing.T) {
	for _, nums := range [][2]string{{"", "A-1"}, {"L-1", " "}, {"", ""}} {
		_, err := sa.Evaluate(nums[0], nums[1], []sa.Held{{Product: "Office", Known: true}})
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "OL-21" {
			t.Errorf("Evaluate(%q, %q): err = %v, want OL-21", nums[0], nums[1], err)
		}
	}
}

// OL-22, OL-23: exactly one category per license, by the decision table;
// options for every category, a referral for the fourth.
func TestEvaluatorCategories(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := sa.Held{Product: "P", Known: rapid.Bool().Draw(t, "known"), Current: rapid.Bool().Draw(t, "current"), UpgradeAdvantage: rapid.Bool().Draw(t, "ua")}
		out, err := sa.Evaluate("L-1", "A-1", []sa.Held{h})
		if err != nil || len(out) != 1 {
			t.Fatalf("Evaluate = %v, %v", out, err)
		}
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
		if out[0].Category != want || len(out[0].Options) == 0 || out[0].Explanation.Rule != "OL-22" {
			t.Fatalf("%+v: %v, want %v", h, out[0], want)
		}
	})
	if n := len(sa.EvaluatorLanguages()); n != 8 {
		t.Errorf("%d Evaluator languages, want 8 (OL-24)", n)
	}
}
