// Command sacost answers a reseller's question: is Software Assurance worth
// it for this product, and what will it cost in this program?
//
//	sacost [-json] -program PROGRAM -class server|desktop -price PRICE -interval YEARS
//	       -order DATE [-quantity N] [-plan PLAN] [-annual PRICE]
//	       [-affiliate DATE] [-start DATE] [-authorization DATE]
//
// -program is selectplus, openvalue, ovs or openlicense (any spelling the
// library parses: "Select Plus", "OLV", "OLP", …). -class is the product
// class of SA-04: server (25 %) or desktop (desktop and systems, 29 %); a
// pool name (Servers, Applications, Systems) works too. -price is the
// license price per unit, -interval the upgrade interval in years, -order
// the order date (YYYY-MM-DD).
//
// Each program needs one more date: Select Plus the affiliate's anniversary
// (-affiliate; only its month counts), Open Value the agreement start
// (-start), Open License the authorization's initial order date
// (-authorization). -plan picks how to pay: upfront (every program), spread
// (Open Value), affiliate or order (Select Plus). -annual replaces the SA-04
// reference with a price-list annual SA price per unit.
//
// It prints the breakeven, the coverage, the price and the payment
// schedule as a table, or with -json as one JSON object.
//
// Example:
//
//	go run ./examples/sacost -program selectplus -class desktop -price 100 -interval 3 \
//	    -order 2020-04-01 -affiliate 2018-07-01 -quantity 10 -plan affiliate
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/sa"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sacost:", err)
		os.Exit(2)
	}
}

// result is what sacost prints, and its JSON form.
type result struct {
	Program   string        `json:"program"`
	Class     string        `json:"class"`
	Quantity  int64         `json:"quantity"`
	Breakeven breakevenJSON `json:"breakeven"`
	Annual    string        `json:"annualPerUnit"`
	Plan      string        `json:"plan"`
	Coverage  coverageJSON  `json:"coverage"`
	Price     string        `json:"price"`
	Schedule  []paymentJSON `json:"schedule"`
	Rules     []string      `json:"explanations"`
}

type breakevenJSON struct {
	Rate           string `json:"rate"`
	IntervalYears  string `json:"intervalYears"`
	Cost           string `json:"cost"`
	BreakEvenYears string `json:"breakEvenYears"`
	Economical     bool   `json:"economical"`
	Advice         string `json:"advice"`
}

type coverageJSON struct {
	Start  licensing.Date `json:"start"`
	End    licensing.Date `json:"end"`
	Months int            `json:"months"`
}

