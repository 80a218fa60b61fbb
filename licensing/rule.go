package licensing

import (
	"errors"
	"slices"
	"strings"
)

// A RuleID names one rule of the registry, such as "SP-22". The prefix says
// where the rule comes from: GEN (shared vocabulary), OV (Open Value), OL
// (Open License), SP (Select Plus), SA (Software Assurance), SKU (price-list
// descriptions), X (facts from outside the guides), LIB (this library's own
// decisions where the guides are silent), INV (property-test invariants) and
// WS (worked scenarios).
type RuleID string

// Rule returns the registry entry of id, and whether there is one.
func (id RuleID) Rule() (Rule, bool) {
	r, ok := ruleIndex[id]
	return r, ok
}

// ErrInvalidStatus is wrapped by every error that reports a malformed rule status.
var ErrInvalidStatus = errors.New("invalid rule status")

// A Status says how firmly the guides support a rule. The zero Status is
// not valid.
type Status uint8

// The statuses.
const (
	StatusStated       Status = iota + 1 // the guide says it outright
	StatusImplied                        // it follows directly from what a guide says
	StatusDecision                       // the guide is ambiguous; the rule is the reading this library takes
	StatusOutsideSeeds                   // no guide says it; needed for a real implementation
)

// A Rule is one entry of the rule registry: what it says, where it comes
// from, and how firmly.
type Rule struct {
	ID        RuleID
	Title     string
	Statement string // the rule, in one or two sentences
	Source    string // the guide (and section) it comes from
	Status    Status
}

// String returns "ID (status) Title: Statement".
func (r Rule) String() string {
	return string(r.ID) + " (" + r.Status.String() + ") " + r.Title + ": " + r.Statement
}

// Rules returns every rule of the registry, in registry order (by family,
// then number). The caller owns the slice.
func Rules() []Rule { return slices.Clone(ruleRegistry) }

// RulesWithPrefix returns the rules whose ID starts with prefix followed by
// a hyphen, such as RulesWithPrefix("SP").
func RulesWithPrefix(prefix string) []Rule {
	var out []Rule
	for _, r := range ruleRegistry {
		if strings.HasPrefix(string(r.ID), prefix+"-") {
			out = append(out, r)
		}
	}
	return out
}

var ruleIndex = func() map[RuleID]Rule {
	m := make(map[RuleID]Rule, len(ruleRegistry))
	for _, r := range ruleRegistry {
		m[r.ID] = r
	}
	return m
}()
