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
// figures it used, and what it decided. Every result of the module says why
// through its Why method, which returns its explanations, so that a
// decision can be checked against the guides; a refusal is an error that
// wraps a *RuleError naming the rule.
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
