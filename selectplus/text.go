package selectplus

import (
	"fmt"
	"strings"
)

// textOf and parseText give the small enumerations of this package their
// text form, so that a saved ledger reads well and restores exactly.
func textOf(name string) ([]byte, error) { return []byte(name), nil }

func parseText[T ~uint8](kind string, text []byte, names func(T) string, max T) (T, error) {
	for v := T(0); v <= max; v++ {
		if n := names(v); !strings.Contains(n, "?") && strings.EqualFold(n, string(text)) {
			return v, nil
		}
	}
	return 0, fmt.Errorf("selectplus: unknown %s %q", kind, text)
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return textOf(s.String()) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) (err error) {
	*s, err = parseText("status", b, Status.String, OnHold)
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return textOf(k.String()) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) (err error) {
	*k, err = parseText("transition", b, Kind.String, Registration)
	return err
}

// MarshalText implements encoding.TextMarshaler.
func (r ReactivationPolicy) MarshalText() ([]byte, error) { return textOf(r.String()) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *ReactivationPolicy) UnmarshalText(b []byte) (err error) {
	*r, err = parseText("reactivation policy", b, ReactivationPolicy.String, Cumulative)
	return err
}

// MarshalText implements encoding.TextMarshaler. The zero kind is "".
func (k AssociationKind) MarshalText() ([]byte, error) {
	if k == 0 {
		return nil, nil
	}
	return textOf(k.String())
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *AssociationKind) UnmarshalText(b []byte) (err error) {
	if len(b) == 0 {
		*k = 0
		return nil
	}
	*k, err = parseText("association kind", b, AssociationKind.String, SelectLicense)
	return err
}
