package openvalue_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openvalue"
	"pgregory.net/rapid"
)

// The guide's five part numbers (SKU-16) at illustrative prices (WS-04,
// WS-05): 3 × 100.00 = 300.00 and 2 × 130.00 = 260.00.
const guidePrices = "\ufeffpart,description,price\n" +
	"# Office Professional Plus, English, L&SA, AddProd (SKU-16)\n" +
	"269-09046,Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,100.00\n" +
	"269-09050,Office Professional Plus English Lic/SA Pack OLV NL 3YR Acq Y1 AddProd,300.00\n" +
	"269-09047,Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y2 AddProd,130.00\n" +
	"269-09049,Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y2 AddProd,260.00\n" +
	"269-09048,Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y3 AddProd,170.00\n"

func readPrices(t testing.TB, s string) *openvalue.PriceList {
	t.Helper()
	pl, err := openvalue.ReadPriceList(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// SKU-13, SKU-14, OV-06: what a price list must keep, and how it is told.
func TestPriceListCheck(t *testing.T) {
	if f := readPrices(t, guidePrices).Check(); len(f) != 0 {
		t.Errorf("the guide's prices: %v", f)
	}
	broken := strings.NewReplacer(",300.00", ",299.99", ",260.00", ",250.00", ",130.00", ",90.00").Replace(guidePrices)
	var got []string
	for _, f := range readPrices(t, broken).Check() {
		got = append(got, fmt.Sprintf("%s %v %v", f.Rule, f.Severity, f.Parts))
	}
	want := []string{
		"SKU-13 Invalid [269-09046 269-09050]",
		"SKU-13 Warning [269-09047 269-09049]",
		"SKU-14 Warning [269-09047 269-09046]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings:\n got %v\nwant %v", got, want)
	}
	// SKU-13: a list that breaks the year-1 equality is not billed from.
	c, _ := rules.Choose(ov, openvalue.Purchase{Product: "Office Professional Plus", Payment: openvalue.Spread, Date: date("2021-08-01")})
	if _, err := readPrices(t, broken).Bill(c, 1); !errors.Is(err, openvalue.ErrInvalidPriceList) {
		t.Errorf("billing from a list that breaks SKU-13: %v", err)
	}
	// OV-06: companywide costs no more than non-companywide.
	pl := readPrices(t, "part,description,price\n"+
		"100-00001,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1 Ent,60.00\n"+
		"100-00002,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,50.00\n")
	if f := pl.Check(); len(f) != 1 || f[0].Rule != "OV-06" || f[0].Severity != openvalue.Warning {
		t.Errorf("OV-06: %v", f)
	}
}

// Bad price lists are refused with the line, column and field at fault.
func TestReadPriceListErrors(t *testing.T) {
	for _, tt := range []struct {
		in           string
		line, column int
		field        string
	}{
		{"", 1, 1, ""},
		{"part,description,price\n", 1, 1, ""},
		{"part,desc,price\n", 1, 6, "description"},
		{"part,description,price\n26909046,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,1\n", 2, 1, "part"},
		{"part,description,price\n269-09046,Visio Standard English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd,1\n", 2, 11, "description"},
		{"part,description,price\n269-09046,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,-1\n", 2, 72, "price"},
		{"part,description,price\n269-09046,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,1.001\n", 2, 72, "price"},
		{"part,description,price\n269-09046,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,1\n269-09046,Visio Standard English Lic/SA Pack OLV NL 3YR Acq Y1 AddProd,3\n", 3, 1, "part"},
		{"part,description,price\n269-09046,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,1\n269-09047,visio standard English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,3\n", 3, 11, "description"},
		{"part,description,price\n269-09046,Visio Standard English Lic/SA Pack OLV NL,1\n", 2, 11, "description"},
		{"part,description,price\n269-09046,\"Visio\n", 2, 18, ""},
		{"part,description,price\n269-09046,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,1e400\n", 2, 72, "price"},
		{"part,description,price\n269-09046,Visio Standard English Lic OLV NL 1YR Acq Y1 AddProd,1\n", 2, 11, "description"}, // OV-07
		{"part,description,price\n269-09046,Visio Standard English Lic/SA Pack OLV NL 1YR Acq Y1,1\n", 2, 11, "description"}, // no scope
	} {
		_, err := openvalue.ReadPriceList(strings.NewReader(tt.in))
		var pe *openvalue.PriceListError
		if !errors.As(err, &pe) || !errors.Is(err, openvalue.ErrInvalidPriceList) || pe.Line != tt.line || pe.Column != tt.column || pe.Field != tt.field {
			t.Errorf("ReadPriceList(%q): %v; want line %d column %d field %q", tt.in, err, tt.line, tt.column, tt.field)
		}
	}
}

// SKU-12, SKU-13, INV-26: a spread line's invoices add up, to the cent, to
// the up-front price of the same coverage, and every invoice bills the
// same SKU.
func TestBillSpreadEqualsUpFront(t *testing.T) {
	pl := readPrices(t, guidePrices)
	rapid.Check(t, func(t *rapid.T) {
		start := date("2000-01-01").AddDays(rapid.IntRange(0, 20000).Draw(t, "start"))
		a := openvalue.Agreement{Option: openvalue.NonCompanywide, Date: start}
		on := start.AddDays(rapid.IntRange(0, 729).Draw(t, "daysIn")) // years 1 and 2
		qty := rapid.Int64Range(1, licensing.MaxQuantity).Draw(t, "qty")
		y, _ := openvalue.Term{Start: start}.Year(on)
		upFront := map[int]string{1: "300.00", 2: "260.00"}[y] // the list's (4 − y)YR price, SKU-13
		want := decimal.RequireFromString(upFront).Mul(decimal.NewFromInt(qty))
		var totals [2]decimal.Decimal
		for i, p := range []openvalue.Payment{openvalue.Spread, openvalue.UpFront} {
			c, err := rules.Choose(a, openvalue.Purchase{Product: "Office Professional Plus", Payment: p, Date: on})
			if err != nil {
				t.Fatal(err)
			}
			s, err := pl.Bill(c, qty)
			if err != nil {
				t.Fatal(err)
			}
			sum := decimal.Zero
			for j, in := range s.Installments {
				sum = sum.Add(in.Amount)
				if in.Due != c.Invoices[j] || in.Amount.Sign() <= 0 {
					t.Fatalf("installment %d: %+v", j, in)
				}
			}
			if !sum.Equal(s.Total) {
				t.Fatalf("installments %v add to %v", s.Total, sum)
			}
			totals[i] = s.Total
		}
		if !totals[0].Equal(want) || !totals[1].Equal(want) {
			t.Fatalf("spread %v, up front %v, want %v", totals[0], totals[1], want)
		}
	})
}

// FuzzReadPriceList: no input panics, and a list read is one whose every
// row parses again to the same item.
func FuzzReadPriceList(f *testing.F) {
	f.Add(guidePrices)
	f.Add("part,description,price\n269-09046,Visio ALNG LicSAPk OLV NL 1Y Aq Y1 AP,1.5\n")
	f.Add("part,description,price\n269-09046,\"a,b\",1\n")
	f.Fuzz(func(t *testing.T, s string) {
		pl, err := openvalue.ReadPriceList(strings.NewReader(s))
		if err != nil {
			var pe *openvalue.PriceListError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		for _, p := range pl.Prices() {
			d, err := openvalue.ParseDescription(p.Description.Input)
			want := p.Description
			want.Part = ""
			if err != nil || !d.Equal(want) {
				t.Fatalf("row %s does not read back: %+v, %v", p.Part, d, err)
			}
			if got, ok := pl.Lookup(d); !ok || got.Part != p.Part {
				t.Fatalf("row %s is not found by its description: %+v", p.Part, got)
			}
			if p.Price.Sign() < 0 {
				t.Fatalf("negative price %v", p.Price)
			}
		}
	})
}

// SKU-12: ten Office Professional Plus licenses with SA, spread from year
// 1, invoiced three times at the 1YR price; up front once at the 3YR
// price; the totals agree (SKU-13).
func ExamplePriceList_Bill() {
	pl, err := openvalue.ReadPriceList(strings.NewReader(`part,description,price
269-09046,Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,100.00
269-09050,Office Professional Plus English Lic/SA Pack OLV NL 3YR Acq Y1 AddProd,300.00
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := openvalue.DefaultRules()
	a := openvalue.Agreement{Option: openvalue.NonCompanywide, Date: licensing.MustParseDate("2021-05-10")}
	for _, p := range []openvalue.Payment{openvalue.Spread, openvalue.UpFront} {
		c, _ := r.Choose(a, openvalue.Purchase{Product: "Office Professional Plus", Payment: p, Date: licensing.MustParseDate("2021-08-01")})
		s, _ := pl.Bill(c, 10)
		fmt.Println(p, "total", s.Total.StringFixed(2))
		for _, in := range s.Installments {
			fmt.Println(" ", in.Due, in.Amount.StringFixed(2), in.Period)
		}
	}
	// Output:
	// Spread total 3000.00
	//   2021-08-01 1000.00 2021-08-01..2022-05-09 (12 months)
	//   2022-05-10 1000.00 2022-05-10..2023-05-09 (12 months)
	//   2023-05-10 1000.00 2023-05-10..2024-05-09 (12 months)
	// UpFront total 3000.00
	//   2021-08-01 3000.00 2021-08-01..2024-05-09 (36 months)
}
