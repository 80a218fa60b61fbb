package openlicense

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/internal/swar"
	"github.com/vlrules/vlrules/licensing/sku"
)

// reader reads descriptions with Open License's reading rules, and runs
// their check.
var reader = enum.Must(sku.Combine(sku.DefaultTokens(), readingRules))

// ParseDescription reads an Open License item description in any style
// (see sku.Reader.Parse): "ExchgSvrStd 2019 SNGL OLP NL",
// "Microsoft Project Professional German Academic OPEN 1 License Level B".
// An OLP row with no offering token is a License. A description of another
// program is refused with sku.ErrOtherProgram, and one of the Open License 5.0
// types VUP, PUP, UA or CUP with licensing.ErrNotEligible (OL-12); the refusals are
// *sku.ParseError values positioned at the token at fault.
func ParseDescription(s string) (sku.Description, error) { return reader.Parse(s) }

// checkRetired refuses a description that carries an Open License 5.0
// type (OL-12): the check of the reading rules. A 5.0 type is a word of
// its own, in the product or unknown; none is in the vocabulary, so every
// word of the input is looked at, where it stands.
func checkRetired(d sku.Description) error {
	s := d.Input
	if at, ok := retiredASCII(s); ok {
		if at < 0 {
			return nil
		}
		w := s[at:]
		for j := 0; j < len(w); j++ {
			if asciiSeparator(w[j]) {
				w = w[:j]
				break
			}
		}
		return &sku.ParseError{Input: s, Offset: at, Err: retired(w, false)}
	}
	isSep := func(r rune) bool { return unicode.IsSpace(r) || r == ',' }
	for at := 0; at < len(s); {
		i := strings.IndexFunc(s[at:], func(r rune) bool { return !isSep(r) })
		if i < 0 {
			break
		}
		at += i
		w := s[at:]
		if j := strings.IndexFunc(w, isSep); j >= 0 {
			w = w[:j]
		}
		if err := retired(w, false); err != nil {
			return &sku.ParseError{Input: s, Offset: at, Err: err}
		}
		at += len(w)
	}
	return nil
}

// asciiSeparator reports whether c separates words in an ASCII input as
// unicode.IsSpace or a comma does.
func asciiSeparator(c byte) bool {
	return c == ' ' || c == ',' || '\t' <= c && c <= '\r'
}

// retiredASCII finds the first word of s that is a 5.0 type's token, as
// checkRetired does, while the bytes are ASCII: its offset, or -1. It
// reports false when it meets a byte that is not ASCII before it finds one:
// then the words are unicode.IsSpace's. In an ASCII s it looks only at the
// words that hold retiredByte, found with strings.IndexByte.
func retiredASCII(s string) (int, bool) {
	if retiredByte == 0 || !swar.IsASCII(s) {
		return retiredEachByte(s)
	}
	lower, upper := -1, -1 // the next retiredByte in each case from from, once found
	for from := 0; ; {
		lower, upper = nextByte(s, from, lower, retiredByte), nextByte(s, from, upper, retiredByte&^0x20)
		p := lower
		if p < 0 || upper >= 0 && upper < p {
			p = upper
		}
		if p < 0 {
			return -1, true
		}
		start, end := p, p+1
		for start > 0 && !asciiSeparator(s[start-1]) {
			start--
		}
		for end < len(s) && !asciiSeparator(s[end]) {
			end++
		}
		if retiredToken(s[start:end]) {
			return start, true
		}
		from = end
	}
}

// nextByte returns the offset of the first c in s from from, or -1: at,
// where an earlier search found one, when it is still ahead.
func nextByte(s string, from, at int, c byte) int {
	if at >= from {
		return at
	}
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// retiredByte is a letter that every 5.0 type's token holds, lower case,
// or 0 when there is none: a word can be one of the tokens only if it
// holds it, in either case.
var retiredByte = func() byte {
	for c := byte('a'); c <= 'z'; c++ {
		if !slices.ContainsFunc(retiredTypes, func(r retiredType) bool { return !strings.ContainsRune(strings.ToLower(r.token), rune(c)) }) {
			return c
		}
	}
	return 0
}()

// retiredEachByte is retiredASCII a byte at a time, for the strings it
// does not search by retiredByte.
func retiredEachByte(s string) (int, bool) {
	start := -1 // the current word's
	for i := 0; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			if c = s[i]; c >= utf8.RuneSelf {
				return 0, false
			}
		}
		if !asciiSeparator(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && retiredToken(s[start:i]) {
			return start, true
		}
		start = -1
	}
	return -1, true
}

// retiredToken reports whether the ASCII word w is the token of one of
// retiredTypes, ignoring case, as retired finds it, without building the
// refusal: the lengths are compared first, so most words cost no more.
func retiredToken(w string) bool {
	for _, r := range retiredTypes {
		if len(w) == len(r.token) && strings.EqualFold(w, r.token) {
			return true
		}
	}
	return false
}
