package openlicense

import "errors"

// ErrInvalidSolution is wrapped by every error that reports a malformed solution.
var ErrInvalidSolution = errors.New("invalid Open License solution")

// A Solution is one of Open License's two licensing solutions (OL-03):
// Open Business, for an initial purchase of five licenses, and Open Volume,
// for pools that reach its entry points. Each pool of an authorization is
// priced at the solution it qualified for at the initial order, for the
// whole term (OL-07, LIB-07). The zero Solution is not valid.
type Solution uint8

// The solutions.
const (
	OpenBusiness Solution = iota + 1
	OpenVolume
)

// ErrInvalidEMEAReading is wrapped by every error that reports a malformed reading of OL-10.
var ErrInvalidEMEAReading = errors.New("invalid reading of the EMEA entry rule")

// An EMEAReading is a reading of OL-10, the EMEA entry rule "the upfront
// order requirement is both 150 point and 500 points per pool". The zero
// EMEAReading is not valid.
type EMEAReading uint8

// The readings of OL-10.
const (
	// PoolAndOrder: a pool qualifies with 150 points when the whole order
	// has 500 (reading (a), recommended with low confidence).
	PoolAndOrder EMEAReading = iota + 1
	// OnePoolAndOthers: 500 points in one pool and 150 in every other pool
	// ordered (reading (b)).
	OnePoolAndOthers
	// EachPool: 150 points in each of the three pools and 500 in total
	// (reading (c)).
	EachPool
	// TwoTiers: 150 and 500 are two entry tiers; a pool qualifies at the
	// lower one (reading (d)).
	TwoTiers
)

// ErrInvalidTransactionKind is wrapped by every error that reports a malformed transaction kind.
var ErrInvalidTransactionKind = errors.New("invalid transaction kind")

// A TransactionKind is what an entry of an authorization's transaction
// history records (OL-20): the initial acquisition, a reorder or a return.
// The zero TransactionKind is not valid.
type TransactionKind uint8

// The transaction kinds.
const (
	Acquisition TransactionKind = iota + 1
	Reorder
	Return
)
