package howto

import (
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// Turning the sentences of a step into the step's fields.

// areaVotes weighs the areas a text names.
type areaVotes struct {
	score map[string]float64
	order []string
}

func (v *areaVotes) add(a string, w float64) {
	if a == "" || w == 0 {
		return
	}
	if v.score == nil {
		v.score = map[string]float64{}
	}
	if _, ok := v.score[a]; !ok {
		v.order = append(v.order, a)
	}
	v.score[a] += w
}

func (v *areaVotes) addSentence(s *sentence, w float64, jointsOnly bool) {
	// Where one hand holds is not where the other works, unless the
	// sentence holds and moves on one place: "Hold each finger at its
	// base and slide gently to the tip".
	holding := (s.holdHand != "" || holdVerbs[s.verb.base]) && (len(distinctAreas(placeAreas(s))) > 1 || !s.hasStrong())
	if holding {
		w /= 2
	}
	// A place only held still by the other hand counts for little; one a
	// move travels along counts more, and then says more than where the
	// move starts (sentence_places.go).
	held, path := s.placeRoles()
	felt := s.feltAt()
	turned := s.jointsTurned()

	for _, l := range s.landmarks {
		if lm, ok := massage.LandmarkByID(l); ok {
			lw := w
			edge := s.namesNeighbour(l)
			if limbJoints[l] && !jointsOnly && !turned[l] || edge {
				lw *= 0.4
			}
			if turned[l] {
				lw += 2 // "hold the foot and rotate the ankle": the joint moved is the place
			}
			switch {
			case held[l]:
				lw /= 4
			case s.refs[l]:
				lw /= 2 // "toward the hip", "under the ribs": where a move heads, not where it works
			case len(v.order) == 0 && !limbJoints[l] && !edge && !holding && len(path) == 0 && len(felt) == 0:
				lw++ // the place a step starts from says most about it
			}
			v.add(s.workedArea(l, lm.Area), addSentenceFelt(lw, l, felt, path))
		}
	}
	for _, m := range shapedMoves {
		if m.moves(s) {
			v.add(m.area, w+2)
		}
	}
	v.addSentenceAreas(s, w, held, path, felt)
}

// addSentenceFelt weighs a place by the stretch and the move: more where a
// stretch is felt or a move travels, less when the stretch is felt elsewhere.
func addSentenceFelt(w float64, p string, felt, path map[string]bool) float64 {
	switch {
	case felt[p]:
		w += 2 // where a stretch is felt is what it works, over where the hands are put
	case len(felt) > 0:
		w /= 2 // "hold your foot and draw your heel to your seat": what the stretch is made with
	case path[p]:
		w++
	}
	return w
}

// addSentenceAreas adds the areas the sentence names, those held still or
// only headed for weighing less.
func (v *areaVotes) addSentenceAreas(s *sentence, w float64, held, path, felt map[string]bool) {
	for _, a := range s.areas {
		aw := w
		switch {
		case held[a]:
			aw /= 4
		case s.refs[a]:
			aw /= 2
		}
		v.add(a, addSentenceFelt(aw, a, felt, path))
	}
}

// shapedMoves are moves whose shape says what they work, whatever body
// words the sentence names: the part moved or stretched.
var shapedMoves = []struct {
	moves func(*sentence) bool
	area  string
}{
	{(*sentence).handTurned, "wrists"},      // "Support the wrist and circle the hand slowly"
	{(*sentence).doorwayStretch, "chest"},   // "forearms on the frame, lean through gently"
	{(*sentence).kneesRocked, "lower-back"}, // "Rock your knees slowly side to side"
	{(*sentence).heelDropped, "calves"},     // "lower one heel below the step and hold"
	{(*sentence).footTurned, "ankles"},      // "Circle the foot slowly, 5 one way": the ankle turns
}

// edges are places where a move on a neighbouring area starts or ends,
// with the areas they border: "from the hairline down to the collar" and
// "squeeze up the back of the neck to the base of the skull" work the
// neck; "from the top of his bum up either side of the spine" works the
// back; "the top of the hips, the fleshy bit above the bum" the hips. When
// a sentence names one of those areas too, the edge weighs less.
var edges = map[string][]string{
	"hairline":      {"neck"},
	"base-of-skull": {"neck"},
	"glutes":        {"back", "hips"},
	"chin":          {"jaw"}, // "along the jaw, from the point of the chin back to the corner"
}

// namesNeighbour reports a sentence that names one of the areas an edge
// borders, or a place inside one.
func (s *sentence) namesNeighbour(l string) bool {
	for _, b := range edges[l] {
		for _, a := range s.areas {
			if massage.Within(a, b) {
				return true
			}
		}
		for _, m := range s.landmarks {
			if lm, ok := massage.LandmarkByID(m); ok && m != l && massage.Within(lm.Area, b) {
				return true
			}
		}
	}
	return false
}

// workedArea is the area a move on a landmark works. The base of the
// skull is the scalp's edge on the body chart, but a move pressed into the
// hollows under it works the top of the neck, as the blind labellers read
// it: "press your thumbs into the hollows under the base of the skull".
func (s *sentence) workedArea(l, area string) string {
	if (l == "spine-line" || l == "ribs") && s.lowBackSpan() {
		// "the muscles beside the spine, from the belt line to the bottom
		// of the ribs": the stretch of the back those places bound
		return "lower-back"
	}
	if l == "lower-back" && s.onlyBelow(l) && s.namesSeat() {
		return "" // "the fleshy part of each hip, just below the waistband": where the hip is
	}
	if l != "base-of-skull" && l != "back-of-head" {
		return area
	}
	t := s.toks
	if wordIn(t, 0, len(t), "hollow", "hollows", "groove", "grooves", "indentation", "indentations", "dip", "dips") {
		return "neck"
	}
	for _, ti := range s.placeAt()[l] {
		if p := max(0, ti-5); wordIn(t, p, ti-p, "under", "below", "beneath", "underneath") {
			return "neck"
		}
	}
	above := false
	for _, ti := range s.placeAt()[l] {
		above = above || wordsBefore(t, ti, 5, "above", "over")
	}
	if l == "base-of-skull" && !above && !s.namesScalpBesides(l) {
		// "small circles along the ridge at the base of the skull, ear to
		// ear": the top of the neck, as nearly every blind label reads it;
		// "from the hairline back to the base of the skull" crosses the
		// scalp, and "just above the base of the skull" is on it
		return "neck"
	}
	return area
}

// namesSeat reports a sentence that names the hips or the buttocks.
func (s *sentence) namesSeat() bool {
	for _, l := range s.landmarks {
		if lm, ok := massage.LandmarkByID(l); ok && (l == "hip" || lm.Area == "hips" || lm.Area == "glutes") {
			return true
		}
	}
	return slices.Contains(s.areas, "hips") || slices.Contains(s.areas, "glutes")
}

// onlyBelow reports a landmark named only after "below", "under" or
// "beneath": what it marks lies under it.
func (s *sentence) onlyBelow(l string) bool {
	at := s.placeAt()[l]
	for _, ti := range at {
		if !wordsBefore(s.toks, ti, 3, "below", "under", "beneath", "underneath") {
			return false
		}
	}
	return len(at) > 0
}

// lowBackSpan reports a sentence that bounds its move to the lower back:
// just above a place of the lower back ("the muscle beside your spine,
// just above the belt line"), from a place of the lower back to the ribs
// ("from the waistband up to the ribs"), or from the lowest ribs to the belt line,
// the pelvis or the buttocks. A stroke down the spine "to the waist" runs
// the length of the back.
func (s *sentence) lowBackSpan() bool {
	t := s.toks
	lowRibs, low, above, belt, ribs := false, false, false, false, false
	for m, at := range s.placeAt() {
		lm, ok := massage.LandmarkByID(m)
		if !ok {
			continue
		}
		for _, ti := range at {
			before := wordIn(t, max(0, ti-3), ti-max(0, ti-3)+1, "bottom", "lowest", "lower")
			switch {
			case m == "ribs" && before:
				lowRibs = true
			case m == "ribs":
				ribs = true
			case lm.Area == "lower-back" || lm.Area == "glutes" || lm.Area == "hips":
				low = true
				above = above || lm.Area == "lower-back" && wordsBefore(t, ti, 3, "above")
				belt = belt || m == "lower-back"
			}
		}
	}
	return above || belt && ribs || lowRibs && (low || slices.Contains(s.areas, "hips") || slices.Contains(s.areas, "glutes"))
}

// namesScalpBesides reports a sentence that names a place on the scalp
// other than landmark l.
func (s *sentence) namesScalpBesides(l string) bool {
	for _, m := range s.landmarks {
		if lm, ok := massage.LandmarkByID(m); ok && m != l && lm.Area == "scalp" {
			return true
		}
	}
	return slices.Contains(s.areas, "scalp") || slices.Contains(s.areas, "head")
}

// distinctAreas leaves out repeats and areas inside another of the list.
func distinctAreas(as []string) []string {
	var out []string
	for _, a := range as {
		dup := false
		for _, b := range out {
			dup = dup || massage.Overlaps(a, b)
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

// best is the area with the most weight, the first named winning a tie.
// A finer area takes half its parent's weight when the parent has no more
// than it: "the shoulder blades of the back" is the upper back, "the sole,
// toward the toes" stays the foot.
func (v *areaVotes) best() string {
	best, top := "", 0.0
	for _, a := range v.order {
		sc := v.score[a]
		for _, b := range v.order {
			if b != a && massage.Within(a, b) && v.score[b] <= v.score[a] {
				sc += v.score[b] / 2
			}
		}
		if sc > top {
			best, top = a, sc
		}
	}
	return best
}

// clear is the area that has most of the votes, when one has: the text
// before the steps is about one place ("releasing a tight lower back"), or
// it names many and says nothing of where the steps work.
func (v *areaVotes) clear() string {
	best := v.best()
	if best == "" {
		return ""
	}
	var total, in float64
	for a, sc := range v.score {
		total += sc
		if massage.Overlaps(a, best) {
			in += sc
		}
	}
	if in < 0.75*total {
		return ""
	}
	return best
}

// areaOfText finds the area a title or heading is about.
func areaOfText(t string) string {
	v := areaVotesOf(t)
	return v.best()
}

// areasOfText are the areas a title names, each as much as any other
// ("Desk neck & shoulders" is about both), leaving out one that lies
// inside another it names.
func areasOfText(t string) []string {
	v := areaVotesOf(t)
	var out []string
	for _, a := range v.order {
		inner := false
		for _, b := range v.order {
			if b != a && massage.Within(b, a) {
				inner = true // "back" when the title names the upper back too
			}
		}
		if !inner || len(v.order) == 1 {
			out = append(out, a)
		}
	}
	return out
}

func areaVotesOf(t string) areaVotes {
	var v areaVotes
	if t == "" {
		return v
	}
	s := &sentence{text: t}
	s.toks = tokenize(t)
	s.st = makeStream(s.toks)
	s.hits = words.scan(s.st.ws)
	for _, h := range s.hits {
		if h.e.amb && motionAfter(s.st.ws, h.i+h.n) {
			continue // "Thumb strip", "Finger or thumb rotations": the giver's hand
		}
		if ti := s.st.ti[h.i]; facingWords[s.toks[ti].w] && ti+1 < len(s.toks) && (s.toks[ti+1].w == "down" || s.toks[ti+1].w == "up" || s.toks[ti].w == "face" && faceRests(s.toks, ti)) {
			continue // "(partner lying face down)", "face in the gap between two pillows": how the body lies
		}
		for _, x := range h.e.vals {
			switch {
			case x.c == cLandmark:
				if lm, ok := massage.LandmarkByID(x.id); ok && !lm.Avoid {
					v.add(lm.Area, 1)
				}
			case x.c == cArea:
				v.add(x.id, 1)
			}
		}
	}
	thing := map[int]bool{} // "BACK PAGE": a thing named by a body word
	for _, h := range s.hits {
		for _, x := range h.e.vals {
			if x.c == cThing {
				for k := h.i; k < h.i+h.n; k++ {
					thing[k] = true
				}
			}
		}
	}
	for i, w := range s.st.ws {
		if w == "back" && !thing[i] {
			v.add("back", 1)
		}
	}
	return v
}

// build turns a draft into a Step.
func (d *doc) build(st *stepDraft, prevArea string, prevSection *block) Step {
	out := d.stepBase(st)
	d.placeStep(&out, st, prevArea, prevSection)
	st.measureInto(&out)
	st.motionInto(&out)
	st.titleStemsInto(&out)
	st.vaguenessInto(&out)
	return out
}

// stepBase is a step's text, first line and section, before its fields.
func (d *doc) stepBase(st *stepDraft) Step {
	var texts []string
	for _, s := range st.sents {
		texts = append(texts, s.text)
	}
	out := Step{Text: strings.Join(texts, " "), Line: st.sents[0].line, Landmarks: []string{}, Hands: []massage.HandUse{}, Direction: []string{}}
	if st.section != nil && st.section != d.title && !st.section.blind && st.section.noise == "" {
		// not a heading that leads in cautions ("Not for a foot that:"):
		// it names no move of the steps after its list
		out.Section = clip(st.section.text, 80)
	}
	if st.first != nil && st.first.kind != bHeading && !st.first.blind {
		out.title = st.first.title
	}
	return out
}

// jointsOnly reports a step that names only the joints its moves pass.
func (st *stepDraft) jointsOnly() bool {
	for _, s := range st.sents {
		for _, l := range s.landmarks {
			if !limbJoints[l] {
				return false
			}
		}
		if len(s.areas) > 0 {
			return false
		}
	}
	return true
}

// ownVotes are the places the step's own sentences, its item's name and
// the sentence before it name; named says whether any did.
func (st *stepDraft) ownVotes(jointsOnly bool) (votes areaVotes, named, elsewhere bool) {
	moveNames := st.moveNamesPlace()
	for i, s := range st.sents {
		w := []float64{1, 2, 0.5}[st.roles[i]]
		if st.roles[i] == 0 && moveNames {
			// "Hold the foot at the heel … Now rotate the toes": where the
			// hands are put to hold says less than where the move works.
			w = 0.5
		}
		votes.addSentence(s, w, jointsOnly)
		if i > 0 && st.roles[i] == 1 && s.pronounObject() {
			votes.addHeld(st.sents[i-1], 2) // the same, within the step
		}
	}
	if st.first != nil && st.first.title != "" {
		votes.add(areaOfText(st.first.title), 2) // the name of the item or row the step is in
	}
	if c := st.context; c != nil && c.idx == 0 && c.b.kind == bItem && c.wordCount() <= 4 {
		votes.addSentence(c, 2, false) // "Neck." before the move of a list item: its name
	} else if c != nil && len(votes.order) == 0 && st.roles[0] == 1 && st.sents[0].pronounObject() {
		// "Grasp the right foot with your other hand. Rotate it a few
		// times": what was taken hold of is what the move works
		votes.addHeld(c, 2)
	} else if c != nil && (len(votes.order) == 0 || !st.worksSomewhere()) {
		// "The bit most people miss is the edge of the shoulder blade. Use
		// your thumbs and press small circles down that edge."
		votes.addSentence(st.context, 2, false)
	}
	for i, s := range st.sents {
		elsewhere = elsewhere || s.elsewhere && st.roles[i] != 0
	}
	return votes, len(votes.order) > 0, elsewhere
}

// turnsJoint reports a step whose moves turn a joint round ("Bend the
// knee and gently circle the ankle"): the joint is the place, not the
// part between the two joints named.
func (st *stepDraft) turnsJoint() bool {
	for i, s := range st.sents {
		if st.roles[i] == 1 && len(s.jointsTurned()) > 0 {
			return true
		}
	}
	return false
}

// pronounObject reports a sentence that moves "it" or "them" and names no
// place: "Rotate it a few times clockwise".
func (s *sentence) pronounObject() bool {
	if s.vi < 0 || s.vi+1 >= len(s.toks) {
		return false
	}
	w := s.toks[s.vi+1].w
	return (w == "it" || w == "them") && len(s.areas) == 0 && len(s.landmarks) == 0
}

// addHeld adds every place the sentence names, those held as much as those
// moved: the place a pronoun after it stands for.
func (v *areaVotes) addHeld(s *sentence, w float64) {
	for _, l := range s.landmarks {
		if lm, ok := massage.LandmarkByID(l); ok {
			v.add(lm.Area, w)
		}
	}
	for _, a := range s.areas {
		v.add(a, w)
	}
}

// headingVotes add the heading's and the title's areas to a step's votes.
func (d *doc) headingVotes(votes *areaVotes, st *stepDraft) {
	sa := ""
	if st.section != nil && st.section != d.title && !st.section.blind {
		sa = areaOfText(st.section.text)
		votes.add(sa, 1)
	}
	switch {
	case sa != "" && sa != d.titleArea && !massage.Overlaps(sa, d.titleArea):
		// "Step 6: Massaging Your Neck" in a face routine: the heading says
		// where its moves work, more closely than the title.
	case sa != "" && sa != d.titleArea && massage.Within(sa, d.titleArea):
		// "Hamstrings" under "Leg flush": the heading says which part
		// of the title's area.
	case len(d.titleAreas) > 1:
		for _, a := range d.titleAreas {
			votes.add(a, 1.5/float64(len(d.titleAreas)))
		}
	case sa == d.titleArea:
		// "Foot massage step by step" under "How to Give a Foot Massage":
		// one word for where the text works, said twice, weighs no more
		// than the title alone
		votes.add(d.titleArea, 0.5)
	default:
		votes.add(d.titleArea, 1.5)
	}
}

// placeStep decides the step's area: voted from the places it names, then
// its heading and title, or the step before's.
func (d *doc) placeStep(out *Step, st *stepDraft, prevArea string, prevSection *block) {
	jointsOnly := st.jointsOnly()
	votes, named, elsewhere := st.ownVotes(jointsOnly)
	whole := votes.wholeOf()
	if !named && elsewhere {
		// "Finish with little circles on the bottom": a place the model has
		// no area for. No area is better than a wrong one.
		out.Area = ""
		out.Unsure = append(out.Unsure, "works on a part of the body that Knead's body model has no area for")
	} else if named || prevArea == "" || prevSection != st.section {
		d.placeStepHeading(&votes, st, named)
	}
	out.Area = votes.best()
	if whole != "" && massage.Overlaps(whole, out.Area) {
		out.Area = whole // the upper and the lower back worked together are the back
	}
	out.Area = st.placeStepSpan(out.Area, jointsOnly)
	out.Area = d.placeStepPart(st, out.Area, prevArea)
	out.Area = st.placeStepStretch(out.Area, prevArea)
	d.placeStepUnsure(out, st, prevArea, prevSection, named, elsewhere)
	if !spanned(out.Area, whole, span(st), between(st)) {
		d.placeByModel(out, st, votes, prevArea)
	}
}

// spanned reports an area the rules read from the span a move covers: the
// whole of two parts worked together ("the upper and the lower back"), a
// stroke from end to end of a limb, or between two joints. The place
// model, which names one area and reads no span, leaves it be.
func spanned(area string, spans ...string) bool {
	return area != "" && slices.Contains(spans, area)
}

// placeStepHeading adds the heading's and the title's areas to the step's
// own votes; they weigh less against a part of their area the step names.
func (d *doc) placeStepHeading(votes *areaVotes, st *stepDraft, named bool) {
	var heading areaVotes
	d.headingVotes(&heading, st)
	own := votes.best()
	for _, a := range heading.order {
		w := heading.score[a]
		if named && own != "" && own != a && (votes.score[own] >= 2 || votes.score[own] >= 1 && st.namesWorked(own)) && (massage.Within(own, a) || a == "face" && own == "jaw") {
			// "Stroke firmly along her jaw from under the ear to the
			// chin" under "Oral awareness (face and mouth)": a move
			// that names a part of the heading's area works that part;
			// the heading only breaks a tie
			w *= 0.3
		}
		votes.add(a, w)
	}
}

// placeStepSpan narrows or widens the area to what the span a stroke runs
// says it works: between two joints, from end to end of a limb.
func (st *stepDraft) placeStepSpan(area string, jointsOnly bool) string {
	if a := between(st); a != "" && !st.turnsJoint() && (jointsOnly || !st.worksSomewhere() || area != a && (massage.Within(a, area) || st.namesWorked(a))) {
		// "Squeeze down the upper arm from shoulder to elbow" under a
		// title about the shoulders: the span and the place named agree
		area = a // "from ankle to knee" on the leg works the calf
	}
	if a := between(st); a == "calves" && area == "feet" && st.footOnlyAtHeel() {
		area = a // "flat palms, heel to back of knee": the stroke runs up the calf
	}
	if a := span(st); a != "" && area != "" && (massage.Within(area, a) || limbPlaces[area].limb == a) {
		area = a // "from the top of the thigh down to the foot" works the whole leg
	}
	if a := midSpan(st); a != "" && area != "" && area != a && limbPlaces[area].limb == limbPlaces[a].limb {
		area = a // "from the ankle to the toes" strokes the foot
	}
	return area
}

// placeStepPart corrects the area to the part worked where the places named
// read otherwise: temples, cheeks, beside a joint, along the trunk, the
// front's edges.
func (d *doc) placeStepPart(st *stepDraft, area, prevArea string) string {
	if area == "scalp" && st.templesOnly() {
		// The temples lie between the scalp and the face: worked alone they
		// are the face, even in a text about the scalp (as the blind
		// labellers read them); beside the crown or the hairline, the scalp.
		area = "face"
	}
	if area == "face" && (prevArea == "glutes" || d.titleArea == "glutes" || d.bottomNear(st)) && st.onlyLandmark("cheeks") {
		// "Press the palms down flat on both cheeks and rock them" after
		// the bum was worked, under a title about it, or beside a step or
		// heading that names it: the buttocks
		area = "glutes"
	}
	if a := besideJoint(st); a != "" && (area == "arms" || area == "legs") && limbPlaces[a].limb == area {
		area = a // "two finger-widths below the bony point of the elbow" is the forearm
	}
	if a := st.oneWorkedPart(area); a != "" && (area == "arms" || area == "legs") && span(st) == "" && between(st) == "" {
		area = a // "squeeze the calf muscle, working up the leg": the calf
	}
	if trunkSpan(st) && (area == "upper-back" || area == "lower-back" || area == "shoulders" || area == "neck" || area == "back") {
		area = "back" // "long strokes from her left shoulder to her waist" work the whole back
	}
	if front := d.frontOfTorso(st, prevArea); front != "" && (area == "back" || area == "lower-back" || area == "hips") && st.onlyTorsoEdges() {
		// "Massage from under the right ribcage to the left": in a tummy
		// routine the ribs and the hips it names are the front's edges
		area = front
	}
	return area
}

// placeStepStretch gives the area a stretch or a move works when its shape
// says more than the places it names, and the step before's for "the same
// area".
func (st *stepDraft) placeStepStretch(area, prevArea string) string {
	if (area == "" || area == "legs" || area == "thighs") && st.figureFour() {
		// "Cross your right ankle over your left knee and let the knee sink
		// outwards", "Lay your left ankle on your right thigh and press the
		// knee down": the stretch works the hip
		area = "hips"
	}
	if area == "" && st.kneeToOppositeShoulder() {
		area = "glutes" // "Hug the right knee towards the opposite shoulder": the stretch works the buttock
	}
	if area == "" && prevArea != "abdomen" && st.kneesHugged() {
		// "Hug both knees to your chest and rock": the stretch works the low
		// back (in a tummy routine, the tummy: the text says)
		area = "lower-back"
	}
	if (area == "" || area == "feet" || area == "calves") && st.heelToSeat() {
		area = "thighs" // "pull your right heel towards your backside and hold", "bends his knee and eases the heel towards his backside": the front of the thigh stretched
	}
	if (area == "feet" || area == "") && st.bendsToes() {
		area = "toes" // "Bend the toes down and then up with your hand"
	}
	if prevArea != "" && st.samePlace() {
		// "Make fists and rub the knuckles firmly over the same area":
		// the place of the step before
		area = prevArea
	}
	return area
}

// placeStepUnsure falls back to the step before's area or the part moved
// when the step names none, and notes why the area is unsure.
func (d *doc) placeStepUnsure(out *Step, st *stepDraft, prevArea string, prevSection *block,
	named, elsewhere bool) {
	switch {
	case !named && elsewhere: // noted in placeStep: a place the model has no area for
	case out.Area == "" && prevArea != "" && prevSection == st.section:
		out.Area = prevArea
		out.borrowed = true
		out.Unsure = append(out.Unsure, "names no body area: taken to be the same as the step before ("+prevArea+")")
	case out.Area == "" && d.res.Mode == "self" && st.partMoved() != "":
		out.Area = st.partMoved() // "Make a fist, then fling the fingers wide open": the hand moves itself
		out.Unsure = append(out.Unsure, "names no place worked: "+out.Area+" is the part it moves")
	case out.Area == "":
		out.Unsure = append(out.Unsure, "names no body area")
	case !named:
		out.Unsure = append(out.Unsure, "names no body area: "+out.Area+" is taken from the title or heading")
	}
}

// partMovedAreas are the areas of the parts a mobilisation moves.
var partMovedAreas = map[string]string{"fist": "hands", "fists": "hands", "fingers": "hands",
	"toes": "toes", "wrist": "wrists", "wrists": "wrists", "ankle": "ankles", "ankles": "ankles",
	"jaw": "jaw", "mouth": "jaw", "chin": "neck", "head": "neck", "shoulders": "shoulders", "hips": "hips"}

// partMoved is the area of the first part a step with no place of its
// own moves ("make a fist", "open the mouth"), or "". In a text for a
// partner the hands and fingers named are the giver's ("let your hands
// and fingers be loose"), so only a text for oneself asks.
func (st *stepDraft) partMoved() string {
	for _, s := range st.sents {
		for i, t := range s.toks {
			a, ok := partMovedAreas[t.w]
			if !ok {
				continue
			}
			for k := max(0, i-3); k < i; k++ {
				if mobiliseVerbs[s.toks[k].w] {
					return a
				}
			}
		}
	}
	return ""
}

// measureInto fills in the step's landmarks, directions, turn, pressure,
// count, time and side from its sentences, the first of each.
func (st *stepDraft) measureInto(out *Step) {
	var sides []string
	for i, s := range st.sents {
		for _, l := range s.landmarks {
			out.Landmarks = appendNew(out.Landmarks, l)
		}
		for _, dd := range s.dirs {
			out.Direction = appendNew(out.Direction, dd)
		}
		if out.Turn == "" {
			out.Turn = s.turn
		}
		if out.Pressure == nil && !s.pressure.IsZero() && !s.warning {
			p := s.pressure
			out.Pressure = &p
		}
		if out.Repeat == nil && !s.rep.IsZero() {
			r := s.rep
			if s.repMore && st.roles[i] == 2 {
				// "Hold it for five seconds. Do that a couple more times.":
				// the first pass and two more.
				r.Least, r.Most = r.Least+1, r.Most+1
			}
			out.Repeat = &r
		}
		if out.Seconds == nil && !s.secs.IsZero() {
			b := s.secs
			out.Seconds = &b
		}
		sides = append(sides, st.sidesOf(i)...)
	}
	if len(out.Landmarks) > 6 {
		out.Landmarks = out.Landmarks[:6]
	}
	if len(out.Direction) > 4 {
		out.Direction = out.Direction[:4]
	}
	for _, sd := range []string{"swap-hands", "alternate", "each", "both"} {
		if out.Side == "" && slices.Contains(sides, sd) {
			out.Side = sd
		}
	}
	out.Hands = st.hands()
}

// sidesOf are the sides sentence i names; "Then do the other hand." after
// a move is the other side.
func (st *stepDraft) sidesOf(i int) []string {
	s := st.sents[i]
	sides := slices.Clone(s.sides)
	if st.roles[i] == 2 && slices.Contains(s.st.ws, "other") {
		sides = append(sides, "each")
	}
	return sides
}

// motionInto gives the step its motion, guessed when no sentence names one,
// and keeps a turn only for a motion that turns.
func (st *stepDraft) motionInto(out *Step) {
	motion, guessed, from := st.motionGuess()
	out.Motion = motion
	out.guessed = guessed
	out.finish = st.finishing()
	if guessed {
		if from != "" {
			out.Unsure = append(out.Unsure, "motion "+motion+" is guessed from the general word \""+from+"\"")
		} else {
			out.Unsure = append(out.Unsure, "names no motion: "+motion+" is a guess")
		}
	}
	if out.Turn != "" && motion != "circle" && motion != "rub" && motion != "rotate" && motion != "knead" {
		if out.Turn == "opposite" {
			out.Motion = "circle"
		} else {
			out.Turn = ""
		}
	}
}

// titleStemsInto keeps the words of the step's item name and heading, for
// matching it to a catalog technique.
func (st *stepDraft) titleStemsInto(out *Step) {
	for _, t := range st.titles() {
		for w := range contentStems(t) {
			if out.titleStems == nil {
				out.titleStems = map[string]bool{}
			}
			out.titleStems[w] = true
		}
	}
}

// vaguenessInto says what the step leaves vague: a count, a time.
func (st *stepDraft) vaguenessInto(out *Step) {
	for _, s := range st.sents {
		if s.repVague && out.Repeat == nil {
			out.Unsure = append(out.Unsure, "repeats a few times, without a count")
			break
		}
	}
	for _, s := range st.sents {
		if s.repeatSay && out.Repeat == nil && !s.repVague {
			out.Unsure = append(out.Unsure, "says to repeat, not how often")
			break
		}
	}
	for _, s := range st.sents {
		if s.secsVague && out.Seconds == nil {
			out.Unsure = append(out.Unsure, "gives no exact time")
			break
		}
	}
}

// bendsToes reports a step that bends or curls the toes and names no
// other part of the foot in any of its sentences.
func (st *stepDraft) bendsToes() bool {
	bent := false
	for _, s := range st.sents {
		if hasAnyWord(s.toks, notToesAlone) {
			return false
		}
		bent = bent || s.toesBent()
	}
	return bent
}

// footOnlyAtHeel reports a step whose only place on the foot is the heel.
func (st *stepDraft) footOnlyAtHeel() bool {
	heel := false
	for _, s := range st.sents {
		for _, l := range s.landmarks {
			if lm, ok := massage.LandmarkByID(l); ok && (lm.Area == "feet" || lm.Area == "toes") {
				if l != "heel" {
					return false
				}
				heel = true
			}
		}
		if slices.Contains(s.areas, "feet") || slices.Contains(s.areas, "toes") {
			return false
		}
	}
	return heel
}

// namesWorked reports a step whose move sentences name area a as a place
// they work, not only as where a move heads ("back down to the ankle"); a
// stroke that starts there and travels on ("from their fingertips down to
// the wrist") works it.
func (st *stepDraft) namesWorked(a string) bool {
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		starts := s.travelStarts()
		for _, x := range s.areas {
			if x == a && (!s.refs[x] || starts[x]) {
				return true
			}
		}
		for _, l := range s.landmarks {
			if lm, ok := massage.LandmarkByID(l); ok && (!s.refs[l] || starts[l]) && s.workedArea(l, lm.Area) == a {
				return true
			}
		}
	}
	return false
}

// moveNamesPlace reports a step whose move sentences name where they work.
func (st *stepDraft) moveNamesPlace() bool {
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		for _, a := range placeAreas(s) {
			if !s.refs[a] {
				return true
			}
		}
	}
	return false
}

// templesOnly reports a step whose scalp is only the temples: its
// sentences name them and no other place on the scalp, also when only the
// sentence that finds them does ("Find the soft hollows of the temples.
// Circle there with two fingers").
func (st *stepDraft) templesOnly() bool {
	temples := false
	for _, s := range st.sents {
		for _, l := range s.landmarks {
			if l == "temples" {
				temples = true
			} else if lm, ok := massage.LandmarkByID(l); ok && lm.Area == "scalp" {
				return false
			}
		}
		for _, a := range s.areas {
			if a == "scalp" || a == "head" {
				return false
			}
		}
	}
	return temples
}

// figureFour reports a step that crosses an ankle over the other knee or
// thigh to stretch the hip, in a sentence naming no other place worked
// than the leg it rests on.
func (st *stepDraft) figureFour() bool {
	for _, s := range st.sents {
		if s.tool {
			return false // "Cross your right ankle over your left knee, and roll on the ball": where the ball is
		}
	}
	for _, s := range st.sents {
		t := s.toks
		for i, x := range t {
			if x.w != "ankle" {
				continue
			}
			for k := i + 1; k < len(t) && k <= i+6; k++ {
				if (t[k].w == "knee" || t[k].w == "thigh") && wordIn(t, i+1, k-i-1, "over", "on", "across", "onto") {
					return true
				}
			}
		}
	}
	return false
}

// anyToken reports a token of the step's sentences that at accepts.
func (st *stepDraft) anyToken(at func(s *sentence, i int) bool) bool {
	for _, s := range st.sents {
		for i := range s.toks {
			if at(s, i) {
				return true
			}
		}
	}
	return false
}

// kneeToOppositeShoulder reports a knee drawn towards the opposite
// shoulder.
func (st *stepDraft) kneeToOppositeShoulder() bool {
	return st.anyToken(func(s *sentence, i int) bool {
		t := s.toks
		return (t[i].w == "shoulder" || t[i].w == "armpit") && i >= 1 && (t[i-1].w == "opposite" || t[i-1].w == "other") && s.kneesToChest(i)
	})
}

// kneesHugged reports the knees drawn to the chest: "Hug both knees to
// your chest", "knees to chest and rock gently".
func (st *stepDraft) kneesHugged() bool {
	return st.anyToken(func(s *sentence, i int) bool {
		return s.toks[i].w == "knees" && s.kneesToChest(i) // one knee hugged stretches the hip
	})
}

// heelToSeat reports a heel drawn towards the seat: "pull your right
// heel towards your backside".
func (st *stepDraft) heelToSeat() bool {
	return st.anyToken(func(s *sentence, i int) bool {
		t := s.toks
		return (t[i].w == "heel" || t[i].w == "heels" || t[i].w == "foot" || t[i].w == "ankle") && wordIn(t, i+1, 2, "to", "towards", "toward", "up") &&
			wordIn(t, i+2, 3, "backside", "bottom", "bum", "buttock", "buttocks", "seat", "glutes")
	})
}

// samePlace reports a move told to work "the same area" (spot, place,
// muscles) as the step before.
func (st *stepDraft) samePlace() bool {
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		for k := 1; k+1 < len(s.toks); k++ {
			if s.toks[k].w == "same" && s.toks[k-1].w == "the" && samePlaces[s.toks[k+1].w] {
				return true
			}
		}
	}
	return false
}

// buttockWords name the buttocks in plain speech.
var buttockWords = wordSet("buttock buttocks bum bums backside backsides glute glutes gluteal")

// bottomNear reports a step whose own sentences, the step's before it,
// its section's heading or the two blocks before it name the buttocks:
// "lean the right cheek on the ball" under "backside and low back after
// the shift", or after "strokes from the thighs up over the buttock".
func (d *doc) bottomNear(st *stepDraft) bool {
	sents := st.sents
	if i := slices.Index(d.steps, st); i > 0 {
		sents = append(slices.Clip(sents), d.steps[i-1].sents...)
	}
	for _, s := range sents {
		for _, t := range s.toks {
			if buttockWords[t.w] {
				return true
			}
		}
	}
	texts := []*block{st.section}
	if i := slices.Index(d.bs, st.first); i > 0 {
		texts = append(texts, d.bs[max(0, i-2):i]...) // the line that leads in the list
	}
	for _, b := range texts {
		if b == nil {
			continue
		}
		for _, t := range tokenize(b.text) {
			if buttockWords[t.w] {
				return true
			}
		}
	}
	return false
}

var samePlaces = wordSet("area spot spots place places muscle muscles patch region band")

// onlyLandmark reports a step whose moves name the landmark and no other
// place.
func (st *stepDraft) onlyLandmark(id string) bool {
	found := false
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		for _, l := range s.landmarks {
			if l != id {
				return false
			}
			found = true
		}
		if len(s.areas) > 0 {
			return false
		}
	}
	return found
}

