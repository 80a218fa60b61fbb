package licensing

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidPartNumber is wrapped by every error that reports a malformed
// part number.
var ErrInvalidPartNumber = errors.New("invalid part number")

// ParsePartNumber reads a Microsoft part number: three letters or digits, a
// hyphen and five digits — "269-09046" (SKU-01) or "9EM-00562" — ignoring
// surrounding blanks. Letters are returned in upper case.
func ParsePartNumber(s string) (string, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	if !IsPartNumber(t) {
		return "", fmt.Errorf("licensing: parsing part number %q: want three letters or digits, a hyphen and five digits, as 269-09046: %w", s, ErrInvalidPartNumber)
	}
	return t, nil
}

// pricePrefixes are the words price lists put before a part number
// (SKU-01: "Part#: 269-09046 - Office …"), longest first.
var pricePrefixes = []string{"part #:", "part#:", "part no.", "part no", "part #", "part#", "part:", "part"}

// SplitPriceListLine separates a price-list line into its part number and
// its description. It reads "PART<TAB>DESCRIPTION", "Part#: PART -
// DESCRIPTION" (SKU-01), "PART - DESCRIPTION" and "PART DESCRIPTION" where
// PART has the shape of a part number; any other line is all description.
// With a tab, the part is whatever comes before it, for the caller to check
// with ParsePartNumber. The description is returned as written, blanks and
// all, except for the separator after a part.
func SplitPriceListLine(line string) (part, description string) {
	line = strings.TrimRight(line, "\r\n")
	if p, d, ok := strings.Cut(line, "\t"); ok {
		return strings.TrimSpace(p), d
	}
	rest := strings.TrimSpace(line)
	lower := strings.ToLower(rest)
	for _, pre := range pricePrefixes {
		if strings.HasPrefix(lower, pre) {
			rest = strings.TrimSpace(rest[len(pre):])
			break
		}
	}
	if len(rest) >= 9 && IsPartNumber(strings.ToUpper(rest[:9])) && (len(rest) == 9 || rest[9] == ' ' || rest[9] == '-') {
		d := strings.TrimSpace(rest[9:])
		d = strings.TrimSpace(strings.TrimPrefix(d, "-"))
		return strings.ToUpper(rest[:9]), d
	}
	return "", line
}
