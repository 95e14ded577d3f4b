package howto

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Read, app exports: a routine an app exported as JSON ({"title": …,
// "steps": [{"text": "Glide both hands up …", "reps": 6}, …], "cautions":
// […]}) is read as the text it holds, in the order it holds it: a title
// or name as a heading, each step of a list as a numbered item (with its
// count and time said after it), a list of cautions or tips under a
// heading of its own, and any other text of several words as a
// paragraph. Keys are read by what they say ("giver_note", "cautions",
// "duration_min"); ids, dates, versions, links and tags are left out.
// Nothing in the JSON is trusted beyond being text: every string goes
// through the same reading as any other text.

// jsonMaxDepth bounds how deep an export is walked.
const jsonMaxDepth = 32

// jsonNode is one JSON value with its object keys kept in order.
type jsonNode struct {
	kind byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool or null
	line int  // the source line the value starts on (its last token's, for a string)
	str  string
	keys []string
	kids []*jsonNode
}

// jsonText gives the text an app export holds, or false when the text is
// no JSON object or array.
func jsonText(text string) (string, bool) {
	text = blankLineComments(text)
	t := strings.TrimSpace(text)
	if t == "" || t[0] != '{' && t[0] != '[' || !json.Valid([]byte(t)) {
		return "", false
	}
	lead := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	dec := json.NewDecoder(strings.NewReader(t))
	dec.UseNumber()
	lines := lineStarts(text)
	at := func() int { return lineOf(lines, lead+int(dec.InputOffset())) }
	root, err := jsonValue(dec, at, 0)
	if err != nil {
		return "", false
	}
	var w jsonWriter
	w.node("", root, 0)
	out := strings.TrimRight(w.render(), " \n") // leading lines kept: they keep the file's line numbers
	if strings.TrimSpace(out) == "" {
		return "", false
	}
	return out + "\n", true
}

// blankLineComments blanks the whole-line "//" comments of a settings
// file that allows them ("// ~/.config/app/settings.json" over its "{"),
// each character a space, so offsets and line numbers stay; a text with
// none is given back as it is.
func blankLineComments(text string) string {
	if !strings.Contains(text, "//") {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	changed := false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "//") {
			b := []byte(l)
			for k := range b {
				if b[k] != '\n' && b[k] != '\r' {
					b[k] = ' '
				}
			}
			lines[i] = string(b)
			changed = true
		}
	}
	if !changed {
		return text
	}
	return strings.Join(lines, "")
}

// lineStarts gives the offset each line of a text starts at.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf is the line (from 1) an offset lies on.
func lineOf(starts []int, off int) int {
	lo, hi := 0, len(starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

var errJSONDepth = errors.New("nested too deep")

// jsonValue reads one value from the decoder's token stream.
func jsonValue(dec *json.Decoder, at func() int, depth int) (*jsonNode, error) {
	if depth > jsonMaxDepth {
		return nil, errJSONDepth
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	line := at()
	switch v := tok.(type) {
	case json.Delim:
		n := &jsonNode{kind: 'a', line: line}
		if v == '{' {
			n.kind = 'o'
		}
		for dec.More() {
			if n.kind == 'o' {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				n.keys = append(n.keys, key)
			}
			kid, err := jsonValue(dec, at, depth+1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, kid)
		}
		if _, err := dec.Token(); err != nil && err != io.EOF { // the closing delimiter
			return nil, err
		}
		return n, nil
	case string:
		return &jsonNode{kind: 's', str: v, line: line}, nil
	case json.Number:
		return &jsonNode{kind: 'n', str: v.String()}, nil
	default:
		return &jsonNode{kind: 'b'}, nil
	}
}

// jsonKey is a key as lower-case words: "giver_note" is "giver note",
// "durationMin" "duration min", "exportedAt" "exported at".
func jsonKey(k string) string {
	var b strings.Builder
	prevLower := false
	for _, r := range k {
		switch {
		case unicode.IsUpper(r):
			if prevLower {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			prevLower = false
		case unicode.IsLetter(r):
			b.WriteRune(r)
			prevLower = true
		default:
			b.WriteByte(' ')
			prevLower = false
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// keyHas reports a key with a word that opens with one of the parts:
// "cautions" and "safety_notes" name cautions, "stages" no tags.
func keyHas(k string, parts ...string) bool {
	for _, w := range strings.Fields(k) {
		for _, p := range parts {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// keyIs reports a key with one of the words, or its plural: "app" and
// "tags" are skipped, not "apply_oil" or "stages".
func keyIs(k string, words ...string) bool {
	for _, w := range strings.Fields(k) {
		for _, x := range words {
			if w == x || w == x+"s" {
				return true
			}
		}
	}
	return false
}

// Kinds of key, by what they name.
func titleKey(k string) bool {
	return k == "title" || k == "name" || k == "heading" || strings.HasSuffix(k, "title")
}
func skipKey(k string) bool {
	return keyIs(k, "id", "uuid", "url", "href", "link", "version", "date", "created", "updated", "exported",
		"author", "user", "tag", "slug", "locale", "lang", "language", "icon", "image", "img", "colour", "color",
		"app", "source", "category", "type", "kind", "level", "difficulty", "rating", "like", "view")
}
func cautionKey(k string) bool {
	return keyHas(k, "caution", "warning", "contraindication", "safety", "avoid", "precaution")
}
func stepsKey(k string) bool {
	return keyHas(k, "step", "stage", "instruction", "move", "direction", "method", "sequence", "exercise", "technique")
}
func textKey(k string) bool {
	return keyHas(k, "text", "instruction", "description", "content", "body", "detail", "how", "what", "cue", "say")
}
func countKey(k string) bool { return keyHas(k, "rep", "times", "count") }
func secondsKey(k string) bool {
	return keyHas(k, "second", "secs") || keyIs(k, "duration", "time", "hold")
}
func minutesKey(k string) bool { return keyHas(k, "minute", "min") }

// jsonWriter writes the text an export holds: each heading, paragraph
// and item with the source line it came from, so that the import's report
// can say where in the file each step stands.
type jsonWriter struct {
	out    []jsonLine
	titled bool
}

// jsonLine is one line of the text written: a heading or paragraph stands
// apart (block), an item runs on from the one before.
type jsonLine struct {
	line  int
	text  string
	block bool
}

func (w *jsonWriter) para(s string, line int) {
	w.out = append(w.out, jsonLine{line, s, true})
}

func (w *jsonWriter) item(s string, line int) {
	w.out = append(w.out, jsonLine{line, s, false})
}

// render lays the lines out at the source lines they came from, so that
// the report's line numbers point into the file: a line that would fall
// on or before the one written last goes just after it ("cautions":
// ["…"] on one line gives the heading that line and the item the next),
// and two paragraphs are kept a line apart, lest they read as one. An
// export written on one line is laid out a line at a time.
func (w *jsonWriter) render() string {
	var lines []string
	prev := 0
	for i, l := range w.out {
		at := max(l.line, prev+1)
		if i > 0 && l.block && w.out[i-1].block && !strings.HasPrefix(l.text, "#") {
			at = max(at, prev+2)
		}
		for len(lines) <= at {
			lines = append(lines, "")
		}
		lines[at] = l.text
		prev = at
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines[1:], "\n") + "\n"
}

// wordCount counts the words of a string.
func wordCount(s string) int { return len(strings.Fields(s)) }

// node writes one value found under key k.
func (w *jsonWriter) node(k string, n *jsonNode, depth int) {
	switch n.kind {
	case 'o':
		for i, key := range n.keys {
			kk := jsonKey(key)
			if skipKey(kk) && !titleKey(kk) && !textKey(kk) {
				continue
			}
			w.node(kk, n.kids[i], depth+1)
		}
	case 'a':
		w.list(k, n, depth)
	case 's':
		s := oneLine(n.str)
		switch {
		case s == "":
		case titleKey(k) && wordCount(s) <= 12:
			level := "##"
			if !w.titled {
				level, w.titled = "#", true
			}
			w.para(level+" "+s, n.line)
		case wordCount(s) >= 3:
			w.para(s, n.line)
		}
	}
}

// list writes an array: strings or objects, as items under the key's
// heading when it names cautions or tips.
func (w *jsonWriter) list(k string, n *jsonNode, depth int) {
	if keyIs(k, "tag", "keyword", "category") {
		return
	}
	numbered := stepsKey(k) || k == ""
	if cautionKey(k) {
		w.para("## Cautions", n.line)
		numbered = false
	} else if keyHas(k, "tip", "note") {
		w.para("## Tips", n.line)
		numbered = false
	}
	item := 0
	for _, kid := range n.kids {
		var s string
		switch kid.kind {
		case 's':
			s = oneLine(kid.str)
		case 'o':
			s = w.itemOf(kid, depth+1)
		case 'a':
			w.list(k, kid, depth+1)
			continue
		}
		if s == "" {
			continue
		}
		item++
		if numbered {
			w.item(fmt.Sprintf("%d. %s", item, s), kid.line)
		} else {
			w.item("- "+s, kid.line)
		}
	}
}

// itemOf is the text of one step object: its name, its text, and its
// count and time said after it. An object with no text of its own is
// written as a section instead, and gives "".
func (w *jsonWriter) itemOf(n *jsonNode, depth int) string {
	var name, text, extra []string
	for i, key := range n.keys {
		kk, kid := jsonKey(key), n.kids[i]
		switch {
		case kid.kind == 's' && titleKey(kk):
			name = append(name, oneLine(kid.str))
		case kid.kind == 's' && (textKey(kk) || !skipKey(kk) && wordCount(kid.str) >= 3):
			text = append(text, oneLine(kid.str))
		case kid.kind == 'n' && countKey(kk):
			extra = append(extra, kid.str+" times")
		case kid.kind == 'n' && minutesKey(kk):
			extra = append(extra, kid.str+" minutes")
		case kid.kind == 'n' && secondsKey(kk):
			extra = append(extra, kid.str+" seconds")
		case kid.kind == 'a' && cautionKey(kk):
			for _, c := range kid.kids {
				if c.kind == 's' && oneLine(c.str) != "" {
					text = append(text, oneLine(c.str))
				}
			}
		}
	}
	if len(text) == 0 {
		if len(name) == 0 {
			w.node("", n, depth)
			return ""
		}
		text, name = name, nil
	}
	s := strings.Join(text, " ")
	if len(name) > 0 && !strings.Contains(strings.ToLower(s), strings.ToLower(name[0])) {
		s = strings.TrimRight(name[0], ".:") + ": " + s
	}
	if len(extra) > 0 {
		// "… to the knee, 6 times.": the count said as a writer says it
		// after the first sentence: "… hip to knee, 3 times. Go easy here."
		head, rest := s, ""
		if k := strings.Index(s, ". "); k > 0 {
			head, rest = s[:k+1], s[k+1:]
		}
		end := ""
		if t := strings.TrimRight(head, " "); strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") {
			head, end = t[:len(t)-1], t[len(t)-1:]
		}
		s = head + ", " + strings.Join(extra, ", ") + end + rest
	}
	return s
}

// oneLine folds a string's whitespace to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
