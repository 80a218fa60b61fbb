// Package openvalue implements the rules of Microsoft Open Value and Open
// Value Subscription that concern price-list items: it reads their
// descriptions, such as "Office Professional Plus English Lic/SA Pack OLV
// NL 1YR Acq Y1 AddProd" or "WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP
// CoreLic", and checks what only Open Value sells.
//
// # Rules
//
//   - [ParseDescription] and [Parser] read an Open Value or Open Value
//     Subscription description in every style real price lists use (SKU-02
//     to SKU-08, X-19), through the shared reader of package licensing; an
//     OVS token anywhere makes the item Open Value Subscription.
//   - [ValidPair] holds the acquisition years and coverages Open Value sells
//     together (SKU-09): Y1 with 1YR or 3YR, Y2 with 1YR or 2YR, Y3 with
//     1YR. A description with another pair is refused with
//     licensing.ErrInvalidCombination.
//
// The agreement calendar (OV-18 to OV-37) and SKU choice (SKU-10 to SKU-22)
// are not in this package yet; Open Value SA coverage and spread payments
// are in package sa (SA-19, SA-11, SKU-12).
//
// # Errors
//
// Refusals are *licensing.ParseError values positioned at the token at
// fault, wrapping licensing.ErrInvalidCombination, licensing.ErrOutOfRange
// or licensing.ErrOtherProgram (an item of another program).
//
// # Sources
//
// "Understanding Open Value item descriptions" (Eric Ligman) and the Open
// Value reseller ordering guide.
package openvalue
