package sa_test

import (
	"fmt"
	"log"
	"os"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// A Select Plus affiliate with July anniversaries buys Office Professional
// Plus L&SA on April 1, 2020. Its SA runs to the third anniversary, and the
// price is prorated for the 27 months it covers.
func Example_proration() {
	row := sa.ModelsFor(licensing.SelectPlus)[0] // third affiliate anniversary
	annual, _, err := sa.AnnualReference(decimal.RequireFromString("100.00"), licensing.Applications)
	if err != nil {
		log.Fatal(err)
	}
	c, _, err := row.Cover(sa.Request{Order: licensing.MustParseDate("2020-04-01"), AffiliateAnniversary: licensing.MustParseDate("2018-07-01")})
	if err != nil {
		log.Fatal(err)
	}
	price, why, err := row.Price(annual, c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("annual:", annual, "coverage:", c)
	fmt.Println("price:", price.StringFixed(2))
	fmt.Println(why)
	// Output:
	// annual: 29 coverage: 2020-04-01..2022-06-30 (27 months)
	// price: 65.25
	// SA-12: price 65.25 (annual × 27/12) (annual=29, coverage=2020-04-01..2022-06-30 (27 months), granularity=month)
}

// An Open Value customer adds a line in the first agreement year and
// spreads the payments: one invoice a year, the same SKU each time.
func ExampleSpreadOpenValue() {
	s, err := sa.SpreadOpenValue(licensing.MustParseDate("2021-05-10"), licensing.MustParseDate("2021-08-01"),
		decimal.RequireFromString("1000.00"), sa.DefaultRounding)
	if err != nil {
		log.Fatal(err)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "due\tpays for\tamount")
	for _, in := range s.Installments {
		fmt.Fprintf(w, "%v\t%v..%v\t%s\n", in.Due, in.Period.Start, in.Period.End, in.Amount.StringFixed(2))
	}
	w.Flush()
	fmt.Println(s.Explanation)
	// Output:
	// due         pays for                amount
	// 2021-08-01  2021-08-01..2022-05-09  333.34
	// 2022-05-10  2022-05-10..2023-05-09  333.33
	// 2023-05-10  2023-05-10..2024-05-09  333.33
	// SKU-12: OpenValueSpread: 3 installments adding up to 1000 (agreementStart=2021-05-10, order=2021-08-01, acquisitionYear=1, total=1000, installments=3, remainderTo=first installment)
}

// The Affiliate Anniversary option pays a stub to the next affiliate
// anniversary, then yearly.
func ExampleSpreadAffiliateAnniversary() {
	s, err := sa.SpreadAffiliateAnniversary(licensing.MustParseDate("2020-04-01"), 7, decimal.RequireFromString("652.50"), sa.DefaultRounding)
	if err != nil {
		log.Fatal(err)
	}
	for _, in := range s.Installments {
		fmt.Println(in.Due, in.Period.Months, "months", in.Amount.StringFixed(2))
	}
	// Output:
	// 2020-04-01 3 months 72.50
	// 2020-07-01 12 months 290.00
	// 2021-07-01 12 months 290.00
}

// Two SA lines bought at different times are extended together to one
// common end date, each prorated for its own months.
func ExampleCoTerminate() {
	lines := []sa.Expiring{
		{ID: "servers", Expires: licensing.MustParseDate("2021-06-30"), Annual: decimal.RequireFromString("250.00")},
		{ID: "desktops", Expires: licensing.MustParseDate("2021-12-31"), Annual: decimal.RequireFromString("290.00")},
	}
	ct, err := sa.CoTerminate(lines, licensing.MustParseDate("2021-06-15"), 7, licensing.Date{}, sa.DefaultRounding)
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
		fmt.Println(years, b.Economical, b.Explanation.Result)
	}
	fmt.Println("break-even:", sa.BreakevenYears(sa.DesktopProducts).FloatString(3), "years")
	// Output:
	// 3.4 true attach SA: rate × interval = 0.986 ≤ 1
	// 3.45 false buy a new license at each upgrade: rate × interval = 1.0005 > 1
	// break-even: 3.448 years
}

// SA alone can be added to an OEM Office license only for the identical
// version, within 90 days.
func ExampleCanEnroll() {
	p := sa.Purchase{Program: licensing.SelectPlus, Kind: licensing.Application, Family: "Office", Version: 2016,
		Channel: licensing.OEM, Date: licensing.MustParseDate("2020-01-10")}
	fmt.Println(sa.CanEnroll(p, licensing.MustParseDate("2020-04-09"), 2016).Allowed)
	fmt.Println(sa.CanEnroll(p, licensing.MustParseDate("2020-04-10"), 2016).Err)
	fmt.Println(sa.CanEnroll(p, licensing.MustParseDate("2020-02-01"), 2019).Err)
	// Output:
	// true
	// SP-41: enrollment 91 days after the purchase; the window is 90 days: not eligible
	// SP-41: SA for version 2019 on the Office 2016 license: the versions must be identical: not eligible
}

// SA renewed after it expired has lapsed: new L&SA first.
func ExampleTrack() {
	var t sa.Track
	d := licensing.MustParseDate
	if err := t.BuyLicenseSA(d("2020-04-01"), d("2022-06-30")); err != nil {
		log.Fatal(err)
	}
	err := t.RenewSA(d("2022-07-01"), d("2025-06-30"))
	fmt.Println(err)
	// Output: SP-46: SA expired on 2022-06-30, before the order of 2022-07-01: lapsed; buy L&SA before SA again: not eligible
}

// The Open License SA Evaluator sorts licenses into four categories.
func ExampleEvaluate() {
	out, err := sa.Evaluate("L-123", "A-456", []sa.Held{
		{Product: "Office 2003", Known: true, Current: false},
		{Product: "Windows Server 2003", Known: true, Current: true, UpgradeAdvantage: true},
		{Product: "Custom bundle", Known: false},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range out {
		fmt.Println(a.Held.Product+":", a.Category, "-", a.Options[0])
	}
	// Output:
	// Office 2003: NotCurrent - buy L&SA for the current version (OL-12)
	// Windows Server 2003: CurrentWithUA - continue the upgrade rights as SA, bought in two-year units (OL-14)
	// Custom bundle: NotAnalyzed - ask the reseller's account executive for an analysis (OL-23)
}
