package howto

import "strings"

// Steps, a closing move inside a sentence: "Brush down the back with
// both palms and end with tapping along the shoulders" is two moves, the
// brushing and then the tapping. A sentence is cut before "and end with",
// "and finish by", ", finishing with" when both parts are moves of their
// own with different motions.

var finishWords = wordSet("end ends ending finish finishes finishing")

// splitFinishes cuts the sentences of a block before a closing move.
func splitFinishes(b *block) {
	var out []*sentence
	for _, s := range b.sents {
		out = append(out, splitFinish(s)...)
	}
	b.sents = out
}

func splitFinish(s *sentence) []*sentence {
	t := s.toks
	if len(t) > maxSplitTokens || s.warning || s.claim || s.vi < 0 {
		return []*sentence{s}
	}
	for q := s.vi + 1; q+2 < len(t); q++ {
		if t[q].w != "and" && t[q].w != "," {
			continue
		}
		k := q + 1
		if t[k].w == "then" {
			k++
		}
		if k+1 >= len(t) || !finishWords[t[k].w] || t[k+1].w != "with" && t[k+1].w != "by" {
			continue
		}
		head := strings.TrimRight(strings.TrimSpace(s.text[:t[q].pos]), ",;")
		a := &sentence{text: head, line: s.line, b: s.b, off: s.off, selfText: s.selfText}
		z := &sentence{text: strings.TrimSpace(s.text[t[k].pos:]), line: s.line, b: s.b, off: s.off + t[k].pos, selfText: s.selfText}
		analyze(a)
		analyze(z)
		first, second := a.strongMotion(), z.strongMotion()
		if a.form == fNone || a.vi < 0 || !a.hasLoc() || second == "" || first == second || !z.hasLoc() {
			return []*sentence{s}
		}
		if s.b != nil {
			z.line = s.b.lineAt(z.off)
		}
		a.split = true
		return []*sentence{a, z}
	}
	return []*sentence{s}
}
