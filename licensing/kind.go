package licensing

import "errors"

// ErrInvalidKind is wrapped by every error that reports a malformed product kind.
var ErrInvalidKind = errors.New("invalid product kind")

// A Kind says what sort of product a catalog row is. It matters where the
// rules name product classes: SA-only enrollment (SA-10) and the CALs that
// the Servers pool includes (GEN-03).
//
// The zero Kind is not valid; it prints as "Kind(0)" and marshals to the
// empty string.
type Kind uint8

// The product kinds.
const (
	Application Kind = iota + 1
	System
	Server
	CAL
	OnlineService
)

// Kinds returns every valid kind. The caller owns the slice.
func Kinds() []Kind { return kindEnum.values() }

var kindSpellings = []spelling[Kind]{
	{"applications", Application, "GEN-02"},
	{"app", Application, "GEN-02"},
	{"systems", System, "GEN-02"},
	{"operating system", System, "GEN-03"},
	{"servers", Server, "GEN-02"},
	{"cals", CAL, "GEN-03"},
	{"client access license", CAL, "GEN-03"},
	{"client access licenses", CAL, "GEN-03"},
	{"online services", OnlineService, "GEN-04"},
	{"online service", OnlineService, "GEN-04"},
	{"ols", OnlineService, "OV-39"},
}

var kindEnum = newEnum("Kind", ErrInvalidKind,
	[]string{Application: "Application", System: "System", Server: "Server", CAL: "CAL", OnlineService: "OnlineService"},
	[]string{Application: "Application", System: "System", Server: "Server", CAL: "CAL", OnlineService: "OnlineService"},
	kindSpellings)

// IsValid reports whether k is one of the named Kind values.
func (k Kind) IsValid() bool { return Application <= k && k <= OnlineService }

// String returns the canonical name of k, or "Kind(n)" for an invalid value.
func (k Kind) String() string { return kindEnum.str(k) }

// GoString returns the Go name of k, such as it appears in rapid's logs.
func (k Kind) GoString() string { return kindEnum.goString(k) }

// AppendText implements [encoding.TextAppender]. The zero Kind appends nothing;
// an invalid one is an error.
func (k Kind) AppendText(b []byte) ([]byte, error) { return kindEnum.appendText(b, k) }

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) { return k.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseKind].
// Empty text sets the zero Kind.
func (k *Kind) UnmarshalText(text []byte) error { return kindEnum.unmarshalText(k, text) }

// ParseKind parses any spelling of a Kind listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidKind].
func ParseKind(s string) (Kind, error) { return kindEnum.parse(s) }

// MustParseKind is like [ParseKind] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseKind(s string) Kind { return must(ParseKind(s)) }
