package selectplus_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/selectplus"
	"pgregory.net/rapid"
)

// The state-machine test drives a real Ledger and a deliberately naive model
// side by side: orders by random affiliates, anniversaries, associations and
// their expiry, and reposted order IDs. After every step it checks the
// ledger against the model and the invariants INV-05 to INV-21.

// modelPool is the model of one pool, in units of 1/48 point.
type modelPool struct {
	status string // "never", "active", "hold"
	level  licensing.Level
	earned int64
	carry  int64
}

// threshold is the model's SP-15 table, from the shared default rules.
func threshold(l licensing.Level) int64 {
	for _, th := range selectplus.DefaultRules().Thresholds {
		if th.Level == l {
			return th.Points.Units()
		}
	}
	return 0
}

func modelLevelFor(units int64) licensing.Level {
	var best licensing.Level
	for _, l := range []licensing.Level{licensing.LevelA, licensing.LevelB, licensing.LevelC, licensing.LevelD} {
		if units >= threshold(l) {
			best = l
		}
	}
	return best
}

const fiveHundred = 500 * licensing.PointUnit

type machine struct {
	l *selectplus.Ledger

	// model
	segment    licensing.Segment
	fixedLevel licensing.Level // academic A, government D; zero for commercial
	start      licensing.Date
	year       int
	today      licensing.Date
	pools      [3]modelPool
	affiliates []string
	months     map[string]time.Month
	shares     map[string]*[3]int64 // this year's points per affiliate
	lifetime   [3]int64
	seen       []string
	eaActive   bool
	eaLevel    licensing.Level
	nextID     int
	events     []event // the history, for the replay check
}

var _ rapid.StateMachine = (*machine)(nil)

// An event is one step of the history, and whether the ledger refused it.
type event struct {
	apply   func(*selectplus.Ledger) error
	refused bool
}

func (m *machine) log(refused bool, apply func(*selectplus.Ledger) error) {
	m.events = append(m.events, event{apply, refused})
}

var catalogProducts = []string{"Office Professional Plus", "Outlook", "Skype for Business", "Windows upgrade", "Windows Server Essentials", "System Center Endpoint Protection"}

func newMachine(t *rapid.T) *machine {
	m := &machine{
		segment: rapid.SampledFrom([]licensing.Segment{licensing.Commercial, licensing.Commercial, licensing.Academic, licensing.Government}).Draw(t, "segment"),
		start:   date("2018-01-01").AddDays(rapid.IntRange(0, 800).Draw(t, "startOffset")),
		year:    1,
		months:  map[string]time.Month{},
		shares:  map[string]*[3]int64{},
	}
	m.today = m.start
	switch m.segment {
	case licensing.Academic:
		m.fixedLevel = licensing.LevelA
	case licensing.Government:
		m.fixedLevel = licensing.LevelD
	}
	a := selectplus.Agreement{Segment: m.segment, Effective: m.start}
	n := rapid.IntRange(1, 5).Draw(t, "affiliates")
	for i := range n {
		id := fmt.Sprintf("AFF-%d", i)
		anniv := m.start.AddDays(rapid.IntRange(-400, 400).Draw(t, "affiliateAnniversary"))
		af := selectplus.Affiliate{ID: id, Anniversary: anniv}
		if i == 0 {
			a.Lead = af
		} else {
			a.Affiliates = append(a.Affiliates, af)
		}
		m.affiliates = append(m.affiliates, id)
		m.months[id] = anniv.Month()
		m.shares[id] = &[3]int64{}
	}
	for i := range m.pools {
		m.pools[i].status = "never"
	}
	l, err := selectplus.Load(a, selectplus.DefaultRules())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	m.l = l
	return m
}

// anniversary is the model's next anniversary date.
func (m *machine) anniversary() licensing.Date { return m.start.Anniversary(m.year) }

// modelMonths is a naive SP-39: walk month by month to the third 1st of the
// anniversary month after the order's month.
func modelMonths(o licensing.Date, ma time.Month) int {
	d, seen, n := o.FirstOfMonth(), 0, 0
	for seen < 3 {
		d, n = d.AddMonths(1), n+1
		if d.Month() == ma {
			seen++
		}
	}
	return n
}

