package sku_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"pgregory.net/rapid"
)

// Real price-list descriptions, one per style and irregularity, and what they
// mean.
func TestParseDescriptionStyles(t *testing.T) {
	tests := []struct {
		in   string
		want sku.Description
	}{
		{"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd", sku.Description{
			Style: sku.Long, Program: licensing.OpenValue, Offering: licensing.LicenseSA, Level: licensing.NoLevel,
			CoverageYears: 1, AcquiredYear: 1, Scope: sku.AdditionalProduct, Language: "English", Product: "Office Professional Plus"}},
		{"ExchgSvrStd 2019 SNGL OLP NL", sku.Description{
			Style: sku.Short, Program: licensing.OpenLicense, Offering: licensing.License, Level: licensing.NoLevel,
			Language: "SingleLanguage", Product: "ExchgSvrStd", Version: "2019"}},
		{"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic", sku.Description{
			Style: sku.Short, Program: licensing.OpenValue, Offering: licensing.SAOnly, Level: licensing.NoLevel, CoverageYears: 2,
			AcquiredYear: 2, Scope: sku.AdditionalProduct, Language: "AllLanguages", Product: "WinSvrDCCore", PackSize: 2,
			LicenseModel: sku.Core}},
		{"1YR VISIOSTD ALNG LICSAPK OLV NL AP", sku.Description{
			Style: sku.Distributor, Program: licensing.OpenValue, Offering: licensing.LicenseSA, Level: licensing.NoLevel,
			CoverageYears: 1, Scope: sku.AdditionalProduct, Language: "AllLanguages", Product: "VISIOSTD"}},
		{"2YR PRJCT ALNG SA OLV, NL E", sku.Description{
			Style: sku.Distributor, Program: licensing.OpenValue, Offering: licensing.SAOnly, Level: licensing.NoLevel,
			CoverageYears: 2, Scope: sku.Enterprise, Language: "AllLanguages", Product: "PRJCT"}},
		{"ExchgOnlinePlan1Open ShrdSvr AllLng SubscriptionVL OLP 1License NoLevel Qualified Annual", sku.Description{
			Style: sku.Expanded, Program: licensing.OpenLicense, Offering: licensing.Subscription, Level: licensing.NoLevel,
			Language: "AllLanguages", Product: "ExchgOnlinePlan1Open", PackSize: 1,
			Qualifiers: sku.SharedServer | sku.Qualified | sku.Annual}},
		{"Microsoft Visio Professional 2019 OLP NL GOV", sku.Description{
			Style: sku.Reseller, Program: licensing.OpenLicense, Offering: licensing.License, Level: licensing.NoLevel,
			Product: "Visio Professional", Version: "2019", Segment: licensing.Government, Qualifiers: sku.VendorName}},
		{"SQLSvrEntCore ALNG LicSAPk", sku.Description{
			Style: sku.Short, Offering: licensing.LicenseSA, Language: "AllLanguages", Product: "SQLSvrEntCore"}},
		{"Microsoft Project Professional German Academic OPEN 1 License Level B", sku.Description{
			Style: sku.Reseller, Program: licensing.OpenLicense, Offering: licensing.License, Level: licensing.LevelB,
			Language: "German", Product: "Project Professional", PackSize: 1, Segment: licensing.Academic, Qualifiers: sku.VendorName}},
		// Cut at 40 characters: "CoreL" is CoreLic.
		{"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y AqY2 CoreL", sku.Description{
			Style: sku.Short, Program: licensing.OpenValue, Offering: licensing.SAOnly, Level: licensing.NoLevel, CoverageYears: 2,
			AcquiredYear: 2, Language: "AllLanguages", Product: "WinSvrDCCore", PackSize: 2, LicenseModel: sku.Core}},
		// A trailing OVS makes it Open Value Subscription.
		{"Visual Studio Pro MSDN ALNG LicSAPk OLV NL 1Y AqY1 AP OVS", sku.Description{
			Style: sku.Short, Program: licensing.OpenValueSubscription, Offering: licensing.LicenseSA, Level: licensing.NoLevel,
			CoverageYears: 1, AcquiredYear: 1, Scope: sku.AdditionalProduct, Language: "AllLanguages", Product: "Visual Studio Pro MSDN"}},
		// Reseller additions, free text after two spaces, mixed case, blanks.
		{"  sqlsvrstdcore alng LICSAPK olv 2lic nl 1y aq y1 ap corelic 4 Cores (Perpetual License) EACH  free text ", sku.Description{
			Style: sku.Reseller, Program: licensing.OpenValue, Offering: licensing.LicenseSA, Level: licensing.NoLevel,
			CoverageYears: 1, AcquiredYear: 1, Scope: sku.AdditionalProduct, Language: "AllLanguages", Product: "sqlsvrstdcore",
			PackSize: 2, LicenseModel: sku.Core, Cores: 4, Qualifiers: sku.Each | sku.Perpetual,
			Unknown: []sku.Token{{Text: "free", Offset: 95}, {Text: "text", Offset: 100}}}},
		// A language cut off and a program missing.
		{"Office   Professional\tPlus  LicSAPk 3Y", sku.Description{
			Style: sku.Short, Offering: licensing.LicenseSA, CoverageYears: 3, Product: "Office Professional Plus"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := testReader.Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Input = tt.in
			if !got.Equal(tt.want) {
				t.Fatalf("ParseDescription(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDescriptionErrors(t *testing.T) {
	tests := []struct {
		in       string
		offset   int
		sentinel error
	}{
		{"", 0, sku.ErrUnreadable},
		{" \t, ", 0, sku.ErrUnreadable},
		{"OLV NL 1YR Acq Y1 AddProd", 0, sku.ErrUnreadable},
		{"  LicSAPk OLV", 2, sku.ErrUnreadable},
		{"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y4 AddProd", 56, sku.ErrOutOfRange}, // WS-08
		{"VisioStd ALNG SA OLV 5Y", 21, sku.ErrOutOfRange},
		// Two tokens out of range right after the product, where the
		// tokens left unknown are gathered: the error is at the first.
		{"D Acq Y4 SA 3YR", 2, sku.ErrOutOfRange},
		{"D Aq  Y9", 2, sku.ErrOutOfRange},
	}
	for _, tt := range tests {
		d, err := testReader.Parse(tt.in)
		var pe *sku.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, tt.sentinel) || pe.Offset != tt.offset || pe.Input != tt.in {
			t.Errorf("ParseDescription(%q) = %+v, %v; want a *ParseError at %d wrapping %v", tt.in, d, err, tt.offset, tt.sentinel)
		}
	}
	// The out-of-range year is kept, not lost.
	d, _ := testReader.Parse("VisioStd ALNG SA OLV 5Y")
	if len(d.Unknown) != 1 || d.Unknown[0].Text != "5Y" || d.Product != "VisioStd" {
		t.Errorf("out-of-range coverage: %+v", d)
	}
}

// Where each field's token stood, and what a second token of a filled
// field does: the first of several qualifiers gives the qualifiers'
// offset; a program token that loses to the one read (OLV after OVS,
// X-19) is absorbed, not unknown; a description with no product still
// returns the fields read before the error.
func TestFieldOffsetsAndSecondTokens(t *testing.T) {
	in := "Office Qlfd OVS NL Annual OLV 2Lic"
	d, err := testReader.Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[sku.Field]string{sku.FieldQualifier: "Qlfd", sku.FieldProgram: "OVS", sku.FieldLevel: "NL"}
	for f, tok := range want {
		if at, ok := d.OffsetOf(f); !ok || at != strings.Index(in, tok) {
			t.Errorf("Parse(%q).OffsetOf(%v) = %d, %v; want %d, the offset of %q", in, f, at, ok, strings.Index(in, tok), tok)
		}
	}
	if d.Program != licensing.OpenValueSubscription || d.Qualifiers != sku.Qualified|sku.Annual || len(d.Unknown) != 0 || d.PackSize != 2 {
		t.Errorf("Parse(%q) = %+v; want OVS, Qualified and Annual, a pack of 2, nothing unknown", in, d)
	}
	if _, ok := d.OffsetOf(sku.FieldScope); ok {
		t.Errorf("Parse(%q): a scope offset, with no scope token", in)
	}
	// An OVS after OLV makes it Open Value Subscription; the program's
	// offset stays the first program token's, as OffsetOf says.
	in = "Office OLV NL OVS"
	if d, err = testReader.Parse(in); err != nil || d.Program != licensing.OpenValueSubscription {
		t.Errorf("Parse(%q) = %+v, %v; want Open Value Subscription", in, d, err)
	} else if at, ok := d.OffsetOf(sku.FieldProgram); !ok || at != 7 {
		t.Errorf("Parse(%q).OffsetOf(program) = %d, %v; want 7, the offset of OLV", in, at, ok)
	}

	d, err = testReader.Parse("3YR Microsoft OLV NL")
	if !errors.Is(err, sku.ErrUnreadable) || d.CoverageYears != 3 || d.Qualifiers != sku.VendorName || d.Program != 0 {
		t.Errorf("Parse(3YR Microsoft OLV NL) = %+v, %v; want no product, with the coverage and vendor read before it", d, err)
	}
	if at, ok := d.OffsetOf(sku.FieldQualifier); !ok || at != 4 {
		t.Errorf("Parse(3YR Microsoft OLV NL).OffsetOf(qualifier) = %d, %v; want 4", at, ok)
	}
}

// Phrases and patterns are read after the 56th token too, where the
// reader stops marking the tokens to match in a mask, and across it, in
// descriptions scanned by mask (under 256 bytes) and byte by byte (SKU-02,
//
func TestPhrasesAfterTheMask(t *testing.T) {
	for _, junk := range []int{51, 52, 53, 54, 55, 56, 70, 100} {
		in := "Office OLV " + strings.Repeat("zz ", junk) + "Lic/SA Pack 2Lic Acq Y2"
		d, err := testReader.Parse(in)
		if err != nil || d.Offering != licensing.LicenseSA || d.PackSize != 2 || d.AcquiredYear != 2 || len(d.Unknown) != junk {
			t.Errorf("%d unknown words, then Lic/SA Pack 2Lic Acq Y2: %+v, %v; want LicenseSA, a pack of 2, year 2, %d unknown",
				junk, d, err, junk)
		}
	}
}

// Parse recovers the fields of descriptions generated in every style, with
// irregular spacing, case and commas, and keeps unknown words in order with
// their offsets.
func TestParseRecoversFields(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := descriptionGen.Draw(t, "description")
		got, err := testReader.Parse(g.text)
		if err != nil {
			t.Fatalf("ParseDescription(%q): %v", g.text, err)
		}
		if !got.Equal(g.want) {
			t.Fatalf("ParseDescription(%q)\n got %+v\nwant %+v", g.text, got, g.want)
		}
		for _, u := range got.Unknown {
			if g.text[u.Offset:u.Offset+len(u.Text)] != u.Text {
				t.Fatalf("unknown token %q at %d is not there", u.Text, u.Offset)
			}
		}
	})
}

// validDescriptionGen draws a description that the long or short form can
// write: the long form needs its own tokens (language, license type,
// coverage, acquisition year, scope, SKU-02), the short form a language and
// a program.
var validDescriptionGen = rapid.Custom(func(t *rapid.T) sku.Description {
	style := rapid.SampledFrom([]sku.Style{sku.Long, sku.Short}).Draw(t, "style")
	d := sku.Description{Style: style}
	d.Product = rapid.SampledFrom(genProducts).Draw(t, "product")
	if rapid.Bool().Draw(t, "hasVersion") {
		d.Version = rapid.SampledFrom(genVersions).Draw(t, "version")
	}
	d.Language = rapid.SampledFrom(append([]string{"AllLanguages", "SingleLanguage"}, genLanguages...)).Draw(t, "language")
	d.Program = rapid.SampledFrom([]licensing.Program{licensing.OpenValue, licensing.OpenValueSubscription, licensing.OpenLicense, licensing.MVL}).Draw(t, "program")
	d.Level = rapid.SampledFrom(licensing.Levels()).Draw(t, "level")
	optional := func(label string) bool { return style == sku.Long || rapid.Bool().Draw(t, label) }
	if optional("hasOffering") || d.Program == licensing.OpenLicense {
		offerings := licensing.Offerings()
		if style == sku.Long {
			offerings = []licensing.Offering{licensing.LicenseSA, licensing.SAOnly}
		}
		d.Offering = rapid.SampledFrom(offerings).Draw(t, "offering")
	}
	if optional("hasCoverage") {
		d.CoverageYears = rapid.IntRange(1, 3).Draw(t, "coverage")
	}
	if optional("hasAcquired") {
		d.AcquiredYear = rapid.IntRange(1, 3).Draw(t, "acquired")
	}
	if optional("hasScope") {
		d.Scope = rapid.SampledFrom(sku.Scopes()).Draw(t, "scope")
	}
	if rapid.Bool().Draw(t, "hasModel") {
		d.LicenseModel = rapid.SampledFrom(sku.LicenseModels()).Draw(t, "model")
	}
	if rapid.Bool().Draw(t, "hasPack") {
		d.PackSize = rapid.IntRange(1, 32).Draw(t, "pack")
	}
	if rapid.Bool().Draw(t, "hasSegment") {
		d.Segment = rapid.SampledFrom([]licensing.Segment{licensing.Academic, licensing.Government, licensing.Charity}).Draw(t, "segment")
	}
	for _, q := range []sku.Qualifiers{sku.Qualified, sku.SharedServer, sku.WithProjectServerCAL,
		sku.WithoutWindowsServerLicense, sku.MSDN, sku.Annual, sku.Monthly} {
		if rapid.IntRange(0, 4).Draw(t, "qualifier") == 0 {
			d.Qualifiers |= q
		}
	}
	return d
})

// SKU-19, INV-38: Parse(Format(d)) == d for every description Format
// writes, in the long and the short form.
func TestFormatParseInverse(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := validDescriptionGen.Draw(t, "description")
		s, err := testReader.Format(d, d.Style)
		if err != nil {
			t.Fatalf("Format(%+v): %v", d, err)
		}
		d.Input = s
		got, err := testReader.Parse(s)
		if err != nil || !got.Equal(d) {
			t.Fatalf("Parse(Format(d)) = %+v, %v\nwant %+v", got, err, d)
		}
	})
}

