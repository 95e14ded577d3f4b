package howto

import (
	"strings"

	"github.com/knead/knead/massage"
)

// Steps: each sentence, once read, is filed (doc.sentence): tallied for
// the mode, the warnings, the claims and the preparations, then set aside,
// taken as changing the step before, joined to it, or made a new step.

// sentence files one sentence: as part of a step, a preparation, a
// warning, a claim or a tip.
func (d *doc) sentence(s *sentence) {
	d.tally(s)
	if d.tipOnly(s) || d.sideSwitch(s) || d.turnGoesOn(s) {
		return
	}
	if s.form == fNone {
		if d.cur != nil && (d.cur.last == s.b || s.idx == 0 && continues(s.b)) && s.modifierNoVerb() {
			d.cur.add(s, 2)
		}
		if s.placesHands() {
			// "Fingertips in the crease at the front of the hip." then
			// "Press gently and hold …": the hands set for the move after
			d.closeStep()
			d.pending = &stepDraft{section: s.b.section}
			d.pending.add(s, 0)
		}
		return
	}
	if d.aside(s) {
		return
	}
	if d.cur != nil && d.cur.full() {
		d.closeStep()
	}
	if d.pending != nil && d.pending.full() {
		d.pending = nil
	}
	if d.notMove(s) || d.changesStep(s) || !d.handsOn(s) {
		return
	}
	if d.pending != nil {
		d.closeStep()
		d.cur, d.pending = d.pending, nil
		d.cur.still = s.holdStep()
		d.cur.add(s, 1)
		d.takeHint(s)
		d.takeContext(s)
		return
	}
	if d.cur != nil && d.continuesStep(s) {
		return
	}
	d.closeStep()
	d.cur = &stepDraft{section: s.b.section, still: s.holdStep()}
	d.cur.add(s, 1)
	d.takeHint(s)
	d.takeContext(s)
}

// turnGoesOn adds to a turn to the other side that opens a list item
// what the item says after it of the turn ("Other side. Help her roll
// over onto her right side and repeat the whole thing from the top."): an
// item is one step.
func (d *doc) turnGoesOn(s *sentence) bool {
	if d.cur != nil || d.pending != nil || len(d.steps) == 0 || s.b.kind != bItem || s.warning {
		return false
	}
	last := d.steps[len(d.steps)-1]
	if !last.switched || last.last != s.b {
		return false
	}
	for _, w := range s.st.ws {
		if w == "repeat" || w == "again" || w == "same" {
			last.add(s, 2)
			return true
		}
	}
	return false
}

// testimony reports someone's word on what the routine does for them:
// "Barbara finds it keeps her hands from aching", "he swears by this
// before he starts", "She says it keeps her hands from cramping".
func testimony(t []token) bool {
	for i := 0; i+1 < len(t); i++ {
		switch t[i].w {
		case "says", "said", "reckons", "swears", "finds", "found", "insists":
			if t[i+1].w == "it" || t[i+1].w == "this" || t[i+1].w == "by" && i+2 < len(t) && (t[i+2].w == "it" || t[i+2].w == "this") {
				return true
			}
		}
	}
	return false
}

// doneWords say a massage is given by someone else, even in a testimony:
// "Runners who have their calves done regularly report …".
var doneWords = wordSet("done treated massaged")

// tally counts what every sentence says whatever its role: who receives,
// warnings, claims, preparations, and a sentence that names a move or a
// place without instructing, for the step that follows.
func (d *doc) tally(s *sentence) {
	w := 1.0
	if s.form == fNone {
		w = 0.5
	}
	d.self += w * float64(s.self)
	d.receivers += s.receivers
	d.yourself = d.yourself || s.yourself
	d.iOnYou = d.iOnYou || s.iOnYou
	if !((s.claim || testimony(s.toks)) && s.receivers == 0 && s.form == fNone && !hasAnyWord(s.toks, doneWords)) {
		// "Dan swears it keeps his hands from seizing up": a testimony
		// names whom it helped, not whom the text is for
		d.partner += w * float64(s.partner)
	}
	d.either = d.either || offersPartner(s.toks)

	if s.warning {
		w := Warning{Text: s.text, Line: s.line}
		if s.b != nil && s.b.lead != nil && s.b.lead.leadText != "" {
			w.Lead = s.b.lead.leadText
		}
		d.res.Warnings = append(d.res.Warnings, w)
		d.warnSents = append(d.warnSents, s)
	}
	if s.claim {
		d.res.Claims = append(d.res.Claims, Claim{Text: s.text, Line: s.line})
	}
	d.findPrep(s)
	if s.form == fNone && s.defines() != "" {
		d.hint = s
	}
	if s.form == fNone && s.hasLoc() && !s.warning && !s.claim {
		d.place = s // "The bit most people miss is along the inner edge of the shoulder blade."
	} else if s.tool && s.hasLoc() && !s.warning && !s.claim && positionVerbs[s.verb.base] {
		d.place = s // "Lie on your side with the ball under the outside of your hip, … and make small rolls"
	}
}

