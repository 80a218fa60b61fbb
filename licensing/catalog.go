package licensing

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/vlrules/vlrules/internal/csvin"
	"github.com/vlrules/vlrules/internal/enum"
)

// An Entry is a product with the other names a catalog finds it by.
type Entry struct {
	Product Product
	Aliases []string // other names, matched case-insensitively like the name
}

// A Catalog is a product list: products keyed by program and name, with
// their license points and pools (GEN-04). Look-ups ignore case and extra
// white space. A Catalog is immutable once built and safe for concurrent
// use; a nil *Catalog is empty.
type Catalog struct {
	entries []Entry
	byName  map[catalogKey]int // (program, normalized name or alias) → entry
	byPart  map[string]int     // upper-case part number → entry
}

type catalogKey struct {
	program Program
	name    string
}

// NewCatalog builds a catalog from entries, in order. Every product must pass
// [Product.Validate]; two entries of one program may not share a name or
// alias, and two entries may not share a part number. The error names the
// entry (counting from 1) and wraps [ErrInvalidCatalog].
func NewCatalog(entries ...Entry) (*Catalog, error) {
	c := &Catalog{byName: make(map[catalogKey]int, len(entries)), byPart: make(map[string]int)}
	for i, e := range entries {
		if err := c.add(e); err != nil {
			if fe := (*FieldError)(nil); errors.As(err, &fe) {
				return nil, fmt.Errorf("licensing: catalog entry %d: %s %q: %w", i+1, fe.Field, fe.Value, fe.Err)
			}
			return nil, fmt.Errorf("licensing: catalog entry %d: %w", i+1, err)
		}
	}
	return c, nil
}

// add validates e and appends it; on error c is unchanged.
func (c *Catalog) add(e Entry) error {
	if err := e.Product.Validate(); err != nil {
		return errors.Join(ErrInvalidCatalog, err)
	}
	names := append([]string{e.Product.Name}, e.Aliases...)
	keys := make([]catalogKey, 0, len(names))
	for i, n := range names {
		k := catalogKey{e.Product.Program, enum.Normalize(n)}
		if k.name == "" || n != spaced(n) || (i > 0 && strings.Contains(n, aliasSeparator)) {
			return fmt.Errorf("%w: alias %q of %q: want single-spaced text without %q", ErrInvalidCatalog, n, e.Product.Name, aliasSeparator)
		}
		if j, ok := c.byName[k]; ok {
			return fmt.Errorf("%w: %s %q is already %q", ErrInvalidCatalog, e.Product.Program, n, c.entries[j].Product.Name)
		}
		if slices.Contains(keys, k) {
			continue // an alias that repeats the name adds nothing
		}
		keys = append(keys, k)
	}
	part := strings.ToUpper(e.Product.PartNumber)
	if part != "" {
		if j, ok := c.byPart[part]; ok {
			return fmt.Errorf("%w: part number %s is already %q", ErrInvalidCatalog, part, c.entries[j].Product.Name)
		}
		c.byPart[part] = len(c.entries)
	}
	for _, k := range keys {
		c.byName[k] = len(c.entries)
	}
	c.entries = append(c.entries, Entry{Product: e.Product, Aliases: slices.Clone(e.Aliases)})
	return nil
}

// Lookup returns program's product named name (or one of its aliases),
// ignoring case and extra white space. An unknown name is an error wrapping
// [ErrUnknownProduct].
func (c *Catalog) Lookup(program Program, name string) (Product, error) {
	if c != nil {
		if i, ok := c.byName[catalogKey{program, enum.Normalize(name)}]; ok {
			return c.entries[i].Product, nil
		}
	}
	return Product{}, fmt.Errorf("licensing: %s product %q: %w", program, name, ErrUnknownProduct)
}

// LookupPart returns the product with the given part number, ignoring case.
func (c *Catalog) LookupPart(part string) (Product, error) {
	if c != nil {
		if i, ok := c.byPart[strings.ToUpper(strings.TrimSpace(part))]; ok {
			return c.entries[i].Product, nil
		}
	}
	return Product{}, fmt.Errorf("licensing: part number %q: %w", part, ErrUnknownProduct)
}

// Len returns the number of products in c.
func (c *Catalog) Len() int {
	if c == nil {
		return 0
	}
	return len(c.entries)
}

// Entries returns c's entries in order. The caller owns the slice.
func (c *Catalog) Entries() []Entry {
	if c == nil {
		return nil
	}
	out := make([]Entry, len(c.entries))
	for i, e := range c.entries {
		out[i] = Entry{Product: e.Product, Aliases: slices.Clone(e.Aliases)}
	}
	return out
}

// Products returns an iterator over c's products in order, optionally only
// those of the given programs.
func (c *Catalog) Products(programs ...Program) iter.Seq[Product] {
	return func(yield func(Product) bool) {
		if c == nil {
			return
		}
		for _, e := range c.entries {
			if len(programs) > 0 && !slices.Contains(programs, e.Product.Program) {
				continue
			}
			if !yield(e.Product) {
				return
			}
		}
	}
}

