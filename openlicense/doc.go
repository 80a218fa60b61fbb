// Package openlicense implements the rules of Microsoft Open License 6.0
// (Open Business and Open Volume) that the module needs so far: the
// authorization's last day ([AuthorizationEnd], OL-19) and the reading of
// Open License (OLP) price-list descriptions ([ParseDescription], [Parser]).
//
// # Rules
//
//   - An authorization runs two years from the initial order: its last day,
//     the last day to reorder, is the initial order + 2 years − 1 day (OL-19,
//     WS-09).
//   - An OLP description is read in every style; an OLP row with no
//     offering token is a License; the Open License 5.0 types VUP, PUP, UA
//     and CUP are refused (OL-12).
//
// Open License SA coverage (to the authorization end, OL-13) and its fixed
// two-year price (OL-14, OL-27) are in package sa. The initial-order
// minimum and Open Volume entry (OL-01 to OL-11) are not in this package
// yet.
//
// # Errors
//
// Refusals are *licensing.ParseError values positioned at the token at
// fault, wrapping licensing.ErrNotEligible (OL-12) or
// licensing.ErrOtherProgram.
//
// # Sources
//
// The Open License 6.0 overview.
package openlicense
