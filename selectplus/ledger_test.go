package selectplus_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/vlrules/vlrules/licensing"
	"github.com/vlrules/vlrules/sa"
	"github.com/vlrules/vlrules/selectplus"
)

func lsa(name string, qty int64) licensing.Line {
	return licensing.Line{Product: product(name), Offering: licensing.LicenseSA, Quantity: qty}
}

func saOnly(name string, qty int64) licensing.Line {
	return licensing.Line{Product: product(name), Offering: licensing.SAOnly, Quantity: qty}
}

// WS-15 in the ledger (SP-39, SA-03): 10 units of L&SA ordered on
// 2020-04-01 by an affiliate with July anniversaries earn 10 × (2 + 9/4) =
// 42.5 points, with coverage to 2022-06-30.
func TestWS15InTheLedger(t *testing.T) {
	l, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: date("2019-01-01"),
		Lead:       selectplus.Affiliate{ID: "HQ", Anniversary: date("2019-01-01")},
		Affiliates: []selectplus.Affiliate{{ID: "EU", Anniversary: date("2018-07-01")}}}, selectplus.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	must(t, l, order("O0", "2020-03-01", "HQ", lic("Outlook", 500)))
	rc := must(t, l, order("O1", "2020-04-01", "EU", lsa("Office Professional Plus", 10)))
	line := rc.Lines[0]
	if line.Points != licensing.MustParsePoints("42.5") || line.Coverage.End != date("2022-06-30") || line.Coverage.Months != 27 {
		t.Fatalf("line = %+v, want 42.5 points to 2022-06-30 (27 months)", line)
	}
	if y, _, _ := l.Share("EU", licensing.Applications); y != licensing.MustParsePoints("42.5") {
		t.Fatalf("EU's share = %v", y)
	}
	if end, ok := l.CoveredUntil("EU", product("Office Professional Plus")); !ok || end != date("2022-06-30") {
		t.Fatalf("CoveredUntil = %v, %v", end, ok)
	}
}

// SP-45, SP-46 in the ledger: SA renews coverage bought here on or before
// its expiry; after a lapse, or with no coverage, SA alone is refused.
func TestSARenewalInTheLedger(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-07-01")
	must(t, l, order("O1", "2019-08-01", "HQ", lsa("Office Professional Plus", 250))) // coverage to 2022-06-30
	rc := must(t, l, order("O2", "2022-06-30", "HQ", saOnly("Office Professional Plus", 250)))
	if c := rc.Lines[0].Coverage; c.Start != date("2022-07-01") || c.End != date("2025-06-30") || c.Months != 36 {
		t.Fatalf("renewal coverage %v, want 2022-07-01 to 2025-06-30", c)
	}
	_, err := l.Post(order("O3", "2025-07-01", "HQ", saOnly("Office Professional Plus", 250)))
	if rule, _ := licensing.RuleOf(err); rule != "SP-46" {
		t.Fatalf("renewal after the lapse: err = %v, want SP-46", err)
	}
	_, err = l.Post(order("O4", "2025-07-02", "HQ", saOnly("Outlook", 500)))
	if rule, _ := licensing.RuleOf(err); rule != "SP-46" {
		t.Fatalf("SA on a product never covered: err = %v, want SP-46", err)
	}
	// SP-40: a server bought OEM 30 days ago may have SA alone.
	basis := selectplus.SABasis{Line: 1, Purchase: &sa.Purchase{Product: product("Windows Server Essentials"), Channel: licensing.OEM, Date: date("2025-06-02")}}
	if _, err := l.Post(order("O5", "2025-07-02", "HQ", saOnly("Windows Server Essentials", 100)), basis); err != nil {
		t.Fatalf("SA-only within the window: %v", err)
	}
	// SP-47: SA from another agreement renewed in before it expires.
	other := selectplus.SABasis{Line: 1, OtherExpires: date("2025-07-31")}
	rc, err = l.Post(order("O6", "2025-07-03", "HQ", saOnly("Outlook", 600)), other)
	if err != nil || rc.Lines[0].Coverage.Start != date("2025-08-01") {
		t.Fatalf("SA from another agreement: %+v, %v", rc.Lines, err)
	}
	other.OtherExpires = date("2025-07-01")
	if _, err := l.Post(order("O7", "2025-07-03", "HQ", saOnly("Skype for Business", 600)), other); err == nil {
		t.Fatal("expired SA from another agreement was renewed in")
	}
}

