package howto

import (
	"strings"

	"github.com/knead/knead/massage"
)

// countUnits are the words that follow a number of repetitions.
var countUnits = map[string]bool{"times": true, "time": true, "x": true, "reps": true,
	"repetitions": true, "repetition": true, "passes": true, "pass": true, "rounds": true,
	"round": true, "strokes": true, "stroke": true, "circles": true, "sets": true,
	"squeezes": true, "pulls": true, "sweeps": true, "cycles": true, "slides": true, "strips": true,
	"rolls": true, "lines": true, "presses": true, "glides": true, "pinches": true, "laps": true,
	"circuits": true, "goes": true, "swings": true, "taps": true, "shrugs": true, "lifts": true, "pushes": true,
	"knocks": true, "rocks": true, "bobs": true, "pumps": true, "tilts": true}

// countAdjs may stand between a number and its unit ("4 slow passes").
var countAdjs = map[string]bool{"slow": true, "more": true, "full": true, "small": true,
	"gentle": true, "long": true, "quick": true, "light": true, "deep": true, "big": true,
	"firm": true, "further": true, "complete": true, "whole": true}

var secondUnits = map[string]float64{"second": 1, "seconds": 1, "secs": 1, "sec": 1, "s": 1,
	"minute": 60, "minutes": 60, "mins": 60, "min": 60, "hour": 3600, "hours": 3600}

var vagueUnits = map[string]bool{"moment": true, "moments": true, "breath": true, "breaths": true,
	"seconds": true, "minutes": true, "while": true}

// numberAt reads a number, or a range "4-5", "4 to 5", "4 or 5", at toks[i].
// It returns the least and most and the index after it.
func numberAt(toks []token, i int) (lo, hi float64, next int, ok bool) {
	lo, ok = number(toks[i])
	if !ok {
		return 0, 0, i, false
	}
	hi, next = lo, i+1
	if i+2 < len(toks) && (toks[i+1].w == "-" || toks[i+1].w == "to" || toks[i+1].w == "or") {
		if v, ok2 := number(toks[i+2]); ok2 && v > lo && v <= lo*20+20 {
			hi, next = v, i+3
		}
	}
	return lo, hi, next, true
}

// wayWords follow a count of circles or passes made each way: "five
// forwards, then five backwards", "roughly 10 each direction".
var wayWords = wordSet("forwards forward backwards backward clockwise anticlockwise counterclockwise")

// approxWords may stand before a bare count: "circles, about eight".
var approxWords = wordSet("about roughly around approximately some maybe like")

// measures finds the first count of repetitions and the first duration.
func measures(toks []token) (rep massage.Count, repVague bool, secs massage.Bounds, secsVague bool) {
	rep, repVague, secs, secsVague, _ = measuresMore(toks)
	return
}

// measuresMore is measures, and says whether the count is one of more
// passes ("a couple more times"): after a first pass, the count of the
// whole move is one more.
func measuresMore(toks []token) (rep massage.Count, repVague bool, secs massage.Bounds, secsVague bool, more bool) {
	m := &measurer{toks: toks}
	for i := 0; i < len(toks); i++ {
		if m.word(i) {
			continue
		}
		i = m.number(i)
	}
	if m.secs.Most > maxStepSeconds {
		m.secs, m.secsVague = massage.Bounds{}, true // not a time for one step
	}
	return m.rep, m.repVague, m.secs, m.secsVague, m.more
}

// measurer gathers a sentence's first count and first time.
type measurer struct {
	toks      []token
	rep       massage.Count
	repVague  bool
	secs      massage.Bounds
	secsVague bool
	more      bool
}

