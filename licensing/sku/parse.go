package sku

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vlrules/vlrules/internal/enum"
	"github.com/vlrules/vlrules/internal/swar"
	"github.com/vlrules/vlrules/licensing"
)

// A Reader reads price-list item descriptions in every style real lists use
// with one vocabulary of tokens, and writes them back ([Reader.Format]).
// Program packages build their readers with their own [ProgramRule] rows;
// [NewReader] builds one from a changed vocabulary. A Reader is immutable and
// safe for concurrent use.
type Reader struct {
	words     map[string]wordEntry // first word of every spelling, lower case
	slots     []uint32             // every word of every spelling, as a hash table for the hot path (see lookup)
	keys      []key                // by entry: the words lookup compares
	shift     uint                 // 64 less the bits of a slot index
	seed      uint64               // of the hash
	sameWords bool                 // no hash table separates the keys: compare each (see lookupEach)
	entries   []wordEntry          // what the slots point to, by index
	writes    map[writeKey]string  // what Format writes for a field's value in a style
	programs  []ProgramRule        // by program; empty when the reader reads every program
	groups    []int                // for each of programs, the index of the rules it came with (Combine)
	ruleAt    []int8               // by program: its index in programs, -1 for none
	refusals  []string             // by program: why a description of it is refused, "" for the reader's own
	singles   []string             // the words that are a spelling of their own, sorted
	checks    bool                 // the reader runs its rules' checks (Combine)
	anyRead   bool                 // a rule has no check: a description with no program token is read
	first     *Reader              // the first rules' own reader, for what it alone reads differently (Combine)
}

// A writeKey is a field's value in a style: what Format looks up.
type writeKey struct {
	field Field
	code  uint8 // enum value, qualifier bit, language code, or years
	style Style
}

// A wordEntry is what a word can start: a spelling of its own, and the
// longer spellings it begins, longest first.
type wordEntry struct {
	key       string // the word, lower case
	single    tokenValue
	hasSingle bool
	phrases   []phrase
}

// A phrase is a spelling of several words.
type phrase struct {
	rest    []string // the words after the first, lower case
	restIDs []int32  // their entries (index into Reader.entries plus one)
	v       tokenValue
}

// NewReader builds a reader from a vocabulary and the reading rules of the
// programs it reads. A row whose value does not parse, a spelling given
// twice, two rows Format would write for one value in one style, or a
// program given two rules is an error naming the row.
func NewReader(rows []TokenRow, programs ...ProgramRule) (*Reader, error) {
	return newReader(rows, programs)
}

// Combine builds a reader of the descriptions of several programs, each
// given by its reading rules (a program package's ReadingRules), that reads
// a description once and chooses the program from what it read (SKU-08):
// it runs the [ProgramRule.Check] of the program the description names, or,
// for a description with no program token, reads it when the check of one
// of the rules passes (a rule without a check always does). It returns
// what [ParseWith] returns with the programs' own parsers in the same
// order, without reading the description once per program: the
// description and nil, or the refusal of the program named; one whose year
// is out of range as the first program's parser reads it. A rule's Beats
// may name only programs of the same rules, and no program may be given
// twice.
func Combine(rows []TokenRow, programs ...[]ProgramRule) (*Reader, error) {
	if len(programs) == 0 {
		return nil, fmt.Errorf("sku: %w: Combine needs the reading rules of one program or more", ErrNoParser)
	}
	for g, rules := range programs {
		if len(rules) == 0 {
			return nil, fmt.Errorf("sku: reading rules %d: %w: empty", g+1, ErrNoParser)
		}
		for _, pr := range rules {
			for _, q := range pr.Beats {
				if !slices.ContainsFunc(rules, func(o ProgramRule) bool { return o.Program == q }) {
					return nil, fmt.Errorf("sku: reading rules %d: %w: %v beats %v, which is not of the same rules", g+1, licensing.ErrInvalidProgram, pr.Program, q)
				}
			}
		}
	}
	r, err := newReader(rows, programs...)
	if err != nil {
		return nil, err
	}
	r.checks = true
	for _, pr := range r.programs {
		r.anyRead = r.anyRead || pr.Check == nil
	}
	// Only a later program's Beats make the first program's reader read an
	// out-of-range description differently from the combined reader: then
	// that reader is kept for those.
	for _, rules := range programs[1:] {
		if slices.ContainsFunc(rules, func(pr ProgramRule) bool { return len(pr.Beats) > 0 }) {
			if r.first, err = newReader(rows, programs[0]); err != nil {
				return nil, err
			}
			break
		}
	}
	return r, nil
}

