package sa_test

import (
	"errors"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// testWindows are a program's SA-only enrollment rows as the sa tests
// build them: systems, servers and CALs bought retail or OEM within 90
// days, and Office 2013 or newer bought OEM with SA for the identical
// version (the shape of Select Plus's SP-40 and SP-41).
func testWindows() []sa.Window {
	return []sa.Window{
		{Kinds: []licensing.Kind{licensing.KindSystem, licensing.KindServer, licensing.KindCAL},
			Channels: []licensing.Channel{licensing.Retail, licensing.OEM}, Days: 90, Rule: "SP-40"},
		{Kinds: []licensing.Kind{licensing.KindApplication}, Channels: []licensing.Channel{licensing.OEM},
			Family: "Office", MinVersion: 2013, SameVersion: true, Days: 90, Rule: "SP-41"},
	}
}

func product(name, family string, kind licensing.Kind) licensing.Product {
	return licensing.Product{Name: name, Family: family, Kind: kind}
}

// SA-10: the first window of the product's kind and family decides its
// channel, version and days; with none, the program admits no such
// product.
func TestCanEnrollCases(t *testing.T) {
	bought := date("2020-01-10")
	office := func(channel licensing.Channel, version int) sa.Purchase {
		return sa.Purchase{Product: product("Office Professional Plus", "Office", licensing.KindApplication), Version: version, Channel: channel, Date: bought}
	}
	tests := []struct {
		name    string
		windows []sa.Window
		p       sa.Purchase
		day     int
		saVer   int
		allowed bool
		rule    licensing.RuleID
	}{
		{"Office 2010 OEM", testWindows(), office(licensing.OEM, 2010), 10, 2010, false, "SP-41"},
		{"Office 2016 FPP", testWindows(), office(licensing.Retail, 2016), 10, 2016, false, "SP-41"},
		{"Office 2016 OEM, SA for 2019", testWindows(), office(licensing.OEM, 2016), 10, 2019, false, "SP-41"},
		{"Office 2016 OEM day 0", testWindows(), office(licensing.OEM, 2016), 0, 2016, true, "SP-41"},
		{"Office 2016 OEM day 90", testWindows(), office(licensing.OEM, 2016), 90, 2016, true, "SP-41"},
		{"Office 2016 OEM day 91", testWindows(), office(licensing.OEM, 2016), 91, 2016, false, "SP-41"},
		{"family in another case", testWindows(), sa.Purchase{Product: product("Office Home", "OFFICE", licensing.KindApplication), Version: 2019, Channel: licensing.OEM, Date: bought}, 10, 2019, true, "SP-41"},
		{"Visio OEM (not Office)", testWindows(), sa.Purchase{Product: product("Visio Standard", "Visio", licensing.KindApplication), Version: 2019, Channel: licensing.OEM, Date: bought}, 10, 2019, false, "SP-40"},
		{"Windows FPP day 90", testWindows(), sa.Purchase{Product: product("Windows upgrade", "Windows", licensing.KindSystem), Channel: licensing.Retail, Date: bought}, 90, 0, true, "SP-40"},
		{"CAL OEM", testWindows(), sa.Purchase{Product: product("Windows Server CAL", "", licensing.KindCAL), Channel: licensing.OEM, Date: bought}, 30, 0, true, "SP-40"},
		{"Server volume license", testWindows(), sa.Purchase{Product: product("Windows Server Essentials", "Windows Server", licensing.KindServer), Channel: licensing.Volume, Date: bought}, 5, 0, false, "SP-40"},
		{"online service", testWindows(), sa.Purchase{Product: product("Exchange Online", "", licensing.KindOnlineService), Channel: licensing.Retail, Date: bought}, 5, 0, false, "SP-40"},
		{"before the purchase", testWindows(), sa.Purchase{Product: product("Windows Server Essentials", "Windows Server", licensing.KindServer), Channel: licensing.OEM, Date: bought}, -1, 0, false, "SP-40"},
		{"a program with no window", nil, sa.Purchase{Product: product("Windows Server Essentials", "Windows Server", licensing.KindServer), Channel: licensing.Retail, Date: bought}, 5, 0, false, "SA-10"},
	}
	for _, tt := range tests {
		e, err := sa.CanEnroll(tt.windows, tt.p, bought.AddDays(tt.day), tt.saVer)
		if (err == nil) != tt.allowed || e.Rule != tt.rule {
			t.Errorf("%s: allowed %v by %s (%v); want %v by %s", tt.name, err == nil, e.Rule, err, tt.allowed, tt.rule)
		}
		if rule, _ := licensing.RuleOf(err); !tt.allowed && (!errors.Is(err, licensing.ErrNotEligible) || rule != tt.rule) {
			t.Errorf("%s: refusal %v, want ErrNotEligible by %s", tt.name, err, tt.rule)
		}
	}
	e, err := sa.CanEnroll(testWindows(), office(licensing.OEM, 2016), bought.AddDays(90), 2016)
	if err != nil || e.String() != "SP-41: SA-only allowed: day 90 of the 90-day window (product=Office Professional Plus, kind=Application, channel=OEM, purchased=2020-01-10, enroll=2020-04-09, family=Office, version=2016, saVersion=2016)" {
		t.Errorf("day 90: %v, %v", e, err)
	}
	if _, err := sa.CanEnroll(testWindows(), sa.Purchase{Product: office(0, 0).Product}, bought, 0); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no purchase date: err = %v", err)
	}
	if _, err := sa.CanEnroll(testWindows(), office(licensing.OEM, 2016), licensing.Date{}, 2016); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no enrollment date: err = %v", err)
	}
}

