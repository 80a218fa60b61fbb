package openvalue

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

var (
	// ErrInvalidMilestone is wrapped by every error that reports a malformed milestone.
	ErrInvalidMilestone = errors.New("invalid calendar milestone")
	// ErrInvalidTimeliness is wrapped by every error that reports a malformed timeliness state.
	ErrInvalidTimeliness = errors.New("invalid timeliness state")
)

// A Milestone is a dated event of an Open Value agreement's calendar. The
// zero Milestone is not valid.
type Milestone uint8

// The milestones, in the order of the default calendar's rows.
const (
	AgreementStart         Milestone = iota + 1 // the agreement date, the initial order's usage date (OV-30)
	Enrollment                                  // the OVS enrollment start, named EnrollmentStart (OV-31)
	PreAnniversaryReminder                      // the reminder with an order form, A − 45 (OV-19)
	Anniversary                                 // the anniversary; a reminder goes out if no order came (OV-18, OV-22)
	FollowUpReminder                            // the reminder A + 30 if no order came (OV-22)
	LastDayToOrder                              // A + 60, the last day an anniversary order keeps the agreement (OV-23)
	TerminatedIfNoOrder                         // A + 61, terminated if no order came (OV-23)
	RenewalNotice                               // the three-year extension offer, expiration − 90 (OV-24)
	Expiration                                  // the term's last day; without renewal the agreement expires (OV-25)
)

// A Timeliness is the state of an anniversary as of a date (OV-28): Open
// before it, OnTime for an order up to 30 days after, Late up to 60, and
// Terminated from the 61st day when no order came. The zero Timeliness is
// not valid.
type Timeliness uint8

// The timeliness states.
const (
	Open       Timeliness = iota + 1 // before the anniversary; an order then is on time
	OnTime                           // A to A + 30 (OV-37)
	Late                             // A + 31 to A + 60; the agreement is still alive (OV-28)
	Terminated                       // from A + 61 with no order (OV-23)
)

// An Event is one dated milestone of an agreement's calendar: the
// anniversary it belongs to (1 or 2; 0 where none applies) and its rule.
type Event struct {
	Date        licensing.Date   `json:"date"`
	Milestone   Milestone        `json:"event"`
	Anniversary int              `json:"anniversary"`
	Rule        licensing.RuleID `json:"rule"`
	Notice      string           `json:"notice,omitempty"` // who is written to (OV-47)
}

// Anniversary returns the k-th anniversary of the term, Start + k years
// (OV-27, OV-32, OV-35; Feb 29 falls on Feb 28, GEN-15), for k = 1 or 2; any
// other k is refused (OV-34: anniversary orders cover years 2 and 3).
func (t Term) Anniversary(k int) (licensing.Date, error) {
	if k < 1 || k >= terms.years {
		return licensing.Date{}, licensing.Refuse("OV-34", licensing.ErrOutsideTerm, "anniversary %d: an agreement has anniversaries 1 to %d", k, terms.years-1)
	}
	if _, err := t.Year(t.Start); err != nil {
		return licensing.Date{}, err
	}
	return t.Start.Anniversary(k), nil
}

// Calendar returns the dated events of agreement a, sorted by date (rows
// with the same date in table order): the agreement start, the enrollment
// start (OVS), for each anniversary the reminder, the anniversary, the
// follow-up reminder, the last day to order and the termination if no
// order came, then the renewal notice and the expiration. Events that
// happen only while no order has come are all listed: this is the
// calendar of a customer who does nothing. Ledger.Calendar drops those an
// order made moot.
func (r Rules) Calendar(a Agreement) ([]Event, error) {
	t, err := r.Term(a)
	if err != nil {
		return nil, err
	}
	row, _ := r.option(a.Option) // Term checked it
	return r.events(t, row.Normalize, nil)
}

