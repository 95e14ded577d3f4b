package howto

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/knead/knead/massage"
)

// form is how a sentence gives an instruction, if it does.
type form uint8

const (
	fNone       form = iota
	fImperative      // "Place your hands …"
	fYou             // "You can also rub …", "your partner should lie …"
	fHands           // "Both thumbs glide …"
	fGerund          // "Rotating the toes is another part of it"
	fTo              // "Another movement is to use …"
	fBy              // "Finish by pressing …"
	fPassive         // "Chopping movements can be done …"
	fFragment        // "Thumbs. Arch. 10 circles.", "Then gentle thumb circles on the sole"
)

type handMention struct {
	hand, part string
}

type motionMention struct {
	ti       int // token index
	id       string
	strength int // 0 a general verb, 1 a motion, 2 circling as a manner
	word     string
}

// adverbs that may open an instruction.
var leadAdverbs = map[string]bool{"then": true, "next": true, "now": true, "first": true,
	"firstly": true, "second": true, "secondly": true, "third": true, "thirdly": true,
	"finally": true, "lastly": true, "last": true, "also": true, "again": true,
	"afterwards": true, "gently": true, "slowly": true, "carefully": true, "simply": true,
	"just": true, "still": true, "always": true, "so": true, "and": true, "but": true,
	"optionally": true, "additionally": true, "lightly": true, "firmly": true, "right": true,
	"away": true, "please": true, "quickly": true, "briefly": true,
	"fourth": true, "fifth": true, "sixth": true, "seventh": true, "eighth": true, "however": true,
	"together": true, "meanwhile": true, "instead": true, "step": true, "okay": true, "ok": true,
	"alright": true, "well": true, "um": true, "uh": true, "yeah": true, "sometimes": true,
	"usually": true, "often": true, "normally": true, "occasionally": true, "generally": true}

// labelWords open a sentence as "Tip: …" or "Note: …".
var labelWords = map[string]bool{"tip": true, "note": true, "important": true, "remember": true,
	"hint": true, "bonus": true, "optional": true, "do": true, "action": true, "method": true}

// subordinators open a clause before the instruction.
var subordinators = map[string]bool{"after": true, "before": true, "when": true, "while": true,
	"once": true, "as": true, "if": true, "starting": true, "using": true, "with": true,
	"to": true, "for": true, "on": true, "at": true, "in": true, "from": true, "holding": true,
	"keeping": true, "working": true, "beginning": true, "since": true, "until": true,
	"without": true, "whilst": true, "during": true, "again": true, "by": true, "where": true,
	"depending": true, "like": true, "because": true, "in order": true, "whether": true}

var modals = map[string]bool{"can": true, "should": true, "may": true, "could": true, "will": true,
	"might": true, "must": true, "need": true, "want": true, "have": true, "to": true,
	"also": true, "then": true, "now": true, "gently": true, "slowly": true, "simply": true,
	"just": true, "even": true, "first": true, "lightly": true, "carefully": true, "always": true,
	"usually": true, "often": true, "normally": true, "'ll": true}

var auxes = map[string]bool{"can": true, "could": true, "will": true, "would": true, "should": true,
	"may": true, "might": true, "must": true, "is": true, "are": true, "was": true, "were": true,
	"has": true, "have": true, "helps": true, "works": true, "feels": true, "makes": true}

var subjects = map[string]bool{"you": true, "you'll": true, "partner": true, "they": true,
	"receiver": true, "recipient": true, "person": true, "he": true, "she": true, "i": true,
	"we": true, "giver": true, "i'd": true, "we'd": true, "you'd": true,
	// who gives it, named in a report, a procedure or a care plan
	"therapist": true, "carer": true, "caregiver": true, "masseuse": true, "masseur": true,
	"experimenter": true, "practitioner": true}

// subjectKinds say which of two people a subject is: "the massaging
// partner", "the pregnant partner", "the receiving person".
var subjectKinds = wordSet("massaging giving receiving pregnant other expectant")

// mannerWords say how, between a named subject's modal and its verb: "the
// massaging partner should gently press …".
var mannerWords = wordSet("gently slowly firmly lightly carefully then also now softly")

var giverWords = map[string]bool{"hands": true, "hand": true, "thumbs": true, "thumb": true,
	"fingers": true, "fingertips": true, "palms": true, "palm": true, "knuckles": true,
	"fist": true, "heels": true, "pads": true}

var moveNouns = map[string]bool{"movement": true, "movements": true, "move": true, "moves": true,
	"part": true, "step": true, "technique": true, "way": true, "stroke": true, "option": true,
	"motion": true, "thing": true}

// analyze reads what s says.
func analyze(s *sentence) {
	s.toks = tokenize(s.text)
	s.st = makeStream(s.toks)
	s.hits = words.scan(s.st.ws)
	s.vi = -1
	s.findForm()
	s.shape = readShape(s.toks)
	s.readHits()
	s.dropPostureObject()
	s.toolPlaced()
	s.handsMoved()
	s.rep, s.repVague, s.secs, s.secsVague, s.repMore = measuresMore(s.toks)
	s.warnAt, s.warnFirst = -1, -1
	s.dropConditionMotions()
	s.dropAsideMotions()
	s.findWarning()
	if s.warning && s.asksForLesson() {
		s.warning, s.warnLead, s.warnAt = false, false, -1 // "ask your physical therapist to teach you …"
	}
	s.findClaim()
	s.findFragment()
	if s.aim() {
		s.form, s.vi = fNone, -1 // "Learning outcome: glide along the jaw …": an aim, however it is worded
	}
	if s.warnAt > 0 {
		// "…, and never drag the skin": what a warning forbids is no move of the step.
		keep := s.motions[:0]
		for _, m := range s.motions {
			if m.ti < s.warnAt {
				keep = append(keep, m)
			}
		}
		s.motions = keep
	}
	for _, t := range s.toks {
		if t.w == "repeat" || t.w == "repeating" {
			s.repeatSay = true
		}
	}
}

// namedDoer finds the move of a story told in the past tense about
// someone named: "Pip tapped her fingertips all over Grandpa's back",
// "Then Ana rested her hands on his shoulders": a name (a capital that is
// no word the importer knows), then a move's verb in the past, then what
// it acts on. It returns the verb's token, or -1.
// kinDoers name who gives the massage in a story the receiver tells.
var kinDoers = wordSet("mum mom mummy mommy mam mama dad daddy papa nan nana gran granny grandma grandpa")

func (s *sentence) namedDoer() int {
	t := s.toks
	p := pastLeaders(t, 0)
	if p+2 >= len(t) || t[p].kind != tWord || t[p].pos >= len(s.text) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s.text[t[p].pos:])
	w := t[p].w
	if !unicode.IsUpper(r) || dets[w] || subjects[w] || notVerbs[w] || leadAdverbs[w] || bodyWord(w) || giverWords[w] {
		return -1
	}
	if _, known := verbs[w]; known {
		return -1
	}
	v, ok := verbs[t[p+1].w]
	if kinDoers[w] && ok && (v.c == vMove || v.c == vPlace || v.base == "make" || v.base == "give") && strings.HasSuffix(t[p+1].w, "s") {
		// "Mum puts her hands flat on my shoulders", "Then Dad makes big
		// slow circles on my back": a story told by the one who receives
		return p + 1
	}
	if !ok || v.c != vMove && v.c != vPlace || t[p+1].w == v.base || strings.HasSuffix(t[p+1].w, "ing") || strings.HasSuffix(t[p+1].w, "s") && !strings.HasSuffix(t[p+1].w, "ss") {
		return -1 // the verb in the past, not "Pip taps" nor "Pip's"
	}
	if n := t[p+2].w; !(dets[n] || giverWords[n] || n == "her" || n == "his" || n == "their" || n == "both" || n == "gently" || n == "slowly" || n == "softly") {
		return -1
	}
	return p + 1
}

// findForm finds whether, and how, the sentence instructs, and its main verb.
func (s *sentence) findForm() {
	t := s.toks
	if f, vi := instructionAt(t, 0, 2); f != fNone {
		s.form, s.vi = f, vi
	} else if f, vi := afterLabel(t); f != fNone {
		s.form, s.vi = f, vi
	} else if vi := whereYou(t); vi >= 0 {
		s.form, s.vi = fYou, vi
	} else if vi := laterInstruction(t); vi >= 0 {
		s.form, s.vi = fImperative, vi
	} else if vi := namedThenDone(t); vi >= 0 {
		s.form, s.vi = fImperative, vi
	} else if f, vi := mainClause(t); f != fNone {
		s.form, s.vi = f, vi
	} else if vi := s.namedDoer(); vi >= 0 {
		s.form, s.vi = fYou, vi
	}
	if s.vi >= 0 {
		s.verb = verbs[t[s.vi].w]
		if (t[s.vi].w == "lay" || t[s.vi].w == "laying") && s.vi+1 < len(t) && (t[s.vi+1].w == "on" || t[s.vi+1].w == "down" || t[s.vi+1].w == "flat") {
			s.verb = verbs["lie"] // "Lay on your back with your knees bent": lie, as people write it
		}
		for k := s.vi - 1; k >= 0 && k >= s.vi-4; k-- {
			if t[k].w == "i" || t[k].w == "we" {
				s.narrative = true
			}
		}
	}
}

// aim reports a sentence labelled as an aim, not a move, in its words or
// by its line's title: "Learning outcome: …", "Objective: …", "Goal: …".
func (s *sentence) aim() bool {
	if goalLabel(s.toks) {
		return true
	}
	if s.b == nil || s.idx != 0 || s.b.title == "" {
		return false
	}
	tt := tokenize(s.b.title)
	return len(tt) > 0 && len(tt) <= 4 && goalWords[tt[len(tt)-1].w] || len(tt) > 1 && tt[len(tt)-1].w == ":" && goalWords[tt[len(tt)-2].w]
}

// namedThenDone finds the move of "The next exercise is to apply your
// fingertips to either temple", "Another way to practise is pushing the
// tips of three fingers …": a move named, then told after "is (to)". It
// gives the verb's token, or -1.
func namedThenDone(t []token) int {
	p := pastLeaders(t, 0)
	if p >= len(t) || t[p].w != "the" && t[p].w != "another" && t[p].w != "one" && t[p].w != "a" && t[p].w != "your" {
		return -1
	}
	for q := p + 1; q+2 < len(t) && q <= p+5; q++ {
		if !namedMoves[t[q].w] {
			continue
		}
		k := q + 1
		if t[k].w == "to" && k+2 < len(t) && t[k+2].w == "is" {
			k += 2 // "Another way to practise is …"
		}
		if t[k].w != "is" {
			return -1
		}
		k++
		if k >= len(t) {
			return -1 // "The one thing to remember is" at the end of the text
		}
		if t[k].w == "to" && k+1 < len(t) {
			k++
		}
		v, ok := baseVerb(t[k].w)
		if !ok {
			v, ok = verbs[t[k].w] // "is pushing the tips of …"
		}
		if ok && (v.c == vMove || v.c == vPlace || v.base == "use" || v.base == "create" || v.base == "make" || v.base == "apply") {
			return k
		}
		return -1
	}
	return -1
}

var namedMoves = wordSet("exercise step move technique thing way stroke method movement")

// goalLabel reports words that open with an aim's label: "Learning
// outcome: …", "Objective: …", "Goal: …".
func goalLabel(t []token) bool {
	for q := 0; q < len(t) && q <= 2; q++ {
		if t[q].w == ":" {
			return q > 0 && goalWords[t[q-1].w]
		}
	}
	return false
}

var goalWords = wordSet("outcome outcomes objective objectives goal goals aim aims")

// instructionAt looks for an instruction starting at token p, skipping
// opening adverbs and up to depth subordinate clauses.
func instructionAt(t []token, p, depth int) (form, int) {
	p = pastLeaders(t, p)
	if p+2 < len(t) && t[p].w == "why" && t[p+1].w == "not" {
		p += 2 // "Why not finish with a few slow strokes down the neck?": a suggestion
	}
	if p >= len(t) {
		return fNone, -1
	}
	// Each opener rule says what the sentence is when it recognises its
	// shape (ok), or passes to the next; the first that recognises it wins.
	for _, rule := range [...]openerRule{finishByOpener, firstThingOpener, anotherMoveOpener, handFirstOpener,
		subordinateOpener, subjectOpener, handsSubjectOpener, gerundOpener, participleOpener, passiveOpener, keptStillOpener, imperativeOpener} {
		if f, i, ok := rule(t, p, depth); ok {
			return f, i
		}
	}
	return fNone, -1
}

// stillWords tell hands kept still on a place: a closing hold.
var stillWords = wordSet("resting lying still held holding")

// openerRule reads one shape of sentence opening at token p: the form of
// the instruction and the token of its main verb, and whether it applies.
type openerRule func(t []token, p, depth int) (form, int, bool)

// pastLeaders skips punctuation, numbers, opening adverbs and labels:
// "1. First thing, take …", "Next thing: lay …".
func pastLeaders(t []token, p int) int {
	for p < len(t) && (t[p].kind == tPunct || t[p].kind == tNum || leadAdverbs[t[p].w] && !(p+1 < len(t) && t[p+1].w == "to") ||
		labelWords[t[p].w] && p+1 < len(t) && t[p+1].w == ":") {
		if t[p].w == "step" && p+1 < len(t) && t[p+1].kind != tNum {
			break
		}
		p++
		if p+1 < len(t) && t[p].w == "thing" && (t[p-1].w == "first" || t[p-1].w == "next" || t[p-1].w == "last") && t[p+1].kind == tPunct {
			p++
		}
		if p+1 < len(t) && t[p].w == "of" && t[p+1].w == "all" && (t[p-1].w == "first" || t[p-1].w == "last") {
			p += 2 // "Last of all rest both hands …", "First of all, warm …"
		}
	}
	return p
}

