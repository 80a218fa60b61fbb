// Command openlicense tells a reseller what a customer's planned first Open
// License order qualifies for: Open Business (five licenses, OL-01), and
// Open Volume in each pool (500 points, or in EMEA 150 in the pool and 500
// in the order, OL-09 to OL-11), with the points each pool still misses.
//
//	openlicense [-json] [-region R] [-catalog FILE] [-date DATE] [-sa-points] ORDER.csv
//
// ORDER.csv has the header product,offering,quantity. Products are looked
// up among the Open License rows of the catalog (-catalog reads a catalog
// CSV in the licensing package's format; by default the built-in catalog
// of the guides' examples); offering is L, L&SA or SA (or License,
// LicenseSA). A bad row is an error naming its line and field, with
// nothing printed on standard output, and the exit status is 2.
//
// -region takes a region or a country code the region table knows
// (default: North America, outside EMEA). -date is the initial order date:
// the output then gives the authorization's start and its last day to
// reorder (OL-19). -sa-points counts two years of SA points of L&SA and SA
// lines toward Open Volume (OL-11 reading (b)); by default only license
// points count.
//
// With -json it prints exactly one JSON object:
//
//	{"licenses":N,"openBusiness":{"eligible":B,"missing":N},
//	 "openVolume":{"eligible":B,"total":P,"pools":[{"pool":"Applications","points":P,"eligible":B,"missing":P},...]},
//	 "authorization":{"start":D,"lastDayToReorder":D}}
//
// with one pool entry for each pool the order has a line in (Applications,
// Systems, Servers), points as exact strings ("400", "42.5"), and
// authorization only with -date. Without -json it prints a table per pool,
// the lines that would be Open Business lines, and a sentence for the
// quote.
//
// Example:
//
//	go run ./examples/openlicense -region DE examples/openlicense/testdata/order.csv
package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/openlicense"
)

func main() { os.Exit(cli.Exit("openlicense", run(os.Args[1:], os.Stdout), os.Stderr)) }

const usage = "openlicense [-json] [-region R] [-catalog FILE] [-date DATE] [-sa-points] ORDER.csv"

// result is the JSON object, its fields in the documented order.
type result struct {
	Licenses      int64              `json:"licenses"`
	OpenBusiness  openBusinessJSON   `json:"openBusiness"`
	OpenVolume    openVolumeJSON     `json:"openVolume"`
	Authorization *authorizationJSON `json:"authorization,omitempty"`
}

type openBusinessJSON struct {
	Eligible bool  `json:"eligible"`
	Missing  int64 `json:"missing"`
}

type openVolumeJSON struct {
	Eligible bool       `json:"eligible"`
	Total    string     `json:"total"`
	Pools    []poolJSON `json:"pools"`
}

type poolJSON struct {
	Pool     string `json:"pool"`
	Points   string `json:"points"`
	Eligible bool   `json:"eligible"`
	Missing  string `json:"missing"`
}

