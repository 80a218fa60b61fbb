package licensing

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// MaxProductPoints is the largest number of license points a catalog row may
// carry (LIB-03). Real point lists stay in the tens; the bound keeps every
// order line's points far inside the range of Points.
const MaxProductPoints = 100_000

// A Product is one row of a product list: a product as one program sells it,
// with the license points it earns and the pool they count in (GEN-04,
// GEN-05). Products are comparable with ==.
type Product struct {
	Program    Program `json:"program"`
	Name       string  `json:"name"`       // as the program's product list writes it
	PartNumber string  `json:"partNumber"` // optional
	Family     string  `json:"family"`     // the product family a price list groups it under, such as "Office"; optional (LIB-06)
	Kind       Kind    `json:"kind"`
	Pool       Pool    `json:"pool"`   // zero when the product list states no pool (GEN-04)
	Points     Points  `json:"points"` // license points per unit; whole or half (GEN-07)
}

// String returns the product's name and program: "Outlook (SelectPlus)".
func (p Product) String() string { return p.Name + " (" + p.Program.String() + ")" }

// kindPools says which pools a product of each kind may be in (GEN-02,
// GEN-03): CALs count in the Servers pool, and an online service may be in
// any pool or, as the default catalog ships it, in none until the user says
// (GEN-04). First match wins.
var kindPools = []struct {
	kind   Kind
	pools  []Pool // zero Pool stands for "no pool stated"
	rule   RuleID
	reason string
}{
	{kind: KindApplication, pools: []Pool{Applications}, rule: "GEN-02", reason: "applications count in the Applications pool"},
	{kind: KindSystem, pools: []Pool{Systems}, rule: "GEN-02", reason: "systems count in the Systems pool"},
	{kind: KindServer, pools: []Pool{Servers}, rule: "GEN-03", reason: "servers count in the Servers pool"},
	{kind: KindCAL, pools: []Pool{Servers}, rule: "GEN-03", reason: "CALs count in the Servers pool"},
	{kind: KindOnlineService, pools: []Pool{0, Applications, Systems, Servers}, rule: "GEN-04", reason: "an online service names its pool, or none until the user sets one"},
}

// Validate reports the first problem with p: a missing name or program, a
// kind and pool that do not go together, points that are negative, too
// large or not whole or half, or a malformed part number. The error is a
// *FieldError naming the field (its Order and Line are empty).
func (p Product) Validate() error {
	bad := func(field, value string, err error) error {
		return &FieldError{Field: field, Value: value, Err: err}
	}
	switch {
	case !p.Program.IsValid():
		return bad("program", p.Program.String(), ErrInvalidProgram)
	case !isSpaced(p.Name):
		return bad("name", p.Name, fmt.Errorf("%w: a name is required, single-spaced", ErrInvalidCatalog))
	case p.Family != "" && !isSpaced(p.Family):
		return bad("family", p.Family, fmt.Errorf("%w: a family is single-spaced", ErrInvalidCatalog))
	case p.PartNumber != "" && !isPartNumber(strings.ToUpper(p.PartNumber)):
		return bad("part", p.PartNumber, fmt.Errorf("%w: a part number looks like 269-09046", ErrInvalidCatalog))
	}
	if err := p.countable(); err != nil {
		return err
	}
	for _, row := range kindPools {
		if row.kind != p.Kind {
			continue
		}
		for _, pool := range row.pools {
			if pool == p.Pool {
				return nil
			}
		}
		return bad("pool", poolText(p.Pool), fmt.Errorf("%w: %s: %s", ErrInvalidPool, row.rule, row.reason))
	}
	return nil
}

// countable reports the problems that keep p's points from being counted:
// no name, an invalid kind or pool, points that are negative, too large or
// not whole or half. It allocates nothing unless it fails; order validation
// uses it on every line.
func (p *Product) countable() error {
	bad := func(field, value string, err error) error {
		return &FieldError{Field: field, Value: value, Err: err}
	}
	switch {
	case p.Name == "":
		return bad("name", p.Name, fmt.Errorf("%w: a name is required", ErrInvalidCatalog))
	case !p.Kind.IsValid():
		return bad("kind", p.Kind.String(), ErrInvalidKind)
	case p.Pool != 0 && !p.Pool.IsValid():
		return bad("pool", p.Pool.String(), ErrInvalidPool)
	case p.Points.Sign() < 0 || p.Points.Cmp(WholePoints(MaxProductPoints)) > 0:
		return bad("points", p.Points.String(), fmt.Errorf("%w: license points run from 0 to %d (LIB-03)", ErrInvalidPoints, MaxProductPoints))
	case !p.Points.isWholeOrHalf():
		return bad("points", p.Points.String(), fmt.Errorf("%w: license points are whole or half (GEN-07)", ErrInvalidPoints))
	}
	return nil
}

// spaced returns s with surrounding white space removed and inner runs of
// white space replaced by one space.
func spaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// isSpaced reports whether s is non-empty and already spaced: s == spaced(s).
// It allocates nothing, so validating an order costs no allocation.
func isSpaced(s string) bool {
	prevSpace := true             // a leading space is not allowed
	for i := 0; i < len(s); i++ { // the ASCII fast path
		c := s[i]
		if c >= 0x80 {
			return isSpacedUnicode(s)
		}
		space := c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		if space && (prevSpace || c != ' ') {
			return false
		}
		prevSpace = space
	}
	return s != "" && !prevSpace
}

func isSpacedUnicode(s string) bool {
	prevSpace := true
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (prevSpace || r != ' ') {
			return false
		}
		prevSpace = space
	}
	return s != "" && !prevSpace
}

// poolText is how catalogs write a pool: its name, or "unknown" for the zero Pool.
func poolText(p Pool) string {
	if p == 0 {
		return unknownPool
	}
	return p.String()
}

// unknownPool is the word a catalog writes for "no pool stated" (GEN-04).
const unknownPool = "unknown"

// ErrInvalidPartNumber is wrapped by every error that reports a malformed
// part number.
var ErrInvalidPartNumber = errors.New("invalid part number")

// ParsePartNumber reads a Microsoft part number: three letters or digits, a
// hyphen and five digits — "269-09046" (SKU-01) or "9EM-00562" — ignoring
// surrounding blanks. Letters are returned in upper case.
func ParsePartNumber(s string) (string, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	if !isPartNumber(t) {
		return "", fmt.Errorf("licensing: parsing part number %q: want three letters or digits, a hyphen and five digits, as 269-09046: %w", s, ErrInvalidPartNumber)
	}
	return t, nil
}

// isPartNumber reports whether s has the shape of a part number, letters in
// upper case.
func isPartNumber(s string) bool {
	if len(s) != 9 || s[3] != '-' {
		return false
	}
	for i := 0; i < 3; i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	for i := 4; i < 9; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
