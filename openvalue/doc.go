// Package openvalue implements the rules of Microsoft Open Value and Open
// Value Subscription that the module needs so far: it reads their
// price-list descriptions, such as "Office Professional Plus English Lic/SA
// Pack OLV NL 1YR Acq Y1 AddProd" or "WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq
// Y2 AP CoreLic", checks what only Open Value sells, and prices Open Value
// SA.
//
// # Rules
//
//   - [ParseDescription] reads an Open Value or Open Value
//     Subscription description in every style real price lists use (SKU-02
//     to SKU-08, X-19), through package licensing/sku with Open Value's
//     reading rules; an OVS token anywhere makes the item Open Value
//     Subscription.
//   - [ValidPair] holds the acquisition years and coverages Open Value sells
//     together (SKU-09): Y1 with 1YR or 3YR, Y2 with 1YR or 2YR, Y3 with
//     1YR. A description with another pair is refused with
//     sku.ErrInvalidCombination.
//   - A [Term] opens on the agreement date and counts its three agreement
//     years from its start ([Term.Year], [Term.Expiration]; OV-26, OV-27,
//     INV-35). An Open Value Subscription enrollment starts on the first of
//     the month after the agreement date, or on it when it is a first
//     ([EnrollmentStart], OV-31); [SubscriptionTerm] gives the term, the
//     days before the enrollment start a stub in Year 1 (WS-02).
//   - [Coverage] covers a line to the agreement's expiration, billed for
//     the 12 × (4 − y) months of the years left from its acquisition year y
//     (SA-19, OV-26, OV-27); [QuoteSA] prices it and pays it by [Payment]:
//     spread, one equal installment per remaining year, the same SKU billed
//     again (SA-11, SKU-12, OV-43), or up front, Microsoft Financing
//     included (SKU-11, SKU-18, OV-44).
//
// The agreement calendar (OV-18 to OV-37) and SKU choice (SKU-10 to SKU-22)
// are not in this package yet.
//
// # Tables
//
// tables.go holds the valid (acquisition year, coverage) pairs, the
// three-year term, the payment rows and the description reading rules
// ([ReadingRules]), each row citing its rule.
//
// # Errors
//
// Refusals are *sku.ParseError values positioned at the token at fault,
// wrapping sku.ErrInvalidCombination, sku.ErrOutOfRange or
// sku.ErrOtherProgram (an item of another program), or *licensing.RuleError
// values such as a date outside the term (OV-27, licensing.ErrOutsideTerm).
//
// # Sources
//
// "Understanding Open Value item descriptions" (Eric Ligman) and the Open
// Value reseller ordering guide.
package openvalue

//go:generate go run ../internal/enumgen Payment
