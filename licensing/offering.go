package licensing

import "errors"

// ErrInvalidOffering is wrapped by every error that reports a malformed offering.
var ErrInvalidOffering = errors.New("invalid offering")

// An Offering is what an order line buys (GEN-20): a license alone, a license
// with Software Assurance (L&SA), Software Assurance alone, a subscription, or
// a step-up.
//
// The zero Offering is not valid; it prints as "Offering(0)" and marshals to
// the empty string.
type Offering uint8

// The offerings.
const (
	License Offering = iota + 1
	LicenseSA
	SA
	Subscription
	StepUp
)

// Offerings returns every valid offering. The caller owns the slice.
func Offerings() []Offering { return offeringEnum.values() }

// offeringSpellings are the spellings ParseOffering accepts besides the
// canonical names: the guides' words (GEN-20, SKU-04) and the price-list
// tokens of the SKU vocabulary.
var offeringSpellings = []spelling[Offering]{
	{"lic", License, "GEN-20"},
	{"licence", License, "GEN-20"},
	{"l", License, "GEN-20"},
	{"license only", License, "GEN-20"},
	{"l&sa", LicenseSA, "GEN-20"},
	{"lsa", LicenseSA, "SKU-04"},
	{"lic/sa", LicenseSA, "SKU-04"},
	{"lic/sa pack", LicenseSA, "SKU-04"},
	{"licsapk", LicenseSA, "SKU-04"},
	{"licsa", LicenseSA, "SKU-04"},
	{"license & sa", LicenseSA, "GEN-20"},
	{"license and sa", LicenseSA, "GEN-20"},
	{"license+sa", LicenseSA, "GEN-20"},
	{"license + sa", LicenseSA, "GEN-20"},
	{"license & software assurance", LicenseSA, "GEN-20"},
	{"license and software assurance", LicenseSA, "GEN-20"},
	{"software assurance", SA, "GEN-20"},
	{"sa only", SA, "GEN-20"},
	{"sa pack", SA, "SKU-04"},
	{"subsvl", Subscription, "SKU-04"},
	{"subscriptionvl", Subscription, "SKU-04"},
	{"subs", Subscription, "SKU-04"},
	{"step up", StepUp, "SKU-04"},
	{"step-up", StepUp, "SKU-04"},
	{"sa step up", StepUp, "SKU-04"},
}

var offeringEnum = newEnum("Offering", ErrInvalidOffering,
	[]string{License: "License", LicenseSA: "LicenseSA", SA: "SA", Subscription: "Subscription", StepUp: "StepUp"},
	[]string{License: "License", LicenseSA: "LicenseSA", SA: "SA", Subscription: "Subscription", StepUp: "StepUp"},
	offeringSpellings)

// HasLicense reports whether o buys a license: License and LicenseSA (GEN-20).
func (o Offering) HasLicense() bool { return o == License || o == LicenseSA }

// HasSA reports whether o buys Software Assurance coverage: LicenseSA and SA.
// A step-up changes the edition under existing coverage and buys none.
func (o Offering) HasSA() bool { return o == LicenseSA || o == SA }

// IsValid reports whether o is one of the named Offering values.
func (o Offering) IsValid() bool { return License <= o && o <= StepUp }

// String returns the canonical name of o, or "Offering(n)" for an invalid value.
func (o Offering) String() string { return offeringEnum.str(o) }

// GoString returns the Go name of o, such as it appears in rapid's logs.
func (o Offering) GoString() string { return offeringEnum.goString(o) }

// AppendText implements [encoding.TextAppender]. The zero Offering appends nothing;
// an invalid one is an error.
func (o Offering) AppendText(b []byte) ([]byte, error) { return offeringEnum.appendText(b, o) }

// MarshalText implements [encoding.TextMarshaler].
func (o Offering) MarshalText() ([]byte, error) { return o.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseOffering].
// Empty text sets the zero Offering.
func (o *Offering) UnmarshalText(text []byte) error { return offeringEnum.unmarshalText(o, text) }

// ParseOffering parses any spelling of an Offering listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidOffering].
func ParseOffering(s string) (Offering, error) { return offeringEnum.parse(s) }

// MustParseOffering is like [ParseOffering] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseOffering(s string) Offering { return must(ParseOffering(s)) }
