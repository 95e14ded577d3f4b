package howto

import "strings"

// Steps, the other side: a turn to the other side that plays the moves
// before again ("Change feet and do it all again.", "Then the other leg,
// same three moves.", "…, then walk round and do the other side.") is a
// step of its own: it is never glued to the step before and never
// dropped. Its place is the one it names ("the other leg" is the legs),
// or else the step before's; its side is the other one ("other"); in the
// routine it takes the time of the moves it plays again. A turn that
// names the steps it repeats ("repeat steps 3 to 7 on the other foot")
// stays a change to the step before, as the label files have it.

// swapVerbs turn to the other side: "swap legs", "change feet", "switch sides".
var swapVerbs = wordSet("swap switch change changing swapping switching")

// swapObjects are what swapVerbs swap.
var swapObjects = wordSet("sides side legs feet arms hands over round around")

// possessives stand before a side named: "on the left", "on her right".
var possessives = wordSet("the your her his their")

var auxVerbs = wordSet("is are was were will can should may might gets get stays")

// toolPreps put the giver's other hand to work: "with the other hand".
var toolPreps = wordSet("with using in into by of")

// switchesSide reports a sentence (or clause) that turns to the other side
// to play the moves before again, and whether it says so by swapping
// hands, which is a turn only when the moves were on the hands.
func switchesSide(s *sentence) (ok, hands bool) {
	ok, hands, _ = switchesSideNamed(s)
	return ok, hands
}

// namesOtherSide reports "the left side", "the other side", "the right
// shoulder" from token k on: where the move goes once the giver's hands
// are changed.
func namesOtherSide(t []token, k int) bool {
	for i := k; i+1 < len(t); i++ {
		switch t[i].w {
		case "left", "right", "other", "opposite":
			if n := t[i+1].w; n == "side" || n == "sides" || sideNouns[n] && n != "hand" && n != "hands" {
				return true
			}
		}
	}
	return false
}

// switchesSideNamed is switchesSide, and names the side when the turn is
// only a side named ("Now the left calf."): a turn only when the moves
// before were on the other one.
func switchesSideNamed(s *sentence) (ok, hands bool, named string) {
	t := s.toks
	if namesSteps(t) || repeatsByNumber(t) {
		return false, false, ""
	}
	sc := &switchesSideScan{s: s, t: t}
	for _, x := range t {
		sc.same = sc.same || x.w == "same" || x.w == "again" || x.w == "repeat" || x.w == "everything" || x.w == "lot"
	}
	for i := range t {
		if sc.turnAt(i) {
			return true, false, ""
		}
	}
	if sc.swapHands {
		return true, true, ""
	}
	return sc.named != "", false, sc.named
}

// switchesSideScan is what switchesSideNamed has read of a sentence so
// far, token by token.
type switchesSideScan struct {
	s         *sentence
	t         []token
	same      bool   // the sentence says it plays the moves again ("same", "again", "repeat")
	swapHands bool   // it swaps hands: a turn when the moves were on the hands
	named     string // the side it names, a turn when the moves were on the other one
}

// turnAt reads token i and reports whether it makes the sentence a turn
// to the other side outright; a side or a swap of hands it only notes.
func (sc *switchesSideScan) turnAt(i int) bool {
	t, x := sc.t, sc.t[i]
	switch {
	case swapVerbs[x.w]:
		return sc.swapTurns(i)
	case x.w == "both" && sc.same && i+1 < len(t) && sideNouns[t[i+1].w] && t[i+1].w != "hand" && t[i+1].w != "hands":
		// "Repeat it for the toes of both legs", "Repeat on both
		// legs if you require": the moves again, on the other one
		return true
	case x.w == "other" || x.w == "opposite":
		return sc.otherTurns(i)
	}
	return sc.sideNamedTurns(i)
}

