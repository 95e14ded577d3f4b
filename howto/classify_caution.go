package howto

import (
	_ "embed"
	"strings"
)

// Classify, cautions: a clause inside a sentence, often a step's, that
// keeps the hands off a place, eases them, or stops on a sign ("being
// careful not to press on the spine", "avoiding the thin skin under the
// eyes", "staying off the bone", "keeping pressure away from the throat",
// "as far as is comfortable", "as firm as you can without pain", "rather
// than directly on them", "if you get pins and needles …"). It is found by
// the clause's head and what it governs, with the words in
// lexicon/cautions.txt; findWarning's older rules run as well.

//go:embed lexicon/cautions.txt
var cautionData string

var cautionSets = readWordSets(cautionData)

// readWordSets reads "SET: word word" lines into sets of words.
func readWordSets(data string) map[string]map[string]bool {
	sets := map[string]map[string]bool{}
	for _, ln := range strings.Split(data, "\n") {
		ln = strings.TrimSpace(ln)
		name, words, ok := strings.Cut(ln, ":")
		if !ok || strings.HasPrefix(ln, "#") {
			continue
		}
		set := sets[name]
		if set == nil {
			set = map[string]bool{}
			sets[name] = set
		}
		for _, w := range strings.Fields(words) {
			set[strings.ReplaceAll(w, "_", " ")] = true
		}
	}
	return sets
}

func inSet(set, w string) bool { return cautionSets[set][w] }

// mustWords before a verb that keeps the hands off make it a caution's
// head: "Guests with a head injury should skip this routine".
var mustWords = wordSet("should must shall ought")

// ifAfter end a clause that a condition then limits: "… first if",
// "… gently if".
var ifAfter = wordSet("first gently easy lightly carefully softly")

// cautionAt finds a caution clause and returns the token where it starts,
// or -1, and whether a clause is headed by it (and so governs what follows)
// rather than only holding it ("as firm as you can without pain").
func cautionAt(t []token) (int, bool) {
	for i := range t {
		clause := i == 0 || clauseBreaks[t[i-1].w] || t[i-1].kind == tPunct || mustWords[t[i-1].w] && inSet("avoid", t[i].w) || // "… should skip this routine"
			reportVerbs[t[i-1].w] || i > 1 && t[i-1].w == "to" && reportVerbs[t[i-2].w] // "She said to check first …"
		if clause && cautionHead(t, i) {
			return i, true
		}
		if cautionAnywhere(t, i) {
			return i, false
		}
	}
	return -1, false
}

// cautionHead reports a clause headed by a caution at token i.
func cautionHead(t []token, i int) bool {
	return cautionHeadCases.decide(t, i)
}

// cautionHeadCases are cautionHead's cases in three groups, tried in order.
var cautionHeadCases = cautionSwitch{cautionHeadOff, cautionHeadNot, cautionHeadSign}

// cautionSwitch is a switch's cases on token i, split in groups: a group
// tells whether one of its cases holds (ok) and then what it decides.
type cautionSwitch []func(t []token, i int) (caution, ok bool)

// decide gives what the first group with a case that holds at token i
// decides; where none holds, no caution.
func (groups cautionSwitch) decide(t []token, i int) bool {
	for _, group := range groups {
		if caution, ok := group(t, i); ok {
			return caution
		}
	}
	return false
}

// cautionHeadOff decides the heads that keep the hands off a place or ease
// them: "avoid", "keep away from", "easing off if it aches".
func cautionHeadOff(t []token, i int) (caution, ok bool) {
	w := t[i].w
	switch {
	case w == "avoids":
		// "…, which avoids the spine"; not "This avoids spillages"
		return wordWithin(t, i+1, 3, "keep-clear"), true
	case inSet("avoid", w):
		return i+1 < len(t) && t[i+1].w != "it", true
	case inSet("hold-off", w):
		// "keep away from …"; "Keep it feather-light here, as temples
		// bruise easily", "Keep the pressure light over any joint that is
		// warm or puffy": the touch eased for a reason, not only how hard
		// to press
		return offWithin(t, i+1, 4) || w == "keep" && keptLight(t, i+1), true
	case inSet("ease", w):
		// "easing off if it aches", "go lighter near the elbow"; not
		// "then ease off", "go lighter on the arch if ticklish"
		return i+2 < len(t) && inSet("ease-off", t[i+1].w) && inSet("ease-where", t[i+2].w), true
	}
	return false, false
}

