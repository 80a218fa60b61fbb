package selectplus

import (
	"fmt"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// PoolResult.Result writes each transition's sentence as the guide's
// reading says it (the model below is the fmt.Sprintf it replaced), and
// Rule and Result are what Why returns.
func TestPoolResultResult(t *testing.T) {
	model := func(k Transition, after PoolState, hold licensing.Points) string {
		switch k {
		case 0:
			return ""
		case Initial:
			return fmt.Sprintf("first order opens the pool at %v", after.Level)
		case Upgrade:
			return fmt.Sprintf("running total %s reaches %v: the whole order is priced at %v", after.Total().Display(), after.Level, after.Level)
		case Reactivation:
			return fmt.Sprintf("reactivated from hold at %v", after.Level)
		case HoldPurchase:
			return fmt.Sprintf("accepted on hold: %s of the %s points that reactivate the pool", after.Earned.Display(), hold.Display())
		}
		return fmt.Sprintf("priced at %v", after.Level)
	}
	pts := rapid.Custom(func(t *rapid.T) licensing.Points {
		return licensing.WholePoints(rapid.Int64Range(0, 1e6).Draw(t, "whole")).Add(licensing.MustParsePoints("0.5").Mul(rapid.Int64Range(0, 1).Draw(t, "half")))
	})
	rapid.Check(t, func(t *rapid.T) {
		r := PoolResult{
			Pool:       licensing.Pool(rapid.IntRange(1, 3).Draw(t, "pool")),
			Transition: Transition(rapid.IntRange(0, int(Renewed)).Draw(t, "transition")),
			After: PoolState{Level: licensing.Level(rapid.IntRange(0, 4).Draw(t, "level")), Earned: pts.Draw(t, "earned"),
				Carry: pts.Draw(t, "carry")},
			rule: licensing.RuleID(rapid.SampledFrom([]string{"SP-16", "SP-17", "SP-19", "SP-25"}).Draw(t, "rule")), holdMinimum: pts.Draw(t, "hold"),
		}
		if got, want := r.Result(), model(r.Transition, r.After, r.holdMinimum); got != want {
			t.Fatalf("Result() = %q, want %q", got, want)
		}
		why := r.Why()
		if r.Rule() != why.Rule || r.Result() != why.Result {
			t.Fatalf("Rule, Result = %q, %q; Why has %q, %q", r.Rule(), r.Result(), why.Rule, why.Result)
		}
	})
}
