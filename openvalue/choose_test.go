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

var ov = openvalue.Agreement{Option: openvalue.NonCompanywide, Date: licensing.MustParseDate("2021-05-10")}

func choose(t testing.TB, a openvalue.Agreement, on string, p openvalue.Payment) openvalue.Choice {
	t.Helper()
	c, err := rules.Choose(a, openvalue.Purchase{Product: "Office Professional Plus", Payment: p, Date: date(on)})
	if err != nil {
		t.Fatalf("Choose(%s, %v): %v", on, p, err)
	}
	return c
}

// WS-04, WS-05, WS-06 (SKU-10 to SKU-12, SKU-16 to SKU-18): the SKU to sell
// in each year, and its invoices.
func TestWS04to06(t *testing.T) {
	const long = "Office Professional Plus English Lic/SA Pack OLV NL "
	for _, tt := range []struct {
		on       string
		payment  openvalue.Payment
		want     string
		mode     openvalue.PaymentMode
		invoices string
		notes    int
	}{
		{"2021-08-01", openvalue.Spread, "1YR Acq Y1 AddProd", openvalue.SpreadMode, "[2021-08-01 2022-05-10 2023-05-10]", 0}, // WS-04, 269-09046
		{"2021-08-01", openvalue.UpFront, "3YR Acq Y1 AddProd", openvalue.UpFrontMode, "[2021-08-01]", 0},                     // 269-09050
		{"2022-09-01", openvalue.UpFront, "2YR Acq Y2 AddProd", openvalue.UpFrontMode, "[2022-09-01]", 0},                     // WS-05, 269-09049
		{"2022-09-01", openvalue.Financing, "2YR Acq Y2 AddProd", openvalue.UpFrontMode, "[2022-09-01]", 1},                   // SKU-18
		{"2022-09-01", openvalue.Spread, "1YR Acq Y2 AddProd", openvalue.SpreadMode, "[2022-09-01 2023-05-10]", 0},            // 269-09047
		{"2023-06-01", openvalue.UpFront, "1YR Acq Y3 AddProd", openvalue.SingleMode, "[2023-06-01]", 1},                      // WS-06, 269-09048
		{"2023-06-01", openvalue.Spread, "1YR Acq Y3 AddProd", openvalue.SingleMode, "[2023-06-01]", 0},                       // WS-06
		{"2022-05-10", openvalue.Spread, "1YR Acq Y2 AddProd", openvalue.SpreadMode, "[2022-05-10 2023-05-10]", 0},            // SKU-10: the anniversary opens year 2
		{"2022-05-09", openvalue.Spread, "1YR Acq Y1 AddProd", openvalue.SpreadMode, "[2022-05-09 2022-05-10 2023-05-10]", 0}, // the last day of year 1
		{"2024-05-09", openvalue.Financing, "1YR Acq Y3 AddProd", openvalue.SingleMode, "[2024-05-09]", 2},                    // SKU-17 and OV-44 notes
	} {
		c := choose(t, ov, tt.on, tt.payment)
		if c.Text != long+tt.want || c.Mode != tt.mode || fmt.Sprint(c.Invoices) != tt.invoices || len(c.Notes) != tt.notes {
			t.Errorf("%s %v: %q %v %v notes %v", tt.on, tt.payment, c.Text, c.Mode, c.Invoices, c.Notes)
		}
		if c.Coverage.End != date("2024-05-09") {
			t.Errorf("%s %v: covered to %v, want the expiration (SKU-21)", tt.on, tt.payment, c.Coverage.End)
		}
		if len(c.AnniversaryOrders) != len(c.Invoices)-1 {
			t.Errorf("%s %v: anniversary orders %v for invoices %v", tt.on, tt.payment, c.AnniversaryOrders, c.Invoices)
		}
	}
	for _, tt := range []struct {
		a    openvalue.Agreement
		p    openvalue.Purchase
		rule licensing.RuleID
		err  error
	}{
		{ov, openvalue.Purchase{Product: "Visio", Payment: openvalue.Spread, Date: date("2024-05-10")}, "OV-27", licensing.ErrOutsideTerm},
		{ov, openvalue.Purchase{Product: "Visio", Payment: openvalue.Spread, Date: date("2021-05-09")}, "OV-27", licensing.ErrOutsideTerm},
		{ov, openvalue.Purchase{Product: "Visio", Payment: openvalue.Spread, Companywide: true, Date: date("2021-06-01")}, "SKU-15", licensing.ErrNotEligible},
		{ov, openvalue.Purchase{Product: "Visio", Payment: openvalue.Spread, Online: true, Date: date("2021-06-01")}, "OV-39", licensing.ErrNotEligible},
		{ov, openvalue.Purchase{Product: "Visio", Payment: openvalue.Spread, Offering: licensing.License, Date: date("2021-06-01")}, "OV-07", licensing.ErrNotEligible},
	} {
		_, err := rules.Choose(tt.a, tt.p)
		if rule, _ := licensing.RuleOf(err); rule != tt.rule || !errors.Is(err, tt.err) {
			t.Errorf("Choose(%+v): %v, want %s", tt.p, err, tt.rule)
		}
	}
	// WS-04: the anniversary orders with usage dates 2022-05-10 and
	// 2023-05-10 are due by 2022-06-09 and 2023-06-09.
	c := choose(t, ov, "2021-08-01", openvalue.Spread)
	if fmt.Sprint(c.AnniversaryOrders) != "[{1 2022-05-10 2022-06-09 2022-07-09} {2 2023-05-10 2023-06-09 2023-07-09}]" {
		t.Errorf("WS-04 anniversary orders: %v", c.AnniversaryOrders)
	}
	// OV-39: an Online Service is prepaid for 12 months from its date.
	c, err := rules.Choose(ov, openvalue.Purchase{Product: "Exchange Online", Payment: openvalue.UpFront, Online: true, Date: date("2022-09-01")})
	if err != nil || c.Coverage.End != date("2023-08-31") || len(c.Invoices) != 1 || c.Mode != openvalue.UpFrontMode {
		t.Errorf("Online Services: %+v %v", c, err)
	}
	// LIB-09: a prepaid year that would end after 9999-12-31 is refused,
	// never cut short; one that ends on it is whole.
	late := openvalue.Agreement{Option: openvalue.NonCompanywide, Date: date("9997-01-01")}
	for _, tt := range []struct {
		order, end string
		err        error
	}{
		{"9999-01-01", "9999-12-31", nil},
		{"9999-06-01", "", licensing.ErrOverflow},
		{"9999-12-31", "", licensing.ErrOverflow},
	} {
		c, err := rules.Choose(late, openvalue.Purchase{Product: "Exchange Online", Payment: openvalue.UpFront, Online: true, Date: date(tt.order)})
		if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) || tt.end != "" && c.Coverage.End != date(tt.end) {
			t.Errorf("Online Service on %s: %v, %v; want end %s, %v", tt.order, c.Coverage, err, tt.end, tt.err)
		}
	}
}

