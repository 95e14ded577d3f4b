package howto

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Preparations told in the text: a list of things to have ready, a
// position the receiver takes, hands washed or warmed, jewellery taken
// off, nails kept short, a tool worked; each found as the sentence is
// filed (doc.findPrep) with the seconds it gives.

// needsWords mark a list of things to have ready.
var needsWords = []string{"need", "before you begin", "before you start", "equipment", "supplies",
	"what you", "getting ready", "prepare", "preparation", "requirement", "ingredient", "kit", "tools",
	"set up", "setup", "get ready"}

func needsContext(b *block) bool {
	// a section headed "Before" or "Before the massage" gets things ready
	if sec := strings.ToLower(strings.TrimSpace(sectionText(b))); sec == "before" || strings.HasPrefix(sec, "before ") {
		return true
	}
	for _, t := range []string{b.title, sectionText(b), labelOf(b.text)} {
		low := strings.ToLower(t)
		for _, w := range needsWords {
			if strings.Contains(low, w) {
				return true
			}
		}
	}
	return false
}

// labelOf is a short label that opens a text before a colon: "Kit" in
// "Kit: a firm ball …".
func labelOf(t string) string {
	i := strings.IndexByte(t, ':')
	if i <= 0 || len(strings.Fields(t[:i])) > 4 {
		return ""
	}
	return t[:i]
}

func sectionText(b *block) string {
	if b.section == nil {
		return ""
	}
	return b.section.text
}

// contextPrep are kinds found only in instructions or lists of things to
// have ready, never in passing ("a foam roller can help, too").
var contextPrep = map[string]bool{"jewellery": true, "nails": true, "tool": true, "wash": true,
	"dry": true, "warm-hands": true}

// findPrep notes the preparations a sentence names; "You need a
// wide-toothed comb", "She uses a wooden comb" ask for them as an
// instruction does.
func (d *doc) findPrep(s *sentence) {
	instr := s.form != fNone || needsContext(s.b) || wordIn(s.toks, 0, min(4, len(s.toks)), "need", "needs", "bring", "uses", "carries")
	// a sentence that gets something ready already ("a bowl of warm water,
	// feet in for 10 min. pat them dry") may name the rest in passing
	ready := false
	for _, k := range s.prep {
		ready = ready || !contextPrep[k] && k != "towel"
	}
	for _, k := range handsPrep(s.toks) {
		// told in passing with a product got ready: "a few drops of oil,
		// warmed between the palms" warms the hands
		if instr || s.b.kind == bItem || ready && k == "warm-hands" || k == "wash" && (showered(s.toks) || handsWashed(s.toks)) {
			d.addPrep(k, s)
		}
	}
	for _, k := range s.prep {
		if contextPrep[k] && !instr && !ready && !(k == "jewellery" && takenOff(s.toks)) && !(k == "nails" && hasAnyWord(s.toks, nailsKept)) {
			continue
		}
		d.addPrep(k, s)
	}
	if positionTold(s.toks) || postureOpens(s) {
		d.addPrep("position", s)
	}
	if washedOff(s.toks) && !s.warning {
		d.addPrep("wash", s)
	}
	if dryTold(s.toks) && !s.warning {
		d.addPrep("dry", s) // "pat them completely dry", "Towel your feet dry", "let them air dry"
	}
	if !d.prepSeen["tool"] && (instr || s.b != nil && s.b.kind == bItem) && toolWorked(s.toks) {
		d.addPrep("tool", s) // "Roll the ball under one foot …", "set the roller under the thigh"
	}
	if s.form != fNone {
		d.findPrepPositionAsked(s)
		return
	}
	d.findPrepPositionTold(s)
}