// finishByOpener: "Finish by pressing", "Begin, then, by placing", "End
// with a few strokes".
func finishByOpener(t []token, p, _ int) (form, int, bool) {
	v, ok := baseVerb(t[p].w)
	if !ok || !(v.base == "finish" || v.base == "begin" || v.base == "start" || v.base == "end" || v.base == "proceed" || v.base == "continue") {
		return fNone, -1, false
	}
	q := p + 1
	for q < len(t) && (t[q].kind == tPunct || t[q].w == "then" || t[q].w == "off") {
		q++
	}
	if q+1 < len(t) && t[q].w == "by" && isGerund(t[q+1].w) {
		return fBy, q + 1, true
	}
	if q < len(t) && t[q].w == "with" && (v.base == "finish" || v.base == "end") {
		for r := q + 1; r < len(t) && r <= q+8; r++ {
			if m, ok := verbs[t[r].w]; ok && m.c == vMove {
				return fBy, r, true
			}
			if isMotionNoun(t[r].w) {
				return fBy, p, true
			}
			if stillWords[t[r].w] {
				return fBy, p, true // "End with both hands lying still on her lower back": a closing hold
			}
		}
	}
	return fNone, -1, false
}

// firstThingOpener: "The first thing I do is long, slow strokes …"
func firstThingOpener(t []token, p, _ int) (form, int, bool) {
	if w := t[p].w; w != "the" && w != "my" && w != "our" {
		return fNone, -1, false
	}
	for q := p + 1; q+3 < len(t) && q < p+5; q++ {
		if (t[q].w == "thing" || moveNouns[t[q].w]) && subjects[t[q+1].w] && (t[q+2].w == "do" || t[q+2].w == "does") && (t[q+3].w == "is" || t[q+3].w == "are") {
			for r := q + 4; r < len(t) && r <= q+9; r++ {
				if v, ok := verbs[t[r].w]; ok && v.c == vMove && isMotionNoun(t[r].w) {
					return fTo, r, true
				}
			}
		}
	}
	return fNone, -1, false
}

// anotherMoveOpener: "Another movement is to use …"
func anotherMoveOpener(t []token, p, _ int) (form, int, bool) {
	if w := t[p].w; w != "another" && w != "one" && w != "the" && w != "a" {
		return fNone, -1, false
	}
	for q := p + 1; q < len(t) && q < p+12; q++ {
		if (t[q].w == "is" || t[q].w == "it" || t[q].w == "are") && q+2 < len(t) && t[q+1].w == "to" {
			if _, ok := baseVerb(t[q+2].w); ok && moveNoun(t[p:q]) {
				return fTo, q + 2, true
			}
		}
	}
	return fNone, -1, false
}

// keptStillOpener: "Keep your affected thumb relaxed, use the other hand
// to straighten it …", "Hold the knee bent, then press …": how a part is
// kept while the move is made, then the move.
func keptStillOpener(t []token, p, depth int) (form, int, bool) {
	if depth <= 0 || t[p].w != "keep" && t[p].w != "hold" {
		return fNone, -1, false
	}
	for q := p + 2; q+1 < len(t) && q <= p+5; q++ {
		if t[q].kind == tPunct {
			return fNone, -1, false
		}
		if !stillStates[t[q].w] || t[q+1].w != "," {
			continue
		}
		if f, vi := instructionAt(t, q+2, depth-1); f != fNone {
			return f, vi, true
		}
		return fNone, -1, false
	}
	return fNone, -1, false
}

var stillStates = wordSet("relaxed still straight flat steady bent loose supported soft")

// handFirstOpener: "with your right thumb make little circles …": the
// hand, then the instruction, with no comma between.
func handFirstOpener(t []token, p, depth int) (form, int, bool) {
	if depth <= 0 || t[p].w != "with" && t[p].w != "using" {
		return fNone, -1, false
	}
	if q := pastHandPhrase(t, p+1); q > p+1 && q < len(t) {
		if v, ok := baseVerb(t[q].w); ok && (v.c == vMove || v.c == vPlace || v.base == "make" || v.base == "use") {
			return fImperative, q, true
		}
	}
	return fNone, -1, false
}

// subordinateOpener: a sentence opening with a subordinate clause ("To
// massage the scalp start at …", "When the skin is warm, knead …", "After
// soaking rub the foot"): the instruction after it, or none.
func subordinateOpener(t []token, p, depth int) (form, int, bool) {
	w := t[p].w
	if depth <= 0 || !subordinators[w] {
		return fNone, -1, false
	}
	if w == "to" {
		if q := subordinateOpenerTo(t, p); q >= 0 {
			return fImperative, q, true
		}
	}
	// The instruction follows one of the next few commas.
	for q := p + 1; q < len(t) && q < p+30; q++ {
		if t[q].w == "," || t[q].w == ";" || t[q].w == ":" || t[q].w == "-" {
			if f, vi := instructionAt(t, q+1, depth-1); f != fNone {
				return f, vi, true
			}
		}
	}
	if w == "before" {
		if q := subordinateOpenerBefore(t, p); q >= 0 {
			return fImperative, q, true
		}
	}
	if w == "once" || w == "when" || w == "after" || w == "starting" || w == "beginning" || w == "working" || w == "in" || w == "at" {
		if vi := afterOpenerNoComma(t, p+1); vi >= 0 {
			return fImperative, vi, true
		}
	}
	if p+1 < len(t) && isGerund(t[p+1].w) && w != "to" {
		for q := p + 2; q < len(t) && q < p+6; q++ {
			if _, ok := baseVerb(t[q].w); ok && verbs[t[q].w].c != vNone {
				if f, vi := instructionAt(t, q, 0); f == fImperative {
					return f, vi, true
				}
			}
		}
	}
	return fNone, -1, true
}

// subordinateOpenerTo finds the instruction after a clause of purpose
// ("To massage the scalp start at …"): its verb within a few words, before
// any punctuation, or -1.
func subordinateOpenerTo(t []token, p int) int {
	if p+1 >= len(t) {
		return -1
	}
	if _, ok := baseVerb(t[p+1].w); !ok {
		return -1
	}
	for q := p + 3; q < len(t) && q < p+8; q++ {
		if t[q].kind == tPunct {
			break
		}
		if v, ok := baseVerb(t[q].w); ok && v.c != vOther && t[q-1].w != "to" && !dets[t[q-1].w] {
			return q
		}
	}
	return -1
}

// subordinateOpenerBefore finds the instruction after "before you begin"
// or "before you start", perhaps with "massage" or "the" between: its
// bare verb, or -1.
func subordinateOpenerBefore(t []token, p int) int {
	if !(p+3 < len(t) && t[p+1].w == "you" && (t[p+2].w == "begin" || t[p+2].w == "start")) {
		return -1
	}
	// "Before you begin massage check that your hands are clean"
	q := p + 3
	if dets[t[q].w] || t[q].w == "your" {
		q++
	}
	if q < len(t) && (t[q].w == "massage" || t[q].w == "massaging" || t[q].w == "the") {
		q++
	}
	if q < len(t) && q > p+3 {
		if v, ok := baseVerb(t[q].w); ok && v.c != vNone && t[q].w == v.base {
			return q
		}
	}
	return -1
}

// subjectOpener: "You can also rub …", "Your partner should lie …", "The
// receiver sits …", "I put the heels of my hands …" (the author telling
// what they do).
func subjectOpener(t []token, p, _ int) (form, int, bool) {
	w := t[p].w
	if vi := demonstrating(t, p); vi >= 0 {
		return fYou, vi, true
	}
	named := 0 // the words of a subject named: "the partner", "the massaging partner"
	switch {
	case subjects[w]:
	case (w == "your" || w == "the") && p+1 < len(t) && subjects[t[p+1].w]:
		named = 1
	case (w == "your" || w == "the") && p+2 < len(t) && subjectKinds[t[p+1].w] && subjects[t[p+2].w]:
		named = 2 // "the massaging partner should gently press …"
	default:
		return fNone, -1, false
	}
	q := p + 1 + named
	for q < len(t) && (modals[t[q].w] || t[q].w == "'ll" || t[q].w == "to" || named == 2 && mannerWords[t[q].w] ||
		planVerbs[t[q].w] && q+1 < len(t) && t[q+1].w == "to") {
		q++ // "I'd like to finish with …", "we're going to stroke …": the plan's verb
	}
	if q < len(t) {
		if f, i, ok := finishByOpener(t, q, 0); ok {
			return f, i, true // "I'd like to finish with a bit of tapping all over the back"
		}
		if v, ok := verbs[t[q].w]; ok && v.c != vNone && !strings.HasSuffix(t[q].w, "ing") && !strings.HasSuffix(t[q].w, "ed") && t[q].w != "be" {
			return fYou, q, true
		}
		if v, ok := verbs[t[q].w]; ok && (v.c == vMove || v.c == vPlace) && strings.HasSuffix(t[q].w, "ed") && (q == p+1 && tellers[w] || named > 0 && q == p+1+named) && q+1 < len(t) && pastObject(t[q+1].w) {
			// "I pressed my thumb into the forearm …", "She rubbed his
			// shoulders …": a move told in the past by whoever did it
			return fYou, q, true
		}
	}
	return fNone, -1, true
}

// demonstrating finds the move of someone showing it as they go, in a
// video's transcript or a class: "I am starting down with a gliding
// stroke", "I'm kneading the top of the shoulder", "we're sliding both
// hands up the back": "I" or "we", "am" or "are", then the move's verb
// in -ing (not "I am using proper body mechanics", nor "we are going
// to …", a plan). It returns the verb's token, or -1.
func demonstrating(t []token, p int) int {
	q := p
	switch w := t[p].w; {
	case w == "i'm" || w == "we're":
		q++
	case (w == "i" || w == "we") && p+1 < len(t) && (t[p+1].w == "am" || t[p+1].w == "are"):
		q += 2
	default:
		return -1
	}
	for q < len(t) && (t[q].w == "just" || t[q].w == "now" || t[q].w == "then" || t[q].w == "gently" || t[q].w == "slowly" || t[q].w == "also") {
		q++
	}
	if q >= len(t) || !strings.HasSuffix(t[q].w, "ing") {
		return -1
	}
	v, ok := verbs[t[q].w]
	if !ok || v.c != vMove && v.c != vPlace || q+1 < len(t) && t[q+1].w == "to" {
		return -1
	}
	return q
}

// tellers are the subjects of a move told in the past: a diary's "I", a
// story's "she".
var tellers = wordSet("i we she he")

// pastObject reports a word that opens what a move told in the past acts
// on: "my thumb", "the calf", "his shoulders", "both hands".
func pastObject(w string) bool {
	return dets[w] || w == "my" || w == "his" || w == "her" || w == "their" || w == "our" || w == "both" || w == "each" || giverWords[w] || numberWords[w] > 0
}

// handsSubjectOpener: "Both thumbs glide …", "Your hands should …"
func handsSubjectOpener(t []token, p, _ int) (form, int, bool) {
	w := t[p].w
	if !(w == "your" || w == "both" || w == "one" || w == "each" || w == "either" || w == "the") || p+1 >= len(t) || !giverWords[t[p+1].w] {
		return fNone, -1, false
	}
	q := p + 2
	for q < len(t) && modals[t[q].w] {
		q++
	}
	if q < len(t) {
		if v, ok := verbs[t[q].w]; ok && (v.c == vMove || v.c == vPlace) && !strings.HasSuffix(t[q].w, "ing") {
			return fHands, q, true
		}
	}
	return fNone, -1, false
}

// gerundOpener: "Rotating the toes is …", "Squeezing the foot as you move …"
func gerundOpener(t []token, p, _ int) (form, int, bool) {
	w := t[p].w
	if !isGerund(w) || !(verbs[w].c == vMove || verbs[w].c == vPlace) || p+1 >= len(t) {
		return fNone, -1, false
	}
	q := p + 1
	for q < len(t) && (dets[t[q].w] || t[q].w == "each" || t[q].w == "both") {
		q++
	}
	if q < len(t) && q > p+1 && bodyWord(t[q].w) {
		// "massaging your jaw will help to bring you comfort": the move
		// is the subject of what it does, no instruction
		// (also with a phrase between: "Massaging the arms using a
		// combination of techniques can help improve muscle tone")
		for r := q + 1; r < len(t) && r <= q+10 && t[r].kind != tPunct; r++ {
			if effectModals[t[r].w] && r+1 < len(t) && claimVerbs[t[r+1].w] {
				return fNone, -1, true
			}
		}
		return fGerund, p, true
	}
	return fNone, -1, false
}

// effectModals and claimVerbs say what a move does: "will help", "can
// ease", "may relieve".
var (
	effectModals = wordSet("will can may might could")
	claimVerbs   = wordSet("help ease relieve reduce improve soothe relax calm bring boost promote increase loosen release")
)

// participleOpener: "Kneeling at the head, she takes …", "Standing behind
// them, place …": an opening participle clause, then the instruction.
func participleOpener(t []token, p, depth int) (form, int, bool) {
	if depth <= 0 || !isGerund(t[p].w) || p+1 >= len(t) || !(locPreps[t[p+1].w] || refPreps[t[p+1].w] || t[p+1].w == "behind" || t[p+1].w == "in") {
		return fNone, -1, false
	}
	for q := p + 1; q < len(t) && q < p+10; q++ {
		if t[q].w == "," {
			if f, vi := instructionAt(t, q+1, depth-1); f != fNone {
				return f, vi, true
			}
			break
		}
	}
	if vi := afterOpenerNoComma(t, p+1); vi >= 0 {
		return fImperative, vi, true
	}
	return fNone, -1, false
}