// cautionHeadNot decides the heads that forbid, ask for care or lighten
// the touch at a place: "be careful", "never", "nobody", "anyone with",
// "not", "light touch on", "lighter over".
func cautionHeadNot(t []token, i int) (caution, ok bool) {
	w := t[i].w
	switch {
	case w == "being" || w == "be":
		return i+1 < len(t) && t[i+1].w == "careful", true
	case w == "never":
		return i+1 < len(t) && !inSet("not-warnings", t[i+1].w), true
	case w == "nobody" || w == "no-one":
		// "nobody massages over blisters, cuts or insect bites"; not
		// "nobody deserves cold hands"
		return i+2 < len(t) && verbs[t[i+1].w].c == vMove &&
			(t[i+2].w == "over" || t[i+2].w == "on" || t[i+2].w == "near"), true
	case (w == "anyone" || w == "anybody" || w == "those" || w == "people") && i+1 < len(t) && (t[i+1].w == "with" || t[i+1].w == "recovering" || t[i+1].w == "whose" || t[i+1].w == "who"):
		// "Anyone with a twisted ankle goes to the first-aid tent",
		// "Anyone with a hip replacement should skip the ball"
		return symptomWithin(t, i+2, 6), true
	case w == "not":
		// "not near the eye", "- NOT if the calf is red", and a fragment
		// that opens "Not the perfumed hand cream, please"
		// "not earlier than two hours after a meal", "not straight after a feed"
		// "it should ache, not hurt": a limit kept to
		return i+1 < len(t) && (t[i+1].w == "for" || t[i+1].w == "near" || inSet("not-when", t[i+1].w) || t[i+1].w == "into" || t[i+1].w == "directly" || t[i+1].w == "over" ||
			t[i+1].w == "if" || t[i+1].w == "the" && i == 0 || i > 0 && t[i-1].w == "," && inSet("sign", t[i+1].w)), true
	case inSet("light-words", w) && i == 0 && i+2 < len(t) && (t[i+1].w == "touch" || t[i+1].w == "pressure" || t[i+1].w == "hands"):
		// "Light touch on the inside of the wrist, there's tendons there"
		return t[i+2].w == "on" || t[i+2].w == "over" || t[i+2].w == "near" || t[i+2].w == "around" ||
			t[i+2].w == "behind" || t[i+2].w == "under", true
	case (w == "lighter" || w == "gentler" || w == "softer") && i == 0:
		// "Lighter over the lower back, where no ribs guard the kidneys"
		return i+1 < len(t) &&
			(t[i+1].w == "over" || t[i+1].w == "near" || t[i+1].w == "around" || t[i+1].w == "on"), true
	}
	return false, false
}

// cautionHeadSign decides the heads that screen for a sign, keep a thing
// off or send for help: "report any new redness", "check the skin for
// cuts", "nothing on the bones", "if", "no work behind the knee", "call
// the surgery", "book an appointment".
func cautionHeadSign(t []token, i int) (caution, ok bool) {
	w := t[i].w
	switch {
	case w == "report" && i == 0:
		// "Report any new redness or pain to the nurse": a sign to watch for
		return symptomWithin(t, i+1, 6), true
	case w == "check" || w == "checking":
		// "check first that neither leg is hot, red or swollen", "Check
		// the skin for cuts": a screen before the hands go on
		return symptomWithin(t, i+1, 10), true
	case w == "nothing":
		// "Nothing on the bones of the spine"
		return i+1 < len(t) &&
			(t[i+1].w == "on" || t[i+1].w == "over" || t[i+1].w == "near" || t[i+1].w == "into"), true
	case w == "if":
		// not "If you've ever felt that stabbing pain in your heel, …": a
		// reader's past, told to lead in
		return (symptomWithin(t, i+1, 8) || consentWithin(t, i+1)) && !keepsOn(t, i+1) && !everBefore(t, i+1), true
	case w == "no":
		// "no work behind the knee", "no essential oils unless her midwife …"
		// not "No oil is used in this sequence", "no pressure is needed"
		// nor "No tools, no oil." (what is not needed)
		// nor "No oils or creams are used." (two things named)
		return noWhat(t, i+1) && !(i+1 < len(t) && (t[i+1].w == "need" || t[i+1].w == "matter")) && !wordWithin(t, i+2, 2, "no-statement") &&
			!(i+3 < len(t) && t[i+2].w == "or" && wordWithin(t, i+4, 2, "no-statement")), true
	case inSet("call-verbs", w):
		// "Ring me if anything worries you", "call the surgery if …",
		// "call the surgery or NHS 111 the same day"
		for k := i + 1; k < len(t) && k <= i+5; k++ {
			if t[k].w == "if" || t[k].w == "surgery" || t[k].w == "111" || t[k].w == "999" || t[k].w == "nhs" || inSet("advisers", t[k].w) {
				return true, true
			}
		}
		return false, true
	case w == "book" && i+3 < len(t) && wordWithin(t, i+1, 3, "appointments"):
		// "book a routine appointment"
		return true, true
	}
	return false, false
}

