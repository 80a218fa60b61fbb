// Command sacost answers a reseller's question: is Software Assurance worth
// it for this product, and what will it cost in this program?
//
//	sacost [-json] -program PROGRAM -class server|desktop -price PRICE -interval YEARS
//	       -order DATE [-quantity N] [-plan PLAN] [-annual PRICE]
//	       [-affiliate DATE] [-start DATE] [-authorization DATE]
//
// -program is selectplus, openvalue, ovs or openlicense (or sp, ov, olv,
// olp, or a program's name such as "Select Plus"). -class is the product
// class of SA-04: server (25 %) or desktop (desktop and systems, 29 %); a
// pool name (Servers, Applications, Systems) works too. -price is the
// license price per unit, -interval the upgrade interval in years, -order
// the order date (YYYY-MM-DD).
//
// Each program needs one more date: Select Plus the affiliate's anniversary
// (-affiliate; only its month counts), Open Value the agreement start
// (-start; for OVS the agreement date, whose years count from the
// enrollment start on the first of the next month, the days before it a
// stub in Year 1: OV-26, OV-31), Open License the authorization's initial
// order date (-authorization). -plan picks how to
// pay: upfront (every program), spread or financing (Open Value), affiliate
// or order (Select Plus). -annual replaces the SA-04
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
	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/sa"
	"github.com/vlrules/vlrules/selectplus"
)

func main() { os.Exit(cli.Exit("sacost", run(os.Args[1:], os.Stdout), os.Stderr)) }

const usage = "sacost [-json] -program PROGRAM -class server|desktop -price PRICE -interval YEARS -order DATE [-quantity N] [-plan PLAN] [-annual PRICE] [-affiliate DATE] [-start DATE] [-authorization DATE]"

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
	var (
		asJSON    = fs.Bool("json", false, "print one JSON object")
		program   = fs.String("program", "", "selectplus, openvalue, ovs or openlicense (or sp, ov, olv, olp, a program's name)")
		class     = fs.String("class", "", "server or desktop")
		price     = fs.String("price", "", "license price per unit")
		annualStr = fs.String("annual", "", "annual SA price per unit (default: the SA-04 reference)")
		interval  = fs.String("interval", "", "upgrade interval in years")
		order     = fs.String("order", "", "order date")
		quantity  = fs.Int64("quantity", 1, "units")
		planStr   = fs.String("plan", "", "upfront (any program), spread or financing (Open Value), affiliate or order (Select Plus)")
		affiliate = fs.String("affiliate", "", "Select Plus: the affiliate's anniversary")
		start     = fs.String("start", "", "Open Value: the agreement start; OVS: the agreement date")
		authStart = fs.String("authorization", "", "Open License: the authorization's initial order date")
	)
	if err := cli.Parse(fs, args, w, usage, 0, 0); err != nil {
		return err
	}
	if *program == "" {
		return fmt.Errorf("-program is required\nusage: %s", usage)
	}
	prog, err := parseProgram(*program)
	if err != nil {
		return err
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
	be, err := sa.CompareUpgrade(cls, years)
	if err != nil {
		return err
	}
	ref, err := sa.AnnualReference(licensePrice, pool)
	if err != nil {
		return err
	}
	annual, annualWhy := ref.Annual, ref.Why()
	if *annualStr != "" {
		if annual, err = parseMoney("-annual", *annualStr); err != nil {
			return err
		}
		annualWhy = licensing.Explain("GEN-16", "annual SA price from the price list", licensing.F("annual", annual))
	}
	dates := map[string]string{"-affiliate": *affiliate, "-start": *start, "-authorization": *authStart}
	q, plan, err := quote(prog, *planStr, orderDate, dates, annual, *quantity)
	if err != nil {
		return err
	}

	res := result{
		Program: prog.String(), Class: cls.String(), Quantity: *quantity,
		Breakeven: breakevenJSON{Rate: be.Rate.String(), IntervalYears: be.Years.String(), Cost: be.Cost.String(),
			BreakEvenYears: sa.BreakevenYears(cls).FloatString(3), Economical: be.Economical, Advice: advice(be)},
		Annual:   annual.String(),
		Plan:     plan,
		Coverage: coverageJSON{q.Coverage.Start, q.Coverage.End, q.Coverage.Months},
		Price:    q.Price.StringFixed(2),
	}
	for _, in := range q.Schedule.Installments {
		res.Schedule = append(res.Schedule, paymentJSON{in.Due, in.Period.Start, in.Period.End, in.Period.Months, in.Amount.StringFixed(2)})
	}
	for _, e := range append([]licensing.Explanation{be.Why(), annualWhy}, q.Why()...) {
		res.Rules = append(res.Rules, e.String())
	}
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return printTable(w, res)
}

