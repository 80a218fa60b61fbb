package selectplus_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
)

// exampleLedger opens the commercial agreement of the examples, effective
// 2018-07-01, with one affiliate.
func exampleLedger() *selectplus.Ledger {
	l, err := selectplus.Load(selectplus.Agreement{
		Segment:   licensing.Commercial,
		Effective: licensing.MustParseDate("2018-07-01"),
		Lead:      selectplus.Affiliate{ID: "Contoso", Anniversary: licensing.MustParseDate("2018-07-01")},
	}, selectplus.DefaultRules())
	if err != nil {
		log.Fatal(err)
	}
	return l
}

func buy(l *selectplus.Ledger, id, date, product string, qty int64) selectplus.Receipt {
	p, err := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, product)
	if err != nil {
		log.Fatal(err)
	}
	rc, err := l.Post(licensing.Order{ID: id, Date: licensing.MustParseDate(date), Affiliate: "Contoso",
		Lines: []licensing.Line{{Product: p, Offering: licensing.License, Quantity: qty}}})
	if err != nil {
		log.Fatal(err)
	}
	return rc
}

// A year of orders in the Applications pool: the first order opens it at
// A, and the order that crosses 4,000 points is priced at B as a whole.
func Example_yearOfOrders() {
	l := exampleLedger()
	l.SetAudit(true) // keep the trail in memory
	for _, o := range []struct {
		id, date string
		qty      int64
	}{{"PO-1", "2018-07-15", 300}, {"PO-2", "2018-11-01", 1800}, {"PO-3", "2019-03-01", 250}} {
		rc := buy(l, o.id, o.date, "Office Professional Plus", o.qty)
		a := rc.Pools[0]
		fmt.Printf("%s %v: +%v points, total %v, priced at %v (%v)\n", o.id, o.date, a.Points, a.After.Total(), rc.Lines[0].Level, a.Transition)
	}
	fmt.Println(l.Audit()[1].Why())
	// Output:
	// PO-1 2018-07-15: +600 points, total 600, priced at A (initial)
	// PO-2 2018-11-01: +3600 points, total 4200, priced at B (upgrade)
	// PO-3 2019-03-01: +500 points, total 4700, priced at B (purchase)
	// SP-19: running total 4200 reaches B: the whole order is priced at B (order=PO-2, affiliate=Contoso, points=3600, totalBefore=600, total=4200, levelBefore=A, level=B)
}

// At the anniversary a pool that met its threshold keeps its level and
// carries the excess into the new year.
func ExampleLedger_AdvanceTo() {
	l := exampleLedger()
	buy(l, "PO-1", "2018-07-15", "Office Professional Plus", 2100) // 4,200: B
	buy(l, "PO-2", "2019-03-01", "Outlook", 500)                   // 4,700
	reviews, err := l.AdvanceTo(licensing.MustParseDate("2019-07-01"))
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range reviews {
		fmt.Println(r.Pool, r.Transition, r.Why())
	}
	// Output:
	// Applications carry SP-22: met the B threshold: keeps B, carries 700 (anniversary=2019-07-01, total=4700, level=B, threshold=4000, carry=700)
}

// What if nothing more is bought? The outlook folds the next anniversary
// on a copy of the ledger.
func ExampleLedger_Outlook() {
	l := exampleLedger()
	buy(l, "PO-1", "2018-07-15", "Office Professional Plus", 2100) // 4,200: B
	buy(l, "PO-2", "2019-09-01", "Skype for Business", 1000)       // new year: 200 carried + 1,000
	o, err := l.Outlook(licensing.Applications)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("now %v with %v points; %v more for %v, %v more by %v to keep %v\n",
		o.State.Level, o.State.Total(), o.ToNextLevel, o.NextLevel, o.ToKeep, o.NextAnniversary, o.State.Level)
	fmt.Println("if nothing more is bought:", o.AfterTransition, "to", o.After.Level)
	// Output:
	// now B with 1200 points; 8800 more for C, 2800 more by 2020-07-01 to keep B
	// if nothing more is bought: drop to A
}

// An order in a pool on hold is refused unless it brings 500 points.
func ExampleLedger_Post_hold() {
	l := exampleLedger()
	buy(l, "PO-1", "2018-08-01", "Windows Server Essentials", 100) // 500: Servers at A
	if _, err := l.AdvanceTo(licensing.MustParseDate("2019-07-01")); err != nil {
		log.Fatal(err) // nothing bought in 2018-19 beyond the first 500: kept
	}
	if _, err := l.AdvanceTo(licensing.MustParseDate("2020-07-01")); err != nil {
		log.Fatal(err) // nothing at all in 2019-20: on hold
	}
	p, _ := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, "Windows Server Essentials")
	_, err := l.Post(licensing.Order{ID: "PO-2", Date: licensing.MustParseDate("2020-08-01"), Affiliate: "Contoso",
		Lines: []licensing.Line{{Product: p, Offering: licensing.License, Quantity: 80}}})
	fmt.Println(l.Pool(licensing.Servers).Status, err)
	// Output: hold SP-25: the Servers pool is on hold: the order brings 400 points; one order of 500 reactivates it: not eligible
}

