package cli

import (
	"strconv"
	"unicode/utf8"
)

// The programs that stream JSON lines write them by hand, byte for byte
// as encoding/json would with HTML escaping off, so that a million
// objects cost no reflection; each program's tests compare its objects
// with encoding/json's.

const hexDigits = "0123456789abcdef"

// plain marks the ASCII bytes a JSON string holds as they are.
var plain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// AppendString appends s as encoding/json writes a string with HTML
// escaping off: quotes, backslashes and control characters escaped,
// invalid UTF-8 as U+FFFD, and U+2028 and U+2029 escaped.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if plain[c] {
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

// An Object appends the members of one JSON object, in the order they are
// added: b = cli.StartObject(b).Str("event", "line").Int("line", 1).End().
type Object struct {
	b     []byte
	first bool
}

// StartObject begins an object at the end of b.
func StartObject(b []byte) Object { return Object{b: append(b, '{'), first: true} }

// key appends a member's name, which is a Go identifier: it needs no
// escaping.
func (o Object) key(k string) Object {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
	return o
}

// Str adds a string member.
func (o Object) Str(k, v string) Object {
	o = o.key(k)
	o.b = AppendString(o.b, v)
	return o
}

// Int adds an integer member.
func (o Object) Int(k string, v int64) Object {
	o = o.key(k)
	o.b = strconv.AppendInt(o.b, v, 10)
	return o
}

// End closes the object and a line, and returns the bytes.
func (o Object) End() []byte { return append(o.b, '}', '\n') }
