package licensing_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

type panicky struct{}

func (panicky) String() string { panic("no") }

type pointerStringer struct{ s string }

func (p *pointerStringer) String() string { return p.s }

// F formats its value as fmt.Sprint does, whatever the value: its fast
// paths change no text.
func TestFFormatsAsSprint(t *testing.T) {
	var nilStringer *pointerStringer
	values := []any{
		"text", "", 42, -7, int64(1) << 40, true, false, int32(5), uint8(3),
		decimal.RequireFromString("3619.20"), decimal.New(-5, -3), decimal.Zero,
		licensing.MustParseDate("2020-04-01"), licensing.Date{}, licensing.MustParsePoints("4258 1/3"),
		licensing.LevelB, licensing.Level(9), licensing.Applications, time.July, licensing.RuleID("SP-39"),
		errors.New("boom"), panicky{}, nilStringer, &pointerStringer{"set"}, nil, []int{1, 2}, struct{ A int }{3},
	}
	for _, v := range values {
		if got, want := licensing.F("x", v).Value, fmt.Sprint(v); got != want {
			t.Errorf("F(%#v) = %q, want %q", v, got, want)
		}
	}
}