// everBefore reports "you've ever" or "you have ever" at token p.
func everBefore(t []token, p int) bool {
	return p+1 < len(t) && t[p].w == "you've" && t[p+1].w == "ever" ||
		p+2 < len(t) && t[p].w == "you" && t[p+1].w == "have" && t[p+2].w == "ever"
}

// keptLight reads, from token p after "keep", the touch kept light and
// why: a reason ("as", "because", "since", "there are …") or a place
// with a condition ("over any joint that is warm").
func keptLight(t []token, p int) bool {
	light := -1
	for k := p; k < len(t) && k <= p+4; k++ {
		if lightWords[t[k].w] {
			light = k
			break
		}
	}
	if light < 0 {
		return false
	}
	for k := light + 1; k < len(t); k++ {
		switch t[k].w {
		case "as":
			// "as temples bruise easily", not "as you glide": a reason, not a time
			return k+1 < len(t) && !subjects[t[k+1].w]
		case "because", "since", "there", "where":
			return true
		case "any":
			return k > 0 && (t[k-1].w == "over" || t[k-1].w == "on" || t[k-1].w == "around" || t[k-1].w == "near")
		}
		if bonyWords[t[k].w] && k > 1 && (t[k-2].w == "over" || t[k-2].w == "on" || t[k-2].w == "near") {
			return true // "Keep the pressure light over the collarbones": a bone under the skin
		}
		if k == light+3 && softPlaces[t[k].w] && (t[k-2].w == "under" || t[k-2].w == "behind" || t[k-2].w == "around" || t[k-2].w == "near" || t[k-2].w == "over") {
			return true // "Keep pressure light under the eyes": thin skin over soft places
		}
	}
	return false
}

// stayLightAt reads, from token p after "pressure" or "touch", the touch
// kept light at a place: "should always stay light in the hollow …",
// "must be gentle over the shin" (not "should be light and even").
func stayLightAt(t []token, p int) bool {
	k := p
	if k < len(t) && (t[k].w == "should" || t[k].w == "must") {
		k++
	} else {
		return false
	}
	for k < len(t) && (t[k].w == "always" || t[k].w == "only" || t[k].w == "stay" || t[k].w == "be" || t[k].w == "remain" || t[k].w == "very") {
		k++
	}
	if k+1 >= len(t) || !lightWords[t[k].w] {
		return false
	}
	switch t[k+1].w {
	case "in", "over", "on", "near", "around", "at", "where", "behind":
		return true
	}
	return false
}

// bonyWords are places where bone lies under the skin.
var bonyWords = wordSet("bone bones collarbone collarbones spine kneecap kneecaps shin shins ribs joint joints knuckles ankle-bones")

var lightWords = wordSet("light gentle soft lighter gentler softer")

// softPlaces are where the skin is thin or nerves and vessels lie near it:
// pressure kept light there is a caution ("under the eyes", "behind the knee").
var softPlaces = wordSet("eyes eye knee knees throat temples armpit armpits neck")

// teachesAfter reports an adviser asked to teach or show, within a few
// words of token p: "ask your physical therapist to teach you …".
func teachesAfter(t []token, p int) bool {
	for k := p; k < len(t) && k < p+6; k++ {
		if t[k].w == "teach" || t[k].w == "show" || t[k].w == "recommend" {
			return true
		}
	}
	return false
}

// consentWithin reads a condition of consent after "if": "if she says no",
// "if he asks you to stop", "if they don't want it", "if she isn't keen".
func consentWithin(t []token, p int) bool {
	for k := p; k < len(t) && k < p+4; k++ {
		switch {
		case inSet("consent-say", t[k].w):
			return wordWithin(t, k+1, 4, "consent-no")
		case t[k].w == "doesn't" || t[k].w == "don't" || t[k].w == "isn't" || t[k].w == "aren't" || t[k].w == "not":
			return wordWithin(t, k+1, 2, "consent-want")
		}
	}
	return false
}

// cautionAnywhere reports a caution phrase at token i wherever it stands.
func cautionAnywhere(t []token, i int) bool {
	return cautionAnywhereCases.decide(t, i)
}

