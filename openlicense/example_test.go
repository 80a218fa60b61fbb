package openlicense_test

import (
	"fmt"
	"log"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/sa"
)

// An initial order of 250 Office Professional licenses qualifies the
// Applications pool for Open Volume (500 points, OL-09): every reorder in
// the two years is priced there at Open Volume, whatever its size; the
// Servers pool stays at Open Business (OL-07, OL-30).
func ExampleRules_Open() {
	initial := licensing.Order{ID: "PO-1", Date: licensing.MustParseDate("2005-03-15"),
		Lines: []licensing.Line{{Product: office, Offering: licensing.License, Quantity: 250}}}
	a, err := openlicense.DefaultRules().Open(openlicense.Holder{AuthorizationNumber: "12345678"}, initial, licensing.NorthAmerica)
	if err != nil {
		panic(err)
	}
	fmt.Println("last day to reorder:", a.End())
	rc, err := a.Reorder(licensing.Order{ID: "PO-2", Date: licensing.MustParseDate("2006-05-02"), Lines: []licensing.Line{
		{Product: office, Offering: licensing.License, Quantity: 1},
		{Product: xpServer, Offering: licensing.License, Quantity: 1},
	}})
	if err != nil {
		panic(err)
	}
	for _, l := range rc.Lines {
		fmt.Println(l.Line, l.Pool, l.Solution)
	}
	_, err = a.Reorder(licensing.Order{ID: "PO-3", Date: licensing.MustParseDate("2007-03-15"),
		Lines: []licensing.Line{{Product: office, Offering: licensing.License, Quantity: 1}}})
	fmt.Println(err)
	// Output:
	// last day to reorder: 2007-03-14
	// 1 Applications OpenVolume
	// 2 Servers OpenBusiness
	// OL-19: reorder "PO-3" on 2007-03-15 after the authorization's last day 2007-03-14: place a new initial order (OL-06): outside the term
}

// A customer's first order buys 210 licenses: Open Business, and in EMEA
// Open Volume in both pools; elsewhere the Applications pool misses 100
// points.
func ExampleRules_Qualify() {
	lines := []licensing.Line{
		{Product: office, Offering: licensing.LicenseSA, Quantity: 200},
		{Product: xpServer, Offering: licensing.License, Quantity: 10},
	}
	for _, region := range []licensing.Region{licensing.NorthAmerica, licensing.EMEA} {
		q, err := openlicense.DefaultRules().Qualify(lines, region)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%v: %d licenses, Open Business %v, Open Volume %v\n", region, q.Licenses, q.OpenBusiness, q.OpenVolume())
		for _, p := range q.Pools {
			fmt.Printf("  %-12v %4v points, qualifies %-5v missing %v\n", p.Pool, p.Points, p.Qualifies, p.Missing)
		}
		fmt.Println(" ", q.Advice())
	}
	// Output:
	// NorthAmerica: 210 licenses, Open Business true, Open Volume false
	//   Applications  400 points, qualifies false missing 100
	//   Servers       150 points, qualifies false missing 350
	//   The order qualifies for Open Business. Add 100 points of Applications to qualify for Open Volume.
	// EMEA: 210 licenses, Open Business true, Open Volume true
	//   Applications  400 points, qualifies true  missing 0
	//   Servers       150 points, qualifies true  missing 0
	//   The order qualifies for Open Volume in Applications and Servers.
}

func ExampleQualification_Advice() {
	// An initial order of four licenses: one short of Open Business (OL-01).
	q, err := openlicense.DefaultRules().Qualify([]licensing.Line{{Product: office, Offering: licensing.License, Quantity: 4}}, licensing.NorthAmerica)
	if err != nil {
		panic(err)
	}
	fmt.Println(q.OpenBusiness, q.LicensesMissing)
	fmt.Println(q.Advice())
	fmt.Println(q.Why()[0])
	// Output:
	// false 1
	// Add 1 license to qualify for Open Business (OL-01), and 492 points of Applications for Open Volume.
	// OL-01: 4 licenses against the initial minimum of 5 (licenses=4, openBusiness=false)
}

// The Open License SA Evaluator sorts licenses into four categories.
func ExampleEvaluate() {
	out, err := openlicense.Evaluate("L-123", "A-456", []sa.Held{
		{Product: "Office 2003", Known: true, Current: false},
		{Product: "Windows Server 2003", Known: true, Current: true, UpgradeAdvantage: true},
		{Product: "Custom bundle", Known: false},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range out {
		fmt.Println(e.Assessment.Held.Product+":", e.Assessment.Category, "-", e.Options[0])
	}
	// Output:
	// Office 2003: NotCurrent - buy L&SA for the current version (OL-12)
	// Windows Server 2003: CurrentWithUA - continue the upgrade rights as SA, bought in two-year units (OL-14)
	// Custom bundle: NotAnalyzed - ask the reseller's account executive for an analysis (OL-23)
}

// SA bought with 8 months of the authorization left, as on an L&SA
// reorder, costs the full two-year SA price: a third of the value (WS-11).
func ExampleRules_QuoteSA() {
	q, err := openlicense.DefaultRules().QuoteSA(licensing.MustParseDate("2005-03-15"), licensing.MustParseDate("2006-07-15"), decimal.RequireFromString("100"), 5)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q.Coverage, q.Price.StringFixed(2), "value ratio", openlicense.DefaultRules().ValueRatio(q.Coverage).RatString())
	for _, e := range q.Why() {
		fmt.Println(e)
	}
	// Output:
	// 2006-07-15..2007-03-14 (8 months) 1000.00 value ratio 1/3
	// OL-13: coverage for two years or to the authorization end: 2006-07-15..2007-03-14 (8 months) (order=2006-07-15, authorizationEnd=2007-03-14)
	// OL-04: Open License is paid up front (order=2006-07-15)
	// OL-15: the coverage is worth less than the two-year price: consider opening a new Open License, which would cover two full years (valueRatio=1/3, licenses=5, initialMinimum=5)
	// OL-14: price 1000: the fixed 24-month price whatever the coverage (annual=100, quantity=5, coverage=2006-07-15..2007-03-14 (8 months))
	// OL-04: one payment of 1000 (total=1000, installments=1, weighting=by months, remainderTo=first installment)
}
