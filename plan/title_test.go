package plan

import "testing"

// Both players name a planned session with Title, so it must read well.
func TestTitle(t *testing.T) {
	tests := []struct {
		areas   []string
		minutes float64
		want    string
	}{
		{[]string{"back", "scalp"}, 20, "Back and scalp · 20 min"},
		{[]string{"upper-back"}, 5, "Upper back · 5 min"},
		{[]string{"feet", "hands", "neck"}, 90, "Feet, hands and neck · 1 h 30 min"},
		{[]string{"calves"}, 2.5, "Calves · 2 min 30 s"},
	}
	for _, tc := range tests {
		if got := Title(tc.areas, tc.minutes); got != tc.want {
			t.Errorf("Title(%v, %v) = %q, want %q", tc.areas, tc.minutes, got, tc.want)
		}
	}
}

// A plan read back from a stored row may name an empty area (FuzzLoadSession
// found one): its routine's title is still made, without a panic.
func TestRoutineTitleOfEmptyArea(t *testing.T) {
	for _, areas := range [][]string{{""}, {}, {"", ""}} {
		p := &Plan{Areas: areas, Minutes: 5}
		if got := p.title(); got == "" {
			t.Errorf("title of %q is empty", areas)
		}
	}
}
