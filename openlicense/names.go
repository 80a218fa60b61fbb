package openlicense

import "github.com/vlrules/vlrules/internal/enum"

// The canonical names of the package's enums, indexed by value, and the
// spellings their Parse functions accept besides the names, each with its
// rule. The generated methods (the *_enum.go files) read them.

var solutionNames = [...]string{OpenBusiness: "OpenBusiness", OpenVolume: "OpenVolume"}

var emeaReadingNames = [...]string{PoolAndOrder: "PoolAndOrder", OnePoolAndOthers: "OnePoolAndOthers", EachPool: "EachPool", TwoTiers: "TwoTiers"}

var transactionKindNames = [...]string{Acquisition: "acquisition", Reorder: "reorder", Return: "return"}

var solutionSpellings = []enum.Spelling[Solution]{
	{Value: OpenBusiness, Texts: []string{"Open Business"}, Rule: "OL-03"},
	{Value: OpenVolume, Texts: []string{"Open Volume"}, Rule: "OL-03"},
}

var emeaReadingSpellings = []enum.Spelling[EMEAReading]{
	{Value: PoolAndOrder, Texts: []string{"a"}, Rule: "OL-10"},
	{Value: OnePoolAndOthers, Texts: []string{"b"}, Rule: "OL-10"},
	{Value: EachPool, Texts: []string{"c"}, Rule: "OL-10"},
	{Value: TwoTiers, Texts: []string{"d"}, Rule: "OL-10"},
}
