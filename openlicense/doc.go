// Package openlicense implements the rules of Microsoft Open License 6.0,
// in its two forms, Open Business and Open Volume (OL-01 to OL-31): the
// five-license initial order, the two-year authorization, the Open Volume
// entry by pools and points (500 points a pool, 150 and 500 in EMEA), the
// level locked for the authorization's term, and SA sold in two-year units.
// It also reads Open License price-list descriptions (OLP items).
package openlicense
