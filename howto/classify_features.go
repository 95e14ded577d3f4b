package howto

// Classify, more of a sentence's structure for the role model: what the
// main verb acts on (the receiver's body, a product, furniture, the
// giver's hands, a pressure or a stroke), and where the sentence sits in
// its block (a list item's opening, its last sentence, a block of one
// sentence). A set-up ("Warm the balm between your palms", "Hold the
// flannel under the hot tap") acts on a product; a move acts on the body.

// objectClass names what the main verb acts on: the class of the first
// word among the few after it that the lexicon or the word lists know, or
// "none".
func (s *sentence) objectClass() string {
	vi := s.shape.vi
	if vi < 0 {
		return "none"
	}
	at := map[int]cat{}
	for _, h := range s.hits {
		ti := s.st.ti[h.i]
		for _, v := range h.e.vals {
			if _, seen := at[ti]; !seen {
				at[ti] = v.c
			}
		}
	}
	for k := vi + 1; k < len(s.toks) && k <= vi+6; k++ {
		w := s.toks[k].w
		switch {
		case w == "," || w == ";" || w == "like" || w == "as" || w == "and" && k > vi+1:
			return "none"
		case lubricants[w] || productWords[w]:
			return "product"
		case furnitureWords[w]:
			return "furniture"
		case pressureNouns[w]:
			return "pressure"
		}
		switch at[k] {
		case cLandmark, cArea:
			return "body"
		case cPart, cHand:
			return "hands"
		case cTool:
			return "tool"
		case cMotion, cManner:
			return "pressure"
		case cPrep:
			if w == "warm" && k+1 < len(s.toks) && (giverWords[s.toks[k+1].w] || ownHands[s.toks[k+1].w]) {
				return "hands" // "rest your warm palms on the lower back": the hands, warm
			}
			return "product"
		}
	}
	return "none"
}

// productWords are things a set-up handles that are neither the body nor
// a massage tool.
var productWords = wordSet("towel towels flannel flannels cloth cloths water tap basin bowl jar tube " +
	"amount drop blob pump dollop wipes tissue mask")

// furnitureWords are where the receiver sits or lies.
var furnitureWords = wordSet("chair chairs bed sofa couch floor table mat cushion cushions pillow pillows " +
	"stair stairs step wall backrest armchair stool")

// pressureNouns are what a move "applies" or "makes": "apply pressure",
// "make small circles".
var pressureNouns = wordSet("pressure strokes stroke circles circle motion motions movements movement " +
	"squeezes squeeze pressures sweeps passes taps")

// placeFeatures are the features of where s sits in its block.
func (s *sentence) placeFeatures(add func(string)) {
	b := s.b
	if b == nil {
		return
	}
	n := len(b.sents)
	switch {
	case n == 1:
		add("pos=alone")
	case s.idx == n-1:
		add("pos=last")
	case s.idx > 0:
		add("pos=mid")
	}
	if b.kind == bItem {
		add("item")
		if s.idx == 0 {
			add("itemfirst")
		}
	}
	if b.title != "" {
		add("titled")
	}
	if s.idx > 0 && s.idx-1 < n {
		b.sents[s.idx-1].neighbourFeatures("p:", add)
	}
	if s.idx+1 < n {
		b.sents[s.idx+1].neighbourFeatures("n:", add)
	}
}

// neighbourFeatures are a few features of the sentence before or after s
// in its block, named with the prefix: how it is built, not its words.
func (s *sentence) neighbourFeatures(prefix string, add func(string)) {
	sh := s.shape
	switch {
	case sh.vi < 0:
		add(prefix + "noverb")
	case sh.imperative:
		add(prefix + "imp")
	default:
		add(prefix + "person=" + sh.person)
	}
	if s.hasLoc() {
		add(prefix + "place")
	}
	if s.hasStrong() {
		add(prefix + "motion")
	}
	if !s.rep.IsZero() || !s.secs.IsZero() {
		add(prefix + "count")
	}
}

// productSetup reports a set-up with a product: the main verb acts on it,
// and no move after it works the body ("Hold the flannel under the hot
// tap, wring it out and wrap it round both hands", "Warm a pea-sized
// amount of balm between your palms and smooth it over both hands"); a
// move on the body after it ("… and draw the toes towards you") makes it
// a move.
func (s *sentence) productSetup() bool {
	if s.objectClass() != "product" {
		return false
	}
	if s.vi >= 0 && (s.verb.base == "spread" || s.verb.base == "smooth" || s.verb.c == vMove) && s.spreadAlong(s.vi) {
		return false // "Smooth cream from his fingertips up to his wrist", "Stroke the cream over the foot, six times": a stroke
	}
	if s.vi >= 0 && s.smoothedAlong(s.vi) {
		return false // "I put a little cream on and smooth it in from the fingertips up to the wrists with long strokes"
	}
	for i := 0; i+1 < len(s.toks); i++ {
		if lubricants[s.toks[i].w] && isMotionNoun(s.toks[i+1].w) {
			return false // "Finish with the lotion strokes again": strokes, named by what they spread
		}
	}
	places := s.placeAt()
	for _, m := range s.motions {
		if m.ti <= s.shape.vi || m.strength < 1 {
			continue
		}
		if m.ti+1 < len(s.toks) && (s.toks[m.ti+1].w == "it" || s.toks[m.ti+1].w == "them") {
			continue // smoothing the balm itself
		}
		for _, tis := range places {
			for _, ti := range tis {
				if ti > m.ti && ti <= m.ti+5 {
					return false
				}
			}
		}
	}
	return true
}
