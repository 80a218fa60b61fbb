package selectplus

import (
	"github.com/vlrules/vlrules/licensing"
)

// A Kind is what a transition of the ledger did.
type Kind uint8

// The transitions.
const (
	Initial      Kind = iota + 1 // a pool's first order opened it (SP-16)
	Purchase                     // an order at the pool's current level (SP-17)
	Upgrade                      // an order lifted the level (SP-18, SP-19)
	Reactivation                 // an order brought a pool back from hold (SP-25)
	HoldPurchase                 // an order accepted while the pool stays on hold (SP-25, Cumulative)
	Keep                         // anniversary: the threshold was met, nothing carried (SP-21, SP-22)
	Carry                        // anniversary: kept, the excess carried (SP-22)
	Drop                         // anniversary: one level down, nothing carried (SP-23)
	Hold                         // anniversary: the pool went (or stayed) on hold (SP-25)
	Waived                       // anniversary: minimums waived by an active EA or CASA (SP-27)
	Associated                   // an associated agreement's level applied (SP-26)
	Expired                      // an associated EA or CASA expired (SP-35)
	Qualified                    // an initial level set from another agreement (SP-36, SP-38)
	Refused                      // an order was refused and changed nothing
	Registration                 // an affiliate was registered (SP-07)
)

var kindNames = [...]string{
	Initial: "initial", Purchase: "purchase", Upgrade: "upgrade", Reactivation: "reactivation",
	HoldPurchase: "hold-purchase", Keep: "keep", Carry: "carry", Drop: "drop", Hold: "hold",
	Waived: "waived", Associated: "associated", Expired: "expired", Qualified: "qualified",
	Refused: "refused", Registration: "registration",
}

// String returns the transition's name, such as "upgrade" or "carry".
func (k Kind) String() string {
	if k >= Initial && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// A Transition is one line of the audit trail: what happened on a date to
// a pool (or to the agreement), the state before and after, the order and
// affiliate that caused it, the points involved, and the explanation with
// its rule.
type Transition struct {
	Date        licensing.Date
	Kind        Kind
	Pool        licensing.Pool // zero for agreement-wide events
	Order       string
	Affiliate   string
	Points      licensing.Points // the order's points in the pool, or the total reviewed
	Before      PoolState
	After       PoolState
	Explanation licensing.Explanation
}

// String returns "2019-07-01 Applications carry: SP-22: …".
func (t Transition) String() string {
	s := t.Date.String()
	if t.Pool != 0 {
		s += " " + t.Pool.String()
	}
	return s + " " + t.Kind.String() + ": " + t.Explanation.String()
}
