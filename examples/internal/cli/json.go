package cli

import (
	"strconv"
	"unicode/utf8"

	"github.com/vlrules/vlrules/licensing"
)

// The programs that stream JSON lines write them by hand, byte for byte
// as encoding/json would with HTML escaping off, so that a million
// objects cost no reflection; each program's tests compare its objects
// with encoding/json's.

const hexDigits = "0123456789abcdef"

// plain holds the bytes AppendString copies as they are: ASCII from the
// space on, but for the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// Plain reports whether AppendString copies every byte of s as it is,
// reading eight bytes at a time: then so it does every byte of its
// substrings and of its words joined by spaces, and a program may write
// them between quotes without looking again.
func Plain(s string) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		quote, backslash := x^(lo*'"'), x^(lo*'\\')
		if (x|(x-lo*' ')|(quote-lo)&^quote|(backslash-lo)&^backslash)&hi != 0 {
			return false // a byte from 0x80, below the space, a quote or a backslash
		}
	}
	for ; i < len(s); i++ {
		if !plain[s[i]] {
			return false
		}
	}
	return true
}

// AppendString appends s as encoding/json writes a string with HTML
// escaping off: quotes, backslashes and control characters escaped,
// invalid UTF-8 as U+FFFD, and U+2028 and U+2029 escaped.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		for i < len(s) && plain[s[i]] { // most bytes: copied as they are
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
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

// Date adds a date member, as its MarshalText writes it: "2018-07-15",
// or "" for the zero Date. Dates and points have methods of their own
// rather than one taking an interface, which would cost an allocation
// for each value it boxes.
func (o Object) Date(k string, d licensing.Date) Object {
	o = o.key(k)
	o.b, _ = d.AppendText(append(o.b, '"')) // digits and hyphens: nothing to escape
	o.b = append(o.b, '"')
	return o
}

// Points adds a points member, as its MarshalText writes it: "42.5",
// "25/12".
func (o Object) Points(k string, p licensing.Points) Object {
	o = o.key(k)
	o.b, _ = p.AppendText(append(o.b, '"')) // digits, a sign, a point, a slash, a space
	o.b = append(o.b, '"')
	return o
}

// End closes the object and a line, and returns the bytes.
func (o Object) End() []byte { return append(o.b, '}', '\n') }
