package licensing

import "errors"

// ErrInvalidSegment is wrapped by every error that reports a malformed customer segment.
var ErrInvalidSegment = errors.New("invalid customer segment")

// A Segment is the kind of customer organization (GEN-13). Open License
// serves all four; Select Plus has no charity segment. Eligibility for the
// academic and government segments is defined outside the guides and is an
// input (SP-31).
//
// The zero Segment is not valid; it prints as "Segment(0)" and marshals to
// the empty string.
type Segment uint8

// The customer segments.
const (
	Commercial Segment = iota + 1
	Academic
	Government
	Charity
)

// Segments returns every valid segment. The caller owns the slice.
func Segments() []Segment { return segmentEnum.values() }

// segmentSpellings: Open License says "corporate" where Select Plus says
// "commercial" (GEN-13); the rest are price-list tokens (SKU.md).
var segmentSpellings = []spelling[Segment]{
	{"corporate", Commercial, "GEN-13"},
	{"acdmc", Academic, "GEN-13"},
	{"edu", Academic, "GEN-13"},
	{"education", Academic, "GEN-13"},
	{"ae", Academic, "GEN-13"},
	{"gov", Government, "GEN-13"},
	{"govt", Government, "GEN-13"},
	{"chrty", Charity, "GEN-13"},
}

var segmentEnum = newEnum("Segment", ErrInvalidSegment,
	[]string{Commercial: "Commercial", Academic: "Academic", Government: "Government", Charity: "Charity"},
	[]string{Commercial: "Commercial", Academic: "Academic", Government: "Government", Charity: "Charity"},
	segmentSpellings)

// IsValid reports whether s is one of the named Segment values.
func (s Segment) IsValid() bool { return segmentEnum.valid(s) }

// String returns the canonical name of s, or "Segment(n)" for an invalid value.
func (s Segment) String() string { return segmentEnum.str(s) }

// GoString returns the Go name of s, such as it appears in rapid's logs.
func (s Segment) GoString() string { return segmentEnum.goString(s) }

// AppendText implements [encoding.TextAppender]. The zero Segment appends nothing;
// an invalid one is an error.
func (s Segment) AppendText(b []byte) ([]byte, error) { return segmentEnum.appendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Segment) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseSegment].
// Empty text sets the zero Segment.
func (s *Segment) UnmarshalText(text []byte) error { return segmentEnum.unmarshalText(s, text) }

// ParseSegment parses any spelling of a Segment listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidSegment].
func ParseSegment(s string) (Segment, error) { return segmentEnum.parse(s) }

// MustParseSegment is like [ParseSegment] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseSegment(s string) Segment { return must(ParseSegment(s)) }