func TestFormatForms(t *testing.T) {
	d, _ := testReader.Parse("Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd")
	for _, tt := range []struct {
		style sku.Style
		want  string
	}{
		{sku.Long, "Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd"},
		{sku.Short, "Office Professional Plus English LicSAPk OLV NL 1Y Aq Y1 AP"},
	} {
		if got, err := testReader.Format(d, tt.style); err != nil || got != tt.want {
			t.Errorf("Format(%v) = %q, %v; want %q", tt.style, got, err, tt.want)
		}
	}
	unwritable := []sku.Description{
		{Product: "X", Program: licensing.SelectPlus},
		{Product: "X", Program: licensing.OpenLicense},
		{Product: "OLV", Program: licensing.OpenValue, Offering: licensing.SAOnly},
		{Product: "X", Cores: 4},
		{Product: "X", Unknown: []sku.Token{{Text: "?", Offset: 2}}},
	}
	for _, u := range unwritable {
		if _, err := testReader.Format(u, sku.Short); !errors.Is(err, sku.ErrUnwritable) {
			t.Errorf("Format(%+v): err = %v, want ErrUnwritable", u, err)
		}
	}
	if _, err := testReader.Format(d, sku.Expanded); !errors.Is(err, sku.ErrUnwritable) {
		t.Errorf("Format(Expanded): err = %v", err)
	}
	short := sku.Description{Product: "VisioStd", Language: "English", Program: licensing.OpenValue}
	if _, err := testReader.Format(short, sku.Long); !errors.Is(err, sku.ErrUnwritable) {
		t.Errorf("a long form without long tokens: err = %v", err)
	}
}

