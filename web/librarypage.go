package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/knead/knead/massage"
)

// libraryData is the library: techniques by area, then by family, with
// the search and filters that narrow it (filter), in the address so that
// it works without JavaScript; library.js narrows the same way as one types.
type libraryData struct {
	Groups   []libraryGroup
	Count    int // techniques shown
	Total    int // techniques in the catalog
	Defs     template.HTML
	Filter   libraryFilter
	Areas    []massage.Word // the area filter's choices, regions then their places
	Families []massage.Word
	Levels   []massage.Word
	Times    []string       // the time filter's choices, in minutes
	People   []personChoice // whose My routines the list is kept in
}

type libraryGroup struct {
	ID, Name   string
	Techniques []libraryCard
	Hidden     bool // every card in it is
}

// libraryCard is one technique in the library's list, with a small drawing
// of its first step and what the filters match it on.
type libraryCard struct {
	*massage.Technique
	Thumb     template.HTML
	Sources   []*massage.Source
	AreaIDs   string // its areas and the regions that hold them, for the area filter
	Levels    string // the pressures it works at
	Words     string // what the search looks in, lower case: what the card shows and More
	More      string // what the search looks in that the card does not show
	AreaNames string
	Hidden    bool // the filter in the address leaves it out
}

// libraryFilter is the library's search and filters; "" is any.
type libraryFilter struct {
	Q, Area, Mode, Pressure, Family string
	Time                            string // "2", "5" or "10": fits within that many minutes
}

// timeChoices are the time filter's choices, in minutes.
var timeChoices = []string{"2", "5", "10"}

func (f libraryFilter) any() bool { return f != libraryFilter{} }

func filterFrom(q url.Values) libraryFilter {
	f := libraryFilter{Q: strings.TrimSpace(q.Get("q")), Area: q.Get("area"), Mode: q.Get("mode"), Pressure: q.Get("pressure"), Family: q.Get("family"), Time: q.Get("time")}
	if !slices.Contains(timeChoices, f.Time) {
		f.Time = ""
	}
	if _, ok := massage.AreaByID(f.Area); !ok {
		f.Area = ""
	}
	if f.Mode != "self" && f.Mode != "partner" {
		f.Mode = ""
	}
	if massage.LevelRank(f.Pressure) == 0 {
		f.Pressure = ""
	}
	if !slices.ContainsFunc(massage.Families.Words, func(w massage.Word) bool { return w.ID == f.Family }) {
		f.Family = ""
	}
	if len(f.Q) > 200 {
		f.Q = f.Q[:200]
	}
	return f
}

// matches says whether a card passes the filter: every word searched for
// is in its words, and it fits the area, mode, pressure, family and time. The
// page's library.js does the same.
func (f libraryFilter) matches(c *libraryCard) bool {
	for _, w := range strings.Fields(strings.ToLower(f.Q)) {
		if !strings.Contains(c.Words, w) {
			return false
		}
	}
	return (f.Area == "" || slices.Contains(strings.Fields(c.AreaIDs), f.Area)) &&
		(f.Mode == "" || c.FitsMode(f.Mode)) &&
		(f.Pressure == "" || slices.Contains(strings.Fields(c.Levels), f.Pressure)) &&
		(f.Family == "" || c.Family == f.Family) &&
		(f.Time == "" || c.fitsWithin(f.Time))
}

// fitsWithin says whether the technique can be given in its least time
// within minutes (one of timeChoices).
func (c *libraryCard) fitsWithin(minutes string) bool {
	m, _ := strconv.Atoi(minutes)
	return c.Seconds.Least <= float64(m*60)
}

// levels lists the pressures a technique works at, from its own and its
// steps' least to most.
func levels(t *massage.Technique) []string {
	lo, hi := 4, 0
	see := func(p massage.Pressure) {
		for _, l := range []string{p.Level, p.Most} {
			if r := massage.LevelRank(l); r > 0 {
				lo, hi = min(lo, r), max(hi, r)
			}
		}
	}
	see(t.Pressure)
	for _, st := range t.Steps {
		see(st.Pressure)
	}
	var out []string
	for i, w := range massage.Levels.Words {
		if i+1 >= lo && i+1 <= hi {
			out = append(out, w.ID)
		}
	}
	return out
}

