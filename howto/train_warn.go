package howto

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/knead/knead/massage"
)

// Training the warning model (assemble_warn_model.go) on which cautions
// found the labelled texts keep: howto/internal/train -warnings calls
// these. Nothing here runs during an import.

// WarnExample is one caution the rules and the role model found in a
// labelled text, with what the warning model reads of it and whether a
// labelled warning's anchor is in it.
type WarnExample struct {
	Batch  string // the folder it comes from
	Source string // its text: batch/file
	Text   string // the caution
	Kept   bool   // a labelled warning is in it
	Always bool   // the model never leaves it out (doc.warnKept)
	feats  []string
}

// WarnExamples gives every caution found in the labelled texts of the
// folders, read without the warning model, its example; labelled counts
// the warnings labelled in those texts.
func WarnExamples(dirs []string, cat *massage.Catalog) (ex []WarnExample, labelled int, err error) {
	_, ex, labelled, err = PrepWarnExamples(dirs, cat)
	return ex, labelled, err
}

// warnExamples are the examples of the cautions found in one text.
func warnExamples(d *doc, l *Labels, batch, source string) []WarnExample {
	var ex []WarnExample
	for i, w := range d.res.Warnings {
		kept := false
		for _, la := range l.Warnings {
			kept = kept || holds(w.Text, la.Anchor)
		}
		ex = append(ex, WarnExample{Batch: batch, Source: source, Text: w.Text, Kept: kept, Always: d.warnKept(i), feats: d.warnFeats[i]})
	}
	return ex
}

// TrainWarns fits the warning model on examples.
func TrainWarns(ex []WarnExample) *logit {
	feats := make([][]string, len(ex))
	ys := make([]int, len(ex))
	for i, e := range ex {
		feats[i] = e.feats
		if e.Kept {
			ys[i] = 1
		}
	}
	return trainLogit(warnClasses, feats, ys)
}

// WriteWarnModel trains on examples and writes the warning model's file.
func WriteWarnModel(w io.Writer, ex []WarnExample) error {
	m := &roleModels{warnings: TrainWarns(ex)}
	m.trainedOn = fmt.Sprintf("%d cautions; examples and settings sha256 %s", len(ex), WarnDigest(ex))
	return writeModels(w, m)
}

// WarnDigest is a digest of everything the warning trainer reads.
func WarnDigest(ex []WarnExample) string {
	h := sha256.New()
	fmt.Fprintf(h, "warnings: iters %d rate %g l2 %g shards %d\n", trainIters, trainRate, trainL2, trainShards)
	for _, e := range ex {
		fmt.Fprintf(h, "%s\x00%t\x00%t\x00%s\n", e.Source, e.Kept, e.Always, strings.Join(e.feats, "\x01"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// WarnCV cross-validates the warning model in folds of whole batches:
// each fold's cautions are read by a model trained on the other folds,
// and for each least likelihood of keeping the table gives the cautions
// kept and those of them a label has, beside keeping them all. labelled
// is how many warnings the texts' labels hold.
func WarnCV(ex []WarnExample, labelled, folds int, keep []float64) string {
	found, right, dropped := make([]int, len(keep)), make([]int, len(keep)), make([]int, len(keep))
	all, allRight := 0, 0
	for f := 0; f < folds; f++ {
		train, test := splitFold(ex, func(e WarnExample) string { return e.Batch }, folds, f)
		m := TrainWarns(train)
		for _, e := range test {
			all++
			if e.Kept {
				allRight++
			}
			p := m.predict(e.feats)[1]
			for i, k := range keep {
				if p >= k || e.Always {
					found[i]++
					if e.Kept {
						right[i]++
					}
				} else if e.Kept {
					dropped[i]++
				}
			}
		}
	}
	var b strings.Builder
	line := func(name string, fo, ri int) {
		p, r := float64(ri)/float64(max(fo, 1)), float64(ri)/float64(max(labelled, 1))
		fmt.Fprintf(&b, "%-28s found %5d right %5d precision %.4f recall %.4f F1 %.4f", name, fo, ri, p, r, 2*p*r/max(p+r, 1e-9))
	}
	fmt.Fprintf(&b, "warning model, %d folds by batch, %d cautions found, %d warnings labelled\n", folds, len(ex), labelled)
	line("keeping every caution", all, allRight)
	b.WriteString("\n")
	for i, k := range keep {
		line(fmt.Sprintf("likely at least %.2f", k), found[i], right[i])
		fmt.Fprintf(&b, " (labelled ones dropped %d)\n", dropped[i])
	}
	return b.String()
}
