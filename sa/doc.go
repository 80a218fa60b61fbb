// Package sa implements the Software Assurance mechanics that every program
// shares, as tables and pure functions over licensing types. The program
// packages choose the rows that apply to them; sa knows no program's
// agreement.
//
// # Rules
//
//   - SA points: half the license points a year, L·m/24 for m months
//     ([Points]; SA-01 to SA-03, SA-20).
//   - Coverage: the coverage-model table ([Models], SA-09) gives Open
//     License SA to the authorization end, at most 24 months (OL-13); Open
//     Value SA to the agreement end, 4 − y years (SA-19); Select Plus SA to
//     the day before the third affiliate anniversary, 25 to 36 months
//     ([ThirdAnniversary], SP-39), or 36 months with Order Anniversary
//     (SP-42). Every coverage counts its months by one rule, [Months]: from
//     the start to the day after the end, a part month counted in full. The
//     granularity of billing (month, or quarter as some resellers did,
//     X-17) is a column of the table.
//   - Prices: the annual reference price is 25 % of the license for server
//     products and 29 % for desktop and systems products, by pool
//     ([AnnualReference]; SA-04, GEN-18); prorated coverage costs
//     annual × months / 12 ([Prorated]; SA-12); Open License SA costs its
//     two-year price whatever the coverage ([FixedTerm]; OL-14, OL-27,
//     SA-18).
//   - Payment schedules that add up to the cent ([Split], [PayUpFront],
//     [SpreadOpenValue], [SpreadAffiliateAnniversary],
//     [SpreadOrderAnniversary]; SA-11, SKU-12, SP-42).
//   - Co-termination of several SA lines to one end date ([CoTerminate],
//     SP-44).
//   - Renewal and lapse ([CheckRenewal], [Track]; SP-45 to SP-47).
//   - SA-only enrollment windows: 90 days from an FPP or OEM purchase, for
//     each program's product classes ([CanEnroll], [Windows]; SA-10, OL-16,
//     SP-40, SP-41).
//   - Breakeven of SA against new licenses ([CompareUpgrade],
//     [BreakevenYears]; SA-04 to SA-06).
//   - The Open License SA Evaluator ([Evaluate]; OL-21 to OL-24).
//
// Every decision returns a licensing.Explanation or licensing.Decision
// naming its rule, inputs and figures.
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
// Refusals are licensing.RuleError values wrapping licensing.ErrNotEligible
// (a lapse, SP-46; a late enrollment, SA-10) or licensing.ErrOutsideTerm (a
// date outside an agreement or authorization). Malformed input wraps
// licensing.ErrInvalidOrder or [ErrInvalidAmount].
//
// # Sources
//
// The Open License 6.0 overview (SA rates, breakeven, two-year SA, the
// Evaluator), "Understanding Open Value item descriptions" (spread
// payments, remaining-years SKUs) and the Select Plus commercial licensing
// guide of February 2019 (proration to the third affiliate anniversary,
// spread options, extension, lapse, SA-only windows).
package sa
