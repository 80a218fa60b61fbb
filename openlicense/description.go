package openlicense

import (
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// retiredTypes are the Open License 5.0 product types that License & SA
// replaced in 6.0 (OL-12): a description carrying one is refused.
var retiredTypes = []struct {
	token string
	name  string
	rule  licensing.RuleID
}{
	{"VUP", "Version Upgrade", "OL-12"},
	{"PUP", "Product Upgrade", "OL-12"},
	{"UA", "Upgrade Advantage", "OL-12"},
	{"CUP", "Competitive Upgrade", "OL-12"},
}

// Parser reads Open License (OLP) item descriptions. It implements
// licensing.DescriptionParser; the zero Parser is ready to use.
type Parser struct{}

var _ licensing.DescriptionParser = Parser{}

// ParseDescription implements licensing.DescriptionParser; see
// ParseDescription.
func (Parser) ParseDescription(s string) (licensing.Description, error) { return ParseDescription(s) }

// ParseDescription reads an Open License item description in any style
// (see licensing.DescriptionReader.Parse): "ExchgSvrStd 2019 SNGL OLP NL",
// "Microsoft Project Professional German Academic OPEN 1 License Level B".
// An OLP row with no offering token is a License. A description of another
// program is refused with ErrOtherProgram, and one of the Open License 5.0
// types VUP, PUP, UA or CUP with ErrNotEligible (OL-12); the refusals are
// *licensing.ParseError values positioned at the token at fault.
func ParseDescription(s string) (licensing.Description, error) {
	d, err := licensing.ParseProgramDescription(s, licensing.OpenLicense)
	if err != nil {
		return d, err
	}
	words := append([]licensing.Token(nil), d.Unknown...)
	for _, w := range strings.Fields(d.Product) {
		words = append(words, licensing.Token{Text: w, Offset: strings.Index(s, w)})
	}
	for _, t := range words {
		for _, r := range retiredTypes {
			if strings.EqualFold(t.Text, r.token) {
				return d, &licensing.ParseError{Input: s, Offset: t.Offset,
					Err: licensing.Refuse(r.rule, licensing.ErrNotEligible, "%s (%s) is an Open License 5.0 type; License & SA replaced it", r.token, r.name)}
			}
		}
	}
	return d, nil
}
