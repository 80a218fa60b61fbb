package sku

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing"
)

// ErrInvalidField is wrapped by every error that reports a malformed description field.
var ErrInvalidField = errors.New("invalid description field")

// A Field is the field of a Description that a token fills. The zero Field
// is not valid.
type Field uint8

// The fields a description token can fill.
const (
	FieldLanguage Field = iota + 1
	FieldOffering
	FieldProgram
	FieldLevel
	FieldCoverage
	FieldAcquired
	FieldScope
	FieldLicenseModel
	FieldSegment
	FieldQualifier
)

// A TokenRow is one spelling of the price-list description vocabulary
// the text as price lists write it (one or more words, matched
// ignoring case), the field it fills and the value it gives, the style it
// marks (zero when every style uses it), whether it ends the product name,
// the styles [Format] writes it in, and the rule it comes from. The
// vocabulary is the one source of every spelling a description uses: the
// reader reads these rows, Format writes them, and [ParseScope] and
// [ParseLicenseModel] accept them.
//
// Value is written in the canonical vocabulary: "LicenseSA", "OpenValue",
// "NL", "AdditionalProduct", "Core", "Academic"; a number of years for
// coverage and acquisition years; "AllLanguages", "SingleLanguage", or ""
// for a language kept as written; a qualifier's name for qualifiers.
//
// Yields marks a one-word spelling that is also a word of product names,
// such as "Open" ("Visio Plan2 Open") or "Sub": it fills its field only
// when no later token fills the same field; where one does, the word
// belongs to the product.
type TokenRow struct {
	Text   string
	Field  Field
	Value  string
	Style  Style
	Ends   bool
	Yields bool
	Writes []Style
	Rule   licensing.RuleID
}

// tokenValue is a TokenRow read once: what a match does to a Description.
// It is eight bytes, so that a description's tokens fit on the stack.
type tokenValue struct {
	num   int32 // years, pack size, processors, cores
	field Field
	code  uint8 // the enum value, qualifier bit index, or language (see languageCodes)
	style Style
	flags valueFlags
}

// valueFlags are the yes-or-no facts of a tokenValue.
type valueFlags uint8

const (
	ends      valueFlags = 1 << iota // the token ends the product name
	unspelled                        // a year token the vocabulary does not spell (SKU-05, SKU-06)
	yields                           // the word is the product's when a later token fills the field
)

// is reports whether v has every flag of f.
func (v *tokenValue) is(f valueFlags) bool { return v.flags&f == f }

// flagsOf returns the flags of the facts given.
func flagsOf(end, unspell, yield bool) valueFlags {
	var f valueFlags
	if end {
		f |= ends
	}
	if unspell {
		f |= unspelled
	}
	if yield {
		f |= yields
	}
	return f
}

// languageCodes are the canonical languages a token's code stands for; code
// 0 keeps the language as written.
var languageCodes = [...]string{1: "AllLanguages", 2: "SingleLanguage"}

// The styles a row is written in by Format.
var (
	long  = []Style{Long}
	short = []Style{Short}
	both  = []Style{Long, Short}
)

