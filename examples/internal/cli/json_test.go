package cli

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

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

// textValue is a value whose AppendText writes s, or fails.
type textValue struct {
	s    string
	fail bool
}

func (v textValue) AppendText(b []byte) ([]byte, error) {
	if v.fail {
		return append(b, "partial"...), errors.New("cannot")
	}
	return append(b, v.s...), nil
}

func (v textValue) String() string { return "str:" + v.s }

// Text escapes what AppendText writes as any string, and writes String
// when AppendText fails.
func TestObjectText(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := textValue{rapid.String().Draw(t, "s"), rapid.Bool().Draw(t, "fail")}
		text := v.s
		if v.fail {
			text = v.String()
		}
		want, _ := json.Marshal(map[string]string{"k": text})
		got := StartObject(nil).Text("k", v).End()
		if string(got) != jsonWithoutHTMLEscapes(want)+"\n" {
			t.Fatalf("Text wrote %s, want %s", got, want)
		}
	})
}
