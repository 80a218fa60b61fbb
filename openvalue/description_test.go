package openvalue_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openvalue"
	"pgregory.net/rapid"
)

// WS-08 (SKU-02 to SKU-08): the long form of an Open Value item.
func TestWS08(t *testing.T) {
	d, err := openvalue.ParseDescription("Office Professional Plus English Lic/SA Pack OLV NL 3YR Acq Y1 AddProd")
	if err != nil {
		t.Fatal(err)
	}
	if d.Product != "Office Professional Plus" || d.Language != "English" || d.Offering != licensing.LicenseSA ||
		d.Program != licensing.OpenValue || d.Level != licensing.NoLevel || d.CoverageYears != 3 || d.AcquiredYear != 1 ||
		d.Scope != sku.AdditionalProduct || d.Style != sku.Long {
		t.Fatalf("WS-08: %+v", d)
	}
	bad := []struct {
		in       string
		offset   int
		sentinel error
	}{
		{"Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd", 52, sku.ErrInvalidCombination}, // WS-08
		{"Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y3 AddProd", 52, sku.ErrInvalidCombination}, // WS-06
		{"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y4 AddProd", 56, sku.ErrOutOfRange},         // WS-08
		{"ExchgSvrStd 2019 SNGL OLP NL", 22, sku.ErrOtherProgram},
	}
	for _, b := range bad {
		_, err := openvalue.ParseDescription(b.in)
		var pe *sku.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, b.sentinel) || pe.Offset != b.offset {
			t.Errorf("ParseDescription(%q): err = %v, want %v at byte %d", b.in, err, b.sentinel, b.offset)
		}
	}
}

// SKU-09: exactly five pairs are valid, and the parser agrees.
func TestValidPairs(t *testing.T) {
	valid := map[[2]int]bool{{1, 1}: true, {1, 3}: true, {2, 1}: true, {2, 2}: true, {3, 1}: true}
	for acq := 1; acq <= 3; acq++ {
		for cov := 1; cov <= 3; cov++ {
			if openvalue.ValidPair(acq, cov) != valid[[2]int{acq, cov}] {
				t.Errorf("ValidPair(%d, %d) = %v", acq, cov, !valid[[2]int{acq, cov}])
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		acq, cov := rapid.IntRange(1, 3).Draw(t, "acq"), rapid.IntRange(1, 3).Draw(t, "cov")
		s := "VisioStd ALNG LicSAPk OLV NL " + []string{"", "1Y", "2Y", "3Y"}[cov] + " Aq Y" + string(rune('0'+acq)) + " AP"
		_, err := openvalue.ParseDescription(s)
		if (err == nil) != valid[[2]int{acq, cov}] {
			t.Fatalf("ParseDescription(%q): %v", s, err)
		}
		// The refusal names the coverages the year allows.
		allowed := map[int]string{1: "covers 1 or 3 years", 2: "covers 1 or 2 years", 3: "covers 1 year:"}[acq]
		if err != nil && !strings.Contains(err.Error(), allowed) {
			t.Fatalf("ParseDescription(%q): %v; want it to say the item %s", s, err, strings.TrimSuffix(allowed, ":"))
		}
	})
}

// SKU-09: an item acquired in year 1 is sold for 1 or 3 years, never 2.
func ExampleParseDescription() {
	d, err := openvalue.ParseDescription("Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd")
	fmt.Println(d.Product, d.Offering, d.CoverageYears, d.AcquiredYear, d.Scope, err)
	_, err = openvalue.ParseDescription("Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd")
	fmt.Println(err)
	// Output:
	// Office Professional Plus LicenseSA 1 1 AdditionalProduct <nil>
	// sku: description "Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd" at byte 52: SKU-09: 2YR with Acq Y1: an item acquired in year 1 covers 1 or 3 years: invalid combination
}
