package howto

import "strings"

// What kind of sentence a sentence is, within a step or outside one.

// hasStrong reports a named motion. In a sentence that places the hands,
// only a verb of movement counts: "Spread your fingers through your hair"
// places them, it does not draw them through.
func (s *sentence) hasStrong() bool {
	for _, m := range s.motions {
		if m.strength == 2 {
			return true
		}
		if m.strength == 1 && (s.verb.c != vPlace || postures[s.verb.base] && m.ti > s.vi || verbs[s.toks[m.ti].w].c == vMove && !dets[s.prevWord(m.ti)] && !relPronouns[s.prevWord(m.ti)] || s.joinedVerb(m.ti)) {
			return true
		}
	}
	return false
}

// joinedVerb reports a verb joined on with "and" or "then" between the main
// verb and token i: in "Put both thumbs on the calf and take small
// alternating steps", the steps are a move, not where the thumbs go.
func (s *sentence) joinedVerb(i int) bool {
	for k := s.vi + 1; k+1 < i; k++ {
		if (s.toks[k].w == "and" || s.toks[k].w == "then") && verbs[s.toks[k+1].w].c != vNone && !strings.HasSuffix(s.toks[k+1].w, "ing") {
			return true
		}
	}
	return false
}

// hasWeak reports a general verb of movement; "hold" and "rest" count only
// with a time ("rest your palms there for a few breaths"), "press" always.
func (s *sentence) hasWeak() bool {
	for _, m := range s.motions {
		if m.strength != 0 {
			continue
		}
		if m.id != "hold" || strings.HasPrefix(m.word, "press") || !s.secs.IsZero() || s.secsVague {
			return true
		}
	}
	return false
}

// weakHold reports a still press or hold named only by a general verb:
// "Then press gently under the cheekbones and hold each spot."
func (s *sentence) weakHold() bool {
	for _, m := range s.motions {
		if m.strength == 0 && m.id == "hold" {
			return true
		}
	}
	return false
}

// relPronouns open a clause that describes rather than instructs: "the
// muscle that runs from the neck to the shoulder".
var relPronouns = map[string]bool{"that": true, "which": true, "who": true}

// prevWord is the word before token i, past any punctuation.
func (s *sentence) prevWord(i int) string {
	for k := i - 1; k >= 0; k-- {
		if s.toks[k].kind != tPunct {
			return s.toks[k].w
		}
	}
	return ""
}

func (s *sentence) hasLoc() bool  { return len(s.landmarks)+len(s.areas) > 0 }
func (s *sentence) hasPart() bool { return len(s.parts) > 0 }

// postures move the receiver's body, not the hands: "tilt your head".
var postures = map[string]bool{"tip": true, "tilt": true, "bend": true, "stretch": true,
	"retract": true, "turn": true, "drop": true, "relax": true, "open": true, "close": true,
	"straighten": true, "flip": true, "lace": true}

// handsOn reports an instruction with a hands-on movement in it.
func (s *sentence) handsOn() bool {
	if s.form == fNone {
		return false
	}
	if s.verb.c == vAsk && !s.hasStrong() {
		// "Ask them to slowly let their chin drop towards their chest":
		// the receiver moves the head, which works the neck
		return s.movesHead()
	}
	if s.hasStrong() {
		return s.hasLoc() || s.hasPart() || s.tool || s.form != fYou || s.verb.c == vMove
	}
	if s.verb.base == "apply" && s.prepVerbWorks() && s.appliesPressure() && (s.hasLoc() || s.hasPart()) {
		return true // "Apply pressure on your foot with both hands", "At the crown, apply pressure to your head": the pressure is the move
	}
	return s.hasWeak() && (s.hasLoc() || s.hasPart() || s.tool) || s.toolPurpose()
}