// Parsing never panics, whatever the input; an error is a *ParseError.
func TestParseNeverPanics(t *testing.T) {
	words := []string{"OLV", "OVS", "Lic/SA", "Pack", "Acq", "Y1", "Y9", "Aq", "1YR", "9Y", "NL", "No", "Level", "B", "ALNG",
		"2Lic", "1", "License", "4", "Cores", "(Perpetual", "License)", "Microsoft", "365", "CoreL", ",", "SA", "Step", "Up", "ÿ", "2019", "9.", "x"}
	rapid.Check(t, func(t *rapid.T) {
		var s string
		if rapid.Bool().Draw(t, "soup") {
			s = strings.Join(rapid.SliceOfN(rapid.SampledFrom(words), 0, 14).Draw(t, "words"), rapid.SampledFrom([]string{" ", "  ", ","}).Draw(t, "sep"))
		} else {
			s = rapid.String().Draw(t, "s")
		}
		checkParse(t, s)
	})
}

func checkParse(t interface{ Fatalf(string, ...any) }, s string) {
	d, err := testReader.Parse(s)
	if err != nil {
		var pe *sku.ParseError
		if !errors.As(err, &pe) || pe.Offset < 0 || pe.Offset > len(s) {
			t.Fatalf("ParseDescription(%q): %v is not a positioned *ParseError", s, err)
		}
		return
	}
	if d.Product == "" || d.Input != s {
		t.Fatalf("ParseDescription(%q) = %+v without a product", s, d)
	}
	for _, u := range d.Unknown {
		if u.Offset < 0 || u.Offset+len(u.Text) > len(s) || s[u.Offset:u.Offset+len(u.Text)] != u.Text {
			t.Fatalf("ParseDescription(%q): unknown token %+v is not in the input", s, u)
		}
	}
	// Every number read is a number written in the input, never cut short.
	runs := map[string]bool{}
	for _, run := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		runs[strings.TrimLeft(run, "0")] = true
	}
	for name, n := range map[string]int{"pack size": d.PackSize, "processors": d.Processors, "cores": d.Cores} {
		if n != 0 && !runs[strconv.Itoa(n)] {
			t.Fatalf("ParseDescription(%q): %s %d is not a number of the input", s, name, n)
		}
	}
	// What Parse read, Format writes back in a form Parse reads the same.
	for _, st := range []sku.Style{sku.Long, sku.Short} {
		if f, err := testReader.Format(d, st); err == nil {
			back, err := testReader.Parse(f)
			want := d
			want.Input, want.Style = f, st
			if err != nil || !back.Equal(want) {
				t.Fatalf("Format(Parse(%q)) = %q reads as %+v, %v", s, f, back, err)
			}
		}
	}
}

