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
// Price lists spell levels in other ways too ("No Level", "Level B"); package
// sku reads those.
type Level uint8

// The price levels, in order of increasing discount.
const (
	NoLevel Level = iota + 1 // NL
	LevelA
	LevelB
	LevelC
	LevelD
)
