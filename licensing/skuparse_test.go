package licensing_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// The descriptions of SKU.md, one per style and irregularity, and what they
// mean.
func TestParseDescriptionStyles(t *testing.T) {
	tests := []struct {
		in   string
		want licensing.Description
	}{
		{"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd", licensing.Description{
			Style: licensing.Long, Program: licensing.OpenValue, Offering: licensing.LicenseSA, Level: licensing.NoLevel,
			CoverageYears: 1, AcquiredYear: 1, Scope: licensing.AdditionalProduct, Language: "English", Product: "Office Professional Plus"}},
		{"ExchgSvrStd 2019 SNGL OLP NL", licensing.Description{
			Style: licensing.Short, Program: licensing.OpenLicense, Offering: licensing.License, Level: licensing.NoLevel,
			Language: "SingleLanguage", Product: "ExchgSvrStd", Version: "2019"}},
		{"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic", licensing.Description{
			Style: licensing.Short, Program: licensing.OpenValue, Offering: licensing.SA, Level: licensing.NoLevel, CoverageYears: 2,
			AcquiredYear: 2, Scope: licensing.AdditionalProduct, Language: "AllLanguages", Product: "WinSvrDCCore", PackSize: 2,
			LicenseModel: licensing.Core}},
		{"1YR VISIOSTD ALNG LICSAPK OLV NL AP", licensing.Description{
			Style: licensing.Distributor, Program: licensing.OpenValue, Offering: licensing.LicenseSA, Level: licensing.NoLevel,
			CoverageYears: 1, Scope: licensing.AdditionalProduct, Language: "AllLanguages", Product: "VISIOSTD"}},
		{"2YR PRJCT ALNG SA OLV, NL E", licensing.Description{
			Style: licensing.Distributor, Program: licensing.OpenValue, Offering: licensing.SA, Level: licensing.NoLevel,
			CoverageYears: 2, Scope: licensing.Enterprise, Language: "AllLanguages", Product: "PRJCT"}},
		{"ExchgOnlinePlan1Open ShrdSvr AllLng SubscriptionVL OLP 1License NoLevel Qualified Annual", licensing.Description{
			Style: licensing.Expanded, Program: licensing.OpenLicense, Offering: licensing.Subscription, Level: licensing.NoLevel,
			Language: "AllLanguages", Product: "ExchgOnlinePlan1Open", PackSize: 1,
			Qualifiers: licensing.SharedServer | licensing.Qualified | licensing.Annual}},
		{"Microsoft Visio Professional 2019 OLP NL GOV", licensing.Description{
			Style: licensing.Reseller, Program: licensing.OpenLicense, Offering: licensing.License, Level: licensing.NoLevel,
			Product: "Visio Professional", Version: "2019", Segment: licensing.Government, Qualifiers: licensing.VendorName}},
		{"SQLSvrEntCore ALNG LicSAPk", licensing.Description{
			Style: licensing.Short, Offering: licensing.LicenseSA, Language: "AllLanguages", Product: "SQLSvrEntCore"}},
		{"Microsoft Project Professional German Academic OPEN 1 License Level B", licensing.Description{
			Style: licensing.Reseller, Program: licensing.OpenLicense, Offering: licensing.License, Level: licensing.LevelB,
			Language: "German", Product: "Project Professional", PackSize: 1, Segment: licensing.Academic, Qualifiers: licensing.VendorName}},
		// Cut at 40 characters: "CoreL" is CoreLic.
		{"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y AqY2 CoreL", licensing.Description{
			Style: licensing.Short, Program: licensing.OpenValue, Offering: licensing.SA, Level: licensing.NoLevel, CoverageYears: 2,
			AcquiredYear: 2, Language: "AllLanguages", Product: "WinSvrDCCore", PackSize: 2, LicenseModel: licensing.Core}},
		// A trailing OVS makes it Open Value Subscription.
		{"Visual Studio Pro MSDN ALNG LicSAPk OLV NL 1Y AqY1 AP OVS", licensing.Description{
			Style: licensing.Short, Program: licensing.OpenValueSubscription, Offering: licensing.LicenseSA, Level: licensing.NoLevel,
			CoverageYears: 1, AcquiredYear: 1, Scope: licensing.AdditionalProduct, Language: "AllLanguages", Product: "Visual Studio Pro MSDN"}},
		// Reseller additions, free text after two spaces, mixed case, blanks.
		{"  sqlsvrstdcore alng LICSAPK olv 2lic nl 1y aq y1 ap corelic 4 Cores (Perpetual License) EACH  free text ", licensing.Description{
			Style: licensing.Reseller, Program: licensing.OpenValue, Offering: licensing.LicenseSA, Level: licensing.NoLevel,
			CoverageYears: 1, AcquiredYear: 1, Scope: licensing.AdditionalProduct, Language: "AllLanguages", Product: "sqlsvrstdcore",
			PackSize: 2, LicenseModel: licensing.Core, Cores: 4, Qualifiers: licensing.Each | licensing.Perpetual,
			Unknown: []licensing.Token{{Text: "free", Offset: 95}, {Text: "text", Offset: 100}}}},
		// A language cut off and a program missing.
		{"Office   Professional\tPlus  LicSAPk 3Y", licensing.Description{
			Style: licensing.Short, Offering: licensing.LicenseSA, CoverageYears: 3, Product: "Office Professional Plus"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := licensing.ParseDescription(tt.in)
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
		{"", 0, licensing.ErrUnreadable},
		{" \t, ", 0, licensing.ErrUnreadable},
		{"OLV NL 1YR Acq Y1 AddProd", 0, licensing.ErrUnreadable},
		{"  LicSAPk OLV", 2, licensing.ErrUnreadable},
		{"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y4 AddProd", 56, licensing.ErrOutOfRange}, // WS-08
		{"VisioStd ALNG SA OLV 5Y", 21, licensing.ErrOutOfRange},
	}
	for _, tt := range tests {
		d, err := licensing.ParseDescription(tt.in)
		var pe *licensing.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, tt.sentinel) || pe.Offset != tt.offset || pe.Input != tt.in {
			t.Errorf("ParseDescription(%q) = %+v, %v; want a *ParseError at %d wrapping %v", tt.in, d, err, tt.offset, tt.sentinel)
		}
	}
	// The out-of-range year is kept, not lost.
	d, _ := licensing.ParseDescription("VisioStd ALNG SA OLV 5Y")
	if len(d.Unknown) != 1 || d.Unknown[0].Text != "5Y" || d.Product != "VisioStd" {
		t.Errorf("out-of-range coverage: %+v", d)
	}
}

// Parse recovers the fields of descriptions generated in every style, with
// irregular spacing, case and commas, and keeps unknown words in order with
// their offsets.
func TestParseRecoversFields(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := descriptionGen.Draw(t, "description")
		got, err := licensing.ParseDescription(g.text)
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
var validDescriptionGen = rapid.Custom(func(t *rapid.T) licensing.Description {
	style := rapid.SampledFrom([]licensing.Style{licensing.Long, licensing.Short}).Draw(t, "style")
	d := licensing.Description{Style: style}
	d.Product = rapid.SampledFrom(genProducts).Draw(t, "product")
	if rapid.Bool().Draw(t, "hasVersion") {
		d.Version = rapid.SampledFrom(genVersions).Draw(t, "version")
	}
	d.Language = rapid.SampledFrom(append([]string{"AllLanguages", "SingleLanguage"}, genLanguages...)).Draw(t, "language")
	d.Program = rapid.SampledFrom([]licensing.Program{licensing.OpenValue, licensing.OpenValueSubscription, licensing.OpenLicense, licensing.MVL}).Draw(t, "program")
	d.Level = rapid.SampledFrom(licensing.Levels()).Draw(t, "level")
	optional := func(label string) bool { return style == licensing.Long || rapid.Bool().Draw(t, label) }
	if optional("hasOffering") || d.Program == licensing.OpenLicense {
		offerings := licensing.Offerings()
		if style == licensing.Long {
			offerings = []licensing.Offering{licensing.LicenseSA, licensing.SA}
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
		d.Scope = rapid.SampledFrom(licensing.Scopes()).Draw(t, "scope")
	}
	if rapid.Bool().Draw(t, "hasModel") {
		d.LicenseModel = rapid.SampledFrom(licensing.LicenseModels()).Draw(t, "model")
	}
	if rapid.Bool().Draw(t, "hasPack") {
		d.PackSize = rapid.IntRange(1, 32).Draw(t, "pack")
	}
	if rapid.Bool().Draw(t, "hasSegment") {
		d.Segment = rapid.SampledFrom([]licensing.Segment{licensing.Academic, licensing.Government, licensing.Charity}).Draw(t, "segment")
	}
	for _, q := range []licensing.Qualifiers{licensing.Qualified, licensing.SharedServer, licensing.WithProjectServerCAL,
		licensing.WithoutWindowsServerLicense, licensing.MSDN, licensing.Annual, licensing.Monthly} {
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
		s, err := d.Format(d.Style)
		if err != nil {
			t.Fatalf("Format(%+v): %v", d, err)
		}
		d.Input = s
		got, err := licensing.ParseDescription(s)
		if err != nil || !got.Equal(d) {
			t.Fatalf("ParseDescription(Format(d)) = %+v, %v\nwant %+v", got, err, d)
		}
	})
}

func TestFormatForms(t *testing.T) {
	d, _ := licensing.ParseDescription("Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd")
	for _, tt := range []struct {
		style licensing.Style
		want  string
	}{
		{licensing.Long, "Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd"},
		{licensing.Short, "Office Professional Plus English LicSAPk OLV NL 1Y Aq Y1 AP"},
	} {
		if got, err := d.Format(tt.style); err != nil || got != tt.want {
			t.Errorf("Format(%v) = %q, %v; want %q", tt.style, got, err, tt.want)
		}
	}
	unwritable := []licensing.Description{
		{Product: "X", Program: licensing.SelectPlus},
		{Product: "X", Program: licensing.OpenLicense},
		{Product: "OLV", Program: licensing.OpenValue, Offering: licensing.SA},
		{Product: "X", Cores: 4},
		{Product: "X", Unknown: []licensing.Token{{Text: "?", Offset: 2}}},
	}
	for _, u := range unwritable {
		if _, err := u.Format(licensing.Short); !errors.Is(err, licensing.ErrUnwritable) {
			t.Errorf("Format(%+v): err = %v, want ErrUnwritable", u, err)
		}
	}
	if _, err := d.Format(licensing.Expanded); !errors.Is(err, licensing.ErrUnwritable) {
		t.Errorf("Format(Expanded): err = %v", err)
	}
	short := licensing.Description{Product: "VisioStd", Language: "English", Program: licensing.OpenValue}
	if _, err := short.Format(licensing.Long); !errors.Is(err, licensing.ErrUnwritable) {
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
	d, err := licensing.ParseDescription(s)
	if err != nil {
		var pe *licensing.ParseError
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
	// What Parse read, Format writes back in a form Parse reads the same.
	for _, st := range []licensing.Style{licensing.Long, licensing.Short} {
		if f, err := d.Format(st); err == nil {
			back, err := licensing.ParseDescription(f)
			want := d
			want.Input, want.Style = f, st
			if err != nil || !back.Equal(want) {
				t.Fatalf("Format(Parse(%q)) = %q reads as %+v, %v", s, f, back, err)
			}
		}
	}
}

func FuzzParseDescription(f *testing.F) {
	for _, s := range []string{
		"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd",
		"ExchgSvrStd 2019 SNGL OLP NL",
		"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic",
		"1YR VISIOSTD ALNG LICSAPK OLV NL AP",
		"2YR PRJCT ALNG SA OLV, NL E",
		"ExchgOnlinePlan1Open ShrdSvr AllLng SubscriptionVL OLP 1License NoLevel Qualified Annual",
		"Microsoft Visio Professional 2019 OLP NL GOV",
		"SQLSvrEntCore ALNG LicSAPk",
		"Microsoft Project Professional German Academic OPEN 1 License Level B",
		"WinSvrDCCore ALNG SA OLV 2Lic NL 2Y AqY2 CoreL",
		"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y4 AddProd",
		"",
	} {
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
		if p, d := licensing.SplitPriceListLine(tt.line); p != tt.part || d != tt.desc {
			t.Errorf("SplitPriceListLine(%q) = %q, %q; want %q, %q", tt.line, p, d, tt.part, tt.desc)
		}
	}
}

func TestVocabularyRows(t *testing.T) {
	rows := licensing.DefaultTokens()
	if _, err := licensing.NewDescriptionReader(rows); err != nil {
		t.Fatal(err)
	}
	bad := append(rows, licensing.TokenRow{Text: "ALNG", Field: licensing.FieldLanguage, Value: "AllLanguages"})
	if _, err := licensing.NewDescriptionReader(bad); err == nil {
		t.Error("a spelling given twice was accepted")
	}
	if _, err := licensing.NewDescriptionReader([]licensing.TokenRow{{Text: "XX", Field: licensing.FieldLevel, Value: "E"}}); err == nil {
		t.Error("a bad value was accepted")
	}
	// A user adds a spelling.
	r, err := licensing.NewDescriptionReader(append(rows, licensing.TokenRow{Text: "EDUC", Field: licensing.FieldSegment, Value: "Academic", Rule: "X-19"}))
	if err != nil {
		t.Fatal(err)
	}
	if d, err := r.Parse("VisioStd ALNG OLV EDUC"); err != nil || d.Segment != licensing.Academic {
		t.Errorf("custom vocabulary: %+v, %v", d, err)
	}
}
