package licensing

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrInvalidScope is wrapped by every error that reports a malformed scope.
var ErrInvalidScope = errors.New("invalid scope")

// A Scope says how an Open Value item is licensed across the customer
// (SKU-07): as an additional product (AddProd, not companywide), companywide
// (Ent) or as a platform product (Pltfrm). The zero Scope means "not stated".
type Scope uint8

// The scopes.
const (
	AdditionalProduct Scope = iota + 1
	Enterprise
	Platform
)

var scopeEnum = newEnum("Scope", ErrInvalidScope,
	[]string{AdditionalProduct: "AdditionalProduct", Enterprise: "Enterprise", Platform: "Platform"},
	[]string{AdditionalProduct: "AdditionalProduct", Enterprise: "Enterprise", Platform: "Platform"},
	[]spelling[Scope]{
		{"addprod", AdditionalProduct, "SKU-07"},
		{"ap", AdditionalProduct, "SKU-07"},
		{"additional product", AdditionalProduct, "SKU-07"},
		{"ent", Enterprise, "SKU-07"},
		{"e", Enterprise, "SKU-07"},
		{"pltfrm", Platform, "SKU-07"},
	})

// Scopes returns every valid scope. The caller owns the slice.
func Scopes() []Scope { return scopeEnum.values() }

// IsValid reports whether s is one of the named Scope values.
func (s Scope) IsValid() bool { return scopeEnum.valid(s) }

// String returns the canonical name of s, or "Scope(n)" for an invalid value.
func (s Scope) String() string { return scopeEnum.str(s) }

// GoString returns the Go name of s, such as it appears in rapid's logs.
func (s Scope) GoString() string { return scopeEnum.goString(s) }

// AppendText implements [encoding.TextAppender]. The zero Scope appends nothing;
// an invalid one is an error.
func (s Scope) AppendText(b []byte) ([]byte, error) { return scopeEnum.appendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Scope) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseScope].
// Empty text sets the zero Scope.
func (s *Scope) UnmarshalText(text []byte) error { return scopeEnum.unmarshalText(s, text) }

// ParseScope parses any spelling of a Scope listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidScope].
func ParseScope(s string) (Scope, error) { return scopeEnum.parse(s) }

// MustParseScope is like [ParseScope] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseScope(s string) Scope { return must(ParseScope(s)) }

// ErrInvalidLicenseModel is wrapped by every error that reports a malformed license model.
var ErrInvalidLicenseModel = errors.New("invalid license model")

// A LicenseModel is what one license counts (SKU.md): cores, a device or
// user CAL, a subscriber access license, processors, or users. The zero
// LicenseModel means "not stated".
type LicenseModel uint8

// The license models.
const (
	Core LicenseModel = iota + 1
	DeviceCAL
	UserCAL
	SAL
	Processor
	PerUser
)

var licenseModelEnum = newEnum("LicenseModel", ErrInvalidLicenseModel,
	[]string{Core: "Core", DeviceCAL: "DeviceCAL", UserCAL: "UserCAL", SAL: "SAL", Processor: "Processor", PerUser: "PerUser"},
	[]string{Core: "Core", DeviceCAL: "DeviceCAL", UserCAL: "UserCAL", SAL: "SAL", Processor: "Processor", PerUser: "PerUser"},
	[]spelling[LicenseModel]{
		{"corelic", Core, "X-19"},
		{"core licence", Core, "X-19"},
		{"core license", Core, "X-19"},
		{"dvccal", DeviceCAL, "X-19"},
		{"device cal", DeviceCAL, "X-19"},
		{"usrcal", UserCAL, "X-19"},
		{"user cal", UserCAL, "X-19"},
		{"proc", Processor, "X-19"},
		{"perusr", PerUser, "X-19"},
		{"per user", PerUser, "X-19"},
	})

// LicenseModels returns every valid license model. The caller owns the slice.
func LicenseModels() []LicenseModel { return licenseModelEnum.values() }

// IsValid reports whether m is one of the named LicenseModel values.
func (m LicenseModel) IsValid() bool { return licenseModelEnum.valid(m) }

// String returns the canonical name of m, or "LicenseModel(n)" for an invalid value.
func (m LicenseModel) String() string { return licenseModelEnum.str(m) }

// GoString returns the Go name of m, such as it appears in rapid's logs.
func (m LicenseModel) GoString() string { return licenseModelEnum.goString(m) }

