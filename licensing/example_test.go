package licensing_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// A reseller prices ten Office Professional Plus licenses with SA, ordered
// on April 1 with coverage to a July anniversary 27 months away, and checks
// which pool the points go to.
func Example() {
	catalog := licensing.DefaultCatalog()
	proPlus, err := catalog.Lookup(licensing.SelectPlus, "office professional plus")
	if err != nil {
		log.Fatal(err)
	}
	line := licensing.Line{Product: proPlus, Offering: licensing.LicenseSA, Quantity: 10, SAMonths: 27}
	pts, err := line.Points()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(proPlus.Pool, pts.License, "+", pts.SA, "=", pts.Total)
	fmt.Println(pts.Why())
	// Output:
	// Applications 20 + 22.5 = 42.5
	// SA-20: 42.5 points (product=Office Professional Plus, offering=LicenseSA, quantity=10, licensePoints=2, saMonths=27, license=20, sa=22.5)
}

// A loop over many order lines that needs only the figures counts each
// with Count: Points' arithmetic and checks, without its explanation.
func ExampleLine_Count() {
	catalog := licensing.DefaultCatalog()
	var total licensing.Points
	for _, name := range []string{"office professional plus", "outlook", "skype for business"} {
		p, err := catalog.Lookup(licensing.SelectPlus, name)
		if err != nil {
			log.Fatal(err)
		}
		_, _, pts, err := licensing.Line{Product: p, Offering: licensing.LicenseSA, Quantity: 100, SAMonths: 36}.Count()
		if err != nil {
			log.Fatal(err)
		}
		total = total.Add(pts)
	}
	fmt.Println(total)
	_, _, _, err := licensing.Line{Product: licensing.Product{Name: "Outlook"}, Offering: licensing.License, Quantity: 1}.Count()
	fmt.Println(errors.Is(err, licensing.ErrInvalidOrder))
	// Output:
	// 1000
	// true
}

// Users write pools the way their guide does.
func ExampleParsePool() {
	for _, s := range []string{"Servers", "the server pool", "server pool", "Application"} {
		p, err := licensing.ParsePool(s)
		fmt.Printf("%q: %v %v\n", s, p, err)
	}
	// Output:
	// "Servers": Servers <nil>
	// "the server pool": Pool(0) licensing: parsing pool "the server pool": invalid product pool
	// "server pool": Servers <nil>
	// "Application": Applications <nil>
}

// Levels compare by discount: D is the cheapest.
func ExampleLevel() {
	b, _ := licensing.ParseLevel("b")
	fmt.Println(b, b > licensing.LevelA, b < licensing.LevelD, licensing.NoLevel)
	// Output: B true true NL
}

// SA earns half a license's points a year, prorated by months (SA-01).
func ExampleSAPoints() {
	for _, m := range []int{12, 25, 27, 36} {
		p, _ := licensing.SAPoints(licensing.WholePoints(2), m)
		fmt.Printf("%2d months: %-5v (%s)\n", m, p, p.Display())
	}
	// Output:
	// 12 months: 1     (1)
	// 25 months: 25/12 (2 1/12)
	// 27 months: 2.25  (2.25)
	// 36 months: 3     (3)
}

// Points compare exactly against thresholds (GEN-07).
func ExampleParsePoints() {
	total := licensing.MustParsePoints("499 23/24")
	fmt.Println(total, total.AtLeast(licensing.WholePoints(500)))
	// Output: 11999/24 false
}

// Month arithmetic clamps to the end of the month.
func ExampleDate_AddMonths() {
	d := licensing.MustParseDate("2024-01-31")
	fmt.Println(d.AddMonths(1), d.AddMonths(2), d.AddYears(1).AddMonths(1))
	// Output: 2024-02-29 2024-03-31 2025-02-28
}

// Anniversaries are computed from the anchor, so a leap-day start gets its
// Feb 29 back every fourth year.
func ExampleDate_Anniversary() {
	start := licensing.MustParseDate("2020-02-29")
	for k := 1; k <= 4; k++ {
		fmt.Print(start.Anniversary(k), " ")
	}
	fmt.Println()
	// Output: 2021-02-28 2022-02-28 2023-02-28 2024-02-29
}

