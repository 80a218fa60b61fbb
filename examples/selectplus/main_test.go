package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

func runJSON(t testing.TB, args ...string) []map[string]any {
	t.Helper()
	var out bytes.Buffer
	if err := run(append([]string{"-json"}, args...), &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	var objs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		objs = append(objs, m)
	}
	return objs
}

// The table mode prints each year's pools and refused orders, aligned per
// section, as the reviewed golden file shows: WS-12, then a repeated ID
// (INV-06), a first Systems order below the minimum (SP-16) and an order
// with L&SA in two pools.
func TestTableGolden(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-start", "2018-07-01", "testdata/table.csv"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/table.txt")
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(golden) {
		t.Errorf("output differs from testdata/table.txt:\n%s", out.String())
	}
}

// WS-12 end to end: the sample history gives the scenario's figures, and
// the output matches the reviewed golden file.
func TestWS12(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-json", "-start", "2018-07-01", "-until", "2021-07-01", "testdata/ws12.csv"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/ws12.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(golden) {
		t.Errorf("output differs from testdata/ws12.jsonl:\n%s", out.String())
	}
	var got []string
	for _, m := range runJSON(t, "-start", "2018-07-01", "-until", "2021-07-01", "testdata/ws12.csv") {
		switch m["event"] {
		case "anniversary":
			got = append(got, fmt.Sprintf("%v %v %v→%v carry %v %v", m["date"], m["pool"], m["levelBefore"], m["level"], m["carry"], m["status"]))
		case "line":
			got = append(got, fmt.Sprintf("%v %v %v at %v", m["date"], m["order"], m["points"], m["level"]))
		case "refused":
			got = append(got, fmt.Sprintf("%v %v refused by %v", m["date"], m["order"], m["rule"]))
		}
	}
	want := []string{
		"2018-07-15 A1 600 at A",
		"2018-09-01 S1 500 at A",
		"2018-11-01 A2 3600 at B",
		"2019-03-01 A3 500 at B",
		"2019-07-01 Applications B→B carry 700 active",
		"2019-07-01 Servers A→A carry 0 active",
		"2019-09-01 A4 1000 at B",
		"2019-10-01 S2 300 at A",
		"2020-02-01 A5 2000 at B",
		"2020-07-01 Applications B→A carry 0 active",
		"2020-07-01 Servers A→A carry 0 hold",
		"2020-08-01 A6 4000 at B",
		"2020-09-01 S3 600 at A",
		"2020-10-01 Y1 refused by SP-16",
		"2021-07-01 Applications B→B carry 0 active",
		"2021-07-01 Servers A→A carry 100 active",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("WS-12\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The documented keys come first and in the documented order.
func TestKeyOrder(t *testing.T) {
	var out bytes.Buffer
	csv := writeCSV(t, "date,order,affiliate,product,offering,quantity\n"+
		"2020-04-01,O1,EU,Office Professional Plus,LicenseSA,300\n2020-04-02,O2,EU,Outlook,License,1\n2020-04-03,O3,EU,Windows upgrade,License,1\n")
	if err := run([]string{"-json", "-start", "2019-07-01", "-affiliate", "EU=2018-07-01", "-until", "2021-07-01", csv}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	prefixes := map[string]string{
		"line":        `{"event":"line","date":"2020-04-01","order":"O1","line":1,"pool":"Applications","points":"1275","level":"A","saMonths":27,"saEnd":"2022-06-30",`,
		"refused":     `{"event":"refused","date":"2020-04-03","order":"O3","rule":"SP-16","error":`,
		"anniversary": `{"event":"anniversary","date":"2020-07-01","pool":"Applications","total":"1276","levelBefore":"A","level":"A","carry":"776","status":"active",`,
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(out.String(), "\n") {
		for kind, p := range prefixes {
			if strings.HasPrefix(line, p) {
				seen[kind] = true
			}
		}
	}
	for kind := range prefixes {
		if !seen[kind] {
			t.Errorf("no %s object starts with %s\n%s", kind, prefixes[kind], out.String())
		}
	}
}

func writeCSV(t testing.TB, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "history.csv")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Bad rows become refused orders naming their line; structural errors stop
// the run with a positioned error.
func TestBadInput(t *testing.T) {
	csv := writeCSV(t, "date,order,affiliate,product,offering,quantity\n"+
		"2020-01-02,O1,HQ,Visio,License,300\n"+
		"2020-01-02,O2,HQ,Outlook,Lease,300\n"+
		"2020-01-02,O3,HQ,Outlook,License,0\n"+
		"2020-01-02,O4,HQ,Outlook,License,600\n"+
		"2020-01-03,O4,HQ,Outlook,License,600\n"+ // same ID, another date: a duplicate
		"2019-12-31,O5,HQ,Outlook,License,600\n") // before the start
	// Bad data is named on standard error, line and field, the rest is
	// replayed, and the run fails; refusals by a rule are events.
	var out, errs bytes.Buffer
	err := run([]string{"-json", "-start", "2020-01-01", csv}, &out, &errs)
	if !errors.Is(err, errBadData) {
		t.Fatalf("err = %v, want errBadData", err)
	}
	for _, want := range []string{`history line 2, column 18 (product), order "O1": product "Visio"`, `history line 3, column 26 (offering), order "O2": offering "Lease"`, `history line 4, column 34 (quantity), order "O3": quantity "0"`} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs.String())
		}
	}
	rules := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m["event"] == "refused" {
			rules[m["order"].(string)+"@"+m["date"].(string)] = m["rule"].(string)
		}
	}
	want := map[string]string{"O4@2020-01-03": "INV-06"}
	if fmt.Sprint(rules) != fmt.Sprint(want) {
		t.Errorf("refusals %v, want %v", rules, want)
	}
	// An order before the agreement is outside its term: bad data, not a
	// refusal by a rule.
	if !strings.Contains(errs.String(), `order "O5"`) || !strings.Contains(errs.String(), "outside the term") {
		t.Errorf("stderr does not name the order before the agreement:\n%s", errs.String())
	}
	if err := run([]string{"-start", "2020-01-01", writeCSV(t, "2020-01-02,,HQ,Outlook,License,600\n")}, &out, io.Discard); err == nil {
		t.Error("a file with no header was read")
	}
	for _, bad := range []string{"", "date,order,affiliate,product,offering,quantity\n"} {
		if err := run([]string{"-start", "2020-01-01", writeCSV(t, bad)}, &out, io.Discard); err == nil || !strings.Contains(err.Error(), "line") {
			t.Errorf("run on %q: %v", bad, err)
		}
	}
	errs.Reset()
	if err := run([]string{"-start", "2020-01-01", writeCSV(t, "date,order,affiliate,product,offering,quantity\n2020-01-02,,HQ,Outlook,License,600\n2020-01-03,O2,HQ,Outlook,License,3.5\n")}, &out, &errs); !errors.Is(err, errBadData) ||
		!strings.Contains(errs.String(), "line 2") || !strings.Contains(errs.String(), "line 3") {
		t.Errorf("an empty order ID and a quantity of 3.5: %v\n%s", err, errs.String())
	}
	for _, bad := range []string{"date,order\n", "date,order,affiliate,product,offering,quantity\n2020-13-01,O1,HQ,Outlook,License,1\n",
		"date,order,affiliate,product,offering,quantity\n2020-01-01,O1,HQ\n"} {
		if err := run([]string{"-start", "2020-01-01", writeCSV(t, bad)}, &bytes.Buffer{}, io.Discard); err == nil {
			t.Errorf("run accepted %q", bad)
		}
	}
	for _, args := range [][]string{{}, {"-start", "2020-01-01"}, {"-start", "x", csv}, {"-start", "2020-01-01", "-segment", "charity", csv},
		{"-start", "2020-01-01", "-affiliate", "HQ", csv}, {"-start", "2020-01-01", "-until", "soon", csv}} {
		if err := run(args, &bytes.Buffer{}, io.Discard); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}

// Any history, however odd, gives one object per accepted line or one
// refusal per order, and never panics; the table mode prints too.
func TestRandomHistories(t *testing.T) {
	dir := t.TempDir()
	products := []string{"Office Professional Plus", "Outlook", "skype for business", "Windows upgrade", "Windows Server Essentials",
		"System Center Endpoint Protection", "Microsoft Online Services Subscription", "Office Professional", "Nope"}
	rapid.Check(t, func(t *rapid.T) {
		var b strings.Builder
		b.WriteString("date,order,affiliate,product,offering,quantity\n")
		n := rapid.IntRange(1, 30).Draw(t, "rows")
		orders, last := 0, "" // consecutive rows of one date, ID and affiliate are one order
		for i := range n {
			d := fmt.Sprintf("20%02d-%02d-%02d", rapid.IntRange(18, 23).Draw(t, "yy"), rapid.IntRange(1, 12).Draw(t, "mm"), rapid.IntRange(1, 28).Draw(t, "dd"))
			id := fmt.Sprintf("O%d", rapid.IntRange(0, i).Draw(t, "orderNo"))
			aff := rapid.SampledFrom([]string{"HQ", "EU", "US"}).Draw(t, "affiliate")
			if key := id + "@" + d + "@" + aff; key != last {
				orders, last = orders+1, key
			}
			fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%d\n", d, id, aff, rapid.SampledFrom(products).Draw(t, "product"),
				rapid.SampledFrom([]string{"License", "LicenseSA", "SA", "StepUp"}).Draw(t, "offering"), rapid.IntRange(-1, 3000).Draw(t, "qty"))
		}
		path := filepath.Join(dir, "history.csv")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, asJSON := range []bool{true, false} {
			args := []string{"-start", "2018-01-01", "-segment", rapid.SampledFrom([]string{"commercial", "academic", "government"}).Draw(t, "segment"),
				"-affiliate", "EU=2017-07-01", path}
			if asJSON {
				args = append([]string{"-json"}, args...)
			}
			var out, errs bytes.Buffer
			if err := run(args, &out, &errs); err != nil && !errors.Is(err, errBadData) {
				t.Fatalf("%v\n%s", err, b.String())
			}
			bad := strings.Count(errs.String(), "\n")
			if !asJSON {
				continue
			}
			// Each order is answered once: accepted (its lines, numbered
			// from 1), refused, or named on stderr as bad data.
			answered := 0
			for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				var m map[string]any
				if line == "" {
					continue
				}
				if err := json.Unmarshal([]byte(line), &m); err != nil {
					t.Fatalf("%v: %s", err, line)
				}
				if m["event"] == "line" && m["line"] == 1.0 || m["event"] == "refused" {
					answered++
				}
			}
			if answered+bad != orders {
				t.Fatalf("%d orders, %d answered, %d bad\n%s\n%s\n%s", orders, answered, bad, b.String(), out.String(), errs.String())
			}
		}
	})
}

