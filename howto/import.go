package howto

import (
	"strings"
)

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
		bs := blocks(pg.lines, pg.format != FormatHTML)
		setSections(bs) // classify_blocks.go: which heading or lead-in each block is under
		d.read(bs, pg.title)
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

// analyzeBlock reads the structure of each sentence of the block; where
// the conditions a lead-in gave end at this block's move, it reads the
// block again as no cautions (and the items after it read so too).
func (d *doc) analyzeBlock(b *block) {
	for _, s := range b.sents {
		s.selfText = d.selfText
		analyze(s)
	}
	if endsCautionList(b) {
		b.lead.leadEnded = true
		b.sents = nil
		splitSentences(b)
		d.analyzeBlock(b)
	}
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
	d.analyzeBlock(b)
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
