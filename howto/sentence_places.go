package howto

import (
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// A sentence's places: a body word is no place worked when it only says how
// the receiver lies or which part of a muscle is meant, or names the
// giver's own body; a place the other hand only holds still counts for
// little; a place a move travels along counts for much.

// positionWords are the verbs of lying and resting a body.
var positionWords = wordSet("lie lies lying lay lays laying rest rests resting sit sits sitting turn turns roll rolls")

// postureWords put a body on a part of it: "kneel on the right knee",
// "stand on one leg". Whatever they rest on is no place worked.
var postureWords = wordSet("kneel kneels kneeling stand stands standing")

// poseWords after a body word say how it is held: "the left foot
// forward", "feet flat", "knees bent".
var poseWords = wordSet("forward forwards flat apart bent crossed straight together outstretched back open closed shut")

// hangWords tell a limb let hang, a pose ("let your arms hang"); a jaw let
// hang loose is the jaw worked.
var hangWords = wordSet("hang hangs hanging dangle dangles dangling limp")

// giverPoses are what a giver does with their own arm to work: "fold your
// arm", "lock your elbow".
var giverPoses = wordSet("fold folds folding bend bends bending lock locks locking straighten keep cross")

// toolParts name a part of the giver's hand in "with the flat of your
// thumb", "using the heel of the hand", "with the side of your hand".
var toolParts = wordSet("flat flats pad pads tip tips heel heels side sides edge edges ball balls back knuckles web")

// positional reports a body word at token ti that names no place worked:
// "the belly of the calf" (the calf is), "face down", "face up", "lie on
// your stomach", "lying on their back", "kneel on the right knee", "the
// left foot forward", "fold your arm", "with the flat of my thumb".
func (s *sentence) positional(ti int) bool {
	t := s.toks
	w := t[ti].w
	next := positionalNext(t, ti)
	switch {
	case s.openerRest(ti):
		s.countOwner(ti)
		return true
	case (w == "belly" || w == "bellies") && next == "of":
		return true
	case s.scopeOnly(ti):
		return true
	case w == "face" && (next == "down" || next == "up" || next == "downward" || next == "upward" || faceRests(t, ti)):
		return true
	case s.handOnWaist(ti):
		return true
	case armsAboutHead(t, ti):
		s.countOwner(ti)
		return true
	case s.perLimb(ti):
		return true
	case s.kneesToChest(ti):
		return true
	case s.crossedOver(ti):
		s.countOwner(ti)
		return true
	case s.leantThrough(ti):
		return true
	case ti >= 1 && t[ti-1].w == "facing" || ti >= 2 && t[ti-2].w == "facing" && (dets[t[ti-1].w] || t[ti-1].w == "their" || t[ti-1].w == "his" || t[ti-1].w == "her"):
		return true // "Position yourself at the top of his body, facing his feet": which way the giver faces
	case poseWords[next] && next != "back" && !s.movesBefore(ti) && !(s.vi >= 0 && s.vi < ti && byHand(t, s.vi)), hangWords[next] && w != "jaw" && w != "mouth",
		s.toolOf(ti) || s.giverPose(ti) || s.restsOn(ti) || s.supportUnder(ti) || s.headMoved(ti) >= 0 || s.usedAsTool(ti) || s.ownHandsMoved(ti):
		// "with the left foot forward", "feet flat on the floor": no
		// place worked, but whose body it is still says who the text is for.
		s.countOwner(ti)
		return true
	}
	if s.stance(ti, next) {
		s.countOwner(ti)
		return true
	}
	return s.positionalLying(ti)
}

// stance reports a body word at token ti, followed by next, that says how
// the body stands: "step your right foot back and press the heel down",
// "push up on your forearms, letting your lower back sag", "Stand on the
// bottom stair on the balls of your feet".
func (s *sentence) stance(ti int, next string) bool {
	t := s.toks
	switch w := t[ti].w; w {
	case "foot", "leg":
		return next == "back" && wordsBefore(t, ti, 4, "step", "steps", "stepping")
	case "forearms", "elbows":
		return ti >= 3 && t[ti-1].w == "your" && t[ti-2].w == "on" && t[ti-3].w == "up"
	case "ball", "balls":
		return ti >= 2 && t[ti-1].w == "the" && t[ti-2].w == "on" && s.stoodOn(ti)
	}
	return false
}

// armsAboutHead reports the head, the ti-th token, only said to be where
// the arms or hands go: "reach up over your head with the right hand",
// "arms above the head". The stretch works the side or the chest, not
// the scalp. Fingers laced behind the head still let its weight work the
// neck, so "behind" is no such word.
func armsAboutHead(t []token, ti int) bool {
	if t[ti].w != "head" {
		return false
	}
	k := ti - 1
	for k >= 0 && (dets[t[k].w] || ownerWords[t[k].w]) {
		k--
	}
	if k < 1 || t[k].w != "over" && t[k].w != "above" || t[k-1].w == "all" {
		return false // "tapping with your fingertips all over his head" works it
	}
	for j := k - 1; j >= 0 && j >= k-7; j-- {
		if t[j].kind == tPunct && t[j].w != "," {
			return false
		}
		switch t[j].w {
		case "hand", "hands", "arm", "arms", "fingers", "fingertips", "elbow", "elbows", "reach", "reaching", "raise", "raising":
			return true
		}
	}
	return false
}

// positionalNext is the word after the ti-th token, or the pose word after
// an adverb: "mouth slightly open".
func positionalNext(t []token, ti int) string {
	next := ""
	if ti+1 < len(t) {
		next = t[ti+1].w
	}
	if (next == "slightly" || next == "half" || next == "wide" || next == "fully") && ti+2 < len(t) && poseWords[t[ti+2].w] {
		next = t[ti+2].w // "mouth slightly open"
	}
	return next
}

// positionalLying reports a body word at token ti that a posture or a verb
// of lying just before it rests the body on.
func (s *sentence) positionalLying(ti int) bool {
	t := s.toks
	w := t[ti].w
	// "lie on your stomach", "lying face down on their front"
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		if t[k].kind == tPunct {
			return false
		}
		if postureWords[t[k].w] {
			s.countOwner(ti)
			return true
		}
		if positionWords[t[k].w] {
			if handsBetween(t, k, ti) || k >= 1 && giverWords[t[k-1].w] && !afterBreak(t, k-1) {
				return false // "Rest both hands on tummy", "both palms resting on your tummy": the hands rest there, on the place worked
			}
			return w == "stomach" || w == "back" || w == "front" || w == "side" || w == "tummy" || w == "belly"
		}
	}
	return false
}

