package sku

import (
	"fmt"
	"strconv"
	"strings"
)

// Format writes d in the long form (SKU-02: "Office Professional Plus
// English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd") or Microsoft's short form
// ("WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic"), in the order
// product, version, language, offering, program, pack size, level,
// coverage, acquisition year, scope, license model, segment, qualifiers.
// Every token it writes is the vocabulary row marked as written in that
// style, so the reader reads back what Format writes.
//
// For a description d that Format accepts, with Input set to the result and
// Style to the style, r.Parse(r.Format(d)) equals d (SKU-19). Format refuses
// (ErrUnwritable) a description it cannot write that way: another style, a
// field or year the vocabulary writes no token for in that style (Select
// Plus items are MVL), reseller additions, unknown tokens, a long form with
// no token the long form alone spells, or a product or version that would
// read as something else.
func (r *Reader) Format(d Description, style Style) (string, error) {
	bad := func(why string, args ...any) (string, error) {
		return "", fmt.Errorf("sku: formatting %q in the %v form: %s: %w", d.Product, style, fmt.Sprintf(why, args...), ErrUnwritable)
	}
	switch {
	case style != Long && style != Short:
		return bad("only the long and short forms are written")
	case len(d.Unknown) > 0:
		return bad("it has tokens that could not be placed")
	case d.Cores != 0 || d.Qualifiers&(VendorName|Each|Perpetual) != 0:
		return bad("reseller additions have no %v spelling", style)
	case d.PackSize < 0:
		return bad("pack size %d", d.PackSize)
	case d.Processors < 0 || d.Processors > 0 && d.LicenseModel != Processor:
		return bad("%d processors with the %v license model", d.Processors, d.LicenseModel)
	}
	var b strings.Builder
	word := func(w string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	var missing Field
	write := func(f Field, code uint8) {
		if w, ok := r.writes[writeKey{f, code, style}]; ok {
			word(w)
		} else if missing == 0 {
			missing = f
		}
	}
	token := func(f Field, code uint8) { // code 0 is the field's absence
		if code != 0 {
			write(f, code)
		}
	}
	years := func(f Field, n int) {
		switch {
		case n == 0:
		case n < 0 || n > 255:
			missing = f
		default:
			token(f, uint8(n))
		}
	}
	word(d.Product)
	if d.Version != "" {
		word(d.Version)
	}
	switch d.Language {
	case "":
	case languageCodes[1]:
		token(FieldLanguage, 1)
	case languageCodes[2]:
		token(FieldLanguage, 2)
	default:
		word(d.Language)
	}
	token(FieldOffering, uint8(d.Offering))
	token(FieldProgram, uint8(d.Program))
	count := func(n int, f Field, code uint8) {
		for _, u := range countUnits {
			if u.writes && u.field == f && u.code == code {
				word(strconv.Itoa(n) + u.unit)
				return
			}
		}
		missing = f
	}
	if d.PackSize > 0 {
		count(d.PackSize, fieldPack, 0)
	}
	token(FieldLevel, uint8(d.Level))
	years(FieldCoverage, d.CoverageYears)
	years(FieldAcquired, d.AcquiredYear)
	token(FieldScope, uint8(d.Scope))
	if d.LicenseModel == Processor && d.Processors > 0 {
		count(d.Processors, FieldLicenseModel, uint8(Processor))
	} else {
		token(FieldLicenseModel, uint8(d.LicenseModel))
	}
	token(FieldSegment, uint8(d.Segment))
	for i := range qualifierNames {
		if d.Qualifiers&(1<<i) != 0 {
			write(FieldQualifier, uint8(i)) // the code is the qualifier's bit, from 0
		}
	}
	if missing != 0 {
		return bad("the vocabulary writes no %v token for it in the %v form", missing, style)
	}
	s := b.String()
	// What is written must read back as d: the product and version must not
	// read as fields, the program's reading rules must not add a field, and
	// the long form needs a token only it spells.
	back, err := r.Parse(s)
	want := d
	want.Input, want.Style, want.Part = s, style, ""
	if err != nil || !back.Equal(want) {
		if err == nil && back.Style != style {
			return bad("nothing in it is spelled only in the %v form", style)
		}
		if err == nil && back.Offering != want.Offering && back.Product == want.Product {
			return bad("a %v item with no offering reads as a %v", d.Program, back.Offering)
		}
		return bad("%q would read back as product %q, version %q", s, back.Product, back.Version)
	}
	return s, nil
}
