package howto

// Extract, places: a body word is no place worked when it only says how
// the receiver lies or which part of a muscle is meant.

// positionWords are the verbs of lying and resting a body.
var positionWords = wordSet("lie lies lying lay lays laying rest rests resting sit sits sitting turn turns roll rolls")

// positional reports a body word at token ti that names no place worked:
// "the belly of the calf" (the calf is), "face down", "face up", "lie on
// your stomach", "lying on their back".
func (s *sentence) positional(ti int) bool {
	t := s.toks
	w := t[ti].w
	next := ""
	if ti+1 < len(t) {
		next = t[ti+1].w
	}
	switch {
	case (w == "belly" || w == "bellies") && next == "of":
		return true
	case w == "face" && (next == "down" || next == "up" || next == "downward" || next == "upward"):
		return true
	}
	// "lie on your stomach", "lying face down on their front"
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		if t[k].kind == tPunct {
			return false
		}
		if positionWords[t[k].w] {
			return w == "stomach" || w == "back" || w == "front" || w == "side" || w == "tummy" || w == "belly"
		}
	}
	return false
}
