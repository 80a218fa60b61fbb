package sa

import "github.com/shopspring/decimal"

// QuoInt64 and QuoBig expose the two ways Rounding.quo computes, so that a
// test can hold them to the same results.
func (r Rounding) QuoInt64(x decimal.Decimal, den int64) (decimal.Decimal, bool) {
	return r.orDefault().quoInt64(x, den)
}

func (r Rounding) QuoBig(x decimal.Decimal, den int64) decimal.Decimal {
	return r.orDefault().quoBig(x, den)
}