// faceRests reports a face, the ti-th token, only said to rest in or on
// something: "face in the gap between two pillows", "face through the
// hole of the table", "face on her folded arms".
func faceRests(t []token, ti int) bool {
	if ti+2 >= len(t) {
		return false
	}
	k := ti - 1
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w]) {
		k--
	}
	if k >= 0 && verbs[t[k].w].c != vNone {
		return false // "cups his whole face in her hands": the face is what is held
	}
	switch t[ti+1].w {
	case "in", "into", "through", "on", "against":
		return restObjects[t[ti+2].w] || dets[t[ti+2].w] && ti+3 < len(t) && (restObjects[t[ti+3].w] || faceRestNouns[t[ti+3].w] || ti+4 < len(t) && faceRestNouns[t[ti+4].w])
	}
	return false
}

// faceRestNouns are what a face lying down rests in.
var faceRestNouns = wordSet("gap hole cradle ring cushion pillow pillows arms hands towel face-rest headrest")

// stoodOn reports a standing verb earlier in the clause of the ti-th
// token, or "up" just before it: "Stand on the stair on the balls of your
// feet", "come up on the balls of the feet".
func (s *sentence) stoodOn(ti int) bool {
	t := s.toks
	for k := ti - 1; k >= 0; k-- {
		if t[k].kind == tPunct {
			return false
		}
		if postureWords[t[k].w] || t[k].w == "up" && k >= ti-4 {
			return true
		}
	}
	return false
}

// openerRest reports a place in an opening clause that only says how the
// body rests, set off by a comma before the move: "Resting my forearm
// along my thigh, I'd knead from the wrist towards the elbow", "Lying on
// your side, roll the ball …".
func (s *sentence) openerRest(ti int) bool {
	t := s.toks
	if len(t) == 0 || !strings.HasSuffix(t[0].w, "ing") || !positionWords[t[0].w] && !postureWords[t[0].w] {
		return false
	}
	for k := 1; k < len(t); k++ {
		if giverWords[t[k].w] {
			return false // "Resting your hands on her shoulders, knead …": the hands rest on the place worked
		}
		if t[k].w == "," {
			return ti < k && (s.vi == 0 || s.vi > k) && len(t)-k > 3
		}
	}
	return false
}

// leantThrough reports the giver's hands leant through or into: "lean
// through flat palms and glide …", "lean into the heels of your hands
// either side of the spine" work with the hands, not on them.
func (s *sentence) leantThrough(ti int) bool {
	t := s.toks
	switch t[ti].w {
	case "palm", "palms", "hand", "hands", "heel", "heels", "thumbs", "fists", "knuckles", "forearm", "forearms":
	default:
		return false
	}
	for k := ti - 1; k >= 1 && k >= ti-6; k-- {
		if t[k].kind == tPunct {
			return false
		}
		if (t[k].w == "through" || t[k].w == "into" || t[k].w == "onto") && (strings.HasPrefix(t[k-1].w, "lean") || k >= 2 && t[k-1].w == "in" && strings.HasPrefix(t[k-2].w, "lean")) {
			return true
		}
	}
	return false
}

// crossedOver reports a leg crossed over the other to set a stretch or a
// ball: "Cross your right ankle over your left knee, and roll …", "ankle
// on the opposite knee". The ankle and the knee are how the legs lie, not
// where the move works.
func (s *sentence) crossedOver(ti int) bool {
	t := s.toks
	switch t[ti].w {
	case "ankle", "ankles", "knee", "knees", "leg", "legs", "foot", "feet", "shin":
	default:
		return false
	}
	for k := ti - 1; k >= 0 && k >= ti-7; k-- {
		if t[k].kind == tPunct || t[k].w == "and" || t[k].w == "then" {
			return false // "cross the leg over and circle the ankle": the ankle is worked
		}
		if t[k].w == "cross" || t[k].w == "crosses" || t[k].w == "crossing" || t[k].w == "crossed" {
			return true
		}
	}
	// "ankle on the opposite knee", "right ankle over the left knee"
	return (t[ti].w == "knee" || t[ti].w == "knees") && ti >= 3 && (t[ti-1].w == "opposite" || t[ti-1].w == "other" || t[ti-1].w == "left" || t[ti-1].w == "right") &&
		wordIn(t, max(0, ti-5), 4, "ankle", "foot") && wordIn(t, max(0, ti-4), 4, "on", "over", "across")
}

