package sa_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// SA-13, SA-14, by the program's rules (here Select Plus's, SP-45 to
// SP-47): renew on or before the expiry; after it, refused.
func TestCheckRenewal(t *testing.T) {
	exp := date("2023-06-30")
	tests := []struct {
		order   string
		from    sa.Source
		allowed bool
		rule    licensing.RuleID
	}{
		{"2023-06-01", sa.SameAgreement, true, "SP-45"},
		{"2023-06-30", sa.SameAgreement, true, "SP-45"},
		{"2023-07-01", sa.SameAgreement, false, "SP-46"},
		{"2023-06-30", sa.OtherAgreement, true, "SP-47"},
		{"2023-07-01", sa.OtherAgreement, false, "SP-46"},
	}
	for _, tt := range tests {
		e, err := sa.CheckRenewal(renewalRules, exp, date(tt.order), tt.from)
		if e.Rule != tt.rule || (err == nil) != tt.allowed {
			t.Errorf("renew on %s from %v: %v, %v; want allowed %v by %s", tt.order, tt.from, e, err, tt.allowed, tt.rule)
		}
		if rule, _ := licensing.RuleOf(err); !tt.allowed && (!errors.Is(err, licensing.ErrNotEligible) || rule != tt.rule) {
			t.Errorf("refusal %v does not wrap ErrNotEligible under %s", err, tt.rule)
		}
	}
	if e, _ := sa.CheckRenewal(renewalRules, exp, date("2023-06-01"), sa.SameAgreement); e.Result != "renewed on time: coverage continues from 2023-07-01" {
		t.Errorf("on-time renewal: %v", e)
	}
	// Rules that leave a rule the answer cites empty are a table error,
	// never a refusal by no rule.
	var track sa.Track
	for name, err := range map[string]error{
		"CheckRenewal": func() error {
			_, err := sa.CheckRenewal(sa.Renewal{}, exp, date("2023-06-01"), sa.SameAgreement)
			return err
		}(),
		"other": func() error {
			_, err := sa.CheckRenewal(sa.Renewal{OnTime: "SP-45", Lapse: "SP-46"}, exp, exp, sa.OtherAgreement)
			return err
		}(),
		"RenewSA": track.RenewSA(sa.Renewal{}, exp, exp),
		"CoTerminate": func() error {
			_, err := sa.CoTerminate(sa.Renewal{OnTime: "SP-45", Lapse: "SP-46"}, []sa.Expiring{{ID: "a", Expires: exp, Annual: decimal.New(1, 0)}}, exp, date("2024-06-30"), licensing.Explanation{}, sa.Prorated{}, sa.DefaultRounding)
			return err
		}(),
	} {
		if !errors.Is(err, licensing.ErrInvalidRules) {
			t.Errorf("%s with rules left empty: %v", name, err)
		}
	}
	// LIB-09: SA expiring on the calendar's last day has no day after it
	// to continue from.
	if _, err := sa.CheckRenewal(renewalRules, date("9999-12-31"), date("9999-12-31"), sa.SameAgreement); !errors.Is(err, licensing.ErrOverflow) {
		t.Errorf("renewing SA that expires on 9999-12-31: %v", err)
	}
	for _, bad := range []struct {
		exp, order licensing.Date
		from       sa.Source
	}{{licensing.Date{}, exp, sa.SameAgreement}, {exp, licensing.Date{}, sa.SameAgreement}, {exp, exp, 0}} {
		if _, err := sa.CheckRenewal(renewalRules, bad.exp, bad.order, bad.from); !errors.Is(err, licensing.ErrInvalidOrder) {
			t.Errorf("CheckRenewal(%v, %v, %v): err = %v", bad.exp, bad.order, bad.from, err)
		}
	}
}

// trackMachine drives a Track against a naive model: whether coverage was
// ever bought, and the last day of the latest coverage.
type trackMachine struct {
	track sa.Track

	// model
	today licensing.Date
	ever  bool
	end   licensing.Date
}

var _ rapid.StateMachine = (*trackMachine)(nil)

func (m *trackMachine) Pass(t *rapid.T) {
	m.today = m.today.AddDays(rapid.IntRange(1, 400).Draw(t, "days"))
}

// PassToExpiry moves to the boundary: the last covered day or the first
// lapsed one.
func (m *trackMachine) PassToExpiry(t *rapid.T) {
	target := m.end.AddDays(rapid.IntRange(0, 1).Draw(t, "dayAfter"))
	if !m.ever || target.Before(m.today) {
		t.Skip("no coverage ahead")
	}
	m.today = target
}

