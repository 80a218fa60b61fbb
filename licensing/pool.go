package licensing

import "errors"

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

// Pools returns every valid pool in the guides' order. The caller owns the slice.
func Pools() []Pool { return poolEnum.values() }

// poolSpellings are the spellings ParsePool accepts besides the canonical
// names. Open License says "the server pool", Select Plus "servers"; both
// are Servers (GEN-01).
var poolSpellings = []spelling[Pool]{
	{"application", Applications, "GEN-01"},
	{"applications pool", Applications, "GEN-01"},
	{"application pool", Applications, "GEN-01"},
	{"system", Systems, "GEN-01"},
	{"systems pool", Systems, "GEN-01"},
	{"system pool", Systems, "GEN-01"},
	{"server", Servers, "GEN-01"},
	{"server pool", Servers, "GEN-01"},
	{"servers pool", Servers, "GEN-01"},
}

var poolEnum = newEnum("Pool", ErrInvalidPool,
	[]string{Applications: "Applications", Systems: "Systems", Servers: "Servers"},
	[]string{Applications: "Applications", Systems: "Systems", Servers: "Servers"},
	poolSpellings)

// IsValid reports whether p is one of the named Pool values.
func (p Pool) IsValid() bool { return Applications <= p && p <= Servers }

// String returns the canonical name of p, or "Pool(n)" for an invalid value.
func (p Pool) String() string { return poolEnum.str(p) }

// GoString returns the Go name of p, such as it appears in rapid's logs.
func (p Pool) GoString() string { return poolEnum.goString(p) }

// AppendText implements [encoding.TextAppender]. The zero Pool appends nothing;
// an invalid one is an error.
func (p Pool) AppendText(b []byte) ([]byte, error) { return poolEnum.appendText(b, p) }

// MarshalText implements [encoding.TextMarshaler].
func (p Pool) MarshalText() ([]byte, error) { return p.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParsePool].
// Empty text sets the zero Pool.
func (p *Pool) UnmarshalText(text []byte) error { return poolEnum.unmarshalText(p, text) }

// ParsePool parses any spelling of a Pool listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidPool].
func ParsePool(s string) (Pool, error) { return poolEnum.parse(s) }

// MustParsePool is like [ParsePool] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParsePool(s string) Pool { return must(ParsePool(s)) }