// seedDescriptions are the fuzz targets' seed corpus: real descriptions of
// every style and program, a retired Open License 5.0 type, and the empty
// line.
var seedDescriptions = []string{
	"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd",
	"Office Professional Plus English Lic/SA Pack OLV NL 2YR Acq Y1 AddProd",
	"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y4 AddProd",
	"ExchgSvrStd 2019 SNGL OLP NL",
	"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic",
	"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y AqY2 CoreL",
	"1YR VISIOSTD ALNG LICSAPK OLV NL AP",
	"2YR PRJCT ALNG SA OLV, NL E",
	"Visual Studio Pro MSDN ALNG LicSAPk OLV NL 1Y AqY1 AP OVS",
	"ExchgOnlinePlan1Open ShrdSvr AllLng SubscriptionVL OLP 1License NoLevel Qualified Annual",
	"Microsoft Visio Professional 2019 OLP NL GOV",
	"Microsoft Project Professional German Academic OPEN 1 License Level B",
	"Office Pro VUP OLP",
	"WinSvrDCCore ALNG SA OLV 12345678Lic NL 2Y Aq Y2 AP CoreLic",
	"WinSvrDCCore ALNG SA OLV 99999999999999999999Lic NL",
	"ProjectOnline Plan1 Open ALng Sub OLV NL Annual E",
	"Visio Plan2 Open ALng Subscription OVS NL Annual",
	"SQLSvrStd SLng LicSAPk OLV NL 1Y AqY1 AP DCAL",
	"WinSvrCAL ALNG LicSAPk OLV NL 1Y AqY1 AP UCAL",
	"SQLSvrStd ALNG LicSAPk MVL 4Lic C 1Proc",
	"SQLSvrStdCore 2019 ALNG LicSAPk MVL 2Lic D CoreLic",
	"WinSvrStd ALNG SA MVL C 2Proc",
	"SQLSvrEntCore ALNG LicSAPk",
	"",
}

