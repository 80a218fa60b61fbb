package selectplus

import (
	"fmt"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// ErrRetired reports a new commercial Select Plus agreement outside the
// exempt regions (SP-01). It wraps licensing.ErrNotEligible.
var ErrRetired = fmt.Errorf("retired for new commercial agreements: %w", licensing.ErrNotEligible)

// ErrUnregistered reports an order by an affiliate that is not registered
// under the agreement (SP-12). It wraps licensing.ErrNotEligible.
var ErrUnregistered = fmt.Errorf("affiliate not registered: %w", licensing.ErrNotEligible)

// An Affiliate is a registered buying affiliate (SP-07, SP-08): its unique
// customer ID and its anniversary. Only the anniversary's month counts: SA
// is prorated to the third anniversary on the 1st of that month (SP-39,
//
type Affiliate struct {
	ID          string
	Anniversary licensing.Date
}

// An Agreement is what a Select Plus agreement is made of (SP-04 to SP-08):
// the customer segment and region, the agreement's effective date (its
// anniversaries are the effective date plus k years, GEN-15), the date the
// MBSA was signed (commercial agreements only, SP-05, SP-06), the lead
// affiliate and the other registered affiliates.
type Agreement struct {
	Segment    licensing.Segment
	Region     licensing.Region
	Effective  licensing.Date
	MBSA       licensing.Date // zero for academic and government (SP-06)
	Lead       Affiliate
	Affiliates []Affiliate // besides the lead
}

// all returns the lead followed by the other affiliates.
func (a Agreement) all() []Affiliate {
	return append([]Affiliate{a.Lead}, a.Affiliates...)
}

// check validates an agreement. New agreements also check the retirement
// (SP-01) and the MBSA prerequisite (SP-05, SP-06); loading an existing one
// checks only what keeps the ledger sound.
func (a Agreement) check(r Rules, isNew bool) error {
	_, ok := segmentFixed(a.Segment)
	switch {
	case !ok:
		return licensing.Refuse("GEN-13", licensing.ErrNotEligible, "Select Plus serves commercial, academic and government customers, not %v", a.Segment)
	case !a.Effective.IsValid():
		return fmt.Errorf("selectplus: agreement: %w: the effective date is required", licensing.ErrInvalidOrder)
	}
	if isNew && a.Segment == licensing.Commercial {
		exempt := false
		for _, reg := range r.ExemptRegions {
			exempt = exempt || reg == a.Region
		}
		if !exempt {
			return licensing.Refuse("SP-01", ErrRetired, "new commercial agreement in region %q", a.Region)
		}
		if !a.MBSA.IsValid() {
			return licensing.Refuse("SP-06", licensing.ErrNotEligible, "a commercial agreement cannot start without an MBSA")
		}
	}
	if a.Segment == licensing.Commercial && a.MBSA.IsValid() && a.MBSA.After(a.Effective) {
		return licensing.Refuse("SP-05", licensing.ErrNotEligible, "MBSA signed %v, after the effective date %v", a.MBSA, a.Effective)
	}
	seen := map[string]bool{}
	for i, af := range a.all() {
		id := strings.TrimSpace(af.ID)
		switch {
		case id == "":
			return fmt.Errorf("selectplus: affiliate %d: %w: a customer ID is required (SP-08)", i+1, licensing.ErrInvalidOrder)
		case seen[id]:
			return licensing.Refuse("SP-08", licensing.ErrNotEligible, "affiliate ID %q registered twice", id)
		case !af.Anniversary.IsValid():
			return fmt.Errorf("selectplus: affiliate %q: %w: an anniversary date is required (SP-39)", id, licensing.ErrInvalidOrder)
		}
		seen[id] = true
	}
	return nil
}

// segmentFixed reports whether a segment has one fixed level (SP-28), and
// whether Select Plus serves it at all.
func segmentFixed(s licensing.Segment) (fixed, ok bool) {
	for _, row := range segmentRows {
		if row.segment == s {
			return row.fixed, true
		}
	}
	return false, false
}

// segmentLevel returns the single level of a fixed segment (SP-29, SP-30),
// or the zero Level for a segment whose level moves.
func (r Rules) segmentLevel(s licensing.Segment) licensing.Level {
	for _, row := range segmentRows {
		if row.segment == s && row.level != nil {
			return row.level(&r)
		}
	}
	return 0
}
