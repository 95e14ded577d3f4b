package howto

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split: lines into blocks (paragraphs, list items, headings) and each
// block into sentences. Structure comes first: a numbered item, a heading
// or a paragraph is a block, and no step runs across a heading.

type lineStart struct{ off, line int }

// reNumberedLabel is a word and a number on a line of their own: "Slide
// 1", "Page 3", "Card 2".
var reNumberedLabel = regexp.MustCompile(`^\p{L}+ \d{1,3}$`)

// blocks joins lines into paragraphs, list items and headings. With
// firstLine, a text's first line may be its title though it is long or
// asks a question (a page marks its headings itself).
func blocks(lines []line, firstLine bool) []*block {
	out := blocksOfLines(lines)
	out = splitLines(out)
	blocksHeadings(out, firstLine)
	numberedHeadingItems(out)
	out = lineItems(out)
	return out
}

// blocksBuilder joins lines into blocks one by one: cur is the block the
// next line of text may go on with.
type blocksBuilder struct {
	out []*block
	cur *block
	// the text of cur grows line by line in sb: a paragraph of thousands
	// of lines (prose wrapped at a width) would copy itself at every line
	// if it were added to cur.text with +=
	sb strings.Builder
}

// restart makes t the whole text of the current block.
func (bb *blocksBuilder) restart(t string) {
	bb.sb = strings.Builder{}
	bb.sb.WriteString(t)
	bb.cur.text = bb.sb.String()
}

// grow adds ts to the text of the current block.
func (bb *blocksBuilder) grow(ts ...string) {
	for _, t := range ts {
		bb.sb.WriteString(t)
	}
	bb.cur.text = bb.sb.String()
}

// end ends the current block: no line goes on with it.
func (bb *blocksBuilder) end() { bb.cur = nil }

// blocksOfLines joins lines into paragraphs, list items and headings: a
// heading or an item opens a block of its own, a blank line ends one.
func blocksOfLines(lines []line) []*block {
	bb := &blocksBuilder{}
	for i, l := range lines {
		switch l.kind {
		case lBlank:
			bb.end()
		case lHeading:
			bb.end()
			bb.out = append(bb.out, &block{kind: bHeading, line: l.n, text: l.text, num: l.num, title: l.title,
				starts: []lineStart{{0, l.n}}})
		case lItem:
			bb.end()
			bb.cur = &block{kind: bItem, line: l.n, num: l.num, title: l.title, starts: []lineStart{{0, l.n}},
				caption: l.caption, row: l.row}
			bb.restart(l.text)
			bb.out = append(bb.out, bb.cur)
		case lText:
			bb.text(lines, i)
		}
	}
	return bb.out
}

// text adds lines[i], a line of running text: under a title line or an
// item's name in capitals it starts the text anew; otherwise it opens a
// paragraph or goes on with the current block.
func (bb *blocksBuilder) text(lines []line, i int) {
	l := lines[i]
	run := shortTitle(l.text) && i+1 < len(lines) && lines[i+1].kind == lText && shortTitle(lines[i+1].text) &&
		!(bb.cur != nil && reNumberedLabel.MatchString(bb.cur.text)) // "Slide 1", "Page 3": a label still
	if bb.cur != nil && shortTitle(lastLine(bb.cur)) && startsUpper(l.text) && bb.cur.kind == bPara &&
		len(bb.cur.starts) == 1 && !run {
		// (not a run of three short lines or more: "Don't massage
		// areas of pain …" / "Support body parts with pillows" /
		// "Don't press on bony areas" is a list written a line each)
		// "Giving a Calf Massage\nPhotograph by …": a title line above text.
		bb.cur.kind = bHeading
		bb.end()
	}
	if bb.cur != nil && len(bb.cur.starts) == 1 && bb.cur.title == "" && capsTitle(bb.cur.text) && startsUpper(l.text) {
		// "1. CALF STRETCH ON A STAIR\nStand with …": the capital line names the item.
		bb.cur.title, bb.cur.starts = bb.cur.text, []lineStart{{0, l.n}}
		bb.restart(l.text)
		return
	}
	if bb.cur == nil {
		bb.cur = &block{kind: bPara, line: l.n, title: l.title, starts: []lineStart{{0, l.n}}}
		bb.restart(l.text)
		bb.out = append(bb.out, bb.cur)
		return
	}
	if w, ok := brokenWord(bb.cur.text, l.text); ok {
		// "on their af-" / "fected side": a word broken at the line's
		// end is joined again
		bb.restart(bb.cur.text[:len(bb.cur.text)-1])
		bb.cur.starts = append(bb.cur.starts, lineStart{len(bb.cur.text) - len(w), l.n})
		bb.grow(l.text)
		return
	}
	bb.cur.starts = append(bb.cur.starts, lineStart{len(bb.cur.text) + 1, l.n})
	bb.grow(" ", l.text)
}

