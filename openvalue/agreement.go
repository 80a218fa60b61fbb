package openvalue

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vlrules/vlrules/licensing"
)

// Errors of this package's inputs; each wraps into the error that names
// the field or rule at fault.
var (
	// ErrInvalidOption is wrapped by every error that reports a malformed option.
	ErrInvalidOption = errors.New("invalid Open Value option")
	// ErrInvalidRequest is wrapped by every error that reports a missing
	// or malformed field of an agreement request (OV-10).
	ErrInvalidRequest = errors.New("invalid agreement request")
	// ErrNotCompanywide reports a platform product licensed for fewer
	// than the qualified desktops of a companywide agreement (OV-02,
	// OV-04, X-08).
	ErrNotCompanywide = errors.New("not licensed companywide")
	// ErrInvalidPlatform is wrapped by every error that reports a malformed platform.
	ErrInvalidPlatform = errors.New("invalid platform")
)

// An Option is one of the three ways to buy through Open Value (OV-01).
// The zero Option is not valid.
type Option uint8

// The options.
const (
	NonCompanywide Option = iota + 1 // Open Value, for customers who need SA without standardizing (OV-05)
	Companywide                      // Open Value, standardizing desktop software companywide (OV-04)
	Subscription                     // Open Value Subscription, desktop software subscribed companywide (OV-02)
)

// A Platform is a desktop platform a customer may standardize on (GEN-10).
// The zero Platform is not valid.
type Platform uint8

// The platforms.
const (
	Professional  Platform = iota + 1 // Office Professional, Core CAL, Windows Professional upgrade
	SmallBusiness                     // Office Small Business, SBS CAL, Windows Professional upgrade
)

// An Agreement is what the rules need to know of an Open Value agreement:
// its option, its date (the agreement date, the initial order's usage
// date, OV-30, OV-32) and, optionally, its region (OV-03; an empty region
// makes no regional check).
type Agreement struct {
	Option Option           `json:"option"`
	Date   licensing.Date   `json:"date"`
	Region licensing.Region `json:"region,omitempty"`
}

// Available reports whether option o is sold in region g: nil, or a
// refusal wrapping licensing.ErrNotEligible that cites the option's rule
// (OV-03: no Open Value Subscription in North America). g is a region of
// Rules.Regions, by code, alias or country ("NorthAmerica", "North
// America", "US"); anything else is an error wrapping
// licensing.ErrInvalidRegion. An empty region is not checked.
func (r Rules) Available(o Option, g licensing.Region) error {
	row, err := r.option(o)
	if err != nil || g == "" {
		return err
	}
	region, err := r.Regions.Parse(string(g))
	if err != nil {
		var ok bool
		if region, ok = r.Regions.ForCountry(string(g)); !ok {
			return fmt.Errorf("openvalue: region %q: %w", g, licensing.ErrInvalidRegion)
		}
	}
	if slices.Contains(row.Unavailable, region) {
		return licensing.Refuse(row.Rule, licensing.ErrNotEligible, "%v is not available in %v", o, region)
	}
	return nil
}

// AvailableOptions returns the options sold in region g, in order (OV-03,
// INV-41).
func (r Rules) AvailableOptions(g licensing.Region) []Option {
	var out []Option
	for _, o := range Options() {
		if r.Available(o, g) == nil {
			out = append(out, o)
		}
	}
	return out
}

// Term returns the term of agreement a (OV-26): for an option that
// normalizes (Open Value Subscription, OV-31) it opens on the agreement
// date and its years count from the enrollment start; otherwise both are
// the agreement date. An option not sold in the agreement's region is
// refused (OV-03); a missing date is an error wrapping
// licensing.ErrInvalidOrder.
func (r Rules) Term(a Agreement) (Term, error) {
	row, err := r.option(a.Option)
	if err != nil {
		return Term{}, err
	}
	if err := r.Available(a.Option, a.Region); err != nil {
		return Term{}, err
	}
	if !a.Date.IsValid() {
		return Term{}, fmt.Errorf("openvalue: term: %w: the agreement date is required", licensing.ErrInvalidOrder)
	}
	if !row.Normalize {
		return Term{Opens: a.Date, Start: a.Date}, nil
	}
	return SubscriptionTerm(a.Date)
}

