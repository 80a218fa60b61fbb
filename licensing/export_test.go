package licensing

// Spellings returns, for each enumerated type, every spelling its Parse
// function accepts, mapped to the canonical name of its value. Tests use it
// to check that parsing accepts every spelling of the tables.
func Spellings() map[string]map[string]string {
	out := map[string]map[string]string{}
	add := func(typ string, spellings map[string]string) { out[typ] = spellings }
	add("Pool", spellingNames(poolEnum))
	add("Level", spellingNames(levelEnum))
	add("Offering", spellingNames(offeringEnum))
	add("Kind", spellingNames(kindEnum))
	add("Segment", spellingNames(segmentEnum))
	add("Channel", spellingNames(channelEnum))
	add("Program", spellingNames(programEnum))
	add("Scope", spellingNames(scopeEnum))
	add("LicenseModel", spellingNames(licenseModelEnum))
	add("Style", spellingNames(styleEnum))
	return out
}

func spellingNames[E ~uint8](e *enum[E]) map[string]string {
	m := make(map[string]string, len(e.spellings))
	for s, v := range e.spellings {
		m[s] = e.str(v)
	}
	return m
}

// IsSpaced exposes isSpaced to the tests.
var IsSpaced = isSpaced

// Spaced exposes spaced to the tests.
var Spaced = spaced
