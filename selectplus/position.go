package selectplus

import (
	"errors"
	"time"

	"github.com/vlrules/vlrules/licensing"
)

// ErrInvalidPoolStatus is wrapped by every error that reports a malformed pool status.
var ErrInvalidPoolStatus = errors.New("invalid pool status")

// A PoolStatus is where a pool stands (SP-16, SP-25): never active (no
// order has opened it), active, or on hold. The zero PoolStatus is not
// valid; a ledger's pools start NeverActive.
type PoolStatus uint8

// The pool statuses.
const (
	NeverActive PoolStatus = iota + 1
	Active
	OnHold
)

// A PoolState is one pool's standing (SP-32): its status, its level (zero
// for a pool never active), the points bought this agreement year and the
// points carried in at the last anniversary.
type PoolState struct {
	Pool   licensing.Pool   `json:"pool"`
	Status PoolStatus       `json:"status"`
	Level  licensing.Level  `json:"level"`
	Earned licensing.Points `json:"earned"` // bought this agreement year (SP-56)
	Carry  licensing.Points `json:"carry"`  // carried in at the last anniversary (SP-22)
}

// Total returns the year's running total, carryover included: Earned + Carry.
func (s PoolState) Total() licensing.Points { return s.Earned.Add(s.Carry) }

// position is the ledger's changing state, one value: the pools (indexed
// by Pool − 1, SP-32), the agreement year and its next anniversary, the
// latest date time has reached, the association, and the affiliates'
// shares. Check and Outlook work on a copy of it, and a saved ledger is
// its agreement, rules, order IDs and this. The shares are written only
// when an order is committed; a share of an earlier agreement year counts
// as zero, so passing an anniversary on a copy changes nothing they hold.
type position struct {
	pools  [3]PoolState
	year   int            // the current agreement year, from 1
	next   licensing.Date // the next anniversary: Effective.Anniversary(year)
	last   licensing.Date // the latest date time has reached
	assoc  association
	shares []share // per affiliate, in registration order
}

// A share is an affiliate's points in each pool (SP-09): in agreement year
// year, and since the agreement began.
type share struct {
	year   int
	inYear [3]licensing.Points
	total  [3]licensing.Points
}

// yearPoints returns the share's points in pool index i in agreement year y.
func (s share) yearPoints(y, i int) licensing.Points {
	if s.year != y {
		return licensing.Points{}
	}
	return s.inYear[i]
}

// association is the agreement associated with this one, if any (SP-26,
// SP-27, SP-35).
type association struct {
	kind   AssociationKind
	level  licensing.Level
	active bool
}

// waives reports whether the association waives the annual minimums now
// (SP-27).
func (a association) waives() bool {
	if !a.active {
		return false
	}
	for _, row := range associationRows {
		if row.kind == a.kind {
			return row.waives
		}
	}
	return false
}

// affiliate is a registered affiliate: its ID, its anniversary month
// (SP-39, X-18) and its SA coverage per product (SP-45, SP-46), by the
// product's number in the ledger's covers.
type affiliate struct {
	id    string
	month time.Month
	cover []coverEntry
}
