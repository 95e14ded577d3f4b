package suggest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNearest(t *testing.T) {
	ids := []string{"back-fan-stroke", "back-raking", "scalp-petrissage", "scalp-tapping", "foot-squeeze", "foot-soak", "show", "list", "check"}
	tests := []struct {
		s    string
		want []string
	}{
		{"shwo", []string{"show"}}, // two letters swapped
		{"lst", []string{"list"}},  // one missing
		{"foot-squeze", []string{"foot-squeeze"}},
		{"fan-stroke", []string{"back-fan-stroke"}}, // part of an id
		{"scalp-kneading", []string{"scalp-tapping", "scalp-petrissage"}},
		{"zzz", []string{}},
		{"show", []string{}}, // itself is no suggestion
		{"shows", []string{"show"}},
		{"upwards", []string{}}, // nothing here begins it
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, Nearest(tt.s, ids, 3)); d != "" {
			t.Errorf("Nearest(%q) (-want +got):\n%s", tt.s, d)
		}
	}
	words := []string{"up", "down", "up-and-down", "inward", "toward-crown"}
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"upwards", []string{"up"}}, // the word it begins with, not the nearest spelling (inward)
		{"downward", []string{"down"}},
		{"sideways", []string{}}, // too far from every word here
		{"towards-crown", []string{"toward-crown"}},
	} {
		if d := cmp.Diff(tt.want, Nearest(tt.s, words, 1)); d != "" {
			t.Errorf("Nearest(%q) (-want +got):\n%s", tt.s, d)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "abc", 3}, {"show", "show", 0}, {"shwo", "show", 1}, {"kitten", "sitting", 3}, {"massé", "masse", 1}} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