// passAnniversary is the model's annual review (SP-21 to SP-25, SP-27, SP-28).
func (m *machine) passAnniversary() {
	for i := range m.pools {
		p := &m.pools[i]
		if p.status != "active" {
			p.earned, p.carry = 0, 0
			continue
		}
		t := p.earned + p.carry
		carry := int64(0)
		switch {
		case m.eaActive:
			if m.fixedLevel == 0 && t >= threshold(p.level) {
				carry = t - threshold(p.level)
			}
		case m.fixedLevel != 0:
			if t < fiveHundred {
				p.status = "hold"
			}
		case t >= threshold(p.level):
			carry = t - threshold(p.level)
		case p.level == licensing.LevelA:
			p.status = "hold"
		default:
			p.level--
		}
		p.earned, p.carry = 0, carry
	}
	for _, s := range m.shares {
		*s = [3]int64{}
	}
	m.year++
}

// Pass moves time forward, passing anniversaries in the ledger and the model.
func (m *machine) Pass(t *rapid.T) {
	to := m.today.AddDays(rapid.IntRange(1, 500).Draw(t, "days"))
	reviews, err := m.l.AdvanceTo(to)
	if err != nil {
		t.Fatalf("AdvanceTo(%v): %v", to, err)
	}
	for !m.anniversary().After(to) {
		m.passAnniversary()
	}
	m.today = to
	m.log(false, func(l *selectplus.Ledger) error { _, err := l.AdvanceTo(to); return err })
	for _, r := range reviews {
		b, a := r.Before, r.After
		// INV-12: at most one step down; INV-14: carry bounds; INV-16: no hold above A.
		if a.Level < b.Level-1 || a.Carry.Sign() < 0 {
			t.Fatalf("review %+v drops more than one level or carries a negative amount", r)
		}
		if (r.Transition == selectplus.Drop || r.Transition == selectplus.Hold) && !a.Carry.IsZero() {
			t.Fatalf("review %+v carries after a drop or hold", r)
		}
		if m.fixedLevel == 0 && b.Level < licensing.LevelD && r.Transition == selectplus.Carry {
			next := threshold(b.Level + 1)
			if a.Carry.Units() >= next-threshold(b.Level) {
				t.Fatalf("INV-14: carry %v not below the gap to %v", a.Carry, b.Level+1)
			}
		}
		if r.Transition == selectplus.Hold && b.Status == selectplus.Active && (r.Total.Units() >= fiveHundred || (m.fixedLevel == 0 && b.Level != licensing.LevelA)) {
			t.Fatalf("INV-16: hold from %v with %v points", b.Level, r.Total)
		}
		// INV-13: met means kept (no EA).
		if m.fixedLevel == 0 && b.Status == selectplus.Active && r.Transition != selectplus.Waived && r.Total.Units() >= threshold(b.Level) {
			if a.Level != b.Level || a.Carry.Units() != r.Total.Units()-threshold(b.Level) {
				t.Fatalf("INV-13: %v met its threshold but became %+v", r.Total, a)
			}
		}
		// INV-18: an active EA waives the check.
		if r.Transition == selectplus.Waived && (a.Level != b.Level || a.Status != b.Status) {
			t.Fatalf("INV-18: waived review changed %+v to %+v", b, a)
		}
		// INV-20: academic and government keep their one level.
		if m.fixedLevel != 0 && a.Level != m.fixedLevel {
			t.Fatalf("INV-20: level %v for %v", a.Level, m.segment)
		}
	}
}

