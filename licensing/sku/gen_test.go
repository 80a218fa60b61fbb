package sku_test

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"pgregory.net/rapid"
)

// The description generator builds descriptions in every style from random
// field values, with the irregularities real lists have (case, spacing,
// stray commas, unknown words), and says what they must parse to.

// genProducts are product names in the shapes real lists use: one CamelCase
// abbreviation, several words, upper case.
var genProducts = []string{
	"SQLSvrStdCore", "WinRmtDsktpSrvcsCAL", "ExchgSvrStd", "VisioStd", "WinSvrDCCore", "PrjctPro", "SfBSvr",
	"Office Professional Plus", "Project Professional", "Visual Studio Pro", "Exchange Server Standard",
	"Windows Server Datacenter", "Skype for Business", "System Center Endpoint Protection",
	"OFFICESTD", "PRJCT", "VISIOSTD",
}

var genVersions = []string{"2019", "2016", "2008R2", "2012R2", "9.0", "2022"}

var genLanguages = []string{"English", "German", "RUS", "French", "JPN"}

// genUnknown are words no vocabulary has.
var genUnknown = []string{"Promo", "XYZZY", "qq7", "Bundle", "Refurb", "#42"}

// genDescription is a generated description and what it must parse to.
type genDescription struct {
	text string
	want sku.Description
}

// spell picks one spelling; the first is the style's own.
func spell(t *rapid.T, label string, options ...string) string {
	return rapid.SampledFrom(options).Draw(t, label)
}

// descriptionGen draws a description in a random style.
var descriptionGen = rapid.Custom(func(t *rapid.T) genDescription {
	style := rapid.SampledFrom(sku.Styles()).Draw(t, "style")
	return drawDescription(t, style)
})

// drawStyleGen draws descriptions in one style.
func drawStyleGen(style sku.Style) *rapid.Generator[genDescription] {
	return rapid.Custom(func(t *rapid.T) genDescription { return drawDescription(t, style) })
}

