package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/howto"
	"github.com/knead/knead/massage"
)

// A draft is a routine being reviewed before it is kept: what an import
// found, or a kept routine being edited. The review form carries all of it
// (the server keeps nothing until "Save"), so that a reload, a second tab or
// a lost connection never leaves half a routine behind.
type draft struct {
	Keep   string // id of the kept routine edited; "" for a new one
	Person string
	Name   string
	Mode   string
	// Pressure is the routine's firmest pressure (light, moderate, deep);
	// "" sets no cap beyond each step's own.
	Pressure string
	Base     string // draftBase as JSON, carried unchanged
	Rows     []draftRow
	// Preparations and cautions of the catalog: those offered, and those kept.
	PrepOffer, Prep       []string
	CautionOffer, Caution []string
	Notes                 []string // the text's own warnings and other notes, editable
	Unsure                []string // what the importer was unsure of in the whole text
	Problems              []string // what stops saving, in plain words
	Changed               string   // what the last button did, said for screen readers
}

// draftRow is one item of the routine: a step of the text's own, or a
// catalog technique (whose steps are the catalog's).
type draftRow struct {
	Name      string
	Say       string
	Area      string
	Secs      string
	Side      string
	Repeat    string   // times, "6" or "4-5"; "" as the step says
	Pressure  string   // light, moderate or deep; "" as the step says
	Cut       string   // where "Split here" cuts the words (UTF-16 offset, from the page's script); read, never shown
	Technique string   // catalog id; "" for a step of the routine's own
	Data      string   // rowData as JSON, carried unchanged
	From      string   // the author's sentence it came from, when imported
	Line      int      // its line in the text
	Unsure    []string // what the importer was unsure of in this step
	Problems  []string
}

// rowData is what a row keeps that the form does not edit: the item with
// its step's hands, motion, landmarks and counts, and the transitions said
// before it.
type rowData struct {
	Item   massage.Item
	Before []massage.Transition `json:",omitempty"`
	// Parts are the steps merged into this one, as they were, so that a
	// split at the same words gives each back its own hands and motion.
	Parts []rowPart `json:",omitempty"`
}

// rowPart is a step merged into another, with its name.
type rowPart struct {
	Name string
	Step massage.Step
}

// draftBase is what the routine keeps that the form does not edit.
type draftBase struct {
	ID       string
	Summary  string          `json:",omitempty"`
	Pressure string          `json:",omitempty"`
	Claims   []massage.Claim `json:",omitempty"`
	Sources  []string        `json:",omitempty"`
	// SourceDefs are the sources the file declares itself (a text brought
	// in is a source the catalog does not know), written back as they came.
	SourceDefs []map[string]any `json:",omitempty"`
}

// Limits on a draft, so that a form cannot ask for unbounded work.
const (
	maxDraftRows  = 200
	maxDraftNotes = 100
	minStepSecs   = 5
	maxStepSecs   = 1800
)

// draftFromImport makes a draft of what the importer found.
func (s *Server) draftFromImport(res *howto.Result) *draft {
	rt := res.Routine()
	var defs []map[string]any
	src := res.SourceID()
	if s.cat.Source(src) == nil {
		title := res.Title
		if title == "" {
			title = src
		}
		defs = []map[string]any{{"id": src, "title": clipRunes(title, 200), "about": "A how-to text brought into Knead's web app."}}
	}
	d := s.draftFromRoutine(rt, defs)
	// Each row beside the sentence it came from: the routine keeps the
	// steps in the order found, one row per step.
	for i := range d.Rows {
		if i < len(res.Steps) && d.Rows[i].Technique == "" {
			st := res.Steps[i]
			d.Rows[i].From, d.Rows[i].Line = st.Text, st.Line
			d.Rows[i].Unsure = st.Unsure
		}
	}
	d.Unsure = res.Unsure
	return d
}

