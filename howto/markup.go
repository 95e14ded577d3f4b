package howto

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type lkind uint8

const (
	lText lkind = iota
	lHeading
	lItem
	lBlank
)

var (
	reATX    = regexp.MustCompile(`^#{1,6}\s+`)
	reSetext = regexp.MustCompile(`^(=+|-+)\s*$`)
	reRule   = regexp.MustCompile(`^([-*_]\s*){3,}$`)
	reBullet = regexp.MustCompile(`^([-*+•·▪●◦‣∙→➔➜➤▶►▸▹■□○›×✓✔✗✘⇒»~]|–|—|->|=>)\s+`)
	// reCheckbox is a box of a checklist or a Markdown task list: "[ ] Sit.",
	// "[x] Thumbs.", "☐ Heel squeeze", "( ) Sit tall" (a board's checklist).
	reCheckbox = regexp.MustCompile(`^(\[[ xX✓✔]?\]|\( ?[xX✓✔]?\)|[☐☑☒□■✓✔])\s+`)
	// "1. ", "1) ", "1.) ", "6-Finish …" (numberedItem)
	// reNumberedTight is a number and a full stop with no space before
	// a capital: "4.Slowly make …" (not "2.5 cm")
	reNumberedTight = regexp.MustCompile(`^\d{1,3}\.()\p{Lu}\p{Ll}`)
	reOutline       = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+`)
	reNumbered      = regexp.MustCompile(`^\(?(\d{1,3})(\.\)\s*|[.):]\s+|-\s*|\s+/\s+|/\s+)`) // … "2/ Squeeze …"
	reLettered      = regexp.MustCompile(`^\(?[a-h]\)\s+`)                                    // "a) Lay your hands …", "(b) Stroke …"
	// reCircled is a list's number in a circle: "① Place your right foot …", "❷ Squeeze …".
	reCircled = regexp.MustCompile(`^[\x{2460}-\x{2473}\x{2776}-\x{2793}]\s*`)
	// reCapLettered is a capital letter and a full stop or bracket leading
	// a line: "B. Lay both hands …", "C) Press …".
	reCapLettered = regexp.MustCompile(`^[A-H][.)]\s+`)
	// reBracketed is a number in square brackets leading a line: "[2]
	// Petrissage: …" (marks) or "[3] Stroke …".
	reBracketed = regexp.MustCompile(`^\[\d{1,2}\]\s+`)
	// reBareNumbered is a number and a gap before a capitalised word, with
	// no stop or bracket: "1  Put a hand on the post …" over "2  Make loose
	// fists …".
	reBareNumbered = regexp.MustCompile(`^\d{1,2}\s+\p{Lu}\p{Ll}`) // not "1  VOCABULARY  Match the words …", a workbook's numbered sections
	reDayMonth     = regexp.MustCompile(`^\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)`)
	// reRoman is a list's Roman numeral: "I. Place …", "(iv) Pinch …", "ii) Sweep …".
	reRoman   = regexp.MustCompile(`^(\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|(?:i{1,3}|iv|vi{0,3}|ix|x|I{1,3}|IV|VI{0,3}|IX|X)[.)])\s+`)
	reSpeaker = regexp.MustCompile(`^\p{Lu}[\p{L}'.-]*( \p{Lu}[\p{L}'.-]*)?( \([^)]{1,20}\))?:\s+`)
	reStep    = regexp.MustCompile(`(?i)^(step|scene|stage|move|exercise|station|drill)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b\s*[:.)\-–—]?\s*`)
	// reWikiHeading is a wiki's heading: "== Routine ==".
	reWikiHeading = regexp.MustCompile(`^={2,6}[^=].*[^=]={2,6}$`)
	// reWikiLink is a wiki's link: "[[Calf rub]]", "[[User:Bex_R|Bex]]".
	reWikiLink = regexp.MustCompile(`\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]`)
	reImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	reLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	reURL      = regexp.MustCompile(`(?i)(https?://|www\.)[^\s)\]]+`)
	reAuto     = regexp.MustCompile(`<(https?://|mailto:)[^>]*>`)
	reRefDef   = regexp.MustCompile(`^\[[^\]]+\]:\s*\S+`)
	// reCite is an encyclopedia's note mark on the word or stop before it:
	// "… for about a minute.[2]", "… as the manual says[4][7]", "[citation
	// needed]" (not "[1] Rub …" opening a line: a list's number).
	reCite = regexp.MustCompile(`([^\s\[])((?:\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed|clarification needed|by whom\?|when\?|who\?|according to whom\?)\])+)`)
	// reStamp is a transcript's time stamp opening a line: "[01:05]", "00:36",
	// and a chat export's with its date: "[05/12/2026, 21:02] ", "5/12/26, 9:02 pm - ".
	reStamp = regexp.MustCompile(`^\[?\(?((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},?\s+)?\d{1,2}:\d{2}(:\d{2})?(\s?[AaPp]\.?[Mm]\.?)?\)?\]?\s+(-\s+)?`)
	// reSpeakerStamp is a message's sender then its time, as a thread
	// copied out of a phone writes them: "Kat 19:44: ok move her to the bed".
	reSpeakerStamp = regexp.MustCompile(`^\p{Lu}[\p{L}'.-]*( \p{Lu}[\p{L}'.-]*)? \d{1,2}:\d{2}(\s?[AaPp]\.?[Mm]\.?)?:\s+`)
	// reStampLine is a line that holds only a time stamp, as captions
	// put them: "0:19", "[01:05]", "00:01:12,400 --> 00:01:15,000".
	reStampLine = regexp.MustCompile(`^\[?\(?\d{1,2}:\d{2}(:\d{2})?([.,]\d{1,3})?\)?\]?(\s*(-->|–|-)\s*\d{1,2}:\d{2}(:\d{2})?([.,]\d{1,3})?)?$`)
	// reBoxRule is a ruled line of a table or a box drawn in text:
	// "+------+", "|------|-----|", "| :--- | ---: |".
	reBoxRule = regexp.MustCompile(`^[|+]?[\s:|+=-]*-{3}[\s:|+=-]*$`)
)