// openerPlaces end an opening phrase that names where the move starts.
var openerPlaces = wordSet("side sides spot point area edge end line middle centre center top bottom place")

// afterOpenerNoComma finds the instruction after an opening phrase that
// has no comma to end it, as web pages often write: "Starting at your
// navel use your fingertips to …", "Once you get to the left side
// massage straight down …". It is the first verb that moves the hands (or
// "use") right after a noun, within a dozen words.
func afterOpenerNoComma(t []token, p int) int {
	for q := p + 1; q < len(t) && q < p+12; q++ {
		if t[q].kind == tPunct {
			return -1
		}
		v, ok := verbs[t[q].w]
		if !ok || !(v.c == vMove || v.base == "use" || v.base == "apply" && q+2 < len(t) && (t[q+1].w == "pressure" || t[q+2].w == "pressure")) || isGerund(t[q].w) || strings.HasSuffix(t[q].w, "ed") || t[q].w != v.base {
			continue
		}
		// right after the place the opening phrase names: "your navel
		// use", "the left side massage" (not "After a long run"), or
		// after what is done: "Once the location is found gently rub"
		p := q - 1
		if strings.HasSuffix(t[p].w, "ly") && p > 0 {
			p--
		}
		if t[p].w == "found" || t[p].w == "located" || t[p].w == "done" || t[p].w == "warm" || t[p].w == "warmed" {
			return q
		}
		if prev := t[q-1].w; bodyWord(prev) || openerPlaces[prev] || q >= 2 && (t[q-2].w == "the" || t[q-2].w == "your") {
			return q // "… near the appendix use small circular strokes"
		}
	}
	return -1
}

// passiveBe and passiveWhen tell a move in the passive: "the ears are
// then squeezed", "the calf was first kneaded".
var (
	passiveBe   = wordSet("was were is are")
	passiveWhen = wordSet("then next first also usually commonly often typically finally gently lightly firmly slowly")
)

// byWhom reports a passive that names who does it, as a text describing
// the massage in general does: "The scalp is rolled, rubbed and kneaded
// … by the hands of the masseur" (not "… pressed by two fingers").
func byWhom(t []token, from int) bool {
	for k := from + 1; k+1 < len(t); k++ {
		if t[k].w != "by" {
			continue
		}
		for j := k + 1; j < len(t) && j <= k+3; j++ {
			if agentWords[t[j].w] || t[j].w == "hands" && j+1 < len(t) && t[j+1].w == "of" {
				return true
			}
		}
	}
	return false
}

var agentWords = wordSet("masseur masseuse therapist therapists practitioner practitioners giver masseurs")

// passiveOpener: "Chopping movements can be done …"
func passiveOpener(t []token, p, _ int) (form, int, bool) {
	// "The temples were pressed gently with the fingertips …", "The
	// scalp itself is then worked with the pads of the fingers …": a
	// place worked, told in the passive
	if q := p; q+2 < len(t) && (dets[t[q].w] || t[q].w == "his" || t[q].w == "her" || t[q].w == "their" || t[q].w == "each" || t[q].w == "both") {
		q++
		b := q + 1
		if b+2 < len(t) && t[b].w == "of" && (dets[t[b+1].w] || t[b+1].w == "his" || t[b+1].w == "her") && bodyWord(t[b+2].w) {
			b += 3 // "the heels of the hands are rolled …"
		}
		if b < len(t) && (t[b].w == "itself" || t[b].w == "themselves") {
			b++
		}
		if bodyWord(t[q].w) && b+1 < len(t) && passiveBe[t[b].w] {
			r := b + 1
			if passiveWhen[t[r].w] && r+1 < len(t) {
				r++
			}
			if mannerWords[t[r].w] && r+1 < len(t) {
				r++
			}
			if v, ok := verbs[t[r].w]; ok && (v.c == vMove || v.c == vPlace) && strings.HasSuffix(t[r].w, "ed") && !byWhom(t, r) {
				return fPassive, r, true
			}
		}
	}
	for q := p; q+3 < len(t) && q < p+5; q++ {
		if t[q+1].w == "can" && t[q+2].w == "be" && (t[q+3].w == "done" || t[q+3].w == "performed") {
			for r := p; r <= q; r++ {
				if m, ok := verbs[t[r].w]; ok && m.c == vMove {
					return fPassive, r, true
				}
			}
		}
	}
	return fNone, -1, false
}

// imperativeOpener: a verb first ("Knead the calf"), unless it names a
// thing ("Massage cream or lotion can be bought").
func imperativeOpener(t []token, p, _ int) (form, int, bool) {
	v, ok := baseVerb(t[p].w)
	if !ok || v.c == vNone {
		return fNone, -1, false
	}
	if p+2 < len(t) && kindNouns[t[p+1].w] && (t[p+2].w == "that" || t[p+2].w == "which") {
		return fNone, -1, true // "Massage techniques that focus on the ears help …": a subject
	}
	if p+1 < len(t) && statesAfter[t[p+1].w] {
		// "Massage represents an excellent option …", "Massage therapists
		// carry a lot of tension …": the verb is a noun, the subject
		return fNone, -1, true
	}
	for q := p + 1; q < len(t) && q < p+5; q++ {
		if auxes[t[q].w] {
			return fNone, -1, true
		}
		if t[q].kind == tPunct || dets[t[q].w] || locPreps[t[q].w] || giverPreps[t[q].w] {
			break
		}
	}
	return fImperative, p, true
}

// statesAfter follow a verb that is also a noun when it is the subject of
// a statement: what massage does, or who gives it.
var statesAfter = wordSet("represents helps offers improves reduces relieves increases works gives provides " +
	"promotes boosts benefits releases stimulates lowers eases encourages allows supports " +
	"therapist therapists practitioners practitioner")

// kindNouns name kinds of massage after a verb that is also a noun:
// "massage techniques", "rub methods".
var kindNouns = wordSet("techniques technique methods method strokes movements sessions session therapy therapies routines styles")

// afterLabel finds an instruction after a short label and a colon or a
// dash ("This Little Piggy - give each toe a tiny wiggle"):
// "First thing: lay both hands …", "Position: sit on a firm bed …".
func afterLabel(t []token) (form, int) {
	for q := 1; q < len(t) && q <= 5; q++ {
		// "Next thing: lay …", "This Little Piggy - give each toe …"
		if t[q].w == ":" || spacedDash(t, q) {
			return instructionAt(t, q+1, 1)
		}
		if t[q].kind == tPunct {
			break
		}
	}
	return fNone, -1
}

// spacedDash reports a dash at token q with a space before it: "Piggy -
// give", not "self-massage".
func spacedDash(t []token, q int) bool {
	switch t[q].w {
	case "-", "–", "—":
		return q > 0 && t[q-1].pos+len(t[q-1].w) < t[q].pos
	}
	return false
}

func moveNoun(t []token) bool {
	for _, x := range t {
		if moveNouns[x.w] {
			return true
		}
	}
	return false
}

// whereYou finds "where you use …" inside a sentence that defines a move,
// "when you then make …" inside one that tells what the receiver likes,
// or "are where I'll lean in …" in one that tells what the author does.
func whereYou(t []token) int {
	for i := 0; i+2 < len(t); i++ {
		if (t[i].w == "where" || t[i].w == "which" || t[i].w == "when") && whereSubjects[t[i+1].w] {
			q := i + 2
			for q+1 < len(t) && (t[q].w == "then" || t[q].w == "also" || t[q].w == "just" || t[q].w == "gently" ||
				t[q].w == "'ll" || t[q].w == "will" || t[q].w == "'d" || t[q].w == "can") {
				q++
			}
			if v, ok := baseVerb(t[q].w); ok && (v.c == vMove || v.c == vOther && (v.base == "use" || v.base == "make" && t[i].w == "when")) {
				return q
			}
		}
	}
	return -1
}

// whereSubjects are who makes the move in "where you …", "where I'll …".
var whereSubjects = wordSet("you i we i'll i'd we'll you'll")

// bodyWord reports whether w names a place on the body by itself ("calf",
// "back"; not "to", which opens "to ball").
func bodyWord(w string) bool {
	for _, e := range words.first[w] {
		if len(e.words) != 1 {
			continue
		}
		for _, v := range e.vals {
			if v.c == cLandmark || v.c == cArea {
				return true
			}
		}
	}
	return false
}

var locPreps = map[string]bool{"on": true, "onto": true, "over": true, "along": true, "across": true,
	"around": true, "to": true, "toward": true, "towards": true, "of": true, "at": true,
	"from": true, "under": true, "below": true, "above": true, "behind": true, "inside": true,
	"up": true, "down": true, "through": true, "beneath": true, "near": true, "into": true,
	"against": true, "round": true, "underneath": true}

var giverPreps = map[string]bool{"with": true, "using": true, "use": true, "between": true,
	"in": true, "by": true}

var partnerWords = map[string]bool{"their": true, "his": true, "her": true, "partner": true,
	"recipient": true, "recipients": true, "person": true, "receiver": true, "client": true}

// adjectives that may stand before a body or hand word.
var bodyAdjs = map[string]bool{"left": true, "right": true, "both": true, "each": true,
	"other": true, "two": true, "flat": true, "loose": true, "index": true, "middle": true,
	"whole": true, "entire": true, "fleshy": true, "lower": true, "upper": true, "clean": true,
	"warm": true, "cupped": true, "open": true, "relaxed": true, "closed": true, "own": true,
	"outer": true, "inner": true, "bony": true, "tight": true, "tired": true}

// readHits turns the lexicon's finds into the sentence's facts.
func (s *sentence) readHits() {
	prevAmb := -1 // how the last ambiguous hand word was read: 0 giver, 1 receiver
	for k, h := range s.hits {
		if s.itNamedBefore(k) {
			continue // "squeeze the top of it" after "your right shoulder": the shoulder's
		}
		s.readHit(h, &prevAmb)
	}
	// With a ball or a roller, rolling is the tool gliding over the body,
	// not the hands kneading: "placing the ball … and rolling slowly".
	if s.tool {
		for i, m := range s.motions {
			if m.id == "knead" && strings.HasPrefix(m.word, "roll") {
				s.motions[i].id = "glide"
			}
		}
	}
	covered := make([]bool, len(s.st.ws))
	for _, h := range s.hits {
		for k := h.i; k < h.i+h.n; k++ {
			covered[k] = true
		}
	}
	s.readBareBack(covered)
	s.readBareBottom(covered)
	s.readHeelOfPalm()
	s.readHeadMoves()
	s.countPersons()
}

// footWords name the foot or a part of it.
var footWords = wordSet("foot feet sole soles toe toes ankle ankles arch arches instep insteps")

// readHeelOfPalm reads a bare "heel" as the heel of the palm when the
// sentence works the palm and names no foot: "knead the palm of your left
// hand from the heel up to the base of each finger".
func (s *sentence) readHeelOfPalm() {
	if !slices.Contains(s.landmarks, "heel") || !slices.Contains(s.landmarks, "palm") && !slices.Contains(s.areas, "hands") || hasAnyWord(s.toks, footWords) {
		return
	}
	s.landmarks = remove(s.landmarks, "heel")
	s.landmarks = appendNew(s.landmarks, "palm")
	if ref, ok := s.refs["heel"]; ok {
		delete(s.refs, "heel")
		s.markRef("palm", ref)
	}
}

// itNamedBefore reports a part of "it" ("the top of it", "the back of
// it"), which the lexicon reads as the back of the hand just named, after
// a place of the sentence that is no hand: the part is of that place,
// already counted.
func (s *sentence) itNamedBefore(k int) bool {
	e := s.hits[k].e
	if len(e.words) < 3 || e.words[len(e.words)-1] != "it" || len(e.vals) != 1 || e.vals[0].c != cLandmark {
		return false
	}
	for _, h := range s.hits[:k] {
		for _, v := range h.e.vals {
			if (v.c == cArea || v.c == cLandmark) && !inHand(v) {
				return true
			}
		}
	}
	return false
}

// inHand reports a place on the hand.
func inHand(v val) bool {
	if v.c == cArea {
		return v.id == "hands"
	}
	lm, ok := massage.LandmarkByID(v.id)
	return ok && lm.Area == "hands"
}

// readHit reads one lexicon entry found in the sentence: each of its
// values that applies where it stands.
func (s *sentence) readHit(h hit, prevAmb *int) {
	ti := s.st.ti[h.i]
	recv := false
	if h.e.amb {
		recv = s.receiverAt(ti, *prevAmb)
		*prevAmb = 0
		if recv {
			*prevAmb = 1
		}
	}
	if last := s.st.ti[h.i+h.n-1]; last+1 < len(s.toks) && measureWords[s.toks[last+1].w] {
		return // "over a hand's width", "a thumb's breadth": a length, not a place or a hand
	}
	if last := s.st.ti[h.i+h.n-1]; !h.e.amb && shaken(s.toks, last) {
		s.markRef("hands", s.isRef(last))
		s.takeValue(h, last, val{cArea, "hands"}) // "Shake both hands out": the hands shaken
		return
	}
	if pl, ok := s.receiversHand(h, ti); ok {
		s.markRef(pl.id, s.isRef(ti))
		s.takeValue(h, ti, pl) // "holding both her hands in yours", "his right hand", "her left palm"
		return
	}
	if pl, ok := selfHandPlaces[h.e.words[len(h.e.words)-1]]; ok && (h.n == 2 && s.otherHandOfSelf(ti) || h.n == 1 && s.ofOtherHand(ti)) {
		s.markRef(pl.id, s.isRef(ti))
		s.takeValue(h, ti, pl) // "over your left palm", worked by the right thumb
		return
	}
	for _, v := range h.e.vals {
		if h.e.amb && (v.c == cPart) == recv {
			continue
		}
		place := v.c == cLandmark || v.c == cArea
		if place && (s.inAsideClause(ti) || s.positional(ti)) {
			continue
		}
		if place && !h.e.amb && s.instrument(ti) {
			continue // "push with your feet": what pushes, not where the massage works
		}
		if place {
			s.markRef(v.id, s.isRef(ti))
		}
		s.takeValue(h, ti, v)
	}
}

