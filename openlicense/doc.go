// Package openlicense implements Microsoft Open License 6.0: who qualifies
// for Open Business and Open Volume, the authorization an initial order
// opens and the reorders and returns under it, Open License SA, the SA
// Evaluator, and the reading of Open License (OLP) price-list descriptions.
// Its numbers are the rows of [Rules] and of tables.go; [DefaultRules]
// returns the guide's.
//
// # Rules
//
// Open License has two solutions, Open Business and Open Volume, which
// share the program's features and differ in purchase options (OL-03,
// [Solution]). It is sold through a broad reseller channel (OL-26), and the
// guide's comparison table of the two is missing, so no rule is taken from
// it (OL-29).
//
//   - Open Business: an initial order of at least five licenses across
//     products, counting L and L&SA lines (an SA line buys no license);
//     reorders of any quantity during the authorization; everything paid up
//     front ([Rules.Qualify], [Rules.Open]; OL-01, OL-02, OL-04, OL-28).
//   - Open Volume: a pool qualifies on the initial order with 500 license
//     points (OL-05, OL-08, OL-09). In the EMEA regions the guide's "both 150
//     point and 500 points per pool" is read, by default, as 150 points in
//     the pool and 500 in the order (OL-10 reading (a), the recommended one;
//     confidence low); [EMEAReading] offers the alternatives: 500 in one pool
//     and 150 in every other pool ordered (b), 150 in each of the three
//     pools and 500 in total (c, low confidence), and 150 as a lower tier
//     (d). SA points do not count unless Rules.CountSA asks for two years of
//     them (OL-11 reading (b)). A [Qualification] says, per pool, how many
//     points are missing and which lines would be Open Business lines, and
//     its Advice is a sentence for the quote.
//   - Authorizations: the first order issues the authorization number
//     (OL-06); Microsoft posts it and the license number to eOpen within 24
//     hours (OL-17, a fact the package records but does not time). The
//     authorization runs two years; its last day, the last day to reorder,
//     is the initial order + 2 years − 1 day ([Rules.AuthorizationEnd];
//     OL-19, WS-09), and a reorder after it is refused: it needs a new
//     initial order. Each pool's level is set by the initial order and
//     shared by every reorder under the authorization, with no review and
//     no drop (OL-07, OL-11, OL-30, LIB-07). An [Authorization] keeps the
//     eOpen [Record] (OL-18) and the transaction history of acquisitions,
//     reorders and returns (OL-20); a return never takes a quantity below
//     zero.
//   - Product types: L, L&SA and SA ([ParseProductType], OL-12); the Open
//     License 5.0 types VUP, PUP, UA and CUP are refused, in an order line
//     and in a description ([ParseDescription]), with OL-12.
//   - SA: coverage runs two years or to the authorization's end, whichever
//     is first ([Rules.Coverage], OL-13), and is always sold at the two-year
//     price, paid up front ([Rules.QuoteSA]; OL-04, OL-14, OL-27);
//     [Rules.ValueRatio] is the share of the two-year term the coverage
//     gives, and a quote worth less than two years advises considering a new
//     authorization (OL-15, advice only). SA points accrue only for coverage
//     within the term ([Rules.LinePoints]; OL-31, SA-02). L&SA gives the
//     latest version and the upgrades released during the term, none after
//     it (OL-25; the package prices and dates it, rights are not modelled).
//     SA alone may be added within 90 days to a system or server bought
//     retail or OEM, never to an application ([CanEnroll], OL-16).
//   - The SA Evaluator needs the license and authorization numbers (OL-21),
//     puts each license in one of four categories and lists the ways to
//     cover the first three, referring the fourth to the account executive
//     (OL-22, OL-23), in one of eight languages (OL-24) ([Evaluate]).
//   - An OLP description is read in every style; a row with no offering
//     token is a License.
//
// # Tables
//
// tables.go holds [Rules] (the initial minimum, the pool and EMEA
// minimums and reading, the authorization and SA terms), the EMEA
// readings, the orderable and retired product types, the SA enrollment
// window, the Evaluator's options and languages, and the description
// reading rules ([ReadingRules]), each row citing its rule. Change a copy
// of [DefaultRules] to apply other numbers; [Rules.Validate] checks it.
//
// # Errors
//
// Refusals are *licensing.RuleError values naming the rule: an initial
// order below five licenses (OL-01) or a retired product type (OL-12) with
// licensing.ErrNotEligible, a reorder or SA order outside the
// authorization (OL-19, licensing.ErrOutsideTerm), a return of more than is
// held (OL-20), a reposted order ID (INV-06, licensing.ErrDuplicateOrder),
// a late or refused enrollment (OL-16). Malformed lines are
// *licensing.FieldError values naming the line and field; descriptions are
// refused with *sku.ParseError values positioned at the token at fault.
//
// # Sources
//
// The Open License 6.0 overview.
package openlicense

//go:generate go run ../internal/enumgen Solution EMEAReading TransactionKind
