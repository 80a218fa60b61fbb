package sku

import (
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// pricePrefixes are the words price lists put before a part number
// (SKU-01: "Part#: 269-09046 - Office …"), longest first.
var pricePrefixes = []string{"part #:", "part#:", "part no.", "part no", "part #", "part#", "part:", "part"}

// SplitLine separates a price-list line into its part number and its
// description. It reads "PART<TAB>DESCRIPTION", "Part#: PART -
// DESCRIPTION" (SKU-01), "PART - DESCRIPTION" and "PART DESCRIPTION" where
// PART has the shape of a part number; any other line is all description.
// With a tab, the part is whatever comes before it, for the caller to check
// with licensing.ParsePartNumber. The description is returned as written,
// blanks and all, except for the separator after a part.
func SplitLine(line string) (part, description string) {
	line = strings.TrimRight(line, "\r\n")
	if p, d, ok := strings.Cut(line, "\t"); ok {
		return strings.TrimSpace(p), d
	}
	rest := strings.TrimSpace(line)
	for _, pre := range pricePrefixes {
		if hasPrefixFold(rest, pre) {
			rest = strings.TrimSpace(rest[len(pre):])
			break
		}
	}
	// rest[3] == '-' first: ParsePartNumber builds an error for every
	// description it refuses.
	if len(rest) >= 9 && rest[3] == '-' && (len(rest) == 9 || rest[9] == ' ' || rest[9] == '-') {
		if p, err := licensing.ParsePartNumber(rest[:9]); err == nil {
			d := strings.TrimSpace(rest[9:])
			d = strings.TrimSpace(strings.TrimPrefix(d, "-"))
			return p, d
		}
	}
	return "", line
}

// hasPrefixFold reports whether s begins with the lower-case ASCII prefix,
// ignoring ASCII case. It agrees with strings.HasPrefix(strings.ToLower(s),
// prefix) for the price prefixes: no other character lower-cases to one
// of their bytes.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && equalFold(s[:len(prefix)], prefix)
}
