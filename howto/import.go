package howto

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/knead/knead/massage"
)

// Options say where a text comes from and what to match it against.
type Options struct {
	Name     string           // the text's file name, for the report and the source; "" for standard input
	Catalog  *massage.Catalog // techniques, preparations and cautions to name; nil: none
	MaxBytes int              // size limit; 0: DefaultMaxBytes
	Format   Format           // "": detect

	rulesOnly bool        // the rules alone, without the role model: what the model is trained against
	models    *roleModels // a role model other than the embedded one (a cross-validation's fold)
}

// Import reads a how-to text and finds its steps, preparations, warnings
// and claims. A text over the size limit is a *TooLargeError; one with no
// hands-on steps is a *NoInstructionsError (the Result is returned with it,
// with whatever else was found).
func Import(src []byte, opt Options) (*Result, error) {
	d, err := importDoc(src, opt)
	if d == nil {
		return nil, err
	}
	return d.res, err
}

// importDoc runs the pipeline and keeps the document read.
func importDoc(src []byte, opt Options) (*doc, error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if len(src) > limit {
		return nil, &TooLargeError{Size: len(src), Limit: limit}
	}
	if err := sniff(src); err != nil {
		return nil, err
	}
	text := clean(src)
	pg := readPage(text, opt.Format)
	run := func(comments bool) *doc {
		d := &doc{opt: opt, res: &Result{Source: opt.Name, Format: pg.format, Skipped: pg.left}, selfText: selfCued(text), comments: comments}
		d.read(blocks(pg.lines, pg.format != FormatHTML), pg.title)
		d.finish()
		d.account()
		return d
	}
	d := run(false)
	if len(d.res.Steps) == 0 && d.commentsLeft {
		// A page whose own text gives no moves may hold them in its
		// comments: a video's page, where a viewer wrote the steps out.
		if c := run(true); len(c.res.Steps) > 0 {
			d = c
		}
	}
	if len(d.res.Steps) == 0 {
		return d, &NoInstructionsError{Sentences: d.res.Read, Skipped: len(d.res.Skipped)}
	}
	return d, nil
}

// page is a text read into lines: the first stage's output.
type page struct {
	format Format
	lines  []line
	title  string // an HTML page's <title>
	left   []Skip // page furniture left out whole
}

// readPage reads a cleaned text in its format (detected when "") into
// lines: headings, list items, text.
func readPage(text string, format Format) page {
	if format == "" || format == FormatJSON {
		if t, ok := jsonText(text); ok {
			text, format = t, FormatJSON // an app's export: the text it holds, as Markdown
		} else if format == "" {
			format = detect(text)
		} else {
			format = FormatText
		}
	}
	pg := page{format: format}
	if format == FormatHTML {
		pg.lines, pg.title, pg.left = htmlLines(text)
	} else {
		pg.lines = textLines(bbcode(text))
	}
	return pg
}

// doc is one text being read.
type doc struct {
	opt          Options
	res          *Result
	bs           []*block
	title        *block
	titleArea    string
	titleAreas   []string  // every area the title names
	intro        areaVotes // the places the text names before its first step
	steps        []*stepDraft
	cur          *stepDraft // the step being read
	hint         *sentence  // the last sentence that named a move without instructing
	selfText     bool       // the text says it is self-massage
	comments     bool       // read reader comments as text (when the page's own text has no moves)
	commentsLeft bool       // reader comments were left out as furniture
	pending      *stepDraft // sentences that place the hands for a move to come
	place        *sentence  // the last sentence of this block that names a place without instructing
	placeItem    bool       // place is in the list item before this one, an item with no move of its own
	lastRead     *block     // the block read last
	self         float64
	partner      float64
	either       bool // the text offers a partner as another way: "or get a partner to do them"
	receivers    int  // sentences' mentions of the receiver as a person
	yourself     bool // the text says "yourself"
	iOnYou       bool // the author tells of working the reader's body (a swap of massages told as a plan)
	prepSeen     map[string]bool
	prepTimed    map[*sentence]bool // sentences whose time a preparation took
	chainMsg     []float64          // the role model's forward message after the last block read (classify_chain.go)
}

