package licensing

// A Source is where a rules table comes from (GEN-23): the guide, the date
// of its edition, and the dates its rules are in force, half-open
// [From, Until). A zero From means since the beginning and a zero Until
// open-ended. Every default rules table of the module carries one, so that
// a user can tell which edition a figure comes from and swap in another.
type Source struct {
	Guide     string
	Published Date // the edition's date; zero when the guide is undated
	From      Date // first day in force; zero for since the beginning
	Until     Date // first day no longer in force; zero for open-ended
}

// Covers reports whether the rules are in force on d: From ≤ d < Until.
func (s Source) Covers(d Date) bool {
	return (s.From.IsZero() || !d.Before(s.From)) && (s.Until.IsZero() || d.Before(s.Until))
}

// String returns the guide and its edition: "Select Plus commercial
// licensing guide (2019-02-01)".
func (s Source) String() string {
	if s.Published.IsZero() {
		return s.Guide
	}
	return s.Guide + " (" + s.Published.String() + ")"
}
