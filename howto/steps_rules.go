package howto

import "github.com/knead/knead/massage"

// Steps, what goes on with a step and what is no step: rules that read a
// sentence against the step being built, by its structure. They run in
// doc.sentence (steps_sentence.go) before the rules of steps_continue.go.

// sideRepeat reports a sentence that plays the move again on the other
// side: "Now the same on the other forearm, with the other hand", "Then
// knead the left calf the same way". It changes the step before; it is no
// step of its own.
func (s *sentence) sideRepeat(cur *stepDraft) bool {
	same, other := false, false
	for i, t := range s.toks {
		switch t.w {
		case "same":
			same = true
		case "other", "opposite":
			other = true
		case "left", "right":
			other = other || i+1 < len(s.toks) && bodyWord(s.toks[i+1].w)
		}
	}
	return same && other && !newPlaces(cur, s)
}

// giverSupport reports a sentence that only steadies the giver's own
// working hand or arm: "Steady the working hand at the wrist with your free
// hand." It goes with the step; it is no move.
func (s *sentence) giverSupport() bool {
	if s.vi < 0 || s.hasStrong() {
		return false
	}
	switch s.verb.base {
	case "support", "steady", "hold", "rest":
	default:
		return false
	}
	for k := s.vi + 1; k+1 < len(s.toks) && k <= s.vi+3; k++ {
		if (s.toks[k].w == "working" || s.toks[k].w == "other") && giverWords[s.toks[k+1].w] {
			return true
		}
	}
	return false
}

// restGoals are where the receiver, or a part of them, is put to rest.
var restGoals = wordSet("table bed floor couch sofa mat chair stool pillow cushion thigh thighs lap " +
	"knee knees shoulder towel")

// receiverPosition reports a sentence that only positions the receiver:
// "Have your friend lie face down on the bed", "Rest the receiver's heel
// on your lap". It is a
// preparation, never a step, unless a move follows in it.
func (s *sentence) receiverPosition() bool {
	if s.vi < 0 || s.hasStrong() {
		return false
	}
	switch s.verb.c {
	case vPlace, vPrep, vOther:
	default:
		return false
	}
	who, goal := false, false
	for k := s.vi + 1; k < len(s.toks); k++ {
		w := s.toks[k].w
		who = who || receiverNouns[w]
		goal = goal || restGoals[w] || (w == "down" || w == "up") && k > 0 && s.toks[k-1].w == "face"
	}
	return who && goal
}

// sameItemMove reports a sentence in the same list item as the step that
// makes the same move again, with the places it runs over: "Knead the
// thigh …. Working up from the knee, knead on to the hip …". Nothing
// merges across items; within one, the same move goes on.
func (s *sentence) sameItemMove(cur *stepDraft) bool {
	return s.b.kind == bItem && cur.last == s.b && s.hasStrong() && s.strongMotion() == cur.motion() &&
		!dirConflict(cur.dirs(), s.dirs) && !s.nextPlace(cur) && !s.closesWith()
}

// nextPlace reports a move that says it comes next and names a place the
// step has not: "Then, using both thumbs, circle round the hollows of the
// elbow" after circles on the forearm, "Finally, massage each of your
// toes" after the sole. It starts a step of its own.
func (s *sentence) nextPlace(cur *stepDraft) bool {
	if !(s.hasStrong() || s.hasWeak()) || !namesNew(cur, s) {
		return false
	}
	w := s.firstWords(1)
	lastly := len(w) == 1 && (w[0] == "finally" || w[0] == "lastly")
	if lastly || s.closesWith() && s.hasStrong() && !(len(w) == 1 && w[0] == "to") {
		return true // "… and end with tapping along the shoulders": the closing move, on a place of its own
	}
	return s.opensWithNext()
}

// metaVerbs take the text's own techniques or steps as their object:
// "Try these techniques on a tired calf" is no move.
var metaVerbs = wordSet("follow try learn read watch see practise practice")

