package sa_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// SP-44: every co-terminated line ends on the common date, renewed from the
// day after its own expiry; the earliest gets 25 to 36 months; the total is
// the sum of the prices, each annual × months / 12 rounded once.
func TestCoTerminateProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ma := monthGen.Draw(t, "ma")
		order := dateGen.Draw(t, "order")
		n := rapid.IntRange(1, 6).Draw(t, "lines")
		var lines []sa.Expiring
		for i := range n {
			lines = append(lines, sa.Expiring{
				ID:      fmt.Sprintf("L%d", i+1),
				Expires: order.AddDays(rapid.IntRange(0, 700).Draw(t, "daysToExpiry")),
				Annual:  centsGen.Draw(t, "annual"),
			})
		}
		ct, err := sa.CoTerminate(lines, order, ma, licensing.Date{}, sa.DefaultRounding)
		if err != nil {
			t.Fatal(err)
		}
		total := decimal.Zero
		for i, x := range ct.Extensions {
			if x.Coverage.End != ct.End || x.Coverage.Start != lines[i].Expires.AddDays(1) || x.ID != lines[i].ID {
				t.Fatalf("line %s renewed %v, common end %v", x.ID, x.Coverage, ct.End)
			}
			if x.Coverage.Months < 1 || x.Coverage.Months > 36 {
				t.Fatalf("line %s renewed for %d months", x.ID, x.Coverage.Months)
			}
			want, _ := sa.Prorated{}.Prorate(x.Annual, x.Coverage)
			if !x.Price.Equal(want) {
				t.Fatalf("line %s priced %v, want %v", x.ID, x.Price, want)
			}
			total = total.Add(x.Price)
		}
		if !total.Equal(ct.Total) {
			t.Fatalf("prices sum to %v, total %v", total, ct.Total)
		}
		earliest := ct.Extensions[0]
		for _, x := range ct.Extensions {
			if x.Coverage.Start.Before(earliest.Coverage.Start) {
				earliest = x
			}
		}
		if m := earliest.Coverage.Months; m < 25 || m > 36 {
			t.Fatalf("earliest line renewed for %d months, want 25 to 36", m)
		}
	})
}

func TestCoTerminateChosenDate(t *testing.T) {
	lines := []sa.Expiring{
		{ID: "A", Expires: date("2021-06-30"), Annual: decimal.RequireFromString("290.00")},
		{ID: "B", Expires: date("2021-12-31"), Annual: decimal.RequireFromString("120.00")},
	}
	ct, err := sa.CoTerminate(lines, date("2021-06-15"), 7, licensing.Date{}, sa.DefaultRounding)
	if err != nil {
		t.Fatal(err)
	}
	// Recommended: SP-39 from 2021-07-01 (a July order) gives 36 months to 2024-06-30.
	if ct.End != date("2024-06-30") || ct.Extensions[0].Coverage.Months != 36 || ct.Extensions[1].Coverage.Months != 30 {
		t.Fatalf("recommended co-termination %+v", ct)
	}
	if !ct.Extensions[1].Price.Equal(decimal.RequireFromString("300.00")) || !ct.Total.Equal(decimal.RequireFromString("1170.00")) {
		t.Fatalf("prices %v and %v, total %v", ct.Extensions[0].Price, ct.Extensions[1].Price, ct.Total)
	}
	// The customer picks the 2023 anniversary instead.
	ct, err = sa.CoTerminate(lines, date("2021-06-15"), 7, date("2023-07-01"), sa.DefaultRounding)
	if err != nil || ct.End != date("2023-06-30") || ct.Extensions[1].Coverage.Months != 18 {
		t.Fatalf("chosen co-termination %+v, %v", ct, err)
	}
	for _, bad := range []string{"2023-07-02", "2023-06-01"} {
		if _, err := sa.CoTerminate(lines, date("2021-06-15"), 7, date(bad), sa.DefaultRounding); !errors.Is(err, licensing.ErrNotEligible) {
			t.Errorf("chosen %s: err = %v, want a refusal (not an affiliate anniversary)", bad, err)
		}
	}
	if _, err := sa.CoTerminate(lines, date("2021-06-15"), 7, date("2022-01-01"), sa.DefaultRounding); err == nil {
		t.Error("a chosen date in another month was accepted")
	}
	// SP-46: a line already expired has lapsed.
	_, err = sa.CoTerminate(lines, date("2021-07-01"), 7, licensing.Date{}, sa.DefaultRounding)
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-46" {
		t.Errorf("lapsed line: err = %v, want SP-46", err)
	}
	if _, err := sa.CoTerminate(append(lines, lines[0]), date("2021-06-15"), 7, licensing.Date{}, sa.DefaultRounding); !errors.Is(err, licensing.ErrDuplicateOrder) {
		t.Errorf("duplicate line: err = %v", err)
	}
}