// cautionAnywhereCases are cautionAnywhere's cases in five groups, tried in
// order.
var cautionAnywhereCases = cautionSwitch{cautionAnywhereSigns, cautionAnywhereLimits, cautionAnywhereSpared,
	cautionAnywhereAdvice, cautionAnywhereGentle}

// cautionAnywhereSigns decides the cautions told of a sign or a condition:
// "warned me not to", "wouldn't do this on someone with", "gently if",
// "watch for signs of", "skin tears easily", "pressure should stay light".
func cautionAnywhereSigns(t []token, i int) (caution, ok bool) {
	w := t[i].w
	switch {
	case w == "warned" || w == "warns":
		// "He warned me not to do deep stuff on the calf"
		return wordWithin(t, i+1, 3, "advise-no"), true
	case (w == "wouldn't" || w == "shouldn't" || w == "mustn't") && i+1 < len(t) && (t[i+1].w == "do" || t[i+1].w == "massage" || t[i+1].w == "use"):
		// "I wouldn't do any of this on someone with a recent whiplash"
		return symptomWithin(t, i+1, 10), true
	case w == "if" && i > 1 && ifAfter[t[i-1].w]:
		// "Patch test first if you have sensitive skin", "Take it gently
		// if you've got arthritis in your hands"
		return symptomWithin(t, i+1, 6) && !everBefore(t, i+1), true
	case w == "signs" && i > 0 && t[i-1].w == "for" && i+2 < len(t) && t[i+1].w == "of":
		// "Keep an eye on her face for signs of fear", "watch for signs
		// of discomfort": a sign to stop on (not "it offers relief for
		// signs of allergies")
		for k := i - 2; k >= 0 && k >= i-10; k-- {
			switch t[k].w {
			case "watch", "watching", "look", "looking", "eye", "check", "checking", "monitor", "observe":
				return true, true
			}
		}
		return false, true
	case (w == "tears" || w == "bruises" || w == "marks") && i+1 < len(t) && t[i+1].w == "easily" && i > 0 && t[i-1].w == "skin":
		// "older skin tears easily", "her skin bruises easily"
		return true, true
	case (w == "pressure" || w == "touch") && stayLightAt(t, i+1):
		// "Pressure should always stay light in the hollow behind the knee"
		return true, true
	}
	return false, false
}

// cautionAnywhereLimits decides the cautions that limit the touch:
// "without touching bone", "release your pressure as you reach the knee",
// "without pain", "rather than directly on", "as far as is comfortable",
// "careful not to", "too hard", "light pressure only", "short of pain".
func cautionAnywhereLimits(t []token, i int) (caution, ok bool) {
	w := t[i].w
	switch {
	case w == "without" && i+1 < len(t) && inSet("without-touch", t[i+1].w):
		// "move all the way down without touching bone"
		return wordWithin(t, i+2, 3, "keep-clear"), true
	case w == "pressure" && i > 0 && wordBefore(t, i, 4, "ease-verbs") && !wordBefore(t, i, 4, "ease-not"):
		// "Release your pressure as you reach the knee", "remove the
		// thumb pressure before touching the back knee"
		return wordWithin(t, i+1, 2, "ease-at"), true
	case w == "without" && i+1 < len(t):
		k := i + 1
		if k < len(t) && (t[k].w == "any" || dets[t[k].w]) {
			k++
		}
		return k < len(t) && inSet("without", t[k].w), true
	case w == "rather" && i+2 < len(t) && t[i+1].w == "than":
		return t[i+2].w == "on" || t[i+2].w == "directly" || t[i+2].w == "into" || t[i+2].w == "over", true
	case w == "as" && i+1 < len(t) && (t[i+1].w == "far" || t[i+1].w == "much"):
		// "as far as is comfortable", "as much pressure as you feel you
		// can tolerate"
		for k := i + 2; k < len(t) && k <= i+8 && t[k].kind != tPunct; k++ {
			if inSet("comfort", t[k].w) {
				return true, true
			}
		}
		return false, true
	case w == "careful" && i+1 < len(t):
		return t[i+1].w == "not" || t[i+1].w == "of" || t[i+1].w == "near" || t[i+1].w == "around" ||
			t[i+1].w == "with", true
	case w == "too" && i+1 < len(t) && inSet("too-much", t[i+1].w):
		// "if it stings, you're pulling too hard": too much on a sign; not "not too
		// hard" as a pressure, nor "the roller hurts too much" (a complaint)
		// nor asking about pressure ("if it is enough or too much")
		return ifBefore(t, i, 10) && !(i > 0 && (t[i-1].w == "not" || t[i-1].w == "or")) &&
			!(i+2 < len(t) && t[i+2].w == "or"), true
	case limitKept(t, i):
		return true, true
	case w == "short" && i+2 < len(t) && t[i+1].w == "of":
		// "Stop well short of pain"
		return inSet("sign", t[i+2].w) || inSet("comfort", t[i+2].w) || t[i+2].w == "discomfort", true
	}
	return false, false
}

