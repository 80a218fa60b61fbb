// Command tour runs vlrules end to end on its built-in sample data: the
// guides' example point list, the points of a sample order, the dates an
// agreement runs on, what Software Assurance costs, a Select Plus pool over
// three years, a first Open License order and its authorization, an Open
// Value agreement's calendar and the SKU to sell in each year, and
// price-list descriptions read in several styles. It is the
// first thing to run:
//
//	go run ./examples/tour
//
// It takes no flags and reads nothing; every figure it prints comes from
// the library and names the rule that produced it.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/sa"
	"github.com/vlrules/vlrules/selectplus"
)

func main() {
	fs := flag.NewFlagSet("tour", flag.ContinueOnError)
	err := cli.Parse(fs, os.Args[1:], os.Stdout, "tour (no flags, no arguments)", 0, 0)
	if err == nil {
		bw := bufio.NewWriter(os.Stdout)
		if err = run(bw); err == nil {
			err = bw.Flush()
		}
	}
	os.Exit(cli.Exit("tour", err, os.Stderr))
}

func run(w io.Writer) error {
	catalog := licensing.DefaultCatalog()

	section(w, "Product points (GEN-04): the guides' example list, keyed by program")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "program\tproduct\tkind\tpool\tpoints")
	for p := range catalog.Products() {
		pool := p.Pool.String()
		if p.Pool == 0 {
			pool = "(not stated)"
		}
		fmt.Fprintf(tw, "%v\t%s\t%v\t%s\t%v\n", p.Program, p.Name, p.Kind, pool, p.Points)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	section(w, "Points of an order (GEN-05, SA-01, SA-20)")
	order, err := sampleOrder(catalog)
	if err != nil {
		return err
	}
	if err := order.Validate(); err != nil {
		return err
	}
	pools := map[licensing.Pool]licensing.Points{}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "line\tproduct\toffering\tqty\tSA months\tlicense\tSA\ttotal\tpool")
	for i, l := range order.Lines {
		pts, err := l.Points()
		if err != nil {
			return err
		}
		pools[l.Product.Pool] = pools[l.Product.Pool].Add(pts.Total)
		fmt.Fprintf(tw, "%d\t%s\t%v\t%d\t%d\t%v\t%v\t%v\t%v\n", i+1, l.Product.Name, l.Offering, l.Quantity, l.SAMonths,
			pts.License, pts.SA, pts.Total, l.Product.Pool)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range licensing.Pools() {
		fmt.Fprintf(w, "%-12s %s points\n", p, pools[p].Display())
	}
	fmt.Fprintln(w, "(SA points are exact: 25 months of SA on a 2-point license is 25/12, never 2.08.)")

	section(w, "Dates (GEN-14, GEN-15): agreement years and anniversaries")
	start := licensing.MustParseDate("2020-02-29")
	fmt.Fprintf(w, "agreement start %v\n", start)
	for k := 1; k <= 4; k++ {
		a := start.Anniversary(k)
		fmt.Fprintf(w, "  anniversary %d: %v  (opens year %d; the day before is in year %d)\n",
			k, a, licensing.YearOf(start, a), licensing.YearOf(start, a.AddDays(-1)))
	}
	d := licensing.MustParseDate("2024-01-31")
	fmt.Fprintf(w, "%v + 1 month = %v (clamped to the month's end)\n", d, d.AddMonths(1))
	fmt.Fprintf(w, "within 30 days of %v runs through %v (day 30 is on time)\n", start.Anniversary(2), start.Anniversary(2).AddDays(30))

	if err := tourSA(w); err != nil {
		return err
	}
	if err := tourSelectPlus(w, catalog); err != nil {
		return err
	}
	if err := tourOpenLicense(w, catalog); err != nil {
		return err
	}
	if err := tourOpenValue(w); err != nil {
		return err
	}
	return tourDescriptions(w)
}

