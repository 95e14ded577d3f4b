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
	"hip":      {nil, []string{"hip", "upper-thigh"}},
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

// touches reports whether the technique works where the condition is.
func touches(t *massage.Technique, f *facts, c massage.Condition) bool {
	if c.Kind == "inflamed-joint" {
		return touchesJoint(t, f, c.Where)
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
	pressure  string
	made      []*Caution // the planner's cautions for conditions that lightened it
	note      string
}

// judge applies the conditions, the catalog's contraindications and the
// asked pressure to a technique planned in area.
func (ix *index) judge(t *massage.Technique, f *facts, conds []massage.Condition, asked string) verdict {
	family := massage.Families.Name(t.Family)
	for _, c := range conds {
		if !touches(t, f, c) {
			continue
		}
		switch c.Kind {
		case "unhealthy-scalp":
			return verdict{out: true, condition: c.String(),
				reason: fmt.Sprintf("works on the scalp: with %s, all scalp work is left out", said(c))}
		case "injury", "wound", "skin-condition":
			return verdict{out: true, condition: c.String(),
				reason: fmt.Sprintf("works on the %s: with %s, that area is left out", placeName(c), said(c))}
		case "inflamed-joint":
			if t.Family != "light-stroking" || f.floor == "deep" {
				return verdict{out: true, condition: c.String(),
					reason: fmt.Sprintf("%s over the %s: with %s, only light stroking stays there", family, placeName(c), said(c))}
			}
		case "sensitive":
			if f.floor == "deep" {
				return verdict{out: true, condition: c.String(),
					reason: fmt.Sprintf("needs deep pressure: with %s, every move there is kept light", said(c))}
			}
		}
	}
	// The catalog's own contraindications, for conditions the planner has no
	// built-in rule for or families it rules out beyond them.
	for _, c := range conds {
		for _, x := range ix.contra {
			if x.Condition != c.Kind || !touches(t, f, c) {
				continue
			}
			if len(x.Families) > 0 && !slices.Contains(x.Families, t.Family) {
				continue
			}
			if len(x.Areas) > 0 && !slices.ContainsFunc(x.Areas, t.Covers) {
				continue
			}
			return verdict{out: true, condition: c.String(),
				reason: fmt.Sprintf("%s on the %s: with %s, the caution %q rules it out", family, placeName(c), said(c), x.ID)}
		}
	}

	v := verdict{pressure: lighter(asked, f.top)}
	for _, c := range conds {
		if (c.Kind != "sensitive" && c.Kind != "inflamed-joint") || !touches(t, f, c) {
			continue
		}
		v.pressure = "light"
		v.made = append(v.made, madeCaution(c))
	}
	// A move whose steps need deep pressure cannot be done lightly. (Over a
	// sensitive area or an inflamed joint such moves were left out above.)
	if massage.LevelRank(f.floor)-massage.LevelRank(v.pressure) >= 2 {
		return verdict{out: true, reason: fmt.Sprintf("needs deep pressure, and %s pressure was asked for", asked)}
	}
	if massage.LevelRank(v.pressure) < massage.LevelRank(f.floor) {
		v.note = fmt.Sprintf("planned %s, lighter than its usual %s", v.pressure, f.floor)
	}
	return v
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
func madeCaution(c massage.Condition) *Caution {
	switch c.Kind {
	case "inflamed-joint":
		return &Caution{ID: c.String(), Kind: "gentle", When: "start",
			Say:   fmt.Sprintf("The %s is inflamed: only light stroking near it, no kneading or deep work there.", placeName(c)),
			Areas: []string{massage.JointArea[c.Where]}}
	default:
		return &Caution{ID: c.String(), Kind: "gentle", When: "start",
			Say:   fmt.Sprintf("The %s is sensitive: Knead keeps every move there light.", placeName(c)),
			Areas: []string{c.Where}}
	}
}
