package sku

import "errors"

// ErrInvalidStyle is wrapped by every error that reports a malformed description style.
var ErrInvalidStyle = errors.New("invalid description style")

// A Style is the way a price list writes its item descriptions:
//
//   - Long: the Open Value guide's form, "Office Professional Plus English
//     Lic/SA Pack OLV NL 1YR Acq Y1 AddProd";
//   - Short: Microsoft's abbreviated form, "WinSvrDCCore ALNG SA OLV 2Lic NL
//     2Y Aq Y2 AP CoreLic";
//   - Distributor: an upper-case rewrite with the coverage first, "1YR
//     VISIOSTD ALNG LICSAPK OLV NL AP";
//   - Expanded: the short form with each token spelled out,
//     "ExchgOnlinePlan1Open ShrdSvr AllLng SubscriptionVL OLP 1License
//     NoLevel Qualified Annual";
//   - Reseller: edited by a reseller or shop, "Microsoft Visio Professional
//     2019 OLP NL GOV".
//
// The zero Style means "not recognised".
type Style uint8

// The description styles.
const (
	Long Style = iota + 1
	Short
	Distributor
	Expanded
	Reseller
)