// afterBreak reports a word that opens a phrase after a comma or a dash,
// past its determiners: "…, hands resting on the back of your head" is how
// the hands wait while the move before works.
func afterBreak(t []token, k int) bool {
	j := k - 1
	for j >= 0 && (dets[t[j].w] || bodyAdjs[t[j].w]) {
		j--
	}
	return j >= 0 && t[j].kind == tPunct
}

// kneesToChest reports the knees drawn to the chest, or the chest they
// are drawn to ("hug both knees to your chest and rock"): a stretch whose
// place the text around it says (the lower back, the tummy).
func (s *sentence) kneesToChest(ti int) bool {
	t := s.toks
	at := func(k int) bool { return k >= 0 && k < len(t) && (t[k].w == "knee" || t[k].w == "knees") }
	to := func(k int) bool {
		return k < len(t) && (t[k].w == "to" || t[k].w == "towards" || t[k].w == "toward" || t[k].w == "into")
	}
	chest := func(k int) bool {
		for k < len(t) && dets[t[k].w] {
			k++
		}
		if k+1 < len(t) && (t[k].w == "opposite" || t[k].w == "other") && (t[k+1].w == "shoulder" || t[k+1].w == "armpit") {
			return true // "Hug the right knee towards the opposite shoulder": a stretch of the hip
		}
		return k < len(t) && (t[k].w == "chest" || t[k].w == "tummy")
	}
	switch w := t[ti].w; {
	case w == "knee" || w == "knees":
		k := ti + 1
		if k < len(t) && t[k].w == "hugged" {
			k++
		}
		return to(k) && chest(k+1)
	case w == "chest" || w == "tummy" || (w == "shoulder" || w == "armpit") && ti > 0 && (t[ti-1].w == "opposite" || t[ti-1].w == "other"):
		for k := ti - 1; k >= 0 && k >= ti-4; k-- {
			if to(k) {
				return at(k-1) || k >= 1 && t[k-1].w == "hugged" && at(k-2)
			}
		}
	}
	return false
}

// perLimb reports a limb named after a count or a time, "each" or "per"
// between: "5 times each arm", "30 seconds per leg" say how often on each
// side, not where the move works.
func (s *sentence) perLimb(ti int) bool {
	t := s.toks
	if (t[ti].w == "each" || t[ti].w == "per") && ti+1 < len(t) {
		ti++ // "each arm" is read as one phrase from "each"
	}
	switch t[ti].w {
	case "arm", "arms", "leg", "legs", "foot", "feet", "hand", "hands", "side", "sides":
	default:
		return false
	}
	if ti < 2 || t[ti-1].w != "each" && t[ti-1].w != "per" {
		return false
	}
	switch t[ti-2].w {
	case "times", "time", "seconds", "secs", "sec", "minutes", "minute", "mins", "min", "passes", "strokes", "reps", "breaths":
		return true
	}
	return t[ti-2].kind == tNum
}

// handsBetween reports the giver's hands named between tokens k and ti:
// what rests or is laid is the hands.
func handsBetween(t []token, k, ti int) bool {
	for q := k + 1; q < ti; q++ {
		switch t[q].w {
		case "hand", "hands", "palm", "palms", "fingers", "fingertips", "thumbs":
			return true
		}
	}
	return false
}

// scopeOnly reports a body word after "for" in a sentence that makes no
// move: "Takes me about 10 min for both legs", "a good routine for the
// feet" say what it is for, not where a move works; a sentence that opens
// with it says where the moves after it work.
func (s *sentence) scopeOnly(ti int) bool {
	if s.verb.c == vMove {
		return false
	}
	k := ti - 1
	for k >= 0 && (dets[s.toks[k].w] || bodyAdjs[s.toks[k].w]) {
		k--
	}
	// "For the lower back, she switches to the heels of her hands" says
	// where the moves that follow work.
	return k > 0 && s.toks[k].w == "for"
}

// moveOnVerbs move a part somewhere, so a pose word after it says where
// it goes: "bring the knees together", "stretch your neck forward".
var moveOnVerbs = wordSet("bring pull push press stretch stretches stretching circle circles circling roll rolls rolling rotate rotates rotating shrug shrugs shrugging")

// movesBefore reports a move verb just before token ti ("bring the knees
// together" moves them, "circle both shoulders forwards" turns them), so
// a pose word after it says where they go.
func (s *sentence) movesBefore(ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		if dets[s.toks[k].w] || bodyAdjs[s.toks[k].w] {
			continue
		}
		return moveOnVerbs[s.toks[k].w]
	}
	return false
}

// restObjects are what a body rests on or against.
var restObjects = wordSet("table bed floor couch sofa mat chair stool pillow pillows cushion cushions backrest " +
	"wall desk towel lap armrest bench ground headrest")

// supportUnder reports a body part with something put under it for
// comfort: "lie on your front with a pillow under your chest", "a rolled
// towel beneath the knees" say how the receiver lies, not where the hands
// work.
func (s *sentence) supportUnder(ti int) bool {
	t := s.toks
	k := ti - 1
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w]) {
		k--
	}
	if k < 1 || t[k].w != "under" && t[k].w != "beneath" && t[k].w != "underneath" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if restObjects[t[j].w] || t[j].w == "bolster" || t[j].w == "wedge" {
			return true
		}
	}
	return false
}

