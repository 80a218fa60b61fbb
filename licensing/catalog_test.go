package licensing_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// GEN-04: the default catalog is the guides' example point list, keyed by
// program, names exactly as the guides write them.
func TestDefaultCatalog(t *testing.T) {
	c := licensing.DefaultCatalog()
	tests := []struct {
		program licensing.Program
		name    string
		family  string
		kind    licensing.Kind
		pool    licensing.Pool
		points  string
	}{
		{licensing.OpenLicense, "Office Professional", "Office", licensing.KindApplication, licensing.Applications, "2"},
		{licensing.OpenLicense, "Windows XP Standard Server", "Windows Server", licensing.KindServer, licensing.Servers, "15"},
		{licensing.SelectPlus, "Office Professional Plus", "Office", licensing.KindApplication, licensing.Applications, "2"},
		{licensing.SelectPlus, "Skype for Business", "Skype for Business", licensing.KindApplication, licensing.Applications, "1"},
		{licensing.SelectPlus, "Outlook", "Outlook", licensing.KindApplication, licensing.Applications, "1"},
		{licensing.SelectPlus, "Windows upgrade", "Windows", licensing.KindSystem, licensing.Systems, "2"},
		{licensing.SelectPlus, "Windows Server Essentials", "Windows Server", licensing.KindServer, licensing.Servers, "5"},
		{licensing.SelectPlus, "System Center Endpoint Protection", "System Center", licensing.KindServer, licensing.Servers, "1"},
		{licensing.SelectPlus, "Microsoft Online Services Subscription", "", licensing.KindOnlineService, 0, "1"},
	}
	if c.Len() != len(tests) {
		t.Errorf("DefaultCatalog has %d products, want %d", c.Len(), len(tests))
	}
	for _, tt := range tests {
		for _, name := range []string{tt.name, strings.ToUpper(tt.name), "  " + strings.ToLower(tt.name) + " "} {
			p, err := c.Lookup(tt.program, name)
			if err != nil {
				t.Fatalf("Lookup(%v, %q): %v", tt.program, name, err)
			}
			want := licensing.Product{Program: tt.program, Name: tt.name, Family: tt.family, Kind: tt.kind, Pool: tt.pool, Points: licensing.MustParsePoints(tt.points)}
			if p != want {
				t.Errorf("Lookup(%v, %q) = %#v, want %#v", tt.program, name, p, want)
			}
		}
	}
	// Keyed by program: Office Professional is not a Select Plus row.
	if _, err := c.Lookup(licensing.SelectPlus, "Office Professional"); !errors.Is(err, licensing.ErrUnknownProduct) {
		t.Errorf("Lookup(SelectPlus, Office Professional): err = %v, want ErrUnknownProduct", err)
	}
	for _, alias := range []string{"Windows upgrade (e.g. Windows Pro)", "windows pro"} {
		if p, err := c.Lookup(licensing.SelectPlus, alias); err != nil || p.Name != "Windows upgrade" {
			t.Errorf("Lookup(SelectPlus, %q) = %v, %v", alias, p, err)
		}
	}
}

// catalogGen builds a valid catalog from random rows, with names that need
// CSV quoting.
var catalogGen = rapid.Custom(func(t *rapid.T) *licensing.Catalog {
	n := rapid.IntRange(0, 12).Draw(t, "products")
	word := rapid.StringMatching(`[A-Za-z0-9"',#|.()-]{1,8}`)
	var entries []licensing.Entry
	seen := map[string]bool{}
	for i := range n {
		name := fmt.Sprintf("%s %s %d", word.Draw(t, "word"), word.Draw(t, "word"), i)
		kind := rapid.SampledFrom(licensing.Kinds()).Draw(t, "kind")
		pool := map[licensing.Kind]licensing.Pool{licensing.KindApplication: licensing.Applications,
			licensing.KindSystem: licensing.Systems, licensing.KindServer: licensing.Servers, licensing.KindCAL: licensing.Servers}[kind]
		if kind == licensing.KindOnlineService {
			pool = rapid.SampledFrom([]licensing.Pool{0, licensing.Applications, licensing.Servers}).Draw(t, "pool")
		}
		part := ""
		if rapid.Bool().Draw(t, "hasPart") {
			part = fmt.Sprintf("%03d-%05d", i, rapid.IntRange(0, 99999).Draw(t, "partNo"))
		}
		var aliases []string
		if rapid.Bool().Draw(t, "hasAlias") {
			alias := strings.ReplaceAll(fmt.Sprintf("alias %s %d", word.Draw(t, "alias"), i), "|", "/")
			if !seen[strings.ToLower(alias)] {
				aliases = append(aliases, alias)
			}
			seen[strings.ToLower(alias)] = true
		}
		entries = append(entries, licensing.Entry{
			Product: licensing.Product{
				Program:    rapid.SampledFrom(licensing.Programs()).Draw(t, "program"),
				Name:       name,
				PartNumber: part,
				Kind:       kind,
				Pool:       pool,
				Points:     licensePointsGen.Draw(t, "points"),
			},
			Aliases: aliases,
		})
	}
	c, err := licensing.NewCatalog(entries...)
	if err != nil {
		t.Fatalf("NewCatalog: %v", err)
	}
	return c
})

func TestCatalogRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := catalogGen.Draw(t, "catalog")
		var buf bytes.Buffer
		if err := licensing.WriteCatalog(&buf, c); err != nil {
			t.Fatalf("WriteCatalog: %v", err)
		}
		back, err := licensing.ReadCatalog(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("ReadCatalog of\n%s: %v", buf.Bytes(), err)
		}
		if diff := cmp.Diff(c.Entries(), back.Entries()); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
	})
}

func TestDefaultCatalogRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := licensing.WriteCatalog(&buf, licensing.DefaultCatalog()); err != nil {
		t.Fatal(err)
	}
	back, err := licensing.ReadCatalog(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(licensing.DefaultCatalog().Entries(), back.Entries()); diff != "" {
		t.Fatalf("mismatch (-want +got):\n%s", diff)
	}
}

func TestReadCatalogErrors(t *testing.T) {
	const header = "program,product,part,kind,pool,points,aliases\n"
	tests := []struct {
		name     string
		in       string
		line     int
		column   int
		field    string
		sentinel error
	}{
		{"empty", "", 1, 1, "", licensing.ErrInvalidCatalog},
		{"unknown column", "program,product,kind,pool,points,price\n", 1, 34, "price", licensing.ErrInvalidCatalog},
		{"missing column", "program,product,kind,pool\n", 1, 1, "points", licensing.ErrInvalidCatalog},
		{"bad program", header + "Foo,Office,,Application,Applications,2,\n", 2, 1, "program", licensing.ErrInvalidProgram},
		{"blank pool (GEN-04)", header + "SelectPlus,Office,,Application,,2,\n", 2, 32, "pool", licensing.ErrInvalidPool},
		{"bad pool", header + "SelectPlus,Office,,Application,Desktop,2,\n", 2, 32, "pool", licensing.ErrInvalidPool},
		{"kind and pool disagree (GEN-03)", header + "SelectPlus,Exchange CAL,,CAL,Applications,1,\n", 2, 30, "pool", licensing.ErrInvalidPool},
		{"inexact points (GEN-07)", header + "SelectPlus,Office,,Application,Applications,0.3,\n", 2, 45, "points", licensing.ErrInvalidPoints},
		{"quarter points (GEN-07)", header + "SelectPlus,Office,,Application,Applications,0.25,\n", 2, 45, "points", licensing.ErrInvalidPoints},
		{"negative points", header + "SelectPlus,Office,,Application,Applications,-1,\n", 2, 45, "points", licensing.ErrInvalidPoints},
		{"bad part", header + "SelectPlus,Office,269-0904,Application,Applications,2,\n", 2, 19, "part", licensing.ErrInvalidCatalog},
		{"no name", header + "SelectPlus,  ,,Application,Applications,2,\n", 2, 12, "product", licensing.ErrInvalidCatalog},
		{"short row", header + "SelectPlus,Office,,Application\n", 2, 1, "", licensing.ErrInvalidCatalog},
		{"duplicate name", header + "SelectPlus,Office,,Application,Applications,2,\nSelectPlus,OFFICE,,Application,Applications,1,\n", 3, 1, "", licensing.ErrInvalidCatalog},
		{"duplicate part", header + "SelectPlus,A,269-09046,Application,Applications,2,\nOpenValue,B,269-09046,Application,Applications,1,\n", 3, 1, "", licensing.ErrInvalidCatalog},
		{"bad quote", header + "SelectPlus,\"Office,,Application,Applications,2,\n", 2, 49, "", licensing.ErrInvalidCatalog},
		{"empty alias", header + "SelectPlus,Office,,Application,Applications,2,a||b\n", 2, 47, "aliases", licensing.ErrInvalidCatalog},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := licensing.ReadCatalog(strings.NewReader(tt.in))
			if c != nil {
				t.Errorf("ReadCatalog returned a catalog with %d products and error %v", c.Len(), err)
			}
			var ce *licensing.CatalogError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *CatalogError", err)
			}
			if !errors.Is(err, licensing.ErrInvalidCatalog) || !errors.Is(err, tt.sentinel) {
				t.Errorf("err = %v, want it to wrap ErrInvalidCatalog and %v", err, tt.sentinel)
			}
			if ce.Line != tt.line || ce.Column != tt.column || ce.Field != tt.field {
				t.Errorf("err at line %d, column %d, field %q; want %d, %d, %q (%v)", ce.Line, ce.Column, ce.Field, tt.line, tt.column, tt.field, err)
			}
		})
	}
}

