package selectplus_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"github.com/vlrules/vlrules/selectplus"
	"pgregory.net/rapid"
)

// renewLedger is a commercial agreement effective 2019-07-01 whose one
// affiliate, HQ, has July anniversaries, with Office Professional Plus
// covered to 2022-06-30 and Windows Server Essentials to 2023-06-30.
func renewLedger(t *testing.T) *selectplus.Ledger {
	t.Helper()
	l := newLedger(t, licensing.Commercial, "2019-07-01")
	must(t, l, order("O1", "2019-08-01", "HQ", lsa("Office Professional Plus", 250)))
	must(t, l, order("O2", "2020-08-01", "HQ", lsa("Windows Server Essentials", 100)))
	return l
}

func renewal(id, d string, lines ...selectplus.RenewalLine) selectplus.RenewalOrder {
	return selectplus.RenewalOrder{ID: id, Date: date(d), Affiliate: "HQ", Lines: lines}
}

func renewing(name string, qty int64, annual string) selectplus.RenewalLine {
	return selectplus.RenewalLine{Product: product(name), Quantity: qty, Annual: decimal.RequireFromString(annual)}
}

// Renewing is refused, naming the rule or the field, for an unknown
// affiliate (SP-12), nothing to renew, a product never covered here or one
// whose coverage lapsed (SP-46), a date that is not an affiliate
// anniversary (SP-44), an order ID already posted (INV-06); a refusal
// leaves the coverage as it was, and the expiry day itself is on time
// (SP-45).
func TestRenewRefusals(t *testing.T) {
	l := renewLedger(t)
	office := renewing("Office Professional Plus", 250, "7250")
	for _, c := range []struct {
		name  string
		o     selectplus.RenewalOrder
		rule  licensing.RuleID
		field string
	}{
		{"unknown affiliate", selectplus.RenewalOrder{ID: "R", Date: date("2022-06-01"), Affiliate: "US", Lines: []selectplus.RenewalLine{office}}, "SP-12", ""},
		{"nothing to renew", renewal("R", "2022-06-01"), "", "lines"},
		{"never covered", renewal("R", "2022-06-01", renewing("Outlook", 10, "29")), "SP-46", ""},
		{"a product twice", renewal("R", "2022-06-01", office, office), "", "product"},
		{"a negative price", renewal("R", "2022-06-01", renewing("Office Professional Plus", 250, "-1")), "", "annual"},
		{"not an anniversary", selectplus.RenewalOrder{ID: "R", Date: date("2022-06-01"), Affiliate: "HQ", Lines: []selectplus.RenewalLine{office}, Anniversary: date("2026-06-01")}, "SP-44", ""},
		{"a posted ID", renewal("O1", "2022-06-01", office), "INV-06", ""},
		{"lapsed", renewal("R", "2022-07-01", office, renewing("Windows Server Essentials", 100, "1000")), "SP-46", ""},
	} {
		before, _ := l.CoveredUntil("HQ", product("Office Professional Plus"))
		checked, checkErr := l.CheckRenewal(c.o)
		r, err := l.Renew(c.o)
		if len(r.CoTermination.Extensions) > 0 || !r.CoTermination.Total.IsZero() || len(checked.CoTermination.Extensions) > 0 {
			t.Errorf("%s: a refused renewal bills %v (checked: %v)", c.name, r.CoTermination.Total, checked.CoTermination.Total)
		}
		if (checkErr == nil) != (err == nil) {
			t.Errorf("%s: CheckRenewal says %v, Renew %v", c.name, checkErr, err)
		}
		rule, _ := licensing.RuleOf(err)
		fe := (*licensing.FieldError)(nil)
		switch {
		case err == nil:
			t.Errorf("%s: renewed", c.name)
		case c.rule != "" && rule != c.rule:
			t.Errorf("%s: err = %v, want %s", c.name, err, c.rule)
		case c.field != "" && (!errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, licensing.ErrInvalidOrder)):
			t.Errorf("%s: err = %v, want a field error naming %s", c.name, err, c.field)
		}
		if after, _ := l.CoveredUntil("HQ", product("Office Professional Plus")); after != before {
			t.Errorf("%s: a refused renewal moved the coverage to %v", c.name, after)
		}
	}
	l = renewLedger(t)
	if _, err := l.Renew(renewal("R", "2022-06-30", office)); err != nil {
		t.Fatalf("a renewal on the expiry day (SP-45): %v", err)
	}
	if end, _ := l.CoveredUntil("HQ", product("Office Professional Plus")); end != date("2025-06-30") {
		t.Fatalf("renewed to %v, want 2025-06-30", end)
	}
	// The audit trail counts the renewal's points once: the order's
	// purchase event, not also each line's renewal event.
	var counted licensing.Points
	for _, e := range l.Audit() {
		if e.Order == "R" {
			counted = counted.Add(e.Points)
		}
	}
	if want := licensing.WholePoints(750); !counted.Equal(want) {
		t.Errorf("the trail counts %v points for the renewal, want %v", counted, want)
	}
}

