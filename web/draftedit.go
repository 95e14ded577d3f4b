package web

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/knead/knead/massage"
)

// Merging and splitting the review's steps. Only steps of the routine's
// own (not catalog techniques) merge and split: their words are the
// person's to cut and join. Each keeps the hands, motion and landmarks the
// importer found; the seconds are shared by the words' length.

// ownRow reads a row that is one step of the routine's own; ok is false for
// a technique or a damaged row.
func ownRow(r draftRow) (rowData, bool) {
	var rd rowData
	if r.Technique != "" || json.Unmarshal([]byte(r.Data), &rd) != nil || rd.Item.Technique != "" || len(rd.Item.Steps) != 1 {
		return rowData{}, false
	}
	return rd, true
}

// CanMerge reports whether row i and the row after it can be merged.
func (d *draft) CanMerge(i int) bool {
	if i < 0 || i+1 >= len(d.Rows) {
		return false
	}
	_, a := ownRow(d.Rows[i])
	_, b := ownRow(d.Rows[i+1])
	return a && b
}

// merge joins row i and the row after it into one step: the words one after
// the other, the time added up, the first step's hands and motion, the
// landmarks of both.
func (d *draft) merge(i int) {
	if !d.CanMerge(i) {
		return
	}
	a, b := &d.Rows[i], d.Rows[i+1]
	ra, _ := ownRow(*a)
	rb, _ := ownRow(b)
	sa, sb := &ra.Item.Steps[0], rb.Item.Steps[0]
	ra.Parts = append(partsOf(*a, ra), partsOf(b, rb)...)
	if len(ra.Parts) > maxDraftRows {
		ra.Parts = nil
	}
	a.Say = joinWords(a.Say, b.Say)
	sa.Say = a.Say
	for _, at := range sb.At {
		if !slices.Contains(sa.At, at) {
			sa.At = append(sa.At, at)
		}
	}
	for _, c := range sb.Cautions {
		if !slices.Contains(sa.Cautions, c) {
			sa.Cautions = append(sa.Cautions, c)
		}
	}
	for _, c := range rb.Item.Cautions {
		if !slices.Contains(ra.Item.Cautions, c) {
			ra.Item.Cautions = append(ra.Item.Cautions, c)
		}
	}
	ra.Before = append(ra.Before, rb.Before...)
	x, errA := formSecs(a.Secs)
	y, errB := formSecs(b.Secs)
	if errA == nil && errB == nil {
		a.Secs = strconv.FormatFloat(math.Round(x+y), 'f', -1, 64)
	}
	if b.From != "" && b.From != a.From {
		a.From = joinWords(a.From, b.From)
	}
	if a.Line == 0 {
		a.Line = b.Line
	}
	for _, u := range b.Unsure {
		if !slices.Contains(a.Unsure, u) {
			a.Unsure = append(a.Unsure, u)
		}
	}
	data, _ := json.Marshal(ra)
	a.Data = string(data)
	d.Rows = slices.Delete(d.Rows, i+1, i+2)
	d.Changed = fmt.Sprintf("Steps %d and %d merged into step %d.", i+1, i+2, i+1)
}

// partsOf are the steps a row holds, as the form now says them: those
// merged into it, or its own.
func partsOf(r draftRow, rd rowData) []rowPart {
	if len(rd.Parts) > 0 {
		return rd.Parts
	}
	st := rd.Item.Steps[0]
	st.Say = strings.TrimSpace(r.Say)
	return []rowPart{{Name: r.Name, Step: st}}
}

func joinWords(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

func formSecs(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "s"), 64)
	if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		err = strconv.ErrRange
	}
	return v, err
}

// splitSentences splits row i into one step per sentence of its words.
func (d *draft) splitSentences(i int) {
	if i < 0 || i >= len(d.Rows) {
		return
	}
	parts := sentences(d.Rows[i].Say)
	if len(parts) < 2 {
		d.Changed = fmt.Sprintf("Step %d is one sentence: put the cursor where it should split and press Split here.", i+1)
		return
	}
	d.split(i, parts)
}

// Sentences counts the sentences of a row's words, for the page to offer
// "Split at sentences" only where there are two or more.
func (r draftRow) Sentences() int { return len(sentences(r.Say)) }

// cut splits row i in two at the point chosen: the page's script sends the
// cursor's place in the words; without it, a | typed into the words marks
// the place.
func (d *draft) cut(i int) {
	if i < 0 || i >= len(d.Rows) {
		return
	}
	say := d.Rows[i].Say
	var a, b string
	u := utf16.Encode([]rune(say))
	if k := strings.IndexByte(say, '|'); k >= 0 {
		a, b = say[:k], strings.ReplaceAll(say[k+1:], "|", "")
	} else if n, err := strconv.Atoi(d.Rows[i].Cut); err == nil && n > 0 && n < len(u) {
		a, b = string(utf16.Decode(u[:n])), string(utf16.Decode(u[n:]))
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		d.Changed = fmt.Sprintf("Step %d was not split: put the cursor inside its words (or type | where it should split), then press Split here.", i+1)
		return
	}
	d.split(i, []string{a, b})
}

