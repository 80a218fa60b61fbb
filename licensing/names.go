package licensing

import "github.com/vlrules/vlrules/internal/enum"

// The canonical names of the package's enums, indexed by value, and the
// spellings their Parse functions accept besides the names, each with its
// rule. The generated methods (the *_enum.go files) read them.

var poolNames = [...]string{Applications: "Applications", Systems: "Systems", Servers: "Servers"}

var levelNames = [...]string{NoLevel: "NL", LevelA: "A", LevelB: "B", LevelC: "C", LevelD: "D"}

var offeringNames = [...]string{License: "License", LicenseSA: "LicenseSA", SAOnly: "SA", Subscription: "Subscription", StepUp: "StepUp"}

var kindNames = [...]string{KindApplication: "Application", KindSystem: "System", KindServer: "Server", KindCAL: "CAL", KindOnlineService: "OnlineService"}

var segmentNames = [...]string{Commercial: "Commercial", Academic: "Academic", Government: "Government", Charity: "Charity"}

var channelNames = [...]string{Volume: "Volume", Retail: "Retail", OEM: "OEM"}

var programNames = [...]string{OpenLicense: "OpenLicense", OpenValue: "OpenValue", OpenValueSubscription: "OpenValueSubscription", SelectPlus: "SelectPlus", MVL: "MVL"}

var statusNames = [...]string{StatusStated: "stated", StatusImplied: "implied", StatusDecision: "decision", StatusOutsideSeeds: "outside seeds"}

// poolSpellings: Open License says "the server pool", Select Plus
// "servers"; both are Servers (GEN-01).
var poolSpellings = []enum.Spelling[Pool]{
	{Value: Applications, Texts: []string{"application", "applications pool", "application pool"}, Rule: "GEN-01"},
	{Value: Systems, Texts: []string{"system", "systems pool", "system pool"}, Rule: "GEN-01"},
	{Value: Servers, Texts: []string{"server", "server pool", "servers pool"}, Rule: "GEN-01"},
}

// offeringSpellings are the guides' words for the license types (GEN-20).
var offeringSpellings = []enum.Spelling[Offering]{
	{Value: License, Texts: []string{"L", "license only", "licence"}, Rule: "GEN-20"},
	{Value: LicenseSA, Texts: []string{"L&SA", "license & SA", "license and SA", "license + SA", "license & software assurance", "license and software assurance"}, Rule: "GEN-20"},
	{Value: SAOnly, Texts: []string{"SA only", "software assurance only"}, Rule: "GEN-20"},
	{Value: StepUp, Texts: []string{"step-up"}, Rule: "GEN-20"},
}

var kindSpellings = []enum.Spelling[Kind]{
	{Value: KindApplication, Texts: []string{"applications", "app"}, Rule: "GEN-02"},
	{Value: KindSystem, Texts: []string{"systems"}, Rule: "GEN-02"},
	{Value: KindSystem, Texts: []string{"operating system"}, Rule: "GEN-03"},
	{Value: KindServer, Texts: []string{"servers"}, Rule: "GEN-02"},
	{Value: KindCAL, Texts: []string{"cals", "client access license", "client access licenses"}, Rule: "GEN-03"},
	{Value: KindOnlineService, Texts: []string{"online services", "online service"}, Rule: "GEN-04"},
	{Value: KindOnlineService, Texts: []string{"OLS"}, Rule: "OV-39"},
}

// segmentSpellings: Open License says "corporate" where Select Plus says
// "commercial" (GEN-13).
var segmentSpellings = []enum.Spelling[Segment]{
	{Value: Commercial, Texts: []string{"corporate"}, Rule: "GEN-13"},
}

var channelSpellings = []enum.Spelling[Channel]{
	{Value: Volume, Texts: []string{"volume licensing", "VL"}, Rule: "GEN-19"},
	{Value: Retail, Texts: []string{"FPP", "retail FPP", "full packaged product"}, Rule: "GEN-19"},
	{Value: OEM, Texts: []string{"original equipment manufacturer"}, Rule: "GEN-19"},
}

// programSpellings are the programs' names in the guides.
var programSpellings = []enum.Spelling[Program]{
	{Value: OpenLicense, Texts: []string{"Open License", "Open Business", "Open Volume"}, Rule: "OL-03"},
	{Value: OpenValue, Texts: []string{"Open Value"}, Rule: "OV-01"},
	{Value: OpenValueSubscription, Texts: []string{"Open Value Subscription"}, Rule: "OV-01"},
	{Value: SelectPlus, Texts: []string{"Select Plus"}, Rule: "SP-02"},
	{Value: MVL, Texts: []string{"Microsoft Volume Licensing"}, Rule: "X-19"},
}