// cautionAnywhereSpared decides the cautions that wait or spare a place:
// "wait a day after a strain", "within an hour of a meal", "the shin can be
// sore", "keep it light under the eyes", "forbidden", "off limits".
func cautionAnywhereSpared(t []token, i int) (caution, ok bool) {
	w := t[i].w
	switch {
	case (w == "wait" || w == "waits" || w == "waiting") && i+1 < len(t):
		// "deep tissue work waits 48 hours", "wait a day after a strain"
		return wordWithin(t, i+1, 4, "time-units") || t[i+1].w == "until", true
	case w == "within" && i+2 < len(t):
		// "within an hour of a meal", "not within 48 hours of a strain"
		return wordWithin(t, i+1, 3, "time-units") && wordWithin(t, i+2, 5, "of-meal"), true
	case w == "can" && i+2 < len(t) && t[i+1].w == "be" && i > 0 && (bodyWord(t[i-1].w) || tenderPlaces[t[i-1].w]):
		// "This side can be very tender", "the shin can be sore": a
		// place that warns of itself
		k := i + 2
		switch {
		case k+1 < len(t) && t[k].w == "a" && t[k+1].w == "bit":
			k += 2
		case t[k].w == "very" || t[k].w == "quite" || t[k].w == "really":
			k++
		}
		return k < len(t) && inSet("tender-words", t[k].w), true
	case (w == "keep" || w == "keeping") && i+3 < len(t) && t[i+1].w == "it" && (inSet("ease-off", t[i+2].w) || t[i+2].w == "light"):
		// "keep it light under the eyes": gentler near a place kept clear
		return inSet("ease-where", t[i+3].w) || t[i+3].w == "under" || t[i+3].w == "over" && wordWithin(t, i+4, 3, "keep-clear") ||
			t[i+3].w == "on" && i+5 < len(t) && (t[i+5].w == "neck" || t[i+5].w == "throat" || softPlaces[t[i+5].w]) || // "Keep it light on the neck"
			t[i+3].w == "behind" && i+5 < len(t) && softPlaces[t[i+5].w], true // "Keep it light behind the knee"
	case inSet("forbid", w):
		// "It is forbidden to make this massage at the fever"
		return true, true
	case w == "off" && i+1 < len(t) && t[i+1].w == "limits", w == "out" && matchAt(t, i, []string{"out", "of", "bounds"}), w == "no-go":
		// "the spine and the front of the throat are off limits"
		return true, true
	}
	return false, false
}

// cautionAnywhereAdvice decides the cautions that refer to an adviser,
// keep clear, put off or stop: "unless her midwife has said", "get it
// looked at", "away from the bone", "another day", "= stop", "stop the
// moment they say stop", "go gently on the shin bone".
func cautionAnywhereAdvice(t []token, i int) (caution, ok bool) {
	w := t[i].w
	switch {
	case w == "unless" && i+1 < len(t):
		// "no essential oils unless her midwife has said …"
		return wordWithin(t, i+1, 3, "advisers"), true
	case inSet("advisers", w) && i+1 < len(t):
		// "Some midwives prefer these spots are left alone"
		if wordWithin(t, i+1, 2, "advise-verbs") {
			return wordWithin(t, i+2, 10, "advise-no"), true
		}
		return false, true
	case (w == "looked" || w == "checked") && i > 1 && t[i-2].w == "get" && i+1 < len(t) && (w == "checked" || t[i+1].w == "at"):
		// "get it looked at", "get it checked"
		return true, true
	case w == "away" && i+1 < len(t) && t[i+1].w == "from":
		// "a finger's width away from the bone"; not "fingers pointing
		// away from the spine", "lift the muscle away from the bone"
		return wordWithin(t, i+2, 3, "keep-clear") && !wordBefore(t, i, 6, "away-moves"), true
	case w == "another" && i+1 < len(t) && (t[i+1].w == "day" || t[i+1].w == "time"):
		// "Leave the massage for another day if …"
		return wordBefore(t, i, 6, "put-off"), true
	case (w == "stop" || w == "stops" || w == "come" && i+1 < len(t) && t[i+1].w == "off") && wordBefore(t, i, 12, "stop-signs"):
		// "Numb fingers = stop", "if you get pins and needles in your
		// hands come off it", "Anything that feels crampy or sharp and
		// he stops"
		return true, true
	case w == "stop" && i+3 < len(t) && (t[i+1].w == "the" && t[i+2].w == "moment" || t[i+1].w == "as" && t[i+2].w == "soon"):
		// "stop the moment they say stop"
		return wordWithin(t, i+3, 4, "consent-say"), true
	case (w == "go" || w == "going") && i+2 < len(t) && inSet("ease-off", t[i+1].w) && (t[i+2].w == "on" || t[i+2].w == "round" || t[i+2].w == "around"):
		// "Go gently on the shin bone itself", "go super light round the temples"
		return wordWithin(t, i+3, 4, "keep-clear") ||
			i+4 < len(t) && (softPlaces[t[i+4].w] || t[i+4].w == "temples"), true
	}
	return false, false
}

