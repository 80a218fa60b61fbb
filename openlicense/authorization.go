package openlicense

import "github.com/vlrules/vlrules/licensing"

// authorizationYears is the term of an Open License authorization: orders
// may follow the initial one "at any time over a two-year period" (OL-02,
// OL-19, X-03).
const authorizationYears = 2

// AuthorizationEnd returns the last day of an authorization whose initial
// order was placed on initial: initial + 2 years − 1 day, the last day a
// reorder is accepted (OL-19). An initial order on 2005-03-15 gives
// 2007-03-14 (WS-09).
func AuthorizationEnd(initial licensing.Date) licensing.Date {
	return initial.AddYears(authorizationYears).AddDays(-1)
}
