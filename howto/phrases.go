package howto

import (
	"sort"
	"strings"
)

// cat is what a lexicon entry names.
type cat uint8

const (
	cLandmark cat = iota + 1 // a place on the receiver's body
	cArea                    // an area of the receiver's body
	cPart                    // a part of the giver's hand or arm
	cHand                    // which hand: left, right, both, one, other, either
	cMotion                  // a motion, named by a verb or noun
	cWeak                    // a general verb of movement: move, massage, work, press
	cManner                  // circling named as a manner: "in small circles"
	cDir                     // a direction
	cTurn                    // clockwise, counterclockwise, opposite
	cPressure                // a pressure word
	cSide                    // which side, and how the sides share a step
	cPrep                    // a preparation kind
	cTool                    // a massage tool such as a ball or roller
	cElse                    // a place on the body the model has no area for
	cThing                   // a thing named by a body word that is no place: "ear defenders"
)

// val is one meaning of an entry.
type val struct {
	c  cat
	id string
}

type entry struct {
	words []string
	vals  []val
	amb   bool // a hand or arm word that may be the giver's or the receiver's
}

// lexicon finds its entries in a stream of words, longest first.
type lexicon struct {
	first map[string][]*entry
}

type hit struct {
	i, n int // position and length in the stream
	e    *entry
}

func newLexicon() *lexicon { return &lexicon{first: map[string][]*entry{}} }

// add puts in every form of pattern. Words of a pattern are separated by
// spaces; "a|b" is either word, a trailing "?" makes a word optional, and
// "(s)" adds the plural.
func (lx *lexicon) add(pattern string, vals ...val) *lexicon {
	lx.addEntry(pattern, false, vals)
	return lx
}

func (lx *lexicon) addEntry(pattern string, amb bool, vals []val) {
	var forms [][]string
	forms = append(forms, nil)
	for _, slot := range strings.Fields(pattern) {
		optional := strings.HasSuffix(slot, "?")
		slot = strings.TrimSuffix(slot, "?")
		var alts []string
		for _, a := range strings.Split(slot, "|") {
			if base, ok := strings.CutSuffix(a, "(s)"); ok {
				alts = append(alts, base, plural(base))
			} else {
				alts = append(alts, a)
			}
		}
		var next [][]string
		for _, f := range forms {
			if optional {
				next = append(next, f)
			}
			for _, a := range alts {
				g := append(append([]string(nil), f...), a)
				next = append(next, g)
			}
		}
		forms = next
	}
	for _, f := range forms {
		if len(f) == 0 {
			continue
		}
		e := &entry{words: f, vals: vals, amb: amb}
		lx.first[f[0]] = append(lx.first[f[0]], e)
	}
}

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "f"):
		return w[:len(w)-1] + "ves"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// freeze orders each word's entries longest first.
func (lx *lexicon) freeze() *lexicon {
	for _, es := range lx.first {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
	}
	return lx
}

// scan finds entries left to right, each the longest that matches where it
// starts, without overlaps.
func (lx *lexicon) scan(ws []string) []hit {
	var out []hit
	for i := 0; i < len(ws); {
		var best *entry
		for _, e := range lx.first[ws[i]] {
			if i+len(e.words) > len(ws) {
				continue
			}
			ok := true
			for k := 1; k < len(e.words); k++ {
				if ws[i+k] != e.words[k] {
					ok = false
					break
				}
			}
			if ok {
				best = e
				break
			}
		}
		if best == nil {
			i++
			continue
		}
		out = append(out, hit{i: i, n: len(best.words), e: best})
		i += len(best.words)
	}
	return out
}
