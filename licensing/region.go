package licensing

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/vlrules/vlrules/internal/enum"
)

// ErrInvalidRegion is wrapped by every error that reports a malformed or unknown region.
var ErrInvalidRegion = errors.New("invalid region")

// A Region is a sales region that rules are keyed by: Open Value Subscription
// is not offered in North America (OV-03), Open Volume has its own entry rule
// in EMEA (OL-10), and Select Plus retirement exempts "some regions" (SP-01).
//
// A Region is its code, such as "NorthAmerica" or "EMEA". The guides name
// only those two (GEN-12); a [RegionTable] maps names, aliases and countries
// to regions, and users extend it with their own rows. Any code made of
// letters, digits, '-' and '_' is a valid Region, so a user's own region
// survives a text round trip. The zero Region (the empty code) means
// "unspecified".
type Region string

// The regions the guides name (GEN-12), and the two more of the default table.
const (
	NorthAmerica Region = "NorthAmerica"
	EMEA         Region = "EMEA" // Europe, Middle East and Africa
	LatinAmerica Region = "LatinAmerica"
	AsiaPacific  Region = "AsiaPacific"
)

// IsValid reports whether r is a well-formed region code: 1 to 64 letters,
// digits, '-' or '_'.
func (r Region) IsValid() bool {
	if len(r) == 0 || len(r) > 64 {
		return false
	}
	for _, c := range []byte(r) {
		if !isAlnum(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// String returns the region code, or "Region(invalid)" quoted for a code that
// is not well formed.
func (r Region) String() string {
	if r == "" || r.IsValid() {
		return string(r)
	}
	return "Region(" + strconv.Quote(string(r)) + ")"
}

// GoString returns the Go name of a default region (licensing.EMEA) or a
// conversion (licensing.Region("Nordics")).
func (r Region) GoString() string {
	for _, row := range defaultRegionRows {
		if row.Region == r {
			return "licensing." + string(r)
		}
	}
	return "licensing.Region(" + strconv.Quote(string(r)) + ")"
}

// AppendText implements [encoding.TextAppender]. The zero Region appends
// nothing; a malformed code is an error.
func (r Region) AppendText(b []byte) ([]byte, error) {
	if r != "" && !r.IsValid() {
		return b, fmt.Errorf("licensing: marshaling %v: %w", r, ErrInvalidRegion)
	}
	return append(b, r...), nil
}

// MarshalText implements [encoding.TextMarshaler].
func (r Region) MarshalText() ([]byte, error) { return r.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts every
// name or alias of the default table ("north america", "EMEA")
// and any other well-formed code as the user's own region. Empty text sets
// the zero Region.
func (r *Region) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*r = ""
		return nil
	}
	if v, err := ParseRegion(string(text)); err == nil {
		*r = v
		return nil
	}
	v := Region(strings.TrimSpace(string(text)))
	if !v.IsValid() {
		return fmt.Errorf("licensing: parsing region %q: %w", text, ErrInvalidRegion)
	}
	*r = v
	return nil
}

// ParseRegion parses a region code or alias of the default table, ignoring
// case and extra white space.
func ParseRegion(s string) (Region, error) { return DefaultRegions().Parse(s) }

// MustParseRegion is like [ParseRegion] but panics on error. It is meant for
// tests and package-level tables with constant input.
func MustParseRegion(s string) Region { return enum.Must(ParseRegion(s)) }

// A RegionRow is one row of a [RegionTable]: a region, the names users write
// for it, and the ISO 3166-1 alpha-2 codes of its countries.
type RegionRow struct {
	Region    Region
	Aliases   []string // other names, matched case-insensitively
	Countries []string // ISO 3166-1 alpha-2 codes, upper case
	Rule      RuleID
}

// A RegionTable maps region codes and aliases, and separately country codes,
// to regions. It is immutable: [RegionTable.With] returns a new table. The
// zero RegionTable is empty and ready to use. A RegionTable is safe for
// concurrent use.
type RegionTable struct {
	rows      []RegionRow
	names     map[string]Region // normalized code or alias → region
	countries map[string]Region // normalized country code → region
}

// defaultRegionRows is the default region table. North America is the United
// States and Canada (GEN-12's recommended reading; Mexico belongs to Latin
// America in Microsoft's usual split). EMEA is named by OL-10; its countries,
// and the two other regions, are outside the guides (LIB-01).
var defaultRegionRows = []RegionRow{
	{Region: NorthAmerica, Aliases: []string{"North America"}, Countries: []string{"US", "CA"}, Rule: "GEN-12"},
	{Region: EMEA, Aliases: []string{"Europe, Middle East and Africa", "Europe, Middle East, and Africa", "Europe"}, Countries: []string{
		// Europe
		"AD", "AL", "AT", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO", "FR",
		"GB", "GI", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT",
		"NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SK", "SM", "UA", "VA", "XK",
		// Middle East
		"AE", "BH", "IL", "IQ", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "TR", "YE",
		// Africa
		"AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EG", "ER", "ET", "GA",
		"GH", "GM", "GN", "GQ", "GW", "KE", "KM", "LR", "LS", "LY", "MA", "MG", "ML", "MR", "MU", "MW", "MZ",
		"NA", "NE", "NG", "RW", "SC", "SD", "SL", "SN", "SO", "SS", "ST", "SZ", "TD", "TG", "TN", "TZ", "UG",
		"ZA", "ZM", "ZW",
	}, Rule: "GEN-12"},
	{Region: LatinAmerica, Aliases: []string{"Latin America", "LATAM"}, Countries: []string{
		"AR", "BO", "BR", "BZ", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "HT", "JM", "MX", "NI", "PA",
		"PE", "PR", "PY", "SV", "TT", "UY", "VE",
	}, Rule: "LIB-01"},
	{Region: AsiaPacific, Aliases: []string{"Asia Pacific", "APAC"}, Countries: []string{
		"AU", "BD", "BN", "CN", "FJ", "HK", "ID", "IN", "JP", "KH", "KR", "LA", "LK", "MM", "MN", "MO", "MY",
		"NP", "NZ", "PG", "PH", "PK", "SG", "TH", "TW", "VN",
	}, Rule: "LIB-01"},
}

// DefaultRegions returns the default region table (GEN-12, LIB-01).
func DefaultRegions() RegionTable { return defaultRegions }

var defaultRegions = enum.Must(RegionTable{}.With(defaultRegionRows...))

// With returns a table with rows added after t's rows. A row for a region t
// already has adds aliases and countries to it. A name, alias or country that
// would map to two different regions is an error, and so is a malformed
// region code; t itself never changes.
func (t RegionTable) With(rows ...RegionRow) (RegionTable, error) {
	nt := RegionTable{rows: slices.Clone(t.rows), names: maps.Clone(t.names), countries: maps.Clone(t.countries)}
	if nt.names == nil {
		nt.names, nt.countries = map[string]Region{}, map[string]Region{}
	}
	for i, row := range rows {
		if !row.Region.IsValid() {
			return t, fmt.Errorf("licensing: region row %d: code %q: %w", i+1, row.Region, ErrInvalidRegion)
		}
		names := append([]string{string(row.Region)}, row.Aliases...)
		if err := addRegionKeys(nt.names, names, row.Region, i); err != nil {
			return t, err
		}
		if err := addRegionKeys(nt.countries, row.Countries, row.Region, i); err != nil {
			return t, err
		}
		row.Aliases = slices.Clone(row.Aliases)
		row.Countries = slices.Clone(row.Countries)
		nt.rows = append(nt.rows, row)
	}
	return nt, nil
}

func addRegionKeys(index map[string]Region, keys []string, r Region, i int) error {
	for _, k := range keys {
		n := enum.Normalize(k)
		if n == "" {
			return fmt.Errorf("licensing: region row %d (%s): empty alias or country: %w", i+1, r, ErrInvalidRegion)
		}
		if old, ok := index[n]; ok && old != r {
			return fmt.Errorf("licensing: region row %d (%s): %q already names %s: %w", i+1, r, k, old, ErrInvalidRegion)
		}
		index[n] = r
	}
	return nil
}

// Rows returns the table's rows in order. The caller owns the slice.
func (t RegionTable) Rows() []RegionRow {
	out := make([]RegionRow, len(t.rows))
	for i, r := range t.rows {
		r.Aliases = slices.Clone(r.Aliases)
		r.Countries = slices.Clone(r.Countries)
		out[i] = r
	}
	return out
}

// Parse returns the region that s names, by its code or an alias, ignoring
// case and extra white space. Country codes are looked up with ForCountry.
func (t RegionTable) Parse(s string) (Region, error) {
	if r, ok := t.names[enum.Normalize(s)]; ok {
		return r, nil
	}
	return "", fmt.Errorf("licensing: parsing region %q: %w", s, ErrInvalidRegion)
}

// ForCountry returns the region of an ISO 3166-1 alpha-2 country code,
// ignoring case.
func (t RegionTable) ForCountry(country string) (Region, bool) {
	r, ok := t.countries[enum.Normalize(country)]
	return r, ok
}