// Order posts an order by a random affiliate with lines in random pools.
func (m *machine) Order(t *rapid.T) {
	aff := rapid.SampledFrom(m.affiliates).Draw(t, "affiliate")
	d := m.today.AddDays(rapid.IntRange(0, 60).Draw(t, "orderDays"))
	n := rapid.IntRange(1, 3).Draw(t, "lines")
	o := licensing.Order{ID: fmt.Sprintf("O-%d", m.nextID), Date: d, Affiliate: aff}
	m.nextID++
	var pts [3]int64
	var touched [3]bool
	months := modelMonths(d, m.months[aff])
	for range n {
		p := product(rapid.SampledFrom(catalogProducts).Draw(t, "product"))
		offering := rapid.SampledFrom([]licensing.Offering{licensing.License, licensing.License, licensing.LicenseSA}).Draw(t, "offering")
		qty := rapid.SampledFrom([]int64{1, 10, 100, 249, 250, 300, 499, 500, 1000, 2500, 6000}).Draw(t, "qty")
		o.Lines = append(o.Lines, licensing.Line{Product: p, Offering: offering, Quantity: qty})
		units := p.Points.Units() * qty
		if offering == licensing.LicenseSA {
			units += p.Points.Units() * qty * int64(months) / 24
		}
		pts[p.Pool-1] += units
		touched[p.Pool-1] = true
	}
	m.advanceModelTo(d)
	if _, err := m.l.AdvanceTo(d); err != nil {
		t.Fatal(err)
	}
	m.today = d // time passes whether or not the order is accepted
	m.log(false, func(l *selectplus.Ledger) error { _, err := l.AdvanceTo(d); return err })
	before := m.snapshot()
	beforeModel := m.pools

	// The model decides.
	next := m.pools
	refuse := false
	for i := range next {
		if !touched[i] {
			continue
		}
		p := &next[i]
		switch p.status {
		case "never":
			if pts[i] < fiveHundred {
				refuse = true
			}
			p.status, p.earned, p.carry = "active", pts[i], 0
			p.level = max(licensing.LevelA, modelLevelFor(pts[i]))
		case "hold":
			if pts[i] < fiveHundred { // INV-17
				refuse = true
			}
			p.status, p.earned, p.carry = "active", pts[i], 0
			p.level = max(licensing.LevelA, modelLevelFor(pts[i]))
		default:
			p.earned += pts[i]
			p.level = max(p.level, modelLevelFor(p.earned+p.carry))
		}
		if m.fixedLevel != 0 {
			p.level = m.fixedLevel
		}
	}

	check, checkErr := m.l.Check(o) // Check is the plan Post commits
	rc, err := m.l.Post(o)
	if fmt.Sprint(checkErr) != fmt.Sprint(err) || !reflect.DeepEqual(check, rc) {
		t.Fatalf("Check(%v) = %+v, %v; Post = %+v, %v", o.ID, check, checkErr, rc, err)
	}
	m.log(refuse, func(l *selectplus.Ledger) error { _, err := l.Post(o); return err })
	if refuse {
		if !errors.Is(err, licensing.ErrNotEligible) {
			t.Fatalf("Post(%v) = %v; the model refuses it", o, err)
		}
		if after := m.snapshot(); !bytes.Equal(before, after) {
			t.Fatalf("a refused order changed the ledger")
		}
		return
	}
	if err != nil {
		t.Fatalf("Post(%+v): %v", o, err)
	}
	m.pools = next
	m.seen = append(m.seen, o.ID)
	for i := range pts {
		m.shares[aff][i] += pts[i]
		m.lifetime[i] += pts[i]
	}
	for i, pr := range rc.Pools {
		if !touched[i] {
			// INV-21: pools the order does not touch do not change.
			if pr.After != pr.Before {
				t.Fatalf("INV-21: untouched %v changed", pr.Pool)
			}
			continue
		}
		// INV-09: no fall during a year; INV-10: immediate upgrade.
		if pr.After.Level < pr.Before.Level && beforeModel[i].status == "active" {
			t.Fatalf("INV-09: %v fell from %v to %v", pr.Pool, pr.Before.Level, pr.After.Level)
		}
		if m.fixedLevel == 0 && pr.Before.Status == selectplus.Active {
			if want := max(pr.Before.Level, modelLevelFor(pr.After.Total().Units())); pr.After.Level != want {
				t.Fatalf("INV-10: %v at %v after the order, want %v", pr.Pool, pr.After.Level, want)
			}
		}
	}
	// INV-11: every line is priced at its pool's level after the order.
	for _, lr := range rc.Lines {
		if lr.Level != rc.Pools[lr.Pool-1].After.Level {
			t.Fatalf("INV-11: line %d priced at %v, pool at %v", lr.Line, lr.Level, rc.Pools[lr.Pool-1].After.Level)
		}
	}
}

// advanceModelTo passes the model's anniversaries on or before d.
func (m *machine) advanceModelTo(d licensing.Date) {
	for !m.anniversary().After(d) {
		m.passAnniversary()
	}
}

// Associate associates an EA or CASA at a random level (SP-26, INV-19).
func (m *machine) Associate(t *rapid.T) {
	lv := rapid.SampledFrom([]licensing.Level{licensing.LevelA, licensing.LevelB, licensing.LevelC, licensing.LevelD}).Draw(t, "eaLevel")
	d := m.today.AddDays(rapid.IntRange(0, 30).Draw(t, "associateDays"))
	m.advanceModelTo(d)
	if err := m.l.Associate(selectplus.EnterpriseAgreement, lv, d); err != nil {
		t.Fatal(err)
	}
	for i := range m.pools {
		p := &m.pools[i]
		switch {
		case m.fixedLevel != 0:
			p.level = m.fixedLevel
		case p.status == "active":
			p.level = max(p.level, lv) // INV-19
		default:
			p.level = lv
		}
		p.status = "active"
	}
	m.eaActive, m.eaLevel, m.today = true, lv, d
	m.log(false, func(l *selectplus.Ledger) error { return l.Associate(selectplus.EnterpriseAgreement, lv, d) })
}

