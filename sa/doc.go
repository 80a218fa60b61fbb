// Package sa implements the Software Assurance mechanics that every program
// shares, as tables and pure functions over licensing types. It knows no
// program: each program package computes the coverage its rules give and
// hands sa its rows — enrollment windows, renewal rules, pricing, payment
// periods — citing its own rule IDs.
//
// # Rules
//
//   - Coverage is a period with its months ([Coverage]); [Months] counts the
//     months of coverage that ends with a term, a part month in full (INV-28,
//     WS-11). A program that bills whole years of coverage whatever day it
//     is bought counts its months itself (SA-19).
//   - Prices: the annual reference price is 25 % of the license for server
//     products and 29 % for desktop and systems products, by pool
//     ([AnnualReference]; SA-04, GEN-18); [Prorated] coverage costs annual ×
//     months / 12 (SA-12), billed by month or by quarter (X-17, LIB-04);
//     [FixedTerm] coverage costs a fixed term's price whatever it runs (the
//     programs' rule, such as OL-14). Both are [Pricer]s.
//   - Payment: [Split] and [Pay] split a price over the periods a program's
//     plan gives so that the installments add up to the cent, none negative
//     (SA-11, SA-22); [QuoteTerms] puts coverage, price and schedule together.
//   - Co-termination of several SA lines to a common end the program chose
//     ([CoTerminate]); renewal and lapse ([CheckRenewal], [Track]), by the
//     program's [Renewal] rules (SA-13, SA-14).
//   - SA-only enrollment windows ([CanEnroll]) by the program's [Window]
//     rows (SA-10).
//   - Breakeven of SA against new licenses ([CompareUpgrade],
//     [BreakevenYears]; SA-04 to SA-06).
//   - The SA Evaluator's categories ([Categorize]; OL-22, SA-15).
//
// Every result says why through its Why method, naming its rule, inputs and
// figures; a refusal is an error wrapping a *licensing.RuleError.
//
// # Tables
//
// class.go holds the SA-04 rates by product class and the class of each
// pool (GEN-18); evaluator.go the Evaluator's decision table (OL-22);
// price.go the months of each billing granularity; names.go every enum's
// names and spellings. The programs' tables (coverage, plans, windows,
// renewal rules) live in their own packages' tables.go.
//
// # Rounding
//
// Money is decimal.Decimal and is rounded once, at the end of each
// computation, to the currency's minor unit by a named mode (SA-22):
// [Rounding] says how, and [DefaultRounding] is cents, half away from zero.
// [AnnualReference] is exact and not rounded. A prorated price is
// annual × months / 12 computed exactly and then rounded. A schedule splits
// a total already in minor units: every installment after the first is its
// exact share rounded toward zero, and the first takes the remainder, so
// the installments add up to the total exactly and none is negative.
// Co-terminated lines are each rounded once; their total is the sum.
//
// # Errors
//
// Refusals are *licensing.RuleError values wrapping licensing.ErrNotEligible
// (a lapse, a late enrollment) and citing the program's rule. Malformed
// input wraps licensing.ErrInvalidOrder, [ErrInvalidAmount] or an enum's
// sentinel.
//
// # Sources
//
// The Open License 6.0 overview (SA rates, breakeven, the Evaluator),
// "Understanding Open Value item descriptions" (spread payments) and the
// Select Plus commercial licensing guide of February 2019 (proration,
// spread options, extension, lapse, SA-only windows).
package sa

//go:generate go run ../internal/enumgen Class:Classes Mode Granularity:Granularities Weighting Source Category:Categories
