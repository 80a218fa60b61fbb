package selectplus

import (
	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing/sku"
)

// reader reads descriptions with Select Plus's reading rules.
var reader = enum.Must(sku.NewReader(sku.DefaultTokens(), readingRules...))

// Parser reads MVL item descriptions, the price-list family of Select,
// Select Plus and the Enterprise Agreement (the MVL token alone does not
// say which). It implements sku.DescriptionParser; the zero Parser is
// ready to use.
type Parser struct{}

var _ sku.DescriptionParser = Parser{}

// ParseDescription implements sku.DescriptionParser; see
// ParseDescription.
func (Parser) ParseDescription(s string) (sku.Description, error) { return ParseDescription(s) }

// ParseDescription reads an MVL item description in any style (see
// sku.Reader.Parse). A description of another program (OLV, OVS, OLP) is
// refused with sku.ErrOtherProgram, as a *sku.ParseError positioned at the
// program token; one with no program token is read as is.
func ParseDescription(s string) (sku.Description, error) { return reader.Parse(s) }