// newReader builds a reader from a vocabulary and the reading rules of one
// program or more, in groups.
func newReader(rows []TokenRow, groups ...[]ProgramRule) (*Reader, error) {
	r := &Reader{words: map[string]wordEntry{}, writes: map[writeKey]string{}}
	seen := map[string]bool{}
	for i, row := range rows {
		v, err := row.value()
		if err != nil {
			return nil, fmt.Errorf("sku: token row %d (%q): %w", i+1, row.Text, err)
		}
		words := strings.Fields(strings.ToLower(row.Text))
		key := strings.Join(words, " ")
		if len(words) == 0 || seen[key] {
			return nil, fmt.Errorf("sku: token row %d: %q is empty or given twice", i+1, row.Text)
		}
		seen[key] = true
		for _, st := range row.Writes {
			k := writeKey{v.field, v.code, st}
			if v.field == FieldCoverage || v.field == FieldAcquired {
				k.code = uint8(v.num)
			}
			if old, dup := r.writes[k]; dup {
				return nil, fmt.Errorf("sku: token row %d: Format would write both %q and %q in the %v form", i+1, old, row.Text, st)
			}
			r.writes[k] = strings.Join(strings.Fields(row.Text), " ")
		}
		e := r.words[words[0]]
		if len(words) == 1 {
			e.single, e.hasSingle = v, true
		} else {
			e.phrases = append(e.phrases, phrase{rest: words[1:], v: v})
			for j := len(e.phrases) - 1; j > 0 && len(e.phrases[j].rest) > len(e.phrases[j-1].rest); j-- {
				e.phrases[j], e.phrases[j-1] = e.phrases[j-1], e.phrases[j]
			}
		}
		r.words[words[0]] = e
	}
	for k, e := range r.words {
		if e.hasSingle {
			r.singles = append(r.singles, k)
		}
	}
	slices.Sort(r.singles)
	// Every word of every spelling has an entry, so that a phrase's words
	// are compared by entry; a word that only follows others starts
	// nothing.
	keys := slices.Sorted(maps.Keys(r.words))
	for _, e := range r.words {
		for _, p := range e.phrases {
			for _, w := range p.rest {
				if _, ok := r.words[w]; !ok && !slices.Contains(keys, w) {
					keys = append(keys, w)
				}
			}
		}
	}
	ids := map[string]int32{}
	for _, k := range keys {
		e := r.words[k]
		e.key = k
		r.entries = append(r.entries, e)
		ids[k] = int32(len(r.entries))
	}
	r.buildSlots()
	for i := range r.entries {
		e := &r.entries[i]
		e.phrases = slices.Clone(e.phrases)
		for j := range e.phrases {
			p := &e.phrases[j]
			p.restIDs = make([]int32, len(p.rest))
			for k, w := range p.rest {
				p.restIDs[k] = ids[w]
			}
		}
	}
	for g, programs := range groups {
		for _, pr := range programs {
			i := len(r.programs)
			if !pr.Program.IsValid() || (pr.Offering != 0 && !pr.Offering.IsValid()) {
				return nil, fmt.Errorf("sku: program rule %d: %w: want a program, and a valid offering or none", i+1, licensing.ErrInvalidProgram)
			}
			if _, dup := r.rule(pr.Program); dup {
				return nil, fmt.Errorf("sku: program rule %d: %w: %v given twice", i+1, licensing.ErrInvalidProgram, pr.Program)
			}
			pr.Beats = slices.Clone(pr.Beats)
			r.programs = append(r.programs, pr)
			r.groups = append(r.groups, g)
			for int(pr.Program) >= len(r.ruleAt) {
				r.ruleAt = append(r.ruleAt, -1)
			}
			r.ruleAt[pr.Program] = int8(len(r.programs) - 1)
		}
	}
	if len(r.programs) > 0 {
		// A description no rules read is refused as the first rules'
		// reader refuses it (ParseWith returns the first refusal).
		list := r.programList(0)
		for _, p := range licensing.Programs() {
			r.refusals = append(r.refusals, make([]string, int(p)+1-len(r.refusals))...)
			if _, own := r.rule(p); !own {
				r.refusals[p] = "program " + p.String() + " is not " + list
			}
		}
	}
	return r, nil
}

var defaultReader = enum.Must(NewReader(DefaultTokens()))