// Malformed input gets a positioned error, never a panic and never a
// half-read catalog.
func TestReadCatalogMalformed(t *testing.T) {
	var buf bytes.Buffer
	if err := licensing.WriteCatalog(&buf, licensing.DefaultCatalog()); err != nil {
		t.Fatal(err)
	}
	valid := buf.String()
	rapid.Check(t, func(t *rapid.T) {
		in := []byte(valid)
		for range rapid.IntRange(1, 4).Draw(t, "edits") {
			at := rapid.IntRange(0, len(in)).Draw(t, "at")
			switch rapid.IntRange(0, 2).Draw(t, "edit") {
			case 0:
				if at < len(in) {
					in = slices.Delete(in, at, at+1)
				}
			case 1:
				in = slices.Insert(in, at, rapid.SampledFrom([]byte(",\"\n x|-.#0")).Draw(t, "byte"))
			case 2:
				in = in[:at]
			}
		}
		c, err := licensing.ReadCatalog(bytes.NewReader(in))
		checkCatalogResult(t, c, err)
	})
}

func checkCatalogResult(t interface{ Fatalf(string, ...any) }, c *licensing.Catalog, err error) {
	if err == nil {
		if c == nil {
			t.Fatalf("ReadCatalog = nil, nil")
		}
		return
	}
	var ce *licensing.CatalogError
	if c != nil || !errors.As(err, &ce) || ce.Line < 1 || ce.Column < 0 || !errors.Is(err, licensing.ErrInvalidCatalog) {
		t.Fatalf("ReadCatalog = %v, %v; want nil and a positioned *CatalogError", c, err)
	}
}

func TestCatalogConcurrentLookups(t *testing.T) {
	c := licensing.DefaultCatalog()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 200 {
				name := []string{"Outlook", "Windows Pro", "skype for business"}[(i+j)%3]
				if _, err := c.Lookup(licensing.SelectPlus, name); err != nil {
					t.Error(err)
					return
				}
				for range c.Products(licensing.SelectPlus) {
				}
			}
		}()
	}
	wg.Wait()
}

func TestNewCatalogRefusesBadEntries(t *testing.T) {
	good := licensing.Product{Program: licensing.SelectPlus, Name: "Outlook", Kind: licensing.KindApplication, Pool: licensing.Applications, Points: licensing.WholePoints(1)}
	bad := []licensing.Entry{
		{Product: licensing.Product{Program: licensing.SelectPlus, Name: " Outlook", Kind: licensing.KindApplication, Pool: licensing.Applications}},
		{Product: good, Aliases: []string{"a|b"}},
		{Product: good, Aliases: []string{""}},
	}
	for _, e := range bad {
		if _, err := licensing.NewCatalog(e); !errors.Is(err, licensing.ErrInvalidCatalog) {
			t.Errorf("NewCatalog(%#v): err = %v, want ErrInvalidCatalog", e, err)
		}
	}
	if _, err := licensing.NewCatalog(licensing.Entry{Product: good}, licensing.Entry{Product: good}); !errors.Is(err, licensing.ErrInvalidCatalog) {
		t.Errorf("duplicate product: err = %v, want ErrInvalidCatalog", err)
	}
	var nilCatalog *licensing.Catalog
	if _, err := nilCatalog.Lookup(licensing.SelectPlus, "Outlook"); !errors.Is(err, licensing.ErrUnknownProduct) || nilCatalog.Len() != 0 {
		t.Errorf("nil catalog lookup: %v", err)
	}
}

func FuzzReadCatalog(f *testing.F) {
	var buf bytes.Buffer
	if err := licensing.WriteCatalog(&buf, licensing.DefaultCatalog()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.String())
	f.Add("program,product,kind,pool,points\nOLV,Office,Application,Applications,2\n")
	f.Add("program,product,kind,pool,points\nSelectPlus,\"Office, \"\"Pro\"\"\",Application,Applications,0.5\n")
	f.Add("# comment\nPOOL,Product\n")
	f.Fuzz(func(t *testing.T, in string) {
		c, err := licensing.ReadCatalog(strings.NewReader(in))
		checkCatalogResult(t, c, err)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := licensing.WriteCatalog(&out, c); err != nil {
			t.Fatalf("WriteCatalog: %v", err)
		}
		back, err := licensing.ReadCatalog(&out)
		if err != nil {
			t.Fatalf("reading back what was written: %v\n%s", err, out.String())
		}
		if diff := cmp.Diff(c.Entries(), back.Entries()); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
	})
}
