package sa

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// Split divides total into len(weights) parts in proportion to the weights,
// in the minor unit of r, so that the parts add up to total exactly (SA-11,
// SA-22). Every part after the first is its exact share rounded toward zero;
// the first part takes the remainder, so no part is negative. Split returns
// an error for a negative total, one finer than the minor unit, no weights,
// or weights that are negative or all zero.
func Split(total decimal.Decimal, weights []int, r Rounding) ([]decimal.Decimal, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	r = r.orDefault()
	switch {
	case total.Sign() < 0 || !r.isMinorUnits(total):
		return nil, fmt.Errorf("sa: splitting %v: %w: want a non-negative amount in units of 10^-%d", total, ErrInvalidAmount, r.Places)
	case len(weights) == 0:
		return nil, fmt.Errorf("sa: splitting %v: %w: no parts", total, ErrInvalidAmount)
	}
	sum := decimal.Zero
	for _, w := range weights {
		if w < 0 {
			return nil, fmt.Errorf("sa: splitting %v: %w: negative weight %d", total, ErrInvalidAmount, w)
		}
		sum = sum.Add(decimal.New(int64(w), 0))
	}
	if sum.IsZero() {
		return nil, fmt.Errorf("sa: splitting %v: %w: weights add up to zero", total, ErrInvalidAmount)
	}
	down := Rounding{Places: r.Places, Mode: Down}
	parts := make([]decimal.Decimal, len(weights))
	rest := total
	for i := len(weights) - 1; i >= 1; i-- {
		// total × w / sum, truncated: exact because QuoRem never rounds.
		parts[i], _ = total.Mul(decimal.New(int64(weights[i]), 0)).QuoRem(sum, down.Places)
		rest = rest.Sub(parts[i])
	}
	parts[0] = rest
	return parts, nil
}

// ErrInvalidWeighting is wrapped by every error that reports a malformed weighting.
var ErrInvalidWeighting = errors.New("invalid weighting")

// A Weighting says how a schedule shares a price among its periods. The
// zero Weighting is not valid.
type Weighting uint8

// The weightings.
const (
	ByMonths   Weighting = iota + 1 // in proportion to each period's months (SP-42)
	EqualParts                      // one equal part per period: the same SKU billed again (SKU-12)
)

// An Installment is one payment: when it is due, the coverage it pays for,
// and its amount.
//
// It marshals to JSON as {"due":"2020-07-01","period":{…},"amount":"290.00"},
// the amount with its two decimals.
type Installment struct {
	Due    licensing.Date  `json:"due"`
	Period Coverage        `json:"period"`
	Amount decimal.Decimal `json:"amount"`
}

// MarshalJSON writes the installment with its amount's two decimals.
func (in Installment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Due    licensing.Date `json:"due"`
		Period Coverage       `json:"period"`
		Amount money          `json:"amount"`
	}{in.Due, in.Period, money(in.Amount)})
}

// A Schedule is how a price is paid: installments that add up to the total
// exactly, none negative (INV-26), the first taking the rounding remainder
// (SA-11).
//
// It marshals to JSON as {"total":"652.50","installments":[…]}; the
// explanation is not marshalled.
type Schedule struct {
	Total        decimal.Decimal `json:"total"`
	Installments []Installment   `json:"installments"`
	facts        scheduleFacts
}

// MarshalJSON writes the schedule with its total's two decimals.
func (s Schedule) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Total        money         `json:"total"`
		Installments []Installment `json:"installments"`
	}{money(s.Total), s.Installments})
}

// scheduleFacts are what a schedule is explained by, kept as values and
// formatted only when Why is called.
type scheduleFacts struct {
	rule         licensing.RuleID
	total        decimal.Decimal
	installments int
	weighting    Weighting // zero for a Schedule not made by Pay
}

// explain builds the explanation of a schedule made by Pay, or the zero
// Explanation.
func (f scheduleFacts) explain() licensing.Explanation {
	if f.weighting == 0 {
		return licensing.Explanation{}
	}
	result := strconv.Itoa(f.installments) + " installments adding up to " + f.total.String()
	if f.installments == 1 {
		result = "one payment of " + f.total.String()
	}
	return licensing.Explain(f.rule, result,
		licensing.F("total", f.total), licensing.F("installments", f.installments), licensing.F("weighting", f.weighting),
		licensing.F("remainderTo", "first installment"))
}

// Why explains the schedule: the plan's rule, the number of installments
// and where the remainder went. It is built when called; a Schedule not
// made by [Pay] has the zero Explanation.
func (s Schedule) Why() licensing.Explanation { return s.facts.explain() }

// Pay splits total over the periods a program's payment plan gives, each
// installment due when its period starts, and explains it by the plan's
// rule (SA-11, SKU-12, SP-42). A single period pays up front.
func Pay(rule licensing.RuleID, total decimal.Decimal, periods []Coverage, w Weighting, r Rounding) (Schedule, error) {
	if !w.IsValid() {
		return Schedule{}, fmt.Errorf("sa: paying %v: %w", total, ErrInvalidWeighting)
	}
	weights := make([]int, len(periods))
	for i, p := range periods {
		weights[i] = p.Months
		if w == EqualParts {
			weights[i] = 1
		}
	}
	parts, err := Split(total, weights, r)
	if err != nil {
		return Schedule{}, err
	}
	s := Schedule{Total: total, Installments: make([]Installment, len(periods))}
	for i, p := range periods {
		s.Installments[i] = Installment{Due: p.Start, Period: p, Amount: parts[i]}
	}
	s.facts = scheduleFacts{rule: rule, total: total, installments: len(periods), weighting: w}
	return s, nil
}
