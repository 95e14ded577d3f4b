package howto

import (
	"sort"
	"strings"

	"github.com/knead/knead/massage"
)

// Naming what was found with the catalog's own ids: the technique (and
// its step) each imported step is most like, the catalog preparations the
// text's preparations are, and the catalog cautions its warnings are.

// MinConfidence is the least confidence at which a step names a technique.
const MinConfidence = 0.45

var motionFamily = map[string]int{"circle": 1, "rub": 1, "glide": 2, "fan": 2, "rake": 2,
	"draw-through": 2, "knead": 3, "squeeze": 3, "tap": 4, "chop": 4, "press-climb": 5,
	"hold": 5, "rotate": 6}

// stepScore says how alike an imported step and a catalog step are, from 0 to 1.
func stepScore(s *Step, t *massage.Technique, c *massage.Step, mode string, names map[*massage.Technique]map[string]bool) float64 {
	var sc likeness
	sc.name(s, names[t])
	sc.area(s, t)
	sc.motion(s, c)
	sc.landmarks(s, c)
	sc.hands(s, c)
	sc.details(s, t, c)
	if mode != "" && mode != "both" && !t.FitsMode(mode) {
		sc.score--
	}
	if sc.score <= 0 || sc.most == 0 {
		return 0
	}
	return min(sc.score/sc.most, 1)
}

// likeness adds up how much of what a step says a catalog step shares:
// score out of most.
type likeness struct{ score, most float64 }

// name: the item's name or heading shares two words with the technique's.
func (sc *likeness) name(s *Step, names map[string]bool) {
	if len(s.titleStems) == 0 {
		return
	}
	shared := 0
	for w := range names {
		if s.titleStems[w] {
			shared++
		}
	}
	if shared >= 2 {
		sc.score += 1.5
		sc.most += 1.5
	}
}

func (sc *likeness) area(s *Step, t *massage.Technique) {
	if s.Area == "" {
		sc.most++
		return
	}
	sc.most += 3
	switch {
	case contains(t.Areas, s.Area):
		sc.score += 3
	case t.Covers(s.Area):
		sc.score += 2
	default:
		sc.score -= 2
	}
}

func (sc *likeness) motion(s *Step, c *massage.Step) {
	mw := 2.0
	if s.guessed {
		mw = 0.5
	}
	sc.most += mw
	switch {
	case s.Motion == c.Motion:
		sc.score += mw
	case motionFamily[s.Motion] == motionFamily[c.Motion]:
		sc.score += 0.4 * mw
	}
}

func (sc *likeness) landmarks(s *Step, c *massage.Step) {
	if len(s.Landmarks) == 0 {
		return
	}
	sc.most += 2
	at := append([]string(nil), c.At...)
	for _, h := range c.Hands {
		at = append(at, h.At...)
	}
	shared := 0.0
	for _, l := range s.Landmarks {
		switch {
		case contains(at, l):
			shared++
		case relatedAny(l, at):
			shared += 0.5
		}
	}
	if shared > 0 {
		sc.score += min(2, 2*shared/float64(min(len(s.Landmarks), max(len(at), 1))))
	}
}

// hands: a telling part (knuckles, fist, thumbs) says more than palms.
func (sc *likeness) hands(s *Step, c *massage.Step) {
	if len(s.Hands) == 0 {
		return
	}
	best := 0.0
	for _, h := range s.Hands {
		if h.Role != "work" {
			continue
		}
		w := partWeight(h.Part)
		for _, g := range c.Hands {
			if g.Role == "work" && samePart(g.Part, h.Part) {
				v := w
				if g.Hand == h.Hand {
					v += 0.25
				}
				best = max(best, v)
			}
		}
	}
	sc.most += 1.25
	sc.score += min(best, 1.25)
}