// The vocabulary, one row per spelling. Languages, offerings and programs
// always end the product name; the other rows say so where a spelling is
// distinctive enough (the product is the words before the first token that
// is a version, a language or an offering or program token; the
// abbreviations of the short form end it too, so that "ExchgOnlinePlan1Open
// ShrdSvr AllLng …" reads product "ExchgOnlinePlan1Open"). The coverage and
// acquisition rows spell the years price lists sell, one to three (SKU-05,
// SKU-06): a year token the vocabulary does not spell is out of range.
// The units of numbers that vary — pack sizes ("2Lic", "1 License"),
// processors ("2Proc"), cores ("4 Cores") — are the countUnits rows below;
// versions are read by their shape (Reader.Parse).
var defaultTokenRows = []TokenRow{
	// Languages (SKU-02, X-19).
	{Text: "ALNG", Field: FieldLanguage, Value: "AllLanguages", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "AllLng", Field: FieldLanguage, Value: "AllLanguages", Style: Expanded, Ends: true, Rule: "X-19"},
	{Text: "All Languages", Field: FieldLanguage, Value: "AllLanguages", Style: Long, Ends: true, Writes: long, Rule: "X-19"},
	{Text: "SNGL", Field: FieldLanguage, Value: "SingleLanguage", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "SLng", Field: FieldLanguage, Value: "SingleLanguage", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "Single Language", Field: FieldLanguage, Value: "SingleLanguage", Style: Long, Ends: true, Writes: long, Rule: "X-19"},

	// License type (SKU-04, GEN-20).
	{Text: "LicSAPk", Field: FieldOffering, Value: "LicenseSA", Style: Short, Ends: true, Writes: short, Rule: "SKU-04"},
	{Text: "LSA", Field: FieldOffering, Value: "LicenseSA", Style: Short, Ends: true, Rule: "SKU-04"},
	{Text: "LicSA", Field: FieldOffering, Value: "LicenseSA", Style: Short, Ends: true, Rule: "SKU-04"},
	{Text: "Lic/SA", Field: FieldOffering, Value: "LicenseSA", Style: Long, Ends: true, Rule: "SKU-04"},
	{Text: "Lic/SA Pack", Field: FieldOffering, Value: "LicenseSA", Style: Long, Ends: true, Writes: long, Rule: "SKU-04"},
	{Text: "SA", Field: FieldOffering, Value: "SA", Ends: true, Writes: short, Rule: "SKU-04"},
	{Text: "SA Pack", Field: FieldOffering, Value: "SA", Style: Long, Ends: true, Writes: long, Rule: "SKU-04"},
	{Text: "Software Assurance", Field: FieldOffering, Value: "SA", Style: Reseller, Ends: true, Rule: "SKU-04"},
	{Text: "Lic", Field: FieldOffering, Value: "License", Ends: true, Writes: both, Rule: "GEN-20"},
	{Text: "License", Field: FieldOffering, Value: "License", Style: Reseller, Ends: true, Rule: "GEN-20"},
	{Text: "SubsVL", Field: FieldOffering, Value: "Subscription", Style: Short, Ends: true, Writes: both, Rule: "X-19"},
	{Text: "SubscriptionVL", Field: FieldOffering, Value: "Subscription", Style: Expanded, Ends: true, Rule: "X-19"},
	{Text: "MonthlySubscriptions-VolumeLicense", Field: FieldOffering, Value: "Subscription", Style: Expanded, Ends: true, Rule: "X-19"},
	// "Sub" and "Subscription" are words of product names too ("Visual
	// Studio Pro Sub MSDN … LicSAPk"): a later offering token takes the
	// field, and the word stays in the product.
	{Text: "Sub", Field: FieldOffering, Value: "Subscription", Style: Short, Ends: true, Yields: true, Rule: "X-19"},
	{Text: "Subscription", Field: FieldOffering, Value: "Subscription", Style: Expanded, Ends: true, Yields: true, Rule: "X-19"},
	{Text: "StepUp", Field: FieldOffering, Value: "StepUp", Style: Short, Ends: true, Writes: both, Rule: "X-19"},
	{Text: "Step Up", Field: FieldOffering, Value: "StepUp", Style: Reseller, Ends: true, Rule: "X-19"},
	{Text: "SA Step Up", Field: FieldOffering, Value: "StepUp", Style: Reseller, Ends: true, Rule: "X-19"},

	// Programs (SKU-08, X-19).
	{Text: "OLV", Field: FieldProgram, Value: "OpenValue", Ends: true, Writes: both, Rule: "SKU-08"},
	{Text: "OVS", Field: FieldProgram, Value: "OpenValueSubscription", Ends: true, Writes: both, Rule: "X-19"},
	{Text: "OLP", Field: FieldProgram, Value: "OpenLicense", Ends: true, Writes: both, Rule: "X-19"},
	{Text: "OPEN", Field: FieldProgram, Value: "OpenLicense", Style: Reseller, Ends: true, Yields: true, Rule: "X-19"},
	{Text: "MVL", Field: FieldProgram, Value: "MVL", Ends: true, Writes: both, Rule: "X-19"},

	// Levels (SKU-08, GEN-08, GEN-09).
	{Text: "NL", Field: FieldLevel, Value: "NL", Ends: true, Writes: both, Rule: "SKU-08"},
	{Text: "NoLevel", Field: FieldLevel, Value: "NL", Style: Expanded, Ends: true, Rule: "X-19"},
	{Text: "No Level", Field: FieldLevel, Value: "NL", Style: Reseller, Ends: true, Rule: "X-19"},
	{Text: "A", Field: FieldLevel, Value: "A", Writes: both, Rule: "GEN-08"},
	{Text: "B", Field: FieldLevel, Value: "B", Writes: both, Rule: "GEN-08"},
	{Text: "C", Field: FieldLevel, Value: "C", Writes: both, Rule: "GEN-08"},
	{Text: "D", Field: FieldLevel, Value: "D", Writes: both, Rule: "GEN-08"},
	{Text: "Level A", Field: FieldLevel, Value: "A", Style: Reseller, Ends: true, Rule: "GEN-08"},
	{Text: "Level B", Field: FieldLevel, Value: "B", Style: Reseller, Ends: true, Rule: "GEN-08"},
	{Text: "Level C", Field: FieldLevel, Value: "C", Style: Reseller, Ends: true, Rule: "GEN-08"},
	{Text: "Level D", Field: FieldLevel, Value: "D", Style: Reseller, Ends: true, Rule: "GEN-08"},

	// Coverage (SKU-05).
	{Text: "1YR", Field: FieldCoverage, Value: "1", Style: Long, Ends: true, Writes: long, Rule: "SKU-05"},
	{Text: "2YR", Field: FieldCoverage, Value: "2", Style: Long, Ends: true, Writes: long, Rule: "SKU-05"},
	{Text: "3YR", Field: FieldCoverage, Value: "3", Style: Long, Ends: true, Writes: long, Rule: "SKU-05"},
	{Text: "1Y", Field: FieldCoverage, Value: "1", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "2Y", Field: FieldCoverage, Value: "2", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "3Y", Field: FieldCoverage, Value: "3", Style: Short, Ends: true, Writes: short, Rule: "X-19"},

	// Acquisition year (SKU-06).
	{Text: "Acq Y1", Field: FieldAcquired, Value: "1", Style: Long, Ends: true, Writes: long, Rule: "SKU-06"},
	{Text: "Acq Y2", Field: FieldAcquired, Value: "2", Style: Long, Ends: true, Writes: long, Rule: "SKU-06"},
	{Text: "Acq Y3", Field: FieldAcquired, Value: "3", Style: Long, Ends: true, Writes: long, Rule: "SKU-06"},
	{Text: "AcqY1", Field: FieldAcquired, Value: "1", Style: Long, Ends: true, Rule: "SKU-06"},
	{Text: "AcqY2", Field: FieldAcquired, Value: "2", Style: Long, Ends: true, Rule: "SKU-06"},
	{Text: "AcqY3", Field: FieldAcquired, Value: "3", Style: Long, Ends: true, Rule: "SKU-06"},
	{Text: "Aq Y1", Field: FieldAcquired, Value: "1", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "Aq Y2", Field: FieldAcquired, Value: "2", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "Aq Y3", Field: FieldAcquired, Value: "3", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "AqY1", Field: FieldAcquired, Value: "1", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "AqY2", Field: FieldAcquired, Value: "2", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "AqY3", Field: FieldAcquired, Value: "3", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "AY1", Field: FieldAcquired, Value: "1", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "AY2", Field: FieldAcquired, Value: "2", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "AY3", Field: FieldAcquired, Value: "3", Style: Short, Ends: true, Rule: "X-19"},

	// Scope (SKU-07).
	{Text: "AddProd", Field: FieldScope, Value: "AdditionalProduct", Style: Long, Writes: long, Rule: "SKU-07"},
	{Text: "AP", Field: FieldScope, Value: "AdditionalProduct", Style: Short, Writes: short, Rule: "X-19"},
	{Text: "AdditionalProduct", Field: FieldScope, Value: "AdditionalProduct", Style: Expanded, Rule: "X-19"},
	{Text: "Ent", Field: FieldScope, Value: "Enterprise", Style: Long, Writes: long, Rule: "SKU-07"},
	{Text: "E", Field: FieldScope, Value: "Enterprise", Style: Short, Writes: short, Rule: "X-19"},
	{Text: "Enterprise", Field: FieldScope, Value: "Enterprise", Rule: "X-19"},
	{Text: "Pltfrm", Field: FieldScope, Value: "Platform", Style: Short, Writes: short, Rule: "X-19"},
	{Text: "Platform", Field: FieldScope, Value: "Platform", Style: Long, Writes: long, Rule: "X-19"},

	// License models.
	{Text: "CoreLic", Field: FieldLicenseModel, Value: "Core", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "CoreL", Field: FieldLicenseModel, Value: "Core", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "Core Licence", Field: FieldLicenseModel, Value: "Core", Style: Long, Rule: "X-19"},
	{Text: "Core License", Field: FieldLicenseModel, Value: "Core", Style: Long, Writes: long, Rule: "X-19"},
	{Text: "DvcCAL", Field: FieldLicenseModel, Value: "DeviceCAL", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "DCAL", Field: FieldLicenseModel, Value: "DeviceCAL", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "Device CAL", Field: FieldLicenseModel, Value: "DeviceCAL", Style: Long, Writes: long, Rule: "X-19"},
	{Text: "UsrCAL", Field: FieldLicenseModel, Value: "UserCAL", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "UCAL", Field: FieldLicenseModel, Value: "UserCAL", Style: Short, Ends: true, Rule: "X-19"},
	{Text: "User CAL", Field: FieldLicenseModel, Value: "UserCAL", Style: Long, Writes: long, Rule: "X-19"},
	{Text: "SAL", Field: FieldLicenseModel, Value: "SAL", Writes: both, Rule: "X-19"},
	{Text: "Proc", Field: FieldLicenseModel, Value: "Processor", Writes: both, Rule: "X-19"},
	{Text: "PerUsr", Field: FieldLicenseModel, Value: "PerUser", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "Per User", Field: FieldLicenseModel, Value: "PerUser", Style: Long, Writes: long, Rule: "X-19"},

	// Segments (GEN-13, X-19).
	{Text: "Acdmc", Field: FieldSegment, Value: "Academic", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "EDU", Field: FieldSegment, Value: "Academic", Ends: true, Rule: "X-19"},
	{Text: "AE", Field: FieldSegment, Value: "Academic", Ends: true, Rule: "X-19"},
	{Text: "Academic", Field: FieldSegment, Value: "Academic", Style: Long, Ends: true, Writes: long, Rule: "GEN-13"},
	{Text: "GOV", Field: FieldSegment, Value: "Government", Ends: true, Writes: short, Rule: "X-19"},
	{Text: "GOVT", Field: FieldSegment, Value: "Government", Ends: true, Rule: "X-19"},
	{Text: "Government", Field: FieldSegment, Value: "Government", Style: Long, Ends: true, Writes: long, Rule: "GEN-13"},
	{Text: "Chrty", Field: FieldSegment, Value: "Charity", Style: Short, Ends: true, Writes: short, Rule: "X-19"},
	{Text: "Charity", Field: FieldSegment, Value: "Charity", Style: Long, Ends: true, Writes: long, Rule: "GEN-13"},

	// Qualifiers and reseller additions.
	{Text: "Qlfd", Field: FieldQualifier, Value: "Qualified", Style: Short, Ends: true, Writes: both, Rule: "X-19"},
	{Text: "Qualified", Field: FieldQualifier, Value: "Qualified", Style: Expanded, Ends: true, Rule: "X-19"},
	{Text: "ShrdSvr", Field: FieldQualifier, Value: "SharedServer", Style: Short, Ends: true, Writes: both, Rule: "X-19"},
	{Text: "w1PrjctSvrCAL", Field: FieldQualifier, Value: "WithProjectServerCAL", Ends: true, Writes: both, Rule: "X-19"},
	{Text: "woWinSvrLic", Field: FieldQualifier, Value: "WithoutWindowsServerLicense", Ends: true, Writes: both, Rule: "X-19"},
	{Text: "MSDN", Field: FieldQualifier, Value: "MSDN", Writes: both, Rule: "X-19"},
	{Text: "Annual", Field: FieldQualifier, Value: "Annual", Writes: both, Rule: "X-19"},
	{Text: "1Month", Field: FieldQualifier, Value: "Monthly", Ends: true, Writes: both, Rule: "X-19"},
	{Text: "Microsoft", Field: FieldQualifier, Value: "Microsoft", Style: Reseller, Rule: "X-19"},
	{Text: "Microsoft®", Field: FieldQualifier, Value: "Microsoft", Style: Reseller, Rule: "X-19"},
	{Text: "EACH", Field: FieldQualifier, Value: "Each", Style: Reseller, Rule: "X-19"},
	{Text: "(Perpetual License)", Field: FieldQualifier, Value: "Perpetual", Style: Reseller, Rule: "X-19"},
}

