package plan

import "sync/atomic"

// History is what a person's past sessions say, as plain data: the
// planner reads it and never the store. Sessions are oldest first; the
// caller leaves out presses the person has since set aside (a sore spot
// forgotten, a technique restored after two thumbs-down).
type History struct {
	Person   string `json:"person,omitempty"` // whom it is for, as the store names them ("me")
	Name     string `json:"name,omitempty"`   // how to say them ("Sam"); "" for me
	Sessions []Past `json:"sessions"`

	// what the sessions teach, read once and kept for later plans while
	// the sessions stay as they were (see learnOnce)
	learned atomic.Pointer[learnedFrom]
}

// learnedFrom is a lesson with the shape of the history it came from: the
// sessions' backing array, their number and the number of presses. A
// history whose sessions are added to or replaced is read again; one
// whose presses are edited in place is not, so build a new History then.
type learnedFrom struct {
	first   *Past
	n, sigs int
	l       *lesson
}

// learnOnce gives what h teaches, reading it the first time only: a
// person's history planned from again and again (plan another, the same
// as last time) is read once.
func learnOnce(h *History) *lesson {
	if h == nil || len(h.Sessions) == 0 {
		return noLesson
	}
	sigs := 0
	for i := range h.Sessions {
		sigs += len(h.Sessions[i].Signals)
	}
	if c := h.learned.Load(); c != nil && c.first == &h.Sessions[0] && c.n == len(h.Sessions) && c.sigs == sigs {
		return c.l
	}
	l := learn(h)
	h.learned.Store(&learnedFrom{first: &h.Sessions[0], n: len(h.Sessions), sigs: sigs, l: l})
	return l
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