// textLines reads plain text or Markdown into lines.
func textLines(s string) []line {
	raw := outlineLines(strings.Split(s, "\n"))
	tl := &textLiner{raw: raw, out: make([]line, 0, len(raw)), lastItem: -1, csv: csvRows(s, len(raw)), speakers: scriptSpeakers(raw)}
	for i := range raw {
		tl.read(i)
	}
	return tl.out
}

// reCapsSpeaker is a speaker's name in capitals opening a line of a
// script or transcript: "DEV: So I turned forty …", "DR PATEL: …".
var reCapsSpeaker = regexp.MustCompile(`^(\p{Lu}{2,}(?: \p{Lu}{2,})?):\s+`)

// reStage is a stage direction in square brackets, as a transcript marks
// what the audience did: "[laughter]", "[big laughter]", "[applause]".
var reStage = regexp.MustCompile(`\[(?:\p{Ll}+ )?(?:laughter|laughs|applause|claps|cheers|cheering|pause|music|silence|crosstalk|inaudible|sighs|groans)(?: \p{Ll}+)?\]`)

// reCueTag is a subtitle file's tag inside a cue: WebVTT's voice
// ("<v Maya>"), class, italic or bold spans and their ends.
var reCueTag = regexp.MustCompile(`</?(?:v|c|i|b|u|lang|ruby|rt)(?:\.[\w.-]+)*(?:\s[^<>]{0,40})?>`)

// rePause is a pause marked in a script to be read aloud, "//" standing
// alone between sentences.
var rePause = regexp.MustCompile(`(^|\s)//+(\s|$)`)

// rePicture is a picture's place held in brackets, as a printed card or a
// page without its images shows it: "[pictogram: seat]", "[Image: a hand
// on the calf]", "[photo]".
var rePicture = regexp.MustCompile(`(?i)\[(?:pictogram|image|img|photo|picture|illustration|diagram|figure|fig\.?|drawing|icon|gif|video)\b[^\]]{0,120}\]`)

// labelHeads are words in capitals that open a line as its label, not as
// who speaks: "NOTE: …", "STEP 2: …", "WARNING: …".
var labelHeads = wordSet("note notes tip tips step warning warnings caution cautions important " +
	"do don't dont never avoid stop why how what when where who you me us them q a p.s ps nb " +
	"myth fact true false method ingredients equipment time serves aim position prep preparation safety contraindications")

// scriptSpeakers finds the speakers of a script or transcript: a name in
// capitals that opens two lines or more and is no label ("NOTE:").
func scriptSpeakers(raw []string) map[string]bool {
	seen := map[string]int{}
	for _, r := range raw {
		if m := reCapsSpeaker.FindStringSubmatch(strings.TrimSpace(r)); m != nil && !labelHeads[strings.ToLower(m[1])] {
			seen[m[1]]++
		}
	}
	var sp map[string]bool
	for k, n := range seen {
		if n >= 2 {
			if sp == nil {
				sp = map[string]bool{}
			}
			sp[k] = true
		}
	}
	return sp
}

// textLiner reads a plain-text or Markdown text line by line.
type textLiner struct {
	raw        []string
	out        []line
	inFence    bool
	lastItem   int             // the latest list item, or -1
	lastIndent int             // how far it was indented
	caption    bool            // the line before was a time stamp on its own
	csv        [][]string      // a spreadsheet's cells by line (read_csv.go), or nil
	runs       []int           // per line, how many "#" lines end there in a row (hashNum)
	quotes     []bool          // per line, whether its run of ">" lines reads as a list (quoteItem)
	speakers   map[string]bool // a script's speakers in capitals ("DEV"), see scriptSpeakers
}

func (tl *textLiner) blank(n int) { tl.out = append(tl.out, line{n: n, kind: lBlank}) }

// read reads raw line i.
func (tl *textLiner) read(i int) {
	r := tl.raw[i]
	t := strings.TrimSpace(r)
	if strings.Contains(t, "<") {
		t = strings.TrimSpace(reCueTag.ReplaceAllString(t, "")) // "<v Maya>Roll the whole sole …"
	}
	if tl.skip(i, t) {
		return
	}
	l := line{n: i + 1, kind: lText}
	t = tl.readSpoken(&l, i, t)
	t, ok := tl.rowOrMessage(&l, i, t)
	if !ok {
		tl.blank(i + 1)
		return
	}
	t = tl.listMarker(&l, i, t)
	t = inline(t)
	if strings.Contains(t, "[") {
		t = strings.TrimSpace(rePicture.ReplaceAllString(t, " "))
	}
	readLeadIn(&l, t)
	switch l.kind {
	case lItem:
		tl.lastItem, tl.lastIndent = len(tl.out), indent(r)
	case lText:
		if tl.lastItem >= 0 {
			tl.lastItem = len(tl.out) // a line that goes on with the item
		}
	default:
		tl.lastItem = -1
	}
	tl.out = append(tl.out, l)
}

