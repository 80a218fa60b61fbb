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
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
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

// parser reads any program's descriptions, and those with no program
// token, reading each once with every program's rules: it reads what the
// programs' parsers tried in turn would read.
var parser = func() *sku.Reader {
	r, err := sku.Combine(sku.DefaultTokens(), openvalue.ReadingRules(), openlicense.ReadingRules(), selectplus.ReadingRules())
	if err != nil {
		panic(err)
	}
	return r
}()

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
	var d sku.Description
	l := readLine(line, &d)
	r := result{Part: l.part, Description: l.description, Error: l.err,
		Program: text(d.Program), Offering: text(d.Offering), Level: text(d.Level),
		CoverageYears: d.CoverageYears, AcquiredYear: d.AcquiredYear, Scope: text(d.Scope),
		Language: d.Language, Product: d.Product, Version: d.Version, PackSize: d.PackSize,
		LicenseModel: text(d.LicenseModel), Segment: text(d.Segment), Unknown: []string{}}
	for _, u := range d.Unknown {
		r.Unknown = append(r.Unknown, u.Text)
	}
	return r
}

// A line is a line read: its part and description, and its error's text,
// "" when it was read; the description's fields are in a sku.Description
// beside it.
type line struct {
	part, description, err string
}

// readLine reads one line into d. Reading every line into one d reuses
// its Unknown array.
func readLine(s string, d *sku.Description) line {
	part, desc := sku.SplitLine(s)
	l := line{part: part, description: desc}
	err := parser.ParseInto(desc, d)
	if err == nil && part != "" {
		if _, perr := licensing.ParsePartNumber(part); perr != nil {
			err = perr
		}
	}
	if err != nil {
		l.err = err.Error()
	}
	return l
}

// appendJSON appends the object of l and d and a newline, as a
// json.Encoder that does not escape HTML writes the line's result. When
// plain (see cli.Plain) is true of the line's part and description, every
// string from them is written as it is.
func appendJSON(b []byte, l *line, d *sku.Description, plain bool) []byte {
	str := func(key, v string) {
		if b = append(b, key...); plain {
			b = append(append(append(b, ':', '"'), v...), '"')
		} else {
			b = cli.AppendString(append(b, ':'), v)
		}
	}
	num := func(key string, v int) { b = strconv.AppendInt(append(append(b, key...), ':'), int64(v), 10) }
	b = append(b, '{')
	str(`"part"`, l.part)
	str(`,"description"`, l.description)
	b = append(append(b, `,"program":`...), programJSON.of(d.Program)...)
	b = append(append(b, `,"offering":`...), offeringJSON.of(d.Offering)...)
	b = append(append(b, `,"level":`...), levelJSON.of(d.Level)...)
	num(`,"coverageYears"`, d.CoverageYears)
	num(`,"acquiredYear"`, d.AcquiredYear)
	b = append(append(b, `,"scope":`...), scopeJSON.of(d.Scope)...)
	str(`,"language"`, d.Language)
	str(`,"product"`, d.Product)
	str(`,"version"`, d.Version)
	num(`,"packSize"`, d.PackSize)
	b = append(append(b, `,"licenseModel":`...), modelJSON.of(d.LicenseModel)...)
	b = append(append(b, `,"segment":`...), segmentJSON.of(d.Segment)...)
	b = append(b, `,"unknown":[`...)
	for i, u := range d.Unknown {
		if i > 0 {
			b = append(b, ',')
		}
		if plain {
			b = append(append(append(b, '"'), u.Text...), '"')
		} else {
			b = cli.AppendString(b, u.Text)
		}
	}
	b = cli.AppendString(append(b, `],"error":`...), l.err)
	return append(b, '}', '\n')
}

// A names holds the JSON string of text(v) for every value v of an enum
// of at most 256 values, so that writing a line's enums costs no String
// call.
type names[T ~uint8] [256]string

// namesOf returns the names of the enum T.
func namesOf[T interface {
	~uint8
	fmt.Stringer
}]() *names[T] {
	var n names[T]
	for v := range n {
		n[v] = string(cli.AppendString(nil, text(T(v))))
	}
	return &n
}

func (n *names[T]) of(v T) string { return n[v] }

var (
	programJSON  = namesOf[licensing.Program]()
	offeringJSON = namesOf[licensing.Offering]()
	levelJSON    = namesOf[licensing.Level]()
	scopeJSON    = namesOf[sku.Scope]()
	modelJSON    = namesOf[sku.LicenseModel]()
	segmentJSON  = namesOf[licensing.Segment]()
)

// run reads the lines of in one at a time and writes each one's object as
// it is read: only the line being read is held (and, for the aligned
// table, the table).
func run(in io.Reader, out io.Writer, asJSON bool) error {
	br := bufio.NewReaderSize(cli.SkipBOM(in), 64<<10)
	bw := bufio.NewWriterSize(out, 64<<10)
	defer bw.Flush()
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	if !asJSON {
		fmt.Fprintln(tw, "part\tproduct\tversion\tprogram\toffering\tlevel\tcov\tacq\tscope\tlanguage\tpack\tmodel\tsegment\tunknown\terror")
	}
	var obj []byte
	var d sku.Description
	var long []byte // a line longer than the reader's buffer
	for {
		chunk, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long, chunk...)
			continue
		}
		if err != nil && err != io.EOF {
			return err
		}
		if long != nil {
			chunk, long = append(long, chunk...), nil
		}
		if err == io.EOF && len(chunk) == 0 {
			break
		}
		// A line ends at "\n", "\r\n" or, from old Macs, "\r".
		for seg := range bytes.SplitSeq(bytes.TrimRight(chunk, "\r\n"), []byte{'\r'}) {
			if len(bytes.TrimSpace(seg)) == 0 {
				continue
			}
			line := string(seg)
			if asJSON {
				l := readLine(line, &d)
				obj = appendJSON(obj[:0], &l, &d, cli.Plain(l.part) && cli.Plain(l.description))
				if _, err := bw.Write(obj); err != nil {
					return err
				}
				continue
			}
			r := read(line)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.Part, r.Product, r.Version, r.Program,
				r.Offering, r.Level, r.CoverageYears, r.AcquiredYear, r.Scope, r.Language, r.PackSize, r.LicenseModel, r.Segment,
				strings.Join(r.Unknown, " "), r.Error)
		}
		if err == io.EOF {
			break
		}
	}
	if !asJSON {
		return tw.Flush()
	}
	return nil
}