func FuzzParseDescription(f *testing.F) {
	for _, s := range seedDescriptions {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkParse(t, s) })
}

func TestPartNumbers(t *testing.T) {
	for _, tt := range []struct{ in, want string }{{"269-09046", "269-09046"}, {" 9em-00562 ", "9EM-00562"}, {"KW5-00358", "KW5-00358"}} {
		if got, err := licensing.ParsePartNumber(tt.in); err != nil || got != tt.want {
			t.Errorf("ParsePartNumber(%q) = %q, %v", tt.in, got, err)
		}
	}
	for _, bad := range []string{"", "269-0904", "26909046", "269-0904A", "2690-9046", "26_-09046"} {
		if _, err := licensing.ParsePartNumber(bad); !errors.Is(err, licensing.ErrInvalidPartNumber) {
			t.Errorf("ParsePartNumber(%q): err = %v", bad, err)
		}
	}
	for _, tt := range []struct{ line, part, desc string }{
		{"269-09046\tOffice Pro", "269-09046", "Office Pro"},
		{"Part#: 269-09046 - Office Professional Plus", "269-09046", "Office Professional Plus"},
		{"Part # 269-09050 - Office", "269-09050", "Office"},
		{"269-09047 Office", "269-09047", "Office"},
		{"  VisioStd ALNG SA OLV ", "", "  VisioStd ALNG SA OLV "},
		{"bad\tVisio", "bad", "Visio"},
	} {
		if p, d := sku.SplitLine(tt.line); p != tt.part || d != tt.desc {
			t.Errorf("SplitLine(%q) = %q, %q; want %q, %q", tt.line, p, d, tt.part, tt.desc)
		}
	}
}

