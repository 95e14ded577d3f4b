package howto

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Importing each source text gives steps that line up with the catalog's
// hand-written techniques for that text. The texts are read from
// ../shared/seeds at run time; none of their sentences is in this file.
func TestSeedsAlignWithCatalog(t *testing.T) {
	if _, err := os.Stat(seedDir); err != nil {
		t.Skip("no ../shared/seeds here")
	}
	cat := builtin(t)
	tests := []struct {
		file string
		want []string // technique#step of each imported step, in order
	}{
		{"000_f857412830437d0d.txt", []string{
			"scalp-petrissage#1", "scalp-petrissage#2", "scalp-petrissage#3", "scalp-petrissage#4",
			"scalp-petrissage#5", "scalp-petrissage#6", "scalp-petrissage#7"}},
		{"001_c37508f760ff466b.txt", []string{
			"back-fan-stroke#1", "back-petrissage#1", "back-petrissage#2", "back-raking#1", "back-raking#2",
			"back-circling-hands#1"}},
		{"002_fe1dc67ada4f18f3.txt", []string{
			"knead-neck-shoulders#1", // the intro's "both hands in turn on large areas"
			"kneading-method#2", "kneading-method#3", "finger-thumb-rotations#1", "finger-thumb-rotations#2",
			"knead-neck-shoulders#1", "knead-arms#1", "knead-arms#2", "knead-arms#3", "knead-thighs-calves#2",
			"knead-ankles#1", "knead-hands-wrists#1", "knead-stomach#1"}},
		{"003_dce7109ed3a54027.txt", []string{
			"foot-warm-up#1", "foot-warm-up#2", "foot-warm-up#3", "foot-thumb-glides#2", "foot-tendon-strokes#1",
			"foot-knuckle-kneading#1", "foot-fist-press#1", "foot-squeeze#1", "foot-opposite-circles#1",
			"toe-rotation#1", "foot-finishing-circles#1", "scalp-hairline-circles#1", "scalp-hairline-circles#2",
			"ear-rub#1", "scalp-tapping#2", "scalp-chopping#1", "hair-draw#1"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(seedDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(src, Options{Name: tt.file, Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range res.Steps {
				if s.Technique == nil {
					got = append(got, "none")
					continue
				}
				got = append(got, s.Technique.ID+"#"+itoa(s.Technique.Step))
				if src := cat.Technique(s.Technique.ID).Sources; len(src) == 0 || src[0] != tt.file {
					t.Errorf("step %d matches %s, which does not come from %s", s.N, s.Technique.ID, tt.file)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("techniques of the imported steps (-want +got):\n%s", diff)
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
