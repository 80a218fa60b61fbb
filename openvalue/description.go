package openvalue

import (
	"github.com/vlrules/vlrules/licensing"
)

// validPairs are the acquisition years and coverages Open Value sells
// (SKU-09): an item acquired in year y covers 1 year (spread) or the 4 − y
// years left (up front). First match wins; a pair with no row is invalid.
var validPairs = []struct {
	acquired, coverage int
	rule               licensing.RuleID
}{
	{1, 1, "SKU-09"}, {1, 3, "SKU-09"},
	{2, 1, "SKU-09"}, {2, 2, "SKU-09"},
	{3, 1, "SKU-09"},
}

// ValidPair reports whether Open Value sells coverage years of SA for an
// item acquired in agreement year acquired (SKU-09).
func ValidPair(acquired, coverage int) bool {
	for _, p := range validPairs {
		if p.acquired == acquired && p.coverage == coverage {
			return true
		}
	}
	return false
}

// Parser reads Open Value and Open Value Subscription item descriptions. It
// implements licensing.DescriptionParser; the zero Parser is ready to use.
type Parser struct{}

var _ licensing.DescriptionParser = Parser{}

// ParseDescription implements licensing.DescriptionParser; see
// ParseDescription.
func (Parser) ParseDescription(s string) (licensing.Description, error) { return ParseDescription(s) }

// ParseDescription reads an Open Value item description in any style (see
// licensing.DescriptionReader.Parse): "Office Professional Plus English
// Lic/SA Pack OLV NL 1YR Acq Y1 AddProd" or "WinSvrDCCore ALNG SA OLV 2Lic
// NL 2Y Aq Y2 AP CoreLic". A description of another program (OLP, MVL) is
// refused with ErrOtherProgram; one with no program token is read as is. An
// acquisition year and coverage Open Value does not sell together, such as
// 2YR with Acq Y1, is refused with ErrInvalidCombination (SKU-09); the
// refusals are *licensing.ParseError values positioned at the token at
// fault, returned with the description as read.
func ParseDescription(s string) (licensing.Description, error) {
	d, err := licensing.ParseProgramDescription(s, licensing.OpenValue, licensing.OpenValueSubscription)
	if err != nil {
		return d, err
	}
	if d.AcquiredYear != 0 && d.CoverageYears != 0 && !ValidPair(d.AcquiredYear, d.CoverageYears) {
		at, _ := d.OffsetOf(licensing.FieldCoverage)
		return d, &licensing.ParseError{Input: s, Offset: at,
			Err: licensing.Refuse("SKU-09", licensing.ErrInvalidCombination,
				"%dYR with Acq Y%d: an item acquired in year %d covers 1 or %d years", d.CoverageYears, d.AcquiredYear, d.AcquiredYear, 4-d.AcquiredYear)}
	}
	return d, nil
}
