package licensing

import (
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// The checked arithmetic that order lines use reports every overflow and
// nothing else.
func TestPointsCheckedArithmetic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := PointsFromUnits(rapid.Int64().Draw(t, "a"))
		b := PointsFromUnits(rapid.Int64().Draw(t, "b"))
		n := rapid.Int64().Draw(t, "n")
		sum := new(big.Int).Add(big.NewInt(a.Units()), big.NewInt(b.Units()))
		if s, ok := a.addChecked(b); ok != sum.IsInt64() || (ok && s.Units() != sum.Int64()) {
			t.Fatalf("%d + %d: addChecked = %d, %v; model %v", a.Units(), b.Units(), s.Units(), ok, sum)
		}
		prod := new(big.Int).Mul(big.NewInt(a.Units()), big.NewInt(n))
		if p, ok := a.mulChecked(n); ok != prod.IsInt64() || (ok && p.Units() != prod.Int64()) {
			t.Fatalf("%d × %d: mulChecked = %d, %v; model %v", a.Units(), n, p.Units(), ok, prod)
		}
	})
}