var metaNouns = wordSet("technique techniques steps tips instructions routine guide method methods sequence")

// aboutTechniques reports an instruction about the text's techniques
// rather than a move.
func (s *sentence) aboutTechniques() bool {
	if s.vi < 0 || !metaVerbs[s.verb.base] {
		return false
	}
	for k := s.vi + 1; k < len(s.toks) && k <= s.vi+6; k++ {
		if metaNouns[s.toks[k].w] {
			return true
		}
	}
	return false
}

// makeSure reports "Make sure that the skin is dry …": a state to check,
// not a move.
func (s *sentence) makeSure() bool {
	if s.vi >= 0 && s.verb.base == "be" && s.vi+2 < len(s.toks) && (s.toks[s.vi+1].w == "sure" || s.toks[s.vi+1].w == "certain") {
		// "be certain to make sure your hands … remain comfortable",
		// "be sure that …" (not "be sure to knead the heel")
		k := s.vi + 2
		return s.toks[k].w == "that" || s.toks[k].w == "to" && k+1 < len(s.toks) && s.toks[k+1].w == "make"
	}
	if s.vi < 0 || s.verb.base != "make" || s.vi+1 >= len(s.toks) || s.toks[s.vi+1].w != "sure" {
		return false
	}
	k := s.vi + 2
	if k < len(s.toks) && s.toks[k].w == "to" {
		return false // "make sure to knead the heel" goes on to a move
	}
	return true
}

// sameElsewhere reports a move played again on another place: "then flip
// it palm down and do the same up the top of the forearm", and a numbered
// item that only repeats the move on another place or with another part
// of the hand ("2. Repeat on the cheeks.", "4. Repeat with the
// knuckles."): an item is a step, and nothing merges across items.
func (s *sentence) sameElsewhere(cur *stepDraft) bool {
	again := false
	for i, t := range s.toks {
		if t.w == "same" && i > 0 && s.toks[i-1].w == "the" || t.w == "repeat" {
			again = true
		}
	}
	// "Move back to the rib cage and repeat" moves on its own: the move
	// it names makes the step, as the older rules read it.
	if !again || s.sideRepeat(cur) || s.verb.c == vMove {
		return false
	}
	if s.warning && s.warnAt > 0 && !s.placeBefore(s.warnAt) {
		return false // "Repeat as needed, being careful not to tense your working arm": its places are the caution's
	}
	ownItem := s.b.kind == bItem && s.idx == 0 && cur.last != s.b
	return newPlaces(cur, s) && (s.hasLoc() || ownItem) || ownItem && s.hasPart()
}

// placeBefore reports a place named before token end.
func (s *sentence) placeBefore(end int) bool {
	for _, tis := range s.placeAt() {
		for _, ti := range tis {
			if ti < end {
				return true
			}
		}
	}
	return false
}

// setupItemStands reports a set-up in a list item of its own, before the
// item b, that counts, times, moves or holds still: "c) Hook a band round
// the ball of the foot and point and flex slowly, fifteen times." then
// "d) Roll …" is two steps, not one. A set-up that only places the hands
// ("1. Place both palms at the base of the back.") still waits for the
// next item's move.
func (d *doc) setupItemStands(b *block) bool {
	p := d.pending
	return b.kind == bItem && p != nil && p.last != b && p.last.kind == bItem && (p.counted() || p.moves() || p.waits())
}

// counted reports a set-up that gives a count or a time of its own.
func (st *stepDraft) counted() bool {
	for _, s := range st.sents {
		if s.rep.Most > 1 || !s.secs.IsZero() { // not "clench once" to find the muscle
			return true
		}
	}
	return false
}

// moves reports a set-up that names a motion of its own.
func (st *stepDraft) moves() bool {
	for _, s := range st.sents {
		for _, m := range s.motions {
			if m.strength >= 1 && m.id != "hold" {
				return true
			}
		}
	}
	return false
}

