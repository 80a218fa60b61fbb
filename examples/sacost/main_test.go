package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestJSON(t *testing.T) {
	tests := []struct {
		name   string
		args   string
		months int
		price  string
		n      int
		econ   bool
	}{
		{"WS-15 Select Plus, affiliate anniversary", "-program selectplus -class desktop -price 100 -interval 3 -order 2020-04-01 -affiliate 2018-07-01 -quantity 10 -plan affiliate", 27, "652.50", 3, true},
		{"Select Plus order anniversary", "-program select plus -class desktop -price 100 -interval 3 -order 2020-04-01 -affiliate 2018-07-01 -plan order", 36, "87.00", 3, true},
		{"Open Value year 2 spread", "-program OLV -class server -price 1000 -interval 5 -order 2022-09-01 -start 2021-05-10 -plan spread", 24, "500.00", 2, false},
		{"OVS initial order in the stub (WS-02)", "-program ovs -class desktop -price 100 -interval 3 -order 2021-04-12 -start 2021-04-12 -plan spread", 36, "87.00", 3, true},
		{"OVS year 3 ends 2024-04-30 (WS-02)", "-program ovs -class desktop -price 100 -interval 3 -order 2024-04-30 -start 2021-04-12 -plan spread", 12, "29.00", 1, true},
		{"Open License up front in words", "-program openlicense -class server -price 100 -interval 4 -order 2006-07-15 -authorization 2005-03-15 -plan up front", 8, "50.00", 1, true},
		{"WS-11 Open License, 8 months left", "-program openlicense -class server -price 100 -interval 4 -order 2006-07-15 -authorization 2005-03-15", 8, "50.00", 1, true},
		{"price-list annual price", "-program selectplus -class desktop -price 100 -annual 29.00 -interval 3 -order 2020-06-30 -affiliate 2018-07-01", 25, "60.42", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			args := append([]string{"-json"}, splitArgs(tt.args)...)
			if err := run(args, &out); err != nil {
				t.Fatal(err)
			}
			var r result
			if err := json.Unmarshal(out.Bytes(), &r); err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			if r.Coverage.Months != tt.months || r.Price != tt.price || len(r.Schedule) != tt.n || r.Breakeven.Economical != tt.econ {
				t.Fatalf("got %d months, %s, %d payments, economical %v\n%s", r.Coverage.Months, r.Price, len(r.Schedule), r.Breakeven.Economical, out.String())
			}
		})
	}
}

// splitArgs splits on spaces but keeps "select plus" and "up front" whole.
func splitArgs(s string) []string {
	s = strings.NewReplacer("select plus", "select_plus", "up front", "up_front").Replace(s)
	f := strings.Fields(s)
	for i := range f {
		f[i] = strings.NewReplacer("select_plus", "select plus", "up_front", "up front").Replace(f[i])
	}
	return f
}

func TestTable(t *testing.T) {
	var out bytes.Buffer
	if err := run(splitArgs("-program selectplus -class desktop -price 100 -interval 3 -order 2020-04-01 -affiliate 2018-07-01 -quantity 10 -plan affiliate"), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2020-04-01 to 2022-06-30, 27 months", "652.50 for 10 units", "72.50", "SP-39:", "SA-05: attach SA"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	// Open Value bills whole agreement years (SA-19): the table says so
	// where that is more than the calendar months covered.
	out.Reset()
	if err := run(splitArgs("-program openvalue -class desktop -price 400 -interval 3 -order 2022-01-10 -start 2021-05-10"), &out); err != nil {
		t.Fatal(err)
	}
	if want := "2022-01-10 to 2024-05-09 (28 calendar months), billed as 36 months"; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}

func TestErrors(t *testing.T) {
	for _, args := range []string{
		"",
		"-program foo -class server -price 1 -interval 1 -order 2020-01-01",
		"-program selectplus -class laptop -price 1 -interval 1 -order 2020-01-01",
		"-program selectplus -class server -price -1 -interval 1 -order 2020-01-01 -affiliate 2019-01-01",
		"-program selectplus -class server -price 1 -interval 1 -order 2020-01-01",
		"-program selectplus -class server -price 1 -interval 1 -order 2020-01-01 -affiliate 2019-01-01 -plan spread",
		"-program openvalue -class server -price 1 -interval 1 -order 2025-01-01 -start 2020-01-01",
		"-program ovs -class server -price 1 -interval 1 -order 2024-05-01 -start 2021-04-12", // WS-02: after the expiration
		"-program openlicense -class server -price 1 -interval 1 -order 2020-01-01 -authorization 2020-02-30",
	} {
		if err := run(strings.Fields(args), &bytes.Buffer{}); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
