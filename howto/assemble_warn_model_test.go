package howto

import (
	"slices"
	"strings"
	"testing"
)

// TestWarnModelLeavesOutALabel: a cheese board's care notes on the front
// of a card whose back holds a hand rub are cautions about the board, not
// the massage; the warning model leaves them out and the report says so.
// The caution about a swollen joint stays, and so does any caution that
// names a place on the body ("the feet" of the board, read as a body
// place: the model never drops one). With the model off, all are kept.
func TestWarnModelLeavesOutALabel(t *testing.T) {
	in := "SLATE CHEESE BOARD · 30 x 20 cm\n" +
		"Hand wash only, not suitable for the dishwasher. Do not overtighten the feet. Please do not open the box until your final destination.\n\n" +
		"On the back, for the market team:\n\n" +
		"Hand rub after a cold day on the stall\n" +
		"1. Stroke from the wrist to the fingertips over the back of the hand, ten times.\n" +
		"2. Knead the palm with both thumbs for a minute.\n" +
		"3. Pull each finger gently from the knuckle to the tip.\n" +
		"Do not press on a swollen or hot joint.\n"
	texts := func(ws []Warning) []string {
		var out []string
		for _, w := range ws {
			out = append(out, w.Text)
		}
		return out
	}
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Do not overtighten the feet.", "Do not press on a swollen or hot joint."}
	if got := texts(res.Warnings); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
	notes := 0
	for _, u := range res.Unsure {
		if strings.HasPrefix(u, "the warning model reads line 2 as no caution for the massage") {
			notes++
		}
	}
	if notes != 2 {
		t.Errorf("unsure %q: want two notes on line 2", res.Unsure)
	}
	res, err = Import([]byte(in), Options{noWarnModel: true})
	if err != nil || len(res.Warnings) != 4 {
		t.Errorf("rules alone: warnings %q (%v), want all four", texts(res.Warnings), err)
	}
}
