package licensing

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A DescriptionField is the field of a Description that a token fills.
type DescriptionField uint8

// The fields a description token can fill.
const (
	FieldLanguage DescriptionField = iota + 1
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

var fieldNames = [...]string{FieldLanguage: "language", FieldOffering: "offering", FieldProgram: "program",
	FieldLevel: "level", FieldCoverage: "coverageYears", FieldAcquired: "acquiredYear", FieldScope: "scope",
	FieldLicenseModel: "licenseModel", FieldSegment: "segment", FieldQualifier: "qualifier"}

// String returns the field's name in the canonical vocabulary.
func (f DescriptionField) String() string {
	if f >= FieldLanguage && f <= FieldQualifier {
		return fieldNames[f]
	}
	return "DescriptionField(?)"
}

// A TokenRow is one spelling of the price-list description vocabulary
// (SKU.md, X-19): the text as price lists write it (one or more words,
// matched ignoring case), the field it fills and the value it gives, the
// style it marks (zero when every style uses it), whether it ends the
// product name, and the rule it comes from.
//
// Value is written in the canonical vocabulary: "LicenseSA", "OpenValue",
// "NL", "AdditionalProduct", "Core", "Academic"; a number for coverage and
// acquisition years; "AllLanguages", "SingleLanguage", or "" for a language
// kept as written; a qualifier's name for qualifiers.
type TokenRow struct {
	Text  string
	Field DescriptionField
	Value string
	Style Style
	Ends  bool
	Rule  RuleID
}

// tokenValue is a TokenRow read once: what a match does to a Description.
// It is small, so that a description's tokens fit on the stack.
type tokenValue struct {
	field DescriptionField
	code  uint8 // the enum value, qualifier bit index, or language (see languageCodes)
	style Style
	ends  bool
	num   int32 // years, pack size, cores
}

// languageCodes are the canonical languages a token's code stands for; code
// 0 keeps the language as written.
var languageCodes = [...]string{1: "AllLanguages", 2: "SingleLanguage"}

// The vocabulary, one row per spelling. Languages, offerings and programs
// always end the product name; the other rows say so where a spelling is
// distinctive enough (SKU.md: "the product is the words before the first
// token that is a version, a language or an offering/program token"; the
// abbreviations of the short form end it too, so that "ExchgOnlinePlan1Open
// ShrdSvr AllLng …" reads product "ExchgOnlinePlan1Open"). Numbers that
// vary — versions, pack sizes ("2Lic", "1 License"), processors ("2Proc"),
// cores ("4 Cores") — are patterns in code, described in ParseDescription.
var defaultTokenRows = []TokenRow{
	// Languages (SKU-02, X-19).
	{"ALNG", FieldLanguage, "AllLanguages", Short, true, "X-19"},
	{"AllLng", FieldLanguage, "AllLanguages", Expanded, true, "X-19"},
	{"All Languages", FieldLanguage, "AllLanguages", Long, true, "X-19"},
	{"SNGL", FieldLanguage, "SingleLanguage", Short, true, "X-19"},
	{"Single Language", FieldLanguage, "SingleLanguage", Long, true, "X-19"},

	// License type (SKU-04, GEN-20).
	{"LicSAPk", FieldOffering, "LicenseSA", Short, true, "SKU-04"},
	{"LSA", FieldOffering, "LicenseSA", Short, true, "SKU-04"},
	{"LicSA", FieldOffering, "LicenseSA", Short, true, "SKU-04"},
	{"Lic/SA", FieldOffering, "LicenseSA", Long, true, "SKU-04"},
	{"Lic/SA Pack", FieldOffering, "LicenseSA", Long, true, "SKU-04"},
	{"SA", FieldOffering, "SA", 0, true, "SKU-04"},
	{"SA Pack", FieldOffering, "SA", Long, true, "SKU-04"},
	{"Software Assurance", FieldOffering, "SA", Reseller, true, "SKU-04"},
	{"Lic", FieldOffering, "License", 0, true, "GEN-20"},
	{"License", FieldOffering, "License", Reseller, true, "GEN-20"},
	{"SubsVL", FieldOffering, "Subscription", Short, true, "X-19"},
	{"SubscriptionVL", FieldOffering, "Subscription", Expanded, true, "X-19"},
	{"MonthlySubscriptions-VolumeLicense", FieldOffering, "Subscription", Expanded, true, "X-19"},
	{"StepUp", FieldOffering, "StepUp", Short, true, "X-19"},
	{"Step Up", FieldOffering, "StepUp", Reseller, true, "X-19"},
	{"SA Step Up", FieldOffering, "StepUp", Reseller, true, "X-19"},

	// Programs (SKU-08, X-19).
	{"OLV", FieldProgram, "OpenValue", 0, true, "SKU-08"},
	{"OVS", FieldProgram, "OpenValueSubscription", 0, true, "X-19"},
	{"OLP", FieldProgram, "OpenLicense", 0, true, "X-19"},
	{"OPEN", FieldProgram, "OpenLicense", Reseller, true, "X-19"},
	{"MVL", FieldProgram, "MVL", 0, true, "X-19"},

	// Levels (SKU-08, GEN-08, GEN-09).
	{"NL", FieldLevel, "NL", 0, true, "SKU-08"},
	{"NoLevel", FieldLevel, "NL", Expanded, true, "X-19"},
	{"No Level", FieldLevel, "NL", Reseller, true, "X-19"},
	{"A", FieldLevel, "A", 0, false, "GEN-08"},
	{"B", FieldLevel, "B", 0, false, "GEN-08"},
	{"C", FieldLevel, "C", 0, false, "GEN-08"},
	{"D", FieldLevel, "D", 0, false, "GEN-08"},
	{"Level A", FieldLevel, "A", Reseller, true, "GEN-08"},
	{"Level B", FieldLevel, "B", Reseller, true, "GEN-08"},
	{"Level C", FieldLevel, "C", Reseller, true, "GEN-08"},
	{"Level D", FieldLevel, "D", Reseller, true, "GEN-08"},

	// Coverage (SKU-05).
	{"1YR", FieldCoverage, "1", Long, true, "SKU-05"},
	{"2YR", FieldCoverage, "2", Long, true, "SKU-05"},
	{"3YR", FieldCoverage, "3", Long, true, "SKU-05"},
	{"1Y", FieldCoverage, "1", Short, true, "X-19"},
	{"2Y", FieldCoverage, "2", Short, true, "X-19"},
	{"3Y", FieldCoverage, "3", Short, true, "X-19"},

	// Acquisition year (SKU-06).
	{"Acq Y1", FieldAcquired, "1", Long, true, "SKU-06"},
	{"Acq Y2", FieldAcquired, "2", Long, true, "SKU-06"},
	{"Acq Y3", FieldAcquired, "3", Long, true, "SKU-06"},
	{"AcqY1", FieldAcquired, "1", Long, true, "SKU-06"},
	{"AcqY2", FieldAcquired, "2", Long, true, "SKU-06"},
	{"AcqY3", FieldAcquired, "3", Long, true, "SKU-06"},
	{"Aq Y1", FieldAcquired, "1", Short, true, "X-19"},
	{"Aq Y2", FieldAcquired, "2", Short, true, "X-19"},
	{"Aq Y3", FieldAcquired, "3", Short, true, "X-19"},
	{"AqY1", FieldAcquired, "1", Short, true, "X-19"},
	{"AqY2", FieldAcquired, "2", Short, true, "X-19"},
	{"AqY3", FieldAcquired, "3", Short, true, "X-19"},
	{"AY1", FieldAcquired, "1", Short, true, "X-19"},
	{"AY2", FieldAcquired, "2", Short, true, "X-19"},
	{"AY3", FieldAcquired, "3", Short, true, "X-19"},

	// Scope (SKU-07).
	{"AddProd", FieldScope, "AdditionalProduct", Long, false, "SKU-07"},
	{"AP", FieldScope, "AdditionalProduct", Short, false, "X-19"},
	{"AdditionalProduct", FieldScope, "AdditionalProduct", Expanded, false, "X-19"},
	{"Ent", FieldScope, "Enterprise", Long, false, "SKU-07"},
	{"E", FieldScope, "Enterprise", Short, false, "X-19"},
	{"Enterprise", FieldScope, "Enterprise", 0, false, "X-19"},
	{"Pltfrm", FieldScope, "Platform", Short, false, "X-19"},
	{"Platform", FieldScope, "Platform", Long, false, "X-19"},

	// License models.
	{"CoreLic", FieldLicenseModel, "Core", Short, true, "X-19"},
	{"CoreL", FieldLicenseModel, "Core", Short, true, "X-19"},
	{"Core Licence", FieldLicenseModel, "Core", Long, false, "X-19"},
	{"Core License", FieldLicenseModel, "Core", Long, false, "X-19"},
	{"DvcCAL", FieldLicenseModel, "DeviceCAL", Short, true, "X-19"},
	{"Device CAL", FieldLicenseModel, "DeviceCAL", Long, false, "X-19"},
	{"UsrCAL", FieldLicenseModel, "UserCAL", Short, true, "X-19"},
	{"User CAL", FieldLicenseModel, "UserCAL", Long, false, "X-19"},
	{"SAL", FieldLicenseModel, "SAL", 0, false, "X-19"},
	{"Proc", FieldLicenseModel, "Processor", 0, false, "X-19"},
	{"PerUsr", FieldLicenseModel, "PerUser", Short, true, "X-19"},
	{"Per User", FieldLicenseModel, "PerUser", Long, false, "X-19"},

	// Segments (GEN-13, X-19).
	{"Acdmc", FieldSegment, "Academic", Short, true, "X-19"},
	{"EDU", FieldSegment, "Academic", 0, true, "X-19"},
	{"AE", FieldSegment, "Academic", 0, true, "X-19"},
	{"Academic", FieldSegment, "Academic", Long, true, "GEN-13"},
	{"GOV", FieldSegment, "Government", 0, true, "X-19"},
	{"GOVT", FieldSegment, "Government", 0, true, "X-19"},
	{"Government", FieldSegment, "Government", Long, true, "GEN-13"},
	{"Chrty", FieldSegment, "Charity", Short, true, "X-19"},
	{"Charity", FieldSegment, "Charity", Long, true, "GEN-13"},

	// Qualifiers and reseller additions.
	{"Qlfd", FieldQualifier, "Qualified", Short, true, "X-19"},
	{"Qualified", FieldQualifier, "Qualified", Expanded, true, "X-19"},
	{"ShrdSvr", FieldQualifier, "SharedServer", Short, true, "X-19"},
	{"w1PrjctSvrCAL", FieldQualifier, "WithProjectServerCAL", 0, true, "X-19"},
	{"woWinSvrLic", FieldQualifier, "WithoutWindowsServerLicense", 0, true, "X-19"},
	{"MSDN", FieldQualifier, "MSDN", 0, false, "X-19"},
	{"Annual", FieldQualifier, "Annual", 0, false, "X-19"},
	{"1Month", FieldQualifier, "Monthly", 0, true, "X-19"},
	{"Microsoft", FieldQualifier, "Microsoft", Reseller, false, "X-19"},
	{"Microsoft®", FieldQualifier, "Microsoft", Reseller, false, "X-19"},
	{"EACH", FieldQualifier, "Each", Reseller, false, "X-19"},
	{"(Perpetual License)", FieldQualifier, "Perpetual", Reseller, false, "X-19"},
}

// languageNames are the languages and language codes price lists write;
// each is kept as written (SKU.md). They all end the product name.
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
// and a row for each language name or code. The caller owns the slice; pass
// a changed copy to NewDescriptionReader.
func DefaultTokens() []TokenRow {
	out := slices.Clone(defaultTokenRows)
	for _, l := range languageNames {
		out = append(out, TokenRow{Text: l, Field: FieldLanguage, Ends: true, Rule: "SKU-02"})
	}
	return out
}

// value reads a row's canonical value.
func (r TokenRow) value() (tokenValue, error) {
	v := tokenValue{field: r.Field, style: r.Style, ends: r.Ends}
	var err error
	var code uint8
	switch r.Field {
	case FieldLanguage:
		v.ends = true
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
		v.ends = true
		var o Offering
		o, err = ParseOffering(r.Value)
		code = uint8(o)
	case FieldProgram:
		v.ends = true
		var p Program
		p, err = ParseProgram(r.Value)
		code = uint8(p)
	case FieldLevel:
		var l Level
		l, err = ParseLevel(r.Value)
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
		var s Segment
		s, err = ParseSegment(r.Value)
		code = uint8(s)
	case FieldCoverage, FieldAcquired:
		var n int
		n, err = strconv.Atoi(r.Value)
		if err == nil && (n < 1 || n > 3) {
			err = fmt.Errorf("years %d: want 1 to 3", n)
		}
		v.num = int32(n)
	case FieldQualifier:
		i := slices.IndexFunc(qualifierNames, func(n qualifierName) bool { return strings.EqualFold(n.name, r.Value) })
		if i < 0 {
			err = fmt.Errorf("unknown qualifier %q", r.Value)
		}
		code = uint8(i)
	default:
		err = fmt.Errorf("unknown field %v", r.Field)
	}
	v.code = code
	return v, err
}
