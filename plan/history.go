package plan

// History is what a person's past sessions say, as plain data: the
// planner reads it and never the store. Sessions are oldest first; the
// caller leaves out presses the person has since set aside (a sore spot
// forgotten, a technique restored after two thumbs-down).
type History struct {
	Person   string `json:"person,omitempty"` // whom it is for, as the store names them ("me")
	Name     string `json:"name,omitempty"`   // how to say them ("Sam"); "" for me
	Sessions []Past `json:"sessions"`
}

// Past is one earlier session of the person.
type Past struct {
	ID      string   `json:"id,omitempty"`
	Signals []Signal `json:"signals"`
}

// Signal is one press during a past session: lighter, firmer, sore, up or
// down (good and anything else are ignored), on the move playing then.
type Signal struct {
	Kind      string `json:"kind"`
	Technique string `json:"technique,omitempty"`
	Area      string `json:"area,omitempty"`
}
