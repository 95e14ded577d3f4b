package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

//go:embed templates
var templateFiles embed.FS

// pageNames are the pages; each is templates/NAME.html with the layout.
var pageNames = []string{"start", "play", "library", "drawings", "technique", "history", "error", "settings",
	"routines", "import", "review", "routine", "handout", "routinedrawings", "planhandout"}

func (s *Server) parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset":     s.assets.url,
		"importmap": s.assets.importMapTag,
		"secs":      func(f float64) string { return keepTogether(massage.Seconds(math.Round(f))) },
		"time":      func(b massage.Bounds) string { return keepTogether(b.String()) },
		"clock":     clockText,
		"area":      massage.AreaName,
		"claim":     func(say string) string { return massage.ClaimLine("The source says", say) },
		"word":      func(v string, id string) string { return vocabulary(v).Name(id) },
		"json":      toJSON,
		"join":      strings.Join,
		"add":       func(a, b int) int { return a + b },
		"date":      func(t time.Time) string { return t.Local().Format("Mon 2 Jan 2006, 15:04") },
		"stars":     func(n int) string { return strings.Repeat("★", n) + strings.Repeat("☆", 5-n) },
		"has":       func(list []string, v string) bool { return contains(list, v) },
		"upper":     massage.UpperFirst,
		"lower":     strings.ToLower,
		"list5":     func() []int { return []int{1, 2, 3, 4, 5} },
		"played":    func(x store.Summary) string { return playedText(x.Progress, x.Total) },
	}
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		out[name] = t
	}
	return out, nil
}

func vocabulary(name string) massage.Vocabulary {
	switch name {
	case "mode":
		return massage.Modes
	case "family":
		return massage.Families
	case "phase":
		return massage.Phases
	case "motion":
		return massage.Motions
	case "side":
		return massage.Sides
	case "condition":
		return massage.ConditionKinds
	case "profile":
		return massage.Profiles
	}
	return massage.Vocabulary{}
}

// clockText prints seconds as m:ss.
func clockText(f float64) string {
	n := int(math.Round(f))
	return fmt.Sprintf("%d:%02d", n/60, n%60)
}

