package howto

import (
	"html"
	"strconv"
	"strings"
)

// HTML is read with a small tolerant scanner, not a full parser: tags are
// dropped, entities decoded, block elements become lines, list items and
// headings keep their kind, and whole elements that are page furniture
// (scripts, styles, navigation, comments sections, ads, captions) are
// left out with everything inside them.

// skipElems are elements left out with all they hold.
var skipElems = map[string]bool{"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "iframe": true, "nav": true, "footer": true, "aside": true, "form": true,
	"button": true, "select": true, "figure": true, "figcaption": true, "object": true,
	"embed": true, "video": true, "audio": true, "canvas": true, "map": true, "textarea": true,
	"math": true}

// rawElems hold text that is not markup; their end tag is searched for.
var rawElems = map[string]bool{"script": true, "style": true, "textarea": true, "title": true}

var blockElems = map[string]bool{"p": true, "div": true, "br": true, "tr": true, "section": true,
	"article": true, "header": true, "main": true, "blockquote": true, "dt": true, "dd": true,
	"table": true, "ul": true, "ol": true, "hr": true, "pre": true, "td": true, "th": true,
	"dl": true, "body": true, "html": true}

var voidElems = map[string]bool{"br": true, "img": true, "hr": true, "meta": true, "link": true,
	"input": true, "source": true, "wbr": true, "area": true, "base": true, "col": true,
	"embed": true, "param": true, "track": true}

// noisyClass are words in a class or id that mark page furniture.
var noisyClass = map[string]bool{"comment": true, "comments": true, "ad": true, "ads": true,
	"advert": true, "advertisement": true, "sponsor": true, "sponsored": true, "promo": true,
	"share": true, "sharing": true, "social": true, "related": true, "sidebar": true,
	"newsletter": true, "subscribe": true, "byline": true, "author": true, "meta": true,
	"breadcrumb": true, "breadcrumbs": true, "cookie": true, "cookies": true, "footer": true,
	"nav": true, "navigation": true, "menu": true, "caption": true, "credit": true,
	"credits": true, "widget": true, "popup": true, "modal": true, "respond": true, "reply": true}

type htmlReader struct {
	src      string
	out      []line
	buf      strings.Builder
	kind     lkind
	num      int
	start    int // source line where buf's text began
	ln       int // current source line
	lists    []int
	li       int   // depth of open list items
	row      bool  // inside a table row
	cells    []int // where each cell of the row ends in buf
	allTH    bool  // every cell of the row so far is a header cell
	rowTitle string
	title    string
	left     []Skip // page furniture left out, whole elements
	skip     string // the element being left out whole, or ""
	skipN    int    // how deep inside it
}

func htmlLines(src string) (lines []line, title string, left []Skip) {
	h := &htmlReader{src: src, ln: 1}
	h.run()
	return h.out, h.title, h.left
}

// furniture names what a left-out element was, for the report; "" for
// what never shows on a page (scripts, styles).
func furniture(name string, attrs map[string]string) string {
	switch name {
	case "nav":
		return "navigation"
	case "footer":
		return "page footer"
	case "aside":
		return "sidebar"
	case "figure", "figcaption":
		return "image and caption"
	case "form", "button", "select", "textarea":
		return "form"
	case "iframe", "video", "audio", "embed", "object":
		return "embedded media"
	}
	for _, k := range []string{"class", "id", "role"} {
		low := strings.ToLower(attrs[k])
		switch {
		case strings.Contains(low, "comment") || strings.Contains(low, "repl") || strings.Contains(low, "respond"):
			return "reader comments"
		case strings.Contains(low, "ad") || strings.Contains(low, "sponsor") || strings.Contains(low, "promo"):
			return "advertisement"
		case strings.Contains(low, "byline") || strings.Contains(low, "author") || strings.Contains(low, "meta"):
			return "byline or date"
		case strings.Contains(low, "share") || strings.Contains(low, "social") || strings.Contains(low, "related"):
			return "link line"
		case strings.Contains(low, "caption") || strings.Contains(low, "credit"):
			return "image credit"
		}
	}
	if noisy(attrs) {
		return "page furniture"
	}
	return ""
}

