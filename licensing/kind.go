package licensing

import (
	"errors"
)

// ErrInvalidKind is wrapped by every error that reports a malformed product kind.
var ErrInvalidKind = errors.New("invalid product kind")

// A Kind says what sort of product a catalog row is. It matters where the
// rules name product classes: SA-only enrollment (SA-10) and the CALs that
// the Servers pool includes (GEN-03). Its constants carry the prefix Kind,
// so that KindServer (a product) is never mistaken for Servers (a pool).
//
// The zero Kind is not valid; it prints as "Kind(0)" and marshals to the
// empty string.
type Kind uint8

// The product kinds.
const (
	KindApplication Kind = iota + 1
	KindSystem
	KindServer
	KindCAL
	KindOnlineService
)
