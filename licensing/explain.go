package licensing

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// A Fact is one named input or figure of a decision, already formatted:
// {"total", "4200"}.
type Fact struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// F returns a Fact whose value is v formatted with %v: Date, Level and
// decimal values print in their canonical forms, and Points as people
// write them (Points.Display: "4258 1/3", not "12775/3").
func F(name string, v any) Fact { return Fact{Name: name, Value: sprint(v)} }

// sprint returns fmt.Sprint(v), without fmt's machinery for the values
// facts mostly hold: strings, integers, booleans, decimals and values with
// a String method. Anything else, and a String method that panics, goes
// through fmt, so that the text is the same.
func sprint(v any) (s string) {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case decimal.Decimal:
		return x.String() // what its Format writes for %v
	case Points:
		return x.Display() // as people write it: "4258 1/3", not "12775/3"
	case fmt.Formatter, error:
		return fmt.Sprint(v)
	case fmt.Stringer:
		if reflect.ValueOf(v).Kind() == reflect.Pointer {
			return fmt.Sprint(v) // fmt prints a nil pointer as <nil>
		}
		defer func() {
			if recover() != nil {
				s = fmt.Sprint(v) // fmt reports the panic in the text
			}
		}()
		return x.String()
	}
	return fmt.Sprint(v)
}

// An Explanation records one decision: the rule that fired, the inputs and
// figures it used, and what it decided. Every result of the module says why
// through its Why method, which returns its explanations, so that a
// decision can be checked against the guides; a refusal is an error that
// wraps a *RuleError naming the rule.
type Explanation struct {
	Rule   RuleID `json:"rule"`
	Facts  []Fact `json:"facts"`
	Result string `json:"result"`
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
