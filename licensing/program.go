package licensing

import "errors"

// ErrInvalidProgram is wrapped by every error that reports a malformed program.
var ErrInvalidProgram = errors.New("invalid licensing program")

// A Program is a Microsoft volume-licensing program, or the MVL price-list
// family. Catalogs are keyed by program because the same product has
// different rows in different programs (GEN-04), and price-list descriptions
// name their program with a token (SKU-08, SKU.md).
//
// MVL (Microsoft Volume Licensing) is the price-list family of Select,
// Select Plus and the Enterprise Agreement; its token alone does not say
// which of them an item belongs to.
//
// The zero Program is not valid; it prints as "Program(0)" and marshals to
// the empty string.
type Program uint8

// The programs.
const (
	OpenLicense Program = iota + 1
	OpenValue
	OpenValueSubscription
	SelectPlus
	MVL
)

// Programs returns every valid program. The caller owns the slice.
func Programs() []Program { return programEnum.values() }

// programSpellings: the guides' names and the price-list tokens (SKU-08,
// SKU.md: OLP and OPEN for Open License, OLV for Open Value, OVS).
var programSpellings = []spelling[Program]{
	{"open license", OpenLicense, "OL-03"},
	{"olp", OpenLicense, "SKU-08"},
	{"open", OpenLicense, "SKU-08"},
	{"open business", OpenLicense, "OL-03"},
	{"open volume", OpenLicense, "OL-03"},
	{"open value", OpenValue, "OV-01"},
	{"olv", OpenValue, "SKU-08"},
	{"ov", OpenValue, "OV-01"},
	{"open value subscription", OpenValueSubscription, "OV-01"},
	{"ovs", OpenValueSubscription, "OV-01"},
	{"select plus", SelectPlus, "SP-02"},
	{"microsoft volume licensing", MVL, "SKU-08"},
}

var programEnum = newEnum("Program", ErrInvalidProgram,
	[]string{OpenLicense: "OpenLicense", OpenValue: "OpenValue", OpenValueSubscription: "OpenValueSubscription", SelectPlus: "SelectPlus", MVL: "MVL"},
	[]string{OpenLicense: "OpenLicense", OpenValue: "OpenValue", OpenValueSubscription: "OpenValueSubscription", SelectPlus: "SelectPlus", MVL: "MVL"},
	programSpellings)

// IsValid reports whether p is one of the named Program values.
func (p Program) IsValid() bool { return programEnum.valid(p) }

// String returns the canonical name of p, or "Program(n)" for an invalid value.
func (p Program) String() string { return programEnum.str(p) }

// GoString returns the Go name of p, such as it appears in rapid's logs.
func (p Program) GoString() string { return programEnum.goString(p) }

// AppendText implements [encoding.TextAppender]. The zero Program appends nothing;
// an invalid one is an error.
func (p Program) AppendText(b []byte) ([]byte, error) { return programEnum.appendText(b, p) }

// MarshalText implements [encoding.TextMarshaler].
func (p Program) MarshalText() ([]byte, error) { return p.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseProgram].
// Empty text sets the zero Program.
func (p *Program) UnmarshalText(text []byte) error { return programEnum.unmarshalText(p, text) }

// ParseProgram parses any spelling of a Program listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidProgram].
func ParseProgram(s string) (Program, error) { return programEnum.parse(s) }

// MustParseProgram is like [ParseProgram] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseProgram(s string) Program { return must(ParseProgram(s)) }
