package sa

import (
	"fmt"
	"time"

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
	r = r.orDefault()
	switch {
	case total.Sign() < 0 || !r.isMinorUnits(total):
		return nil, fmt.Errorf("sa: splitting %v: %w: want a non-negative amount in units of 10^-%d", total, ErrInvalidAmount, r.Places)
	case len(weights) == 0:
		return nil, fmt.Errorf("sa: splitting %v: %w: no parts", total, ErrInvalidAmount)
	}
	sum := int64(0)
	for _, w := range weights {
		if w < 0 {
			return nil, fmt.Errorf("sa: splitting %v: %w: negative weight %d", total, ErrInvalidAmount, w)
		}
		sum += int64(w)
	}
	if sum == 0 {
		return nil, fmt.Errorf("sa: splitting %v: %w: weights add up to zero", total, ErrInvalidAmount)
	}
	down := Rounding{Places: r.Places, Mode: Down}
	parts := make([]decimal.Decimal, len(weights))
	rest := total
	for i := len(weights) - 1; i >= 1; i-- {
		parts[i] = down.MulDiv(total, int64(weights[i]), sum)
		rest = rest.Sub(parts[i])
	}
	parts[0] = rest
	return parts, nil
}

// A Plan is a way to pay for SA coverage.
type Plan uint8

// The payment plans.
const (
	// UpFront pays the whole price when the coverage starts.
	UpFront Plan = iota + 1
	// OpenValueSpread pays once per remaining agreement year, billing the
	// same SKU each year (SA-11, SKU-12, OV-43).
	OpenValueSpread
	// AffiliateAnniversary pays a stub to the next affiliate anniversary,
	// then yearly (SP-42, option 1).
	AffiliateAnniversary
	// OrderAnniversary pays in full-year steps from the order (SP-42,
	// option 2).
	OrderAnniversary
)

var planNames = [...]string{UpFront: "UpFront", OpenValueSpread: "OpenValueSpread", AffiliateAnniversary: "AffiliateAnniversary", OrderAnniversary: "OrderAnniversary"}

// String returns the plan's name.
func (p Plan) String() string {
	if p >= UpFront && p <= OrderAnniversary {
		return planNames[p]
	}
	return "Plan(?)"
}

// An Installment is one payment: when it is due, the coverage it pays for,
// and its amount.
type Installment struct {
	Due    licensing.Date
	Period licensing.Coverage
	Amount decimal.Decimal
}

// A Schedule is a payment plan for a total: its installments add up to the
// total exactly, and none is negative (INV-26). The first installment takes
// the rounding remainder (SA-11).
type Schedule struct {
	Plan         Plan
	Total        decimal.Decimal
	Installments []Installment
	Explanation  licensing.Explanation
}

// schedule builds a Schedule from periods, splitting total by their months
// (or equally when equal is set, as for Open Value's same-SKU billing).
func schedule(plan Plan, rule licensing.RuleID, total decimal.Decimal, r Rounding, periods []licensing.Coverage, equal bool, facts ...licensing.Fact) (Schedule, error) {
	weights := make([]int, len(periods))
	for i, p := range periods {
		weights[i] = p.Months
		if equal {
			weights[i] = 1
		}
	}
	parts, err := Split(total, weights, r)
	if err != nil {
		return Schedule{}, err
	}
	s := Schedule{Plan: plan, Total: total, Installments: make([]Installment, len(periods))}
	for i, p := range periods {
		s.Installments[i] = Installment{Due: p.Start, Period: p, Amount: parts[i]}
	}
	facts = append(facts, licensing.F("total", total), licensing.F("installments", len(periods)), licensing.F("remainderTo", "first installment"))
	s.Explanation = licensing.Explain(rule, fmt.Sprintf("%v: %d installments adding up to %v", plan, len(periods), total), facts...)
	return s, nil
}

// PayUpFront returns a single installment of total, due when c starts.
func PayUpFront(c licensing.Coverage, total decimal.Decimal, r Rounding) (Schedule, error) {
	return schedule(UpFront, "SA-11", total, r, []licensing.Coverage{c}, false, licensing.F("coverage", c))
}

// SpreadOpenValue returns the Open Value spread schedule of a line ordered
// on order under an agreement that started on start (SA-11, SKU-12, OV-43):
// one equal installment per remaining agreement year, 4 − y of them for a
// purchase in year y, the first due on the order date and the others on the
// anniversaries. Each pays for one year's SKU (Months 12); the last period
// ends on the agreement's expiration (OV-26). A year-3 purchase has a
// single installment (OV-38).
func SpreadOpenValue(start, order licensing.Date, total decimal.Decimal, r Rounding) (Schedule, error) {
	y := licensing.YearOf(start, order)
	if !start.IsValid() || y < 1 || y > agreementYears {
		return Schedule{}, licensing.Refuse("OV-27", licensing.ErrOutsideTerm, "order %v outside the agreement starting %v", order, start)
	}
	var periods []licensing.Coverage
	from := order
	for k := y; k <= agreementYears; k++ {
		next := start.Anniversary(k)
		periods = append(periods, licensing.Coverage{Start: from, End: next.AddDays(-1), Months: 12})
		from = next
	}
	return schedule(OpenValueSpread, "SKU-12", total, r, periods, true,
		licensing.F("agreementStart", start), licensing.F("order", order), licensing.F("acquisitionYear", y))
}

// SpreadAffiliateAnniversary returns the Select Plus Affiliate Anniversary
// schedule (SP-42, option 1) for an order on order by an affiliate whose
// anniversary month is ma: a first installment for the stub from the order
// to the day before the next affiliate anniversary A1 (1 to 12 months), then
// one on A1 and one on A1 + 1 year, 12 months each — three installments for
// the 25 to 36 months of SP-39, split in proportion to their months.
func SpreadAffiliateAnniversary(order licensing.Date, ma time.Month, total decimal.Decimal, r Rounding) (Schedule, error) {
	if !order.IsValid() || ma < time.January || ma > time.December {
		return Schedule{}, fmt.Errorf("sa: affiliate anniversary spread: %w: order date and anniversary month are required", licensing.ErrInvalidOrder)
	}
	c := ThirdAnniversary(order, ma)
	a1 := NextAffiliateAnniversary(order, ma)
	periods := []licensing.Coverage{{Start: order, End: a1.AddDays(-1), Months: Months(order, a1.AddDays(-1))}}
	for k := 0; k < 2; k++ {
		s := a1.AddYears(k)
		periods = append(periods, licensing.Coverage{Start: s, End: a1.AddYears(k + 1).AddDays(-1), Months: 12})
	}
	return schedule(AffiliateAnniversary, "SP-42", total, r, periods, false,
		licensing.F("order", order), licensing.F("coverage", c), licensing.F("firstAnniversary", a1))
}

// SpreadOrderAnniversary returns the Select Plus Order Anniversary schedule
// (SP-42, option 2, reading (a)): three equal installments due on the order
// date and its first and second anniversaries, each paying 12 months, for
// 36 months of coverage from the order.
func SpreadOrderAnniversary(order licensing.Date, total decimal.Decimal, r Rounding) (Schedule, error) {
	if !order.IsValid() {
		return Schedule{}, fmt.Errorf("sa: order anniversary spread: %w: the order date is required", licensing.ErrInvalidOrder)
	}
	var periods []licensing.Coverage
	for k := 0; k < 3; k++ {
		periods = append(periods, licensing.Coverage{Start: order.Anniversary(k), End: order.Anniversary(k + 1).AddDays(-1), Months: 12})
	}
	return schedule(OrderAnniversary, "SP-42", total, r, periods, false, licensing.F("order", order))
}