// details: a finishing move, direction, turn, count and side.
func (sc *likeness) details(s *Step, t *massage.Technique, c *massage.Step) {
	if s.finish {
		sc.most += 0.5
		if t.FitsPhase("finish") {
			sc.score += 0.5
		}
	}
	if len(s.Direction) > 0 {
		sc.most++
		for _, d := range s.Direction {
			if contains(c.Direction, d) {
				sc.score++
				break
			}
		}
	}
	if s.Turn != "" {
		sc.most += 0.5
		if s.Turn == c.Turn {
			sc.score += 0.5
		}
	}
	if s.Repeat != nil {
		sc.most += 0.5
		if c.Repeat == *s.Repeat {
			sc.score += 0.5
		}
	}
	if s.Side != "" {
		sc.most += 0.5
		if s.Side == c.Side {
			sc.score += 0.5
		}
	}
}

type candidate struct {
	t    *massage.Technique
	k    int // step index
	conf float64
}

// matchTechniques gives each step the catalog step it is most like. The
// steps of one text are read together: staying with one technique and
// moving forward through its steps is a little more likely than jumping
// about, so near ties go to the reading that keeps the order.
func (d *doc) matchTechniques() {
	cat := d.opt.Catalog
	steps := d.res.Steps
	if len(steps) == 0 || len(cat.Techniques) == 0 {
		return
	}
	cands := candidates(cat, steps, d.res.Mode)
	path := bestPath(cands)
	for i, j := range path {
		if steps[i].replays > 0 {
			continue // a turn to the other side plays moves already matched
		}
		if j < len(cands[i]) && cands[i][j].conf >= MinConfidence {
			c := cands[i][j]
			steps[i].Technique = &Match{ID: c.t.ID, Name: c.t.Name, Step: c.k + 1, Confidence: round2(c.conf)}
			steps[i].sameMove = c.t.Steps[c.k].Motion == steps[i].Motion && sameMode(c.t, d.res.Mode)
		} else {
			steps[i].Unsure = append(steps[i].Unsure, "is like no technique in the catalog")
		}
	}
}

// sameMode reports a technique written for the text's own mode (or for
// either): only such a technique may lend an imported item its name, so a
// partner's circles are never named "Knead your hands and wrists".
func sameMode(t *massage.Technique, mode string) bool {
	return t.Mode == "both" || t.Mode == mode
}

// candidates are, per step, the catalog steps it is most like, best first.
func candidates(cat *massage.Catalog, steps []Step, mode string) [][]candidate {
	// Enough candidates per step that a large catalog's many near-equal
	// moves (Knead's own stroking of every area) do not crowd out the one
	// the path through the text would pick.
	const keep = 32
	names := make(map[*massage.Technique]map[string]bool, len(cat.Techniques))
	for _, t := range cat.Techniques {
		names[t] = contentStems(t.Name)
	}
	cands := make([][]candidate, len(steps))
	for i := range steps {
		var cs []candidate
		if steps[i].replays > 0 {
			continue // a turn to the other side is like no technique of its own
		}
		for _, t := range cat.Techniques {
			for k := range t.Steps {
				if c := stepScore(&steps[i], t, &t.Steps[k], mode, names); c > 0 {
					cs = append(cs, candidate{t, k, c})
				}
			}
		}
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].conf > cs[b].conf })
		if len(cs) > keep {
			cs = cs[:keep]
		}
		cands[i] = cs
	}
	return cands
}

// bestPath picks one candidate per step (or none: the index past the
// last candidate) so that likeness and the bonus for following a
// technique's steps in order add up to the most.
func bestPath(cands [][]candidate) []int {
	n := len(cands)
	best := make([][]float64, n)
	from := make([][]int, n)
	for i := range cands {
		best[i] = make([]float64, len(cands[i])+1) // the last slot: no technique
		from[i] = make([]int, len(cands[i])+1)
		for j := range best[i] {
			emit := 0.2
			if j < len(cands[i]) {
				emit = cands[i][j].conf
			}
			if i == 0 {
				best[i][j] = emit
				from[i][j] = -1
				continue
			}
			top, arg := -1.0, 0
			for p := range best[i-1] {
				v := best[i-1][p]
				if j < len(cands[i]) && p < len(cands[i-1]) {
					v += bonus(cands[i-1][p], cands[i][j])
				}
				if v > top {
					top, arg = v, p
				}
			}
			best[i][j] = top + emit
			from[i][j] = arg
		}
	}
	path := make([]int, n)
	j := 0
	for k := range best[n-1] {
		if best[n-1][k] > best[n-1][j] {
			j = k
		}
	}
	for i := n - 1; i >= 0; i-- {
		path[i] = j
		j = from[i][j]
	}
	return path
}

