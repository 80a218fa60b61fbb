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

// endWhy is the program's reason for a common end, as the sa tests build
// it.
func endWhy(end licensing.Date) licensing.Explanation {
	return licensing.Explain("SP-44", "common end "+end.String())
}

// SA-12, SA-22: every co-terminated line ends on the common date the
// program chose, renewed from the day after its own expiry for the months
// Months counts; each price is annual × months / 12 rounded once, and the
// total is their sum.
func TestCoTerminateProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		order := dateGen.Draw(t, "order")
		n := rapid.IntRange(1, 6).Draw(t, "lines")
		var lines []sa.Expiring
		earliest, latest := licensing.Date{}, licensing.Date{}
		for i := range n {
			l := sa.Expiring{
				ID:      fmt.Sprintf("L%d", i+1),
				Expires: order.AddDays(rapid.IntRange(0, 700).Draw(t, "daysToExpiry")),
				Annual:  centsGen.Draw(t, "annual"),
			}
			if i == 0 || l.Expires.Before(earliest) {
				earliest = l.Expires
			}
			if l.Expires.After(latest) {
				latest = l.Expires
			}
			lines = append(lines, l)
		}
		// Any end from the latest renewal start to 36 months after the
		// earliest.
		first, last := latest.AddDays(1), earliest.AddDays(1).AddMonths(licensing.MaxSAMonths).AddDays(-1)
		end := first.AddDays(rapid.IntRange(0, first.DaysUntil(last)).Draw(t, "endOffset"))
		ct, err := sa.CoTerminate(renewalRules, lines, order, end, endWhy(end), sa.Prorated{}, sa.DefaultRounding)
		if err != nil {
			t.Fatal(err)
		}
		total := decimal.Zero
		for i, x := range ct.Extensions {
			if x.Coverage.End != end || ct.End != end || x.Coverage.Start != lines[i].Expires.AddDays(1) || x.ID != lines[i].ID || !x.Annual.Equal(lines[i].Annual) {
				t.Fatalf("line %s renewed %v, common end %v", x.ID, x.Coverage, end)
			}
			if m := x.Coverage.Months; m < 1 || m > licensing.MaxSAMonths || m != sa.Months(x.Coverage.Start, end) {
				t.Fatalf("line %s renewed for %d months", x.ID, m)
			}
			want, _ := sa.Prorated{}.Price(x.Annual, x.Coverage, sa.DefaultRounding)
			if !x.Price.Equal(want) {
				t.Fatalf("line %s priced %v, want %v", x.ID, x.Price, want)
			}
			if x.Why().Rule != "SP-44" {
				t.Fatalf("line %s explained by %s", x.ID, x.Why().Rule)
			}
			total = total.Add(x.Price)
		}
		if !total.Equal(ct.Total) {
			t.Fatalf("prices sum to %v, total %v", total, ct.Total)
		}
		if why := ct.Why(); len(why) != n+1 || why[0].Result != endWhy(end).Result {
			t.Fatalf("Why() = %v", why)
		}
		// A day further than 36 months from the earliest renewal is refused.
		_, err = sa.CoTerminate(renewalRules, lines, order, last.AddDays(1), endWhy(last.AddDays(1)), sa.Prorated{}, sa.DefaultRounding)
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-44" {
			t.Fatalf("end %v, 37 months after %v: err = %v", last.AddDays(1), earliest.AddDays(1), err)
		}
	})
}

// Two lines renewed on 2021-06-15 to 2024-06-30: 36 and 30 months.
func TestCoTerminateFigures(t *testing.T) {
	lines := []sa.Expiring{
		{ID: "A", Expires: date("2021-06-30"), Annual: decimal.RequireFromString("290.00")},
		{ID: "B", Expires: date("2021-12-31"), Annual: decimal.RequireFromString("120.00")},
	}
	end := date("2024-06-30")
	ct, err := sa.CoTerminate(renewalRules, lines, date("2021-06-15"), end, endWhy(end), sa.Prorated{}, sa.DefaultRounding)
	if err != nil {
		t.Fatal(err)
	}
	if ct.End != end || ct.Extensions[0].Coverage.Months != 36 || ct.Extensions[1].Coverage.Months != 30 {
		t.Fatalf("co-termination %+v", ct)
	}
	if !ct.Extensions[0].Price.Equal(decimal.RequireFromString("870.00")) || !ct.Extensions[1].Price.Equal(decimal.RequireFromString("300.00")) || !ct.Total.Equal(decimal.RequireFromString("1170.00")) {
		t.Fatalf("prices %v and %v, total %v", ct.Extensions[0].Price, ct.Extensions[1].Price, ct.Total)
	}
	// An earlier end: 18 months for B.
	end = date("2023-06-30")
	ct, err = sa.CoTerminate(renewalRules, lines, date("2021-06-15"), end, endWhy(end), sa.Prorated{}, sa.DefaultRounding)
	if err != nil || ct.End != end || ct.Extensions[1].Coverage.Months != 18 {
		t.Fatalf("earlier end %+v, %v", ct, err)
	}
	// A line renewed on its last day is on time; one already expired has
	// lapsed, under the program's lapse rule (SP-46).
	if _, err := sa.CoTerminate(renewalRules, lines, date("2021-06-30"), end, endWhy(end), sa.Prorated{}, sa.DefaultRounding); err != nil {
		t.Errorf("renewed on the expiry: %v", err)
	}
	_, err = sa.CoTerminate(renewalRules, lines, date("2021-07-01"), end, endWhy(end), sa.Prorated{}, sa.DefaultRounding)
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-46" {
		t.Errorf("lapsed line: err = %v, want SP-46", err)
	}
	if _, err := sa.CoTerminate(renewalRules, append(lines, lines[0]), date("2021-06-15"), end, endWhy(end), sa.Prorated{}, sa.DefaultRounding); !errors.Is(err, licensing.ErrDuplicateOrder) {
		t.Errorf("duplicate line: err = %v", err)
	}
	// LIB-09: a line expiring on the calendar's last day cannot be renewed
	// from the day after; it was renewed from the day it expired.
	last := date("9999-12-31")
	if _, err := sa.CoTerminate(renewalRules, []sa.Expiring{{ID: "Z", Expires: last, Annual: decimal.New(100, 0)}}, date("9999-01-01"), last, endWhy(last), sa.Prorated{}, sa.DefaultRounding); !errors.Is(err, licensing.ErrOverflow) {
		t.Errorf("a line expiring on 9999-12-31: err = %v", err)
	}
	// An end before a line's renewal starts is refused by the
	// co-termination rule.
	_, err = sa.CoTerminate(renewalRules, lines, date("2021-06-15"), date("2021-12-30"), endWhy(date("2021-12-30")), sa.Prorated{}, sa.DefaultRounding)
	if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != "SP-44" {
		t.Errorf("end before B's renewal: err = %v, want SP-44", err)
	}
	for name, bad := range map[string][]sa.Expiring{
		"no lines":         nil,
		"no expiry":        {{ID: "A", Annual: decimal.New(1, 0)}},
		"negative annual":  {{ID: "A", Expires: date("2021-06-30"), Annual: decimal.New(-1, 0)}},
		"zero-dated order": lines,
	} {
		order := date("2021-06-15")
		if name == "zero-dated order" {
			order = licensing.Date{}
		}
		if _, err := sa.CoTerminate(renewalRules, bad, order, end, endWhy(end), sa.Prorated{}, sa.DefaultRounding); !errors.Is(err, licensing.ErrInvalidOrder) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