// oneWorkedPart is the one part of a limb the step's moves work by name
// (not where they head), or "": "squeeze and lift the calf muscle,
// working up the leg" works the calf.
func (st *stepDraft) oneWorkedPart(limb string) string {
	part := ""
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		for _, p := range append(append([]string(nil), s.landmarks...), s.areas...) {
			if s.refs[p] || limbJoints[p] {
				if q := placeArea(p); q == limb || massage.Within(q, limb) {
					return "" // "… draw the hand down to the ankle": the move travels the limb
				}
				continue
			}
			a := placeArea(p)
			if a == limb || !massage.Within(a, limb) {
				continue
			}
			if part != "" && part != a {
				return ""
			}
			part = a
		}
	}
	return part
}

// worksSomewhere reports a step that names where it works, not only where
// its moves head or which joints they pass ("just above the hips").
func (st *stepDraft) worksSomewhere() bool {
	for _, s := range st.sents {
		for _, l := range s.landmarks {
			if !s.refs[l] && !limbJoints[l] {
				return true
			}
		}
		for _, a := range s.areas {
			if !s.refs[a] {
				return true
			}
		}
	}
	return false
}

var holdVerbs = map[string]bool{"hold": true, "cup": true, "support": true, "steady": true,
	"cradle": true, "grip": true, "grasp": true}