// DefaultReader returns the reader of the default vocabulary, with no
// program's reading rules: it reads every program's descriptions as the
// vocabulary spells them. The program packages' parsers add their rules
// (an Open License row with no offering is a License; OVS beats OLV).
func DefaultReader() *Reader { return defaultReader }

// Parse reads a description with the default reader; see [Reader.Parse].
func Parse(s string) (Description, error) { return defaultReader.Parse(s) }

// ParseDescription implements DescriptionParser; it is r.Parse.
func (r *Reader) ParseDescription(s string) (Description, error) { return r.Parse(s) }

// Format writes a description with the default reader; see [Reader.Format].
func Format(d Description, style Style) (string, error) { return defaultReader.Format(d, style) }

// rule returns the reading rule of program p, if the reader has one.
func (r *Reader) rule(p licensing.Program) (ProgramRule, bool) {
	if i := r.ruleIndex(p); i >= 0 {
		return r.programs[i], true
	}
	return ProgramRule{}, false
}

// ruleIndex returns the index in r.programs of the reading rule of program
// p, or -1 when the reader has none.
func (r *Reader) ruleIndex(p licensing.Program) int {
	if int(p) < len(r.ruleAt) {
		return int(r.ruleAt[p])
	}
	return -1
}

// beats reports whether program p's token wins over program q's.
func (r *Reader) beats(p, q licensing.Program) bool {
	i := r.ruleIndex(p)
	return i >= 0 && slices.Contains(r.programs[i].Beats, q)
}

// span is a token of the input: its bytes, the vocabulary's entry for it
// (looked up as it was scanned), and what it was read as. It holds no
// pointer, so that filling the spans costs no write barrier.
type span struct {
	start, end int32
	entry      int32 // index into Reader.entries plus one; 0 when the vocabulary has no such word
	v          tokenValue
	skip       bool // covered by the match of an earlier token
	n          int8 // tokens the match covers
}

// maxStackTokens is how many tokens a description may have before the
// reader allocates for them; real descriptions have fewer than twenty.
const maxStackTokens = 32

// Parse reads a description. Tokens are separated by white space and
// commas, and matched ignoring case, several words at a time where the
// vocabulary has phrases ("Lic/SA Pack", "Aq Y1", "No Level", "Level B").
// Besides the vocabulary it reads these patterns: a version ("2019",
// "2008R2", "9.0"); a pack size ("2Lic", "1License", "2Licenses", "1
// License"); processors ("2Proc": the Processor model for 2 processors,
// no pack size); cores
// added by a reseller ("4 Cores").
//
// The product is the words before the first token that is a version, a
// language, an offering or a program, or a distinctive abbreviation of the
// vocabulary, leaving out a coverage token a distributor moved to
// the front and a "Microsoft" a reseller put before it. A token after the
// product that fits no field, or a field already filled, is kept in Unknown
// with its offset. The last word of a description cut at 40 characters is
// read as the one spelling it begins, if only one fits ("CoreL").
//
// Every program reads its own program token (X-19: OLV alone is Open
// Value, an OVS token anywhere makes Open Value Subscription); an Open
// License row with no offering token is a License. Parse fails with a
// *ParseError only when nothing recognisable is left — an empty input or
// no product (ErrUnreadable) — or when a coverage or acquisition year is
// outside 1 to 3 (ErrOutOfRange); the Description it returns then holds
// what it read.
func (r *Reader) Parse(s string) (Description, error) {
	var d Description
	err := r.ParseInto(s, &d)
	return d, err
}