// SA bases must fit the order: a basis for a line that is not SA-only, for
// a line the order does not have, two for one line, or a purchase of
// another product is malformed input and changes nothing (SP-13, SP-40).
func TestSABasisMustFit(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-07-01")
	must(t, l, order("O1", "2019-08-01", "HQ", lic("Outlook", 500), lic("Windows Server Essentials", 100)))
	server := &sa.Purchase{Product: product("Windows Server Essentials"), Channel: licensing.OEM, Date: date("2019-08-01")}
	before := l.Audit()
	for name, tt := range map[string]struct {
		o     licensing.Order
		bases []selectplus.SABasis
	}{
		"another product":  {order("B1", "2019-08-15", "HQ", saOnly("Office Professional Plus", 10)), []selectplus.SABasis{{Line: 1, Purchase: server}}},
		"a license line":   {order("B2", "2019-08-15", "HQ", lic("Windows Server Essentials", 10)), []selectplus.SABasis{{Line: 1, Purchase: server}}},
		"no such line":     {order("B3", "2019-08-15", "HQ", saOnly("Windows Server Essentials", 10)), []selectplus.SABasis{{Line: 2, Purchase: server}}},
		"two for one line": {order("B4", "2019-08-15", "HQ", saOnly("Windows Server Essentials", 10)), []selectplus.SABasis{{Line: 1, Purchase: server}, {Line: 1, OtherExpires: date("2019-09-01")}}},
	} {
		if _, err := l.Post(tt.o, tt.bases...); !errors.Is(err, licensing.ErrInvalidOrder) {
			t.Errorf("%s: err = %v, want ErrInvalidOrder", name, err)
		}
	}
	if after := l.Audit(); len(after) != len(before) {
		t.Errorf("malformed bases left %d audit events", len(after)-len(before))
	}
	if _, err := l.Post(order("B5", "2019-08-15", "HQ", saOnly("Windows Server Essentials", 10)), selectplus.SABasis{Line: 1, Purchase: server}); err != nil {
		t.Fatalf("a fitting basis: %v", err)
	}
}

// A refusal of a line records the line's pool in the audit, with its rule
// said once (SP-46).
func TestLineRefusalAudit(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-07-01")
	must(t, l, order("O1", "2019-08-01", "HQ", lic("Outlook", 500)))
	if _, err := l.Post(order("O2", "2019-09-01", "HQ", saOnly("Outlook", 10))); err == nil {
		t.Fatal("SA alone on a product never covered was accepted")
	}
	audit := l.Audit()
	e := audit[len(audit)-1]
	if e.Transition != selectplus.Refused || e.Pool != licensing.Applications || e.Before.Level != licensing.LevelA || strings.Count(e.Why().String(), "SP-46") != 1 {
		t.Fatalf("refusal event %+v: %v", e, e.Why())
	}
}

// An order is atomic: one pool refusing refuses it all (SP-16, SP-20).
// The refusal is recorded in the pool that refused, with the order's
// points there; a ledger with no order saves no order IDs.
func TestOrderIsAtomic(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-07-01")
	before, _ := l.MarshalJSON()
	if !strings.Contains(string(before), `"orders":null`) {
		t.Errorf("a ledger with no order saves %s", before)
	}
	_, err := l.Post(order("O1", "2019-07-01", "HQ", lic("Office Professional Plus", 300), lic("Windows upgrade", 10)))
	if rule, _ := licensing.RuleOf(err); rule != "SP-16" {
		t.Fatalf("err = %v, want the Systems pool's SP-16 refusal", err)
	}
	audit := l.Audit()
	if e := audit[len(audit)-1]; e.Transition != selectplus.Refused || e.Pool != licensing.Systems || e.Points != licensing.WholePoints(20) ||
		e.Before.Status != selectplus.NeverActive || e.After != e.Before {
		t.Errorf("refusal event %+v, want Systems with the order's 20 points", e)
	}
	l.SetAudit(false)
	before, _ = l.MarshalJSON()
	if _, err := l.Post(order("O1", "2019-07-01", "HQ", lic("Office Professional Plus", 300), lic("Windows upgrade", 10))); err == nil {
		t.Fatal("accepted the second time")
	}
	if after, _ := l.MarshalJSON(); string(after) != string(before) {
		t.Fatalf("a refused order changed the ledger")
	}
}

