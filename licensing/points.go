package licensing

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/vlrules/vlrules/internal/enum"
)

// ErrInvalidPoints is wrapped by every error that reports malformed points,
// points that are not an exact multiple of 1/48, and points out of range.
var ErrInvalidPoints = errors.New("invalid points")

// PointUnit is the number of units Points counts per point. License points
// are whole or half numbers, and SA earns L/2 a year prorated by months, so
// L·m/24 (GEN-07) is exact in 48ths even for a half-point license.
const PointUnit = 48

// Points is an exact number of points: an integer count of 1/48 point
// (GEN-07). Nothing is ever rounded, so 499 23/24 < 500 holds exactly.
//
// The zero Points is 0 points. Points values are comparable with == and
// ordered by [Points.Cmp]. They hold up to about ±1.9×10^17 points; Add, Sub
// and Mul wrap beyond that like int64 does. Order validation keeps every
// line far inside that range ([MaxQuantity], [MaxProductPoints]), and the
// programs refuse a running total beyond [MaxPoints] (LIB-03), so sums of
// validated points never reach it.
type Points struct {
	u int64 // units of 1/PointUnit point
}

// WholePoints returns n points.
func WholePoints(n int64) Points { return Points{n * PointUnit} }

// PointsFromUnits returns n/48 points.
func PointsFromUnits(n int64) Points { return Points{n} }

// NewPoints returns num/den points. It is an error if den is zero or if the
// fraction is not an exact multiple of 1/48.
func NewPoints(num, den int64) (Points, error) {
	if den == 0 {
		return Points{}, fmt.Errorf("licensing: points %d/%d: zero denominator: %w", num, den, ErrInvalidPoints)
	}
	if den < 0 {
		if num == math.MinInt64 || den == math.MinInt64 {
			return Points{}, fmt.Errorf("licensing: points %d/%d: out of range: %w", num, den, ErrInvalidPoints)
		}
		num, den = -num, -den
	}
	hi, lo := bits.Mul64(abs64(num), PointUnit)
	if hi != 0 || lo > math.MaxInt64 {
		return Points{}, fmt.Errorf("licensing: points %d/%d: out of range: %w", num, den, ErrInvalidPoints)
	}
	u := int64(lo)
	if u%den != 0 {
		return Points{}, fmt.Errorf("licensing: points %d/%d: not a multiple of 1/%d: %w", num, den, PointUnit, ErrInvalidPoints)
	}
	u /= den
	if num < 0 {
		u = -u
	}
	return Points{u}, nil
}

func abs64(n int64) uint64 {
	if n < 0 {
		return uint64(-n) // math.MinInt64 maps to itself as uint64 2^63, as wanted
	}
	return uint64(n)
}

// Units returns p as a count of 1/48 point.
func (p Points) Units() int64 { return p.u }

// Add returns p + q.
func (p Points) Add(q Points) Points { return Points{p.u + q.u} }

// Sub returns p − q.
func (p Points) Sub(q Points) Points { return Points{p.u - q.u} }

// Mul returns p × n, for example a product's points times a quantity.
func (p Points) Mul(n int64) Points { return Points{p.u * n} }

// MaxPoints is the largest running total of points a program keeps for one
// pool or one affiliate (LIB-03): far beyond any real agreement, and far
// inside the range of Points, so that adding two totals never overflows.
// An order that would take a total beyond it is refused with ErrOverflow.
const MaxPoints = 1_000_000_000_000_000

// addChecked returns p + q and whether the sum is in range.
func (p Points) addChecked(q Points) (Points, bool) {
	s := p.u + q.u
	if (s > p.u) != (q.u > 0) {
		return Points{}, false
	}
	return Points{s}, true
}

// mulChecked returns p × n and whether the product is in range.
func (p Points) mulChecked(n int64) (Points, bool) {
	hi, lo := bits.Mul64(abs64(p.u), abs64(n))
	neg := (p.u < 0) != (n < 0)
	switch {
	case hi != 0 || lo > 1<<63:
		return Points{}, false
	case lo == 1<<63: // only −2^63 fits
		if !neg {
			return Points{}, false
		}
		return Points{math.MinInt64}, true
	case neg:
		return Points{-int64(lo)}, true
	}
	return Points{int64(lo)}, true
}

// Cmp returns -1, 0 or +1 as p is less than, equal to or greater than q.
func (p Points) Cmp(q Points) int {
	switch {
	case p.u < q.u:
		return -1
	case p.u > q.u:
		return 1
	}
	return 0
}

// Equal reports whether p and q are the same number of points. It is the
// same as p == q; go-cmp uses it.
func (p Points) Equal(q Points) bool { return p.u == q.u }

// AtLeast reports whether p ≥ q, the comparison of a total against a
// threshold.
func (p Points) AtLeast(q Points) bool { return p.u >= q.u }

// IsZero reports whether p is 0 points.
func (p Points) IsZero() bool { return p.u == 0 }

// Sign returns -1, 0 or +1 as p is negative, zero or positive.
func (p Points) Sign() int { return p.Cmp(Points{}) }

// isWholeOrHalf reports whether p is a whole or half number of points, as
// license points are (GEN-07).
func (p Points) isWholeOrHalf() bool { return p.u%(PointUnit/2) == 0 }

