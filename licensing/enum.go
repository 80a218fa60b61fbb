package licensing

import (
	"fmt"
	"strconv"
	"strings"
)

// A spelling is one way users write an enumerated value, with the rule that
// names it. Spellings are stored normalized (see normalize).
type spelling[E ~uint8] struct {
	text  string
	value E
	rule  RuleID
}

// enum holds what the small enumerated types of this package share: their
// canonical names, their Go names (for GoString), the spellings their Parse
// function accepts and the sentinel error their parse errors wrap. Each type
// keeps its own rows in a table; enum only runs them.
type enum[E ~uint8] struct {
	typ       string       // Go type name: "Pool"
	names     []string     // canonical names, indexed by value; index 0 unused
	goNames   []string     // Go identifiers, indexed by value; index 0 unused
	spellings map[string]E // normalized spelling → value
	err       error
}

// newEnum builds an enum from its canonical names, Go names and extra
// spellings. The canonical name of every value is always accepted.
func newEnum[E ~uint8](typ string, err error, names, goNames []string, extra []spelling[E]) *enum[E] {
	e := &enum[E]{typ: typ, names: names, goNames: goNames, err: err, spellings: make(map[string]E)}
	for v := 1; v < len(names); v++ {
		e.spellings[normalize(names[v])] = E(v)
	}
	for _, s := range extra {
		e.spellings[normalize(s.text)] = s.value
	}
	return e
}

// normalize lower-cases s (ASCII), trims it and collapses inner runs of
// white space to one space, so that "  Lic/SA   Pack" matches "lic/sa pack".
func normalize(s string) string { return strings.ToLower(spaced(s)) }

func (e *enum[E]) valid(v E) bool { return v >= 1 && int(v) < len(e.names) }

func (e *enum[E]) str(v E) string {
	if e.valid(v) {
		return e.names[v]
	}
	return e.typ + "(" + strconv.Itoa(int(v)) + ")"
}

func (e *enum[E]) goString(v E) string {
	if e.valid(v) {
		return "licensing." + e.goNames[v]
	}
	return "licensing." + e.typ + "(" + strconv.Itoa(int(v)) + ")"
}

func (e *enum[E]) parse(s string) (E, error) {
	if v, ok := e.spellings[normalize(s)]; ok {
		return v, nil
	}
	return 0, fmt.Errorf("licensing: parsing %s %q: %w", strings.ToLower(e.typ), s, e.err)
}

func (e *enum[E]) appendText(b []byte, v E) ([]byte, error) {
	switch {
	case v == 0:
		return b, nil
	case !e.valid(v):
		return b, fmt.Errorf("licensing: marshaling %s: %w", e.str(v), e.err)
	}
	return append(b, e.names[v]...), nil
}

func (e *enum[E]) unmarshalText(p *E, text []byte) error {
	if len(text) == 0 {
		*p = 0
		return nil
	}
	v, err := e.parse(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// values returns every valid value in order.
func (e *enum[E]) values() []E {
	out := make([]E, 0, len(e.names)-1)
	for v := 1; v < len(e.names); v++ {
		out = append(out, E(v))
	}
	return out
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