// takeValue keeps one value of a lexicon entry at token ti.
func (s *sentence) takeValue(h hit, ti int, v val) {
	switch v.c {
	case cLandmark:
		s.takeValueLandmark(ti, v)
	case cArea:
		s.areas = appendNew(s.areas, v.id)
		s.countOwner(ti)
	case cPart:
		s.parts = append(s.parts, handMention{hand: s.handBefore(h), part: v.id})
	case cHand:
		s.takeHand(h, ti, v)
	case cMotion, cWeak, cManner:
		s.takeValueMotion(h, ti, v)
	case cDir:
		if v.id == "up" && ti > 0 && upVerbs[s.toks[ti-1].w] {
			return
		}
		if (v.id == "up" || v.id == "down") && ti > 0 && facingWords[s.toks[ti-1].w] {
			return // "palm up", "lie face down": how a part lies
		}
		s.dirs = appendNew(s.dirs, v.id)
	case cTurn:
		if s.turn == "" {
			s.turn = v.id
		}
	case cPressure:
		if s.pressure.IsZero() {
			lo, hi, _ := strings.Cut(v.id, "..")
			s.pressure = massage.Pressure{Level: lo, Most: hi}
			if hi != "" {
				s.pressure.Profile = "receiver-choice"
			}
		}
	case cSide:
		s.sides = appendNew(s.sides, v.id)
	case cPrep:
		s.takePrep(ti, v)
	case cTool:
		s.tool = true
	case cElse:
		s.elsewhere = true
	}
}

// takeValueLandmark keeps a landmark named, or for one never pressed on,
// the area around it.
func (s *sentence) takeValueLandmark(ti int, v val) {
	if lmk, ok := massage.LandmarkByID(v.id); ok && lmk.Avoid {
		// Never pressed on, but the moves beside it work its area: "out
		// from the spine" is on the back, as much as where a move heads.
		s.avoid = true
		s.markRef(lmk.Area, true)
		s.areas = appendNew(s.areas, lmk.Area)
		return
	}
	s.landmarks = appendNew(s.landmarks, v.id)
	s.countOwner(ti)
}

// takeValueMotion keeps a motion named, with its strength: a general verb
// (0), a motion (1), or circling named as a manner (2).
func (s *sentence) takeValueMotion(h hit, ti int, v val) {
	switch v.c {
	case cMotion:
		id := v.id
		if id == "rotate" && !s.jointNear(h) {
			id = "circle"
		}
		s.motions = append(s.motions, motionMention{ti: ti, id: id, strength: 1, word: h.e.words[0]})
	case cWeak:
		if h.e.words[0] == "go" && ti+1 < len(s.toks) && goManner[s.toks[ti+1].w] {
			return // "go lighter on the arch", "go easy": how, not a move
		}
		s.motions = append(s.motions, motionMention{ti: ti, id: v.id, strength: 0, word: h.e.words[0]})
	case cManner:
		s.motions = append(s.motions, motionMention{ti: ti, id: v.id, strength: 2, word: h.e.words[0]})
	}
}

// takeHand keeps a hand named ("your left thumb", "the other hand").
func (s *sentence) takeHand(h hit, ti int, v val) {
	if v.id == "" {
		first, last := h.e.words[0], h.e.words[len(h.e.words)-1]
		s.parts = append(s.parts, handMention{hand: first, part: partOf(last)})
	} else {
		p := ""
		for _, v2 := range h.e.vals {
			if v2.c == cPart {
				p = v2.id
			}
		}
		s.parts = append(s.parts, handMention{hand: v.id, part: p})
	}
	if ti > 0 && s.toks[ti-1].w == "in" || ti > 1 && s.toks[ti-2].w == "in" {
		s.holdHand = s.parts[len(s.parts)-1].hand
	}
}

// takePrep keeps a preparation named, unless negated or not one.
func (s *sentence) takePrep(ti int, v val) {
	// "oil or lotion" is one thing, whichever is at hand; named either way
	// round, it is oil.
	alt := len(s.prep) > 0 && (v.id == "cream" || v.id == "oil") && s.orBefore(ti)
	if alt && v.id == "oil" && contains(s.prep, "cream") {
		s.prep = append(remove(s.prep, "cream"), "oil")
	}
	if !s.negated(ti) && !alt && !s.notPrep(ti) && !s.warmAlready(ti, v.id) {
		s.prep = appendNew(s.prep, v.id)
	}
}

// warmAlready reports hands named as warm, not warmed: "Hold your warm
// hands still on their shoulders" holds, and gets nothing ready.
func (s *sentence) warmAlready(ti int, id string) bool {
	return id == "warm-hands" && s.toks[ti].w == "warm" && warmAdjective(s.toks, ti)
}

// readBareBack reads the bare word "back": the body's back when an article
// or possessive comes before it ("down the back", "on your back").
func (s *sentence) readBareBack(covered []bool) {
	for i, w := range s.st.ws {
		if w != "back" || covered[i] {
			continue
		}
		ti := s.st.ti[i]
		if ti > 1 && (dets[s.toks[ti-1].w] || partnerWords[s.toks[ti-1].w] || s.possessiveAt(ti-1)) && s.toks[ti-1].w != "a" && backPreps[s.toks[ti-2].w] {
			if ti+1 < len(s.toks) && s.toks[ti+1].w == "of" || s.positional(ti) {
				continue // "the back of the knee", "lie on your back"
			}
			s.areas = appendNew(s.areas, "back")
			s.countOwner(ti)
		}
	}
}

// possessiveAt reports a word written with a possessive 's ("all over
// Grandpa's back"); the token has dropped it.
func (s *sentence) possessiveAt(ti int) bool {
	if ti+1 >= len(s.toks) {
		return false
	}
	between := s.text[s.toks[ti].pos:s.toks[ti+1].pos]
	between = strings.TrimRight(between, " ")
	return strings.HasSuffix(between, "'s") || strings.HasSuffix(between, "’s")
}

// readBareBottom reads the bare word "bottom" worked on ("circles on the
// bottom", "over their bottom"): a place the model lacks; "the bottom of
// the foot" is read from the lexicon.
func (s *sentence) readBareBottom(covered []bool) {
	for i, w := range s.st.ws {
		if w != "bottom" || covered[i] {
			continue
		}
		ti := s.st.ti[i]
		if ti+1 < len(s.toks) && s.toks[ti+1].w == "of" || ti == 0 {
			continue
		}
		prev := s.toks[ti-1].w
		if partnerWords[prev] || prev == "your" || dets[prev] && ti > 1 && bottomPreps[s.toks[ti-2].w] {
			s.elsewhere = true
		}
	}
}

// countPersons counts the words that say who receives: oneself or another.
func (s *sentence) countPersons() {
	for i, t := range s.toks {
		// "the opposite palm", "the opposite shoulder": one's own other side
		if t.w == "opposite" && i+1 < len(s.toks) && bodyWord(s.toks[i+1].w) {
			s.self++
		}
		s.countPersonsWord(i)
		if i+1 < len(s.toks) && receiverStates[s.toks[i+1].w] && s.namedPerson(i) {
			s.partner++ // "Sam lies face down on the bed": someone named receives
		}
		if kinDoers[t.w] && i+1 == s.vi {
			s.partner += 2 // "Mum puts her hands on my shoulders": someone else gives it
		}
	}
}

// countPersonsWord counts the word at i by what it is: a self word, a
// pronoun, someone named by their part, a relative, or a verb that puts
// someone else in place.
func (s *sentence) countPersonsWord(i int) {
	switch s.toks[i].w {
	case "yourself", "self":
		s.countPersonsYourself(i)
	case "herself", "himself", "themselves", "oneself":
		s.countPersonsOneself(i)
	case "ask", "asking":
		s.countPersonsAsk(i)
	case "recipient", "recipients", "receiver", "partner", "client", "him",
		"recipient's", "receiver's", "partner's", "client's", "friend's", "friend",
		// a baby is always massaged by someone else: "stroke baby's head"
		"baby", "baby's", "babies", "infant", "infant's", "newborn", "newborn's", "toddler", "toddler's":
		s.countPersonsReceiver(i)
	case "her":
		s.countPersonsHer(i)
	case "roller", "ball":
		s.countPersonsTool(i)
	case "she", "he", "they":
		s.countPersonsSubject(i)
	case "person", "person's":
		s.countPersonsPerson(i)
	case "patient", "patient's", "patients", "resident", "resident's", "residents", "model", "model's", "child", "child's":
		s.countPersonsPatient(i)
	case "mate", "buddy", "pal", "helper", "helpers", "team-mate", "teammate", "team-mate's", "teammate's", "mate's", "buddy's",
		"rider", "runner", "walker", "climber", "swimmer", "dancer", "player", "athlete", "cyclist", "hiker", "sitter":
		s.countPersonsMate(i)
	case "carer", "carers", "caregiver", "caregivers":
		// "INSTRUCTIONS FOR CARER": the one who gives it looks after
		// someone else
		s.partner += 2
	case "them":
		s.countPersonsThem(i)
	case "parent", "parent's", "grandparent", "grandparent's", "gran", "gran's", "granny", "granny's", "nan", "nan's",
		"grandma", "grandma's", "grandpa", "grandpa's", "grandad", "grandad's", "teenager", "teenager's":
		s.countPersonsRelative(i)
	case "sit", "lay", "settle", "seat", "prop", "position":
		s.countPersonsSeated(i)
	case "get", "have":
		s.countPersonsGetTo(i)
		fallthrough
	case "has", "had":
		s.countPersonsHave(i)
	case "someone", "somebody":
		s.countPersonsSomeone(i)
	case "husband", "wife", "husband's", "wife's", "missus", "missus's", "mum", "mum's", "mom", "mom's", "dad", "dad's",
		"son", "son's", "daughter", "daughter's", "boyfriend", "girlfriend":
		s.countPersonsKin(i)
	}
}

// countPersonsYourself counts "yourself" as oneself, unless one helps
// oneself to something.
func (s *sentence) countPersonsYourself(i int) {
	if i > 0 && s.toks[i-1].w == "help" {
		return // "tester pots on the left, help yourself!": take some
	}
	s.self += 2
	s.yourself = true
}

// countPersonsOneself counts "herself" or "themselves" as oneself when it
// is what is done or massaged.
func (s *sentence) countPersonsOneself(i int) {
	// "a short routine to do herself": the one named does it on
	// their own body
	if i > 0 && (s.toks[i-1].w == "do" || s.toks[i-1].w == "massage" || s.toks[i-1].w == "treat" || s.toks[i-1].w == "on") {
		s.self += 2
	}
}

// countPersonsAsk counts "ask" as a partner cue, unless the one asked is an
// adviser, a shop's staff, or the reader's own students.
func (s *sentence) countPersonsAsk(i int) {
	// "Ask your physiotherapist first": an adviser, not the receiver
	if !(i+2 < len(s.toks) && cautionSets["advisers"][s.toks[i+2].w] || i+1 < len(s.toks) && cautionSets["advisers"][s.toks[i+1].w] ||
		i+3 < len(s.toks) && cautionSets["advisers"][s.toks[i+3].w]) && !askedToFetch(s.toks, i) && !(i > 0 && s.toks[i-1].w == "please" && (i+1 == len(s.toks) || s.toks[i+1].kind == tPunct)) &&
		!(i+1 < len(s.toks) && askPlaces[s.toks[i+1].w]) && // "Ask at the bar.", "Ask about our loyalty card": a shop's, no receiver
		!(i+1 < len(s.toks) && s.namedPerson(i+1) && !wordIn(s.toks, i+2, 3, "to", "if")) && // "Book orders: ask Deepa at the desk."
		!wordIn(s.toks, i+1, 3, "students", "pupils", "learners", "trainees", "class") && // "I ask my own students to spend a few minutes on it": they do it themselves
		!wordIn(s.toks, i+1, 3, "server", "waiter", "waitress", "staff", "receptionist", "pharmacist", "stylist", "librarian", "steward") { // "please ask your server": someone who serves
		s.partner++
	}
}

// countPersonsReceiver counts the receiver named ("partner", "client",
// "baby", "him"), unless "him" is someone taught.
func (s *sentence) countPersonsReceiver(i int) {
	t := s.toks[i]
	if t.w == "him" && i > 0 && taughtWords[s.toks[i-1].w] {
		return // "the practice nurse showed him a little routine": the one taught
	}
	s.partner++
	if t.w != "him" && t.w != "ask" && t.w != "asking" {
		s.receivers++
	}
}

// countPersonsHer counts "her" as the receiver when it is the object of
// what the giver does.
func (s *sentence) countPersonsHer(i int) {
	// "Sit her back in the recliner", "tell her": the receiver,
	// as the object of what the giver does (not "her calf",
	// counted with its owner)
	if _, base := baseVerb(s.toks[max(i-1, 0)].w); i > 0 && (i+1 == len(s.toks) || !bodyWord(s.toks[i+1].w) && !bodyAdjs[s.toks[i+1].w]) && (base || s.toks[i-1].w == "tell" || s.toks[i-1].w == "for") {
		s.partner++
	}
}

