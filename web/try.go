package web

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"slices"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
)

// "Try this now" and "My routine" in the library: a session of techniques
// chosen by name, one or several, played in the order given. The request
// names them (plan.Request.Techniques); the plan is those techniques alone,
// each for its usual time, with the preparations they need and their
// cautions shown before Start, as any plan's are.

// maxTechniques is the most techniques one request may name.
const maxTechniques = 40

// techniquesRequest is the request of a session of these techniques (all
// known to the catalog).
func techniquesRequest(ts []*massage.Technique, mode string) plan.Request {
	req := plan.Request{Mode: mode}
	var secs float64
	var areas []string
	level := 0
	for _, t := range ts {
		req.Techniques = append(req.Techniques, t.ID)
		areas = append(areas, t.Areas...)
		secs += trySeconds(t)
		if r := massage.LevelRank(levelOf(t)); r > level {
			level, req.Pressure = r, levelOf(t)
		}
	}
	req.Areas = outermost(unique(areas))
	req.Minutes = math.Min(plan.MaxMinutes, math.Max(plan.MinMinutes, round2(secs/60)))
	return req
}

func unique(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// trySeconds is a technique's usual time, or its steps' when it gives
// none; never under half a minute.
func trySeconds(t *massage.Technique) float64 {
	s := t.Seconds.Usual
	if s == 0 {
		s = t.StepSeconds()
	}
	return math.Max(30, math.Round(s))
}

func levelOf(t *massage.Technique) string {
	if t.Pressure.Level != "" {
		return t.Pressure.Level
	}
	for _, st := range t.Steps {
		if st.Pressure.Level != "" {
			return st.Pressure.Level
		}
	}
	return "moderate"
}

// techniquesOf finds the techniques a request names.
func (s *Server) techniquesOf(ids []string) ([]*massage.Technique, error) {
	if len(ids) > maxTechniques {
		return nil, &plan.Error{Field: "techniques", Message: fmt.Sprintf("%d techniques is too many for one session: %d at most", len(ids), maxTechniques)}
	}
	var ts []*massage.Technique
	for i, id := range ids {
		t := s.cat.Technique(id)
		if t == nil {
			return nil, &plan.Error{Field: fmt.Sprintf("techniques[%d]", i), Message: fmt.Sprintf("the library has no technique %q", id)}
		}
		ts = append(ts, t)
	}
	return ts, nil
}

func (s *Server) techniquesTitle(ids []string) string {
	ts, err := s.techniquesOf(ids)
	if err != nil || len(ts) == 0 {
		return "Techniques"
	}
	if len(ts) == 1 {
		return ts[0].Name
	}
	return fmt.Sprintf("%s and %d more", ts[0].Name, len(ts)-1)
}

// planTechniques lays out the plan of a request that names techniques.
func (s *Server) planTechniques(req plan.Request) (*plan.Plan, error) {
	ts, err := s.techniquesOf(req.Techniques)
	if err != nil {
		return nil, err
	}
	p := &plan.Plan{Safety: []plan.Safety{}, Prep: []plan.Prep{}, Items: []plan.Item{}, Excluded: []plan.Excluded{},
		Cautions: []plan.Caution{}, Notes: []string{}, Transitions: []plan.Transition{}}
	modes := map[string]bool{}
	level := 0
	for _, t := range ts {
		mode := t.Mode
		if mode == "both" && (req.Mode == "self" || req.Mode == "partner") {
			mode = req.Mode
		}
		modes[mode] = true
		area := t.Areas[0]
		it := plan.Item{Technique: t.ID, Name: t.Name, Section: outermost(t.Areas)[0], Area: area, Phase: "work",
			Seconds: trySeconds(t), Pressure: levelOf(t), Side: sideOf(t, area)}
		if len(t.Phases) > 0 {
			it.Phase = t.Phases[0]
		}
		if r := massage.LevelRank(it.Pressure); r > level {
			level, p.Pressure = r, it.Pressure
		}
		for _, id := range t.Prep {
			pr := s.cat.Preparation(id)
			if pr == nil || !(mode == "both" || pr.Mode == "" || pr.Mode == "both" || pr.Mode == mode) ||
				slices.ContainsFunc(p.Prep, func(x plan.Prep) bool { return x.ID == id }) {
				continue
			}
			p.Prep = append(p.Prep, plan.Prep{ID: pr.ID, Name: pr.Name, Seconds: pr.Seconds.Usual, Say: pr.Say, Needs: pr.Needs})
		}
		ids := slices.Clone(t.Cautions)
		for _, st := range t.Steps {
			ids = append(ids, st.Cautions...)
		}
		for _, id := range unique(ids) {
			c := s.cat.Caution(id)
			if c == nil || !c.FitsMode(mode) {
				continue
			}
			it.Cautions = append(it.Cautions, c.ID)
			if i := slices.IndexFunc(p.Cautions, func(x plan.Caution) bool { return x.ID == id }); i >= 0 {
				if !slices.Contains(p.Cautions[i].Techniques, t.ID) {
					p.Cautions[i].Techniques = append(p.Cautions[i].Techniques, t.ID)
				}
				continue
			}
			p.Cautions = append(p.Cautions, plan.Caution{ID: c.ID, Say: c.Say, Kind: c.Kind, When: c.When,
				Techniques: []string{t.ID}, Areas: c.Areas, Landmarks: c.Landmarks, Sources: c.Sources})
		}
		p.Items = append(p.Items, it)
		p.TotalSeconds += it.Seconds
		for _, a := range outermost(t.Areas) {
			if !slices.Contains(p.Areas, a) {
				p.Areas = append(p.Areas, a)
			}
		}
	}
	p.Areas = outermost(p.Areas)
	p.Minutes = round2(p.TotalSeconds / 60)
	switch {
	case len(modes) == 1:
		for m := range modes {
			p.Mode = m
		}
	case modes["self"] && modes["partner"]:
		p.Mode = "both"
		p.Notes = append(p.Notes, "Some of these moves are for yourself and some for a partner.")
	default:
		p.Mode = "both"
	}
	return p, nil
}

// sideOf says how a technique shares the two sides of the body, as the
// planner does: one side then the other on a limb, both at once on the
// back.
func sideOf(t *massage.Technique, area string) string {
	has := map[string]bool{}
	for _, st := range t.Steps {
		has[st.Side] = true
	}
	switch {
	case has["each"] || has["left"] || has["right"]:
		return "each"
	case has["both"] || has["alternate"]:
		return "both"
	case (massage.Within(area, "arms") || massage.Within(area, "legs")) && !has["none"]:
		return "each"
	case massage.Within(area, "back") || area == "shoulders":
		return "both"
	}
	return "none"
}

// tryPage is the plan of the techniques named in the address
// (/try?technique=A&technique=B&mode=self), with Start, as /plan is.
func (s *Server) tryPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ts, err := s.techniquesOf(q["technique"])
	if err == nil && len(ts) == 0 {
		err = &plan.Error{Field: "techniques", Message: "name a technique from the library"}
	}
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound, "The library has no such technique: "+err.Error()+".")
		return
	}
	mode := q.Get("mode")
	if mode != "self" && mode != "partner" {
		mode = ""
	}
	req := techniquesRequest(ts, mode)
	p, script, err := s.makePlan(r.Context(), req)
	if err != nil {
		s.log.Error("try", slog.Any("err", err))
		s.errorPage(w, r, http.StatusInternalServerError, "Knead could not lay out these techniques; the log says why.")
		return
	}
	reqJSON, _ := json.Marshal(req)
	d := s.playData(p, script, reqJSON)
	d.Title = s.techniquesTitle(req.Techniques)
	s.render(w, r, http.StatusOK, "play", page{Title: d.Title, Nav: "library", Body: "play", Data: d})
}