func (h *htmlReader) flush() {
	if h.row {
		h.endRow()
		return
	}
	text := strings.Join(strings.Fields(html.UnescapeString(h.buf.String())), " ")
	text = stripAngles(text)
	if text != "" {
		h.out = append(h.out, line{n: h.start, kind: h.kind, text: text, num: h.num, title: h.rowTitle})
	}
	h.buf.Reset()
	h.kind, h.num, h.rowTitle = lText, 0, ""
}

// endRow ends a table row: a row of header cells is left out; the others
// are one item of their cells (see rowText).
func (h *htmlReader) endRow() {
	raw := h.buf.String()
	var cells []string
	from := 0
	for _, end := range append(h.cells, len(raw)) {
		if end < from {
			continue
		}
		c := strings.Join(strings.Fields(html.UnescapeString(raw[from:end])), " ")
		if c = stripAngles(c); c != "" {
			cells = append(cells, c)
		}
		from = end
	}
	h.row, h.cells = false, nil
	h.buf.Reset()
	if h.allTH || len(cells) == 0 {
		h.kind, h.num = lText, 0
		return
	}
	var text string
	text, h.num, h.rowTitle = rowText(cells)
	h.buf.WriteString(text)
	h.kind = lItem
	h.flush()
}

// stripAngles removes what could be read as markup once entities are
// decoded, so no imported text ever carries a tag.
func stripAngles(s string) string {
	if !strings.ContainsAny(s, "<>") {
		return s
	}
	return strings.NewReplacer("<", "", ">", "").Replace(s)
}

// cell ends the text of a table cell within its row.
func (h *htmlReader) cell() {
	h.cells = append(h.cells, h.buf.Len())
}

func (h *htmlReader) text(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			h.ln++
			c = ' '
		}
		if h.buf.Len() == 0 {
			if c == ' ' {
				continue
			}
			h.start = h.ln
		}
		h.buf.WriteByte(c)
	}
}

func (h *htmlReader) run() {
	s := h.src
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			if h.skip == "" {
				h.text(s[i:])
			}
			break
		}
		if h.skip == "" {
			h.text(s[i : i+lt])
		} else {
			h.ln += strings.Count(s[i:i+lt], "\n")
		}
		next, ok := h.markup(i + lt)
		if !ok {
			break
		}
		i = next
	}
	h.flush()
}

// markup reads what starts with "<" at i: a comment, a tag, or a "<"
// that is text. It returns where reading goes on, or false at the end.
func (h *htmlReader) markup(i int) (int, bool) {
	s := h.src
	if strings.HasPrefix(s[i:], "<!--") {
		end := strings.Index(s[i+4:], "-->")
		if end < 0 {
			h.ln += strings.Count(s[i:], "\n")
			return 0, false
		}
		h.ln += strings.Count(s[i:i+4+end+3], "\n")
		return i + 4 + end + 3, true
	}
	end := tagEnd(s, i+1)
	if end < 0 || i+1 >= len(s) || !isTagStart(s[i+1]) {
		if h.skip == "" {
			h.text("<")
		}
		return i + 1, true
	}
	raw := s[i+1 : end]
	h.ln += strings.Count(raw, "\n")
	i = end + 1
	name, closing, self, attrs := parseTag(raw)
	switch {
	case name == "":
	case h.skip != "":
		h.skipping(name, closing, self)
	case !closing && rawElems[name]:
		return h.rawElem(name, i)
	case !closing && name == "aside" && cautionAside(attrs, s[i:]):
		h.tag("section", false, attrs) // a Safety box: its cautions are the text's
	case closing && name == "aside":
		h.tag("section", true, attrs)
	case !closing && !self && !voidElems[name] && (skipElems[name] || noisy(attrs)):
		h.flush()
		h.skip, h.skipN = name, 1
		if why := furniture(name, attrs); why != "" {
			h.left = append(h.left, Skip{Line: h.ln, Why: why, Text: "the page's " + name + " element"})
		}
	default:
		h.tag(name, closing, attrs)
	}
	return i, true
}

