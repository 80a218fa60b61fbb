package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// runCLI runs the program as main does: standard output, standard error
// and the exit status.
func runCLI(args ...string) (stdout, stderr string, status int) {
	var out, errOut bytes.Buffer
	status = cli.Exit("openvalue", run(args, &out), &errOut)
	return out.String(), errOut.String(), status
}

// event writes a calendar object as the contract spells it.
func event(date, name string, anniversary int, rule string) string {
	return fmt.Sprintf(`{"date":"%s","event":"%s","anniversary":%d,"rule":"%s"}`, date, name, anniversary, rule)
}

// TestCalendar checks the JSON calendar of WS-01 and WS-02 line by line.
func TestCalendar(t *testing.T) {
	ws01 := []string{
		event("2021-05-10", "agreementStart", 0, "OV-30"),
		event("2022-03-26", "preAnniversaryReminder", 1, "OV-19"),
		event("2022-05-10", "anniversary", 1, "OV-18"),
		event("2022-06-09", "followUpReminder", 1, "OV-22"),
		event("2022-07-09", "lastDayToOrder", 1, "OV-23"),
		event("2022-07-10", "terminatedIfNoOrder", 1, "OV-23"),
		event("2023-03-26", "preAnniversaryReminder", 2, "OV-19"),
		event("2023-05-10", "anniversary", 2, "OV-18"),
		event("2023-06-09", "followUpReminder", 2, "OV-22"),
		event("2023-07-09", "lastDayToOrder", 2, "OV-23"),
		event("2023-07-10", "terminatedIfNoOrder", 2, "OV-23"),
		event("2024-02-09", "renewalNotice", 0, "OV-24"),
		event("2024-05-09", "expiration", 0, "OV-25"),
	}
	tests := []struct {
		name string
		args string
		want []string
	}{
		{"WS-01 OV calendar", "-program ov -start 2021-05-10", ws01},
		{"WS-01 companywide, outside North America", "-program ovcw -start 2021-05-10 -region EMEA", ws01},
		{"WS-02 OVS normalized start", "-program ovs -start 2021-04-12 -region DE", []string{
			event("2021-04-12", "agreementStart", 0, "OV-30"),
			event("2021-05-01", "enrollmentStart", 0, "OV-31"),
			event("2022-03-17", "preAnniversaryReminder", 1, "OV-19"),
			event("2022-05-01", "anniversary", 1, "OV-18"),
			event("2022-05-31", "followUpReminder", 1, "OV-22"),
			event("2022-06-30", "lastDayToOrder", 1, "OV-23"),
			event("2022-07-01", "terminatedIfNoOrder", 1, "OV-23"),
			event("2023-03-17", "preAnniversaryReminder", 2, "OV-19"),
			event("2023-05-01", "anniversary", 2, "OV-18"),
			event("2023-05-31", "followUpReminder", 2, "OV-22"),
			event("2023-06-30", "lastDayToOrder", 2, "OV-23"),
			event("2023-07-01", "terminatedIfNoOrder", 2, "OV-23"),
			event("2024-01-31", "renewalNotice", 0, "OV-24"),
			event("2024-04-30", "expiration", 0, "OV-25"),
		}},
		{"OVS on the first of a month: both starts, agreement first", "-program ovs -start 2021-06-01", []string{
			event("2021-06-01", "agreementStart", 0, "OV-30"),
			event("2021-06-01", "enrollmentStart", 0, "OV-31"),
			event("2022-04-17", "preAnniversaryReminder", 1, "OV-19"),
			event("2022-06-01", "anniversary", 1, "OV-18"),
			event("2022-07-01", "followUpReminder", 1, "OV-22"),
			event("2022-07-31", "lastDayToOrder", 1, "OV-23"),
			event("2022-08-01", "terminatedIfNoOrder", 1, "OV-23"),
			event("2023-04-17", "preAnniversaryReminder", 2, "OV-19"),
			event("2023-06-01", "anniversary", 2, "OV-18"),
			event("2023-07-01", "followUpReminder", 2, "OV-22"),
			event("2023-07-31", "lastDayToOrder", 2, "OV-23"),
			event("2023-08-01", "terminatedIfNoOrder", 2, "OV-23"),
			event("2024-03-02", "renewalNotice", 0, "OV-24"),
			event("2024-05-31", "expiration", 0, "OV-25"),
		}},
		{"OV on Feb 29: anniversaries on Feb 28 (GEN-15)", "-program ov -start 2020-02-29", []string{
			event("2020-02-29", "agreementStart", 0, "OV-30"),
			event("2021-01-14", "preAnniversaryReminder", 1, "OV-19"),
			event("2021-02-28", "anniversary", 1, "OV-18"),
			event("2021-03-30", "followUpReminder", 1, "OV-22"),
			event("2021-04-29", "lastDayToOrder", 1, "OV-23"),
			event("2021-04-30", "terminatedIfNoOrder", 1, "OV-23"),
			event("2022-01-14", "preAnniversaryReminder", 2, "OV-19"),
			event("2022-02-28", "anniversary", 2, "OV-18"),
			event("2022-03-30", "followUpReminder", 2, "OV-22"),
			event("2022-04-29", "lastDayToOrder", 2, "OV-23"),
			event("2022-04-30", "terminatedIfNoOrder", 2, "OV-23"),
			event("2022-11-29", "renewalNotice", 0, "OV-24"),
			event("2023-02-27", "expiration", 0, "OV-25"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, status := runCLI(append([]string{"-json"}, strings.Fields(tt.args)...)...)
			if status != 0 {
				t.Fatalf("exit status %d: %s", status, stderr)
			}
			if got, want := out, strings.Join(tt.want, "\n")+"\n"; got != want {
				t.Fatalf("openvalue -json %s:\ngot\n%swant\n%s", tt.args, got, want)
			}
		})
	}
}

// TestChoose checks the SKU and invoices of WS-04 to WS-06 and the other
// options.
func TestChoose(t *testing.T) {
	const proPlus = "Office Professional Plus English "
	tests := []struct {
		name string
		args string
		want string
	}{
		{"WS-04 year 1 spread", "-program ov -start 2021-05-10 -choose 2021-08-01 -payment spread",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 1YR Acq Y1 AddProd","acquiredYear":1,"coverageYears":1,"payment":"Spread","invoices":["2021-08-01","2022-05-10","2023-05-10"]}`},
		{"WS-04 year 1 up front", "-program ov -start 2021-05-10 -choose 2021-08-01 -payment upfront",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 3YR Acq Y1 AddProd","acquiredYear":1,"coverageYears":3,"payment":"UpFront","invoices":["2021-08-01"]}`},
		{"WS-05 year 2 up front", "-program ov -start 2021-05-10 -choose 2022-09-01 -payment upfront",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 2YR Acq Y2 AddProd","acquiredYear":2,"coverageYears":2,"payment":"UpFront","invoices":["2022-09-01"]}`},
		{"WS-05 year 2 Microsoft Financing", "-program ov -start 2021-05-10 -choose 2022-09-01 -payment financing",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 2YR Acq Y2 AddProd","acquiredYear":2,"coverageYears":2,"payment":"UpFront","invoices":["2022-09-01"]}`},
		{"WS-05 year 2 spread", "-program ov -start 2021-05-10 -choose 2022-09-01 -payment spread",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 1YR Acq Y2 AddProd","acquiredYear":2,"coverageYears":1,"payment":"Spread","invoices":["2022-09-01","2023-05-10"]}`},
		{"WS-06 year 3 up front", "-program ov -start 2021-05-10 -choose 2023-06-01 -payment upfront",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 1YR Acq Y3 AddProd","acquiredYear":3,"coverageYears":1,"payment":"Single","invoices":["2023-06-01"]}`},
		{"WS-06 year 3 spread", "-program ov -start 2021-05-10 -choose 2023-06-01 -payment spread",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 1YR Acq Y3 AddProd","acquiredYear":3,"coverageYears":1,"payment":"Single","invoices":["2023-06-01"]}`},
		{"anniversary day opens the new year (SKU-10)", "-program ov -start 2021-05-10 -choose 2022-05-10 -payment spread",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 1YR Acq Y2 AddProd","acquiredYear":2,"coverageYears":1,"payment":"Spread","invoices":["2022-05-10","2023-05-10"]}`},
		{"expiration day is year 3", "-program ov -start 2021-05-10 -choose 2024-05-09 -payment financing",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 1YR Acq Y3 AddProd","acquiredYear":3,"coverageYears":1,"payment":"Single","invoices":["2024-05-09"]}`},
		{"companywide SA only", "-program ovcw -start 2021-05-10 -choose 2021-05-10 -payment spread -sa-only -companywide -product Visio Standard",
			`{"description":"Visio Standard English SA Pack OLV NL 1YR Acq Y1 Ent","acquiredYear":1,"coverageYears":1,"payment":"Spread","invoices":["2021-05-10","2022-05-10","2023-05-10"]}`},
		{"OVS stub before the enrollment start is year 1 (OV-27)", "-program ovs -start 2021-04-12 -choose 2021-04-30 -payment spread",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 1YR Acq Y1 AddProd","acquiredYear":1,"coverageYears":1,"payment":"Spread","invoices":["2021-04-30","2022-05-01","2023-05-01"]}`},
		{"OVS year 2 on its anniversary", "-program ovs -start 2021-04-12 -choose 2022-05-01 -payment upfront -companywide",
			`{"description":"` + proPlus + `Lic/SA Pack OLV NL 2YR Acq Y2 Ent","acquiredYear":2,"coverageYears":2,"payment":"UpFront","invoices":["2022-05-01"]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := strings.Fields(tt.args)
			if i := slices.Index(args, "-product"); i >= 0 { // the product name has spaces
				args = append(args[:i+1], strings.Join(args[i+1:], " "))
			}
			out, stderr, status := runCLI(append([]string{"-json"}, args...)...)
			if status != 0 {
				t.Fatalf("exit status %d: %s", status, stderr)
			}
			if got := strings.TrimSuffix(out, "\n"); got != tt.want {
				t.Fatalf("openvalue -json %s:\ngot  %s\nwant %s", tt.args, got, tt.want)
			}
		})
	}
}

// TestRefusals checks that a refusal by a rule prints the rule on
// standard error, nothing on standard output, and exits non-zero.
func TestRefusals(t *testing.T) {
	tests := []struct {
		name string
		args []string
		rule string
		is   error
	}{
		{"OVS in the US", []string{"-program", "ovs", "-start", "2021-04-12", "-region", "US"}, "OV-03", licensing.ErrNotEligible},
		{"OVS in North America", []string{"-program", "ovs", "-start", "2021-04-12", "-region", "North America"}, "OV-03", licensing.ErrNotEligible},
		{"OVS in Canada", []string{"-program", "ovs", "-start", "2021-04-12", "-region", "ca"}, "OV-03", licensing.ErrNotEligible},
		{"OVS choice in North America", []string{"-program", "ovs", "-start", "2021-04-12", "-region", "NorthAmerica", "-choose", "2021-05-01", "-payment", "spread"}, "OV-03", licensing.ErrNotEligible},
		{"the day after expiration", []string{"-program", "ov", "-start", "2021-05-10", "-choose", "2024-05-10", "-payment", "spread"}, "OV-27", licensing.ErrOutsideTerm},
		{"the day before the start", []string{"-program", "ov", "-start", "2021-05-10", "-choose", "2021-05-09", "-payment", "upfront"}, "OV-27", licensing.ErrOutsideTerm},
		{"OVS the day before the agreement date", []string{"-program", "ovs", "-start", "2021-04-12", "-choose", "2021-04-11", "-payment", "upfront"}, "OV-27", licensing.ErrOutsideTerm},
		{"OVS the day after expiration", []string{"-program", "ovs", "-start", "2021-04-12", "-choose", "2024-05-01", "-payment", "financing"}, "OV-27", licensing.ErrOutsideTerm},
		{"companywide item on a non-companywide agreement", []string{"-program", "ov", "-start", "2021-05-10", "-choose", "2021-08-01", "-payment", "spread", "-companywide"}, "SKU-15", licensing.ErrNotEligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, asJSON := range []bool{false, true} {
				args := tt.args
				if asJSON {
					args = append([]string{"-json"}, args...)
				}
				var out, stderr bytes.Buffer
				err := run(args, &out)
				if !errors.Is(err, tt.is) {
					t.Errorf("run(%q) = %v, want an error wrapping %v", args, err, tt.is)
				}
				if rule, _ := licensing.RuleOf(err); string(rule) != tt.rule {
					t.Errorf("run(%q): rule %q, want %s", args, rule, tt.rule)
				}
				if status := cli.Exit("openvalue", err, &stderr); status != 2 {
					t.Errorf("run(%q): exit status %d, want 2", args, status)
				}
				if !strings.Contains(stderr.String(), tt.rule+":") {
					t.Errorf("run(%q): standard error %q lacks %s", args, stderr.String(), tt.rule)
				}
				if out.Len() != 0 {
					t.Errorf("run(%q) printed %q before the error", args, out.String())
				}
			}
		})
	}
}

// TestUsage checks bad command lines: exit status 2, the problem named on
// standard error, nothing on standard output.
func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"no flags", nil, []string{"-program", "usage: openvalue"}},
		{"no start", []string{"-program", "ov"}, []string{"-start", "usage:"}},
		{"unknown program", []string{"-program", "select", "-start", "2021-05-10"}, []string{"-program", `"select"`}},
		{"program by its long name", []string{"-program", "Open Value", "-start", "2021-05-10"}, []string{"-program"}},
		{"bad start", []string{"-program", "ov", "-start", "2021-02-29"}, []string{"-start", "2021-02-29"}},
		{"unknown region", []string{"-program", "ov", "-start", "2021-05-10", "-region", "Atlantis"}, []string{"-region", "Atlantis", "usage:"}},
		{"empty region", []string{"-program", "ovs", "-start", "2021-05-10", "-region", ""}, []string{"-region"}},
		{"payment without choose", []string{"-program", "ov", "-start", "2021-05-10", "-payment", "spread"}, []string{"-payment", "-choose", "usage:"}},
		{"sa-only without choose", []string{"-program", "ov", "-start", "2021-05-10", "-sa-only"}, []string{"-sa-only", "-choose"}},
		{"companywide without choose", []string{"-program", "ovcw", "-start", "2021-05-10", "-companywide"}, []string{"-companywide", "-choose"}},
		{"product without choose", []string{"-program", "ov", "-start", "2021-05-10", "-product", "Visio"}, []string{"-product", "-choose"}},
		{"choose without payment", []string{"-program", "ov", "-start", "2021-05-10", "-choose", "2021-08-01"}, []string{"-choose", "-payment"}},
		{"unknown payment", []string{"-program", "ov", "-start", "2021-05-10", "-choose", "2021-08-01", "-payment", "prepay"}, []string{"-payment", `"prepay"`}},
		{"payment spelled as the library's name", []string{"-program", "ov", "-start", "2021-05-10", "-choose", "2021-08-01", "-payment", "up-front"}, []string{"-payment"}},
		{"bad order date", []string{"-program", "ov", "-start", "2021-05-10", "-choose", "2021-8-1", "-payment", "spread"}, []string{"-choose"}},
		{"extra argument", []string{"-program", "ov", "-start", "2021-05-10", "extra"}, []string{"usage: openvalue"}},
		{"unknown flag", []string{"-program", "ov", "-start", "2021-05-10", "-until", "2024-01-01"}, []string{"-until", "usage: openvalue"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, status := runCLI(tt.args...)
			if status != 2 {
				t.Errorf("exit status %d, want 2", status)
			}
			if out != "" {
				t.Errorf("printed %q before the error", out)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("standard error %q lacks %q", stderr, w)
				}
			}
		})
	}
}

func TestHelp(t *testing.T) {
	out, stderr, status := runCLI("-h")
	if status != 0 || stderr != "" || !strings.Contains(out, "usage: openvalue") || !strings.Contains(out, "-payment") {
		t.Fatalf("status %d, standard error %q, output %q", status, stderr, out)
	}
}

// TestText checks the readable output of WS-04 and WS-06.
func TestText(t *testing.T) {
	tests := []struct {
		args string
		want []string
	}{
		{"-program ov -start 2021-05-10", []string{
			"The agreement dated 2021-05-10 runs to 2024-05-09. Anniversary orders are due on 2022-05-10 and 2023-05-10, on time through 2022-06-09 and 2023-06-09; if none comes by 2022-07-09, the agreement is terminated the next day (OV-23).",
			"term       2021-05-10 to 2024-05-09",
			"2022-03-26  reminder with an order form",
			"2022-07-10  terminated if no order came",
			"A2",
			"OV-24",
		}},
		{"-program ovs -start 2021-04-12", []string{
			"enrollment start 2021-05-01",
			"2024-04-30  expiration",
		}},
		{"-program ov -start 2021-05-10 -choose 2021-08-01 -payment spread", []string{
			"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd",
			"2021-08-01, 2022-05-10, 2023-05-10",
			"anniversary order 1  usage date 2022-05-10, on time by 2022-06-09, last day 2022-07-09", // WS-04
			"Spread",
			"Office Professional Plus L&SA purchased in Year 1 of Agreement with spread payments non company-wide (Would bill same SKU in Year 2 and Year 3 for spread payments)",
		}},
		{"-program ov -start 2021-05-10 -choose 2023-06-01 -payment upfront", []string{
			"1YR Acq Y3 AddProd",
			"Single",
			"SKU-17: up front in year 3 is the 1YR SKU",
			"purchased in Year 3 of Agreement",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			out, stderr, status := runCLI(strings.Fields(tt.args)...)
			if status != 0 {
				t.Fatalf("exit status %d: %s", status, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

// The independent model: the rules restated on time.Time,
// with no call into the openvalue package.

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func iso(t time.Time) string { return t.Format(time.DateOnly) }

// addYears is D + k years keeping the month and day, Feb 29 on Feb 28 in a
// common year (GEN-15).
func addYears(t time.Time, k int) time.Time {
	y := t.Year() + k
	if t.Month() == time.February && t.Day() == 29 && !isLeap(y) {
		return day(y, time.February, 28)
	}
	return day(y, t.Month(), t.Day())
}

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// modelTerm is an agreement's term: it opens on the agreement date, and its
// years count from start, the agreement date for OV and the enrollment start
// for OVS, the date itself on a first of the month and else the first of
// the next month (OV-26, OV-31).
type modelTerm struct {
	opens, start, a1, a2, expiration time.Time
}

func termOf(program string, date time.Time) modelTerm {
	start := date
	if program == "ovs" && date.Day() != 1 {
		start = day(date.Year(), date.Month()+1, 1) // time.Date carries December into January
	}
	return modelTerm{opens: date, start: start, a1: addYears(start, 1), a2: addYears(start, 2),
		expiration: addDays(addYears(start, 3), -1)}
}

// modelCalendar lists the events of OV-19 to OV-31, in the
// contract's order, then sorts them by date, keeping that order on a tie.
func modelCalendar(program string, date time.Time) []string {
	t := termOf(program, date)
	type ev struct {
		date        time.Time
		name        string
		anniversary int
		rule        string
	}
	evs := []ev{{t.opens, "agreementStart", 0, "OV-30"}}
	if program == "ovs" {
		evs = append(evs, ev{t.start, "enrollmentStart", 0, "OV-31"})
	}
	for k, a := range []time.Time{t.a1, t.a2} {
		evs = append(evs,
			ev{addDays(a, -45), "preAnniversaryReminder", k + 1, "OV-19"},
			ev{a, "anniversary", k + 1, "OV-18"},
			ev{addDays(a, 30), "followUpReminder", k + 1, "OV-22"},
			ev{addDays(a, 60), "lastDayToOrder", k + 1, "OV-23"},
			ev{addDays(a, 61), "terminatedIfNoOrder", k + 1, "OV-23"})
	}
	evs = append(evs, ev{addDays(t.expiration, -90), "renewalNotice", 0, "OV-24"}, ev{t.expiration, "expiration", 0, "OV-25"})
	slices.SortStableFunc(evs, func(x, y ev) int { return x.date.Compare(y.date) })
	var out []string
	for _, e := range evs {
		out = append(out, event(iso(e.date), e.name, e.anniversary, e.rule))
	}
	return out
}

// modelChoice is the JSON object of SKU-09 to SKU-12 and SKU-22 for an
// order on d, or the rule that refuses it.
func modelChoice(program string, date, d time.Time, payment, product string, saOnly, companywide bool) (string, []string) {
	t := termOf(program, date)
	var refusals []string
	if companywide && program == "ov" {
		refusals = append(refusals, "SKU-15")
	}
	if d.Before(t.opens) || d.After(t.expiration) {
		refusals = append(refusals, "OV-27")
	}
	if len(refusals) > 0 {
		return "", refusals
	}
	y := 1 // OV-27: the OVS stub before the start is year 1
	for _, a := range []time.Time{t.a1, t.a2} {
		if !d.Before(a) {
			y++
		}
	}
	spread := payment == "spread"
	coverage, mode := 4-y, "UpFront"
	switch {
	case y == 3:
		coverage, mode = 1, "Single"
	case spread:
		coverage, mode = 1, "Spread"
	}
	invoices := []string{`"` + iso(d) + `"`}
	if mode == "Spread" {
		for k, a := range []time.Time{t.a1, t.a2} {
			if k+1 >= y {
				invoices = append(invoices, `"`+iso(a)+`"`)
			}
		}
	}
	// SKU-02: the program token is OLV, on Open Value Subscription items
	// too.
	offering, scope := "Lic/SA", "AddProd"
	if saOnly {
		offering = "SA"
	}
	if companywide {
		scope = "Ent"
	}
	description := fmt.Sprintf("%s English %s Pack OLV NL %dYR Acq Y%d %s", product, offering, coverage, y, scope)
	return fmt.Sprintf(`{"description":%q,"acquiredYear":%d,"coverageYears":%d,"payment":%q,"invoices":[%s]}`,
		description, y, coverage, mode, strings.Join(invoices, ",")), nil
}

var (
	programGen = rapid.SampledFrom([]string{"ov", "ovcw", "ovs"})
	leapYears  = func() []int {
		var ys []int
		for y := 1990; y <= 2090; y++ {
			if isLeap(y) {
				ys = append(ys, y)
			}
		}
		return ys
	}()
	// dateGen draws agreement dates from 1990 to 2090, often on the days
	// that break date arithmetic: Feb 29, a month's last day, its first.
	dateGen = rapid.Custom(func(t *rapid.T) time.Time {
		switch rapid.SampledFrom([]string{"any day", "Feb 29", "month end", "first of month"}).Draw(t, "kind") {
		case "Feb 29":
			return day(rapid.SampledFrom(leapYears).Draw(t, "leap year"), time.February, 29)
		case "month end":
			y, m := rapid.IntRange(1990, 2090).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
			return day(y, m+1, 0)
		case "first of month":
			return day(rapid.IntRange(1990, 2090).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month")), 1)
		}
		y, m := rapid.IntRange(1990, 2090).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		return day(y, m, rapid.IntRange(1, day(y, m+1, 0).Day()).Draw(t, "day"))
	})
	// regionGen draws no region, regions and countries in and outside
	// North America.
	regionGen       = rapid.SampledFrom([]string{"", "", "EMEA", "de", "JP", "Latin America", "US", "CA", "North America", "NorthAmerica"})
	northAmerican   = []string{"US", "CA", "North America", "NorthAmerica"}
	modelRefusalFor = func(program, region string) string {
		if program == "ovs" && slices.Contains(northAmerican, region) {
			return "OV-03"
		}
		return ""
	}
)

// TestCalendarModel checks the JSON calendar against the model for random
// programs, regions and agreement dates.
func TestCalendarModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		program, date, region := programGen.Draw(t, "program"), dateGen.Draw(t, "start"), regionGen.Draw(t, "region")
		args := []string{"-json", "-program", program, "-start", iso(date)}
		if region != "" {
			args = append(args, "-region", region)
		}
		out, stderr, status := runCLI(args...)
		if rule := modelRefusalFor(program, region); rule != "" {
			if status != 2 || out != "" || !strings.Contains(stderr, rule+":") {
				t.Fatalf("openvalue %q: status %d, output %q, standard error %q; want a %s refusal", args, status, out, stderr, rule)
			}
			return
		}
		if status != 0 {
			t.Fatalf("openvalue %q: exit status %d: %s", args, status, stderr)
		}
		got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if want := modelCalendar(program, date); !slices.Equal(got, want) {
			t.Fatalf("openvalue %q:\ngot\n%s\nwant\n%s", args, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// TestChooseModel checks the -choose JSON against the model for random
// agreements and order dates near every boundary of the term.
func TestChooseModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		program, date, region := programGen.Draw(t, "program"), dateGen.Draw(t, "start"), regionGen.Draw(t, "region")
		term := termOf(program, date)
		var order time.Time
		if rapid.Bool().Draw(t, "near a boundary") {
			edges := []time.Time{term.opens, term.start, term.a1, term.a2, term.expiration, addDays(term.expiration, 1)}
			order = addDays(rapid.SampledFrom(edges).Draw(t, "boundary"), rapid.IntRange(-1, 0).Draw(t, "by"))
		} else {
			order = addDays(term.opens, rapid.IntRange(-40, 3*366+40).Draw(t, "days after the agreement date"))
		}
		payment := rapid.SampledFrom([]string{"spread", "upfront", "financing"}).Draw(t, "payment")
		product := rapid.SampledFrom([]string{defaultProduct, "Visio Standard", "Project Professional"}).Draw(t, "product")
		saOnly, companywide := rapid.Bool().Draw(t, "sa-only"), rapid.Bool().Draw(t, "companywide")

		args := []string{"-json", "-program", program, "-start", iso(date), "-choose", iso(order), "-payment", payment}
		if region != "" {
			args = append(args, "-region", region)
		}
		if product != defaultProduct || rapid.Bool().Draw(t, "name the default product") {
			args = append(args, "-product", product)
		}
		if saOnly {
			args = append(args, "-sa-only")
		}
		if companywide {
			args = append(args, "-companywide")
		}
		out, stderr, status := runCLI(args...)
		want, refusals := modelChoice(program, date, order, payment, product, saOnly, companywide)
		if rule := modelRefusalFor(program, region); rule != "" {
			refusals = []string{rule}
		}
		if len(refusals) > 0 {
			if status != 2 || out != "" || !slices.ContainsFunc(refusals, func(r string) bool { return strings.Contains(stderr, r+":") }) {
				t.Fatalf("openvalue %q: status %d, output %q, standard error %q; want a refusal by one of %v", args, status, out, stderr, refusals)
			}
			return
		}
		if status != 0 {
			t.Fatalf("openvalue %q: exit status %d: %s", args, status, stderr)
		}
		if got := strings.TrimSuffix(out, "\n"); got != want {
			t.Fatalf("openvalue %q:\ngot  %s\nwant %s", args, got, want)
		}
	})
}