func TestVocabularyRows(t *testing.T) {
	rows := sku.DefaultTokens()
	if _, err := sku.NewReader(rows); err != nil {
		t.Fatal(err)
	}
	bad := append(rows, sku.TokenRow{Text: "ALNG", Field: sku.FieldLanguage, Value: "AllLanguages"})
	if _, err := sku.NewReader(bad); err == nil {
		t.Error("a spelling given twice was accepted")
	}
	if _, err := sku.NewReader([]sku.TokenRow{{Text: "XX", Field: sku.FieldLevel, Value: "E"}}); err == nil {
		t.Error("a bad value was accepted")
	}
	// A user adds a spelling.
	r, err := sku.NewReader(append(rows, sku.TokenRow{Text: "EDUC", Field: sku.FieldSegment, Value: "Academic", Rule: "X-19"}))
	if err != nil {
		t.Fatal(err)
	}
	if d, err := r.Parse("VisioStd ALNG OLV EDUC"); err != nil || d.Segment != licensing.Academic {
		t.Errorf("custom vocabulary: %+v, %v", d, err)
	}
}

// Spellings real price lists use, one case each.
func TestRealSpellings(t *testing.T) {
	for _, tt := range []struct {
		in    string
		check func(sku.Description) bool
	}{
		{"SQLSvrStd SLng LicSAPk OLV NL 1Y AqY1 AP", func(d sku.Description) bool { return d.Language == "SingleLanguage" }},
		{"WinSvrCAL ALNG LicSAPk OLV NL 1Y AqY1 AP DCAL", func(d sku.Description) bool { return d.LicenseModel == sku.DeviceCAL }},
		{"WinSvrCAL ALNG LicSAPk OLV NL 1Y AqY1 AP UCAL", func(d sku.Description) bool { return d.LicenseModel == sku.UserCAL }},
		{"ProjectOnline Plan1 ALng Sub OLV NL Annual E", func(d sku.Description) bool { return d.Offering == licensing.Subscription }},
		{"ProjectOnline Plan1 AllLng Subscription OLV NoLevel Annual", func(d sku.Description) bool { return d.Offering == licensing.Subscription }},
		// A processor count is the license model's, not a pack size.
		{"WinSvrStd ALNG SA MVL C 2Proc", func(d sku.Description) bool {
			return d.LicenseModel == sku.Processor && d.Processors == 2 && d.PackSize == 0
		}},
		{"SQLSvrStd ALNG LicSAPk MVL 4Lic C 1Proc", func(d sku.Description) bool {
			return d.LicenseModel == sku.Processor && d.Processors == 1 && d.PackSize == 4
		}},
		// A count of zero counts nothing: it is left unknown (below).
		// Open inside the product: a later program token names the program.
		{"ProjectOnline Plan1 Open ALng Sub OLV NL Annual E", func(d sku.Description) bool {
			return d.Program == licensing.OpenValue && d.Product == "ProjectOnline Plan1 Open" && d.Scope == sku.Enterprise && d.Offering == licensing.Subscription
		}},
		{"Visio Plan2 Open ALng Sub OVS NL Annual", func(d sku.Description) bool {
			return d.Program == licensing.OpenValueSubscription && d.Product == "Visio Plan2 Open"
		}},
		// Sub and Subscription are product words before the product ends.
		{"Visual Studio Pro Sub MSDN ALNG LicSAPk OLV NL", func(d sku.Description) bool {
			return d.Product == "Visual Studio Pro Sub MSDN" && d.Offering == licensing.LicenseSA
		}},
		{"Visual Studio Pro Subscription MSDN ALNG SA OLV NL", func(d sku.Description) bool {
			return d.Product == "Visual Studio Pro Subscription MSDN" && d.Offering == licensing.SAOnly
		}},
		// With no later program token, OPEN is the program (a shop's spelling).
		{"Microsoft Project Professional German Academic OPEN 1 License Level B", func(d sku.Description) bool {
			return d.Program == licensing.OpenLicense && d.Product == "Project Professional"
		}},
	} {
		d, err := testReader.Parse(tt.in)
		if err != nil || len(d.Unknown) > 0 || !tt.check(d) {
			t.Errorf("Parse(%q) = %+v, %v", tt.in, d, err)
		}
	}
	for _, in := range []string{"WinSvrStd ALNG SA MVL C 0Proc", "WinSvrStd ALNG SA MVL 0Lic C"} {
		if d, _ := testReader.Parse(in); d.Processors != 0 || d.PackSize != 0 || d.LicenseModel != 0 || len(d.Unknown) != 1 {
			t.Errorf("Parse(%q) = %+v, want the zero count unknown", in, d)
		}
	}
}