// draftFromRoutine makes a draft of a routine: one row per catalog item and
// one per step of the routine's own, each with the seconds the player
// gives it.
func (s *Server) draftFromRoutine(rt *massage.Routine, defs []map[string]any) *draft {
	d := &draft{Name: rt.Name, Mode: rt.Mode, Pressure: rt.Pressure, Notes: slices.Clone(rt.Notes), Prep: rt.Prep, Caution: rt.Cautions}
	base := draftBase{ID: rt.ID, Summary: rt.Summary, Pressure: rt.Pressure, Claims: rt.Claims, Sources: rt.Sources, SourceDefs: defs}
	b, _ := json.Marshal(base)
	d.Base = string(b)
	// The player's own share of each item's seconds among its steps.
	secs := map[[2]int]float64{}
	if sc, err := guide.Build(s.cat, rt); err == nil {
		for _, m := range sc.Moves {
			if m.Kind != guide.KindTransition {
				secs[[2]int{m.Item, m.Step}] = m.Seconds
			}
		}
	}
	for i, it := range rt.Items {
		var before []massage.Transition
		for _, tr := range rt.Transitions {
			if tr.Before == i {
				before = append(before, tr)
			}
		}
		if it.Technique != "" || len(it.Steps) == 0 {
			d.Rows = append(d.Rows, s.newRow(it, before, it.Seconds))
			continue
		}
		for j, st := range it.Steps {
			one := it
			one.Steps = []massage.Step{st}
			sec, ok := secs[[2]int{i, j}]
			if !ok {
				sec = it.Seconds / float64(len(it.Steps))
			}
			if j > 0 {
				before = nil
			}
			d.Rows = append(d.Rows, s.newRow(one, before, sec))
		}
	}
	d.PrepOffer = offer(d.Prep, func(p *massage.Preparation) string { return p.ID }, s.cat.Preparations)
	d.CautionOffer = offer(d.Caution, func(c *massage.Caution) string { return c.ID }, s.cat.Cautions)
	return d
}

// offer lists the catalog entries a review offers to keep: those kept, then
// every other one of the catalog.
func offer[T any](kept []string, id func(T) string, all []T) []string {
	out := slices.Clone(kept)
	for _, x := range all {
		if !slices.Contains(out, id(x)) {
			out = append(out, id(x))
		}
	}
	return out
}

func (s *Server) newRow(it massage.Item, before []massage.Transition, secs float64) draftRow {
	it.Seconds = secs
	b, _ := json.Marshal(rowData{Item: it, Before: before})
	r := draftRow{Name: it.Name, Area: it.Area, Secs: strconv.FormatFloat(math.Round(secs), 'f', -1, 64),
		Side: it.Side, Technique: it.Technique, Data: string(b), Repeat: countText(it.Repeat), Pressure: it.Pressure}
	if it.Technique != "" {
		if t := s.cat.Technique(it.Technique); t != nil && r.Name == "" {
			r.Name = t.Name
		}
	} else if len(it.Steps) > 0 {
		st := it.Steps[0]
		r.Say = st.Say
		if r.Side == "" {
			r.Side = st.Side
		}
		if r.Repeat == "" {
			r.Repeat = countText(st.Repeat)
		}
		if st.Pressure.Level != "" && (r.Pressure == "" || massage.LevelRank(st.Pressure.Level) < massage.LevelRank(r.Pressure)) {
			r.Pressure = st.Pressure.Level // the step's own, under the item's cap
		}
	}
	return r
}

// draftFromForm reads the review form back into a draft.
func draftFromForm(f url.Values) (*draft, error) {
	d := &draft{Keep: f.Get("keep"), Person: f.Get("person"), Name: strings.TrimSpace(f.Get("name")), Mode: f.Get("mode"), Base: f.Get("base"),
		Pressure:  f.Get("pressure"),
		PrepOffer: f["prep-offer"], Prep: f["prep"], CautionOffer: f["caution-offer"], Caution: f["caution"], Unsure: f["unsure"]}
	for _, n := range f["note"] {
		if n = strings.TrimSpace(n); n != "" {
			d.Notes = append(d.Notes, n)
		}
	}
	n, err := strconv.Atoi(f.Get("rows"))
	if err != nil || n < 0 || n > maxDraftRows {
		return nil, fmt.Errorf("the form's row count %q is not a number from 0 to %d", f.Get("rows"), maxDraftRows)
	}
	if len(d.Notes) > maxDraftNotes || len(d.PrepOffer) > 500 || len(d.CautionOffer) > 500 {
		return nil, errors.New("the form holds more notes, preparations or cautions than a routine can")
	}
	for i := range n {
		p := fmt.Sprintf("row%d-", i)
		line, _ := strconv.Atoi(f.Get(p + "line"))
		d.Rows = append(d.Rows, draftRow{
			Name: strings.TrimSpace(f.Get(p + "name")), Say: strings.TrimSpace(f.Get(p + "say")), Area: f.Get(p + "area"),
			Secs: strings.TrimSpace(f.Get(p + "secs")), Side: f.Get(p + "side"), Technique: f.Get(p + "technique"),
			Repeat: strings.TrimSpace(f.Get(p + "repeat")), Pressure: f.Get(p + "pressure"), Cut: f.Get(p + "cut"),
			Data: f.Get(p + "data"), From: f.Get(p + "from"), Line: line, Unsure: f[p+"unsure"],
		})
	}
	return d, nil
}