// AppendText implements [encoding.TextAppender]. The zero LicenseModel appends nothing;
// an invalid one is an error.
func (m LicenseModel) AppendText(b []byte) ([]byte, error) { return licenseModelEnum.appendText(b, m) }

// MarshalText implements [encoding.TextMarshaler].
func (m LicenseModel) MarshalText() ([]byte, error) { return m.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseLicenseModel].
// Empty text sets the zero LicenseModel.
func (m *LicenseModel) UnmarshalText(text []byte) error {
	return licenseModelEnum.unmarshalText(m, text)
}

// ParseLicenseModel parses any spelling of a LicenseModel listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidLicenseModel].
func ParseLicenseModel(s string) (LicenseModel, error) { return licenseModelEnum.parse(s) }

// MustParseLicenseModel is like [ParseLicenseModel] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseLicenseModel(s string) LicenseModel { return must(ParseLicenseModel(s)) }

// ErrInvalidStyle is wrapped by every error that reports a malformed description style.
var ErrInvalidStyle = errors.New("invalid description style")

// A Style is the way a price list writes its item descriptions:
//
//   - Long: the Open Value guide's form, "Office Professional Plus English
//     Lic/SA Pack OLV NL 1YR Acq Y1 AddProd";
//   - Short: Microsoft's abbreviated form, "WinSvrDCCore ALNG SA OLV 2Lic NL
//     2Y Aq Y2 AP CoreLic";
//   - Distributor: an upper-case rewrite with the coverage first, "1YR
//     VISIOSTD ALNG LICSAPK OLV NL AP";
//   - Expanded: the short form with each token spelled out,
//     "ExchgOnlinePlan1Open ShrdSvr AllLng SubscriptionVL OLP 1License
//     NoLevel Qualified Annual";
//   - Reseller: edited by a reseller or shop, "Microsoft Visio Professional
//     2019 OLP NL GOV".
//
// The zero Style means "not recognised".
type Style uint8

// The description styles.
const (
	Long Style = iota + 1
	Short
	Distributor
	Expanded
	Reseller
)

var styleEnum = newEnum[Style]("Style", ErrInvalidStyle,
	[]string{Long: "Long", Short: "Short", Distributor: "Distributor", Expanded: "Expanded", Reseller: "Reseller"},
	[]string{Long: "Long", Short: "Short", Distributor: "Distributor", Expanded: "Expanded", Reseller: "Reseller"},
	nil)

// Styles returns every valid style. The caller owns the slice.
func Styles() []Style { return styleEnum.values() }

// IsValid reports whether s is one of the named Style values.
func (s Style) IsValid() bool { return styleEnum.valid(s) }

// String returns the canonical name of s, or "Style(n)" for an invalid value.
func (s Style) String() string { return styleEnum.str(s) }

// GoString returns the Go name of s, such as it appears in rapid's logs.
func (s Style) GoString() string { return styleEnum.goString(s) }

// AppendText implements [encoding.TextAppender]. The zero Style appends nothing;
// an invalid one is an error.
func (s Style) AppendText(b []byte) ([]byte, error) { return styleEnum.appendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Style) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseStyle].
// Empty text sets the zero Style.
func (s *Style) UnmarshalText(text []byte) error { return styleEnum.unmarshalText(s, text) }

// ParseStyle parses any spelling of a Style listed in its table, ignoring case
// and extra white space. Other input is an error wrapping [ErrInvalidStyle].
func ParseStyle(s string) (Style, error) { return styleEnum.parse(s) }

// MustParseStyle is like [ParseStyle] but panics on error. It is meant for tests
// and package-level tables with constant input.
func MustParseStyle(s string) Style { return must(ParseStyle(s)) }

// A Token is a word of a description with its byte offset in the input.
type Token struct {
	Text   string
	Offset int
}

// Qualifiers is a set of the qualifiers a description carries besides its
// fields (SKU.md): "Qualified", a shared server, with a Project Server CAL,
// without a Windows Server license, MSDN, an annual or monthly period, and
// the words resellers add ("Microsoft", "EACH", "(Perpetual License)"). The
// zero Qualifiers is empty.
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

// A qualifierName is a qualifier and its name.
type qualifierName struct {
	q    Qualifiers
	name string
}

