// Command gen writes the large inputs of the whole-process measurements in
// the README's Speed section, the same bytes on every run (a fixed seed): price-list
// description lines for examples/skuparse, and a Select Plus purchase
// history for examples/selectplus.
//
//	go run ./testdata/gen -kind descriptions -n 1000000 > /tmp/descriptions.txt
//	go run ./testdata/gen -kind history -n 1000000 > /tmp/history.csv
//
// Descriptions mix every style real price files use, in the proportions of
// the parse benchmark's corpus (licensing/sku/parse_bench_test.go): half
// Microsoft's short form, a fifth the long form, distributors' upper-case
// rewrites, resellers' edits and a few expanded rows, with the
// irregularities real lists have (case, doubled blanks, stray commas,
// unknown words); three lines in ten start with a part number and a tab.
//
// The history has the header date,order,affiliate,product,offering,quantity
// of examples/selectplus: ten years of orders from 2015-07-01 by five
// affiliates, one to five rows each, of every default-catalog product that
// earns points in a pool (the default catalog has eight such; a larger
// product list would need a -catalog flag the command does not have):
// licenses, L&SA, and SA renewed on what an affiliate has L&SA for, three
// years after its first L&SA on it and then every three years.
//
// The measurements, timed as whole processes beside awk on the same file
// in the same run, three runs each (GNU time's wall clock and maximum
// resident set size):
//
//	go build -o /tmp/skuparse ./examples/skuparse
//	for i in 1 2 3; do
//	    /usr/bin/time -v /tmp/skuparse -json < /tmp/descriptions.txt > /dev/null
//	    /usr/bin/time -v awk '{n+=NF} END {print n}' /tmp/descriptions.txt > /dev/null
//	done 2>&1 | grep -E 'Command|Elapsed|Maximum resident'
//
//	go build -o /tmp/selectplus ./examples/selectplus
//	/usr/bin/time -v /tmp/selectplus -json -start 2015-07-01 /tmp/history.csv > /dev/null
//	/usr/bin/time -v awk -F, 'NR>1 {n[$4]+=$6} END {for (p in n) print p, n[p]}' /tmp/history.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

