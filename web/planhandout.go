package web

import (
	"bytes"
	"html/template"
	"net/http"
	"slices"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/motion"
	"github.com/knead/knead/plan"
)

// The printable handout of a plan, as a routine has one: what to prepare,
// every caution, then each move with its drawing, its cue, its cautions
// and the transition before it, and the plan's notes. It is made from the
// plan and the player's script, so it says what the player says.

// planHandoutData is the handout of a plan.
type planHandoutData struct {
	Title   string
	Plan    *plan.Plan
	Total   float64
	Items   []handoutItem
	Paper   string // a4 or letter
	Back    string // the plan or session it came from
	Other   string // the same handout on the other paper
	Dropped []string
	InAll   float64 // the whole session with its transitions, when longer than the hands-on time
}

// handoutItem is one item of the plan: its moves' words and one drawing.
type handoutItem struct {
	N                       int
	Name, Area, Phase, Side string
	Pressure                string
	Seconds                 float64
	Before                  []string // the transitions said before it
	Says                    []string // each step's instruction, as the player shows it
	Cautions                []string
	Note                    string
	Drawing                 template.HTML
	SameAs                  int // the item whose drawing this technique's is, when drawn before
}

// planHandoutView lays a plan and its script out for paper.
func (s *Server) planHandoutView(title string, p *plan.Plan, sc *guide.Script, paper string) planHandoutData {
	d := planHandoutData{Title: title, Plan: p, Total: sc.Total, Paper: "a4", InAll: inAll(p, sc)}
	if paper == "letter" {
		d.Paper = "letter"
	}
	drawn := map[string]int{}
	var before []string
	byItem := map[int]int{} // script item → index in d.Items
	for _, m := range sc.Moves {
		if m.Kind == guide.KindTransition {
			before = append(before, m.Say)
			continue
		}
		i, ok := byItem[m.Item]
		if !ok {
			it := handoutItem{N: len(d.Items) + 1, Name: m.Name, Area: m.Area, Phase: m.Phase, Side: m.Side,
				Pressure: m.Pressure, Before: before, Note: m.Note}
			before = nil
			if m.Item < len(p.Items) {
				pi := p.Items[m.Item]
				it.Seconds, it.Pressure, it.Side = pi.Seconds, firstNonBlank(pi.Pressure, it.Pressure), firstNonBlank(pi.Side, it.Side)
			}
			if t := s.cat.Technique(m.Technique); t != nil {
				if n, seen := drawn[t.ID]; seen {
					it.SameAs = n
				} else {
					var b bytes.Buffer
					if err := motion.DrawSVG(&b, t, 0); err == nil {
						it.Drawing = template.HTML(b.String()) // made by Knead's own drawing code
						drawn[t.ID] = it.N
					}
				}
			}
			d.Items = append(d.Items, it)
			i = len(d.Items) - 1
			byItem[m.Item] = i
		}
		it := &d.Items[i]
		if m.Say != "" && !slices.Contains(it.Says, m.Say) {
			it.Says = append(it.Says, m.Say)
		}
		for _, c := range m.Cautions {
			if !slices.Contains(it.Cautions, c) {
				it.Cautions = append(it.Cautions, c)
			}
		}
		if it.Seconds == 0 || m.Item >= len(p.Items) {
			it.Seconds += m.Seconds
		}
	}
	return d
}

func firstNonBlank(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// planHandout is the handout of the plan at /plan?… (the same address
// under /plan/handout), made again from the request as the plan page is.
func (s *Server) planHandout(w http.ResponseWriter, r *http.Request) {
	pq, e := s.planFromQuery(r.Context(), r.URL.Query(), "plan handout")
	if e != nil {
		s.planQueryFailed(w, r, pq, e)
		return
	}
	q := r.URL.Query()
	q.Del("paper")
	d := s.planHandoutView(pq.Title, pq.Plan, pq.Script, r.URL.Query().Get("paper"))
	d.Back = "/plan?" + q.Encode()
	d.Other = "/plan/handout?" + q.Encode() + "&paper=" + map[string]string{"a4": "letter", "letter": "a4"}[d.Paper]
	s.render(w, r, http.StatusOK, "planhandout", page{Title: pq.Title + " (handout)", Body: "handout paper-" + d.Paper, Data: d})
}

// sessionHandout is the handout of a kept session's plan.
func (s *Server) sessionHandout(w http.ResponseWriter, r *http.Request) {
	x, sc, p, ok := s.keptSession(w, r, "session handout")
	if !ok {
		return
	}
	d := s.planHandoutView(x.Title, p, sc, r.URL.Query().Get("paper"))
	d.Back = "/session/" + x.ID
	d.Other = "/session/" + x.ID + "/handout?paper=" + map[string]string{"a4": "letter", "letter": "a4"}[d.Paper]
	s.render(w, r, http.StatusOK, "planhandout", page{Title: x.Title + " (handout)", Body: "handout paper-" + d.Paper, Data: d})
}

// inAll is how long a session takes with the changes between its moves
// (the script's length), or 0 when that is no longer than its hands-on
// time: the title gives the hands-on time, and the two must not seem to
// disagree.
func inAll(p *plan.Plan, sc *guide.Script) float64 {
	if sc.Total-p.TotalSeconds >= 1 {
		return sc.Total
	}
	return 0
}
