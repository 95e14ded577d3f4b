package howto

import "strings"

// Warnings: a cue that opens a clause ("Do not …", "…, so do not …",
// "Never …", "Avoid …"), or one that reads as a warning anywhere ("should
// not", "can aggravate", "see a doctor", "but not on it").

var clauseWarnings = [][]string{
	{"do", "not"}, {"don't"}, {"dont"}, {"never"}, {"avoid"}, {"be", "careful"}, {"take", "care"},
	{"be", "sure", "not"}, {"make", "sure", "not"}, {"be", "sure", "to", "avoid"}, {"stop", "if"},
	{"stop", "immediately"}, {"stop", "at", "once"}, {"skip"}, {"stay", "off"}, {"stay", "away"},
	{"keep", "away"}, {"keep", "off"}, {"keep", "the", "pressure", "off"}, {"keep", "pressure", "off"},
	{"go", "easy"}, {"go", "gently", ":"}, {"careful"}, {"caution"}, {"warning"}, {"please", "do", "not"}, {"don't", "ever"},
	{"a", "word", "of", "care", ":"}, {"a", "word", "of", "caution", ":"},
	{"stop", "the", "massage"}, {"stop", "and", "see"},
	// "Not after a big meal", "Not on the spine itself": a list of don'ts.
	{"not", "after"}, {"not", "on"}, {"not", "over"}, {"not", "during"}, {"not", "within"},
	{"not", "if"}, {"not", "while"}, {"not", "when"}, {"not", "right", "after"},
	// "no deep pressure anywhere", "No massage on broken skin"
	{"no", "deep"}, {"no", "firm"}, {"no", "hard"}, {"no", "pressure"}, {"no", "massage"},
	{"no", "massaging"},
	// "Beware of varicose veins", "Be aware of …", "be mindful not to
	// stretch the skin", "make sure you don't over-reach"
	{"beware"}, {"be", "aware", "of"}, {"be", "mindful", "not"}, {"mindful", "not"},
	{"make", "sure", "you", "don't"}, {"make", "sure", "you", "do", "not"},
	{"be", "sure", "you", "don't"},
	// "Stop straight away if he says it hurts", "Hannah stayed away from
	// the belly", "kept off the shin"
	{"stop", "straight", "away"}, {"stop", "right", "away"}, {"stayed", "off"}, {"kept", "off"},
	// "I won't press on the soft part of the throat" (a move after it: opensClause)
	{"won't"},
	// "Exclude the spine, the tailbone and …"
	{"exclude"},
}

// onlyIf reports "Only once the cord stump has healed.", "only if they
// aren't hot": a condition for massaging at all, at token i. "Only once
// the back is warm does she move on" tells the order of the moves.
func onlyIf(t []token, i int) bool {
	if t[i].w != "only" || i+1 >= len(t) {
		return false
	}
	switch t[i+1].w {
	case "if", "once", "after", "when":
	default:
		return false
	}
	for k := i + 2; k+1 < len(t) && k < i+20; k++ {
		switch t[k].w {
		case "does", "do", "did", "can", "will", "should", "could", "may", "would":
			if subjects[t[k+1].w] || t[k+1].w == "it" {
				return false
			}
		}
	}
	return true
}

var anyWarnings = [][]string{
	{"should", "not"}, {"shouldn't"}, {"must", "not"}, {"mustn't"}, {"should", "never"}, {"a", "warning", "sign"},
	{"not", "on", "it"}, {"not", "on", "the", "spine"}, {"never", "on"}, {"can", "aggravate"},
	{"may", "aggravate"}, {"could", "aggravate"}, {"can", "cause", "pain"}, {"can", "cause", "injury"},
	{"this", "can", "cause"}, {"not", "recommended"}, {"contraindicated"}, {"consult"},
	{"if", "you", "are", "pregnant"}, {"if", "your", "partner", "is", "pregnant"},
	{"if", "they", "are", "pregnant"}, {"if", "she", "is", "pregnant"},
	// "A stomach massage should be avoided in …", "is best avoided"
	{"should", "be", "avoided"}, {"must", "be", "avoided"}, {"best", "avoided"},
	{"to", "be", "avoided"},
	// "Massage must never be given over broken skin", "Not suitable for
	// use over varicose veins", "Nobody with a known clot should do this"
	{"must", "never"}, {"not", "suitable"}, {"isn't", "suitable"}, {"unsuitable"},
	{"nobody", "with"}, {"no", "one", "with"}, {"stayed", "away", "from"}, {"kept", "away", "from"},
}

var doctors = map[string]bool{"doctor": true, "dentist": true, "gp": true, "physician": true,
	"physio": true, "physiotherapist": true, "midwife": true, "therapist": true,
	"professional": true, "pharmacist": true, "chiropractor": true, "osteopath": true,
	"nurse": true, "visitor": true, "paediatrician": true, "pediatrician": true, "podiatrist": true}

// referVerbs send the reader to a doctor: "see a doctor", "get advice
// from a physio", "tell me or the nurse".
var referVerbs = wordSet("see seen seeing consult consulted ask asked talk talked speak spoke spoken " +
	"check checked visit call contact advice tell")

// warnTitles open a list item or paragraph whose sentences all warn:
// "**Don't:** massage within 48 h of …", "Cautions: …".
var warnTitles = wordSet("caution cautions warning warnings contraindication contraindications careful " +
	"safety don't dont never avoid")