// SP-44, SA-12, INV-07: for a ledger whose affiliate bought L&SA of random
// products on random dates, renewing them all on or before the earliest
// expiry moves each coverage to the common end (CoveredUntil), prices each
// line annual × months / 12 rounded once, with prices that add up to the
// total exactly, earns L·m/24 points a unit, and records it: the ledger
// saves and restores identically, and a second renewal, in it and in the
// restored one alike, renews from the new end.
func TestRenewProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ma := time.Month(rapid.IntRange(1, 12).Draw(t, "anniversaryMonth"))
		start := date("2019-01-01").AddDays(rapid.IntRange(0, 700).Draw(t, "startDays"))
		l, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: start,
			Lead: selectplus.Affiliate{ID: "HQ", Anniversary: licensing.MustDate(2018, ma, 1)}}, selectplus.DefaultRules())
		if err != nil {
			t.Fatal(err)
		}
		l.SetAudit(true)
		// An active EA waives the minimums (SP-27): no pool goes on hold
		// and refuses a small renewal (SP-25) while the years pass.
		if err := l.Associate(selectplus.EnterpriseAgreement, licensing.LevelB, start); err != nil {
			t.Fatal(err)
		}
		names := rapid.SliceOfNDistinct(rapid.SampledFrom(catalogProducts), 1, 4, rapid.ID[string]).Draw(t, "products")
		d := start
		for i, n := range names {
			d = d.AddDays(rapid.IntRange(0, 180).Draw(t, "buyDays")) // before the first coverage (25 months at least) ends
			if _, err := l.Post(licensing.Order{ID: fmt.Sprintf("B%d", i), Date: d, Affiliate: "HQ",
				Lines: []licensing.Line{{Product: product(n), Offering: licensing.LicenseSA, Quantity: 500}}}); err != nil {
				t.Fatalf("buying %s on %v: %v", n, d, err)
			}
		}
		// Renew every product on a day on or before the earliest expiry.
		renew := func(id string) (selectplus.RenewalOrder, licensing.Date) {
			earliest := licensing.MustParseDate("9999-12-31")
			o := selectplus.RenewalOrder{ID: id, Affiliate: "HQ"}
			for _, n := range names {
				end, ok := l.CoveredUntil("HQ", product(n))
				if !ok {
					t.Fatalf("%s not covered", n)
				}
				if end.Before(earliest) {
					earliest = end
				}
				o.Lines = append(o.Lines, selectplus.RenewalLine{Product: product(n), Quantity: rapid.Int64Range(1, 1000).Draw(t, "qty"),
					Annual: decimal.New(rapid.Int64Range(0, 10_000_000).Draw(t, "annualCents"), -2)})
			}
			o.Date = earliest.AddDays(-rapid.IntRange(0, 300).Draw(t, "early"))
			if o.Date.Before(l.Now()) {
				o.Date = l.Now()
			}
			return o, earliest
		}
		first, _ := renew("R1")
		check, checkErr := l.CheckRenewal(first)
		ends := map[string]licensing.Date{}
		for _, n := range names {
			ends[n], _ = l.CoveredUntil("HQ", product(n))
		}
		r, err := l.Renew(first)
		if err != nil || checkErr != nil || !reflect.DeepEqual(check, r) {
			t.Fatalf("Renew = %+v, %v; CheckRenewal = %+v, %v", r, err, check, checkErr)
		}
		ct := r.CoTermination
		sum := decimal.Zero
		for i, x := range ct.Extensions {
			n := names[i]
			ln := first.Lines[i]
			// Each line is renewed from the day after its coverage ended to
			// the common end, and CoveredUntil reports it (SP-44).
			if x.Coverage.Start != ends[n].AddDays(1) || x.Coverage.End != ct.End || x.Coverage.Months != sa.Months(x.Coverage.Start, ct.End) {
				t.Fatalf("%s: extension %v, coverage ended %v, common end %v", n, x.Coverage, ends[n], ct.End)
			}
			if end, _ := l.CoveredUntil("HQ", product(n)); end != ct.End {
				t.Fatalf("%s: CoveredUntil = %v after renewing to %v", n, end, ct.End)
			}
			// The price is annual × months / 12, rounded once (SA-12, SA-22),
			// and the SA points L·m/24 a unit (SA-01).
			if want := ln.Annual.Mul(decimal.NewFromInt(int64(x.Coverage.Months))).DivRound(decimal.NewFromInt(12), 2); !x.Price.Equal(want) {
				t.Fatalf("%s: price %v for %d months at %v, want %v", n, x.Price, x.Coverage.Months, ln.Annual, want)
			}
			lr := r.Receipt.Lines[i]
			if lr.SAPoints.Units()*24 != ln.Product.Points.Units()*ln.Quantity*int64(x.Coverage.Months) || lr.Coverage != x.Coverage {
				t.Fatalf("%s: %v SA points for %d × %v points over %d months; coverage %v", n, lr.SAPoints, ln.Quantity, ln.Product.Points, x.Coverage.Months, lr.Coverage)
			}
			sum = sum.Add(x.Price)
		}
		if !sum.Equal(ct.Total) { // the amounts add up exactly
			t.Fatalf("extensions add up to %v, total %v", sum, ct.Total)
		}
		// Saved and restored, the ledger is the same, and a second renewal
		// quotes from the new end in both.
		back := roundTrip(t, l)
		audit := back.Audit()
		if e := audit[len(audit)-1]; e.Transition != selectplus.Renewed || e.Why().Rule != "SP-44" || e.Order != "R1" {
			t.Fatalf("last audit event %v", e)
		}
		second, _ := renew("R2")
		r1, e1 := l.Renew(second)
		r2, e2 := back.Renew(second)
		if fmt.Sprint(e1) != fmt.Sprint(e2) || !reflect.DeepEqual(r1, r2) {
			t.Fatalf("second renewal: %+v, %v; restored %+v, %v", r1, e1, r2, e2)
		}
		if e1 != nil {
			if !errors.Is(e1, licensing.ErrOverflow) {
				t.Fatalf("second renewal: %v", e1)
			}
			return
		}
		for _, x := range r1.CoTermination.Extensions {
			if x.Coverage.Start != ct.End.AddDays(1) {
				t.Fatalf("second renewal of %s starts %v, want the day after %v", x.ID, x.Coverage.Start, ct.End)
			}
		}
	})
}

// roundTrip saves l, restores it and checks that the restored ledger saves
// the same bytes (INV-07); it returns the restored ledger.
func roundTrip(t rapid.TB, l *selectplus.Ledger) *selectplus.Ledger {
	t.Helper()
	saved, err := l.MarshalJSON()
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	var back selectplus.Ledger
	if err := back.UnmarshalJSON(saved); err != nil {
		t.Fatalf("restore: %v\n%s", err, saved)
	}
	if again, _ := back.MarshalJSON(); string(again) != string(saved) {
		t.Fatalf("INV-07: a restored ledger saves differently:\n%s\n%s", saved, again)
	}
	return &back
}
