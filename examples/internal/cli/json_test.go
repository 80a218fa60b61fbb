package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

// AppendString writes what encoding/json writes for any string, and Plain
// is true exactly of the ASCII strings it copies as they are.
func TestAppendStringAsEncodingJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(), rapid.StringMatching(`[ -~]{0,20}`), rapid.StringMatching(`[a-z"\\\x00-\x1f\x7f\x{2028}\x{2029}<>&]{0,12}`),
			rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) })).Draw(t, "s")
		want, err := json.Marshal(s) // HTML escaping aside, which no program turns on
		if err != nil {
			t.Fatal(err)
		}
		got := AppendString(nil, s)
		if string(got) != jsonWithoutHTMLEscapes(want) {
			t.Fatalf("AppendString(%q) = %s, encoding/json %s", s, got, want)
		}
		// Plain is true of the ASCII strings AppendString copies as they
		// are, and of nothing it escapes.
		ascii := !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf })
		if asIs := string(got) == `"`+s+`"`; Plain(s) != (asIs && ascii) {
			t.Fatalf("Plain(%q) = %v; copied as it is: %v, ASCII: %v", s, Plain(s), asIs, ascii)
		}
	})
}

// jsonWithoutHTMLEscapes undoes json.Marshal's escapes of <, > and &, as an
// Encoder with SetEscapeHTML(false) writes them.
func jsonWithoutHTMLEscapes(b []byte) string {
	var out []byte
	for i := 0; i < len(b); i++ {
		if i+5 < len(b) && b[i] == '\\' && b[i+1] == 'u' && string(b[i+2:i+4]) == "00" {
			switch string(b[i+4 : i+6]) {
			case "3c":
				out, i = append(out, '<'), i+5
				continue
			case "3e":
				out, i = append(out, '>'), i+5
				continue
			case "26":
				out, i = append(out, '&'), i+5
				continue
			}
		}
		if b[i] == '\\' && i+1 < len(b) { // any other escape: copied whole
			out = append(out, b[i], b[i+1])
			i++
			continue
		}
		out = append(out, b[i])
	}
	return string(out)
}

// Date and Points write what encoding/json writes for the value, which
// marshals it as text: any date of the calendar, the zero Date, and points
// in any units, negative or not.
func TestObjectDateAndPoints(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var d licensing.Date
		if rapid.Bool().Draw(t, "dated") {
			d = licensing.MustParseDate("0001-01-01").AddDays(rapid.IntRange(0, 3652058).Draw(t, "days"))
		}
		p := licensing.PointsFromUnits(rapid.Int64Range(-1e12, 1e12).Draw(t, "units"))
		want, _ := json.Marshal(struct {
			D licensing.Date   `json:"d"`
			P licensing.Points `json:"p"`
		}{d, p})
		got := StartObject(nil).Date("d", d).Points("p", p).End()
		if string(got) != jsonWithoutHTMLEscapes(want)+"\n" {
			t.Fatalf("wrote %s, want %s", got, want)
		}
	})
}