// INV-36, INV-37 (SKU-09 to SKU-12, SA-19): every chosen SKU is one of the
// five valid pairs, acquired in the order's agreement year, and the years
// paid over its invoices reach the expiration exactly.
func TestChoiceProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := drawAgreement(t)
		term, err := rules.Term(a)
		if err != nil {
			t.Fatal(err)
		}
		end, _ := term.Expiration()
		on := a.Date.AddDays(rapid.IntRange(0, a.Date.DaysUntil(end)).Draw(t, "daysIn"))
		p := openvalue.Purchase{Product: "Project Professional", Payment: rapid.SampledFrom(openvalue.Payments()).Draw(t, "payment"),
			Offering:    rapid.SampledFrom([]licensing.Offering{licensing.LicenseSA, licensing.SAOnly}).Draw(t, "offering"),
			Companywide: a.Option != openvalue.NonCompanywide && rapid.Bool().Draw(t, "companywide"), Date: on}
		c, err := rules.Choose(a, p)
		if err != nil {
			t.Fatal(err)
		}
		y, _ := term.Year(on)
		d := c.Description
		if !openvalue.ValidPair(d.AcquiredYear, d.CoverageYears) || d.AcquiredYear != y {
			t.Fatalf("%v in year %d: %q", on, y, c.Text)
		}
		if d.CoverageYears*len(c.Invoices) != 4-y || c.Coverage.End != end || c.Invoices[0] != on {
			t.Fatalf("%q: %d invoices %v, covered to %v; want %d years to %v", c.Text, len(c.Invoices), c.Invoices, c.Coverage.End, 4-y, end)
		}
		for i := 1; i < len(c.Invoices); i++ {
			if y2, _ := term.Year(c.Invoices[i]); y2 != y+i || !c.Invoices[i].After(c.Invoices[i-1]) {
				t.Fatalf("invoice %d on %v is in year %d, want %d", i+1, c.Invoices[i], y2, y+i)
			}
		}
		back, err := openvalue.ParseDescription(c.Text)
		if err != nil || !back.Equal(c.Description) {
			t.Fatalf("ParseDescription(%q) = %+v, %v; want %+v", c.Text, back, err, c.Description)
		}
		if p.Companywide != (d.Scope == sku.Enterprise) {
			t.Fatalf("companywide %v, scope %v", p.Companywide, d.Scope)
		}
	})
}

