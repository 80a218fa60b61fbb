package csvin_test

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"

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