// ParseInto reads a description into d, as [Reader.Parse] does, and
// returns Parse's error. It overwrites every field of d; Unknown reuses
// d.Unknown's array when it has room, as append does, so that a caller
// reading many descriptions into one Description allocates nothing for
// them once it has grown.
func (r *Reader) ParseInto(s string, d *Description) error {
	unknownBuf := d.Unknown[:0]
	*d = Description{Input: s}
	var stack [maxStackTokens]span
	spans, ascii, anyYields, need := r.tokenize(s, stack[:0])
	if len(spans) == 0 {
		return &ParseError{Input: s, Offset: 0, Err: fmt.Errorf("%w: empty", ErrUnreadable)}
	}
	anyYields = r.matchAll(s, spans, need) || anyYields
	// The truncated last word of a 40-character description.
	if last := &spans[len(spans)-1]; !last.skip && last.n == 0 && isCut(s, ascii) {
		r.matchPrefix(s, last)
	}
	// A word such as "Open" fills its field only when no later token does;
	// otherwise it is a word of the product.
	for i := 0; anyYields && i < len(spans); i++ {
		if sp := &spans[i]; sp.n == 1 && sp.v.is(yields) && filledLater(spans, i) {
			sp.n, sp.v = 0, tokenValue{}
		}
	}

	// The product: after a leading coverage (distributor) and a leading
	// "Microsoft", up to the first token that ends it.
	i := 0
	distributor := false
	var fill filling
	for i < len(spans) {
		sp := &spans[i]
		if sp.n > 0 && sp.v.field == FieldCoverage && i == 0 {
			distributor = true
			fill.apply(r, s, sp)
		} else if sp.n > 0 && sp.v.field == FieldQualifier && Qualifiers(1)<<sp.v.code == VendorName && !nextIsDigit(s, spans, i) {
			fill.apply(r, s, sp)
		} else {
			break
		}
		i += int(sp.n)
	}
	productStart := i
	for i < len(spans) && !(spans[i].n > 0 && spans[i].v.is(ends)) {
		i++
	}
	if i == productStart {
		off := 0
		if i < len(spans) {
			off = int(spans[i].start)
		}
		fill.write(d, s)
		return &ParseError{Input: s, Offset: off, Err: fmt.Errorf("%w: no product", ErrUnreadable)}
	}
	d.Product = joinSpans(s, spans[productStart:i])

	// The fields. The tokens left unknown are moved to the front of spans,
	// in order: the spans before i are not looked at again.
	var rangeErr error
	unknown := 0
	for i < len(spans) {
		sp := &spans[i]
		n := int(sp.n)
		if n == 0 {
			if !sp.skip {
				spans[unknown] = *sp
				unknown++
			}
			i++
			continue
		}
		// fill.apply, spelled out so that its common case costs no call
		// (the compiler does not inline apply).
		if fi, bit := sp.v.slot(); fill.set&bit == 0 && sp.v.flags&unspelled == 0 {
			fill.fill(fi, bit, sp)
		} else if ok, err := fill.applyAgain(r, s, sp, bit); !ok {
			if err != nil && rangeErr == nil {
				rangeErr = &ParseError{Input: s, Offset: int(sp.start), Err: err}
			}
			for k := i; k < i+n; k++ { // may overwrite *sp
				spans[unknown] = spans[k]
				unknown++
			}
		}
		i += n
	}
	fill.write(d, s)
	d.Unknown = unknownBuf // empty, and nil unless d had an array to reuse
	if unknown > 0 {
		if cap(d.Unknown) < unknown {
			d.Unknown = make([]Token, 0, unknown)
		}
		for k := range spans[:unknown] {
			sp := &spans[k]
			d.Unknown = append(d.Unknown, Token{Text: s[sp.start:sp.end], Offset: int(sp.start)})
		}
	}
	ri := r.ruleIndex(d.Program)
	own := ri >= 0
	if rangeErr != nil && own && r.groups[ri] > 0 {
		// Out of range: read as the first rules' reader reads it, which
		// does not know this program's rules.
		if r.first != nil {
			d.Unknown = unknownBuf
			return r.first.ParseInto(s, d)
		}
		own = false
	}
	if own && d.Offering == 0 {
		d.Offering = r.programs[ri].Offering // an Open License row with no offering is a License
	}
	d.Style = styleOf(s, distributor, fill.markers)
	switch {
	case rangeErr != nil:
		return rangeErr
	case d.Program != 0 && len(r.programs) > 0 && !own:
		at, _ := d.OffsetOf(FieldProgram)
		err := &ParseError{Input: s, Offset: at, Err: &licensing.RuleError{Rule: "SKU-08", Detail: r.refusal(d.Program), Err: ErrOtherProgram}}
		if r.groups[len(r.groups)-1] > 0 {
			*d = Description{Unknown: unknownBuf} // ParseWith returns no description when every program refuses
		}
		return err
	case !r.checks:
		return nil
	case own:
		if check := r.programs[ri].Check; check != nil {
			return check(*d)
		}
		return nil
	case r.anyRead:
		return nil
	}
	// No program token, and every rule has a check: read when one passes,
	// else refused by the first (SKU-08).
	var first error
	for _, pr := range r.programs {
		err := pr.Check(*d)
		if err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// filledLater reports whether a token after spans[i] fills the field
// spans[i] fills.
func filledLater(spans []span, i int) bool {
	for j := i + 1; j < len(spans); j++ {
		if sp := &spans[j]; sp.n > 0 && !sp.skip && !sp.v.is(yields) && sp.v.field == spans[i].v.field {
			return true
		}
	}
	return false
}

// refusal says why a description of program p, not one of the reader's, is
// refused: "program MVL is not OpenValue or OpenValueSubscription".
func (r *Reader) refusal(p licensing.Program) string {
	if int(p) < len(r.refusals) && r.refusals[p] != "" {
		return r.refusals[p]
	}
	return "program " + p.String() + " is not " + r.programList(0)
}

// programList names the programs of the reader's rules given in group g.
func (r *Reader) programList(g int) string {
	var names []string
	for i, pr := range r.programs {
		if r.groups[i] == g {
			names = append(names, pr.Program.String())
		}
	}
	return strings.Join(names, " or ")
}

// truncatedLength is where price lists cut descriptions.
const truncatedLength = 40

// isCut reports whether s, trailing blanks aside, is exactly as long as a
// cut description; in an ASCII s a character is a byte.
func isCut(s string, ascii bool) bool {
	t := s
	for len(t) > 0 && (t[len(t)-1] == ' ' || t[len(t)-1] == '\t') {
		t = t[:len(t)-1]
	}
	if ascii {
		return len(t) == truncatedLength
	}
	return len(t) >= truncatedLength && len(t) <= utf8.UTFMax*truncatedLength && utf8.RuneCountInString(t) == truncatedLength
}

// byteClass sorts the bytes of a description: 0 inside a token, 1 a
// separator (ASCII white space and the comma of joined columns, X-19), 2
// the first byte of a two-byte character that may be U+00A0.
var byteClass = [256]uint8{' ': 1, '\t': 1, '\n': 1, '\r': 1, '\v': 1, '\f': 1, ',': 1, 0xc2: 2}

// lc lower-cases an ASCII letter.
func lc(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFold reports whether w equals the lower-case key, ignoring ASCII case.
func equalFold(w, key string) bool {
	if len(w) != len(key) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if lc(w[i]) != key[i] {
			return false
		}
	}
	return true
}

// matchAll reads each token tokenize did not read, with the tokens after
// it that a phrase or a pattern covers, and reports whether one is read
// as a yielding word. A token tokenize did not read is matched when its
// word has an entry (it starts a phrase, or follows a phrase's first
// word) or may be a number or an acquisition year (see key.reads).
//
// need has bit i set for each token i below needTokens that tokenize found
// to be such a token; the tokens from needTokens on are looked at one by
// one, by the same rule.
func (r *Reader) matchAll(s string, spans []span, need uint64) (anyYields bool) {
	for ; need != 0; need &= need - 1 {
		if i := bits.TrailingZeros64(need); !spans[i].skip {
			anyYields = r.match(s, spans, i) || anyYields
		}
	}
	for i := needTokens; i < len(spans); i++ {
		if sp := &spans[i]; !sp.skip && r.keys[sp.entry].reads(s[sp.start]) != 0 {
			anyYields = r.match(s, spans, i) || anyYields
		}
	}
	return anyYields
}

// patternFirst holds the bytes a number or an acquisition prefix starts
// with: the words pattern may read.
var patternFirst = func() (t [256]uint8) {
	for c := range t {
		if c >= '0' && c <= '9' || acquisitionFirst[c] {
			t[c] = 1
		}
	}
	return t
}()

// match reads token i, which tokenize did not read, with the tokens after
// it that a phrase or a pattern covers, and reports whether it is read as
// a yielding word.
func (r *Reader) match(s string, spans []span, i int) bool {
	sp := &spans[i]
	if sp.entry != 0 {
		e := &r.entries[sp.entry-1]
		if matchPhrase(e, spans, i) > 0 {
			return false
		}
		if e.hasSingle {
			sp.v, sp.n = e.single, 1
			return e.single.is(yields)
		}
	}
	if patternFirst[s[sp.start]] != 0 {
		if v, n, ok := pattern(s, spans, i, s[sp.start:sp.end]); ok {
			take(spans, i, n, v)
		}
	}
	return false
}

// matchPhrase reads the phrase of e, longest first, that the tokens from
// i spell, and returns how many tokens it covers, or 0.
func matchPhrase(e *wordEntry, spans []span, i int) int {
	for j := range e.phrases {
		p := &e.phrases[j]
		if i+len(p.restIDs) >= len(spans) {
			continue
		}
		same := true
		for k, id := range p.restIDs {
			if spans[i+1+k].entry != id {
				same = false
				break
			}
		}
		if same {
			take(spans, i, 1+len(p.restIDs), p.v)
			return 1 + len(p.restIDs)
		}
	}
	return 0
}

// take reads the n tokens from i as v.
func take(spans []span, i, n int, v tokenValue) {
	spans[i].v, spans[i].n = v, int8(n)
	for k := i + 1; k < i+n; k++ {
		spans[k].skip, spans[k].v, spans[k].n = true, tokenValue{}, 0
	}
}

// pattern reads the numeric tokens: versions, pack sizes, processors,
// cores, and years out of range.
func pattern(s string, spans []span, i int, word string) (tokenValue, int, bool) {
	// The number its digits spell, up to one more than any field holds.
	digits, n := 0, int64(0)
	for ; digits < len(word); digits++ {
		c := word[digits] - '0'
		if c > 9 {
			break
		}
		n = min(10*n+int64(c), math.MaxInt32+1)
	}
	if digits == 0 {
		// "Acq Y4", "AqY4", "AY7": an acquisition year out of range.
		if !acquisitionFirst[word[0]] {
			return tokenValue{}, 0, false
		}
		if y, n, ok := acquisition(s, spans, i, word); ok {
			return tokenValue{field: FieldAcquired, num: int32(y), flags: ends | unspelled}, n, true
		}
		return tokenValue{}, 0, false
	}
	if n > math.MaxInt32 {
		return tokenValue{}, 0, false // more digits than any field holds: left unknown
	}
	num := int32(n)
	version := isVersion(word, digits)
	// A unit joined to the number ("2Lic"), or the next word ("1 License"),
	// after a number that is not a version: a version counts nothing
	// ("2019 License" is a version and an offering, "2008R2" a version);
	// first match wins.
	var units []countUnit
	unit, covers := word[digits:], 1
	switch {
	case version:
	case unit != "":
		units = joinedUnits
	case i+1 < len(spans):
		units, unit, covers = spacedUnits, s[spans[i+1].start:spans[i+1].end], 2
	}
	for _, u := range units {
		if (u.digits == 0 || digits <= u.digits) && (num != 0 || u.unspelled) && unitFold(unit, u.unit) { // "0Lic" counts nothing: left unknown
			return tokenValue{field: u.field, code: u.code, num: num, style: u.style, flags: flagsOf(u.ends, u.unspelled, false)}, covers, true
		}
	}
	if version {
		return tokenValue{field: fieldVersion, flags: ends}, 1, true
	}
	return tokenValue{}, 0, false
}

// unitFold reports whether w is the unit u, which is ASCII, ignoring case
// as strings.EqualFold does: by ASCII case when w is ASCII. A word shorter
// than u is not u: a letter that folds to an ASCII one is at least as long.
func unitFold(w, u string) bool {
	if len(w) < len(u) {
		return false
	}
	if len(w) != len(u) {
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return strings.EqualFold(w, u)
			}
		}
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			return strings.EqualFold(w, u)
		} else if lc(c) != lc(u[i]) {
			return false
		}
	}
	return true
}