// waits reports a set-up that holds still for a while: "Wrap both hands
// round her foot and hold still.", "Rest your palms on their shoulder
// blades and just wait while they breathe out."
func (st *stepDraft) waits() bool {
	for _, s := range st.sents {
		for _, t := range s.toks {
			if holdWords[t.w] {
				return true
			}
		}
	}
	return false
}

var holdWords = wordSet("still wait waits breath breaths breathe breathes count")

// promotePending makes a step of a grip no move followed when it moves a
// joint a counted number of times or a way ("Bend all the toes down
// gently, then back up. Five times each way." under its own heading): a
// mobilisation is a move, though its verb only places the hands.
func (d *doc) promotePending() {
	d.promote(false)
}

// promote is promotePending; stands says the set-up stands as its item's
// step already (setupItemStands), so it needs no count of its own.
func (d *doc) promote(stands bool) {
	p := d.pending
	if p == nil || d.cur != nil {
		return
	}
	counted, placedOnly := false, true
	for _, s := range p.sents {
		counted = counted || !s.rep.IsZero() || len(s.dirs) > 0 && s.hasLoc()
		placedOnly = placedOnly && s.placesHands()
	}
	if placedOnly {
		return // hands set on a place and no move after: no step
	}
	if stands && p.prepares() {
		stands = false // "* Cup your hands and blow warm breath into them.": getting ready, no move
	}
	if !stands && !counted && !p.surelyMoves() {
		return
	}
	for i := range p.roles {
		p.roles[i] = 1
	}
	d.steps = append(d.steps, p)
	d.pending = nil
}

// prepares reports a set-up that gets something ready: warm hands, oil,
// a towel.
func (st *stepDraft) prepares() bool {
	for _, s := range st.sents {
		if len(s.prep) > 0 {
			return true
		}
	}
	return false
}

// namesNew reports a sentence that names a place, landmark or area, the
// step has not named.
func namesNew(cur *stepDraft, s *sentence) bool {
	have := cur.places()
	for _, p := range append(append([]string(nil), s.landmarks...), s.areas...) {
		if !have[p] {
			return true
		}
	}
	return false
}

// closesWith reports a sentence that opens with the closing move: "Finish
// by stroking across the head", "End with a few long strokes", "Finally,
// …", "To finish, …".
func (s *sentence) closesWith() bool {
	w := s.firstWords(2)
	switch {
	case len(w) == 2 && (w[0] == "finish" || w[0] == "end") && (w[1] == "by" || w[1] == "with"):
		return true
	case len(w) >= 1 && (w[0] == "finally" || w[0] == "lastly"):
		return true
	case len(w) == 2 && w[0] == "to" && (w[1] == "finish" || w[1] == "end"):
		return true
	}
	return false
}

// placeAreas are the areas a sentence's places lie in.
func placeAreas(s *sentence) []string {
	var out []string
	for _, l := range s.landmarks {
		if lm, ok := massage.LandmarkByID(l); ok {
			out = append(out, lm.Area)
		}
	}
	return append(out, s.areas...)
}

func dirConflict(have, next []string) bool {
	if len(have) == 0 {
		return false
	}
	for _, n := range next {
		if n == "around" || n == "across" || n == "in-place" || n == "along-spine" || n == "away-from-spine" || n == "outward" {
			continue
		}
		found := false
		for _, h := range have {
			if h == n || n == "up" && h == "up-and-down" || n == "down" && h == "up-and-down" {
				found = true
			}
		}
		if !found {
			return true
		}
	}
	return false
}