// aside reports an instruction that is no move: one that only warns, or
// a claim told as a story or after its move.
func (d *doc) aside(s *sentence) bool {
	switch {
	case s.warnLead || s.warnOnly():
		return true
	case s.claim && s.narrative:
		return true
	case s.form == fGerund && s.claim && d.covered(s):
		return true // "Rolling the upper back loosens stiff muscles", after the rolling: what it does, not a step
	}
	return false
}

// notMove keeps an instruction that prepares or advises, not a move.
func (d *doc) notMove(s *sentence) bool {
	switch {
	case s.asksReader() || s.readsOn():
		return true // "Have you ever wondered how to give yourself a scalp massage?", "Keep reading this article …"
	case s.prepOnly() || s.productSetup():
		return true
	case s.aboutTechniques() || s.makeSure() || s.bodyMechanics() || s.breathing() || s.pressureOnly():
		d.res.Tips = append(d.res.Tips, Note{Text: s.text, Line: s.line})
		return true
	case s.receiverPosition() || s.movesFurniture():
		d.addPrep("position", s)
		return true
	case s.undresses():
		d.res.Tips = append(d.res.Tips, Note{Text: s.text, Line: s.line})
		return true
	}
	return false
}

// clothes are what is taken off or rolled up before a massage.
var clothes = wordSet("sleeve sleeves shirt shoes shoe socks sock clothing clothes collar trousers " +
	"jumper sweater jacket blouse tights scarf belt trouser")

// seats are what a body sits or lies on.
var seats = wordSet("seat chair bed table stool sofa couch headrest recliner")

// undresses reports an instruction that takes off or rolls up clothes:
// "Roll up the sleeve.", "The receiver should take off their shoes and
// loosen any tight clothing." It gets the body ready; it is no move.
func (s *sentence) undresses() bool {
	return s.vi >= 0 && s.objectIn(clothes, 4)
}

// movesFurniture reports an instruction whose object is what the body
// sits or lies on: "Slide the seat back so your knees are only slightly
// bent." It is the position, not a move of the hands.
func (s *sentence) movesFurniture() bool {
	return s.vi >= 0 && s.objectIn(seats, 2)
}

// objectIn reports a word of the set within n words after the main verb,
// past a determiner or particle: the verb's object.
func (s *sentence) objectIn(set map[string]bool, n int) bool {
	for k := s.vi + 1; k < len(s.toks) && k <= s.vi+n; k++ {
		w := s.toks[k].w
		if set[w] {
			return true
		}
		if !(dets[w] || w == "up" || w == "off" || w == "out" || w == "back" || w == "any" || w == "tight" || w == "their" || w == "his" || w == "her" || w == "loose") {
			return false
		}
	}
	return false
}

// doesPlace reports "do" with a place as its object: "Now do the
// fingers.", "Do the calves next." The place is worked, by the move the
// text has in hand; "do the same" and "do it again" change the step
// before instead.
func (s *sentence) doesPlace() bool {
	t := s.toks
	if s.vi < 0 || s.verb.base != "do" || s.vi+2 >= len(t) || !s.hasLoc() {
		return false
	}
	k := s.vi + 1
	if dets[t[k].w] || t[k].w == "both" || t[k].w == "each" {
		k++
	}
	return k < len(t) && bodyWord(t[k].w) && t[k].w != "same"
}

// readsOn reports the page talking about itself: "Keep reading this
// article and you will know how …", "Read on to find out …", "scroll
// down for the steps", "Follow these step-by-step instructions …".
func (s *sentence) readsOn() bool {
	for i, x := range s.toks {
		if x.w == "follow" && i+2 < len(s.toks) && (s.toks[i+1].w == "these" || s.toks[i+1].w == "the" || s.toks[i+1].w == "this") {
			for q := i + 2; q < len(s.toks) && q <= i+8; q++ {
				switch s.toks[q].w {
				case "instructions", "steps", "guide", "tips", "directions":
					return true // "Follow these step-by-step instructions with the patient …"
				}
			}
		}
		if x.w != "reading" && x.w != "read" && x.w != "scroll" {
			continue
		}
		for q := i + 1; q < len(s.toks) && q <= i+3; q++ {
			switch s.toks[q].w {
			case "article", "post", "guide", "blog", "page", "below", "on", "down":
				return true
			}
		}
	}
	return false
}

// bodyMechanics reports advice on how the giver uses their own weight,
// naming no place worked: "Lean your body weight in rather than pushing
// with your arms" (not "Lean into the calf with your body weight").
func (s *sentence) bodyMechanics() bool {
	if s.handsKeptLoose() {
		return true
	}
	if len(s.areas) > 0 || len(s.landmarks) > 0 {
		return false
	}
	for i, x := range s.toks {
		if x.w == "weight" && i > 0 && s.toks[i-1].w == "body" {
			return true
		}
	}
	return false
}