// Whole months between two dates.
func ExampleDate_MonthsUntil() {
	d := licensing.MustParseDate
	fmt.Println(d("2020-04-01").MonthsUntil(d("2022-07-01")), d("2023-01-31").MonthsUntil(d("2023-02-28")))
	// Output: 27 1
}

// Which agreement year an order falls in (GEN-15): the anniversary opens
// the new year.
func ExampleYearOf() {
	start := licensing.MustParseDate("2021-05-10")
	for _, s := range []string{"2021-05-10", "2022-05-09", "2022-05-10", "2024-05-09"} {
		fmt.Print(licensing.YearOf(start, licensing.MustParseDate(s)), " ")
	}
	fmt.Println()
	// Output: 1 1 2 3
}

// Catalogs are keyed by program and ignore case.
func ExampleCatalog_Lookup() {
	c := licensing.DefaultCatalog()
	p, err := c.Lookup(licensing.SelectPlus, "WINDOWS PRO")
	fmt.Println(p.Name, p.Pool, p.Points, err)
	_, err = c.Lookup(licensing.SelectPlus, "Office Professional")
	fmt.Println(errors.Is(err, licensing.ErrUnknownProduct))
	// Output:
	// Windows upgrade Systems 2 <nil>
	// true
}

// A user's own point list, and a row the reader refuses with its position.
func ExampleReadCatalog() {
	const list = `program,product,part,kind,pool,points
SelectPlus,Exchange Server Standard,312-02177,Server,Servers,15
SelectPlus,Exchange Standard CAL,,CAL,Servers,1
SelectPlus,Project Professional,,Application,Applications,2
`
	c, err := licensing.ReadCatalog(strings.NewReader(list))
	if err != nil {
		log.Fatal(err)
	}
	for p := range c.Products() {
		fmt.Println(p.Name, "|", p.Pool, "|", p.Points)
	}
	_, err = licensing.ReadCatalog(strings.NewReader("program,product,kind,pool,points\nSelectPlus,Visio,Application,,2\n"))
	fmt.Println(err)
	// Output:
	// Exchange Server Standard | Servers | 15
	// Exchange Standard CAL | Servers | 1
	// Project Professional | Applications | 2
	// licensing: catalog line 2, column 30 (pool): invalid product pool: a row must name its pool, or "unknown" (GEN-04)
}

// Validation names the order, line and field at fault.
func ExampleOrder_Validate() {
	proPlus, _ := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, "Office Professional Plus")
	o := licensing.Order{ID: "PO-7", Date: licensing.MustParseDate("2020-04-01"), Lines: []licensing.Line{
		{Product: proPlus, Offering: licensing.License, Quantity: 300},
		{Product: proPlus, Offering: licensing.License, Quantity: 0},
	}}
	err := o.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, licensing.ErrInvalidQuantity))
	// Output:
	// licensing: order "PO-7" line 2: quantity "0": invalid quantity: want 1 to 10000000 (GEN-05)
	// true
}

// Every rule has a registry entry users can print.
func ExampleRuleID_Rule() {
	r, _ := licensing.RuleID("SP-23").Rule()
	fmt.Println(r.ID, r.Status, "-", r.Title)
	fmt.Println(r.Statement)
	// Output:
	// SP-23 stated - Falling short drops one level
	// A pool at B, C or D below its threshold drops one level with no carryover.
}

// A refusal names its rule and wraps a sentinel.
func ExampleRefuse() {
	err := licensing.Refuse("SP-25", licensing.ErrNotEligible, "pool Applications on hold: order brings 400 points, needs 500")
	rule, _ := licensing.RuleOf(err)
	fmt.Println(rule, errors.Is(err, licensing.ErrNotEligible))
	fmt.Println(err)
	// Output:
	// SP-25 true
	// SP-25: pool Applications on hold: order brings 400 points, needs 500: not eligible
}

// Users extend the region table with their own rows.
func ExampleRegionTable_With() {
	regions, err := licensing.DefaultRegions().With(licensing.RegionRow{
		Region: "Nordics", Aliases: []string{"Nordic countries"},
	})
	if err != nil {
		log.Fatal(err)
	}
	r, _ := regions.Parse("nordic countries")
	us, _ := regions.ForCountry("us")
	fmt.Println(r, us)
	// Output: Nordics NorthAmerica
}
