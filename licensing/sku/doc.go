// Package sku reads and writes price-list item descriptions: the long form
// of the Open Value guide ("Office Professional Plus English Lic/SA Pack OLV
// NL 1YR Acq Y1 AddProd"), Microsoft's short form ("WinSvrDCCore ALNG SA
// OLV 2Lic NL 2Y Aq Y2 AP CoreLic"), the distributor's upper-case rewrite,
// expanded tokens and reseller edits (SKU-02 to SKU-08, X-19). It decides
// what a description says, field by field, in the canonical vocabulary; it
// decides no program's rules.
//
// # Vocabulary
//
// One table of tokens ([TokenRow], [DefaultTokens]) is the single source of
// every spelling a description uses: the [Reader] reads its rows, [Format]
// writes the rows marked for the long or short form, and [ParseScope] and
// [ParseLicenseModel] accept them. The coverage and acquisition rows spell
// the years price lists sell (SKU-05, SKU-06); a year token the vocabulary
// does not spell is out of range ([ErrOutOfRange]). The table is in
// tokens.go, with the units numbers carry ("2Lic", "2Proc", "1 License",
// "16 Cores") and the acquisition prefixes, which the reader reads and
// Format writes from there too; names.go holds the enums' names. Users
// replace the token rows with [NewReader].
//
// # Programs
//
// The program packages hand the reader their reading rules as
// [ProgramRule] rows: an Open License row with no offering token is a
// License, an OVS token beats OLV wherever it stands, MVL is read by Select
// Plus. A rule's Check refuses what its program does not sell (the Open
// Value pairs of SKU-09, the retired Open License types of OL-12). The
// packages' parsers are the programs' entry points:
// openvalue.ParseDescription, openlicense.ParseDescription,
// selectplus.ParseDescription. [Parse] reads with the vocabulary alone;
// [Combine] reads any of several programs' descriptions once and runs the
// check of the program it names; [Parsers] tries several parsers in turn.
//
// # Errors
//
// Parse fails with a [*ParseError] positioned at the token at fault only
// when nothing recognisable is left (an empty input or no product,
// [ErrUnreadable]), when a year is out of range, or when a program reader
// meets another program's description ([ErrOtherProgram]); it returns what
// it read and keeps every token it could not place in Unknown. Format
// refuses with [ErrUnwritable] what it cannot write so that it reads back.
//
// # Sources
//
// "Understanding Open Value item descriptions" (E. Ligman) for the long
// form, and real price lists, distributor feeds and reseller catalogs for
// the other styles.
package sku

//go:generate go run ../../internal/enumgen Scope LicenseModel Style Field