// breathing reports an instruction to breathe that names no place: "Relax:
// Take a few deep breaths to relax and prepare for the massage."
func (s *sentence) breathing() bool {
	if s.vi < 0 || len(s.areas) > 0 || len(s.landmarks) > 0 || s.hasStrong() {
		return false
	}
	if s.verb.base == "breathe" {
		return true
	}
	// "Relax: Take a few deep breaths …", "Ask him/her to take a few
	// deep breaths, allowing …": the breaths taken wherever the verb is
	for i, x := range s.toks {
		if x.w != "take" && x.w != "takes" && x.w != "taking" {
			continue
		}
		for q := i + 1; q < len(s.toks) && q <= i+4; q++ {
			if w := s.toks[q].w; w == "breath" || w == "breaths" {
				return true
			}
		}
	}
	return false
}

// pressureOnly reports advice on how hard to press that names no place
// and no move: "Gentle Touch: Use gentle pressure with your fingertips to
// avoid causing discomfort."
func (s *sentence) pressureOnly() bool {
	if s.vi < 0 || s.verb.base != "use" || len(s.areas) > 0 || len(s.landmarks) > 0 || s.hasStrong() {
		return false
	}
	for q := s.vi + 1; q < len(s.toks) && q <= s.vi+3; q++ {
		if s.toks[q].w == "pressure" {
			return !movesAfter(s.toks, q)
		}
	}
	return false
}

// handsKeptLoose reports advice on how the giver holds their own hands:
// "keep your hands soft and loose as you work".
func (s *sentence) handsKeptLoose() bool {
	t := s.toks
	if s.vi < 0 || s.verb.base != "keep" && s.verb.base != "let" || s.vi+3 >= len(t) {
		return false
	}
	k := s.vi + 1
	if t[k].w == "your" || t[k].w == "the" || t[k].w == "both" {
		k++
	}
	if !giverWords[t[k].w] {
		return false
	}
	for q := k + 1; q < len(t) && q <= k+3; q++ {
		if looseWords[t[q].w] {
			return true
		}
	}
	return false
}

var looseWords = wordSet("loose relaxed limber soft supple")

// offersPartner reports "or get a partner to do them", "or ask someone
// to": a text for oneself that offers a partner as another way.
// offeredGivers are who "or get …" hands the massage to.
var offeredGivers = wordSet("partner someone friend buddy mate husband wife spouse")

func offersPartner(t []token) bool {
	for i := 0; i+2 < len(t); i++ {
		if t[i].w != "or" || t[i+1].w != "get" && t[i+1].w != "ask" && t[i+1].w != "have" {
			continue
		}
		k := i + 2
		if t[k].w == "a" || t[k].w == "your" {
			k++
		}
		for q := k; q < len(t) && q <= k+1; q++ {
			if offeredGivers[t[q].w] {
				return true // "or get your training buddy to do moves 1 and 2 for you"
			}
		}
	}
	return false
}

// covered reports whether the steps so far already work where s does.
func (d *doc) covered(s *sentence) bool {
	mine := placeAreas(s)
	if len(mine) == 0 {
		return false
	}
	all := append([]*stepDraft(nil), d.steps...)
	if d.cur != nil {
		all = append(all, d.cur)
	}
	for _, st := range all {
		for _, o := range st.sents {
			for _, a := range placeAreas(o) {
				for _, m := range mine {
					if massage.Overlaps(a, m) {
						return true
					}
				}
			}
		}
	}
	return false
}

// takeContext gives the new step the sentence just before it, in the same
// block or a list item of its own before it, that said where it works:
// "(i) Stand with your back to a wall and trap the ball between the wall
// and your upper back." over "(ii) Bend your knees a little to roll the
// ball up and down over the muscle."
func (d *doc) takeContext(s *sentence) {
	if d.place != nil && (d.place.b == s.b && d.place.idx < s.idx || d.placeItem && d.place.b != s.b) {
		d.cur.context = d.place
	}
}

// takeHint gives the new step the move a defining sentence named before it.
func (d *doc) takeHint(s *sentence) {
	h := d.hint
	if h == nil || d.cur == nil {
		return
	}
	d.hint = nil
	if h.b.section != s.b.section {
		return
	}
	d.cur.hint = h.defines()
	d.cur.hintNear = h.b == s.b && h.idx == s.idx-1
}

// selfCued reports a text that says it is self-massage and never names a
// partner: there "your fingers" may be where the hands work.
func selfCued(text string) bool {
	low := strings.ToLower(text)
	self := strings.Contains(low, "yourself") || strings.Contains(low, "self-massag") || strings.Contains(low, "self massag")
	other := strings.Contains(low, "partner") || strings.Contains(low, "recipient") || strings.Contains(low, "receiver")
	return self && !other
}