func main() {
	kind := flag.String("kind", "descriptions", "descriptions or history")
	n := flag.Int("n", 1_000_000, "lines to write (history: rows after the header)")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	rng := rand.New(rand.NewPCG(11, 2026))
	var err error
	switch *kind {
	case "descriptions":
		err = descriptions(w, rng, *n)
	case "history":
		err = history(w, rng, *n)
	default:
		err = fmt.Errorf("-kind %q: want descriptions or history", *kind)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// The words descriptions are made of.
var (
	products  = []string{"SQLSvrStdCore", "WinRmtDsktpSrvcsCAL", "ExchgSvrStd", "VisioStd", "WinSvrDCCore", "PrjctPro", "SfBSvr", "OfficeProPlus", "CoreCAL", "WinSvrSTDCore"}
	longNames = []string{"Office Professional Plus", "Project Professional", "Visual Studio Pro", "Exchange Server Standard", "Windows Server Datacenter", "Skype for Business", "System Center Endpoint Protection"}
	versions  = []string{"2019", "2016", "2008R2", "2012R2", "9.0", "2022", ""}
	languages = []string{"English", "German", "RUS", "French", "JPN"}
	programs  = []string{"OLV", "OVS", "OLP", "MVL"}
	unknown   = []string{"Promo", "XYZZY", "qq7", "Bundle", "Refurb", "#42"}
	levels    = []string{"NL", "A", "B", "C", "D"}
	// years are the acquisition years and coverages Open Value sells
	// together (SKU-09).
	years = [][2]int{{1, 1}, {1, 3}, {2, 1}, {2, 2}, {3, 1}}
)

// styles are the description styles in thousandths, as in the parse
// benchmark's corpus.
var styles = []struct {
	share int
	write func(r *rand.Rand) []string
}{
	{500, short}, {200, long}, {150, distributor}, {100, reseller}, {50, expanded},
}

func pick(r *rand.Rand, words []string) string { return words[r.IntN(len(words))] }

func short(r *rand.Rand) []string {
	w := []string{pick(r, products)}
	if v := pick(r, versions); v != "" {
		w = append(w, v)
	}
	w = append(w, pick(r, append([]string{"ALNG", "SNGL"}, languages...)), pick(r, []string{"LicSAPk", "LSA", "SA", "SubsVL", "Lic"}), pick(r, programs))
	if r.IntN(2) == 0 {
		w = append(w, strconv.Itoa(1+r.IntN(16))+"Lic")
	}
	w = append(w, pick(r, levels))
	if r.IntN(2) == 0 {
		y := years[r.IntN(len(years))]
		w = append(w, strconv.Itoa(y[1])+"Y", pick(r, []string{"Aq Y", "AqY", "AY"})+strconv.Itoa(y[0]))
	}
	if r.IntN(2) == 0 {
		w = append(w, pick(r, []string{"AP", "E", "Pltfrm"}))
	}
	if r.IntN(3) == 0 {
		w = append(w, pick(r, []string{"CoreLic", "DvcCAL", "UsrCAL", "PerUsr"}))
	}
	return w
}

func long(r *rand.Rand) []string {
	w := []string{pick(r, longNames)}
	if v := pick(r, versions); v != "" {
		w = append(w, v)
	}
	y := years[r.IntN(len(years))]
	return append(w, pick(r, append([]string{"All Languages", "Single Language"}, languages...)), pick(r, []string{"Lic/SA Pack", "Lic/SA", "SA Pack", "SA"}),
		pick(r, programs[:2]), pick(r, levels), strconv.Itoa(y[1])+"YR", pick(r, []string{"Acq Y", "AcqY"})+strconv.Itoa(y[0]), pick(r, []string{"AddProd", "Ent"}))
}

func distributor(r *rand.Rand) []string {
	w := []string{strconv.Itoa(1+r.IntN(3)) + pick(r, []string{"YR", "Y"}), strings.ToUpper(pick(r, products))}
	if v := pick(r, versions); v != "" {
		w = append(w, v)
	}
	w = append(w, pick(r, []string{"ALNG", "SNGL"}), pick(r, []string{"LICSAPK", "SA"}), pick(r, programs), pick(r, levels))
	for i := range w {
		w[i] = strings.ToUpper(w[i])
	}
	return w
}

func reseller(r *rand.Rand) []string {
	w := []string{pick(r, []string{"Microsoft", "Microsoft®"}), pick(r, longNames)}
	if v := pick(r, versions); v != "" {
		w = append(w, v)
	}
	if r.IntN(2) == 0 {
		w = append(w, pick(r, languages))
	}
	if r.IntN(3) == 0 {
		w = append(w, pick(r, []string{"Academic", "GOV", "Charity"}))
	}
	w = append(w, pick(r, []string{"License", "Software Assurance"}), pick(r, []string{"OPEN", "OLP", "OLV", "MVL"}))
	if n := 1 + r.IntN(20); r.IntN(2) == 0 {
		w = append(w, strconv.Itoa(n), map[bool]string{true: "License", false: "Licenses"}[n == 1])
	}
	w = append(w, pick(r, []string{"No Level", "Level A", "Level B", "Level C", "Level D"}))
	if r.IntN(3) == 0 {
		w = append(w, "EACH")
	}
	if r.IntN(4) == 0 {
		w = append(w, "(Perpetual License)")
	}
	return w
}

func expanded(r *rand.Rand) []string {
	w := []string{pick(r, longNames), "AllLng", pick(r, []string{"SubscriptionVL", "MonthlySubscriptions-VolumeLicense"}), pick(r, programs),
		strconv.Itoa(1+r.IntN(5)) + "License", "NoLevel"}
	if r.IntN(2) == 0 {
		w = append(w, "Qualified")
	}
	return w
}

// descriptions writes n description lines.
func descriptions(w *bufio.Writer, r *rand.Rand, n int) error {
	for range n {
		k, i := r.IntN(1000), 0
		for k >= styles[i].share {
			k -= styles[i].share
			i++
		}
		words := styles[i].write(r)
		for range r.IntN(3) {
			words = append(words, pick(r, unknown))
		}
		if r.IntN(10) < 3 {
			fmt.Fprintf(w, "%03d-%05d\t", r.IntN(1000), r.IntN(100000))
		}
		for j, word := range words {
			if j > 0 {
				w.WriteString(pick(r, []string{" ", " ", " ", " ", " ", "  ", ", "})) // a tab would end a part number
			}
			if r.IntN(8) == 0 {
				word = strings.ToLower(word)
			}
			w.WriteString(word)
		}
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}

// history writes a header and n rows of orders.
func history(w *bufio.Writer, r *rand.Rand, n int) error {
	var names []string
	for p := range licensing.DefaultCatalog().Products() {
		if p.Pool.IsValid() {
			names = append(names, p.Name)
		}
	}
	affiliates := []string{"Contoso", "Fabrikam", "Northwind", "Tailspin", "Woodgrove"}
	start := licensing.MustParseDate("2015-07-01")
	const days = 3652 // ten years
	w.WriteString("date,order,affiliate,product,offering,quantity\n")
	// An affiliate renews SA on a product it has L&SA for, as a customer
	// does, once in the three years its coverage runs (SP-39): three years
	// after its first L&SA on the product or its last renewal. A renewal
	// drawn sooner is bought as L&SA instead, so that coverage does not run
	// centuries ahead of the orders.
	type holding struct{ aff, product string }
	since := map[holding]licensing.Date{} // the first L&SA, then the last renewal
	order := 0
	for row := 0; row < n; {
		order++
		d := start.AddDays(row * days / n)
		aff := affiliates[r.IntN(len(affiliates))]
		lines := min(1+r.IntN(5), n-row)
		for range lines {
			q := 1 + r.IntN(50)
			if order == 1 {
				q = 500 // a first order above every minimum
			}
			h := holding{aff, pick(r, names)}
			offering := pick(r, []string{"License", "LicenseSA", "LicenseSA", "SA"})
			last, held := since[h]
			if offering == "SA" && (!held || d.Before(last.AddDays(3*365))) {
				offering = "LicenseSA"
			}
			if offering == "SA" || offering == "LicenseSA" && !held {
				since[h] = d
			}
			fmt.Fprintf(w, "%v,O%07d,%s,%s,%s,%d\n", d, order, h.aff, h.product, offering, q)
			row++
		}
	}
	return nil
}
