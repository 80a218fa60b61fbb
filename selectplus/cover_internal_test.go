package selectplus

import (
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// The coverage index against a map of whole products: products of one
// name that differ in another field are numbered apart, and each keeps
// its number.
func TestCoversAgainstMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var c covers
		model := map[licensing.Product]int32{}
		product := rapid.Custom(func(t *rapid.T) licensing.Product {
			return licensing.Product{Program: licensing.SelectPlus, Name: rapid.SampledFrom([]string{"A", "B", "C"}).Draw(t, "name"),
				Points: licensing.WholePoints(rapid.Int64Range(1, 3).Draw(t, "points")), Pool: licensing.Pool(rapid.IntRange(1, 3).Draw(t, "pool"))}
		})
		for range rapid.IntRange(0, 40).Draw(t, "steps") {
			p := product.Draw(t, "product")
			want, known := model[p]
			if !known {
				want = -1
			}
			if got := c.number(p); got != want {
				t.Fatalf("number(%v) = %d, want %d", p, got, want)
			}
			if !known {
				model[p] = c.add(p)
				if c.products[model[p]] != p {
					t.Fatalf("add(%v) numbered %d, which is %v", p, model[p], c.products[model[p]])
				}
			}
		}
	})
}
