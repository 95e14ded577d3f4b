package howto

import (
	"unicode"
	"unicode/utf8"
)

// Steps, by the page's structure: a list item is a step's place. An
// item in which the rules find no move, no set-up and no hold takes the
// sentence the role model reads most surely as a move, when it instructs
// ("Let your right heel sink slowly below the edge …", "Loop the towel
// round the ball of your foot and draw the toes towards you"): stretches
// and exercises written with verbs no list holds. A set-up the model is
// sure is a move, with nothing after it in its block to set up ("To close,
// interlace your fingers, turn the palms away and stretch …"), is a step.

const (
	itemMoveSure    = 0.50 // the least probability of a move for an item's only candidate
	itemCountedSure = 0.35 // the same when it counts its strokes or times them
)

// itemMove marks the sentence of a list item with no move that the model
// reads as one, if there is one.
func itemMove(b *block) {
	if b.kind != bItem || b.caption || tipBlock(b) {
		return
	}
	var best *sentence
	for _, s := range b.sents {
		if turn, _ := switchesSide(s); turn && s.idx > 0 {
			continue // "…, x10, swap.": the turn plays the item's move again; it is not that move
		}
		if s.modelMoved || s.form != fNone && (s.handsOn() || s.setup() || s.holdStep()) {
			return
		}
		if s.itemCandidate() && (best == nil || s.guess.pMove > best.guess.pMove) {
			best = s
		}
	}
	if best == nil {
		return
	}
	if best.form == fNone {
		best.form, best.vi = fImperative, best.shape.vi
		if best.shape.person != "" {
			best.form = fYou
		}
		best.verb = verb{base: lemma(best.shape.word), c: vMove}
	}
	best.modelMoved, best.modelSaid = true, true
}

// itemCandidate reports a sentence that instructs in its structure and
// that the model reads as a move rather than anything else.
func (s *sentence) itemCandidate() bool {
	g, sh := s.guess, s.shape
	sure := itemMoveSure
	if !s.rep.IsZero() || !s.secs.IsZero() {
		sure = itemCountedSure // "Pause on a tender spot in the calf and point and flex the foot 5 times."
	}
	if g.role != RoleMove || g.pMove < sure || sh.vi < 0 || s.warnLead || s.warnOnly() || s.claim || s.placesHands() || repeatsByNumber(s.toks) || s.aim() {
		return false
	}
	opens := sh.person == "" && sh.vi <= 1 // "Pause on a tender spot …", "Then cross right over left …": a word no list holds, first
	if !(sh.imperative || opens || sh.person == "you" || sh.person == "i") || sh.negated || sh.modal != "" {
		return false
	}
	return len(s.prep) == 0 || s.hasStrong()
}

// surelyMoves reports a set-up the model is sure is a move of its own.
func (st *stepDraft) surelyMoves() bool {
	for _, s := range st.sents {
		if s.guess.pMove >= moveSure && s.guess.role == RoleMove && (s.hasLoc() || s.hasPart()) && len(s.prep) == 0 {
			return true
		}
	}
	return false
}

// ownItemMove reports a sentence that opens a list item of its own with a
// move the model is sure of: it changes no step before it.
func (d *doc) ownItemMove(s *sentence) bool {
	return d.cur != nil && d.cur.last != s.b && s.opensItem() && !continues(s.b) && !s.repeatsSteps() && !s.sideRepeat(d.cur) && s.modelMove()
}

// continues reports a caption that goes on with the sentence before it:
// "twice per finger, thumb too".
func continues(b *block) bool {
	r, _ := utf8.DecodeRuneInString(b.text)
	return b.caption && unicode.IsLower(r)
}
