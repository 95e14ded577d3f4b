package howto

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/knead/knead/massage"
)

// Extract, the place model: a second reader of where a step works. The
// rules (placeStep) vote an area from the places the step names, its
// heading and title; the place model, a multinomial logistic regression
// over the step's words, the places its sentences name and in which role,
// and the rules' own vote, was trained by `go generate ./howto` on the
// labelled steps' areas (howto/internal/train -places) and is embedded
// here. Where it reads another area than the rules, surely enough
// (placeModelSure), its area is the step's and the step's report says so. No download, no network: the weights are lexicon/places.model.

//go:embed lexicon/places.model
var placesModelData string

// placeModelSure is how likely the place model must find its own area
// before the step takes it: chosen by cross-validation on the training
// batches (docs/import.md, "The twenty-fourth pass").
const placeModelSure = 0.4

// embeddedPlaces is the place model, read on the first import.
var embeddedPlaces = embeddedModel{name: "place", data: &placesModelData, has: func(m *roleModels) bool { return m.place != nil }}

// loadedPlaceModel is the embedded place model.
func loadedPlaceModel() *logit { return embeddedPlaces.get().place }

// placeModelOf is the place model the import reads with, nil for the
// rules alone.
func (d *doc) placeModelOf() *logit {
	return d.modelOf(d.opt.noPlaceModel, d.opt.places, loadedPlaceModel)
}

// placeByModel gives the step the place model's area where the model
// reads another one than the rules, placeModelSure likely or more. A step
// whose area was borrowed from the step before, or that has none, is left
// to the rules: the model was trained on steps that name where they work.
func (d *doc) placeByModel(out *Step, st *stepDraft, votes areaVotes, prevArea string) {
	if out.Area == "" || out.borrowed {
		return
	}
	out.placeFeats = d.placeFeatures(st, votes, out.Area, prevArea)
	m := d.placeModelOf()
	if m == nil {
		return
	}
	if best, p := m.likeliest(out.placeFeats); best != out.Area && p >= placeModelSure {
		out.Unsure = slices.DeleteFunc(out.Unsure, func(u string) bool { return strings.HasPrefix(u, "names no body area: "+out.Area+" is") })
		out.Unsure = append(out.Unsure, fmt.Sprintf("the rules read %s; the place model reads %s (%.2f)", out.Area, best, p))
		out.Area = best
	}
}

// placeFeatures are what the place model reads of a step: the rules' area
// and their votes, the title's, heading's and step before's areas, the
// mode, and of each sentence (by its role in the step: 0 sets up, 1
// moves, 2 modifies) the places it names, held or only passed, and its
// words and word pairs.
func (d *doc) placeFeatures(st *stepDraft, votes areaVotes, rule, prevArea string) []string {
	fs, add := featureList()
	add("rule=" + rule)
	for i, a := range votes.ranked() {
		if i < 3 {
			add("vote=" + a)
		}
	}
	add("title=" + d.titleArea)
	if st.section != nil && st.section != d.title && !st.section.blind {
		add("head=" + areaOfText(st.section.text))
	}
	add("prev=" + prevArea)
	add("mode=" + d.res.Mode)
	for k, s := range st.sents {
		placeFeaturesSentence(s, st.roles[k], add)
	}
	return *fs
}

// featureList is an empty list of features and the function that adds
// one to it, each once, in the order first added.
func featureList() (*[]string, func(string)) {
	fs := &[]string{}
	seen := map[string]bool{}
	return fs, func(f string) {
		if !seen[f] {
			seen[f] = true
			*fs = append(*fs, f)
		}
	}
}

// placeFeaturesSentence adds what one sentence of a step names, r its role
// in the step.
func placeFeaturesSentence(s *sentence, r int, add func(string)) {
	role := string(rune('0' + r))
	held, _ := s.placeRoles()
	for _, a := range s.areas {
		add("area" + role + "=" + a)
		if held[a] {
			add("held=" + a)
		}
		if s.refs[a] {
			add("ref=" + a)
		}
	}
	for _, h := range s.parts {
		add("part=" + h.part) // the hand's part that works: "palms" is no place
	}
	for _, l := range s.landmarks {
		add("lm=" + l)
		if lm, ok := massage.LandmarkByID(l); ok {
			add("lmarea" + role + "=" + lm.Area)
		}
	}
	prev := "^"
	for _, t := range s.toks {
		w := strings.ToLower(t.w)
		if !wordLike(w) {
			continue
		}
		add("w=" + w)
		add("b=" + prev + "_" + w)
		prev = w
	}
}

// wordLike reports a token that holds a letter.
func wordLike(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// ranked are the areas voted, the most votes first (ties in the order
// they came).
func (v *areaVotes) ranked() []string {
	out := append([]string(nil), v.order...)
	sort.SliceStable(out, func(i, j int) bool { return v.score[out[i]] > v.score[out[j]] })
	return out
}