// drawDescription draws a description in one style.
func drawDescription(t *rapid.T, style sku.Style) genDescription {
	var w []string // the words, in order
	d := sku.Description{Style: style}
	add := func(words ...string) { w = append(w, words...) }

	d.Product = rapid.SampledFrom(genProducts).Draw(t, "product")
	if rapid.Bool().Draw(t, "hasVersion") {
		d.Version = rapid.SampledFrom(genVersions).Draw(t, "version")
	}
	program := rapid.SampledFrom([]licensing.Program{licensing.OpenValue, licensing.OpenValueSubscription, licensing.OpenLicense, licensing.MVL, 0}).Draw(t, "program")
	programWord := map[licensing.Program]string{licensing.OpenValue: "OLV", licensing.OpenValueSubscription: "OVS", licensing.OpenLicense: "OLP", licensing.MVL: "MVL"}[program]
	level := rapid.SampledFrom(licensing.Levels()).Draw(t, "level")
	levelWord := level.String()

	switch style {
	case sku.Long:
		lang := rapid.SampledFrom(append([]string{"All Languages", "Single Language"}, genLanguages...)).Draw(t, "language")
		d.Language = map[string]string{"All Languages": "AllLanguages", "Single Language": "SingleLanguage"}[lang]
		if d.Language == "" {
			d.Language = lang
		}
		d.Offering = rapid.SampledFrom([]licensing.Offering{licensing.LicenseSA, licensing.SAOnly}).Draw(t, "offering")
		offering := map[licensing.Offering][]string{licensing.LicenseSA: {"Lic/SA Pack", "Lic/SA"}, licensing.SAOnly: {"SA Pack", "SA"}}[d.Offering]
		d.CoverageYears = rapid.IntRange(1, 3).Draw(t, "coverage")
		d.AcquiredYear = rapid.IntRange(1, 3).Draw(t, "acquired")
		d.Scope = rapid.SampledFrom([]sku.Scope{sku.AdditionalProduct, sku.Enterprise}).Draw(t, "scope")
		d.Level = level
		add(d.Product)
		if d.Version != "" {
			add(d.Version)
		}
		add(lang, spell(t, "offeringWord", offering...))
		if programWord != "" {
			add(programWord)
		}
		add(levelWord, fmt.Sprintf("%dYR", d.CoverageYears), spell(t, "acq", fmt.Sprintf("Acq Y%d", d.AcquiredYear), fmt.Sprintf("AcqY%d", d.AcquiredYear)),
			map[sku.Scope]string{sku.AdditionalProduct: "AddProd", sku.Enterprise: "Ent"}[d.Scope])
		if rapid.Bool().Draw(t, "hasModel") {
			d.LicenseModel = rapid.SampledFrom([]sku.LicenseModel{sku.Core, sku.DeviceCAL, sku.UserCAL}).Draw(t, "model")
			add(map[sku.LicenseModel]string{sku.Core: "Core Licence", sku.DeviceCAL: "Device CAL", sku.UserCAL: "User CAL"}[d.LicenseModel])
		}
	case sku.Short, sku.Distributor:
		lang := rapid.SampledFrom(append([]string{"ALNG", "SNGL"}, genLanguages...)).Draw(t, "language")
		d.Language = map[string]string{"ALNG": "AllLanguages", "SNGL": "SingleLanguage"}[lang]
		if d.Language == "" {
			d.Language = lang
		}
		if style == sku.Distributor {
			d.CoverageYears = rapid.IntRange(1, 3).Draw(t, "coverage")
			add(spell(t, "coverageWord", fmt.Sprintf("%dYR", d.CoverageYears), fmt.Sprintf("%dY", d.CoverageYears)))
			d.Product = strings.ToUpper(d.Product)
		}
		add(d.Product)
		if d.Version != "" {
			add(d.Version)
		}
		add(lang)
		if rapid.Bool().Draw(t, "hasOffering") {
			d.Offering = rapid.SampledFrom([]licensing.Offering{licensing.LicenseSA, licensing.SAOnly, licensing.Subscription}).Draw(t, "offering")
			add(map[licensing.Offering][]string{licensing.LicenseSA: {"LicSAPk", "LSA"}, licensing.SAOnly: {"SA"}, licensing.Subscription: {"SubsVL"}}[d.Offering][0])
		}
		if programWord != "" {
			add(programWord)
		}
		if rapid.Bool().Draw(t, "hasPack") {
			d.PackSize = rapid.IntRange(1, 16).Draw(t, "pack")
			add(fmt.Sprintf("%dLic", d.PackSize))
		}
		d.Level = level
		add(levelWord)
		if style == sku.Short && rapid.Bool().Draw(t, "hasCoverage") {
			d.CoverageYears = rapid.IntRange(1, 3).Draw(t, "coverage")
			add(fmt.Sprintf("%dY", d.CoverageYears))
		}
		if style == sku.Short && rapid.Bool().Draw(t, "hasAcq") {
			d.AcquiredYear = rapid.IntRange(1, 3).Draw(t, "acquired")
			add(spell(t, "acqWord", fmt.Sprintf("Aq Y%d", d.AcquiredYear), fmt.Sprintf("AqY%d", d.AcquiredYear), fmt.Sprintf("AY%d", d.AcquiredYear)))
		}
		if rapid.Bool().Draw(t, "hasScope") {
			d.Scope = rapid.SampledFrom(sku.Scopes()).Draw(t, "scope")
			add(map[sku.Scope]string{sku.AdditionalProduct: "AP", sku.Enterprise: "E", sku.Platform: "Pltfrm"}[d.Scope])
		}
		if style == sku.Short && rapid.Bool().Draw(t, "hasModel") {
			d.LicenseModel = rapid.SampledFrom([]sku.LicenseModel{sku.Core, sku.DeviceCAL, sku.UserCAL, sku.PerUser}).Draw(t, "model")
			add(map[sku.LicenseModel]string{sku.Core: "CoreLic", sku.DeviceCAL: "DvcCAL", sku.UserCAL: "UsrCAL", sku.PerUser: "PerUsr"}[d.LicenseModel])
		}
		if style == sku.Short && rapid.Bool().Draw(t, "hasQualified") {
			d.Qualifiers |= sku.Qualified
			add("Qlfd")
		}
	case sku.Expanded:
		d.Language, d.Offering, d.Level, d.PackSize = "AllLanguages", licensing.Subscription, licensing.NoLevel, rapid.IntRange(1, 5).Draw(t, "pack")
		add(d.Product)
		if d.Version != "" {
			add(d.Version)
		}
		if rapid.Bool().Draw(t, "shared") {
			d.Qualifiers |= sku.SharedServer
			add("ShrdSvr")
		}
		add("AllLng", spell(t, "subscription", "SubscriptionVL", "MonthlySubscriptions-VolumeLicense"))
		if programWord != "" {
			add(programWord)
		}
		add(fmt.Sprintf("%dLicense", d.PackSize), "NoLevel")
		if rapid.Bool().Draw(t, "qualified") {
			d.Qualifiers |= sku.Qualified
			add("Qualified")
		}
		if rapid.Bool().Draw(t, "annual") {
			d.Qualifiers |= sku.Annual
			add("Annual")
		}
	case sku.Reseller:
		d.Qualifiers |= sku.VendorName
		add(spell(t, "vendor", "Microsoft", "Microsoft®"), d.Product)
		if d.Version != "" {
			add(d.Version)
		}
		if rapid.Bool().Draw(t, "hasLanguage") {
			d.Language = rapid.SampledFrom(genLanguages).Draw(t, "language")
			add(d.Language)
		}
		if rapid.Bool().Draw(t, "hasSegment") {
			d.Segment = rapid.SampledFrom([]licensing.Segment{licensing.Academic, licensing.Government, licensing.Charity}).Draw(t, "segment")
			add(map[licensing.Segment]string{licensing.Academic: "Academic", licensing.Government: "GOV", licensing.Charity: "Charity"}[d.Segment])
		}
		if rapid.Bool().Draw(t, "hasOffering") {
			d.Offering = rapid.SampledFrom([]licensing.Offering{licensing.License, licensing.SAOnly}).Draw(t, "offering")
			add(map[licensing.Offering]string{licensing.License: "License", licensing.SAOnly: "Software Assurance"}[d.Offering])
		}
		if programWord == "OLP" {
			programWord = spell(t, "open", "OPEN", "OLP")
		}
		if programWord != "" {
			add(programWord)
		}
		if rapid.Bool().Draw(t, "hasPack") {
			d.PackSize = rapid.IntRange(1, 20).Draw(t, "pack")
			add(fmt.Sprint(d.PackSize), map[bool]string{true: "License", false: "Licenses"}[d.PackSize == 1])
		}
		d.Level = level
		switch level {
		case licensing.NoLevel:
			add(spell(t, "noLevel", "No Level", "NL"))
		default:
			add("Level " + levelWord)
		}
		if rapid.Bool().Draw(t, "each") {
			d.Qualifiers |= sku.Each
			add("EACH")
		}
		if rapid.Bool().Draw(t, "perpetual") {
			d.Qualifiers |= sku.Perpetual
			add("(Perpetual License)")
		}
	}
	d.Program = program
	if program == licensing.OpenLicense && d.Offering == 0 {
		d.Offering = licensing.License
	}
	// Unknown words at the end, kept in order.
	n := rapid.IntRange(0, 2).Draw(t, "unknownWords")
	var unknown []string
	for range n {
		u := rapid.SampledFrom(genUnknown).Draw(t, "unknown")
		unknown = append(unknown, u)
		add(u)
	}
	text, offsets := render(t, w, style == sku.Distributor)
	d.Input = text
	// The product as written: its words after mangling, single-spaced.
	start := 0
	if style == sku.Distributor {
		start = 1
	}
	if style == sku.Reseller {
		start = 1
	}
	d.Product = strings.Join(strings.Fields(strings.Join(wordsOf(text, offsets, w)[start:start+1], " ")), " ")
	if d.Language != "" && d.Language != "AllLanguages" && d.Language != "SingleLanguage" {
		d.Language = findWord(text, offsets, w, d.Language)
	}
	if d.Version != "" {
		d.Version = findWord(text, offsets, w, d.Version)
	}
	for i, u := range unknown {
		k := len(w) - n + i
		d.Unknown = append(d.Unknown, sku.Token{Text: text[offsets[k] : offsets[k]+len(u)], Offset: offsets[k]})
	}
	return genDescription{text: text, want: d}
}