// hands gathers what each hand does.
func (st *stepDraft) hands() []massage.HandUse {
	var out []massage.HandUse
	seen := map[string]bool{}
	for i, s := range st.sents {
		if st.roles[i] == 2 {
			continue
		}
		for _, m := range s.parts {
			h, ok := handUse(s, m)
			key := h.Hand + " " + h.Part + " " + h.Role
			if !ok || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, h)
		}
	}
	out = namedPartsFirst(out)
	if len(out) > 3 {
		out = out[:3]
	}
	if out == nil {
		out = []massage.HandUse{}
	}
	return out
}

// handUse reads a hand named in sentence s: which hand, which part,
// working or holding; false when the model has no such hand or part.
func handUse(s *sentence, m handMention) (massage.HandUse, bool) {
	h := massage.HandUse{Hand: m.hand, Part: m.part, Role: "work"}
	if h.Part == "" {
		h.Part = "whole-hand"
	}
	if h.Hand == "" {
		switch h.Part {
		case "fist", "forearm", "elbow":
			h.Hand = "one"
		default:
			h.Hand = "both"
		}
	}
	holding := holdVerbs[s.verb.base]
	if s.holdHand != "" && m.hand == s.holdHand || holding && (m.hand == "one" || m.hand == "left" || m.hand == "right") && len(s.parts) > 0 {
		h.Role = "hold"
	}
	if h.Role == "hold" && h.Part == "whole-hand" {
		h.Part = "palms"
	}
	return h, massage.Hands.Has(h.Hand) && massage.HandParts.Has(h.Part)
}