// blocksHeadings makes headings of the blocks that read as titles. A
// paragraph of one short line with no full stop is a heading; so is a
// text's first line when it stands alone and reads as a title, even a
// longer one or one with a question in it.
func blocksHeadings(out []*block, firstLine bool) {
	for i, b := range out {
		if b.kind == bPara && len(b.starts) == 1 && b.title == "" && (shortTitle(b.text) && !leadsList(b.text) || firstLine && i == 0 && firstTitle(b.text)) {
			b.kind = bHeading
		}
		// "2. Squeezing the calf" over a paragraph of the moves: a
		// numbered heading, named by a gerund, not a move of its own
		if b.kind == bItem && b.num > 0 && len(b.starts) == 1 && b.title == "" && shortTitle(b.text) && gerundTitle(b.text) &&
			i+1 < len(out) && out[i+1].kind == bPara && out[i+1].line > b.line+1 {
			b.kind = bHeading
		}
		// "4. Incorporate Hair Pulling (Optional)" over bullets that give
		// its moves: a numbered section's name in title case, not a move
		if b.kind == bItem && b.num > 0 && len(b.starts) == 1 && b.title == "" && shortTitle(b.text) && titleCase(b.text) &&
			i+1 < len(out) && out[i+1].kind == bItem && out[i+1].num == 0 {
			b.kind = bHeading
		}
	}
}

// numberedHeadingItems reads the paragraph right under a numbered heading
// as that step's item ("▸ 1. Spread" over "Long glides with both flat
// hands …"): a heading and its paragraph set a step's bounds as an item
// does, and the heading names it.
func numberedHeadingItems(out []*block) {
	for i, b := range out {
		if b.kind != bHeading || i+1 >= len(out) {
			continue
		}
		next := out[i+1]
		if next.kind != bPara || next.line > b.line+len(b.starts)+1 {
			continue
		}
		m := reNumberedHeading.FindStringSubmatch(strings.TrimSpace(b.text))
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		next.kind, next.num = bItem, n
		if next.title == "" {
			next.title = m[2]
		}
	}
}