var clauseBreaks = map[string]bool{",": true, ";": true, ":": true, "-": true, "(": true,
	"so": true, "and": true, "but": true, "then": true, "or": true}

// negatedMove reports "don't" or "do not" before a verb of a move at token i.
func negatedMove(t []token, i int) bool {
	k := i + 1
	if (t[i].w == "do" || t[i].w == "will") && k < len(t) && t[k].w == "not" {
		k++
	} else if t[i].w != "don't" && t[i].w != "dont" && t[i].w != "won't" {
		return false // "I won't press on the soft part of the throat"
	}
	if k < len(t) && (t[k].w == "touch" || t[k].w == "do" && k+2 < len(t) && (t[k+1].w == "it" || t[k+1].w == "this") && supposeWords[t[k+2].w]) {
		return true // "I won't touch the left side", "He won't do it if …" (not "You don't do that for the football")
	}
	return k < len(t) && verbs[t[k].w].c == vMove
}

func matchAt(t []token, i int, words []string) bool {
	if i+len(words) > len(t) {
		return false
	}
	for k, w := range words {
		if t[i+k].w != w {
			return false
		}
	}
	return true
}

func (s *sentence) findWarning() {
	t := s.toks
	start := 0
	for start < len(t) && (t[start].kind == tPunct || leadAdverbs[t[start].w] && t[start].w != "so" || noteMarks[t[start].w]) {
		start++ // "NB dont do it if …"
	}
	for i := range t {
		s.warningAt(i, start)
	}
	s.cautionClauseWarning(start)
	s.avoidWarning()
	s.titleWarning()
	s.leadWarning()
	s.gentleWarning()
	s.capsNotWarning()
	s.stopNowWarning()
	if s.warning && (s.b != nil && s.b.kind == bHeading || labelOnly(s.toks)) {
		s.warning, s.warnLead = false, false // "Warning" on a line of its own labels what follows
	}
	if s.leadsIn() {
		s.warning, s.warnLead = false, false // it leads in the cautions, said with each
	}
}

// leadWarning: an item of a list led in by a line that warns ("Do NOT do
// the tummy rub:", "Skip it if:", "Not suitable when:") is a warning
// however it is worded ("- within an hour of a meal", "- if she says no").
func (s *sentence) leadWarning() {
	if s.leadsIn() {
		s.form, s.vi = fNone, -1 // no move: "Do NOT massage the head if your partner has:" (findWarning clears its warning)
		return
	}
	if s.warning || s.b == nil || s.b.lead == nil || s.b.lead.leadText == "" || s.b.lead.leadEnded {
		return
	}
	if lt := tokenize(s.b.lead.leadText); len(lt) > 0 && lt[0].w == "if" && (s.form == fImperative || s.namesMove()) {
		// "If your lower back starts to ache, ask the crew for a cushion
		// and let your companion help:" over "lay both hands flat on her
		// lower back and stroke outwards …": what to do, no condition
		return
	}
	s.warning, s.warnLead = true, true
	s.warnFrom(0)
}

// endsCautionList reports a list item, under a line that leads in the
// conditions a caution names ("Skip it if:", "Not for a foot that:"),
// that is a hands-on move told as an instruction ("Wrap both hands round
// the foot and slide them firmly to the ankle"): no condition finishes
// the lead-in's clause so, and the list of conditions has ended, though
// no blank line or heading says so.
func endsCautionList(b *block) bool {
	if b.kind != bItem || b.lead == nil || b.lead.leadEnded || b.lead.leadText == "" || !conditionLead(tokenize(b.lead.leadText)) {
		return false
	}
	for _, s := range b.sents {
		if s.form == fImperative && s.hasStrong() && s.handsOn() && !opensOnNegation(s.toks) {
			return true
		}
	}
	return false
}

// opensOnNegation reports a sentence that opens by forbidding: "Don't
// press on the kneecap", "Never rub over a vein".
func opensOnNegation(t []token) bool {
	for _, x := range t {
		if x.kind == tWord {
			return x.w == "don't" || x.w == "dont" || x.w == "never" || x.w == "not" || x.w == "no" || x.w == "avoid" || x.w == "do" && len(t) > 1 && t[1].w == "not"
		}
	}
	return false
}

// conditionLead reports a lead-in whose last word opens the condition
// each item finishes: "… if:", "… when:", "… that:", "… unless:".
func conditionLead(t []token) bool {
	switch w, _ := lastWord(t); w {
	case "if", "when", "that", "unless", "who":
		return true
	}
	return false
}

// leadsIn reports the sentence that leads in its block's list of
// cautions: said with each item, it is no warning or move of its own.
func (s *sentence) leadsIn() bool {
	return s.b != nil && s.b.leadText != "" && strings.TrimSpace(s.text) == s.b.leadText
}

