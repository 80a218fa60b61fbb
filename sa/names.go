package sa

import "github.com/vlrules/vlrules/internal/enum"

// The canonical names of the package's enums, indexed by value, and the
// spellings their Parse functions accept besides the names, each with its
// rule. The generated methods (the *_enum.go files) read them.

var classNames = [...]string{ServerProducts: "server", DesktopProducts: "desktop"}

var modeNames = [...]string{HalfUp: "half-up", HalfEven: "half-even", Down: "down"}

var granularityNames = [...]string{Monthly: "month", Quarterly: "quarter"}

var weightingNames = [...]string{ByMonths: "by months", EqualParts: "equal parts"}

var sourceNames = [...]string{SameAgreement: "SameAgreement", OtherAgreement: "OtherAgreement"}

var categoryNames = [...]string{NotCurrent: "NotCurrent", CurrentWithoutUA: "CurrentWithoutUA", CurrentWithUA: "CurrentWithUA", NotAnalyzed: "NotAnalyzed"}

var classSpellings = []enum.Spelling[Class]{
	{Value: ServerProducts, Texts: []string{"servers", "server products"}, Rule: "GEN-18"},
	{Value: DesktopProducts, Texts: []string{"desktops", "desktop and systems", "desktop and systems products"}, Rule: "GEN-18"},
}