// defaultEntries is the example point list of the guides (GEN-04), keyed by
// program: Office Professional is an Open License row and Office
// Professional Plus a Select Plus row. The guides give no pool for the
// Online Services subscription; it ships with none, so its points count in
// no pool until the user gives it one (GEN-04). "Windows XP Standard Server"
// is kept as the Open License guide writes it (GEN-02).
var defaultEntries = []Entry{
	{Product: Product{Program: OpenLicense, Name: "Office Professional", Family: "Office", Kind: KindApplication, Pool: Applications, Points: WholePoints(2)}},                                                           // GEN-04
	{Product: Product{Program: OpenLicense, Name: "Windows XP Standard Server", Family: "Windows Server", Kind: KindServer, Pool: Servers, Points: WholePoints(15)}},                                                     // GEN-02, GEN-04
	{Product: Product{Program: SelectPlus, Name: "Office Professional Plus", Family: "Office", Kind: KindApplication, Pool: Applications, Points: WholePoints(2)}},                                                       // GEN-04
	{Product: Product{Program: SelectPlus, Name: "Skype for Business", Family: "Skype for Business", Kind: KindApplication, Pool: Applications, Points: WholePoints(1)}},                                                 // GEN-04
	{Product: Product{Program: SelectPlus, Name: "Outlook", Family: "Outlook", Kind: KindApplication, Pool: Applications, Points: WholePoints(1)}},                                                                       // GEN-04
	{Product: Product{Program: SelectPlus, Name: "Windows upgrade", Family: "Windows", Kind: KindSystem, Pool: Systems, Points: WholePoints(2)}, Aliases: []string{"Windows upgrade (e.g. Windows Pro)", "Windows Pro"}}, // GEN-03, GEN-04
	{Product: Product{Program: SelectPlus, Name: "Windows Server Essentials", Family: "Windows Server", Kind: KindServer, Pool: Servers, Points: WholePoints(5)}},                                                        // GEN-04
	{Product: Product{Program: SelectPlus, Name: "System Center Endpoint Protection", Family: "System Center", Kind: KindServer, Pool: Servers, Points: WholePoints(1)}},                                                 // GEN-04
	{Product: Product{Program: SelectPlus, Name: "Microsoft Online Services Subscription", Kind: KindOnlineService, Points: WholePoints(1)}},                                                                             // GEN-04: pool not stated
}

var defaultCatalog = enum.Must(NewCatalog(defaultEntries...))

// DefaultCatalog returns the example product list of the guides (GEN-04).
// Real point lists are longer; load one with [ReadCatalog].
func DefaultCatalog() *Catalog { return defaultCatalog }

// The catalog CSV columns. The header row names them, in any order and any
// case; program, product, kind, pool and points are required, part, family
// and aliases optional.
var catalogColumns = []catalogColumn{
	{name: "program", required: true},
	{name: "product", required: true},
	{name: "part"},
	{name: "family"},
	{name: "kind", required: true},
	{name: "pool", required: true},
	{name: "points", required: true},
	{name: "aliases"},
}

type catalogColumn struct {
	name     string
	required bool
}

// aliasSeparator separates the names of the aliases column.
const aliasSeparator = "|"

// A CatalogError reports a bad row of a catalog CSV: its line and column
// (1-based, as encoding/csv counts them), the column name, and what is wrong.
// It wraps ErrInvalidCatalog and the field's own sentinel, such as
// ErrInvalidPool.
type CatalogError struct {
	Line   int
	Column int
	Field  string // the column name, or "" for a CSV syntax error
	Err    error
}

// Error returns "licensing: catalog line L, column C (field): what is wrong".
func (e *CatalogError) Error() string {
	s := fmt.Sprintf("licensing: catalog line %d, column %d", e.Line, e.Column)
	if e.Field != "" {
		s += " (" + e.Field + ")"
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns ErrInvalidCatalog and the underlying error.
func (e *CatalogError) Unwrap() []error { return []error{ErrInvalidCatalog, e.Err} }

// ReadCatalog reads a product list from CSV. The first record is a header
// naming the columns (see below); each later record is one product:
//
//	program,product,part,family,kind,pool,points,aliases
//	SelectPlus,Office Professional Plus,,Office,Application,Applications,2,
//	SelectPlus,Windows upgrade,,Windows,System,Systems,2,Windows Pro|Windows upgrade (e.g. Windows Pro)
//
// program is a [Program] (SelectPlus, OpenLicense, "Open Value", …);
// family the product family a price list groups it under (optional,
// LIB-06: Select Plus's SA-only window for Office reads it); kind a [Kind];
// pool a [Pool], or the word "unknown" for an online service whose pool is
// not stated (GEN-04), never blank; points the license points, whole or
// half ("2", "0.5"); part an optional part number; aliases optional other
// names separated by "|". Lines starting with '#' are comments.
//
// A bad record is reported as a *CatalogError with its line and column, and
// nothing is returned: ReadCatalog never returns a half-read catalog.
func ReadCatalog(r io.Reader) (*Catalog, error) {
	cr := csv.NewReader(csvin.Reader(r))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &CatalogError{Line: 1, Column: 1, Err: errors.New("empty input: want a header row")}
	}
	if err != nil {
		return nil, csvError(err)
	}
	col, err := catalogHeader(cr, header)
	if err != nil {
		return nil, err
	}
	c := &Catalog{byName: make(map[catalogKey]int), byPart: make(map[string]int)}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return c, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		e, err := catalogRecord(cr, rec, col, len(header))
		if err != nil {
			return nil, err
		}
		if err := c.add(e); err != nil {
			line, _ := cr.FieldPos(0)
			return nil, &CatalogError{Line: line, Column: 1, Err: err}
		}
	}
}

