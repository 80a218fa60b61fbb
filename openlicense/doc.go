// Package openlicense implements the rules of Microsoft Open License 6.0
// (Open Business and Open Volume) that the module needs so far: the
// authorization's term, Open License SA, the SA Evaluator and the reading of
// Open License (OLP) price-list descriptions.
//
// # Rules
//
//   - An authorization runs two years from the initial order: its last day,
//     the last day to reorder, is the initial order + 2 years − 1 day
//     ([AuthorizationEnd]; OL-19, WS-09).
//   - SA runs two years or to the authorization's end, whichever is first
//     ([Coverage], OL-13), and is always sold at its two-year price, paid up
//     front ([QuoteSA]; OL-04, OL-14, OL-27); [ValueRatio] is the share of
//     the two-year term the coverage gives (OL-15). SA alone may be added
//     within 90 days to a system or server bought retail or OEM, never to
//     an application ([CanEnroll], OL-16).
//   - The SA Evaluator puts each license in one of four categories and
//     lists the ways to cover it ([Evaluate]; OL-21 to OL-24).
//   - An OLP description is read in every style; an OLP row with no
//     offering token is a License; the Open License 5.0 types VUP, PUP, UA
//     and CUP are refused ([ParseDescription], OL-12).
//
// The initial-order minimum and Open Volume entry (OL-01 to OL-11) are not
// in this package yet.
//
// # Tables
//
// tables.go holds the authorization and SA terms (two years, the two-year
// price, the enrollment window), the retired 5.0 types, the Evaluator's
// options and languages, and the description reading rules
// ([ReadingRules]), each row citing its rule.
//
// # Errors
//
// Refusals are *licensing.RuleError values naming the rule — an order
// outside the authorization (OL-19, licensing.ErrOutsideTerm), a late or
// refused enrollment (OL-16, licensing.ErrNotEligible) — or *sku.ParseError
// values positioned at the token at fault (OL-12, sku.ErrOtherProgram).
//
// # Sources
//
// The Open License 6.0 overview.
package openlicense