// readSpoken strips what frames a line quoted or spoken (the ">" of a
// quote, a script's speaker, stage directions, a script's pauses) and
// makes the line an item when it is a quoted list's, a caption's or a
// speaker's turn.
func (tl *textLiner) readSpoken(l *line, i int, t string) string {
	quoted := strings.HasPrefix(t, ">")
	for strings.HasPrefix(t, ">") {
		t = strings.TrimSpace(t[1:])
	}
	if quoted && tl.quoteItem(i) {
		l.kind = lItem // "> thumbs side by side, press into the calf …" a line: ">" used as a bullet
	}
	if tl.caption {
		l.kind, l.caption = lItem, true
		tl.caption = false
	}
	if m := reCapsSpeaker.FindStringSubmatch(t); m != nil && tl.speakers[m[1]] {
		// "DEV: First you hug both knees …": a line of a script, a turn
		// that stands alone as a chat's message does
		t, l.kind = t[len(m[0]):], lItem
	}
	if strings.Contains(t, "[") {
		t = reStage.ReplaceAllString(t, " ")
	}
	if strings.Contains(t, "//") {
		t = rePause.ReplaceAllString(t, " ") // "… five times. //": a script's pause
	}
	return t
}

// readLeadIn reads the title and step number that lead in the line's
// text t (a table row's title stands when there is none), and settles
// what kind of line it is: an item when titled or numbered, a heading
// when it is only a title, a blank when nothing is left.
func readLeadIn(l *line, t string) {
	rowTitle := l.title
	t, l.title, l.num = leadIn(t, l.num)
	if l.title == "" {
		l.title = rowTitle
	}
	if (l.title != "" || l.num != 0) && l.kind == lText {
		l.kind = lItem
	}
	if t == "" && l.title != "" && l.kind != lHeading {
		l.kind, t, l.title = lHeading, l.title, ""
	}
	l.text = t
	if l.text == "" && l.kind != lHeading {
		l.kind = lBlank
	}
}

// codeFence reports a line that opens or closes a Markdown code block:
// three to eight backticks or tildes, perhaps with the block's language
// after them. A longer row with nothing after it is drawn round a notice
// ("~~~~~~~~~~~~~~~~~~~~" above and below a bus stop's shoulder routine),
// not a fence: reading it as one lost every line between. So is a title
// drawn between two such runs ("~~~ HARLOW VALE WALKING FESTIVAL ~~~").
func codeFence(t string) bool {
	if !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "~~~") {
		return false
	}
	run := len(t) - len(strings.TrimLeft(t, t[:1]))
	tail := strings.TrimSpace(t[run:])
	if tail != "" && strings.HasSuffix(tail, t[:3]) {
		return false
	}
	return run <= 8 || tail != ""
}

// fenceCloses reports whether a fence line after line i closes the block
// that line i opens. A fence that never closes is not a code block in a
// page pasted as text: read as one, it hid the rest of the page.
func (tl *textLiner) fenceCloses(i int) bool {
	for _, r := range tl.raw[i+1:] {
		if codeFence(strings.TrimSpace(r)) {
			return true
		}
	}
	return false
}

// skip reads a line that holds no text of its own (a fence, a blank, a
// caption's time stamp, a setext underline, a rule) and reports it.
func (tl *textLiner) skip(i int, t string) bool {
	n := i + 1
	switch {
	case codeFence(t) && (tl.inFence || tl.fenceCloses(i)):
		tl.inFence = !tl.inFence
	case strings.Trim(t, "~") == "":
		// a long row of tildes drawn round a notice is a rule, no fence
	case t == "" || tl.inFence || reRefDef.MatchString(t):
		tl.caption = false
	case reStampLine.MatchString(t):
		// A caption's time stamp on a line of its own starts the caption
		// under it: each caption stands alone, as a chat's lines do.
		tl.caption = true
	case reSetext.MatchString(t) && len(tl.out) > 0 && tl.out[len(tl.out)-1].kind == lText && (i == 0 || strings.TrimSpace(tl.raw[i-1]) != ""):
		// A setext underline turns the line above into a heading; under
		// a paragraph of sentences it only parts it from the next one.
		if above := tl.out[len(tl.out)-1].text; len(strings.Fields(above)) <= 12 || !strings.ContainsAny(strings.TrimSpace(above), ".!?") {
			tl.out[len(tl.out)-1].kind = lHeading
		}
	case reRule.MatchString(t) || strings.Contains(t, "---") && reBoxRule.MatchString(t):
	default:
		return false
	}
	tl.blank(n)
	return true
}

// rowOrMessage reads a chat message or transcript line, and a table row or
// a line of a box; it reports false for a line that is left out (a
// table's header, an empty row).
func (tl *textLiner) rowOrMessage(l *line, i int, t string) (string, bool) {
	raw := tl.raw
	t = tl.messageStamp(l, i, t)
	// A row of a table ("| tennis ball | a lacrosse ball is firmer |")
	// is an item of its cells; a line of a box drawn with bars ("| Do
	// not massage if … |") is the text inside it.
	cells, ok := tableCells(t)
	if !ok && strings.Contains(raw[i], "\t") {
		cells, ok = tl.tabCells(i)
		if ok && tl.tabHeader(i) {
			return "", false // the header row of a sheet pasted as text
		}
	}
	if tl.csv != nil {
		cells, ok = tl.csv[i], true
		if len(cells) == 0 {
			return "", false // the header row, an empty row
		}
		l.kind = lItem
	}
	if !ok {
		return t, true
	}
	if len(cells) > 1 {
		l.kind = lItem
		// The row over the ruled line is the table's header.
		if i+1 < len(raw) && strings.Contains(raw[i+1], "|") && reBoxRule.MatchString(strings.TrimSpace(raw[i+1])) {
			return "", false
		}
	}
	var cell string
	l.row = len(cells) > 1
	t, l.num, cell = rowText(cells)
	if cell != "" {
		l.title = cell
	}
	return t, t != ""
}

