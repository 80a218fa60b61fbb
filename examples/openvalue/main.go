// Command openvalue tells a reseller the dates an Open Value agreement runs
// on, and which SKU to sell for a purchase under it and when to invoice it.
//
//	openvalue [-json] -program ov|ovcw|ovs -start DATE [-region R]
//	          [-choose ORDER-DATE -payment spread|upfront|financing [-sa-only] [-companywide] [-product NAME]]
//
// -program is ov (Open Value, non-companywide), ovcw (Open Value
// companywide) or ovs (Open Value Subscription). -start is the agreement
// date (YYYY-MM-DD). An Open Value agreement's years count from it; an Open
// Value Subscription's from its enrollment start, the agreement date when
// that is the first of a month and otherwise the first of the next month
// (OV-31), and the days before it are a stub in Year 1 (OV-26). -region
// takes a region or a country code the region table knows (NorthAmerica,
// "North America", EMEA, DE, US, …): Open Value Subscription is not sold in
// North America (OV-03). Without -region no regional check is made.
//
// Without -choose it prints the agreement's calendar for a customer who
// does nothing: the agreement start, the enrollment start (OVS), for each
// anniversary the reminder 45 days before (OV-19), the anniversary, the
// follow-up reminder 30 days after, the last day to order (A + 60) and the
// termination if no order came (A + 61, OV-22, OV-23), then the renewal
// notice 90 days before the expiration (OV-24) and the expiration, the
// term's last day (OV-26). With -json it prints one JSON object per event,
// sorted by date (events of one date in that order):
//
//	{"date":"2022-05-10","event":"anniversary","anniversary":1,"rule":"OV-18"}
//
// where event is agreementStart, enrollmentStart, preAnniversaryReminder,
// anniversary, followUpReminder, lastDayToOrder, terminatedIfNoOrder,
// renewalNotice or expiration, and anniversary is 1 or 2, or 0 for an event
// of no anniversary.
//
// With -choose ORDER-DATE and -payment it chooses the SKU for a purchase on
// that date (SKU-17): the acquisition year is the agreement year of the
// order (SKU-10, OV-27); spread buys one year and is invoiced again, the
// same SKU, on each remaining anniversary (SKU-11, SKU-12); up front and
// Microsoft Financing buy the years left (SKU-18); in year 3 every choice is
// the 1YR SKU (SKU-09). -product names the product as the price list writes
// it (default "Office Professional Plus", in English); -sa-only buys SA
// alone instead of License & SA; -companywide buys the companywide (Ent)
// item, which a non-companywide agreement refuses (SKU-15). With -json it
// prints exactly one JSON object:
//
//	{"description":"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd",
//	 "acquiredYear":1,"coverageYears":1,"payment":"Spread","invoices":["2021-08-01","2022-05-10","2023-05-10"]}
//
// where payment is Spread, UpFront or Single (SKU-22). Without -json it
// prints the calendar as a table, then the SKU, its payment, invoices and
// notes, and a sentence for the quote (SKU-20).
//
// Exit status: 0 on success and for -h; 2 for every error, which is
// printed on standard error with nothing on standard output: a usage
// error (a missing or unknown flag value, -payment, -sa-only, -companywide
// or -product without -choose, -choose without -payment, an argument after
// the flags), and a refusal by a rule, whose message names the rule's
// ID: OVS in North America (OV-03), an order date outside the term
// (OV-27), a companywide item on a non-companywide agreement (SKU-15). The
// example programs do not tell these apart (see examples/internal/cli).
//
// Example, the worked scenarios WS-01 and WS-04:
//
//	go run ./examples/openvalue -program ov -start 2021-05-10 -choose 2021-08-01 -payment spread
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openvalue"
)

func main() { os.Exit(cli.Exit("openvalue", run(os.Args[1:], os.Stdout), os.Stderr)) }

const usage = "openvalue [-json] -program ov|ovcw|ovs -start DATE [-region R] [-choose ORDER-DATE -payment spread|upfront|financing [-sa-only] [-companywide] [-product NAME]]"

// defaultProduct is the product of the guide's examples (SKU-16).
const defaultProduct = "Office Professional Plus"

// programs are the values of -program, and payments those of -payment.
var (
	programs = []struct {
		flag   string
		option openvalue.Option
	}{{"ov", openvalue.NonCompanywide}, {"ovcw", openvalue.Companywide}, {"ovs", openvalue.Subscription}}
	payments = []struct {
		flag    string
		payment openvalue.Payment
	}{{"spread", openvalue.Spread}, {"upfront", openvalue.UpFront}, {"financing", openvalue.Financing}}
)

// eventJSON is one calendar event, its fields in the documented order.
type eventJSON struct {
	Date        licensing.Date   `json:"date"`
	Event       string           `json:"event"`
	Anniversary int              `json:"anniversary"`
	Rule        licensing.RuleID `json:"rule"`
}