// a program token after "Open" always names the program, and "Open"
// stays in the product, whatever comes between.
func TestLaterProgramWinsOverOpen(t *testing.T) {
	programs := map[string]licensing.Program{"OLV": licensing.OpenValue, "OVS": licensing.OpenValueSubscription, "OLP": licensing.OpenLicense, "MVL": licensing.MVL}
	rapid.Check(t, func(t *rapid.T) {
		product := rapid.SampledFrom([]string{"Visio Plan2", "ProjectOnline Plan1", "ExchgOnline Kiosk"}).Draw(t, "product") + " " +
			rapid.SampledFrom([]string{"Open", "OPEN", "open"}).Draw(t, "open")
		// At most one token of each field between: a second one would take
		// its field from the first (TokenRow.Yields).
		var between []string
		for _, field := range [][]string{{"ALng", "SLng"}, {"Sub", "SubsVL", "LicSAPk", "SA"}, {"ShrdSvr", "Qlfd"}} {
			if w := rapid.SampledFrom(append([]string{""}, field...)).Draw(t, "between"); w != "" {
				between = append(between, w)
			}
		}
		between = rapid.Permutation(between).Draw(t, "order")
		prog := rapid.SampledFrom([]string{"OLV", "OVS", "OLP", "MVL"}).Draw(t, "program")
		after := rapid.SliceOfN(rapid.SampledFrom([]string{"NL", "Annual", "E", "AP", "1Y"}), 0, 2).Draw(t, "after")
		in := strings.Join(append(append([]string{product}, between...), append([]string{prog}, after...)...), " ")
		d, _ := testReader.Parse(in)
		if d.Program != programs[prog] || d.Product != product {
			t.Fatalf("Parse(%q): program %v, product %q; want %v, %q", in, d.Program, d.Product, programs[prog], product)
		}
		// With no program token after it, Open is the program.
		alone := strings.Join(append([]string{product}, between...), " ")
		if d, _ := testReader.Parse(alone); d.Program != licensing.OpenLicense || strings.Contains(d.Product, "Open") || strings.Contains(d.Product, "open") || strings.Contains(d.Product, "OPEN") {
			t.Fatalf("Parse(%q): program %v, product %q; want Open License, Open out of the product", alone, d.Program, d.Product)
		}
	})
}