// restsOn reports a body part put on or against something to rest: "lean
// their chest on a cushion", "rest your forearm on the table".
func (s *sentence) restsOn(ti int) bool {
	t := s.toks
	k := ti + 1
	if k >= len(t) || t[k].w != "on" && t[k].w != "against" && t[k].w != "onto" {
		return false
	}
	for k++; k < len(t) && k <= ti+5; k++ {
		if restObjects[t[k].w] {
			return true
		}
		if !dets[t[k].w] && t[k].kind != tWord {
			return false
		}
	}
	return false
}

// headVerbs move the head: "drop your right ear towards your shoulder",
// "bring the chin down to the chest", "roll the head".
var headVerbs = wordSet("roll rolls rolling circle circles circling tilt tilts tilting tip tips tipping " +
	"drop drops dropping lower lowers lowering nod nods nodding turn turns turning bend bends bending " +
	"bring brings bringing rotate rotates rotating fall falls falling sink sinks sinking hang hangs hanging " +
	"ease eases easing draw draws drawing pull pulls pulling")

// pullVerbs move the head by the chin, but pull at an ear.
var pullVerbs = wordSet("draw draws drawing pull pulls pulling")

var headParts = wordSet("head chin ear ears")

// headGoes and headWays tell where the head goes after "so" or "until":
// "so your chin heads towards your chest".
var (
	headGoes = wordSet("heads goes comes drops falls sinks tips moves")
	headWays = wordSet("towards toward to down forward forwards")
)

// headMoved reports a body word that only says how the head moves, which
// works the neck: the head, chin or ear moved by a head verb, and the
// chest or shoulder it moves towards. It gives the token of the verb, or
// -1.
func (s *sentence) headMoved(ti int) int {
	t := s.toks
	k := ti - 1
	if w := t[ti].w; w == "chest" || w == "shoulder" || w == "shoulders" {
		// "… the chin down to the chest", "… your ear towards your shoulder"
		for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w] && !headVerbs[t[k].w]) { // "lower your chin": the verb, not "lower back"
			k--
		}
		if k > 0 && t[k].w == "over" && (t[k-1].w == "look" || t[k-1].w == "looking" || t[k-1].w == "glance") {
			return k - 1 // "turn your head to look over your shoulder"
		}
		if k < 0 || t[k].w != "to" && t[k].w != "towards" && t[k].w != "toward" && t[k].w != "onto" && t[k].w != "into" {
			return -1
		}
		k--
		if k >= 0 && (t[k].w == "down" || t[k].w == "over") {
			k--
		}
		if k < 0 || !headParts[t[k].w] {
			return -1
		}
		return s.headMoved(k)
	}
	if !headParts[t[ti].w] {
		return -1
	}
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w] && !headVerbs[t[k].w]) { // "lower your chin": the verb, not "lower back"
		k--
	}
	if k >= 0 && headVerbs[t[k].w] && !(pullVerbs[t[k].w] && (t[ti].w == "ear" || t[ti].w == "ears")) {
		return k // "pull the ear gently out" works the ear itself
	}
	if k >= 0 && (t[k].w == "press" || t[k].w == "push") && t[ti].w == "head" && ti+1 < len(t) && (t[ti+1].w == "back" || t[ti+1].w == "backwards" || t[ti+1].w == "into" || t[ti+1].w == "against") {
		return k // "Press your head back gently into the towel": the neck pushes
	}
	if k >= 0 && (t[k].w == "let" || t[k].w == "lets" || t[k].w == "letting") && ti+1 < len(t) && headVerbs[t[ti+1].w] {
		return ti + 1 // "let your right ear drop towards your shoulder"
	}
	if k >= 0 && (t[k].w == "so" || t[k].w == "until") && ti+2 < len(t) && headGoes[t[ti+1].w] && headWays[t[ti+2].w] {
		return ti + 1 // "so your chin heads towards your chest", "until your chin comes down"
	}
	if (k < 0 || leadAdverbs[t[k].w] && k == 0 || t[k].w == ",") && (t[ti].w == "ear" || t[ti].w == "chin") && tiltSaidShort(t, ti+1) {
		// "Then the left ear to the left shoulder.", "Chin down to chest,
		// hold 15 seconds", "slow nods, chin to chest": the same tilt, said short
		return ti
	}
	return -1
}

// tiltSaidShort reports the words from k on as where an ear or a chin
// goes, with no verb: "(down) to the chest", "towards the shoulder"; "chin
// to ear" along the jaw is a stroke's path, no tilt.
func tiltSaidShort(t []token, k int) bool {
	if k < len(t) && (t[k].w == "down" || t[k].w == "over" || t[k].w == "in") {
		k++
	}
	if k >= len(t) || t[k].w != "to" && t[k].w != "towards" && t[k].w != "toward" {
		return false
	}
	for j := k + 1; j < len(t) && j <= k+3; j++ {
		switch w := t[j].w; {
		case w == "chest" || w == "shoulder" || w == "shoulders":
			return true
		case !dets[w] && !bodyAdjs[w] && !ownerWords[w] && w != "r" && w != "l":
			return false
		}
	}
	return false
}