// A countUnit is how a description writes the unit of a number: joined to
// the number ("2Lic", "2Proc", "1Y") or as the next word ("1 License",
// "16 Cores"). The reader reads every row; Format writes the rows marked
// writes.
type countUnit struct {
	unit      string
	joined    bool  // part of the number's word; else the word after it
	field     Field // fieldPack, fieldCores, or the field the code fills
	code      uint8
	style     Style // the style the spelling marks; zero when every style uses it
	digits    int   // the most digits the number may have; 0 for any (a count is from 1)
	ends      bool  // ends the product name
	unspelled bool  // a year the vocabulary does not spell (SKU-05)
	writes    bool  // Format writes the field with this row
	rule      licensing.RuleID
}

// countUnits are the units numbers carry in descriptions. First match wins.
var countUnits = []countUnit{
	{unit: "Lic", joined: true, field: fieldPack, ends: true, writes: true, rule: "X-19"},
	{unit: "License", joined: true, field: fieldPack, style: Expanded, ends: true, rule: "X-19"},
	{unit: "Licenses", joined: true, field: fieldPack, style: Expanded, ends: true, rule: "X-19"},
	{unit: "Licence", joined: true, field: fieldPack, style: Expanded, ends: true, rule: "X-19"},
	{unit: "Licences", joined: true, field: fieldPack, style: Expanded, ends: true, rule: "X-19"},
	{unit: "Proc", joined: true, field: FieldLicenseModel, code: uint8(Processor), ends: true, writes: true, rule: "X-19"},
	{unit: "Y", joined: true, field: FieldCoverage, digits: 1, ends: true, unspelled: true, rule: "SKU-05"},
	{unit: "YR", joined: true, field: FieldCoverage, digits: 1, ends: true, unspelled: true, rule: "SKU-05"},
	{unit: "License", field: fieldPack, style: Reseller, ends: true, rule: "X-19"},
	{unit: "Licenses", field: fieldPack, style: Reseller, ends: true, rule: "X-19"},
	{unit: "Licence", field: fieldPack, style: Reseller, ends: true, rule: "X-19"},
	{unit: "Licences", field: fieldPack, style: Reseller, ends: true, rule: "X-19"},
	{unit: "Cores", field: fieldCores, style: Reseller, rule: "X-19"},
	{unit: "Core", field: fieldCores, style: Reseller, rule: "X-19"},
}

