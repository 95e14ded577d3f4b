package howto

import (
	"strings"

	"github.com/knead/knead/massage"
)

// Sentences as people write and say them in lists, running text and
// transcripts: an instruction after some chatter ("good, now the fingers,
// so take each finger at the base"), fragments with no verb ("Thumbs.
// Arch. 10 circles."), and two moves in one sentence ("stroke out across
// the forehead, then make small circles on the cheeks").

// wordCount is how many words and numbers a sentence has.
func (s *sentence) wordCount() int {
	n := 0
	for _, t := range s.toks {
		if t.kind != tPunct {
			n++
		}
	}
	return n
}

// mergeFragments joins a run of tiny fragments in a list item into one
// sentence: "Thumbs. Arch. 10 circles." is one move, told in three words.
func mergeFragments(b *block) {
	if b.kind != bItem || len(b.sents) < 2 {
		return
	}
	var out []*sentence
	for i := 0; i < len(b.sents); {
		j := i
		for j < len(b.sents) && b.sents[j].form == fNone && !b.sents[j].warning && b.sents[j].wordCount() <= 3 {
			j++
		}
		if j-i < 2 {
			out = append(out, b.sents[i])
			i++
			continue
		}
		first, last := b.sents[i], b.sents[j-1]
		m := &sentence{text: b.text[first.off : last.off+len(last.text)], line: first.line, b: b, off: first.off, selfText: first.selfText}
		analyze(m)
		out = append(out, m)
		i = j
	}
	b.sents = out
}

// splitClauses cuts a sentence in two where a second move follows the
// first with "then": "Stroke the sole with your thumb a few times, then
// gently roll each little toe". Each part must be a move of its own, the
// second a different motion from the first or a still hold with a time;
// "glide up, then slide back down" stays one move.
//
// With the role model (m not nil), the first part may also be a move
// only the model reads ("I'd like to finish with a bit of tapping all
// over the back, …"), and the second a move with no verb that names a
// stroke and a place ("… and then just a long stroke down from your neck
// to your waist").
func splitClauses(b *block, m *roleModels) {
	var out []*sentence
	for _, s := range b.sents {
		out = append(out, splitClause(s, m)...)
	}
	b.sents = out
}

// movesAlone reports a clause that instructs or tells what I or you do,
// on a place, and that the role model, reading it alone, takes for a move
// more than for anything else.
func movesAlone(m *roleModels, a *sentence) bool {
	sh := a.shape
	if m == nil || sh.vi < 0 || !(sh.imperative || sh.person == "i" || sh.person == "you") || !(a.hasLoc() || a.hasPart()) {
		return false
	}
	p := m.role.predict(roleFeatures(a))
	return p[classIndex(RoleMove)] >= itemMoveSure
}

// strokeClause reports a clause with no verb of its own that names a
// stroke and where it runs: "just a long stroke down from your neck to
// your waist".
func strokeClause(z *sentence) bool {
	return (z.form == fNone || z.form == fFragment) && !z.warning && z.hasStrong() && z.hasLoc()
}

// maxSplitTokens bounds the sentences splitClause tries to cut, and
// maxSplitTries the places it tries: a real sentence of two moves is short,
// and reading its parts again must stay cheap on any input.
const (
	maxSplitTokens = 80
	maxSplitTries  = 3
)

func splitClause(s *sentence, m *roleModels) []*sentence {
	if s.warning || s.claim || len(s.toks) > maxSplitTokens {
		return []*sentence{s}
	}
	t := s.toks
	tries := 0
	for q := 1; q+2 < len(t) && tries < maxSplitTries; q++ {
		k, then, followed := splitClauseOpening(s, q)
		if k < 0 {
			continue
		}
		tries++
		if parts := splitClauseAt(s, m, q, k, then, followed); parts != nil {
			return parts
		}
	}
	return []*sentence{s}
}

// splitClauseOpening finds where a second move may open after the comma
// or semicolon at token q: token k, after "then" or "followed by", or a
// verb the lists know; k is -1 when none opens there.
func splitClauseOpening(s *sentence, q int) (k int, then, followed bool) {
	t := s.toks
	if t[q].w != "," && t[q].w != ";" {
		return -1, false, false
	}
	k = q + 1
	if t[k].w == "and" {
		k++
	}
	then = k < len(t) && t[k].w == "then"
	followed = k+2 < len(t) && t[k].w == "followed" && t[k+1].w == "by" && isGerund(t[k+2].w)
	if followed {
		// "Pull outward on the auricle five times, followed by pulling
		// downward on the earlobe five times": the next move
		then, k = true, k+2
	}
	if k >= len(t) || !then && k == q+1 || s.vi >= k || s.form == fNone && !s.hasStrong() {
		return -1, false, false
	}
	if !then && !(t[k].kind == tWord && verbs[t[k].w].c != vNone) {
		return -1, false, false // ", and use your knuckles …": only a verb the lists know opens a second move without "then"
	}
	return k, then, followed
}