// swapTurns reads a swap verb at token i ("swap legs", "change feet",
// "switch from one leg to another"): a turn, or a swap of the giver's
// hands.
func (sc *switchesSideScan) swapTurns(i int) bool {
	t, x := sc.t, sc.t[i]
	if i+3 < len(t) && t[i+1].w == "from" && t[i+2].w == "one" && sideNouns[t[i+3].w] {
		// "Switch from one leg to another, and repeat the massage."
		if t[i+3].w == "hand" || t[i+3].w == "hands" {
			sc.swapHands = true
			return false
		}
		return true
	}
	k := i + 1
	if k < len(t) && (t[k].w == "to" || t[k].w == "the" || t[k].w == "your") {
		k++
	}
	if k < len(t) && (t[k].w == "the" || t[k].w == "your") {
		k++
	}
	if k < len(t) && (t[k].w == "other" || t[k].w == "opposite" || t[k].w == "left" || t[k].w == "right") {
		k++
	}
	switch {
	case k >= len(t) || t[k].kind == tPunct || t[k].w == "and":
		return true // "Swap and give …", "then swap."
	case t[k].w == "hands" || t[k].w == "hand":
		if namesOtherSide(t, k+1) {
			return true // "Change hands and work the left side."
		}
		sc.swapHands = true // the giver's hands, unless the hands are worked
	case swapObjects[t[k].w] || sideNouns[t[k].w] && t[k-1].w != x.w:
		return true
	}
	return false
}

// otherTurns reads "other" or "opposite" at token i: "Then the other
// leg." is a turn, "the other hand" a swap of hands, "towards the
// opposite shoulder" where a move goes.
func (sc *switchesSideScan) otherTurns(i int) bool {
	s, t, same := sc.s, sc.t, sc.same
	if !otherSide(t, i) {
		return false
	}
	if t[i+1].w == "hand" || t[i+1].w == "hands" {
		// "Then do the other hand.", not "Circle the wrist with the
		// thumb of the other hand."
		sc.swapHands = sc.swapHands || same || !s.hasStrong() || s.verb.base == "do"
		return false
	}
	if !same && wordsBefore(t, i, 3, "towards", "toward") {
		return false // "Hug the right knee towards the opposite shoulder": where the move goes
	}
	return same || !s.hasStrong()
}

// sideNamedTurns reads a side named at token i ("Then the right one.",
// "Repeat on the left.", "Same on leg two."): a turn outright, or the
// side or the hands noted for sideSwitch to check against the moves
// before.
func (sc *switchesSideScan) sideNamedTurns(i int) bool {
	s, t, x, same := sc.s, sc.t, sc.t[i], sc.same
	switch {
	case (x.w == "left" || x.w == "right") && !same && sc.sideAlone(i):
		// "Then his right side.", "Then the right one.", "Left leg now."
		// "Now the left calf.": a turn when the moves before were on
		// the right one (sideSwitch checks).
		sc.named = x.w
	case (x.w == "left" || x.w == "right") && same && i+1 < len(t) &&
		(t[i+1].w == "side" || i == 0 && sideNouns[t[i+1].w] && t[i+1].w != "hand" && t[i+1].w != "hands") &&
		len(s.st.ws) <= 6 && !s.hasStrong():
		// "Same again, left side.", "Left leg: all five again.": a turn
		// when the moves before were on the right
		sc.named = x.w
	case (x.w == "left" || x.w == "right" || x.w == "other") && same && i+1 < len(t) && t[i+1].w == "one" &&
		i > 0 && t[i-1].w == "the":
		return true // "Then the same for the right one."
	case x.w == "second" && same && i > 0 && t[i-1].w == "the" && i+1 < len(t) && sideNouns[t[i+1].w] &&
		t[i+1].w != "hand" && t[i+1].w != "hands":
		return true // "The same again on the second leg."
	case (x.w == "two" || x.w == "b") && same && i > 0 && sideNouns[t[i-1].w] && t[i-1].w != "hand" &&
		(i+1 == len(t) || t[i+1].kind == tPunct):
		return true // "Same on leg two.", "Same for side B."
	case (x.w == "left" || x.w == "right") && same && (i == 0 || i == 1 && leadAdverbs[t[0].w]) && i+1 < len(t) &&
		(t[i+1].w == "hand" || t[i+1].w == "hands") && len(s.st.ws) <= 6:
		// "Right hand gets the same.", "Left hand, all the same.": the
		// other hand, a turn when the moves were on the hands
		sc.swapHands = true
	case (x.w == "left" || x.w == "right" || x.w == "near" || x.w == "far") && same && sc.endsOnSide(i):
		// "Repeat on the left.", "Do the same on the right side.": a
		// short sentence that ends there, a turn when the moves before
		// were on the other one (a long sentence that goes to and fro
		// between the sides, "again" at its end, is no turn).
		sc.named = x.w
	case (x.w == "left" || x.w == "right") && same && sc.receiversSide(i):
		// "Swap and give the right hand the same treatment.", "Do the
		// same on your right hand." (not "with your left hand": the
		// giver's)
		if t[i+1].w != "hand" && t[i+1].w != "hands" {
			return true
		}
		sc.swapHands = true
	case (x.w == "left" || x.w == "right") && sc.sideDone(i):
		// "Now the right side, the same way.", "Then do the right
		// hand.", "And then do the left one.": a turn when the moves
		// before were on the other one
		sc.named = x.w
	}
	return false
}

