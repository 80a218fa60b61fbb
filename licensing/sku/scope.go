package sku

import "errors"

// ErrInvalidScope is wrapped by every error that reports a malformed scope.
var ErrInvalidScope = errors.New("invalid scope")

// A Scope says how an Open Value item is licensed across the customer
// (SKU-07): as an additional product (AddProd, not companywide), companywide
// (Ent) or as a platform product (Pltfrm). The zero Scope means "not
// stated".
type Scope uint8

// The scopes.
const (
	AdditionalProduct Scope = iota + 1
	Enterprise
	Platform
)

var scopeNames = [...]string{AdditionalProduct: "AdditionalProduct", Enterprise: "Enterprise", Platform: "Platform"}

// scopeSpellings are the vocabulary's scope tokens ("AddProd", "AP",
// "Ent", "E", "Pltfrm"): ParseScope reads what descriptions write.
var scopeSpellings = spellingsOf[Scope](FieldScope, scopeNames[:])