// mobilises reports a stretch or a mobilisation told as a move of its own,
// counted or timed: the reader moves a part of their own body ("Make a
// loose fist, then spread the fingers wide, ten times", "Tip your right
// ear towards your right shoulder and hold for 15 seconds", "Let your
// knees fall slowly from side to side, eight times each way").
func (s *sentence) mobilises() bool {
	if s.form == fNone || s.warning && s.warnFirst <= s.vi || s.vi < 0 || s.rep.IsZero() && s.secs.IsZero() || !mobiliseVerbs[s.toks[s.vi].w] {
		// a caution after the move ("Open and close your mouth slowly, only
		// as far as is comfortable, 10 times") still moves
		return false
	}
	for k := s.vi + 1; k < len(s.toks) && k <= s.vi+4; k++ {
		if w := s.toks[k].w; bodyWord(w) || movedParts[w] {
			return true
		}
	}
	return false
}

// mobilisesAfter reports a counted or timed mobilisation joined on after
// token k: "… and let your head hang forward for 20 seconds".
func (s *sentence) mobilisesAfter(k int) bool {
	counted := !(s.rep.IsZero() && s.secs.IsZero())
	if s.warning {
		return false
	}
	for i := max(k, 0); i < len(s.toks); i++ {
		if s.toks[i].w != "and" || i+1 >= len(s.toks) || !mobiliseVerbs[s.toks[i+1].w] {
			continue
		}
		for j := i + 2; counted && j < len(s.toks) && j <= i+5; j++ {
			if movedParts[s.toks[j].w] {
				return true
			}
		}
		if i+2 < len(s.toks) && (s.toks[i+2].w == "it" || s.toks[i+2].w == "them") && wordIn(s.toks, i+3, 3, "up", "down", "back", "forward", "forwards", "backwards", "in", "out") &&
			(counted || matchAt(s.toks, i+3, []string{"in", "and", "out"}) || wordIn(s.toks, i+3, 3, "and") && wordIn(s.toks, i+4, 3, "out", "down", "forth")) {
			// "Hold the foot and bend it slowly up and down at the ankle, 10
			// times.", "Now hold the foot and turn it gently in and out."
			return true
		}
	}
	return false
}

// mobiliseVerbs move a part of one's own body: the head, a limb, a hand.
var mobiliseVerbs = wordSet("tip tilt drop roll shrug bend straighten point flex open close spread curl " +
	"make let lean sway swing arch stretch hug turn lift raise lower circle rock clench unclench wiggle rise")

// movedParts are the parts mobiliseVerbs move that name no place worked.
var movedParts = wordSet("fist fists fingers toes knee knees head ear ears chin mouth jaw hips shoulders arms arm elbows legs leg foot feet wrist wrists ankle ankles")

// movesOnly reports an instruction that moves without saying where or with
// what: "Work up the body on one side, then the other."
func (s *sentence) movesOnly() bool {
	return s.form != fNone && s.hasWeak() && !s.hasLoc() && !s.hasPart() && !s.tool
}

// holdStep reports a still hold that is a move of its own: "Rest your
// palms on the cheeks for a few moments."
func (s *sentence) holdStep() bool {
	// "Just hold it there for a minute": the place the hands were just put
	there := s.vi >= 0 && s.vi+2 < len(s.toks) && s.toks[s.vi+1].w == "it" && s.toks[s.vi+2].w == "there"
	if s.form == fNone || s.verb.c != vPlace || !s.hasLoc() && !there {
		return false
	}
	switch s.verb.base {
	case "rest", "hold", "cup", "cover", "lay", "place", "put", "hook", "grip", "grasp", "cradle", "clasp":
	default:
		return false
	}
	return !s.secs.IsZero() || s.secsVague
}

// setup reports an instruction that places the hands for the move that
// follows: "Set your fingertips on the temples."
func (s *sentence) setup() bool {
	if s.form == fNone || s.verb.c != vPlace || postures[s.verb.base] || s.movesHead() || s.repeatSay {
		// "Cup the back of the head … and slowly let their chin drop", "Move
		// the ball to the other side of your spine and repeat": a move of
		// its own
		return false
	}
	if !s.hasLoc() && s.forBalance() {
		return false // "Put a hand on the barrier post for balance.": a stance, not hands set on a place
	}
	return s.hasLoc() || s.hasPart() || s.tool
}