func TestRefusalsChangeNothing(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-07-01")
	must(t, l, order("O1", "2019-08-01", "HQ", lic("Office Professional Plus", 300)))
	l.SetAudit(false)
	before, _ := l.MarshalJSON()
	cases := []struct {
		name     string
		o        licensing.Order
		sentinel error
	}{
		{"duplicate ID (INV-06)", order("O1", "2019-09-01", "HQ", lic("Outlook", 1)), licensing.ErrDuplicateOrder},
		{"unregistered affiliate (SP-12)", order("O2", "2019-08-01", "Nobody", lic("Outlook", 1)), selectplus.ErrUnregistered},
		{"out of date order", order("O3", "2019-07-31", "HQ", lic("Outlook", 1)), licensing.ErrOutOfOrder},
		{"no pool (GEN-04)", order("O4", "2019-08-01", "HQ", licensing.Line{Product: product("Microsoft Online Services Subscription"), Offering: licensing.Subscription, Quantity: 1}), licensing.ErrNoPool},
		{"zero quantity", order("O5", "2019-08-01", "HQ", lic("Outlook", 0)), licensing.ErrInvalidQuantity},
		{"step-up (LIB-02)", order("O6", "2019-08-01", "HQ", licensing.Line{Product: product("Outlook"), Offering: licensing.StepUp, Quantity: 1}), licensing.ErrNoPointRule},
		// A malformed order is found before time passes: the 2020-07-01 anniversary stays ahead.
		{"zero quantity after an anniversary", order("O7", "2020-08-01", "HQ", lic("Outlook", 1), lic("Outlook", 0)), licensing.ErrInvalidQuantity},
	}
	for _, c := range cases {
		if _, err := l.Post(c.o); !errors.Is(err, c.sentinel) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.sentinel)
		}
		if after, _ := l.MarshalJSON(); string(after) != string(before) {
			t.Errorf("%s changed the ledger", c.name)
		}
	}
	if !errors.Is(selectplus.ErrUnregistered, licensing.ErrNotEligible) || !errors.Is(selectplus.ErrRetired, licensing.ErrNotEligible) {
		t.Error("ErrUnregistered and ErrRetired must wrap ErrNotEligible")
	}
}