// messageStamp strips the sender and time stamp of a chat's message or
// a transcript's line; the line is an item of its own when a line next
// to it is stamped too.
func (tl *textLiner) messageStamp(l *line, i int, t string) string {
	raw := tl.raw
	if m := reSpeakerStamp.FindString(t); m != "" {
		// "Kat 19:44: ok move her to the bed": a message, its sender and
		// time no part of it
		t = t[len(m):]
		if i+1 < len(raw) && reSpeakerStamp.MatchString(strings.TrimSpace(raw[i+1])) || i > 0 && reSpeakerStamp.MatchString(strings.TrimSpace(raw[i-1])) {
			l.kind = lItem
		}
	} else if stamp := stampOf(t); stamp != "" {
		// A message of a chat or a line of a transcript stands alone:
		// "[09:14] Aisha: then hold your left hand palm up …".
		t = reSpeaker.ReplaceAllString(t[len(stamp):], "")
		if i+1 < len(raw) && stampOf(strings.TrimSpace(raw[i+1])) != "" || i > 0 && stampOf(strings.TrimSpace(raw[i-1])) != "" {
			l.kind = lItem
		}
	}
	return t
}

// listMarker reads a heading's or a list item's marker (a bullet, a
// number, a letter, a check box, an emoji among others) and a list nested
// in an item.
func (tl *textLiner) listMarker(l *line, i int, t string) string {
	if m := reNumberedTight.FindStringSubmatchIndex(t); m != nil {
		t = t[:m[3]] + " " + t[m[3]:] // "4.Slowly make soft movements …": the space the writer left out
	}
	// A line led by an emoji, among others like it, is an item of a
	// list that uses emoji as bullets: "🌀 Circle clockwise …".
	if rest, ok := emojiLead(t); ok && (emojiLine(tl.raw, i-1) || emojiLine(tl.raw, i+1)) {
		l.kind = lItem
		t = rest
	}
	// The kinds of marker are tried in order; the first that reads one
	// wins.
	for _, read := range []func(*line, int, string) (string, bool){
		tl.listMarkerHead, tl.listMarkerPaired, tl.listMarkerNumbered,
	} {
		if rest, ok := read(l, i, t); ok {
			t = rest
			break
		}
	}
	tl.listMarkerNested(l, i)
	return t
}

// listMarkerHead reads a heading's mark ("# ", "== Routine ==") or a
// bullet or check box, and reports whether it found one.
func (tl *textLiner) listMarkerHead(l *line, i int, t string) (string, bool) {
	switch {
	case tl.hashItem(i):
		// "# Put both hands flat just above the knee and stroke …" among
		// others like it: a wiki's numbered list, not headings
		l.kind, l.num = lItem, tl.hashNum(i)
		t = strings.TrimSpace(t[1:])
	case reWikiHeading.MatchString(t):
		l.kind = lHeading // "== Routine ==", a wiki's heading
		t = strings.TrimSpace(strings.Trim(t, "="))
	case reATX.MatchString(t):
		l.kind = lHeading
		t = strings.TrimRight(reATX.ReplaceAllString(t, ""), "# ")
	case reBullet.MatchString(t) && !tildeBanner(t) && !toggleTitle(t):
		l.kind = lItem
		t = reBullet.ReplaceAllString(t, "")
		t = reCheckbox.ReplaceAllString(t, "") // "- [ ] Sit."
	case reCheckbox.MatchString(t):
		l.kind = lItem
		t = reCheckbox.ReplaceAllString(t, "")
	default:
		return t, false
	}
	return t, true
}

// listMarkerPaired reads an item's letter, double hyphen, marks or bare
// number, most of them an item's only when a line next to it has one
// too, and reports whether it found one.
func (tl *textLiner) listMarkerPaired(l *line, i int, t string) (string, bool) {
	bare := bareNumber(t) // "2  Make loose fists …", or -9
	switch {
	case len(t) > 2 && (t[0] == '(' || t[1] == ')') && reLettered.MatchString(t):
		l.kind = lItem
		t = reLettered.ReplaceAllString(t, "")
	case strings.HasPrefix(t, "-- ") && tl.neighbourMatches(i, func(r string) bool { return strings.HasPrefix(r, "-- ") }):
		// "-- Long strokes from her fingertips …" over "-- Thumbs wiggling
		// …": a list typed with double hyphens
		l.kind = lItem
		t = strings.TrimSpace(t[3:])
	case reCapLettered.MatchString(t) && tl.neighbourMatches(i, reCapLettered.MatchString):
		// "A. Sit sideways on the bench …" over "B. Companion: lay both
		// hands …": a list lettered in capitals
		l.kind = lItem
		t = t[len(reCapLettered.FindString(t)):]
	case reBracketed.MatchString(t) && tl.neighbourMatches(i, reBracketed.MatchString):
		// "[2] Petrissage: the candidate kneads …" over "[2] Compressions:
		// …": a mark scheme's lines, each led by its marks or a number
		l.kind = lItem
		t = t[len(reBracketed.FindString(t)):]
	case bare >= 0 && tl.bareNeighbour(i, bare):
		// "1  Put a hand on the post …" over "2  Make loose fists …": a
		// list numbered with no stop, a line before or after it numbered
		// next to it
		l.kind, l.num = lItem, bare
		t = strings.TrimSpace(t[strings.IndexFunc(t, unicode.IsSpace):])
	default:
		return t, false
	}
	return t, true
}

