package tui

import (
	"math"
	"slices"
	"strings"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
)

// PlanOf describes a routine that was not planned (a routine file, or one
// technique played alone) as a plan.Plan, the form the web app's session
// and History pages read. Nothing is made up: the items are the routine's,
// with the technique, area, phase, seconds, pressure and side it plays at
// (script, laid out from r, gives the pressure and side its steps play
// at when the routine leaves them open); the preparations are the
// routine's and its techniques'; the cautions are the catalog's that the
// routine, its techniques and their steps name. Nothing was left out, and
// no seed or conditions were used, so those stay empty.
func PlanOf(cat *massage.Catalog, r *massage.Routine, script *guide.Script) *plan.Plan {
	p := &plan.Plan{
		Mode:     r.Mode,
		Prep:     []plan.Prep{},
		Items:    []plan.Item{},
		Excluded: []plan.Excluded{},
		Cautions: []plan.Caution{},
	}
	if p.Mode == "" {
		p.Mode = "both"
	}
	moves := map[int][]guide.Move{}
	if script != nil {
		for _, mv := range script.Moves {
			moves[mv.Item] = append(moves[mv.Item], mv)
		}
	}

	// Cautions: each once, in the order the routine meets them, with the
	// techniques and areas they concern.
	at := map[string]int{}
	addCaution := func(id, technique, area string) bool {
		c := cat.Caution(id)
		if c == nil {
			return false
		}
		i, ok := at[id]
		if !ok {
			i = len(p.Cautions)
			at[id] = i
			p.Cautions = append(p.Cautions, plan.Caution{ID: c.ID, Say: c.Say, Kind: c.Kind, When: c.When, Sources: c.Sources})
		}
		pc := &p.Cautions[i]
		if technique != "" && !slices.Contains(pc.Techniques, technique) {
			pc.Techniques = append(pc.Techniques, technique)
		}
		if area != "" && !slices.Contains(pc.Areas, area) {
			pc.Areas = append(pc.Areas, area)
		}
		return true
	}
	for _, id := range r.Cautions {
		addCaution(id, "", "")
	}

	prepSeen := map[string]bool{}
	addPrep := func(ids []string) {
		for _, id := range ids {
			x := cat.Preparation(id)
			if x == nil || prepSeen[id] {
				continue
			}
			prepSeen[id] = true
			secs := x.Seconds.Usual
			if secs == 0 {
				secs = (x.Seconds.Least + x.Seconds.Most) / 2
			}
			p.Prep = append(p.Prep, plan.Prep{ID: x.ID, Name: x.Name, Seconds: secs, Say: x.Say, Needs: x.Needs})
		}
	}
	addPrep(r.Prep)

	firmest := ""
	for i, it := range r.Items {
		t := cat.Technique(it.Technique)
		item := plan.Item{
			Technique: it.Technique,
			Name:      it.Name,
			Section:   it.Area,
			Area:      it.Area,
			Phase:     it.Phase,
			Seconds:   it.Seconds,
			Pressure:  it.Pressure,
			Side:      it.Side,
			Note:      it.Note,
		}
		var ids []string
		ids = append(ids, it.Cautions...)
		steps := it.Steps
		if t != nil {
			if item.Name == "" {
				item.Name = t.Name
			}
			if item.Area == "" && len(t.Areas) > 0 {
				item.Area, item.Section = t.Areas[0], t.Areas[0]
			}
			if item.Phase == "" && len(t.Phases) > 0 {
				item.Phase = t.Phases[0]
			}
			addPrep(t.Prep)
			for _, c := range cat.CautionsOf(t) {
				ids = append(ids, c.ID)
			}
			steps = t.Steps
		}
		for _, st := range steps {
			ids = append(ids, st.Cautions...)
		}
		for _, id := range ids {
			if !slices.Contains(item.Cautions, id) && addCaution(id, item.Technique, item.Area) {
				item.Cautions = append(item.Cautions, id)
			}
		}
		// What the steps play at, when the routine leaves it open.
		if item.Pressure == "" {
			for _, mv := range moves[i] {
				item.Pressure = firmer(item.Pressure, mv.Pressure)
			}
		}
		if item.Side == "" {
			item.Side = commonSide(moves[i])
		}
		if item.Phase == "" {
			item.Phase = "work"
		}
		firmest = firmer(firmest, item.Pressure)
		p.Items = append(p.Items, item)
		p.TotalSeconds += it.Seconds
		if item.Area != "" && !slices.Contains(p.Areas, item.Area) {
			p.Areas = append(p.Areas, item.Area)
		}
	}
	p.TotalSeconds = math.Round(p.TotalSeconds*1000) / 1000
	p.Minutes = math.Round(p.TotalSeconds/60*1000) / 1000
	p.Pressure = r.Pressure
	if p.Pressure == "" {
		p.Pressure = firmest // "" when no step says: nothing is made up
	}
	for _, n := range r.Notes {
		// The web app says it on every page; the notes say the rest.
		if strings.Contains(strings.ToLower(n), "not medical advice") {
			continue
		}
		p.Notes = append(p.Notes, strings.TrimRight(strings.TrimSpace(n), "."))
	}
	return p
}

// firmer gives the firmer of two pressure words.
func firmer(a, b string) string {
	if massage.LevelRank(b) > massage.LevelRank(a) {
		return b
	}
	return a
}

// commonSide is the side every move of an item plays on, when they agree
// on one a plan item can name (each, left, right or both); else none.
func commonSide(moves []guide.Move) string {
	side := ""
	for i, mv := range moves {
		s := mv.Side
		if s == "" {
			s = "none"
		}
		if i == 0 {
			side = s
		} else if s != side {
			return "none"
		}
	}
	switch side {
	case "each", "left", "right", "both":
		return side
	}
	return "none"
}