// tourOpenValue shows an Open Value agreement: its calendar, the SKU to sell
// in each year, its invoices at a price list's prices, and what happens
// when the customer does nothing at an anniversary.
func tourOpenValue(w io.Writer) error {
	section(w, "Open Value (OV-18 to OV-40, SKU-09 to SKU-22): the calendar, the SKU to sell, anniversary orders")
	rules := openvalue.DefaultRules()
	a := openvalue.Agreement{Option: openvalue.NonCompanywide, Date: licensing.MustParseDate("2021-05-10")}
	events, err := rules.Calendar(a)
	if err != nil {
		return err
	}
	for _, e := range events {
		if e.Anniversary == 2 {
			continue // A2's rows repeat A1's a year later
		}
		fmt.Fprintf(w, "  %v %v %s\n", e.Date, e.Milestone, e.Rule)
	}
	prices, err := openvalue.ReadPriceList(strings.NewReader(`part,description,price
269-09046,Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd,100.00
269-09050,Office Professional Plus English Lic/SA Pack OLV NL 3YR Acq Y1 AddProd,300.00
269-09047,Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y2 AddProd,130.00
269-09049,Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y2 AddProd,260.00
269-09048,Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y3 AddProd,170.00
`))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "price list checks (SKU-13, SKU-14, OV-06): %d findings\n", len(prices.Check()))
	for _, p := range []struct {
		on      string
		payment openvalue.Payment
	}{{"2021-08-01", openvalue.Spread}, {"2022-09-01", openvalue.UpFront}, {"2022-09-01", openvalue.Spread}, {"2023-06-01", openvalue.UpFront}} {
		c, err := rules.Choose(a, openvalue.Purchase{Product: "Office Professional Plus", Payment: p.payment, Date: licensing.MustParseDate(p.on)})
		if err != nil {
			return err
		}
		s, err := prices.Bill(c, 10)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s %-7v → %s (%v), 10 units:", p.on, p.payment, c.Text, c.Mode)
		for _, in := range s.Installments {
			fmt.Fprintf(w, " %v %s", in.Due, in.Amount.StringFixed(2))
		}
		fmt.Fprintf(w, " = %s\n", s.Total.StringFixed(2))
		for _, n := range c.Notes {
			fmt.Fprintf(w, "  note: %v\n", n)
		}
	}
	request := openvalue.AgreementRequest{
		Customer: openvalue.Contact{Name: "Fabrikam", Address: "1 Main St, Redmond", Phone: "+1 425 555 0100"},
		Contacts: []openvalue.Contact{{Name: "Pat Kim", Address: "1 Main St, Redmond", Phone: "+1 425 555 0101"}},
		Desktops: 25, Option: openvalue.NonCompanywide,
	}
	l, _, err := rules.Open(request, licensing.NorthAmerica, openvalue.Order{ID: "PO-201", Date: a.Date, Lines: []openvalue.Line{
		{Part: "269-09046", Description: "Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd", Quantity: 10}}})
	if err != nil {
		return err
	}
	expected, err := l.Expected(1)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "anniversary order 1 must repeat %s × %d (OV-36, OV-40)\n", expected[0].Part, expected[0].Quantity)
	_, err = l.Place(openvalue.Order{ID: "PO-202", Date: licensing.MustParseDate("2022-07-10"), UsageDate: licensing.MustParseDate("2022-05-10"), Anniversary: true,
		Lines: []openvalue.Line{{Description: expected[0].Text, Quantity: expected[0].Quantity}}})
	fmt.Fprintf(w, "the anniversary order placed on 2022-07-10: %v\n", err)
	return nil
}