// readHeadMoves reads a move of the head as a place worked, the neck: the
// head, chin or ear it moves are no place of their own (positional).
func (s *sentence) readHeadMoves() {
	if s.movesHead() && !s.opensForHands() {
		// The move of the head is the move: the neck comes first.
		s.areas = append([]string{"neck"}, remove(s.areas, "neck")...)
		if s.refs == nil {
			s.refs = map[string]bool{}
		}
		s.refs["neck"] = false
		// "Put both hands on the back of your head and pull your chin
		// down": the hands on the head only steer it
		for _, a := range s.areas {
			if a == "scalp" || a == "head" || a == "face" {
				s.refs[a] = true
			}
		}
		for _, l := range s.landmarks {
			if lm, ok := massage.LandmarkByID(l); ok && (lm.Area == "scalp" || lm.Area == "head" || lm.Area == "face") {
				s.refs[l] = true
			}
		}
	}
}

// opensForHands reports a sentence that moves a part only to open a place
// to the hands: "tip the head sideways so that the far side is
// exposed".
func (s *sentence) opensForHands() bool {
	for i, x := range s.toks {
		switch x.w {
		case "expose", "exposes", "exposed", "exposing", "access", "reach":
			return true
		case "so":
			if i+1 < len(s.toks) && s.toks[i+1].w == "that" {
				return true
			}
		}
	}
	return false
}

// movesHead reports a sentence that moves the head: it works the neck.
func (s *sentence) movesHead() bool {
	for ti := range s.toks {
		if headParts[s.toks[ti].w] {
			// "the hollow that opens when you drop your chin" moves nothing
			if v := s.headMoved(ti); v >= 0 && !s.inAsideClause(v) && !(v > 0 && s.toks[v-1].w == "you") {
				return true
			}
		}
	}
	return false
}

// toolOf reports a body word a giver works with, named by its part: "with
// the flat of my thumb", "using the side of your hand".
func (s *sentence) toolOf(ti int) bool {
	t := s.toks
	k := ti - 1
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w]) {
		k--
	}
	if k < 1 || t[k].w != "of" || !toolParts[t[k-1].w] {
		return false
	}
	k -= 2
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w]) {
		k--
	}
	if k >= 0 && verbs[t[k].w].c == vMove && t[ti-1].w == "your" && wordIn(t, ti+1, 3, "across", "over", "along", "into", "onto", "down", "up") {
		return true // "Lean the flats of your forearms across his upper back": what the giver leans with
	}
	return k >= 0 && (t[k].w == "with" || t[k].w == "using" || t[k].w == "use")
}

// usedAsTool reports a limb the giver works with: "use your free arm to
// knead your back", "Use your feet to slide back and forth over the
// towel", "using your forearm to glide". "Use your right hand to knead
// the left hand" still works the left hand.
//
// A list of limbs is used alike: "use their hands or forearms to gently
// rub the lower back" works the lower back.
func (s *sentence) usedAsTool(ti int) bool {
	t := s.toks
	if !toolLimbs[t[ti].w] {
		return false
	}
	first, last := ti, ti
	for first >= 2 && (t[first-1].w == "or" || t[first-1].w == "and") && toolLimbs[t[first-2].w] {
		first -= 2
	}
	for last+2 < len(t) && (t[last+1].w == "or" || t[last+1].w == "and") && toolLimbs[t[last+2].w] {
		last += 2
	}
	k := first - 1
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w] || t[k].w == "free" || t[k].w == "other" || t[k].w == "own" || t[k].w == "spare") {
		k--
	}
	if k < 0 || k == first-1 {
		return false // "use arms" with no "your": not the giver's
	}
	switch t[k].w {
	case "use", "uses", "using":
		return last+1 < len(t) && (t[last+1].w == "to" || last+2 < len(t) && t[last+2].w == "to")
	}
	return false
}

// toolLimbs are the limbs a giver may work with.
var toolLimbs = wordSet("arm arms forearm forearms elbow elbows foot feet knee knees leg legs hand hands")

// ownHandsMoved reports the doer's own hands as what the verb moves, to a
// place named after them: "Pip tapped her fingertips all over Grandpa's
// back", "Sweep your palms across the shoulders" (the back and the
// shoulders are worked, not the hands).
func (s *sentence) ownHandsMoved(ti int) bool {
	t := s.toks
	if !giverWords[t[ti].w] || ti < 2 || s.vi < 0 || ti-2 != s.vi {
		return false
	}
	if !s.ownPossessive(t[ti-1].w) {
		return false // "holding their hand between both of yours": the receiver's
	}
	for k := ti + 1; k < len(t) && k <= ti+4; k++ {
		if locPreps[t[k].w] || t[k].w == "all" && k+1 < len(t) && t[k+1].w == "over" {
			return true
		}
		if t[k].kind == tPunct {
			return false
		}
	}
	return false
}

// ownPossessive reports a possessive that names the doer of the main
// verb: "your" for an instruction, "my" after "I", "her" or "his" after
// she, he or a name, "their" after they or the partner.
func (s *sentence) ownPossessive(w string) bool {
	subj := ""
	for k := 0; k < s.vi; k++ {
		subj = s.toks[k].w
	}
	switch w {
	case "your":
		return s.form == fImperative || subj == "you"
	case "my":
		return subj == "i"
	case "her", "his":
		return subj == "she" || subj == "he" || s.vi == s.namedDoer()
	case "their":
		return subj == "they" || subj == "partner" || subj == "giver"
	}
	return false
}