// warnLeadIn reports a line that leads in a list of cautions: it opens
// with a "no" ("Don't massage if:", "Never when:", "Avoid:", "Skip this
// if:", "Not today if:", "Do NOT do the rub:") or names them ("Cautions:",
// "When to leave it:").
func warnLeadIn(t []token) bool {
	k := 0
	for k < len(t) && (t[k].kind == tPunct || t[k].kind == tNum || leadAdverbs[t[k].w]) {
		k++ // "3.1 Do not massage … if the resident has:": a numbered clause
	}
	if k >= len(t) {
		return false
	}
	switch w := t[k].w; {
	case w == "stop" && k+1 < len(t) && t[k+1].kind == tNum:
		return false // "Stop 4 · The Weaving Shed": a trail's stop, no caution
	case w == "no" && k+1 < len(t) && (t[k+1].kind == tNum || t[k+1].w == "." && k+2 < len(t) && t[k+2].kind == tNum):
		return false // "No. 0417  Colour: ORANGE": a ticket's number, no caution
	case w == "no" && k+1 < len(t) && neededThings[t[k+1].w]:
		return false // "No equipment, 3 minutes, sofa allowed:": nothing needed
	case w == "not" && k+1 < len(t) && (t[k+1].w == "a" || t[k+1].w == "an"):
		return false // "Not a doctor, but a physio showed me this …:": who is speaking
	case w == "don't" || w == "dont" || w == "never" || w == "avoid" || w == "skip" || w == "not" || w == "no" || w == "stop":
		return true
	case w == "do" && k+1 < len(t) && t[k+1].w == "not":
		return true
	case warnTitles[w] && w != "careful":
		return true
	case referVerbs[w] && endsInCondition(t):
		return true // "Ask us before you do this if:", "Check with the midwife first when:"
	case endsInCondition(t) && skipsIt(t[k:]):
		return true // "Give this a miss if:", "Leave the rub out when:"
	}
	for _, x := range t {
		if x.w == "contraindications" || x.w == "cautions" || x.w == "warnings" {
			return true
		}
	}
	return false
}

// skipsIt reports a line that opens on leaving the massage out, said in
// so many words: "Give this a miss …", "Leave it out …", "Sit this one
// out …", "Hold off …".
func skipsIt(t []token) bool {
	if len(t) == 0 {
		return false
	}
	end := min(len(t), 6)
	switch t[0].w {
	case "give":
		for _, x := range t[1:end] {
			if x.w == "miss" {
				return true
			}
		}
	case "leave", "sit":
		for _, x := range t[1:end] {
			if x.w == "out" {
				return true
			}
		}
	case "hold":
		return len(t) > 1 && t[1].w == "off"
	}
	return false
}

// neededThings are what "No …" says is not needed before a list of moves.
var neededThings = wordSet("equipment kit gear tools props fuss prep problem problems worries excuses experience")

// endsInCondition reports a line whose last word opens the condition its
// list gives: "… if:", "… when:".
func endsInCondition(t []token) bool {
	w, n := lastWord(t)
	return n > 1 && (w == "if" || w == "when")
}

// lastWord is the last token of t before its closing punctuation, and
// how many tokens there are up to it ("", 0 when there are none).
func lastWord(t []token) (string, int) {
	n := len(t)
	for n > 0 && t[n-1].kind == tPunct {
		n--
	}
	if n == 0 {
		return "", 0
	}
	return t[n-1].w, n
}

// labelOnly reports a sentence that is only a warning's label: "Warning",
// "Cautions:".
func labelOnly(t []token) bool {
	n := 0
	for _, x := range t {
		if x.kind == tPunct {
			continue
		}
		if !warnTitles[x.w] {
			return false
		}
		n++
	}
	return n > 0 && n <= 2
}

// warnClause marks a warning whose clause opens at token i.
func (s *sentence) warnClause(i, start int) {
	s.warning = true
	if s.warnAt < 0 || i < s.warnAt {
		s.warnAt = i
	}
	if i == start {
		s.warnLead = true
	}
}

// opensClause reports whether token i opens a clause that may warn: "I
// don't press on the spine", "…, I skip the massage"; not "You don't need
// any oil".
func opensClause(t []token, i, start int) bool {
	if i == start || i > 0 && clauseBreaks[t[i-1].w] {
		return true
	}
	if i > 0 && reportVerbs[t[i-1].w] || i > 1 && t[i-1].w == "to" && reportVerbs[t[i-2].w] {
		return true // "Nurse said don't press into the back of the knee", "She said to check first …"
	}
	if i > 1 && (t[i-1].w == "simply" || t[i-1].w == "just") && clauseBreaks[t[i-2].w] {
		return true // "Should any movement feel uncomfortable, simply leave it out"
	}
	if i > 0 && (t[i-1].w == "i" || t[i-1].w == "we" || t[i-1].w == "you" || t[i-1].w == "he" || t[i-1].w == "she" || t[i-1].w == "i'll" || t[i-1].w == "we'll") && (i-1 == start || i > 1 && (clauseBreaks[t[i-2].w] || t[i-2].w == ",")) {
		// "He never presses hard on the temples": the giver of a story
		// (not "she never lifts her hands off between passes")
		if t[i-1].w == "he" || t[i-1].w == "she" {
			return t[i].w == "never" && i+1 < len(t) && verbs[t[i+1].w].c == vMove || negatedMove(t, i)
		}
		return t[i].w == "never" || t[i].w == "skip" || t[i].w == "avoid" || negatedMove(t, i)
	}
	return false
}

// answersIf reports what is done, at token i, when a sentence's opening
// if-clause holds: "If she says stop, stop.", "If it hurts, stop and …",
// "if it stings sharply under the heel, ease off", "If he's had a
// headache on the flight I skip the skull circles", "If your heels still
// burn after a week, get a podiatrist to look at them".
func answersIf(t []token, i int, clause bool) bool {
	switch {
	case clause && t[i].w == "stop":
		return true
	case matchAt(t, i, []string{"ease", "off"}):
		return i+2 == len(t) || t[i+2].kind == tPunct
	case t[i].w == "skip":
		return t[i-1].w == "i" || t[i-1].w == "we"
	case t[i].w == "get":
		return i+2 < len(t) && (doctors[t[i+1].w] || doctors[t[i+2].w])
	}
	return false
}