// namedPartsFirst drops "your hands" working when a named part works: a
// named part says more.
func namedPartsFirst(out []massage.HandUse) []massage.HandUse {
	if len(out) <= 1 {
		return out
	}
	other := false
	for _, g := range out {
		if g.Part != "whole-hand" && g.Role == "work" {
			other = true
		}
	}
	var keep []massage.HandUse
	for _, h := range out {
		if !(other && h.Part == "whole-hand" && h.Role == "work") {
			keep = append(keep, h)
		}
	}
	return keep
}

// motionAfter reports a motion word among the next three words.
func motionAfter(ws []string, i int) bool {
	for k := i; k < len(ws) && k < i+3; k++ {
		for _, e := range words.first[ws[k]] {
			if len(e.words) == 1 {
				for _, v := range e.vals {
					if v.c == cMotion {
						return true
					}
				}
			}
		}
	}
	return false
}

// finishing reports a step that says it closes the sequence.
func (st *stepDraft) finishing() bool {
	s := st.sents[0]
	for i, t := range s.toks {
		if i > 3 {
			break
		}
		switch t.w {
		case "finish", "finally", "end", "lastly":
			return true
		}
	}
	return false
}

// limbPlaces put the areas and joints of the limbs in order along them.
var limbPlaces = map[string]struct {
	limb string
	at   int
}{
	"hip": {"legs", 0}, "thighs": {"legs", 1}, "knee": {"legs", 2}, "calves": {"legs", 3},
	"ankles": {"legs", 4}, "feet": {"legs", 5}, "toes": {"legs", 6},
	"shoulders": {"arms", 0}, "upper-arms": {"arms", 1}, "elbow": {"arms", 2}, "forearms": {"arms", 3},
	"wrists": {"arms", 4}, "hands": {"arms", 5},
}

