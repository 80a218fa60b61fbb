package openvalue

import "github.com/vlrules/vlrules/internal/enum"

// The canonical names of the package's enums, indexed by value, and the
// spellings their Parse functions accept besides the names, each with its
// rule. The generated methods (the *_enum.go files) read them.

var paymentNames = [...]string{Spread: "Spread", UpFront: "UpFront", Financing: "Financing"}

var paymentSpellings = []enum.Spelling[Payment]{
	{Value: Spread, Texts: []string{"spread payments"}, Rule: "OV-38"},
	{Value: UpFront, Texts: []string{"prepay", "prepaid"}, Rule: "OV-38"},
	{Value: UpFront, Texts: []string{"up front", "up-front"}, Rule: "SKU-11"},
	{Value: Financing, Texts: []string{"Microsoft Financing", "MS Financing"}, Rule: "OV-44"},
}
