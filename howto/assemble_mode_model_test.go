package howto

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestSecondReadersLoad: each model that reads the import again after
// the rules (place, mode, preparation, warning) is embedded, reads, tells
// its classes apart and has weights.
func TestSecondReadersLoad(t *testing.T) {
	for _, tt := range []struct {
		name    string
		m       *logit
		classes []string
	}{
		{"place", loadedPlaceModel(), placeClasses()},
		{"mode", loadedModeModel().mode, modeClasses},
		{"preparation", embeddedPreps.get().prep, prepClasses},
		{"warning", embeddedWarns.get().warnings, warnClasses},
	} {
		if strings.Join(tt.m.classes, ",") != strings.Join(tt.classes, ",") {
			t.Errorf("%s model classes %v, want %v", tt.name, tt.m.classes, tt.classes)
		}
		if len(tt.m.w) < 1000 {
			t.Errorf("%s model has %d features: too few", tt.name, len(tt.m.w))
		}
	}
}

// TestModeModelUpToDate checks that the embedded mode model was trained
// on the examples the labelled batches, the rules and the other models
// give today: after a change to any of them, run
// `go run ./howto/internal/train -mode howto/lexicon/mode.model` (or go
// generate ./howto, which trains every model).
func TestModeModelUpToDate(t *testing.T) {
	dirs, cat := placeModeBatches(t)
	ex, err := ModeExamples(dirs, cat)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%d texts; examples and settings sha256 %s", len(ex), ModeDigest(ex))
	if got := loadedModeModel().trainedOn; got != want {
		t.Fatalf("the embedded mode model was trained on %q; the batches now give %q: run go run ./howto/internal/train -mode howto/lexicon/mode.model", got, want)
	}
}

// TestModeModelReadsAHelper: moves told of "your helper" in the third
// person ("Presses both palms …") are a partner's, though the rules count
// only "your hips" and "your lower back"; the report says the two readers
// differed. With the mode model off, the rules' reading stands.
func TestModeModelReadsAHelper(t *testing.T) {
	in := "Back ease\n\nLie face down with a cushion under your hips. Your helper:\n" +
		"- Presses both palms into the lower back, leaning in slowly, ten times.\n" +
		"- Kneads the tops of the hips from behind for about a minute.\n" +
		"- Strokes up either side of the spine from the waist to the ribs, six times.\n" +
		"- Rests both hands flat on your lower back for 20 seconds.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	note := slices.IndexFunc(res.Unsure, func(u string) bool {
		return strings.HasPrefix(u, "the rules read the text as for yourself; the mode model reads it as for a partner")
	})
	if res.Mode != "partner" || note < 0 {
		t.Errorf("mode %q, unsure %q; want partner, and the note", res.Mode, res.Unsure)
	}
	res, err = Import([]byte(in), Options{noModeModel: true})
	if err != nil || res.Mode != "self" {
		t.Errorf("rules alone: mode %q (%v), want self", res.Mode, err)
	}
}