var qualifierNames = []qualifierName{
	{Qualified, "Qualified"}, {SharedServer, "SharedServer"}, {WithProjectServerCAL, "WithProjectServerCAL"},
	{WithoutWindowsServerLicense, "WithoutWindowsServerLicense"}, {MSDN, "MSDN"}, {Annual, "Annual"},
	{Monthly, "Monthly"}, {VendorName, "Microsoft"}, {Each, "Each"}, {Perpetual, "Perpetual"},
}

// Has reports whether q holds every qualifier of r.
func (q Qualifiers) Has(r Qualifiers) bool { return q&r == r }

// Names returns the names of the qualifiers in q, in a fixed order.
func (q Qualifiers) Names() []string {
	var out []string
	for _, n := range qualifierNames {
		if q&n.q != 0 {
			out = append(out, n.name)
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
	Program       Program
	Offering      Offering
	Level         Level
	CoverageYears int // 1–3, 0 when absent
	AcquiredYear  int // 1–3, 0 when absent
	Scope         Scope
	Language      string // "AllLanguages", "SingleLanguage", a language as written, or ""
	Product       string // as written, spaces normalized
	Version       string // as written: "2019", "2008R2"
	PackSize      int    // licenses (or processors) per pack, 0 when absent
	LicenseModel  LicenseModel
	Segment       Segment
	Cores         int // "4 Cores" added by a reseller, 0 when absent
	Qualifiers    Qualifiers
	Unknown       []Token // tokens not placed, in order

	at [FieldQualifier + 1]int32 // byte offset + 1 of each field's token; 0 when absent
}

// OffsetOf returns the byte offset in Input of the token that filled field
// f, and whether one did.
func (d Description) OffsetOf(f DescriptionField) (int, bool) {
	if f < FieldLanguage || f > FieldQualifier || d.at[f] == 0 {
		return 0, false
	}
	return int(d.at[f]) - 1, true
}

// Equal reports whether d and e hold the same fields, treating nil and
// empty Unknown alike.
func (d Description) Equal(e Description) bool {
	return d.fields() == e.fields() && slices.Equal(d.Unknown, e.Unknown)
}

// descriptionFields is a Description without its slice, so that it compares
// with ==.
type descriptionFields struct {
	part, input                string
	style                      Style
	program                    Program
	offering                   Offering
	level                      Level
	coverage, acquired         int
	scope                      Scope
	language, product, version string
	pack                       int
	model                      LicenseModel
	segment                    Segment
	cores                      int
	qualifiers                 Qualifiers
}

func (d Description) fields() descriptionFields {
	return descriptionFields{d.Part, d.Input, d.Style, d.Program, d.Offering, d.Level, d.CoverageYears, d.AcquiredYear,
		d.Scope, d.Language, d.Product, d.Version, d.PackSize, d.LicenseModel, d.Segment, d.Cores, d.Qualifiers}
}

// A DescriptionParser reads a price-list item description. The program
// packages each provide one for their own price lists.
type DescriptionParser interface {
	ParseDescription(s string) (Description, error)
}

// ErrNoParser reports a call to ParseWith without parsers.
var ErrNoParser = errors.New("no description parser")

// ErrOtherProgram reports a description whose program token names another
// program than the parser's.
var ErrOtherProgram = errors.New("description of another program")

// ErrInvalidCombination reports fields that cannot go together, such as an
// Open Value acquisition year with a coverage it does not sell (SKU-09).
var ErrInvalidCombination = errors.New("invalid combination")

// ErrUnreadable reports a description with nothing recognisable: empty, or
// without a product.
var ErrUnreadable = errors.New("unreadable description")

// A ParseError reports where a description went wrong: the input, the byte
// offset of the token at fault, and the error (wrapping ErrUnreadable,
// ErrInvalidCombination, ErrOtherProgram, …).
type ParseError struct {
	Input  string
	Offset int
	Err    error
}

// Error returns `licensing: description "…" at byte N: error`.
func (e *ParseError) Error() string {
	return fmt.Sprintf("licensing: description %q at byte %d: %v", e.Input, e.Offset, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ParseWith tries each parser in turn and returns the first description one
// of them reads. A parser that finds another program's description is
// passed over; when none reads it, ParseWith returns the description and
// error of the first parser that did not pass it over (its fields as far as
// it read them), or else the first error. With no parsers it reports
// ErrNoParser.
func ParseWith(s string, parsers ...DescriptionParser) (Description, error) {
	var first, best error
	var bestD Description
	for _, p := range parsers {
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