func bonus(a, b candidate) float64 {
	switch {
	case a.t == b.t && b.k > a.k:
		return 0.25
	case a.t == b.t && b.k == a.k:
		return 0.05
	case shareSource(a.t, b.t):
		return 0.1
	}
	return 0
}

func shareSource(a, b *massage.Technique) bool {
	for _, s := range a.Sources {
		if s != massage.OwnSource && contains(b.Sources, s) {
			return true
		}
	}
	return false
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// stepAreas are the areas the steps work on.
func (d *doc) stepAreas() []string {
	var out []string
	for _, s := range d.res.Steps {
		if s.Area != "" {
			out = appendNew(out, s.Area)
		}
	}
	return out
}

func areasMeet(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if massage.Overlaps(x, y) {
				return true
			}
		}
	}
	return false
}

// prepKeys are the words a catalog preparation's id or name must hold to
// be the preparation of a kind.
var prepKeys = map[string][][]string{
	"oil":        {{"oil"}},
	"cream":      {{"cream"}},
	"soak":       {{"soak"}},
	"dry":        {{"dry"}},
	"clean-hair": {{"wash", "hair"}, {"clean", "hair"}},
	"brush-hair": {{"brush", "hair"}},
	"warm-hands": {{"warm", "hands"}},
}

func (d *doc) matchPrep() {
	areas := d.stepAreas()
	for i := range d.res.Prep {
		p := &d.res.Prep[i]
		keys := prepKeys[p.Kind]
		if p.Kind == "position" {
			for _, t := range tokenize(p.Text) {
				if v, ok := verbs[t.w]; ok && positionVerbs[v.base] {
					keys = append(keys, []string{v.base})
				}
			}
		}
		for _, cp := range d.opt.Catalog.Preparations {
			if !areasMeet(cp.Areas, areas) {
				continue
			}
			ws := map[string]bool{}
			for _, w := range strings.Split(cp.ID, "-") {
				ws[w] = true
			}
			for _, t := range tokenize(cp.Name) {
				ws[t.w] = true
			}
			if p.Kind == "position" && cp.Kind != "position" {
				continue
			}
			if keysMet(keys, ws) {
				p.ID = cp.ID
				break
			}
		}
	}
}