// forBalance reports a sentence that says it steadies the body: "for
// balance", "for support", "to steady yourself".
func (s *sentence) forBalance() bool {
	t := s.toks
	for i := 0; i+1 < len(t); i++ {
		if t[i].w == "for" && (t[i+1].w == "balance" || t[i+1].w == "support") || t[i].w == "to" && (t[i+1].w == "steady" || t[i+1].w == "balance") {
			return true
		}
	}
	return false
}

// placesHands reports a few words with no verb that set the giver's hands
// on a place for the move that follows: "Heel of your hand on the side
// of the thigh, just below the hip.", "Fingertips in the crease at the
// front of the hip."
func (s *sentence) placesHands() bool {
	if s.form != fNone || !s.hasLoc() || len(s.st.ws) > 14 || s.warning || s.claim ||
		len(s.motions) > 0 || !s.secs.IsZero() || s.secsVague || !s.rep.IsZero() {
		// "Loose hands, light and quick, across the upper back for 20
		// seconds.": a move named in few words, not hands set for one
		return false
	}
	for i, x := range s.toks {
		if i > 3 {
			return false
		}
		if giverWords[x.w] || x.w == "heel" || x.w == "fingers" {
			return true
		}
	}
	return false
}

// placeLead reports a sentence that opens by placing the hands, which
// starts a new step even when it moves too.
func (s *sentence) placeLead() bool {
	return s.verb.c == vPlace && !postures[s.verb.base] && s.vi >= 0 && s.vi <= 3
}

var lubricants = map[string]bool{"oil": true, "oils": true, "cream": true, "creams": true,
	"lotion": true, "lotions": true, "balm": true, "moisturiser": true, "moisturizer": true, "serum": true, "emollient": true, "emollients": true,
	"drops": true, "dollop": true, "blob": true, "squirt": true, "butter": true, "salve": true, "ointment": true} // "Rub a few drops between your hands"

// prepOnly reports an instruction that prepares rather than massages:
// "Apply the cream …", "Soak the feet …", "Sit on the floor …", "Rub your
// palms together …".
func (s *sentence) prepOnly() bool {
	for _, k := range s.prep {
		if k == "warm-hands" && !s.hasLoc() {
			return true
		}
	}
	if s.verb.base == "cover" && len(s.prep) == 0 {
		return false // "Cover the whole length 3 times": the move again
	}
	if s.verb.c == vPrep && s.prepVerbWorks() {
		return false // "Apply pressure on your foot with both hands", "Brush down from the neck to the waist"
	}
	if s.vi >= 0 && (s.verb.base == "spread" || s.verb.base == "smooth") && s.spreadAlong(s.vi) {
		return false // "Smooth the cream over the back of the hand and up to the wrist with long strokes"
	}
	if s.verb.c == vPrep && s.mobilisesAfter(s.vi+1) {
		return false // "sit tall and let your head hang forward for 20 seconds": the stretch after the posture
	}
	if s.verb.c == vPrep {
		return !s.prepOnlyMovesAfter()
	}
	for _, k := range s.prep {
		if k == "warm-hands" && !s.hasLoc() {
			return true
		}
		if k != "oil" && k != "cream" && k != "tool" && k != "warm-hands" && s.verb.c != vMove && !s.hasStrong() {
			return true
		}
	}
	return s.prepOnlyOiling()
}

