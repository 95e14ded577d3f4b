package howto

import "strings"

// Classify, the structure of a sentence with no verb list as its gate:
// where its main verb is once the openers are stripped, who its subject
// is, and whether it is an imperative. The role model (classify_model.go)
// reads these, so a verb no list holds ("Sink the pads of your thumbs …",
// "Scoop the flesh …", "Do the milking motion") still makes a move.

// shape is the structure of one sentence.
type shape struct {
	vi         int    // token of the main verb after the openers, -1 when none
	word       string // that verb as written
	person     string // its subject: "you", "i", "they" (he, she, the therapist), "hands", "thing", or "" for an imperative
	imperative bool   // the verb comes first, and what follows is its object
	opener     string // what was stripped before it: "", "adverb", "participle", "with", "clause", "label"
	modal      string // a modal before the verb: "can", "should", …
	negated    bool   // "don't", "never", "not", "no" anywhere
	negFirst   bool   // the sentence opens with its negation: "Don't …", "Never …"
}

// objectStarts are words that open the object of an imperative: "Sink
// the pads", "Locate a knot", "Do this three times".
var objectStarts = wordSet("the a an your their his her its each both all them it this that these those " +
	"one two three four five some any every my our gentle light firm long short small slow little")

// notVerbs never open an imperative, though an object-looking word may
// follow them.
var notVerbs = wordSet("the a an your their his her its each both all this that these those one two some any " +
	"every my our most many much more less few several if when while as after before once since because " +
	"so and but or then now next also there here it is are was were be been what how why who which where " +
	"in on at of for from by to into onto over under with without about between through during up down " +
	"out off like than very not no yes just only even too i you we they he she me us them him")

// subjectPersons name a sentence's subject.
var subjectPersons = map[string]string{"you": "you", "you'll": "you", "you'd": "you", "i": "i", "we": "i", "i'm": "i",
	"i'll": "i", "i'd": "i", "we'll": "i", "we'd": "i", "he'll": "they", "she'll": "they", "they'll": "they",
	"he": "they", "she": "they", "they": "they", "therapist": "they", "physio": "they", "partner": "they",
	"receiver": "they", "recipient": "they", "person": "they", "baby": "they", "client": "they"}

// planVerbs say what the subject means to do before the verb that does
// it: "like to", "want to", "going to", "plan to".
var planVerbs = wordSet("like love want going plan try promise promised")

var negWords = wordSet("not don't never no dont nor won't can't shouldn't mustn't")

// readShape finds the structure of a sentence.
func readShape(t []token) shape {
	sh := shape{vi: -1}
	sh.negated, sh.negFirst = readShapeNegation(t)
	p := pastLeaders(t, 0)
	if p > 0 {
		sh.opener = "adverb"
	}
	p = sh.pastOpener(t, p)
	if p >= len(t) {
		return sh
	}
	if q := firstThingIs(t, p); q > p {
		// "The first thing I do is wrap my hand round …": the author's move.
		sh.person, sh.vi, sh.word = "i", q, t[q].w
		return sh
	}
	w := t[p].w
	switch {
	case subjectPersons[w] != "" || (w == "your" || w == "the" || w == "my") && p+1 < len(t) && subjectPersons[t[p+1].w] != "":
		sh.readShapeSubject(t, p)
	case (w == "your" || w == "both" || w == "each" || w == "one") && p+1 < len(t) && giverWords[t[p+1].w]:
		sh.person = "hands"
		if p+2 < len(t) && t[p+2].kind == tWord && !locPreps[t[p+2].w] && t[p+2].w != "round" {
			// "Both hands round the calf": no verb, only where the hands go
			sh.vi, sh.word = p+2, t[p+2].w
		}
	case t[p].kind == tWord && !notVerbs[w] && !isGerund(w):
		sh.readShapeVerbFirst(t, p)
	case isGerund(w):
		sh.person = "thing"
		sh.vi, sh.word = p, w
	}
	return sh
}

// readShapeNegation reports whether the sentence says "not" anywhere
// ("don't", "never", "no" …), and whether it opens with it.
func readShapeNegation(t []token) (negated, negFirst bool) {
	for i, x := range t {
		if negWords[x.w] || x.w == "n't" || x.w == "do" && i+1 < len(t) && t[i+1].w == "not" {
			negated = true
			if i == pastLeaders(t, 0) {
				negFirst = true
			}
		}
	}
	return negated, negFirst
}

