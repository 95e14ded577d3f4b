package howto

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

// TestPlaceModelUpToDate checks that the embedded place model was trained
// on the examples the labelled batches, the rules and the role model give
// today: after a change to any of them, run
// `go run ./howto/internal/train -places howto/lexicon/places.model` (or
// go generate ./howto, which trains both models).
func TestPlaceModelUpToDate(t *testing.T) {
	dirs, cat := placeModeBatches(t)
	ex, err := PlaceExamples(dirs, cat)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%d steps; examples and settings sha256 %s", len(ex), PlaceDigest(ex))
	if got := embeddedPlaces.get().trainedOn; got != want {
		t.Fatalf("the embedded place model was trained on %q; the batches now give %q: run go run ./howto/internal/train -places howto/lexicon/places.model", got, want)
	}
}

// placeModeBatches are the folders the place and mode models are trained
// on, from the package's folder, and the catalog.
func placeModeBatches(t *testing.T) ([]string, *massage.Catalog) {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dirs := make([]string, len(PlaceModeBatches))
	for i, d := range PlaceModeBatches {
		dirs[i] = filepath.Join("..", d)
	}
	return dirs, cat
}

// TestPlaceModelReadsWhereTheRulesMiss: where the rules take the hand that
// holds, the giver's fingers or the title's area for the place worked,
// the place model reads the place the move works, and the step says the
// two readers differed. With the place model off, the rules' reading
// stands.
func TestPlaceModelReadsWhereTheRulesMiss(t *testing.T) {
	for _, c := range []struct{ in, rules, model string }{
		{"Neck and shoulder release\n\n1. Hook both sets of fingertips over the tops of the shoulders and squeeze, ten times.\n", "hands", "shoulders"},
		{"Face\n\n1. Hold the forehead with one hand and knead the back of the neck with the other, ten times.\n", "face", "neck"},
		{"Arms\n\n1. Grip the right shoulder near the neck and roll the arm forward five times.\n", "arms", "shoulders"},
		{"Back stretch\n\n1. Lie on your back and hug both knees to your chest for 30 seconds.\n", "back", "lower-back"},
	} {
		res, err := Import([]byte(c.in), Options{})
		if err != nil || len(res.Steps) != 1 {
			t.Fatalf("%q: %v %+v", c.in, err, res)
		}
		s := res.Steps[0]
		note := "the rules read " + c.rules + "; the place model reads " + c.model
		said := slices.ContainsFunc(s.Unsure, func(u string) bool { return strings.HasPrefix(u, note+" (0.") })
		if s.Area != c.model || !said || s.Areas[0] != c.model {
			t.Errorf("%q: area %q, areas %v, unsure %q; want %q and the note %q", c.in, s.Area, s.Areas, s.Unsure, c.model, note)
		}
		for _, u := range s.Unsure {
			if strings.HasPrefix(u, "names no body area: "+c.rules+" is") {
				t.Errorf("%q: the note %q stays, for an area the step no longer has", c.in, u)
			}
		}
		res, err = Import([]byte(c.in), Options{noPlaceModel: true})
		if err != nil || len(res.Steps) != 1 || res.Steps[0].Area != c.rules {
			t.Errorf("%q, rules alone: %+v %v, want %q", c.in, res, err, c.rules)
		}
	}
}

// TestPlaceModelLeavesUnsureSteps: a step with no area, or one borrowed
// from the step before, is the rules' alone.
func TestPlaceModelLeavesUnsureSteps(t *testing.T) {
	res, err := Import([]byte("Calf rub\n\n1. Knead the calf with both hands for a minute.\n\n2. Tap lightly all over with your fingertips for ten seconds.\n"), Options{})
	if err != nil || len(res.Steps) != 2 {
		t.Fatalf("%v %+v", err, res)
	}
	if s := res.Steps[1]; s.Area != "calves" || s.placeFeats != nil {
		t.Errorf("the second step: area %q, features %v; want the calves borrowed and nothing read by the model", s.Area, s.placeFeats)
	}
}
