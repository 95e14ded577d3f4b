package massage

import "strings"

// The safety screen: what each condition does to a session (a
// ConditionRule), and the short yes/no questions that find the conditions
// (a Question). Both are catalog data, each rule citing its sources.

// Outcomes are what a condition does to a session, gentlest last.
var Outcomes = vocab("outcome",
	"stop", "no session today",
	"leave-out", "leave the area out",
	"light-only", "light pressure only",
	"ask-first", "ask a health professional first")

// AgeGroups are the ages a session can be planned for; each but adult is
// also a condition kind with its own rule.
var AgeGroups = vocab("age group",
	"infant", "a baby under one year",
	"child", "a child",
	"adult", "an adult",
	"older-adult", "an older adult")

// ConditionRule is what one kind of condition does to a plan, and why.
type ConditionRule struct {
	ID       string // the condition kind: "fever", "recent-fracture"
	Name     string // in plain words: "a recent fracture"
	Where    string // what follows the colon: "", "area" or "joint"
	Outcome  string // one of Outcomes
	Why      string // the reason, in the plan's words
	Doctor   bool   // the references say to see a doctor
	Age      bool   // an age group rather than a health condition
	Areas    []string
	Families []string // families left out where it applies
	Most     string   // the firmest pressure allowed where it applies
	// Postures are the receiver postures (Receivers) a partner may not be
	// placed in: the planner never places them so, and leaves out a move
	// that can be done in no other ("face-down" in pregnancy).
	Postures     []string
	Preparations []string // preparations left out when it applies to their areas
	Sources      []string
}

// Place reports whether the condition is written with a place after a colon.
func (r *ConditionRule) Place() bool { return r.Where != "" }

// Question is one yes/no question of the screen. A yes opens its follow-up,
// whose choices name the conditions; a choice whose condition takes a place
// asks where as well.
type Question struct {
	ID       string
	Ask      string
	FollowUp string   // the follow-up question a yes opens
	Choices  []Choice // answers to the follow-up
}

// Choice is one answer to a follow-up: the condition it means ("" for
// none), and whether it says a professional has already been asked.
type Choice struct {
	ID        string
	Say       string
	Condition string
	Cleared   bool
}

// ConditionRule finds the rule for a condition kind.
func (c *Catalog) ConditionRule(id string) *ConditionRule {
	for _, r := range c.Conditions {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// AddressOf gives a source's web address, or its title when it has none.
func (c *Catalog) AddressOf(id string) string {
	s := c.Source(id)
	switch {
	case s == nil:
		return id
	case s.Address != "":
		return s.Address
	}
	return s.Title + " (" + s.ID + ")"
}

// ScreenDays is how long a person's screen answers hold before the screen
// asks again (sooner when they say something changed).
const ScreenDays = 30

// Sites lists the endangerment sites among the landmarks.
func Sites() []Landmark {
	var out []Landmark
	for _, l := range Landmarks {
		if l.Site {
			out = append(out, l)
		}
	}
	return out
}

// siteMotions are the motions that may pass over an endangerment site:
// broad, flat gliding and stillness.
var siteMotions = map[string]bool{"glide": true, "fan": true, "hold": true, "draw-through": true}

// pointedParts are the hand parts that press on a small spot.
var pointedParts = map[string]bool{"fingertips": true, "thumbs": true, "knuckles": true, "fist": true, "elbow": true, "forearm": true}

// SiteSafe reports whether a step may touch an endangerment site: a light,
// broad, flat glide or hold; and if not, says what is wrong.
func SiteSafe(st Step) (bool, string) {
	if !siteMotions[st.Motion] {
		return false, "only a broad, flat glide or a still hold may touch it, not " + Motions.Name(st.Motion)
	}
	if LevelRank(st.Pressure.Level) > 1 || LevelRank(st.Pressure.Most) > 1 {
		return false, "only light pressure may touch it, not " + st.Pressure.String()
	}
	for _, h := range st.Hands {
		if h.Role == "work" && pointedParts[h.Part] {
			return false, "only broad, flat hands (palms, flat fingers) may touch it, not the " + HandParts.Name(h.Part)
		}
	}
	return true, ""
}

// StepSites lists the endangerment sites a step names, for it or one hand.
func StepSites(st Step) []string {
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			if l, ok := landmarkByID[id]; ok && l.Site {
				out = append(out, id)
			}
		}
	}
	add(st.At)
	for _, h := range st.Hands {
		add(h.At)
	}
	return out
}

// RulesOut says in plain words what a rule leaves out.
func (r *ConditionRule) RulesOut() string {
	where := "everywhere"
	switch {
	case r.Where == "area":
		where = "on the area named"
	case r.Where == "joint":
		where = "over the joint named and right around it"
	case len(r.Areas) > 0:
		names := make([]string, len(r.Areas))
		for i, a := range r.Areas {
			names[i] = AreaName(a)
		}
		where = "on the " + JoinAnd(names)
	}
	var parts []string
	switch r.Outcome {
	case "stop":
		return "the whole session: no massage today"
	case "ask-first":
		parts = append(parts, "the session until a health professional agrees")
	case "leave-out":
		parts = append(parts, "every move "+where+", and nearby work stops short of it")
	}
	if r.Most != "" {
		parts = append(parts, "pressure firmer than "+r.Most+" "+where)
	}
	if len(r.Families) > 0 {
		fs := make([]string, len(r.Families))
		for i, f := range r.Families {
			fs[i] = Families.Name(f)
		}
		parts = append(parts, JoinAnd(fs)+" "+where)
	}
	for _, p := range r.Postures {
		parts = append(parts, "moves done "+Receivers.Name(p))
	}
	for _, p := range r.Preparations {
		parts = append(parts, "the "+p+" preparation there")
	}
	if len(parts) == 0 {
		return "nothing beyond the rules for everyone"
	}
	return strings.Join(parts, "; ")
}