// Expire ends the association (SP-35).
func (m *machine) Expire(t *rapid.T) {
	if !m.eaActive {
		t.Skip("no active association")
	}
	d := m.today.AddDays(rapid.IntRange(0, 30).Draw(t, "expireDays"))
	for m.anniversary().Before(d) {
		m.passAnniversary()
	}
	if err := m.l.ExpireAssociation(d); err != nil {
		t.Fatal(err)
	}
	m.eaActive, m.today = false, d
	m.log(false, func(l *selectplus.Ledger) error { return l.ExpireAssociation(d) })
}

// Repost posts an order ID seen before, perhaps padded with white space:
// refused, nothing changes (INV-06, LIB-13).
func (m *machine) Repost(t *rapid.T) {
	if len(m.seen) == 0 {
		t.Skip("no order yet")
	}
	id := rapid.SampledFrom([]string{"", " ", "\t"}).Draw(t, "before") + rapid.SampledFrom(m.seen).Draw(t, "reposted") + rapid.SampledFrom([]string{"", " ", "\n"}).Draw(t, "after")
	before := m.snapshot()
	_, err := m.l.Post(licensing.Order{ID: id, Date: m.today.AddDays(400), Affiliate: m.affiliates[0], Lines: []licensing.Line{lic("Outlook", 600)}})
	if !errors.Is(err, licensing.ErrDuplicateOrder) {
		t.Fatalf("reposting %s: err = %v", id, err)
	}
	if after := m.snapshot(); !bytes.Equal(before, after) {
		t.Fatal("INV-06: a reposted order changed the ledger")
	}
}

// snapshot is the ledger's saved state without its audit trail, which
// records refusals too.
func (m *machine) snapshot() []byte { return stateWithoutAudit(m.l) }

func stateWithoutAudit(l *selectplus.Ledger) []byte {
	b, err := l.MarshalJSON()
	if err != nil {
		panic(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		panic(err)
	}
	delete(fields, "audit")
	delete(fields, "auditOff")
	out, err := json.Marshal(fields)
	if err != nil {
		panic(err)
	}
	return out
}

// Check compares the ledger with the model after every step.
func (m *machine) Check(t *rapid.T) {
	var sumShares [3]int64
	for _, id := range m.affiliates {
		for i, p := range licensing.Pools() {
			y, _, ok := m.l.Share(id, p)
			if !ok || y.Units() != m.shares[id][i] {
				t.Fatalf("share of %s in %v = %v, model %d/48", id, p, y, m.shares[id][i])
			}
			sumShares[i] += y.Units()
		}
	}
	for i, p := range licensing.Pools() {
		got, want := m.l.Pool(p), m.pools[i]
		if got.Status.String() != want.status || got.Level != want.level || got.Earned.Units() != want.earned || got.Carry.Units() != want.carry {
			t.Fatalf("%v = %+v; model %+v", p, got, want)
		}
		// INV-05: the affiliates' shares add up to the pool's points.
		if sumShares[i] != got.Earned.Units() {
			t.Fatalf("INV-05: shares of %v sum to %d/48, pool earned %v", p, sumShares[i], got.Earned)
		}
		// INV-20: academic and government have one level.
		if m.fixedLevel != 0 && got.Status != selectplus.NeverActive && got.Level != m.fixedLevel {
			t.Fatalf("INV-20: %v at %v", p, got.Level)
		}
	}
}

func TestLedgerStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := newMachine(t)
		t.Repeat(rapid.StateMachineActions(m))
		// INV-07: the same events replayed give the same state, and a saved
		// state restores identically.
		saved, err := m.l.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var restored selectplus.Ledger
		if err := restored.UnmarshalJSON(saved); err != nil {
			t.Fatalf("restore: %v", err)
		}
		if again, _ := restored.MarshalJSON(); !bytes.Equal(saved, again) {
			t.Fatalf("INV-07: restored ledger saves differently")
		}
		replay, err := selectplus.Load(m.l.Agreement(), m.l.Rules())
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range m.events {
			if err := e.apply(replay); (err != nil) != e.refused {
				t.Fatalf("replaying event %d: %v (refused the first time: %v)", i+1, err, e.refused)
			}
		}
		if got, _ := replay.MarshalJSON(); !bytes.Equal(saved, got) {
			t.Fatalf("INV-07: replaying the same events gave a different state")
		}
	})
}