// Pseudo-fields the patterns fill.
const (
	fieldVersion = FieldQualifier + 1 + iota // not values of Field
	fieldPack
	fieldCores
)

// acquisition reads an acquisition year the vocabulary does not spell,
// such as "Acq Y4" or "AY7" (acquisitionPrefixes), so that it is reported
// as out of range.
func acquisition(s string, spans []span, i int, w string) (int, int, bool) {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	for _, p := range acquisitionPrefixes {
		n := len(p.prefix)
		switch {
		case p.joined && len(w) == n+1 && strings.EqualFold(w[:n], p.prefix) && isDigit(w[n]):
			return int(w[n] - '0'), 1, true
		case !p.joined && strings.EqualFold(w, p.prefix) && i+1 < len(spans):
			next := s[spans[i+1].start:spans[i+1].end]
			if len(next) == 2 && lc(next[0]) == 'y' && isDigit(next[1]) {
				return int(next[1] - '0'), 2, true
			}
		}
	}
	return 0, 0, false
}

// isVersion reports whether a word is a version: a year from 1990 to 2099,
// possibly followed by R and a digit ("2008R2"), or digits, a dot and
// digits ("9.0").
func isVersion(w string, digits int) bool {
	if digits == 4 && (w[0] == '1' && w[1] == '9' || w[0] == '2' && w[1] == '0') {
		rest := w[4:]
		return len(rest) == 0 || len(rest) == 2 && lc(rest[0]) == 'r' && rest[1] >= '0' && rest[1] <= '9'
	}
	if digits > 0 && digits < len(w) && w[digits] == '.' && digits+1 < len(w) {
		for _, c := range w[digits+1:] {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return false
}

// matchPrefix reads the cut last word of a 40-character description as the
// one spelling it begins, if exactly one value fits.
func (r *Reader) matchPrefix(s string, sp *span) {
	word := s[sp.start:sp.end] // compared lower-cased by lc, byte by byte
	if !swar.IsASCII(word) {
		word = strings.ToLower(word) // as the spellings were
	}
	if len(word) < 3 {
		return
	}
	var found tokenValue
	n := 0
	i, _ := slices.BinarySearchFunc(r.singles, word, compareLower)
	for ; i < len(r.singles) && len(r.singles[i]) >= len(word) && equalFold(word, r.singles[i][:len(word)]); i++ {
		if e := r.words[r.singles[i]]; n == 0 || e.single != found {
			found = e.single
			n++
		}
	}
	if n == 1 {
		sp.v, sp.n = found, 1
	}
}

// compareLower compares a lower-case key with w lower-cased by lc, as
// strings.Compare would compare them, without lower-casing w into memory.
func compareLower(key, w string) int {
	for i := 0; i < len(key) && i < len(w); i++ {
		if c, d := key[i], lc(w[i]); c != d {
			return cmp.Compare(c, d)
		}
	}
	return cmp.Compare(len(key), len(w))
}

// nextIsDigit reports whether the token after i starts with a digit, as in
// "Microsoft 365", where "Microsoft" is part of the product.
func nextIsDigit(s string, spans []span, i int) bool {
	return i+1 < len(spans) && s[spans[i+1].start] >= '0' && s[spans[i+1].start] <= '9'
}

// styleMarks holds bit 1<<st for each style st a token applied marks
// (bit 0 for the tokens every style uses).
type styleMarks uint8

// A filling holds the fields a description's tokens fill, by field, until
// ParseInto writes them to the Description: filling one is a few stores at
// the field's index, so that reading a token does not branch on its field.
// Bit f of set is field f (or pseudo-field) filled; bit qualifierBit+code
// is a qualifier. The Description field a filled field writes is nonzero
// (an enum value, or a count from 1 in num; a language as written has code
// 0 and is written from its offsets), so set says what the Description's
// zero values say.
type filling struct {
	set     uint64
	code    [fieldSlots]uint8
	num     [fieldSlots]int32
	at      [fieldSlots]int32 // byte offset + 1 of the field's first token
	end     [fieldSlots]int32 // byte offset of the end of the field's token
	markers styleMarks
}

const (
	fieldSlots   = 16 // fields and pseudo-fields, by number
	qualifierBit = 32 // the bit of set of qualifier code 0
)

// apply indexes the arrays by field, and set by qualifier code, with
// masks, so these must hold: every field and pseudo-field has a slot, and
// every bit of Qualifiers a bit of set from qualifierBit. A constant that
// overflows uint is a compile-time error.
const (
	_ = uint(fieldSlots - 1 - fieldCores)
	_ = uint(64 - qualifierBit - 16) // Qualifiers is a uint16 (TestFillingFits checks the names fit it)
)

// apply fills the field of the match sp. It reports false, changing
// nothing, when the field is already filled or the value is out of range,
// except for a program token whose program beats the one read, or is
// beaten by it (OVS and OLV): that token reports true, whether it fills
// the field or is absorbed by the first (see applyAgain).
func (f *filling) apply(r *Reader, s string, sp *span) (bool, error) {
	i, bit := sp.v.slot()
	if f.set&bit != 0 || sp.v.flags&unspelled != 0 {
		return f.applyAgain(r, s, sp, bit)
	}
	f.fill(i, bit, sp)
	return true, nil
}

// slot returns the index of v's field in a filling's arrays, and its bit
// in set.
func (v *tokenValue) slot() (Field, uint64) {
	i := v.field & (fieldSlots - 1)
	pos := uint(i)
	if i == FieldQualifier {
		pos = qualifierBit + uint(v.code&15)
	}
	return i, uint64(1) << (pos & 63)
}

// fill fills field i, whose bit in set is bit, with the match sp, which
// apply found it may.
func (f *filling) fill(i Field, bit uint64, sp *span) {
	f.set |= bit
	f.code[i], f.num[i], f.end[i] = sp.v.code, sp.v.num, sp.end
	if f.at[i] == 0 { // a qualifier's is the first qualifier's
		f.at[i] = sp.start + 1
	}
	f.markers |= 1 << (sp.v.style & 7)
}

// applyAgain applies a token whose field is filled, or a year the
// vocabulary does not spell (SKU-05, SKU-06); bit is the field's in set.
// Only a program token that beats the one read (OVS over OLV) fills a
// filled field.
func (f *filling) applyAgain(r *Reader, s string, sp *span, bit uint64) (bool, error) {
	v := sp.v
	switch {
	case f.set&bit == 0 && v.field == FieldCoverage:
		return false, licensing.Refuse("SKU-05", ErrOutOfRange, "coverage %q: the vocabulary spells no %d-year coverage", s[sp.start:sp.end], v.num)
	case f.set&bit == 0 && v.field == FieldAcquired:
		return false, licensing.Refuse("SKU-06", ErrOutOfRange, "acquisition year %d: the vocabulary spells no Y%d", v.num, v.num)
	case f.set&bit == 0 || v.field != FieldProgram:
		return false, nil
	}
	switch p, read := licensing.Program(v.code), licensing.Program(f.code[FieldProgram]); {
	case r.beats(p, read):
		f.code[FieldProgram] = v.code // a later token that beats the first wins (OVS over OLV)
	case r.beats(read, p):
	default:
		return false, nil
	}
	f.markers |= 1 << (v.style & 7)
	return true, nil
}

// write writes the fields filled to d.
func (f *filling) write(d *Description, s string) {
	if f.set&(1<<FieldLanguage) != 0 {
		if c := f.code[FieldLanguage]; c != 0 {
			d.Language = languageCodes[c]
		} else {
			d.Language = s[f.at[FieldLanguage]-1 : f.end[FieldLanguage]] // as written
		}
	}
	if f.set&(1<<fieldVersion) != 0 {
		d.Version = s[f.at[fieldVersion]-1 : f.end[fieldVersion]]
	}
	d.Offering = licensing.Offering(f.code[FieldOffering])
	d.Program = licensing.Program(f.code[FieldProgram])
	d.Level = licensing.Level(f.code[FieldLevel])
	d.CoverageYears = int(f.num[FieldCoverage])
	d.AcquiredYear = int(f.num[FieldAcquired])
	d.Scope = Scope(f.code[FieldScope])
	d.LicenseModel = LicenseModel(f.code[FieldLicenseModel])
	d.Processors = int(f.num[FieldLicenseModel]) // "2Proc" counts processors, not a pack
	d.Segment = licensing.Segment(f.code[FieldSegment])
	d.Qualifiers = Qualifiers(f.set >> qualifierBit)
	d.PackSize = int(f.num[fieldPack])
	d.Cores = int(f.num[fieldCores])
	copy(d.at[:], f.at[:])
}

// joinSpans returns the words of spans joined by single spaces: the input
// itself when it is spaced that way, so that no memory is allocated.
func joinSpans(s string, spans []span) string {
	spaced := true
	for k := 1; k < len(spans) && spaced; k++ {
		spaced = spans[k].start == spans[k-1].end+1 && s[spans[k-1].end] == ' '
	}
	if spaced {
		return s[spans[0].start:spans[len(spans)-1].end]
	}
	var b strings.Builder
	for k, sp := range spans {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[sp.start:sp.end])
	}
	return b.String()
}

// hasLower reports whether s has an ASCII lower-case letter, eight bytes
// at a time.
func hasLower(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if letters8(swar.Load8(s, i)) != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// styleOf decides the style from the markers found: a coverage at
// the front of an upper-case description is a distributor's rewrite; then
// expanded tokens, reseller edits and the long form's tokens mark their
// style, in that order; anything else is Microsoft's short form.
func styleOf(s string, distributor bool, markers styleMarks) Style {
	if distributor && !hasLower(s) {
		return Distributor
	}
	for _, st := range stylePriority {
		if markers&(1<<st) != 0 {
			return st
		}
	}
	return Short
}

// stylePriority is the order in which marked styles win when a description
// carries tokens of several: a reseller edits the long form, and
// expanded tokens are never written by hand. First match wins; a
// description with no marker is in the short form.
var stylePriority = []Style{Expanded, Reseller, Long}
