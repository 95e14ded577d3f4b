package howto

import (
	"strings"
	"testing"
)

// TestClosingMoveSplits: "…and end with tapping along the shoulders" is a
// move of its own after the one before it; the same motion, or no place,
// stays one move.
func TestClosingMoveSplits(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Knead the back with both palms and end with tapping along the shoulders with loose fingers.",
			[]string{"back knead", "shoulders tap"}},
		{"Knead the calf slowly and finish by kneading a little more firmly.",
			[]string{"calves knead"}},
		{"Stroke up the calf and end with a light touch.",
			[]string{"calves glide"}},
	}
	for _, tt := range tests {
		res, err := Import([]byte(tt.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range res.Steps {
			got = append(got, s.Area+" "+s.Motion)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
