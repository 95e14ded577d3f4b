package cli

import (
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
)

// TestCardsReadWell holds what a careful reader found in the cards: each
// row is a phrase a card must have, or must not.
func TestCardsReadWell(t *testing.T) {
	tests := []struct {
		id        string
		has, lack []string
	}{
		{"foot-warm-up", []string{"Motion    rub back and forth\n"}, []string{"back and forth, back and forth"}},
		{"back-raking", []string{"rake, down, beside the spine", "rake, up and back down, beside the spine",
			"fingertips, from the lower back"}, []string{"at from", "then beside the spine"}},
		{"knead-stomach", []string{"around the navel", "wide circles", "soft on the belly"},
			[]string{"from the stomach", "small circles", "face"}},
		{"kneading-method", []string{"the jaw line, the palm or the sole", "left hand's fingers"}, []string{"past the palm"}},
		{"back-circling-hands", []string{"right palm, turning counterclockwise"}, []string{"— palms"}},
		{"foot-soak", []string{"WHAT THE SOURCE SAYS", "The source says it can help ease stress"}, []string{"TIPS"}},
		{"foot-warm-up", []string{"The source says it can help ease stress when done beforehand. (its claim"}, []string{"Tip: The source says"}},
		{"scalp-petrissage", []string{"Scalp petrissage for a partner (source text 000)"}, []string{"kept smooth and unbroken", ".txt"}},
	}
	for _, tt := range tests {
		r := run(t, nil, "show", tt.id, "--width", "100")
		if r.code != 0 {
			t.Fatalf("show %s: exit %d: %s", tt.id, r.code, r.err)
		}
		for _, s := range tt.has {
			if !strings.Contains(r.out, s) {
				t.Errorf("%s: card lacks %q:\n%s", tt.id, s, r.out)
			}
		}
		for _, s := range tt.lack {
			if strings.Contains(r.out, s) {
				t.Errorf("%s: card has %q", tt.id, s)
			}
		}
	}
	// and across the whole catalog
	cat, err := catalog.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tech := range cat.Techniques {
		out := run(t, nil, "show", tech.ID).out
		for _, bad := range []string{"step(s)", ".txt", "at from ", "hand — ", "it can said", "is said to"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: card has %q", tech.ID, bad)
			}
		}
	}
}
