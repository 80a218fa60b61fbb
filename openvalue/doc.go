// Package openvalue implements Microsoft Open Value and Open Value
// Subscription: which option a customer may take and what its agreement
// request needs; the agreement's term, years and calendar of reminders,
// anniversary orders and termination; which SKU to sell when, what it
// costs over the term and how its description reads; and an agreement's
// [Ledger], which knows what each anniversary order must hold and what
// happens if the customer does nothing. Its numbers are the rows of
// [Rules] and of tables.go; [DefaultRules] returns the guides'.
//
// # Rules
//
// Options and the agreement request:
//
//   - Three options (OV-01, [Option]): [NonCompanywide], for SA without
//     standardizing (OV-05); [Companywide], standardizing desktop software,
//     with discounts the other option lacks (OV-04); [Subscription] (OVS),
//     desktop software subscribed companywide at the lowest Open Value
//     prices (OV-02), and not sold in North America ([Rules.Available],
//     [Rules.AvailableOptions]; OV-03, INV-41).
//   - A companywide agreement licenses every qualified desktop for each
//     platform product it buys as an Ent item: an initial or anniversary
//     order with fewer is refused with [ErrNotCompanywide] (OV-02, OV-04,
//     X-08); a companywide agreement or subscription takes at least five
//     desktops. The two platforms and their components are table rows
//     (GEN-10), and [Rules.StandardizedOn] is GEN-11's advice for the best
//     pricing: all three components, not two.
//   - [Rules.CheckRequest] checks the eAgreement request field by field and
//     names every missing or malformed field at once (OV-10): renewal fields
//     exactly when renewing, the fully licensed platform count for OVS
//     only, counted over the latest and next-to-latest versions
//     ([Rules.FullyLicensed], OV-11), at least one contact, the first being
//     the primary contact who signs (OV-12), and a [Delegation] of SA
//     benefits, licensing details or both, never neither (OV-14).
//   - Every Open Value item carries SA (OV-07); the guide's price ordering,
//     OVS ≤ companywide ≤ non-companywide, is a warning of
//     [PriceList.Check] (OV-06).
//
// Term and calendar:
//
//   - A [Term] runs three agreement years from its start and expires on
//     start + 3 years − 1 day ([Term.Expiration], [Term.Year],
//     [Term.Anniversary]; OV-26, OV-27, INV-35); a date outside it is refused
//     with licensing.ErrOutsideTerm, which licensing.YearOf alone cannot
//     say. [Rules.Term] gives an agreement's term: an OVS enrollment starts
//     on the first of the month after the agreement date, or on it when it
//     is a first ([EnrollmentStart], OV-31), its anniversaries fall on that
//     day (OV-32 reading (a)), and the stub between is Year 1 (WS-02); the
//     normalization is the option's table flag, off for Open Value, whose
//     anniversaries fall on the start's day (OV-35).
//   - [Rules.Calendar] lists what happens when: the agreement start, the
//     enrollment start (OVS), for each anniversary the reminder 45 days
//     before, the anniversary, the reminder 30 days after, the last day to
//     order (A + 60) and the termination (A + 61) if no order came; the
//     renewal notice 90 days before the expiration, and the expiration
//     (OV-18, OV-19, OV-22 to OV-25, INV-32). Every offset is a calendar row
//     with its rule, and each row says who is written to (OV-47).
//   - [Rules.Timeliness] is the state of an anniversary order placed on a
//     date: [Open] before the anniversary, [OnTime] to A + 30, [Late] to
//     A + 60, [Terminated] from A + 61 (OV-28, OV-37, INV-33). An anniversary
//     order is accepted from the reminder, 45 days before.
//   - [CheckDeployment] is OV-16's month-of-deployment check for Open Value
//     (reading (b): late iff ordered in a later month; early is information
//     only). A [Ledger] reports a late line as a note, not a refusal
//     (LIB-12).
//   - [Rules.Renewal] starts the next agreement the day after expiration,
//     naming the previous one; its counters restart and its items are Y1
//     SKUs (OV-25, OV-48).
//
// SKUs and money:
//
//   - Five (acquisition year, coverage) pairs are sold ([ValidPair],
//     SKU-09), and each says how it is paid ([ModeOf], [PaymentMode],
//     SKU-22).
//   - [Rules.Choose] returns the one SKU for a purchase (SKU-17): the
//     acquisition year is the agreement year of the order (SKU-10); spread
//     buys 1YR, up front and Microsoft Financing the years left (SKU-11,
//     SKU-18, OV-38, OV-44), with a note when up front is asked for in year
//     3; Ent for companywide items, refused on a non-companywide agreement
//     (SKU-15); spread lines invoiced on the order and on each remaining
//     anniversary, the same SKU each time (SKU-12, OV-43), covered to the
//     expiration (SKU-21, SA-19); Online Services prepaid for 12 months,
//     never spread (OV-39, INV-40).
//   - [Format] writes the long form of the item descriptions guide
//     ("Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1
//     AddProd"), [ParseDescription]
//     reads every style back (SKU-02 to SKU-08, SKU-19, INV-38), and
//     [Explain] reads a description in words (SKU-20). The program token is
//     OLV for every option (SKU-08); SA-only items are written "SA Pack",
//     the vocabulary's long form (SKU-02 leaves Pack optional).
//   - [ReadPriceList] reads a price list (part number, description, price;
//     SKU-01); [PriceList.Check] reports SKU-13 (3 × 1YR Y1 = 3YR Y1, invalid
//     if broken; 2 × 1YR Y2 = 2YR Y2, a warning), SKU-14 (later-year prices
//     are data: an L&SA 1YR item priced below the one of the year before is
//     a warning) and OV-06; [PriceList.Bill] invoices a choice at the list's
//     prices, each amount exact (INV-26). The guide's five part numbers are
//     in the tests (SKU-16); no other part number is invented.
//   - [Coverage] and [QuoteSA] price SA prorated from an annual SA price
//     instead, spread or up front (SA-11, SA-19).
//
// The agreement's orders ([Ledger], opened by [Rules.Open]):
//
//   - The initial order has the Anniversary Order box clear and its usage
//     date is the agreement date (OV-30, OV-33). New licenses may be added
//     at any time with the SKU of the year (OV-15, SKU-10).
//   - An order with the box ticked is the anniversary order of the
//     anniversary its usage date names, exactly (OV-32, OV-35); at most one
//     per anniversary, two per agreement (OV-34). It must repeat every
//     spread line acquired before it with the same SKU and quantity (OV-36,
//     OV-40, [Ledger.Expected], INV-39); in OVS the Ent lines follow the
//     desktops the order reports instead (OV-20), and [Ledger.Payments] is
//     each year's desktops × the price (OV-46, WS-22). Anniversary orders
//     are solicited: nothing is billed without one (OV-37).
//   - An order without the box is an additional order and meets no
//     anniversary; the receipt says so (OV-33). An OVS order that changes
//     the desktop platform mid-year is refused, or noted when
//     Rules.StrictPlatformChanges is off (OV-17).
//   - With no anniversary order by A + 60 the agreement is terminated from
//     A + 61 and takes no order ([Ledger.Terminated], OV-23); after the
//     expiration it takes none either (OV-25). [Ledger.Calendar] drops the
//     reminders an order made moot (OV-22).
//   - An anniversary order also lists what the customer acquired during the
//     year and has not ordered yet (OV-21): its new lines are acquired in
//     the year it opens. A spread line bought after its year's anniversary
//     order was placed early could never be billed again, so it is refused
//     (SKU-12).
//   - An order keeps its special deal number (BCweb discount codes) verbatim
//     (OV-41), and holds VLC's fields (OV-42).
//   - A Ledger saves as its event log, the request and every order placed
//     (OV-46), and [Rules.Restore] replays it, so a restored ledger holds
//     every rule a placed one does and saves to the same bytes (INV-07).
//
// The guides also state facts the package records but does not compute:
// the three-step process and its preparation with part numbers (OV-08,
// OV-09), signing (OV-12), order flow and confirmations copying the
// reseller (OV-13), finding an agreement in VLC (OV-29), and Open Value's
// advantages over Open Business, spread payments and SKUs for the years
// left (OV-45).
//
// # Tables
//
// tables.go holds the valid (acquisition year, coverage) pairs and their
// payment modes, the three-year term, the payment rows and the description
// reading rules ([ReadingRules]), and [Rules]: the option rows, the
// calendar rows, the timeliness windows, the platforms and the readings,
// each row citing its rule. pricelist.go holds the price-list checks.
//
// # Errors
//
// Refusals are *licensing.RuleError values naming their rule and wrapping
// licensing.ErrNotEligible, licensing.ErrOutsideTerm (OV-27) or
// [ErrNotCompanywide]; malformed input is a *licensing.FieldError naming
// the order, line and field, a [*PriceListError] naming the line and
// column, or a *sku.ParseError positioned at the token at fault.
//
// # Sources
//
// The Open Value reseller ordering guide; "Understanding Open Value item
// descriptions" (Eric Ligman); Volume Licensing Central guidance for OVS
// and OV orders.
package openvalue

//go:generate go run ../internal/enumgen Payment PaymentMode Option Platform Milestone Timeliness:TimelinessStates OrderKind Severity:Severities Anchor
