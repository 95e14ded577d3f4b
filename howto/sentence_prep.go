package howto

// A sentence's preparations of the giver's hands, by what the sentence does to
// them: warming the hands ("warm your hands first", "check that your
// hands are warm"; warming the oil between the palms is oiling and warms
// the hands too, as docs/import.md's labelling rules count it) and
// washing ("Wash and dry your hands").

var warmWords = wordSet("warm warmed warming warms warmer")

// meltWords soften a balm in the hands: "melt it between your palms".
var meltWords = wordSet("melt melts melted melting soften")
var washWords = wordSet("wash washed washing washes clean rinse rinsed rinses wipe wiped wipes")
var ownHands = wordSet("hands palms hand palm")
var rubWords = wordSet("rub rubs rubbing rubbed")

// warmAdjective reports "warm" said of hands already warm, after a
// possessive: "Hold your warm hands still on their shoulders".
func warmAdjective(t []token, i int) bool {
	if i == 0 || i+1 >= len(t) || !ownHands[t[i+1].w] {
		return false
	}
	switch t[i-1].w {
	case "your", "the", "my", "her", "his", "their", "both", "two":
		return true // not "Start with warm hands": that readies them
	}
	return false
}

// handsPrep gives the preparation kinds a sentence asks of the hands.
func handsPrep(t []token) []string {
	var out []string
	for i, x := range t {
		switch {
		case warmWords[x.w] && handsNear(t, i, 3) && !waterNear(t, i) && !lubricantBefore(t, len(t)) && !warmAdjective(t, i),
			warmWords[x.w] && lubricantBefore(t, len(t)) && inPalms(t, i):
			// warming the oil between the palms warms them too: oiling
			// and warm hands ("warm a blob between your hands first")
			out = appendNew(out, "warm-hands")
		case rubWords[x.w] && inPalms(t, i) && (lubricantBefore(t, len(t)) || i+1 < len(t) && t[i+1].w == "it"):
			// "rub a blob of cream between your palms first so your hands
			// aren't icy", "rubs it between his hands": the cream warmed
			// in the hands warms them
			out = appendNew(out, "warm-hands")
		case (warmWords[x.w] || meltWords[x.w]) && i+1 < len(t) && (dets[t[i+1].w] || t[i+1].w == "it") && inPalmsAfter(t, i):
			// "Warm a bit of the E45 in your hands first", "melt it
			// between your palms": something warmed in the hands warms them
			out = appendNew(out, "warm-hands")
		case warmWords[x.w] && handsWarmed(t, i):
			out = appendNew(out, "warm-hands")
		case warmWords[x.w] && i+1 < len(t) && (t[i+1].w == "it" || t[i+1].w == "them" || t[i+1].w == "up") && lubricantBefore(t, i) && handsBefore(t, i, 10):
			// "Pour a few drops of oil into your palm and warm it", "oil
			// your hands and warm them up first"
			out = appendNew(out, "warm-hands")
		case rubWords[x.w] && lubricantBefore(t, len(t)) && intoHands(t, i):
			// "a dollop of arnica gel, rub it into both hands", "I rubbed the
			// peppermint balm into my hands"
			out = appendNew(out, "warm-hands")
		case washWords[x.w] && (handsNear(t, i, 4) || driedAfter(t, i) || offHands(t, i)), showerFirst(t, i):
			out = appendNew(out, "wash")
		}
	}
	return out
}

// handsBefore reports the giver's hands named in the n tokens before i.
func handsBefore(t []token, i, n int) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if ownHands[t[k].w] {
			return true
		}
	}
	return false
}

// intoHands reports "into" the hands within a few words after token i:
// "rub it into both hands", "rubbed the balm into my hands".
func intoHands(t []token, i int) bool {
	for k := i + 1; k+1 < len(t) && k <= i+5; k++ {
		if t[k].w != "into" {
			continue
		}
		q := k + 1
		if q < len(t) && (t[q].w == "your" || t[q].w == "my" || t[q].w == "both" || t[q].w == "the" || t[q].w == "his" || t[q].w == "her" || t[q].w == "their") {
			q++
		}
		return q < len(t) && ownHands[t[q].w]
	}
	return false
}

// handsWarmed reports "warm" said of the hands as the end of what is done
// to them: "Wrap both hands round the mug until they're warm", "rub them
// until they feel warm".
func handsWarmed(t []token, i int) bool {
	if i < 2 || t[i-1].w != "they're" && t[i-1].w != "are" && t[i-1].w != "feel" && t[i-1].w != "until" && t[i-1].w != "till" {
		return false // "rub them until they feel warm", "Rub both palms together until warm"
	}
	for k := i - 2; k >= 0 && k >= i-10; k-- {
		if ownHands[t[k].w] {
			return true
		}
	}
	return false
}