// handOnWaist reports a hand set on the waist or hip to stand by, while
// the other works: "Place the right hand on the waist, extend the left
// hand, and …", "with the left hand on the waist".
func (s *sentence) handOnWaist(ti int) bool {
	t := s.toks
	if w := t[ti].w; w != "waist" && w != "hip" && w != "hips" || ti < 4 {
		return false
	}
	if !(t[ti-1].w == "the" || t[ti-1].w == "your") || t[ti-2].w != "on" {
		return false
	}
	h := t[ti-3].w
	return (h == "hand" || h == "hands") && (t[ti-4].w == "right" || t[ti-4].w == "left" || t[ti-4].w == "other" || t[ti-4].w == "one" || t[ti-4].w == "free")
}

// giverPose reports the giver's own arm in a text for a partner: "fold
// your arm", "keep your elbows soft".
func (s *sentence) giverPose(ti int) bool {
	w := s.toks[ti].w
	if s.selfText || ti < 2 || s.toks[ti-1].w != "your" {
		return false
	}
	switch w {
	case "arm", "arms", "elbow", "elbows", "forearm", "forearms", "shoulder", "shoulders", "wrist", "wrists", "back":
		return giverPoses[s.toks[ti-2].w]
	}
	return false
}

// supportVerbs hold a part still while the other hand works.
var supportVerbs = wordSet("support supports supporting steady steadies steadying stabilise stabilize " +
	"stabilising stabilizing cradle cradles cradling brace bracing hold holds holding grip gripping anchor anchoring cup cups cupping")

// placeAt gives each place a sentence names the token of each mention.
func (s *sentence) placeAt() map[string][]int {
	at := map[string][]int{}
	for _, h := range s.hits {
		ti := s.st.ti[h.i]
		for _, v := range h.e.vals {
			if v.c == cLandmark || v.c == cArea {
				at[v.id] = append(at[v.id], ti)
			}
		}
	}
	return at
}

// supportSpan is the clause, [from, to), in which the other hand only
// holds a place still before the move: "Support the forehead with one
// hand; with the other, squeeze the back of the neck …", "Holding the
// heel in one hand, trace circles round the ankle bone". from is -1 when
// there is none.
func (s *sentence) supportSpan() (from, to int) {
	t := s.toks
	p := 2
	if len(t) > 5 && restParticiples[t[2].w] {
		p = 3 // "one hand cupped on Mum's forehead, the other squeezing …"
	}
	if len(t) > p+2 && (t[0].w == "one" || t[0].w == "a") && (t[1].w == "hand" || t[1].w == "palm") && (t[p].w == "on" || t[p].w == "against" || t[p].w == "over") {
		// "One hand on the forehead, tip the head forward, other hand
		// kneads the muscles at the top of the neck": a hand set still,
		// with no verb
		for b := p + 1; b < len(t); b++ {
			if t[b].w == "," || t[b].w == ";" {
				for _, m := range s.motions {
					if m.ti > b && m.strength >= 1 && m.id != "hold" {
						return 0, b
					}
				}
				break
			}
		}
	}
	if a, b := s.handRestSpan(); a >= 0 {
		return a, b
	}
	for a := 0; a < len(t); a++ {
		if !supportVerbs[t[a].w] {
			continue
		}
		for b := a + 1; b < len(t); b++ {
			if t[b].w != ";" && t[b].w != "," {
				continue
			}
			for _, m := range s.motions {
				if m.ti > b && m.strength >= 1 && m.id != "hold" {
					return a, b
				}
			}
			return -1, -1
		}
		return -1, -1
	}
	return -1, -1
}

// handRestSpan is the clause, after a move, in which a hand only rests on
// a place: "Tip your right ear towards your right shoulder and let your
// right hand rest lightly on the side of your head" stretches the neck,
// the hand on the head only resting. from is -1 when there is none.
func (s *sentence) handRestSpan() (from, to int) {
	t := s.toks
	for k := 2; k < len(t); k++ {
		if t[k].w != "rest" && t[k].w != "rests" && t[k].w != "resting" {
			continue
		}
		before := t[k-1].w == "hand" || t[k-1].w == "palm" || t[k-2].w == "hand" || t[k-2].w == "palm"
		if !before && !wordIn(t, k+1, 4, "hand", "palm") {
			continue
		}
		if s.vi < 0 || s.vi >= k-3 {
			return -1, -1 // the rest is the move itself: "rest your hand on the shoulder for a breath"
		}
		b := k + 1
		for b < len(t) && t[b].kind != tPunct {
			b++
		}
		if before {
			return max(k-4, s.vi+1), b // "let your right hand rest …"
		}
		return k, b // "… and rest your left hand lightly on the side of your head"
	}
	return -1, -1
}

// travelVerbs carry a move along a place: "working down the neck",
// "moving along the jaw".
var travelVerbs = wordSet("work works working move moves moving travel travels travelling traveling " +
	"continue continuing carry carrying go going run running")

// travelPreps name the way a move travels.
var travelPreps = wordSet("down along up over across around round")

// travelled reports a place at token ti that a move travels along:
// "working down the neck to the shoulders".
func (s *sentence) travelled(ti int) bool {
	t := s.toks
	k := ti - 1
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w]) {
		k--
	}
	if k < 1 || !travelPreps[t[k].w] {
		return false
	}
	k--
	if k >= 0 && (t[k].w == "way" || t[k].w == "all") {
		k -= 2 // "working all the way down the neck"
	}
	return k >= 0 && travelVerbs[t[k].w]
}

