package plan

import (
	"strings"

	"github.com/knead/knead/massage"
)

// ConditionRule says in plain words what one kind of condition does to a
// plan and where the rule comes from, for `knead plan --help` and the web
// form. It is read from the catalog's screen rules.
type ConditionRule struct {
	Kind     string `json:"kind"`      // as massage.ConditionKinds has it
	Usage    string `json:"usage"`     // how it is written: "inflamed-joint:JOINT"
	Name     string `json:"name"`      // in plain words
	Outcome  string `json:"outcome"`   // stop, leave-out, light-only or ask-first
	Age      bool   `json:"age"`       // an age group, given with --age
	RulesOut string `json:"rules_out"` // what the planner does about it
	Why      string `json:"why"`
	Source   string `json:"source"` // where the rule comes from: addresses, or the source text's title
}

// ConditionRules lists every condition kind the catalog has a rule for, in
// the vocabulary's order.
func ConditionRules(cat *massage.Catalog) []ConditionRule {
	out := make([]ConditionRule, 0, len(massage.ConditionKinds.Words))
	for _, w := range massage.ConditionKinds.Words {
		r := cat.ConditionRule(w.ID)
		if r == nil {
			continue
		}
		var srcs []string
		for _, id := range r.Sources {
			srcs = append(srcs, cat.AddressOf(id))
		}
		out = append(out, ConditionRule{Kind: w.ID, Usage: massage.ConditionUsage(w.ID), Name: r.Name, Outcome: r.Outcome, Age: r.Age,
			RulesOut: r.RulesOut(), Why: r.Why, Source: strings.Join(srcs, "; ")})
	}
	return out
}
