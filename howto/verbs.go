package howto

import "strings"

// vclass says what a verb does in an instruction.
type vclass uint8

const (
	vNone   vclass = iota
	vPlace         // puts the hands somewhere: place, rest, cup, hold, find
	vMove          // a hands-on movement: rub, glide, knead, press
	vModify        // changes the step before: repeat, reverse, switch, keep
	vPrep          // something done first: apply, soak, dry, sit, kneel
	vAsk           // ask or check with the receiver
	vOther         // other verbs of an instruction: use, make, let, try
)

type verb struct {
	base string
	c    vclass
}

var verbs = buildVerbs()

func buildVerbs() map[string]verb {
	m := map[string]verb{}
	add := func(c vclass, bases ...string) {
		for _, b := range bases {
			for _, f := range inflect(b) {
				if _, dup := m[f]; !dup {
					m[f] = verb{base: b, c: c}
				}
			}
		}
	}
	add(vPlace, "place", "put", "rest", "lay", "position", "set", "cup", "hold", "grip", "grasp",
		"grab", "wrap", "support", "cradle", "steady", "hook", "find", "locate", "take", "reach",
		"bring", "start", "begin", "tip", "tilt", "turn", "spread", "interlace", "lace", "mold", "mould",
		"stretch", "retract", "bend", "lift", "pick", "clasp", "sandwich", "straighten", "flip", "pause")
	add(vMove, "rub", "press", "slide", "glide", "move", "massage", "knead", "squeeze", "circle",
		"rotate", "stroke", "draw", "pull", "run", "rake", "tap", "chop", "sweep", "trace", "roll",
		"pinch", "work", "push", "drag", "walk", "shake", "pat", "drum", "hack", "wring", "lean",
		"sink", "smooth", "tug", "pluck", "climb", "comb", "twist", "perform", "fold", "strip", "sweep",
		"scrub", "jiggle", "wiggle", "travel", "fan", "rock", "pump", "dig", "knock", "milk", "slap", "swing", "hug")
	add(vModify, "repeat", "reverse", "switch", "swap", "change", "alternate", "continue", "keep",
		"spend", "go", "do", "replace", "finish", "end", "proceed", "deepen", "increase", "release")
	add(vPrep, "apply", "warm", "soak", "dry", "wash", "brush", "pour", "fill", "remove", "trim",
		"cover", "sit", "lie", "kneel", "stand", "wear", "prepare", "clean", "heat", "dab", "cleanse", "melt", "rinse", "wipe")
	add(vAsk, "ask", "check")
	add(vOther, "use", "make", "let", "try", "breathe", "relax", "open", "close", "drop", "clench",
		"feel", "see", "stop", "skip", "avoid", "stay", "follow", "shift", "get", "give", "have",
		"be", "remember", "tie", "wait", "talk", "consult", "create", "add", "seek", "aim", "loosen", "combine", "stick")
	return m
}

// inflect gives the base, the third person, the -ing and the past forms of a verb.
func inflect(b string) []string {
	out := []string{b}
	switch {
	case strings.HasSuffix(b, "e") && b != "be":
		out = append(out, b+"s", b[:len(b)-1]+"ing", b+"d")
	case strings.HasSuffix(b, "y") && !strings.ContainsAny(b[len(b)-2:len(b)-1], "aeiou"):
		out = append(out, b[:len(b)-1]+"ies", b+"ing", b[:len(b)-1]+"ied")
	case strings.HasSuffix(b, "sh"), strings.HasSuffix(b, "ch"), strings.HasSuffix(b, "ss"), strings.HasSuffix(b, "x"), b == "go", b == "do":
		out = append(out, b+"es", b+"ing", b+"ed")
	case doubles(b):
		last := b[len(b)-1:]
		out = append(out, b+"s", b+last+"ing", b+last+"ed")
	default:
		out = append(out, b+"s", b+"ing", b+"ed")
	}
	return append(out, irregular[b]...)
}

// irregular are the forms a verb takes beside the regular ones: the past
// forms a story of a massage is told in ("She swept her knuckles from her
// chin up to her ears") among them.
var irregular = map[string][]string{
	"put": {"putting"}, "set": {"setting"}, "cut": {"cutting"},
	"lie": {"lying", "lay"}, "hold": {"held"}, "take": {"took", "taken"},
	"run": {"ran"}, "make": {"made"}, "sit": {"sat"}, "find": {"found"},
	"sweep": {"swept"}, "draw": {"drew", "drawn"}, "slide": {"slid"},
	"wring": {"wrung"}, "dig": {"dug"}, "lay": {"laid"}, "shake": {"shook"},
	"bring": {"brought"}, "begin": {"began", "begun"},
}

// doubles reports whether a verb doubles its last consonant (rub, rubbing).
func doubles(b string) bool {
	switch b {
	case "travel":
		return false
	case "rub", "tap", "chop", "grab", "grip", "pat", "drum", "run", "put", "set", "sit", "drag",
		"tug", "stop", "trim", "dab", "tip", "swap", "let", "get", "begin", "cup", "strip", "wrap":
		return true
	}
	return false
}

// isGerund reports whether w is the -ing form of a known verb.
func isGerund(w string) bool {
	v, ok := verbs[w]
	return ok && strings.HasSuffix(w, "ing") && v.base != w
}

// baseVerb returns the verb when w is its base form.
func baseVerb(w string) (verb, bool) {
	v, ok := verbs[w]
	if !ok || v.base != w {
		return verb{}, false
	}
	return v, true
}