// findPrepPositionAsked notes the position an instruction asks for: a verb
// of sitting or lying, or of laying a person down.
func (d *doc) findPrepPositionAsked(s *sentence) {
	for k, t := range s.toks {
		if v, ok := verbs[t.w]; ok && (positionVerbs[v.base] || k == s.vi && s.verb.base == "lie") && k >= s.vi && !relPronouns[s.prevWord(k)] {
			d.addPrep("position", s)
			break
		}
		// "lay your baby on a soft towel", "Turn your partner onto their front"
		if v, ok := verbs[t.w]; ok && layVerbs[v.base] && k >= s.vi && laidPerson(s.toks, k) {
			d.addPrep("position", s)
			break
		}
	}
}

// findPrepPositionTold notes the position a sentence that asks nothing
// tells the receiver is in.
func (d *doc) findPrepPositionTold(s *sentence) {
	// "when she's sitting in her armchair", "The person receiving lies face
	// down": where the receiver is, told rather than asked; and in a list
	// of what to have ready, "A chair with a back, or sit up in bed": a
	// clause that opens with the position
	for k, t := range s.toks {
		if v, ok := verbs[t.w]; ok && positionVerbs[v.base] && k > 0 && (receiverSubjects[s.toks[k-1].w] || s.receiverNamedAt(k-1)) {
			d.addPrep("position", s)
			break
		}
		if v, ok := verbs[t.w]; ok && positionVerbs[v.base] && k > 0 && s.b != nil && s.b.kind == bItem &&
			(s.toks[k-1].w == "or" || s.toks[k-1].w == "and" || s.toks[k-1].w == ",") && placedOn(s.toks, k) {
			d.addPrep("position", s)
			break
		}
		if v, ok := verbs[t.w]; ok && positionVerbs[v.base] && v.base == t.w && k > 1 && s.toks[k-1].w == "and" && len(s.prep) > 0 && placedOn(s.toks, k) {
			d.addPrep("position", s) // "Towel off properly first and sit on the harbour wall": the next thing got ready
			break
		}
		if v, ok := verbs[t.w]; ok && positionVerbs[v.base] && v.base != t.w && k > 1 && wordIn(s.toks, max(0, k-3), 3, "getting", "receiving") && wordIn(s.toks, max(0, k-4), 4, "person", "one") {
			d.addPrep("position", s) // "Person getting it sits down, person doing it stands behind"
			break
		}
		if v, ok := verbs[t.w]; ok && positionVerbs[v.base] && positionInClause(s.toks, k, v.base == t.w) {
			d.addPrep("position", s)
			break
		}
	}
}

// positionInClause reports a verb of position at token k that tells where
// a body goes in a clause of a sentence with no instruction the rules
// read: "…, then sit on the grass", "Goggles off, stand tall", "Walkers lie
// down on the blankets", "One of you sits astride the bench". base: the
// verb is in its base form.
func positionInClause(t []token, k int, base bool) bool {
	if k == 0 {
		return false
	}
	where := placedOn(t, k) || wordIn(t, k+1, 1, "tall", "upright", "astride", "down", "up", "behind")
	switch prev := t[k-1].w; {
	case base && (prev == "then" || prev == ","):
		return where // "…, then sit on the grass", "Goggles off, stand tall"
	case base && k == 1 && strings.HasSuffix(prev, "s") && t[k-1].kind == tWord:
		return placedOn(t, k) // "Walkers lie down on the blankets"
	case !base && prev == "you" && k > 2 && t[k-2].w == "of" && (t[k-3].w == "one" || t[k-3].w == "each"):
		return where // "One of you sits astride the bench"
	}
	return false
}

// postureOpens reports an instruction, or a line that leads into the
// steps, opening with how the body is placed: "Lying on your back, knees
// bent:", "Sitting at the desk, rest both elbows on it …".
func postureOpens(s *sentence) bool {
	t := s.toks
	k := 0
	for k < len(t) && (t[k].kind == tPunct || t[k].kind == tNum) {
		k++
	}
	if k+1 >= len(t) || !postureParticiples[t[k].w] {
		return false
	}
	switch t[k+1].w {
	case "on", "at", "in", "down", "back", "up", "upright", "comfortably", "tall", "face", ",", "with":
	default:
		return false
	}
	// "Seated, elbows on table.": the position alone before a comma
	return s.form != fNone || strings.HasSuffix(strings.TrimSpace(s.text), ":") || k == 0 && t[k+1].w == ","
}