// cautionAnywhereGentle decides the cautions that lighten the touch, stop
// on a sign, spare the nails or seek advice: "keep your touch feather-light",
// "stop if", "for safety", "pads not nails", "seek a qualified
// professional", "a word with her GP", "so go light".
func cautionAnywhereGentle(t []token, i int) (caution, ok bool) {
	w := t[i].w
	switch {
	case (w == "keep" || w == "keeping") && i+4 < len(t) && (t[i+1].w == "your" || t[i+1].w == "the") && (t[i+2].w == "touch" || t[i+2].w == "pressure"):
		// "Keep your touch feather-light on a young child's face"
		k := i + 3
		if k+2 < len(t) && t[k].w == "feather" && t[k+1].w == "-" {
			k += 2
		}
		return inSet("light-words", t[k].w) && k+1 < len(t) &&
			(t[k+1].w == "on" || t[k+1].w == "over" || inSet("ease-where", t[k+1].w)), true
	case (w == "stop" || w == "stopping") && i+2 < len(t) && (t[i+1].w == "if" || t[i+1].w == "when" || t[i+1].w == "whenever"):
		// "you should stop if this self-massage causes you any pain",
		// "Stop whenever your baby has had enough"
		return symptomWithin(t, i+2, 8) || consentWithin(t, i+2) || wordWithin(t, i+2, 8, "enough"), true
	case w == "safety" && i > 0 && (t[i-1].w == "for" || i > 1 && t[i-2].w == "for" && t[i-1].kind != tPunct):
		// "Apply light pressure for general safety"
		return true, true
	case w == "not" && i+1 < len(t):
		// "the pads—not nails—of your fingers", "not your fingernails"
		k := i + 1
		if k < len(t) && (dets[t[k].w] || t[k].w == "your" || t[k].w == "their") {
			k++
		}
		return k < len(t) && inSet("nails", t[k].w), true
	case inSet("seek-verbs", w) && i+1 < len(t):
		// "Always seek the insights of a qualified health professional",
		// "consult your doctor first" (an adviser asked to teach is no
		// caution: analyze drops it, asksForLesson)
		return wordWithin(t, i+1, 7, "advisers") ||
			(w == "seek" || w == "consult") && wordWithin(t, i+1, 7, "qualified"), true
	case w == "word" && i+1 < len(t) && t[i+1].w == "with":
		// "have a word with her GP or practice nurse first"
		return wordWithin(t, i+2, 3, "advisers"), true
	case inSet("ease-now", w):
		// "… made me wince at first, so go light", "Pain shooting down the
		// leg means back off": easing after a sign of pain
		return i+1 < len(t) && inSet("ease-now-off", t[i+1].w) && wordBefore(t, i, 12, "sign"), true
	}
	return false, false
}

// limitKept reports a limit the hands keep to, at token i: "Light
// pressure only.", "Only mild pain should be felt", "Exercise within a
// pain free range".
func limitKept(t []token, i int) bool {
	w := t[i].w
	switch {
	case w == "only" && i >= 2 && t[i-1].w == "pressure" && inSet("light-words", t[i-2].w):
		return true
	case w == "only" && i+2 < len(t) && inSet("light-words", t[i+1].w):
		n := t[i+2].w
		return n == "pressure" || n == "touch" || n == "pain" || n == "discomfort"
	case w == "pain-free" || w == "free" && i > 0 && t[i-1].w == "pain":
		return i+1 < len(t) && (t[i+1].w == "range" || t[i+1].w == "zone")
	}
	return false
}