type authorizationJSON struct {
	Start            licensing.Date `json:"start"`
	LastDayToReorder licensing.Date `json:"lastDayToReorder"`
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("openlicense", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object")
	regionText := fs.String("region", "North America", "a region or a country code")
	catalogFile := fs.String("catalog", "", "a catalog CSV (default: the built-in catalog)")
	dateText := fs.String("date", "", "the initial order date: print the authorization's term")
	saPoints := fs.Bool("sa-points", false, "count two years of SA points toward Open Volume (OL-11 reading (b))")
	if err := cli.Parse(fs, args, w, usage, 1, 1); err != nil {
		return err
	}
	region, err := parseRegion(*regionText)
	if err != nil {
		return err
	}
	catalog := licensing.DefaultCatalog()
	if *catalogFile != "" {
		f, err := os.Open(*catalogFile)
		if err != nil {
			return err
		}
		catalog, err = licensing.ReadCatalog(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("-catalog %s: %w", *catalogFile, err)
		}
	}
	rules := openlicense.DefaultRules()
	rules.CountSA = *saPoints
	var start licensing.Date
	if *dateText != "" {
		if start, err = licensing.ParseDate(*dateText); err != nil {
			return fmt.Errorf("-date: %w", err)
		}
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	lines, fileLines, err := readOrder(f, catalog)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	q, err := rules.Qualify(lines, region)
	if fe := (*licensing.FieldError)(nil); errors.As(err, &fe) && fe.Line > 0 {
		err = licensing.Locate(err, "", fileLines[fe.Line-1]) // the order's line n is the file's line fileLines[n-1]
	}
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	res := result{Licenses: q.Licenses, OpenBusiness: openBusinessJSON{q.OpenBusiness, q.LicensesMissing},
		OpenVolume: openVolumeJSON{Eligible: q.OpenVolume(), Total: q.Total.String(), Pools: []poolJSON{}}}
	for _, p := range q.Pools {
		res.OpenVolume.Pools = append(res.OpenVolume.Pools, poolJSON{p.Pool.String(), p.Points.String(), p.Qualifies, p.Missing.String()})
	}
	if !start.IsZero() {
		end, err := rules.AuthorizationEnd(start)
		if err != nil {
			return fmt.Errorf("-date: %w", err)
		}
		res.Authorization = &authorizationJSON{start, end}
	}
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return printReport(w, q, lines, fileLines, res)
}

// parseRegion reads a region or a country code of the default table.
func parseRegion(s string) (licensing.Region, error) {
	regions := licensing.DefaultRegions()
	if r, err := regions.Parse(s); err == nil {
		return r, nil
	}
	if r, ok := regions.ForCountry(s); ok {
		return r, nil
	}
	return "", fmt.Errorf("-region %q: not a region or a country code the region table knows: %w", s, licensing.ErrInvalidRegion)
}

// orderColumns are the columns of ORDER.csv.
var orderColumns = []string{"product", "offering", "quantity"}

// readOrder reads ORDER.csv into lines of Open License products and the
// file line of each, naming the line and field of a bad row.
func readOrder(r io.Reader, catalog *licensing.Catalog) (lines []licensing.Line, fileLines []int, err error) {
	cr := csv.NewReader(cli.SkipBOM(r))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, errors.New("line 1: empty file: want the header " + strings.Join(orderColumns, ","))
	}
	if err != nil {
		return nil, nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(orderColumns, name) {
			return nil, nil, fmt.Errorf("line 1, column %d: unknown column %q (want the header %s)", i+1, h, strings.Join(orderColumns, ","))
		}
		if _, dup := col[name]; dup {
			return nil, nil, fmt.Errorf("line 1, column %d: column %q appears twice", i+1, h)
		}
		col[name] = i
	}
	for _, c := range orderColumns {
		if _, ok := col[c]; !ok {
			return nil, nil, fmt.Errorf("line 1: missing column %q (want the header %s)", c, strings.Join(orderColumns, ","))
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return nil, nil, fmt.Errorf("line %d: %d fields, want %d", line, len(rec), len(header))
		}
		field := func(name string) string { return strings.TrimSpace(rec[col[name]]) }
		bad := func(name string, err error) error {
			_, column := cr.FieldPos(col[name])
			return fmt.Errorf("line %d, column %d (%s): %w", line, column, name, err)
		}
		p, err := catalog.Lookup(licensing.OpenLicense, field("product"))
		if err != nil {
			return nil, nil, bad("product", err)
		}
		off, err := openlicense.ParseProductType(field("offering"))
		if err != nil {
			return nil, nil, bad("offering", err)
		}
		q, err := strconv.ParseInt(field("quantity"), 10, 64)
		if notDigits := strings.Trim(field("quantity"), "0123456789"); notDigits != "" || err != nil || q < 1 || q > licensing.MaxQuantity {
			return nil, nil, bad("quantity", fmt.Errorf("%q: want a whole number from 1 to %d: %w", field("quantity"), licensing.MaxQuantity, licensing.ErrInvalidQuantity))
		}
		lines = append(lines, licensing.Line{Product: p, Offering: off, Quantity: q})
		fileLines = append(fileLines, line)
	}
	if len(lines) == 0 {
		return nil, nil, fmt.Errorf("line 2: the file has a header and no order lines: %w", licensing.ErrInvalidOrder)
	}
	return lines, fileLines, nil
}

// printReport prints the readable report.
func printReport(w io.Writer, q openlicense.Qualification, lines []licensing.Line, fileLines []int, res result) error {
	region := string(q.Region)
	if q.EMEA {
		region += " (EMEA: 150 points in a pool and 500 in the order, OL-10)"
	} else {
		region += " (500 points in a pool, OL-09)"
	}
	fmt.Fprintf(w, "region        %s\n", region)
	fmt.Fprintf(w, "Open Business %d licenses: %s\n", q.Licenses, verdict(q.OpenBusiness, fmt.Sprintf("%d more needed (OL-01)", q.LicensesMissing)))
	fmt.Fprintf(w, "Open Volume   %s points in the order\n\n", q.Total.Display())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "pool\tpoints\tOpen Volume\tmissing")
	for _, p := range q.Pools {
		fmt.Fprintf(tw, "%v\t%s\t%s\t%s\n", p.Pool, p.Points.Display(), verdict(p.Qualifies, "no"), p.Missing.Display())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(q.BusinessLines) > 0 {
		fmt.Fprintln(w, "\nOpen Business lines (their pools do not qualify for Open Volume, OL-09):")
		for _, n := range q.BusinessLines {
			l := lines[n-1]
			fmt.Fprintf(w, "  line %d: %d × %s %v\n", fileLines[n-1], l.Quantity, l.Product.Name, l.Offering)
		}
	}
	if a := res.Authorization; a != nil {
		fmt.Fprintf(w, "\nauthorization %v to %v, the last day to reorder (OL-19)\n", a.Start, a.LastDayToReorder)
	}
	fmt.Fprintf(w, "\n%s\n", q.Advice())
	return nil
}

func verdict(ok bool, otherwise string) string {
	if ok {
		return "qualifies"
	}
	return otherwise
}
