package selectplus

import (
	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing/sku"
)

// reader reads descriptions with Select Plus's reading rules.
var reader = enum.Must(sku.NewReader(sku.DefaultTokens(), readingRules...))

// ParseDescription reads an MVL item description in any style (see
// sku.Reader.Parse). A description of another program (OLV, OVS, OLP) is
// refused with sku.ErrOtherProgram, as a *sku.ParseError positioned at the
// program token; one with no program token is read as is.
//
// How an MVL item maps to Select Plus: MVL is the price-list family of
// Select, Select Plus and the Enterprise Agreement, so the item's
// Description.Program stays licensing.MVL — its token alone does not say
// which of them the item belongs to. To order it under a Select
// Plus agreement, look its product up in the catalog under
// licensing.SelectPlus by name (licensing.Catalog.Lookup) and take the
// offering (L, L&SA, SA) from Description.Offering; the level letter it
// carries (A to D) is the price level it is listed at, which the ledger,
// not the description, decides for each pool (SP-15 to SP-19).
func ParseDescription(s string) (sku.Description, error) { return reader.Parse(s) }