// cautionWords name a box of cautions, by its class or its heading.
var cautionWords = []string{"safety", "caution", "warning", "precaution", "contraindication", "when not to", "before you start", "be careful",
	"not for you", "not suitable", "do not", "don't", "avoid", "stop if", "who should not", "see a doctor"}

// cautionAside reports an aside that holds the text's cautions: its class
// or id says so ("safety"), or its text opens with such a heading
// ("<h2>Safety</h2>"). rest is the page after its opening tag.
func cautionAside(attrs map[string]string, rest string) bool {
	for _, k := range []string{"class", "id", "role"} {
		if hasAnyFold(attrs[k], cautionWords) {
			return true
		}
	}
	if end := indexFold(rest, "</aside"); end >= 0 {
		rest = rest[:end]
	}
	if len(rest) > 400 {
		rest = rest[:400]
	}
	opening := strings.Fields(stripTags(rest))
	if len(opening) > 4 {
		opening = opening[:4]
	}
	return hasAnyFold(strings.Join(opening, " "), cautionWords)
}

func hasAnyFold(s string, subs []string) bool {
	low := strings.ToLower(s)
	for _, w := range subs {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// stripTags leaves the text between tags.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skipping follows the nesting of the element being left out whole.
func (h *htmlReader) skipping(name string, closing, self bool) {
	if name != h.skip {
		return
	}
	if closing {
		h.skipN--
	} else if !self {
		h.skipN++
	}
	if h.skipN <= 0 {
		h.skip = ""
	}
}

// rawElem passes over a script, style or title element opened before i,
// keeping the title's text; it returns where reading goes on.
func (h *htmlReader) rawElem(name string, i int) (int, bool) {
	s := h.src
	close := indexFold(s[i:], "</"+name)
	body := s[i:]
	if close >= 0 {
		body = s[i : i+close]
	}
	h.ln += strings.Count(body, "\n")
	if name == "title" && h.title == "" {
		h.title = stripAngles(strings.Join(strings.Fields(html.UnescapeString(body)), " "))
	}
	if close < 0 {
		return 0, false
	}
	i += close
	gt := strings.IndexByte(s[i:], '>')
	if gt < 0 {
		return 0, false
	}
	return i + gt + 1, true
}

func (h *htmlReader) tag(name string, closing bool, attrs map[string]string) {
	switch {
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		h.flush()
		if !closing {
			h.kind = lHeading
		}
	case name == "li" || name == "ol" || name == "ul":
		h.listTag(name, closing, attrs)
		return
	case name == "tr" || (name == "td" || name == "th") && h.row || name == "tbody" || name == "thead" || name == "tfoot":
		h.tableTag(name, closing)
		return
	case name == "br":
		if h.li > 0 {
			h.text(" ")
			return
		}
		h.flush()
	case blockElems[name]:
		if h.li > 0 && (name == "p" || name == "div") {
			h.text(" ")
			return
		}
		h.flush()
		if name == "hr" || name == "table" {
			h.out = append(h.out, line{n: h.ln, kind: lBlank})
		}
	default:
		// inline elements: a, span, strong, em, b, i, img … keep their text.
	}
	if blockElems[name] && name != "br" && !closing && h.kind == lText && len(h.out) > 0 && h.out[len(h.out)-1].kind != lBlank {
		h.out = append(h.out, line{n: h.ln, kind: lBlank})
	}
}

// listTag opens and closes lists and their items, numbering the items of
// an ordered list.
func (h *htmlReader) listTag(name string, closing bool, attrs map[string]string) {
	h.flush()
	switch {
	case name == "li" && closing:
		if h.li > 0 {
			h.li--
		}
	case name == "li":
		h.li++
		h.kind = lItem
		if n := len(h.lists); n > 0 && h.lists[n-1] >= 0 {
			h.lists[n-1]++
			h.num = h.lists[n-1]
		}
	case closing:
		if n := len(h.lists); n > 0 {
			h.lists = h.lists[:n-1]
		}
	default:
		start := -1
		if name == "ol" {
			start = 0
			if v, err := strconv.Atoi(attrs["start"]); err == nil && v > 0 && v < 10000 {
				start = v - 1
			}
		}
		h.lists = append(h.lists, start)
	}
}

// tableTag reads a table's rows and cells: a row is one item of its cells
// ("Brow smooth | Stroke out along the brows | 6 strokes"); a cell
// outside a row is read as any block.
func (h *htmlReader) tableTag(name string, closing bool) {
	switch name {
	case "tr":
		h.flush()
		if !closing {
			h.row, h.allTH, h.cells = true, true, nil
			h.kind = lItem
		}
	case "td", "th":
		if !closing {
			h.cell()
			if name == "td" {
				h.allTH = false
			}
		}
	default: // tbody, thead, tfoot
		if h.row {
			h.flush()
		}
	}
}

func isTagStart(c byte) bool {
	return c == '/' || c == '!' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// tagEnd finds the '>' that closes a tag starting at i, skipping quoted values.
func tagEnd(s string, i int) int {
	var q byte
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return i
		case c == '<' && i+1 < len(s) && isTagStart(s[i+1]):
			return -1 // an unclosed tag: read the '<' as text
		}
	}
	return -1
}

// parseTag reads a tag's name (lower-case), whether it closes or closes
// itself, and its class, id and start attributes.
func parseTag(raw string) (name string, closing, self bool, attrs map[string]string) {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "/") {
		closing = true
		raw = raw[1:]
	}
	if strings.HasSuffix(raw, "/") {
		self = true
		raw = raw[:len(raw)-1]
	}
	j := 0
	for j < len(raw) && (raw[j]|0x20 >= 'a' && raw[j]|0x20 <= 'z' || raw[j] >= '0' && raw[j] <= '9') {
		j++
	}
	name = strings.ToLower(raw[:j])
	rest := raw[j:]
	for _, key := range []string{"class", "id", "start", "role"} {
		if v, ok := attr(rest, key); ok {
			if attrs == nil {
				attrs = map[string]string{}
			}
			attrs[key] = v
		}
	}
	return name, closing, self, attrs
}