// choiceJSON is the chosen SKU, its fields in the documented order.
type choiceJSON struct {
	Description   string           `json:"description"`
	AcquiredYear  int              `json:"acquiredYear"`
	CoverageYears int              `json:"coverageYears"`
	Payment       string           `json:"payment"`
	Invoices      []licensing.Date `json:"invoices"`
}

// eventWords say what each milestone means, for the table.
var eventWords = map[openvalue.Milestone]string{
	openvalue.AgreementStart:         "agreement start, the initial order's usage date",
	openvalue.Enrollment:             "enrollment start, the years count from it",
	openvalue.PreAnniversaryReminder: "reminder with an order form",
	openvalue.Anniversary:            "anniversary: the anniversary order is due",
	openvalue.FollowUpReminder:       "follow-up reminder if no order came",
	openvalue.LastDayToOrder:         "last day an anniversary order keeps the agreement",
	openvalue.TerminatedIfNoOrder:    "terminated if no order came",
	openvalue.RenewalNotice:          "renewal notice: the three-year extension",
	openvalue.Expiration:             "expiration, the term's last day",
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("openvalue", flag.ContinueOnError)
	var (
		asJSON      = fs.Bool("json", false, "print JSON: one object per event, or one object for -choose")
		program     = fs.String("program", "", "ov (Open Value), ovcw (Open Value companywide) or ovs (Open Value Subscription)")
		startText   = fs.String("start", "", "the agreement date, YYYY-MM-DD")
		regionText  = fs.String("region", "", "a region or a country code (default: no regional check)")
		chooseText  = fs.String("choose", "", "choose the SKU for an order on this date, YYYY-MM-DD")
		paymentText = fs.String("payment", "", "with -choose: spread, upfront or financing")
		saOnly      = fs.Bool("sa-only", false, "with -choose: buy SA alone, not License & SA")
		companywide = fs.Bool("companywide", false, "with -choose: buy the companywide (Ent) item")
		product     = fs.String("product", defaultProduct, "with -choose: the product as the price list names it")
	)
	if err := cli.Parse(fs, args, w, usage, 0, 0); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	a := openvalue.Agreement{}
	switch {
	case !set["program"]:
		return usageError("-program is required")
	case !set["start"]:
		return usageError("-start is required")
	}
	for _, p := range programs {
		if *program == p.flag {
			a.Option = p.option
		}
	}
	if a.Option == 0 {
		return usageError("-program %q: want ov, ovcw or ovs", *program)
	}
	var err error
	if a.Date, err = licensing.ParseDate(*startText); err != nil {
		return fmt.Errorf("-start: %w", err)
	}
	if set["region"] {
		if a.Region, err = parseRegion(*regionText); err != nil {
			return err
		}
	}
	if !set["choose"] {
		for _, name := range []string{"payment", "sa-only", "companywide", "product"} {
			if set[name] {
				return usageError("-%s is for -choose", name)
			}
		}
	} else if !set["payment"] {
		return usageError("-choose needs -payment spread, upfront or financing")
	}

	rules := openvalue.DefaultRules()
	if !set["choose"] {
		events, err := rules.Calendar(a)
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(w)
		if *asJSON {
			err = printEvents(bw, events)
		} else if err = printCalendar(bw, rules, a, events); err == nil {
			fmt.Fprintf(bw, "\nfor the quote:\n  %s\n", calendarSentence(a, events))
		}
		if err != nil {
			return err
		}
		return bw.Flush()
	}

	p := openvalue.Purchase{Product: *product, Language: "English", Offering: licensing.LicenseSA, Companywide: *companywide}
	if *saOnly {
		p.Offering = licensing.SAOnly
	}
	for _, row := range payments {
		if *paymentText == row.flag {
			p.Payment = row.payment
		}
	}
	if p.Payment == 0 {
		return usageError("-payment %q: want spread, upfront or financing", *paymentText)
	}
	if p.Date, err = licensing.ParseDate(*chooseText); err != nil {
		return fmt.Errorf("-choose: %w", err)
	}
	c, err := rules.Choose(a, p)
	if err != nil {
		return fmt.Errorf("-choose %v: %w", p.Date, err)
	}
	bw := bufio.NewWriter(w)
	if *asJSON {
		res := choiceJSON{Description: c.Text, AcquiredYear: c.Description.AcquiredYear, CoverageYears: c.Description.CoverageYears,
			Payment: c.Mode.String(), Invoices: append([]licensing.Date{}, c.Invoices...)}
		if err := encode(bw, res); err != nil {
			return err
		}
		return bw.Flush()
	}
	sentence, err := openvalue.Explain(c.Description)
	if err != nil {
		return err
	}
	events, err := rules.Calendar(a)
	if err != nil {
		return err
	}
	if err := printCalendar(bw, rules, a, events); err != nil {
		return err
	}
	if err := printChoice(bw, p, c, sentence); err != nil {
		return err
	}
	return bw.Flush()
}