// A spreadsheet's byte-order mark before a quoted header is not part of it.
func TestByteOrderMark(t *testing.T) {
	csv := writeCSV(t, "\ufeff\"date\",order,affiliate,product,offering,quantity\r\n2020-01-02,O1,HQ,Outlook,License,600\r\n")
	if objs := runJSON(t, "-start", "2020-01-01", csv); len(objs) != 1 || objs[0]["event"] != "line" {
		t.Fatalf("%v", objs)
	}
}

// -opening: WS-12's last year from where the customer stood on 2020-07-15
// gives the events of the whole history's golden file from that date on
// (LIB-10); the history's orders before that date are bad data, out of
// order; an opening no events could reach is refused naming its field.
func TestOpening(t *testing.T) {
	golden, err := os.ReadFile("testdata/ws12.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, line := range strings.Split(strings.TrimSpace(string(golden)), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m["date"].(string) >= "2020-07-15" {
			want = append(want, line)
		}
	}
	args := []string{"-json", "-start", "2018-07-01", "-until", "2021-07-01", "-opening", "testdata/opening.json"}
	for _, history := range []string{"testdata/ws12-rest.csv", "testdata/ws12.csv"} {
		var out, errs bytes.Buffer
		err := run(append(args, history), &out, &errs)
		var got []string
		opening := 0
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			if strings.HasPrefix(line, `{"event":"opening",`) {
				opening++
				continue
			}
			got = append(got, line)
		}
		if opening != 2 || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: %d opening objects, then\n%s\nwant\n%s", history, opening, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if history == "testdata/ws12-rest.csv" && err != nil {
			t.Errorf("%s: %v", history, err)
		}
		if history == "testdata/ws12.csv" && (!errors.Is(err, errBadData) || strings.Count(errs.String(), "out of date order") != 7) {
			t.Errorf("%s: the seven orders before the opening: %v\n%s", history, err, errs.String())
		}
	}
	var out bytes.Buffer
	if err := run([]string{"-start", "2018-07-01", "-opening", "testdata/opening.json", "testdata/ws12-rest.csv"}, &out, io.Discard); err != nil ||
		!strings.Contains(out.String(), "Agreement year 3") || strings.Contains(out.String(), "Agreement year 2") || !strings.Contains(out.String(), "opening") {
		t.Errorf("table: %v\n%s", err, out.String())
	}
	for _, c := range []struct{ opening, want string }{
		{`{"asOf": "2020-07-15", "pools": [{"pool": "Applications", "level": "A", "earned": "0", "carry": "5000"}]}`, "pools[0].level"},
		{`{"asOf": "2018-06-01"}`, "asOf"},
		{`{"asOf": "2020-07-15", "pool": []}`, "unknown field"},
		{`{"asOf": "2020-07-15", "saCoverage": [{"affiliate": "Contoso", "product": {"name": "Visio"}, "end": "2021-06-30"}]}`, "saCoverage[0].product"},
		{`{"asOf": `, "unexpected EOF"},
		// Found by a review: a name the program was never given is not
		// registered; data after the object, or none, is an error.
		{`{"asOf": "2020-07-15", "pools": [{"pool": "Applications", "level": "A", "earned": "600", "carry": "0", "shares": {"Contosso": "600"}}]}`, "SP-12"},
		{`{"asOf": "2020-07-15"} {"x": 1}`, "data after the opening"},
		{``, "empty file"},
	} {
		path := filepath.Join(t.TempDir(), "opening.json")
		if err := os.WriteFile(path, []byte(c.opening), 0o644); err != nil {
			t.Fatal(err)
		}
		err := run([]string{"-start", "2018-07-01", "-opening", path, "testdata/ws12-rest.csv"}, &bytes.Buffer{}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "-opening") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("opening %s: %v, want an error naming %s", c.opening, err, c.want)
		}
	}
	if err := run([]string{"-start", "2018-07-01", "-until", "2020-01-01", "-opening", "testdata/opening.json", "testdata/ws12-rest.csv"}, &bytes.Buffer{}, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "before the opening") {
		t.Errorf("-until before the opening: %v", err)
	}
}

