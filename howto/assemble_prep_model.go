package howto

import (
	_ "embed"
	"fmt"
	"slices"
)

// Assemble, the preparation model: a second reader of what a text asks to
// get ready. The rules (findPrep) find a preparation by its words and
// where they stand; the preparation model, a logistic regression over a
// sentence's structure and words (the role model's features), its word
// pairs and where it stands in the text, was trained by `go generate ./howto` on the labelled texts'
// preparations (howto/internal/train -prep) and is embedded here. Where
// the rules found no preparation of a kind and the model finds one in a
// sentence, likely enough (prepModelSure), the text gets it from that
// sentence and the report says so. No download, no network: the weights
// are lexicon/prep.model.

//go:embed lexicon/prep.model
var prepModelData string

// prepModelSure is how likely the preparation model must find a kind in
// a sentence before the text gets it: chosen by cross-validation on the
// training batches (docs/import.md, "The twenty-fifth pass").
const prepModelSure = 0.3

// prepClasses are the classes the preparation model tells apart: no
// preparation, or one of its kinds.
var prepClasses = append([]string{"none"}, PrepKinds...)

// embeddedPreps is the preparation model, read on the first import.
var embeddedPreps = embeddedModel{name: "prep", data: &prepModelData, has: func(m *roleModels) bool { return m.prep != nil }}

// prepModelOf is the preparation model the import reads with, nil for
// the rules alone.
func (d *doc) prepModelOf() *logit {
	return d.modelOf(d.opt.noPrepModel, d.opt.preps, func() *logit { return embeddedPreps.get().prep })
}

// prepCandidate is a sentence the preparation model reads, with its
// features.
type prepCandidate struct {
	s     *sentence
	feats []string
}

// prepCandidates are the sentences the preparation model reads: every
// sentence of the text that is not page furniture or a heading.
func (d *doc) prepCandidates() []prepCandidate {
	inStep, first := d.stepSentences()
	var out []prepCandidate
	before := first != nil
	for _, b := range d.bs {
		if b.noise != "" || b.kind == bHeading {
			continue
		}
		for _, s := range b.sents {
			if s == first {
				before = false
			}
			out = append(out, prepCandidate{s: s, feats: d.prepFeatures(s, before, inStep[s])})
		}
	}
	return out
}

// prepFeatures are what the preparation model reads of a sentence: the
// role model's features, its word pairs, whether it comes before the
// first step or is part of one, whether its block gathers things to have
// ready, and the mode. (The kinds the rules found in it are left out:
// with them, the model learned only to copy the rules.)
func (d *doc) prepFeatures(s *sentence, before, inStep bool) []string {
	fs, add := featureList()
	for _, f := range roleFeatures(s) {
		add(f)
	}
	wordPairs(s, add)
	if before {
		add("before")
	}
	if inStep {
		add("instep")
	}
	if s.b != nil && needsContext(s.b) {
		add("needs")
	}
	add("mode=" + d.res.Mode)
	return *fs
}

// stepSentences are the sentences of the text's steps, and the first of
// them (nil when there is no step).
func (d *doc) stepSentences() (map[*sentence]bool, *sentence) {
	in := map[*sentence]bool{}
	var first *sentence
	for _, st := range d.steps {
		for _, s := range st.sents {
			in[s] = true
			if first == nil {
				first = s
			}
		}
	}
	return in, first
}

// wordPairs adds each pair of words that follow each other in s.
func wordPairs(s *sentence, add func(string)) {
	prev := ""
	for _, t := range s.toks {
		if t.kind != tWord {
			continue
		}
		if prev != "" {
			add("b=" + prev + "_" + t.w)
		}
		prev = t.w
	}
}

// prepByModel adds the preparations the model finds where the rules
// found none of that kind: the sentence the model finds likeliest to ask
// for it, prepModelSure likely or more.
func (d *doc) prepByModel() {
	cands := d.prepCandidates()
	d.prepCands = cands
	m := d.prepModelOf()
	if m == nil {
		return
	}
	best := map[string]int{}
	bestP := map[string]float64{}
	for i, c := range cands {
		ps := m.predict(c.feats)
		for k, kind := range m.classes {
			if kind == "none" || d.prepSeen[kind] || ps[k] < prepModelSure {
				continue
			}
			if ps[k] > bestP[kind] {
				best[kind], bestP[kind] = i, ps[k]
			}
		}
	}
	added := false
	for _, kind := range PrepKinds {
		i, ok := best[kind]
		if !ok {
			continue
		}
		s := cands[i].s
		d.addPrep(kind, s)
		d.res.Unsure = append(d.res.Unsure, fmt.Sprintf("the rules found no %s preparation; the preparation model reads one in line %d (%.2f)", kind, s.line, bestP[kind]))
		added = true
	}
	if added {
		slices.SortStableFunc(d.res.Prep, func(a, b Prep) int { return a.Line - b.Line })
	}
}

// prepKindsSaid are the kinds the rules found anywhere in the text.
func (d *doc) prepKindsSaid() []string {
	var out []string
	for _, p := range d.res.Prep {
		out = appendNew(out, p.Kind)
	}
	return out
}