// noteMarks open a note: "NB", "NB2".
var noteMarks = wordSet("nb nb2 n.b.")

// warningAt reads the warning cues at token i.
func (s *sentence) warningAt(i, start int) {
	t := s.toks
	clause := opensClause(t, i, start)
	if clause {
		s.warningAtClause(i, start)
	}
	for _, c := range anyWarnings {
		if matchAt(t, i, c) {
			s.warning = true
		}
	}
	// "see a doctor", "ask their doctor", "talk to your doctor", "check with their midwife"
	if doctors[t[i].w] && i > 0 {
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if referVerbs[t[k].w] {
				s.warning = true
				s.warnFrom(k)
			}
		}
	}
	if i > start && s.opensWithIf() && answersIf(t, i, clause) {
		s.warning = true
	}
	// "ease off near the back of the knee": a lighter touch where the body needs it
	if clause && matchAt(t, i, []string{"ease", "off"}) && i+2 < len(t) && (t[i+2].w == "near" || t[i+2].w == "around" || t[i+2].w == "over" || t[i+2].w == "at") {
		s.warning = true
		s.warnFrom(i)
	}
	if s.warning {
		s.warnFrom(i)
	}
}

// warningAtClause reads the warning cues of a clause that opens at token
// i: a clause warning, "only if", a move stopped on a sign, a part left out.
func (s *sentence) warningAtClause(i, start int) {
	t := s.toks
	for _, c := range clauseWarnings {
		if matchAt(t, i, c) && !notWarning(t, i) {
			s.warnClause(i, start)
		}
	}
	if onlyIf(t, i) {
		s.warning = true
		s.warnFrom(i)
		s.warnLead = s.warnLead || i == start
	}
	// "Stop rolling if you feel numbness …", "Stop the shoulder moves if
	// …": stop a move on a sign
	if t[i].w == "stop" && stopsOnSign(t, i) {
		s.warnClause(i, start)
		s.warnLead = s.warnLead || i == start
	}
	// "Mind the bony bits of the ankle", "mind the spine": a place to keep
	// clear of
	if t[i].w == "mind" && i+2 < len(t) && t[i+1].w == "the" && inSet("keep-clear", t[i+2].w) {
		s.warnClause(i, start)
	}
	// "Leave it alone if …", "leave the neck part out"
	if t[i].w == "leave" {
		for k := i + 1; k < len(t) && k <= i+5; k++ {
			if t[k].w == "out" || t[k].w == "alone" {
				s.warnClause(i, start)
			}
		}
	}
}

// stopsOnSign reports "stop" at token i before a move and an if-clause:
// "Stop rolling if …", "stop the shoulder moves when …".
func stopsOnSign(t []token, i int) bool {
	k := i + 1
	if k < len(t) && (t[k].w == "the" || t[k].w == "these" || t[k].w == "those" || t[k].w == "all") {
		move := false
		for k++; k < len(t) && k <= i+4 && t[k].kind == tWord && !signWords[t[k].w]; k++ {
			move = move || stoppedMoves[t[k].w]
		}
		return move && k < len(t) && signWords[t[k].w]
	}
	return k+1 < len(t) && strings.HasSuffix(t[k].w, "ing") && signWords[t[k+1].w]
}

// stoppedMoves name the moves one stops on a sign ("the shoulder moves",
// "the massage"), not a car or a clock.
var stoppedMoves = wordSet("move moves massage rub rubbing stretch stretches exercise exercises circles " +
	"kneading strokes stroking routine session sequence pressing pressure rolling")

// signWords open the clause of a sign to stop on.
var signWords = wordSet("if when once as")

// cautionClauseWarning reads a caution clause, often inside a step: "…,
// being careful not to press on the spine", "avoiding the eyes", "as far
// as is comfortable".
func (s *sentence) cautionClauseWarning(start int) {
	t := s.toks
	i, head := cautionAt(t)
	if i < 0 || s.warning {
		return
	}
	s.warning = true
	s.warnFrom(i)
	if head && t[i].w != "if" && (s.warnAt < 0 || i < s.warnAt) {
		s.warnAt = i // what "avoid" or "never" governs is no move of the step
	}
	s.warnLead = s.warnLead || i == start
}

// avoidWarning: "Neither of them will go near the spine itself": a place
// never pressed on, with a "no" to it.
func (s *sentence) avoidWarning() {
	if !s.avoid || s.warning {
		return
	}
	for i, x := range s.toks {
		switch x.w {
		case "neither", "never", "not", "no", "don't", "won't", "nor", "without", "dont":
			s.warning = true
			s.warnFrom(i)
		}
	}
}

// titleWarning: a title that warns makes its text a warning: "**Don't:**
// massage within 48 h of a strain".
func (s *sentence) titleWarning() {
	if s.b == nil || s.b.title == "" || s.b.kind == bHeading {
		return
	}
	if tt := tokenize(s.b.title); len(tt) > 0 && (warnTitles[tt[0].w] || matchAt(tt, 0, []string{"do", "not"}) || len(tt) > 1 && tt[0].w == "not" && tt[1].w == "if") {
		s.warning, s.warnLead = true, true
		s.warnFrom(0)
	}
}