// countPersonsTool counts a roller or a ball the body rests on as oneself.
func (s *sentence) countPersonsTool(i int) {
	// "roller under both calves", "a ball between the wall and
	// your back", "lie on the roller": a tool the body rests on,
	// which one uses on oneself
	if i+1 < len(s.toks) && (s.toks[i+1].w == "under" || s.toks[i+1].w == "between") || restsOnTool(s.toks, i) {
		s.self++
	}
}

// countPersonsSubject counts "she", "he" or "they" as the receiver when
// they feel, rest or take their place.
func (s *sentence) countPersonsSubject(i int) {
	t := s.toks[i]
	// "so she knows you're there", "she tires": the receiver, as
	// the one who feels, rests and asks; "(they sit, you stand
	// behind)"
	if t.w == "they" && i+1 < len(s.toks) && positionVerbs[s.toks[i+1].w] && s.giverToo() || t.w != "they" && i+1 < len(s.toks) && receiverStates[s.toks[i+1].w] {
		s.partner++
	}
}

// countPersonsPerson counts "the person" as the receiver, but not "in
// person".
func (s *sentence) countPersonsPerson(i int) {
	if i > 0 && s.toks[i-1].w == "in" {
		return // "see a physio in person"
	}
	s.partner += 2 // "the person's calf": only a partner text has a person other than you
	s.receivers++
}

// countPersonsPatient counts "the patient" or "a model" as the receiver.
func (s *sentence) countPersonsPatient(i int) {
	// "rest the patient's forearm on a pillow", "a model lying
	// prone": the one who receives, named by their part in it
	if i > 0 && (s.toks[i-1].w == "the" || s.toks[i-1].w == "a" || s.toks[i-1].w == "your" || s.toks[i-1].w == "each") {
		s.partner += 2
		s.receivers++
	}
}

// countPersonsMate counts "your mate", "your rider" as someone else who
// receives when they are put in place, or who gives as a helper.
func (s *sentence) countPersonsMate(i int) {
	t := s.toks[i]
	// "Your rider lies on their front", "Sit your walker on a camp stool"
	// "Your mate lies face down on a horse blanket", "your helper
	// kneels behind your head": someone else receives or gives
	// it; not "signal your buddy" (a diver's)
	helper := t.w == "helper" || t.w == "helpers"
	j := i - 1 // the word before the name: "your", or "your team-"
	if j > 1 && s.toks[j].w == "-" && s.toks[j-1].w == "team" {
		j -= 2
	}
	if j > 0 && youngWords[s.toks[j].w] {
		j-- // "your young player"
	}
	lies := i+1 < len(s.toks) && (positionVerbs[s.toks[i+1].w] || receiverStates[s.toks[i+1].w]) ||
		j > 0 && (positionVerbs[s.toks[j-1].w] || s.toks[j-1].w == "let") || strings.HasSuffix(t.w, "'s") // "Sit your team-mate backwards on a chair", "Let your young player wash …"
	if j >= 0 && (s.toks[j].w == "your" || s.toks[j].w == "my") && (helper || lies) {
		s.partner += 2
		if !helper {
			s.receivers++
		}
	}
}

// countPersonsThem counts "them" as the receiver when they are given it.
func (s *sentence) countPersonsThem(i int) {
	// "when we pitch I give them a rub": the one given it receives
	if i > 0 && (giveWords[s.toks[i-1].w] || s.toks[i-1].w == "give") && !(i+1 < len(s.toks) && (s.toks[i+1].w == "to" || s.toks[i+1].w == "this")) && !s.bodyBefore(i) &&
		!(i+1 < len(s.toks) && (s.toks[i+1].kind == tNum || numberWords[s.toks[i+1].w] > 0)) { // not "give them five minutes"
		s.partner++
	}
}

// countPersonsRelative counts a parent or a grandparent as the receiver
// when their body is named or they are put in place.
func (s *sentence) countPersonsRelative(i int) {
	t := s.toks[i]
	// "Looking after a parent's feet?", "With your parent sitting
	// comfortably": a relative's body, or the relative put in place
	// (not "my nan's way", "as a parent")
	owner := strings.HasSuffix(t.w, "'s") && i+1 < len(s.toks) && (bodyWord(s.toks[i+1].w) || i+2 < len(s.toks) && bodyWord(s.toks[i+2].w))
	placed := i > 0 && (s.toks[i-1].w == "your" || s.toks[i-1].w == "the") && i+1 < len(s.toks) && (positionVerbs[s.toks[i+1].w] || receiverStates[s.toks[i+1].w] || strings.HasSuffix(s.toks[i+1].w, "ing") && positionVerbs[strings.TrimSuffix(strings.TrimSuffix(s.toks[i+1].w, "ting"), "ing")])
	if owner || placed {
		s.partner += 2
		s.receivers++
	}
}

// countPersonsSeated counts "sit them", "lay him" as someone else put in
// place.
func (s *sentence) countPersonsSeated(i int) {
	// "sit them down on the grass", "lay him on his front": someone
	// else put in place
	if i+1 < len(s.toks) && (s.toks[i+1].w == "them" || s.toks[i+1].w == "him" || s.toks[i+1].w == "her") {
		s.partner++
	}
}

// countPersonsGetTo counts "get them to" as someone else who gives it.
func (s *sentence) countPersonsGetTo(i int) {
	// "get them to: kneel beside you, lay both hands …": someone
	// else gives it to the reader
	if i+2 < len(s.toks) && (s.toks[i+1].w == "them" || s.toks[i+1].w == "him" || s.toks[i+1].w == "her") && s.toks[i+2].w == "to" {
		s.partner += 2
	}
}

// countPersonsHave counts "have the driver lie", "get them lying" as
// someone else put in place.
func (s *sentence) countPersonsHave(i int) {
	// "have the driver lie face down", "Get them lying face up on a
	// mat": someone else put in place
	if i+3 < len(s.toks) && (s.toks[i+1].w == "the" || s.toks[i+1].w == "your") && positionVerbs[s.toks[i+3].w] ||
		i+2 < len(s.toks) && (s.toks[i+1].w == "them" || s.toks[i+1].w == "him" || s.toks[i+1].w == "her") && (positionVerbs[s.toks[i+2].w] || lyingWords[s.toks[i+2].w]) {
		s.partner++
	}
}

// countPersonsSomeone counts "give someone", "someone's shoulders" as
// another who receives.
func (s *sentence) countPersonsSomeone(i int) {
	// "How to give someone a face massage", "massaging someone's
	// shoulders": another person receives
	if i > 0 && (giveWords[s.toks[i-1].w] || s.toks[i-1].w == "on") || i+1 < len(s.toks) && strings.HasPrefix(s.toks[i+1].w, "'s") {
		s.partner += 2
		s.receivers++
	}
}

// countPersonsKin counts "my husband", "your mum" as someone else who
// receives, unless they are told something or teach.
func (s *sentence) countPersonsKin(i int) {
	// "a massage I use on my husband", "my husband's arm": someone
	// else receives
	if i > 0 && (s.toks[i-1].w == "my" || s.toks[i-1].w == "your" || s.toks[i-1].w == "the") && !(i > 1 && wordIn(s.toks, max(0, i-4), i-1-max(0, i-4), "tell", "ask", "call", "ring", "phone", "text", "show")) &&
		!(i+1 < len(s.toks) && kinTeaches[s.toks[i+1].w]) { // "My daughter is a hand therapist", "my daughter says …": she teaches, not receives
		s.partner += 2 // not "tell your mum so she can book the GP": someone told, not touched
		s.receivers++
	}
}

// myHands reports the author's own hands named in the sentence ("in
// mine", "my thumbs"), so that "your hand" beside them is the reader's.
func (s *sentence) myHands() bool {
	t := s.toks
	for k, x := range t {
		if x.w == "mine" || x.w == "my" && k+1 < len(t) && giverWords[t[k+1].w] {
			return true
		}
	}
	return false
}

// askedToFetch reports "ask" whose person is asked to fetch help or a
// thing rather than to receive: "ask the attendant to call first aid",
// "Ask your merchant for the current crop certificate".
func askedToFetch(t []token, i int) bool {
	for k := i + 1; k+1 < len(t) && k <= i+4; k++ {
		if t[k].w == "to" {
			return fetchVerbs[t[k+1].w]
		}
		if t[k].w == "for" && k > i+1 {
			// "Ask your merchant for the current crop certificate": a
			// thing asked for, not "ask your partner for a back rub"
			j := k + 1
			for j < len(t) && (dets[t[j].w] || bodyAdjs[t[j].w] || t[j].w == "current" || t[j].w == "latest") {
				j++
			}
			return j < len(t) && t[j].kind == tWord && !askedRubs[t[j].w] && !bodyWord(t[j].w)
		}
	}
	return false
}

// askedRubs are what one asks a partner for: the massage itself.
var askedRubs = wordSet("massage massages rub rubs hand hands turn go help favour favor")

// askPlaces follow "ask" that asks no one to receive: "Ask at the desk",
// "ask about the card", "ask in store".
var askPlaces = wordSet("at about in for questions question if whether away how what why where which us me")

var fetchVerbs = wordSet("call ring phone fetch get bring help check")

// giverToo reports "you" in the sentence beside the receiver named: "they
// sit, you stand behind".
func (s *sentence) giverToo() bool {
	for _, x := range s.toks {
		if x.w == "you" {
			return true
		}
	}
	return false
}

// taughtWords come before the one taught a routine, who then does it.
var taughtWords = wordSet("showed shows taught teaches gave gives told tells")

// bodyBefore reports a body word before token i, which "them" may stand
// for: "Take hold of the lobes and give them a soft tug".
func (s *sentence) bodyBefore(i int) bool {
	for k := 0; k < i; k++ {
		if bodyWord(s.toks[k].w) {
			return true
		}
	}
	return false
}

// kinTeaches follow kin who teach or tell rather than receive.
var kinTeaches = wordSet("is was says said showed shows taught teaches told tells recommends suggested suggests swears")

// toldWords tell or call someone, who is then no receiver.
var toldWords = wordSet("tell ask call ring phone text show")

// namedPerson reports a name at token i: a word written with a capital
// that is no pronoun and no word the lexicon knows ("Sam", "Ruth").
func (s *sentence) namedPerson(i int) bool {
	t := s.toks[i]
	if t.kind != tWord || t.pos >= len(s.text) || s.text[t.pos] < 'A' || s.text[t.pos] > 'Z' {
		return false
	}
	switch t.w {
	case "i", "you", "he", "she", "they", "we", "it", "this", "that", "then", "everyone", "nobody":
		return false
	}
	_, isVerb := verbs[t.w]
	return !isVerb && len(words.first[t.w]) == 0 && !dets[t.w]
}

// restsOnTool reports "lie on the roller", "sitting on a ball": the body
// put on the tool at token i.
func restsOnTool(t []token, i int) bool {
	k := i - 1
	for k >= 0 && (dets[t[k].w] || t[k].w == "foam" || t[k].w == "tennis" || t[k].w == "massage") {
		k--
	}
	if k < 1 || t[k].w != "on" && t[k].w != "onto" {
		return false
	}
	for q := k - 1; q >= 0 && q >= k-3; q-- {
		switch t[q].w {
		case "lie", "lying", "lies", "sit", "sitting", "sits", "lean", "leaning", "kneel", "kneeling", "rest", "resting":
			return true
		}
	}
	return false
}

// receiverStates are what the one who receives does or feels: "she
// knows", "he tires".
var receiverStates = wordSet("knows tires likes wants relaxes feels drifts drifted falls sleeps lies sits breathes asks prefers enjoys winces flinches")

// giveWords give a massage to someone.
var giveWords = wordSet("give gives giving massage massaging treat treating")

// bottomPreps come before "the bottom" when it is where a move works.
var bottomPreps = wordSet("on over across around onto")

// refPreps put a place as an end or a reference point of a move.
var refPreps = map[string]bool{"from": true, "to": true, "→": true, "toward": true, "towards": true,
	"under": true, "below": true, "beneath": true, "above": true, "near": true, "beside": true,
	"past": true, "underneath": true}

// instrument reports a body word that "with" or "using" governs.
func (s *sentence) instrument(ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		w := s.toks[k].w
		switch {
		case dets[w] || bodyAdjs[w]:
			continue
		case w == "with" && k > 0 && (s.toks[k-1].w == "circles" || s.toks[k-1].w == "circle") && limbJoints[jointOf(s.toks[ti].w)]:
			return false // "draw slow circles with the ankle": the joint turned is worked
		case w == "with" || w == "using" || w == "than":
			return true // "rather than your arms": what does the work
		}
		return false
	}
	return false
}

// jointOf is the landmark of a joint's word: "ankles" is the ankle.
func jointOf(w string) string {
	return strings.TrimSuffix(w, "s")
}

// strokeEnd reports a place word at token ti where a stroke starts or
// ends: "from the top of the thigh", "down to the foot".
func (s *sentence) strokeEnd(ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-6; k-- {
		w := s.toks[k].w
		switch {
		case dets[w] || bodyAdjs[w] || w == "just" || w == "right":
		case w == "of" && k > 0 && partNouns[s.toks[k-1].w]:
			k--
		case w == "from" || w == "to" || w == "→" || w == "toward" || w == "towards":
			return true
		default:
			return false
		}
	}
	return false
}

// partNouns name a part of a place: "the top of the thigh".
var partNouns = wordSet("top tops side sides front back base middle centre center edge bottom inside outside")

var goVerbs = wordSet("go goes move moves come comes return returns get gets")