var postureParticiples = wordSet("lying sitting kneeling standing seated reclining")

// positionTold reports a position named in any sentence: a position with a
// posture word before it ("an upright sitting position", "a comfortable
// position", "the recipient in a good position"), or "you" sitting or
// lying somewhere ("easier if you sit down", "you lie back against the
// pillows") rather than sitting at a desk all day.
func positionTold(t []token) bool {
	if limbRested(t) || postureOnSurface(t) {
		return true
	}
	for k, x := range t {
		// "Prop them up on cushions so the nose can drain": propped up
		if (x.w == "prop" || x.w == "props" || x.w == "propped") && wordIn(t, k+1, 3, "up") {
			return true
		}
		// "Stay seated", "both feet flat on the floor": where the body is
		if (x.w == "stay" || x.w == "remain" || x.w == "stays" || x.w == "remains") && k+1 < len(t) && (t[k+1].w == "seated" || t[k+1].w == "sitting") {
			return true
		}
		if (x.w == "feet" || x.w == "foot") && wordIn(t, k+1, 3, "flat") && wordIn(t, k+2, 4, "floor", "ground") {
			return true
		}
	}
	return positionToldSeated(t) || positionToldNamed(t)
}

// positionToldSeated reports the receiver said to be on or in a seat or a
// bed, with no verb.
func positionToldSeated(t []token) bool {
	for k := 0; k+2 < len(t); k++ {
		// "Client on the low-backed chair, feet flat", "Do it with her in
		// the recliner": where the receiver is, with no verb
		if !seatedPeople[t[k].w] || t[k+1].w != "on" && t[k+1].w != "in" {
			continue
		}
		for q := k + 2; q < len(t) && q <= k+7 && (t[q].kind != tPunct || t[q].w == "-"); q++ { // "the low-backed chair"
			if postureSurfaces[t[q].w] && t[q].w != "back" && t[q].w != "front" && t[q].w != "side" {
				return true
			}
		}
	}
	return false
}

// positionToldNamed reports a position with a posture word before it ("a
// comfortable position"), or "you" or the receiver sitting or lying somewhere.
func positionToldNamed(t []token) bool {
	person := false
	for _, x := range t {
		if personWords[x.w] || x.w == "recipient" || x.w == "receiver" {
			person = true
		}
	}
	for k, x := range t {
		if x.w == "position" || x.w == "posture" {
			for j := k - 1; j >= 0 && j >= k-2; j-- {
				if positionMods[t[j].w] || t[j].w == "good" && person {
					return true
				}
			}
		}
		if v, ok := verbs[x.w]; ok && positionVerbs[v.base] && k > 0 && (t[k-1].w == "you" || k > 1 && t[k-2].w == "you" && t[k-1].w == "are" || t[k-1].w == "you're") &&
			k+1 < len(t) && settleWords[t[k+1].w] {
			return true // "Assume you are sitting upright with your elbows on the desk"
		}
		// "then you lie on your front with a pillow under your chest"
		if v, ok := verbs[x.w]; ok && positionVerbs[v.base] && k > 0 && receiverSubjects[t[k-1].w] || ok && positionVerbs[v.base] && k > 0 && t[k-1].w == "you" {
			if k+3 < len(t) && t[k+1].w == "on" && (t[k+2].w == "your" || t[k+2].w == "her" || t[k+2].w == "his" || t[k+2].w == "their") && lyingSides[t[k+3].w] {
				return true
			}
		}
	}
	return false
}

