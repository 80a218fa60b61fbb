package selectplus_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
)

const history = "\ufeffdate,order,affiliate,product,offering,quantity\n" +
	"# WS-12's first orders\n" +
	"2018-07-15,A1,Contoso,Office Professional Plus,License,300\n" +
	"2018-11-01,A2,Contoso,office professional plus,License,1800\n" +
	"2018-11-01,A2,Contoso,Outlook,LicenseSA,10\n" +
	"2019-03-01,A3,Contoso,Nope,License,500\n" +
	"2019-03-01,A3,Contoso,Outlook,License,500\n" +
	"2019-04-01,A4,Contoso,Outlook,License,3.5\n" +
	"2019-05-01,A2,Contoso,Outlook,License,1\n"

// Read gives one order per run of rows with the same date, ID and
// affiliate; a bad row names its line, column and field and skips the rest
// of its order; reading goes on after it.
func TestOrderReader(t *testing.T) {
	r, err := selectplus.NewOrderReader(strings.NewReader(history), licensing.DefaultCatalog())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		o, err := r.Read()
		if err == io.EOF {
			break
		}
		var he *selectplus.HistoryError
		switch {
		case errors.As(err, &he):
			if !errors.Is(err, licensing.ErrInvalidOrder) {
				t.Errorf("%v does not wrap ErrInvalidOrder", err)
			}
			got = append(got, fmt.Sprintf("line %d column %d %s %s", he.Line, he.Column, he.Field, he.Order))
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, fmt.Sprintf("line %d %s %v %s %d lines", r.Line(), o.ID, o.Date, o.Affiliate, len(o.Lines)))
		}
	}
	want := []string{
		"line 3 A1 2018-07-15 Contoso 1 lines",
		"line 4 A2 2018-11-01 Contoso 2 lines",
		"line 6 column 23 product A3",
		"line 8 column 39 quantity A4",
		"line 9 A2 2019-05-01 Contoso 1 lines", // another order with the ID: the ledger refuses it (INV-06)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("read:\n got %q\nwant %q", got, want)
	}
	for _, bad := range []struct {
		in    string
		field string
	}{
		{"", ""},
		{"date,order,affiliate,product,offering\n", "quantity"},
	} {
		_, err := selectplus.NewOrderReader(strings.NewReader(bad.in), licensing.DefaultCatalog())
		var he *selectplus.HistoryError
		if !errors.As(err, &he) || he.Field != bad.field || he.Line != 1 {
			t.Errorf("NewOrderReader(%q): %v", bad.in, err)
		}
	}
}

// FuzzOrderReader: no input panics or loops; every order read has an ID,
// a date and lines of the catalog, and every error is positioned.
func FuzzOrderReader(f *testing.F) {
	f.Add(history)
	f.Add("date,order,affiliate,product,offering,quantity\n2018-07-15,A1,HQ,Outlook,License\n2018-07-15,A1,HQ,Outlook,License,1,2\n")
	f.Add("quantity,offering,product,affiliate,order,date\n1,SA,Outlook,HQ,A,2020-02-29\n")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := selectplus.NewOrderReader(strings.NewReader(s), licensing.DefaultCatalog())
		if err != nil {
			return
		}
		for range len(s) + 2 {
			o, err := r.Read()
			if err == io.EOF {
				return
			}
			var he *selectplus.HistoryError
			if err != nil {
				if !errors.As(err, &he) || he.Line < 1 || he.Column < 1 {
					t.Fatalf("unpositioned error %v", err)
				}
				continue
			}
			if o.ID == "" || !o.Date.IsValid() || len(o.Lines) == 0 {
				t.Fatalf("order %+v", o)
			}
			for _, l := range o.Lines {
				if err := l.Validate(); err != nil {
					t.Fatalf("line %+v: %v", l, err)
				}
			}
		}
		t.Fatalf("Read did not reach the end of %d bytes", len(s))
	})
}

// A bad row refuses its whole order, never a part of it; a syntax error
// ends the history with the order it fell in; CRLF line ends read as LF.
func TestOrderReaderRefusesWholeOrders(t *testing.T) {
	read := func(in string) []string {
		r, err := selectplus.NewOrderReader(strings.NewReader(in), licensing.DefaultCatalog())
		if err != nil {
			return []string{err.Error()}
		}
		var out []string
		for {
			o, err := r.Read()
			if err == io.EOF {
				return out
			}
			var he *selectplus.HistoryError
			if errors.As(err, &he) {
				out = append(out, fmt.Sprintf("error line %d %s", he.Line, he.Field))
				continue
			}
			out = append(out, fmt.Sprintf("%s %d lines", o.ID, len(o.Lines)))
		}
	}
	const h = "date,order,affiliate,product,offering,quantity\n"
	for _, c := range []struct{ in, want string }{
		{h + "2018-07-15,A1,HQ,Outlook,License,300\n2018-07-15,A1,HQ,Outlook,License\n2018-07-15,A1,HQ,Outlook,License,5\n2018-08-01,A2,HQ,Outlook,License,5\n",
			"[error line 3 fields A2 1 lines]"},
		{h + "2018-07-15,A1,HQ,Outlook,License,300\n2018-07-15,A2,HQ,\"Outlook,License,5\n", "[A1 1 lines error line 3 ]"},
		{strings.ReplaceAll(h+"2018-07-15,A1,HQ,Outlook,License,300\n2018-07-15,A1,HQ,Skype for Business,License,5\n", "\n", "\r\n"), "[A1 2 lines]"},
		{h + "2018-07-15,A1,HQ,Outlook,License,+300\n", "[error line 2 quantity]"},
		{strings.ReplaceAll(h+"2018-07-15,A1,HQ,Outlook,License,300\n2018-08-01,A2,HQ,Outlook,License,5\n", "\n", "\r"), "[A1 1 lines A2 1 lines]"}, // old-Mac line ends
		{"date,order,affiliate,product,offering,quantity,order\n", "[selectplus: history line 1, column 48 (order): column \"order\" twice]"},
	} {
		if got := fmt.Sprint(read(c.in)); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}