// isRef reports a place word at token ti that a reference preposition
// governs: "to just under the ears", "toward your hip".
func (s *sentence) isRef(ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		w := s.toks[k].w
		switch {
		case dets[w] || bodyAdjs[w] || w == "just" || w == "right" || w == "the" || ownerWord(w):
			continue // "toward the person's hand"
		case refPreps[w]:
			// "go to the low back", "move on to the calf", "Move the ball
			// down to the lower back": where the next move works, not where
			// one heads
			if w == "to" && k > 0 && (goVerbs[s.toks[k-1].w] || k > 1 && s.toks[k-1].w == "on" && goVerbs[s.toks[k-2].w]) {
				return false
			}
			if w == "to" && k > 1 && (s.toks[k-1].w == "down" || s.toks[k-1].w == "up" || s.toks[k-1].w == "over") {
				for j := k - 2; j >= 0 && j >= k-5; j-- {
					if goVerbs[s.toks[j].w] || s.toks[j].w == "bring" || s.toks[j].w == "shift" {
						return false
					}
				}
			}
			return true
		}
		return false
	}
	return false
}

// ownerWord is a word that says whose body: "person's", "partner's".
func ownerWord(w string) bool {
	return partnerWords[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// markRef notes whether a mention of a place is a reference; a place any of
// whose mentions is not one is no reference.
func (s *sentence) markRef(id string, ref bool) {
	if s.refs == nil {
		s.refs = map[string]bool{}
	}
	if have, ok := s.refs[id]; ok {
		s.refs[id] = have && ref
		return
	}
	s.refs[id] = ref
}

// backPreps come before "the back" when it is the body's back: "down the
// back", "on your back", "all areas of the back" (not "to the back").
var backPreps = map[string]bool{"on": true, "along": true, "down": true, "up": true, "over": true,
	"across": true, "into": true, "onto": true, "of": true, "massage": true, "knead": true}

// goManner follow "go" when it says how firmly or fast, not where.
var goManner = map[string]bool{"lighter": true, "light": true, "easy": true, "easier": true,
	"gently": true, "gentle": true, "softer": true, "slow": true, "slowly": true, "slower": true,
	"harder": true, "deeper": true, "firmer": true, "very": true, "careful": true, "carefully": true}

// facingWords come before "up" or "down" when these say how a part lies.
var facingWords = map[string]bool{"face": true, "faces": true, "facing": true, "palm": true,
	"palms": true, "side": true, "sides": true}

var upVerbs = map[string]bool{"warm": true, "set": true, "sit": true, "pick": true, "make": true,
	"wake": true, "stand": true, "end": true, "build": true, "tense": true, "tensing": true,
	"show": true, "shows": true, "line": true, "fill": true, "use": true, "give": true, "warming": true,
	"speed": true, "open": true, "dry": true, "clean": true, "tidy": true, "sign": true, "come": true}

func partOf(w string) string {
	switch w {
	case "fingertips":
		return "fingertips"
	case "fingers":
		return "fingers"
	case "thumb":
		return "thumbs"
	case "palm":
		return "palms"
	}
	return "whole-hand"
}

func appendNew(list []string, id string) []string {
	for _, x := range list {
		if x == id {
			return list
		}
	}
	return append(list, id)
}

// receiverAt decides whether the hand or arm word at token ti is the
// receiver's (a place worked on) or the giver's (what works).
func (s *sentence) receiverAt(ti, prev int) bool {
	t := s.toks
	k := ti - 1
	for k >= 0 && bodyAdjs[t[k].w] {
		k--
	}
	if k >= 0 && (t[k].w == "her" || t[k].w == "his") && s.doerIs(t[k].w) {
		return false // "she spreads her fingers and rubs my scalp": the doer's own hand
	}
	if k >= 0 && partnerWords[t[k].w] && !(k > 0 && (t[k-1].w == "with" || t[k-1].w == "using") && giverWords[t[ti].w]) {
		return true // not "little circles with her thumbs": what the teller's giver works with
	}
	first := k
	if g := k - 1; first >= 0 && dets[t[first].w] && g >= 0 && (t[g].w == "give" || t[g].w == "gives" || t[g].w == "giving") {
		return true // "give your hands a gentle squeeze"
	}
	if g := k - 1; first >= 0 && t[first].w == "the" && g >= 0 && t[g].w == "do" {
		return true // "Now do the fingers.": the place done next
	}
	if s.onTool(ti) {
		return true // "roll your forearm over the ball": the forearm is what the ball works
	}
	if s.feltIn(ti) {
		return true // "until you feel the pull in your forearms": where a stretch is felt is a place
	}
	if shaken(t, ti) {
		return true // "Shake both hands out loosely": the hands are what is shaken
	}
	if giverWords[t[ti].w] && (ti+1 < len(t) && t[ti+1].w == "through" || ti+2 < len(t) && t[ti+2].w == "through" && t[ti+1].kind == tWord && !dets[t[ti+1].w]) {
		return false // "comb the fingers back through the hair": what combs
	}
	if first >= 0 && t[first].w == "your" && s.shape.person == "i" && s.myHands() {
		return true // "I … take your hand palm up in mine": the author works the reader's hand
	}
	if first >= 0 && t[first].w == "your" && (giverWords[t[ti].w] || giverOne[t[ti].w]) && !s.selfText {
		return false // "over your fingers": the giver's own
	}
	return s.receiverAtPrep(ti, prev, first)
}

// receiverAtPrep decides by the preposition before the body word at ti,
// past its determiners and adjectives (first is the word just before the
// body word and its adjectives), or else by what is moved.
func (s *sentence) receiverAtPrep(ti, prev, first int) bool {
	t := s.toks
	k := first
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w]) {
		k--
	}
	if k >= 0 {
		switch p := t[k].w; {
		case p == "in" && first >= 0 && t[first].w == "the" && prev == 0 && (t[ti].w == "palm" || t[ti].w == "palms"):
			return true // "circle your thumb in the palm": the thumb works, in the receiver's palm
		case giverPreps[p]:
			return false
		case locPreps[p]:
			return true
		case (p == "and" || p == "or" || p == "/") && prev >= 0:
			return prev == 1
		}
	}
	if first >= 0 && t[first].w == "the" && theReceiver[t[ti].w] && !(ti+2 < len(t) && t[ti+1].w == "of" && t[ti+2].w == "your") {
		return true
	}
	return s.movedObject(ti, k)
}

// measureWords follow a body word used as a length.
var measureWords = wordSet("width widths breadth breadths span spans length lengths")

// shaken reports a hand word that a form of "shake" has as its object,
// perhaps after "out" and a determiner: "Shake both hands out loosely",
// "shake out your hands". The hands shaken are the place the move works,
// not what works it.
func shaken(t []token, ti int) bool {
	if !giverWords[t[ti].w] || t[ti].w != "hand" && t[ti].w != "hands" && t[ti].w != "fingers" {
		return false
	}
	k := ti - 1
	for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w]) {
		k--
	}
	if k >= 0 && t[k].w == "out" {
		k--
	}
	if k < 0 {
		return false
	}
	switch t[k].w {
	case "shake", "shakes", "shaking", "shook":
		return true
	}
	return false
}

// feltIn reports a body word named where a stretch is felt: "until you
// feel the pull in your forearms", "feel a stretch along the top of the
// forearm".
func (s *sentence) feltIn(ti int) bool {
	t := s.toks
	for k := ti - 1; k >= 1 && k >= ti-7; k-- {
		switch t[k].w {
		case "stretch", "pull", "stretching", "tension":
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if t[j].w == "feel" || t[j].w == "feels" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// doerIs reports a sentence whose doer is the one "her" or "his" (poss)
// belongs to: "she" or "he" just before the main verb ("First she spreads
// her fingers …", "Then he presses his thumbs …").
func (s *sentence) doerIs(poss string) bool {
	want := "she"
	if poss == "his" {
		want = "he"
	}
	for k := s.vi - 1; k >= 0 && k >= s.vi-3; k-- {
		if s.toks[k].w == want {
			return true
		}
	}
	return false
}

// giverOne are one finger of the giver's, named after "your" in a text
// for a partner: "pull your finger gently off the toes", "between your
// forefingers and thumb".
var giverOne = wordSet("finger fingertip forefinger forefingers knuckle")

// onTool reports a body word laid on a ball or a roller: "roll your
// forearm over the lacrosse ball", "rest your hand on the roller". The
// tool works that part, whoever's hand it might be elsewhere.
func (s *sentence) onTool(ti int) bool {
	t := s.toks
	k := ti + 1
	if k >= len(t) || !onToolPreps[t[k].w] {
		return false
	}
	for k++; k < len(t) && (dets[t[k].w] || toolKinds[t[k].w]); k++ {
	}
	return k < len(t) && (t[k].w == "ball" || t[k].w == "roller")
}

var (
	onToolPreps = wordSet("over on onto against across along")
	toolKinds   = wordSet("tennis lacrosse massage foam golf spiky hard soft small")
)

// otherHandOfSelf reports a hand named by its side after a place word
// where the last hand named is the other one ("With your right thumb, draw
// circles over your left palm"), or, in a self-massage text, where no
// hand or a part of no side works ("Thumb circles all over the left
// palm"): one hand works on the other, so it is a place. After "of" the
// hand is the one that works ("with the heel of your right hand"). ti is
// the token of "left" or "right".
func (s *sentence) otherHandOfSelf(ti int) bool {
	side := s.toks[ti].w
	k := ti - 1
	for k >= 0 && dets[s.toks[k].w] {
		k--
	}
	if k < 0 || !locPreps[s.toks[k].w] || side != "left" && side != "right" {
		return false
	}
	if s.toks[k].w == "of" && (len(s.parts) == 0 || s.parts[len(s.parts)-1].hand == "") {
		return false // "with the heel of your right hand": the hand that works
	}
	if len(s.parts) == 0 {
		return s.selfText // "circles all over the left palm"
	}
	last := s.parts[len(s.parts)-1]
	if last.hand == "" {
		// "Thumb circles all over the left palm": a thumb of no side
		// works the named hand, unless a hand of the same kind holds.
		return s.selfText && strings.TrimSuffix(last.part, "s") != strings.TrimSuffix(s.toks[ti+1].w, "s")
	}
	return (last.hand == "left" || last.hand == "right") && last.hand != side
}

// receiversHand reports a hand, or a part of one, the lexicon reads as
// the giver's ("right hand", "both hands", "left palm") said to be the
// receiver's: "his right hand", "both her hands in yours", "her left
// palm"; and the place it is.
func (s *sentence) receiversHand(h hit, ti int) (val, bool) {
	last := s.toks[s.st.ti[h.i+h.n-1]].w
	pl, ok := selfHandPlaces[last]
	if !ok {
		pl, ok = selfHandPlaces[strings.TrimSuffix(last, "s")]
	}
	if h.e.amb || h.n < 2 || !ok {
		return val{}, false
	}
	for k := max(0, ti-1); k < s.st.ti[h.i+h.n-1]; k++ {
		if w := s.toks[k].w; (w == "his" || w == "her" || w == "their") && !s.doerIs(w) {
			return pl, !(k > 0 && (s.toks[k-1].w == "with" || s.toks[k-1].w == "using"))
		}
	}
	return val{}, false
}

// ofOtherHand reports a part of a hand, the ti-th token, said to be of
// the hand other than the one working: "with your right thumb, knead the
// palm of your left hand".
func (s *sentence) ofOtherHand(ti int) bool {
	t := s.toks
	k := ti + 1
	if k >= len(t) || t[k].w != "of" || len(s.parts) == 0 {
		return false
	}
	for k++; k < len(t) && dets[t[k].w]; k++ {
	}
	if k+1 >= len(t) || t[k+1].w != "hand" {
		return false
	}
	side, h := t[k].w, s.parts[len(s.parts)-1].hand
	return (side == "left" || side == "right") && (h == "left" || h == "right") && h != side
}

// selfHandPlaces are the places of a hand worked on by the other hand.
var selfHandPlaces = map[string]val{"hand": {cArea, "hands"}, "palm": {cLandmark, "palm"},
	"thumb": {cLandmark, "fingers"}, "fingers": {cLandmark, "fingers"}, "fingertips": {cLandmark, "fingers"}}

// movedObject reports a hand word that is the object of a move, after
// "the": "finish by shaking the hand out", "stroke the fingers one by
// one"; not a hand put somewhere or together to work ("press the thumbs
// into the arch", "rub the hands together"). k is the token before the
// determiners and adjectives.
func (s *sentence) movedObject(ti, k int) bool {
	t := s.toks
	if k < 0 || k+1 >= ti || t[k+1].w != "the" && t[k+1].w != "each" {
		return false
	}
	if v, ok := verbs[t[k].w]; !ok || v.c != vMove {
		return false
	}
	next := ti + 1
	if next < len(t) && t[next].w == "of" && (t[ti].w == "palm" || t[ti].w == "palms") {
		// "knead the palm of one hand with the thumb of the other" works
		// the palm; "press the palm of your hand onto the thigh" works with
		// it, and a heel of the hand pressed always works with it
		for next++; next < len(t) && (dets[t[next].w] || t[next].w == "one" || t[next].w == "left" || t[next].w == "right" || t[next].w == "other"); next++ {
		}
		if next >= len(t) || t[next].w != "hand" && t[next].w != "hands" {
			return false
		}
		next++
	}
	if next < len(t) && (locPreps[t[next].w] || t[next].w == "together" || t[next].w == "in" || t[next].w == "against") {
		return false
	}
	return true
}

// theReceiver are the arm words that, after "the", are the receiver's:
// "grip the forearm just below the elbow".
var theReceiver = map[string]bool{"forearm": true, "forearms": true, "elbow": true, "elbows": true}

// someoneWorks reports someone other than the reader moving or placing
// their hands just before token k: "she bends your knee", "while I hold
// your shoulders down", "Jan warms a bit of oil in her hands, then long
// strokes from your heel".
func (s *sentence) someoneWorks(k int) bool {
	t := s.toks
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if j+1 < len(t) && (t[j].w == "i" || t[j].w == "she" || t[j].w == "he") {
			v, ok := verbs[t[j+1].w]
			return ok && (v.c == vMove || v.c == vPlace) && t[j+1].w != "rest"
		}
	}
	return false
}

// theyWork reports a sentence that opens with "they" and a move of
// theirs, before token k and with no "you" or "I" between: "They lean in
// with the heel of one hand and press around the top of each buttock".
func (s *sentence) theyWork(k int) bool {
	t := s.toks
	if len(t) < 3 || t[0].w != "they" || k < 2 || wordIn(t, 1, k-1, "you", "i") {
		return false
	}
	v, ok := verbs[t[1].w]
	return ok && (v.c == vMove || v.c == vPlace)
}

// leadDoerWorks reports a list item that goes on from a line naming who
// works ("Your friend:", "The giver:") with a move of theirs in the third
// person, on the reader's body before token k: "— sweeps it from the
// centre of your chin up along the jaw".
func (s *sentence) leadDoerWorks(k int) bool {
	t := s.toks
	if s.b == nil || s.b.lead == nil || len(t) < 2 || k < 1 || wordIn(t, 0, k, "you", "i") {
		return false
	}
	lt := tokenize(strings.TrimSpace(lastLine(s.b.lead)))
	if n := len(lt); n < 2 || n > 4 || lt[n-1].w != ":" || !leadDoers[lt[n-2].w] {
		return false
	}
	v, ok := verbs[t[0].w]
	return ok && (v.c == vMove || v.c == vPlace) && strings.HasSuffix(t[0].w, "s") && v.base != t[0].w
}

// leadDoers name who works in a line that leads in their moves.
var leadDoers = wordSet("friend partner giver helper therapist masseur masseuse carer buddy")

// notNames are capitalised words that open a sentence and name no one.
var notNames = wordSet("it this that which what who everything nothing each one")

// namedWorks reports a giver named by a name that opens the sentence or
// its clause, with a move of theirs, before token k: "Unit 1: Sam spreads
// the oil with long strokes from the middle of your back".
func (s *sentence) namedWorks(k int) bool {
	t := s.toks
	for j := 0; j+1 < k && j < 6; j++ {
		if j > 0 && t[j-1].w != ":" && t[j-1].w != "-" && t[j-1].w != "–" && t[j-1].w != "—" {
			continue // the name opens the sentence, or the clause after a label: "£50 - Jude finishes by …"
		}
		r, _ := utf8.DecodeRuneInString(s.text[t[j].pos:])
		if !unicode.IsUpper(r) || t[j].kind != tWord || !strings.HasSuffix(t[j+1].w, "s") || leadAdverbs[t[j].w] || notNames[t[j].w] {
			continue
		}
		if doerVerbs[t[j+1].w] && j+2 < len(t) && (t[j+2].w == "by" || t[j+2].w == "with") {
			return !wordIn(t, j+2, k-j-2, "you", "i") // "Jude finishes by squeezing up the back of my calf"
		}
		if j+2 < len(t) && !dets[t[j+2].w] && !ownerWords[t[j+2].w] && t[j+2].w != "both" {
			continue // "Small circles with your fingertips", "Knee rolls: …": a move's name, no one's doing
		}
		if v, ok := verbs[t[j+1].w]; ok && v.base != t[j+1].w && (v.c == vMove || v.c == vPlace) {
			return !wordIn(t, j+2, k-j-2, "you", "i")
		}
	}
	return false
}

// heWorks reports "he" or "she" making a move in the clause before token
// k, with no "I" between: "and he pressed one fist into the top of my right
// buttock" tells of a move the teller received.
func (s *sentence) heWorks(k int) bool {
	t := s.toks
	for j := k - 1; j >= 0 && j >= k-14; j-- {
		switch t[j].w {
		case "i", "i'd", "i'm", "i've":
			return false
		case "he", "she":
			q := j + 1
			for q < k && (strings.HasSuffix(t[q].w, "ly") || t[q].w == "always" || t[q].w == "then" || t[q].w == "also" || t[q].w == "just") {
				q++ // "He always ends with both hands resting on my lower back"
			}
			if v, ok := verbs[t[q].w]; ok && (v.c == vMove || v.c == vPlace) || doerVerbs[t[q].w] {
				return true // "he leans the heel of his hand into my hip", "He starts with long strokes … my spine"
			}
		}
	}
	return false
}

// doerVerbs tell what a giver does, in the third person, when no move is
// named by the verb itself.
var doerVerbs = wordSet("starts begins ends finishes works uses leans moves goes puts gives does")

// youWords name the reader.
var youWords = wordSet("you your yours")

// myTool reports a hand of the writer's that works: "with my fingertips".
func (s *sentence) myTool() bool {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].w == "my" && (giverWords[s.toks[i+1].w] || giverOne[s.toks[i+1].w] || bodyAdjs[s.toks[i+1].w] && i+2 < len(s.toks) && giverWords[s.toks[i+2].w]) {
			return true
		}
	}
	return false
}

