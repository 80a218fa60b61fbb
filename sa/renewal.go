package sa

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/vlrules/vlrules/licensing"
)

// A Renewal is a program's renewal rules, which the renewal mechanics here
// cite (SA-13, SA-14): a renewal on or before the expiry continues coverage
// without a break (OnTime); after the expiry the SA has lapsed, and SA
// alone is refused until new L&SA is bought (Lapse); SA bought under
// another agreement may be renewed in while it has not expired (Other);
// lines renewed together end on one date, each prorated (CoTerm). A
// program whose guide states no such rules hands no Renewal.
type Renewal struct {
	OnTime licensing.RuleID
	Lapse  licensing.RuleID
	Other  licensing.RuleID
	CoTerm licensing.RuleID
}

// cites returns an error wrapping licensing.ErrInvalidRules unless every
// rule of ids is set: each answer the mechanics give cites one, and a
// refusal by no rule would explain nothing.
func (r Renewal) cites(what string, ids ...licensing.RuleID) error {
	for _, id := range ids {
		if id == "" {
			return fmt.Errorf("sa: %s: %w: the renewal rules leave a rule it cites empty (%+v)", what, licensing.ErrInvalidRules, r)
		}
	}
	return nil
}

// ErrInvalidSource is wrapped by every error that reports a malformed SA source.
var ErrInvalidSource = errors.New("invalid SA source")

// A Source says where SA being renewed was bought. The zero Source is not
// valid.
type Source uint8

// The sources of SA coverage.
const (
	SameAgreement  Source = iota + 1 // bought under this agreement
	OtherAgreement                   // bought under another agreement
)

// CheckRenewal decides whether SA that expires on expires may be renewed by
// an order on order, by the program's rules: on or before the expiry the
// renewal is allowed and coverage continues from the day after expiry
// without a break (rules.OnTime); SA from another agreement may be renewed
// in only while it has not expired (rules.Other); after the expiry the SA
// has lapsed and SA alone is refused until new L&SA is bought (rules.Lapse).
func CheckRenewal(rules Renewal, expires, order licensing.Date, from Source) (licensing.Explanation, error) {
	facts := []licensing.Fact{licensing.F("expires", expires), licensing.F("order", order), licensing.F("from", from)}
	if !expires.IsValid() || !order.IsValid() || !from.IsValid() {
		return licensing.Explanation{}, fmt.Errorf("sa: renewal: %w: an expiry, an order date and a source are required", licensing.ErrInvalidOrder)
	}
	onTime := rules.OnTime // the rule an allowed renewal cites
	if from == OtherAgreement {
		onTime = rules.Other
	}
	if err := rules.cites("renewal", rules.Lapse, onTime); err != nil {
		return licensing.Explanation{}, err
	}
	if order.After(expires) {
		err := licensing.Refuse(rules.Lapse, licensing.ErrNotEligible, "SA expired on %v, before the order of %v: lapsed; buy L&SA before SA again", expires, order)
		return licensing.Explain(rules.Lapse, "refused: coverage has lapsed", facts...), err
	}
	from1, err := dayAfter(expires)
	if err != nil {
		return licensing.Explanation{}, err
	}
	rule, result := rules.OnTime, fmt.Sprintf("renewed on time: coverage continues from %v", from1)
	if from == OtherAgreement {
		rule, result = rules.Other, fmt.Sprintf("SA from another agreement renewed in before it expired; coverage continues from %v", from1)
	}
	return licensing.Explain(rule, result, facts...), nil
}

// dayAfter returns the day renewed coverage continues from, the day after
// expires; SA that expires on 9999-12-31 has none, and its renewal is
// refused as out of range (LIB-09), never started on the day it expires.
func dayAfter(expires licensing.Date) (licensing.Date, error) {
	next, ok := expires.DayAfter()
	if !ok {
		return licensing.Date{}, licensing.Refuse("LIB-09", licensing.ErrOverflow, "SA expiring on %v: no coverage can continue after it within the calendar", expires)
	}
	return next, nil
}

// A Track follows the SA coverage of one license through time, so that a
// renewal after a lapse is refused until new L&SA is bought (INV-31).
// Events must come in date order. The zero Track has never been covered and
// is ready to use. A Track is not safe for concurrent use.
type Track struct {
	covered bool           // coverage has been bought at least once
	end     licensing.Date // last day of the latest coverage
	last    licensing.Date // date of the latest event
}