func keysMet(keys [][]string, ws map[string]bool) bool {
	for _, all := range keys {
		ok := len(all) > 0
		for _, k := range all {
			if !ws[k] {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// conditionWords say what a contraindication is about.
var conditionWords = map[string][2][]string{
	"unhealthy-scalp": {{"scalp", "hair", "head"}, {"abrasion", "abrasions", "disease", "unhealthy", "sores", "sore", "scrapes", "cuts", "wound", "wounds", "infection", "rash", "lice"}},
	"inflamed-joint":  {{"joint", "joints", "wrist", "elbow", "ankle", "knee", "knuckles", "fingers", "hip", "toes"}, {"arthritic", "arthritis", "inflamed", "swollen", "hot", "painful", "rheumatoid"}},
}

func (d *doc) matchCautions() {
	areas := d.stepAreas()
	says := make(map[string]map[string]bool, len(d.opt.Catalog.Cautions))
	if len(d.res.Warnings) > 0 {
		for _, c := range d.opt.Catalog.Cautions {
			says[c.ID] = contentStems(c.Say)
		}
	}
	for i := range d.res.Warnings {
		w := &d.res.Warnings[i]
		w.Caution = d.matchCautionsBest(w.Text, areas, says)
	}
}

// matchCautionsBest is the catalogue's caution a warning's text matches
// best, by what it names and the words it shares with the caution, or "".
func (d *doc) matchCautionsBest(text string, areas []string, says map[string]map[string]bool) string {
	s := &sentence{text: text}
	analyze(s)
	ws := contentStems(text)
	words := map[string]bool{}
	for _, t := range s.toks {
		words[t.w] = true
	}
	bestID, top := "", 1.4
	for _, c := range d.opt.Catalog.Cautions {
		score, ok := matchCautionsNamed(c, s, words, areas)
		if !ok {
			continue
		}
		shared := 0
		for st := range says[c.ID] {
			if ws[st] {
				shared++
			}
		}
		score += float64(min(shared, 3)) * 0.75
		if score > top {
			bestID, top = c.ID, score
		}
	}
	return bestID
}

// matchCautionsNamed scores a caution by the landmark and the condition the
// warning names, or says false when the caution cannot be the warning's: a
// contraindication whose condition is not named, or one for other areas.
func matchCautionsNamed(c *massage.Caution, s *sentence, words map[string]bool,
	areas []string) (float64, bool) {
	score := 0.0
	named := false
	for _, l := range c.Landmarks {
		if lm, ok := massage.LandmarkByID(l); ok && lm.Avoid && (s.avoid || words["spine"]) || contains(s.landmarks, l) {
			score += 2
			named = true
			break
		}
	}
	if c.Condition != "" {
		if cw, ok := conditionWords[c.Condition]; ok && anyWord(words, cw[0]) && anyWord(words, cw[1]) {
			score += 2
			named = true
		} else if c.Kind == "contraindication" {
			return score, false
		}
	}
	if !named && !areasMeet(c.Areas, append(append([]string{}, areas...), s.areas...)) {
		return score, false
	}
	return score, true
}

func anyWord(have map[string]bool, list []string) bool {
	for _, w := range list {
		if have[w] {
			return true
		}
	}
	return false
}

func partWeight(p string) float64 {
	switch p {
	case "knuckles", "fist", "forearm", "elbow", "heels-of-hands", "thumbs", "finger-pads":
		return 1
	}
	return 0.5
}

func samePart(a, b string) bool {
	if a == b {
		return true
	}
	flat := func(p string) bool { return p == "palms" || p == "whole-hand" }
	tips := func(p string) bool { return p == "fingertips" || p == "finger-pads" || p == "fingers" }
	return flat(a) && flat(b) || tips(a) && tips(b)
}

// related landmarks are near enough to count for half: "the hairline"
// and "the front hairline", "the sole" and "the arch".
var related = [][]string{
	{"hairline", "front-hairline"},
	{"sole", "heel", "arch", "ball-of-foot"},
	{"instep", "foot-tendons", "sides-of-foot"},
	{"back-of-head", "back-of-head-middle", "crown", "base-of-skull"},
	{"sides-of-head", "above-ears", "temples"},
	{"ear", "earlobe"},
	{"palm", "fingers", "back-of-hand"},
	{"calf", "shin"},
	{"lower-back", "waist", "middle-back"},
	{"middle-back", "shoulder-blades", "ribs"},
	{"back-of-neck", "sides-of-neck", "base-of-neck", "below-ears"},
	{"tops-of-shoulders", "shoulder-joint", "shoulder-blades"},
	{"lower-thigh", "upper-thigh"},
	{"lower-biceps", "upper-biceps", "triceps"},
	{"stomach", "navel"},
	{"ankle", "ankle-bones"},
	{"jaw-line", "jaw-joint", "chin", "cheeks"},
	{"forehead", "temples"},
}

func relatedAny(l string, at []string) bool {
	for _, g := range related {
		if !contains(g, l) {
			continue
		}
		for _, a := range at {
			if a != l && contains(g, a) {
				return true
			}
		}
	}
	return false
}
