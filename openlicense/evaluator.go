package openlicense

import (
	"slices"
	"strings"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// An Evaluation is the SA Evaluator's answer for one license: its category
// (OL-22) and the ways to cover it with SA (OL-23).
type Evaluation struct {
	Assessment sa.Assessment
	Options    []string
}

// Evaluate puts each license in exactly one category (OL-22) and lists the
// options for it (OL-23). It refuses to run without both the license number
// and the authorization number (OL-21).
func Evaluate(licenseNumber, authorizationNumber string, held []sa.Held) ([]Evaluation, error) {
	if strings.TrimSpace(licenseNumber) == "" || strings.TrimSpace(authorizationNumber) == "" {
		return nil, licensing.Refuse("OL-21", licensing.ErrNotEligible, "the Evaluator needs the license number and the authorization number")
	}
	out := make([]Evaluation, 0, len(held))
	for _, h := range held {
		a := sa.Categorize(h)
		e := Evaluation{Assessment: a}
		for _, row := range categoryOptions {
			if row.category == a.Category {
				e.Options = slices.Clone(row.options)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// EvaluatorLanguages returns the Evaluator's eight languages (OL-24). The
// caller owns the slice.
func EvaluatorLanguages() []string { return slices.Clone(evaluatorLanguages) }
