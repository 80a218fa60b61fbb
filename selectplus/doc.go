// Package selectplus implements Microsoft Select Plus (SP-01 to SP-56): it
// replays years of purchases by many affiliates and gives, for every order
// and every anniversary, the price level of each product pool and why.
//
// # Rules
//
// An [Agreement] has a segment, a region, an effective date, an MBSA date
// and registered affiliates (SP-04 to SP-12). [New] refuses a new
// commercial agreement as retired unless its region is exempt (SP-01,
// [ErrRetired]); [Load] opens an existing one, which keeps working, and
// [Open] starts one from where it stands on a date (an [Opening]: each
// pool's level, this year's points and carry, the hold, the affiliates'
// shares, the association, the SA coverage), checked like a restored
// ledger (LIB-10); [Ledger.Opening] gives a ledger's position in that form.
//
// A [Ledger] is a fold over dated events — orders ([Ledger.Post]),
// associations with an EA, a Campus and School Agreement or Select License
// ([Ledger.Associate], [Ledger.ExpireAssociation]), qualification through
// another agreement ([Ledger.QualifyByPoints], [Ledger.QualifyBySelect]),
// registrations — in which anniversaries pass as dates pass
// ([Ledger.AdvanceTo]). It keeps one [PoolState] per pool (SP-32):
//
//   - an order's points count in its products' pools, L&SA adding SA points
//     prorated to the third affiliate anniversary (SP-10 to SP-14, SP-39,
//     SA-03 reading (a));
//   - a pool's first order must bring 500 points (SP-16, Rules.InitialMinimum);
//     its level rises as soon as the running total reaches a threshold
//     (A 500, B 4,000, C 10,000, D 25,000; SP-15, SP-18), and the whole
//     order that crosses it is priced at the new level (SP-19);
//   - at each anniversary a pool that met its threshold keeps its level and
//     carries the excess (SP-22); one that fell short drops one level with
//     nothing carried (SP-23, SP-24), or from Level A goes on hold (SP-25);
//     one order of 500 points reactivates it;
//   - academic and government customers have one level and only the hold
//     (SP-28 to SP-30); an active EA or CASA waives the minimums (SP-27),
//     and its level stays until the next anniversary after it expires
//     (SP-35).
//
// Posting is plan-then-commit: [Ledger.Check] returns the [Receipt] an order
// would get — the anniversaries it passes, each pool's transition, each
// line's points, level and SA coverage — and changes nothing; [Ledger.Post]
// commits the same plan. An order is atomic: if any pool refuses it,
// nothing but the passing of time changes. An order ID posted twice is
// refused (licensing.ErrDuplicateOrder, INV-06), and so is an event dated
// before one already applied (licensing.ErrOutOfOrder). [Ledger.Outlook]
// says what each pool still needs and where the next anniversary will leave
// it. Every transition — initial, upgrade, purchase, keep, carry, drop,
// hold, reactivation, refusal, association — is an [Event], handed as it
// happens to a [Sink] the caller sets ([Ledger.SetSink], [JSONLines]) and
// kept in the audit trail only when asked ([Ledger.SetAudit],
// [Ledger.Audit]): by default a ledger keeps nothing, and its memory does
// not grow with the history but for the order IDs it has seen. An event,
// like every result, says why through its Why method, built when called;
// per-affiliate shares of each pool add up to the pool's points (SP-09,
// [Ledger.Share]). [OrderReader] reads a history from CSV one order at a
// time, and [Ledger.PostInto] posts it without allocating.
//
// Software Assurance in Select Plus runs on package sa with this package's
// rows: coverage to the third affiliate anniversary ([ThirdAnniversary]),
// both spread-payment options ([Plan], [QuoteSA]), renewal of the coverage
// the ledger tracks as one co-terminated order that records its new end
// ([Ledger.Renew], quoted by [Ledger.CheckRenewal]; [Ledger.Extend] quotes
// hand-built lines), renewal by the expiry date and the lapse (SA-only
// lines in orders), and the SA-only enrollment windows ([CanEnroll],
// [SABasis]) (SP-39 to SP-47).
//
// # Tables
//
// Every number and policy is a row in tables.go: the level thresholds and
// the flags the guide leaves open are fields of [Rules] ([DefaultRules]
// gives the recommended readings: InitialMinimum, HoldMinimum,
// HoldReactivation, CarryCountsForUpgrade, CarryAtTop, the academic and
// government levels, the exempt regions, the SA billing granularity); the
// segments, the associated agreements, the SA terms (third anniversary,
// Order Anniversary years, renewal rules, enrollment windows), the payment
// plans and the description reading rules are rows beside it.
//
// # Rounding
//
// Points are exact and never rounded. Money appears only in the SA quotes,
// which package sa rounds once, to the cent, half away from zero.
//
// # Errors
//
// Refusals are licensing.RuleError values naming the rule and wrapping
// licensing.ErrNotEligible (or [ErrRetired], [ErrUnregistered], which wrap
// it too); malformed input wraps licensing.ErrInvalidOrder and its kin. A
// Ledger's reading methods may run concurrently with each other; its
// writing methods may not run with any other (see [Ledger]).
//
// # Sources
//
// Select Plus commercial licensing guide, February 2019 (SP-55).
package selectplus

//go:generate go run ../internal/enumgen PoolStatus:PoolStatuses Transition ReactivationPolicy:ReactivationPolicies AssociationKind Plan
