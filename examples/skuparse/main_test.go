package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing/sku"
	"pgregory.net/rapid"
)

func decode(t interface{ Fatalf(string, ...any) }, out string) []map[string]any {
	var objs []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
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

var canonicalKeys = []string{"part", "description", "program", "offering", "level", "coverageYears", "acquiredYear", "scope",
	"language", "product", "version", "packSize", "licenseModel", "segment", "unknown", "error"}

func TestPriceList(t *testing.T) {
	in, err := os.ReadFile("testdata/pricelist.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(bytes.NewReader(in), &out, true); err != nil {
		t.Fatal(err)
	}
	objs := decode(t, out.String())
	if len(objs) != 12 {
		t.Fatalf("%d objects for 12 non-blank lines", len(objs))
	}
	for _, line := range strings.Split(out.String(), "\n")[:1] {
		keys := []string{}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.Token()
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var v any
			dec.Decode(&v)
		}
		if fmt.Sprint(keys) != fmt.Sprint(canonicalKeys) {
			t.Errorf("keys %v, want %v", keys, canonicalKeys)
		}
	}
	want := []string{
		"269-09046|OpenValue|LicenseSA|NL|1|1|AdditionalProduct|English|Office Professional Plus||0|||",
		"269-09050|OpenValue|LicenseSA|NL|3|1|AdditionalProduct|English|Office Professional Plus||0|||",
		"|OpenValue|SA|NL|2|2|AdditionalProduct|AllLanguages|WinSvrDCCore||2|Core||",
		"|OpenLicense|License|NL|0|0||SingleLanguage|ExchgSvrStd|2019|0|||",
		"|OpenValue|LicenseSA|NL|1|0|AdditionalProduct|AllLanguages|VISIOSTD||0|||",
		"|OpenValue|SA|NL|2|0|Enterprise|AllLanguages|PRJCT||0|||",
		"|OpenLicense|Subscription|NL|0|0||AllLanguages|ExchgOnlinePlan1Open||1|||",
		"|OpenLicense|License|NL|0|0|||Visio Professional|2019|0||Government|",
		"|OpenLicense|License|B|0|0||German|Project Professional||1||Academic|",
		"|MVL|LicenseSA|D|0|0||AllLanguages|SQLSvrStdCore|2019|2|Core||",
		"||LicenseSA||0|0||AllLanguages|SQLSvrEntCore||0|||",
		"|OpenValue|LicenseSA|NL|2|1|AdditionalProduct|English|Office Professional Plus||0|||SKU-09",
	}
	for i, o := range objs {
		errText := ""
		if e := o["error"].(string); e != "" {
			errText = "SKU-09"
			if !strings.Contains(e, "SKU-09") {
				errText = e
			}
		}
		got := fmt.Sprintf("%v|%v|%v|%v|%v|%v|%v|%v|%v|%v|%v|%v|%v|%s", o["part"], o["program"], o["offering"], o["level"],
			o["coverageYears"], o["acquiredYear"], o["scope"], o["language"], o["product"], o["version"], o["packSize"],
			o["licenseModel"], o["segment"], errText)
		if got != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, got, want[i])
		}
	}
}

