package licensing

import (
	"fmt"
	"strings"
)

// A Fact is one named input or figure of a decision, already formatted:
// {"total", "4200"}.
type Fact struct {
	Name  string
	Value string
}

// F returns a Fact whose value is v formatted with %v: Points, Date, Level
// and decimal values print in their canonical forms.
func F(name string, v any) Fact { return Fact{Name: name, Value: fmt.Sprint(v)} }

// An Explanation records one decision: the rule that fired, the inputs and
// figures it used, and what it decided. Program packages return them with
// their results, so that a decision can be checked against the guides.
type Explanation struct {
	Rule   RuleID
	Facts  []Fact
	Result string
}

// Explain returns an Explanation of rule's decision.
func Explain(rule RuleID, result string, facts ...Fact) Explanation {
	return Explanation{Rule: rule, Facts: facts, Result: result}
}

// String returns "RULE: result (name=value, …)".
func (e Explanation) String() string {
	var b strings.Builder
	b.WriteString(string(e.Rule))
	b.WriteString(": ")
	b.WriteString(e.Result)
	if len(e.Facts) > 0 {
		b.WriteString(" (")
		for i, f := range e.Facts {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(f.Name)
			b.WriteByte('=')
			b.WriteString(f.Value)
		}
		b.WriteByte(')')
	}
	return b.String()
}

// Fact returns the value of the named fact, and whether there is one.
func (e Explanation) Fact(name string) (string, bool) {
	for _, f := range e.Facts {
		if f.Name == name {
			return f.Value, true
		}
	}
	return "", false
}

// A Decision is the outcome of an eligibility check: whether the order is
// allowed, and the explanations of every rule that decided it. A refused
// decision's Err names the deciding rule and wraps ErrNotEligible.
type Decision struct {
	Allowed bool
	Because []Explanation
	Err     error // nil when Allowed
}
