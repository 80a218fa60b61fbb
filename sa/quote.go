package sa

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vlrules/vlrules/licensing"
)

// planRows say which payment plans each program offers and the coverage
// model each plan runs on. Open License is always paid up front (OL-04);
// Open Value offers prepay and spread (OV-38); Select Plus offers up front
// and its two spread options (SP-42), Order Anniversary with 36 months of
// coverage.
var planRows = []struct {
	program licensing.Program
	plan    Plan
	model   Model
	rule    licensing.RuleID
}{
	{licensing.OpenLicense, UpFront, ToAuthorizationEnd, "OL-04"},
	{licensing.OpenValue, UpFront, ToAgreementEnd, "OV-38"},
	{licensing.OpenValue, OpenValueSpread, ToAgreementEnd, "OV-38"},
	{licensing.OpenValueSubscription, UpFront, ToAgreementEnd, "OV-38"},
	{licensing.OpenValueSubscription, OpenValueSpread, ToAgreementEnd, "OV-38"},
	{licensing.SelectPlus, UpFront, ToThirdAffiliateAnniversary, "SP-39"},
	{licensing.SelectPlus, AffiliateAnniversary, ToThirdAffiliateAnniversary, "SP-42"},
	{licensing.SelectPlus, OrderAnniversary, ThirtySixMonths, "SP-42"},
}

// PlansFor returns the payment plans a program offers, its default first.
func PlansFor(p licensing.Program) []Plan {
	var out []Plan
	for _, r := range planRows {
		if r.program == p {
			out = append(out, r.plan)
		}
	}
	return out
}

// planSpellings are the words ParsePlan accepts besides the plan names.
var planSpellings = map[string]Plan{
	"upfront": UpFront, "up-front": UpFront, "up front": UpFront, "prepay": UpFront, "prepaid": UpFront,
	"openvaluespread": OpenValueSpread, "spread": OpenValueSpread,
	"affiliateanniversary": AffiliateAnniversary, "affiliate": AffiliateAnniversary, "affiliate anniversary": AffiliateAnniversary,
	"orderanniversary": OrderAnniversary, "order": OrderAnniversary, "order anniversary": OrderAnniversary,
}

// ParsePlan parses a plan name or one of its short forms ("upfront",
// "spread", "affiliate", "order"), ignoring case.
func ParsePlan(s string) (Plan, error) {
	if p, ok := planSpellings[strings.ToLower(strings.TrimSpace(s))]; ok {
		return p, nil
	}
	return 0, fmt.Errorf("sa: parsing plan %q: want upfront, spread, affiliate or order", s)
}

// A QuoteRequest asks what SA costs in a program: an annual SA price per
// unit, a quantity, the dates the program's coverage model needs, and how
// to pay.
type QuoteRequest struct {
	Program  licensing.Program
	Plan     Plan // zero for the program's default
	Annual   decimal.Decimal
	Quantity int64
	Dates    Request
	Rounding Rounding // zero for DefaultRounding
}

// A Quote is what SA costs: the coverage bought, the price (rounded once)
// and how it is paid, with the explanation of each step.
type Quote struct {
	Program      licensing.Program
	Plan         Plan
	Coverage     licensing.Coverage
	Price        decimal.Decimal
	Schedule     Schedule
	Explanations []licensing.Explanation
}

// QuoteSA prices SA in a program (SA-09): the plan's coverage model gives
// the coverage, the model's pricing gives the price of annual × quantity,
// and the plan splits it into installments that add up to it exactly.
func QuoteSA(q QuoteRequest) (Quote, error) {
	plans := PlansFor(q.Program)
	if len(plans) == 0 {
		return Quote{}, fmt.Errorf("sa: quote: no SA coverage model for program %v", q.Program)
	}
	if q.Plan == 0 {
		q.Plan = plans[0]
	}
	if q.Quantity < 1 || q.Quantity > licensing.MaxQuantity {
		return Quote{}, fmt.Errorf("sa: quote: quantity %d: %w", q.Quantity, licensing.ErrInvalidQuantity)
	}
	for _, pr := range planRows {
		if pr.program != q.Program || pr.plan != q.Plan {
			continue
		}
		var row ModelRow
		for _, m := range ModelsFor(q.Program) {
			if m.Model == pr.model {
				row = m
				break
			}
		}
		row.Pricing = withRounding(row.Pricing, q.Rounding)
		c, ce, err := row.Cover(q.Dates)
		if err != nil {
			return Quote{}, err
		}
		price, pe, err := row.Price(q.Annual.Mul(decimal.New(q.Quantity, 0)), c)
		if err != nil {
			return Quote{}, err
		}
		s, err := pay(q.Plan, c, q.Dates, price, q.Rounding)
		if err != nil {
			return Quote{}, err
		}
		plan := licensing.Explain(pr.rule, fmt.Sprintf("%v offers %v on %v coverage", q.Program, q.Plan, pr.model),
			licensing.F("program", q.Program), licensing.F("plan", q.Plan))
		return Quote{Program: q.Program, Plan: q.Plan, Coverage: c, Price: price, Schedule: s,
			Explanations: []licensing.Explanation{plan, ce, pe, s.Explanation}}, nil
	}
	return Quote{}, licensing.Refuse(planRule(q.Program), licensing.ErrNotEligible, "%v does not offer the %v plan (it offers %v)", q.Program, q.Plan, plans)
}

// planRule is the rule that lists a program's plans: its first plan row's.
func planRule(p licensing.Program) licensing.RuleID {
	for _, r := range planRows {
		if r.program == p {
			return r.rule
		}
	}
	return "SA-09"
}

// withRounding returns the pricing with r in place of its rounding.
func withRounding(p licensing.Prorater, r Rounding) licensing.Prorater {
	switch v := p.(type) {
	case Prorated:
		v.Rounding = r
		return v
	case FixedTerm:
		v.Rounding = r
		return v
	}
	return p
}

// pay builds the schedule of a plan.
func pay(plan Plan, c licensing.Coverage, dates Request, total decimal.Decimal, r Rounding) (Schedule, error) {
	switch plan {
	case OpenValueSpread:
		return SpreadOpenValue(dates.AgreementStart, dates.Order, total, r)
	case AffiliateAnniversary:
		return SpreadAffiliateAnniversary(dates.Order, dates.AffiliateAnniversary.Month(), total, r)
	case OrderAnniversary:
		return SpreadOrderAnniversary(dates.Order, total, r)
	}
	return PayUpFront(c, total, r)
}