// stepDraft gathers the sentences of one step.
type stepDraft struct {
	sents    []*sentence
	roles    []int // per sentence: 0 setup, 1 move, 2 modifier
	section  *block
	first    *block
	last     *block
	copied   string // motion carried over by "do the same …"
	hint     string // motion named by a sentence that defines the move ("Petrissage is a motion that kneads")
	hintNear bool   // that sentence came just before the step
	dirList  []string
	placeSet map[string]bool
	context  *sentence // a sentence just before the step that says where it works, without instructing
	still    bool      // the step is a still hold for a while: a move that follows is a step of its own
	switched bool      // a turn to the other side that plays the moves before again (segment_side.go)
	replay   int       // "Repeat step 1.": the step it plays again, counted from 1 in d.steps
}

// closedByCount reports a step whose last sentence only counts it: "Do
// 3 to 4 times daily.", "Repeat 5 times.", "Hold for 10 seconds."
func (st *stepDraft) closedByCount() bool {
	n := len(st.sents)
	if n < 2 || st.roles[n-1] != 2 {
		return false
	}
	last := st.sents[n-1]
	return (!last.rep.IsZero() || !last.secs.IsZero()) && !last.hasLoc() && !last.hasStrong()
}

func (st *stepDraft) add(s *sentence, role int) {
	st.sents = append(st.sents, s)
	st.roles = append(st.roles, role)
	st.last = s.b
	if st.first == nil {
		st.first = s.b
	}
	for _, d := range s.dirs {
		if role != 0 { // a sentence that only places the hands goes nowhere
			st.dirList = appendNew(st.dirList, d)
		}
	}
	if st.placeSet == nil {
		st.placeSet = map[string]bool{}
	}
	for _, l := range s.landmarks {
		st.placeSet[l] = true
	}
	for _, a := range s.areas {
		st.placeSet[a] = true
	}
}

func (st *stepDraft) hasMove() bool {
	for _, r := range st.roles {
		if r == 1 {
			return true
		}
	}
	return false
}

// full reports a step that has taken in as many sentences as any step
// reasonably has; what follows starts a new one.
func (st *stepDraft) full() bool { return len(st.sents) >= maxStepSentences }

const maxStepSentences = 12

// strongMove reports whether the step has a named motion, not only a
// general verb like "move" or "massage".
func (st *stepDraft) strongMove() bool {
	for i, s := range st.sents {
		if st.roles[i] == 1 && s.hasStrong() {
			return true
		}
	}
	return false
}

func (st *stepDraft) dirs() []string { return st.dirList }

func (st *stepDraft) places() map[string]bool { return st.placeSet }

// announce reports whether the step is only a short heading-like sentence
// such as "Next, knead the calf."
func (st *stepDraft) announce() bool {
	if len(st.sents) != 1 || st.sents[0].split {
		return false
	}
	n := len(st.sents[0].st.ws)
	s := st.sents[0]
	return n <= 5 || n <= 8 && !s.hasStrong() && (s.verb.c == vMove || s.verb.base == "go")
}

func (d *doc) read(bs []*block, htmlTitle string) {
	d.bs = bs
	d.prepSeen = map[string]bool{}
	d.commentsLeft = markNoise(bs, d.comments)
	setSections(bs)
	markCautionLeads(bs)
	d.skipFurniture(bs)
	d.readTitle(bs, htmlTitle)
	for _, b := range bs {
		if b.noise != "" {
			continue
		}
		if b.kind == bHeading {
			d.closeStep()
			d.promotePending()
			d.pending = nil
			d.hint, d.place = nil, nil
			if b != d.title {
				d.tallyHeading(b.text)
			}
			continue
		}
		d.readBlock(b)
	}
	d.closeStep()
	d.promotePending()
	if d.titleArea == "" {
		d.titleArea = d.intro.clear()
	}
}

// tallyHeading counts who a heading says receives, as much as the title
// does: "Level: easy · Equipment: none · Self", "Partner massage".
func (d *doc) tallyHeading(text string) {
	hs := &sentence{text: text, toks: tokenize(text)}
	hs.countPersons()
	d.self += 0.5 * float64(hs.self)
	d.partner += 0.5 * float64(hs.partner)
	d.receivers += hs.receivers
}

// skipFurniture lists the page furniture and blind headings as skipped.
func (d *doc) skipFurniture(bs []*block) {
	for _, b := range bs {
		if b.noise != "" {
			d.res.Skipped = append(d.res.Skipped, Skip{Line: b.line, Why: b.noise, Text: clip(b.text, 80)})
			continue
		}
		if b.blind {
			d.res.Skipped = append(d.res.Skipped, Skip{Line: b.line, Why: "heading of a video, picture or link, not of the moves under it", Text: clip(b.text, 80)})
		}
	}
}