// splitClauseAt cuts the sentence at the comma at token q into the
// clause before it and the one from token k, when they read as two
// moves; it returns nil when they do not.
func splitClauseAt(s *sentence, m *roleModels, q, k int, then, followed bool) []*sentence {
	t := s.toks
	head := strings.TrimRight(strings.TrimSpace(s.text[:t[q].pos]), ",;")
	a := &sentence{text: head, line: s.line, b: s.b, off: s.off, selfText: s.selfText}
	z := &sentence{text: strings.TrimSpace(s.text[t[k].pos:]), line: s.line, b: s.b, off: s.off + t[k].pos, selfText: s.selfText}
	if s.b != nil {
		z.line = s.b.lineAt(z.off)
	}
	analyze(a)
	analyze(z)
	if followed && z.form == fNone && z.hasStrong() {
		z.form, z.vi = fImperative, 0
		z.verb = verbs[z.toks[0].w]
	}
	again := followed && a.form != fNone && a.handsOn() && z.handsOn() && (newLandmark(a, z) || dirConflict(a.dirs, z.dirs))
	if !again && !twoMoves(a, z, m, then) {
		return nil
	}
	if z.form == fNone {
		z.form, z.vi = fFragment, 0
	}
	a.split = true
	return []*sentence{a, z}
}

// twoMoves reports a sentence's two parts that are two moves: the second
// a different motion from the first on a place of its own, or a still
// hold with a time. After ", and" with no "then", only a set-up with a
// product comes first and a hands-on instruction second ("Apply lotion to
// the palm of the hand, and use your knuckles to knead the muscles of the
// hand").
func twoMoves(a, z *sentence, m *roleModels, then bool) bool {
	headMoves := a.form != fNone && a.handsOn() || movesAlone(m, a)
	stroke := then && m != nil && strokeClause(z)
	if z.warning || !(z.form != fNone && z.form != fFragment || stroke) {
		return false
	}
	first, second := a.strongMotion(), z.strongMotion()
	if !then {
		product := a.form != fNone && (a.prepOnly() || a.productSetup())
		return product && z.form == fImperative && z.handsOn() && second != "" && second != "hold"
	}
	switch {
	case a.form != fNone && (a.prepOnly() || a.productSetup()) && z.form == fImperative && z.hasLoc() && (z.holdStep() || z.handsOn()):
		// "Rub the oil between your palms, then press your palms flat
		// over your cheeks …": the set-up, then the first move
		return true
	case !headMoves:
		return false
	case z.holdStep() && first != "" && first != "hold":
		return true
	}
	return (z.handsOn() || stroke) && second != "" && first != "" && second != first && second != "hold" && (elsewhere(a, z) || newLandmark(a, z))
}

// elsewhere reports a second part that works an area the first does not
// work in: "…, then pull each toe gently" after circles in the arch. Where
// the first part's moves only head ("working towards the toes") is not
// where it works.
func elsewhere(a, z *sentence) bool {
	mine := workAreas(a)
	if len(mine) == 0 {
		mine = placeAreas(a)
	}
	for _, p := range placeAreas(z) {
		if !contains(mine, p) {
			return true
		}
	}
	return false
}

// workAreas are the areas of the places a sentence works on, leaving out
// the places its moves only head for or start from.
func workAreas(s *sentence) []string {
	var out []string
	for _, l := range s.landmarks {
		if lm, ok := massage.LandmarkByID(l); ok && !s.refs[l] {
			out = append(out, lm.Area)
		}
	}
	for _, a := range s.areas {
		if !s.refs[a] {
			out = append(out, a)
		}
	}
	return out
}

// newLandmark reports a second part that names a landmark the first does
// not: "…, then gently roll each little toe" after strokes on the sole.
func newLandmark(a, z *sentence) bool {
	for _, l := range z.landmarks {
		if !contains(a.landmarks, l) {
			return true
		}
	}
	return false
}