// countOwner counts "your neck" as a self cue and "their neck" as a
// partner cue.
func (s *sentence) countOwner(ti int) {
	k := s.countOwnerWord(ti)
	if k < 0 {
		return
	}
	switch s.toks[k].w {
	case "your":
		if s.someoneWorks(k) {
			// "then she bends your knee and pushes the ball of your foot",
			// "while I hold your shoulders down": another's hands on the
			// reader's body
			s.partner++
			s.iOnYou = true
		} else if s.namedWorks(k) || s.theyWork(k) || s.leadDoerWorks(k) {
			// "Sam spreads the oil with long strokes from the middle of
			// your back", "They rest both hands on the backs of your
			// thighs": someone else works the reader's body
			s.partner++
			s.iOnYou = true
		} else if v := verbs[s.shape.word]; s.shape.person == "i" && (v.c == vMove || v.c == vPlace) {
			// "I'll start by laying both hands flat on your lower back":
			// the author works the reader's body
			s.partner++
			s.iOnYou = true
		} else {
			s.self++
		}
	case "my":
		if s.vi > 0 && kinDoers[s.toks[s.vi-1].w] || s.heWorks(k) || s.namedWorks(k) {
			s.partner++ // "Mum squeezes my shoulders": the teller receives
		} else if s.form == fImperative && s.shape.person != "i" && !s.narrative && hasAnyWord(s.toks, youWords) && !s.myTool() {
			s.partner++ // "Rub my palm with your thumb": the reader works the writer's body (not "Circle my temples with my fingertips")
		} else if wordIn(s.toks, ti+1, 4, "your") && wordIn(s.toks, ti+2, 5, "lap", "hands", "hand", "knee", "knees") {
			s.partner++ // "I'll be on the sofa with my feet in your lap"
		} else {
			s.self++
		}
	case "their", "his", "her", "partner", "recipient", "recipients", "person", "receiver",
		"partner's", "recipient's", "person's", "receiver's", "client's", "friend's":
		if k+1 < len(s.toks) && s.toks[k+1].w == "own" {
			s.self++ // "Everyone does it on their own wrists and hands"
			break
		}
		s.partner++
	}
}

// countOwnerWord finds the word that may name the owner of the place at
// token ti: the word before it, past any adjectives (-1 at the start),
// unless an owner after "of" just after the place names it instead.
func (s *sentence) countOwnerWord(ti int) int {
	k := ti - 1
	for k >= 0 && bodyAdjs[s.toks[k].w] {
		k--
	}
	if k < 0 || !ownerWords[s.toks[k].w] {
		// "on top of their shoulders", "the back of his neck": the owner
		// inside the place's name
		for j := ti + 1; j+1 < len(s.toks) && j <= ti+3; j++ {
			if s.toks[j].w == "of" && ownerWords[s.toks[j+1].w] {
				k = j + 1
				break
			}
		}
	}
	return k
}

// youngWords may stand between "your" and the one it names: "your young
// player".
var youngWords = wordSet("young little junior tired weary")

// lyingWords put a body in place, as "get them lying face up" does.
var lyingWords = wordSet("lying sitting kneeling standing comfy comfortable settled")

// ownerWords say whose body a place is.
var ownerWords = wordSet("your my their his her")

// handBefore finds the hand word just before a part: "right thumb",
// "both thumbs", "one palm".
func (s *sentence) handBefore(h hit) string {
	ti := s.st.ti[h.i]
	for k := ti - 1; k >= 0 && k >= ti-2; k-- {
		switch s.toks[k].w {
		case "left", "right", "both", "one", "other", "either":
			return s.toks[k].w
		case "each", "two":
			return "both"
		}
	}
	return ""
}

var jointWords = map[string]bool{"toes": true, "toe": true, "finger": true, "fingers": true,
	"ankle": true, "ankles": true, "wrist": true, "wrists": true, "foot": true, "feet": true,
	"shoulder": true, "shoulders": true, "arm": true, "arms": true, "head": true, "neck": true}

// jointNear reports whether a joint follows a "rotate" closely.
func (s *sentence) jointNear(h hit) bool {
	for k := h.i + 1; k < len(s.st.ws) && k <= h.i+3; k++ {
		if jointWords[s.st.ws[k]] {
			return true
		}
	}
	return false
}

// negated reports whether a word is said not to be needed: "no oil",
// "without oil", "don't need oil".
func (s *sentence) negated(ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		switch s.toks[k].w {
		case "no", "without", "not", "never", "don't", "dont", "doesn't", "needn't", "won't":
			return true
		}
	}
	return false
}

// dropAsideMotions forgets the motions of a clause after a semicolon that
// does not instruct: in "Go lighter on the arch; firm strokes tickle less",
// no stroke is asked for.
func (s *sentence) dropAsideMotions() {
	if s.form == fNone || len(s.motions) == 0 {
		return
	}
	for q, t := range s.toks {
		if t.w != ";" || q <= s.vi {
			continue
		}
		if f, _ := instructionAt(s.toks, q+1, 1); f != fNone {
			continue
		}
		end := len(s.toks)
		for k := q + 1; k < len(s.toks); k++ {
			if s.toks[k].w == ";" {
				end = k
				break
			}
		}
		keep := s.motions[:0]
		for _, m := range s.motions {
			if m.ti < q || m.ti >= end {
				keep = append(keep, m)
			}
		}
		s.motions = keep
	}
}

// dropConditionMotions forgets the motions of an opening condition: in
// "If you get pain running down your leg, stop", nothing runs.
func (s *sentence) dropConditionMotions() {
	if s.vi <= 0 {
		return
	}
	p := 0
	for p < len(s.toks) && (s.toks[p].kind != tWord || leadAdverbs[s.toks[p].w]) {
		p++
	}
	if p >= len(s.toks) || s.toks[p].w != "if" && s.toks[p].w != "unless" {
		return
	}
	keep := s.motions[:0]
	for _, m := range s.motions {
		if m.ti >= s.vi {
			keep = append(keep, m)
		}
	}
	s.motions = keep
}

// setUpWhere reports a tool put down under the body or on the floor,
// from token k on: "into the open space", "under your thighs", "on the
// floor".
func setUpWhere(t []token, k int) bool {
	if k >= len(t) {
		return false
	}
	switch t[k].w {
	case "into", "under", "underneath", "beneath":
		return true
	case "on", "onto":
		return k+2 < len(t) && (t[k+2].w == "floor" || t[k+2].w == "ground" || t[k+2].w == "mat")
	}
	return false
}

// handsMoved reads "Move your hands to an inch away from where the pain
// is" as placing the hands for the move that follows: the giver's hands
// taken to a place, nothing done there yet.
func (s *sentence) handsMoved() {
	if s.vi < 0 || s.verb.base != "move" || s.vi+3 >= len(s.toks) {
		return
	}
	k := s.vi + 1
	if s.toks[k].w == "your" || s.toks[k].w == "both" || s.toks[k].w == "the" {
		k++
	}
	if !giverWords[s.toks[k].w] || s.toks[k+1].w != "to" || movesAfter(s.toks, k) {
		return
	}
	s.verb = verb{base: "place", c: vPlace}
	keep := s.motions[:0]
	for _, m := range s.motions {
		if m.ti != s.vi {
			keep = append(keep, m)
		}
	}
	s.motions = keep
}

// setsUp are the verbs that set a tool in place.
var setsUp = wordSet("slide place put set position lay")

// toolPlaced reads "Move the ball down to the lower back", "Slide the
// roller into the space under your thighs" as placing the tool for the
// move that follows, not as a move of its own.
func (s *sentence) toolPlaced() {
	if !s.tool || s.vi < 0 || s.verb.base != "move" && s.verb.base != "bring" && s.verb.base != "shift" && !setsUp[s.toks[s.vi].w] {
		return
	}
	k := s.vi + 1
	for k < len(s.toks) && (dets[s.toks[k].w] || s.toks[k].w == "massage" || s.toks[k].w == "tennis" || s.toks[k].w == "foam") {
		k++
	}
	if k >= len(s.toks) || s.toks[k].w != "ball" && s.toks[k].w != "roller" {
		return
	}
	s.verb = verb{base: "place", c: vPlace}
	if setsUp[s.toks[s.vi].w] && !movesAfter(s.toks, k) && setUpWhere(s.toks, k+1) {
		// "Slide the roller into the space under your thighs", "Place a
		// tennis ball on the floor": the tool set up before the moves
		// (not "Place the ball between the wall and your lower back",
		// which says where the moves work)
		s.verb = verb{base: "place", c: vPrep}
		s.prep = appendNew(s.prep, "tool")
	}
	keep := s.motions[:0]
	for _, m := range s.motions {
		if m.ti != s.vi {
			keep = append(keep, m)
		}
	}
	s.motions = keep
}