// tourDescriptions reads price-list descriptions in several styles.
func tourDescriptions(w io.Writer) error {
	section(w, "Price-list descriptions (SKU-02 to SKU-09, X-19)")
	parser, err := sku.Combine(sku.DefaultTokens(), openvalue.ReadingRules(), openlicense.ReadingRules(), selectplus.ReadingRules())
	if err != nil {
		return err
	}
	for _, s := range []string{
		"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd",
		"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic",
		"1YR VISIOSTD ALNG LICSAPK OLV NL AP",
		"Microsoft Project Professional German Academic OPEN 1 License Level B",
		"Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd",
	} {
		d, err := parser.ParseDescription(s)
		fmt.Fprintf(w, "  %s\n    %v: %q %v %v level=%v cov=%d acq=%d\n", s, d.Style, d.Product, d.Program, d.Offering, d.Level, d.CoverageYears, d.AcquiredYear)
		if err != nil {
			fmt.Fprintf(w, "    refused: %v\n", err)
		}
	}
	return nil
}

// tourSelectPlus replays the Applications pool of the worked scenario WS-12.
func tourSelectPlus(w io.Writer, catalog *licensing.Catalog) error {
	section(w, "Select Plus (SP-15 to SP-25): levels per pool, carryover, drop")
	l, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: licensing.MustParseDate("2018-07-01"),
		Lead: selectplus.Affiliate{ID: "Contoso", Anniversary: licensing.MustParseDate("2018-07-01")}}, selectplus.DefaultRules())
	if err != nil {
		return err
	}
	orders := []struct {
		date, product string
		qty           int64
	}{
		{"2018-07-15", "Office Professional Plus", 300}, {"2018-11-01", "Office Professional Plus", 1800},
		{"2019-03-01", "Outlook", 500}, {"2019-09-01", "Skype for Business", 1000},
		{"2020-02-01", "Office Professional Plus", 1000}, {"2020-08-01", "Office Professional Plus", 2000},
	}
	for i, o := range orders {
		d := licensing.MustParseDate(o.date)
		reviews, err := l.AdvanceTo(d)
		if err != nil {
			return err
		}
		for _, r := range reviews {
			fmt.Fprintf(w, "  %v anniversary: %v\n", r.Date, r.Why())
		}
		p, err := catalog.Lookup(licensing.SelectPlus, o.product)
		if err != nil {
			return err
		}
		rc, err := l.Post(licensing.Order{ID: fmt.Sprintf("PO-%d", i+1), Date: d, Affiliate: "Contoso",
			Lines: []licensing.Line{{Product: p, Offering: licensing.License, Quantity: o.qty}}})
		if err != nil {
			return err
		}
		a := rc.Pools[0]
		fmt.Fprintf(w, "  %v %-26s +%-5v total %-5v level %v (%s)\n", d, o.product, a.Points, a.After.Total(), a.After.Level, a.Why().Rule)
	}
	out, err := l.Outlook(licensing.Applications)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  outlook: %v\n", out.Why())
	return nil
}

