package licensing_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
)

// enumParser is one enum's Parse, seen through what the fuzz target checks.
type enumParser struct {
	parse    func(string) (fmt.Stringer, bool, error) // value, valid, error
	sentinel error
}

func parser[E interface {
	fmt.Stringer
	IsValid() bool
}](parse func(string) (E, error), sentinel error) enumParser {
	return enumParser{func(s string) (fmt.Stringer, bool, error) {
		v, err := parse(s)
		return v, v.IsValid(), err
	}, sentinel}
}

// FuzzParseEnums runs every enum parser of the package on any input: none
// panics, an error wraps the type's sentinel, and a value returned is valid
// and reads back from its own String.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"Servers", "server pool", " APPLICATION ", "NL", "L&SA", "SA only", "CAL", "Online Services",
		"corporate", "FPP", "Open Value Subscription", "Select Plus", "stated", "outside seeds", "desktop", ""} {
		f.Add(s)
	}
	parsers := []enumParser{
		parser(licensing.ParsePool, licensing.ErrInvalidPool),
		parser(licensing.ParseLevel, licensing.ErrInvalidLevel),
		parser(licensing.ParseOffering, licensing.ErrInvalidOffering),
		parser(licensing.ParseKind, licensing.ErrInvalidKind),
		parser(licensing.ParseSegment, licensing.ErrInvalidSegment),
		parser(licensing.ParseChannel, licensing.ErrInvalidChannel),
		parser(licensing.ParseProgram, licensing.ErrInvalidProgram),
		parser(licensing.ParseStatus, licensing.ErrInvalidStatus),
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range parsers {
			v, valid, err := p.parse(s)
			if err != nil {
				if !errors.Is(err, p.sentinel) {
					t.Fatalf("parse(%q): %v does not wrap %v", s, err, p.sentinel)
				}
				continue
			}
			if !valid {
				t.Fatalf("parse(%q) = invalid %v", s, v)
			}
			if back, _, err := p.parse(v.String()); err != nil || back != v {
				t.Fatalf("parse(%q) = %v, which reads back as %v, %v", s, v, back, err)
			}
		}
	})
}

// fuzzParse seeds f and runs parse on every input: none panics, and an
// error wraps sentinel. Then check sees the input and what parse made of
// it, the error included.
func fuzzParse[V any](f *testing.F, seeds []string, parse func(string) (V, error), sentinel error, check func(t *testing.T, s string, v V, err error)) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil && !errors.Is(err, sentinel) {
			t.Fatalf("parsing %q: %v does not wrap %v", s, err, sentinel)
		}
		check(t, s, v, err)
	})
}

// A part number reads as itself, trimmed and in capitals, and reads back.
func FuzzParsePartNumber(f *testing.F) {
	seeds := []string{"269-09046", " 9em-00562 ", "269-0904", "KW5-00358x", "Part#: 269-09046"}
	fuzzParse(f, seeds, licensing.ParsePartNumber, licensing.ErrInvalidPartNumber, func(t *testing.T, s, p string, err error) {
		if err != nil {
			return
		}
		if p != strings.ToUpper(strings.TrimSpace(s)) {
			t.Fatalf("ParsePartNumber(%q) = %q", s, p)
		}
		if back, err := licensing.ParsePartNumber(p); err != nil || back != p {
			t.Fatalf("ParsePartNumber(%q) = %q, which reads back as %q, %v", s, p, back, err)
		}
	})
}