// listMarkerNumbered reads an item's number (circled, Roman, a clause's
// "5.2", "1.", "2)"), and reports whether it found one.
func (tl *textLiner) listMarkerNumbered(l *line, i int, t string) (string, bool) {
	switch {
	case reCircled.MatchString(t):
		l.kind = lItem
		l.num = circledValue(t)
		t = t[len(reCircled.FindString(t)):]
	case tl.romanItem(i, t):
		m := reRoman.FindString(t)
		l.kind = lItem
		l.num = romanValue(strings.Trim(m, "(). "))
		t = t[len(m):]
	case reOutline.MatchString(t) && outlineItem(t):
		// "5.2 Using the palms, stroke …", "3.1.1 a fracture …": a
		// procedure's numbered clauses; a clause's own clauses are its
		// sub-items
		m := reOutline.FindStringSubmatch(t)
		l.kind = lItem
		if strings.Count(m[1], ".") == 1 {
			l.num, _ = strconv.Atoi(m[1][strings.Index(m[1], ".")+1:])
		}
		t = t[len(m[0]):]
	case reNumbered.MatchString(t) && numberedItem(t):
		m := reNumbered.FindStringSubmatch(t)
		l.kind = lItem
		l.num, _ = strconv.Atoi(m[1])
		t = t[len(m[0]):]
	default:
		return t, false
	}
	return t, true
}

// listMarkerNested reads an item indented under the item just before it:
// a list inside a list item.
func (tl *textLiner) listMarkerNested(l *line, i int) {
	if l.kind == lItem && tl.lastItem >= 0 && tl.lastItem == len(tl.out)-1 && indent(tl.raw[i]) > tl.lastIndent+1 {
		// A list inside a list item: under a bare title ("1. Warm-up"
		// over "a) Lay your hands …") the title is a heading; under an
		// instruction ("- 10 slow rolls.") it goes on with the item.
		if p := &tl.out[tl.lastItem]; p.title == "" && shortTitle(p.text) {
			p.kind = lHeading
		} else if !strings.HasSuffix(strings.TrimSpace(p.text), ":") {
			l.kind = lText
		} // else "3. … Writing it down so I don't forget:" over "- wash hands …": the item leads in a list of its own
	}
}

// bareNumber's neighbours: the nearest line before line i numbered with
// no stop, or after it, a few lines away at most, carries the number
// before n or after it; the lines between are blank or indented (an
// item's own lines: "3  Speak Text" over its quoted words).
func (tl *textLiner) bareNeighbour(i, n int) bool {
	for _, step := range []int{-1, 1} {
		for k := i + step; k >= 0 && k < len(tl.raw) && k != i+5*step; k += step {
			r := tl.raw[k]
			if strings.TrimSpace(r) == "" || indent(r) > indent(tl.raw[i]) {
				continue
			}
			if m := bareNumber(strings.TrimSpace(r)); m == n+step {
				return true
			}
			break
		}
	}
	return false
}

// bareNumber is the number of a line numbered with no stop ("2  Make
// loose fists …"), or -9.
func bareNumber(t string) int {
	if !reBareNumbered.MatchString(t) || reDayMonth.MatchString(t) {
		return -9 // "14 Aug - Priya & Sam": a date, a log's entry
	}
	n, _ := strconv.Atoi(t[:strings.IndexFunc(t, unicode.IsSpace)])
	return n
}

// toggleTitle reports a line opened by a small triangle that only names
// what follows ("▸ **2. Thumb walk**", a notes app's toggle): a heading
// over its paragraph, not a list item.
func toggleTitle(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	if r != '▸' && r != '▹' {
		return false
	}
	rest := strings.TrimSpace(t[size:])
	return strings.HasPrefix(rest, "**") || strings.HasPrefix(rest, "__") || shortTitle(stripEmphasis(rest)) && reNumberedHeading.MatchString(rest)
}

// romanItem reports a line numbered with a Roman numeral among others
// like it, the line before or after it numbered so too: "I. Place your
// hands …" over "II. Sweep your palms …". Alone, "I. " may be a sentence.
func (tl *textLiner) romanItem(i int, t string) bool {
	return reRoman.MatchString(t) && tl.neighbourMatches(i, reRoman.MatchString)
}

// neighbourMatches reports whether the line before or after line i, a
// blank line or two apart at most, is one that match accepts.
func (tl *textLiner) neighbourMatches(i int, match func(string) bool) bool {
	for _, step := range []int{-1, 1} {
		k := i + step
		for k >= 0 && k < len(tl.raw) && k != i+3*step && strings.TrimSpace(tl.raw[k]) == "" {
			k += step // a blank line or two between the items
		}
		if k >= 0 && k < len(tl.raw) && match(strings.TrimSpace(tl.raw[k])) {
			return true
		}
	}
	return false
}

// circledValue is the number a circled digit opening t stands for: ①
// to ⑳, ❶ to ❿, ➀ to ➉, ➊ to ➓.
func circledValue(t string) int {
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case r >= 0x2460 && r <= 0x2473:
		return int(r-0x2460) + 1
	case r >= 0x2776 && r <= 0x277F:
		return int(r-0x2776) + 1
	case r >= 0x2780 && r <= 0x2789:
		return int(r-0x2780) + 1
	case r >= 0x278A && r <= 0x2793:
		return int(r-0x278A) + 1
	}
	return 0
}

