package licensing

import (
	"errors"

	"github.com/vlrules/vlrules/internal/enum"
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

var kindNames = [...]string{KindApplication: "Application", KindSystem: "System", KindServer: "Server", KindCAL: "CAL", KindOnlineService: "OnlineService"}

var kindSpellings = []enum.Spelling[Kind]{
	{Text: "applications", Value: KindApplication, Rule: "GEN-02"},
	{Text: "app", Value: KindApplication, Rule: "GEN-02"},
	{Text: "systems", Value: KindSystem, Rule: "GEN-02"},
	{Text: "operating system", Value: KindSystem, Rule: "GEN-03"},
	{Text: "servers", Value: KindServer, Rule: "GEN-02"},
	{Text: "cals", Value: KindCAL, Rule: "GEN-03"},
	{Text: "client access license", Value: KindCAL, Rule: "GEN-03"},
	{Text: "client access licenses", Value: KindCAL, Rule: "GEN-03"},
	{Text: "online services", Value: KindOnlineService, Rule: "GEN-04"},
	{Text: "online service", Value: KindOnlineService, Rule: "GEN-04"},
	{Text: "OLS", Value: KindOnlineService, Rule: "OV-39"},
}
