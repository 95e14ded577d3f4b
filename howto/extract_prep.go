package howto

// Extract, preparations of the giver's hands, by what the sentence does to
// them: warming the hands themselves ("warm your hands first", "check
// that your hands are warm"; warming the oil in them is oiling, as the
// corpus labels it) and washing ("Wash and dry your hands").

var warmWords = wordSet("warm warmed warming warms warmer")
var washWords = wordSet("wash washed washing washes clean")
var ownHands = wordSet("hands palms hand palm")

// handsPrep gives the preparation kinds a sentence asks of the hands.
func handsPrep(t []token) []string {
	var out []string
	for i, x := range t {
		switch {
		case warmWords[x.w] && handsNear(t, i, 3) && !waterNear(t, i) && !lubricantBefore(t, len(t)):
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
		if ownHands[t[k].w] && k > 0 && (t[k-1].w == "your" || t[k-1].w == "the" || t[k-1].w == "my" || t[k-1].w == "own") {
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
