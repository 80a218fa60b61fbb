package licensing

// The spelling tables, for the tests.
var (
	PoolSpellings     = poolSpellings
	OfferingSpellings = offeringSpellings
	KindSpellings     = kindSpellings
	SegmentSpellings  = segmentSpellings
	ChannelSpellings  = channelSpellings
	ProgramSpellings  = programSpellings
)

// IsSpaced exposes isSpaced to the tests.
var IsSpaced = isSpaced

// Spaced exposes spaced to the tests.
var Spaced = spaced
