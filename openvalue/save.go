package openvalue

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/vlrules/vlrules/licensing"
)

// saved is the JSON form of a Ledger: its event log, the request that
// opened it and every order placed, in order (OV-46: the desktops of each
// year are in the orders that reported them).
type saved struct {
	Request AgreementRequest `json:"request"`
	Region  licensing.Region `json:"region,omitempty"`
	Orders  []Order          `json:"orders"`
}

// MarshalJSON saves the ledger as its event log: the agreement request, the
// region and every order placed. Restore replays it.
func (l Ledger) MarshalJSON() ([]byte, error) {
	if len(l.placed) == 0 {
		return nil, fmt.Errorf("openvalue: the zero Ledger has no agreement to save: %w", licensing.ErrInvalidOrder)
	}
	return json.Marshal(saved{Request: l.request, Region: l.agreement.Region, Orders: l.placed})
}

// Restore reads a ledger saved by MarshalJSON and replays it under r: the
// request is checked and every order placed again, so a restored ledger
// holds every rule a ledger built by placing orders holds, and saves to the
// same bytes. A file a user edited into a state no ledger could reach is
// refused with the error of the order at fault, named orders[i].
func (r Rules) Restore(data []byte) (*Ledger, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s saved
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("openvalue: restoring a ledger: %w: %w", licensing.ErrInvalidOrder, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("openvalue: restoring a ledger: %w: data after the ledger", licensing.ErrInvalidOrder)
	}
	if len(s.Orders) == 0 {
		return nil, &licensing.FieldError{Field: "orders", Err: fmt.Errorf("%w: a ledger starts with its initial order (OV-30)", licensing.ErrInvalidOrder)}
	}
	l, _, err := r.Open(s.Request, s.Region, s.Orders[0])
	if err != nil {
		return nil, fmt.Errorf("openvalue: restoring orders[0]: %w", err)
	}
	for i, o := range s.Orders[1:] {
		if _, err := l.Place(o); err != nil {
			return nil, fmt.Errorf("openvalue: restoring orders[%d]: %w", i+1, err)
		}
	}
	return l, nil
}

// UnmarshalJSON restores a ledger saved by MarshalJSON under the default
// rules; Rules.Restore restores under others.
func (l *Ledger) UnmarshalJSON(data []byte) error {
	restored, err := DefaultRules().Restore(data)
	if err != nil {
		return err
	}
	*l = *restored
	return nil
}