// A Contact is a name, an address and a telephone number (OV-10).
type Contact struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	Phone   string `json:"phone"`
}

// A PreviousAgreement is the agreement a renewal follows (OV-10 field 4,
// OV-25).
type PreviousAgreement struct {
	Number     string         `json:"number"`
	Expiration licensing.Date `json:"expiration"`
}

// A PlatformLicense is a count of licenses of one platform product and
// version, newest version 0 (OV-11).
type PlatformLicense struct {
	Product      string `json:"product"`
	VersionIndex int    `json:"versionIndex"`
	Quantity     int64  `json:"quantity"`
}

// An AgreementRequest is what the eAgreement tool needs to start an Open
// Value agreement (OV-10), field by field.
type AgreementRequest struct {
	Customer   Contact   `json:"customer"`   // 1: name, address and telephone
	Affiliates []string  `json:"affiliates"` // 2: may be empty
	Contacts   []Contact `json:"contacts"`   // 3: at least one; the first is the primary contact (OV-12)
	// Renewing says the agreement renews Previous, whose number and
	// expiration are then required, and otherwise must be empty (4).
	Renewing bool              `json:"renewing"`
	Previous PreviousAgreement `json:"previous"`
	Desktops int               `json:"desktops"` // 5: qualified desktops, every option
	// Licensed is the platform software already fully licensed, for Open
	// Value Subscription only (6); FullyLicensed counts it.
	Licensed   []PlatformLicense `json:"licensed,omitempty"`
	Option     Option            `json:"option"`     // 7: the program
	Selections []string          `json:"selections"` // 7: the platform products chosen
	// Delegation, when the customer names the reseller an administrator,
	// says of what: SA benefits, licensing details, or both (OV-14).
	Delegation *Delegation `json:"delegation,omitempty"`
}

// A Delegation is what a customer makes its reseller administrator of:
// SA benefits, licensing details, or both, never neither (OV-14).
type Delegation struct {
	SABenefits       bool `json:"saBenefits"`
	LicensingDetails bool `json:"licensingDetails"`
}