// One object per non-blank line, in order, whatever the lines; a bad line
// carries its error and never stops the run.
func TestOneObjectPerLine(t *testing.T) {
	samples := []string{"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd", "OLV NL", "", "   ", "\t",
		"269-09046\tVisioStd ALNG SA OLV NL", "bad-part\tVisioStd ALNG SA OLV NL", "Promo ÿ \"quoted\"", "ExchgSvrStd 2019 SNGL OLP NL\r"}
	rapid.Check(t, func(t *rapid.T) {
		lines := rapid.SliceOfN(rapid.OneOf(rapid.SampledFrom(samples), rapid.StringMatching(`[ -~\t]{0,30}`)), 0, 12).Draw(t, "lines")
		var out bytes.Buffer
		if err := run(strings.NewReader(strings.Join(lines, "\n")), &out, true); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, l := range lines {
			if strings.TrimSpace(l) != "" {
				_, d := sku.SplitLine(strings.TrimRight(l, "\r"))
				want = append(want, d)
			}
		}
		objs := decode(t, out.String())
		if len(objs) != len(want) {
			t.Fatalf("%d objects for %d non-blank lines:\n%s", len(objs), len(want), out.String())
		}
		for i, o := range objs {
			if o["description"] != want[i] {
				t.Fatalf("object %d is for %q, want %q", i+1, o["description"], want[i])
			}
			if _, ok := o["unknown"].([]any); !ok {
				t.Fatalf("object %d: unknown is %v, want a list", i+1, o["unknown"])
			}
		}
	})
}

func TestTable(t *testing.T) {
	var out bytes.Buffer
	if err := run(strings.NewReader("1YR VISIOSTD ALNG LICSAPK OLV NL AP\nOLV\n"), &out, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "part") || !strings.Contains(lines[1], "VISIOSTD") || !strings.Contains(lines[2], "no product") {
		t.Fatalf("table:\n%s", out.String())
	}
}

// The combined parser: any program's description, and none, never panics;
// a failure is a *ParseError.
func FuzzCombinedParser(f *testing.F) {
	in, _ := os.ReadFile("testdata/pricelist.txt")
	for _, l := range strings.Split(string(in), "\n") {
		_, d := sku.SplitLine(l)
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parser.ParseDescription(s)
		if err != nil {
			var pe *sku.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseDescription(%q): %v is not a *ParseError", s, err)
			}
			return
		}
		if d.Input != s || d.Product == "" {
			t.Fatalf("ParseDescription(%q) = %+v", s, d)
		}
		// A line that is all description reads the same through read.
		if part, desc := sku.SplitLine(s); part == "" && desc == s {
			if r := read(s); r.Error != "" || r.Product != d.Product {
				t.Fatalf("read(%q) = %+v; the parser read %+v", s, r, d)
			}
		}
	})
}

// A spreadsheet's byte-order mark is not part of the first product, and old
// Mac line ends separate lines.
func TestByteOrderMarkAndLineEnds(t *testing.T) {
	var out bytes.Buffer
	in := "\ufeffOffice Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd\r1YR VISIOSTD ALNG LICSAPK OLV NL AP\r\nExchgSvrStd 2019 SNGL OLP NL\n"
	if err := run(strings.NewReader(in), &out, true); err != nil {
		t.Fatal(err)
	}
	objs := decode(t, out.String())
	if len(objs) != 3 || objs[0]["product"] != "Office Professional Plus" || objs[1]["product"] != "VISIOSTD" || objs[2]["product"] != "ExchgSvrStd" {
		t.Fatalf("%d objects: %v", len(objs), objs)
	}
}

// -json writes each object exactly as encoding/json does with HTML
// escaping off, whatever the strings hold: quotes, control characters,
// invalid UTF-8, U+2028, HTML.
func TestJSONAsEncodingJSON(t *testing.T) {
	samples := []string{"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd", "Promo ÿ \"quoted\" \\ <b>&</b>",
		"bad-part\tVisioStd ALNG SA OLV NL \x01\x7f\u2028\u2029 \xff\xfe", "Microsoft® Visio \b\f OLP Level B EACH"}
	rapid.Check(t, func(t *rapid.T) {
		line := rapid.OneOf(rapid.SampledFrom(samples), rapid.String(), rapid.StringMatching(`[ -~\t]{0,40}`)).Draw(t, "line")
		var d sku.Description
		l := readLine(line, &d)
		got := appendJSON(nil, &l, &d, cli.Plain(l.part) && cli.Plain(l.description))
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(read(line)); err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Fatalf("line %q:\n got %s\nwant %s", line, got, want.String())
		}
	})
}
