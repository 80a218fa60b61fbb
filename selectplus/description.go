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
func ParseDescription(s string) (sku.Description, error) { return reader.Parse(s) }