// span names the whole limb when one stroke runs from a place on it to
// another at least three places along: "from the top of the thigh down to
// the foot" works the leg, not the foot.
func span(st *stepDraft) string {
	whole, _ := strokeSpans(st)
	return whole
}

// limbSegments are the parts of a limb that lie between two places along
// it, as limbPlaces orders them: what a stroke between those two works.
var limbSegments = map[string]bool{"thighs": true, "calves": true, "feet": true, "upper-arms": true, "forearms": true, "hands": true}

// midSpan is the part of a limb a stroke works when it runs between the
// places either side of it: "from the ankle to the toes" strokes the foot.
// (A stroke that ends at a joint starts beside it, so "from the shoulder
// to the elbow" spans the shoulder and the upper arm, not three places.)
func midSpan(st *stepDraft) string {
	_, mid := strokeSpans(st)
	return mid
}

// strokeSpans reads the "from … to …" strokes of the step's moves: the
// first limb one runs the length of (three places or more), and the first
// part of a limb one runs across (from the place before it to the place
// after it).
func strokeSpans(st *stepDraft) (whole, mid string) {
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		lo, hi := s.strokeRange()
		for limb, l := range lo {
			switch {
			case hi[limb]-l >= 3 && whole == "":
				whole = limb
			case hi[limb]-l == 2 && mid == "":
				for id, p := range limbPlaces {
					if p.limb == limb && p.at == l+1 && limbSegments[id] {
						mid = id
					}
				}
			}
		}
	}
	return whole, mid
}