// Each output object is written by hand as encoding/json writes it, with
// HTML escaping off: any text, invalid UTF-8 and control characters
// included, and the omitted SA fields of a line without SA.
func TestAppendJSON(t *testing.T) {
	text := rapid.OneOf(rapid.String(), rapid.StringMatching(`[a-z"\\<>&\x00-\x1f\x{2028}\x{2029}]{0,8}`),
		rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }))
	num := rapid.OneOf(rapid.Just(0), rapid.IntRange(-3, 40), rapid.Int())
	day := rapid.Custom(func(t *rapid.T) licensing.Date {
		d, err := licensing.NewDate(rapid.IntRange(1, 9999).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month")), rapid.IntRange(1, 28).Draw(t, "day"))
		if err != nil {
			t.Fatal(err)
		}
		return d
	})
	points := rapid.Custom(func(t *rapid.T) licensing.Points {
		p, err := licensing.NewPoints(rapid.Int64Range(-1e12, 1e12).Draw(t, "num"), licensing.PointUnit)
		if err != nil {
			t.Fatal(err)
		}
		return p
	})
	rapid.Check(t, func(t *rapid.T) {
		s := func(name string) string { return text.Draw(t, name) }
		var obj object
		switch rapid.IntRange(0, 3).Draw(t, "kind") {
		case 0:
			obj = anniversaryEvent{s("event"), s("date"), s("pool"), s("total"), s("levelBefore"), s("level"), s("carry"), s("status"), s("rule"), s("explanation")}
		case 1:
			obj = lineEvent{s("event"), day.Draw(t, "date"), s("order"), num.Draw(t, "line"), s("pool"), points.Draw(t, "points"), s("level"), num.Draw(t, "saMonths"),
				rapid.OneOf(rapid.Just(licensing.Date{}), day).Draw(t, "saEnd"), s("affiliate"), s("product"), s("offering"), int64(num.Draw(t, "quantity")), s("rule"), s("explanation")}
		case 2:
			obj = openingEvent{s("event"), s("date"), s("pool"), s("total"), s("level"), s("carry"), s("status"), s("rule"), s("explanation")}
		default:
			obj = refusedEvent{s("event"), s("date"), s("order"), s("rule"), s("error"), s("affiliate")}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(obj); err != nil {
			t.Fatal(err)
		}
		if got := obj.appendJSON(nil); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("appendJSON wrote\n%s\nencoding/json writes\n%s", got, want.Bytes())
		}
	})
}