// joinedUnits and spacedUnits are the countUnits joined to their number
// and those that are the next word, each in countUnits' order.
var joinedUnits, spacedUnits = func() (joined, spaced []countUnit) {
	for _, u := range countUnits {
		if u.joined {
			joined = append(joined, u)
		} else {
			spaced = append(spaced, u)
		}
	}
	return joined, spaced
}()

// acquisitionPrefixes spell an acquisition year the vocabulary may not
// spell, so that one out of range ("Acq Y4", "AqY4", "AY7") is reported as
// such (SKU-06): joined to the year's digit, or a word before "Y" and the
// digit.
var acquisitionPrefixes = []struct {
	prefix string
	joined bool
}{
	{prefix: "AcqY", joined: true}, {prefix: "AqY", joined: true}, {prefix: "AY", joined: true},
	{prefix: "Acq"}, {prefix: "Aq"},
}

// acquisitionFirst holds the first bytes of acquisitionPrefixes in both
// cases: a word starting otherwise spells no acquisition year.
var acquisitionFirst = func() (first [256]bool) {
	for _, p := range acquisitionPrefixes {
		first[lc(p.prefix[0])], first[p.prefix[0]&^0x20] = true, true
	}
	return first
}()

// languageNames are the languages and language codes price lists write;
// each is kept as written. They all end the product name.
var languageNames = []string{
	"English", "German", "French", "Spanish", "Italian", "Japanese", "Korean", "Chinese", "ChnSimp", "ChnTrad",
	"Portuguese", "Brazilian", "Dutch", "Swedish", "Danish", "Norwegian", "Finnish", "Polish", "Russian", "Czech",
	"Hungarian", "Turkish", "Greek", "Arabic", "Hebrew", "Thai", "Romanian", "Slovak", "Slovenian", "Croatian",
	"Serbian", "Bulgarian", "Ukrainian", "Estonian", "Latvian", "Lithuanian", "Indonesian", "Malay", "Vietnamese",
	"Hindi", "Catalan", "Basque", "Galician", "Kazakh",
	"ENG", "GER", "DEU", "FRE", "FRA", "SPA", "ESP", "ITA", "JPN", "KOR", "CHS", "CHT", "PTB", "PTG", "DUT", "NLD",
	"SWE", "FIN", "POL", "RUS", "CSY", "CZE", "HUN", "TRK", "TUR", "GRE", "ELL", "ARA", "HEB", "THA", "SKY", "SLV",
	"HRV", "BGR", "UKR", "ETI", "LVI", "LTH", "VIT",
}

