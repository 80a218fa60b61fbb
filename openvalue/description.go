package openvalue

import (
	"strconv"

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
// sell together (SKU-09): the check of its reading rules.
func checkPair(d sku.Description) error {
	if d.AcquiredYear == 0 || d.CoverageYears == 0 || ValidPair(d.AcquiredYear, d.CoverageYears) {
		return nil
	}
	at, _ := d.OffsetOf(sku.FieldCoverage)
	// The detail licensing.Refuse would format, built without fmt: a
	// price list can hold many such rows.
	acq := strconv.Itoa(d.AcquiredYear)
	return &sku.ParseError{Input: d.Input, Offset: at, Err: &licensing.RuleError{Rule: "SKU-09", Err: sku.ErrInvalidCombination,
		Detail: strconv.Itoa(d.CoverageYears) + "YR with Acq Y" + acq + ": an item acquired in year " + acq + " covers 1 or " +
			strconv.Itoa(terms.years+1-d.AcquiredYear) + " years"}}
}