// romanValue is the number a Roman numeral of a list stands for: a
// numeral before a larger one is taken away ("iv" is 4).
func romanValue(r string) int {
	value := func(c byte) int {
		switch c {
		case 'i', 'I':
			return 1
		case 'v', 'V':
			return 5
		case 'x', 'X':
			return 10
		}
		return 0
	}
	n := 0
	for i := 0; i < len(r); i++ {
		if v := value(r[i]); i+1 < len(r) && value(r[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

// quoteItem reports line i in a run of three lines or more that open
// with ">" and read as a list's items, not a quoted message: each of three
// words or more, none ending a sentence or broken mid-phrase ("> long
// strokes from the ankle up, x10" over "> thumbs side by side, press …").
// A quoted reply is prose, wrapped or with its full stops. Each run is
// read once.
func (tl *textLiner) quoteItem(i int) bool {
	if tl.quotes == nil {
		tl.quotes = make([]bool, len(tl.raw))
		for first := 0; first < len(tl.raw); {
			last := first
			for last < len(tl.raw) && strings.HasPrefix(strings.TrimSpace(tl.raw[last]), ">") {
				last++
			}
			if last-first >= 3 && quoteLines(tl.raw[first:last]) {
				for k := first; k < last; k++ {
					tl.quotes[k] = true
				}
			}
			first = max(last, first+1)
		}
	}
	return tl.quotes[i]
}

// quoteLines reports quoted lines that each read as an item.
func quoteLines(lines []string) bool {
	for _, l := range lines {
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "> "))
		if len(strings.Fields(t)) < 3 || strings.ContainsAny(t[len(t)-1:], ".!?:;,") || endsMidPhrase(t) {
			return false
		}
	}
	return true
}

// hashItem reports line i as an item of a list numbered with "#", as a
// wiki writes one: a "# " line that reads as a sentence (it ends in a
// full stop or runs to eight words), next to another "# " line. A
// Markdown heading says a few words.
func (tl *textLiner) hashItem(i int) bool {
	raw := tl.raw
	if !isHashLine(raw[i]) || !sentenceLike(strings.TrimSpace(raw[i])[2:]) {
		return false
	}
	return i > 0 && isHashLine(raw[i-1]) || i+1 < len(raw) && isHashLine(raw[i+1])
}

func isHashLine(s string) bool {
	return strings.HasPrefix(strings.TrimSpace(s), "# ")
}

// sentenceLike reports text that reads as a sentence, not a title.
func sentenceLike(t string) bool {
	return endsSentence(t) || len(strings.Fields(t)) >= 8
}

// hashNum is the number of a "#" item: its place in its run, counted once
// for the whole text.
func (tl *textLiner) hashNum(i int) int {
	if tl.runs == nil {
		tl.runs = make([]int, len(tl.raw))
		for k, l := range tl.raw {
			if isHashLine(l) {
				tl.runs[k] = 1
				if k > 0 {
					tl.runs[k] += tl.runs[k-1]
				}
			}
		}
	}
	return tl.runs[i]
}

// outlineItem reports a clause numbered "5.2" before a capital, or
// "3.1.1" before anything ("1.5 cm of cream" is a measure).
func outlineItem(t string) bool {
	m := reOutline.FindStringSubmatch(t)
	if strings.Count(m[1], ".") > 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t[len(m[0]):])
	return unicode.IsUpper(r)
}

// numberedItem reports a numbered item's marker: "1.) Warm …", and
// "6-Finish …" and "4 / JAW …" only before a capital ("10-15 seconds" is
// a range, "1 / 2 cup" a fraction).
func numberedItem(t string) bool {
	m := reNumbered.FindStringSubmatch(t)
	if !strings.HasPrefix(m[2], "-") && !strings.Contains(m[2], "/") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t[len(m[0]):])
	return unicode.IsUpper(r)
}

// stampOf is the time stamp that opens a line, or "": "[01:05]",
// "[Tue 18:02]" (the day first, as a chat export writes it).
func stampOf(t string) string {
	if t == "" || !(t[0] == '[' || t[0] == '(' || t[0] >= '0' && t[0] <= '9') {
		return ""
	}
	return reStamp.FindString(t)
}

