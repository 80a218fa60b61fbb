package sku

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/vlrules/vlrules/internal/swar"
	"pgregory.net/rapid"
)

// The eight-byte helpers agree with the byte-at-a-time ones for every byte
// in every position, whatever its neighbours.
func TestEightBytes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := rapid.SliceOfN(rapid.Byte(), 8, 8).Draw(t, "bytes")
		if c := rapid.Byte().Draw(t, "c"); rapid.Bool().Draw(t, "plant") {
			b[rapid.IntRange(0, 7).Draw(t, "at")] = c
		}
		x := swar.Load8(string(b), 0)
		seps, letters := gather8(separators8(x)), letters8(x)
		for k, c := range b {
			if got, want := seps>>k&1 == 1, byteClass[c] == 1; got != want {
				t.Fatalf("byte %d of %x (%#x): separator %v, want %v", k, b, c, got, want)
			}
			if got, want := byte(letters>>(8*k)) == 0x20, 'a' <= c && c <= 'z'; got != want || byte(letters>>(8*k))&^0x20 != 0 {
				t.Fatalf("byte %d of %x (%#x): letter bits %#x", k, b, c, byte(letters>>(8*k)))
			}
		}
	})
}

// The scanner finds the tokens the byte-at-a-time scanner finds, with the
// same entries, in descriptions of every length and any bytes.
func TestScanAsLong(t *testing.T) {
	parts := []string{" ", "  ", ",", "\t", "\u00a0", "\xc2", "\xa0", "\xc2\xc2\xa0", "\x01", "\x7f", "é", "OLV", "lic/sa", "Pack",
		"MonthlySubscriptions-VolumeLicense", "monthlysubscriptions-volumelicensE", "MonthlySubscriptions-VolumeLicensf", "MonthlySubscriptXXXs-VolumeLicense", "(Perpetual",
		"License)", "Microsoft®", "AcqY1", "2019", "Promo", "SQLSvrStdCore", "12345678", "123456789", "1234567890123456", "12345678901234567"}
	rapid.Check(t, func(t *rapid.T) {
		s := strings.Join(rapid.SliceOfN(rapid.OneOf(rapid.SampledFrom(parts), rapid.StringN(0, 4, 8)), 0, 80).Draw(t, "parts"), "")
		got, ascii, gotYields, gotNeed := defaultReader.tokenize(s, nil)
		want, wantYields, wantNeed := defaultReader.tokenizeLong(s, nil)
		if gotYields != wantYields || gotNeed != wantNeed {
			t.Fatalf("%q: yields %v, need %#x, want %v, %#x", s, gotYields, gotNeed, wantYields, wantNeed)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", s, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: token %d is %+v, want %+v", s, i, got[i], want[i])
			}
			w := s[got[i].start:got[i].end]
			_, first := defaultReader.words[strings.ToLower(w)]
			if (got[i].entry != 0) != (first || isPhraseWord(strings.ToLower(w))) && !nonASCIIFold(w) {
				t.Fatalf("%q: token %q has entry %d", s, w, got[i].entry)
			}
			// matchAll reads a token not read at once whose word has an
			// entry or starts with a digit or an acquisition prefix's letter.
			read := got[i].n == 0 && (got[i].entry != 0 || w[0] >= '0' && w[0] <= '9' || w[0]|0x20 == 'a')
			if i < needTokens && gotNeed>>i&1 == 1 != read {
				t.Fatalf("%q: token %d %q: matchAll reads it %v, want %v", s, i, w, gotNeed>>i&1 == 1, read)
			}
		}
		if wantASCII := strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0 && !strings.ContainsRune(s, 0xfffd); len(s) <= maxMaskBytes && ascii != wantASCII {
			t.Fatalf("%q: ascii %v", s, ascii)
		}
	})
}

// isPhraseWord reports whether w follows the first word of a spelling.
func isPhraseWord(w string) bool {
	for _, e := range defaultReader.words {
		for _, p := range e.phrases {
			for _, r := range p.rest {
				if r == w {
					return true
				}
			}
		}
	}
	return false
}

// nonASCIIFold reports whether strings.ToLower changes w's non-ASCII
// characters, which the reader does not fold.
func nonASCIIFold(w string) bool {
	for _, r := range w {
		if r >= 0x80 && strings.ToLower(string(r)) != string(r) {
			return true
		}
	}
	return false
}