// readTitle finds the title, a heading that comes before any running text
// (or the HTML page's title), and the areas it names.
func (d *doc) readTitle(bs []*block, htmlTitle string) {
	for _, b := range bs {
		if b.noise != "" {
			continue
		}
		if b.kind == bHeading && !b.blind {
			d.title = b
		}
		break
	}
	title := ""
	if d.title != nil {
		title = d.title.text
	}
	if title == "" || len(strings.Fields(title)) < 2 && htmlTitle != "" {
		title = htmlTitle
	}
	if i := strings.Index(title, " | "); i > 0 {
		title = title[:i]
	}
	d.res.Title = clip(title, 120)
	d.titleArea = areaOfText(title)
	d.titleAreas = areasOfText(title)
	// "How to Give Someone a Face Massage": the title says who receives,
	// as a sentence that instructs nothing would
	ts := &sentence{text: title, toks: tokenize(title)}
	ts.countPersons()
	d.self += 0.5 * float64(ts.self)
	d.partner += 0.5 * float64(ts.partner)
	d.receivers += ts.receivers
}

// readBlock cuts a block of text into sentences, classifies each and
// gives it to the step being read.
func (d *doc) readBlock(b *block) {
	splitSentences(b)
	d.placeItem = d.place != nil && d.place.form != fNone && d.place.b == d.lastRead && d.place.b.kind == bItem && b.kind == bItem && (d.cur == nil || d.cur.last != d.place.b)
	d.lastRead = b
	if !d.placeItem {
		d.place = nil
	}
	for _, s := range b.sents {
		s.selfText = d.selfText
		analyze(s)
	}
	mergeFragments(b)
	splitClauses(b, d.models())
	splitFinishes(b)
	splitSideSwitch(b)
	instructs := false
	for i, s := range b.sents {
		s.idx = i
	}
	d.guessRoles(b)
	for _, s := range b.sents {
		d.res.Read++
		s.modelWarning()
		if s.form == fNone && s.modelMove() {
			s.modelMoved = true
		}
	}
	itemMove(b)
	for _, s := range b.sents {
		if s.form != fNone {
			instructs = true
		}
	}
	if !instructs && !continues(b) {
		d.closeStep()
		d.promotePending()
		d.pending = nil
	} else if d.setupItemStands(b) {
		d.promote(true)
	}
	for _, s := range b.sents {
		d.sentence(s)
		if d.cur == nil && d.pending == nil && len(d.steps) == 0 && b.kind == bPara {
			d.intro.addSentence(s, 1, true)
		}
	}
}

// models is the role model the import reads with, nil for the rules alone.
func (d *doc) models() *roleModels {
	switch {
	case d.opt.rulesOnly:
		return nil
	case d.opt.models != nil:
		return d.opt.models
	}
	return loadedModels()
}

func (d *doc) closeStep() {
	if d.cur != nil && d.cur.hasMove() {
		d.steps = append(d.steps, d.cur)
	}
	d.cur = nil
}

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

// changesStep reads an instruction that changes or repeats the step
// before: "Switch sides.", "Repeat 4 times.", "Do the same on the other
// cheek." It reports whether it took the sentence.
func (d *doc) changesStep(s *sentence) bool {
	switch {
	case d.cur == nil || d.ownItemMove(s) || s.doesPlace():
		return false
	case s.sideRepeat(d.cur) || s.giverSupport() && d.cur.last == s.b:
		d.cur.add(s, 2)
	case (s.b != d.cur.last && s.idx == 0 || s.idx > 0 && s.idx == len(s.b.sents)-1) && s.replayOf(len(d.steps)+1) > 0:
		// "10. Repeat step 1.", "…. Finally, repeat step 1 to complete
		// your massage.": the first step's move again, as a step
		n := d.numberedStep(s.replayOf(len(d.steps) + 1))
		d.closeStep()
		d.cur = &stepDraft{section: s.b.section, copied: d.steps[n-1].motion(), replay: n}
		d.cur.add(s, 1)
	case s.sameElsewhere(d.cur):
		d.restart(s)
	case s.sameItemMove(d.cur):
		d.cur.add(s, 1)
	case s.modifier(d.cur):
		d.cur.add(s, 2)
	case s.sameAs():
		d.restart(s)
	default:
		return false
	}
	return true
}

