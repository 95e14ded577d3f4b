package howto

import (
	"strings"

	"github.com/knead/knead/massage"
)

// Steps: a step draft gathers the sentences of one step as they are
// filed, with the places, directions and motion they name so far.

func (st *stepDraft) motion() string {
	id, _, _ := st.motionGuess()
	return id
}

// closedByCount reports a step whose last sentence only counts it: "Do
// 3 to 4 times daily.", "Repeat 5 times.", "Hold for 10 seconds."
func (st *stepDraft) closedByCount() bool {
	n := len(st.sents)
	if n < 2 || st.roles[n-1] != 2 {
		return false
	}
	last := st.sents[n-1]
	return (!last.rep.IsZero() || !last.secs.IsZero()) && !last.hasLoc() && !last.hasStrong()
}

func (st *stepDraft) add(s *sentence, role int) {
	st.sents = append(st.sents, s)
	st.roles = append(st.roles, role)
	st.last = s.b
	if st.first == nil {
		st.first = s.b
	}
	for _, d := range s.dirs {
		if role != 0 { // a sentence that only places the hands goes nowhere
			st.dirList = appendNew(st.dirList, d)
		}
	}
	if st.placeSet == nil {
		st.placeSet = map[string]bool{}
	}
	for _, l := range s.landmarks {
		st.placeSet[l] = true
	}
	for _, a := range s.areas {
		st.placeSet[a] = true
	}
}

func (st *stepDraft) hasMove() bool {
	for _, r := range st.roles {
		if r == 1 {
			return true
		}
	}
	return false
}

// full reports a step that has taken in as many sentences as any step
// reasonably has; what follows starts a new one.
func (st *stepDraft) full() bool { return len(st.sents) >= maxStepSentences }

// strongMove reports whether the step has a named motion, not only a
// general verb like "move" or "massage".
func (st *stepDraft) strongMove() bool {
	for i, s := range st.sents {
		if st.roles[i] == 1 && s.hasStrong() {
			return true
		}
	}
	return false
}

func (st *stepDraft) dirs() []string { return st.dirList }

func (st *stepDraft) places() map[string]bool { return st.placeSet }

func (d *doc) closeStep() {
	if d.cur != nil && d.cur.hasMove() {
		d.steps = append(d.steps, d.cur)
	}
	d.cur = nil
}

// motion picks the step's motion from what its sentences name, and says
// whether it was only guessed from a general verb.
func (st *stepDraft) motionGuess() (id string, guessed bool, from string) {
	ms := st.moveMotions()
	for _, m := range ms {
		if m.id == "draw-through" || m.id == "press-climb" {
			return m.id, false, ""
		}
	}
	if st.hintNear && st.hint != "" {
		return st.hint, false, ""
	}
	if id := namedMotion(ms); id != "" {
		return id, false, ""
	}
	if st.copied != "" {
		return st.copied, false, ""
	}
	if st.hint != "" {
		return st.hint, false, ""
	}
	if id := st.titleMotion(); id != "" {
		return id, false, ""
	}
	return st.generalMotion(ms)
}

// protected motions are not overridden by "in circles".
var protectedMotion = map[string]bool{"rake": true, "fan": true, "chop": true, "tap": true,
	"draw-through": true, "press-climb": true, "rotate": true, "squeeze": true}

// moveMotions are the motions of the step's move sentences, the main
// clause's first: in "When that circle is done, slide on to the next
// spot", the motion is the slide.
func (st *stepDraft) moveMotions() []motionMention {
	var ms []motionMention
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		for _, m := range s.motions {
			if m.ti >= s.vi {
				ms = append(ms, m)
			}
		}
		for _, m := range s.motions {
			if m.ti < s.vi {
				ms = append(ms, m)
			}
		}
	}
	return ms
}

// namedMotion is the first motion named by its own word, or circling
// when only a manner names one ("in little circles"); "" for none.
func namedMotion(ms []motionMention) string {
	manner := false
	for _, m := range ms {
		if m.strength == 2 {
			manner = true
		}
	}
	for i, m := range ms {
		if m.strength == 1 && m.id != "hold" && (!manner || protectedMotion[m.id]) {
			// "Slide your fingertips behind the ears and make small
			// circles": the slide only brings the hands there.
			if m.id == "glide" && strings.HasPrefix(m.word, "slid") {
				for _, n := range ms[i+1:] {
					if n.strength == 1 && n.id != "glide" && n.id != "hold" {
						return n.id
					}
				}
			}
			return m.id
		}
	}
	if manner {
		return "circle"
	}
	return ""
}

// titleMotion is the motion a title over the step names: "The Fan
// Stroke", "Circles."
func (st *stepDraft) titleMotion() string {
	for _, t := range st.titles() {
		if id := motionOfText(t); id != "" {
			return id
		}
	}
	return ""
}

// titles are the name of the step's item and the heading it is under, as
// far as they name anything.
func (st *stepDraft) titles() []string {
	var out []string
	for _, b := range []*block{st.first, st.section} {
		if b == nil || b.blind {
			continue
		}
		t := b.title
		if b.kind == bHeading {
			t = b.text
		}
		out = append(out, t)
	}
	return out
}

// generalMotion guesses the motion from a general verb ("move", "work").
func (st *stepDraft) generalMotion(ms []motionMention) (string, bool, string) {
	for _, m := range ms {
		switch {
		case m.id == "hold":
			return "hold", false, ""
		case m.word == "move" || m.word == "moves" || m.word == "moving" || m.word == "go":
			return "glide", true, m.word
		default:
			return "rub", true, m.word
		}
	}
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		for _, m := range s.motions {
			return m.id, true, m.word
		}
	}
	return "hold", true, ""
}

func motionOfText(t string) string {
	if t == "" {
		return ""
	}
	toks := tokenize(t)
	stm := makeStream(toks)
	for _, h := range words.scan(stm.ws) {
		for _, v := range h.e.vals {
			if v.c == cMotion || v.c == cManner {
				return v.id
			}
		}
	}
	return ""
}

// placeArea is the area of a place: a landmark's area, or the area itself.
func placeArea(p string) string {
	if lm, ok := massage.LandmarkByID(p); ok {
		return lm.Area
	}
	return p
}

// announce reports whether the step is only a short heading-like sentence
// such as "Next, knead the calf."
func (st *stepDraft) announce() bool {
	if len(st.sents) != 1 || st.sents[0].split {
		return false
	}
	n := len(st.sents[0].st.ws)
	s := st.sents[0]
	return n <= 5 || n <= 8 && !s.hasStrong() && (s.verb.c == vMove || s.verb.base == "go")
}