// feltAt are the places where a stretch is felt or aimed: "let your heel
// sink until you feel a stretch down the back of the calf" and "press the
// sole down to stretch the calf" work the calf, not the heel or the sole
// that moves.
func (s *sentence) feltAt() map[string]bool {
	out := map[string]bool{}
	t := s.toks
	from := -1
	for i := 0; i+1 < len(t); i++ {
		if (t[i].w == "feel" || t[i].w == "feels") && wordIn(t, i+1, 3, "stretch", "pull", "stretching", "tension") {
			from = i
			break
		}
		if t[i].w == "until" && wordIn(t, i+1, 7, "stretches", "pulls", "stretched", "lengthens") {
			from = i // "leaning in until the calf stretches", "until the back of the leg pulls"
			break
		}
		if t[i].w == "to" && (t[i+1].w == "stretch" || t[i+1].w == "lengthen") && i > 0 {
			from = i // "press the sole down towards the mat to stretch the calf"
			break
		}
	}
	if from < 0 {
		return out
	}
	for id, tis := range s.placeAt() {
		for _, ti := range tis {
			if ti > from && ti <= from+10 {
				out[id] = true
			}
		}
	}
	return out
}

// placeRoles says, per place of a sentence, whether every mention of it is
// only held still by the other hand, and whether any is travelled along.
func (s *sentence) placeRoles() (held, path map[string]bool) {
	from, to := s.supportSpan()
	held, path = map[string]bool{}, map[string]bool{}
	for id, tis := range s.placeAt() {
		all := from >= 0
		for _, ti := range tis {
			all = all && ti >= from && ti < to
			if s.travelled(ti) {
				path[id] = true
			}
		}
		if all {
			held[id] = true
		}
	}
	worked := 0 // places named besides those held, not only as where the move heads
	for _, id := range append(append([]string{}, s.landmarks...), s.areas...) {
		if !held[id] && !s.refs[id] {
			worked++
		}
	}
	if len(held) > 0 && worked == 0 {
		// "Holding the forearm with both hands, twist …", "grip the top of
		// your left shoulder, then squeeze, working out towards the arm":
		// with no other place worked, the place held is the place worked.
		held = map[string]bool{}
	}
	return held, path
}

// lengthOfBack reports a move on the lower back that also works the neck
// or the shoulders, or the other way round: "glide up from the lower back
// to the neck, out over the shoulders" runs the length of the back.
func lengthOfBack(a, b string) bool {
	top := func(x string) bool { return x == "neck" || x == "shoulders" }
	return a == "lower-back" && top(b) || b == "lower-back" && top(a)
}

// parentOfSiblings is the area that holds two different areas, when
// working both is working it; "" when they are not such siblings.
func parentOfSiblings(a, b string) string {
	x, okA := massage.AreaByID(a)
	y, okB := massage.AreaByID(b)
	if !okA || !okB || a == b || x.Parent == "" || x.Parent != y.Parent || !siblingParents[x.Parent] {
		return ""
	}
	return x.Parent
}

// siblingParents are the areas whose parts, worked together, make the
// whole: the upper and lower back are the back.
var siblingParents = map[string]bool{"back": true}

// jointsTurned are the joints a sentence turns round: "rotate the
// ankles", "turn the wrist slowly in circles", "draw circles with the
// ankle", "ankle circles". A joint turned is the place worked, not where
// a stroke starts or ends.
func (s *sentence) jointsTurned() map[string]bool {
	var out map[string]bool
	for id, at := range s.placeAt() {
		if !limbJoints[id] {
			continue
		}
		for _, ti := range at {
			if s.turnsJointAt(ti) {
				if out == nil {
					out = map[string]bool{}
				}
				out[id] = true
			}
		}
	}
	return out
}

// turnVerbs move a joint round its axis.
var turnVerbs = wordSet("rotate rotates rotating rotated turn turns turning turned circle circles circling circled")

// footTurned reports the whole foot turned round ("Circle the foot
// slowly", "turn the foot round"): a move of the ankle.
func (s *sentence) footTurned() bool {
	for _, ti := range s.placeAt()["feet"] {
		if w := s.toks[ti].w; (w == "foot" || w == "feet") && s.turnsJointAt(ti) {
			return true
		}
	}
	return false
}

// handTurned reports the whole hand turned round on its wrist ("circle
// the hand slowly", "turn her hand slowly in circles"): a move of the
// wrist. A hand turned over, palm up, only shows the palm, and hands
// turned "in opposite directions" wring what they hold.
func (s *sentence) handTurned() bool {
	t := s.toks
	for _, ti := range s.placeAt()["hands"] {
		if w := t[ti].w; (w == "hand" || w == "hands") && s.turnsJointAt(ti) && !wordIn(t, ti+1, 2, "over", "palm", "so", "and") && !wordIn(t, ti+1, 4, "opposite") {
			return true
		}
	}
	return false
}

// heelDrops are the verbs of a heel lowered below a step or pushed to the
// floor, and of heel raises: stretches and lifts of the calf.
var (
	heelDrops  = wordSet("lower lowers lowering drop drops dropping sink sinks sinking hang hangs hanging push pushes pushing dip dips dipping raise raises raising press presses pressing down flat")
	heelGround = wordSet("step steps stair stairs floor edge kerb ground grass")
)