// numberedStep finds the step that the item numbered n opens, counted
// from 1 in d.steps ("Repeat step 1" names the text's own numbering, and
// a step found before the list would put it off by one); n itself when no
// item has that number.
func (d *doc) numberedStep(n int) int {
	for i, st := range d.steps {
		if st.first != nil && st.first.kind == bItem && st.first.num == n {
			return i + 1
		}
	}
	return n
}

// restart starts a step that plays the step before's move again.
func (d *doc) restart(s *sentence) {
	prev := d.cur
	d.closeStep()
	d.cur = &stepDraft{section: s.b.section, copied: prev.motion()}
	d.cur.add(s, 1)
}

// handsOn reports an instruction that is a hands-on move; a set-up ("Cup
// the chin in your left hand.") waits for the move that follows, and the
// rest are tips.
func (d *doc) handsOn(s *sentence) bool {
	switch {
	case s.modelMoved || s.handsOn() || s.doesPlace() || (s.closesWith() || s.followsWith()) && s.namesStretch():
	case s.holdStep():
	case s.mobilises() || s.form != fNone && s.mobilisesAfter(s.vi+1):
	case s.movesOnly() && d.cur != nil && (d.cur.last == s.b || d.cur.last.kind == bPara && s.b.kind == bPara):
		// "You can move from the front to the back": more of the step before, or the next move in the same place.
	case s.setup():
		if d.cur != nil && d.cur.last == s.b && !d.cur.hasMove() {
			d.cur.add(s, 0)
			return false
		}
		d.closeStep()
		if d.pending == nil {
			d.pending = &stepDraft{section: s.b.section}
		}
		d.pending.add(s, 0)
		return false
	default:
		if d.cur != nil && s.verb.c == vModify && d.cur.last == s.b {
			d.cur.add(s, 2)
			return false
		}
		if !s.prepOnly() && s.modelMove() {
			return true
		}
		if d.pending != nil && s.hasWeak() && !s.prepOnly() {
			return true // "Set your fingertips on the temples. Press gently and hold for 20 secs.": at the place set
		}
		if len(d.res.Prep) == 0 || d.res.Prep[len(d.res.Prep)-1].Line != s.line || d.res.Prep[len(d.res.Prep)-1].Text != s.text {
			d.res.Tips = append(d.res.Tips, Note{Text: s.text, Line: s.line})
		}
		return false
	}
	return true
}

// firstInstruction reports a sentence that no instruction comes before
// in its block.
func (s *sentence) firstInstruction() bool {
	for _, x := range s.b.sents[:s.idx] {
		if x.form != fNone {
			return false
		}
	}
	return true
}

// continuesStep reports a move that goes on with the step before rather
// than starting one, and adds it there.
func (d *doc) continuesStep(s *sentence) bool {
	same := d.cur.last == s.b
	conflict := dirConflict(d.cur.dirs(), s.dirs)
	if d.stepEndsBefore(s, same) {
		return false
	}
	if s.movesOnly() && (same || !s.hasStrong() || s.strongMotion() == d.cur.motion()) {
		if conflict {
			d.restart(s) // the same move, now travelling another way
		} else {
			d.cur.add(s, 1)
		}
		return true
	}
	if !d.stepGoesOn(s, same, conflict) {
		return false
	}
	d.cur.add(s, 1)
	return true
}

// stepEndsBefore reports a move that is the next step whatever it moves:
// one on the next place, one after a count that closed the step, a
// closing move or a stretch. same is whether s is in the step's last
// block.
func (d *doc) stepEndsBefore(s *sentence, same bool) bool {
	switch {
	case s.nextPlace(d.cur):
	case d.cur.closedByCount() && s.form != fNone && (s.hasStrong() || s.hasWeak()) && !s.movesOnly():
		// "… massage the nodule side to side. Do 3 to 4 times daily. Keep
		// the thumb relaxed, use the other hand to bend it …": a move after
		// the count that closed the step before is the next
	case s.closesWith() && s.hasStrong() && s.form != fGerund:
		// "… and gently pull. Finish by stroking across the head.": the
		// closing move is a step of its own, on the same place too
	case (s.closesWith() || s.followsWith()) && s.namesStretch():
		// "Follow with a calf stretch and hold for 45 seconds …": a
		// stretch is a move of its own
	case s.movesOnly() && !same && s.b.kind == bItem && s.firstInstruction() && s.mobilises():
		// "3) Hands back out. Hug your right knee towards your chest and
		// hold for 20 seconds.": a stretch that opens a list item of its
		// own is that item's step
	default:
		return false
	}
	return true
}