// prepOnlyMovesAfter reports a move after a verb of getting ready: the
// sentence then massages too.
func (s *sentence) prepOnlyMovesAfter() bool {
	// "Sit down and knead your calves" moves after it sits; "Stand
	// behind them and rest your hands on their shoulders for a few
	// breaths" holds.
	for _, m := range s.motions {
		if m.strength == 1 && m.ti > s.vi && verbs[s.toks[m.ti].w].c == vMove && !lubricantNear(s.toks, s.vi) && !lubricantNear(s.toks, m.ti) {
			return true
		}
		if m.strength == 0 && m.id == "hold" && m.ti > s.vi && s.hasLoc() && (!s.secs.IsZero() || s.secsVague) && len(s.prep) == 0 {
			return true
		}
		// "Kneel on a cushion … and press the heel of your hand into
		// the crease at the front of the hip": a move joined on
		if m.ti > s.vi && verbs[s.toks[m.ti].w].c == vMove && s.joinedVerb(m.ti+1) && s.hasLoc() && !lubricantNear(s.toks, m.ti) {
			return true
		}
	}
	return false
}

// prepOnlyOiling reports a verb of oiling ("apply", "smooth", "pour" …,
// or "rub", "warm", "put", "use" as the main verb) with a lubricant a few
// words after it: the oiling prepares, unless it is a stroke along the
// limb or a move follows it.
func (s *sentence) prepOnlyOiling() bool {
	t := s.toks
	for i, tk := range t {
		v, ok := verbs[tk.w]
		if !ok {
			continue
		}
		main := i == s.vi
		if i > s.vi && s.vi >= 0 && s.verb.c == vMove {
			break // "long strokes …, just to spread the oil": the stroke is the point
		}
		switch v.base {
		case "apply", "spread", "smooth", "pour", "dab":
		case "rub", "warm", "put", "use":
			if !main {
				continue
			}
		default:
			continue
		}
		for k := i + 1; k < len(t) && k <= i+7; k++ {
			if lubricants[t[k].w] {
				if (v.base == "spread" || v.base == "smooth") && s.spreadAlong(k) {
					// "Spread the lotion with long flowing strokes from the
					// wrist up over the elbow", "Smooth cream from his
					// fingertips up to his wrist": the oiling is a stroke
					// along the limb, a move (the cream is still got ready)
					return false
				}
				// "Rub a little cream between your hands and stroke the
				// whole foot": the oiling, then the move; "put a little
				// cream on and smooth it in from the fingertips up to the
				// wrists": the oiling, then a stroke along the limb.
				return !((v.base == "use" || v.base == "rub" || v.base == "warm" || v.base == "put") && (movesAfter(t, k) || s.smoothedAlong(k)))
			}
		}
	}
	return false
}

// smoothedAlong reports "spread" or "smooth" after token k, along a place:
// "… and smooth it in from the fingertips up to the wrists".
func (s *sentence) smoothedAlong(k int) bool {
	t := s.toks
	for q := k + 1; q < len(t); q++ {
		if w := t[q].w; (w == "smooth" || w == "spread") && s.spreadAlong(q) {
			return true
		}
	}
	return false
}

// spreadAlong reports a product spread (named at token k) along a place
// with strokes or from one place to another: a stroke, not only oiling.
func (s *sentence) spreadAlong(k int) bool {
	t := s.toks
	return len(s.landmarks)+len(s.areas) > 0 && (strokesWith(t, k) || hasWord(t, "from") && (hasWord(t, "to") || hasWord(t, "up")) || !s.rep.IsZero())
}

// strokesWith reports "with" and strokes named after token k: "spread the
// lotion with long flowing strokes".
func strokesWith(t []token, k int) bool {
	for q := k + 1; q+1 < len(t); q++ {
		if t[q].w != "with" {
			continue
		}
		for r := q + 1; r < len(t) && r <= q+4; r++ {
			if w := t[r].w; w == "strokes" || w == "stroke" || w == "circles" || w == "movements" {
				return true
			}
		}
	}
	return false
}

