package howto

import (
	"strings"

	"github.com/knead/knead/massage"
)

// Extract, the other side: a turn to the other side (steps_side.go)
// works the place it names ("the other leg"), or else the place of the
// step before; its side is "other" (or the side it names: "the right
// shoulder"); it makes the move before's motion again, and in the routine
// it takes as long as the moves it plays again.

// sideOther is the side of a step that plays the moves before again on
// the other side. The routine file has no such side: there the step keeps
// the side it names, or none, and its cue says which.
const sideOther = "other"

// switchInto fills in a turn to the other side, the i-th step.
func (d *doc) switchInto(out *Step, i int) {
	st, steps := d.steps[i], d.res.Steps
	out.Side = sideOther
	t := st.sents[0].toks
	for k := 0; k+1 < len(t); k++ {
		if (t[k].w == "left" || t[k].w == "right") && sideNouns[t[k+1].w] && t[k+1].w != "hand" && t[k+1].w != "hands" {
			out.Side = t[k].w // "Change to the left side", "everything on the right shoulder"
		}
	}
	out.Unsure = nil
	out.guessed = false
	if len(steps) == 0 {
		return
	}
	prev := steps[len(steps)-1]
	one := st.first == d.steps[i-1].last && !hasAnyWord(st.sents[0].toks, wholeWords)
	out.Area = prev.Area
	handsWorked := false
	for j := len(steps) - 1; j >= 0 && steps[j].Side != sideOther; j-- {
		handsWorked = handsWorked || steps[j].Area == "hands"
	}
	if a := switchedArea(st.sents[0].toks, prev.Area, handsWorked); a != "" {
		out.Area = a // "change feet" after the hands; "the other leg" after the calves and thighs
		if c := replayedArea(steps[len(steps)-replayed(false, steps, a):]); c != "" && (massage.Within(c, a) || a == "legs" && (c == "hips" || c == "glutes")) {
			out.Area = c // "the other leg" after moves on the thighs alone: the thighs; "swap legs" after a stretch of the hip, the hip
		}
	}
	out.Areas = []string{out.Area}
	if out.Area == "" {
		out.Areas = []string{}
	}
	out.Motion = prev.Motion
	out.Turn = prev.Turn
	if out.Pressure == nil {
		out.Pressure = prev.Pressure
	}
	out.Hands = prev.Hands
	out.replays = replayed(one, steps, out.Area)
}

// sideAreas are the areas the nouns of a turn name: "the other leg",
// "change feet".
var sideAreas = map[string]string{"leg": "legs", "legs": "legs", "arm": "arms", "arms": "arms",
	"foot": "feet", "feet": "feet", "hand": "hands", "hands": "hands", "calf": "calves", "calves": "calves",
	"thigh": "thighs", "thighs": "thighs", "shoulder": "shoulders", "shoulders": "shoulders",
	"hip": "hips", "hips": "hips", "knee": "legs", "ankle": "ankles", "wrist": "wrists",
	"forearm": "forearms", "cheek": "face", "cheeks": "face", "ear": "ears", "ears": "ears",
	"temple": "scalp", "buttock": "glutes", "glute": "glutes"}

// switchedArea is the area a turn names, or "": "the other leg", "change
// feet", "the second leg", "leg two"; swapped hands name the hands only when the moves were on them
// ("Switch hands and repeat everything on the right shoulder"), or on the
// forearm after moves on the hand (handsWorked): "Swap hands and repeat
// the lot" after the palm, the wrist and the forearm.
func switchedArea(t []token, prev string, handsWorked bool) string {
	for i := 1; i < len(t); i++ {
		a, ok := sideAreas[t[i].w]
		if !ok || a == "hands" && prev != "" && !massage.Within(prev, "hands") && !massage.Within(prev, "wrists") && !(prev == "forearms" && handsWorked) {
			continue
		}
		if a == "shoulders" && i+1 < len(t) && (t[i+1].w == "blade" || t[i+1].w == "blades") {
			a = "upper-back" // "Then do the other shoulder blade"
		}
		if a == "face" && prev == "glutes" {
			a = "glutes" // "Swap to the other cheek" after the ball under one buttock
		}
		if i+1 < len(t) && t[i+1].w == "two" {
			return a // "Same on leg two."
		}
		switch t[i-1].w {
		case "other", "opposite", "second", "left", "right", "swap", "switch", "change", "your":
			if swapVerbs[t[i-1].w] && (a == "arms" || a == "legs") {
				if b := switchedArea(t[i+1:], prev, handsWorked); b != "" && limbOf(b) == a {
					return b // "Switch arms and give the left shoulder the same": the shoulder
				}
			}
			return a
		}
	}
	return ""
}

// wholeWords say a turn plays every move again: "do it all again", "the
// whole thing", "same three moves".
var wholeWords = wordSet("all everything lot whole moves steps sequence routine top")

// replayed is how many of the steps before a turn to the other side it
// plays again: the step before alone when the turn closes that step's own
// block and says no more ("- One minute, then walk round and do the other
// side."), else the run of steps on the same part of the body back to the
// last turn.
func replayed(one bool, steps []Step, area string) int {
	last := len(steps) - 1
	if one {
		return 1
	}
	n := 0
	for i := last; i >= 0; i-- {
		s := steps[i]
		if s.Side == sideOther || n > 0 && area != "" && s.Area != "" && !massage.Overlaps(s.Area, area) && !sameLimb(s.Area, area) {
			break
		}
		n++
	}
	return max(n, 1)
}

// replayedArea is the area most of the steps a turn plays again work, or
// "" when none has more than half of them: "Switch legs and do it all
// again" after six moves on the thigh and one round the kneecap plays the
// thigh routine. Moves spread over three parts or more play the whole
// limb: "Then the other arm" after strokes on the palm, circles of the
// wrist and squeezes up the upper arm.
func replayedArea(steps []Step) string {
	count := map[string]int{}
	for _, s := range steps {
		if s.Area != "" {
			count[s.Area]++
		}
	}
	for a, n := range count {
		if 2*n > len(steps) && len(count) < 3 {
			return a
		}
	}
	return ""
}

// sameLimb reports two areas on the same limb: the calves and the feet
// are both the leg.
func sameLimb(a, b string) bool {
	la, lb := limbOf(a), limbOf(b)
	return la != "" && la == lb
}

func limbOf(a string) string {
	if a == "legs" || a == "arms" {
		return a
	}
	return limbPlaces[a].limb
}

// switchName names the item of a turn to the other side by what it says:
// "Other side, legs", "Right side, shoulders".
func switchName(s *Step) string {
	name := "Other side"
	if s.Side == "left" || s.Side == "right" {
		name = strings.ToUpper(s.Side[:1]) + s.Side[1:] + " side"
	}
	if a, ok := massage.AreaByID(s.Area); ok {
		name += ", " + a.Name
	}
	return name
}
