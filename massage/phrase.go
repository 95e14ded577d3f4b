package massage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// HandPhrase says in plain words which hand and which part of it works:
// "both palms", "left palm", "one thumb", "the other hand's fingertips",
// "either fist".
func HandPhrase(h HandUse) string {
	if h.Part == "" {
		return Hands.Name(h.Hand)
	}
	switch h.Hand {
	case "both":
		return "both " + partPlural[h.Part]
	case "left", "right":
		return h.Hand + " " + partSingle[h.Part]
	}
	who := map[string]string{"one": "one", "other": "the other", "either": "either"}[h.Hand]
	if who == "" {
		return partSingle[h.Part]
	}
	if groupPart[h.Part] {
		// a hand's several fingers: "one hand's fingertips"
		return who + " hand's " + partSingle[h.Part]
	}
	return who + " " + partSingle[h.Part]
}

// IsTool reports whether a part is a thing the body presses on (a ball)
// rather than a part of the hand; drawings name it in place of the hand.
func IsTool(part string) bool { return tools[part] }

// PartName names one part or tool shortly: "thumb", "palm", "ball".
func PartName(part string) string { return partSingle[part] }

var tools = map[string]bool{"ball": true}

// partSingle names a part of one hand; partPlural the parts of two.
var (
	partSingle = map[string]string{
		"fingertips": "fingertips", "finger-pads": "finger pads", "fingers": "fingers", "knuckles": "knuckles",
		"thumbs": "thumb", "palms": "palm", "heels-of-hands": "heel of the hand", "whole-hand": "whole hand",
		"fist": "fist", "forearm": "forearm", "elbow": "elbow", "ball": "ball",
	}
	partPlural = map[string]string{
		"fingertips": "fingertips", "finger-pads": "finger pads", "fingers": "hands' fingers", "knuckles": "hands' knuckles",
		"thumbs": "thumbs", "palms": "palms", "heels-of-hands": "heels of the hands", "whole-hand": "whole hands",
		"fist": "fists", "forearm": "forearms", "elbow": "elbows", "ball": "balls",
	}
	groupPart = map[string]bool{"fingertips": true, "finger-pads": true, "fingers": true, "knuckles": true}
)

// AreaName gives an area's name for people ("upper back"), or id itself
// when it names no area.
func AreaName(id string) string {
	if a, ok := AreaByID(id); ok {
		return a.Name
	}
	return id
}

// JoinAnd joins words as a person would: "a", "a and b", "a, b and c".
func JoinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// UpperFirst capitalises the first letter: "upper back" → "Upper back".
func UpperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// ClaimLine says a claim as its source's words, hedged once: "said to ease
// stress" becomes "The source says it can ease stress."; other wordings
// follow a colon ("The source says: Sore spots come from tension.").
func ClaimLine(who, say string) string {
	say = strings.TrimSpace(say)
	if rest, ok := strings.CutPrefix(say, "said to "); ok {
		return who + " it can " + strings.TrimSuffix(rest, ".") + "."
	}
	say = UpperFirst(say)
	if !strings.HasSuffix(say, ".") {
		say += "."
	}
	return who + ": " + say
}