// prepVerbWorks reports a verb of preparation used for a move: it names
// no preparation, and works a place with the hands or along a way
// ("Apply pressure on your foot with both hands", "Brush down from the
// neck to the waist with light fingertips").
func (s *sentence) prepVerbWorks() bool {
	if len(s.prep) > 0 {
		return false
	}
	if s.verb.base == "apply" && s.appliesPressure() {
		// "apply pressure to your head", "Apply some pressure as you
		// press the area and then release" opening its item; after a
		// move, "Apply light pressure as you glide …" is that move's
		// pressure
		if s.asYou() {
			return s.idx == 0
		}
		// "Then apply deeper pressure with your fingers and thumbs": with
		// the hand that presses, on the place of the move before
		return s.hasLoc() || len(s.dirs) > 0 || movesAfter(s.toks, s.vi) || s.hasPart()
	}
	if !s.hasLoc() {
		return false
	}
	return s.verb.base == "apply" && (s.hasPart() || s.appliesMotion()) || s.verb.base == "brush" && len(s.dirs) > 0
}

// appliesPressure reports "pressure" as what the main verb applies: "apply
// (some, firm) pressure".
func (s *sentence) appliesPressure() bool {
	for k := s.vi + 1; k < len(s.toks) && k <= s.vi+3; k++ {
		if s.toks[k].w == "pressure" {
			return true
		}
	}
	return false
}

// appliesMotion reports a motion as what the main verb applies: "Apply
// small, light circular movements to the inner forearm".
func (s *sentence) appliesMotion() bool {
	for k := s.vi + 1; k < len(s.toks) && k <= s.vi+5; k++ {
		if w := s.toks[k].w; isMotionNoun(w) || w == "movements" || w == "movement" || w == "strokes" || w == "circles" {
			return true
		}
		if s.toks[k].w == "to" || s.toks[k].w == "on" {
			break
		}
	}
	return false
}

// movesAfter reports a move joined on after token i: "use plenty of lotion
// and then circle the foot".
func movesAfter(t []token, i int) bool {
	for k := i + 1; k+1 < len(t); k++ {
		if (t[k].w == "and" || t[k].w == "then") && verbs[t[k+1].w].c == vMove {
			return true
		}
	}
	return false
}

// lubricantNear reports oil, cream or lotion within a few words after token i.
func lubricantNear(t []token, i int) bool {
	for k := i + 1; k < len(t) && k <= i+6; k++ {
		if lubricants[t[k].w] {
			return true
		}
	}
	return false
}

// strongMotion is the first named motion of the sentence.
func (s *sentence) strongMotion() string {
	for _, m := range s.motions {
		if m.strength >= 1 {
			if m.strength == 2 {
				return "circle"
			}
			return m.id
		}
	}
	return ""
}

// warnOnly reports a warning that asks for no move: it opens with its
// warning, puts it as a condition ("If you have jaw pain that clicks, see
// a dentist"), or sends the reader to someone ("talk to your doctor").
func (s *sentence) warnOnly() bool {
	if !s.warning {
		return false
	}
	if s.warnLead || s.verb.c == vAsk {
		return true
	}
	switch s.verb.base {
	case "see", "consult", "talk", "speak", "stop", "skip", "avoid", "leave":
		if s.verb.base != "stop" || s.opensWithIf() {
			return true
		}
	}
	return s.opensWithIf()
}

// opensWithNext reports a sentence that opens by moving on: "Then …",
// "Next …", "Now …".
func (s *sentence) opensWithNext() bool {
	w := s.firstWords(2)
	switch {
	case len(w) == 0:
		return false
	case w[0] == "then" || w[0] == "next" || w[0] == "now" || w[0] == "afterwards" || w[0] == "afterward":
		return true
	}
	// "After that, move up to the calves", "After this, …": the next
	// move, told as coming after the one before
	return len(w) == 2 && w[0] == "after" && (w[1] == "that" || w[1] == "this")
}

// firstWords gives the sentence's first n words (fewer when it is
// shorter), punctuation skipped.
func (s *sentence) firstWords(n int) []string {
	var out []string
	for _, t := range s.toks {
		if len(out) == n {
			break
		}
		if t.kind == tWord {
			out = append(out, t.w)
		}
	}
	return out
}

