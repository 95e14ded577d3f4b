package web

import (
	"time"

	"github.com/knead/knead/guide"
)

// What the player page carries of a script and a session: only what its
// modules read, so a long plan's page stays light. The API answers keep
// the whole guide.Script and session.

// pageScript is a guide.Script without what the page does not show.
type pageScript struct {
	Name  string     `json:"name,omitempty"`
	Total float64    `json:"total"`
	Rate  string     `json:"rate"`
	Moves []pageMove `json:"moves"`
	Cues  []pageCue  `json:"cues"`
	// no chimes: the page finds them in the cues (each move's start after
	// the first, and each switch of sides), as package guide places them
}

// pageCue is a guide.Cue without its spoken seconds: the page speaks each
// cue as it comes due and asks the voice whether it is still speaking.
type pageCue struct {
	At   float64 `json:"at"`
	Move int     `json:"move"`
	Kind string  `json:"kind"`
	Say  string  `json:"say"`
}

// pageMove is a guide.Move with what the player and its clock use.
type pageMove struct {
	Item      int      `json:"item"`
	Technique string   `json:"technique"`
	Step      int      `json:"step"`
	Steps     int      `json:"steps"`
	Name      string   `json:"name"`
	Title     string   `json:"title"`
	Say       string   `json:"say"`
	Cautions  []string `json:"cautions,omitempty"`
	Note      string   `json:"note,omitempty"`
	Area      string   `json:"area"`
	Pressure  string   `json:"pressure,omitempty"`
	Side      string   `json:"side,omitempty"`
	Passes    int      `json:"passes,omitempty"`
	Tempo     float64  `json:"tempo,omitempty"`
	Start     float64  `json:"start"`
	Seconds   float64  `json:"seconds"`
}

func newPageScript(s *guide.Script) pageScript {
	out := pageScript{Name: s.Name, Total: s.Total, Rate: s.Rate, Moves: make([]pageMove, len(s.Moves)),
		Cues: make([]pageCue, len(s.Cues))}
	for i, c := range s.Cues {
		out.Cues[i] = pageCue{At: c.At, Move: c.Move, Kind: c.Kind, Say: c.Say}
	}
	for i, m := range s.Moves {
		out.Moves[i] = pageMove{Item: m.Item, Technique: m.Technique, Step: m.Step, Steps: m.Steps, Name: m.Name,
			Title: m.Title, Say: m.Say, Cautions: m.Cautions, Note: m.Note, Area: m.Area, Pressure: m.Pressure, Side: m.Side,
			Passes: m.Passes, Tempo: m.Tempo, Start: m.Start, Seconds: m.Seconds}
	}
	return out
}

// pageSession is a kept session as the player resumes it: where it was,
// what was pressed and how it ended (its plan and script are on the page
// already).
type pageSession struct {
	ID         string         `json:"id"`
	Progress   progressJSON   `json:"progress"`
	Feedback   []feedbackJSON `json:"feedback"`
	Rating     int            `json:"rating"`
	Note       string         `json:"note"`
	FinishedAt *time.Time     `json:"finished_at"`
}

func newPageSession(v sessionJSON) *pageSession {
	return &pageSession{ID: v.ID, Progress: v.Progress, Feedback: v.Feedback, Rating: v.Rating, Note: v.Note, FinishedAt: v.FinishedAt}
}
