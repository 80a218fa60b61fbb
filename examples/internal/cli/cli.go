// Package cli holds what the example programs share: flag parsing that
// answers -h with the program's usage and flags (exit status 0), and refuses
// a stray argument with the usage line.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/vlrules/vlrules/internal/csvin"
)

// ErrHelp reports that the user asked for help and got it: the program
// exits 0.
var ErrHelp = errors.New("help printed")

// Parse parses args with fs. On -h or -help it writes usage and the flags
// to w and returns ErrHelp; a flag error comes back with the usage line.
// args beyond the flags must number from min to max (max < 0: any).
func Parse(fs *flag.FlagSet, args []string, w io.Writer, usage string, min, max int) error {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(w, "usage: %s\n\nflags:\n", usage)
			fs.SetOutput(w)
			fs.PrintDefaults()
			return ErrHelp
		}
		return fmt.Errorf("%v\nusage: %s", err, usage)
	}
	if n := fs.NArg(); n < min || (max >= 0 && n > max) {
		return fmt.Errorf("want %s\nusage: %s", argCount(min, max), usage)
	}
	return nil
}

func argCount(min, max int) string {
	switch {
	case min == max && min == 0:
		return "no arguments after the flags"
	case min == max:
		return fmt.Sprintf("exactly %d argument(s) after the flags", min)
	case max < 0:
		return fmt.Sprintf("at least %d argument(s) after the flags", min)
	}
	return fmt.Sprintf("%d to %d arguments after the flags", min, max)
}

// SkipBOM returns a reader of r without the UTF-8 byte-order mark that
// spreadsheets put at the start of a CSV export.
func SkipBOM(r io.Reader) io.Reader { return csvin.SkipBOM(r) }

// Exit is how a program's main ends: status 0 on success or help, 2 with
// the error on standard error otherwise.
func Exit(name string, err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "%s: %v\n", name, err)
	return 2
}