// titleCase reports a line whose every longer word opens with a capital:
// "Incorporate Hair Pulling (Optional)", "Find a Comfortable Position".
func titleCase(t string) bool {
	n := 0
	for _, w := range strings.Fields(t) {
		w = strings.Trim(w, "()[]\"'“”‘’,:-–")
		if len(w) < 4 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// splitLines parts a paragraph written a paragraph a line, as a web page's
// text comes when its blocks are joined by single line breaks: every line
// ends a sentence (or a lead-in with a colon), or is a short line of a
// list ("Don't do this massage if you are:" over "pregnant" over "have a
// hernia"). Each line is then a block of its own: a short line under a
// lead-in or another such line a list item, the rest paragraphs. Prose
// wrapped at a width breaks mid-sentence somewhere and stays whole.
func splitLines(bs []*block) []*block {
	var out []*block
	for _, b := range bs {
		if b.kind != bPara || b.caption || len(b.starts) < 2 || len(b.starts) >= 3 && eachLineStands(b) {
			out = append(out, b) // one instruction a line: lineItems makes it a list
			continue
		}
		lines := blockLines(b)
		hard, led := true, false
		for i := 0; i+1 < len(lines) && hard; i++ {
			// a colon goes on to a line in lower case: "… away from feed
			// times:" over "at least half an hour after her bottle …"
			colon := strings.HasSuffix(strings.TrimSpace(lines[i]), ":")
			led = led || colon
			// a short line in lower case is a list's next line only under
			// a lead-in ("Don't do this massage if you are:" over
			// "pregnant" over "have a hernia"); else it runs on ("Roll
			// each toe gently" over "between your finger and thumb.")
			next := listLine(lines[i+1]) && (led || !runsOnLower(lines[i+1])) || startsUpper(lines[i+1])
			hard = endsLine(lines[i]) && (!colon || next) || listLine(lines[i]) && next
		}
		if !hard {
			out = append(out, b)
			continue
		}
		listed := false // under a lead-in or another line of its list
		for i, t := range lines {
			nb := &block{kind: bPara, line: b.starts[i].line, text: t, starts: []lineStart{{0, b.starts[i].line}}, pageLine: true}
			if i == 0 {
				nb.title = b.title
			}
			if listed && listLine(t) {
				nb.kind = bItem
			} else {
				listed = false
			}
			listed = listed || strings.HasSuffix(strings.TrimSpace(t), ":")
			out = append(out, nb)
		}
	}
	return out
}

// runsOnLower reports a line in small letters of two words or more: the
// rest of a sentence wrapped at a width, not a flow chart's arrow ("v").
func runsOnLower(l string) bool {
	l = strings.TrimSpace(l)
	return startsLower(l) && len(strings.Fields(l)) >= 2
}

// blockLines gives a block's lines as they were joined.
func blockLines(b *block) []string {
	var out []string
	for i, st := range b.starts {
		end := len(b.text)
		if i+1 < len(b.starts) {
			end = b.starts[i+1].off - 1
		}
		out = append(out, strings.TrimSpace(b.text[st.off:end]))
	}
	return out
}

// endsLine reports a line that ends a sentence or leads in a list.
func endsLine(l string) bool {
	l = strings.TrimRightFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || isPictograph(r) || strings.ContainsRune("\"'”’)]*_", r)
	})
	last, _ := utf8.DecodeLastRuneInString(l)
	return l != "" && strings.ContainsRune(".!?:…", last)
}

// listLine reports a short line with no end that runs on: a list's line
// ("have uncontrolled hypertension") or a heading.
func listLine(l string) bool {
	fs := strings.Fields(strings.ToLower(l))
	if len(fs) == 0 || len(fs) > 6 {
		return false
	}
	last := strings.Trim(fs[len(fs)-1], "\"'*_")
	return !runsOn[last] && !strings.HasSuffix(last, ",")
}

// lineItems makes a list of a paragraph written one instruction a line:
// three lines or more, each opening with a capital or a digit and none
// ending on a word that runs on ("Sit, knee bent, foot flat." over "Both
// thumbs up the middle line of the calf /// x5" over "Pinch and lift the
// outer calf …"). Prose wrapped at a width breaks mid-phrase and opens
// most lines in lower case; a line a move is an item, and nothing merges
// across items.
func lineItems(bs []*block) []*block {
	var out []*block
	for _, b := range bs {
		if b.kind != bPara || b.caption || len(b.starts) < 3 || !eachLineStands(b) {
			out = append(out, b)
			continue
		}
		for i, st := range b.starts {
			end := len(b.text)
			if i+1 < len(b.starts) {
				end = b.starts[i+1].off - 1
			}
			t := strings.TrimSpace(b.text[st.off:end])
			it := &block{kind: bItem, line: st.line, text: t, starts: []lineStart{{0, st.line}}}
			if i == 0 {
				it.title = b.title
			}
			out = append(out, it)
		}
	}
	return out
}

// eachLineStands reports a block whose every line opens with a capital or
// a digit and ends on no word that runs on to the next line.
func eachLineStands(b *block) bool {
	for i, st := range b.starts {
		end := len(b.text)
		if i+1 < len(b.starts) {
			end = b.starts[i+1].off - 1
		}
		line := strings.TrimSpace(b.text[st.off:end])
		if line == "" || !(startsUpper(line) || line[0] >= '0' && line[0] <= '9') {
			return false
		}
		fs := strings.Fields(strings.ToLower(line))
		if runsOn[strings.Trim(fs[len(fs)-1], "\"'*_")] {
			return false
		}
	}
	return true
}