type paymentJSON struct {
	Due    licensing.Date `json:"due"`
	From   licensing.Date `json:"from"`
	To     licensing.Date `json:"to"`
	Months int            `json:"months"`
	Amount string         `json:"amount"`
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("sacost", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var (
		asJSON    = fs.Bool("json", false, "print one JSON object")
		program   = fs.String("program", "", "selectplus, openvalue, ovs or openlicense")
		class     = fs.String("class", "", "server or desktop")
		price     = fs.String("price", "", "license price per unit")
		annualStr = fs.String("annual", "", "annual SA price per unit (default: the SA-04 reference)")
		interval  = fs.String("interval", "", "upgrade interval in years")
		order     = fs.String("order", "", "order date")
		quantity  = fs.Int64("quantity", 1, "units")
		planStr   = fs.String("plan", "", "upfront, spread, affiliate or order")
		affiliate = fs.String("affiliate", "", "Select Plus: the affiliate's anniversary")
		start     = fs.String("start", "", "Open Value: the agreement start")
		authStart = fs.String("authorization", "", "Open License: the authorization's initial order date")
	)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%v (see the package doc for usage)", err)
	}
	prog, err := licensing.ParseProgram(*program)
	if err != nil {
		return fmt.Errorf("-program: %w", err)
	}
	cls, pool, err := parseClass(*class)
	if err != nil {
		return err
	}
	licensePrice, err := parseMoney("-price", *price)
	if err != nil {
		return err
	}
	years, err := parseMoney("-interval", *interval)
	if err != nil {
		return err
	}
	orderDate, err := licensing.ParseDate(*order)
	if err != nil {
		return fmt.Errorf("-order: %w", err)
	}
	req := sa.QuoteRequest{Program: prog, Quantity: *quantity, Dates: sa.Request{Order: orderDate}}
	if *planStr != "" {
		if req.Plan, err = sa.ParsePlan(*planStr); err != nil {
			return fmt.Errorf("-plan: %w", err)
		}
	}
	dates := []struct {
		flag, text string
		set        func(licensing.Date)
	}{
		{"-affiliate", *affiliate, func(d licensing.Date) { req.Dates.AffiliateAnniversary = d }},
		{"-start", *start, func(d licensing.Date) { req.Dates.AgreementStart = d }},
		{"-authorization", *authStart, func(d licensing.Date) { req.Dates.AuthorizationEnd = openlicense.AuthorizationEnd(d) }},
	}
	for _, d := range dates {
		if d.text == "" {
			continue
		}
		v, err := licensing.ParseDate(d.text)
		if err != nil {
			return fmt.Errorf("%s: %w", d.flag, err)
		}
		d.set(v)
	}

	be, err := sa.CompareUpgrade(cls, years)
	if err != nil {
		return err
	}
	annual, ae, err := sa.AnnualReference(licensePrice, pool)
	if err != nil {
		return err
	}
	if *annualStr != "" {
		if annual, err = parseMoney("-annual", *annualStr); err != nil {
			return err
		}
		ae = licensing.Explain("GEN-16", "annual SA price from the price list", licensing.F("annual", annual))
	}
	req.Annual = annual
	q, err := sa.QuoteSA(req)
	if err != nil {
		return err
	}

	res := result{
		Program: prog.String(), Class: cls.String(), Quantity: *quantity,
		Breakeven: breakevenJSON{Rate: be.Rate.String(), IntervalYears: be.Years.String(), Cost: be.Cost.String(),
			BreakEvenYears: sa.BreakevenYears(cls).FloatString(3), Economical: be.Economical, Advice: advice(be)},
		Annual:   annual.String(),
		Plan:     q.Plan.String(),
		Coverage: coverageJSON{q.Coverage.Start, q.Coverage.End, q.Coverage.Months},
		Price:    q.Price.StringFixed(2),
	}
	for _, in := range q.Schedule.Installments {
		res.Schedule = append(res.Schedule, paymentJSON{in.Due, in.Period.Start, in.Period.End, in.Period.Months, in.Amount.StringFixed(2)})
	}
	for _, e := range append([]licensing.Explanation{be.Explanation, ae}, q.Explanations...) {
		res.Rules = append(res.Rules, e.String())
	}
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return printTable(w, res)
}

func advice(b sa.Breakeven) string {
	if b.Economical {
		return "attach SA"
	}
	return "buy new licenses at each upgrade"
}

// parseClass reads a product class or a pool name.
func parseClass(s string) (sa.Class, licensing.Pool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "server", "servers":
		return sa.ServerProducts, licensing.Servers, nil
	case "desktop", "desktops", "systems", "system":
		return sa.DesktopProducts, licensing.Applications, nil
	}
	pool, err := licensing.ParsePool(s)
	if err != nil {
		return 0, 0, fmt.Errorf("-class %q: want server or desktop, or a pool name", s)
	}
	cls, _ := sa.ClassOf(pool)
	return cls, pool, nil
}

func parseMoney(flag, s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, fmt.Errorf("%s is required", flag)
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Sign() < 0 {
		return decimal.Decimal{}, errors.Join(fmt.Errorf("%s %q: want a non-negative decimal number", flag, s), err)
	}
	return d, nil
}

func printTable(w io.Writer, r result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "program\t%s\n", r.Program)
	fmt.Fprintf(tw, "product class\t%s (SA rate %s of the license a year)\n", r.Class, r.Breakeven.Rate)
	fmt.Fprintf(tw, "breakeven\tupgrade every %s years: SA costs %s license prices; break-even %s years: %s\n",
		r.Breakeven.IntervalYears, r.Breakeven.Cost, r.Breakeven.BreakEvenYears, r.Breakeven.Advice)
	fmt.Fprintf(tw, "annual SA per unit\t%s\n", r.Annual)
	fmt.Fprintf(tw, "coverage\t%v to %v, %d months\n", r.Coverage.Start, r.Coverage.End, r.Coverage.Months)
	fmt.Fprintf(tw, "price\t%s for %d units, %s\n", r.Price, r.Quantity, r.Plan)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "due\tpays from\tto\tmonths\tamount\t")
	for _, p := range r.Schedule {
		fmt.Fprintf(tw, "%v\t%v\t%v\t%d\t%s\t\n", p.Due, p.From, p.To, p.Months, p.Amount)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nwhy:")
	for _, e := range r.Rules {
		fmt.Fprintln(w, "  "+e)
	}
	return nil
}