// toJSON is for data islands: <script type="application/json">. html/template
// escapes it for that context.
func toJSON(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// page is what every page's template gets.
type page struct {
	Title     string
	Body      string // a class on <body>
	Nav       string // which item of the top bar is current
	TestClock bool
	Data      any
}

// render writes a page; a template failing is a bug, logged and shown as a
// plain error page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.TestClock = s.test
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, p); err != nil {
		s.log.Error("render", slog.String("page", name), slog.Any("err", err))
		http.Error(w, "Knead could not draw this page; the log says why.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// storeErrorPage answers a store error on a page by its kind, as fail
// does on the API: 503 for a busy, absent or full database, else 500.
func (s *Server) storeErrorPage(w http.ResponseWriter, r *http.Request, what string, err error) {
	err = store.Classify(err)
	switch {
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		s.log.Info("client went away", slog.String("path", r.URL.Path))
		w.WriteHeader(statusClientGone)
	case errors.Is(err, store.ErrBusy), errors.Is(err, store.ErrUnavailable), errors.Is(err, store.ErrFull):
		s.log.Error(what, slog.Any("err", err))
		w.Header().Set("Retry-After", "5")
		s.errorPage(w, r, http.StatusServiceUnavailable, "Knead's database cannot be reached just now. Wait a moment and reload the page.")
	default:
		s.log.Error(what, slog.Any("err", err))
		s.errorPage(w, r, http.StatusInternalServerError, "Knead could not read this; the log says why.")
	}
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", page{Title: http.StatusText(status), Data: msg})
}

// startData is the start page: the body map, the choices and what is
// remembered.
type startData struct {
	Areas      []areaChoice
	Groups     []areaGroup
	Minutes    []int
	Form       formValues
	Last       *lastChoice
	SoreSpots  []store.SoreSpot
	Error      *apiError
	Conditions []conditionChoice
	Recent     []store.Summary
	Map        template.HTML
	Screen     screenView
	People     []personChoice
	For        string         // the picked person's id, "me" by default
	ForName    string         // how to say them: "you" for me
	NewName    string         // a name to add, sent back after an error
	Routine    *routineChoice // a kept routine the session is planned around
}

// routineChoice is the kept routine the start page plans a session around
// (/?routine=ID, from "Plan a session with this routine").
type routineChoice struct {
	ID, Name, Mode string
	Seconds        float64
}

type areaChoice struct {
	ID, Name string
	Checked  bool
}

// areaGroup is a row of area names: a region and its places ("Legs":
// thighs, calves…), whose name picks them all, or places that are their own
// region (neck, chest…), with no name.
type areaGroup struct {
	ID, Name string
	Areas    []areaChoice
}

type conditionChoice struct {
	Kind, Label, Hint string
	Places            []massage.Word // nil when the condition takes no place
	Value             string         // the place chosen, or "on" for one without a place
}

// formValues is the start form as it was sent, to fill it in again.
type formValues struct {
	Areas      []string
	Minutes    string
	Other      string
	Mode       string
	Pressure   string
	Conditions map[string]string
}

type lastChoice struct {
	Summary string
	URL     string
}

// conditionLabels say the conditions in plain words for the form.
// The rest come from the safety screen's questions (screen.go).
var conditionLabels = []struct{ kind, label, hint string }{
	{"sensitive", "A sensitive place to go gently", "Where?"},
}

// plannable are the areas some technique works on, in body order.
func (s *Server) plannable() []massage.Area {
	var out []massage.Area
	for _, a := range massage.Areas {
		if len(massage.Children(a.ID)) > 0 && a.Parent == "" {
			// Whole regions are offered through their parts, so a choice
			// never lies inside another.
			continue
		}
		if len(s.cat.ForArea(a.ID)) > 0 {
			out = append(out, a)
		}
	}
	return out
}

func (s *Server) startPage(w http.ResponseWriter, r *http.Request) {
	who := s.pickedPerson(r.Context(), r.URL.Query())
	d := s.startData(r, formValues{Minutes: "10", Pressure: "moderate", Conditions: map[string]string{}}, who.ID)
	if c, err := s.store.Choices(r.Context()); err == nil && c != nil {
		var req plan.Request
		if json.Unmarshal(c, &req) == nil && req.Validate() == nil {
			d.Form = formFromRequest(req)
			if d.Routine != nil {
				// the routine is what was asked for: the places of another
				// session are not added to it unasked
				d.Form.Areas = nil
			}
			if who.ID != store.Me || req.For != "" {
				req.For = who.ID // the same choices, for the person picked
			}
			if req.For == store.Me {
				req.For = ""
			}
			d.Last = &lastChoice{Summary: describeRequest(req), URL: "/plan?" + requestQuery(req).Encode()}
		}
	}
	d.Screen = s.lastScreen(r.Context(), who.ID)
	s.fillChoices(&d)
	s.render(w, r, http.StatusOK, "start", page{Title: "Start", Nav: "start", Body: "start", Data: d})
}

func (s *Server) startData(r *http.Request, f formValues, person string) startData {
	if person == "" {
		person = store.Me
	}
	d := startData{Minutes: []int{5, 10, 20, 30}, Form: f, For: person, ForName: "you"}
	base := "/"
	if id := r.URL.Query().Get("routine"); id != "" {
		if kr, rt, err := s.routineOf(r.Context(), id); err == nil {
			d.Routine = &routineChoice{ID: kr.ID, Name: rt.Name, Seconds: rt.TotalSeconds(), Mode: rt.Mode}
			base = "/?routine=" + url.QueryEscape(kr.ID)
		}
	}
	d.People = s.peopleChoices(r.Context(), person, base)
	for _, p := range d.People {
		if p.Picked && p.ID != store.Me {
			d.ForName = p.Name
		}
	}
	if spots, err := s.store.SoreSpotsOf(r.Context(), person); err == nil {
		d.SoreSpots = spots
	}
	if recent, err := s.store.Sessions(r.Context(), 3); err == nil {
		d.Recent = recent
	}
	return d
}

// fillChoices marks the form's choices on the areas and conditions.
func (s *Server) fillChoices(d *startData) {
	groups := map[string]*areaGroup{}
	var order []string
	for _, a := range s.plannable() {
		c := areaChoice{ID: a.ID, Name: a.Name, Checked: contains(d.Form.Areas, a.ID)}
		d.Areas = append(d.Areas, c)
		top := a.ID
		if a.Parent != "" {
			top = a.Parent
		}
		if groups[top] == nil {
			groups[top] = &areaGroup{Name: massage.UpperFirst(massage.AreaName(top))}
			order = append(order, top)
		}
		groups[top].Areas = append(groups[top].Areas, c)
	}
	// A group of one place named as that place ("Neck: Neck") says
	// nothing: such places share an unnamed row with their neighbours.
	for _, g := range order {
		grp := *groups[g]
		grp.ID = g
		if len(grp.Areas) == 1 && grp.Areas[0].ID == g {
			grp.Name, grp.ID = "", ""
			if n := len(d.Groups); n > 0 && d.Groups[n-1].Name == "" {
				d.Groups[n-1].Areas = append(d.Groups[n-1].Areas, grp.Areas...)
				continue
			}
		}
		d.Groups = append(d.Groups, grp)
	}
	choosable := map[string]bool{}
	for _, a := range d.Areas {
		choosable[a.ID] = true
	}
	d.Map = bodyMap(choosable)
	var areaWords []massage.Word
	for _, a := range massage.Areas {
		areaWords = append(areaWords, massage.Word{ID: a.ID, Name: a.Name})
	}
	for _, c := range conditionLabels {
		cc := conditionChoice{Kind: c.kind, Label: c.label, Hint: c.hint, Value: d.Form.Conditions[c.kind]}
		switch massage.ConditionUsage(c.kind) {
		case c.kind + ":JOINT":
			cc.Places = massage.Joints
		case c.kind + ":AREA":
			cc.Places = areaWords
		}
		d.Conditions = append(d.Conditions, cc)
	}
}

func formFromRequest(req plan.Request) formValues {
	f := formValues{Areas: req.Areas, Mode: req.Mode, Pressure: req.Pressure, Conditions: map[string]string{}}
	if f.Pressure == "" {
		f.Pressure = "moderate"
	}
	m := strconv.FormatFloat(req.Minutes, 'f', -1, 64)
	switch m {
	case "5", "10", "20", "30":
		f.Minutes = m
	default:
		f.Minutes, f.Other = "other", m
	}
	for _, c := range req.Conditions {
		kind, where, _ := strings.Cut(c, ":")
		if where == "" {
			where = "on"
		}
		f.Conditions[kind] = where
	}
	return f
}

// describeRequest says a request in a line: "Back and feet · 20 min · for a partner · light".
func describeRequest(req plan.Request) string {
	parts := []string{plan.Title(req.Areas, req.Minutes)}
	if req.Mode != "" {
		parts = append(parts, massage.Modes.Name(req.Mode))
	}
	if req.Pressure != "" {
		parts = append(parts, req.Pressure+" pressure")
	}
	if n := len(req.Conditions); n > 0 {
		parts = append(parts, fmt.Sprintf("%d to avoid", n))
	}
	return strings.Join(parts, " · ")
}

// requestQuery is the /plan address of a request.
func requestQuery(req plan.Request) url.Values {
	q := url.Values{}
	for _, a := range req.Areas {
		q.Add("area", a)
	}
	q.Set("minutes", strconv.FormatFloat(req.Minutes, 'f', -1, 64))
	if req.Mode != "" {
		q.Set("mode", req.Mode)
	}
	if req.Pressure != "" {
		q.Set("pressure", req.Pressure)
	}
	for _, c := range req.Conditions {
		q.Add("condition", c)
	}
	if req.Seed != 0 {
		q.Set("seed", strconv.FormatInt(req.Seed, 10))
	}
	if req.For != "" {
		q.Set("for", req.For)
	}
	if req.Age != "" {
		q.Set("age", req.Age)
	}
	if req.Cleared {
		q.Set("cleared", "on")
	}
	return q
}

// requestFromForm reads the start form (or a /plan address). Conditions
// come as condition=KIND[:WHERE] or as the form's cond.KIND=WHERE fields.
func requestFromForm(q url.Values) (plan.Request, formValues, *apiError) {
	f := formValues{Areas: q["area"], Mode: q.Get("mode"), Pressure: q.Get("pressure"), Minutes: q.Get("minutes"),
		Other: q.Get("minutes_other"), Conditions: map[string]string{}}
	req := plan.Request{Areas: outermost(q["area"]), Mode: f.Mode, Pressure: f.Pressure, Routine: strings.TrimSpace(q.Get("routine"))}
	mins := f.Minutes
	if req.Routine != "" && len(req.Areas) == 0 {
		mins = "0" // the routine alone: no minutes to plan
	}
	if mins == "other" || mins == "" {
		mins = f.Other
	}
	if mins == "" {
		return req, f, errInvalid("minutes", "say how many minutes, from %d to %d", plan.MinMinutes, plan.MaxMinutes)
	}
	m, err := strconv.ParseFloat(strings.TrimSpace(mins), 64)
	if err != nil || math.IsNaN(m) || math.IsInf(m, 0) {
		return req, f, errInvalid("minutes", "minutes must be a number, got %q", mins)
	}
	req.Minutes = m
	if req.Routine != "" && len(req.Areas) == 0 {
		req.Minutes = 0
	}
	req.Conditions = append(req.Conditions, q["condition"]...)
	for _, c := range conditionLabels {
		v := strings.TrimSpace(q.Get("cond." + c.kind))
		if v == "" || v == "none" {
			continue
		}
		f.Conditions[c.kind] = v
		if v == "on" {
			req.Conditions = append(req.Conditions, c.kind)
		} else {
			req.Conditions = append(req.Conditions, c.kind+":"+v)
		}
	}
	for _, c := range q["condition"] {
		kind, where, _ := strings.Cut(c, ":")
		if where == "" {
			where = "on"
		}
		f.Conditions[kind] = where
	}
	if sd := q.Get("seed"); sd != "" {
		n, err := strconv.ParseInt(sd, 10, 64)
		if err != nil {
			return req, f, errInvalid("seed", "seed must be a whole number, got %q", sd)
		}
		req.Seed = n
	}
	if req.Mode == "both" {
		req.Mode = ""
	}
	if a := q.Get("age"); a != "" && a != "adult" {
		req.Age = a
	}
	req.Cleared = q.Get("cleared") == "on"
	if v := strings.TrimSpace(q.Get("for")); v != "" && v != store.Me {
		req.For = v
	}
	return req, f, nil
}

// outermost drops the areas that lie inside another area chosen with them:
// the form offers the feet and the toes, and the feet hold the toes.
func outermost(areas []string) []string {
	var out []string
	for i, a := range areas {
		inside := false
		for j, b := range areas {
			if i != j && a != b && massage.Within(a, b) {
				inside = true
			}
		}
		if !inside {
			out = append(out, a)
		}
	}
	return out
}

// formField maps a request field to the form's label, for messages.
func formField(field string) string {
	if name, ok := screenField(field); ok {
		return name
	}
	switch {
	case field == "stop":
		return "No session today"
	case field == "ask-first":
		return "Ask a health professional first"
	case strings.HasPrefix(field, "areas"):
		return "Areas"
	case field == "minutes":
		return "Minutes"
	case field == "mode":
		return "Who"
	case field == "routine":
		return "Your routine"
	case field == "for":
		return "Whose session"
	case field == "seed":
		return "Seed"
	case field == "pressure":
		return "Pressure"
	case strings.HasPrefix(field, "conditions"):
		return "Anything to avoid"
	}
	return field
}

// playData is the plan preview and player, one page: the preview is shown
// until Start, which turns it into the player without leaving the page (so
// the browser lets it speak).
type playData struct {
	Plan      *plan.Plan
	Title     string
	Request   json.RawMessage
	Script    pageScript
	Motion    json.RawMessage // the animation of every step the script plays
	Session   *pageSession    // nil on a preview
	Total     float64
	Items     []itemView
	Feedback  []string
	AreaNames map[string]string
	Defs      template.HTML // the charts the page draws on
	For       string        // whom it is for, as the store names them; "" for me
	Handout   string        // the address of its printable handout
	InAll     float64       // the whole session with its transitions, when longer than the hands-on time
}

type itemView struct {
	plan.Item
	Start float64
	Thumb string // the motion key of the step its small drawing shows
}

func (s *Server) planPage(w http.ResponseWriter, r *http.Request) {
	pq, e := s.planFromQuery(r.Context(), r.URL.Query(), "plan")
	if pq.Answered {
		// the answers given are kept for the person, even when the plan
		// they lead to is refused (a stop is still what they answered)
		if _, err := s.history(r.Context(), pq.Req.For); err == nil {
			s.keepScreen(r.Context(), personOf(pq.Req), pq.Screen)
		}
	}
	if e != nil {
		s.planQueryFailed(w, r, pq, e)
		return
	}
	reqJSON, _ := json.Marshal(pq.Req)
	d := s.playData(pq.Plan, pq.Script, reqJSON)
	d.Title = pq.Title
	d.Handout = "/plan/handout?" + r.URL.RawQuery
	s.render(w, r, http.StatusOK, "play", page{Title: d.Title, Body: "play", Data: d})
}

func (s *Server) playData(p *plan.Plan, script *guide.Script, req json.RawMessage) playData {
	d := playData{Plan: p, Title: p.Title(), Request: req, Script: newPageScript(script), Total: script.Total,
		Feedback: store.FeedbackKinds, AreaNames: map[string]string{}}
	var whom struct{ For string }
	if json.Unmarshal(req, &whom) == nil && whom.For != store.Me {
		d.For = whom.For
	}
	d.InAll = inAll(p, script)
	var at float64
	for _, it := range p.Items {
		d.Items = append(d.Items, itemView{Item: it, Start: at, Thumb: key(it.Technique, 0)})
		at += it.Seconds
		d.AreaNames[it.Area] = massage.AreaName(it.Area)
	}
	// The routine's small drawings are made in the page from this same
	// motion (player.js), so each step's path is sent once.
	var views []string
	sj, _ := json.Marshal(d.Script)
	d.Motion, views = s.lib.pageMotion(script, pageDataBytes-len(sj))
	d.Defs = s.lib.defs(views)
	return d
}

// keptSession reads the kept session the path names, with its script and
// plan, or answers the error page itself; what names the page in the log.
func (s *Server) keptSession(w http.ResponseWriter, r *http.Request, what string) (*store.Session, *guide.Script, *plan.Plan, bool) {
	id := r.PathValue("id")
	if !sessionID.MatchString(id) {
		s.errorPage(w, r, http.StatusNotFound, "There is no such session. It may have been made on another device.")
		return nil, nil, nil, false
	}
	x, sc, err := s.sessionScript(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "There is no such session. It may have been made on another device.")
		return nil, nil, nil, false
	}
	if err != nil {
		s.storeErrorPage(w, r, what, err)
		return nil, nil, nil, false
	}
	var p plan.Plan
	if err := json.Unmarshal(x.Plan, &p); err != nil {
		s.log.Error(what+": plan", slog.Any("err", err))
		s.errorPage(w, r, http.StatusInternalServerError, "This session's plan could not be read.")
		return nil, nil, nil, false
	}
	return x, sc, &p, true
}

func (s *Server) sessionPage(w http.ResponseWriter, r *http.Request) {
	x, sc, p, ok := s.keptSession(w, r, "session page")
	if !ok {
		return
	}
	d := s.playData(p, sc, x.Request)
	d.Title = x.Title
	d.Session = newPageSession(viewSession(x))
	d.Handout = "/session/" + x.ID + "/handout"
	s.render(w, r, http.StatusOK, "play", page{Title: d.Title, Body: "play", Data: d})
}

// historyData is the history page, for one person.
type historyData struct {
	Sessions  []store.Summary
	SoreSpots []store.SoreSpot
	LeftOut   []leftOutView
	People    []personChoice
	Person    *store.Person
	Done      string // what the last button did, said plainly
}

func (s *Server) historyPage(w http.ResponseWriter, r *http.Request) {
	who := s.pickedPerson(r.Context(), r.URL.Query())
	list, err := s.store.Sessions(r.Context(), 200)
	if err != nil {
		s.storeErrorPage(w, r, "history", err)
		return
	}
	d := historyData{Person: who, People: s.peopleChoices(r.Context(), who.ID, "/history"), Done: r.URL.Query().Get("done")}
	for _, x := range list {
		if x.Person == who.ID || (x.Person == "" && who.ID == store.Me) {
			d.Sessions = append(d.Sessions, x)
		}
	}
	d.SoreSpots, _ = s.store.SoreSpotsOf(r.Context(), who.ID)
	d.LeftOut = s.leftOut(r.Context(), who.ID)
	s.render(w, r, http.StatusOK, "history", page{Title: "History", Nav: "history", Data: d})
}

func familyRank(f string) int {
	for i, w := range massage.Families.Words {
		if w.ID == f {
			return i
		}
	}
	return len(massage.Families.Words)
}

// techniqueData is one technique in the library.
type techniqueData struct {
	T       massage.TechniqueView
	Tech    *massage.Technique
	Sources []*massage.Source
	Motion  json.RawMessage
	Defs    template.HTML
	Panels  map[string][]panelLabel // the names of the pictures on charts that have more than one
}

// panelLabel names one picture of a chart, and where its middle is
// (0–1 across the chart), for the page to label above the drawing.
type panelLabel struct {
	Name string  `json:"name"`
	Mid  float64 `json:"mid"`
}

// panelLabels lists the pictures of the charts that have more than one.
func panelLabels(views []string) map[string][]panelLabel {
	out := map[string][]panelLabel{}
	for _, id := range views {
		v, ok := motion.ViewByID(id)
		if !ok || len(v.Panels) < 2 {
			continue
		}
		var ls []panelLabel
		for _, p := range v.Panels {
			ls = append(ls, panelLabel{Name: massage.UpperFirst(p.Name), Mid: (p.X0 + p.X1) / 2})
		}
		out[id] = ls
	}
	return out
}

func (s *Server) techniquePage(w http.ResponseWriter, r *http.Request) {
	t := s.cat.Technique(r.PathValue("id"))
	if t == nil {
		s.errorPage(w, r, http.StatusNotFound, "The library has no technique by that name.")
		return
	}
	d := techniqueData{T: s.cat.TechniqueView(t), Tech: t, Motion: s.lib.motion(t.ID)}
	var m motionJSON
	json.Unmarshal(d.Motion, &m)
	d.Defs = s.lib.defs(viewsOf(m.Steps))
	d.Panels = panelLabels(viewsOf(m.Steps))
	for _, id := range t.Sources {
		if src := s.cat.Source(id); src != nil {
			d.Sources = append(d.Sources, src)
		}
	}
	s.render(w, r, http.StatusOK, "technique", page{Title: t.Name, Nav: "library", Data: d})
}

// keepTogether keeps a time's figures and units on one line ("1 min 30 s"
// never breaks before its "s"); a line may still break after a comma.
func keepTogether(s string) string {
	parts := strings.Split(s, ", ")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(p, " ", "\u00a0")
	}
	return strings.Join(parts, ", ")
}
