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
	"unicode/utf8"

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
	r, d := readLine(line)
	r.Unknown = []string{}
	for _, u := range d.Unknown {
		r.Unknown = append(r.Unknown, u.Text)
	}
	return r
}

// readLine reads one line into its object, leaving Unknown to the caller:
// the description's tokens are in d.Unknown.
func readLine(line string) (result, sku.Description) {
	part, desc := sku.SplitLine(line)
	r := result{Part: part, Description: desc}
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
	return r, d
}

// appendJSON appends r's object and a newline, as a json.Encoder that
// does not escape HTML writes it, with the unknown tokens of d.
func appendJSON(b []byte, r *result, d *sku.Description) []byte {
	str := func(key, v string) { b = appendString(append(append(b, key...), ':'), v) }
	num := func(key string, v int) { b = strconv.AppendInt(append(append(b, key...), ':'), int64(v), 10) }
	b = append(b, '{')
	str(`"part"`, r.Part)
	str(`,"description"`, r.Description)
	str(`,"program"`, r.Program)
	str(`,"offering"`, r.Offering)
	str(`,"level"`, r.Level)
	num(`,"coverageYears"`, r.CoverageYears)
	num(`,"acquiredYear"`, r.AcquiredYear)
	str(`,"scope"`, r.Scope)
	str(`,"language"`, r.Language)
	str(`,"product"`, r.Product)
	str(`,"version"`, r.Version)
	num(`,"packSize"`, r.PackSize)
	str(`,"licenseModel"`, r.LicenseModel)
	str(`,"segment"`, r.Segment)
	b = append(b, `,"unknown":[`...)
	for i, u := range d.Unknown {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, u.Text)
	}
	b = append(b, ']')
	str(`,"error"`, r.Error)
	return append(b, '}', '\n')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as encoding/json writes a string with HTML
// escaping off: quotes, backslashes and control characters escaped,
// invalid UTF-8 as U+FFFD, and U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			b = append(append(b, s[start:i]...), `\ufffd`...)
		} else if c == '\u2028' || c == '\u2029' {
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[c&0xf])
		} else {
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}

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
				r, d := readLine(line)
				obj = appendJSON(obj[:0], &r, &d)
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