// word reads a count or time said in words at token i ("twice", "once
// each", "x 5", "half a minute", "a couple of minutes", "a slow count of
// ten") and reports whether token i is such a word.
func (m *measurer) word(i int) bool {
	toks := m.toks
	switch toks[i].w {
	case "twice":
		if m.rep.IsZero() {
			m.rep = massage.Count{Least: 2, Most: 2}
			// "twice or three times", "twice to three times"
			if i+3 < len(toks) && (toks[i+1].w == "or" || toks[i+1].w == "to") && (toks[i+3].w == "times" || toks[i+3].w == "time") {
				if v, ok := number(toks[i+2]); ok && v > 2 && v <= 20 {
					m.rep.Most = int(v)
				}
			}
		}
	case "once":
		if m.rep.IsZero() && (i == 0 || toks[i-1].w != "at") && (i+1 >= len(toks) || toks[i+1].kind == tPunct || toks[i+1].w == "each" || toks[i+1].w == "per") {
			m.rep = massage.Count{Least: 1, Most: 1} // "once each", "once per finger"
		}
	case "x":
		if m.rep.IsZero() && i+1 < len(toks) && toks[i+1].kind == tNum && (i == 0 || toks[i-1].kind != tNum) {
			if v, _ := number(toks[i+1]); v >= 1 && v <= 500 {
				m.rep = massage.Count{Least: int(v), Most: int(v)}
			}
		}
	case "half":
		// "half a minute", "a minute and a half" is read with the minute.
		if m.secs.IsZero() && i+2 < len(toks) && (toks[i+1].w == "a" || toks[i+1].w == "an") {
			if u, ok := secondUnits[toks[i+2].w]; ok && u >= 60 {
				m.secs = exact(u / 2)
			}
		}
	case "a", "an":
		if i+1 < len(toks) {
			m.article(i)
		}
	case "several", "few":
		if i+1 < len(toks) && countUnits[toks[i+1].w] {
			m.repVague = true
		}
	case "count", "counting":
		// "a slow count of ten", "hold it while you count to 20"
		if m.secs.IsZero() && i+2 < len(toks) && (toks[i+1].w == "of" || toks[i+1].w == "to") {
			if v, ok := number(toks[i+2]); ok && v > 0 && v <= 600 {
				m.secs = exact(v)
			}
		}
	default:
		return false
	}
	return true
}

// article reads what follows "a" or "an" at token i: "a minute and a
// half", "for a moment", "a few times", "a couple more times".
func (m *measurer) article(i int) {
	toks := m.toks
	if u, ok := secondUnits[toks[i+1].w]; ok && u >= 60 && m.secs.IsZero() && !(i > 0 && toks[i-1].w == "half") {
		v := u
		if i+4 < len(toks) && toks[i+2].w == "and" && toks[i+3].w == "a" && toks[i+4].w == "half" {
			v += u / 2
		}
		m.secs = exact(v)
		return
	}
	if toks[i+1].w == "moment" || toks[i+1].w == "while" {
		m.secsVague = true // "for a moment"
	}
	if toks[i+1].w != "few" && toks[i+1].w != "couple" {
		return
	}
	j := i + 2
	if j < len(toks) && toks[j].w == "of" {
		j++
	}
	moreHere := false
	for j < len(toks) && countAdjs[toks[j].w] {
		moreHere = moreHere || toks[j].w == "more"
		j++ // "a couple more times"
	}
	if j >= len(toks) {
		return
	}
	switch {
	case countUnits[toks[j].w] && toks[j].w != "x":
		if toks[i+1].w == "couple" && m.rep.IsZero() {
			m.rep, m.more = massage.Count{Least: 2, Most: 2}, moreHere
		} else {
			m.repVague = true
		}
	case toks[i+1].w == "couple" && secondUnits[toks[j].w] >= 1 && toks[j].w != "s" && m.secs.IsZero():
		m.secs = exact(2 * secondUnits[toks[j].w]) // "for a couple of minutes"
	case vagueUnits[toks[j].w]:
		m.secsVague = true
	}
}

