package motion

import (
	"encoding/json"
	"math"
)

// Compact is the small JSON form of a compiled step that the web app
// animates: per hand, arrays of time, place, pressure and contact, every
// number rounded to 3 decimals.
type Compact struct {
	Technique string        `json:"technique"`
	Step      int           `json:"step"`
	Title     string        `json:"title,omitempty"`
	View      string        `json:"view"`
	Panel     string        `json:"panel,omitempty"`
	Motion    string        `json:"motion"`
	Seconds   float64       `json:"seconds"`
	Rate      int           `json:"rate"`
	Passes    int           `json:"passes"`
	Hands     []CompactHand `json:"hands"`
	Notes     []string      `json:"notes,omitempty"`
}

// CompactHand is one hand of a Compact step.
type CompactHand struct {
	Hand     string    `json:"hand"`
	Role     string    `json:"role"`
	Part     string    `json:"part"`
	Colour   string    `json:"colour"`
	T        []float64 `json:"t"`
	X        []float64 `json:"x"`
	Y        []float64 `json:"y"`
	Pressure []float64 `json:"pressure"`
	Contact  []int     `json:"contact"` // 1 touching, 0 lifted
	Passes   [][2]int  `json:"passes"`  // [start, end) sample indexes of each pass
	Traces   []float64 `json:"traces,omitempty"`
}

// Compact gives the step in its small JSON form.
func (p *StepPath) Compact() Compact {
	c := Compact{Technique: p.Technique, Step: p.Step, Title: p.Title, View: p.View, Panel: p.Panel,
		Motion: p.Motion, Seconds: r3(p.Seconds), Rate: Rate, Passes: p.Passes, Notes: p.Notes}
	for _, h := range p.Hands {
		n := len(h.Samples)
		ch := CompactHand{Hand: h.Hand, Role: h.Role, Part: h.Part, Colour: h.Colour,
			T: make([]float64, n), X: make([]float64, n), Y: make([]float64, n),
			Pressure: make([]float64, n), Contact: make([]int, n)}
		for i, s := range h.Samples {
			ch.T[i], ch.X[i], ch.Y[i], ch.Pressure[i] = r3(s.T), r3(s.X), r3(s.Y), r3(s.Pressure)
			if s.Contact {
				ch.Contact[i] = 1
			}
		}
		for _, ps := range h.Passes {
			ch.Passes = append(ch.Passes, [2]int{ps.Start, ps.End})
		}
		for _, t := range h.Traces {
			ch.Traces = append(ch.Traces, r3(t))
		}
		c.Hands = append(c.Hands, ch)
	}
	return c
}

// MarshalJSON writes a compiled step in its Compact form.
func (p StepPath) MarshalJSON() ([]byte, error) { return json.Marshal(p.Compact()) }

func r3(v float64) float64 { return math.Round(v*1000) / 1000 }
