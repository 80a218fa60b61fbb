package openlicense

import (
	"slices"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// ParseProductType reads the product type of an Open License 6.0 order
// line: L, L&SA or SA, in any spelling licensing.ParseOffering takes
// (OL-12). One of the retired Open License 5.0 types (VUP, PUP, UA, CUP)
// is refused with licensing.ErrNotEligible and OL-12, since License & SA
// replaced them; another offering (a subscription, a step-up) with
// licensing.ErrInvalidOffering and OL-12; text that names no offering with
// the error of licensing.ParseOffering.
func ParseProductType(s string) (licensing.Offering, error) {
	t := strings.TrimSpace(s)
	if err := retired(t, true); err != nil {
		return 0, err
	}
	o, err := licensing.ParseOffering(t)
	if err != nil {
		return 0, err
	}
	if err := orderableType(o); err != nil {
		return 0, err
	}
	return o, nil
}

// retired refuses w when it is one of the Open License 5.0 types that
// License & SA replaced, by its token or, with byName, its name (OL-12).
func retired(w string, byName bool) error {
	for _, r := range retiredTypes {
		if strings.EqualFold(w, r.token) || byName && strings.EqualFold(w, r.name) {
			return licensing.Refuse(r.rule, licensing.ErrNotEligible, "%s (%s) is an Open License 5.0 type; License & SA replaced it", r.token, r.name)
		}
	}
	return nil
}

// orderableType refuses an offering Open License 6.0 does not sell (OL-12).
func orderableType(o licensing.Offering) error {
	if slices.ContainsFunc(orderable, func(t productType) bool { return t.offering == o }) {
		return nil
	}
	return licensing.Refuse(orderable[0].rule, licensing.ErrInvalidOffering, "%v: Open License 6.0 sells L, L&SA and SA", o)
}
