package sku

import "errors"

// ErrInvalidLicenseModel is wrapped by every error that reports a malformed license model.
var ErrInvalidLicenseModel = errors.New("invalid license model")

// A LicenseModel is what one license counts: cores, a device or
// user CAL, a subscriber access license, processors, or users. The zero
// LicenseModel means "not stated".
type LicenseModel uint8

// The license models.
const (
	Core LicenseModel = iota + 1
	DeviceCAL
	UserCAL
	SAL
	Processor
	PerUser
)
