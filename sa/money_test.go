package sa_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
)

// Issue 15 item 6: every result type marshals with lowerCamel names and its
// money with the two decimals of the minor unit ("72.50", not "72.5"), and
// reads back as the same values.
func TestResultsMarshalJSON(t *testing.T) {
	q, err := sa.QuoteTerms(stubTerms(), decimal.RequireFromString("29.00"), 10, sa.DefaultRounding)
	if err != nil {
		t.Fatal(err)
	}
	lines := []sa.Expiring{{ID: "a", Expires: date("2021-06-30"), Annual: decimal.RequireFromString("29.5")}}
	ct, err := sa.CoTerminate(sa.Renewal{OnTime: "SP-45", Lapse: "SP-46", CoTerm: "SP-44"}, lines, date("2021-06-01"), date("2022-06-30"),
		licensing.Explain("SP-44", "common end"), sa.Prorated{}, sa.DefaultRounding)
	if err != nil {
		t.Fatal(err)
	}
	be, err := sa.CompareUpgrade(sa.ServerProducts, decimal.RequireFromString("3"))
	if err != nil {
		t.Fatal(err)
	}
	cov := `{"start":"2020-04-01","end":"2022-06-30","months":27}`
	tests := []struct {
		name string
		v    any
		back any // a pointer to decode into
		want string
	}{
		{"Coverage", q.Coverage, new(sa.Coverage), cov},
		{"Installment", q.Schedule.Installments[0], new(sa.Installment),
			`{"due":"2020-04-01","period":{"start":"2020-04-01","end":"2020-06-30","months":3},"amount":"72.50"}`},
		{"Schedule", sa.Schedule{Total: decimal.New(5, 0), Installments: []sa.Installment{{Due: date("2020-04-01"), Amount: decimal.New(5, 0)}}}, new(sa.Schedule),
			`{"total":"5.00","installments":[{"due":"2020-04-01","period":{"start":"","end":"","months":0},"amount":"5.00"}]}`},
		{"Quote", q, new(sa.Quote), `{"coverage":` + cov + `,"price":"652.50","schedule":{"total":"652.50","installments":[` +
			`{"due":"2020-04-01","period":{"start":"2020-04-01","end":"2020-06-30","months":3},"amount":"72.50"},` +
			`{"due":"2020-07-01","period":{"start":"2020-07-01","end":"2021-06-30","months":12},"amount":"290.00"},` +
			`{"due":"2021-07-01","period":{"start":"2021-07-01","end":"2022-06-30","months":12},"amount":"290.00"}]}}`},
		{"Expiring", lines[0], new(sa.Expiring), `{"id":"a","expires":"2021-06-30","annual":"29.50"}`},
		{"Extension", ct.Extensions[0], new(sa.Extension),
			`{"id":"a","coverage":{"start":"2021-07-01","end":"2022-06-30","months":12},"annual":"29.50","price":"29.50"}`},
		{"CoTermination", ct, new(sa.CoTermination), `{"end":"2022-06-30","extensions":[` +
			`{"id":"a","coverage":{"start":"2021-07-01","end":"2022-06-30","months":12},"annual":"29.50","price":"29.50"}],"total":"29.50"}`},
		{"Breakeven", be, new(sa.Breakeven), `{"class":"server","rate":"0.25","years":"3","cost":"0.75","economical":true}`},
		{"Assessment", sa.Categorize(sa.Held{Product: "Office", Known: true, Current: true}), new(sa.Assessment),
			`{"held":{"product":"Office","known":true,"current":true,"upgradeAdvantage":false},"category":"CurrentWithoutUA"}`},
		{"Rounding", sa.DefaultRounding, new(sa.Rounding), `{"places":2,"mode":"half-up"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Fatalf("json.Marshal(%s) =\n%s\nwant\n%s", tt.name, b, tt.want)
			}
			if err := json.Unmarshal(b, tt.back); err != nil {
				t.Fatal(err)
			}
			// What comes back marshals the same: no figure is lost (the
			// explanations are not marshalled).
			again, err := json.Marshal(tt.back)
			if err != nil || string(again) != tt.want {
				t.Fatalf("round trip = %s, %v", again, err)
			}
		})
	}
	// A finer amount keeps its digits: money is never rounded to marshal.
	var in sa.Installment
	if err := json.Unmarshal([]byte(`{"amount":"0.125"}`), &in); err != nil || !in.Amount.Equal(decimal.RequireFromString("0.125")) {
		t.Fatalf("amount = %v, %v", in.Amount, err)
	}
	if b, _ := json.Marshal(in); !cmp.Equal(string(b), `{"due":"","period":{"start":"","end":"","months":0},"amount":"0.125"}`) {
		t.Errorf("fine amount marshals as %s", b)
	}
}