// ParseInto reads as Parse does, into the caller's Description: the same
// fields and errors, whatever d held before, and no allocation once its
// Unknown has room.
func TestParseInto(t *testing.T) {
	var d sku.Description
	inputs := append(append([]string{}, seedDescriptions...), "", "   ", "2019 OLV", "VisioStd ALNG SA OLV 4YR")
	inputs = append(inputs, benchCorpus[:200]...)
	for _, s := range inputs {
		want, wantErr := testReader.Parse(s)
		err := testReader.ParseInto(s, &d)
		if !d.Equal(want) || d.Input != want.Input || len(d.Unknown) != len(want.Unknown) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("ParseInto(%q) = %+v, %v\nParse = %+v, %v", s, d, err, want, wantErr)
		}
		for _, f := range sku.Fields() {
			at, ok := d.OffsetOf(f)
			wat, wok := want.OffsetOf(f)
			if at != wat || ok != wok {
				t.Fatalf("ParseInto(%q).OffsetOf(%v) = %d, %v; Parse says %d, %v", s, f, at, ok, wat, wok)
			}
		}
	}
	s := "VisioStd ALNG SA OLV NL Promo XYZZY"
	if n := testing.AllocsPerRun(100, func() { _ = testReader.ParseInto(s, &d) }); n != 0 {
		t.Errorf("ParseInto(%q) allocates %v times, want 0", s, n)
	}
}

// SKU-01: SplitLine finds a price prefix in any case, as lower-casing the
// line first would, whatever else the line holds.
func TestSplitLineAnyCase(t *testing.T) {
	reference := func(line string) (string, string) {
		line = strings.TrimRight(line, "\r\n")
		if p, d, ok := strings.Cut(line, "\t"); ok {
			return strings.TrimSpace(p), d
		}
		rest := strings.TrimSpace(line)
		for _, pre := range []string{"part #:", "part#:", "part no.", "part no", "part #", "part#", "part:", "part"} {
			if strings.HasPrefix(strings.ToLower(rest), pre) {
				rest = strings.TrimSpace(rest[len(pre):])
				break
			}
		}
		if len(rest) >= 9 && (len(rest) == 9 || rest[9] == ' ' || rest[9] == '-') {
			if p, err := licensing.ParsePartNumber(rest[:9]); err == nil {
				return p, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest[9:]), "-"))
			}
		}
		return "", line
	}
	rapid.Check(t, func(t *rapid.T) {
		prefix := rapid.SampledFrom([]string{"", "Part#: ", "PART NO. ", "pArT ", "Part # ", "\u212aart ", "Pärt "}).Draw(t, "prefix")
		line := prefix + rapid.OneOf(rapid.String(), rapid.StringMatching(`[0-9A-Z]{3}-[0-9]{5} - [ -~]{0,20}`)).Draw(t, "rest")
		p, d := sku.SplitLine(line)
		wp, wd := reference(line)
		if p != wp || d != wd {
			t.Fatalf("SplitLine(%q) = %q, %q; lower-casing first gives %q, %q", line, p, d, wp, wd)
		}
	})
}
