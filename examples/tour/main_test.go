package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Windows XP Standard Server", // GEN-04
		"Applications 546 7/12 points",
		"25/12",
		"anniversary 4: 2024-02-29",
		"2024-01-31 + 1 month = 2024-02-29",
		"coverage 2020-04-01..2022-06-30 (27 months), price 652.50", // WS-15
		"2020-04-01   3 months     72.50",
		"2019-07-01 anniversary: SP-22: met the B threshold: keeps B, carries 700", // WS-12
		"2020-07-01 anniversary: SP-23: short of the B threshold: drops to A",
		"total 4000  level B (SP-19)",
		`Distributor: "VISIOSTD" OpenValue LicenseSA level=NL cov=1 acq=0`,
		"SKU-09: 2YR with Acq Y1",
		"outlook: SP-21: if nothing more is bought, keep on 2021-07-01",
		"NorthAmerica: The order qualifies for Open Business. Add 100 points of Applications to qualify for Open Volume.", // OL-09
		"OL-10: Servers qualifies for Open Volume",
		"last day to reorder 2007-03-14 (OL-19)",                // WS-09
		"coverage 2006-07-15..2007-03-14 (8 months) for 200.00", // WS-11
		"a reorder the day after: OL-19",
		"2022-07-10 TerminatedIfNoOrder OV-23", // WS-01
		"2022-09-01 Spread  → Office Professional Plus English Lic/SA Pack OLV NL 1YR Acq Y2 AddProd (Spread), 10 units: 2022-09-01 1300.00 2023-05-10 1300.00 = 2600.00", // WS-05
		"the anniversary order placed on 2022-07-10: OV-23",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if n := strings.Count(out.String(), "if nothing more is bought"); n != 1 {
		t.Errorf("the outlook says \"if nothing more is bought\" %d times, want once", n)
	}
}
