package licensing

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors for the outcomes callers branch on. Errors returned by this
// module wrap them; test with [errors.Is].
var (
	// ErrNotEligible reports an order, line or purchase that a program's
	// rules refuse.
	ErrNotEligible = errors.New("not eligible")
	// ErrUnknownProduct reports a product name or part number that the
	// catalog does not have.
	ErrUnknownProduct = errors.New("unknown product")
	// ErrInvalidQuantity reports a quantity below 1 or above MaxQuantity. It
	// is a kind of ErrInvalidOrder: errors.Is(err, ErrInvalidOrder) holds
	// for it too.
	ErrInvalidQuantity error = &subError{"invalid quantity", ErrInvalidOrder}
	// ErrOutsideTerm reports a date outside the agreement or authorization
	// term it is measured against.
	ErrOutsideTerm = errors.New("outside the term")
	// ErrDuplicateOrder reports an order ID that was already posted; the
	// second posting is refused and changes nothing.
	ErrDuplicateOrder = errors.New("duplicate order ID")
	// ErrOutOfOrder reports an event dated before one already applied.
	ErrOutOfOrder = errors.New("event out of date order")
	// ErrInvalidOrder reports an order or line with a missing or malformed
	// field.
	ErrInvalidOrder = errors.New("invalid order")
	// ErrNoPool reports a product whose pool is not stated (GEN-04), so its
	// points cannot be counted.
	ErrNoPool = errors.New("product has no pool")
	// ErrNoPointRule reports an offering for which the guides state no
	// points (LIB-02).
	ErrNoPointRule = errors.New("no point rule for offering")
	// ErrOverflow reports arithmetic beyond the range of Points or money.
	ErrOverflow = errors.New("value out of range")
	// ErrInvalidCatalog reports a malformed product catalog.
	ErrInvalidCatalog = errors.New("invalid catalog")
	// ErrInvalidRules reports a program's rules table that cannot work: a
	// threshold out of order, a negative minimum, a term that is not
	// positive. Each program's Rules.Validate wraps it.
	ErrInvalidRules = errors.New("invalid rules table")
)

// A subError is a sentinel that is a kind of another: it prints its own
// text and unwraps to its parent, so errors.Is matches both.
type subError struct {
	text   string
	parent error
}

func (e *subError) Error() string { return e.text }
func (e *subError) Unwrap() error { return e.parent }

// A RuleError is a refusal or failure that a rule decided. It names the rule
// and wraps a sentinel error, so that both errors.Is(err, ErrNotEligible)
// and the rule ID are available to callers.
type RuleError struct {
	Rule   RuleID // the rule that decided, such as "SP-25"
	Detail string // what happened, with the figures
	Err    error  // the sentinel
}

// Error returns "RULE: detail: sentinel".
func (e *RuleError) Error() string {
	s := string(e.Rule) + ": " + e.Detail
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the sentinel.
func (e *RuleError) Unwrap() error { return e.Err }

// Refuse returns a *RuleError for rule wrapping sentinel, with a detail
// formatted as by fmt.Sprintf.
func Refuse(rule RuleID, sentinel error, format string, args ...any) error {
	return &RuleError{Rule: rule, Detail: fmt.Sprintf(format, args...), Err: sentinel}
}

// RuleOf returns the ID of the rule that decided err, if err is or wraps a
// *RuleError.
func RuleOf(err error) (RuleID, bool) {
	var re *RuleError
	if errors.As(err, &re) {
		return re.Rule, true
	}
	return "", false
}

// A FieldError reports a missing or malformed field of an order or line. It
// names the order, the line (counting from 1; 0 for the order itself) and
// the field.
type FieldError struct {
	Order string // the order ID, possibly empty
	Line  int    // 1-based line number, or 0 for an order-level field
	Field string // "quantity", "product", "saMonths", …
	Value string // the offending value, as written
	Err   error  // a sentinel such as ErrInvalidQuantity
}

// Error returns a message such as
// `licensing: order "O-1" line 2: quantity "0": invalid quantity`.
func (e *FieldError) Error() string {
	s := "licensing: "
	if e.Order != "" {
		s += "order " + strconv.Quote(e.Order) + " "
	}
	if e.Line > 0 {
		s += "line " + strconv.Itoa(e.Line) + " "
	}
	if e.Order != "" || e.Line > 0 {
		s = s[:len(s)-1] + ": "
	}
	s += e.Field
	if e.Value != "" {
		s += " " + strconv.Quote(e.Value)
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *FieldError) Unwrap() error { return e.Err }

// Locate returns err with the order ID and line of the *FieldError it wraps
// set to order and line (an empty order or a zero line keeps the error's
// own), so that a line checked alone is named where it stands in an order
// or a file. Any other error comes back unchanged.
func Locate(err error, order string, line int) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return err
	}
	e := *fe
	if order != "" {
		e.Order = order
	}
	if line != 0 {
		e.Line = line
	}
	return &e
}
