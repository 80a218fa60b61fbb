package enum_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/vlrules/vlrules/internal/enum"
	"pgregory.net/rapid"
)

var errInvalidColor = errors.New("invalid color")

// color is a small enum written the way enumgen writes the real ones.
type color uint8

const (
	red color = iota + 1
	green
	lightBlue
)

var colorSet = enum.New[color]("paint", "Color", errInvalidColor,
	[]string{red: "Red", green: "Green", lightBlue: "LightBlue"}, "Red Green LightBlue",
	[]enum.Spelling[color]{{Value: lightBlue, Texts: []string{"light blue"}, Rule: "X-01"}, {Value: green, Texts: []string{"verde"}, Rule: "X-02"}})

func (c color) IsValid() bool                    { return colorSet.Valid(c) }
func (c color) String() string                   { return colorSet.String(c) }
func (c color) GoString() string                 { return colorSet.GoString(c) }
func (c color) MarshalText() ([]byte, error)     { return colorSet.AppendText(nil, c) }
func (c *color) UnmarshalText(text []byte) error { return colorSet.UnmarshalText(c, text) }

func TestVerify(t *testing.T) {
	if err := enum.Verify(colorSet.Values(), colorSet.Parse, colorSet.Spellings()); err != nil {
		t.Fatal(err)
	}
	// Verify fails where the tables are wrong.
	wrong := []enum.Spelling[color]{{Value: green, Texts: []string{"light blue"}, Rule: "X-01"}}
	if err := enum.Verify(colorSet.Values(), colorSet.Parse, wrong); err == nil {
		t.Fatal("Verify accepted a spelling of the wrong value")
	}
	if err := enum.Verify([]color{red, lightBlue}, colorSet.Parse, nil); err == nil {
		t.Fatal("Verify accepted values that skip one")
	}
}

// mangle writes s the way users do: any case, blanks around it, several
// blanks or tabs between words.
func mangle(t *rapid.T, s string) string {
	var b strings.Builder
	b.WriteString(rapid.SampledFrom([]string{"", " ", "  ", "\t"}).Draw(t, "leading"))
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteString(rapid.SampledFrom([]string{" ", "  ", "\t", " \t "}).Draw(t, "gap"))
		case rapid.Bool().Draw(t, "upper"):
			b.WriteRune(unicode.ToUpper(r))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	b.WriteString(rapid.SampledFrom([]string{"", " ", "\n"}).Draw(t, "trailing"))
	return b.String()
}

// Parse reads every name and spelling however it is cased and spaced, and
// text marshaling round-trips.
func TestParseAndText(t *testing.T) {
	texts := []string{"Red", "Green", "LightBlue", "light blue", "verde"}
	want := []color{red, green, lightBlue, lightBlue, green}
	rapid.Check(t, func(t *rapid.T) {
		i := rapid.IntRange(0, len(texts)-1).Draw(t, "text")
		got, err := colorSet.Parse(mangle(t, texts[i]))
		if err != nil || got != want[i] {
			t.Fatalf("Parse(%q) = %v, %v; want %v", texts[i], got, err, want[i])
		}
		b, err := colorSet.AppendText([]byte("x"), got)
		if err != nil || string(b) != "x"+got.String() {
			t.Fatalf("AppendText = %q, %v", b, err)
		}
	})
}

// Anything else is refused with the sentinel, never a panic.
func TestParseRefuses(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		v, err := colorSet.Parse(s)
		known := map[string]bool{"red": true, "green": true, "lightblue": true, "light blue": true, "verde": true}
		if known[enum.Normalize(s)] {
			if err != nil {
				t.Fatalf("Parse(%q): %v", s, err)
			}
			return
		}
		if !errors.Is(err, errInvalidColor) || v != 0 {
			t.Fatalf("Parse(%q) = %v, %v; want the sentinel", s, v, err)
		}
	})
}

func TestStringsOfInvalidValues(t *testing.T) {
	for v, want := range map[color]string{0: "Color(0)", 4: "Color(4)", 255: "Color(255)"} {
		if got := v.String(); got != want {
			t.Errorf("String(%d) = %q, want %q", v, got, want)
		}
		if got := v.GoString(); got != "paint."+want {
			t.Errorf("GoString(%d) = %q", v, got)
		}
	}
	if got := lightBlue.GoString(); got != "paint.LightBlue" {
		t.Errorf("GoString = %q", got)
	}
	if _, err := color(9).MarshalText(); !errors.Is(err, errInvalidColor) {
		t.Errorf("MarshalText(9): %v", err)
	}
}

// New refuses tables that disagree.
func TestNewRefusesBadTables(t *testing.T) {
	for name, f := range map[string]func(){
		"two values, one spelling": func() {
			enum.New[color]("p", "C", errInvalidColor, []string{1: "A", 2: "B"}, "A B",
				[]enum.Spelling[color]{{Value: 2, Texts: []string{"a"}, Rule: "X-01"}})
		},
		"unnamed value": func() {
			enum.New[color]("p", "C", errInvalidColor, []string{1: "A", 2: ""}, "A B", nil)
		},
		"Go names missing": func() { enum.New[color]("p", "C", errInvalidColor, []string{1: "A", 2: "B"}, "A", nil) },
		"spelling of nothing": func() {
			enum.New[color]("p", "C", errInvalidColor, []string{1: "A"}, "A", []enum.Spelling[color]{{Value: 5, Texts: []string{"z"}, Rule: "X-01"}})
		},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: New did not panic", name)
				}
			}()
			f()
		}()
	}
}