// opensWithIf reports a sentence that opens with a condition, after any
// short label: "If she's had a neck injury, …", "A word of caution: if …".
func (s *sentence) opensWithIf() bool {
	t := s.toks
	p := 0
	if len(t) > 2 && t[0].w == "[" {
		for q := 1; q < len(t) && q <= 4; q++ {
			if t[q].w == "]" {
				p = q + 1 // "[RED] If it stings go lighter": a tag before the if
				break
			}
		}
	}
	for q := 1; q < len(t) && q <= 5 && p == 0; q++ {
		if t[q].w == ":" {
			p = q + 1
			break
		}
	}
	for p < len(t) && (t[p].kind != tWord || leadAdverbs[t[p].w]) {
		p++
	}
	return p < len(t) && (t[p].w == "if" || t[p].w == "unless")
}

// modifierNoVerb reports a sentence with no verb that only counts or
// times, or says how the stroke should feel: "5x.", "6 times, then
// switch.", "The stroke should be long and smooth."
func (s *sentence) modifierNoVerb() bool {
	ws := s.st.ws
	if len(ws) == 0 {
		return false
	}
	if (s.toks[0].kind == tNum || numberWords[s.toks[0].w] > 0 || s.toks[0].w == "twice" || s.toks[0].w == "once") && (!s.rep.IsZero() || !s.secs.IsZero()) && len(ws) <= 6 {
		return true
	}
	// "A minute on each side, she reckons, is enough for most people": the
	// time the move before takes.
	if len(s.toks) > 1 && (s.toks[0].w == "a" || s.toks[0].w == "an" || s.toks[0].kind == tNum || numberWords[s.toks[0].w] > 0) &&
		secondUnits[s.toks[1].w] > 0 && !s.secs.IsZero() && !s.claim && !s.warning {
		return true
	}
	if (!s.rep.IsZero() || !s.secs.IsZero()) && !s.hasLoc() && !s.hasPart() && len(ws) <= 8 && !s.claim && !s.warning {
		return true
	}
	switch ws[0] {
	case "stroke", "strokes", "movement", "movements", "motion", "pressure", "circles", "touch", "rhythm":
		for _, w := range ws {
			if w == "should" || w == "must" {
				return true
			}
		}
	}
	return false
}

// countPerSide reports a sentence that only counts the move before, per
// side or per place: "Maybe 20 strokes a leg.", "About ten circles per
// foot.", "6 each side".
func (s *sentence) countPerSide() bool {
	ws := s.st.ws
	k := 0
	for k < len(ws) && (ws[k] == "maybe" || ws[k] == "about" || ws[k] == "around" || ws[k] == "roughly" || ws[k] == "approximately" || ws[k] == "so") {
		k++
	}
	if k+1 >= len(ws) {
		return false
	}
	if _, ok := numberWords[ws[k]]; !ok && !isDigits(ws[k]) {
		return false
	}
	rest := ws[k+1:]
	if len(rest) > 4 || !(isMotionNoun(rest[0]) || rest[0] == "strokes" || rest[0] == "circles" || rest[0] == "passes" || rest[0] == "times" || rest[0] == "reps") {
		return false
	}
	last := rest[len(rest)-1]
	if len(rest) < 2 || !(sideNouns[last] || bodyWord(last)) {
		return false
	}
	t := s.toks
	for i := len(t) - 1; i > 0; i-- {
		if t[i].w == last {
			return t[i-1].w == "a" || t[i-1].w == "per" || t[i-1].w == "each"
		}
	}
	return false
}

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// endsRepeat reports a sentence whose last verb is "repeat": "Move back to
// the rib cage and repeat."
func (s *sentence) endsRepeat() bool {
	last := ""
	for _, t := range s.toks {
		if v, ok := verbs[t.w]; ok && v.c != vNone {
			last = v.base
		}
	}
	return last == "repeat"
}

