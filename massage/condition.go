package massage

import (
	"fmt"
	"strings"
)

// Condition is something the user says about the receiver's body that
// changes what is safe: "unhealthy-scalp", "inflamed-joint:ankle",
// "injury:calves", "sensitive:face".
type Condition struct {
	Kind  string // one of ConditionKinds
	Where string // the joint or area after the colon, if any
}

// String gives the condition back in the form it is written.
func (c Condition) String() string {
	if c.Where == "" {
		return c.Kind
	}
	return c.Kind + ":" + c.Where
}

// Describe says the condition in plain words.
func (c Condition) Describe() string {
	base := ConditionKinds.Name(c.Kind)
	if c.Where == "" {
		return base
	}
	where := c.Where
	if a, ok := AreaByID(c.Where); ok {
		where = a.Name
	}
	for _, j := range Joints {
		if j.ID == c.Where {
			where = j.Name
		}
	}
	return base + " (" + where + ")"
}

// Area is the area the condition touches: the joint's area, the named area,
// or the scalp.
func (c Condition) Area() string {
	switch c.Kind {
	case "unhealthy-scalp":
		return "scalp"
	case "inflamed-joint":
		return JointArea[c.Where]
	}
	return c.Where
}

// conditionWhere says what each kind takes after the colon.
var conditionWhere = map[string]string{
	"inflamed-joint":  "joint",
	"injury":          "area",
	"wound":           "area",
	"skin-condition":  "area",
	"sensitive":       "area",
	"recent-fracture": "area",
	"recent-surgery":  "area",
	"varicose-veins":  "area",
	"skin-infection":  "area",
	"numbness":        "area",
	"tumour-site":     "area",
}

// ConditionWhere says what a condition kind takes after the colon: "",
// "area" or "joint".
func ConditionWhere(kind string) string { return conditionWhere[kind] }

// ConditionUsage says how a condition kind is written, for help text.
func ConditionUsage(kind string) string {
	switch conditionWhere[kind] {
	case "joint":
		return kind + ":JOINT"
	case "area":
		return kind + ":AREA"
	}
	return kind
}

// ParseCondition reads a condition as written on the command line or in a
// form, and says what was expected when it cannot.
func ParseCondition(s string) (Condition, error) {
	kind, where, _ := strings.Cut(strings.TrimSpace(s), ":")
	if err := ConditionKinds.Check(kind); err != nil {
		return Condition{}, err
	}
	c := Condition{Kind: kind, Where: where}
	switch conditionWhere[kind] {
	case "":
		if where != "" {
			return Condition{}, fmt.Errorf("condition %q takes no place after a colon", kind)
		}
	case "joint":
		if !IsJoint(where) {
			ids := make([]string, len(Joints))
			for i, j := range Joints {
				ids[i] = j.ID
			}
			return Condition{}, fmt.Errorf("condition %q needs a joint after the colon, one of %s (got %q)", kind, strings.Join(ids, ", "), where)
		}
	case "area":
		if _, ok := AreaByID(where); !ok {
			return Condition{}, fmt.Errorf("condition %q needs an area after the colon, one of %s (got %q)", kind, AreaNames(), where)
		}
	}
	return c, nil
}