// render joins the words with irregular spacing, case and commas, and
// returns the text and the offset of each word.
func render(t *rapid.T, words []string, upper bool) (string, []int) {
	var b strings.Builder
	b.WriteString(rapid.SampledFrom([]string{"", "", " ", "  "}).Draw(t, "lead"))
	offsets := make([]int, len(words))
	for i, word := range words {
		if i > 0 {
			b.WriteString(rapid.SampledFrom([]string{" ", " ", " ", "  ", "\t", ", ", " ,  "}).Draw(t, "gap"))
		}
		offsets[i] = b.Len()
		switch {
		case upper:
			word = strings.ToUpper(word)
		case rapid.IntRange(0, 3).Draw(t, "case") == 0:
			word = mangleCase(t, word)
		}
		b.WriteString(word)
	}
	b.WriteString(rapid.SampledFrom([]string{"", "", " ", ",", "  "}).Draw(t, "trail"))
	return b.String(), offsets
}

func mangleCase(t *rapid.T, w string) string {
	var b strings.Builder
	for _, r := range w {
		if rapid.Bool().Draw(t, "upper") {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// wordsOf returns each word as rendered.
func wordsOf(text string, offsets []int, words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = text[offsets[i] : offsets[i]+len(w)]
	}
	return out
}

// findWord returns word as rendered in text.
func findWord(text string, offsets []int, words []string, word string) string {
	for i, w := range words {
		if w == word {
			return text[offsets[i] : offsets[i]+len(w)]
		}
	}
	return word
}
