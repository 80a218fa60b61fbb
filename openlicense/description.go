package openlicense

import (
	"strings"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
)

// reader reads descriptions with Open License's reading rules.
var reader = enum.Must(sku.NewReader(sku.DefaultTokens(), readingRules...))

// ParseDescription reads an Open License item description in any style
// (see sku.DescriptionReader.Parse): "ExchgSvrStd 2019 SNGL OLP NL",
// "Microsoft Project Professional German Academic OPEN 1 License Level B".
// An OLP row with no offering token is a License. A description of another
// program is refused with sku.ErrOtherProgram, and one of the Open License 5.0
// types VUP, PUP, UA or CUP with ErrNotEligible (OL-12); the refusals are
// *sku.ParseError values positioned at the token at fault.
func ParseDescription(s string) (sku.Description, error) {
	d, err := reader.Parse(s)
	if err != nil {
		return d, err
	}
	words := append([]sku.Token(nil), d.Unknown...)
	for _, w := range strings.Fields(d.Product) {
		words = append(words, sku.Token{Text: w, Offset: strings.Index(s, w)})
	}
	for _, t := range words {
		for _, r := range retiredTypes {
			if strings.EqualFold(t.Text, r.token) {
				return d, &sku.ParseError{Input: s, Offset: t.Offset,
					Err: licensing.Refuse(r.rule, licensing.ErrNotEligible, "%s (%s) is an Open License 5.0 type; License & SA replaced it", r.token, r.name)}
			}
		}
	}
	return d, nil
}
