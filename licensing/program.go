package licensing

import (
	"errors"
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
