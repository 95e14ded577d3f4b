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
	"circuits": true, "goes": true}

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
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.w {
		case "twice":
			if rep.IsZero() {
				rep = massage.Count{Least: 2, Most: 2}
			}
			continue
		case "once":
			if rep.IsZero() && (i == 0 || toks[i-1].w != "at") && (i+1 >= len(toks) || toks[i+1].kind == tPunct || toks[i+1].w == "each" || toks[i+1].w == "per") {
				rep = massage.Count{Least: 1, Most: 1} // "once each", "once per finger"
			}
			continue
		case "x":
			if rep.IsZero() && i+1 < len(toks) && toks[i+1].kind == tNum && (i == 0 || toks[i-1].kind != tNum) {
				if v, _ := number(toks[i+1]); v >= 1 && v <= 500 {
					rep = massage.Count{Least: int(v), Most: int(v)}
				}
			}
			continue
		case "half":
			// "half a minute", "a minute and a half" is read with the minute.
			if secs.IsZero() && i+2 < len(toks) && (toks[i+1].w == "a" || toks[i+1].w == "an") {
				if u, ok := secondUnits[toks[i+2].w]; ok && u >= 60 {
					secs = exact(u / 2)
				}
			}
			continue
		case "a", "an":
			if i+1 < len(toks) {
				if u, ok := secondUnits[toks[i+1].w]; ok && u >= 60 && secs.IsZero() && !(i > 0 && toks[i-1].w == "half") {
					v := u
					if i+4 < len(toks) && toks[i+2].w == "and" && toks[i+3].w == "a" && toks[i+4].w == "half" {
						v += u / 2
					}
					secs = exact(v)
					continue
				}
				if toks[i+1].w == "moment" || toks[i+1].w == "while" {
					secsVague = true // "for a moment"
				}
				if toks[i+1].w == "few" || toks[i+1].w == "couple" {
					j := i + 2
					if j < len(toks) && toks[j].w == "of" {
						j++
					}
					moreHere := false
					for j < len(toks) && countAdjs[toks[j].w] {
						moreHere = moreHere || toks[j].w == "more"
						j++ // "a couple more times"
					}
					if j < len(toks) {
						switch {
						case countUnits[toks[j].w] && toks[j].w != "x":
							if toks[i+1].w == "couple" && rep.IsZero() {
								rep, more = massage.Count{Least: 2, Most: 2}, moreHere
							} else {
								repVague = true
							}
						case toks[i+1].w == "couple" && secondUnits[toks[j].w] >= 1 && toks[j].w != "s" && secs.IsZero():
							secs = exact(2 * secondUnits[toks[j].w]) // "for a couple of minutes"
						case vagueUnits[toks[j].w]:
							secsVague = true
						}
					}
				}
			}
			continue
		case "several", "few":
			if i+1 < len(toks) && countUnits[toks[i+1].w] {
				repVague = true
			}
			continue
		case "count":
			if secs.IsZero() && i+2 < len(toks) && toks[i+1].w == "of" {
				if v, ok := number(toks[i+2]); ok && v > 0 && v <= 600 {
					secs = exact(v)
				}
			}
			continue
		}
		lo, hi, j, ok := numberAt(toks, i)
		if !ok {
			continue
		}
		// "about ten in each direction", "10 each way", "five forwards"
		if rep.IsZero() && lo >= 1 && hi <= 500 && lo == float64(int(lo)) && eachWay(toks, j) {
			rep = countOf(lo, hi)
			i = j - 1
			continue
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
		if rep.IsZero() && lo >= 1 && hi <= 50 && lo == float64(int(lo)) && bareCount(toks, i, j) {
			rep = countOf(lo, hi)
		}
		if k < len(toks) && (toks[k].w == "breaths" || toks[k].w == "breath") {
			secsVague = true // "for 3 to 5 deep breaths": a while, not a number of seconds
		}
		if k < len(toks) {
			w := toks[k].w
			if countUnits[w] && rep.IsZero() && lo >= 1 && hi <= 500 && lo == float64(int(lo)) {
				rep, more = countOf(lo, hi), moreHere
			}
			if u, ok := secondUnits[w]; ok && secs.IsZero() && lo > 0 && (w != "s" || k == j) {
				v := lo * u
				if k+3 < len(toks) && toks[k+1].w == "and" && toks[k+2].w == "a" && toks[k+3].w == "half" {
					secs = exact(v + u/2)
				} else if hi != lo {
					secs = massage.Bounds{Least: lo * u, Usual: (lo + hi) / 2 * u, Most: hi * u}
				} else {
					secs = exact(v)
				}
			}
		}
		// "repeat 4", "repeat this 3"
		if rep.IsZero() && i > 0 && lo >= 1 && hi <= 500 && (toks[i-1].w == "repeat" || i > 1 && toks[i-2].w == "repeat" && (toks[i-1].w == "this" || toks[i-1].w == "it")) {
			if k >= len(toks) || secondUnits[toks[k].w] == 0 {
				rep = countOf(lo, hi)
			}
		}
		i = j - 1
	}
	if secs.Most > maxStepSeconds {
		secs, secsVague = massage.Bounds{}, true // not a time for one step
	}
	return rep, repVague, secs, secsVague, more
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