// indent is how far a line is indented, a tab counting four.
func indent(r string) int {
	n := 0
	for _, c := range r {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// tableCells reads a line that opens and closes with a bar as the cells
// between the bars.
func tableCells(t string) ([]string, bool) {
	if len(t) < 3 || t[0] != '|' || t[len(t)-1] != '|' {
		return nil, false
	}
	var cells []string
	for _, c := range strings.Split(t[1:len(t)-1], "|") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	return cells, true
}

// tabCells reads a row of a spreadsheet pasted as text, its cells split by
// tabs, when the line above or below is such a row too: "2<TAB>Buddy<TAB>Work
// your thumbs in small circles …<TAB>60 sec<TAB>Avoid blisters".
func (tl *textLiner) tabCells(i int) ([]string, bool) {
	cells := splitTabs(tl.raw[i])
	if len(cells) < 2 {
		return nil, false
	}
	if i > 0 && len(splitTabs(tl.raw[i-1])) >= 2 || i+1 < len(tl.raw) && len(splitTabs(tl.raw[i+1])) >= 2 {
		return cells, true
	}
	return nil, false
}

func splitTabs(r string) []string {
	if !strings.Contains(r, "\t") {
		return nil
	}
	var cells []string
	for _, c := range strings.Split(r, "\t") {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	return cells
}

// tabHeader reports the first row of a run of tab rows whose cells all
// name columns ("Row", "What to do", "Count / time"), over another row.
func (tl *textLiner) tabHeader(i int) bool {
	if i > 0 && len(splitTabs(tl.raw[i-1])) >= 2 || i+1 >= len(tl.raw) || len(splitTabs(tl.raw[i+1])) < 2 {
		return false
	}
	for _, c := range splitTabs(tl.raw[i]) {
		if !nameCell(c) {
			return false
		}
	}
	return true
}

// rowText reads the cells of a table row: a cell that holds only a number
// numbers the row, and the short names before the instruction (in a row
// of three cells or more: "Wrist circles | Support the hand and trace … |
// 20 s", "Fan strokes | Upper back → shoulders | Glide …") are the row's
// title. The other cells are read as sentences.
func rowText(cells []string) (text string, num int, title string) {
	if len(cells) > 1 {
		if v, err := strconv.Atoi(strings.TrimRight(cells[0], ".)")); err == nil && v > 0 && v < 1000 {
			num, cells = v, cells[1:]
		}
	}
	if len(cells) >= 2 && (num > 0 || len(cells) >= 3) {
		// Every short name before the instruction ("Fan strokes | Upper
		// back → shoulders | Glide your palms …") titles the row: the
		// move's name and where it works, not sentences of their own.
		k := 0
		for k < len(cells)-1 && nameCell(cells[k]) {
			k++
		}
		if k > 0 && sentenceCell(cells[k]) {
			title, cells = strings.Join(cells[:k], ", "), cells[k:]
		}
	}
	for i, c := range cells {
		if i < len(cells)-1 && !endsSentence(c) && !strings.HasSuffix(c, ":") {
			cells[i] = c + "."
		}
	}
	return strings.Join(cells, " "), num, title
}

// nameCell reports a cell that names a move rather than telling it: a few
// words, no sentence end.
func nameCell(c string) bool {
	n := len(strings.Fields(c))
	return n > 0 && n <= 5 && !endsSentence(c) && !strings.HasSuffix(c, ",")
}

// sentenceCell reports a cell that reads as a sentence.
func sentenceCell(c string) bool {
	return endsSentence(c) || len(strings.Fields(c)) >= 6
}

// emojiLead reports a line that opens with an emoji (or another pictograph)
// and a space, and returns the text after it.
func emojiLead(t string) (string, bool) {
	i := 0
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isPictograph(r) && !(i > 0 && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Sk, r))) {
			break
		}
		i += size
	}
	if i == 0 || i >= len(t) || t[i] != ' ' {
		return "", false
	}
	rest := strings.TrimSpace(t[i:])
	if !strings.ContainsFunc(rest, unicode.IsLetter) {
		return "", false
	}
	return rest, true
}

func isPictograph(r rune) bool {
	return r >= 0x1f000 && r <= 0x1faff || r >= 0x2190 && r <= 0x2bff && unicode.Is(unicode.So, r)
}

// emojiLine reports whether raw line i is led by an emoji.
func emojiLine(raw []string, i int) bool {
	if i < 0 || i >= len(raw) {
		return false
	}
	_, ok := emojiLead(strings.TrimSpace(raw[i]))
	return ok
}

// inline removes Markdown's inline markup: images, links (their text is
// kept), bare addresses, emphasis and code marks, and anything shaped like a
// tag.
func inline(t string) string {
	if strings.ContainsAny(t, "[<") {
		t = reCite.ReplaceAllString(t, "$1")
		t = reWikiLink.ReplaceAllString(t, "$1")
		t = reImage.ReplaceAllString(t, "")
		t = reLink.ReplaceAllString(t, "$1")
		t = reAuto.ReplaceAllString(t, "")
	}
	if strings.Contains(t, "://") || strings.Contains(t, "www.") {
		t = reURL.ReplaceAllString(t, "")
	}
	t = stripAngles(t)
	t = strings.ReplaceAll(t, "`", "")
	return strings.Join(strings.Fields(t), " ")
}

// capsRunIn splits a run-in head in capitals off the sentence it opens,
// as a newspaper prints one: "CALVES Standing, place one leg …",
// "TIBIALIS POSTERIOR To reach the muscle behind the shin …". The head is
// one to four words in capitals; the sentence after it opens with a
// capital and a small letter and runs on for four words or more ("NEVER
// press on the spine" is a stressed word, "TMJ Pain Relief" a title).
func capsRunIn(t string) (title, text string) {
	f := strings.Fields(t)
	k := 0
	for k < len(f) && k < 4 && capsWord(f[k]) {
		k++
	}
	if k == 0 || k+4 > len(f) || !sentenceOpener(f[k]) {
		return "", t
	}
	i := 0
	for w := 0; w < k; w++ {
		i = strings.Index(t[i:], f[w]) + i + len(f[w])
	}
	return strings.Join(f[:k], " "), strings.TrimSpace(t[i:])
}

// capsWord reports a word in capitals of three letters or more, with no
// stop or colon ("III.", "TYPE:" number or label what follows) and no
// Roman numeral.
func capsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r != '-' && r != '\'' && r != '’':
			return false
		}
	}
	return letters >= 3 && strings.Trim(w, "IVXLC") != ""
}

// sentenceOpener reports a word written as a sentence opens: a capital,
// then small letters ("Standing", "To").
func sentenceOpener(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || size >= len(w) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(w[size:])
	return unicode.IsLower(r2)
}

// emphasis marks, outermost first.
var emphasis = []string{"'''", "***", "**", "__", "''", "*", "_"}