// sideAlone reports a side named at token i near the start of a sentence
// with no verb and no strong move: "Then his right side.", "Left leg
// now."
func (sc *switchesSideScan) sideAlone(i int) bool {
	s, t := sc.s, sc.t
	return !s.hasStrong() && s.vi < 0 && i+1 < len(t) && (sideNouns[t[i+1].w] || t[i+1].w == "one") &&
		t[i+1].w != "hand" && t[i+1].w != "hands" &&
		(i > 0 && possessives[t[i-1].w] || i == 0 && len(s.st.ws) <= 4) && i <= 3
}

// endsOnSide reports a side named at token i after "on the", "to your",
// "over the", with only "side" or a stop after it: "Repeat on the
// left.", "Do the same on the right side."
func (sc *switchesSideScan) endsOnSide(i int) bool {
	t := sc.t
	return i > 1 && i <= 11 && possessives[t[i-1].w] && (t[i-2].w == "on" || t[i-2].w == "to" || t[i-2].w == "over") &&
		(i+1 == len(t) || i+2 == len(t) && (t[i+1].kind == tPunct || t[i+1].w == "side") ||
			i+3 == len(t) && t[i+1].w == "side" && t[i+2].kind == tPunct)
}

// receiversSide reports a side named at token i before a side's noun
// other than "side", as the receiver's: "the right hand", "on your right
// hand", not "with your left hand" or "with the left hand".
func (sc *switchesSideScan) receiversSide(i int) bool {
	t := sc.t
	return i+1 < len(t) && sideNouns[t[i+1].w] && t[i+1].w != "side" && i > 0 &&
		(t[i-1].w == "the" && !sc.giversHand(i) || (t[i-1].w == "your" || t[i-1].w == "her" || t[i-1].w == "his" || t[i-1].w == "their") &&
			i > 1 && (t[i-2].w == "on" || t[i-2].w == "to" || t[i-2].w == "for"))
}

// giversHand reports "with the left hand" at token i: the hand that
// works, not the receiver's ("Same with the left knee" is).
func (sc *switchesSideScan) giversHand(i int) bool {
	t := sc.t
	return i > 1 && (t[i-2].w == "with" || t[i-2].w == "using") && (t[i+1].w == "hand" || t[i+1].w == "hands")
}

// sideDone reports a side named at token i in a short sentence with no
// strong move that says the same again or does the side: "Now the right
// side, the same way.", "Then do the right hand."
func (sc *switchesSideScan) sideDone(i int) bool {
	s, t, same := sc.s, sc.t, sc.same
	return i > 0 && possessives[t[i-1].w] && i+1 < len(t) && (sideNouns[t[i+1].w] || t[i+1].w == "one") &&
		!s.hasStrong() && (len(s.st.ws) <= 8 || asBefore(t, i+2)) &&
		(same && t[i+1].w == "side" || s.vi >= 0 && s.verb.base == "do" && s.vi < i && i-s.vi <= 2)
}

// asBefore reports words from token k on that liken the turn to the
// moves before: "(Now do the left side) exactly as you did the right.",
// "… just like the first."
func asBefore(t []token, k int) bool {
	for k < len(t) && (t[k].w == "exactly" || t[k].w == "just") {
		k++
	}
	return k < len(t) && (t[k].w == "as" || t[k].w == "like")
}