// stopNowWarning: "Ease off straight away, or stop altogether", "Leave
// the massage until a doctor or physio has said it is safe": a stop said
// outright, or the massage put off until an adviser agrees.
func (s *sentence) stopNowWarning() {
	if s.warning {
		return
	}
	t := s.toks
	for i, x := range t {
		switch {
		case (x.w == "stop" || x.w == "stops") && i+1 < len(t) && (t[i+1].w == "altogether" || t[i+1].w == "immediately" || matchAt(t, i+1, []string{"straight", "away"}) || matchAt(t, i+1, []string{"at", "once"})):
			s.warning = true
			s.warnFrom(0)
		case (matchAt(t, i, []string{"ease", "off"}) || matchAt(t, i, []string{"hold", "back"})) && i+2 < len(t) && (t[i+2].w == "if" || t[i+2].w == "anything" || t[i+2].w == "whatever" || t[i+2].w == "when" ||
			matchAt(t, i+2, []string{"straight", "away", "if"}) || matchAt(t, i+2, []string{"at", "once", "if"}) || t[i+2].w == "immediately" && i+3 < len(t) && t[i+3].w == "if"):
			// "Ease off anything that makes them wince", "Hold back if the arm is swollen"
			s.warning = true
			s.warnFrom(i)
		case x.w == "until" && i+2 < len(t) && (doctors[t[i+1].w] || doctors[t[i+2].w]) && wordsBefore(t, i, 6, "leave", "wait", "hold", "skip", "postpone", "don't", "dont", "not"):
			s.warning = true
			s.warnFrom(0)
		case (x.w == "go" || x.w == "goes" || x.w == "going" || x.w == "went") && i+1 < len(t) && (t[i+1].w == "near" || matchAt(t, i+1, []string{"anywhere", "near"})) &&
			wordsBefore(t, i, 3, "never", "not", "won't", "wouldn't", "don't", "dont", "doesn't", "didn't", "can't", "shouldn't"):
			// "she never goes near the blisters", "I won't go anywhere near your neck bones"
			s.warning = true
			s.warnFrom(0)
		case x.w == "stop" && i > 1 && (t[i-1].w == "must" || t[i-1].w == "should") && !(i+2 < len(t) && dets[t[i+1].w]):
			// "A user experiencing dizziness must stop"
			s.warning = true
			s.warnFrom(0)
		case x.w == "leave" && leftUntil(t, i):
			// "Leave it until the feeling has come back in your lip",
			// "Leave anything swollen or hot to the doctor"
			s.warning = true
			s.warnFrom(i)
		}
	}
}

// leftUntil reports "leave" at token i that puts the massage off until a
// sign has passed, or hands a place over to a doctor: "leave it until it
// settles", "leave the rub until …", "leave this to your physio".
func leftUntil(t []token, i int) bool {
	k := i + 1
	switch {
	case k < len(t) && (t[k].w == "it" || t[k].w == "them" || t[k].w == "this" || t[k].w == "that"):
		k++
	case k+1 < len(t) && t[k].w == "the":
		k += 2 // "the rub until", not "the centrepiece on the table until"
	case k+1 < len(t) && t[k].kind == tWord && (t[k+1].w == "to" || t[k+1].w == "until") &&
		!leftParticles[t[k].w]:
		k++ // "leave blisters to the first aider"
	case k+1 < len(t) && t[k].w == "anything":
		k += 2
		for k < len(t) && k <= i+6 && t[k].w != "until" && t[k].w != "to" && t[k].kind != tPunct {
			k++ // "anything swollen or hot"
		}
	default:
		return false
	}
	if k >= len(t) {
		return false
	}
	if t[k].w == "until" || t[k].w == "till" {
		return true
	}
	return t[k].w == "to" && namesDoctor(t, k+1, 3)
}

// leftParticles after "leave" make no place left to someone: "leave up
// until January", "leave your hands to rest".
var leftParticles = wordSet("up out on off in down open your her his their")

// namesDoctor reports a doctor, or a first aider or a medic on the day, in
// the n tokens from token k: who may take a place over from the hands.
func namesDoctor(t []token, k, n int) bool {
	for j := max(k, 0); j < len(t) && j < k+n; j++ {
		if doctors[t[j].w] || t[j].w == "aider" || t[j].w == "medic" || t[j].w == "medics" {
			return true
		}
	}
	return false
}

// gentleWarning: "Keep it light, this area is sensitive": a gentle touch
// asked for a place that needs it.
func (s *sentence) gentleWarning() {
	if s.warning {
		return
	}
	t := s.toks
	gentle, fragile, firmer := false, false, false
	for i, x := range t {
		gentle = gentle || gentleWords[x.w]
		fragile = fragile || fragileWords[x.w]
		// "lighter on the face, more pressure on the thighs" sets the
		// pressure for each place; it warns of nothing
		firmer = firmer || firmWords[x.w] || x.w == "more" && i+1 < len(t) && t[i+1].w == "pressure"
	}
	s.warning = gentle && fragile && !firmer
}

// capsNotWarning: a "NOT" written in capitals in a line that is not
// ("Sunflower oil from the blue bottle — NOT the almond one") is said
// to warn.
func (s *sentence) capsNotWarning() {
	if s.warning {
		return
	}
	for i, x := range s.toks {
		if x.w == "not" && i+1 < len(s.toks) && x.pos+3 <= len(s.text) && s.text[x.pos:x.pos+3] == "NOT" {
			// (the line's case checked only here: most sentences have no "not")
			if strings.ToUpper(s.text) != s.text {
				s.warning = true
				s.warnFrom(i)
			}
			return
		}
	}
}

