package howto

import "github.com/knead/knead/massage"

// Steps: whether a sentence changes the step before (a repeat, a turn),
// goes on with it, or starts a new one.

// changesStep reads an instruction that changes or repeats the step
// before: "Switch sides.", "Repeat 4 times.", "Do the same on the other
// cheek." It reports whether it took the sentence.
func (d *doc) changesStep(s *sentence) bool {
	switch {
	case d.cur == nil || d.ownItemMove(s) || s.doesPlace():
		return false
	case s.sideRepeat(d.cur) || s.giverSupport() && d.cur.last == s.b:
		d.cur.add(s, 2)
	case (s.b != d.cur.last && s.idx == 0 || s.idx > 0 && s.idx == len(s.b.sents)-1) && s.replayOf(len(d.steps)+1) > 0:
		// "10. Repeat step 1.", "…. Finally, repeat step 1 to complete
		// your massage.": the first step's move again, as a step
		n := d.numberedStep(s.replayOf(len(d.steps) + 1))
		d.closeStep()
		d.cur = &stepDraft{section: s.b.section, copied: d.steps[n-1].motion(), replay: n}
		d.cur.add(s, 1)
	case s.sameElsewhere(d.cur):
		d.restart(s)
	case s.sameItemMove(d.cur):
		d.cur.add(s, 1)
	case s.modifier(d.cur):
		d.cur.add(s, 2)
	case s.sameAs():
		d.restart(s)
	default:
		return false
	}
	return true
}

// numberedStep finds the step that the item numbered n opens, counted
// from 1 in d.steps ("Repeat step 1" names the text's own numbering, and
// a step found before the list would put it off by one); n itself when no
// item has that number.
func (d *doc) numberedStep(n int) int {
	for i, st := range d.steps {
		if st.first != nil && st.first.kind == bItem && st.first.num == n {
			return i + 1
		}
	}
	return n
}

// restart starts a step that plays the step before's move again.
func (d *doc) restart(s *sentence) {
	prev := d.cur
	d.closeStep()
	d.cur = &stepDraft{section: s.b.section, copied: prev.motion()}
	d.cur.add(s, 1)
}

// handsOn reports an instruction that is a hands-on move; a set-up ("Cup
// the chin in your left hand.") waits for the move that follows, and the
// rest are tips.
func (d *doc) handsOn(s *sentence) bool {
	switch {
	case s.modelMoved || s.handsOn() || s.doesPlace() || (s.closesWith() || s.followsWith()) && s.namesStretch():
	case s.holdStep():
	case s.mobilises() || s.form != fNone && s.mobilisesAfter(s.vi+1):
	case s.movesOnly() && d.cur != nil && (d.cur.last == s.b || d.cur.last.kind == bPara && s.b.kind == bPara):
		// "You can move from the front to the back": more of the step before, or the next move in the same place.
	case s.setup():
		if d.cur != nil && d.cur.last == s.b && !d.cur.hasMove() {
			d.cur.add(s, 0)
			return false
		}
		d.closeStep()
		if d.pending == nil {
			d.pending = &stepDraft{section: s.b.section}
		}
		d.pending.add(s, 0)
		return false
	default:
		if d.cur != nil && s.verb.c == vModify && d.cur.last == s.b {
			d.cur.add(s, 2)
			return false
		}
		if !s.prepOnly() && s.modelMove() {
			return true
		}
		if d.pending != nil && s.hasWeak() && !s.prepOnly() {
			return true // "Set your fingertips on the temples. Press gently and hold for 20 secs.": at the place set
		}
		if len(d.res.Prep) == 0 || d.res.Prep[len(d.res.Prep)-1].Line != s.line || d.res.Prep[len(d.res.Prep)-1].Text != s.text {
			d.res.Tips = append(d.res.Tips, Note{Text: s.text, Line: s.line})
		}
		return false
	}
	return true
}

// firstInstruction reports a sentence that no instruction comes before
// in its block.
func (s *sentence) firstInstruction() bool {
	for _, x := range s.b.sents[:s.idx] {
		if x.form != fNone {
			return false
		}
	}
	return true
}

// continuesStep reports a move that goes on with the step before rather
// than starting one, and adds it there.
func (d *doc) continuesStep(s *sentence) bool {
	same := d.cur.last == s.b
	conflict := dirConflict(d.cur.dirs(), s.dirs)
	if d.stepEndsBefore(s, same) {
		return false
	}
	if s.movesOnly() && (same || !s.hasStrong() || s.strongMotion() == d.cur.motion()) {
		if conflict {
			d.restart(s) // the same move, now travelling another way
		} else {
			d.cur.add(s, 1)
		}
		return true
	}
	if !d.stepGoesOn(s, same, conflict) {
		return false
	}
	d.cur.add(s, 1)
	return true
}