// heelDropped reports a heel lowered below a step or pushed to the
// floor ("lower one heel below the step", "let your heels sink below the
// edge", "push one heel to the floor behind you"), or raised ("ten slow
// heel raises", "rise onto your toes"): what works is the calf. A heel rolled over a ball is the
// foot's.
func (s *sentence) heelDropped() bool {
	t := s.toks
	if s.tool {
		return false
	}
	for ti, x := range t {
		if (x.w == "toes" || x.w == "tiptoes" || x.w == "tiptoe") && wordsBefore(t, ti, 4, "rise", "rises", "rising") {
			return true // "rise up onto your toes and lower slowly": a calf raise
		}
		if x.w != "heel" && x.w != "heels" || ti+1 < len(t) && t[ti+1].w == "of" {
			continue // not "the heel of your hand"
		}
		if ti+1 < len(t) && (t[ti+1].w == "raises" || t[ti+1].w == "drops" || t[ti+1].w == "dips") {
			return true
		}
		near := false
		for k := max(0, ti-4); k < len(t) && k <= ti+3; k++ {
			near = near || heelDrops[t[k].w]
		}
		if near && hasAnyWord(t, heelGround) {
			return true
		}
	}
	return false
}

// doorwayStretch reports the chest stretched in a doorway: forearms or
// hands on the frame and a step or lean through it ("Stand in a doorway
// with your forearms on the frame and lean through gently"), or a
// "doorway stretch" named; not a ball pressed against the frame.
func (s *sentence) doorwayStretch() bool {
	t := s.toks
	if s.tool {
		return false
	}
	door, through := false, false
	for k, x := range t {
		switch x.w {
		case "doorway", "doorframe", "frame":
			door = true
		case "through":
			through = through || k > 0 && wordsBefore(t, k, 4, "lean", "leaning", "step", "stepping", "walk", "press")
		case "stretch":
			through = through || k > 0 && (t[k-1].w == "doorway" || t[k-1].w == "pec")
		}
	}
	return door && through
}

// kneesRocked reports bent knees rocked, swayed or let fall from side to
// side while lying ("Rock your knees slowly side to side", "let both
// knees fall to the left"): what works is the lower back.
func (s *sentence) kneesRocked() bool {
	t := s.toks
	for ti, x := range t {
		if x.w != "knees" {
			continue
		}
		rock := false
		for k := max(0, ti-4); k < len(t) && k <= ti+3; k++ {
			rock = rock || kneeRocks[t[k].w]
		}
		if rock && (wordIn(t, ti+1, 8, "side") || wordIn(t, ti+1, 6, "left", "right")) {
			return true
		}
	}
	return false
}

var kneeRocks = wordSet("rock rocks rocking sway sways swaying fall falls falling drop drops dropping roll rolls rolling tip tips")

// toesBent reports toes bent or curled back and forth ("bend all the toes
// back towards me", "grab the toes in your fist and bend them"): the toes
// are worked, when no other part of the foot is (stepDraft.bendsToes).
func (s *sentence) toesBent() bool {
	t := s.toks
	for ti, x := range t {
		if x.w != "toe" && x.w != "toes" {
			continue
		}
		if wordsBefore(t, ti, 4, toeBends...) {
			return true // "bend each toe back and forth"
		}
		for k := ti + 1; k+1 < len(t) && k <= ti+6; k++ {
			if slices.Contains(toeBends, t[k].w) && t[k+1].w == "them" {
				return true // "grip the toes together and bend them down"
			}
		}
	}
	return false
}

var (
	toeBends     = []string{"bend", "bends", "bending", "bent", "curl", "curls", "curling", "curled"}
	notToesAlone = wordSet("sole soles arch arches heel heels instep ankle ankles foot feet")
)

// restParticiples say how a hand set still rests: "one hand cupped on the
// forehead".
var restParticiples = wordSet("cupped resting rested placed laid spread flat")

// circleLeads stand between a joint and the circles it is taken through.
var circleLeads = wordSet("through in into slow small gentle big wide large easy a few")

// bendVerbs bend a wrist or an ankle to stretch it; a knee or an elbow
// bent is more often a pose than the place worked.
var bendVerbs = wordSet("bend bends bending flex flexes flexing")

// turnsJointAt reports a joint, the ti-th token, that a turning verb a few
// words before takes as its object ("rotate each of the ankles", "circles
// with the ankle"), or that names circles after it ("wrist circles").
func (s *sentence) turnsJointAt(ti int) bool {
	t := s.toks
	if ti+1 < len(t) && (t[ti+1].w == "circles" || t[ti+1].w == "rotations") {
		return true
	}
	for k := ti + 1; k < len(t) && k <= ti+4 && t[ti].w != "hand" && t[ti].w != "hands"; k++ { // not "swept her hands in big circles"
		if w := t[k].w; w == "circles" || w == "rotations" {
			return true // "take the foot through slow circles"
		} else if !circleLeads[w] {
			break
		}
	}
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		switch w := t[k].w; {
		case turnVerbs[w]:
			return true
		case bendVerbs[w] && (t[ti].w == "wrist" || t[ti].w == "wrists" || t[ti].w == "ankle" || t[ti].w == "ankles"):
			return true // "bend the wrist back": the joint stretched
		case w == "the" || w == "each" || w == "of" || w == "both" || w == "with" || w == "your" || w == "their" || w == "his" || w == "her" || w == "slow" || w == "small":
		default:
			return false
		}
	}
	return false
}
