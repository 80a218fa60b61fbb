// Package openvalue implements the rules of Microsoft Open Value and Open
// Value Subscription (OV-01 to OV-48, SKU-01 to SKU-22): the three-year
// agreement and its anniversaries, reminders and termination, the choice of
// SKU by acquisition year and payment, and the reading of Open Value price-
// list descriptions such as "Office Professional Plus English Lic/SA Pack
// OLV NL 1YR Acq Y1 AddProd".
package openvalue
