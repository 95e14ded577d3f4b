package howto

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// Training the preparation model (assemble_prep_model.go) on the labelled
// texts' preparations: howto/internal/train -prep calls these. Nothing
// here runs during an import.

// PrepText is one labelled text, with what the preparation model reads
// of each of its sentences and the kinds the rules and the label give it.
type PrepText struct {
	Batch    string   // the folder it comes from
	Source   string   // its text: batch/file
	Rule     []string // the kinds the rules found
	Labelled []string // its label's kinds, one per preparation labelled
	sents    []prepSent
}

// prepSent is one sentence of a PrepText: its features and the kinds the
// rules found in it.
type prepSent struct {
	feats []string
	said  []string
}

// PrepTexts imports every labelled text of the folders with the rules'
// preparations alone.
func PrepTexts(dirs []string, cat *massage.Catalog) ([]PrepText, error) {
	ts, _, _, err := PrepWarnExamples(dirs, cat)
	return ts, err
}

// PrepWarnExamples imports every labelled text of the folders once, with
// neither the preparation model nor the warning model (neither reads what
// the other changes), and gives the examples of both: each text's
// sentences for the first, each caution found for the second, and how
// many warnings the labels hold.
func PrepWarnExamples(dirs []string, cat *massage.Catalog) (ts []PrepText, ws []WarnExample, labelled int, err error) {
	err = forLabelledTexts(dirs, func(dir, path string, l *Labels, src []byte) error {
		d, _ := importDoc(src, Options{Name: filepath.Base(path), Catalog: cat, noPrepModel: true, noWarnModel: true})
		labelled += len(l.Warnings)
		if d == nil {
			return nil
		}
		batch, source := filepath.Base(dir), filepath.Base(dir)+"/"+filepath.Base(path)
		t := PrepText{Batch: batch, Source: source, Rule: d.prepKindsSaid()}
		for _, p := range l.Prep {
			t.Labelled = append(t.Labelled, p.Kind)
		}
		for _, c := range d.prepCands {
			t.sents = append(t.sents, prepSent{feats: c.feats, said: d.prepSaid[c.s]})
		}
		ts = append(ts, t)
		ws = append(ws, warnExamples(d, l, batch, source)...)
		return nil
	})
	return ts, ws, labelled, err
}

// prepExamples are the sentences the model is trained on and their
// classes. A sentence where the rules found a kind the label has is an
// example of that kind; one where they found only kinds the label lacks,
// or any sentence of a text whose labelled kinds the rules all found, is
// an example of none. The other sentences of a text where the rules
// missed a labelled kind are left out: any of them may be the one that
// asks for it.
func prepExamples(ts []PrepText, first *logit) (feats [][]string, ys []int) {
	for _, t := range ts {
		if first != nil {
			// the sentence a first model finds likeliest to ask for each
			// kind the rules missed is taken as the one that does
			for _, k := range t.Labelled {
				if slices.Contains(t.Rule, k) {
					continue
				}
				c := slices.Index(prepClasses, k)
				best, bestP := -1, prepGuessFloor
				for i, s := range t.sents {
					if p := first.predict(s.feats)[c]; p > bestP {
						best, bestP = i, p
					}
				}
				if best >= 0 {
					feats = append(feats, t.sents[best].feats)
					ys = append(ys, c)
				}
			}
		}
		missed := false
		for _, k := range t.Labelled {
			missed = missed || !slices.Contains(t.Rule, k)
		}
		for _, s := range t.sents {
			pos := 0
			for _, k := range s.said {
				if slices.Contains(t.Labelled, k) {
					feats = append(feats, s.feats)
					ys = append(ys, slices.Index(prepClasses, k))
					pos++
				}
			}
			if pos == 0 && (len(s.said) > 0 || !missed) {
				feats = append(feats, s.feats)
				ys = append(ys, 0)
			}
		}
	}
	return feats, ys
}

