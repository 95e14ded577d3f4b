package howto

import (
	_ "embed"
	"fmt"
	"strings"
)

// Assemble, the mode model: a second reader of whom the text is for. The
// rules (doc.mode, modeOfNoOne) weigh the persons its sentences name; the
// mode model, a logistic regression over those weights, the rules' mode
// and the words of the text's sentences that are not page furniture, was
// trained by `go generate ./howto` on the labelled texts' modes
// (howto/internal/train -mode) and is embedded here. Where it reads
// another mode than the rules, likely enough (modeModelSure), its mode is
// the text's and the report says so. No download, no network: the
// weights are lexicon/mode.model.

//go:embed lexicon/mode.model
var modeModelData string

// modeModelSure is how likely the mode model must find its own mode
// before the text takes it: chosen by cross-validation on the training
// batches (docs/import.md, "The twenty-fourth pass").
const modeModelSure = 0.6

// modeClasses are the modes the mode model tells apart.
var modeClasses = []string{"self", "partner", "both"}

// embeddedModes is the mode model, read on the first import.
var embeddedModes = embeddedModel{name: "mode", data: &modeModelData, has: func(m *roleModels) bool { return m.mode != nil }}

// loadedModeModel is the embedded mode model's file.
func loadedModeModel() *roleModels { return embeddedModes.get() }

// modeModelOf is the mode model the import reads with, nil for the rules
// alone.
func (d *doc) modeModelOf() *logit {
	return d.modelOf(d.opt.noModeModel, d.opt.modes, func() *logit { return loadedModeModel().mode })
}

// modeByModel gives the text the mode model's mode where it reads another
// one than the rules, modeModelSure likely or more.
func (d *doc) modeByModel() {
	d.modeFeats = d.modeFeatures()
	m := d.modeModelOf()
	if m == nil {
		return
	}
	if mode, p := m.likeliest(d.modeFeats); mode != d.res.Mode && p >= modeModelSure {
		d.res.Unsure = append(d.res.Unsure, fmt.Sprintf("the rules read the text as for %s; the mode model reads it as for %s (%.2f)", modeSaid(d.res.Mode), modeSaid(mode), p))
		d.res.Mode = mode
	}
}

// modeSaid says a mode in words.
func modeSaid(mode string) string {
	switch mode {
	case "self":
		return "yourself"
	case "partner":
		return "a partner"
	}
	return "either"
}

// modeFeatures are what the mode model reads of a text: the rules' mode,
// the persons its sentences name as the rules weighed them, and the words
// of its sentences (page furniture and headings left out), each once.
func (d *doc) modeFeatures() []string {
	fs, add := featureList()
	add("rule=" + d.res.Mode)
	add("self=" + countBucket(d.self))
	add("partner=" + countBucket(d.partner))
	add("receivers=" + countBucket(float64(d.receivers)))
	if d.self+d.partner > 0 {
		add(fmt.Sprintf("selfshare=%d", int(5*d.self/(d.self+d.partner))))
	}
	for _, f := range []struct {
		name string
		on   bool
	}{{"either", d.either}, {"yourself", d.yourself}, {"ionyou", d.iOnYou}, {"selftext", d.selfText}} {
		if f.on {
			add(f.name)
		}
	}
	for _, b := range d.bs {
		if b.noise != "" || b.kind == bHeading {
			continue
		}
		for _, s := range b.sents {
			for _, t := range s.toks {
				if w := strings.ToLower(t.w); wordLike(w) {
					add("w=" + w)
				}
			}
		}
	}
	return *fs
}

// countBucket is a count said coarsely: 0, 1, 2, 3-5, 6-10, more.
func countBucket(x float64) string {
	switch {
	case x <= 0:
		return "0"
	case x <= 1:
		return "1"
	case x <= 2:
		return "2"
	case x <= 5:
		return "3-5"
	case x <= 10:
		return "6-10"
	}
	return "many"
}