// driedAfter reports hands dried just after what was washed off them:
// "Wash off the lime and sugar and dry your hands properly first".
func driedAfter(t []token, i int) bool {
	for k := i + 1; k+1 < len(t) && k <= i+10; k++ {
		if t[k].w == "dry" || t[k].w == "pat" {
			return handsNear(t, k, 3)
		}
	}
	return false
}

// showered reports a shower asked for before the massage anywhere in the
// sentence: it is asked however the sentence is put ("Please shower
// before you sit down").
func showered(t []token) bool {
	for i := range t {
		if showerFirst(t, i) {
			return true
		}
	}
	return false
}

// showerFirst reports a shower taken before the massage: "Please shower
// before you sit down on the benches", "shower first".
func showerFirst(t []token, i int) bool {
	if t[i].w != "shower" && t[i].w != "showered" {
		return false
	}
	for k := i + 1; k < len(t) && k <= i+2; k++ {
		if t[k].w == "before" || t[k].w == "first" {
			return true
		}
	}
	// "after his shower", "once you've had a warm shower": taken before
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if t[k].w == "after" || t[k].w == "once" || t[k].w == "had" {
			return true
		}
	}
	return false
}

func handsNear(t []token, i, n int) bool {
	for k := i - n; k <= i+n; k++ {
		if k < 0 || k >= len(t) || k == i {
			continue
		}
		if ownHands[t[k].w] && k > 0 && (t[k-1].w == "your" || t[k-1].w == "the" || t[k-1].w == "my" || t[k-1].w == "own" ||
			t[k-1].w == "his" || t[k-1].w == "her" || t[k-1].w == "their" || t[k-1].w == "our") {
			return true // "she has washed her hands"
		}
		if ownHands[t[k].w] && (k == i-1 || k == i+1 || k == i-3 && t[i-1].w == "and") {
			return true // "hands washed and warmed" in a list of things to do first, "freshly washed hands"
		}
	}
	return false
}

// inPalms reports "between your palms", "in your hands", "round your
// palms" or "between your fingertips" within a few words of token i:
// where the oil is warmed.
func inPalms(t []token, i int) bool {
	for k := max(0, i-8); k+1 < len(t) && k <= i+16+bracketed(t, i, 16); k++ {
		if t[k].w != "between" && t[k].w != "in" && t[k].w != "round" && t[k].w != "around" {
			continue
		}
		q := k + 1
		if q < len(t) && (t[q].w == "your" || t[q].w == "the" || t[q].w == "my" || t[q].w == "both" || t[q].w == "his" || t[q].w == "her" || t[q].w == "their" || t[q].w == "our") {
			q++
		}
		if q < len(t) && t[q].w == "own" {
			q++ // "between our own palms"
		}
		if q < len(t) && (ownHands[t[q].w] || t[k].w == "between" && (t[q].w == "fingertips" || t[q].w == "fingers")) {
			return true // "warm a pea of cream between your fingertips", "rub it round your palms"
		}
	}
	return false
}

// bracketed counts the tokens inside brackets among those after token i,
// up to n outside them: "warm a blob of the almond oil (on the dresser)
// between your palms" reaches the palms past the aside.
func bracketed(t []token, i, n int) int {
	in, out, depth := 0, 0, 0
	for k := i + 1; k < len(t) && out < n; k++ {
		switch {
		case t[k].w == "(" || t[k].w == "[":
			depth++
			in++
		case (t[k].w == ")" || t[k].w == "]") && depth > 0:
			depth--
			in++
		case depth > 0:
			in++
		default:
			out++
		}
	}
	return in
}

// waterNear reports warm water or a warm towel, which warm no hands.
func waterNear(t []token, i int) bool {
	return i+1 < len(t) && (t[i+1].w == "water" || t[i+1].w == "towel" || t[i+1].w == "bath")
}

func lubricantBefore(t []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-25; k-- {
		if lubricants[t[k].w] && !(k > 0 && (t[k-1].w == "no" || t[k-1].w == "without")) { // "warm them under the tap; no oil needed"

			return true
		}
	}
	return false
}

// inPalmsAfter reports "between your palms" or "in your hands" within a
// few words after token i.
func inPalmsAfter(t []token, i int) bool {
	for k := i + 1; k+2 < len(t) && k <= i+8; k++ {
		if (t[k].w == "between" || t[k].w == "in") && (t[k+1].w == "your" || t[k+1].w == "the" || t[k+1].w == "my" || t[k+1].w == "both") && ownHands[t[k+2].w] {
			return true
		}
	}
	return false
}

// offHands reports something washed or wiped off the hands: "Wash the
// flour off your hands first", "Wipe any sun cream off your hands".
func offHands(t []token, i int) bool {
	for k := i + 1; k+2 < len(t) && k <= i+5; k++ {
		if t[k].w == "off" && (t[k+1].w == "your" || t[k+1].w == "the" || t[k+1].w == "his" || t[k+1].w == "her") && ownHands[t[k+2].w] {
			return true
		}
	}
	return false
}
