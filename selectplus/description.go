package selectplus

import "github.com/vlrules/vlrules/licensing"

// Parser reads MVL item descriptions, the price-list family of
// Select, Select Plus and the Enterprise Agreement (SKU.md: the MVL token
// alone does not say which). It implements licensing.DescriptionParser; the
// zero Parser is ready to use.
type Parser struct{}

var _ licensing.DescriptionParser = Parser{}

// ParseDescription implements licensing.DescriptionParser; see
// ParseDescription.
func (Parser) ParseDescription(s string) (licensing.Description, error) { return ParseDescription(s) }

// ParseDescription reads an MVL item description in any style (see
// licensing.DescriptionReader.Parse). A description of another program
// (OLV, OVS, OLP) is refused with ErrOtherProgram, as a *licensing.ParseError
// positioned at the program token; one with no program token is read as is.
func ParseDescription(s string) (licensing.Description, error) {
	return licensing.ParseProgramDescription(s, licensing.MVL)
}