// dropPostureObject forgets the body part a posture verb moves: in "Tilt
// your head to the side", the head is not where the hands work.
func (s *sentence) dropPostureObject() {
	if s.vi >= 0 && s.verb.base == "let" {
		s.dropPlacesAfter(s.vi, 5) // "let your head and shoulders sink back": the body moves itself
		return
	}
	if s.vi < 0 || !postures[s.verb.base] || s.jointCircled() || bendVerbs[s.toks[s.vi].w] && len(s.jointsTurned()) > 0 {
		return // "bend the wrist back and hold": the joint stretched is worked
	}
	end := s.vi
	for end+2 < len(s.toks) && (s.toks[end+1].w == "and" || s.toks[end+1].w == "or") && postures[verbs[s.toks[end+2].w].base] {
		end += 2 // "Bend and straighten your knees"
	}
	for _, h := range s.hits {
		ti := s.st.ti[h.i]
		if ti <= end || ti > end+3 {
			continue
		}
		if w := s.toks[ti-1].w; (w == "his" || w == "her" || w == "their") && !s.doerIs(w) {
			continue // "Open his palm and press your thumbs in circles": the receiver's hand, opened to be worked
		}
		for _, v := range h.e.vals {
			switch v.c {
			case cLandmark:
				s.landmarks = remove(s.landmarks, v.id)
			case cArea:
				s.areas = remove(s.areas, v.id)
			}
		}
	}
}

// byHand reports "with your fingers" (hand, hands, thumb, thumbs) within
// a few words after the verb at token vi: the part is moved by the hands.
func byHand(t []token, vi int) bool {
	for k := vi + 1; k+2 < len(t) && k <= vi+6; k++ {
		if t[k].w == "with" && (t[k+1].w == "your" || t[k+1].w == "both") {
			switch t[k+2].w {
			case "fingers", "hand", "hands", "thumb", "thumbs", "fingertips":
				return true
			}
		}
	}
	return false
}

// jointCircled reports a joint turned round in circles, which is worked,
// not posed: "Turn the wrist slowly in circles", "turn the ankle in slow
// circles" (not "Turn your head to the side").
func (s *sentence) jointCircled() bool {
	if len(s.jointsTurned()) == 0 {
		return false
	}
	for _, x := range s.toks {
		if x.w == "circles" || x.w == "circle" {
			return true
		}
	}
	return false
}

// dropPlacesAfter forgets the places named in the n tokens after token i.
func (s *sentence) dropPlacesAfter(i, n int) {
	for _, h := range s.hits {
		ti := s.st.ti[h.i]
		if ti <= i || ti > i+n {
			continue
		}
		for _, v := range h.e.vals {
			switch v.c {
			case cLandmark:
				s.landmarks = remove(s.landmarks, v.id)
			case cArea:
				s.areas = remove(s.areas, v.id)
			}
		}
	}
}

func remove(list []string, id string) []string {
	out := list[:0]
	for _, x := range list {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// isMotionNoun reports a word that names a move: strokes, circles, chopping.
func isMotionNoun(w string) bool {
	for _, e := range words.first[w] {
		if len(e.words) == 1 {
			for _, v := range e.vals {
				if v.c == cMotion {
					return true
				}
			}
		}
	}
	return false
}

// notPrep reports a preparation word that names no preparation: a
// likeness ("wring it like a towel") or what comes after the massage
// ("do it before you wash your hair").
func (s *sentence) notPrep(ti int) bool {
	if ti > 0 && s.toks[ti-1].w == "like" || ti > 1 && s.toks[ti-2].w == "like" {
		return true
	}
	return ti > 1 && s.toks[ti-1].w == "you" && s.toks[ti-2].w == "before"
}

// orBefore reports an "or" just before token ti: "an oil or a rich lotion".
func (s *sentence) orBefore(ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		switch {
		case s.toks[k].w == "or":
			return true
		case s.toks[k].kind == tPunct:
			return false
		}
	}
	return false
}

// restWords say how the receiver holds a part while the hands work
// elsewhere: "with your partner's hand resting in the small of the back".
var restWords = wordSet("resting lying tucked placed hanging folded")

// asideReach is how many words back a "while you …" clause is looked for:
// a text with no punctuation would make the look back run to its start at
// every place it names.
const asideReach = 40

// inAsideClause reports a word inside "while you …", "as you …", "when
// you …", or "with their hand resting …": what the receiver does
// meanwhile, not where the hands work.
func (s *sentence) inAsideClause(ti int) bool {
	rest, theirs := false, false
	for k := ti - 1; k >= 0 && k >= ti-12; k-- {
		t := s.toks[k]
		if t.kind == tPunct {
			break
		}
		rest = rest || restWords[t.w]
		theirs = theirs || rest && partnerWords[t.w]
		if t.w == "with" && rest && theirs {
			return true
		}
	}
	for k := ti - 1; k >= 1 && k >= ti-asideReach; k-- {
		t := s.toks[k]
		if t.kind == tPunct {
			return false
		}
		if t.w == "where" && s.toks[k-1].w == "," && k-1 > s.vi && len(s.landmarks)+len(s.areas) > 0 {
			return true // "the front of the shoulder, where the arm joins the chest": what the place is, told by its neighbours
		}
		if t.w == "you" || t.w == "they" || t.w == "your" && k+1 < len(s.toks) && s.toks[k+1].w == "partner" {
			if k+1 < len(s.toks) && s.toks[k+1].w == "feel" && wordIn(s.toks, k+2, 3, "stretch", "pull", "stretching", "tension") {
				return false // "until you feel a stretch down the calf": where the stretch works
			}
			switch s.toks[k-1].w {
			case "while", "as", "when", "until", "whilst":
				return true
			}
		}
	}
	return false
}

// limbJoints are where strokes start and end more often than where they
// work: "from ankle to knee" works the calf.
var limbJoints = map[string]bool{"knee": true, "elbow": true, "wrist": true, "ankle": true, "hip": true}

var positionVerbs = map[string]bool{"sit": true, "lie": true, "kneel": true, "stand": true,
	"recline": true}

// pastHandPhrase skips a short phrase naming the giver's hand from token
// p: "your right thumb", "the other hand", "both palms". It returns where
// the phrase ends, or p when there is none.
func pastHandPhrase(t []token, p int) int {
	q := p
	hand := false
	for q < len(t) && q < p+5 {
		w := t[q].w
		switch {
		case giverWords[w] || w == "fingertip" || w == "finger":
			hand = true
		case dets[w] || bodyAdjs[w] || w == "index" || w == "one" || w == "two" || leadAdverbs[w] && hand:
		default:
			if hand {
				return q
			}
			return p
		}
		q++
	}
	if hand {
		return q
	}
	return p
}

// laterInstruction finds an instruction after the chatter that opens a
// spoken sentence: "good, now we're doing the fingers, so take each
// finger at the base". It must follow a comma and "so", "now" or "then",
// and place the hands or move them.
func laterInstruction(t []token) int {
	for q := 1; q+2 < len(t); q++ {
		if t[q].w != "," && t[q].w != ";" {
			continue
		}
		k := q + 1
		if w := t[k].w; w != "so" && w != "now" && w != "then" {
			continue
		}
		for k < len(t) && (t[k].w == "so" || t[k].w == "now" || t[k].w == "then" || t[k].w == "just") {
			k++
		}
		if k >= len(t) {
			return -1
		}
		if v, ok := baseVerb(t[k].w); ok && (v.c == vMove || v.c == vPlace) {
			return k
		}
		// "…, so have your wife lie face down": the receiver put in place
		if (t[k].w == "have" || t[k].w == "ask" || t[k].w == "get") && k+2 < len(t) &&
			(receiverNouns[t[k+1].w] || (t[k+1].w == "your" || t[k+1].w == "the") && receiverNouns[t[k+2].w]) {
			return k
		}
	}
	return -1
}

// findFragment reads a sentence with no verb that still names a move as
// an instruction: in a list item, a move and where it works ("Ankle bones:
// fingertip circles round them, 30s", "Knuckles, heel to ball."); in
// running text, one that opens with its count or its move ("Four or five
// of those long strokes", "Then gentle thumb circles on the sole").
func (s *sentence) findFragment() {
	if s.form != fNone || s.b == nil || s.b.kind == bHeading || s.warning || s.claim || strings.HasSuffix(s.text, "?") {
		return
	}
	t := s.toks
	n, finite := fragmentWords(t)
	if finite || n == 0 || n > 24 {
		return
	}
	mi := -1
	for _, m := range s.motions {
		if m.strength >= 1 && m.id != "hold" {
			mi = m.ti
			break
		}
	}
	placed := s.hasLoc() || s.hasPart() || s.tool
	if s.b.kind == bItem && mi >= 0 && mi <= 1 && !placed && hasWord(t, "again") {
		// "E. Stroking again, as in A, to finish.": a move named, played again
		s.form, s.vi = fFragment, 0
		return
	}
	if !s.fragmentOpens(mi, n, placed) {
		return
	}
	if mi < 0 {
		if to := s.pathTo(); to >= 0 {
			// "Heel to toes, slow.": a stroke from one place to the other.
			s.motions = append(s.motions, motionMention{ti: to, id: "glide", strength: 1, word: t[to].w})
		} else if s.b.kind != bItem || !s.hasWeak() || s.secs.IsZero() && s.rep.IsZero() || !s.hasLoc() {
			return // a press or hold in a list, with its time: "thumbs under the skull ridge, press up & hold ~20 sec"
		}
	}
	s.form, s.vi = fFragment, 0
}

// finiteWords show that a run of words has a verb of its own: it is a
// sentence, not a fragment.
var finiteWords = wordSet("is are was were be been am has have had will would can could should may " +
	"might must do does did i you we he she they it's that's there's you'll i'm we're you're " +
	"they're he's she's says said let's find finds helps makes tends seems feels gets")

// fragmentLead reports a list item that opens as a move does: with a
// count, a move, a hand or a place it runs from ("Thumbs. Arch. 10
// circles.", "Long strokes up the thigh", "Heel to toes", "Effleurage:
// palms, ankle → knee"), perhaps after a label ("Ankle bones: fingertip
// circles round them"). "Foot wells with air compression", a thing's
// parts, is no move.
func (s *sentence) fragmentLead() bool {
	t := s.toks
	p := 0
	for p < len(t) && (t[p].kind == tPunct || leadAdverbs[t[p].w]) {
		p++
	}
	if p+2 < len(t) && t[p].w == "after" && (t[p+1].w == "that" || t[p+1].w == "this") && t[p+2].w == "," {
		p += 3 // "After that, the heel of your hand along the blade's edge"
	}
	starts := []int{p}
	for q := p + 1; q < len(t) && q <= p+6; q++ {
		if t[q].w == ":" {
			starts = append(starts, q+1) // after a label
			break
		}
	}
	for _, p := range starts {
		if p >= len(t) {
			continue
		}
		if _, ok := number(t[p]); ok {
			return true
		}
		for _, m := range s.motions {
			if m.ti >= p && m.ti <= p+3 && m.strength >= 1 {
				return true
			}
		}
		for _, h := range s.hits {
			ti := s.st.ti[h.i]
			if ti < p || ti > p+2 {
				continue
			}
			end := s.st.ti[h.i+h.n-1] + 1
			for _, v := range h.e.vals {
				switch {
				case v.c == cPart || v.c == cHand:
					return true // "Knuckles, heel to ball", "fingertip circles"
				case (v.c == cLandmark || v.c == cArea) && end < len(t) && (t[end].w == "to" || t[end].w == "→" || t[end].w == ":" || ti == p && t[end].w == ","):
					return true // "Heel to toes", "Ankle bones: …"
				}
			}
		}
	}
	return false
}

// pathTo finds a "to" (or an arrow) between two places: "heel to toes",
// "knee → hip". It returns the token of the "to", or -1.
func (s *sentence) pathTo() int {
	type span struct{ from, to int }
	var places []span
	for _, h := range s.hits {
		for _, v := range h.e.vals {
			if v.c == cLandmark || v.c == cArea {
				places = append(places, span{s.st.ti[h.i], s.st.ti[h.i+h.n-1]})
				break
			}
		}
	}
	for i := 1; i < len(places); i++ {
		a, b := places[i-1], places[i]
		for k := a.to + 1; k <= b.from; k++ { // "heel to ball": the "to" may open the second place
			if w := s.toks[k].w; (w == "to" || w == "→") && k-a.to <= 2 && b.from-k <= 3 {
				return k
			}
		}
	}
	return -1
}

// receiverNouns name the person who receives the massage.
var receiverNouns = wordSet("person receiver recipient partner client friend baby him them subject " +
	"wife husband child son daughter mum mom dad mother father")

// fragmentWords counts the words of a sentence read as a fragment, up to
// the first that shows a verb of its own (finite).
func fragmentWords(t []token) (n int, finite bool) {
	for _, x := range t {
		if x.kind != tPunct {
			n++
		}
		if finiteWords[x.w] {
			return n, true
		}
	}
	return n, false
}

// fragmentOpens reports whether a sentence with no verb opens as a
// fragment does, its first strong move at token mi: in running text,
// with its count or its move, and with a place, or as a count of a named
// move; in a list item, with a place and a move's lead (fragmentLead).
func (s *sentence) fragmentOpens(mi, n int, placed bool) bool {
	t := s.toks
	if s.b.kind == bItem {
		return placed && s.fragmentLead()
	}
	p := 0
	for p < len(t) && (t[p].kind == tPunct || leadAdverbs[t[p].w]) {
		p++
	}
	if p >= len(t) || mi < 0 {
		return false
	}
	_, count := number(t[p])
	if !count && mi-p > 3 {
		return false
	}
	// "Four or five of those long sweeping strokes, each one lighter
	// than the last": a count of a named move, where the move before was.
	return placed || count && n >= 6 && s.namesMove()
}