// postureOnSurface reports a posture told with where it is taken:
// "Sitting on a chair, close your eyes …", "Whilst sitting in a chair
// with feet on the floor …", "your partner should be lying on his or her
// back", "with her reclining face up"; not a cause of the ache ("after
// sitting in a chair all day", "they have been sitting too much").
func postureOnSurface(t []token) bool {
	for k, x := range t {
		if !postureForms[x.w] || k > 0 && (t[k-1].w == "been" || t[k-1].w == "after" || t[k-1].w == "from" || t[k-1].w == "of") {
			continue
		}
		if postureTaken(t, k+1) && !longSpell(t, k+1) {
			return true
		}
	}
	return false
}

// longSpell reports a spell of sitting or lying told as a cause: "… all
// day", "… for hours", "… too long".
func longSpell(t []token, p int) bool {
	for q := p; q+1 < len(t) && q < p+8; q++ {
		if t[q].w == "all" && t[q+1].w == "day" || t[q].w == "for" && t[q+1].w == "hours" || t[q].w == "too" && (t[q+1].w == "long" || t[q+1].w == "much") {
			return true
		}
	}
	return false
}

// postureForms are a posture's words that say where someone is.
var postureForms = wordSet("sitting lying kneeling reclining seated lies sits kneels reclines sit lie reclined propped leaning " +
	"sat comfy comfortable settled")

// postureTaken reports where a posture is taken, from token p: "on a
// chair", "in the armchair", "on his or her back", "face up".
func postureTaken(t []token, p int) bool {
	if p+1 < len(t) && t[p].w == "face" && (t[p+1].w == "up" || t[p+1].w == "down") {
		return true
	}
	if p < len(t) && (t[p].w == "prone" || t[p].w == "supine") {
		return true // "a model lying prone"
	}
	if p+1 < len(t) && t[p].w == "forward" && (t[p+1].w == "over" || t[p+1].w == "on") {
		p++ // "leaning forward over the birth ball"
	}
	for q := p; q < len(t) && q < p+4; q++ {
		if t[q].w == "cross" || t[q].w == "-" || t[q].w == "legged" || t[q].w == "comfortably" || t[q].w == "upright" ||
			t[q].w == "backwards" || t[q].w == "sideways" || t[q].w == "astride" || t[q].w == "down" || t[q].w == "up" || t[q].w == "back" && q+1 < len(t) && (t[q+1].w == "on" || t[q+1].w == "in") {
			continue
		}
		p = q // "sitting cross-legged on the floor", "seated comfortably in a chair"
		break
	}
	if p >= len(t) || t[p].w != "on" && t[p].w != "in" && t[p].w != "at" && t[p].w != "over" {
		return false
	}
	for q := p + 1; q < len(t) && q <= p+5; q++ {
		if postureSurfaces[t[q].w] {
			return true
		}
		if t[q].kind == tPunct {
			return false
		}
	}
	return false
}

// postureSurfaces are where one sits or lies for a massage.
var postureSurfaces = wordSet("chair armchair floor bed couch sofa stool mat table bench ground cushion back front side stomach tummy " +
	"recliner cushions ball fours pew seat wheelchair armchairs chairs stools benches beds sofas couches seats")

// restSurfaces are what a limb is rested on for the massage.
var restSurfaces = wordSet("cushion pillow lap table desk thigh knee towel armrest bed sofa stool chair")

// limbRested reports a limb rested on a surface for the massage: "Rest one
// of their hands palm down on the cushion on their lap", "rest the forearm
// on your thigh palm up", "A table to rest your forearm on".
func limbRested(t []token) bool {
	for k, x := range t {
		if x.w != "rest" && x.w != "rests" && x.w != "rested" && x.w != "resting" && x.w != "prop" && x.w != "lay" {
			continue
		}
		// "A pillow across the patient's lap so the hand can rest on it"
		if k+2 < len(t) && t[k+1].w == "on" && t[k+2].w == "it" {
			for q := max(0, k-12); q < k; q++ {
				if restSurfaces[t[q].w] {
					return true
				}
			}
		}
		limb, on := false, false
		for q := k + 1; q < len(t) && q <= k+10 && t[q].kind != tPunct; q++ {
			switch w := t[q].w; {
			case w == "forearm" || w == "forearms" || w == "arm" || w == "arms" || w == "hand" || w == "hands" || w == "leg" || w == "legs" || w == "foot" || w == "feet" || w == "head":
				limb = limb || !on
			case w == "on" || w == "in" || w == "across":
				on = limb
			case on && restSurfaces[w]:
				return !giverHands(t, k)
			}
		}
		// "A table to rest your forearm on"
		if limb && k >= 2 && t[k-1].w == "to" && restSurfaces[t[k-2].w] {
			return true
		}
	}
	return false
}