// warnFrom notes that a warning cue begins at token i: a claim may come
// only before the first.
func (s *sentence) warnFrom(i int) {
	if s.warnFirst < 0 || i < s.warnFirst {
		s.warnFirst = i
	}
}

var gentleWords = map[string]bool{"light": true, "lightly": true, "gentle": true, "gently": true,
	"softly": true, "careful": true, "carefully": true, "lighter": true}

var firmWords = map[string]bool{"deep": true, "deeper": true, "firm": true, "firmer": true,
	"harder": true, "heavy": true, "heavier": true, "stronger": true}

var fragileWords = map[string]bool{"sensitive": true, "delicate": true, "fragile": true,
	"bony": true, "bruises": true, "bruise": true}

// Claims. A claim is a sentence, or a clause of its own, that says what
// good the massage does: "eases stress", "helps you sleep", "is good for
// digestion", "means less stiffness the next morning". It needs three
// things: a cue that says something gets better, an effect on the body or
// the mind for the cue to act on, and a subject that is the massage (or a
// move of it, or "this"), or someone's report of it ("many people find").
// What is not a claim: helping a person ("to help a stiff colleague"), a
// problem ("a stiff neck that takes an hour to ease off"), the purpose of
// one move ("to flush the arm", "to loosen everything up"), or how a move
// should feel.

// betterVerbs say that something gets better; an effect must follow.
var betterVerbs = wordSet("aid aids aided ease eases eased relieve relieves relieved reduce reduces " +
	"reduced improve improves improved stimulate stimulates boost boosts promote promotes " +
	"increase increases relax relaxes calm calms lessen lessens prevent prevents rejuvenate " +
	"rejuvenates refresh refreshes soften softens loosen loosens prompt prompts bring brings " +
	"soothe soothes clear clears encourage encourages keep keeps mean means cut cuts flush flushes " +
	"counter counters fight fights beat beats banish banishes treat treats warms")

// goodWords ask for "for" and an effect: "good for digestion", "a remedy
// for a bloated tummy", "relief for sore feet".
var goodWords = wordSet("good great useful beneficial wonderful excellent effective helpful remedy " +
	"relief ideal perfect wonders")

// wayVerbs follow "a way to": "a lovely way to help them unwind".
var wayVerbs = wordSet("help let relax unwind ease wind calm soothe relieve release de-stress destress")

// helpVerbs follow "help (someone)": "help you sleep", "help the fingers move".
var helpVerbs = wordSet("sleep unwind relax wind fall move feel breathe heal recover rest calm " +
	"loosen release let bend stay get drift settle")

// effectNouns are what the massage is said to act on.
var effectNouns = wordSet("stress tension pain pains ache aches stiffness soreness tightness headache " +
	"headaches migraine migraines sleep digestion bloating constipation circulation blood flow lymph " +
	"puffiness mood anxiety relaxation energy fatigue toxins oxygen nutrients recovery mobility " +
	"flexibility swelling cramps cramp strain knots wellbeing well-being muscles muscle skin follicles " +
	"sebum insomnia nerves pain-relief moisturizing moisturising immune immunity wind colic " +
	"comfort bowel bowels obstruction obstructions regularity")

// effectStates are states a massage is said to bring or ease.
var effectStates = wordSet("stiff tight taut sore tired tense bloated relaxed supple calm moist " +
	"healthy puffy asleep easier easily relaxing calmer looser brighter rested refreshed achy")

// peopleWords may follow "makes" in a claim: "makes people kinder".
var peopleWords = wordSet("people you them him her us everyone someone anyone")

// kindStates are better states of a person a massage is said to bring.
var kindStates = wordSet("kinder happier gentler nicer better")

// stateWords after "is" or "are" claim a good state: "the body is relaxed".
var stateWords = wordSet("relaxed soothed calmed stimulated improved boosted increased relieved eased " +
	"refreshed rejuvenated relaxing loosened")

// aboutMassage are the words that make the massage, or a move of it, the
// subject: "a short chair massage relieves …", "this knocks out …".
var aboutMassage = wordSet("massage massages massaging rub rubs rubbing routine move moves movement " +
	"movements technique techniques stroke strokes stroking kneading petrissage step steps sequence " +
	"manipulation friction warmth this these it that which")

// hearsay report a claim as someone's: "many people find", "is said to".
var hearsay = wordSet("said say says find finds found report reports reported tell tells swear " +
	"swears claim claims believe believes according")

func effectAt(t []token, i int) bool {
	return i >= 0 && i < len(t) && (effectNouns[t[i].w] || effectStates[t[i].w])
}

// effectWithin reports an effect among the words after token i, up to n
// of them and not past the end of the clause.
func effectWithin(t []token, i, n int) bool {
	for k := i + 1; k < len(t) && k <= i+n; k++ {
		if t[k].w == ";" || t[k].w == "." || t[k].w == "but" {
			return false
		}
		if effectAt(t, k) {
			return true
		}
	}
	return false
}

// claimCue finds the first token that opens a claim: a cue with its effect.
// state reports a cue that needs no subject ("the mind soothed", "I sleep
// way better").
func claimCue(t []token, from int) (at int, state bool) {
	for i := from; i < len(t); i++ {
		if stateCue(t, i) {
			return i, true
		}
		if effectCue(t, i) {
			return i, false
		}
	}
	return -1, false
}