// runsOn are words a line broken in mid-sentence ends on.
var runsOn = wordSet("a an the and or but of to with in on at for from by your my his her their its this that as than into onto over under")

func lastLine(b *block) string {
	return b.text[b.starts[len(b.starts)-1].off:]
}

// leadsList reports a line that ends with a colon and reads as a sentence
// that opens a list ("Do not massage and call us if you have:"), not as a
// heading ("What you need:").
func leadsList(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ":") && len(strings.Fields(s)) >= 6
}

// firstTitle reports a first line that reads as a title: at most 16 words,
// not ending as a statement does.
func firstTitle(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "\"'”’)]*_ ")
	if s == "" || len(strings.Fields(s)) > 16 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', '!', ',', ';', ':', '…':
		return false
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// brokenWord reports a line that ends in a word broken with a hyphen
// before a line that goes on in small letters ("fore-" / "arm"), and the
// broken word's first part; compounds that keep their hyphen ("self-",
// "well-") are not joined.
func brokenWord(text, next string) (string, bool) {
	if len(text) < 3 || text[len(text)-1] != '-' || next == "" {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(r) {
		return "", false
	}
	k := len(text) - 1
	for k > 0 && unicode.IsLetter(rune(text[k-1])) && text[k-1] < utf8.RuneSelf {
		k--
	}
	w := text[k : len(text)-1]
	if len(w) < 2 || keepHyphen[strings.ToLower(w)] || !unicode.IsLower(rune(w[len(w)-1])) {
		return "", false
	}
	return w, true
}

var keepHyphen = wordSet("self well half non co re pre anti semi multi one two three four five six ten twenty thirty x")

// lineAt gives the input line of a byte offset in the block's text.
func (b *block) lineAt(off int) int {
	n := b.line
	for _, s := range b.starts {
		if s.off > off {
			break
		}
		n = s.line
	}
	return n
}

// abbrevs end in a full stop that does not end a sentence.
var abbrevs = map[string]bool{"e.g": true, "i.e": true, "eg": true, "ie": true, "etc": false,
	"vs": true, "dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "approx": true,
	"min": true, "mins": true, "sec": true, "secs": true, "no": true, "fig": true, "cf": true,
	"jr": true, "sr": true, "prof": true, "inc": true, "ltd": true, "co": true, "ca": true}

// splitSentences cuts a block's text into sentences.
func splitSentences(b *block) {
	lines := unpunctuatedLines(b)
	if cuts := runOnCuts(b.text); cuts != nil && !lines {
		// a spoken transcript with no full stops at all, its lines cut
		// anywhere: cut where a new instruction or clause starts (a chat
		// written a sentence a line keeps its lines)
		start := 0
		for _, c := range cuts {
			splitRange(b, start, c)
			start = c
		}
		splitRange(b, start, len(b.text))
		return
	}
	if !lines {
		start := 0
		for _, end := range shortLineEnds(b) {
			splitRange(b, start, end)
			start = end + 1
		}
		splitRange(b, start, len(b.text))
		return
	}
	// A chat or forum reply with no full stops: each line is a sentence.
	for i, st := range b.starts {
		end := len(b.text)
		if i+1 < len(b.starts) {
			end = b.starts[i+1].off - 1
		}
		splitRange(b, st.off, end)
	}
}

// runOnMin is the fewest words of a block read as a transcript with no
// full stops: shorter runs are headings, list items or chat lines.
const runOnMin = 40

// runOnCuts finds where the sentences of a spoken transcript written with
// no full stops start ("… a tight back or hip Lie down on your back put
// the tennis ball underneath your right butt make sure …"): before
// "then", "so", "now" and "if", and before a verb of an instruction in
// its bare form after a word that cannot lead into it ("butt make",
// "knee then lean"). It returns nil for any text with a full stop, a
// question or an exclamation mark, or shorter than runOnMin words.
func runOnCuts(text string) []int {
	if strings.ContainsAny(text, ".!?") {
		return nil
	}
	type word struct {
		w   string
		off int
	}
	var ws []word
	for i := 0; i < len(text); {
		for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
			j++
		}
		if j > i {
			ws = append(ws, word{strings.ToLower(strings.Trim(text[i:j], ",;:\"'()")), i})
		}
		i = j
	}
	if len(ws) < runOnMin {
		return nil
	}
	var cuts []int
	last := 0
	for k := 1; k < len(ws); k++ {
		w, prev := ws[k].w, ws[k-1].w
		cut := false
		switch {
		case w == "then" || w == "so" || w == "now" || w == "if" || w == "okay":
			cut = prev != "and" && prev != "or" && prev != "even" && prev != "just" && prev != "not"
		case w == "you" && k+1 < len(ws) && youModals[ws[k+1].w]:
			// "… stay for a while you can move the ball …"; not after "that",
			// which may be the object of what went before
			cut = !leadsIntoVerb[prev] && prev != "that"
		default:
			v, ok := verbs[w]
			cut = ok && v.base == w && v.c != vNone && v.c != vAsk && !leadsIntoVerb[prev] && !isVerbWord(prev)
		}
		if cut && k-last >= 3 {
			cuts = append(cuts, ws[k].off)
			last = k
		}
	}
	return cuts
}