// giverHands reports "rest your hands on her shoulders": the giver's own
// hands laid on the receiver, a move, not a position.
func giverHands(t []token, k int) bool {
	return k+2 < len(t) && (t[k+1].w == "your" || t[k+1].w == "both") && (t[k+2].w == "hands" || t[k+2].w == "palms" || t[k+2].w == "hand")
}

// lyingSides are what one lies on: "lie on your front".
var lyingSides = wordSet("front back side tummy stomach belly")

var positionMods = wordSet("sitting lying seated upright reclining reclined comfortable side-lying")
var settleWords = wordSet("down back up comfortably upright straight")

// layVerbs put the receiver somewhere.
var layVerbs = map[string]bool{"lay": true, "place": true, "put": true, "position": true, "turn": true, "settle": true}

// seatedNouns name the one who lies or sits for the massage, beside
// receiverNouns: "Resident sits well back in the chair", "(runner lying
// face up on the couch)".
var seatedNouns = wordSet("clients resident residents runner runners patient patients athlete player guest volunteer swimmer rider sitter")

// receiverNamedAt reports the receiver named at token k, before a
// position's verb: a word of receiverNouns, or a name ("Mrs Kemp lies on
// her front"), a capital inside the sentence that is no word the
// importer knows.
func (s *sentence) receiverNamedAt(k int) bool {
	t := s.toks
	if receiverNouns[t[k].w] && t[k].w != "him" && t[k].w != "them" || seatedNouns[t[k].w] {
		return true
	}
	if k == 0 || t[k].kind != tWord || t[k].pos >= len(s.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.text[t[k].pos:])
	_, known := verbs[t[k].w]
	return unicode.IsUpper(r) && !known && !dets[t[k].w] && !bodyWord(t[k].w)
}

// receiverSubjects are who lies or sits for the massage.
var receiverSubjects = wordSet("she's he's they're she he they receiving")

// laidPerson reports a person put on or onto something after the verb at
// token k: "lay your baby on a soft towel".
func laidPerson(t []token, k int) bool {
	p := k + 1
	for p < len(t) && dets[t[p].w] {
		p++
	}
	if p >= len(t) || !personWords[t[p].w] {
		return false
	}
	for q := p + 1; q < len(t) && q <= p+2; q++ {
		if t[q].w == "on" || t[q].w == "onto" || t[q].w == "across" {
			return true
		}
	}
	return false
}

var personWords = wordSet("baby partner child person client friend")

// timedPrep are the kinds of preparation that take a time of their own.
var timedPrep = wordSet("soak wash clean-hair warm-hands")

func (d *doc) addPrep(kind string, s *sentence) {
	d.prepSaidOf(kind, s)
	if d.prepSeen[kind] {
		// named in passing first ("needs nothing more than clean hands"),
		// asked for after ("wash your face and pat it dry"): the asking
		// is what the preparation says
		for i := range d.res.Prep {
			if p := &d.res.Prep[i]; p.Kind == kind && p.passing && s.form != fNone && p.Seconds == nil {
				p.Text, p.Line, p.passing = s.text, s.line, false
			}
		}
		return
	}
	d.prepSeen[kind] = true
	p := Prep{Kind: kind, Text: s.text, Line: s.line, passing: s.form == fNone}
	// A sentence's time goes to its first preparation that takes time, and
	// only one: "soak the feet for ten minutes, then pat them dry" times
	// the soak; "this routine takes five minutes and needs oil" times nothing.
	if timedPrep[kind] && !s.secs.IsZero() && !d.prepTimed[s] && !timesWhole(s.toks) {
		if d.prepTimed == nil {
			d.prepTimed = map[*sentence]bool{}
		}
		d.prepTimed[s] = true
		b := s.secs
		p.Seconds = &b
	}
	d.res.Prep = append(d.res.Prep, p)
}