// fraction returns p as a reduced fraction num/den with den > 0.
func (p Points) fraction() (num, den int64) {
	g := gcd(abs64(p.u), PointUnit)
	return p.u / int64(g), PointUnit / int64(g)
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// String returns the exact text form of p: a decimal when p has one
// ("42", "42.5", "0.0625") and otherwise an improper fraction ("25/12",
// "-1/3"). [ParsePoints] reads it back exactly.
func (p Points) String() string { return string(p.appendText(nil)) }

// appendText appends the exact text form of p (see String) to b.
func (p Points) appendText(b []byte) []byte {
	num, den := p.fraction()
	if den%3 != 0 {
		return appendDecimal(b, num, den)
	}
	b = strconv.AppendInt(b, num, 10)
	b = append(b, '/')
	return strconv.AppendInt(b, den, 10)
}

// appendDecimal writes num/den, den a power of two dividing 16, as an exact
// decimal.
func appendDecimal(b []byte, num, den int64) []byte {
	if num < 0 {
		b = append(b, '-')
	}
	a := abs64(num)
	b = strconv.AppendUint(b, a/uint64(den), 10)
	rem := a % uint64(den)
	if rem == 0 {
		return b
	}
	// rem/den = rem·10^4/den / 10^4, exact because den divides 16 and 16 divides 10^4.
	frac := strconv.FormatUint(rem*10000/uint64(den), 10)
	frac = strings.Repeat("0", 4-len(frac)) + frac
	return append(append(b, '.'), strings.TrimRight(frac, "0")...)
}

// Display returns p in the form people write: a whole or decimal number
// where that is exact ("500", "42.5"), otherwise a mixed number
// ("499 23/24", "2 1/12", "-1/3"). ParsePoints reads it back exactly.
func (p Points) Display() string {
	num, den := p.fraction()
	if den%3 != 0 {
		return string(appendDecimal(nil, num, den))
	}
	var b []byte
	if num < 0 {
		b = append(b, '-')
	}
	a := abs64(num)
	if w := a / uint64(den); w != 0 {
		b = strconv.AppendUint(b, w, 10)
		b = append(b, ' ')
	}
	b = strconv.AppendUint(b, a%uint64(den), 10)
	b = append(b, '/')
	return string(strconv.AppendInt(b, den, 10))
}

// AppendText implements [encoding.TextAppender] with the exact text form.
func (p Points) AppendText(b []byte) ([]byte, error) { return p.appendText(b), nil }

// MarshalText implements [encoding.TextMarshaler] with the exact text form,
// so JSON carries points as strings such as "42.5" or "25/12".
func (p Points) MarshalText() ([]byte, error) { return p.appendText(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParsePoints].
func (p *Points) UnmarshalText(text []byte) error {
	v, err := ParsePoints(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// ParsePoints parses points written as an integer ("500"), a decimal
// ("42.5", "0.0625"), a fraction ("25/12") or a mixed number ("499 23/24",
// "-2 1/12"), with an optional sign and surrounding white space. The value
// must be an exact multiple of 1/48 point; anything else is an error
// wrapping [ErrInvalidPoints].
func ParsePoints(s string) (Points, error) {
	p, ok := parsePoints(strings.TrimSpace(s))
	if !ok {
		return Points{}, fmt.Errorf("licensing: parsing points %q: %w", s, ErrInvalidPoints)
	}
	return p, nil
}

// MustParsePoints is like [ParsePoints] but panics on error. It is meant for
// tests and package-level tables with constant input.
func MustParsePoints(s string) Points { return enum.Must(ParsePoints(s)) }

func parsePoints(s string) (Points, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	var p Points
	var ok bool
	switch {
	case strings.Contains(s, "/"):
		p, ok = parseMixed(s)
	default:
		p, ok = parseDecimal(s)
	}
	if !ok {
		return Points{}, false
	}
	if neg {
		p.u = -p.u
	}
	return p, true
}

// parseMixed reads "n/d" or "w n/d" (unsigned).
func parseMixed(s string) (Points, bool) {
	whole := uint64(0)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		w, err := strconv.ParseUint(s[:i], 10, 64)
		if err != nil {
			return Points{}, false
		}
		whole, s = w, strings.TrimLeft(s[i:], " ")
	}
	i := strings.IndexByte(s, '/')
	num, err1 := strconv.ParseUint(s[:i], 10, 64)
	den, err2 := strconv.ParseUint(s[i+1:], 10, 64)
	if err1 != nil || err2 != nil || den == 0 || den > math.MaxInt32 {
		return Points{}, false
	}
	// whole·48 + num·48/den, each exact and in range.
	hi, u := bits.Mul64(num, PointUnit)
	if hi != 0 || u%den != 0 {
		return Points{}, false
	}
	u /= den
	hi, w := bits.Mul64(whole, PointUnit)
	if hi != 0 {
		return Points{}, false
	}
	t, carry := bits.Add64(w, u, 0)
	if carry != 0 || t > math.MaxInt64 {
		return Points{}, false
	}
	return Points{int64(t)}, true
}

// parseDecimal reads "n" or "n.fff" (unsigned).
func parseDecimal(s string) (Points, bool) {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot {
		frac = strings.TrimRight(frac, "0")
		if intPart == "" && frac == "" {
			return Points{}, false
		}
		if intPart == "" {
			intPart = "0"
		}
	}
	w, err := strconv.ParseUint(intPart, 10, 64)
	if err != nil || len(frac) > 4 {
		return Points{}, false
	}
	hi, u := bits.Mul64(w, PointUnit)
	if hi != 0 || u > math.MaxInt64 {
		return Points{}, false
	}
	if frac != "" {
		f, err := strconv.ParseUint(frac, 10, 64)
		if err != nil {
			return Points{}, false
		}
		scale := uint64(1)
		for range len(frac) {
			scale *= 10
		}
		if (f*PointUnit)%scale != 0 {
			return Points{}, false
		}
		u += f * PointUnit / scale
		if u > math.MaxInt64 {
			return Points{}, false
		}
	}
	return Points{int64(u)}, true
}
