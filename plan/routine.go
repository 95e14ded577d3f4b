package plan

import (
	"fmt"
	"math"
	"strings"

	"github.com/knead/knead/massage"
)

// Routine turns the plan into a routine, the form `--out` writes as a file
// that `knead check` accepts and the players play. The planner's own
// cautions (for a sensitive area or an inflamed joint) become notes on the
// items they concern, since a routine names only the catalog's cautions.
func (p *Plan) Routine() *massage.Routine {
	made := map[string]Caution{}
	var catalogIDs []string
	conds := map[string]bool{p.Age: p.Age != ""}
	for _, c := range p.Conditions {
		conds[c] = true
	}
	for _, c := range p.Cautions {
		if conds[c.ID] {
			made[c.ID] = c
		} else {
			catalogIDs = append(catalogIDs, c.ID)
		}
	}
	r := &massage.Routine{
		ID:       p.routineID(),
		Name:     p.name(),
		Summary:  p.summary(),
		Mode:     p.Mode,
		Pressure: p.Pressure,
		Cautions: catalogIDs,
	}
	for _, pr := range p.Prep {
		r.Prep = append(r.Prep, pr.ID)
	}
	for _, it := range p.Items {
		ri := massage.Item{
			Technique: it.Technique,
			Area:      it.Area,
			Phase:     it.Phase,
			Seconds:   it.Seconds,
			Pressure:  it.Pressure,
			Side:      it.Side,
			Note:      it.Note,
			Play:      it.Play,
		}
		for _, id := range it.Cautions {
			if c, ok := made[id]; ok {
				ri.Note = join(ri.Note, c.Say)
			} else {
				ri.Cautions = append(ri.Cautions, id)
			}
		}
		r.Items = append(r.Items, ri)
	}
	for _, s := range p.Safety {
		r.Notes = append(r.Notes, fmt.Sprintf("Because of %s: %s (sources: %s)", s.Name, s.Why, strings.Join(s.Sources, "; ")))
	}
	for _, tr := range p.Transitions {
		r.Transitions = append(r.Transitions, massage.Transition{Before: tr.Before, Kind: tr.Kind, Say: tr.Say, Seconds: tr.Seconds})
	}
	for _, e := range p.Excluded {
		r.Notes = append(r.Notes, fmt.Sprintf("Left out: %s (%s): %s.", e.Name, massage.AreaName(e.Area), e.Reason))
	}
	for _, d := range p.Dropped {
		r.Notes = append(r.Notes, "Dropped for lack of time: "+d+".")
	}
	r.Notes = append(r.Notes, p.Notes...)
	r.Notes = append(r.Notes, notAdvice)
	return r
}

// notAdvice is said on every plan.
const notAdvice = "Knead is not medical advice. If something hurts, stop; ask a doctor about any condition."

// routineID names the routine after its areas: "plan-back-scalp".
func (p *Plan) routineID() string {
	return "plan-" + strings.Join(p.Areas, "-")
}

// name reads like "Back and scalp, 20 minutes" (the time it lasts when
// cut short: "Jaw, 14 min 50 s").
func (p *Plan) name() string {
	names := make([]string, len(p.Areas))
	for i, a := range p.Areas {
		names[i] = massage.AreaName(a)
	}
	t := massage.UpperFirst(massage.JoinAnd(names))
	if strings.TrimSpace(t) == "" {
		t = "A session" // a stored plan may name no area
	}
	if p.Length() != p.Minutes*60 {
		return fmt.Sprintf("%s, %s", t, minutesSaid(p.Length()))
	}
	return fmt.Sprintf("%s, %s", t, minutesText(p.Minutes))
}

// summary says who it is for, how firm, and how it was made.
func (p *Plan) summary() string {
	who := massage.Modes.Name(p.Mode)
	s := fmt.Sprintf("Planned by Knead: %s, %s pressure at most, seed %d.", who, p.Pressure, p.Seed)
	if len(p.Conditions) > 0 {
		s += " Conditions: " + strings.Join(p.Conditions, ", ") + "."
	}
	return s
}

func minutesText(m float64) string {
	if m == 1 {
		return "1 minute"
	}
	return num(m) + " minutes"
}

// Length is the plan's hands-on time in seconds as its title says it: the
// minutes asked, or the time its moves last when they could not fill the
// minutes (cut short: its notes say so, with the minutes asked).
func (p *Plan) Length() float64 {
	if want := p.Minutes * 60; p.TotalSeconds < want-want/100 {
		return p.TotalSeconds
	}
	return p.Minutes * 60
}

// Title names the plan in lists and on its pages: its areas and Length,
// "Back and scalp · 20 min", or "Jaw · 14 min 50 s" when cut short.
func (p *Plan) Title() string {
	return Title(p.Areas, p.Length()/60)
}

// Title names a planned session in lists, the same in the web app and the
// terminal player: "Back and scalp · 20 min".
func Title(areas []string, minutes float64) string {
	names := make([]string, len(areas))
	for i, a := range areas {
		names[i] = massage.AreaName(a)
	}
	return massage.UpperFirst(massage.JoinAnd(names)) + " · " + massage.Seconds(math.Round(minutes*60))
}
