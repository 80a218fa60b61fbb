package licensing

import "errors"

// ErrInvalidChannel is wrapped by every error that reports a malformed acquisition channel.
var ErrInvalidChannel = errors.New("invalid acquisition channel")

// A Channel is where a license was acquired (GEN-19): through a volume
// licensing program, in retail as a full packaged product (FPP), or from an
// original equipment manufacturer (OEM). The channel decides whether SA can
// be added later (SA-10).
//
// The zero Channel is not valid; it prints as "Channel(0)" and marshals to
// the empty string.
type Channel uint8

// The acquisition channels.
const (
	Volume Channel = iota + 1
	Retail         // full packaged product (FPP)
	OEM
)

// Channels returns every valid channel. The caller owns the slice.
func Channels() []Channel { return channelEnum.values() }

var channelSpellings = []spelling[Channel]{
	{"volume licensing", Volume, "GEN-19"},
	{"vl", Volume, "GEN-19"},
	{"fpp", Retail, "GEN-19"},
	{"retail fpp", Retail, "GEN-19"},
	{"full packaged product", Retail, "GEN-19"},
	{"original equipment manufacturer", OEM, "GEN-19"},
}

var channelEnum = newEnum("Channel", ErrInvalidChannel,
	[]string{Volume: "Volume", Retail: "Retail", OEM: "OEM"},
	[]string{Volume: "Volume", Retail: "Retail", OEM: "OEM"},
	channelSpellings)

// IsValid reports whether c is one of the named Channel values.
func (c Channel) IsValid() bool { return channelEnum.valid(c) }

// String returns the canonical name of c, or "Channel(n)" for an invalid value.
func (c Channel) String() string { return channelEnum.str(c) }

// GoString returns the Go name of c, such as it appears in rapid's logs.
func (c Channel) GoString() string { return channelEnum.goString(c) }

// AppendText implements [encoding.TextAppender]. The zero Channel appends nothing;
// an invalid one is an error.
func (c Channel) AppendText(b []byte) ([]byte, error) { return channelEnum.appendText(b, c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Channel) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseChannel].
// Empty text sets the zero Channel.
func (c *Channel) UnmarshalText(text []byte) error { return channelEnum.unmarshalText(c, text) }

// ParseChannel parses any spelling of a Channel listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidChannel].
func ParseChannel(s string) (Channel, error) { return channelEnum.parse(s) }

// MustParseChannel is like [ParseChannel] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseChannel(s string) Channel { return must(ParseChannel(s)) }