// apply does what a review button asks to the rows: up-N, down-N, del-N,
// merge-N (with the step after), split-N (at each sentence) and cut-N (at
// the point chosen).
// It says what it did, for the page to announce.
func (d *draft) apply(action string) {
	verb, num, ok := strings.Cut(action, "-")
	i, err := strconv.Atoi(num)
	if !ok || err != nil || i < 0 || i >= len(d.Rows) {
		return
	}
	switch verb {
	case "up":
		if i > 0 {
			d.Rows[i-1], d.Rows[i] = d.Rows[i], d.Rows[i-1]
			d.Changed = fmt.Sprintf("Step %d moved up to %d.", i+1, i)
		}
	case "down":
		if i < len(d.Rows)-1 {
			d.Rows[i+1], d.Rows[i] = d.Rows[i], d.Rows[i+1]
			d.Changed = fmt.Sprintf("Step %d moved down to %d.", i+1, i+2)
		}
	case "del":
		d.Rows = slices.Delete(d.Rows, i, i+1)
		d.Changed = fmt.Sprintf("Step %d deleted.", i+1)
	case "merge":
		d.merge(i)
	case "split":
		d.splitSentences(i)
	case "cut":
		d.cut(i)
	}
}

// routine turns the draft into a routine, checking each field in plain
// words: the problems are set on the draft and its rows, and the routine
// is nil when there are any.
func (s *Server) routine(d *draft) (*massage.Routine, []map[string]any) {
	d.Problems = nil
	var base draftBase
	if err := json.Unmarshal([]byte(d.Base), &base); err != nil {
		d.Problems = append(d.Problems, "This form was damaged on the way (its hidden part cannot be read). Import the text again.")
		return nil, nil
	}
	rt := &massage.Routine{ID: base.ID, Name: d.Name, Summary: base.Summary, Mode: d.Mode, Pressure: d.Pressure,
		Claims: base.Claims, Sources: base.Sources, Notes: d.Notes}
	if d.Pressure != "" && !massage.Levels.Has(d.Pressure) {
		d.Problems = append(d.Problems, "Pick the routine's firmest pressure from the list.")
	}
	switch {
	case d.Name == "":
		d.Problems = append(d.Problems, "Give the routine a name.")
	case len([]rune(d.Name)) > 120:
		d.Problems = append(d.Problems, "The name is long: keep it under 120 letters.")
	}
	if !massage.Modes.Has(d.Mode) {
		d.Problems = append(d.Problems, "Say who gives the massage: yourself, a partner, or either.")
	}
	if len(d.Rows) == 0 {
		d.Problems = append(d.Problems, "A routine needs at least one step, and this one has none left. Import the text again to start over.")
	}
	for _, id := range d.Prep {
		if s.cat.Preparation(id) != nil {
			rt.Prep = append(rt.Prep, id)
		}
	}
	for _, id := range d.Caution {
		if s.cat.Caution(id) != nil {
			rt.Cautions = append(rt.Cautions, id)
		}
	}
	for i := range d.Rows {
		r := &d.Rows[i]
		r.Problems = nil
		var rd rowData
		if err := json.Unmarshal([]byte(r.Data), &rd); err != nil {
			r.Problems = append(r.Problems, "This step was damaged on the way; delete it or import the text again.")
			continue
		}
		it := rd.Item
		if it.Technique == "" && len(it.Steps) != 1 {
			r.Problems = append(r.Problems, "This step was damaged on the way; delete it or import the text again.")
			continue
		}
		secs, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(r.Secs), "s"), 64)
		if err != nil || math.IsNaN(secs) || secs < minStepSecs || secs > maxStepSecs {
			r.Problems = append(r.Problems, fmt.Sprintf("The time must be a number of seconds from %d to %d; it says %q.", minStepSecs, maxStepSecs, r.Secs))
		}
		if _, ok := massage.AreaByID(r.Area); !ok {
			r.Problems = append(r.Problems, "Pick the place on the body this step works on.")
		}
		if r.Side != "" && !massage.Sides.Has(r.Side) {
			r.Problems = append(r.Problems, "Pick a side from the list.")
		}
		rep, repOK := parseRepeat(r.Repeat)
		if !repOK {
			r.Problems = append(r.Problems, fmt.Sprintf("Repeats must be a number of times from 1 to %d, such as 6 or 4-5, or left empty; it says %q.", maxRepeat, r.Repeat))
		}
		switch {
		case r.Pressure != "" && !massage.Levels.Has(r.Pressure):
			r.Problems = append(r.Problems, "Pick a pressure from the list.")
		case r.Pressure != "" && massage.Levels.Has(d.Pressure) && massage.LevelRank(r.Pressure) > massage.LevelRank(d.Pressure):
			r.Problems = append(r.Problems, fmt.Sprintf("Its pressure, %s, is firmer than the routine's firmest, %s: choose a lighter one, or raise the routine's.", r.Pressure, d.Pressure))
		}
		if len([]rune(r.Name)) > 120 {
			r.Problems = append(r.Problems, "The step's name is long: keep it under 120 letters.")
		}
		if it.Technique == "" {
			switch {
			case r.Say == "":
				r.Problems = append(r.Problems, "This step has no words. Say what the hands do, or delete the step.")
			case len([]rune(r.Say)) > 600:
				r.Problems = append(r.Problems, "The words are long for one step: keep them under 600 letters, or split them into two steps.")
			}
			if r.Name == "" {
				r.Name = massage.UpperFirst(massage.AreaName(r.Area))
			}
			st := &it.Steps[0]
			st.Say = r.Say
			if r.Area != it.Area {
				st.At = nil // the landmarks were the old place's
			}
			if r.Side != "" {
				st.Side = r.Side
			}
			// repeats and pressure are the step's own: the item says none
			st.Repeat, it.Repeat = rep, massage.Count{}
			if r.Pressure != st.Pressure.Level {
				st.Pressure = massage.Pressure{Level: r.Pressure}
			}
			it.Pressure = r.Pressure
			it.Name = r.Name
		} else {
			if r.Name != "" {
				it.Name = r.Name
			}
			// for a technique, the most pressure and the passes of its steps
			it.Repeat, it.Pressure = rep, r.Pressure
		}
		it.Area, it.Seconds = r.Area, math.Round(secs)
		if it.Technique != "" && r.Side != "" {
			it.Side = r.Side
		}
		for _, tr := range rd.Before {
			tr.Before = len(rt.Items)
			rt.Transitions = append(rt.Transitions, tr)
		}
		rt.Items = append(rt.Items, it)
	}
	for i, r := range d.Rows {
		for _, p := range r.Problems {
			d.Problems = append(d.Problems, fmt.Sprintf("Step %d: %s", i+1, p))
		}
	}
	if len(d.Problems) > 0 {
		return nil, nil
	}
	// Last, Knead's own check of the file it will keep.
	if _, err := s.routineFile(rt, base.SourceDefs); err != nil {
		d.Problems = append(d.Problems, checkProblems(err)...)
		return nil, nil
	}
	return rt, base.SourceDefs
}

// checkProblems says a check's errors without the file positions, which
// mean nothing on a form.
func checkProblems(err error) []string {
	var errs catalog.Errors
	if !errors.As(err, &errs) {
		return []string{"Knead could not write this routine: " + err.Error()}
	}
	var out []string
	for _, e := range errs {
		out = append(out, "Knead's check says: "+e.Msg)
	}
	return out
}

// routineFile writes rt as a routine file, with the sources it declares,
// and checks it as `knead check` would.
func (s *Server) routineFile(rt *massage.Routine, defs []map[string]any) ([]byte, error) {
	body, err := catalog.EncodeRoutine(rt)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if len(defs) > 0 {
		if i := bytes.IndexByte(body, '\n'); i >= 0 && bytes.HasPrefix(body, []byte("#")) {
			b.Write(body[:i+1])
			body = body[i+1:]
		}
		src, err := yaml.MarshalWithOptions(map[string]any{"sources": defs}, yaml.Indent(2), yaml.IndentSequence(true))
		if err != nil {
			return nil, err
		}
		b.Write(src)
	}
	b.Write(body)
	if _, err := catalog.ParseRoutine(s.cat, "routine.yaml", b.Bytes()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// clipRunes cuts s to at most n letters.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
