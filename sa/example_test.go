package sa_test

import (
	"fmt"
	"log"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// An application licensed at 100.00 has an annual SA reference price of
// 29 % of it. Coverage from April 1, 2020 to June 30, 2022 — the 27 months
// a Select Plus affiliate with July anniversaries gets (SP-39) — is
// prorated from it.
func Example_proration() {
	ref, err := sa.AnnualReference(decimal.RequireFromString("100.00"), licensing.Applications)
	if err != nil {
		log.Fatal(err)
	}
	start, end := licensing.MustParseDate("2020-04-01"), licensing.MustParseDate("2022-06-30")
	c := sa.Coverage{Start: start, End: end, Months: sa.Months(start, end)}
	q, err := sa.QuoteTerms(sa.Terms{Coverage: c, Pricing: sa.Prorated{}, Plan: "SP-39"}, ref.Annual, 1, sa.DefaultRounding)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("annual:", ref.Annual, "coverage:", c)
	fmt.Println("price:", q.Price.StringFixed(2))
	fmt.Println(ref.Why())
	fmt.Println(q.Why()[0])
	// Output:
	// annual: 29 coverage: 2020-04-01..2022-06-30 (27 months)
	// price: 65.25
	// SA-04: annual SA reference 29 (licensePrice=100, pool=Applications, class=desktop, rate=0.29)
	// SA-12: price 65.25: annual × billed months / 12, by month (annual=29, quantity=1, coverage=2020-04-01..2022-06-30 (27 months))
}

// Two SA lines bought at different times are extended together to one
// common end date the program chose, each prorated for its own months.
func ExampleCoTerminate() {
	lines := []sa.Expiring{
		{ID: "servers", Expires: licensing.MustParseDate("2021-06-30"), Annual: decimal.RequireFromString("250.00")},
		{ID: "desktops", Expires: licensing.MustParseDate("2021-12-31"), Annual: decimal.RequireFromString("290.00")},
	}
	// Select Plus's renewal rules, as its package holds them.
	rules := sa.Renewal{OnTime: "SP-45", Lapse: "SP-46", Other: "SP-47", CoTerm: "SP-44"}
	end := licensing.MustParseDate("2024-06-30")
	why := licensing.Explain("SP-44", "the day before the third affiliate anniversary after 2021-07-01")
	ct, err := sa.CoTerminate(rules, lines, licensing.MustParseDate("2021-06-15"), end, why, sa.Prorated{}, sa.DefaultRounding)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("common end:", ct.End)
	for _, x := range ct.Extensions {
		fmt.Println(x.ID, x.Coverage, x.Price.StringFixed(2))
	}
	fmt.Println("total:", ct.Total.StringFixed(2))
	// Output:
	// common end: 2024-06-30
	// servers 2021-07-01..2024-06-30 (36 months) 750.00
	// desktops 2022-01-01..2024-06-30 (30 months) 725.00
	// total: 1475.00
}

// Is SA worth it? For desktop products it is if you upgrade at least every
// 100/29 = 3.448… years.
func ExampleCompareUpgrade() {
	for _, years := range []string{"3.4", "3.45"} {
		b, err := sa.CompareUpgrade(sa.DesktopProducts, decimal.RequireFromString(years))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(years, b.Economical, b.Why().Result)
	}
	fmt.Println("break-even:", sa.BreakevenYears(sa.DesktopProducts).FloatString(3), "years")
	// Output:
	// 3.4 true attach SA: rate × interval = 0.986 ≤ 1
	// 3.45 false buy a new license at each upgrade: rate × interval = 1.0005 > 1
	// break-even: 3.448 years
}

// A program hands CanEnroll its windows. This one admits SA alone on an
// OEM Office license only for the identical version, within 90 days.
func ExampleCanEnroll() {
	windows := []sa.Window{{Kinds: []licensing.Kind{licensing.KindApplication}, Channels: []licensing.Channel{licensing.OEM},
		Family: "Office", MinVersion: 2013, SameVersion: true, Days: 90, Rule: "SP-41"}}
	office := licensing.Product{Name: "Office Professional Plus", Family: "Office", Kind: licensing.KindApplication}
	p := sa.Purchase{Product: office, Version: 2016, Channel: licensing.OEM, Date: licensing.MustParseDate("2020-01-10")}
	_, err := sa.CanEnroll(windows, p, licensing.MustParseDate("2020-04-09"), 2016)
	fmt.Println(err == nil)
	_, err = sa.CanEnroll(windows, p, licensing.MustParseDate("2020-04-10"), 2016)
	fmt.Println(err)
	_, err = sa.CanEnroll(windows, p, licensing.MustParseDate("2020-02-01"), 2019)
	fmt.Println(err)
	// Output:
	// true
	// SP-41: enrollment 91 days after the purchase; the window is 90 days: not eligible
	// SP-41: SA for version 2019 on the Office 2016 license: the versions must be identical: not eligible
}

// SA renewed after it expired has lapsed: new L&SA first.
func ExampleTrack() {
	rules := sa.Renewal{OnTime: "SP-45", Lapse: "SP-46", Other: "SP-47", CoTerm: "SP-44"} // Select Plus's
	var t sa.Track
	d := licensing.MustParseDate
	if err := t.BuyLicenseSA(d("2020-04-01"), d("2022-06-30")); err != nil {
		log.Fatal(err)
	}
	err := t.RenewSA(rules, d("2022-07-01"), d("2025-06-30"))
	fmt.Println(err)
	// Output: SP-46: SA expired on 2022-06-30, before the order of 2022-07-01: lapsed; buy L&SA before SA again: not eligible
}
