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
