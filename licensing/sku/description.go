package sku

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// A Token is a word of a description with its byte offset in the input.
type Token struct {
	Text   string
	Offset int
}

// Qualifiers is a set of the qualifiers a description carries besides its
// fields: "Qualified", a shared server, with a Project Server CAL, without
// a Windows Server license, MSDN, an annual or monthly period, and the
// words resellers add ("Microsoft", "EACH", "(Perpetual License)").
// The zero Qualifiers is empty.
type Qualifiers uint16

// The qualifiers.
const (
	Qualified Qualifiers = 1 << iota
	SharedServer
	WithProjectServerCAL
	WithoutWindowsServerLicense
	MSDN
	Annual
	Monthly
	VendorName // "Microsoft" or "Microsoft®" added by a reseller
	Each
	Perpetual // "(Perpetual License)"
)

// qualifierNames are the qualifiers' names, in bit order; the vocabulary's
// qualifier rows give them as values.
var qualifierNames = []string{"Qualified", "SharedServer", "WithProjectServerCAL", "WithoutWindowsServerLicense",
	"MSDN", "Annual", "Monthly", "Microsoft", "Each", "Perpetual"}

// Has reports whether q holds every qualifier of r.
func (q Qualifiers) Has(r Qualifiers) bool { return q&r == r }

// Names returns the names of the qualifiers in q, in a fixed order.
func (q Qualifiers) Names() []string {
	var out []string
	for i, n := range qualifierNames {
		if q&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// String returns the names joined with "|", or "" for none.
func (q Qualifiers) String() string { return strings.Join(q.Names(), "|") }

// A Description is what a price-list item description says, field by field,
// in the canonical vocabulary (SKU-02 to SKU-08, X-19): the program,
// offering, level, coverage and acquisition year, scope, language, product,
// version, pack size, license model and segment; the qualifiers it
// recognised without a field of their own; the tokens it could not place,
// in order, with their offsets; and the style it was written in.
//
// The zero Description says nothing. Descriptions are compared with
// [Description.Equal].
type Description struct {
	Part          string // part number, when the input gave one
	Input         string // the description as written
	Style         Style
	Program       licensing.Program
	Offering      licensing.Offering
	Level         licensing.Level
	CoverageYears int // years of SA the item bills (SKU-05), 0 when absent
	AcquiredYear  int // agreement year of acquisition (SKU-06), 0 when absent
	Scope         Scope
	Language      string // "AllLanguages", "SingleLanguage", a language as written, or ""
	Product       string // as written, spaces normalized
	Version       string // as written: "2019", "2008R2"
	PackSize      int    // licenses per pack, 0 when absent
	LicenseModel  LicenseModel
	Processors    int // the processors a per-processor item counts ("2Proc"), 0 when absent
	Segment       licensing.Segment
	Cores         int // "4 Cores" added by a reseller, 0 when absent
	Qualifiers    Qualifiers
	Unknown       []Token // tokens not placed, in order

	at [FieldQualifier + 1]int32 // byte offset + 1 of each field's token; 0 when absent
}

// OffsetOf returns the byte offset in Input of the first token that filled
// field f, and whether one did: for Qualifiers, the first qualifier's; for
// a program read from two tokens, where an OVS token beats an OLV one
// the first of the two, whichever program it names.
func (d Description) OffsetOf(f Field) (int, bool) {
	if !f.IsValid() || d.at[f] == 0 {
		return 0, false
	}
	return int(d.at[f]) - 1, true
}

// Equal reports whether d and e hold the same fields, treating nil and
// empty Unknown alike; where the fields' tokens stood is not compared.
func (d Description) Equal(e Description) bool {
	du, eu := d.Unknown, e.Unknown
	d.Unknown, e.Unknown = nil, nil
	d.at, e.at = [len(d.at)]int32{}, [len(e.at)]int32{}
	return reflect.DeepEqual(d, e) && slices.Equal(du, eu)
}

// A DescriptionParser reads a price-list item description. [Parsers] and
// [ParseWith] try several; a [*Reader] is one, and [ParserFunc] makes one
// of a program's ParseDescription function.
type DescriptionParser interface {
	ParseDescription(s string) (Description, error)
}

// ParserFunc makes a DescriptionParser of a function, such as a program's
// ParseDescription: sku.ParserFunc(openvalue.ParseDescription).
type ParserFunc func(s string) (Description, error)

// ParseDescription implements DescriptionParser by calling f.
func (f ParserFunc) ParseDescription(s string) (Description, error) { return f(s) }

// ErrNoParser reports a call to ParseWith without parsers.
var ErrNoParser = errors.New("no description parser")

// ErrOtherProgram reports a description whose program token names another
// program than the reader's.
var ErrOtherProgram = errors.New("description of another program")

// ErrInvalidCombination reports fields that cannot go together, such as an
// Open Value acquisition year with a coverage it does not sell (SKU-09).
var ErrInvalidCombination = errors.New("invalid combination")

// ErrUnreadable reports a description with nothing recognisable: empty, or
// without a product.
var ErrUnreadable = errors.New("unreadable description")

// ErrOutOfRange reports a coverage or acquisition year that the vocabulary
// does not spell, such as "4YR" or "Acq Y4" (SKU-05, SKU-06).
var ErrOutOfRange = errors.New("out of range")

// ErrUnwritable reports a description Format cannot write in the style
// asked: a field with no spelling in that style, or tokens it could not
// place.
var ErrUnwritable = errors.New("cannot write the description in that style")

// A ParseError reports where a description went wrong: the input, the byte
// offset of the token at fault, and the error (wrapping ErrUnreadable,
// ErrInvalidCombination, ErrOtherProgram, …).
type ParseError struct {
	Input  string
	Offset int
	Err    error
}

// Error returns `sku: description "…" at byte N: error`.
func (e *ParseError) Error() string {
	return fmt.Sprintf("sku: description %q at byte %d: %v", e.Input, e.Offset, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ParseWith tries each parser in turn and returns the first description one
// of them reads. A parser that finds another program's description is
// passed over; when none reads it, ParseWith returns the description and
// error of the first parser that did not pass it over (its fields as far as
// it read them), or else the first error. With no parsers, or only nil
// ones, it reports ErrNoParser.
func ParseWith(s string, parsers ...DescriptionParser) (Description, error) {
	var first, best error
	var bestD Description
	for _, p := range parsers {
		if p == nil {
			continue
		}
		d, err := p.ParseDescription(s)
		if err == nil {
			return d, nil
		}
		if first == nil {
			first = err
		}
		if best == nil && !errors.Is(err, ErrOtherProgram) {
			best, bestD = err, d
		}
	}
	switch {
	case best != nil:
		return bestD, best
	case first != nil:
		return Description{}, first
	}
	return Description{}, ErrNoParser
}

// Parsers tries several description parsers as one (see ParseWith). It
// implements DescriptionParser.
type Parsers []DescriptionParser

// ParseDescription implements DescriptionParser.
func (ps Parsers) ParseDescription(s string) (Description, error) { return ParseWith(s, ps...) }
