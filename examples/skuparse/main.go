// Command skuparse reads price-list item descriptions and says what they
// mean, field by field, in the canonical vocabulary.
//
//	skuparse [-json] < descriptions.txt
//
// Each line of standard input is a DESCRIPTION or PART<TAB>DESCRIPTION
// ("Part#: PART - DESCRIPTION" works too); blank lines are skipped. Every
// style real price lists use is read: the long form, Microsoft's short
// form, the distributor's upper-case rewrite, expanded tokens, and reseller
// edits. Open Value, Open License and MVL items are read by their programs'
// parsers, descriptions with no program token too.
//
// With -json it prints exactly one JSON object per non-blank line, in input
// order, with the fields part, description, program, offering, level,
// coverageYears, acquiredYear, scope, language, product, version, packSize,
// licenseModel, segment, unknown (the tokens it could not place, in order)
// and error ("" when the line was read). packSize counts licenses: the
// number of a per-processor item ("2Proc") counts processors, which the
// canonical vocabulary has no field for; licenseModel says Processor, and
// the library's sku.Description.Processors holds the count. Without -json
// it prints an aligned table. A bad line never stops it: its object
// carries the error.
//
// Example:
//
//	printf '269-09046\tOffice Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd\n1YR VISIOSTD ALNG LICSAPK OLV NL AP\n' | go run ./examples/skuparse -json
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/licensing/sku"
	"github.com/vlrules/vlrules/openlicense"
	"github.com/vlrules/vlrules/openvalue"
	"github.com/vlrules/vlrules/selectplus"
)

const usage = "skuparse [-json] < DESCRIPTIONS"

func main() {
	fs := flag.NewFlagSet("skuparse", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	err := cli.Parse(fs, os.Args[1:], os.Stdout, usage, 0, 0)
	if err == nil {
		err = run(os.Stdin, os.Stdout, *asJSON)
	}
	os.Exit(cli.Exit("skuparse", err, os.Stderr))
}

// parser reads any program's descriptions, and those with no program token.
var parser = sku.Parsers{sku.ParserFunc(openvalue.ParseDescription), sku.ParserFunc(openlicense.ParseDescription),
	sku.ParserFunc(selectplus.ParseDescription)}

// result is one line's object, its fields in the canonical vocabulary's
// order.
type result struct {
	Part          string   `json:"part"`
	Description   string   `json:"description"`
	Program       string   `json:"program"`
	Offering      string   `json:"offering"`
	Level         string   `json:"level"`
	CoverageYears int      `json:"coverageYears"`
	AcquiredYear  int      `json:"acquiredYear"`
	Scope         string   `json:"scope"`
	Language      string   `json:"language"`
	Product       string   `json:"product"`
	Version       string   `json:"version"`
	PackSize      int      `json:"packSize"`
	LicenseModel  string   `json:"licenseModel"`
	Segment       string   `json:"segment"`
	Unknown       []string `json:"unknown"`
	Error         string   `json:"error"`
}

// text returns an enum's canonical name, or "" for its zero value.
func text[T interface {
	comparable
	fmt.Stringer
}](v T) string {
	var zero T
	if v == zero {
		return ""
	}
	return v.String()
}

// read reads one line.
func read(line string) result {
	part, desc := sku.SplitLine(line)
	r := result{Part: part, Description: desc, Unknown: []string{}}
	d, err := parser.ParseDescription(desc)
	if err == nil && part != "" {
		if _, perr := licensing.ParsePartNumber(part); perr != nil {
			err = perr
		}
	}
	if err != nil {
		r.Error = err.Error()
	}
	r.Program, r.Offering, r.Level = text(d.Program), text(d.Offering), text(d.Level)
	r.CoverageYears, r.AcquiredYear, r.Scope = d.CoverageYears, d.AcquiredYear, text(d.Scope)
	r.Language, r.Product, r.Version, r.PackSize = d.Language, d.Product, d.Version, d.PackSize
	r.LicenseModel, r.Segment = text(d.LicenseModel), text(d.Segment)
	for _, u := range d.Unknown {
		r.Unknown = append(r.Unknown, u.Text)
	}
	return r
}

func run(in io.Reader, out io.Writer, asJSON bool) error {
	br := bufio.NewReader(cli.SkipBOM(in))
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	if !asJSON {
		fmt.Fprintln(tw, "part\tproduct\tversion\tprogram\toffering\tlevel\tcov\tacq\tscope\tlanguage\tpack\tmodel\tsegment\tunknown\terror")
	}
	for {
		line, err := br.ReadString('\n') // no line is too long
		if err != nil && err != io.EOF {
			return err
		}
		if err == io.EOF && line == "" {
			break
		}
		// A line ends at "\n", "\r\n" or, from old Macs, "\r".
		for _, line := range strings.Split(strings.TrimRight(line, "\r\n"), "\r") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			r := read(line)
			if asJSON {
				if err := enc.Encode(r); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.Part, r.Product, r.Version, r.Program,
				r.Offering, r.Level, r.CoverageYears, r.AcquiredYear, r.Scope, r.Language, r.PackSize, r.LicenseModel, r.Segment,
				strings.Join(r.Unknown, " "), r.Error)
		}
	}
	if !asJSON {
		return tw.Flush()
	}
	return nil
}
