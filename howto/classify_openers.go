package howto

import "strings"

// Classify, the main verb: a sentence whose instruction comes after an
// opener. The rules in sentence.go find an instruction at the start of a
// sentence; mainClause strips what may stand before it, by the sentence's
// structure rather than by its words:
//
//   - a participle or prepositional phrase up to a comma: "Pressing gently,
//     make …", "Leaning your weight in slowly, knead …", "Finishing off,
//     rest …", "On the neck, work …";
//   - a frame of reported speech: "she recommends placing …", "Next, she
//     says, you should walk …", "Dana suggests that you press …";
//   - a label that ends in a colon: "Her third move is a squeeze: take …".
func mainClause(t []token) (form, int) {
	if f, vi := mainClauseFrom(t, 0); f != fNone {
		return f, vi
	}
	// "Neck circles – Using three fingers …, make small circles": a
	// short label, then the sentence.
	if q := nextBreak(t, 1, 6); q > 0 && t[q].w != "," {
		if f, vi := mainClauseFrom(t, q+1); f != fNone {
			return f, vi
		}
	}
	if vi := coordinatedMove(t); vi >= 0 {
		return fImperative, vi
	}
	if vi := causedMove(t); vi >= 0 {
		return fImperative, vi
	}
	return fNone, -1
}

// causedMove finds the move one person has another make: "he had me tip
// my head to the right", "Have them turn their head slowly".
func causedMove(t []token) int {
	for p := 0; p+2 < len(t) && p < 6; p++ {
		switch t[p].w {
		case "had", "has", "have", "having":
		default:
			continue
		}
		switch t[p+1].w {
		case "me", "him", "her", "them", "us", "you":
		default:
			return -1
		}
		if v, ok := verbs[t[p+2].w]; ok && (v.c == vMove || v.c == vPlace) || headVerbs[t[p+2].w] {
			return p + 2
		}
		return -1
	}
	return -1
}

// coordinatedMove finds the move joined to an imperative whose own verb
// the importer does not know: "Pick one hand and slowly
// knead along it …". The shape decides: a first word that is no determiner, pronoun or
// preposition, a determiner after it, then "and" and a verb of a move.
func coordinatedMove(t []token) int {
	p := 0
	for p < len(t) && (t[p].kind == tPunct || leadAdverbs[t[p].w]) {
		p++ // "First, cross your right arm … and grab …"
	}
	if len(t)-p < 4 || t[p].kind != tWord || dets[t[p].w] || subjects[t[p].w] || locPreps[t[p].w] ||
		openerWords[t[p].w] || !(dets[t[p+1].w] || t[p+1].w == "each" || t[p+1].w == "both") {
		return -1
	}
	for k := p + 2; k+1 < len(t) && k < p+10; k++ {
		if t[k].kind == tPunct {
			return -1
		}
		if t[k].w != "and" {
			continue
		}
		r := k + 1
		for r < len(t) && leadAdverbs[t[r].w] {
			r++
		}
		if r < len(t) && verbs[t[r].w].base == t[r].w && (verbs[t[r].w].c == vMove || verbs[t[r].w].c == vPlace) {
			return r
		}
		return -1
	}
	return -1
}

func mainClauseFrom(t []token, p int) (form, int) {
	// "after that grab …", "after this, knead …", "once done press …"
	if p+2 < len(t) && (t[p].w == "after" || t[p].w == "once" || t[p].w == "when") &&
		(t[p+1].w == "that" || t[p+1].w == "this" || t[p+1].w == "done" || t[p+1].w == "which") {
		if f, vi := instructionAt(t, p+2, 1); f != fNone {
			return f, vi
		}
	}
	start := p
	for round := 0; round < 3 && p < len(t); round++ {
		if !openerAt(t, p) {
			break
		}
		q := nextBreak(t, p+1, 25)
		if q < 0 {
			break
		}
		if f, vi := instructionAt(t, q+1, 1); f != fNone {
			return f, vi
		}
		if vi := reportedAt(t, q+1); vi >= 0 {
			return fImperative, vi
		}
		p = q + 1
	}
	if vi := reportedAt(t, start); vi >= 0 {
		return fImperative, vi
	}
	for q := start + 1; q < len(t) && q <= start+12; q++ {
		if t[q].w == ":" && namesMove(t[start:q]) {
			return instructionAt(t, q+1, 1)
		}
	}
	return fNone, -1
}

// openerWords open a phrase that is not the sentence's main clause.
var openerWords = wordSet("using with keeping according for on in at from after before while once " +
	"starting as again still together")

// openerAt reports a participle or prepositional opener at token p.
func openerAt(t []token, p int) bool {
	w := t[p].w
	if t[p].kind != tWord {
		return false
	}
	return openerWords[w] || locPreps[w] || len(w) > 4 && strings.HasSuffix(w, "ing")
}

// labelMoves name a move in a label before a colon.
var labelMoves = wordSet("move movement step stroke technique exercise")

// namesMove reports a label that names a move: "Her third move is a
// squeeze", not "The one thing to remember is the direction".
func namesMove(t []token) bool {
	for _, x := range t {
		if labelMoves[x.w] {
			return true
		}
	}
	return false
}

// nextBreak finds the next comma, colon, semicolon or dash from token p,
// within n tokens.
func nextBreak(t []token, p, n int) int {
	for q := p; q < len(t) && q < p+n; q++ {
		switch t[q].w {
		case ",", ":", ";", "-", "–", "—":
			return q
		}
	}
	return -1
}

// reportVerbs frame an instruction told by someone else.
var reportVerbs = wordSet("recommends recommend recommended suggests suggest suggested advises advise " +
	"advised says said explains explained prefers likes tells told shows showed demonstrates")

// reportSkip are the words between a reporting verb and what it reports.
var reportSkip = wordSet("that , : you us we to should could can might must then next first also " +
	"simply just")

// reportedAt finds the instruction a reporting verb frames, from token p:
// a gerund of a move ("she recommends placing the fingertips …") or an
// instruction ("she says you should walk your fingertips …").
func reportedAt(t []token, p int) int {
	for i := p; i < len(t) && i < p+12; i++ {
		if !reportVerbs[t[i].w] || i == 0 {
			continue
		}
		r := i + 1
		for r < len(t) && reportSkip[t[r].w] {
			r++
		}
		if r >= len(t) {
			return -1
		}
		if v, ok := verbs[t[r].w]; ok && (v.c == vMove || v.c == vPlace) {
			return r
		}
		if f, vi := instructionAt(t, r, 1); f != fNone {
			return vi
		}
		return -1
	}
	return -1
}
