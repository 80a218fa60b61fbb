package licensing

import (
	"errors"
)

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