// replays reports a sentence that plays one earlier move again, named by
// its motion or its place in the list: "Repeat the long stroke of row 1",
// "Repeat the warm-up glide". "Repeat steps 3 to 5" plays no one move.
func (s *sentence) replays() bool {
	if s.repeatsSteps() {
		return false
	}
	t := s.toks
	for i, x := range t {
		if x.w != "repeat" {
			continue
		}
		for k := i + 1; k < len(t) && k <= i+5; k++ {
			w := t[k].w
			if isMotionNoun(w) && !strings.HasSuffix(w, "ing") || (w == "row" || w == "step") && k+1 < len(t) && t[k+1].kind == tNum {
				return true
			}
			if t[k].kind == tPunct && w != "-" || w == "on" || w == "with" {
				break
			}
		}
	}
	return false
}

// repeatsSteps reports "do steps 3 to 5 again", "repeat steps 1 to 5".
func (s *sentence) repeatsSteps() bool {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].w == "steps" && s.toks[i+1].kind == tNum {
			return true
		}
	}
	return false
}

func (s *sentence) startsOver() bool {
	for i := 0; i+1 < len(s.toks); i++ {
		if (s.toks[i].w == "start" || s.toks[i].w == "begin") && (s.toks[i+1].w == "over" || s.toks[i+1].w == "again") {
			return true
		}
	}
	return false
}

var defineNouns = map[string]bool{"motion": true, "technique": true, "stroke": true, "way": true,
	"movement": true, "called": true, "method": true}

// defines names the motion a sentence defines without instructing:
// "Petrissage is a motion that kneads the flesh", "Kneading with your fist
// is a good way to …".
func (s *sentence) defines() string {
	is := -1
	for i, t := range s.toks {
		if t.w == "is" || t.w == "are" {
			is = i
			break
		}
	}
	if is < 0 {
		return ""
	}
	ok := false
	for k := is + 1; k < len(s.toks) && k <= is+4; k++ {
		if defineNouns[s.toks[k].w] {
			ok = true
		}
	}
	if !ok {
		return ""
	}
	for _, m := range s.motions {
		if m.strength >= 1 && m.id != "hold" {
			return m.id
		}
	}
	return ""
}

// sameAs reports "Do the same movement, this time on the top of the bicep."
func (s *sentence) sameAs() bool {
	if s.verb.base != "do" && s.verb.base != "repeat" || !s.hasLoc() {
		return false
	}
	for _, w := range s.st.ws {
		if w == "same" {
			return true
		}
	}
	return false
}

// returnsStroke reports the way back of the stroke before it: "…, reach
// over the hip and return down the outside of the leg" ("pull back down
// the foot" is a move of its own).
func (s *sentence) returnsStroke() bool {
	t := s.toks
	for i, x := range t {
		switch {
		case x.w == "up" || x.w == "upward" || x.w == "upwards":
			// "Slide the same hand up the neck … and stroke back down":
			// a stroke of its own, up and back
			return false
		case x.w == "return" || x.w == "returning":
			// not "return to the long strokes" (a move played again)
			return i+1 < len(t) && t[i+1].w != "to"
		}
	}
	return false
}

// asYou reports "as you" after the main verb: "Apply light pressure as you
// glide …".
func (s *sentence) asYou() bool {
	for k := s.vi + 1; k+1 < len(s.toks); k++ {
		if s.toks[k].w == "as" && s.toks[k+1].w == "you" {
			return true
		}
	}
	return false
}

// stillHands reports hands kept still: "both hands lying still on", "the
// palms resting on".
func (s *sentence) stillHands() bool {
	for _, t := range s.toks {
		if stillWords[t.w] {
			return true
		}
	}
	return false
}

