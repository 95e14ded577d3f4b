package howto

import (
	_ "embed"
	"fmt"
)

// Assemble, the warning model: a second reader of the cautions found.
// The rules and the role model find a caution by its words ("do not",
// "never", "stop if"), wherever it stands; the warning model, a logistic
// regression over the caution sentence's structure and words (the role
// model's features), its word pairs, the heading it is under and where it
// stands beside the steps, was trained by `go generate ./howto` on which
// of the cautions found the labelled texts keep (howto/internal/train
// -warnings) and is embedded here. A caution it finds unlikely to be one
// for this massage (below warnModelKeep: "Not for oven or microwave
// use", "Do not overtighten" on a product's label) is left out of the
// warnings, and the report says so. No download, no network: the weights
// are lexicon/warnings.model.

//go:embed lexicon/warnings.model
var warnModelData string

// warnModelKeep is how likely the warning model must find a caution to be
// one for the massage for the text to keep it: chosen by cross-validation
// on the training batches, low, so that a caution is dropped only when
// the model is sure (docs/import.md, "The twenty-fifth pass").
const warnModelKeep = 0.2

// warnClasses are what the warning model tells apart.
var warnClasses = []string{"drop", "keep"}

// embeddedWarns is the warning model, read on the first import.
var embeddedWarns = embeddedModel{name: "warnings", data: &warnModelData, has: func(m *roleModels) bool { return m.warnings != nil }}

// warnModelOf is the warning model the import reads with, nil for the
// rules alone.
func (d *doc) warnModelOf() *logit {
	return d.modelOf(d.opt.noWarnModel, d.opt.warns, func() *logit { return embeddedWarns.get().warnings })
}

// warnByModel leaves out the cautions the warning model finds unlikely
// to be the massage's.
func (d *doc) warnByModel() {
	d.warnFeats = d.warnFeatures()
	m := d.warnModelOf()
	if m == nil {
		return
	}
	keep := make([]bool, len(d.res.Warnings))
	for i, fs := range d.warnFeats {
		p := m.predict(fs)[1]
		keep[i] = p >= warnModelKeep || d.warnKept(i)
		if !keep[i] {
			s := d.warnSents[i]
			s.warning, s.warnAt = false, -1
			d.res.Unsure = append(d.res.Unsure, fmt.Sprintf("the warning model reads line %d as no caution for the massage (%.2f): %s", s.line, p, clip(s.text, 60)))
		}
	}
	var ws []Warning
	var ss []*sentence
	for i, k := range keep {
		if k {
			ws, ss = append(ws, d.res.Warnings[i]), append(ss, d.warnSents[i])
		}
	}
	d.res.Warnings, d.warnSents = ws, ss
}

// warnKept reports a caution the warning model never leaves out: one
// under a lead-in that warns ("Do not massage if:"), or one that names a
// place on the body. A condition listed or a place kept off is the
// massage's, however much it reads like a product's label.
func (d *doc) warnKept(i int) bool {
	s := d.warnSents[i]
	return d.res.Warnings[i].Lead != "" || len(s.areas) > 0 || len(s.landmarks) > 0
}

// warnFeatures are what the warning model reads of each caution found:
// the role model's features of its sentence, its word pairs, whether it
// names a place on the body, the words of the heading it is under, and
// where it stands: in a step, before the first, between, or after the
// last, and how many blocks from the nearest step.
func (d *doc) warnFeatures() [][]string {
	inStep, _ := d.stepSentences()
	stepBlocks := map[*block]bool{}
	for s := range inStep {
		stepBlocks[s.b] = true
	}
	at := map[*block]int{}
	var stepAt []int // the blocks that hold a step, in order
	for i, b := range d.bs {
		at[b] = i
		if stepBlocks[b] {
			stepAt = append(stepAt, i)
		}
	}
	out := make([][]string, len(d.warnSents))
	for i, s := range d.warnSents {
		fs, add := featureList()
		for _, f := range roleFeatures(s) {
			add(f)
		}
		wordPairs(s, add)
		if len(s.areas) > 0 || len(s.landmarks) > 0 {
			add("body")
		}
		if s.modelSaid {
			add("modelsaid")
		}
		if s.b != nil && s.b.section != nil {
			for _, t := range tokenize(s.b.section.text) {
				if t.kind == tWord {
					add("h=" + t.w)
				}
			}
		}
		warnWhere(inStep[s], at[s.b], stepAt, add)
		out[i] = *fs
	}
	return out
}

// warnWhere adds where a caution in block b stands beside the blocks
// that hold steps (stepAt): in a step, before the first, between, after
// the last, and how far from the nearest.
func warnWhere(inStep bool, b int, stepAt []int, add func(string)) {
	switch {
	case inStep:
		add("where=step")
	case len(stepAt) == 0:
		add("where=nosteps")
	case b < stepAt[0]:
		add("where=before")
		add("near=" + nearBucket(stepAt[0]-b))
	case b > stepAt[len(stepAt)-1]:
		add("where=after")
		add("near=" + nearBucket(b-stepAt[len(stepAt)-1]))
	default:
		add("where=between")
	}
}

// nearBucket says coarsely how many blocks away: 1, 2, 3-5, more.
func nearBucket(n int) string {
	switch {
	case n <= 1:
		return "1"
	case n == 2:
		return "2"
	case n <= 5:
		return "3-5"
	}
	return "far"
}
