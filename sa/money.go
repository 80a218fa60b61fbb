package sa

import "github.com/shopspring/decimal"

// money is an amount as a service sends it: with the two decimals of the
// minor unit at least, "3619.20" where decimal.Decimal writes "3619.2",
// and every finer digit it has. The result types that hold money marshal
// it through money; it reads back as the same decimal.
type money decimal.Decimal

// MarshalText writes the amount with at least two decimals, rounding
// nothing.
func (m money) MarshalText() ([]byte, error) {
	d := decimal.Decimal(m)
	return []byte(d.StringFixed(max(2, -d.Exponent()))), nil
}