// strokeRange gives, per limb, the first and last places along it where a
// "from … to …" stroke of the sentence starts and ends.
func (s *sentence) strokeRange() (lo, hi map[string]int) {
	if !hasWord(s.toks, "from") {
		return nil, nil
	}
	lo, hi = map[string]int{}, map[string]int{}
	note := func(id string) {
		p, ok := limbPlaces[id]
		if !ok {
			return
		}
		// A stroke that starts or ends at a joint works from beside
		// it: "from knee to heel" is the calf and the foot.
		at, atHi := p.at, p.at
		if limbJoints[id] {
			at, atHi = p.at+1, p.at-1
		}
		if v, seen := lo[p.limb]; !seen || at < v {
			lo[p.limb] = at
		}
		if v, seen := hi[p.limb]; !seen || atHi > v {
			hi[p.limb] = atHi
		}
	}
	// Only where the stroke starts and ends: "from the top of the
	// thigh", "down to the foot".
	for _, h := range s.hits {
		if !s.strokeEnd(s.st.ti[h.i]) {
			continue
		}
		for _, v := range h.e.vals {
			switch {
			case v.c == cArea && contains(s.areas, v.id):
				note(v.id)
			case v.c == cLandmark && contains(s.landmarks, v.id):
				if _, ok := limbPlaces[v.id]; ok {
					note(v.id) // hip, knee, elbow: joints in the limb's own area
				} else if lm, ok := massage.LandmarkByID(v.id); ok {
					note(lm.Area)
				}
			}
		}
	}
	return lo, hi
}