// programNames are the short names -program takes besides the programs'
// names: the guides' abbreviations and the price-list program tokens.
var programNames = map[string]licensing.Program{
	"ov": licensing.OpenValue, "olv": licensing.OpenValue, "ovs": licensing.OpenValueSubscription,
	"olp": licensing.OpenLicense, "sp": licensing.SelectPlus,
}

func parseProgram(s string) (licensing.Program, error) {
	if p, ok := programNames[strings.ToLower(strings.TrimSpace(s))]; ok {
		return p, nil
	}
	p, err := licensing.ParseProgram(s)
	if err != nil {
		return 0, fmt.Errorf("-program: %w", err)
	}
	return p, nil
}

// quote asks the program's package for the SA quote: each program computes
// its own coverage and offers its own payment plans.
func quote(prog licensing.Program, planText string, order licensing.Date, dates map[string]string, annual decimal.Decimal, qty int64) (sa.Quote, string, error) {
	date := func(flag, rule string) (licensing.Date, error) {
		if dates[flag] == "" {
			return licensing.Date{}, fmt.Errorf("%s is required for %v (%s)", flag, prog, rule)
		}
		d, err := licensing.ParseDate(dates[flag])
		if err != nil {
			return d, fmt.Errorf("%s: %w", flag, err)
		}
		return d, nil
	}
	switch prog {
	case licensing.SelectPlus:
		anniv, err := date("-affiliate", "SP-39")
		if err != nil {
			return sa.Quote{}, "", err
		}
		plan, err := planOr(planText, selectplus.UpFront, selectplus.ParsePlan)
		if err != nil {
			return sa.Quote{}, "", err
		}
		q, err := selectplus.QuoteSA(order, anniv.Month(), plan, annual, qty, sa.Monthly)
		return q, plan.String(), err
	case licensing.OpenValue, licensing.OpenValueSubscription:
		start, err := date("-start", "OV-26")
		if err != nil {
			return sa.Quote{}, "", err
		}
		term := openvalue.Term{Start: start}
		if prog == licensing.OpenValueSubscription {
			if term, err = openvalue.SubscriptionTerm(start); err != nil {
				return sa.Quote{}, "", err
			}
		}
		pay, err := planOr(planText, openvalue.UpFront, openvalue.ParsePayment)
		if err != nil {
			return sa.Quote{}, "", err
		}
		q, err := openvalue.QuoteSA(term, order, pay, annual, qty)
		return q, pay.String(), err
	case licensing.OpenLicense:
		initial, err := date("-authorization", "OL-19")
		if err != nil {
			return sa.Quote{}, "", err
		}
		if planText != "" && !strings.EqualFold(strings.NewReplacer("-", "", " ", "").Replace(planText), "upfront") {
			return sa.Quote{}, "", licensing.Refuse("OL-04", licensing.ErrNotEligible, "-plan %q: Open License is paid up front", planText)
		}
		q, err := openlicense.DefaultRules().QuoteSA(initial, order, annual, qty)
		return q, "UpFront", err
	}
	return sa.Quote{}, "", fmt.Errorf("-program: %v sells no SA", prog)
}

func advice(b sa.Breakeven) string {
	if b.Economical {
		return "attach SA"
	}
	return "buy new licenses at each upgrade"
}

// classPools are the pools a class's reference price is figured for.
var classPools = map[sa.Class]licensing.Pool{sa.ServerProducts: licensing.Servers, sa.DesktopProducts: licensing.Applications}

// parseClass reads a product class or a pool name.
func parseClass(s string) (sa.Class, licensing.Pool, error) {
	if cls, err := sa.ParseClass(s); err == nil {
		return cls, classPools[cls], nil
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
	if c := r.Coverage; c.Months == sa.Months(c.Start, c.End) {
		fmt.Fprintf(tw, "coverage\t%v to %v, %d months\n", c.Start, c.End, c.Months)
	} else { // Open Value bills whole agreement years (SA-19)
		fmt.Fprintf(tw, "coverage\t%v to %v (%d calendar months), billed as %d months\n", c.Start, c.End, sa.Months(c.Start, c.End), c.Months)
	}
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

// planOr parses the -plan text with parse, or returns def when it is empty.
func planOr[T any](text string, def T, parse func(string) (T, error)) (T, error) {
	if text == "" {
		return def, nil
	}
	p, err := parse(text)
	if err != nil {
		return def, fmt.Errorf("-plan: %w", err)
	}
	return p, nil
}
