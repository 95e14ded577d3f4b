package cli

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text, first, rest string
		width             int
		want              string
	}{
		{"one two three four", "", "", 9, "one two\nthree\nfour\n"},
		{"one two three", "- ", "  ", 9, "- one two\n  three\n"},
		{"a  lot   of    space", "", "", 80, "a lot of space\n"},
		{"keep-this-very-long-word whole", "", "", 10, "keep-this-very-long-word\nwhole\n"},
		{"first\n\nsecond", "> ", "  ", 20, "> first\n\n  second\n"},
		{"30 s–1 min, usually 45 s", "", "", 12, "30 s–1 min,\nusually 45 s\n"},
		{"", "Label  ", "       ", 20, "Label\n"},
	}
	for _, tt := range tests {
		if got := wrap(tt.text, tt.width, tt.first, tt.rest); got != tt.want {
			t.Errorf("wrap(%q, %d) (-want +got):\n%s", tt.text, tt.width, cmp.Diff(tt.want, got))
		}
	}
}

// TestWrapKeepsEveryWord checks that wrapping loses and cuts nothing, and
// keeps every line in width unless one word alone is wider.
func TestWrapKeepsEveryWord(t *testing.T) {
	text := "Flat hands at right angles to the spine circle their way up the back; the right hand turns counterclockwise first — then the left."
	for width := 5; width < 90; width++ {
		got := wrap(text, width, "  ! ", "    ")
		if d := cmp.Diff(strings.Fields(text), strings.Fields(strings.ReplaceAll(got, "!", ""))); d != "" {
			t.Fatalf("width %d lost words:\n%s", width, d)
		}
		for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if utf8.RuneCountInString(l) > width && len(strings.Fields(l)) > 1 && !(strings.HasPrefix(l, "  ! ") && len(strings.Fields(l)) == 2) {
				t.Errorf("width %d: line too wide: %q", width, l)
			}
		}
	}
}

func TestRouteAndHands(t *testing.T) {
	tests := []struct{ got, want string }{
		{route([]string{"crown"}), "the crown"},
		{route([]string{"sides-of-head", "top-of-head"}), "from the sides of the head to the top of the head"},
		{route([]string{"lower-back", "middle-back", "shoulder-blades"}), "from the lower back, past the middle of the back, to the shoulder blades"},
		{route([]string{"behind-ears", "back-of-head-middle"}), "from behind the ears to the middle of the back of the head"},
		{route([]string{"lower-thigh", "upper-thigh"}), "from the lower thigh (above the knee) to the upper thigh"},
		{claimLine("The source says", "said to ease stress"), "The source says it can ease stress."},
		{claimLine("The source says", "sore spots come from tension"), "The source says: Sore spots come from tension."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