// prepSaidOf records that the rules found a preparation of kind in s.
func (d *doc) prepSaidOf(kind string, s *sentence) {
	if d.prepSaid == nil {
		d.prepSaid = map[*sentence][]string{}
	}
	if !slices.Contains(d.prepSaid[s], kind) {
		d.prepSaid[s] = append(d.prepSaid[s], kind)
	}
}

// selfTools are what one reaches one's own back with.
var selfTools = wordSet("ball balls roller rollers wall massager gun cane stick peanut doorframe bottle")

var rollWords = wordSet("roll rolls rolling rolled")

// placedOn reports a place to sit or lie on within a few words of the
// position verb at k: "sit up in bed", "lie back on the sofa".
func placedOn(t []token, k int) bool {
	for q := k + 1; q < len(t) && q <= k+3; q++ {
		switch t[q].w {
		case "on", "in", "at", "against", "across":
			return true
		}
	}
	return false
}

// timesWhole reports a sentence whose time is the whole massage's: "This
// short routine takes about five minutes and needs clean hands".
func timesWhole(t []token) bool {
	whole, takes := false, false
	for _, x := range t {
		switch x.w {
		case "routine", "sequence", "massage", "session", "whole":
			whole = true
		case "takes", "take", "lasts", "last":
			takes = true
		}
	}
	return whole && takes
}

// offWords say a thing is taken off.
var offWords = wordSet("off out remove removes removed removing")

// takenOff reports jewellery said to come off, however the sentence is
// put: "Amy, take your rings off.", "I take off my wedding ring.",
// "Hair ties out and earrings off, please."; a ring only named in
// passing is not.
func takenOff(t []token) bool {
	for i, x := range t {
		if !jewelleryWords[x.w] {
			continue
		}
		for j := max(0, i-4); j < len(t) && j <= i+2; j++ {
			if offWords[t[j].w] {
				return true
			}
		}
	}
	return false
}

var jewelleryWords = wordSet("ring rings earring earrings watch bracelet bracelets bangle bangles necklace necklaces jewellery jewelry piercings")

// toolWorked reports a tool one massages oneself with, named as a thing in
// an instruction: "Roll the ball under one foot", "with the roller under
// the tops of your thighs"; not "the ball of the foot".
func toolWorked(t []token) bool {
	for i, x := range t {
		if !selfTools[x.w] || i == 0 || !(dets[t[i-1].w] || t[i-1].w == "your" || t[i-1].w == "tennis" || t[i-1].w == "foam") {
			continue
		}
		if (x.w == "ball" || x.w == "balls") && i+1 < len(t) && t[i+1].w == "of" {
			continue
		}
		if x.w == "wall" || x.w == "bottle" && !hasAnyWord(t, rollWords) {
			continue // a bottle is a tool only rolled: "Roll your foot over the bottle"
		}
		return true
	}
	return false
}

// handsWashed reports hands said to be washed, however the sentence is
// put: "Jess washes her hands and warms …", "Partners, wash your hands".
func handsWashed(t []token) bool {
	for i := 0; i+2 < len(t); i++ {
		if washWords[t[i].w] && (t[i+1].w == "your" || t[i+1].w == "her" || t[i+1].w == "his" || t[i+1].w == "their" || t[i+1].w == "our" || t[i+1].w == "my") && (t[i+2].w == "hands" || t[i+2].w == "hand") {
			return true // "Washed my hands and warmed a pea of face cream …"
		}
	}
	return false
}

