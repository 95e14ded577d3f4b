package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// jointReach lists, for each joint a condition can name, the areas and
// landmarks that lie over or right around it. Landmarks that belong to the
// joint (massage.Landmark.Joint) count too, and so does any technique area
// that holds the joint's area whole (a move over all of "legs" passes the
// knee), or that holds one of these landmarks' areas while its steps name
// no place there (a move over the whole thigh passes the lower thigh).
var jointReach = map[string]struct{ areas, landmarks []string }{
	"jaw":      {[]string{"jaw"}, []string{"jaw-joint", "jaw-line"}},
	"neck":     {[]string{"neck"}, []string{"base-of-neck", "back-of-neck", "sides-of-neck", "below-ears"}},
	"shoulder": {[]string{"shoulders"}, []string{"shoulder-joint", "tops-of-shoulders", "upper-biceps"}},
	"elbow":    {nil, []string{"elbow", "lower-biceps"}},
	"wrist":    {[]string{"wrists"}, []string{"wrist"}},
	"fingers":  {nil, []string{"fingers"}},
	"hip":      {[]string{"hips"}, []string{"hip", "side-of-hip", "upper-thigh"}},
	"knee":     {nil, []string{"knee", "lower-thigh"}},
	"ankle":    {[]string{"ankles"}, []string{"ankle", "ankle-bones"}},
	"toes":     {[]string{"toes"}, nil},
}

// touchesArea reports whether the technique works on area: one of its areas
// overlaps it, or one of its steps names a landmark inside it.
func touchesArea(f *facts, area string) bool { return f.touch.on(area) }

// touchesJoint reports whether the technique works over or right around joint.
func touchesJoint(t *massage.Technique, f *facts, joint string) bool {
	reach := jointReach[joint]
	home := massage.JointArea[joint]
	for _, a := range t.Areas {
		if massage.Within(home, a) {
			return true
		}
		for _, r := range reach.areas {
			if massage.Overlaps(a, r) {
				return true
			}
		}
	}
	if landmarksOf(t, func(id string) bool {
		l, ok := massage.LandmarkByID(id)
		return slices.Contains(reach.landmarks, id) || ok && l.Joint == joint
	}) {
		return true
	}
	// A move over a whole area that holds a place right around the joint
	// (the thighs hold the lower thigh, by the knee) passes that place too,
	// unless its steps keep to other named places in that area.
	for _, id := range reach.landmarks {
		l, ok := massage.LandmarkByID(id)
		if !ok || !slices.ContainsFunc(t.Areas, func(a string) bool { return massage.Within(l.Area, a) }) {
			continue
		}
		if !landmarksOf(t, func(m string) bool {
			x, ok := massage.LandmarkByID(m)
			return ok && massage.Within(x.Area, l.Area)
		}) {
			return true
		}
	}
	return false
}

// applies reports whether the condition's rule reaches the technique: over
// the joint or on the area the condition names, on the rule's own areas
// (the scalp, the legs), or everywhere when it names none.
func applies(t *massage.Technique, f *facts, c massage.Condition, r *massage.ConditionRule) bool {
	switch {
	case c.Kind == "inflamed-joint":
		return touchesJoint(t, f, c.Where)
	case c.Where != "":
		return touchesArea(f, c.Where)
	case len(r.Areas) > 0:
		return slices.ContainsFunc(r.Areas, func(a string) bool { return touchesArea(f, a) })
	}
	return true
}

// touches reports whether the technique works where the condition is.
func (ix *index) touches(t *massage.Technique, f *facts, c massage.Condition) bool {
	if r := ix.rule[c.Kind]; r != nil {
		return applies(t, f, c, r)
	}
	return touchesArea(f, c.Area())
}

// placeName says where a condition is, in plain words.
func placeName(c massage.Condition) string {
	if c.Kind == "inflamed-joint" {
		for _, j := range massage.Joints {
			if j.ID == c.Where {
				return j.Name
			}
		}
	}
	return massage.AreaName(c.Area())
}

// verdict is what the conditions and the asked pressure make of one
// technique in one area: left out (with a reason), or planned at a pressure,
// perhaps lighter than the technique's own, with the planner's cautions.
type verdict struct {
	out       bool
	reason    string
	condition string
	source    string
	pressure  string
	made      []*Caution // the planner's cautions for conditions that lightened it
	note      string
}

// postureOut reports the receiver posture the rule rules out when it is
// the only way a partner technique can be done (its structured posture
// offers no other); "" when the technique is for oneself or can be done in
// another posture, where the planner places the receiver (index.needOf).
func postureOut(t *massage.Technique, r *massage.ConditionRule) string {
	if len(r.Postures) == 0 || t.Mode != "partner" || !onlyIn(t, r.Postures) {
		return ""
	}
	return t.Posture.Receiver[0]
}

// onlyIn reports whether every receiver posture the technique allows is
// one of postures (and it names at least one).
func onlyIn(t *massage.Technique, postures []string) bool {
	rs := t.Posture.Receiver
	return len(rs) > 0 && !slices.ContainsFunc(rs, func(p string) bool { return !slices.Contains(postures, p) })
}