// INV-30: for every product a window admits, day 90 is allowed and day 91
// refused, by the window's rule.
func TestEnrollmentWindowEdges(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rapid.SampledFrom(testWindows()).Draw(t, "window")
		p := sa.Purchase{
			Product: product("P", w.Family, rapid.SampledFrom(w.Kinds).Draw(t, "kind")),
			Channel: rapid.SampledFrom(w.Channels).Draw(t, "channel"),
			Version: w.MinVersion + rapid.IntRange(0, 10).Draw(t, "versionsNewer"),
			Date:    dateGen.Draw(t, "purchased"),
		}
		day := rapid.IntRange(0, 90).Draw(t, "day")
		if e, err := sa.CanEnroll(testWindows(), p, p.Date.AddDays(day), p.Version); err != nil || e.Rule != w.Rule {
			t.Fatalf("day %d refused: %v, %v", day, e, err)
		}
		late := 91 + rapid.IntRange(0, 400).Draw(t, "late")
		if e, err := sa.CanEnroll(testWindows(), p, p.Date.AddDays(late), p.Version); !errors.Is(err, licensing.ErrNotEligible) || e.Rule != w.Rule {
			t.Fatalf("enrollment on day %d: %v, %v", late, e, err)
		}
		// No window at all: refused whatever the day (SA-10).
		if _, err := sa.CanEnroll(nil, p, p.Date.AddDays(day), p.Version); !errors.Is(err, licensing.ErrNotEligible) {
			t.Fatalf("enrolled with no windows: %v", err)
		}
	})
}

// LIB-06: a product of a kind that a family's window could admit, but with
// no family in the catalog, is bad input, not a refusal: the answer would
// be a guess.
func TestCanEnrollNeedsTheFamily(t *testing.T) {
	p := sa.Purchase{Product: product("Office Professional Plus", "", licensing.KindApplication), Version: 2016, Channel: licensing.OEM, Date: date("2020-01-10")}
	_, err := sa.CanEnroll(testWindows(), p, date("2020-02-01"), 2016)
	var fe *licensing.FieldError
	if !errors.As(err, &fe) || fe.Field != "family" || !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Fatalf("err = %v, want a family FieldError", err)
	}
	p.Product.Family = "Visio"
	if _, err := sa.CanEnroll(testWindows(), p, date("2020-02-01"), 2016); !errors.Is(err, licensing.ErrNotEligible) {
		t.Fatalf("another family: err = %v, want a refusal", err)
	}
}
