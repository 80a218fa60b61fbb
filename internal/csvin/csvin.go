// Package csvin holds what every CSV reader of the module does alike:
// skipping the byte-order mark spreadsheets write, and placing an error of
// encoding/csv at its line and column. The readers (licensing's catalog,
// openvalue's price list, selectplus's history, the example programs)
// report positions in their own error types.
package csvin

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
)

// SkipBOM returns a buffered reader of r without the UTF-8 byte-order mark
// that spreadsheets put at the start of a CSV export.
func SkipBOM(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, 64<<10) // few reads of a long history
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	return br
}

// Position returns where a CSV syntax error stands and what it is; any
// other error stands at line 1, column 1.
func Position(err error) (line, column int, cause error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line, pe.Column, pe.Err
	}
	return 1, 1, err
}

// Reader returns a reader of r for encoding/csv: without a leading
// byte-order mark, and with old-Mac line ends (a CR alone) read as LF, so
// that their lines do not merge into one record. CR LF is left to
// encoding/csv.
func Reader(r io.Reader) io.Reader { return crReader{SkipBOM(r)} }

type crReader struct{ br *bufio.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	for i := bytes.IndexByte(p[:n], '\r'); i >= 0; {
		var lone bool
		if i+1 < n {
			lone = p[i+1] != '\n'
		} else { // the CR ends what was read: the next byte decides
			next, perr := c.br.Peek(1)
			lone = perr != nil || next[0] != '\n'
		}
		if lone {
			p[i] = '\n'
		}
		k := bytes.IndexByte(p[i+1:n], '\r')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return n, err
}
