package sa

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// A Window is one row of a program's SA-only enrollment table (SA-10): the
// product kinds and channels it admits, an optional product family with a
// minimum version, whether the SA must be for the identical version, the
// days allowed after the purchase (day Days included, GEN-14), and the
// program's rule. Programs hand their rows to [CanEnroll]; sa merges no
// program's rows with another's (GEN-23).
type Window struct {
	Kinds       []licensing.Kind
	Channels    []licensing.Channel
	Family      string // "" for any product of the kinds; else the catalog family, such as "Office"
	MinVersion  int    // 0 for any version
	SameVersion bool
	Days        int
	Rule        licensing.RuleID
}

// A Purchase is a license bought outside volume licensing (or inside it),
// as the SA-only enrollment rules see it: the catalog product (its kind and
// family), the version bought, the channel and the date.
type Purchase struct {
	Product licensing.Product
	Version int // such as 2016; 0 when unknown
	Channel licensing.Channel
	Date    licensing.Date
}

// CanEnroll decides, by a program's enrollment windows, whether SA alone
// may be added on enroll to a license bought as p, for SA of version
// saVersion (SA-10). The first window of p's kind and family decides: the
// channel must be one it admits, the version at least its minimum (and the
// SA for the identical version where it says so), and enroll within its
// days of the purchase. A refusal is an error wrapping
// licensing.ErrNotEligible, citing the window's rule; with no window for
// the product, the first window's rule (the program admits no such
// product), or SA-10 when the program has no windows at all.
func CanEnroll(windows []Window, p Purchase, enroll licensing.Date, saVersion int) (licensing.Explanation, error) {
	kind, family := p.Product.Kind, p.Product.Family
	facts := []licensing.Fact{licensing.F("product", p.Product.Name), licensing.F("kind", kind), licensing.F("channel", p.Channel),
		licensing.F("purchased", p.Date), licensing.F("enroll", enroll)}
	if family != "" {
		facts = append(facts, licensing.F("family", family), licensing.F("version", p.Version), licensing.F("saVersion", saVersion))
	}
	refuse := func(rule licensing.RuleID, format string, args ...any) (licensing.Explanation, error) {
		err := licensing.Refuse(rule, licensing.ErrNotEligible, format, args...)
		return licensing.Explain(rule, "refused: "+fmt.Sprintf(format, args...), facts...), err
	}
	if !p.Date.IsValid() || !enroll.IsValid() {
		return licensing.Explanation{}, fmt.Errorf("sa: enrollment: %w: purchase and enrollment dates are required", licensing.ErrInvalidOrder)
	}
	if len(windows) == 0 {
		return refuse("SA-10", "the program has no SA-only enrollment")
	}
	for _, w := range windows {
		if !slices.Contains(w.Kinds, kind) || (w.Family != "" && !strings.EqualFold(w.Family, family)) {
			continue
		}
		// The row is about this product: its channel, version and days decide.
		switch days := p.Date.DaysUntil(enroll); {
		case !slices.Contains(w.Channels, p.Channel):
			return refuse(w.Rule, "SA-only enrollment needs the %v license bought %v, not %v", kind, channelList(w.Channels), p.Channel)
		case p.Version < w.MinVersion:
			return refuse(w.Rule, "%s %d is older than %d", w.Family, p.Version, w.MinVersion)
		case w.SameVersion && saVersion != p.Version:
			return refuse(w.Rule, "SA for version %d on the %s %d license: the versions must be identical", saVersion, w.Family, p.Version)
		case days < 0:
			return refuse(w.Rule, "enrollment on %v is before the purchase on %v", enroll, p.Date)
		case days > w.Days:
			return refuse(w.Rule, "enrollment %d days after the purchase; the window is %d days", days, w.Days)
		default:
			return licensing.Explain(w.Rule, fmt.Sprintf("SA-only allowed: day %d of the %d-day window", days, w.Days), facts...), nil
		}
	}
	if family == "" && slices.ContainsFunc(windows, func(w Window) bool { return w.Family != "" && slices.Contains(w.Kinds, kind) }) {
		// A window for a family of this kind might admit the product: without
		// its family the answer would be a guess (LIB-06).
		return licensing.Explanation{}, &licensing.FieldError{Field: "family", Value: p.Product.Name,
			Err: fmt.Errorf("%w: the product has no family, and an SA-only window depends on it: set the catalog's family column (LIB-06)", licensing.ErrInvalidOrder)}
	}
	return refuse(windows[0].Rule, "%v products bought %v cannot be enrolled in SA alone", kind, p.Channel)
}

func channelList(cs []licensing.Channel) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, " or ")
}