// tourOpenLicense qualifies a first Open License order in and outside EMEA,
// opens its authorization, and prices SA eight months before its end.
func tourOpenLicense(w io.Writer, catalog *licensing.Catalog) error {
	section(w, "Open License (OL-01 to OL-19): Open Business, Open Volume, the authorization and its SA")
	rules := openlicense.DefaultRules()
	office, err := catalog.Lookup(licensing.OpenLicense, "Office Professional")
	if err != nil {
		return err
	}
	server, err := catalog.Lookup(licensing.OpenLicense, "Windows XP Standard Server")
	if err != nil {
		return err
	}
	initial := licensing.Order{ID: "PO-101", Date: licensing.MustParseDate("2005-03-15"), Lines: []licensing.Line{
		{Product: office, Offering: licensing.LicenseSA, Quantity: 200},
		{Product: server, Offering: licensing.License, Quantity: 10},
	}}
	fmt.Fprintln(w, "first order: 200 × Office Professional L&SA (2 points), 10 × Windows XP Standard Server L (15 points)")
	for _, region := range []licensing.Region{licensing.NorthAmerica, licensing.EMEA} {
		q, err := rules.Qualify(initial.Lines, region)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %v: %s\n", region, q.Advice())
		for _, e := range q.Why()[1:] {
			fmt.Fprintf(w, "    %v\n", e)
		}
	}
	a, err := rules.Open(openlicense.Holder{AuthorizationNumber: "12345678"}, initial, licensing.EMEA)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "authorization 12345678 issued %v, last day to reorder %v (OL-19)\n", initial.Date, a.End())
	reorder := licensing.Order{ID: "PO-102", Date: licensing.MustParseDate("2006-07-15"),
		Lines: []licensing.Line{{Product: server, Offering: licensing.LicenseSA, Quantity: 1}}}
	rc, err := a.Reorder(reorder)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  reorder %v: 1 × Windows XP Standard Server, priced at %v (OL-07: locked for the term)\n", reorder.Date, rc.Lines[0].Solution)
	q, err := rules.QuoteSA(initial.Date, reorder.Date, decimal.New(100, 0), 1)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  its SA: coverage %v for %s, the full two-year price; value ratio %s (OL-14, OL-15)\n",
		q.Coverage, q.Price.StringFixed(2), rules.ValueRatio(q.Coverage).RatString())
	_, err = a.Reorder(licensing.Order{ID: "PO-103", Date: a.End().AddDays(1), Lines: reorder.Lines})
	fmt.Fprintf(w, "  a reorder the day after: %v\n", err)
	return nil
}

// tourSA prices the SA of the sample order's first line in Select Plus.
func tourSA(w io.Writer) error {
	section(w, "Software Assurance (SA-04, SA-05, SP-39, SP-42): is it worth it, and what does it cost?")
	ref, err := sa.AnnualReference(decimal.New(100, 0), licensing.Applications)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, ref.Why())
	for _, years := range []string{"3", "3.45"} {
		b, err := sa.CompareUpgrade(sa.DesktopProducts, decimal.RequireFromString(years))
		if err != nil {
			return err
		}
		fmt.Fprintln(w, b.Why())
	}
	q, err := selectplus.QuoteSA(licensing.MustParseDate("2020-04-01"), time.July, selectplus.AffiliateAnniversary, ref.Annual, 10, sa.Monthly)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "10 × Office Professional Plus L&SA ordered 2020-04-01, affiliate anniversary in July:\n")
	fmt.Fprintf(w, "  coverage %v, price %s, paid by Affiliate Anniversary:\n", q.Coverage, q.Price.StringFixed(2))
	for _, in := range q.Schedule.Installments {
		fmt.Fprintf(w, "  %v  %2d months  %8s\n", in.Due, in.Period.Months, in.Amount.StringFixed(2))
	}
	return nil
}

// sampleOrder is an order a Select Plus customer might place.
func sampleOrder(c *licensing.Catalog) (licensing.Order, error) {
	lines := []struct {
		product  string
		offering licensing.Offering
		qty      int64
		months   int
	}{
		{"Office Professional Plus", licensing.LicenseSA, 10, 27},
		{"Office Professional Plus", licensing.LicenseSA, 1, 25},
		{"Outlook", licensing.License, 500, 0},
		{"Windows upgrade", licensing.License, 50, 0},
		{"Windows Server Essentials", licensing.LicenseSA, 4, 36},
	}
	o := licensing.Order{ID: "PO-2020-0401", Date: licensing.MustParseDate("2020-04-01"), Affiliate: "Contoso Ltd"}
	for _, l := range lines {
		p, err := c.Lookup(licensing.SelectPlus, l.product)
		if err != nil {
			return o, err
		}
		o.Lines = append(o.Lines, licensing.Line{Product: p, Offering: l.offering, Quantity: l.qty, SAMonths: l.months})
	}
	return o, nil
}

func section(w io.Writer, title string) {
	fmt.Fprintf(w, "\n== %s\n", title)
}
