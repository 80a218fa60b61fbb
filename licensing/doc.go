// Package licensing is the vocabulary that every Microsoft volume-licensing
// program shares: product pools and price levels, offerings, customer
// segments, acquisition channels and regions; exact points; civil dates; the
// product catalog; orders and their lines; and the rule registry that every
// decision of this module cites, with its explanations and errors.
//
// It decides no program's rules. It answers the questions all programs ask
// the same way: how many points does this order line earn (GEN-05, SA-01,
// SA-20), which pool do they count in (GEN-01 to GEN-04), which agreement
// year is this date in (GEN-15), and what is the product called in this
// program's list (GEN-04). Price-list descriptions are read and written by
// package licensing/sku; each program's rules live in its own package
// (openlicense, openvalue, selectplus), with Software Assurance mechanics
// in package sa.
//
// # Values
//
// The small value types ([Pool], [Level], [Offering], [Kind], [Segment],
// [Channel], [Program], [Status]) are small unsigned integers whose zero
// value means "unset". Each has String, GoString, text marshaling, a Values
// function ([Pools], …) and a case-insensitive Parse function that accepts
// the words the guides use (GEN-01): "server pool" is [Servers], "L&SA" is
// [LicenseSA], "corporate" is [Commercial]; each Parse function's doc lists
// its spellings with their rules. [Region] is a code backed by a
// [RegionTable] that users extend (GEN-12).
//
// [Points] are exact: an integer count of 1/48 point, so that license points
// (whole or half) and SA points (L·m/24 for m months) are never rounded
// (GEN-07). Their text form round-trips exactly: "42.5", "25/12".
//
// [Date] is a civil date. Day arithmetic counts calendar days and "within N
// days" is inclusive (GEN-14); month and year arithmetic clamp to the end of
// the month, and anniversaries are always computed from their anchor
// (GEN-15).
//
// # Tables
//
// A [Catalog] is a product list keyed by program and name. [DefaultCatalog]
// holds the example points of the guides (GEN-04; catalog.go); [ReadCatalog]
// loads a user's list from CSV and reports a bad row by line and column.
// The other tables: order.go, the points each offering earns (GEN-05,
// SA-01, SA-20); product.go, the pools each kind of product may count in
// (GEN-02 to GEN-04); region.go, the default regions and their countries
// (GEN-12, LIB-01); ruletable.go, the rule registry; names.go, every enum's
// names and the guides' spellings. Each
// program's rules record their [Source], the guide they come from
// (GEN-23): selectplus.Rules.Source, openvalue.Source,
// openlicense.Rules.Source. A Source may carry the dates its rules are in
// force; the guides give none, so the default tables leave them open.
//
// # Rules
//
// Every rule the module applies has an ID and an entry in the registry
// ([Rules], [RuleID.Rule]): its statement in one or two sentences, the guide
// it comes from, and whether the guide states it, implies it, leaves it to a
// reading this module chose ("decision"), or does not say it at all
// ("outside seeds"). Every result of the module says why through its Why
// method, which returns [Explanation] values naming the rule, its inputs
// and figures; a refusal is an error wrapping a [*RuleError] that names the
// rule and a sentinel such as [ErrNotEligible].
//
// # Errors
//
// Errors wrap the sentinels of this package ([ErrNotEligible],
// [ErrUnknownProduct], [ErrInvalidQuantity], [ErrOutsideTerm],
// [ErrDuplicateOrder], …) and the parse sentinels of each value type
// ([ErrInvalidPool], …); test them with errors.Is. Order validation returns a
// [*FieldError] that names the order, line and field; catalog reading a
// [*CatalogError] with line and column. Nothing in this package panics on
// bad input, except the Must functions, which are for constant input.
//
// # Rounding
//
// Points are never rounded. This package does not round money; the
// programs round once, to the currency's minor unit, where their docs say
// (SA-22).
//
// # Sources
//
// The rules come from five public guides: the Open Value reseller ordering
// guide, the Open License 6.0 overview, "Understanding Open Value item
// descriptions", the Volume Licensing Central guidance for Open Value and
// Open Value Subscription orders, and the Select Plus commercial licensing
// guide of February 2019.
package licensing

//go:generate go run ../internal/enumgen Pool Level Offering Kind Segment Channel Program Status:Statuses
