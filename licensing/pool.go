package licensing

import (
	"errors"
)

// ErrInvalidPool is wrapped by every error that reports a malformed product pool.
var ErrInvalidPool = errors.New("invalid product pool")

// A Pool is one of the three product pools that points are counted in
// (GEN-01). Points in one pool never count toward another (GEN-05).
//
// The zero Pool is not a valid pool: it means "no pool stated", which is
// how the default catalog marks a product whose pool the guides do not give
// (GEN-04). It prints as "Pool(0)" and marshals to the empty string.
type Pool uint8

// The product pools, in the order the guides list them.
const (
	Applications Pool = iota + 1
	Systems
	Servers
)