// youModals open a new clause after "you" in a transcript: "you can move …".
var youModals = wordSet("can may might should want will could")

// leadsIntoVerb are the words after which a verb goes on the same clause.
var leadsIntoVerb = wordSet("to you we i they he she can will would should could may might must and or not " +
	"don't can't please just also then let's it's you'll we'll gently slowly the a an your my their his her " +
	"this that these those more less much very")

// isVerbWord reports a word the verb lists hold in any form.
func isVerbWord(w string) bool {
	v, ok := verbs[w]
	return ok && v.c != vNone
}

// shortLineEnds are the ends of a block's short lines with no full stop
// that a line opening with a capital follows ("Hold: 30 seconds  Repeat:
// 3 times" over "Do not bounce."): each ends a sentence.
func shortLineEnds(b *block) []int {
	var out []int
	for i := 0; i+1 < len(b.starts); i++ {
		end := b.starts[i+1].off - 1
		line := strings.TrimSpace(b.text[b.starts[i].off:end])
		if line == "" || strings.ContainsAny(line[len(line)-1:], ".!?:;,") || len(strings.Fields(line)) > 6 {
			continue
		}
		if next := b.text[b.starts[i+1].off:]; startsUpper(next) || next != "" && next[0] >= '0' && next[0] <= '9' {
			out = append(out, end)
		}
	}
	return out
}

// capsTitle reports a short line in capitals: "CALF STRETCH ON A STAIR".
func capsTitle(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3 && len(strings.Fields(s)) <= 8 && !strings.ContainsAny(s, ".!?")
}

// unpunctuatedLines reports a block of three lines or more none of which
// (the last aside) ends a sentence: its line ends are its sentence ends.
func unpunctuatedLines(b *block) bool {
	if len(b.starts) < 3 {
		return false
	}
	for i := 0; i+1 < len(b.starts); i++ {
		line := strings.TrimSpace(b.text[b.starts[i].off:max(b.starts[i].off, b.starts[i+1].off-1)])
		if line == "" || strings.ContainsAny(line[len(line)-1:], ".!?:;,") || endsWithin(line) || endsMidPhrase(line) {
			// a full stop inside a line says the writer ends sentences
			// with them: prose wrapped at a width ("… before you begin.
			// A swollen, hot or painful calf after")
			return false
		}
	}
	return true
}

