package howto

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/knead/knead/massage"
)

// Training the place model (extract_place_model.go) on the labelled
// steps' areas: howto/internal/train -places calls these. Nothing here
// runs during an import.

// PlaceExample is one labelled step the importer found, with what the
// place model reads of it and the area it should get.
type PlaceExample struct {
	Batch  string // the folder it comes from
	Source string // its text: batch/file
	Anchor string // its label's anchor
	Rule   string // the area the rules gave it
	Area   string // the area it should get: the rules' when the label allows it, else the label's main one
	Allow  []string
	feats  []string
}

// PlaceExamples imports every labelled text of the folders with the rules'
// places alone, pairs its steps with the labelled ones as the evaluation
// does, and gives each paired step with a labelled area, and an area from
// the rules, its example.
func PlaceExamples(dirs []string, cat *massage.Catalog) ([]PlaceExample, error) {
	var out []PlaceExample
	err := forLabelledTexts(dirs, func(dir, path string, l *Labels, src []byte) error {
		ex := placeExamplesOf(src, filepath.Base(path), l, cat)
		for i := range ex {
			ex[i].Batch, ex[i].Source = filepath.Base(dir), filepath.Base(dir)+"/"+filepath.Base(path)
		}
		out = append(out, ex...)
		return nil
	})
	return out, err
}

// placeExamplesOf gives the examples of one text, src, named name and
// labelled l.
func placeExamplesOf(src []byte, name string, l *Labels, cat *massage.Catalog) []PlaceExample {
	res, _ := Import(src, Options{Name: name, Catalog: cat, noPlaceModel: true})
	if res == nil {
		return nil
	}
	pair := alignSteps(&TextScore{}, res.Steps, l.Steps)
	var out []PlaceExample
	for i, ls := range l.Steps {
		if len(ls.Area) == 0 || pair[i] < 0 {
			continue
		}
		s := res.Steps[pair[i]]
		if s.placeFeats == nil {
			continue
		}
		want := ls.Area[0]
		if contains(ls.Area, s.Area) {
			want = s.Area
		}
		out = append(out, PlaceExample{Anchor: ls.Anchor, Rule: s.Area, Area: want, Allow: ls.Area, feats: s.placeFeats})
	}
	return out
}

// placeClasses are the areas the place model tells apart: every area of
// the body model.
func placeClasses() []string {
	out := make([]string, len(massage.Areas))
	for i, a := range massage.Areas {
		out[i] = a.ID
	}
	return out
}

// TrainPlaces fits the place model on examples.
func TrainPlaces(ex []PlaceExample) *logit {
	classes := placeClasses()
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	feats := make([][]string, len(ex))
	ys := make([]int, len(ex))
	for i, e := range ex {
		feats[i], ys[i] = e.feats, index[e.Area]
	}
	return trainLogit(classes, feats, ys)
}

// WritePlaceModel trains on examples and writes the place model's file.
func WritePlaceModel(w io.Writer, ex []PlaceExample) error {
	m := &roleModels{place: TrainPlaces(ex)}
	m.trainedOn = fmt.Sprintf("%d steps; examples and settings sha256 %s", len(ex), PlaceDigest(ex))
	return writeModels(w, m)
}

// PlaceDigest is a digest of everything the place trainer reads, as
// TrainingDigest is of the role trainer's.
func PlaceDigest(ex []PlaceExample) string {
	h := sha256.New()
	fmt.Fprintf(h, "places: iters %d rate %g l2 %g shards %d\n", trainIters, trainRate, trainL2, trainShards)
	for _, e := range ex {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\n", e.Source, e.Anchor, e.Area, strings.Join(e.feats, "\x01"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// PlaceCV cross-validates the place model in folds of whole batches: each
// fold's steps are read by a model trained on the other folds, and for
// each least likelihood the model's own area must have, the table counts
// the steps whose area would then be one its label allows, beside the
// rules' alone.
func PlaceCV(ex []PlaceExample, folds int, sure []float64) string {
	right := make([]int, len(sure))
	changed := make([]int, len(sure))
	ruleRight := 0
	for f := 0; f < folds; f++ {
		train, test := splitFold(ex, func(e PlaceExample) string { return e.Batch }, folds, f)
		m := TrainPlaces(train)
		for _, e := range test {
			if contains(e.Allow, e.Rule) {
				ruleRight++
			}
			best, p := m.likeliest(e.feats)
			for i, s := range sure {
				area := e.Rule
				if best != e.Rule && p >= s {
					area = best
					changed[i]++
				}
				if contains(e.Allow, area) {
					right[i]++
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "place model, %d folds by batch, %d steps: the rules alone give %d right (%.4f)\n", folds, len(ex), ruleRight, float64(ruleRight)/float64(len(ex)))
	for i, s := range sure {
		fmt.Fprintf(&b, "likely at least %.2f: %d changed, %d right (%.4f)\n", s, changed[i], right[i], float64(right[i])/float64(len(ex)))
	}
	return b.String()
}