// split replaces row i with one step per part of its words, each with a
// share of the time by its length.
func (d *draft) split(i int, parts []string) {
	r := d.Rows[i]
	rd, ok := ownRow(r)
	if !ok || len(parts) < 2 || len(d.Rows)+len(parts)-1 > maxDraftRows {
		return
	}
	total, err := formSecs(r.Secs)
	secs := shareByLength(total, parts)
	out := make([]draftRow, len(parts))
	base, num := nameNumber(r.Name)
	for k, p := range parts {
		one := r
		one.Say, one.Cut = p, ""
		if k > 0 && r.Name != "" {
			one.Name = clipRunes(fmt.Sprintf("%s (%d)", base, num+k), 120)
		}
		if err == nil {
			one.Secs = strconv.FormatFloat(secs[k], 'f', -1, 64)
		}
		pd := rowData{Item: rd.Item}
		pd.Item.Steps = []massage.Step{rd.Item.Steps[0]}
		// a part that is one of the steps merged here gets its own back
		for _, mp := range rd.Parts {
			if mp.Step.Say == p {
				pd.Item.Steps[0] = mp.Step
				if mp.Name != "" {
					one.Name = mp.Name
				}
				break
			}
		}
		pd.Item.Steps[0].Say = p
		if k == 0 {
			pd.Before = rd.Before
		}
		data, _ := json.Marshal(pd)
		one.Data = string(data)
		out[k] = one
	}
	d.Rows = slices.Replace(d.Rows, i, i+1, out...)
	d.Changed = fmt.Sprintf("Step %d split into %d steps.", i+1, len(parts))
}

// nameNumber reads "Name (2)" as Name and 2; a name without a number is
// its first part.
func nameNumber(name string) (string, int) {
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		if n, err := strconv.Atoi(name[i+2 : len(name)-1]); err == nil && n > 0 && n < 1000 {
			return name[:i], n
		}
	}
	return name, 1
}

// shareByLength shares total seconds among parts by their letters, whole
// seconds of at least minStepSecs each where the total allows.
func shareByLength(total float64, parts []string) []float64 {
	out := make([]float64, len(parts))
	var letters int
	for _, p := range parts {
		letters += max(utf8.RuneCountInString(p), 1)
	}
	used := 0.0
	for k, p := range parts {
		if k == len(parts)-1 {
			out[k] = math.Round(total - used)
			break
		}
		v := math.Round(total * float64(max(utf8.RuneCountInString(p), 1)) / float64(letters))
		v = max(v, minStepSecs)
		out[k] = v
		used += v
	}
	return out
}

// sentences cuts words into sentences: after ., ! or ? (and any closing
// quote or bracket) where the next word begins with a capital or a digit,
// and not after a short abbreviation such as "e.g." or "approx.".
func sentences(s string) []string {
	var out []string
	rs := []rune(strings.TrimSpace(s))
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '.' && rs[i] != '!' && rs[i] != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`"'”’)]`, rs[j]) {
			j++
		}
		if j >= len(rs) || !unicode.IsSpace(rs[j]) {
			continue
		}
		k := j
		for k < len(rs) && unicode.IsSpace(rs[k]) {
			k++
		}
		if k >= len(rs) || !(unicode.IsUpper(rs[k]) || unicode.IsDigit(rs[k])) {
			continue
		}
		if rs[i] == '.' && abbreviation(rs[start:i]) {
			continue
		}
		if p := strings.TrimSpace(string(rs[start:j])); p != "" {
			out = append(out, p)
		}
		start = k
		i = k - 1
	}
	if p := strings.TrimSpace(string(rs[start:])); p != "" {
		out = append(out, p)
	}
	return out
}

// abbreviation reports whether the text before a full stop ends in a short
// word that usually takes one: "e.g", "approx", "min", a single letter.
func abbreviation(before []rune) bool {
	k := len(before)
	for k > 0 && !unicode.IsSpace(before[k-1]) {
		k--
	}
	w := strings.ToLower(string(before[k:]))
	switch w {
	case "e.g", "i.e", "approx", "min", "mins", "sec", "secs", "etc", "vs", "cf", "dr", "mr", "mrs", "ms", "no", "st":
		return true
	}
	return utf8.RuneCountInString(w) == 1 && unicode.IsLetter([]rune(w)[0])
}

// countText writes a count for the form: "6" or "4-5"; "" for none.
func countText(c massage.Count) string {
	switch {
	case c.IsZero():
		return ""
	case c.Least == c.Most:
		return strconv.Itoa(c.Least)
	}
	return fmt.Sprintf("%d-%d", c.Least, c.Most)
}

// maxRepeat is the most times a step may be repeated on the review form.
const maxRepeat = 100

// parseRepeat reads the form's repeats: "6", "4-5", "4–5", "4 to 5",
// "6 times"; "" is none.
func parseRepeat(s string) (massage.Count, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "times"), "x"))
	if s == "" {
		return massage.Count{}, true
	}
	lo, hi := s, s
	for _, sep := range []string{"-", "–", "to"} {
		if a, b, ok := strings.Cut(s, sep); ok {
			lo, hi = strings.TrimSpace(a), strings.TrimSpace(b)
			break
		}
	}
	a, err1 := strconv.Atoi(lo)
	b, err2 := strconv.Atoi(hi)
	if err1 != nil || err2 != nil || a < 1 || b < a || b > maxRepeat {
		return massage.Count{}, false
	}
	return massage.Count{Least: a, Most: b}, true
}
