package howto

// Extract, preparations of the giver's hands, by what the sentence does to
// them: warming ("Warm a little lotion between your palms", "Rub a
// teaspoon of oil between your hands until it is warm", "make sure that
// your hands are warm") and washing ("Wash and dry your hands").

var warmWords = wordSet("warm warmed warming warms warmer")
var washWords = wordSet("wash washed washing washes clean")
var ownHands = wordSet("hands palms hand palm")

// handsPrep gives the preparation kinds a sentence asks of the hands.
func handsPrep(t []token) []string {
	var out []string
	for i, x := range t {
		switch {
		case warmWords[x.w] && handsNear(t, i, 6) && !waterNear(t, i):
			out = appendNew(out, "warm-hands")
		case washWords[x.w] && handsNear(t, i, 4):
			out = appendNew(out, "wash")
		case x.w == "between" && i+2 < len(t) && ownHands[t[i+2].w] && lubricantBefore(t, i):
			out = appendNew(out, "warm-hands") // "rub a little cream between your hands"
		}
	}
	return out
}

func handsNear(t []token, i, n int) bool {
	for k := i - n; k <= i+n; k++ {
		if k < 0 || k >= len(t) || k == i {
			continue
		}
		if ownHands[t[k].w] && k > 0 && (t[k-1].w == "your" || t[k-1].w == "the" || t[k-1].w == "my") {
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
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if lubricants[t[k].w] {
			return true
		}
	}
	return false
}
