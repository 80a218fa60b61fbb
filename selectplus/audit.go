package selectplus

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/vlrules/vlrules/licensing"
)

// ErrInvalidTransition is wrapped by every error that reports a malformed transition.
var ErrInvalidTransition = errors.New("invalid transition")

// A Transition is what an event of the ledger did to a pool (or to the
// agreement). The zero Transition is not valid.
type Transition uint8

// The transitions.
const (
	Initial       Transition = iota + 1 // a pool's first order opened it (SP-16)
	Purchase                            // an order at the pool's current level (SP-17)
	Upgrade                             // an order lifted the level (SP-18, SP-19)
	Reactivation                        // an order brought a pool back from hold (SP-25)
	HoldPurchase                        // an order accepted while the pool stays on hold (SP-25, Cumulative)
	Keep                                // anniversary: the threshold was met, nothing carried (SP-21, SP-22)
	Carry                               // anniversary: kept, the excess carried (SP-22)
	Drop                                // anniversary: one level down, nothing carried (SP-23)
	Hold                                // anniversary: the pool went (or stayed) on hold (SP-25)
	Waived                              // anniversary: minimums waived by an active EA or CASA (SP-27)
	Associated                          // an associated agreement's level applied (SP-26)
	Expired                             // an associated EA or CASA expired (SP-35)
	Qualification                       // an initial level set from another agreement (SP-36, SP-38)
	Refused                             // an order was refused and changed nothing
	Registration                        // an affiliate was registered (SP-07)
	Opened                              // the ledger opened from a pool's position on a date (LIB-10)
	Renewed                             // SA coverage renewed to a common end (SP-44)
)

// An Event is one line of the audit trail: what happened on a date to a
// pool (or to the agreement), the state before and after, the order and
// affiliate that caused it, the points involved, and why.
type Event struct {
	Date       licensing.Date   `json:"date"`
	Transition Transition       `json:"transition"`
	Pool       licensing.Pool   `json:"pool"` // zero for agreement-wide events
	Order      string           `json:"order"`
	Affiliate  string           `json:"affiliate"`
	Points     licensing.Points `json:"points"` // the order's points in the pool, or the total reviewed
	Before     PoolState        `json:"before"`
	After      PoolState        `json:"after"`

	// The explanation, or what builds it when read: an order's or a
	// review's rule and figures.
	why       licensing.Explanation
	lazy      eventSource
	rule      licensing.RuleID
	hold      licensing.Points // an order's: what reactivates a pool on hold (SP-25)
	threshold threshold        // a review's: what the total was measured against
}

// An eventSource says what builds an event's explanation when it is read.
type eventSource uint8

const (
	eager      eventSource = iota // the explanation is stored
	fromOrder                     // an order's effect on a pool: PoolResult.Why
	fromReview                    // an anniversary review: Review.Why
)

// MarshalJSON writes the event with its explanation, as JSONLines and a
// saved audit trail do.
func (e Event) MarshalJSON() ([]byte, error) {
	return json.Marshal(eventJSON{e.Date, e.Transition, e.Pool, e.Order, e.Affiliate, e.Points, e.Before, e.After, e.Why()})
}

// Why returns the event's explanation with its rule, built when called.
func (e Event) Why() licensing.Explanation {
	switch e.lazy {
	case fromOrder:
		return PoolResult{Pool: e.Pool, Points: e.Points, Before: e.Before, After: e.After, Transition: e.Transition,
			rule: e.rule, order: e.Order, affiliate: e.Affiliate, holdMinimum: e.hold}.Why()
	case fromReview:
		return Review{Date: e.Date, Pool: e.Pool, Total: e.Points, Before: e.Before, After: e.After, Transition: e.Transition,
			rule: e.rule, threshold: e.threshold}.Why()
	}
	return e.why
}

// String returns "2019-07-01 Applications carry: SP-22: …".
func (e Event) String() string {
	s := e.Date.String()
	if e.Pool != 0 {
		s += " " + e.Pool.String()
	}
	return s + " " + e.Transition.String() + ": " + e.Why().String()
}

// JSONLines returns a Sink that writes each event to w as one JSON object
// a line, its explanation included, and a function that returns the first
// error writing met (the events after it are dropped).
func JSONLines(w io.Writer) (Sink, func() error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var first error
	sink := func(e Event) {
		if first == nil {
			first = enc.Encode(e)
		}
	}
	return sink, func() error { return first }
}