// wordWithin reports a word of set in the n tokens from p.
func wordWithin(t []token, p, n int, set string) bool {
	for k := p; k < len(t) && k < p+n; k++ {
		if inSet(set, t[k].w) {
			return true
		}
	}
	return false
}

// wordBefore reports a word of set in the n tokens before i.
func wordBefore(t []token, i, n int, set string) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if inSet(set, t[k].w) {
			return true
		}
	}
	return false
}

func offWithin(t []token, p, n int) bool {
	for k := p; k < len(t) && k < p+n; k++ {
		if t[k].kind == tPunct || strings.HasSuffix(t[k].w, "ing") {
			return false // "keep the fingers pointing away": which way they point
		}
		if inSet("off-words", t[k].w) && !(k+1 < len(t) && t[k+1].w == "the" && k+2 < len(t) && t[k+2].w == "skin" && t[k].w == "off") {
			return true
		}
	}
	return false
}

func symptomWithin(t []token, p, n int) bool {
	for k := p; k < len(t) && k < p+n; k++ {
		if t[k].w == ";" || t[k].w == ":" || t[k].w == "." {
			return false
		}
		if inSet("symptom", t[k].w) {
			return true
		}
	}
	return false
}

// notWarning reports a negation that warns of nothing at token i: "don't
// be afraid to ask", "don't neglect the sides", "take care not overlook".
func notWarning(t []token, i int) bool {
	k := i
	switch {
	case matchAt(t, i, []string{"don't"}), matchAt(t, i, []string{"dont"}):
		k = i + 1
	case matchAt(t, i, []string{"do", "not"}), matchAt(t, i, []string{"take", "care"}):
		k = i + 2
	case matchAt(t, i, []string{"never"}):
		k = i + 1
	default:
		return false
	}
	for k < len(t) && (t[k].w == "not" || t[k].w == "to" || t[k].w == "be" || t[k].w == "you" || t[k].w == "get") {
		k++
	}
	return k < len(t) && inSet("not-warnings", t[k].w)
}

// ifBefore reports an "if" in the n tokens before i.
func ifBefore(t []token, i, n int) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if t[k].w == "if" {
			return true
		}
	}
	return false
}

// noWhat reports a thing kept from the body right after "no" at p ("no work
// behind the knee", "no essential oils unless …") with more of the clause
// after it.
func noWhat(t []token, p int) bool {
	for k := p; k < len(t) && k < p+2; k++ {
		// "no rolling the back of the knee": any move kept from a place
		if isGerund(t[k].w) && verbs[t[k].w].c == vMove && (k+1 == len(t) || dets[t[k+1].w] || locPreps[t[k+1].w] || t[k+1].w == "," || t[k+1].w == "." ||
			(t[k+1].w == "or" || t[k+1].w == "and") && k+2 < len(t) && strings.HasSuffix(t[k+2].w, "ing")) {
			return true // "no rolling the back of the knee", "…, no pulling, just the weight of your arms"
		}
		if inSet("no-what", t[k].w) {
			return k+1 < len(t) && t[k+1].kind != tPunct
		}
	}
	return false
}

// keepsOn reports a condition whose answer is to stay with the spot: "If
// you notice a tender spot, keep working it", "if a knot feels sore, spend
// a little longer there", "if you find knotty areas, stick around there
// and work into them" (not "…, stay off it").
// (It also reports a main clause that only states: "If you have neck
// pain, chances are your trapezius is tight.")
func keepsOn(t []token, p int) bool {
	k := answerAt(t, p)
	if k < 0 {
		return false
	}
	switch w := t[k].w; {
	case stayVerbs[w]:
		return !wordWithin(t, k+1, 3, "off-words")
	case w == "you're" || w == "chances" || w == "it's" || w == "there's" || w == "you've" || w == "that's":
		// "If you suffer from plantar fasciitis pain, you're probably
		// already …", "If you have neck pain, chances are …": a
		// statement about the reader, not what to do
		return true
	}
	return false
}

// answerAt is the token that opens the answer to a condition begun at p:
// the one after its first comma, within a dozen words; or -1.
func answerAt(t []token, p int) int {
	for k := p; k+1 < len(t) && k < p+12; k++ {
		if t[k].w == "," {
			return k + 1
		}
	}
	return -1
}

// stayVerbs keep the hands on a spot: "…, keep working it", "…, stick
// around there".
var stayVerbs = wordSet("keep continue spend linger focus stay work hang dwell stick remain return revisit")

