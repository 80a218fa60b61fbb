package csvin_test

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"pgregory.net/rapid"

	"github.com/vlrules/vlrules/internal/csvin"
)

func TestSkipBOMAndPosition(t *testing.T) {
	b, _ := io.ReadAll(csvin.SkipBOM(strings.NewReader("\ufeffa,b\n")))
	if string(b) != "a,b\n" {
		t.Errorf("SkipBOM: %q", b)
	}
	b, _ = io.ReadAll(csvin.SkipBOM(strings.NewReader("a\ufeff")))
	if string(b) != "a\ufeff" {
		t.Errorf("a mark not at the start is kept: %q", b)
	}
	_, err := csv.NewReader(strings.NewReader("a,b\nc,\"d\n")).ReadAll()
	if line, col, cause := csvin.Position(err); line != 2 || col != 6 || !errors.Is(cause, csv.ErrQuote) {
		t.Errorf("Position(%v) = %d, %d, %v", err, line, col, cause)
	}
	if line, col, cause := csvin.Position(io.ErrUnexpectedEOF); line != 1 || col != 1 || cause != io.ErrUnexpectedEOF {
		t.Errorf("Position of another error: %d, %d, %v", line, col, cause)
	}
}

func TestReaderReadsCRAsLineEnd(t *testing.T) {
	recs, err := csv.NewReader(csvin.Reader(strings.NewReader("\ufeffa,b\rc,d\r\ne,f\r"))).ReadAll()
	if err != nil || len(recs) != 3 || recs[1][0] != "c" || recs[2][1] != "f" {
		t.Errorf("records %q, %v", recs, err)
	}
}

// Reader turns every CR not followed by LF into LF and leaves every other
// byte, however the input arrives: whole, one byte at a time, or in
// halves, so that a CR at the end of a read looks at the next one.
func TestReaderCRModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := rapid.StringMatching(`[a\r\n,"]{0,40}`).Draw(t, "in")
		want := []byte(in)
		for i := range want {
			if want[i] == '\r' && (i+1 == len(want) || want[i+1] != '\n') {
				want[i] = '\n'
			}
		}
		var src io.Reader = strings.NewReader(in)
		switch rapid.IntRange(0, 2).Draw(t, "arrival") {
		case 1:
			src = iotest.OneByteReader(src)
		case 2:
			src = iotest.HalfReader(src)
		}
		got, err := io.ReadAll(csvin.Reader(src))
		if err != nil || string(got) != string(want) {
			t.Fatalf("Reader(%q) = %q, %v; want %q", in, got, err, want)
		}
	})
}
