package openvalue

import (
	"fmt"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
)

// reader reads descriptions with Open Value's reading rules, and runs
// their check.
var reader = enum.Must(sku.Combine(sku.DefaultTokens(), readingRules))

// ValidPair reports whether Open Value sells coverage years of SA for an
// item acquired in agreement year acquired (SKU-09).
func ValidPair(acquired, coverage int) bool {
	_, ok := ModeOf(acquired, coverage)
	return ok
}

// ParseDescription reads an Open Value item description in any style (see
// sku.Reader.Parse): "Office Professional Plus English Lic/SA Pack OLV NL
// 1YR Acq Y1 AddProd" or "WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP
// CoreLic". An OVS token anywhere makes the item Open Value Subscription. A
// description of another program (OLP, MVL) is refused with
// sku.ErrOtherProgram; one with no program token is read as is. An
// acquisition year and coverage Open Value does not sell together, such as
// 2YR with Acq Y1, is refused with sku.ErrInvalidCombination (SKU-09); the
// refusals are *sku.ParseError values positioned at the token at fault,
// returned with the description as read.
func ParseDescription(s string) (sku.Description, error) { return reader.Parse(s) }

// checkPair refuses an acquisition year and coverage Open Value does not
// sell together (SKU-09): the check of its reading rules. A price list can
// hold many such rows: the refusal is one allocation, its detail (the one
// licensing.Refuse would format) written once per pair.
func checkPair(d sku.Description) error {
	if d.AcquiredYear == 0 || d.CoverageYears == 0 || ValidPair(d.AcquiredYear, d.CoverageYears) {
		return nil
	}
	e := new(pairError)
	e.rule = licensing.RuleError{Rule: "SKU-09", Err: sku.ErrInvalidCombination, Detail: pairDetail(d.AcquiredYear, d.CoverageYears)}
	e.parse = sku.ParseError{Input: d.Input, Err: &e.rule}
	e.parse.Offset, _ = d.OffsetOf(sku.FieldCoverage)
	return &e.parse
}

// A pairError holds a SKU-09 refusal: the *sku.ParseError returned, and
// the *licensing.RuleError it wraps.
type pairError struct {
	parse sku.ParseError
	rule  licensing.RuleError
}

// pairDetails are the details of the SKU-09 refusals of the years the
// vocabulary spells, by acquisition year and coverage.
var pairDetails = func() (t [4][4]string) {
	for a := 1; a < len(t); a++ {
		for c := 1; c < len(t[a]); c++ {
			t[a][c] = formatPairDetail(a, c)
		}
	}
	return t
}()

// pairDetail returns the detail of the SKU-09 refusal of coverage years
// acquired in year acquired.
func pairDetail(acquired, coverage int) string {
	if 0 < acquired && acquired < len(pairDetails) && 0 < coverage && coverage < len(pairDetails[0]) {
		return pairDetails[acquired][coverage]
	}
	return formatPairDetail(acquired, coverage)
}

// formatPairDetail says which coverages an item acquired in a year may
// have (SKU-09): one year, or the years left in the term when more than one
// is.
func formatPairDetail(acquired, coverage int) string {
	if left := terms.years + 1 - acquired; left > 1 {
		return fmt.Sprintf("%dYR with Acq Y%d: an item acquired in year %d covers 1 or %d years", coverage, acquired, acquired, left)
	}
	return fmt.Sprintf("%dYR with Acq Y%d: an item acquired in year %d covers 1 year", coverage, acquired, acquired)
}