func attr(s, key string) (string, bool) {
	low := strings.ToLower(s)
	for from := 0; ; {
		k := strings.Index(low[from:], key)
		if k < 0 {
			return "", false
		}
		k += from
		from = k + len(key)
		if k > 0 && low[k-1] != ' ' && low[k-1] != '\t' && low[k-1] != '\n' {
			continue
		}
		rest := strings.TrimLeft(s[from:], " \t\n")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\n")
		if rest == "" {
			return "", true
		}
		if q := rest[0]; q == '"' || q == '\'' {
			if e := strings.IndexByte(rest[1:], q); e >= 0 {
				return rest[1 : 1+e], true
			}
			return rest[1:], true
		}
		e := strings.IndexAny(rest, " \t\n")
		if e < 0 {
			return rest, true
		}
		return rest[:e], true
	}
}

func noisy(attrs map[string]string) bool {
	for _, k := range []string{"class", "id", "role"} {
		for _, w := range strings.FieldsFunc(strings.ToLower(attrs[k]), func(r rune) bool {
			return r == ' ' || r == '-' || r == '_' || r == '\t'
		}) {
			if noisyClass[w] {
				return true
			}
		}
	}
	return false
}

// indexFold finds an ASCII needle in s, ignoring the case of letters.
func indexFold(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(needle) <= len(s) && strings.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}