// stepGoesOn reports a sentence that goes on with the step, neither a
// move that only moves nor the next step outright: the same move again,
// a sentence with no strong move, a move of the same hands. conflict is
// whether s travels another way than the step.
func (d *doc) stepGoesOn(s *sentence, same, conflict bool) bool {
	switch {
	case same && s.idx > 0 && s.b.kind == bPara && s.form == fImperative && len(d.cur.sents[0].st.ws) > 3 && onlyNewAreas(d.cur, s):
		// "Milk the arms … then massage hands and fingers. Massage tummy in
		// clockwise circles.": in a paragraph of moves, a move whose every
		// place lies outside the step's is the next
		return false
	case same && d.cur.announce():
	case same && s.hasStrong() && !s.hasLoc() && !s.hasPart() && !conflict && s.strongMotion() == d.cur.motion():
		// "Squeeze and release 5 times.": the same move again
	case s.placeLead() || postures[s.verb.base] && s.vi >= 0 && s.vi <= 3:
		return false
	case s.form == fTo || s.form == fGerund || s.form == fPassive || s.form == fFragment:
		return false
	case same && !d.cur.strongMove() && s.hasStrong() && !conflict && !d.cur.still:
	case same && !s.hasStrong() && len(s.st.ws) <= 8 && newPlaces(d.cur, s) && (s.verb.c == vMove || s.verb.base == "go") && s.opensWithNext():
		return false // "Then I go to the low back itself.": the next step, announced
	case !same && s.idx == 0 && s.b.kind == bPara && s.form == fImperative && s.hasLoc() && s.hasPart() && !d.cur.usesParts(s.parts):
		// "Massage the calf with your fist." opening a paragraph after
		// moves with the thumbs: a new move, though its verb is general
		return false
	case !s.hasStrong() && !s.weakHold() && !conflict && (same || s.b.kind == bPara && d.cur.last.kind == bPara && !s.b.pageLine && !newPlaces(d.cur, s)):
	default:
		return false
	}
	return true
}

// usesParts reports a step whose sentences already name one of the
// giver's hand parts given.
func (st *stepDraft) usesParts(parts []handMention) bool {
	for _, s := range st.sents {
		for _, p := range s.parts {
			for _, q := range parts {
				if p.part == q.part {
					return true
				}
			}
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

// followsWith reports a move named as the next: "Follow with a calf
// stretch …", "Combine with a gentle jaw stretch …".
func (s *sentence) followsWith() bool {
	w := s.firstWords(2)
	return len(w) == 2 && (w[0] == "follow" || w[0] == "combine") && w[1] == "with"
}

// namesStretch reports a stretch named within a few words after "with":
// "with a gentle jaw stretch", "with a piriformis stretch".
func (s *sentence) namesStretch() bool {
	for i, x := range s.toks {
		if x.w != "with" {
			continue
		}
		for k := i + 1; k < len(s.toks) && k <= i+5; k++ {
			if s.toks[k].w == "stretch" || s.toks[k].w == "stretches" {
				return true
			}
		}
		return false
	}
	return false
}

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

// continues reports a caption that goes on with the sentence before it:
// "twice per finger, thumb too".
func continues(b *block) bool {
	r, _ := utf8.DecodeRuneInString(b.text)
	return b.caption && unicode.IsLower(r)
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

// onlyNewAreas reports a sentence that works somewhere, and nowhere the
// step already works: each place it works (not one it only heads for) is
// of an area the step's places neither name nor overlap.
func onlyNewAreas(st *stepDraft, s *sentence) bool {
	var have []string
	for p := range st.places() {
		have = append(have, placeArea(p))
	}
	if len(have) == 0 {
		return false
	}
	n := 0
	for _, p := range append(append([]string(nil), s.landmarks...), s.areas...) {
		if s.refs[p] {
			continue
		}
		a := placeArea(p)
		for _, h := range have {
			if massage.Overlaps(h, a) {
				return false
			}
		}
		n++
	}
	return n > 0
}

// clip shortens s to at most n bytes, the ellipsis included.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	n -= len("…")
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xc0 == 0x80 {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// selfCued reports a text that says it is self-massage and never names a
// partner: there "your fingers" may be where the hands work.
func selfCued(text string) bool {
	low := strings.ToLower(text)
	self := strings.Contains(low, "yourself") || strings.Contains(low, "self-massag") || strings.Contains(low, "self massag")
	other := strings.Contains(low, "partner") || strings.Contains(low, "recipient") || strings.Contains(low, "receiver")
	return self && !other
}