// washedOff reports something washed or scrubbed off the skin: "Wash the
// chalk off first, properly, with soap", "She scrubs the ink off first",
// "wash the soil away"; not "do the washing up".
func washedOff(t []token) bool {
	for i, x := range t {
		if !washWords[x.w] && x.w != "scrub" && x.w != "scrubs" && x.w != "scrubbed" {
			continue
		}
		for k := i + 1; k < len(t) && k <= i+4 && t[k].kind != tPunct; k++ {
			if (t[k].w == "off" || t[k].w == "away") && k > i+1 {
				return true
			}
		}
	}
	return false
}

// driedOff reports skin or hair dried told as done, at token i: "get dry
// and dressed", "dried off", "towel dried", "with her hair towelled",
// "towel your hair and the back of your neck".
func driedOff(t []token, i int) bool {
	switch w := t[i].w; {
	case w == "get" || w == "got" || w == "getting":
		return i+1 < len(t) && t[i+1].w == "dry" && (i+2 == len(t) || t[i+2].kind == tPunct || t[i+2].w == "and")
	case w == "dried":
		return i+1 < len(t) && t[i+1].w == "off" || i > 0 && t[i-1].w == "towel"
	case w == "towelled" || w == "toweled":
		return i > 0 && (t[i-1].w == "hair" || t[i-1].w == "feet" || t[i-1].w == "dry")
	case w == "towel":
		return i+2 < len(t) && (t[i+1].w == "your" || t[i+1].w == "their" || t[i+1].w == "his" || t[i+1].w == "her") && (t[i+2].w == "hair" || t[i+2].w == "feet" || t[i+2].w == "skin" || t[i+2].w == "neck")
	}
	return false
}

// nailsKept say the nails are kept short: "don't scratch with your nails,
// and keep them short".
var nailsKept = wordSet("short trim trimmed cut filed")

// seatedPeople name the receiver put somewhere with no verb: "Client on
// the low-backed chair", "with her in the recliner".
var seatedPeople = wordSet("client patient her him them partner receiver recipient")

// dryTold reports skin dried before the massage, however it is put: "pat
// them completely dry", "Towel your feet dry", "let them air dry", "Wash
// and dry your child's hands", "Wipe your hands on your trousers so
// they're dry"; not "dry, tired feet" (how they are).
func dryTold(t []token) bool {
	for i, x := range t {
		if driedOff(t, i) {
			return true
		}
		if x.w != "dry" {
			continue
		}
		if i+1 < len(t) && driedWhat[t[i+1].w] && (i == 0 || !dets[t[i-1].w] && t[i-1].kind != tWord || t[i-1].w == "then" || t[i-1].w == "and") {
			return true // "Shoes off, and … dry them off with a clean towel", "Dry your feet well"
		}
		for k := max(0, i-4); k < i; k++ {
			switch t[k].w {
			case "pat", "patted", "pats", "towel", "towelled", "toweled", "air", "wipe", "wiped", "let":
				return true // "let your feet dry in the air"
			case "they're", "they", "are", "is", "be":
				if (k+1 == i || k+2 == i) && !hasAnyWord(t[:k], supposeWords) {
					// "so they're dry", "Make sure your feet are dry", "Their
					// hair should be dry and brushed through"; not "if the
					// skin is dry"
					return ownHandsIn(t, max(0, k-8), k) || wordsBefore(t, k, 4, "feet", "foot", "hair")
				}
			}
		}
		if i > 0 && (t[i-1].w == "and" || i == 0) {
			for k := i + 1; k < len(t) && k <= i+4; k++ {
				if ownHands[t[k].w] || t[k].w == "feet" || t[k].w == "foot" {
					return true // "Wash and dry your child's hands"
				}
			}
		}
	}
	return false
}

// driedWhat follow "dry" when it is the verb: "dry them off", "dry your
// feet", "dry the hands well".
var driedWhat = wordSet("them your the their her his each both off")

// ownHandsIn reports a hand word among tokens [from, to).
func ownHandsIn(t []token, from, to int) bool {
	for k := from; k < to && k < len(t); k++ {
		if ownHands[t[k].w] {
			return true
		}
	}
	return false
}
