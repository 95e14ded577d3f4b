package tui

import (
	"fmt"
	"strings"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
)

// Session is what the player plays: the routine laid out in time by
// package guide, and what to show before the first move.
type Session struct {
	Title    string        // the routine's name
	About    string        // one line under the title: who it is for, how firm
	Prep     []Prep        // things to do first, as a checklist
	Cautions []Caution     // safety words, those to check first before the others
	Position string        // how to sit or lie, when the routine is one technique
	Notes    []string      // what the planner left out or dropped, and other notes
	Script   *guide.Script // the moves and cues, from guide.Build
	Resume   *Resume       // where a stored session stopped; nil for a new one
}

// Resume is where a session kept in the store stopped, to play on from
// there (LoadSession fills it).
type Resume struct {
	ID       string     // the session's id in the store
	Offset   float64    // seconds into the routine
	Feedback []Feedback // the presses kept so far, oldest first
	Played   float64    // seconds played in the sittings before
	Skipped  []int      // moves skipped in the sittings before, not played since
}

// Prep is one preparation on the checklist.
type Prep struct {
	Name    string
	Say     string
	Needs   []string
	Seconds float64 // its own time, not part of the routine's
}

// Caution is one safety word for the start screen.
type Caution struct {
	Say   string
	First bool // to check before starting (the catalog's "before" cautions)
}

// FromRoutine lays routine r out with guide.Build and gathers what the start
// screen shows: its preparations (the routine's own and those its
// techniques need, once each, in that order), its cautions (the routine's
// and its techniques', those to check first leading), the position when
// the routine is a single technique, and its notes.
func FromRoutine(cat *massage.Catalog, r *massage.Routine) (Session, error) {
	return FromRoutineWith(cat, r, guide.Options{})
}

// FromRoutineWith is FromRoutine with the options of building the script,
// such as the speech rate its cues are fitted to.
func FromRoutineWith(cat *massage.Catalog, r *massage.Routine, opt guide.Options) (Session, error) {
	if cat == nil || r == nil {
		return Session{}, fmt.Errorf("tui: no catalog or routine")
	}
	script, err := guide.BuildWith(cat, r, opt)
	if err != nil {
		return Session{}, err
	}
	s := startScreen(cat, r)
	s.Script = script
	return s, nil
}

// startScreen gathers what the start screen shows of routine r.
func startScreen(cat *massage.Catalog, r *massage.Routine) Session {
	s := Session{Title: r.Name, Notes: append([]string(nil), r.Notes...)}
	s.About = about(r)

	prepSeen := map[string]bool{}
	addPrep := func(ids []string) {
		for _, id := range ids {
			p := cat.Preparation(id)
			if p == nil || prepSeen[id] {
				continue
			}
			prepSeen[id] = true
			s.Prep = append(s.Prep, Prep{Name: p.Name, Say: p.Say, Needs: p.Needs, Seconds: p.Seconds.Usual})
		}
	}
	addPrep(r.Prep)

	var cautionIDs []string
	cautionIDs = append(cautionIDs, r.Cautions...)
	techniques := map[string]bool{}
	for _, it := range r.Items {
		cautionIDs = append(cautionIDs, it.Cautions...)
		if t := cat.Technique(it.Technique); t != nil {
			addPrep(t.Prep)
			for _, c := range cat.CautionsOf(t) {
				cautionIDs = append(cautionIDs, c.ID)
			}
			techniques[t.ID] = true
		}
		for _, st := range it.Steps {
			cautionIDs = append(cautionIDs, st.Cautions...)
		}
	}
	seen := map[string]bool{}
	var first, rest []Caution
	for _, id := range cautionIDs {
		c := cat.Caution(id)
		if c == nil || seen[id] {
			continue
		}
		seen[id] = true
		if c.When == "before" {
			first = append(first, Caution{Say: c.Say, First: true})
		} else {
			rest = append(rest, Caution{Say: c.Say})
		}
	}
	s.Cautions = append(first, rest...)

	if len(techniques) == 1 {
		for id := range techniques {
			s.Position = cat.Technique(id).Position
		}
	}
	return s
}

// about says in one line who a routine is for and how firm it goes.
func about(r *massage.Routine) string {
	var parts []string
	switch r.Mode {
	case "self":
		parts = append(parts, "self-massage")
	case "partner":
		parts = append(parts, "for a partner")
	case "both":
		parts = append(parts, "for yourself or a partner")
	}
	if r.Pressure != "" {
		parts = append(parts, r.Pressure+" pressure at most")
	}
	return massage.UpperFirst(strings.Join(parts, ", "))
}

// TechniqueRoutine makes a routine of one technique at its usual time, for
// `knead play --technique`. Its steps keep their own pressure.
func TechniqueRoutine(t *massage.Technique) *massage.Routine {
	secs := t.Seconds.Usual
	if secs <= 0 {
		secs = t.StepSeconds()
	}
	if secs <= 0 {
		secs = t.Seconds.Clamp(60 * float64(len(t.Steps)))
	}
	it := massage.Item{Technique: t.ID, Seconds: secs}
	if len(t.Areas) > 0 {
		it.Area = t.Areas[0]
	}
	if len(t.Phases) > 0 {
		it.Phase = t.Phases[0]
	}
	return &massage.Routine{
		ID:    t.ID,
		Name:  t.Name,
		Mode:  t.Mode,
		Prep:  t.Prep,
		Items: []massage.Item{it},
	}
}
