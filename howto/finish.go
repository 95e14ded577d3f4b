package howto

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/knead/knead/massage"
)

// Assemble: once every sentence is filed, doc.finish decides the mode,
// builds each step from its draft and names the preparations and
// cautions after the catalog's.

// repeatsEarlier reports a step that says it plays an earlier move again:
// "go back to the long strokes from the start", "Repeat the warm-up glide",
// "Finish with the stroking in step 1".
func repeatsEarlier(st *stepDraft) bool {
	if st.sents[0].replays() {
		return true // "Repeat the long stroke of row 1"
	}
	ws := st.sents[0].st.ws
	for i, w := range ws {
		switch {
		case w == "again", w == "back" && i+1 < len(ws) && ws[i+1] == "to",
			w == "start" && i > 0 && ws[i-1] == "from",
			w == "step" && i+1 < len(ws) && (numberWords[ws[i+1]] > 0 || ws[i+1][0] >= '0' && ws[i+1][0] <= '9'),
			w == "repeat" && i+1 < len(ws) && isMotionNoun(ws[i+1]), w == "warm" && i+1 < len(ws) && ws[i+1] == "up":
			return true
		}
	}
	return false
}

// areaOfRepeated gives a step that plays an earlier move again, and names
// no area, the area of the first earlier step with that motion.
func (d *doc) areaOfRepeated(s *Step) {
	for _, e := range d.res.Steps {
		if e.Motion == s.Motion && e.Area != "" {
			for i, u := range s.Unsure {
				if strings.HasPrefix(u, "names no body area: taken to be the same") {
					s.Unsure[i] = fmt.Sprintf("names no body area: taken from step %d, whose move it repeats (%s)", e.N, e.Area)
				}
			}
			s.Area = e.Area
			return
		}
	}
}

// finish decides the mode, builds the steps and matches them to the catalog.
func (d *doc) finish() {
	// in the text's order (a preparation asked for after it was named in
	// passing took the asking's line)
	slices.SortStableFunc(d.res.Prep, func(a, b Prep) int { return a.Line - b.Line })
	d.res.Mode = d.mode()
	prevArea := ""
	var prevSection *block
	for i, st := range d.steps {
		s := d.build(st, prevArea, prevSection)
		s.N = i + 1
		if s.borrowed && repeatsEarlier(st) {
			d.areaOfRepeated(&s)
		}
		if st.switched {
			d.switchInto(&s, i)
		}
		if st.replay > 0 && st.replay <= len(d.res.Steps) {
			// "Repeat step 1.": the place of the step it plays again
			s.Area = d.res.Steps[st.replay-1].Area
			s.Unsure = slices.DeleteFunc(s.Unsure, func(u string) bool { return strings.HasPrefix(u, "names no body area") })
		}
		prevArea, prevSection = s.Area, st.section
		s.Areas = stepAreas(st, s.Area)
		if s.Area == "glutes" {
			s.Landmarks = slices.DeleteFunc(s.Landmarks, func(l string) bool { return l == "cheeks" }) // the buttock's, not the face's
		}
		d.res.Steps = append(d.res.Steps, s)
	}
	d.modeOfNoOne()
	d.modeByModel()
	d.prepByModel()
	d.warnByModel()
	if d.opt.Catalog != nil {
		d.matchTechniques()
		d.matchPrep()
		d.matchCautions()
	}
	for _, s := range d.res.Steps {
		for _, u := range s.Unsure {
			d.res.Unsure = append(d.res.Unsure, fmt.Sprintf("step %d (line %d): %s", s.N, s.Line, u))
		}
	}
	d.res.noNils()
	sort.SliceStable(d.res.Skipped, func(i, j int) bool { return d.res.Skipped[i].Line < d.res.Skipped[j].Line })
}

// mode decides whom the text is for from the pronouns and persons its
// sentences name.
func (d *doc) mode() string {
	switch {
	case d.self == 0 && d.partner == 0:
		d.res.Unsure = append(d.res.Unsure, "the text does not say whether it is for yourself or a partner")
		return "both"
	case d.partner > 1.5*d.self, d.receivers >= 2 && !d.yourself && !d.either && d.partner > d.self,
		d.iOnYou && !d.yourself:
		// (the author who lays their hands on "your lower back" gives
		// the massage: a plan for two, whoever receives the next one)
		// A text that names the receiver as a person ("the person's calf")
		// is for a partner, whatever the giver's own arm or thigh does.
		return "partner"
	case d.self > 1.5*d.partner && !d.either:
		return "self"
	}
	return "both"
}

// modeOfNoOne decides the mode of a text that names no one, neither a
// receiver nor "your" body: from where its moves work. The back is out of
// one's own reach without a tool, so moves mostly on the back are a
// partner's; others a reader's own ("Knead the calf", "Circle the
// temples"), as blind labellers read 27 such texts in 35.
func (d *doc) modeOfNoOne() {
	if d.res.Mode != "both" || d.self != 0 || d.partner != 0 || len(d.res.Steps) == 0 {
		return
	}
	back := 0
	for _, s := range d.res.Steps {
		if s.Area != "" && massage.Overlaps(s.Area, "back") || s.Area == "glutes" {
			back++
		}
	}
	why := "yourself, since its moves work places one reaches oneself"
	d.res.Mode = "self"
	if 2*back > len(d.res.Steps) && !d.toolUsed() {
		why = "a partner, since most of its moves work the back, which one cannot reach oneself"
		d.res.Mode = "partner"
	}
	for i, u := range d.res.Unsure {
		if strings.HasPrefix(u, "the text does not say whether") {
			d.res.Unsure[i] = u + ": taken to be for " + why
		}
	}
}

// toolUsed reports a step or preparation that names a tool one massages
// oneself with.
func (d *doc) toolUsed() bool {
	for _, p := range d.res.Prep {
		if p.Kind == "tool" {
			return true
		}
	}
	for _, s := range d.res.Steps {
		for _, x := range tokenize(s.Text) {
			if selfTools[x.w] {
				return true
			}
		}
	}
	return false
}

// noNils makes the result's lists empty rather than nil, for --json.
func (r *Result) noNils() {
	if r.Steps == nil {
		r.Steps = []Step{}
	}
	if r.Unsure == nil {
		r.Unsure = []string{}
	}
	if r.Prep == nil {
		r.Prep = []Prep{}
	}
	if r.Warnings == nil {
		r.Warnings = []Warning{}
	}
	if r.Claims == nil {
		r.Claims = []Claim{}
	}
	if r.Tips == nil {
		r.Tips = []Note{}
	}
	if r.Skipped == nil {
		r.Skipped = []Skip{}
	}
}
