package selectplus

import "github.com/vlrules/vlrules/internal/enum"

// The canonical names of the package's enums, indexed by value, and the
// spellings their Parse functions accept besides the names, each with its
// rule. The generated methods (the *_enum.go files) read them.

var poolStatusNames = [...]string{NeverActive: "never", Active: "active", OnHold: "hold"}

var transitionNames = [...]string{
	Initial: "initial", Purchase: "purchase", Upgrade: "upgrade", Reactivation: "reactivation",
	HoldPurchase: "hold-purchase", Keep: "keep", Carry: "carry", Drop: "drop", Hold: "hold",
	Waived: "waived", Associated: "associated", Expired: "expired", Qualification: "qualified",
	Refused: "refused", Registration: "registration", Opened: "opened", Renewed: "renewed",
}

var reactivationPolicyNames = [...]string{SingleOrder: "SingleOrder", Cumulative: "Cumulative"}

var associationKindNames = [...]string{EnterpriseAgreement: "EnterpriseAgreement", CampusAndSchool: "CampusAndSchool", SelectLicense: "SelectLicense"}

var planNames = [...]string{UpFront: "UpFront", AffiliateAnniversary: "AffiliateAnniversary", OrderAnniversary: "OrderAnniversary"}

var associationKindSpellings = []enum.Spelling[AssociationKind]{
	{Value: EnterpriseAgreement, Texts: []string{"EA", "Enterprise Agreement"}, Rule: "SP-26"},
	{Value: CampusAndSchool, Texts: []string{"CASA", "Campus and School Agreement"}, Rule: "SP-26"},
	{Value: SelectLicense, Texts: []string{"Select License"}, Rule: "SP-26"},
}

var planSpellings = []enum.Spelling[Plan]{
	{Value: UpFront, Texts: []string{"up front", "up-front", "prepaid"}, Rule: "SP-39"},
	{Value: AffiliateAnniversary, Texts: []string{"affiliate", "affiliate anniversary"}, Rule: "SP-42"},
	{Value: OrderAnniversary, Texts: []string{"order", "order anniversary"}, Rule: "SP-42"},
}