// endsWithin reports a sentence that ends inside the line: a full stop, a
// question or an exclamation mark, then a space and a capital.
func endsWithin(line string) bool {
	for i := 0; i+2 < len(line); i++ {
		if (line[i] == '.' || line[i] == '?' || line[i] == '!') && line[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(line[i+2:])
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// splitRange cuts the block's text from start to end into sentences.
func splitRange(b *block, start, end int) {
	t := b.text[:end]
	// A writer who opens with a small letter ("ok move her to the bed.
	// towel over her legs.") opens each sentence so.
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(t[start:], " \t\n"))
	lowerStyle := (unicode.IsLower(first) || lowerStops(t[start:])) && !b.row
	stopless := !b.row && strings.ContainsAny(t[start:], ".!?")
	for i := start; i < len(t); i++ {
		c := t[i]
		if n := spaceCut(t, start, i, stopless); n > 0 {
			addSentence(b, start, i)
			start = i + n
			i = start - 1
			continue
		}
		if c != '.' && c != '!' && c != '?' && !(c == 0xe2 && strings.HasPrefix(t[i:], "…")) {
			continue
		}
		j := stopEnd(t, i)
		if j < len(t) && t[j] != ' ' {
			continue
		}
		if c == '.' && isAbbrev(t[start:i]) && !unitEnds(t[start:i]) {
			continue
		}
		k := j
		for k < len(t) && t[k] == ' ' {
			k++
		}
		if k < len(t) {
			r, _ := utf8.DecodeRuneInString(t[k:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘(", r) || lowerStyle && c == '.' && unicode.IsLower(r) || c == '.' && j == i+1 && (i == 0 || t[i-1] != '.') && lowerOpens(t[k:]) ||
				unicode.Is(unicode.So, r) && symbolOpens(t[k:])) { // "… three times. ◘ Slowly turn …": a marker no list knows
				continue
			}
		}
		addSentence(b, start, j)
		start = k
		i = k - 1
	}
	addSentence(b, start, len(t))
}

// stopEnd is where the stop at t[i] ends, with the stops, quotes and
// brackets that close on it: "… rest.”" ends after the quote.
func stopEnd(t string, i int) int {
	j := i + 1
	if t[i] == 0xe2 {
		j = i + len("…")
	}
	for j < len(t) && strings.ContainsRune(".!?\"')]”’*_", rune(t[j])) {
		j++
	}
	for j < len(t) && (strings.HasPrefix(t[j:], "”") || strings.HasPrefix(t[j:], "’")) {
		j += 3
	}
	return j
}

// spaceCut is how many bytes from a space at t[i] to skip where a
// sentence ends there with no stop, or 0: "… of your shin bone Now with
// your thumbs work …", or a notice's items "NOT ON A FRESH SPRAIN · STOP
// IF NUMB OR TINGLING ·".
func spaceCut(t string, start, i int, stopless bool) int {
	if t[i] != ' ' {
		return 0
	}
	if stopless && missingStop(t[start:i], t[i+1:]) {
		return 1
	}
	if n := dotSeparator(t[i:]); n > 0 && shouted(t[start:i]) {
		if next := nextItem(t[i+n:]); next == "" || shouted(next) {
			return n // the next item in capitals too, or none on this line
		}
	}
	return 0
}

// shouted reports a piece of text written in capitals, as a label's or a
// notice's items are ("NOT ON A FRESH SPRAIN · STOP IF NUMB OR TINGLING
// ·"); a heading's "Sunday 3 August · 2.30 pm" stays whole.
func shouted(piece string) bool {
	return strings.ContainsFunc(piece, unicode.IsUpper) && !strings.ContainsFunc(piece, unicode.IsLower)
}

// nextItem is the text up to the next middle dot or line's end: the item
// after a separator, "" when the separator closes the line.
func nextItem(t string) string {
	if k := strings.IndexAny(t, "·\n"); k >= 0 {
		t = t[:k]
	}
	return strings.TrimSpace(t)
}

// dotSeparator is the length of a middle dot between spaces
// that parts the items of a line ("DRY YOUR HANDS FIRST · RINSE BAND IN
// FRESH WATER ·"), at the start of t, or 0.
func dotSeparator(t string) int {
	for _, sep := range []string{" · ", " ·\n"} {
		if strings.HasPrefix(t, sep) {
			return len(sep)
		}
	}
	if t == " ·" {
		return len(t)
	}
	return 0
}

// symbolOpens reports a symbol, then a capital: a sentence opened by a
// marker of its own ("◘ Slowly turn your head …").
func symbolOpens(t string) bool {
	_, size := utf8.DecodeRuneInString(t)
	rest := strings.TrimLeft(t[size:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// lowerOpens reports a sentence opened in small letters by a slip, after a
// full stop: "… all over the back. then gently comb …", ". now knead …".
func lowerOpens(t string) bool {
	end := strings.IndexAny(t, " ,")
	if end < 0 || end > 12 {
		return false
	}
	w := t[:end]
	switch w {
	case "then", "now", "next", "finally", "lastly", "repeat", "afterwards":
		return true
	}
	return false
}

// missingStop reports a sentence's end with no full stop, in prose that
// has them elsewhere: a word that opens a sentence, with a capital
// ("Now", "You", "If", "Repeat"), after at least four words of a clause
// in small letters, and followed by a word in small letters ("… of your
// shin bone Now with your thumbs …", "… this area too If you find …").
// A title in capitals ("How to Give a Foot Massage") has no clause of
// small letters before it.
func missingStop(before, after string) bool {
	// a few words either side are all it reads: it is asked at every
	// space of a block
	if len(after) > 80 {
		after = after[:80]
	}
	if len(before) > 200 {
		before = before[len(before)-200:]
	}
	fa := strings.Fields(after)
	if len(fa) < 3 || !stopOpeners[fa[0]] || !startsLower(fa[1]) || fa[1] == "and" || fa[1] == "or" {
		return false
	}
	if k := strings.LastIndexAny(before, ".!?:;\n"); k >= 0 {
		before = before[k+1:]
	}
	fb := strings.Fields(before)
	if len(fb) < 4 {
		return false
	}
	for _, w := range fb[len(fb)-4:] {
		if !startsLower(strings.TrimLeft(w, "(\"'“‘")) {
			return false
		}
	}
	last := strings.ToLower(strings.TrimRight(fb[len(fb)-1], ")"))
	return !leadsIntoVerb[last] && !midPhrase[last]
}

// stopOpeners open a sentence and are read so with a capital after a
// clause in small letters.
var stopOpeners = wordSet("Now Then Next Finally Repeat You If Once When This Continue Start Begin " +
	"Use Place Hold Keep Press Move Work Slide Rub Get Make Put Take Do Don't Try Gently Slowly Lightly " +
	"Never Always Avoid Stop")

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// lowerStops reports a text whose full stops are mostly followed by a
// small letter ("… with them. pair up with someone. one of you lies …"):
// a transcript or chat that opens its sentences so after a heading-like
// start.
func lowerStops(t string) bool {
	lower, upper := 0, 0
	for i := 0; i+2 < len(t); i++ {
		if t[i] != '.' || t[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t[i+2:])
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r):
			upper++
		}
	}
	return lower >= 3 && lower > 2*upper
}

func addSentence(b *block, from, to int) {
	raw := b.text[from:to]
	s := strings.TrimSpace(raw)
	if s == "" || !strings.ContainsFunc(s, unicode.IsLetter) && !strings.ContainsFunc(s, unicode.IsDigit) {
		return
	}
	off := from + len(raw) - len(strings.TrimLeft(raw, " \t\n"))
	b.sents = append(b.sents, &sentence{text: s, line: b.lineAt(from), b: b, idx: len(b.sents), off: off})
}

// unitEnds reports a time's unit written short after its number, where a
// capital follows: "Press and hold, 3 x 10 sec. Not if …" ends there, as
// "10 min." does in "Rest for 10 min. Then …".
func unitEnds(before string) bool {
	f := strings.Fields(before)
	if len(f) < 2 {
		return false
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "sec", "secs", "min", "mins":
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[len(f)-2])
	return unicode.IsDigit(r)
}

// isAbbrev reports whether the text before a full stop ends in an
// abbreviation or an initial ("Dana K.").
func isAbbrev(before string) bool {
	k := strings.LastIndexAny(before, " (")
	w := before[k+1:]
	if w == "" {
		return false
	}
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return true
	}
	return abbrevs[strings.ToLower(w)]
}

// gerundTitle reports a title opened by a gerund: "Squeezing the calf",
// "Kneading the thigh".
func gerundTitle(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && len(f) <= 5 && len(f[0]) > 5 && strings.HasSuffix(strings.ToLower(f[0]), "ing")
}
