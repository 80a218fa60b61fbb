package sku

// The canonical names of the package's enums, indexed by value, and the
// spellings their Parse functions accept besides the names, each with its
// rule. The generated methods (the *_enum.go files) read them.

var scopeNames = [...]string{AdditionalProduct: "AdditionalProduct", Enterprise: "Enterprise", Platform: "Platform"}

var licenseModelNames = [...]string{Core: "Core", DeviceCAL: "DeviceCAL", UserCAL: "UserCAL", SAL: "SAL", Processor: "Processor", PerUser: "PerUser"}

var styleNames = [...]string{Long: "Long", Short: "Short", Distributor: "Distributor", Expanded: "Expanded", Reseller: "Reseller"}

var fieldNames = [...]string{FieldLanguage: "language", FieldOffering: "offering", FieldProgram: "program",
	FieldLevel: "level", FieldCoverage: "coverageYears", FieldAcquired: "acquiredYear", FieldScope: "scope",
	FieldLicenseModel: "licenseModel", FieldSegment: "segment", FieldQualifier: "qualifier"}

// scopeSpellings are the vocabulary's scope tokens ("AddProd", "AP",
// "Ent", "E", "Pltfrm"): ParseScope reads what descriptions write.
var scopeSpellings = spellingsOf[Scope](FieldScope, scopeNames[:])

// licenseModelSpellings are the vocabulary's license-model tokens
// ("CoreLic", "DvcCAL", "User CAL", …): ParseLicenseModel reads what
// descriptions write.
var licenseModelSpellings = spellingsOf[LicenseModel](FieldLicenseModel, licenseModelNames[:])