// WS-25, INV-22 (SP-01, SP-06): new commercial agreements are retired;
// academic and government are not, and need no MBSA; existing commercial
// agreements keep buying.
func TestWS25Retirement(t *testing.T) {
	a := selectplus.Agreement{Segment: licensing.Commercial, Region: licensing.EMEA, Effective: date("2019-03-01"),
		MBSA: date("2019-02-01"), Lead: selectplus.Affiliate{ID: "HQ", Anniversary: date("2019-03-01")}}
	if _, err := selectplus.New(a, selectplus.DefaultRules()); !errors.Is(err, selectplus.ErrRetired) {
		t.Fatalf("new commercial: err = %v, want ErrRetired", err)
	}
	r := selectplus.DefaultRules()
	r.ExemptRegions = []licensing.Region{licensing.EMEA}
	if _, err := selectplus.New(a, r); err != nil {
		t.Fatalf("new commercial in an exempt region: %v", err)
	}
	exempt := a
	exempt.MBSA = licensing.Date{}
	if _, err := selectplus.New(exempt, r); err == nil {
		t.Fatal("a commercial agreement started without an MBSA (SP-06)")
	}
	exempt.MBSA = date("2019-03-02")
	if _, err := selectplus.New(exempt, r); err == nil {
		t.Fatal("an MBSA signed after the effective date was accepted (SP-05)")
	}
	for _, seg := range []licensing.Segment{licensing.Academic, licensing.Government} {
		b := a
		b.Segment, b.MBSA = seg, licensing.Date{}
		if _, err := selectplus.New(b, selectplus.DefaultRules()); err != nil {
			t.Fatalf("new %v: %v", seg, err)
		}
	}
	c := a
	c.Segment = licensing.Charity
	if _, err := selectplus.Load(c, selectplus.DefaultRules()); !errors.Is(err, licensing.ErrNotEligible) {
		t.Fatalf("charity: err = %v (GEN-13)", err)
	}
	l, err := selectplus.Load(a, selectplus.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	must(t, l, order("O1", "2019-03-01", "HQ", lic("Office Professional Plus", 250)))
	dup := a
	dup.Affiliates = []selectplus.Affiliate{{ID: "HQ", Anniversary: date("2019-03-01")}}
	if _, err := selectplus.Load(dup, selectplus.DefaultRules()); err == nil {
		t.Fatal("duplicate affiliate ID accepted (SP-08)")
	}
}

// WS-18 (SP-36, SP-37, SP-16): qualifying through another agreement.
func TestWS18Qualification(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2020-01-01")
	err := l.QualifyByPoints(date("2020-01-01"), map[licensing.Pool]licensing.Points{
		licensing.Applications: licensing.WholePoints(4500),
		licensing.Systems:      licensing.WholePoints(300),
		licensing.Servers:      licensing.WholePoints(12000),
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[licensing.Pool]string{licensing.Applications: "active B T=0 carry=0", licensing.Systems: "never  T=0 carry=0", licensing.Servers: "active C T=0 carry=0"} {
		if got := poolText(l.Pool(p)); got != want {
			t.Errorf("%v = %q, want %q", p, got, want)
		}
	}
	// SP-37: no waiver — a year with nothing bought drops each pool a level.
	reviews, _ := l.AdvanceTo(date("2021-01-01"))
	if len(reviews) != 2 || reviews[0].After.Level != licensing.LevelA || reviews[1].After.Level != licensing.LevelB {
		t.Fatalf("reviews %+v", reviews)
	}
	m := newLedger(t, licensing.Commercial, "2020-01-01")
	if err := m.QualifyByPoints(date("2020-01-01"), map[licensing.Pool]licensing.Points{licensing.Applications: licensing.WholePoints(499)}); err == nil {
		t.Fatal("qualified with 499 points")
	}
}

// SP-26, SP-27, SP-35, INV-18, INV-19: association improves levels, an
// active EA waives the check, and after it expires the next anniversary
// applies the normal check (one level down at most).
func TestAssociation(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-01-01")
	must(t, l, order("O1", "2019-02-01", "HQ", lic("Office Professional Plus", 2500))) // 5,000: B
	if err := l.Associate(selectplus.EnterpriseAgreement, licensing.LevelD, date("2019-03-01")); err != nil {
		t.Fatal(err)
	}
	for _, p := range licensing.Pools() {
		if s := l.Pool(p); s.Level != licensing.LevelD || s.Status != selectplus.Active {
			t.Fatalf("%v after associating at D: %+v", p, s)
		}
	}
	if err := l.Associate(selectplus.SelectLicense, licensing.LevelA, date("2019-04-01")); err != nil {
		t.Fatal(err)
	}
	if l.Pool(licensing.Applications).Level != licensing.LevelD {
		t.Fatal("a worse association lowered the level")
	}
	if err := l.Associate(selectplus.EnterpriseAgreement, licensing.LevelD, date("2019-04-02")); err != nil {
		t.Fatal(err)
	}
	reviews, _ := l.AdvanceTo(date("2020-01-01"))
	for _, r := range reviews {
		if r.Transition != selectplus.Waived || r.After.Level != licensing.LevelD {
			t.Fatalf("waived review %+v", r)
		}
	}
	if err := l.ExpireAssociation(date("2021-01-01")); err != nil {
		t.Fatal(err)
	}
	reviews, _ = l.AdvanceTo(date("2021-01-01")) // the anniversary on the expiry day checks normally
	for _, r := range reviews {
		if r.Transition != selectplus.Drop || r.After.Level != licensing.LevelC {
			t.Fatalf("after the EA expired: %+v", r)
		}
	}
}

func TestRegisterAndOutOfOrder(t *testing.T) {
	l := newLedger(t, licensing.Commercial, "2019-01-01")
	if err := l.Register(selectplus.Affiliate{ID: "NEW", Anniversary: date("2019-06-01")}, date("2019-06-01")); err != nil {
		t.Fatal(err)
	}
	must(t, l, order("O1", "2019-06-01", "NEW", lic("Outlook", 500)))
	if err := l.Register(selectplus.Affiliate{ID: "NEW", Anniversary: date("2019-06-01")}, date("2019-07-01")); err == nil {
		t.Fatal("affiliate registered twice (SP-08)")
	}
	if _, err := l.AdvanceTo(date("2019-05-01")); !errors.Is(err, licensing.ErrOutOfOrder) {
		t.Fatalf("going back in time: %v", err)
	}
	var zero selectplus.Ledger
	if _, err := zero.Post(order("O1", "2019-06-01", "HQ", lic("Outlook", 500))); err == nil {
		t.Fatal("the zero Ledger accepted an order")
	}
}

// A receipt carries the reviews of the anniversaries its order passed, even
// when the order is refused (time passes whether or not it is accepted),
// and its results explain themselves in full with the audit trail off.
func TestReceiptReviewsAndWhy(t *testing.T) {
	on := newLedger(t, licensing.Commercial, "2019-07-01")
	off := newLedger(t, licensing.Commercial, "2019-07-01")
	off.SetAudit(false)
	twin := newLedger(t, licensing.Commercial, "2019-07-01")
	for _, l := range []*selectplus.Ledger{on, off, twin} {
		must(t, l, order("O1", "2019-08-01", "HQ", lic("Office Professional Plus", 2100))) // 4,200: B
	}
	want, err := twin.AdvanceTo(date("2020-07-01"))
	if err != nil || len(want) != 1 || want[0].Transition != selectplus.Carry {
		t.Fatalf("reviews %+v, %v", want, err)
	}
	rcOn := must(t, on, order("O2", "2020-08-01", "HQ", lic("Outlook", 100)))
	rcOff := must(t, off, order("O2", "2020-08-01", "HQ", lic("Outlook", 100)))
	if !reflect.DeepEqual(rcOn.Reviews, want) || !reflect.DeepEqual(rcOff.Reviews, want) {
		t.Fatalf("receipt reviews\n%+v\n%+v\nwant %+v", rcOn.Reviews, rcOff.Reviews, want)
	}
	whyOn, whyOff := rcOn.Why(), rcOff.Why()
	if !reflect.DeepEqual(whyOn, whyOff) || len(whyOn) != 2 || whyOn[0].Rule != "SP-22" || whyOn[1].Rule != "SP-17" || len(whyOff[1].Facts) == 0 {
		t.Fatalf("explanations with the audit trail on %v, off %v", whyOn, whyOff)
	}
	if audit := on.Audit(); len(audit) != 3 || audit[1].Why().String() != whyOn[0].String() || audit[2].Why().String() != whyOn[1].String() {
		t.Fatalf("audit %v", audit)
	}
	if len(off.Audit()) != 0 {
		t.Fatalf("the audit trail off recorded %v", off.Audit())
	}
	// A refused order passes the 2021-07-01 anniversary all the same.
	rc, err := off.Post(order("O3", "2021-08-01", "HQ", lic("Windows upgrade", 1)))
	if rule, _ := licensing.RuleOf(err); rule != "SP-16" || len(rc.Reviews) != 1 || rc.Reviews[0].Date != date("2021-07-01") {
		t.Fatalf("refused order: %+v, %v", rc.Reviews, err)
	}
	if y, _ := off.Year(); y != 3 {
		t.Fatalf("after the refused order the ledger is in year %d, want 3", y)
	}
}

// LIB-03: a pool's running total and an affiliate's share stop at
// licensing.MaxPoints; an order beyond either is refused with ErrOverflow
// and changes nothing.
func TestMaxPoints(t *testing.T) {
	r := selectplus.DefaultRules()
	r.CarryAtTop = false // the new year starts from zero, the affiliates' lifetime shares do not
	l, err := selectplus.Load(selectplus.Agreement{Segment: licensing.Commercial, Effective: date("2019-07-01"),
		Lead:       selectplus.Affiliate{ID: "HQ", Anniversary: date("2019-07-01")},
		Affiliates: []selectplus.Affiliate{{ID: "EU", Anniversary: date("2019-07-01")}}}, r)
	if err != nil {
		t.Fatal(err)
	}
	big := licensing.Product{Program: licensing.SelectPlus, Name: "Big", Kind: licensing.KindApplication, Pool: licensing.Applications,
		Points: licensing.WholePoints(licensing.MaxProductPoints)}
	perLine := big.Points.Mul(licensing.MaxQuantity)
	n := licensing.WholePoints(licensing.MaxPoints).Units() / perLine.Units()
	lines := make([]licensing.Line, n)
	for i := range lines {
		lines[i] = licensing.Line{Product: big, Offering: licensing.License, Quantity: licensing.MaxQuantity}
	}
	must(t, l, order("O1", "2019-08-01", "HQ", lines...)) // exactly MaxPoints
	if got := l.Pool(licensing.Applications).Total(); got != licensing.WholePoints(licensing.MaxPoints) {
		t.Fatalf("pool total %v, want %d", got, int64(licensing.MaxPoints))
	}
	l.SetAudit(false) // the refusals would be in the audit trail; nothing else may change
	overflow := func(what string, o licensing.Order) {
		t.Helper()
		before, _ := l.MarshalJSON()
		_, err := l.Post(o)
		if rule, _ := licensing.RuleOf(err); rule != "LIB-03" || !errors.Is(err, licensing.ErrOverflow) {
			t.Fatalf("%s: err = %v, want LIB-03", what, err)
		}
		if after, _ := l.MarshalJSON(); string(after) != string(before) {
			t.Fatalf("%s: the refused order changed the ledger", what)
		}
	}
	overflow("the pool's total", order("O2", "2019-08-01", "EU", lic("Outlook", 1)))
	overflow("one order", order("O3", "2019-08-01", "EU", append(lines, lic("Outlook", 1))...))
	if _, err := l.AdvanceTo(date("2020-07-01")); err != nil {
		t.Fatal(err)
	}
	overflow("HQ's lifetime share", order("O4", "2020-07-01", "HQ", lic("Outlook", 500)))
	must(t, l, order("O5", "2020-07-01", "EU", lic("Outlook", 500)))
}