// besideJoint is the part of a limb a move works when it names a place
// just above or below a joint: "below the elbow" is the forearm, "above
// the knee" the thigh.
func besideJoint(st *stepDraft) string {
	parts := jointSides
	for i, s := range st.sents {
		if st.roles[i] == 2 {
			continue
		}
		t := s.toks
		for k, x := range t {
			side := -1
			switch x.w {
			case "above":
				side = 0
			case "below", "under", "beneath", "underneath":
				side = 1
			}
			if side < 0 {
				continue
			}
			for q := k + 1; q < len(t) && q <= k+10 && t[q].kind != tPunct; q++ {
				if p, ok := parts[t[q].w]; ok {
					return p[side]
				}
			}
		}
	}
	return ""
}

// jointSides are the parts of a limb above and below each joint.
var jointSides = map[string][2]string{"elbow": {"upper-arms", "forearms"}, "elbows": {"upper-arms", "forearms"},
	"knee": {"thighs", "calves"}, "knees": {"thighs", "calves"}, "kneecap": {"thighs", "calves"}, "kneecaps": {"thighs", "calves"}}

// trunkTop and trunkBottom are where a stroke down the whole back starts
// or ends.
var (
	trunkTop    = map[string]bool{"shoulders": true, "neck": true, "upper-back": true}
	trunkBottom = map[string]bool{"lower-back": true, "hips": true, "glutes": true}
)