// TrainPreps fits the preparation model on the texts: a first model on
// the sentences whose kind is known, then the model on those and, for
// each kind the rules missed, the sentence the first finds likeliest.
func TrainPreps(ts []PrepText) *logit {
	feats, ys := prepExamples(ts, nil)
	m := trainLogit(prepClasses, feats, ys)
	if !prepTwoRounds {
		return m
	}
	feats, ys = prepExamples(ts, m)
	return trainLogit(prepClasses, feats, ys)
}

// prepGuessFloor is how likely the first model must find a kind in a
// sentence for the second round to take it as the one that asks for it.
const prepGuessFloor = 0.05

var prepTwoRounds = true

// WritePrepModel trains on the texts and writes the preparation model's
// file.
func WritePrepModel(w io.Writer, ts []PrepText) error {
	feats, _ := prepExamples(ts, nil)
	m := &roleModels{prep: TrainPreps(ts)}
	m.trainedOn = fmt.Sprintf("%d sentences of %d texts; examples and settings sha256 %s", len(feats), len(ts), PrepDigest(ts))
	return writeModels(w, m)
}

// PrepDigest is a digest of everything the preparation trainer reads.
func PrepDigest(ts []PrepText) string {
	h := sha256.New()
	fmt.Fprintf(h, "preps: iters %d rate %g l2 %g shards %d\n", trainIters, trainRate, trainL2, trainShards)
	for _, t := range ts {
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", t.Source, strings.Join(t.Rule, ","), strings.Join(t.Labelled, ","))
		for _, s := range t.sents {
			fmt.Fprintf(h, "%s\x00%s\n", strings.Join(s.said, ","), strings.Join(s.feats, "\x01"))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// prepsOf are the kinds a text gets with the model m at least sure likely:
// the rules' kinds and each other kind the model finds in a sentence.
func prepsOf(m *logit, t PrepText, sure float64) []string {
	out := slices.Clone(t.Rule)
	for _, s := range t.sents {
		ps := m.predict(s.feats)
		for k, kind := range m.classes {
			if kind != "none" && ps[k] >= sure && !slices.Contains(out, kind) {
				out = append(out, kind)
			}
		}
	}
	return out
}

// prepRight counts the labelled kinds found, each found kind used once,
// as the scorer does (scorePrep).
func prepRight(found, labelled []string) int {
	used := make([]bool, len(found))
	n := 0
	for _, l := range labelled {
		for j, f := range found {
			if !used[j] && f == l {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}

// PrepCV cross-validates the preparation model in folds of whole
// batches: each fold's texts are read by a model trained on the other
// folds, and for each least likelihood the table gives the preparations
// found, labelled and right, beside the rules' alone.
func PrepCV(ts []PrepText, folds int, sure []float64) string {
	found, right := make([]int, len(sure)), make([]int, len(sure))
	ruleFound, ruleRight, labelled := 0, 0, 0
	for f := 0; f < folds; f++ {
		train, test := splitFold(ts, func(t PrepText) string { return t.Batch }, folds, f)
		m := TrainPreps(train)
		for _, t := range test {
			labelled += len(t.Labelled)
			ruleFound += len(t.Rule)
			ruleRight += prepRight(t.Rule, t.Labelled)
			for i, s := range sure {
				got := prepsOf(m, t, s)
				found[i] += len(got)
				right[i] += prepRight(got, t.Labelled)
			}
		}
	}
	var b strings.Builder
	line := func(name string, fo, ri int) {
		p, r := float64(ri)/float64(max(fo, 1)), float64(ri)/float64(max(labelled, 1))
		fmt.Fprintf(&b, "%-28s found %5d right %5d precision %.4f recall %.4f F1 %.4f\n", name, fo, ri, p, r, 2*p*r/max(p+r, 1e-9))
	}
	fmt.Fprintf(&b, "preparation model, %d folds by batch, %d texts, %d preparations labelled\n", folds, len(ts), labelled)
	line("the rules alone", ruleFound, ruleRight)
	for i, s := range sure {
		line(fmt.Sprintf("likely at least %.2f", s), found[i], right[i])
	}
	return b.String()
}