func (s *Server) card(t *massage.Technique) libraryCard {
	c := libraryCard{Technique: t}
	var ids, names []string
	for _, a := range t.Areas {
		names = append(names, massage.AreaName(a))
		for x := a; x != ""; {
			if !slices.Contains(ids, x) {
				ids = append(ids, x)
			}
			ar, ok := massage.AreaByID(x)
			if !ok {
				break
			}
			x = ar.Parent
		}
	}
	c.AreaIDs = strings.Join(ids, " ")
	c.AreaNames = massage.JoinAnd(names)
	c.Levels = strings.Join(levels(t), " ")
	// What the card shows is searched as it reads; More holds the rest
	// (the regions that hold its areas, its steps' names).
	shown := []string{t.Name, massage.Families.Name(t.Family), massage.Modes.Name(t.Mode), c.AreaNames, t.Summary}
	var more []string
	for _, id := range ids {
		if !slices.Contains(t.Areas, id) {
			more = append(more, massage.AreaName(id))
		}
	}
	for _, id := range t.Sources {
		if src := s.cat.Source(id); src != nil {
			c.Sources = append(c.Sources, src)
			shown = append(shown, src.Title)
		}
	}
	for _, st := range t.Steps {
		more = append(more, st.Title)
	}
	c.More = strings.ToLower(strings.Join(more, " "))
	c.Words = strings.ToLower(strings.Join(shown, " ")) + " " + c.More
	return c
}

func (s *Server) libraryPage(w http.ResponseWriter, r *http.Request) {
	f := filterFrom(r.URL.Query())
	byTop := map[string][]*massage.Technique{}
	for _, t := range s.cat.Techniques {
		seen := map[string]bool{}
		for _, a := range t.Areas {
			top := a
			if ar, ok := massage.AreaByID(a); ok && ar.Parent != "" {
				top = ar.Parent
			}
			if !seen[top] {
				seen[top] = true
				byTop[top] = append(byTop[top], t)
			}
		}
	}
	d := libraryData{Total: len(s.cat.Techniques), Filter: f, Families: massage.Families.Words, Levels: massage.Levels.Words, Times: timeChoices}
	shown := map[string]bool{}
	var views []string
	for _, a := range massage.Areas {
		if s.cat.ForArea(a.ID) != nil {
			name := massage.UpperFirst(a.Name)
			if a.Parent != "" {
				name = "\u00a0\u00a0" + name
			}
			d.Areas = append(d.Areas, massage.Word{ID: a.ID, Name: name})
		}
		ts := byTop[a.ID]
		if len(ts) == 0 {
			continue
		}
		sort.SliceStable(ts, func(i, j int) bool {
			fi, fj := familyRank(ts[i].Family), familyRank(ts[j].Family)
			if fi != fj {
				return fi < fj
			}
			return ts[i].Name < ts[j].Name
		})
		g := libraryGroup{ID: a.ID, Name: massage.UpperFirst(a.Name), Hidden: true}
		for _, t := range ts {
			c := s.card(t)
			// Every card is on the page, those the filter leaves out
			// hidden, so that library.js can widen the search too.
			c.Hidden = !f.matches(&c)
			if !c.Hidden {
				shown[t.ID] = true
				g.Hidden = false
			}
			if th := s.lib.thumbOf(t.ID); th != nil {
				c.Thumb = th.SVG
				views = append(views, th.View)
			}
			g.Techniques = append(g.Techniques, c)
		}
		d.Groups = append(d.Groups, g)
	}
	d.Count = len(shown)
	d.People = s.peopleChoices(r.Context(), s.pickedPerson(r.Context(), r.URL.Query()).ID, "/library")
	d.Defs = s.lib.defs(views)
	s.render(w, r, http.StatusOK, "library", page{Title: "Library", Nav: "library", Data: d})
}

// drawingsData is the contact sheet: every step of every technique, drawn
// small, on one page, to look the catalog over.
type drawingsData struct {
	Techniques []sheetRow
	Steps      int
	Missing    int // steps motion cannot draw
	Defs       template.HTML
}

type sheetRow struct {
	*massage.Technique
	Steps []sheetStep
}

type sheetStep struct {
	N     int
	Title string
	SVG   template.HTML // "" when motion cannot draw it
}

func (s *Server) drawingsPage(w http.ResponseWriter, r *http.Request) {
	var d drawingsData
	var views []string
	for _, t := range s.cat.Techniques {
		row := sheetRow{Technique: t}
		for i, st := range t.Steps {
			x := sheetStep{N: i + 1, Title: st.Title}
			if a := s.lib.stepAt(t, i, thumbLevel); a != nil {
				if th := drawThumb(a); th != nil {
					x.SVG = th.SVG
					views = append(views, th.View)
				}
			}
			if x.SVG == "" {
				d.Missing++
			}
			d.Steps++
			row.Steps = append(row.Steps, x)
		}
		d.Techniques = append(d.Techniques, row)
	}
	d.Defs = s.lib.defs(views)
	s.render(w, r, http.StatusOK, "drawings", page{Title: "All the drawings", Nav: "library", Data: d})
}