// events lists the calendar of t, leaving out the no-order events of each
// anniversary dated after the day an order met it (met[k-1], zero if
// none).
func (r Rules) events(t Term, normalized bool, met []licensing.Date) ([]Event, error) {
	end, err := t.Expiration()
	if err != nil {
		return nil, err
	}
	var out []Event
	for _, row := range r.Events {
		if row.Normalized && !normalized {
			continue
		}
		switch row.Anchor {
		case FromOpening:
			out = append(out, Event{Date: t.opens().AddDays(row.Days), Milestone: row.Milestone, Rule: row.Rule})
		case FromStart:
			out = append(out, Event{Date: t.Start.AddDays(row.Days), Milestone: row.Milestone, Rule: row.Rule})
		case FromExpiration:
			out = append(out, Event{Date: end.AddDays(row.Days), Milestone: row.Milestone, Rule: row.Rule, Notice: row.Notice})
		case FromAnniversary:
			for k := 1; k < terms.years; k++ {
				d := t.Start.Anniversary(k).AddDays(row.Days)
				if row.IfNoOrder && k <= len(met) && !met[k-1].IsZero() && d.After(met[k-1]) {
					continue
				}
				out = append(out, Event{Date: d, Milestone: row.Milestone, Anniversary: k, Rule: row.Rule, Notice: row.Notice})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y Event) int { return x.Date.Compare(y.Date) })
	return out, nil
}

// Timeliness returns the state of anniversary k of term t as of d, the
// date an order is placed (OV-28): Open before the anniversary, then the
// state of the last window opened on or before d. The states partition
// time and follow each other in order (INV-33).
func (r Rules) Timeliness(t Term, k int, d licensing.Date) (Timeliness, licensing.RuleID, error) {
	a, err := t.Anniversary(k)
	if err != nil {
		return 0, "", err
	}
	if !d.IsValid() {
		return 0, "", fmt.Errorf("openvalue: timeliness: %w: the date is required", licensing.ErrInvalidOrder)
	}
	state, rule := Open, licensing.RuleID("OV-28")
	days := a.DaysUntil(d)
	for _, w := range r.windows() {
		if days >= w.days {
			state, rule = w.state, w.rule
		}
	}
	return state, rule, nil
}

// LastDayToOrder returns the last day an order for anniversary k keeps the
// agreement alive, A + 60, the day before the termination (OV-23).
func (r Rules) LastDayToOrder(t Term, k int) (licensing.Date, error) {
	a, err := t.Anniversary(k)
	if err != nil {
		return licensing.Date{}, err
	}
	return a.AddDays(r.milestone(LastDayToOrder).Days), nil
}

// A DeploymentCheck is the answer of OV-16 for a new-license order: late
// when it is placed in a month after the month the software was deployed,
// early (information only) when before it.
type DeploymentCheck struct {
	Deployed, Ordered licensing.Date
	Late, Early       bool
}

// Why explains the check.
func (c DeploymentCheck) Why() licensing.Explanation {
	result := "ordered in the month of deployment"
	switch {
	case c.Late:
		result = "late: ordered after the month of deployment"
	case c.Early:
		result = "early: ordered before the month of deployment (information only)"
	}
	return licensing.Explain("OV-16", result, licensing.F("deployed", c.Deployed), licensing.F("ordered", c.Ordered))
}

// CheckDeployment checks an Open Value new-license order placed on ordered
// for software deployed on deployed (OV-16, reading (b)): late iff the
// order's (year, month) is after the deployment's; ordering ahead is
// early, and not late. Missing dates are an error wrapping
// licensing.ErrInvalidOrder.
func CheckDeployment(deployed, ordered licensing.Date) (DeploymentCheck, error) {
	if !deployed.IsValid() || !ordered.IsValid() {
		return DeploymentCheck{}, fmt.Errorf("openvalue: deployment month: %w: both dates are required", licensing.ErrInvalidOrder)
	}
	c := DeploymentCheck{Deployed: deployed, Ordered: ordered}
	month := func(d licensing.Date) int { return d.Year()*12 + int(d.Month()) }
	c.Late = month(ordered) > month(deployed)
	c.Early = month(ordered) < month(deployed)
	return c, nil
}

// Renewal returns the agreement that renews a, whose number is number: the
// same option and region, dated the day after a's expiration, and the
// previous agreement its request must name (OV-25, OV-48, OV-10 field 4).
// Its counters restart: it is a new agreement with Y1 SKUs.
func (r Rules) Renewal(a Agreement, number string) (Agreement, PreviousAgreement, error) {
	if strings.TrimSpace(number) == "" {
		return Agreement{}, PreviousAgreement{}, &licensing.FieldError{Field: "number", Err: fmt.Errorf("%w: a renewal names the agreement it renews (OV-10 field 4)", ErrInvalidRequest)}
	}
	t, err := r.Term(a)
	if err != nil {
		return Agreement{}, PreviousAgreement{}, err
	}
	end, err := t.Expiration()
	if err != nil {
		return Agreement{}, PreviousAgreement{}, err
	}
	next, ok := end.DayAfter()
	if !ok {
		return Agreement{}, PreviousAgreement{}, licensing.Refuse("LIB-09", licensing.ErrOverflow, "no renewal after %v within the calendar", end)
	}
	renewed := Agreement{Option: a.Option, Date: next, Region: a.Region}
	t, err = r.Term(renewed)
	if err == nil {
		_, err = t.Expiration()
	}
	if err != nil {
		return Agreement{}, PreviousAgreement{}, err
	}
	return renewed, PreviousAgreement{Number: number, Expiration: end}, nil
}