// leadIn finds a title at the start of a line: "Step 3:" or "Step 3: Knead."
// followed by text, or an emphasised run ("**Before you start:** wash …").
// It returns the text without the title, the title, and the step number.
func leadIn(t string, num int) (text, title string, n int) {
	n = num
	// An emphasised run that opens the line.
	t, title = leadInEmphasis(t)
	t = stripEmphasis(t)
	title = stripEmphasis(title)
	if title == "" {
		title, t = capsRunIn(t) // "CALVES Standing, place one leg on a low chair …"
	}
	// "Step 2:" inside the title, or before the text.
	if m := reStep.FindStringSubmatch(title); m != nil {
		n = stepNumber(m[2])
		if title = strings.TrimSpace(title[len(m[0]):]); title == "" {
			title = m[1] + " " + m[2]
		}
	} else if m := reStep.FindStringSubmatch(t); m != nil {
		n = stepNumber(m[2])
		rest := strings.TrimSpace(t[len(m[0]):])
		// "Step 1: Apply the cream" on a line of its own is a title;
		// "Step 1: Place your hands …." ("Scene 2: Walk the ball …") is
		// the step itself.
		if rest == "" || len(strings.Fields(rest)) <= 6 && !endsSentence(rest) {
			title, t = strings.TrimSpace(m[1]+" "+m[2]+": "+rest), ""
			title = strings.TrimSuffix(title, ":")
		} else {
			t = rest
		}
	}
	return strings.TrimSpace(t), strings.TrimSpace(title), n
}

// leadInEmphasis reads an emphasised run that opens the line
// ("**Before you start:** wash …") as the line's title, and returns the
// text after it and the title; a run that is part of the sentence, or
// the whole line, titles nothing.
func leadInEmphasis(t string) (text, title string) {
	for _, m := range emphasis {
		if !strings.HasPrefix(t, m) {
			continue
		}
		end := strings.Index(t[len(m):], m)
		if end <= 0 {
			return t, ""
		}
		inner := strings.TrimSpace(t[len(m) : len(m)+end])
		rest := strings.TrimSpace(t[len(m)+end+len(m):])
		if rest != "" && strings.IndexFunc(rest[:1], func(r rune) bool { return r == ',' || r == ';' }) == 0 {
			return t, "" // the emphasis is part of a sentence
		}
		if r, _ := utf8.DecodeRuneInString(rest); rest != "" && unicode.IsLower(r) && (inner == "" || !strings.ContainsAny(inner[len(inner)-1:], ".:!?)")) {
			return t, "" // "**Never** put the ball on …": a stressed word of the sentence
		}
		if rest == "" && !strings.HasSuffix(inner, ":") {
			t = inner // a whole emphasised line is just text
			if warnsAlone(inner) {
				t += "." // "*Don't press on swollen or red joints*": a caution, no heading
			}
			return t, ""
		}
		return strings.TrimLeft(rest, ":.-–— "), inner
	}
	return t, ""
}

// warnsAlone reports a whole emphasised line with no stop that opens as a
// caution does and runs to four words or more: a sentence set off for its
// weight ("*Don't press on swollen or red joints*", "** if the arm goes
// hot, ring the nurse first **"), not a heading.
func warnsAlone(t string) bool {
	f := strings.Fields(strings.ToLower(stripEmphasis(t)))
	if len(f) < 4 || strings.ContainsAny(t[len(t)-1:], ".!?") {
		return false
	}
	switch strings.Trim(f[0], ",") {
	case "don't", "don’t", "never", "avoid", "stop", "skip", "if", "no", "not":
		return true
	case "do":
		return f[1] == "not"
	}
	return false
}

func stripEmphasis(t string) string {
	if !strings.ContainsAny(t, "*_") {
		return t
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '*' || c == '_' {
			prevWord := i > 0 && isWordByte(t[i-1])
			nextWord := i+1 < len(t) && isWordByte(t[i+1])
			if c == '_' && prevWord && nextWord {
				b.WriteByte(c) // snake_case stays
				continue
			}
			continue
		}
		b.WriteByte(c)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)*_")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

func stepNumber(s string) int {
	if v, err := strconv.Atoi(s); err == nil {
		return v
	}
	return numberWords[strings.ToLower(s)]
}

// tildeBanner reports a line drawn between tildes, "~ SOFT HEADS ~ issue
// 3 ~": a banner left as it is, where "~ Cup his heel …" is a tilde
// bullet.
func tildeBanner(t string) bool {
	return len(t) > 4 && t[0] == '~' && t[len(t)-1] == '~' && t[1] != '~'
}

// reNumberedHeading is a heading that numbers a step: "1. Spread", "▸ 2.
// Thumb walk" (not "3 Ways to …"; "Step 3:" headings are read as a
// step's title already).
var reNumberedHeading = regexp.MustCompile(`^[^\p{L}\p{N}]{0,3}(\d{1,2})\s*[.):–—-]\s+(\S.*)$`)

// shortTitle reports whether s reads as a title: a few words and no
// sentence end or trailing comma.
func shortTitle(s string) bool {
	s = strings.TrimRightFunc(strings.TrimSpace(s), func(r rune) bool { return isPictograph(r) || unicode.IsSpace(r) || unicode.Is(unicode.Mn, r) })
	if s == "" {
		return false
	}
	if strings.Contains(s, "? ") || strings.Contains(s, "! ") {
		return false // "Feeling puffy after dinner? Try this before bed": sentences
	}
	n := len(strings.Fields(s))
	if n > 10 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', '!', '?', ',', ';', '…':
		return false
	}
	return true
}

// endsMidPhrase reports a line that stops where no sentence can: on
// "and", "the", "of", "your" and the like, so the line is wrapped prose
// ("Hold their hand palm up and" / "press your thumbs in small").
func endsMidPhrase(line string) bool {
	f := strings.Fields(line)
	return len(f) > 0 && midPhrase[strings.ToLower(f[len(f)-1])]
}

var midPhrase = wordSet("and or the a an of your their his her its our my than into onto")
