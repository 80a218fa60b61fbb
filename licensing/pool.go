package licensing

import (
	"errors"

	"github.com/vlrules/vlrules/internal/enum"
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

var poolNames = [...]string{Applications: "Applications", Systems: "Systems", Servers: "Servers"}

// poolSpellings: Open License says "the server pool", Select Plus
// "servers"; both are Servers (GEN-01).
var poolSpellings = []enum.Spelling[Pool]{
	{Text: "application", Value: Applications, Rule: "GEN-01"},
	{Text: "applications pool", Value: Applications, Rule: "GEN-01"},
	{Text: "application pool", Value: Applications, Rule: "GEN-01"},
	{Text: "system", Value: Systems, Rule: "GEN-01"},
	{Text: "systems pool", Value: Systems, Rule: "GEN-01"},
	{Text: "system pool", Value: Systems, Rule: "GEN-01"},
	{Text: "server", Value: Servers, Rule: "GEN-01"},
	{Text: "server pool", Value: Servers, Rule: "GEN-01"},
	{Text: "servers pool", Value: Servers, Rule: "GEN-01"},
}
