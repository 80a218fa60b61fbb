package licensing

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrUnwritable reports a description Format cannot write in the style
// asked: a field with no spelling in that style, or tokens it could not
// place.
var ErrUnwritable = errors.New("cannot write the description in that style")

// formSpellings are the spellings Format writes, per style: the long form of
// the Open Value guide (SKU-02) and Microsoft's short form. Each is a
// spelling of the vocabulary, so that ParseDescription reads it back.
var formSpellings = map[Style]struct {
	language     map[string]string // canonical → spelling; a language as written is written as is
	offering     [StepUp + 1]string
	level        [LevelD + 1]string
	coverage     string // format of the years, "%dYR"
	acquired     string
	scope        [Platform + 1]string
	licenseModel [PerUser + 1]string
	segment      [Charity + 1]string
}{
	Long: {
		language:     map[string]string{"AllLanguages": "All Languages", "SingleLanguage": "Single Language"},
		offering:     [...]string{License: "Lic", LicenseSA: "Lic/SA Pack", SA: "SA Pack", Subscription: "SubsVL", StepUp: "StepUp"},
		level:        [...]string{NoLevel: "NL", LevelA: "A", LevelB: "B", LevelC: "C", LevelD: "D"},
		coverage:     "%dYR",
		acquired:     "Acq Y%d",
		scope:        [...]string{AdditionalProduct: "AddProd", Enterprise: "Ent", Platform: "Platform"},
		licenseModel: [...]string{Core: "Core License", DeviceCAL: "Device CAL", UserCAL: "User CAL", SAL: "SAL", Processor: "Proc", PerUser: "Per User"},
		segment:      [...]string{Academic: "Academic", Government: "Government", Charity: "Charity"},
	},
	Short: {
		language:     map[string]string{"AllLanguages": "ALNG", "SingleLanguage": "SNGL"},
		offering:     [...]string{License: "Lic", LicenseSA: "LicSAPk", SA: "SA", Subscription: "SubsVL", StepUp: "StepUp"},
		level:        [...]string{NoLevel: "NL", LevelA: "A", LevelB: "B", LevelC: "C", LevelD: "D"},
		coverage:     "%dY",
		acquired:     "Aq Y%d",
		scope:        [...]string{AdditionalProduct: "AP", Enterprise: "E", Platform: "Pltfrm"},
		licenseModel: [...]string{Core: "CoreLic", DeviceCAL: "DvcCAL", UserCAL: "UsrCAL", SAL: "SAL", Processor: "Proc", PerUser: "PerUsr"},
		segment:      [...]string{Academic: "Acdmc", Government: "GOV", Charity: "Chrty"},
	},
}

// programTokens are the program tokens Format writes.
var programTokens = [...]string{OpenLicense: "OLP", OpenValue: "OLV", OpenValueSubscription: "OVS", MVL: "MVL"}

// qualifierSpellings are the qualifier tokens Format writes; the reseller
// additions ("Microsoft", "EACH", "(Perpetual License)") have none.
var qualifierSpellings = map[Qualifiers]string{
	Qualified: "Qlfd", SharedServer: "ShrdSvr", WithProjectServerCAL: "w1PrjctSvrCAL",
	WithoutWindowsServerLicense: "woWinSvrLic", MSDN: "MSDN", Annual: "Annual", Monthly: "1Month",
}

// Format writes d in the long form (SKU-02: "Office Professional Plus
// English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd") or Microsoft's short form
// ("WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic"), in the order
// product, version, language, offering, program, pack size, level,
// coverage, acquisition year, scope, license model, segment, qualifiers.
//
// ParseDescription reads back what Format writes: for a description d that
// Format accepts, with Input set to the result and Style to the style,
// ParseDescription(Format(d)) equals d (SKU-19). Format refuses
// (ErrUnwritable) a description it cannot write that way: another style, a
// program with no token (Select Plus items are MVL), an Open License item
// without an offering (it would read as a License), a long form with no
// token the long form alone spells, reseller additions, unknown tokens, or
// a product or version that would read as something else.
func (d Description) Format(style Style) (string, error) {
	sp, ok := formSpellings[style]
	bad := func(why string, args ...any) (string, error) {
		return "", fmt.Errorf("licensing: formatting %q in the %v form: %s: %w", d.Product, style, fmt.Sprintf(why, args...), ErrUnwritable)
	}
	switch {
	case !ok:
		return bad("only the long and short forms are written")
	case len(d.Unknown) > 0:
		return bad("it has tokens that could not be placed")
	case d.Cores != 0 || d.Qualifiers&(VendorName|Each|Perpetual) != 0:
		return bad("reseller additions have no %v spelling", style)
	case d.Program == SelectPlus || (d.Program != 0 && !d.Program.IsValid()):
		return bad("program %v has no token", d.Program)
	case d.Program == OpenLicense && d.Offering == 0:
		return bad("an Open License item with no offering reads as a License")
	case d.Offering != 0 && !d.Offering.IsValid(), d.Level != 0 && !d.Level.IsValid(), d.Scope != 0 && !d.Scope.IsValid(),
		d.LicenseModel != 0 && !d.LicenseModel.IsValid(), d.Segment != 0 && !d.Segment.IsValid():
		return bad("a field has an invalid value")
	case d.CoverageYears < 0 || d.CoverageYears > 3 || d.AcquiredYear < 0 || d.AcquiredYear > 3 || d.PackSize < 0:
		return bad("years or pack size out of range")
	}
	var b strings.Builder
	word := func(w string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	word(d.Product)
	if d.Version != "" {
		word(d.Version)
	}
	switch {
	case d.Language == "":
	case sp.language[d.Language] != "":
		word(sp.language[d.Language])
	default:
		word(d.Language)
	}
	if d.Offering != 0 {
		word(sp.offering[d.Offering])
	}
	if d.Program != 0 {
		word(programTokens[d.Program])
	}
	switch {
	case d.LicenseModel == Processor && d.PackSize > 0:
		word(strconv.Itoa(d.PackSize) + "Proc")
	case d.PackSize > 0:
		word(strconv.Itoa(d.PackSize) + "Lic")
	}
	if d.Level != 0 {
		word(sp.level[d.Level])
	}
	if d.CoverageYears != 0 {
		word(fmt.Sprintf(sp.coverage, d.CoverageYears))
	}
	if d.AcquiredYear != 0 {
		word(fmt.Sprintf(sp.acquired, d.AcquiredYear))
	}
	if d.Scope != 0 {
		word(sp.scope[d.Scope])
	}
	if d.LicenseModel != 0 && !(d.LicenseModel == Processor && d.PackSize > 0) {
		word(sp.licenseModel[d.LicenseModel])
	}
	if d.Segment != 0 {
		word(sp.segment[d.Segment])
	}
	for _, n := range qualifierNames {
		if d.Qualifiers&n.q != 0 {
			word(qualifierSpellings[n.q])
		}
	}
	s := b.String()
	// What is written must read back as d: the product and version must not
	// read as fields, and the long form needs a token only it spells.
	back, err := ParseDescription(s)
	want := d
	want.Input, want.Style, want.Part = s, style, ""
	if err != nil || !back.Equal(want) {
		if err == nil && back.Style != style {
			return bad("nothing in it is spelled only in the %v form", style)
		}
		return bad("%q would read back as product %q, version %q", s, back.Product, back.Version)
	}
	return s, nil
}
