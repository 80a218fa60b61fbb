package sa

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// A Purchase is a license bought outside volume licensing (or inside it),
// as the SA-only enrollment rules see it.
type Purchase struct {
	Program licensing.Program // the program the SA would be bought in
	Kind    licensing.Kind
	Family  string // product family, such as "Office" (SP-41); may be empty
	Version int    // product version bought, such as 2016; 0 when unknown
	Channel licensing.Channel
	Date    licensing.Date // the purchase date
}

// CanEnroll decides whether SA alone may be added, on enroll, to a license
// bought as p, for SA of version saVersion (SA-10): within 90 days of an FPP
// or OEM purchase, day 90 included and day 91 refused (GEN-14), for the
// product classes of p.Program's rows in the enrollment table. Open License
// admits systems and servers only (OL-16); Select Plus admits systems and
// servers (SP-40) and Office 2013 or newer bought OEM, with SA for the
// identical version (SP-41). A program without rows has no SA-only window
// in the guides.
func CanEnroll(p Purchase, enroll licensing.Date, saVersion int) licensing.Decision {
	facts := []licensing.Fact{licensing.F("program", p.Program), licensing.F("kind", p.Kind), licensing.F("channel", p.Channel),
		licensing.F("purchased", p.Date), licensing.F("enroll", enroll)}
	if p.Family != "" {
		facts = append(facts, licensing.F("family", p.Family), licensing.F("version", p.Version), licensing.F("saVersion", saVersion))
	}
	refuse := func(rule licensing.RuleID, format string, args ...any) licensing.Decision {
		err := licensing.Refuse(rule, licensing.ErrNotEligible, format, args...)
		return licensing.Decision{Because: []licensing.Explanation{licensing.Explain(rule, "refused: "+fmt.Sprintf(format, args...), facts...)}, Err: err}
	}
	if !p.Date.IsValid() || !enroll.IsValid() {
		return refuse("SA-10", "purchase and enrollment dates are required")
	}
	var first *Window
	for i := range windows {
		w := &windows[i]
		if w.Program != p.Program {
			continue
		}
		if first == nil {
			first = w
		}
		if !slices.Contains(w.Kinds, p.Kind) || (w.Family != "" && !strings.EqualFold(w.Family, p.Family)) {
			continue
		}
		// The row is about this product: its channel, version and days decide.
		switch days := p.Date.DaysUntil(enroll); {
		case !slices.Contains(w.Channels, p.Channel):
			return refuse(w.Rule, "SA-only enrollment needs a %v bought %v, not %v", p.Kind, channelList(w.Channels), p.Channel)
		case p.Version < w.MinVersion:
			return refuse(w.Rule, "%s %d is older than %d", w.Family, p.Version, w.MinVersion)
		case w.SameVersion && saVersion != p.Version:
			return refuse(w.Rule, "SA for version %d on the %s %d license: the versions must be identical", saVersion, w.Family, p.Version)
		case days < 0:
			return refuse(w.Rule, "enrollment on %v is before the purchase on %v", enroll, p.Date)
		case days > w.Days:
			return refuse(w.Rule, "enrollment %d days after the purchase; the window is %d days", days, w.Days)
		default:
			return licensing.Decision{Allowed: true, Because: []licensing.Explanation{licensing.Explain(w.Rule,
				fmt.Sprintf("SA-only allowed: day %d of the %d-day window", days, w.Days), facts...)}}
		}
	}
	if first == nil {
		return refuse("SA-10", "the guides state no SA-only enrollment for %v", p.Program)
	}
	return refuse(first.Rule, "%v products bought %v cannot be enrolled in SA alone in %v", p.Kind, p.Channel, p.Program)
}

func channelList(cs []licensing.Channel) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, " or ")
}
