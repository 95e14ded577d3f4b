package plan

import (
	"github.com/knead/knead/massage"
)

// ConditionRule says in plain words what one kind of condition does to a
// plan and where the rule comes from, for `knead plan --help` and the web
// form.
type ConditionRule struct {
	Kind     string `json:"kind"`      // as massage.ConditionKinds has it
	Usage    string `json:"usage"`     // how it is written: "inflamed-joint:JOINT"
	Name     string `json:"name"`      // in plain words
	RulesOut string `json:"rules_out"` // what the planner does about it
	Source   string `json:"source"`    // where the rule comes from
}

// ConditionRules lists every condition kind, in the vocabulary's order.
func ConditionRules() []ConditionRule {
	out := make([]ConditionRule, 0, len(massage.ConditionKinds.Words))
	for _, w := range massage.ConditionKinds.Words {
		r := ConditionRule{Kind: w.ID, Usage: massage.ConditionUsage(w.ID), Name: w.Name}
		switch w.ID {
		case "unhealthy-scalp":
			r.RulesOut = "every move on the scalp, stroking included"
			r.Source = "the scalp-kneading text (000_f857412830437d0d.txt), since rubbing can make scalp abrasions and skin disease worse"
		case "inflamed-joint":
			r.RulesOut = "kneading and every firmer or moving technique (deep stroking, friction, compression, tapping, joint movement) over the joint and right around it; light stroking stays, kept light"
			r.Source = "the self-kneading text (002_fe1dc67ada4f18f3.txt), which keeps kneading off such joints because it heats the tissue; Knead extends the rule to all firm work there"
		case "injury", "wound", "skin-condition":
			r.RulesOut = "every move on that area and every move whose steps pass over it"
			r.Source = "Knead's own rule, since hands stay off a recent injury, an open wound or a skin condition"
		case "sensitive":
			r.RulesOut = "firm pressure there: moves over the area are kept light, and moves that need deep pressure are left out"
			r.Source = "the self-kneading text (002_fe1dc67ada4f18f3.txt), which asks for a lighter touch on sensitive, less fleshy places"
		}
		out = append(out, r)
	}
	return out
}