// otherSide reports "the other leg", "the opposite side" at token i: a
// side of the receiver's, not the giver's other hand ("with the other
// hand"), one of two in the same move ("from one shoulder to the other")
// or another way ("the other way").
func otherSide(t []token, i int) bool {
	if i+1 >= len(t) || !sideNouns[t[i+1].w] {
		return false
	}
	for k := 0; k < i; k++ {
		if t[k].w == "one" || t[k].w == "each" {
			return false
		}
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if toolPreps[t[k].w] {
			return false
		}
	}
	// "on the opposite side of the spine" is a place, not a turn, and in
	// "so the other side is exposed" the side is no object.
	if i+2 < len(t) && auxVerbs[t[i+2].w] && !(i+4 < len(t) && t[i+3].w == "the" && t[i+4].w == "same") {
		return false // not "Then the other foot gets the same."
	}
	return !(i+3 < len(t) && t[i+2].w == "of" && (t[i+3].w == "the" || t[i+3].w == "your"))
}

// namesSteps reports a turn that names the steps or moves it repeats:
// "repeat steps 3 to 7", "Repeat 1)-4)", "do the shoulder squeeze and side
// stretch again".
func namesSteps(t []token) bool {
	for i, x := range t {
		if (x.w == "step" || x.w == "steps" || x.w == "row" || x.w == "rows") && i+1 < len(t) && (t[i+1].kind == tNum || numberWords[t[i+1].w] > 0) {
			return true
		}
		if x.kind == tNum && i+1 < len(t) && t[i+1].w == ")" && i > 0 && t[i-1].w != ":" {
			return true // "Repeat 1)-4)", not "6) Then the other arm" opening its line
		}
		if (x.w == "do" || x.w == "repeat") && i+2 < len(t) && t[i+1].w == "the" && isMotionNoun(t[i+2].w) {
			return true
		}
		if (x.w == "do" || x.w == "repeat") && i+3 < len(t) && t[i+1].w == "the" && isMotionNoun(t[i+3].w) {
			return true
		}
	}
	return false
}

// splitSideSwitch cuts a sentence before a turn to the other side that
// follows a move: "Finish by holding their hand between yours for a few
// quiet breaths, then do the other arm." is a hold and then the other arm.
func splitSideSwitch(b *block) {
	var out []*sentence
	for _, s := range b.sents {
		out = append(out, splitSwitch(s)...)
	}
	b.sents = out
}

func splitSwitch(s *sentence) []*sentence {
	t := s.toks
	if len(t) > maxSplitTokens {
		return []*sentence{s}
	}
	tries := 0
	for q := 1; q+2 < len(t) && tries < maxSplitTries; q++ {
		if t[q].w != "," && t[q].w != ";" && t[q].w != "then" {
			continue
		}
		k := q
		if t[k].w != "then" {
			k++
			if t[k].w == "and" {
				k++
			}
			if t[k].w != "then" && !(swapVerbs[t[k].w] && t[q].w == ",") {
				continue // "…, x10, swap.": a clause that only swaps is a turn too
			}
		}
		if !mayTurn(t[k:]) {
			continue
		}
		head := strings.TrimRight(strings.TrimSpace(s.text[:t[q].pos]), ",;")
		if len(strings.Fields(head)) < 2 {
			continue // "And then do the left one.": nothing before the turn
		}
		tries++
		z := &sentence{text: strings.TrimSpace(s.text[t[k].pos:]), line: s.line, b: s.b, off: s.off + t[k].pos, selfText: s.selfText}
		analyze(z)
		if ok, _ := switchesSide(z); !ok {
			continue
		}
		if s.b != nil {
			z.line = s.b.lineAt(z.off)
		}
		a := &sentence{text: head, line: s.line, b: s.b, off: s.off, selfText: s.selfText}
		analyze(a)
		return []*sentence{a, z}
	}
	return []*sentence{s}
}

// mayTurn is a cheap look for the words of a turn, before a clause is
// read again.
func mayTurn(t []token) bool {
	for _, x := range t {
		if x.w == "other" || x.w == "opposite" || x.w == "left" || x.w == "right" || swapVerbs[x.w] {
			return true
		}
	}
	return false
}

