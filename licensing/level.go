package licensing

import "errors"

// ErrInvalidLevel is wrapped by every error that reports a malformed price level.
var ErrInvalidLevel = errors.New("invalid price level")

// A Level is a price level: NL ("No Level", the only level of Open Value and
// Open Business, GEN-09) or one of the letters A to D (Select Plus, GEN-08).
//
// Levels are ordered by discount: NoLevel < LevelA < LevelB < LevelC < LevelD,
// so a greater Level is a cheaper price. The guides call a move towards D
// "moving to a lower price level"; this library avoids "lower" and "higher"
// and says upgrade (towards D) and drop (towards A) instead (GEN-08).
//
// The zero Level is not a valid level: it means "no level assigned", as for
// a Select Plus pool that has never been active. It prints as "Level(0)" and
// marshals to the empty string, so an unset field survives a text round trip.
type Level uint8

// The price levels, in order of increasing discount.
const (
	NoLevel Level = iota + 1 // NL
	LevelA
	LevelB
	LevelC
	LevelD
)

// Levels returns every valid level in increasing order. The caller owns the slice.
func Levels() []Level { return levelEnum.values() }

// levelSpellings are the spellings ParseLevel accepts besides "NL" and the
// letters (SKU.md: "No Level", "NoLevel", "Level A").
var levelSpellings = []spelling[Level]{
	{"no level", NoLevel, "GEN-09"},
	{"nolevel", NoLevel, "GEN-09"},
	{"level a", LevelA, "GEN-08"},
	{"level b", LevelB, "GEN-08"},
	{"level c", LevelC, "GEN-08"},
	{"level d", LevelD, "GEN-08"},
}

var levelEnum = newEnum("Level", ErrInvalidLevel,
	[]string{NoLevel: "NL", LevelA: "A", LevelB: "B", LevelC: "C", LevelD: "D"},
	[]string{NoLevel: "NoLevel", LevelA: "LevelA", LevelB: "LevelB", LevelC: "LevelC", LevelD: "LevelD"},
	levelSpellings)

// IsValid reports whether l is one of the named Level values.
func (l Level) IsValid() bool { return levelEnum.valid(l) }

// String returns the canonical name of l, or "Level(n)" for an invalid value.
func (l Level) String() string { return levelEnum.str(l) }

// GoString returns the Go name of l, such as it appears in rapid's logs.
func (l Level) GoString() string { return levelEnum.goString(l) }

// AppendText implements [encoding.TextAppender]. The zero Level appends nothing;
// an invalid one is an error.
func (l Level) AppendText(b []byte) ([]byte, error) { return levelEnum.appendText(b, l) }

// MarshalText implements [encoding.TextMarshaler].
func (l Level) MarshalText() ([]byte, error) { return l.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseLevel].
// Empty text sets the zero Level.
func (l *Level) UnmarshalText(text []byte) error { return levelEnum.unmarshalText(l, text) }

// ParseLevel parses any spelling of a Level listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidLevel].
func ParseLevel(s string) (Level, error) { return levelEnum.parse(s) }

// MustParseLevel is like [ParseLevel] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseLevel(s string) Level { return must(ParseLevel(s)) }
