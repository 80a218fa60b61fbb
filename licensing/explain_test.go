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
// paths change no text. Points are the one exception: they read as people
// write them (issue 15).
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
		want := fmt.Sprint(v)
		if p, ok := v.(licensing.Points); ok {
			want = p.Display()
		}
		if got := licensing.F("x", v).Value; got != want {
			t.Errorf("F(%#v) = %q, want %q", v, got, want)
		}
	}
}

// Explanations show points as mixed numbers, as Display does.
func TestExplanationsShowMixedNumbers(t *testing.T) {
	p := licensing.MustParsePoints("12775/3")
	if got := licensing.F("total", p).Value; got != "4258 1/3" {
		t.Errorf("F(12775/3) = %q, want 4258 1/3", got)
	}
	l := licensing.Line{Product: licensing.Product{Name: "Office Professional Plus", Kind: licensing.KindApplication, Pool: licensing.Applications, Points: licensing.WholePoints(2)},
		Offering: licensing.LicenseSA, Quantity: 1, SAMonths: 25}
	lp, err := l.Points()
	if err != nil || lp.Why().Result != "4 1/12 points" {
		t.Errorf("Why = %v, %v; want 4 1/12 points", lp.Why(), err)
	}
}
