package howto

import "strings"

// Classify, where the role model decides what the rules could not: a
// move behind a verb no list holds, a caution with no warning verb, a
// negation that warns of nothing, a tip that must not split a step. The
// rules stay where they are sure; the model's word counts only with the
// sentence's structure behind it (a main verb found after the openers)
// and a high confidence.

const (
	moveSure     = 0.55 // the model's probability of a move that makes an instruction of a sentence the rules read as none
	toldSure     = 0.45 // the same when a subject does it with a verb of the hands on a place: "The first thing I do is wrap my hand round the ankle"
	leadSure     = 0.55 // of a move whatever its subject or verb, when it works a place (modelLed)
	fragmentSure = 0.50 // the same for words with no subject or verb that name a stroke and a place
	warnSure     = 0.70 // of a warning the rules did not see
	warnCueSure  = 0.20 // the same for a sentence with a word a caution turns on ("careful", "avoid", "pain", "never", …)
	warnNone     = 0.05 // below it, a negation the rules took for a warning warns of nothing
)

// guessRoles asks the model about every sentence of a block.
func (d *doc) guessRoles(b *block) {
	m := d.models()
	if m == nil {
		return
	}
	d.chainMsg = m.classifyBlock(m.transitions(), d.chainMsg, b.sents)
}

// asksForLesson reports an adviser asked to teach, show or recommend
// ("Ask your doctor to recommend a massage therapist …", "ask your
// physical therapist to teach you …"): a lesson offered, not a caution,
// however much it reads like "ask your doctor first".
func (s *sentence) asksForLesson() bool {
	for i, x := range s.toks {
		if x.w == "ask" && teachesAfter(s.toks, i+1) {
			return true
		}
	}
	return false
}

// modelWarning lets the warning model add a caution the rules missed
// ("being careful not to …", "as far as is comfortable") or drop a
// negation that warns of nothing ("don't be afraid to …").
func (s *sentence) modelWarning() {
	g := s.guess
	if g.role == "" || s.b != nil && s.b.kind == bHeading {
		return
	}
	// a word a caution turns on lets the model warn at a lower
	// probability; a negation that only lets the reader off ("If the room
	// is warm, you don't need a blanket"), with no such word, never warns
	cue, permits := s.cautionCues()
	switch {
	case !s.warning && !s.leadsIn() && !(permits && !cue) && (g.pWarn >= warnSure || g.pWarn >= warnCueSure && cue) && !s.asksForLesson() && !s.staysOnSpot() && !s.warnsOfNothing():
		s.warning = true
		if at := cautionStart(s.toks); at > 0 {
			s.warnAt = at
		}
		s.modelSaid = true
	case s.warning && g.pWarn < warnNone && !s.warnLead:
		s.warning, s.warnAt = false, -1
		s.modelSaid = true
	}
}

// staysOnSpot reports a condition whose answer is to keep working the
// spot ("If you do find any knotty areas, stick around there and work
// into them"): however much it reads like "if you find a lump", it
// warns of nothing.
func (s *sentence) staysOnSpot() bool {
	t := s.toks
	return len(t) > 0 && t[0].w == "if" && staysOn(t, 1)
}

// warnsOfNothing reports a sentence shaped like a caution that is none: a
// reader's past told to lead in ("If you've ever felt that stabbing pain
// in your heel, …").
func (s *sentence) warnsOfNothing() bool {
	t := s.toks
	return len(t) > 0 && t[0].w == "if" && everBefore(t, 1)
}

// cautionStart is where a caution inside a step sentence begins: the
// clause after the last comma or dash before its cue word, or -1.
func cautionStart(t []token) int {
	for i, x := range t {
		if cautionCue[x.w] {
			for k := i; k > 0; k-- {
				if t[k-1].w == "," || t[k-1].w == "-" || t[k-1].w == ";" || t[k-1].w == "(" {
					return k
				}
			}
			return -1
		}
	}
	return -1
}

// cautionCue are words a caution inside a step turns on; strongCautionCue
// those of them that warn on their own, not a pressure ("lighter on the
// more sensitive parts" only tells how hard to press).
var (
	strongCautionCue = wordSet(strongCautionWords)
	cautionCue       = wordSet(strongCautionWords + " sensitive gently lighter lightly")
)

const strongCautionWords = "careful avoid avoiding away comfortable comfortably hurts hurt pain painful never not don't stop tender bone bones"

// cautionCues reports whether the sentence holds a word of
// strongCautionCue that warns (a negation only when it forbids), and
// whether it holds a negation that forbids nothing: "you don't need
// oil", "don't be shy", "don't forget the feet".
func (s *sentence) cautionCues() (cue, permits bool) {
	for i, x := range s.toks {
		switch {
		case (x.w == "not" || x.w == "don't" || x.w == "no") && i+1 < len(s.toks) && permissive[s.toks[i+1].w]:
			permits = true
		case strongCautionCue[x.w]:
			cue = true
		}
	}
	return cue, permits
}