// INV-38 (SKU-02, SKU-19): Format and ParseDescription are inverses on
// every valid item, and Format refuses the invalid pairs.
func TestFormatParse(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := sku.Description{
			Product:       rapid.SampledFrom([]string{"Office Professional Plus", "Visio Standard", "Windows Server Standard", "Project"}).Draw(t, "product"),
			Language:      rapid.SampledFrom([]string{"English", "German", "French"}).Draw(t, "language"),
			Offering:      rapid.SampledFrom([]licensing.Offering{licensing.LicenseSA, licensing.SAOnly}).Draw(t, "offering"),
			Program:       rapid.SampledFrom([]licensing.Program{licensing.OpenValue, licensing.OpenValueSubscription}).Draw(t, "program"),
			Level:         licensing.NoLevel,
			AcquiredYear:  rapid.IntRange(1, 3).Draw(t, "acquired"),
			CoverageYears: rapid.IntRange(1, 3).Draw(t, "coverage"),
			Scope:         rapid.SampledFrom([]sku.Scope{sku.AdditionalProduct, sku.Enterprise}).Draw(t, "scope"),
		}
		s, err := openvalue.Format(d)
		if !openvalue.ValidPair(d.AcquiredYear, d.CoverageYears) {
			if !errors.Is(err, sku.ErrInvalidCombination) {
				t.Fatalf("Format(%+v) = %q, %v; want ErrInvalidCombination", d, s, err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		back, err := openvalue.ParseDescription(s)
		d.Input, d.Style = s, sku.Long
		if err != nil || !back.Equal(d) {
			t.Fatalf("ParseDescription(Format(d)) = %+v, %v\nwant %+v", back, err, d)
		}
		again, _ := openvalue.Format(back)
		if again != s {
			t.Fatalf("Format(Parse(%q)) = %q", s, again)
		}
	})
}

// SKU-20: the guide's sentences for its five part numbers (SKU-16).
func TestExplainSKU16(t *testing.T) {
	for _, tt := range []struct{ part, cov, acq, want string }{
		{"269-09046", "1YR", "Y1", "L&SA purchased in Year 1 of Agreement with spread payments non company-wide (Would bill same SKU in Year 2 and Year 3 for spread payments)"},
		{"269-09050", "3YR", "Y1", "L&SA purchased in Year 1 of Agreement with up-front payment non company-wide (use up-front payment when utilizing MS Financing)"},
		{"269-09047", "1YR", "Y2", "L&SA purchased in Year 2 of Agreement with spread payments non company-wide (Would bill same SKU in Year 3 for spread payments)"},
		{"269-09048", "1YR", "Y3", "L&SA purchased in Year 3 of Agreement non company-wide"},
		{"269-09049", "2YR", "Y2", "L&SA purchased in Year 2 of Agreement with up-front payment non company-wide (use up-front payment when utilizing MS Financing)"},
	} {
		d, err := openvalue.ParseDescription("Office Professional Plus English Lic/SA Pack OLV NL " + tt.cov + " Acq " + tt.acq + " AddProd")
		if err != nil {
			t.Fatal(err)
		}
		got, err := openvalue.Explain(d)
		if err != nil || got != "Office Professional Plus "+tt.want {
			t.Errorf("%s: %q, %v", tt.part, got, err)
		}
	}
	d, _ := openvalue.ParseDescription("Office Professional Plus English SA Pack OLV NL 2YR Acq Y2 Ent")
	if got, _ := openvalue.Explain(d); !strings.Contains(got, " SA purchased") || !strings.HasSuffix(got, "company-wide (use up-front payment when utilizing MS Financing)") || strings.Contains(got, "non company-wide") {
		t.Errorf("SA Ent: %q", got)
	}
	if _, err := openvalue.Explain(sku.Description{Product: "X", Offering: licensing.LicenseSA, AcquiredYear: 1, CoverageYears: 2, Scope: sku.AdditionalProduct}); !errors.Is(err, sku.ErrInvalidCombination) {
		t.Errorf("Explain of an invalid pair: %v", err)
	}
}

// SKU-17: which SKU to sell in year 2, up front, and the sentence for the
// quote.
func ExampleRules_Choose() {
	r := openvalue.DefaultRules()
	a := openvalue.Agreement{Option: openvalue.NonCompanywide, Date: licensing.MustParseDate("2021-05-10")}
	c, err := r.Choose(a, openvalue.Purchase{Product: "Office Professional Plus", Payment: openvalue.Spread, Date: licensing.MustParseDate("2021-08-01")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Text)
	fmt.Println(c.Mode, c.Invoices)
	s, _ := openvalue.Explain(c.Description)
	fmt.Println(s)
	c, _ = r.Choose(a, openvalue.Purchase{Product: "Office Professional Plus", Payment: openvalue.UpFront, Date: licensing.MustParseDate("2023-06-01")})
	fmt.Println(c.Text)
	fmt.Println(c.Notes[0])
	// Output:
	// Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd
	// Spread [2021-08-01 2022-05-10 2023-05-10]
	// Office Professional Plus L&SA purchased in Year 1 of Agreement with spread payments non company-wide (Would bill same SKU in Year 2 and Year 3 for spread payments)
	// Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y3 AddProd
	// SKU-17: up front in year 3 is the 1YR SKU: one year is all that is left on the agreement (payment=UpFront)
}