// The reader reads as its byte-at-a-time path does, which compares each
// word with every key and matches every token in order: descriptions of
// any length, with phrases, numbers and yielding words among the first 63
// tokens and after.
func TestFastPathAsSlow(t *testing.T) {
	slow := slowReader()
	var words []string
	for _, row := range DefaultTokens() {
		words = append(words, row.Text, strings.ToUpper(row.Text))
	}
	words = append(words, "2019", "9.0", "2Lic", "0Lic", "1", "License", "4", "Cores", "Acq", "Y4", "AY7", "3YR", "7Y", "Promo",
		"Office", "Open", "Sub", "SQLSvrStdCore", "\u00a0", "é")
	rapid.Check(t, func(t *rapid.T) {
		// Sometimes 55 to 70 one-letter words of a product first, so that
		// the fields are read from about the 63rd token on, in fewer than
		// maxMaskBytes bytes.
		filler := strings.Repeat("x ", rapid.SampledFrom([]int{0, 55, 62, 70}).Draw(t, "filler"))
		s := filler + strings.Join(rapid.SliceOfN(rapid.SampledFrom(words), 0, 40).Draw(t, "words"),
			rapid.SampledFrom([]string{" ", ", ", "\t"}).Draw(t, "gap"))
		checkAsSlow(t, slow, s)
	})
}

// slowReader returns the default reader made to read a byte at a time and
// compare each key (lookupEach, tokenizeLong, and every token matched).
func slowReader() *Reader {
	slow := *defaultReader
	slow.sameWords = true
	return &slow
}

// checkAsSlow checks that the default reader reads s as slow does.
func checkAsSlow(t interface{ Fatalf(string, ...any) }, slow *Reader, s string) {
	want, wantErr := slow.Parse(s)
	got, err := defaultReader.Parse(s)
	if !reflect.DeepEqual(got, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("%q:\n got %+v, %v\nwant %+v, %v", s, got, err, want, wantErr)
	}
}

// The fast path reads any bytes as the byte-at-a-time path does.
func FuzzFastPathAsSlow(f *testing.F) {
	for _, s := range []string{"Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y1 AddProd",
		"1YR VISIOSTD ALNG LICSAPK OLV NL AP", "WinSvrDCCore ALNG SA OLV 2Lic NL 2Y Aq Y2 AP CoreLic",
		"Microsoft® ,  VIsUal studiO PrO JPN ,  License mVl, No Level EACH  (Perpetual License)  Qq7,",
		"SQLSvrEntCore 2019 SNGL LSA OLV 2Lic D 3Y AqY1 AP CoreL", "x\u00a0SA\tOLV,\xc2 2019 4 Cores"} {
		f.Add(s)
	}
	slow := slowReader()
	f.Fuzz(func(t *testing.T, s string) { checkAsSlow(t, slow, s) })
}

// A vocabulary whose words differ only in the 0x20 bit of a byte that is
// no letter ("x[y" and "x{y") hash alike with every seed: the reader is
// built at once and reads each word as its own.
func TestWordsThatHashAlike(t *testing.T) {
	rows := append(DefaultTokens(), TokenRow{Text: "x[y", Field: FieldLanguage, Ends: true}, TokenRow{Text: "x{y", Field: FieldLanguage, Ends: true})
	done := make(chan *Reader, 1)
	go func() { done <- enumMust(NewReader(rows)) }()
	var r *Reader
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("NewReader did not return in 10 s")
	}
	for _, w := range []string{"x[y", "x{y", "X[Y"} {
		d, err := r.Parse("Office Professional Plus " + w + " OLV NL")
		if err != nil || d.Language != w || d.Product != "Office Professional Plus" {
			t.Errorf("%s: %+v, %v", w, d, err)
		}
	}
}

func enumMust(r *Reader, err error) *Reader {
	if err != nil {
		panic(err)
	}
	return r
}

// A filling holds every qualifier: apply keeps a qualifier's code to its
// low four bits, which the sixteen bits of Qualifiers need, and every
// qualifier the vocabulary may name has a bit of Qualifiers.
func TestFillingFits(t *testing.T) {
	if n, bitsOf := len(qualifierNames), 8*int(unsafe.Sizeof(Qualifiers(0))); n > bitsOf || bitsOf > 16 {
		t.Errorf("%d qualifier names in %d bits of Qualifiers; apply keeps 16", n, bitsOf)
	}
}

// A word longer than 16 bytes is a key only when every byte matches: the
// hash and the fast comparison see its first and last eight bytes and its
// length, so a word that differs from a key only in between, in any
// position, is read as no key, on both paths.
func TestLongWordsCompareEveryByte(t *testing.T) {
	tried := 0
	for _, e := range defaultReader.entries {
		for i := 8; i < len(e.key)-8; i++ {
			w := []byte(e.key)
			w[i] = 'x'
			if e.key[i] == 'x' {
				w[i] = 'y'
			}
			if _, known := defaultReader.words[string(w)]; known {
				continue
			}
			s := "Office " + string(w) + " OLV " + e.key
			spans, _, _, _ := defaultReader.tokenize(s, nil)
			long, _, _ := defaultReader.tokenizeLong(s, nil)
			if len(spans) != 4 || spans[1].entry != 0 || spans[3].entry == 0 || !reflect.DeepEqual(spans, long) {
				t.Fatalf("%q: tokens %+v, byte at a time %+v", s, spans, long)
			}
			tried++
		}
	}
	if tried == 0 {
		t.Fatal("the vocabulary has no word longer than 16 bytes")
	}
}
