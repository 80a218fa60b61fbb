package licensing

// ErrInvalidOffering is wrapped by every error that reports a malformed
// offering. It is a kind of ErrInvalidOrder: errors.Is(err,
// ErrInvalidOrder) holds for it too.
var ErrInvalidOffering error = &subError{"invalid offering", ErrInvalidOrder}

// An Offering is what an order line buys (GEN-20): a license alone, a license
// with Software Assurance (L&SA), Software Assurance alone, a subscription, or
// a step-up. Price lists spell offerings in their own ways ("LicSAPk",
// "Lic/SA Pack"); package sku reads those.
//
// The zero Offering is not valid; it prints as "Offering(0)" and marshals to
// the empty string.
type Offering uint8

// The offerings.
const (
	License Offering = iota + 1
	LicenseSA
	SAOnly // Software Assurance alone; its canonical name is "SA"
	Subscription
	StepUp
)

// HasLicense reports whether o buys a license: License and LicenseSA (GEN-20).
func (o Offering) HasLicense() bool { return o == License || o == LicenseSA }

// HasSA reports whether o buys Software Assurance coverage: LicenseSA and
// SAOnly. A step-up changes the edition under existing coverage and buys
// none.
func (o Offering) HasSA() bool { return o == LicenseSA || o == SAOnly }
