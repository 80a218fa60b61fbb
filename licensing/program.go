package licensing

import (
	"errors"

	"github.com/vlrules/vlrules/internal/enum"
)

// ErrInvalidProgram is wrapped by every error that reports a malformed program.
var ErrInvalidProgram = errors.New("invalid licensing program")

// A Program is a Microsoft volume-licensing program, or the MVL price-list
// family. Catalogs are keyed by program because the same product has
// different rows in different programs (GEN-04), and price-list descriptions
// name their program with a token (SKU-08), which package sku reads ("OLV",
// "OVS", "OLP").
//
// MVL (Microsoft Volume Licensing) is the price-list family of Select,
// Select Plus and the Enterprise Agreement; its token alone does not say
// which of them an item belongs to.
//
// The zero Program is not valid; it prints as "Program(0)" and marshals to
// the empty string.
type Program uint8

// The programs.
const (
	OpenLicense Program = iota + 1
	OpenValue
	OpenValueSubscription
	SelectPlus
	MVL
)

var programNames = [...]string{OpenLicense: "OpenLicense", OpenValue: "OpenValue", OpenValueSubscription: "OpenValueSubscription", SelectPlus: "SelectPlus", MVL: "MVL"}

// programSpellings are the programs' names in the guides.
var programSpellings = []enum.Spelling[Program]{
	{Text: "Open License", Value: OpenLicense, Rule: "OL-03"},
	{Text: "Open Business", Value: OpenLicense, Rule: "OL-03"},
	{Text: "Open Volume", Value: OpenLicense, Rule: "OL-03"},
	{Text: "Open Value", Value: OpenValue, Rule: "OV-01"},
	{Text: "Open Value Subscription", Value: OpenValueSubscription, Rule: "OV-01"},
	{Text: "Select Plus", Value: SelectPlus, Rule: "SP-02"},
	{Text: "Microsoft Volume Licensing", Value: MVL, Rule: "SKU-08"},
}
