package massage

import "strings"

// Posture is where the bodies are during a technique. For a partner, the
// receiver lies or sits in one of Receiver (the planner picks the one that
// saves a change) and the giver is at Giver; for a self-massage, Self says
// how the person sits or lies ("" is seated).
type Posture struct {
	Receiver []string `json:"receiver,omitempty"` // face-down, face-up, seated
	Giver    string   `json:"giver,omitempty"`    // side, head, feet
	Self     string   `json:"self,omitempty"`     // seated, floor, lying, standing
}

// IsZero reports whether nothing is said.
func (p Posture) IsZero() bool { return len(p.Receiver) == 0 && p.Giver == "" && p.Self == "" }

// The closed vocabularies of postures.
var (
	// Receivers are how a partner lies or sits.
	Receivers = vocab("receiver posture",
		"face-down", "lying face down",
		"face-up", "lying on their back",
		"seated", "sitting up")

	// Givers are where the giver is.
	Givers = vocab("giver place",
		"side", "at their side",
		"head", "at their head",
		"feet", "at their feet")

	// SelfPostures are how a person massaging themselves sits or lies.
	SelfPostures = vocab("self posture",
		"seated", "sitting comfortably",
		"floor", "sitting on the floor, knees bent",
		"lying", "lying on your back, knees bent",
		"standing", "standing up")
)

// Place is one posture a plan is in at a moment: a receiver posture and
// the giver's place for a partner, or the self posture.
type Place struct {
	Receiver string `json:"receiver"`        // face-down, face-up, seated; for self: seated, floor, lying, standing
	Giver    string `json:"giver,omitempty"` // side, head, feet; "" for self
}

// Say describes a place in words: "lying face down, you at their side".
func (p Place) Say() string {
	if p.Giver == "" {
		return SelfPostures.Name(p.Receiver)
	}
	return Receivers.Name(p.Receiver) + ", you " + Givers.Name(p.Giver)
}

// Move says, as a spoken instruction, how to get from one place to the
// next: "Ask them to turn onto their back. Move to their head."
func (from Place) Move(to Place) string {
	var out []string
	if to.Giver == "" { // self
		if from.Receiver != to.Receiver {
			switch to.Receiver {
			case "floor":
				out = append(out, "Sit on the floor with your knees bent.")
			case "lying":
				out = append(out, "Lie back with your knees bent.")
			case "standing":
				out = append(out, "Stand up.")
			default:
				out = append(out, "Sit up comfortably.")
			}
		}
		return strings.Join(out, " ")
	}
	if from.Receiver != to.Receiver {
		switch to.Receiver {
		case "face-down":
			if from.Receiver == "seated" {
				out = append(out, "Ask them to lie down on their front.")
			} else {
				out = append(out, "Ask them to turn onto their front.")
			}
		case "face-up":
			if from.Receiver == "seated" {
				out = append(out, "Ask them to lie down on their back.")
			} else {
				out = append(out, "Ask them to turn onto their back.")
			}
		case "seated":
			out = append(out, "Ask them to sit up.")
		}
	}
	if from.Giver != to.Giver {
		switch to.Giver {
		case "side":
			out = append(out, "Move to their side.")
		case "head":
			out = append(out, "Move to their head.")
		case "feet":
			out = append(out, "Move to their feet.")
		}
	}
	return strings.Join(out, " ")
}
