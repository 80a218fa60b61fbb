package sku_test

import (
	"fmt"
	"log"

	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/selectplus"
)

// A distributor's price list writes descriptions its own way; the reader
// takes them all.
func ExampleParse() {
	for _, s := range []string{
		"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd",
		"1YR VISIOSTD ALNG LICSAPK OLV NL AP",
		"Microsoft Project Professional German Academic OPEN SA Level B",
	} {
		d, err := sku.Parse(s)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-11v %q %v %v %v cov=%d acq=%d %v %q\n", d.Style, d.Product, d.Program, d.Offering, d.Level,
			d.CoverageYears, d.AcquiredYear, d.Segment, d.Language)
	}
	// Output:
	// Long        "Office Professional Plus" OpenValue LicenseSA NL cov=1 acq=1 Segment(0) "English"
	// Distributor "VISIOSTD" OpenValue LicenseSA NL cov=1 acq=0 Segment(0) "AllLanguages"
	// Reseller    "Project Professional" OpenLicense SA B cov=0 acq=0 Academic "German"
}

// What the reader cannot place it keeps, with its offset.
func ExampleParse_unknown() {
	d, _ := sku.Parse("VisioStd ALNG SA OLV NL 1Y AqY1 AP Promo")
	fmt.Println(d.Product, d.Unknown)
	// Output: VisioStd [{Promo 35}]
}

// Format writes a description in the long form or the short form.
func ExampleFormat() {
	d, _ := sku.Parse("WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic")
	long, err := sku.Format(d, sku.Long)
	if err != nil {
		log.Fatal(err)
	}
	short, _ := sku.Format(d, sku.Short)
	fmt.Println(long)
	fmt.Println(short)
	// Output:
	// WinSvrDCCore All Languages SA Pack OLV 2Lic NL 2YR Acq Y2 AddProd Core License
	// WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic
}

// A price-list line carries a part number before its description.
func ExampleSplitLine() {
	part, desc := sku.SplitLine("Part#: 269-09046 - Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd")
	fmt.Println(part)
	fmt.Println(desc)
	// Output:
	// 269-09046
	// Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd
}

// The program parsers together read any program's items, each with its
// program's reading rules.
func ExampleParsers() {
	parser := sku.Parsers{sku.ParserFunc(openvalue.ParseDescription), sku.ParserFunc(openlicense.ParseDescription),
		sku.ParserFunc(selectplus.ParseDescription)}
	for _, s := range []string{"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic", "ExchgSvrStd 2019 SNGL OLP NL",
		"Microsoft Project Professional German Academic OPEN 1 License Level B", "SQLSvrStdCore ALNG LicSAPk MVL D",
		"ProjectOnline Plan1 Open ALng Sub OLV NL Annual E"} {
		d, err := parser.ParseDescription(s)
		fmt.Printf("%v %q %v %v\n", d.Program, d.Product, d.Offering, err)
	}
	// Output:
	// OpenValue "WinSvrDCCore" SA <nil>
	// OpenLicense "ExchgSvrStd" License <nil>
	// OpenLicense "Project Professional" License <nil>
	// MVL "SQLSvrStdCore" LicenseSA <nil>
	// OpenValue "ProjectOnline Plan1 Open" Subscription <nil>
}

// A reader of every program's descriptions reads each description once and
// runs the checks of the program it names: an Open Value pair it does not
// sell (SKU-09), an Open License 5.0 type (OL-12).
func ExampleCombine() {
	r, err := sku.Combine(sku.DefaultTokens(), openvalue.ReadingRules(), openlicense.ReadingRules(), selectplus.ReadingRules())
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range []string{"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic", "ExchgSvrStd 2019 SNGL OLP NL",
		"SQLSvrStdCore ALNG LicSAPk MVL D", "Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd",
		"Office Pro VUP ALNG OLP NL"} {
		d, err := r.Parse(s)
		fmt.Printf("%v %q %v %v\n", d.Program, d.Product, d.Offering, err)
	}
	// Output:
	// OpenValue "WinSvrDCCore" SA <nil>
	// OpenLicense "ExchgSvrStd" License <nil>
	// MVL "SQLSvrStdCore" LicenseSA <nil>
	// OpenValue "Office Professional Plus" LicenseSA sku: description "Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd" at byte 52: SKU-09: 2YR with Acq Y1: an item acquired in year 1 covers 1 or 3 years: invalid combination
	// OpenLicense "Office Pro VUP" License sku: description "Office Pro VUP ALNG OLP NL" at byte 11: OL-12: VUP (Version Upgrade) is an Open License 5.0 type; License & SA replaced it: not eligible
}