// trunkSpan reports a move of the step that runs from the top of the back
// to its bottom, or back up: "from her left shoulder to her waist", "from
// the neck down to the belt line".
func trunkSpan(st *stepDraft) bool {
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		top, bottom := false, bottomWords(s)
		if !hasWord(s.toks, "from") && !bottom {
			continue
		}
		for _, h := range s.hits {
			if !s.strokeEnd(s.st.ti[h.i]) {
				continue
			}
			for _, v := range h.e.vals {
				a := ""
				switch {
				case v.c == cArea && contains(s.areas, v.id):
					a = v.id
				case v.c == cLandmark && contains(s.landmarks, v.id):
					if lm, ok := massage.LandmarkByID(v.id); ok {
						a = lm.Area
					}
				}
				top = top || trunkTop[a]
				bottom = bottom || trunkBottom[a]
			}
		}
		if top && bottom {
			return true
		}
	}
	return false
}

// bottomWords reports where a stroke starts or ends at the bottom of the
// back in words the body model has no place for: "from her neck to her
// bum", "either side of the spine at the bottom, slide up to …".
func bottomWords(s *sentence) bool {
	t := s.toks
	spine := hasWord(t, "spine") || hasWord(t, "back")
	for i, x := range t {
		switch x.w {
		case "bum", "buttocks", "tailbone", "sacrum", "waist":
			if s.strokeEnd(i) {
				return true
			}
		case "bottom", "base":
			// "at the bottom", "from the base", alone or "of the back",
			// not "at the bottom of the foot"
			atThe := i >= 2 && t[i-1].w == "the" && (t[i-2].w == "at" || t[i-2].w == "from")
			ofOther := i+1 < len(t) && t[i+1].w == "of" && !ofTheBack(t, i+2)
			if spine && atThe && !ofOther {
				return true
			}
		}
	}
	return false
}

// ofTheBack reports "the back", "her spine" … from token k.
func ofTheBack(t []token, k int) bool {
	if k+1 >= len(t) {
		return false
	}
	switch t[k].w {
	case "the", "her", "his", "their":
		return t[k+1].w == "back" || t[k+1].w == "spine"
	}
	return false
}

// between names the part of a limb that lies between two joints: a stroke
// "from ankle to knee" works the calf.
func between(st *stepDraft) string {
	has := map[string]bool{}
	for _, s := range st.sents {
		for _, l := range s.landmarks {
			has[l] = true
		}
		for _, a := range s.areas {
			has["area:"+a] = true
		}
	}
	switch {
	case has["elbow"] && (has["area:shoulders"] || has["shoulder"]) && !has["wrist"]:
		return "upper-arms" // "a gentle squeeze from shoulder to elbow"
	case has["knee"] && (has["ankle"] || has["heel"] || has["ankle-bones"]):
		return "calves" // "from knee to heel": the stroke runs down the calf
	case has["knee"] && has["hip"]:
		return "thighs"
	case has["wrist"] && has["elbow"]:
		return "forearms"
	}
	return betweenHeadAndTrunk(st)
}

// betweenHeadAndTrunk is the neck, for a move that only runs from a place
// of the head to the chest or shoulders, or back, naming no place on its
// way: "strokes from the collarbone towards your face"; and the back, for
// one that runs from the neck to the buttocks.
func betweenHeadAndTrunk(st *stepDraft) string {
	head, trunk, neck, seat := false, false, false, false
	for i, s := range st.sents {
		if st.roles[i] != 1 {
			continue
		}
		for _, a := range placeAreas(s) {
			if !s.refs[a] && !s.refsLandmarkOf(a) {
				return ""
			}
			head = head || massage.Within(a, "head")
			trunk = trunk || a == "chest" || a == "shoulders"
			neck = neck || a == "neck"
			seat = seat || a == "glutes"
		}
		// "slide up from your shoulder to under your ear": just below
		// the ear is where the neck meets the head
		head = head || slices.Contains(s.landmarks, "below-ears") && s.refs["below-ears"]
	}
	if head && trunk {
		return "neck"
	}
	if neck && seat {
		return "back" // "long slow strokes from her neck to her bum": the whole back
	}
	return ""
}

// refsLandmarkOf reports a landmark of area a that the sentence names only
// as where a move heads or starts.
func (s *sentence) refsLandmarkOf(a string) bool {
	for _, l := range s.landmarks {
		if lm, ok := massage.LandmarkByID(l); ok && lm.Area == a && s.refs[l] {
			return true
		}
	}
	return false
}

// torsoEdges are places on the edge of the torso, front or back: the ribs,
// the hips, the waist.
var torsoEdges = map[string]bool{"ribs": true, "hip": true, "waist": true, "side-of-hip": true, "hip-crest": true}

// onlyTorsoEdges reports a step whose sentences name no place but the
// torso's edges (and no area by name).
func (st *stepDraft) onlyTorsoEdges() bool {
	n := 0
	for _, s := range st.sents {
		if len(s.areas) > 0 {
			return false
		}
		for _, l := range s.landmarks {
			if !torsoEdges[l] {
				return false
			}
			n++
		}
	}
	return n > 0
}

// frontOfTorso is the front area (abdomen, chest) the step's heading, the
// text's title or its opening names, or the step before works, or "".
func (d *doc) frontOfTorso(st *stepDraft, prevArea string) string {
	if st.section != nil && !st.section.blind {
		if a := areaOfText(st.section.text); a == "abdomen" || a == "chest" {
			return a
		}
	}
	for _, a := range d.titleAreas {
		if a == "abdomen" || a == "chest" {
			return a
		}
	}
	if prevArea == "abdomen" || prevArea == "chest" {
		return prevArea // "Rest both hands on tummy" before "start low by the hip bone, up to the ribs"
	}
	// what the text names before its first step, most or (naming no back)
	// at all: "… to ease abdominal and pelvic pain"
	if a := d.intro.best(); a == "abdomen" || a == "chest" {
		return a
	}
	if d.intro.score["back"] == 0 && d.intro.score["lower-back"] == 0 && d.intro.score["upper-back"] == 0 {
		for _, a := range []string{"abdomen", "chest"} {
			if d.intro.score[a] > 0 {
				return a
			}
		}
	}
	return ""
}

// wholeOf is the area whose parts a step's own places work together
// ("one hand on the upper back and one on the lower back", a glide from
// the lower back up over the shoulder blades is the back), or "": the
// best of the votes and another part of the same whole with at least half
// its weight.
func (v *areaVotes) wholeOf() string {
	best := v.best()
	for _, b := range v.order {
		if p := parentOfSiblings(best, b); p != "" && v.score[b] >= v.score[best]/2 {
			return p
		}
		if lengthOfBack(best, b) && v.score[b] >= v.score[best]/2 {
			return "back"
		}
	}
	return ""
}