// sideSwitch starts a step of its own for a turn to the other side after
// a move. It reports whether it took the sentence.
func (d *doc) sideSwitch(s *sentence) bool {
	ok, hands, named := switchesSideNamed(s)
	if !ok || s.warning {
		return false
	}
	prev := d.cur
	if prev == nil && len(d.steps) > 0 {
		prev = d.steps[len(d.steps)-1]
	}
	if prev == nil || !prev.hasMove() || prev.switched {
		return false
	}
	if named != "" && !d.turnsTo(prev, s, named) && !d.sideItem(prev, s, named) {
		return false // "Now the left calf." after moves on no side named
	}
	if hands && !d.sequenceOnHands(prev) {
		return false // "swap hands" while working the back: the giver's hands
	}
	d.closeStep()
	d.pending = nil
	d.cur = &stepDraft{section: s.b.section, copied: prev.motion(), switched: true}
	d.cur.add(s, 1)
	d.closeStep()
	return true
}

// oppositeSides names the side across from a side named.
var oppositeSides = map[string]string{"left": "right", "right": "left", "near": "far", "far": "near"}

// turnsTo reports whether a turn that names its side goes to the other
// side from the moves before: they were on the other one, or, when the
// turn says it plays them again ("Same again on the left."), they named
// no side at all; "Now the left calf." after moves on no side named is a
// move of its own.
func (d *doc) turnsTo(prev *stepDraft, s *sentence, named string) bool {
	if d.runNames(prev, oppositeSides[named]) {
		return true
	}
	again := s.vi >= 0 && s.verb.base == "do"
	for _, x := range s.toks {
		again = again || x.w == "same" || x.w == "again" || x.w == "repeat"
	}
	return again && !d.runNames(prev, named)
}

// sideItem reports a list item of its own that names only a side and a
// place ("1. Circle the wrist with your thumb. 2. Now the left wrist."),
// after moves that named no side: the item is a step, the moves before
// played on that side, though it turns from no side named.
func (d *doc) sideItem(prev *stepDraft, s *sentence, named string) bool {
	return s.opensItem() && s.vi < 0 && !s.hasStrong() && !d.runNames(prev, named) && !d.runNames(prev, oppositeSides[named])
}

// sequenceOnHands reports whether the moves a turn plays again were on
// the hands: the step before, or one of the steps since the last turn
// when the step before names no place of its own ("Slide your hand over
// the edge of the towel …" under a wrist heading, then "Now do the whole
// sequence on your other hand.").
func (d *doc) sequenceOnHands(prev *stepDraft) bool {
	if prev.onHands() {
		return true
	}
	for i := len(d.steps) - 1; i >= 0 && !d.steps[i].switched; i-- {
		if d.steps[i].onHands() {
			return true
		}
	}
	return false
}

// onHands reports a step whose places are on the hands or wrists.
func (st *stepDraft) onHands() bool {
	for p := range st.places() {
		if p == "hands" || p == "wrists" || p == "palm" || p == "back-of-hand" || p == "fingers" || p == "wrist" {
			return true
		}
	}
	return false
}

// names reports a word in the step's sentences.
func (st *stepDraft) names(w string) bool {
	for _, s := range st.sents {
		for _, x := range s.toks {
			if x.w == w {
				return true
			}
		}
	}
	return false
}

// runBack is how many steps back a turn looks for the side the moves
// before were on.
const runBack = 6

// runNames reports a word in the moves a turn plays again: the step
// before, or one of the steps since the last turn in the same section, six
// at most ("hold your left hand in your right and stroke …", four moves,
// "Then do the right hand."; "Left hand onto right shoulder: pinch …" and
// three items more, then "Now do the left side.").
func (d *doc) runNames(prev *stepDraft, w string) bool {
	if prev.names(w) {
		return true
	}
	for i := len(d.steps) - 1; i >= 0 && !d.steps[i].switched; i-- {
		st := d.steps[i]
		if st == prev {
			continue
		}
		if len(st.sents) == 0 || len(prev.sents) == 0 || st.section != prev.section || len(d.steps)-i > runBack {
			break
		}
		if st.names(w) {
			return true
		}
	}
	return false
}
