package sku_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
)

// The description enums follow the module's convention, and ParseScope and
// ParseLicenseModel accept every spelling of the vocabulary's rows.
func TestEnums(t *testing.T) {
	spellings := func(f sku.Field) (out []string) {
		for _, r := range sku.DefaultTokens() {
			if r.Field == f {
				out = append(out, r.Text)
			}
		}
		return out
	}
	for name, err := range map[string]error{
		"Scope":        enum.Verify(sku.Scopes(), sku.ParseScope, nil),
		"LicenseModel": enum.Verify(sku.LicenseModels(), sku.ParseLicenseModel, nil),
		"Style":        enum.Verify(sku.Styles(), sku.ParseStyle, nil),
		"Field":        enum.Verify(sku.Fields(), sku.ParseField, nil),
	} {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, s := range spellings(sku.FieldScope) {
		if _, err := sku.ParseScope(s); err != nil {
			t.Errorf("ParseScope(%q): %v", s, err)
		}
	}
	for _, s := range spellings(sku.FieldLicenseModel) {
		if _, err := sku.ParseLicenseModel(s); err != nil {
			t.Errorf("ParseLicenseModel(%q): %v", s, err)
		}
	}
}

// One vocabulary: a price-list spelling is written once, in the token
// table. The parsers of package licensing read the guides' words, and
// accept a token's text only where it is the value's own canonical name
// ("SA", "NL", "Academic").
func TestSpellingsAreWrittenOnce(t *testing.T) {
	parsers := map[sku.Field]func(string) (string, error){
		sku.FieldOffering: func(s string) (string, error) { v, err := licensing.ParseOffering(s); return v.String(), err },
		sku.FieldProgram:  func(s string) (string, error) { v, err := licensing.ParseProgram(s); return v.String(), err },
		sku.FieldLevel:    func(s string) (string, error) { v, err := licensing.ParseLevel(s); return v.String(), err },
		sku.FieldSegment:  func(s string) (string, error) { v, err := licensing.ParseSegment(s); return v.String(), err },
	}
	for _, r := range sku.DefaultTokens() {
		parse, ok := parsers[r.Field]
		if !ok {
			continue
		}
		if v, err := parse(r.Text); err == nil && !strings.EqualFold(r.Text, v) {
			t.Errorf("%q (%v) is spelled in package licensing too, as %s", r.Text, r.Field, v)
		}
	}
}

// FuzzParseEnums runs the description enums' parsers on any input: none
// panics, and an error wraps the type's sentinel.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"AddProd", "AP", "E", "Pltfrm", "CoreLic", "DvcCAL", "User CAL", "Proc", "Long", "distributor", "coverageYears", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := sku.ParseScope(s); err != nil && !errors.Is(err, sku.ErrInvalidScope) || err == nil && !v.IsValid() {
			t.Fatalf("ParseScope(%q) = %v, %v", s, v, err)
		}
		if v, err := sku.ParseLicenseModel(s); err != nil && !errors.Is(err, sku.ErrInvalidLicenseModel) || err == nil && !v.IsValid() {
			t.Fatalf("ParseLicenseModel(%q) = %v, %v", s, v, err)
		}
		if v, err := sku.ParseStyle(s); err != nil && !errors.Is(err, sku.ErrInvalidStyle) || err == nil && !v.IsValid() {
			t.Fatalf("ParseStyle(%q) = %v, %v", s, v, err)
		}
		if v, err := sku.ParseField(s); err != nil && !errors.Is(err, sku.ErrInvalidField) || err == nil && !v.IsValid() {
			t.Fatalf("ParseField(%q) = %v, %v", s, v, err)
		}
	})
}