// stateCue reports a better state named at token i: "the mind is calm",
// "more relaxed", "sleeps better", "makes people kinder".
func stateCue(t []token, i int) bool {
	w := t[i].w
	switch {
	case (w == "is" || w == "are") && i+1 < len(t) && stateWords[t[i+1].w],
		(w == "mind" || w == "body") && i+1 < len(t) && stateWords[t[i+1].w],
		w == "more" && i+1 < len(t) && (t[i+1].w == "relaxed" || t[i+1].w == "rested" || t[i+1].w == "supple"),
		(w == "sleep" || w == "sleeps" || w == "slept") && (i+1 < len(t) && t[i+1].w == "better" || i+2 < len(t) && t[i+2].w == "better"),
		// "It makes people kinder to each other"
		(w == "makes" || w == "make" || w == "made") && i+2 < len(t) && peopleWords[t[i+1].w] && (effectStates[t[i+2].w] || kindStates[t[i+2].w]),
		// "This pain can be eased with some simple techniques"
		effectNouns[w] && easedByMassage(t, i),
		// "This intensity causes the muscle to relax" (not "… cause pain")
		(w == "causes" || w == "cause") && causesEase(t, i):
		return true
	}
	return false
}

// causesEase reports "causes the muscle to relax": what is caused, at
// token i, is a better state.
func causesEase(t []token, i int) bool {
	for k := i + 1; k+1 < len(t) && k <= i+5; k++ {
		if t[k].w == "to" {
			switch t[k+1].w {
			case "relax", "loosen", "soften", "release", "lengthen", "ease", "heal":
				return true
			}
			return false
		}
	}
	return false
}

// easedByMassage reports an effect at token i said to be eased by the
// massage: "this pain can be eased / released with some simple techniques".
func easedByMassage(t []token, i int) bool {
	k := i + 1
	if k < len(t) && (t[k].w == "can" || t[k].w == "may" || t[k].w == "will") {
		k++
	}
	if k+1 >= len(t) || t[k].w != "be" || !easedWords[t[k+1].w] {
		return false
	}
	for j := k + 2; j < len(t) && j <= k+9; j++ {
		if t[j].w == "." || t[j].w == ";" {
			return false
		}
		if (t[j].w == "with" || t[j].w == "by" || t[j].w == "through") && j+1 < len(t) {
			for q := j + 1; q < len(t) && q <= j+4; q++ {
				if aboutMassage[t[q].w] && t[q].w != "it" && t[q].w != "that" && t[q].w != "which" {
					return true
				}
			}
		}
	}
	return false
}

// selfWords are the pronouns of aboutMassage, which "the" never stands before.
var selfWords = wordSet("this these it that which")

// easedWords are what an effect is said to be made, by the massage.
var easedWords = wordSet("eased relieved released reduced soothed lessened loosened")

// problemNouns follow "good for" or "beneficial to" as an effect:
// "beneficial to conditions like ear ringing".
var problemNouns = wordSet("conditions problems issues complaints ailments")

// effectCue reports a cue at token i that something gets better, with an
// effect for it to act on: "eases tension", "does wonders for my sleep".
func effectCue(t []token, i int) bool {
	w := t[i].w
	switch {
	case betterVerbs[w]:
		return effectWithin(t, i, 10)
	case w == "knocks" || w == "knock":
		return i+1 < len(t) && t[i+1].w == "out" && effectWithin(t, i+1, 10)
	case w == "difference" && i+1 < len(t) && (t[i+1].w == "to" || t[i+1].w == "for" || t[i+1].w == "in"):
		// "has made such a difference to my typing aches"
		return effectWithin(t, i+1, 5)
	case w == "wonders" && i+1 < len(t) && t[i+1].w == "for":
		// "does wonders for my sleep"
		return effectWithin(t, i+1, 4)
	case w == "edge" && i+1 < len(t) && t[i+1].w == "off":
		return effectWithin(t, i+1, 6)
	case w == "less" || w == "fewer":
		// "her headaches come far less often", "means less stiffness", "feel less stiff"
		return effectCueLess(t, i)
	case w == "takes" || w == "take" || w == "took":
		// "takes the ache out of his back"
		return effectCueTakesOut(t, i)
	case goodWords[w]:
		return effectCueGoodFor(t, i)
	case w == "way" || w == "ways":
		return effectCueWayTo(t, i)
	case w == "work" || w == "works" || w == "worked":
		// "it did work well for me on my painful knee"
		j := i + 1
		if j < len(t) && t[j].w == "well" {
			j++
		}
		return j+1 < len(t) && t[j].w == "for" && (t[j+1].w == "me" || t[j+1].w == "us" || t[j+1].w == "many" || peopleWords[t[j+1].w])
	case w == "help" || w == "helps" || w == "helped":
		return effectCueHelps(t, i)
	}
	return false
}

// effectCueLess reports "less" or "fewer" at token i next to an effect.
func effectCueLess(t []token, i int) bool {
	if i+1 < len(t) && effectStates[t[i+1].w] {
		return true
	}
	for k := max(i-4, 0); k < len(t) && k <= i+3; k++ {
		if effectNouns[t[k].w] && k != i {
			return true
		}
	}
	return false
}

// effectCueTakesOut reports an effect taken "out", "off" or "away" after
// "takes" at token i.
func effectCueTakesOut(t []token, i int) bool {
	for k := i + 1; k+1 < len(t) && k <= i+3; k++ {
		if effectNouns[t[k].w] && (t[k+1].w == "out" || t[k+1].w == "off" || t[k+1].w == "away") {
			return true
		}
	}
	return false
}

