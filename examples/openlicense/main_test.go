package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/examples/internal/cli"
	"github.com/vlrules/vlrules/licensing"
	"pgregory.net/rapid"
)

func TestJSONContract(t *testing.T) {
	tests := []struct {
		args string
		want string
	}{
		{"-json testdata/order.csv",
			`{"licenses":210,"openBusiness":{"eligible":true,"missing":0},"openVolume":{"eligible":false,"total":"550","pools":[{"pool":"Applications","points":"400","eligible":false,"missing":"100"},{"pool":"Servers","points":"150","eligible":false,"missing":"350"}]}}`},
		{"-json -region DE -date 2020-02-29 testdata/order.csv",
			`{"licenses":210,"openBusiness":{"eligible":true,"missing":0},"openVolume":{"eligible":true,"total":"550","pools":[{"pool":"Applications","points":"400","eligible":true,"missing":"0"},{"pool":"Servers","points":"150","eligible":true,"missing":"0"}]},"authorization":{"start":"2020-02-29","lastDayToReorder":"2022-02-27"}}`},
		{"-json -region EMEA -sa-points testdata/order.csv",
			`{"licenses":210,"openBusiness":{"eligible":true,"missing":0},"openVolume":{"eligible":true,"total":"950","pools":[{"pool":"Applications","points":"800","eligible":true,"missing":"0"},{"pool":"Servers","points":"150","eligible":true,"missing":"0"}]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(strings.Fields(tt.args), &out); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(out.String(), "\n"); got != tt.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// The catalog of the property test: Open License rows in every pool with
// whole and half points.
const testCatalog = `program,product,part,family,kind,pool,points,aliases
OpenLicense,App Half,,,Application,Applications,0.5,
OpenLicense,App Two,,,Application,Applications,2,
OpenLicense,Sys Half,,,System,Systems,0.5,
OpenLicense,Sys One,,,System,Systems,1,
OpenLicense,Srv Half,,,Server,Servers,0.5,
OpenLicense,Srv Fifteen,,,Server,Servers,15,
`

// halves are the products worth half a point in each pool, and others a
// product of the same pool with other points.
var (
	halves = map[string]string{"Applications": "App Half", "Systems": "Sys Half", "Servers": "Srv Half"}
	others = map[string]struct {
		name   string
		points int64 // in half points
	}{"Applications": {"App Two", 4}, "Systems": {"Sys One", 2}, "Servers": {"Srv Fifteen", 30}}
	poolOrder = []string{"Applications", "Systems", "Servers"}
)

// TestIndependentReading checks the program against a reading of the rules
// written from their statements alone, on random orders whose pools sit near
// the 150 and 500 boundaries: licenses are the L and L&SA quantities and
// Open Business needs 5 (OL-01); a pool's points are quantity × license
// points (OL-08), plus quantity × license points for the two years of SA of
// L&SA and SA lines under -sa-points (OL-11 (b)); outside EMEA a pool needs
// 500 (OL-09), in EMEA 150 and an order total of 500 (OL-10 (a)); missing
// is what that pool alone still needs.
func TestIndependentReading(t *testing.T) {
	dir := t.TempDir()
	catalogFile := filepath.Join(dir, "catalog.csv")
	if err := os.WriteFile(catalogFile, []byte(testCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	near := []int64{0, 1, 2, 149, 299, 300, 301, 999, 1000, 1001} // in half points: 0 to 500.5
	rapid.Check(t, func(t *rapid.T) {
		emea := rapid.Bool().Draw(t, "emea")
		saPoints := rapid.Bool().Draw(t, "saPoints")
		var rows []string
		var licenses int64
		pts := map[string]int64{} // half points
		for _, pool := range poolOrder {
			if !rapid.Bool().Draw(t, "has "+pool) {
				continue
			}
			// The pool's license points land near a boundary: a target
			// in half points, written as half-point lines and a few
			// lines of another product.
			target := rapid.SampledFrom(near).Draw(t, "near "+pool) + rapid.Int64Range(-3, 3).Draw(t, "by "+pool)
			target = max(target, 0)
			o := others[pool]
			n := rapid.Int64Range(0, target/o.points).Draw(t, "others "+pool)
			half := target - n*o.points
			for _, l := range []struct {
				name string
				q    int64
				unit int64
			}{{o.name, n, o.points}, {halves[pool], half, 1}} {
				if l.q == 0 {
					continue
				}
				off := rapid.SampledFrom([]string{"L", "L&SA"}).Draw(t, "offering")
				rows = append(rows, fmt.Sprintf("%s,%s,%d", l.name, off, l.q))
				licenses += l.q
				pts[pool] += l.q * l.unit
				if saPoints && off == "L&SA" {
					pts[pool] += l.q * l.unit
				}
			}
			if target == 0 || rapid.Bool().Draw(t, "sa line "+pool) {
				q := rapid.Int64Range(1, 20).Draw(t, "sa quantity")
				rows = append(rows, fmt.Sprintf("%s,SA,%d", halves[pool], q))
				pts[pool] += 0 // the pool has a line
				if saPoints {
					pts[pool] += q
				}
			}
		}
		if len(rows) == 0 {
			rows = append(rows, "Sys One,L,1")
			licenses, pts["Systems"] = 1, 2
		}
		// Line order does not matter.
		rows = rapid.Permutation(rows).Draw(t, "rows")
		order := filepath.Join(dir, "order.csv")
		if err := os.WriteFile(order, []byte("product,offering,quantity\n"+strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"-json", "-catalog", catalogFile}
		if emea {
			args = append(args, "-region", "EMEA")
		}
		if saPoints {
			args = append(args, "-sa-points")
		}
		var out bytes.Buffer
		if err := run(append(args, order), &out); err != nil {
			t.Fatal(err)
		}
		var got result
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}

		var total int64
		for _, p := range pts {
			total += p
		}
		want := result{Licenses: licenses, OpenBusiness: openBusinessJSON{licenses >= 5, max(0, 5-licenses)},
			OpenVolume: openVolumeJSON{Total: halfPoints(total), Pools: []poolJSON{}}}
		for _, pool := range poolOrder {
			p, ok := pts[pool]
			if !ok {
				continue
			}
			missing := 1000 - p
			if emea {
				missing = max(300-p, 1000-total)
			}
			missing = max(missing, 0)
			want.OpenVolume.Pools = append(want.OpenVolume.Pools, poolJSON{pool, halfPoints(p), missing == 0, halfPoints(missing)})
			want.OpenVolume.Eligible = want.OpenVolume.Eligible || missing == 0
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("order\n%s\ngot  %+v\nwant %+v", strings.Join(rows, "\n"), got, want)
		}
	})
}

// halfPoints writes a count of half points as the exact decimal.
func halfPoints(h int64) string {
	if h%2 == 0 {
		return fmt.Sprint(h / 2)
	}
	return fmt.Sprintf("%d.5", h/2)
}

func TestText(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-date", "2020-02-29", "testdata/order.csv"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Open Business 210 licenses: qualifies",
		"Applications  400     no           100",
		"line 2: 200 × Office Professional LicenseSA",
		"2020-02-29 to 2022-02-27",
		"Add 100 points of Applications to qualify for Open Volume.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestBadInput checks that a bad row is an error naming its line and field,
// with nothing on standard output.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name, csv, flags string
		want             []string
		is               error
	}{
		{"empty file", "", "", []string{"line 1", "empty"}, nil},
		{"byte-order mark only", "\ufeff", "", []string{"line 1"}, nil},
		{"header only", "product,offering,quantity\n", "", []string{"line 2", "no order lines"}, licensing.ErrInvalidOrder},
		{"unknown column", "product,offering,qty\n", "", []string{"line 1", "qty"}, nil},
		{"unknown product", "product,offering,quantity\nOffice Professional,L,5\nVisio,L,1\n", "", []string{"line 3", "product"}, licensing.ErrUnknownProduct},
		{"Select Plus product", "product,offering,quantity\nOutlook,L,5\n", "", []string{"line 2", "product"}, licensing.ErrUnknownProduct},
		{"retired type", "product,offering,quantity\nOffice Professional,UA,5\n", "", []string{"line 2", "offering", "OL-12"}, licensing.ErrNotEligible},
		{"subscription", "product,offering,quantity\nOffice Professional,L,5\nOffice Professional,Subscription,5\n", "", []string{"line 3", "offering", "OL-12"}, licensing.ErrInvalidOffering},
		{"zero quantity", "product,offering,quantity\nOffice Professional,L,0\n", "", []string{"line 2", "quantity"}, licensing.ErrInvalidQuantity},
		{"huge quantity", "product,offering,quantity\nOffice Professional,L,99999999999999999999\n", "", []string{"line 2", "quantity"}, licensing.ErrInvalidQuantity},
		{"signed quantity", "product,offering,quantity\nOffice Professional,L,+5\n", "", []string{"line 2", "quantity"}, licensing.ErrInvalidQuantity},
		{"column twice", "product,offering,quantity,product\n", "", []string{"line 1", "twice"}, nil},
		{"short row", "product,offering,quantity\nOffice Professional,L\n", "", []string{"line 2", "fields"}, nil},
		{"bad region", "product,offering,quantity\nOffice Professional,L,5\n", "-region Atlantis", []string{"-region"}, licensing.ErrInvalidRegion},
		{"bad date", "product,offering,quantity\nOffice Professional,L,5\n", "-date 2021-02-29", []string{"-date"}, nil},
		{"stray argument", "product,offering,quantity\nOffice Professional,L,5\n", "extra", []string{"usage"}, nil},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, fmt.Sprintf("order%d.csv", i))
			if err := os.WriteFile(file, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			args := strings.Fields(tt.flags)
			if tt.name == "stray argument" {
				args = []string{file, "extra"}
			} else {
				args = append(args, file)
			}
			var out bytes.Buffer
			err := run(append([]string{"-json"}, args...), &out)
			if err == nil {
				t.Fatalf("no error; output %s", out.String())
			}
			if out.Len() != 0 {
				t.Errorf("printed %q before the error", out.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			if cli.Exit("openlicense", err, &bytes.Buffer{}) == 0 {
				t.Error("exit status 0 on an error")
			}
		})
	}
}

func TestByteOrderMark(t *testing.T) {
	file := filepath.Join(t.TempDir(), "order.csv")
	if err := os.WriteFile(file, []byte("\ufeff\"product\",offering,quantity\r\nOffice Professional,License,5\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run([]string{"-json", file}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"licenses":5,"openBusiness":{"eligible":true,"missing":0}`) {
		t.Fatal(out.String())
	}
}

func TestHelp(t *testing.T) {
	var out bytes.Buffer
	err := run([]string{"-h"}, &out)
	if cli.Exit("openlicense", err, &bytes.Buffer{}) != 0 || !strings.Contains(out.String(), "usage: openlicense") {
		t.Fatalf("err %v, output %q", err, out.String())
	}
}