// End returns the last day of the latest coverage, and whether there has
// been any.
func (t Track) End() (licensing.Date, bool) { return t.end, t.covered }

// Latest returns the date of the latest event recorded, or the zero Date
// if there has been none. An event dated before it is refused.
func (t Track) Latest() licensing.Date { return t.last }

// CoveredOn reports whether d falls within coverage bought so far.
func (t Track) CoveredOn(d licensing.Date) bool { return t.covered && !d.After(t.end) }

// Lapsed reports whether coverage was bought and had ended before d.
func (t Track) Lapsed(d licensing.Date) bool { return t.covered && d.After(t.end) }

func (t *Track) inOrder(d licensing.Date) error {
	if !d.IsValid() {
		return fmt.Errorf("sa: track: %w: a valid date is required", licensing.ErrInvalidOrder)
	}
	if d.Before(t.last) {
		return fmt.Errorf("sa: track: event on %v after one on %v: %w", d, t.last, licensing.ErrOutOfOrder)
	}
	return nil
}

// BuyLicenseSA records an L&SA purchase on order whose coverage ends on end
// (SA-20). It is always allowed, and starts coverage afresh after a lapse.
// It allocates nothing unless it fails.
func (t *Track) BuyLicenseSA(order, end licensing.Date) error {
	if err := t.inOrder(order); err != nil {
		return err
	}
	if end.Before(order) {
		return fmt.Errorf("sa: track: coverage end %v before the order %v: %w", end, order, licensing.ErrInvalidOrder)
	}
	t.covered, t.last = true, order
	if end.After(t.end) {
		t.end = end
	}
	return nil
}

// RenewSA records an SA-only renewal on order extending coverage to end,
// by the program's rules. It is refused, changing nothing, when the license
// has never been covered or its coverage has lapsed (rules.Lapse);
// otherwise coverage continues without a break (rules.OnTime).
// CheckRenewal explains the same decision.
func (t *Track) RenewSA(rules Renewal, order, end licensing.Date) error {
	if err := rules.cites("track", rules.Lapse, rules.OnTime); err != nil {
		return err
	}
	if err := t.inOrder(order); err != nil {
		return err
	}
	switch {
	case !t.covered:
		return licensing.Refuse(rules.Lapse, licensing.ErrNotEligible, "no SA to renew on %v: buy L&SA first", order)
	case order.After(t.end):
		_, err := CheckRenewal(rules, t.end, order, SameAgreement)
		return err
	case !end.After(t.end):
		return fmt.Errorf("sa: track: renewal to %v does not extend coverage ending %v: %w", end, t.end, licensing.ErrInvalidOrder)
	}
	t.end, t.last = end, order
	return nil
}

// trackJSON is the saved form of a Track.
type trackJSON struct {
	Covered bool           `json:"covered"`
	End     licensing.Date `json:"end"`
	Last    licensing.Date `json:"last"`
}

// MarshalJSON saves a Track, so that a ledger holding it restores
// identically.
func (t Track) MarshalJSON() ([]byte, error) {
	return json.Marshal(trackJSON{t.covered, t.end, t.last})
}

// UnmarshalJSON restores a Track saved by MarshalJSON, and refuses one no
// events could produce with a *licensing.FieldError naming the field
// ("covered", "end" or "last"): a track never covered has no end and no
// event, and a covered one has both, its coverage ending no earlier than
// its latest event (INV-31).
func (t *Track) UnmarshalJSON(b []byte) error {
	var j trackJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	bad := func(field string, value licensing.Date, why string) error {
		return &licensing.FieldError{Field: field, Value: value.String(), Err: fmt.Errorf("%w: a track no events could produce: %s", licensing.ErrInvalidOrder, why)}
	}
	switch {
	case !j.Covered && !j.End.IsZero():
		return bad("end", j.End, "a track never covered has no end")
	case !j.Covered && !j.Last.IsZero():
		return bad("last", j.Last, "a track never covered has had no event")
	case j.Covered && !j.End.IsValid():
		return bad("end", j.End, "a covered track needs the last day of its coverage")
	case j.Covered && !j.Last.IsValid():
		return bad("last", j.Last, "a covered track needs the date of its latest event")
	case j.Covered && j.End.Before(j.Last):
		return bad("end", j.End, "coverage ends before the latest event, on "+j.Last.String())
	}
	*t = Track{covered: j.Covered, end: j.End, last: j.Last}
	return nil
}