// judge applies the conditions' rules, the catalog's contraindications and
// the asked pressure to a technique planned in area.
func (ix *index) judge(t *massage.Technique, f *facts, conds []massage.Condition, asked string) verdict {
	family := massage.Families.Name(t.Family)
	if f.site != "" {
		l, _ := massage.LandmarkByID(f.site)
		return verdict{out: true, source: ix.addresses([]string{"werner-endangerment"}),
			reason: fmt.Sprintf("a step works the %s, an endangerment site, with more than a light, flat glide", l.Name)}
	}
	for _, c := range conds {
		r := ix.rule[c.Kind]
		if r == nil {
			continue
		}
		out := func(format string, args ...any) verdict {
			return verdict{out: true, condition: c.String(), source: ix.sourceOf(r), reason: fmt.Sprintf(format, args...)}
		}
		if p := postureOut(t, r); p != "" {
			w := massage.Receivers.Name(p)
			return out("is done %s: with %s, nothing is planned %s", w, said(c), w)
		}
		if !applies(t, f, c, r) {
			continue
		}
		place, there := "", ""
		if c.Where != "" || len(r.Areas) > 0 {
			place, there = " "+on(c)+" the "+ruleWhere(c, r), " there"
		}
		switch r.Outcome {
		case "leave-out":
			return out("works%s: with %s, that area is left out", place, said(c))
		case "light-only", "ask-first":
			if slices.Contains(r.Families, t.Family) {
				return out("%s%s: with %s, no %s%s", family, place, said(c), family, there)
			}
			if r.Most != "" && massage.LevelRank(f.floor)-massage.LevelRank(r.Most) >= 2 {
				return out("needs %s pressure: with %s, nothing firmer than %s%s", f.floor, said(c), r.Most, there)
			}
		}
	}
	// The catalog's own contraindications, for families they rule out
	// beyond the rules.
	for _, c := range conds {
		for _, x := range ix.contra {
			if x.Condition != c.Kind || !ix.touches(t, f, c) {
				continue
			}
			if len(x.Families) > 0 && !slices.Contains(x.Families, t.Family) {
				continue
			}
			if len(x.Areas) > 0 && !slices.ContainsFunc(x.Areas, t.Covers) {
				continue
			}
			return verdict{out: true, condition: c.String(), source: ix.addresses(x.Sources),
				reason: fmt.Sprintf("%s on the %s: with %s, the caution %q rules it out", family, placeName(c), said(c), x.ID)}
		}
	}

	v := verdict{pressure: lighter(asked, f.top)}
	for _, c := range conds {
		r := ix.rule[c.Kind]
		if r == nil || r.Most == "" || !applies(t, f, c, r) {
			continue
		}
		if massage.LevelRank(r.Most) < massage.LevelRank(v.pressure) || r.Most == "light" {
			v.pressure = lighter(v.pressure, r.Most)
			v.made = append(v.made, ix.madeCaution(c, r))
		}
	}
	// A move whose steps need deep pressure cannot be done lightly.
	if massage.LevelRank(f.floor)-massage.LevelRank(v.pressure) >= 2 {
		return verdict{out: true, reason: fmt.Sprintf("needs deep pressure, and %s pressure was asked for", asked), source: "the pressure asked for"}
	}
	if massage.LevelRank(v.pressure) < massage.LevelRank(f.floor) {
		v.note = fmt.Sprintf("planned %s, lighter than its usual %s", v.pressure, f.floor)
	}
	return v
}

// on is the word before a place: over a joint, on an area.
func on(c massage.Condition) string {
	if c.Kind == "inflamed-joint" {
		return "over"
	}
	return "on"
}

// ruleWhere names where a rule acts: the place the condition names, the
// rule's own areas, or the whole body.
func ruleWhere(c massage.Condition, r *massage.ConditionRule) string {
	switch {
	case c.Where != "":
		return placeName(c)
	case len(r.Areas) > 0:
		names := make([]string, len(r.Areas))
		for i, a := range r.Areas {
			names[i] = massage.AreaName(a)
		}
		return massage.JoinAnd(names)
	}
	return "whole body"
}

// sourceOf gives a rule's sources as addresses, for the plan.
func (ix *index) sourceOf(r *massage.ConditionRule) string { return ix.addresses(r.Sources) }

func (ix *index) addresses(ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, ix.cat.AddressOf(id))
	}
	return strings.Join(out, "; ")
}

// said names a condition in plain words and as it was written: "a recent
// injury at the calves (injury:calves)".
func said(c massage.Condition) string {
	name, _, _ := strings.Cut(massage.ConditionKinds.Name(c.Kind), ":")
	switch {
	case c.Where == "":
	case c.Kind == "inflamed-joint":
		name = "an arthritic, painful, hot or inflamed " + placeName(c)
	case c.Kind == "sensitive":
		name = "a sensitive " + placeName(c)
	default:
		name += " at the " + placeName(c)
	}
	return name + " (" + c.String() + ")"
}

func lighter(a, b string) string { return massage.Lighter(a, b) }

// madeCaution is the planner's caution for a condition that lightens moves.
func (ix *index) madeCaution(c massage.Condition, r *massage.ConditionRule) *Caution {
	x := &Caution{ID: c.String(), Kind: "gentle", When: "start", Say: r.Why, Sources: r.Sources}
	switch {
	case c.Kind == "inflamed-joint":
		x.Areas = []string{massage.JointArea[c.Where]}
	case c.Where != "":
		x.Areas = []string{c.Where}
	default:
		x.Areas = r.Areas
	}
	return x
}