func (m *trackMachine) BuyLicenseSA(t *rapid.T) {
	end := m.today.AddDays(rapid.IntRange(0, 1100).Draw(t, "coverageDays"))
	if err := m.track.BuyLicenseSA(m.today, end); err != nil {
		t.Fatalf("BuyLicenseSA(%v, %v): %v", m.today, end, err)
	}
	m.ever = true
	if end.After(m.end) {
		m.end = end
	}
}

func (m *trackMachine) RenewSA(t *rapid.T) {
	before := m.track
	end := m.end.AddDays(rapid.IntRange(1, 1100).Draw(t, "extensionDays"))
	if !m.ever {
		end = m.today.AddDays(365)
	}
	err := m.track.RenewSA(renewalRules, m.today, end)
	lapsed := !m.ever || m.today.After(m.end) // INV-31: no SA-only after a lapse
	if lapsed {
		if rule, _ := licensing.RuleOf(err); !errors.Is(err, licensing.ErrNotEligible) || rule != renewalRules.Lapse {
			t.Fatalf("RenewSA on %v with coverage to %v (ever %v): err = %v, want a refusal by %s", m.today, m.end, m.ever, err, renewalRules.Lapse)
		}
		if m.track != before {
			t.Fatal("a refused renewal changed the track")
		}
		return
	}
	if err != nil {
		t.Fatalf("RenewSA on %v with coverage to %v: %v", m.today, m.end, err)
	}
	m.end = end
}

// ShortRenewal renews to a day that does not extend the coverage: refused,
// changing nothing.
func (m *trackMachine) ShortRenewal(t *rapid.T) {
	if !m.ever || m.today.After(m.end) {
		t.Skip("nothing to renew")
	}
	before := m.track
	end := m.end.AddDays(-rapid.IntRange(0, 30).Draw(t, "daysShort"))
	if err := m.track.RenewSA(renewalRules, m.today, end); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Fatalf("renewal to %v of coverage ending %v: err = %v", end, m.end, err)
	}
	if m.track != before {
		t.Fatal("a refused renewal changed the track")
	}
}

func (m *trackMachine) OutOfOrder(t *rapid.T) {
	if !m.ever {
		t.Skip("nothing recorded yet")
	}
	before := m.track
	if err := m.track.BuyLicenseSA(date("1980-01-01"), date("1981-01-01")); !errors.Is(err, licensing.ErrOutOfOrder) {
		t.Fatalf("an event dated before the last: err = %v", err)
	}
	if err := m.track.RenewSA(renewalRules, date("1980-01-01"), date("1981-01-01")); !errors.Is(err, licensing.ErrOutOfOrder) {
		t.Fatalf("a renewal dated before the last event: err = %v", err)
	}
	if m.track != before {
		t.Fatal("an out-of-order event changed the track")
	}
}

func (m *trackMachine) Check(t *rapid.T) {
	end, ever := m.track.End()
	if ever != m.ever || (ever && end != m.end) {
		t.Fatalf("End() = %v, %v; model %v, %v", end, ever, m.end, m.ever)
	}
	if got, want := m.track.CoveredOn(m.today), m.ever && !m.today.After(m.end); got != want {
		t.Fatalf("CoveredOn(%v) = %v, model %v", m.today, got, want)
	}
	if got, want := m.track.Lapsed(m.today), m.ever && m.today.After(m.end); got != want {
		t.Fatalf("Lapsed(%v) = %v, model %v", m.today, got, want)
	}
	// A saved track restores identically.
	b, err := json.Marshal(m.track)
	if err != nil {
		t.Fatal(err)
	}
	var back sa.Track
	if err := json.Unmarshal(b, &back); err != nil || back != m.track {
		t.Fatalf("restored %s as %+v, %v; want %+v", b, back, err, m.track)
	}
}

func TestTrackStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := &trackMachine{today: date("2015-01-01")}
		t.Repeat(rapid.StateMachineActions(m))
	})
}

func TestTrackErrors(t *testing.T) {
	var tr sa.Track
	if err := tr.BuyLicenseSA(licensing.Date{}, date("2020-01-01")); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("no order date: err = %v", err)
	}
	if err := tr.BuyLicenseSA(date("2020-01-02"), date("2020-01-01")); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("coverage ending before the order: err = %v", err)
	}
	var back sa.Track
	if err := json.Unmarshal([]byte(`{"covered":true}`), &back); !errors.Is(err, licensing.ErrInvalidOrder) {
		t.Errorf("a covered track without an end: err = %v", err)
	}
	if err := json.Unmarshal([]byte(`not json`), &back); err == nil {
		t.Error("restored a track from non-JSON")
	}
}
