package massage

// Pressure is how firmly a step presses: a level, an optional upper level
// when the receiver may choose within a range, and a profile.
type Pressure struct {
	Level   string `json:"level"`             // light, moderate or deep
	Most    string `json:"most,omitempty"`    // upper end of a range the receiver chooses in
	Profile string `json:"profile,omitempty"` // how it changes within a stroke or over passes
}

// IsZero reports whether no pressure was given.
func (p Pressure) IsZero() bool { return p == Pressure{} }

// LevelRank orders pressure words: light 1, moderate 2, deep 3, unknown 0.
func LevelRank(level string) int {
	switch level {
	case "light":
		return 1
	case "moderate":
		return 2
	case "deep":
		return 3
	}
	return 0
}

// Lighter returns the lighter of two levels.
func Lighter(a, b string) string {
	if LevelRank(b) != 0 && (LevelRank(a) == 0 || LevelRank(b) < LevelRank(a)) {
		return b
	}
	return a
}

// Comfort places a pressure word on the 1–10 comfort scale used in massage
// training, where 5 is where remedial work starts, 7 the deepest that stays
// comfortable and 8 and above hurts (suan-qu.com health-and-safety manual,
// comfort scale; see shared/reference/motion-and-limits.md). Knead never
// plans above 7.
func Comfort(level string) int {
	switch level {
	case "light":
		return 3
	case "moderate":
		return 5
	case "deep":
		return 7
	}
	return 0
}

// String reads like "moderate", "light to deep, as the receiver likes it".
func (p Pressure) String() string {
	s := p.Level
	if p.Most != "" && p.Most != p.Level {
		s += " to " + p.Most
	}
	if p.Profile != "" && p.Profile != "even" {
		s += ", " + Profiles.Name(p.Profile)
	}
	return s
}