// effectCueGoodFor reports a good word at token i said of an effect or a
// problem: "good for headaches", "beneficial to conditions", "good to ease".
func effectCueGoodFor(t []token, i int) bool {
	if i+1 < len(t) && (t[i+1].w == "for" || t[i+1].w == "from") && effectWithin(t, i+1, 5) {
		return true
	}
	if i+2 < len(t) && (t[i+1].w == "for" || t[i+1].w == "to") && problemNouns[t[i+2].w] {
		return true // "beneficial to conditions like ear ringing"
	}
	if i+2 < len(t) && t[i+1].w == "to" && (betterVerbs[t[i+2].w] || wayVerbs[t[i+2].w]) {
		return true
	}
	return false
}

// effectCueWayTo reports "a way to" at token i that makes something better.
func effectCueWayTo(t []token, i int) bool {
	if i+2 < len(t) && t[i+1].w == "to" && wayVerbs[t[i+2].w] {
		return true
	}
	// "a great way to work them out on your own" (the knots)
	if i+3 < len(t) && t[i+1].w == "to" && t[i+2].w == "work" && (t[i+3].w == "out" || i+4 < len(t) && t[i+4].w == "out") {
		return true
	}
	return false
}

// effectCueHelps reports a "help" at token i that helps the body, or this
// massage that "can help" a pain just named.
func effectCueHelps(t []token, i int) bool {
	if helpClaim(t, i) {
		return true
	}
	// "… and this massage can help." said of a pain just named
	if (i+1 == len(t) || t[i+1].kind == tPunct) && i >= 2 && (t[i-1].w == "can" || t[i-1].w == "will" || t[i-1].w == "may") &&
		(aboutMassage[t[i-2].w] && t[i-2].w != "that" && t[i-2].w != "which") && effectBefore(t, i) {
		return true
	}
	return false
}

// effectBefore reports an effect named before token i in the sentence.
func effectBefore(t []token, i int) bool {
	for k := 0; k < i; k++ {
		if effectAt(t, k) {
			return true
		}
	}
	return false
}

// helpClaim reports a "help" that helps the body, not a person: "helps
// with bloating", "helps digestion", "help prevent headaches", "help you
// sleep", "help the fingers move more easily" — not "help a stiff
// colleague".
func helpClaim(t []token, i int) bool {
	k := i + 1
	if k < len(t) && t[k].w == "to" {
		k++
	}
	if k >= len(t) {
		return false
	}
	switch w := t[k].w; {
	case w == "with":
		return effectWithin(t, k, 5)
	case effectNouns[w], betterVerbs[w], helpVerbs[w]:
		return true
	}
	// "help you sleep", "help the fingers move"
	for j := k; j < len(t) && j <= k+3; j++ {
		if t[j].kind == tPunct {
			return false
		}
		if j > k && helpVerbs[t[j].w] {
			return true
		}
	}
	return false
}

// licensed reports whether what comes before the cue makes the massage the
// claim's subject, or someone's report of it.
func licensed(t []token, cue int) bool {
	p := 0
	for p < len(t) && (t[p].kind != tWord || leadAdverbs[t[p].w]) {
		p++
	}
	if p < len(t) && p < cue {
		// "Soaking the feet … will help", "Works for me every time", "Relieves pain …"
		if isGerund(t[p].w) || strings.HasSuffix(t[p].w, "s") && verbs[t[p].w].c != vNone && !strings.HasSuffix(t[p].w, "ss") {
			return true
		}
	}
	if p == cue {
		return true
	}
	for k := cue - 1; k >= 0; k-- {
		w := t[k].w
		if w == ";" {
			break
		}
		if hearsay[w] {
			return true
		}
		if aboutMassage[w] {
			if w != "that" && w != "which" {
				return true
			}
			// "a technique that aids …", not "a stiff neck that takes …"
			if k == p || k > 0 && (aboutMassage[t[k-1].w] || t[k-1].w == ",") {
				return true
			}
		}
	}
	return false
}

func (s *sentence) findClaim() {
	if strings.HasSuffix(strings.TrimSpace(s.text), "?") || s.b != nil && s.b.kind == bHeading {
		return
	}
	t := s.toks
	if s.warning {
		// "A good back rub, he says, can ease muscle tension …, but anyone
		// with back pain … should see their GP": the claim before the warning.
		if s.warnFirst <= 0 || s.warnLead {
			return
		}
		t = t[:s.warnFirst]
	}
	if s.form != fNone && s.form != fGerund && !s.narrative {
		// An instruction claims only in a clause of its own that follows:
		// "…; this increases the blood flow", "…, leaving you more relaxed".
		for i := max(s.vi, 1); i < len(t); i++ {
			w := t[i].w
			if w == "the" && i+1 < len(t) && aboutMassage[t[i+1].w] && !selfWords[t[i+1].w] {
				w = "this" // "…, the friction is great for releasing tension"
			}
			switch w {
			case "this", "which", "it", "these", "leaving":
				if clauseBreaks[t[i-1].w] || t[i-1].w == "," {
					rest := t[i:]
					if c, st := claimCue(rest, 0); c >= 0 && (st || licensed(rest, c) || t[i].w == "leaving") {
						s.claim = true
						return
					}
				}
			}
		}
		return
	}
	for from := 0; from < len(t); {
		cue, state := claimCue(t, from)
		if cue < 0 {
			return
		}
		if state || licensed(t, cue) {
			s.claim = true
			return
		}
		from = cue + 1
	}
}
