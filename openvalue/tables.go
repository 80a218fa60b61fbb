package openvalue

import (
	"slices"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
)

// validPairs are the acquisition years and coverages Open Value sells
// (SKU-09): an item acquired in year y covers 1 year (spread) or the 4 − y
// years left (up front). A pair with no row is invalid.
var validPairs = []struct {
	acquired, coverage int
	rule               licensing.RuleID
}{
	{acquired: 1, coverage: 1, rule: "SKU-09"}, {acquired: 1, coverage: 3, rule: "SKU-09"},
	{acquired: 2, coverage: 1, rule: "SKU-09"}, {acquired: 2, coverage: 2, rule: "SKU-09"},
	{acquired: 3, coverage: 1, rule: "SKU-09"},
}

// readingRules are how Open Value reads its descriptions: OLV names Open
// Value (SKU-08), and an OVS token anywhere makes the item Open Value
// Subscription, though OLV is written on it too.
var readingRules = []sku.ProgramRule{
	{Program: licensing.OpenValue, Rule: "SKU-08"},
	{Program: licensing.OpenValueSubscription, Beats: []licensing.Program{licensing.OpenValue}, Rule: "X-19"},
}

// ReadingRules returns Open Value's reading rules for a sku.Reader built
// from another vocabulary. The caller owns the slice.
func ReadingRules() []sku.ProgramRule { return slices.Clone(readingRules) }

// guide is the source of the tables of this package.
var guide = licensing.Source{Guide: "Understanding Open Value item descriptions (E. Ligman); Open Value reseller ordering guide"}

// terms are the numbers of an Open Value agreement and its SA.
var terms = struct {
	// years: an agreement runs three agreement years; SKUs know Y1 to Y3
	// (OV-26, X-01).
	years int
	// enrollmentDay: an Open Value Subscription enrollment starts on this
	// day of a month: the agreement date when it is one, else that day of
	// the following month (OV-31).
	enrollmentDay int
}{
	years:         3,
	enrollmentDay: 1,
}

// paymentRows are how an Open Value line is paid (OV-38, OV-44, SKU-11,
// SKU-12, SKU-18): spread, one installment per remaining agreement year,
// each the same SKU billed again; up front, the remaining years at once;
// Microsoft Financing, up front. In year 3 only one year remains, so every
// choice is a single payment.
var paymentRows = []struct {
	payment Payment
	spread  bool
	rule    licensing.RuleID
}{
	{payment: Spread, spread: true, rule: "SKU-12"},
	{payment: UpFront, rule: "OV-38"},
	{payment: Financing, rule: "OV-44"},
}

// Source returns the guides the tables of this package come from (GEN-23).
func Source() licensing.Source { return guide }