// usageError reports a bad command line, with the usage line.
func usageError(format string, args ...any) error {
	return fmt.Errorf(format+"\nusage: %s", append(args, usage)...)
}

// parseRegion reads a region or a country code of the default table.
func parseRegion(s string) (licensing.Region, error) {
	regions := licensing.DefaultRegions()
	if r, err := regions.Parse(s); err == nil {
		return r, nil
	}
	if r, ok := regions.ForCountry(s); ok {
		return r, nil
	}
	return "", fmt.Errorf("-region %q: not a region or a country code the region table knows: %w\nusage: %s", s, licensing.ErrInvalidRegion, usage)
}

// eventName is a milestone's name with its first letter lowered:
// "preAnniversaryReminder".
func eventName(m openvalue.Milestone) string {
	s := m.String()
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printEvents prints the calendar as JSON lines.
func printEvents(w io.Writer, events []openvalue.Event) error {
	for _, e := range events {
		if err := encode(w, eventJSON{Date: e.Date, Event: eventName(e.Milestone), Anniversary: e.Anniversary, Rule: e.Rule}); err != nil {
			return err
		}
	}
	return nil
}

// printCalendar prints the agreement's term and its calendar as a table.
func printCalendar(w io.Writer, rules openvalue.Rules, a openvalue.Agreement, events []openvalue.Event) error {
	t, err := rules.Term(a)
	if err != nil {
		return err
	}
	end, err := t.Expiration()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "agreement  %v dated %v", a.Option, a.Date)
	if a.Region != "" {
		fmt.Fprintf(w, ", region %v", a.Region)
	}
	fmt.Fprintf(w, "\nterm       %v to %v (OV-26)", a.Date, end)
	if t.Start != a.Date {
		fmt.Fprintf(w, "; its years count from the enrollment start %v (OV-31)", t.Start)
	}
	fmt.Fprint(w, "\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "date\tevent\tanniversary\trule")
	for _, e := range events {
		words, ok := eventWords[e.Milestone]
		if !ok {
			words = e.Milestone.String()
		}
		anniversary := ""
		if e.Anniversary > 0 {
			anniversary = fmt.Sprintf("A%d", e.Anniversary)
		}
		fmt.Fprintf(tw, "%v\t%s\t%s\t%v\n", e.Date, words, anniversary, e.Rule)
	}
	return tw.Flush()
}

// calendarSentence says in one sentence what the calendar holds for a
// partner's quote: the term, when the anniversary orders are due, and what
// happens if none comes (OV-23, OV-25, OV-37).
func calendarSentence(a openvalue.Agreement, events []openvalue.Event) string {
	on := map[openvalue.Milestone][]string{}
	for _, e := range events {
		on[e.Milestone] = append(on[e.Milestone], e.Date.String())
	}
	first := func(m openvalue.Milestone) string {
		if len(on[m]) == 0 {
			return ""
		}
		return on[m][0]
	}
	return fmt.Sprintf("The agreement dated %v runs to %s. Anniversary orders are due on %s, on time through %s; "+
		"if none comes by %s, the agreement is terminated the next day (OV-23). Without renewal it expires on %s (OV-25).",
		a.Date, first(openvalue.Expiration), strings.Join(on[openvalue.Anniversary], " and "),
		strings.Join(on[openvalue.FollowUpReminder], " and "), first(openvalue.LastDayToOrder), first(openvalue.Expiration))
}

// printChoice prints the chosen SKU, how it is paid and why.
func printChoice(w io.Writer, p openvalue.Purchase, c openvalue.Choice, sentence string) error {
	d := c.Description
	fmt.Fprintf(w, "\npurchase on %v: %s, %v, paid %v\n", p.Date, d.Product, p.Offering, p.Payment)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "SKU\t%s\n", c.Text)
	fmt.Fprintf(tw, "payment\t%v: acquired in year %d, %d year(s) of coverage (SKU-22)\n", c.Mode, d.AcquiredYear, d.CoverageYears)
	invoices := make([]string, len(c.Invoices))
	for i, inv := range c.Invoices {
		invoices[i] = inv.String()
	}
	billed := "one invoice"
	if c.Mode == openvalue.SpreadMode {
		billed = "the same SKU on each remaining anniversary, SKU-12"
	}
	fmt.Fprintf(tw, "invoices\t%s (%s)\n", strings.Join(invoices, ", "), billed)
	for _, due := range c.AnniversaryOrders {
		fmt.Fprintf(tw, "anniversary order %d\tusage date %v, on time by %v, last day %v (OV-37, OV-23)\n", due.Anniversary, due.UsageDate, due.OnTimeBy, due.LastDay)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Why lists the steps, then the notes, such as an up-front payment
	// asked for in year 3 (SKU-17).
	fmt.Fprintln(w, "\nwhy:")
	for _, e := range c.Why() {
		fmt.Fprintf(w, "  %v\n", e)
	}
	fmt.Fprintf(w, "\nfor the quote (SKU-20):\n  %s\n", sentence)
	return nil
}
