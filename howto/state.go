package howto

import "github.com/knead/knead/massage"

// The data that flows between the stages (doc.go): a page of lines (read),
// blocks (split), sentences (read one by one, then filed into steps) and
// step drafts, all held by the doc being read. Each stage fills in its own
// fields; a type's fields may name a later stage's types.

// Options say where a text comes from and what to match it against.
type Options struct {
	Name     string           // the text's file name, for the report and the source; "" for standard input
	Catalog  *massage.Catalog // techniques, preparations and cautions to name; nil: none
	MaxBytes int              // size limit; 0: DefaultMaxBytes
	Format   Format           // "": detect

	rulesOnly bool        // the rules alone, without the role model: what the model is trained against
	models    *roleModels // a role model other than the embedded one (a cross-validation's fold)
	// the place model: noPlaceModel leaves places to the rules (what the
	// place model is trained against), places is one other than the
	// embedded one (a cross-validation's fold)
	noPlaceModel bool
	places       *logit
	// the mode model, the same way (assemble_mode_model.go)
	noModeModel bool
	modes       *logit
	// the preparation model: noPrepModel leaves preparations to the rules
	// (what the model is trained against), preps is one other than the
	// embedded one (a cross-validation's fold)
	noPrepModel bool
	preps       *logit
	// the warning model, the same way (assemble_warn_model.go)
	noWarnModel bool
	warns       *logit
}

// page is a text read into lines: the first stage's output.
type page struct {
	format Format
	lines  []line
	title  string // an HTML page's <title>
	left   []Skip // page furniture left out whole
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
	either       bool     // the text offers a partner as another way: "or get a partner to do them"
	receivers    int      // sentences' mentions of the receiver as a person
	yourself     bool     // the text says "yourself"
	iOnYou       bool     // the author tells of working the reader's body (a swap of massages told as a plan)
	modeFeats    []string // what the mode model reads of the text (assemble_mode_model.go)
	prepSeen     map[string]bool
	prepTimed    map[*sentence]bool     // sentences whose time a preparation took
	prepSaid     map[*sentence][]string // the kinds the rules found in each sentence, each time
	prepCands    []prepCandidate        // what the preparation model reads of each sentence (assemble_prep_model.go)
	warnSents    []*sentence            // the sentence of each of res.Warnings
	warnFeats    [][]string             // what the warning model reads of each of them (assemble_warn_model.go)
	chainMsg     []float64              // the role model's forward message after the last block read (classify_chain.go)
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
	switched bool      // a turn to the other side that plays the moves before again (steps_side.go)
	replay   int       // "Repeat step 1.": the step it plays again, counted from 1 in d.steps
}

const maxStepSentences = 12

// line is one line of the text with its markup read: a heading, the start
// of a list item, a line of running text, or a blank.
type line struct {
	n       int // line number in the input
	kind    lkind
	text    string
	num     int    // the number of a numbered item or of "Step N"
	title   string // a lead-in such as "Step 1: Warm up." or a bold run before the text
	caption bool   // a caption under a time stamp of its own: it may run on from the caption before
	row     bool   // a table's row, its cells joined as sentences
}

// sentence is one sentence with what was read in it.
type sentence struct {
	text  string
	line  int
	b     *block
	idx   int
	off   int  // where the sentence starts in the block's text
	split bool // the first move of a sentence cut in two (see splitClauses)

	toks []token
	st   stream
	hits []hit

	form      form
	vi        int  // token index of the main verb, -1 when none
	narrative bool // the author tells what they do ("I put …", "We do this …")
	verb      verb

	landmarks []string
	areas     []string
	refs      map[string]bool // places named only as where a move goes or starts, or next to it: "toward the hip", "under the ribs"
	avoid     bool            // names a place never pressed on
	elsewhere bool            // names a place on the body the model has no area for ("the bottom")
	parts     []handMention
	holdHand  string // the hand that holds ("in your left hand")
	motions   []motionMention
	dirs      []string
	turn      string
	pressure  massage.Pressure
	sides     []string
	prep      []string
	tool      bool
	rep       massage.Count
	repVague  bool
	secs      massage.Bounds
	secsVague bool
	repeatSay bool // says to repeat
	repMore   bool // the count is of more passes: "a couple more times"

	warning   bool
	warnLead  bool // opens with its warning
	warnAt    int  // token where a clause that warns begins, -1 when none
	warnFirst int  // token where the first warning cue begins, -1 when none
	claim     bool
	selfText  bool // the text as a whole reads as self-massage
	self      int  // cues that the text is self-massage
	partner   int  // cues that it is for a partner
	receivers int  // the receiver named as a person: "the person's calf", "your partner"
	yourself  bool // "yourself", "self"
	iOnYou    bool // the author works the reader's body: "I'll lay both hands on your lower back"

	shape      shape // its structure, with no verb list as the gate (classify_struct.go)
	guess      guess // what the role model says of it (classify_model.go)
	modelSaid  bool  // the model changed what the rules read: a move, a warning
	modelMoved bool  // a sentence the rules read as no instruction is a move by the model
}

// block is a paragraph, a list item or a heading, with its sentences.
type block struct {
	kind    bkind
	line    int
	text    string
	starts  []lineStart // where each joined line begins in text
	num     int
	title   string
	section *block // the heading it falls under
	noise   string // why it is left out; "" when it is read
	caption bool   // a caption of a transcript (see line.caption)
	row     bool   // a table's row (see line.row)
	blind   bool   // a heading that ends a section but names nothing of it ("A Good Video Showing …")
	// lead is the line a list item's run follows, when it ends in a colon
	// ("Do NOT do the tummy rub:"); leads is set on that line
	lead  *block
	leads bool
	// leadText is the sentence of a line that leads in a list of
	// cautions (the whole line, or its last sentence: "… at home. Don't
	// do this massage if you are:")
	leadText string
	// leadEnded: the list a condition leads in ("Skip it if:") has ended
	// at an item that is a hands-on move; that item and the ones after it
	// are no cautions (cues.go, endsCautionList)
	leadEnded bool
	// pageLine: a paragraph that was one line of a page written a
	// paragraph a line (splitLines); nothing merges across such lines
	// by the same place alone
	pageLine bool
	sents    []*sentence
}

type bkind uint8

const (
	bPara bkind = iota
	bItem
	bHeading
)