// asksReader reports a question put to the reader ("Have you ever
// wondered how to …?", "Do you suffer from …?"): no move, unless it
// suggests one ("Why not finish with …?", "How about a foot rub?").
func (s *sentence) asksReader() bool {
	if !strings.HasSuffix(strings.TrimSpace(s.text), "?") {
		return false
	}
	w := s.firstWords(2)
	if t := strings.TrimSpace(s.text); strings.HasPrefix(t, "[") && strings.Contains(t, "]") {
		// "[START] Has your partner just finished a hard run?": a
		// chart's tag, then the question
		z := &sentence{text: strings.TrimSpace(t[strings.Index(t, "]")+1:])}
		z.toks = tokenize(z.text)
		w = z.firstWords(2)
	}
	if len(w) == 2 && (w[0] == "why" && w[1] == "not" || w[0] == "how" && w[1] == "about" || w[0] == "what" && w[1] == "about") {
		return false
	}
	return len(w) > 0 && questionOpeners[w[0]]
}

var questionOpeners = wordSet("have has do does did are is can could would will should what why how when where who")

// replayOf gives the step a short sentence plays again ("Repeat step 1.",
// "Do step 2 again."), when it names one step before the one it would
// make (of, counted from 1), or 0. "Repeat steps 3 to 7 on the other
// foot" names several, and is no step.
func (s *sentence) replayOf(of int) int {
	ws := s.st.ws
	if len(ws) > 10 || s.repeatsSteps() {
		return 0
	}
	again := len(ws) > 0 && (ws[0] == "finish" || ws[0] == "end" || ws[0] == "close") // "Finish with the resting hands from Step 1."
	for i, w := range ws {
		if again && w == "as" && i+2 < len(ws) && ws[i+1] == "you" && (ws[i+2] == "started" || ws[i+2] == "began" || ws[i+2] == "start" || ws[i+2] == "begin") && of > 1 {
			return 1 // "Finish as you started, with the palms up and down.": the first move again
		}
		again = again || w == "repeat" || w == "again"
	}
	for i := 0; i+1 < len(s.toks) && again; i++ {
		if s.toks[i].w == "step" && s.toks[i+1].kind == tNum {
			if n, ok := number(s.toks[i+1]); ok && n >= 1 && int(n) < of && n == float64(int(n)) {
				return int(n)
			}
		}
	}
	return 0
}

// supposeWords open a clause that only supposes: "if the skin is dry".
var supposeWords = wordSet("if when unless whether")

// namesMove reports a motion named by a word that is not the unit of a
// count: "sweeping" in "five sweeping strokes".
func (s *sentence) namesMove() bool {
	for _, m := range s.motions {
		if m.strength >= 1 && m.id != "hold" && !countUnits[m.word] {
			return true
		}
	}
	return false
}

// toolPurpose reports "use your knuckles to dig into the arch", "use both
// hands to jostle the thigh": the giver's hand put to work on a place,
// whatever the verb after "to".
func (s *sentence) toolPurpose() bool {
	if s.vi < 0 || s.verb.base != "use" || !s.hasLoc() {
		return false
	}
	for k := s.vi + 1; k+1 < len(s.toks) && k <= s.vi+5; k++ {
		if s.toks[k].w == "to" && s.toks[k+1].kind == tWord && giverWords[s.toks[k-1].w] {
			return true
		}
	}
	return false
}

// sideNouns are the words "the other …" names a side by.
var sideNouns = wordSet("side sides leg legs arm arms foot feet hand hands calf calves thigh thighs " +
	"shoulder shoulders hip hips knee ankle wrist forearm cheek cheeks ear ears temple half buttock glute")

// repeatsByNumber reports moves played again by their numbers: "Repeat
// 5.4 on the left arm.", "swap over and run 00:00 to 03:30 again", "do 1
// to 4 again". It is no move of its own, however sure the model is.
func repeatsByNumber(t []token) bool {
	for i, x := range t {
		if (x.w == "repeat" || x.w == "run") && i+1 < len(t) && t[i+1].kind == tNum {
			return true
		}
		if x.w == "do" && i+3 < len(t) && t[i+1].kind == tNum && (t[i+2].w == "to" || t[i+2].w == "-" || t[i+2].w == "–" || t[i+2].w == "and") && t[i+3].kind == tNum {
			return true // "Swap feet and do 1 to 4 again."
		}
	}
	return false
}