// DefaultTokens returns the default description vocabulary: the rows above
// and a row for each language name or code. The caller owns the slice and
// its rows; pass a changed copy to NewReader.
func DefaultTokens() []TokenRow {
	out := make([]TokenRow, 0, len(defaultTokenRows)+len(languageNames))
	for _, r := range defaultTokenRows {
		r.Writes = slices.Clone(r.Writes)
		out = append(out, r)
	}
	for _, l := range languageNames {
		out = append(out, TokenRow{Text: l, Field: FieldLanguage, Ends: true, Rule: "SKU-02"})
	}
	return out
}

// spellingsOf returns the vocabulary's rows of field f as spellings of an
// enum whose canonical names are names, so that the enum's parser accepts
// exactly what descriptions write.
func spellingsOf[E ~uint8](f Field, names []string) []enum.Spelling[E] {
	var out []enum.Spelling[E]
	for _, r := range defaultTokenRows {
		if r.Field == f && !slices.Contains(names, r.Text) {
			out = append(out, enum.Spelling[E]{Value: E(slices.Index(names, r.Value)), Texts: []string{r.Text}, Rule: string(r.Rule)})
		}
	}
	return out
}

// value reads a row's canonical value.
func (r TokenRow) value() (tokenValue, error) {
	v := tokenValue{field: r.Field, style: r.Style, flags: flagsOf(r.Ends, false, r.Yields && !strings.Contains(r.Text, " "))}
	var err error
	var code uint8
	switch r.Field {
	case FieldLanguage:
		v.flags |= ends
		switch r.Value {
		case "":
		case languageCodes[1]:
			code = 1
		case languageCodes[2]:
			code = 2
		default:
			return v, fmt.Errorf("language value %q: want AllLanguages, SingleLanguage or empty (as written)", r.Value)
		}
	case FieldOffering:
		v.flags |= ends
		var o licensing.Offering
		o, err = licensing.ParseOffering(r.Value)
		code = uint8(o)
	case FieldProgram:
		v.flags |= ends
		var p licensing.Program
		p, err = licensing.ParseProgram(r.Value)
		code = uint8(p)
	case FieldLevel:
		var l licensing.Level
		l, err = licensing.ParseLevel(r.Value)
		code = uint8(l)
	case FieldScope:
		var s Scope
		s, err = ParseScope(r.Value)
		code = uint8(s)
	case FieldLicenseModel:
		var m LicenseModel
		m, err = ParseLicenseModel(r.Value)
		code = uint8(m)
	case FieldSegment:
		var s licensing.Segment
		s, err = licensing.ParseSegment(r.Value)
		code = uint8(s)
	case FieldCoverage, FieldAcquired:
		var n int64
		n, err = strconv.ParseInt(r.Value, 10, 32)
		if err == nil && n < 1 {
			err = fmt.Errorf("years %d: want a positive number", n)
		}
		v.num = int32(n)
	case FieldQualifier:
		i := slices.Index(qualifierNames, r.Value)
		if i < 0 {
			err = fmt.Errorf("unknown qualifier %q", r.Value)
		}
		code = uint8(i)
	default:
		err = fmt.Errorf("unknown field %v", r.Field)
	}
	for _, s := range r.Writes {
		if s != Long && s != Short && err == nil {
			err = fmt.Errorf("Format writes the long and short forms only, not %v", s)
		}
	}
	v.code = code
	return v, err
}

// A ProgramRule is how one program reads its own descriptions; the program
// packages hand their rows to [NewReader] or [Combine]. A reader with
// program rules reads the descriptions of those programs (and those with no
// program token) and refuses another program's (SKU-08).
type ProgramRule struct {
	Program licensing.Program
	// Offering is the offering of a description with no offering token:
	// an Open License row is a License. Zero for none.
	Offering licensing.Offering
	// Beats are the programs whose tokens this program's token wins over,
	// wherever the two stand: an OVS token anywhere makes the item Open
	// Value Subscription, though OLV is also written on it.
	Beats []licensing.Program
	Rule  licensing.RuleID
	// Check refuses a description of the program that the program does not
	// sell as written, such as an Open Value acquisition year with a
	// coverage it does not sell (SKU-09) or an Open License 5.0 type
	// (OL-12): it returns nil, or the refusal as a *ParseError positioned
	// at the token at fault. Nil for none. A reader built by [Combine]
	// runs it; one built by NewReader does not.
	Check func(d Description) error
}