func csvError(err error) error {
	line, column, cause := csvin.Position(err)
	return &CatalogError{Line: line, Column: column, Err: cause}
}

// catalogHeader maps each known column name to its index in the header.
func catalogHeader(cr *csv.Reader, header []string) (map[string]int, error) {
	col := make(map[string]int)
	for i, h := range header {
		name := enum.Normalize(h)
		known := slices.ContainsFunc(catalogColumns, func(c catalogColumn) bool { return c.name == name })
		line, column := cr.FieldPos(i)
		if !known {
			return nil, &CatalogError{Line: line, Column: column, Field: h, Err: fmt.Errorf("unknown column %q", h)}
		}
		if _, dup := col[name]; dup {
			return nil, &CatalogError{Line: line, Column: column, Field: h, Err: fmt.Errorf("column %q twice", h)}
		}
		col[name] = i
	}
	for _, c := range catalogColumns {
		if _, ok := col[c.name]; c.required && !ok {
			line, _ := cr.FieldPos(0)
			return nil, &CatalogError{Line: line, Column: 1, Field: c.name, Err: fmt.Errorf("missing column %q", c.name)}
		}
	}
	return col, nil
}

// catalogRecord reads one product record.
func catalogRecord(cr *csv.Reader, rec []string, col map[string]int, width int) (Entry, error) {
	if len(rec) != width {
		line, _ := cr.FieldPos(0)
		return Entry{}, &CatalogError{Line: line, Column: 1, Err: fmt.Errorf("%d fields, want %d as in the header", len(rec), width)}
	}
	field := func(name string) (string, func(error) error) {
		i, ok := col[name]
		if !ok {
			return "", nil
		}
		line, column := cr.FieldPos(i)
		return strings.TrimSpace(rec[i]), func(err error) error {
			return &CatalogError{Line: line, Column: column, Field: name, Err: err}
		}
	}
	var e Entry
	var err error
	text, fail := field("program")
	if e.Product.Program, err = ParseProgram(text); err != nil {
		return Entry{}, fail(err)
	}
	text, fail = field("product")
	if text == "" {
		return Entry{}, fail(errors.New("product name is required"))
	}
	e.Product.Name = spaced(text)
	if text, fail = field("part"); text != "" {
		if e.Product.PartNumber, err = ParsePartNumber(text); err != nil {
			return Entry{}, fail(err)
		}
	}
	if text, _ = field("family"); text != "" {
		e.Product.Family = spaced(text)
	}
	text, fail = field("kind")
	if e.Product.Kind, err = ParseKind(text); err != nil {
		return Entry{}, fail(err)
	}
	text, fail = field("pool")
	switch {
	case text == "":
		return Entry{}, fail(fmt.Errorf("%w: a row must name its pool, or %q (GEN-04)", ErrInvalidPool, unknownPool))
	case strings.EqualFold(text, unknownPool):
		e.Product.Pool = 0
	default:
		if e.Product.Pool, err = ParsePool(text); err != nil {
			return Entry{}, fail(err)
		}
	}
	text, fail = field("points")
	if e.Product.Points, err = ParsePoints(text); err != nil {
		return Entry{}, fail(err)
	}
	if text, fail = field("aliases"); text != "" {
		for _, a := range strings.Split(text, aliasSeparator) {
			if a = spaced(a); a == "" {
				return Entry{}, fail(errors.New("empty alias"))
			}
			e.Aliases = append(e.Aliases, a)
		}
	}
	if err := e.Product.Validate(); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			_, fail = field(fe.Field)
			if fail != nil {
				return Entry{}, fail(err)
			}
		}
		line, _ := cr.FieldPos(0)
		return Entry{}, &CatalogError{Line: line, Column: 1, Err: err}
	}
	return e, nil
}

// WriteCatalog writes c as CSV in the form ReadCatalog reads, with a header
// and every column. ReadCatalog(WriteCatalog(c)) gives back c.
func WriteCatalog(w io.Writer, c *Catalog) error {
	cw := csv.NewWriter(w)
	header := make([]string, len(catalogColumns))
	for i, col := range catalogColumns {
		header[i] = col.name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, e := range c.Entries() {
		p := e.Product
		rec := []string{p.Program.String(), p.Name, p.PartNumber, p.Family, p.Kind.String(), poolText(p.Pool), p.Points.String(), strings.Join(e.Aliases, aliasSeparator)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// String returns a one-line summary: "Catalog(9 products)".
func (c *Catalog) String() string { return "Catalog(" + strconv.Itoa(c.Len()) + " products)" }