// staysOn reports a condition whose answer is to keep working the spot,
// with no statement about the reader counted ("If she holds her breath,
// you're pressing too hard" warns).
func staysOn(t []token, p int) bool {
	k := answerAt(t, p)
	return k >= 0 && stayVerbs[t[k].w] && !wordWithin(t, k+1, 3, "off-words")
}

// markCautionLeads leaves out a line that leads in a list of cautions
// ("Do NOT do the tummy rub:", "Please leave the back rub out if:"): each
// item is a warning, said with that line (Warning.Lead). It runs on the
// blocks before their sentences are classified.
func markCautionLeads(bs []*block) {
	for _, b := range bs {
		// the line's last sentence leads in: "… at home. Don't do this
		// massage if you are:"
		last := lastSentence(b.text)
		if len(b.starts) > 1 && !strings.ContainsAny(last[:len(last)-1], ".!?") {
			// "3.3 When not to massage" over "Do not give this massage if
			// the resident:": the last line leads in, the line above titles
			// it; of that line, its last sentence again ("Dad, don't tell.
			// Do her legs the way we were shown:" leads in steps, whatever
			// the sentence before it says)
			last = lastSentence(lastLine(b))
		}
		if b.leads && b.noise == "" && (warnLeadIn(tokenize(last)) || leadWarns(last) || b.section != nil && b.kind != bHeading && headingWarns(tokenize(b.section.text))) {
			// the last clause: "Training bodies advise against it in these
			// circumstances:" under a heading "Contraindications"
			b.leadText = last
			if last == b.text {
				b.noise = leadNoise
			} // else the sentences before it are read as any others
		}
	}
}

// headingWarns reports a section heading that leads in cautions for the
// lists under it: a caution's title ("Contraindications", "Safety
// first") or a line that warns about the massage or the body ("Never on
// a swollen calf", "Do not massage if"). A shop's or a notice's own
// "NO REFUNDS ON MIXED PAINT" or "No parking" warns of nothing the
// lists under it do.
func headingWarns(t []token) bool {
	if !warnLeadIn(t) {
		return false
	}
	for i, x := range t {
		switch v, ok := verbs[x.w]; {
		case warnTitles[x.w] && x.w != "don't" && x.w != "dont" && x.w != "never" && x.w != "avoid":
			return true
		case bodyWord(x.w) || x.w == "massage" || x.w == "massaging" || x.w == "pressure" || x.w == "pain":
			return true
		case ok && (v.c == vMove || v.c == vPlace):
			return true
		case (x.w == "if" || x.w == "when" || x.w == "unless") && i > 0:
			return true
		}
	}
	return false
}

// tenderPlaces may say where it "can be tender".
var tenderPlaces = wordSet("side area spot part skin bone bones this that it there here")

// lastSentence gives a line's last sentence.
func lastSentence(t string) string {
	t = strings.TrimSpace(t)
	for i := len(t) - 2; i > 0; i-- {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i+1] == ' ' {
			return strings.TrimSpace(t[i+1:])
		}
	}
	return t
}

// leadNoise is why a line that leads in a list of cautions is left out.
const leadNoise = "it leads in the cautions listed under it"

// leadWarns reports a lead-in line that warns by itself, read as a
// sentence ("Please leave the back rub out if:").
func leadWarns(text string) bool {
	s := &sentence{text: strings.TrimRight(strings.TrimSpace(text), ":*_ ")}
	analyze(s)
	return s.warning && !offersAfterIf(s.toks) && !thenLeads(s.toks)
}

// thenLeads reports a line that ends in "then": "Wait until feeling has
// fully returned to your lips and cheeks, then:" leads into the steps,
// however much its first clause warns.
func thenLeads(t []token) bool {
	n := len(t)
	for n > 0 && t[n-1].kind == tPunct {
		n--
	}
	return n > 0 && t[n-1].w == "then"
}

// offersAfterIf reports a condition that leads into what to try, not
// into a caution: "If wrist pain is interfering with your day, take five
// minutes and try one, or all, of these three ways …:" (not "If you
// have any of these, stop and call us:").
func offersAfterIf(t []token) bool {
	if len(t) == 0 || t[0].w != "if" {
		return false
	}
	for k := 1; k+1 < len(t); k++ {
		if t[k].w != "," {
			continue
		}
		next := t[k+1].w
		if next == "then" && k+2 < len(t) {
			next = t[k+2].w
		}
		return !leadCautionVerbs[next]
	}
	return false
}

// leadCautionVerbs open the main clause of a caution after "if …,".
var leadCautionVerbs = wordSet("stop don't dont do avoid skip call ring phone see consult contact check seek ask never leave no please tell get")
