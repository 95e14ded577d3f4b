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

// Training the mode model (assemble_mode_model.go) on the labelled texts'
// modes: howto/internal/train -mode calls these. Nothing here runs during
// an import.

// ModeExample is one labelled text, with what the mode model reads of it
// and the mode it should get.
type ModeExample struct {
	Batch  string // the folder it comes from
	Source string // its text: batch/file
	Rule   string // the mode the rules gave it
	Mode   string // its label's
	feats  []string
}

// ModeExamples imports every labelled text of the folders with the rules'
// mode alone and gives each text whose label names a mode its example.
func ModeExamples(dirs []string, cat *massage.Catalog) ([]ModeExample, error) {
	var out []ModeExample
	err := forLabelledTexts(dirs, func(dir, path string, l *Labels, src []byte) error {
		d, _ := importDoc(src, Options{Name: filepath.Base(path), Catalog: cat, noModeModel: true})
		if d != nil && l.Mode != "" && d.modeFeats != nil {
			out = append(out, ModeExample{Batch: filepath.Base(dir), Source: filepath.Base(dir) + "/" + filepath.Base(path),
				Rule: d.res.Mode, Mode: l.Mode, feats: d.modeFeats})
		}
		return nil
	})
	return out, err
}

// TrainModes fits the mode model on examples.
func TrainModes(ex []ModeExample) *logit {
	feats := make([][]string, len(ex))
	ys := make([]int, len(ex))
	for i, e := range ex {
		feats[i] = e.feats
		for k, c := range modeClasses {
			if c == e.Mode {
				ys[i] = k
			}
		}
	}
	return trainLogit(modeClasses, feats, ys)
}

// WriteModeModel trains on examples and writes the mode model's file.
func WriteModeModel(w io.Writer, ex []ModeExample) error {
	m := &roleModels{mode: TrainModes(ex)}
	m.trainedOn = fmt.Sprintf("%d texts; examples and settings sha256 %s", len(ex), ModeDigest(ex))
	return writeModels(w, m)
}

// ModeDigest is a digest of everything the mode trainer reads.
func ModeDigest(ex []ModeExample) string {
	h := sha256.New()
	fmt.Fprintf(h, "modes: iters %d rate %g l2 %g shards %d\n", trainIters, trainRate, trainL2, trainShards)
	for _, e := range ex {
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", e.Source, e.Mode, strings.Join(e.feats, "\x01"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ModeCV cross-validates the mode model in folds of whole batches: each
// fold's texts are read by a model trained on the other folds, and for
// each least likelihood the table counts the texts whose mode would then
// be right, beside the rules' alone.
func ModeCV(ex []ModeExample, folds int, sure []float64) string {
	right := make([]int, len(sure))
	changed := make([]int, len(sure))
	ruleRight := 0
	for f := 0; f < folds; f++ {
		train, test := splitFold(ex, func(e ModeExample) string { return e.Batch }, folds, f)
		m := TrainModes(train)
		for _, e := range test {
			if e.Rule == e.Mode {
				ruleRight++
			}
			best, p := m.likeliest(e.feats)
			for i, s := range sure {
				mode := e.Rule
				if best != e.Rule && p >= s {
					mode = best
					changed[i]++
				}
				if mode == e.Mode {
					right[i]++
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "mode model, %d folds by batch, %d texts: the rules alone give %d right (%.4f)\n", folds, len(ex), ruleRight, float64(ruleRight)/float64(len(ex)))
	for i, s := range sure {
		fmt.Fprintf(&b, "likely at least %.2f: %d changed, %d right (%.4f)\n", s, changed[i], right[i], float64(right[i])/float64(len(ex)))
	}
	return b.String()
}

// splitFold parts examples into those of the batches outside fold f of
// folds (to train on) and those inside it (to score); batch names an
// example's batch, and a batch's fold is fixed by its name.
func splitFold[E any](ex []E, batch func(E) string, folds, f int) (train, test []E) {
	for _, e := range ex {
		if h := sha256.Sum256([]byte(batch(e))); int(h[0])%folds == f {
			test = append(test, e)
		} else {
			train = append(train, e)
		}
	}
	return train, test
}
