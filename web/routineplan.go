package web

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// A session planned around a kept routine ("Plan a session with this
// routine" on its page): the routine is played first, as written, and then
// the areas the person picked, planned as the start page plans them, for
// the minutes picked. The safety screen's answers judge the routine's moves
// as `knead play ROUTINE.yaml` does (plan.Check) and the planned part as
// every plan is judged. With no other area picked the session is the
// routine alone, after the same check.

// routineOf reads the kept routine a request names and checks its file.
func (s *Server) routineOf(ctx context.Context, id string) (*store.Routine, *massage.Routine, error) {
	if !store.IsRoutineID(id) {
		return nil, nil, &plan.Error{Field: "routine", Message: fmt.Sprintf("%q is not the id of a routine", id)}
	}
	kr, err := s.store.RoutineByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, &plan.Error{Field: "routine", Message: "there is no such routine: it may have been deleted"}
	}
	if err != nil {
		return nil, nil, err
	}
	rt, err := catalog.ParseRoutine(s.cat, kr.ID+".yaml", []byte(kr.Body))
	if err != nil {
		return nil, nil, &plan.Error{Field: "routine", Message: "the routine no longer passes Knead's check (" + firstLine(err.Error()) +
			"): open it, download its file, mend it and upload it again"}
	}
	return kr, rt, nil
}

// planWithRoutine plans a request that names a kept routine.
func (s *Server) planWithRoutine(ctx context.Context, req plan.Request) (*plan.Plan, *guide.Script, error) {
	_, rt, err := s.routineOf(ctx, req.Routine)
	if err != nil {
		return nil, nil, err
	}
	if err := plan.Check(s.cat, req, rt); err != nil {
		return nil, nil, err
	}
	p := s.planOfRoutine(rt)
	p.Conditions, p.Age, p.Cleared = req.Conditions, req.Age, req.Cleared
	played := rt
	if len(req.Areas) > 0 {
		sub := req
		sub.Routine = ""
		if rt.Mode == "self" || rt.Mode == "partner" {
			sub.Mode = rt.Mode // the other areas are planned for the same hands
		}
		h, err := s.history(ctx, req.For)
		if err != nil {
			return nil, nil, err
		}
		more, err := plan.MakeFor(s.cat, sub, h)
		if err != nil {
			return nil, nil, err
		}
		p = joinPlans(p, more, rt.Name)
		played = joinRoutines(rt, more.Routine())
	}
	script, err := guide.Build(s.cat, played)
	if err != nil {
		return nil, nil, err
	}
	return p, script, nil
}

// routinePlanTitle names a session planned around a routine: "Evening
// shoulders, then back and feet · 25 min", or the routine's name alone.
func routinePlanTitle(name string, p *plan.Plan, more []string) string {
	if len(more) == 0 {
		return name
	}
	t := plan.Title(more, p.TotalSeconds/60)
	return name + ", then " + lowerFirst(t)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' {
		return s // an abbreviation
	}
	if r[0] >= 'A' && r[0] <= 'Z' {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// joinPlans is the routine's plan a followed by the planned b: the items
// and transitions one after the other, the preparations and cautions of
// both once each, what the screen did to b.
func joinPlans(a, b *plan.Plan, name string) *plan.Plan {
	p := *a
	p.Items = append(slices.Clone(a.Items), b.Items...)
	p.Transitions = after(a.Transitions, b.Transitions, func(tr *plan.Transition) { tr.Before += len(a.Items) })
	for _, pr := range b.Prep {
		if !slices.ContainsFunc(p.Prep, func(x plan.Prep) bool { return x.ID == pr.ID }) {
			p.Prep = append(p.Prep, pr)
		}
	}
	p.Cautions = slices.Clone(a.Cautions)
	for _, c := range b.Cautions {
		i := slices.IndexFunc(p.Cautions, func(x plan.Caution) bool { return x.ID == c.ID })
		if i < 0 {
			p.Cautions = append(p.Cautions, c)
			continue
		}
		for _, t := range c.Techniques {
			if !slices.Contains(p.Cautions[i].Techniques, t) {
				p.Cautions[i].Techniques = append(p.Cautions[i].Techniques, t)
			}
		}
	}
	for _, ar := range b.Areas {
		if !slices.Contains(p.Areas, ar) {
			p.Areas = append(p.Areas, ar)
		}
	}
	if massage.LevelRank(b.Pressure) > massage.LevelRank(p.Pressure) {
		p.Pressure = b.Pressure
	}
	if p.Mode == "both" || p.Mode == "" {
		p.Mode = b.Mode
	}
	p.Seed, p.Conditions, p.Age, p.Cleared = b.Seed, b.Conditions, b.Age, b.Cleared
	p.Safety, p.Excluded, p.Dropped = b.Safety, b.Excluded, b.Dropped
	p.TotalSeconds = a.TotalSeconds + b.TotalSeconds
	p.Minutes = float64(int(p.TotalSeconds/6+0.5)) / 10
	p.Notes = append([]string{fmt.Sprintf("First your routine “%s” as you kept it (%s), then the %s, planned for %s.", name,
		massage.Seconds(math.Round(a.TotalSeconds)), areaList(b.Areas), massage.Seconds(math.Round(b.TotalSeconds)))},
		slices.Clone(a.Notes)...)
	p.Notes = append(p.Notes, b.Notes...)
	return &p
}

// joinRoutines is what the player plays for joinPlans: the kept routine's
// items as written, then the planned ones.
func joinRoutines(a, b *massage.Routine) *massage.Routine {
	r := *a
	r.Items = append(slices.Clone(a.Items), b.Items...)
	r.Transitions = after(a.Transitions, b.Transitions, func(tr *massage.Transition) { tr.Before += len(a.Items) })
	r.Prep = union(a.Prep, b.Prep)
	r.Cautions = union(a.Cautions, b.Cautions)
	r.Sources = union(a.Sources, b.Sources)
	r.Notes = append(slices.Clone(a.Notes), b.Notes...)
	if massage.LevelRank(b.Pressure) > massage.LevelRank(r.Pressure) {
		r.Pressure = b.Pressure
	}
	if r.Mode == "both" || r.Mode == "" {
		r.Mode = b.Mode
	}
	return &r
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// areaList says areas in words: "the back and the feet" reads as "back and feet".
func areaList(areas []string) string {
	names := make([]string, len(areas))
	for i, a := range areas {
		names[i] = massage.AreaName(a)
	}
	return massage.JoinAnd(names)
}

// routineTitle is the title of a plan made by planWithRoutine.
func (s *Server) routineTitle(ctx context.Context, req plan.Request, p *plan.Plan) string {
	name := "Your routine"
	if kr, err := s.store.RoutineByID(ctx, req.Routine); err == nil {
		name = kr.Name
	}
	return routinePlanTitle(name, p, req.Areas)
}

// after is a's transitions, then b's moved past a's items by shift.
func after[T any](a, b []T, shift func(*T)) []T {
	out := slices.Clone(a)
	for _, x := range b {
		shift(&x)
		out = append(out, x)
	}
	return out
}