// newPlaces reports a sentence that names a place the step has not: a new
// landmark, or an area apart from every place the step names.
func newPlaces(st *stepDraft, s *sentence) bool {
	have := st.places()
	for _, l := range s.landmarks {
		if !have[l] {
			return true
		}
	}
	for _, a := range s.areas {
		if have[a] {
			continue
		}
		near := false
		for p := range have {
			pa := p
			if lm, ok := massage.LandmarkByID(p); ok {
				pa = lm.Area
			}
			if massage.Overlaps(pa, a) {
				near = true
			}
		}
		if !near {
			return true
		}
	}
	return false
}

// modifier reports a sentence that changes the step before it rather than
// starting one: "Repeat four times.", "Switch sides and repeat.", "Do it
// gently.", "Hold 10 seconds and release."
func (s *sentence) modifier(cur *stepDraft) bool {
	if s.claim {
		return false // "We do this twice a week and she says it helps": no change to the move
	}
	if len(s.toks) > 1 && labelWords[s.toks[0].w] && s.toks[1].w == ":" && s.b != cur.last {
		return false // "Tip: keep talking to them about the pressure." under the last step is a tip
	}
	if s.b != cur.last && s.b.kind == bItem && cur.last.kind == bItem && s.idx > 0 {
		// "2. Cheeks: … Keep your fingers joined.": a later sentence of
		// another item changes that item's move, never the item's before
		return false
	}
	if s.form == fNone {
		return s.modifierNoVerb()
	}
	if s.countPerSide() {
		return true // "Maybe 20 strokes a leg.": how many times, for the move before
	}
	if s.b != cur.last && s.idx == 0 && len(s.b.sents) > 1 && len(s.st.ws) <= 2 && !s.hasLoc() && !s.hasStrong() {
		return false // "Finish." naming the list item it opens, before its move: nothing merges across items
	}
	if s.b != cur.last && (s.hasStrong() && s.strongMotion() != cur.motion() || s.warning || s.replays()) {
		// "Repeat the warm-up glide three more times." in a step of its own
		// plays a move again; a warning there is no change to the move.
		return false
	}
	if s.endsRepeat() || s.startsOver() || s.repeatsSteps() {
		return true
	}
	if s.b != cur.last && s.idx == 0 && s.hasStrong() && s.verb.c != vModify {
		// "- With your fingertips, make small circles along the same
		// path": a move that opens an item of its own is a step of its own
		return false
	}
	if s.b == cur.last && !s.replays() && s.returnsStroke() {
		return true // "Separate your hands, reach over the hip and return down the outside of the leg."
	}
	if s.b == cur.last && !s.hasLoc() && !s.hasStrong() && !s.hasWeak() && (!s.secs.IsZero() || !s.rep.IsZero()) && s.verb.c != vPrep {
		return true // "Give it a minute or so per side."
	}
	return s.modifierByVerb(cur)
}

// modifierByVerb decides by the kind of the main verb: a verb that changes
// the move ("do", "finish") does, unless it moves on to new places; a
// placing verb, or "cover", does with only a count or a time.
func (s *sentence) modifierByVerb(cur *stepDraft) bool {
	switch s.verb.c {
	case vModify:
		if s.verb.base == "go" && s.opensWithNext() && newPlaces(cur, s) && s.rep.IsZero() && s.secs.IsZero() {
			return false // "Then I go to the low back itself.": on to the next place
		}
		switch s.verb.base {
		case "finish", "end", "proceed", "begin", "start":
			// "End with both hands lying still on her lower back": a closing hold, a step
			return !s.hasStrong() && !s.hasWeak() && !(s.hasLoc() && s.stillHands())
		case "do":
			if s.sameAs() {
				return false
			}
		}
		return !(s.hasStrong() && newPlaces(cur, s))
	case vPlace:
		if !s.hasLoc() && !s.hasPart() && !s.hasStrong() && (!s.secs.IsZero() || !s.rep.IsZero()) {
			return true
		}
	case vPrep:
		// "Cover the whole length 3 times."
		if s.verb.base == "cover" && len(s.prep) == 0 && !s.hasStrong() {
			return true
		}
	}
	return false
}
