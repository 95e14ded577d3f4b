package howto

// Extract, preparations of the giver's hands, by what the sentence does to
// them: warming the hands ("warm your hands first", "check that your
// hands are warm"; warming the oil between the palms is oiling and warms
// the hands too, as docs/import.md's labelling rules count it) and
// washing ("Wash and dry your hands").

var warmWords = wordSet("warm warmed warming warms warmer")
var washWords = wordSet("wash washed washing washes clean")
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
		case washWords[x.w] && handsNear(t, i, 4):
			out = appendNew(out, "wash")
		}
	}
	return out
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

// inPalms reports "between your palms", "in your hands" within a few
// words of token i: where the oil is warmed.
func inPalms(t []token, i int) bool {
	for k := max(0, i-8); k+1 < len(t) && k <= i+8; k++ {
		if t[k].w != "between" && t[k].w != "in" {
			continue
		}
		q := k + 1
		if q < len(t) && (t[q].w == "your" || t[q].w == "the" || t[q].w == "my" || t[q].w == "both" || t[q].w == "his" || t[q].w == "her" || t[q].w == "their" || t[q].w == "our") {
			q++
		}
		if q < len(t) && t[q].w == "own" {
			q++ // "between our own palms"
		}
		if q < len(t) && ownHands[t[q].w] {
			return true
		}
	}
	return false
}

// waterNear reports warm water or a warm towel, which warm no hands.
func waterNear(t []token, i int) bool {
	return i+1 < len(t) && (t[i+1].w == "water" || t[i+1].w == "towel" || t[i+1].w == "bath")
}

func lubricantBefore(t []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-25; k-- {
		if lubricants[t[k].w] {
			return true
		}
	}
	return false
}