// CheckRequest reports every missing or malformed field of q (OV-10), all of
// them, not only the first: an error joining one *licensing.FieldError per
// field, each naming the field ("customer.phone", "contacts[1].name",
// "previous.number") and wrapping ErrInvalidRequest; nil when q is
// complete.
func (r Rules) CheckRequest(q AgreementRequest) error {
	var errs []error
	bad := func(field, value, format string, args ...any) {
		detail := fmt.Sprintf(format, args...)
		if !strings.HasSuffix(detail, ")") {
			detail += " (OV-10)"
		}
		errs = append(errs, &licensing.FieldError{Field: field, Value: value, Err: fmt.Errorf("%w: %s", ErrInvalidRequest, detail)})
	}
	required := func(field, value string) {
		if strings.TrimSpace(value) == "" {
			bad(field, value, "required")
		}
	}
	person := func(prefix string, c Contact) {
		required(prefix+".name", c.Name)
		required(prefix+".address", c.Address)
		required(prefix+".phone", c.Phone)
	}
	person("customer", q.Customer)
	seen := map[string]bool{}
	for i, a := range q.Affiliates {
		f := "affiliates[" + strconv.Itoa(i) + "]"
		switch key := strings.ToLower(strings.TrimSpace(a)); {
		case key == "":
			bad(f, a, "an affiliate needs a name")
		case seen[key]:
			bad(f, a, "listed twice")
		default:
			seen[key] = true
		}
	}
	if len(q.Contacts) == 0 {
		bad("contacts", "", "at least one contact, the primary contact, is required (OV-12)")
	}
	for i, c := range q.Contacts {
		person("contacts["+strconv.Itoa(i)+"]", c)
	}
	if q.Renewing {
		required("previous.number", q.Previous.Number)
		if !q.Previous.Expiration.IsValid() {
			bad("previous.expiration", "", "required when renewing")
		}
	} else {
		if q.Previous.Number != "" {
			bad("previous.number", q.Previous.Number, "only for a renewal")
		}
		if !q.Previous.Expiration.IsZero() {
			bad("previous.expiration", q.Previous.Expiration.String(), "only for a renewal")
		}
	}
	row, err := r.option(q.Option)
	if err != nil {
		bad("option", q.Option.String(), "one of %v", Options())
	}
	if q.Desktops < 0 {
		bad("desktops", strconv.Itoa(q.Desktops), "qualified desktops cannot be negative")
	} else if row.Companywide && q.Desktops < r.MinimumDesktops {
		bad("desktops", strconv.Itoa(q.Desktops), "%v needs at least %d qualified desktops (X-02)", q.Option, r.MinimumDesktops)
	}
	for i, l := range q.Licensed {
		f := "licensed[" + strconv.Itoa(i) + "]"
		switch {
		case err == nil && !row.Subscription:
			bad(f, l.Product, "the fully licensed platform count is for Open Value Subscription only")
		case strings.TrimSpace(l.Product) == "":
			bad(f+".product", l.Product, "required")
		case l.VersionIndex < 0:
			bad(f+".versionIndex", strconv.Itoa(l.VersionIndex), "0 is the latest version, 1 the one before")
		case l.Quantity < 0 || l.Quantity > licensing.MaxQuantity:
			bad(f+".quantity", strconv.FormatInt(l.Quantity, 10), "0 to %d", licensing.MaxQuantity)
		}
	}
	for i, s := range q.Selections {
		if _, ok := r.component(s); !ok {
			bad("selections["+strconv.Itoa(i)+"]", s, "not a platform product (GEN-10)")
		}
	}
	if d := q.Delegation; d != nil && !d.SABenefits && !d.LicensingDetails {
		bad("delegation", "", "a reseller administers SA benefits, licensing details or both (OV-14)")
	}
	if err == nil && row.Companywide && len(q.Selections) == 0 {
		bad("selections", "", "%v standardizes platform products; select at least one (OV-02, OV-04)", q.Option)
	}
	return errors.Join(errs...)
}

// component returns the canonical name of platform product s, matched
// without regard to case or spacing.
func (r Rules) component(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range r.Platforms {
		for _, c := range p.Components {
			if strings.EqualFold(c, s) {
				return c, true
			}
		}
	}
	return "", false
}

// FullyLicensed returns the count of OV-10 field 6: the licenses of q
// whose version is the latest or the next-to-latest (OV-11).
func (r Rules) FullyLicensed(q AgreementRequest) int64 {
	var n int64
	for _, l := range q.Licensed {
		if l.VersionIndex >= 0 && l.VersionIndex < r.LatestVersions && l.Quantity > 0 {
			n += l.Quantity
		}
	}
	return n
}

// StandardizedOn reports whether a selection of platform products holds
// all the components of platform p, which the guide ties to its best
// pricing (GEN-11): advice for a quote, not a condition of eligibility.
func (r Rules) StandardizedOn(selection []string, p Platform) (bool, error) {
	for _, row := range r.Platforms {
		if row.Platform != p {
			continue
		}
		for _, c := range row.Components {
			if !slices.ContainsFunc(selection, func(s string) bool { got, ok := r.component(s); return ok && got == c }) {
				return false, nil
			}
		}
		return true, nil
	}
	return false, fmt.Errorf("openvalue: platform %v: %w", p, ErrInvalidPlatform)
}
