package sa_test

import (
	"errors"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"pgregory.net/rapid"
)

// SP-45 to SP-47: renew on or before the expiry; after it, refused.
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
		d := sa.CheckRenewal(exp, date(tt.order), tt.from)
		if d.Allowed != tt.allowed || d.Because[0].Rule != tt.rule || (d.Err == nil) != tt.allowed {
			t.Errorf("renew on %s from %v: %+v; want allowed %v by %s", tt.order, tt.from, d, tt.allowed, tt.rule)
		}
		if !tt.allowed && !errors.Is(d.Err, licensing.ErrNotEligible) {
			t.Errorf("refusal %v does not wrap ErrNotEligible", d.Err)
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
	err := m.track.RenewSA(m.today, end)
	lapsed := !m.ever || m.today.After(m.end) // INV-31: no SA-only after a lapse
	if lapsed {
		if !errors.Is(err, licensing.ErrNotEligible) {
			t.Fatalf("RenewSA on %v with coverage to %v (ever %v): err = %v, want a refusal", m.today, m.end, m.ever, err)
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

func (m *trackMachine) OutOfOrder(t *rapid.T) {
	if !m.ever {
		t.Skip("nothing recorded yet")
	}
	before := m.track
	if err := m.track.BuyLicenseSA(date("1980-01-01"), date("1981-01-01")); !errors.Is(err, licensing.ErrOutOfOrder) {
		t.Fatalf("an event dated before the last: err = %v", err)
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
}

func TestTrackStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := &trackMachine{today: date("2015-01-01")}
		t.Repeat(rapid.StateMachineActions(m))
	})
}
