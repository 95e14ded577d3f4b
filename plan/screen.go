package plan

import (
	"fmt"
	"strings"

	"github.com/knead/knead/massage"
)

// screen applies the outcomes that decide whether there is a session at
// all: a stop condition ends it with the reason (and "see a doctor" where
// the references say so); an ask-first condition needs the person to say a
// health professional agreed (Cleared). Every condition needs a rule in the
// catalog. r is the request as given, for the field names.
func (ix *index) screen(req Request, conds []massage.Condition, r Request) error {
	for _, c := range conds {
		rule := ix.rule[c.Kind]
		field := conditionField(r, c)
		if rule == nil {
			return &Error{Field: field, Condition: c.String(), Message: fmt.Sprintf("the catalog has no safety rule for %q: add one (conditions: in a catalog file) before planning with it", c.String())}
		}
		switch rule.Outcome {
		case "stop":
			return &Error{Field: field, Code: "stop", Condition: c.String(),
				Message: fmt.Sprintf("no session today, with %s: %s%s (sources: %s)", rule.Name, rule.Why, doctor(rule), ix.sourceOf(rule))}
		case "ask-first":
			if !req.Cleared {
				return &Error{Field: field, Code: "ask-first", Condition: c.String(),
					Message: fmt.Sprintf("ask a health professional first, with %s: %s When they agree, plan again saying so (--cleared, or \"cleared\": true). (sources: %s)", rule.Name, rule.Why, ix.sourceOf(rule))}
			}
		}
	}
	return nil
}

// doctor adds "See a doctor." when the rule says so and its words do not.
func doctor(r *massage.ConditionRule) string {
	if !r.Doctor || strings.Contains(strings.ToLower(r.Why), "see a doctor") {
		return ""
	}
	return " See a doctor."
}

// conditionField names the request field a condition came from.
func conditionField(r Request, c massage.Condition) string {
	for i, s := range r.Conditions {
		if clean(s) == c.String() {
			return fmt.Sprintf("conditions[%d]", i)
		}
	}
	return "age"
}

// safety says what each condition did to the plan, with its sources.
func (ix *index) safety(conds []massage.Condition) []Safety {
	out := []Safety{}
	for _, c := range conds {
		r := ix.rule[c.Kind]
		if r == nil {
			continue
		}
		s := Safety{Condition: c.String(), Name: r.Name, Outcome: r.Outcome, Why: r.Why}
		if c.Where != "" {
			s.Name += " (" + placeName(c) + ")"
		}
		for _, id := range r.Sources {
			s.Sources = append(s.Sources, ix.cat.AddressOf(id))
		}
		out = append(out, s)
	}
	return out
}