// A customer knows where it stands today, not its ten years of orders: on
// 2020-09-15, in its third agreement year, Applications is at B with 1,200
// points bought and 700 carried, and Servers is on hold. The ledger opens
// there, and the next order is priced from it.
func ExampleOpen() {
	var opening selectplus.Opening
	err := json.Unmarshal([]byte(`{"asOf": "2020-09-15",
		"pools": [{"pool": "Applications", "level": "B", "earned": "1200", "carry": "700"},
		          {"pool": "Servers", "status": "hold", "level": "A"}]}`), &opening)
	if err != nil {
		log.Fatal(err)
	}
	l, err := selectplus.Open(exampleLedger().Agreement(), selectplus.DefaultRules(), opening)
	if err != nil {
		log.Fatal(err)
	}
	year, next := l.Year()
	fmt.Println("agreement year", year, "until", next)
	p, _ := licensing.DefaultCatalog().Lookup(licensing.SelectPlus, "Outlook")
	_, err = l.Post(licensing.Order{ID: "PO-8", Date: licensing.MustParseDate("2020-09-01"), Affiliate: "Contoso",
		Lines: []licensing.Line{{Product: p, Offering: licensing.License, Quantity: 1}}})
	fmt.Println(err)                                                     // counted in the opening already
	rc := buy(l, "PO-9", "2020-10-01", "Office Professional Plus", 4100) // 8,200 points
	fmt.Println(rc.Pools[0].Why())
	// Output:
	// agreement year 3 until 2021-07-01
	// selectplus: event dated 2020-09-01, after one on 2020-09-15 was applied: event out of date order
	// SP-19: running total 10100 reaches C: the whole order is priced at C (order=PO-9, affiliate=Contoso, points=8200, totalBefore=1900, total=10100, levelBefore=B, level=C)
}

// Contoso's SA on Office Professional Plus (to 2021-06-30) and on Windows
// Server Essentials (to 2022-06-30) is renewed in one order: both now end
// on 2024-06-30, each priced for its own months, and the ledger records it.
func ExampleLedger_Renew() {
	l := exampleLedger()
	l.SetAudit(true) // keep the trail in memory
	catalog := licensing.DefaultCatalog()
	office, _ := catalog.Lookup(licensing.SelectPlus, "Office Professional Plus")
	server, _ := catalog.Lookup(licensing.SelectPlus, "Windows Server Essentials")
	for _, o := range []licensing.Order{
		{ID: "PO-1", Date: licensing.MustParseDate("2018-07-15"), Affiliate: "Contoso", Lines: []licensing.Line{{Product: office, Offering: licensing.LicenseSA, Quantity: 250}}},
		{ID: "PO-2", Date: licensing.MustParseDate("2019-09-01"), Affiliate: "Contoso", Lines: []licensing.Line{{Product: server, Offering: licensing.LicenseSA, Quantity: 100}}},
	} {
		if _, err := l.Post(o); err != nil {
			log.Fatal(err)
		}
	}
	r, err := l.Renew(selectplus.RenewalOrder{ID: "PO-3", Date: licensing.MustParseDate("2021-06-15"), Affiliate: "Contoso",
		Lines: []selectplus.RenewalLine{
			{Product: office, Quantity: 250, Annual: decimal.RequireFromString("7250")},
			{Product: server, Quantity: 100, Annual: decimal.RequireFromString("3000")},
		}})
	if err != nil {
		log.Fatal(err)
	}
	for i, x := range r.CoTermination.Extensions {
		fmt.Printf("%s: %v, %s, %v SA points\n", x.ID, x.Coverage, x.Price.StringFixed(2), r.Receipt.Lines[i].SAPoints)
	}
	fmt.Println("total", r.CoTermination.Total.StringFixed(2))
	end, _ := l.CoveredUntil("Contoso", office)
	fmt.Println("Office covered until", end)
	audit := l.Audit()
	fmt.Println(audit[len(audit)-1].Why().Result)
	// Output:
	// Office Professional Plus: 2021-07-01..2024-06-30 (36 months), 21750.00, 750 SA points
	// Windows Server Essentials: 2022-07-01..2024-06-30 (24 months), 6000.00, 500 SA points
	// total 27750.00
	// Office covered until 2024-06-30
	// SA on Windows Server Essentials renewed on time from 2022-07-01 to 2024-06-30, 24 months, for 6000.00
}