// readShapeSubject reads a sentence that opens with its subject at p ("you
// …", "your partner …"): the person, the modals after it and the verb.
func (sh *shape) readShapeSubject(t []token, p int) {
	if subjectPersons[t[p].w] == "" {
		p++
	}
	sh.person = subjectPersons[t[p].w]
	p++
	for p < len(t) && (modals[t[p].w] || t[p].w == "'ll" || t[p].w == "'d" || leadAdverbs[t[p].w]) {
		if auxes[t[p].w] || t[p].w == "need" || t[p].w == "want" {
			sh.modal = firstNonEmpty(sh.modal, t[p].w)
		}
		p++
	}
	if p+2 < len(t) && planVerbs[t[p].w] && t[p+1].w == "to" && t[p+2].kind == tWord {
		p += 2 // "I'd like to finish with …", "we're going to stroke …": the plan's verb
	}
	if p < len(t) && t[p].kind == tWord {
		sh.vi, sh.word = p, t[p].w
	}
}

// readShapeVerbFirst reads a sentence whose word at p may be its verb:
// an imperative when the verb list knows the verb, an object follows it,
// or a mark follows it at the start; a noun, the subject, when a stating
// verb follows it.
func (sh *shape) readShapeVerbFirst(t []token, p int) {
	w := t[p].w
	sh.vi, sh.word = p, w
	_, known := verbs[w]
	next := ""
	if p+1 < len(t) {
		next = t[p+1].w
	}
	sh.imperative = known && verbs[w].c != vNone || objectStarts[next] || p+1 < len(t) && t[p+1].kind == tPunct && p == 0
	if statesAfter[next] {
		// "Massage represents an excellent option …": a noun, the subject
		sh.imperative, sh.person, sh.vi, sh.word = false, "thing", p+1, next
	}
}

// firstThingIs finds the verb of "The first thing I do is (to) wrap …",
// "What I do next is slide …", or returns p.
func firstThingIs(t []token, p int) int {
	for q := p; q+2 < len(t) && q < p+6; q++ {
		if (t[q].w == "i" || t[q].w == "we" || t[q].w == "you") && (t[q+1].w == "do" || t[q+1].w == "did") {
			r := q + 2
			for r < len(t) && (t[r].w == "next" || t[r].w == "then" || t[r].w == "first" || t[r].w == "now") {
				r++
			}
			if r < len(t) && (t[r].w == "is" || t[r].w == "was") {
				r++
				if r < len(t) && t[r].w == "to" {
					r++
				}
				if r < len(t) && t[r].kind == tWord && !notVerbs[t[r].w] {
					return r
				}
			}
			return p
		}
	}
	return p
}

// pastOpener strips one opening phrase before the main clause: a
// participle ("Pressing gently, make …"), a "with"/"using" phrase ("With
// your thumbs, press …", "using the heel of your hand press …"), a
// subordinate clause up to its comma, or a short label and its colon.
func (sh *shape) pastOpener(t []token, p int) int {
	if p >= len(t) {
		return p
	}
	for q := p + 1; q < len(t) && q <= p+5; q++ {
		if t[q].w == ":" {
			sh.opener = "label"
			return pastLeaders(t, q+1)
		}
		if t[q].kind == tPunct {
			break
		}
	}
	w := t[p].w
	comma := -1
	for q := p + 1; q < len(t) && q < p+16; q++ {
		if t[q].w == "," {
			comma = q
			break
		}
		if t[q].kind == tPunct {
			break
		}
	}
	switch {
	case (w == "with" || w == "using") && comma < 0:
		if q := pastHandPhrase(t, p+1); q > p+1 && q < len(t) {
			sh.opener = "with"
			return q
		}
	case comma > 0 && (w == "with" || w == "using"):
		sh.opener = "with"
	case comma > 0 && isGerund(w):
		sh.opener = "participle"
	case comma > 0 && subordinators[w]:
		sh.opener = "clause"
	default:
		return p
	}
	if comma < 0 {
		return p
	}
	return pastLeaders(t, comma+1)
}

// lemma is a verb's base form when the verb list knows it, else the word
// with a plain ending cut: "sinks" is "sink".
func lemma(w string) string {
	if v, ok := verbs[w]; ok && v.base != "" {
		return v.base
	}
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return strings.TrimSuffix(w, "ing")
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		return strings.TrimSuffix(w, "ed")
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return strings.TrimSuffix(w, "s")
	}
	return w
}
