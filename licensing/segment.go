package licensing

import (
	"errors"
)

// ErrInvalidSegment is wrapped by every error that reports a malformed customer segment.
var ErrInvalidSegment = errors.New("invalid customer segment")

// A Segment is the kind of customer organization (GEN-13). Open License
// serves all four; Select Plus has no charity segment. Eligibility for the
// academic and government segments is defined outside the guides and is an
// input (SP-31). Price lists abbreviate segments ("Acdmc", "GOV"); package
// sku reads those.
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
