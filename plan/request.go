package plan

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/suggest"
)

// Request is what a person asks for: areas, minutes, mode, pressure,
// weights per area, conditions and a seed for variety.
type Request struct {
	Areas      []string           `json:"areas"`
	Minutes    float64            `json:"minutes"`
	Mode       string             `json:"mode,omitempty"`     // self, partner, "" = what fits
	Pressure   string             `json:"pressure,omitempty"` // light, moderate, deep ("" = moderate)
	Weights    map[string]float64 `json:"weights,omitempty"`
	Conditions []string           `json:"conditions,omitempty"`
	Age        string             `json:"age,omitempty"`     // infant, child, adult, older-adult ("" = adult)
	Cleared    bool               `json:"cleared,omitempty"` // a health professional agreed (for ask-first conditions)
	Seed       int64              `json:"seed,omitempty"`
	// For names whom the plan is for, as the store keeps people ("" is
	// me). The planner does not read it: the caller passes that person's
	// history to MakeFor.
	For string `json:"for,omitempty"`
	// Techniques asks for these techniques alone, in this order ("Try
	// this now" and a routine gathered in the web library), which the web
	// app lays out itself; the planner plans the areas and does not read it.
	Techniques []string `json:"techniques,omitempty"`
	// Routine names a person's kept routine (the web app's My routines),
	// played as written before the areas asked, which are planned as
	// usual; the web app joins the two, and the planner does not read it.
	Routine string `json:"routine,omitempty"`
}

// The limits of a request.
const (
	MinMinutes = 1
	MaxMinutes = 120
	MaxWeight  = 100
	maxAreas   = 32 // more than there are areas; a guard against huge API bodies
	maxConds   = 64
)

// Error is a request the user has to change: an unknown area or condition,
// minutes out of range, too few minutes for anything, nothing safe left.
// Field names the request field (a JSON path such as "areas[1]" or
// "weights.back"); the command line maps it to its flag, the web API
// answers 422 with it.
type Error struct {
	Field     string
	Message   string
	Code      string // "stop" or "ask-first" when the safety screen refused the session
	Condition string // the condition that did, as written
}

func (e *Error) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

func fieldError(field, format string, args ...any) *Error {
	return &Error{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Validate checks every field and returns an *Error naming the first field
// that is wrong, e.g. `minutes: 0 is outside 1–120`.
func (r Request) Validate() error {
	_, _, err := r.normalize()
	return err
}

// normalize validates the request and returns it with ids trimmed and
// lower-cased, defaults filled in and the conditions parsed.
func (r Request) normalize() (Request, []massage.Condition, error) {
	out := Request{Minutes: r.Minutes, Seed: r.Seed, Cleared: r.Cleared, For: strings.TrimSpace(r.For), Techniques: r.Techniques, Routine: r.Routine}
	if len(r.Areas) == 0 {
		return out, nil, fieldError("areas", "name at least one area, one of %s", massage.AreaNames())
	}
	if len(r.Areas) > maxAreas {
		return out, nil, fieldError("areas", "%d areas is more than the body has (%d at most)", len(r.Areas), maxAreas)
	}
	seen := map[string]bool{}
	for i, a := range r.Areas {
		field := fmt.Sprintf("areas[%d]", i)
		id := clean(a)
		if _, ok := massage.AreaByID(id); !ok {
			return out, nil, fieldError(field, "unknown area %q: expected one of %s", a, massage.AreaNames())
		}
		if seen[id] {
			continue
		}
		for _, prev := range out.Areas {
			if massage.Overlaps(id, prev) {
				outer, inner := prev, id
				if massage.Within(prev, id) {
					outer, inner = id, prev
				}
				return out, nil, fieldError(field, "%q lies inside %q: name one or the other", inner, outer)
			}
		}
		seen[id] = true
		out.Areas = append(out.Areas, id)
	}

	if math.IsNaN(r.Minutes) || r.Minutes < MinMinutes || r.Minutes > MaxMinutes {
		return out, nil, fieldError("minutes", "%s is outside %d–%d", num(r.Minutes), MinMinutes, MaxMinutes)
	}

	switch m := clean(r.Mode); m {
	case "", "both":
	case "self", "partner":
		out.Mode = m
	default:
		return out, nil, fieldError("mode", "unknown mode %q: expected self or partner, or leave it out to let the techniques decide", r.Mode)
	}

	switch p := clean(r.Pressure); p {
	case "":
		out.Pressure = "moderate"
	case "light", "moderate", "deep":
		out.Pressure = p
	default:
		return out, nil, fieldError("pressure", "unknown pressure %q: expected light, moderate or deep", r.Pressure)
	}

	if len(r.Weights) > 0 {
		out.Weights = make(map[string]float64, len(r.Weights))
		for _, k := range sortedKeys(r.Weights) {
			w := r.Weights[k]
			id := clean(k)
			field := "weights." + k
			if !seen[id] {
				return out, nil, fieldError(field, "%q is not one of the areas asked for (%s)", k, strings.Join(out.Areas, ", "))
			}
			if math.IsNaN(w) || w <= 0 || w > MaxWeight {
				return out, nil, fieldError(field, "%s is outside the weights Knead takes: above 0, at most %d", num(w), MaxWeight)
			}
			out.Weights[id] = w
		}
	}

	if len(r.Conditions) > maxConds {
		return out, nil, fieldError("conditions", "%d conditions is more than Knead takes (%d at most)", len(r.Conditions), maxConds)
	}
	var conds []massage.Condition
	have := map[massage.Condition]bool{}
	for i, s := range r.Conditions {
		c, err := massage.ParseCondition(clean(s))
		if err != nil {
			return out, nil, fieldError(fmt.Sprintf("conditions[%d]", i), "%s%s", err.Error(), conditionHint(clean(s)))
		}
		if have[c] {
			continue
		}
		have[c] = true
		conds = append(conds, c)
		out.Conditions = append(out.Conditions, c.String())
	}
	switch a := clean(r.Age); a {
	case "", "adult":
	default:
		if !massage.AgeGroups.Has(a) {
			return out, nil, fieldError("age", "unknown age group %q: expected one of %s", r.Age, strings.Join(massage.AgeGroups.IDs(), ", "))
		}
		out.Age = a
		conds = append(conds, massage.Condition{Kind: a})
	}
	return out, conds, nil
}

// weight gives the weight of an area, 1 when none was given.
func (r Request) weight(area string) float64 {
	if w, ok := r.Weights[area]; ok {
		return w
	}
	return 1
}

func clean(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// conditionHint suggests the nearest word for a condition that did not
// parse: the kind when it is unknown, else the joint or area after the
// colon. It gives "" when nothing is close.
func conditionHint(s string) string {
	kind, where, _ := strings.Cut(s, ":")
	var typed string
	var candidates []string
	switch {
	case !massage.ConditionKinds.Has(kind):
		typed, candidates = kind, massage.ConditionKinds.IDs()
	case massage.ConditionUsage(kind) == kind+":JOINT":
		typed = where
		for _, j := range massage.Joints {
			candidates = append(candidates, j.ID)
		}
	case massage.ConditionUsage(kind) == kind+":AREA":
		typed = where
		for _, a := range massage.Areas {
			candidates = append(candidates, a.ID)
		}
	}
	if typed == "" {
		return ""
	}
	near := suggest.Nearest(typed, candidates, 1)
	if len(near) == 0 {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", near[0])
}