// number reads a number or range at token i and what it counts or times;
// it returns the index of the number's last token.
func (m *measurer) number(i int) int {
	toks := m.toks
	lo, hi, j, ok := numberAt(toks, i)
	if !ok {
		return i
	}
	whole := lo >= 1 && lo == float64(int(lo))
	// "about ten in each direction", "10 each way", "five forwards"
	if m.rep.IsZero() && whole && hi <= 500 && eachWay(toks, j) {
		m.rep = countOf(lo, hi)
		return j - 1
	}
	k := j
	moreHere := false
	for k < len(toks) && k < j+2 && countAdjs[toks[k].w] {
		moreHere = moreHere || toks[k].w == "more"
		k++
	}
	if u := longUnit(toks, j); u > 0 {
		k = u // "four or five of those long sweeping strokes"
	}
	// "make slow little circles, about eight": a bare count after the moves it counts
	if m.rep.IsZero() && whole && hi <= 50 && bareCount(toks, i, j) {
		m.rep = countOf(lo, hi)
	}
	if k < len(toks) {
		m.unit(lo, hi, j, k, moreHere)
	}
	// "repeat 4", "repeat this 3"
	if m.rep.IsZero() && i > 0 && lo >= 1 && hi <= 500 && (toks[i-1].w == "repeat" || i > 1 && toks[i-2].w == "repeat" && (toks[i-1].w == "this" || toks[i-1].w == "it")) {
		if k >= len(toks) || secondUnits[toks[k].w] == 0 {
			m.rep = countOf(lo, hi)
		}
	}
	return j - 1
}

// unit reads the unit at token k after a number lo..hi that ends before
// token j: breaths, a count's unit or a time's.
func (m *measurer) unit(lo, hi float64, j, k int, moreHere bool) {
	toks := m.toks
	w := toks[k].w
	if w == "breaths" || w == "breath" {
		m.secsVague = true // "for 3 to 5 deep breaths": a while, not a number of seconds
	}
	if countUnits[w] && m.rep.IsZero() && lo >= 1 && hi <= 500 && lo == float64(int(lo)) {
		m.rep, m.more = countOf(lo, hi), moreHere
	}
	u, ok := secondUnits[w]
	if !ok || !m.secs.IsZero() || lo <= 0 || w == "s" && k != j {
		return
	}
	switch {
	case k+3 < len(toks) && toks[k+1].w == "and" && toks[k+2].w == "a" && toks[k+3].w == "half":
		m.secs = exact(lo*u + u/2)
	case hi != lo:
		m.secs = massage.Bounds{Least: lo * u, Usual: (lo + hi) / 2 * u, Most: hi * u}
	default:
		m.secs = exact(lo * u)
	}
}

// maxStepSeconds is the longest time a step may take, as the file format
// allows it.
const maxStepSeconds = 7200

// longUnit finds the unit of a count that reaches it over "of those" and
// a few describing words: "four or five of those long sweeping strokes".
// It returns the unit's token, or 0.
func longUnit(toks []token, j int) int {
	k := j
	if k+1 < len(toks) && toks[k].w == "of" && (toks[k+1].w == "those" || toks[k+1].w == "these" || toks[k+1].w == "the") {
		k += 2
	}
	for n := 0; k < len(toks) && n < 4 && (countAdjs[toks[k].w] || toks[k].kind == tWord && strings.HasSuffix(toks[k].w, "ing")); n++ {
		k++
	}
	if k > j+2 && k < len(toks) && countUnits[toks[k].w] && toks[k].w != "x" {
		return k
	}
	return 0
}

// eachWay reports "each way", "in each direction", "either way" or a way
// word ("forwards") at token j.
func eachWay(toks []token, j int) bool {
	if j < len(toks) && wayWords[toks[j].w] {
		return true
	}
	if j < len(toks) && toks[j].w == "in" {
		j++
	}
	return j+1 < len(toks) && (toks[j].w == "each" || toks[j].w == "either") && (toks[j+1].w == "direction" || toks[j+1].w == "way")
}

// bareCount reports a number with no unit that follows, after a comma and
// perhaps "about", the moves it counts: "circles, about eight".
func bareCount(toks []token, i, j int) bool {
	if j < len(toks) && toks[j].kind != tPunct && toks[j].w != "then" {
		return false
	}
	k := i - 1
	for k >= 0 && approxWords[toks[k].w] {
		k--
	}
	if k < 1 || toks[k].w != "," {
		return false
	}
	return countUnits[toks[k-1].w] && toks[k-1].w != "x" && strings.HasSuffix(toks[k-1].w, "s")
}

func exact(v float64) massage.Bounds { return massage.Bounds{Least: v, Usual: v, Most: v} }

func countOf(lo, hi float64) massage.Count { return massage.Count{Least: int(lo), Most: int(hi)} }
