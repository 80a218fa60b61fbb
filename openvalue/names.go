package openvalue

import "github.com/vlrules/vlrules/internal/enum"

// The canonical names of the package's enums, indexed by value, and the
// spellings their Parse functions accept besides the names, each with its
// rule. The generated methods (the *_enum.go files) read them.

var paymentNames = [...]string{Spread: "Spread", UpFront: "UpFront", Financing: "Financing"}

var paymentSpellings = []enum.Spelling[Payment]{
	{Value: Spread, Texts: []string{"spread payments"}, Rule: "OV-38"},
	{Value: UpFront, Texts: []string{"prepay", "prepaid"}, Rule: "OV-38"},
	{Value: UpFront, Texts: []string{"up front", "up-front"}, Rule: "SKU-11"},
	{Value: Financing, Texts: []string{"Microsoft Financing", "MS Financing"}, Rule: "OV-44"},
}

var paymentModeNames = [...]string{SpreadMode: "Spread", UpFrontMode: "UpFront", SingleMode: "Single"}

var paymentModeSpellings = []enum.Spelling[PaymentMode]{}

var optionNames = [...]string{NonCompanywide: "NonCompanywide", Companywide: "Companywide", Subscription: "Subscription"}

var optionSpellings = []enum.Spelling[Option]{
	{Value: NonCompanywide, Texts: []string{"ov", "Open Value", "non-companywide", "Open Value non-companywide"}, Rule: "OV-01"},
	{Value: Companywide, Texts: []string{"ovcw", "Open Value companywide"}, Rule: "OV-01"},
	{Value: Subscription, Texts: []string{"ovs", "Open Value Subscription"}, Rule: "OV-01"},
}

var platformNames = [...]string{Professional: "Professional", SmallBusiness: "SmallBusiness"}

var platformSpellings = []enum.Spelling[Platform]{
	{Value: SmallBusiness, Texts: []string{"Small Business"}, Rule: "GEN-10"},
}

var milestoneNames = [...]string{AgreementStart: "AgreementStart", Enrollment: "EnrollmentStart",
	PreAnniversaryReminder: "PreAnniversaryReminder", Anniversary: "Anniversary", FollowUpReminder: "FollowUpReminder",
	LastDayToOrder: "LastDayToOrder", TerminatedIfNoOrder: "TerminatedIfNoOrder", RenewalNotice: "RenewalNotice",
	Expiration: "Expiration"}

var milestoneSpellings = []enum.Spelling[Milestone]{}

var timelinessNames = [...]string{Open: "Open", OnTime: "OnTime", Late: "Late", Terminated: "Terminated"}

var timelinessSpellings = []enum.Spelling[Timeliness]{}

var severityNames = [...]string{Warning: "Warning", Invalid: "Invalid"}

var severitySpellings = []enum.Spelling[Severity]{}

var anchorNames = [...]string{FromOpening: "FromOpening", FromStart: "FromStart", FromAnniversary: "FromAnniversary", FromExpiration: "FromExpiration"}

var anchorSpellings = []enum.Spelling[Anchor]{}

var orderKindNames = [...]string{Initial: "Initial", Additional: "Additional", AnniversaryOrder: "AnniversaryOrder"}

var orderKindSpellings = []enum.Spelling[OrderKind]{}