// usesParts reports a step whose sentences already name one of the
// giver's hand parts given.
func (st *stepDraft) usesParts(parts []handMention) bool {
	for _, s := range st.sents {
		for _, p := range s.parts {
			for _, q := range parts {
				if p.part == q.part {
					return true
				}
			}
		}
	}
	return false
}

// followsWith reports a move named as the next: "Follow with a calf
// stretch …", "Combine with a gentle jaw stretch …".
func (s *sentence) followsWith() bool {
	w := s.firstWords(2)
	return len(w) == 2 && (w[0] == "follow" || w[0] == "combine") && w[1] == "with"
}

// namesStretch reports a stretch named within a few words after "with":
// "with a gentle jaw stretch", "with a piriformis stretch".
func (s *sentence) namesStretch() bool {
	for i, x := range s.toks {
		if x.w != "with" {
			continue
		}
		for k := i + 1; k < len(s.toks) && k <= i+5; k++ {
			if s.toks[k].w == "stretch" || s.toks[k].w == "stretches" {
				return true
			}
		}
		return false
	}
	return false
}

// onlyNewAreas reports a sentence that works somewhere, and nowhere the
// step already works: each place it works (not one it only heads for) is
// of an area the step's places neither name nor overlap.
func onlyNewAreas(st *stepDraft, s *sentence) bool {
	var have []string
	for p := range st.places() {
		have = append(have, placeArea(p))
	}
	if len(have) == 0 {
		return false
	}
	n := 0
	for _, p := range append(append([]string(nil), s.landmarks...), s.areas...) {
		if s.refs[p] {
			continue
		}
		a := placeArea(p)
		for _, h := range have {
			if massage.Overlaps(h, a) {
				return false
			}
		}
		n++
	}
	return n > 0
}

// stepEndsBefore reports a move that is the next step whatever it moves:
// one on the next place, one after a count that closed the step, a
// closing move or a stretch. same is whether s is in the step's last
// block.
func (d *doc) stepEndsBefore(s *sentence, same bool) bool {
	switch {
	case s.nextPlace(d.cur):
	case d.cur.closedByCount() && s.form != fNone && (s.hasStrong() || s.hasWeak()) && !s.movesOnly():
		// "… massage the nodule side to side. Do 3 to 4 times daily. Keep
		// the thumb relaxed, use the other hand to bend it …": a move after
		// the count that closed the step before is the next
	case s.closesWith() && s.hasStrong() && s.form != fGerund:
		// "… and gently pull. Finish by stroking across the head.": the
		// closing move is a step of its own, on the same place too
	case (s.closesWith() || s.followsWith()) && s.namesStretch():
		// "Follow with a calf stretch and hold for 45 seconds …": a
		// stretch is a move of its own
	case s.movesOnly() && !same && (s.b.kind == bItem || s.b.kind == bPara) && s.firstInstruction() && s.mobilises():
		// "3) Hands back out. Hug your right knee towards your chest and
		// hold for 20 seconds.": a stretch that opens a list item or a
		// paragraph of its own is that block's step
	default:
		return false
	}
	return true
}

// stepGoesOn reports a sentence that goes on with the step, neither a
// move that only moves nor the next step outright: the same move again,
// a sentence with no strong move, a move of the same hands. conflict is
// whether s travels another way than the step.
func (d *doc) stepGoesOn(s *sentence, same, conflict bool) bool {
	switch {
	case same && s.idx > 0 && s.b.kind == bPara && s.form == fImperative && len(d.cur.sents[0].st.ws) > 3 && onlyNewAreas(d.cur, s):
		// "Milk the arms … then massage hands and fingers. Massage tummy in
		// clockwise circles.": in a paragraph of moves, a move whose every
		// place lies outside the step's is the next
		return false
	case same && d.cur.announce():
	case same && s.hasStrong() && !s.hasLoc() && !s.hasPart() && !conflict && s.strongMotion() == d.cur.motion():
		// "Squeeze and release 5 times.": the same move again
	case s.placeLead() || postures[s.verb.base] && s.vi >= 0 && s.vi <= 3:
		return false
	case s.form == fTo || s.form == fGerund || s.form == fPassive || s.form == fFragment:
		return false
	case same && !d.cur.strongMove() && s.hasStrong() && !conflict && !d.cur.still:
	case same && !s.hasStrong() && len(s.st.ws) <= 8 && newPlaces(d.cur, s) && (s.verb.c == vMove || s.verb.base == "go") && s.opensWithNext():
		return false // "Then I go to the low back itself.": the next step, announced
	case !same && s.idx == 0 && s.b.kind == bPara && s.form == fImperative && s.hasLoc() && s.hasPart() && !d.cur.usesParts(s.parts):
		// "Massage the calf with your fist." opening a paragraph after
		// moves with the thumbs: a new move, though its verb is general
		return false
	case !s.hasStrong() && !s.weakHold() && !conflict && (same || s.b.kind == bPara && d.cur.last.kind == bPara && !s.b.pageLine && !newPlaces(d.cur, s)):
	default:
		return false
	}
	return true
}