// permissive are words after a negation that make it forbid nothing.
var permissive = wordSet("need needs have be worry bother forget")

// modelMove makes an instruction of a sentence the rules read as none,
// or as no hands-on move, when the model is sure it is a move and its
// structure says so: a verb first with an object ("Sink the pads of your
// thumbs …", "Do the milking motion"), or a subject that does it ("I wrap
// my hand round …", "you scoop …").
func (s *sentence) modelMove() bool {
	g, sh := s.guess, s.shape
	if s.warnLead || s.claim && s.narrative || repeatsByNumber(s.toks) || s.aim() {
		// "Repeat 5.4 on the left arm.": the moves again by their numbers,
		// not a move; "Learning outcome: …" an aim
		return false
	}
	if s.modelLed() {
		return true
	}
	if sh.vi < 0 {
		return false
	}
	sure := moveSure
	if v, ok := verbs[sh.word]; ok && (v.c == vMove || v.c == vPlace) && (sh.person == "i" || sh.person == "you") && s.hasLoc() {
		sure = toldSure
	}
	if !(g.role == RoleMove && g.pMove >= sure || s.opensItem() && g.pMove+g.pMod >= moveSure && s.hasLoc()) {
		return false
	}
	if !(sh.imperative || sh.person == "you" || sh.person == "i" || sh.person == "hands") {
		return false
	}
	if !(s.hasLoc() || s.hasPart() || s.tool || len(s.motions) > 0) {
		return false
	}
	if (sh.word == "keep" || sh.word == "let") && !s.hasLoc() {
		return false // "Always keep your hands loose …": how the giver's hands are held
	}
	if s.form == fNone {
		s.form, s.vi = fImperative, sh.vi
		if sh.person != "" {
			s.form = fYou
		}
		if v, ok := verbs[sh.word]; ok {
			s.verb = v
		} else {
			s.verb = verb{base: lemma(sh.word), c: vMove}
		}
	}
	s.modelSaid = true
	return true
}

// modelLed makes a move of a sentence the model reads as one with a
// probability of leadSure or more, whatever its subject and whether or
// not it has a verb, when it works a place: "I'll start by laying both
// hands flat on your lower back …", "Your left shoulder blade gets its
// own attention next, with my thumbs going round the edge …", "hands
// either side of your spine, sliding all the way up …".
func (s *sentence) modelLed() bool {
	g, sh := s.guess, s.shape
	sure := leadSure
	if s.form == fNone && sh.person == "" && !sh.imperative && s.hasStrong() && s.hasLoc() && !s.opensDefinite() {
		sure = fragmentSure // "Flat fingers clockwise round her belly button", "thumb work in small circles on the back": hands, a stroke, a place
	}
	if g.role != RoleMove || g.pMove < sure || !(s.hasLoc() || s.hasPart()) || s.says() || strings.HasSuffix(strings.TrimSpace(s.text), "?") {
		return false
	}
	if s.form == fNone {
		s.form, s.vi = fFragment, 0
		if sh.vi >= 0 {
			s.form, s.vi = fYou, sh.vi
			if sh.imperative {
				s.form = fImperative
			}
		}
		if v, ok := verbs[sh.word]; ok && sh.vi >= 0 {
			s.verb = v
		} else {
			s.verb = verb{base: lemma(sh.word), c: vMove}
		}
	}
	s.modelSaid = true
	return true
}

// says reports a statement about a move rather than the move: "is",
// "are" or "was" among its first eight words, unless "I", "you" or "we"
// opens it ("Kneading with your fist is a good way to …").
func (s *sentence) says() bool {
	n := 0
	for _, t := range s.toks {
		if t.kind != tWord {
			continue
		}
		if n++; n > 8 {
			return false
		}
		switch t.w {
		case "i", "i'll", "i'd", "you", "you'll", "we", "we'll":
			if n <= 2 {
				return false
			}
		case "is", "are", "was", "were", "it's":
			return true
		}
	}
	return false
}

// opensDefinite reports a sentence that opens on "the", "this" or "it":
// what follows is its subject, of a statement ("The trapezius runs from
// the base of the skull …"), not a move told in a few words.
func (s *sentence) opensDefinite() bool {
	for _, t := range s.toks {
		if t.kind == tWord {
			return t.w == "the" || t.w == "this" || t.w == "these" || t.w == "that" || t.w == "it" || t.w == "its"
		}
	}
	return false
}

// opensItem reports the first sentence of a list item: a move there
// starts a step, as nothing merges across items ("2. Do the milking
// motion up the calf" after item 1).
func (s *sentence) opensItem() bool {
	return s.b != nil && s.b.kind == bItem && s.idx == 0
}

// tipOnly reports a tip that goes with no step: a sentence under a "Tip"
// label. It never splits a step or starts one.
func (d *doc) tipOnly(s *sentence) bool {
	if s.b == nil || !tipBlock(s.b) || s.form == fNone {
		return false
	}
	d.res.Tips = append(d.res.Tips, Note{Text: s.text, Line: s.line})
	return true
}
