package sa_test

import (
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// SP-41's worked cases, and OL-16's refusal of applications.
func TestCanEnrollCases(t *testing.T) {
	bought := date("2020-01-10")
	office := func(channel licensing.Channel, version int) sa.Purchase {
		return sa.Purchase{Program: licensing.SelectPlus, Kind: licensing.Application, Family: "Office", Version: version, Channel: channel, Date: bought}
	}
	tests := []struct {
		name    string
		p       sa.Purchase
		day     int
		saVer   int
		allowed bool
		rule    licensing.RuleID
	}{
		{"Office 2010 OEM", office(licensing.OEM, 2010), 10, 2010, false, "SP-41"},
		{"Office 2016 FPP", office(licensing.Retail, 2016), 10, 2016, false, "SP-41"},
		{"Office 2016 OEM, SA for 2019", office(licensing.OEM, 2016), 10, 2019, false, "SP-41"},
		{"Office 2016 OEM day 90", office(licensing.OEM, 2016), 90, 2016, true, "SP-41"},
		{"Office 2016 OEM day 91", office(licensing.OEM, 2016), 91, 2016, false, "SP-41"},
		{"Visio OEM (not Office)", sa.Purchase{Program: licensing.SelectPlus, Kind: licensing.Application, Family: "Visio", Version: 2019, Channel: licensing.OEM, Date: bought}, 10, 2019, false, "SP-40"},
		{"Windows FPP day 90", sa.Purchase{Program: licensing.SelectPlus, Kind: licensing.System, Channel: licensing.Retail, Date: bought}, 90, 0, true, "SP-40"},
		{"Server volume license", sa.Purchase{Program: licensing.SelectPlus, Kind: licensing.Server, Channel: licensing.Volume, Date: bought}, 5, 0, false, "SP-40"},
		{"Open License application OEM", sa.Purchase{Program: licensing.OpenLicense, Kind: licensing.Application, Family: "Office", Version: 2016, Channel: licensing.OEM, Date: bought}, 5, 2016, false, "OL-16"},
		{"Open License server FPP day 90", sa.Purchase{Program: licensing.OpenLicense, Kind: licensing.Server, Channel: licensing.Retail, Date: bought}, 90, 0, true, "OL-16"},
		{"Open Value has no window", sa.Purchase{Program: licensing.OpenValue, Kind: licensing.Server, Channel: licensing.Retail, Date: bought}, 5, 0, false, "SA-10"},
		{"before the purchase", sa.Purchase{Program: licensing.SelectPlus, Kind: licensing.Server, Channel: licensing.OEM, Date: bought}, -1, 0, false, "SP-40"},
	}
	for _, tt := range tests {
		d := sa.CanEnroll(tt.p, bought.AddDays(tt.day), tt.saVer)
		if d.Allowed != tt.allowed || d.Because[0].Rule != tt.rule {
			t.Errorf("%s: allowed %v by %s (%v); want %v by %s", tt.name, d.Allowed, d.Because[0].Rule, d.Err, tt.allowed, tt.rule)
		}
	}
}

// INV-30: for every product class a window admits, day 90 is allowed and
// day 91 refused; Open License applications are always refused.
func TestEnrollmentWindowEdges(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := rapid.SampledFrom(sa.Windows()).Draw(t, "window")
		p := sa.Purchase{
			Program: w.Program,
			Kind:    rapid.SampledFrom(w.Kinds).Draw(t, "kind"),
			Channel: rapid.SampledFrom(w.Channels).Draw(t, "channel"),
			Family:  w.Family,
			Version: w.MinVersion + rapid.IntRange(0, 10).Draw(t, "versionsNewer"),
			Date:    dateGen.Draw(t, "purchased"),
		}
		day := rapid.IntRange(0, 90).Draw(t, "day")
		if d := sa.CanEnroll(p, p.Date.AddDays(day), p.Version); !d.Allowed {
			t.Fatalf("day %d refused: %v", day, d.Err)
		}
		if d := sa.CanEnroll(p, p.Date.AddDays(91+rapid.IntRange(0, 400).Draw(t, "late")), p.Version); d.Allowed {
			t.Fatalf("late enrollment allowed: %+v", d)
		}
		ol := sa.Purchase{Program: licensing.OpenLicense, Kind: licensing.Application, Channel: p.Channel, Family: "Office", Version: 2016, Date: p.Date}
		if d := sa.CanEnroll(ol, p.Date.AddDays(day), 2016); d.Allowed {
			t.Fatalf("Open License application enrolled: %+v", d)
		}
	})
}
