package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/howto"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// The routines pages: import a text, review it, keep it as a person's
// routine, play it, print it, download it and upload one.

// maxImportBytes is the most text imported, as `knead import` reads.
const maxImportBytes = howto.DefaultMaxBytes

// routinesData is the "My routines" page.
type routinesData struct {
	Groups []routineGroup
	Upload *uploadResult // the last upload's mistakes, when it had any
}

type routineGroup struct {
	Person   store.Person
	Routines []store.Routine
}

// uploadResult is an uploaded routine file that did not pass the check.
type uploadResult struct {
	File     string
	Problems []filePlace
	Message  string
}

// filePlace is one mistake in a file, with the line it is on.
type filePlace struct {
	Line, Col int
	Message   string
	Text      string // the line as written
}

func (s *Server) routinesPage(w http.ResponseWriter, r *http.Request) {
	s.renderRoutines(w, r, http.StatusOK, nil)
}

func (s *Server) renderRoutines(w http.ResponseWriter, r *http.Request, status int, up *uploadResult) {
	people, err := s.store.People(r.Context())
	if err != nil {
		s.storeErrorPage(w, r, "routines", err)
		return
	}
	d := routinesData{Upload: up}
	for _, p := range people {
		list, err := s.store.RoutinesOf(r.Context(), p.ID)
		if err != nil {
			s.storeErrorPage(w, r, "routines", err)
			return
		}
		if len(list) > 0 || p.ID == store.Me {
			d.Groups = append(d.Groups, routineGroup{p, list})
		}
	}
	s.render(w, r, status, "routines", page{Title: "My routines", Nav: "library", Data: d})
}

// importData is the Import page.
type importData struct {
	How   string // paste, file or url: the way tried last
	Text  string
	URL   string
	Error string
}

func (s *Server) importPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "import", page{Title: "Import a routine", Nav: "library", Data: importData{How: "paste"}})
}

// readForm reads a form of at most limit bytes, multipart or not; the
// error is said for the person who sent it.
func readForm(w http.ResponseWriter, r *http.Request, limit int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(limit)
	} else {
		err = r.ParseForm()
	}
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return fmt.Errorf("what was sent is over %d KB; a routine's text is at most %d KB", limit>>10, maxImportBytes>>10)
	case err != nil:
		return errors.New("the form could not be read; send it again")
	}
	return nil
}

// textExts are the files the Import page reads.
var textExts = []string{"", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".csv", ".json"}

func (s *Server) importSubmit(w http.ResponseWriter, r *http.Request) {
	d := importData{How: "paste"}
	fail := func(status int, msg string) {
		d.Error = msg
		s.render(w, r, status, "import", page{Title: "Import a routine", Nav: "library", Data: d})
	}
	if err := readForm(w, r, maxImportBytes+(64<<10)); err != nil {
		fail(http.StatusRequestEntityTooLarge, massage.UpperFirst(err.Error())+".")
		return
	}
	d.How = r.FormValue("how")
	var src []byte
	name := ""
	switch d.How {
	case "paste":
		d.Text = r.FormValue("text")
		if strings.TrimSpace(d.Text) == "" {
			fail(http.StatusUnprocessableEntity, "Paste the text of the instructions into the box first.")
			return
		}
		src = []byte(d.Text)
	case "file":
		f, hdr, err := r.FormFile("file")
		if err != nil {
			fail(http.StatusUnprocessableEntity, "Choose a file first: a text (.txt), Markdown (.md) or web page (.html).")
			return
		}
		defer f.Close()
		ext := strings.ToLower(path.Ext(hdr.Filename))
		if !slices.Contains(textExts, ext) {
			fail(http.StatusUnprocessableEntity, fmt.Sprintf("%s is not a file Knead reads: choose a text (.txt), Markdown (.md) or web page (.html). "+
				"For a PDF or a document, copy its text and paste it instead.", hdr.Filename))
			return
		}
		src, _ = io.ReadAll(io.LimitReader(f, maxImportBytes+1))
		name = hdr.Filename
	case "url":
		d.URL = r.FormValue("url")
		if strings.TrimSpace(d.URL) == "" {
			fail(http.StatusUnprocessableEntity, "Give the address of the page, such as https://example.org/foot-massage.")
			return
		}
		var err error
		src, name, err = s.fetcher.fetch(r.Context(), d.URL)
		if err != nil {
			var fe *fetchError
			if !errors.As(err, &fe) {
				s.log.Error("fetch", slog.Any("err", err))
			}
			fail(http.StatusUnprocessableEntity, "The page was not fetched: "+err.Error()+".")
			return
		}
	default:
		fail(http.StatusUnprocessableEntity, "Choose how to bring the text in: paste it, choose a file, or give an address.")
		return
	}
	res, err := howto.Import(src, howto.Options{Name: name, Catalog: s.cat, MaxBytes: maxImportBytes})
	if err != nil {
		fail(http.StatusUnprocessableEntity, importProblem(err))
		return
	}
	dr := s.draftFromImport(res)
	dr.Person = store.Me
	s.renderReview(w, r, http.StatusOK, dr)
}

// importProblem says why an import found nothing to keep.
func importProblem(err error) string {
	var big *howto.TooLargeError
	var bin *howto.BinaryError
	var none *howto.NoInstructionsError
	switch {
	case errors.As(err, &big):
		return fmt.Sprintf("The text is %d KB, over the limit of %d KB: bring in only the part with the instructions.", big.Size>>10, big.Limit>>10)
	case errors.As(err, &bin):
		return fmt.Sprintf("This is a %s, not a text: Knead reads text, Markdown and HTML. Copy the instructions out of it and paste them instead.", bin.Kind)
	case errors.As(err, &none):
		return fmt.Sprintf("No hands-on steps were found in this text (%d sentences read). Knead looks for instructions such as "+
			"“Stroke up the calf with both palms”; paste the part of the text that says what the hands do.", none.Sentences)
	}
	return massage.UpperFirst(err.Error()) + "."
}

// reviewData is the review form.
type reviewData struct {
	D        *draft
	Areas    []massage.Area
	Sides    []massage.Word
	Modes    []massage.Word
	Levels   []massage.Word
	People   []store.Person
	Prep     []choice
	Cautions []choice
}

// choice is a catalog entry a review offers, ticked when kept.
type choice struct {
	ID, Name, Say string
	Kept          bool
}

func (s *Server) renderReview(w http.ResponseWriter, r *http.Request, status int, d *draft) {
	rd := reviewData{D: d, Areas: massage.Areas, Sides: massage.Sides.Words, Modes: massage.Modes.Words, Levels: massage.Levels.Words}
	rd.People, _ = s.store.People(r.Context())
	for _, id := range d.PrepOffer {
		if p := s.cat.Preparation(id); p != nil {
			rd.Prep = append(rd.Prep, choice{ID: id, Name: p.Name, Say: p.Say, Kept: slices.Contains(d.Prep, id)})
		}
	}
	for _, id := range d.CautionOffer {
		if c := s.cat.Caution(id); c != nil && (d.Mode == "" || c.FitsMode(d.Mode)) {
			rd.Cautions = append(rd.Cautions, choice{ID: id, Say: c.Say, Kept: slices.Contains(d.Caution, id)})
		}
	}
	title := "Review the import"
	if d.Keep != "" {
		title = "Edit " + d.Name
	}
	s.render(w, r, status, "review", page{Title: title, Nav: "library", Data: rd})
}

// reviewSubmit takes the review form: a button that changes the rows
// (up, down, delete) shows the form again; Save checks and keeps it.
func (s *Server) reviewSubmit(w http.ResponseWriter, r *http.Request) {
	if err := readForm(w, r, 4<<20); err != nil {
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, massage.UpperFirst(err.Error())+".")
		return
	}
	d, err := draftFromForm(r.PostForm)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "This form could not be read: "+err.Error()+". Import the text again.")
		return
	}
	action := r.PostForm.Get("action")
	if action != "save" {
		d.apply(action)
		s.renderReview(w, r, http.StatusOK, d)
		return
	}
	rt, defs := s.routine(d)
	person := d.Person
	if person == "" {
		person = store.Me
	}
	if rt != nil {
		if _, err := s.store.Person(r.Context(), person); err != nil {
			d.Problems = append(d.Problems, "Pick whose routine this is from the list.")
			rt = nil
		}
	}
	if rt == nil {
		s.renderReview(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	if d.Keep != "" {
		if !store.IsRoutineID(d.Keep) {
			s.errorPage(w, r, http.StatusBadRequest, "This form could not be read. Open the routine again.")
			return
		}
		rt.ID = d.Keep
	} else if rt.ID, err = s.freeRoutineID(r.Context(), rt.ID); err != nil {
		s.storeErrorPage(w, r, "save routine", err)
		return
	}
	if err := s.keepRoutine(r.Context(), rt, defs, person); err != nil {
		s.storeErrorPage(w, r, "save routine", err)
		return
	}
	http.Redirect(w, r, "/routines/"+rt.ID, http.StatusSeeOther)
}

// keepRoutine writes rt as a file and keeps it for person.
func (s *Server) keepRoutine(ctx context.Context, rt *massage.Routine, defs []map[string]any, person string) error {
	body, err := s.routineFile(rt, defs)
	if err != nil {
		return err
	}
	kr := &store.Routine{ID: rt.ID, Person: person, Name: rt.Name, Seconds: rt.TotalSeconds(), Body: string(body)}
	if old, err := s.store.RoutineByID(ctx, rt.ID); err == nil {
		kr.CreatedAt = old.CreatedAt
	}
	return s.store.SaveRoutine(ctx, kr)
}

var notIDChars = regexp.MustCompile(`[^a-z0-9-]+`)

// freeRoutineID makes an id like want that neither the catalog nor the
// store holds.
func (s *Server) freeRoutineID(ctx context.Context, want string) (string, error) {
	base := routineIDBase(want)
	for n := 1; n < 1000; n++ {
		id := base
		if n > 1 {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		if s.cat.Routine(id) != nil {
			continue
		}
		_, err := s.store.RoutineByID(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return id, nil
		}
		if err != nil {
			return "", err
		}
	}
	return base + "-" + newID()[:8], nil
}

// routineIDBase makes an id of a name: lower-case letters and digits
// joined by hyphens.
func routineIDBase(want string) string {
	base := strings.Trim(notIDChars.ReplaceAllString(strings.ToLower(want), "-"), "-")
	if len(base) > 56 {
		base = strings.Trim(base[:56], "-")
	}
	if base == "" {
		base = "routine"
	}
	return base
}

// keptRoutine reads a kept routine and checks its file again.
func (s *Server) keptRoutine(w http.ResponseWriter, r *http.Request) (*store.Routine, *massage.Routine, bool) {
	id := r.PathValue("id")
	kr, err := s.store.RoutineByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "There is no such routine. It may have been deleted.")
		return nil, nil, false
	}
	if err != nil {
		s.storeErrorPage(w, r, "routine", err)
		return nil, nil, false
	}
	rt, err := catalog.ParseRoutine(s.cat, kr.ID+".yaml", []byte(kr.Body))
	if err != nil {
		s.errorPage(w, r, http.StatusUnprocessableEntity, "This routine no longer passes Knead's check ("+firstLine(err.Error())+
			"). Download its file from /routines/"+kr.ID+"/file, mend it, and upload it again.")
		return nil, nil, false
	}
	return kr, rt, true
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// routineData is a routine's own page and its handout.
type routineData struct {
	Kept     *store.Routine
	R        *massage.Routine
	Items    []routineItem
	Prep     []*massage.Preparation
	Cautions []*massage.Caution
	Sources  []*massage.Source
	Total    float64
	Areas    []string
	Paper    string   // the handout's paper: a4 or letter
	Warns    []string // the text's own warnings (notes that say "The text warns: …")
	Notes    []string // the other notes
	Checks   checkView
	Export   exportView
	PlanURL  string // the start page, planning around this routine
}

type routineItem struct {
	N        int
	Name     string
	Area     string
	Seconds  float64
	Side     string
	Steps    []massage.Step
	Cautions []*massage.Caution
	Note     string
	Drawing  template.HTML // the handout's picture of the hands' paths
}

func (s *Server) routineView(kr *store.Routine, rt *massage.Routine, drawings bool) routineData {
	d := routineData{Kept: kr, R: rt, Total: rt.TotalSeconds(), PlanURL: "/?routine=" + url.QueryEscape(kr.ID)}
	if kr.Person != store.Me {
		d.PlanURL += "&for=" + url.QueryEscape(kr.Person)
	}
	for _, n := range rt.Notes {
		if strings.HasPrefix(n, "The text warns") || strings.HasPrefix(n, "Because of") {
			d.Warns = append(d.Warns, n)
		} else {
			d.Notes = append(d.Notes, n)
		}
	}
	seen := map[string]bool{}
	addCaution := func(list *[]*massage.Caution, c *massage.Caution) {
		if c != nil && c.FitsMode(rt.Mode) && !slices.Contains(*list, c) {
			*list = append(*list, c)
		}
	}
	for _, id := range rt.Cautions {
		addCaution(&d.Cautions, s.cat.Caution(id))
		seen[id] = true
	}
	for _, id := range rt.Prep {
		if p := s.cat.Preparation(id); p != nil {
			d.Prep = append(d.Prep, p)
		}
	}
	for _, id := range rt.Sources {
		if src := s.cat.Source(id); src != nil {
			d.Sources = append(d.Sources, src)
		}
	}
	for i, it := range rt.Items {
		v := routineItem{N: i + 1, Name: it.Name, Area: it.Area, Seconds: it.Seconds, Side: it.Side, Steps: it.Steps, Note: it.Note}
		t := s.cat.Technique(it.Technique)
		if t != nil {
			if v.Name == "" {
				v.Name = t.Name
			}
			v.Steps = t.Steps
			if len(it.Play) > 0 {
				v.Steps = nil
				for _, j := range it.Play {
					if j >= 0 && j < len(t.Steps) {
						v.Steps = append(v.Steps, t.Steps[j])
					}
				}
			}
			for _, c := range s.cat.CautionsOf(t) {
				addCaution(&v.Cautions, c)
			}
		}
		for _, id := range it.Cautions {
			addCaution(&v.Cautions, s.cat.Caution(id))
		}
		for _, st := range v.Steps {
			for _, id := range st.Cautions {
				addCaution(&v.Cautions, s.cat.Caution(id))
			}
		}
		if drawings {
			dt := t
			if dt == nil {
				dt = motion.ItemTechnique(rt, i)
			}
			var b bytes.Buffer
			if err := motion.DrawSVG(&b, dt, 0); err == nil {
				v.Drawing = template.HTML(b.String()) // made by Knead's own drawing code, not from input text
			}
		}
		if !slices.Contains(d.Areas, it.Area) {
			d.Areas = append(d.Areas, it.Area)
		}
		d.Items = append(d.Items, v)
	}
	return d
}

func (s *Server) routinePage(w http.ResponseWriter, r *http.Request) {
	kr, rt, ok := s.keptRoutine(w, r)
	if !ok {
		return
	}
	d := s.routineView(kr, rt, false)
	d.Checks = s.routineChecks(r.Context(), kr, rt)
	d.Export = s.exportForm(kr, url.Values{})
	s.render(w, r, http.StatusOK, "routine", page{Title: rt.Name, Nav: "library", Data: d})
}

func (s *Server) routineHandout(w http.ResponseWriter, r *http.Request) {
	kr, rt, ok := s.keptRoutine(w, r)
	if !ok {
		return
	}
	d := s.routineView(kr, rt, true)
	d.Paper = "a4"
	if r.URL.Query().Get("paper") == "letter" {
		d.Paper = "letter"
	}
	s.render(w, r, http.StatusOK, "handout", page{Title: rt.Name + " (handout)", Body: "handout paper-" + d.Paper, Data: d})
}

func (s *Server) routineEdit(w http.ResponseWriter, r *http.Request) {
	kr, rt, ok := s.keptRoutine(w, r)
	if !ok {
		return
	}
	d := s.draftFromRoutine(rt, sourceDefs([]byte(kr.Body), s.cat))
	d.Keep, d.Person = kr.ID, kr.Person
	s.renderReview(w, r, http.StatusOK, d)
}

// sourceDefs are the sources a routine file declares that the catalog does
// not hold, as written.
func sourceDefs(body []byte, cat *massage.Catalog) []map[string]any {
	var f struct {
		Sources []map[string]any `yaml:"sources"`
	}
	if yaml.Unmarshal(body, &f) != nil {
		return nil
	}
	var out []map[string]any
	for _, m := range f.Sources {
		if id, _ := m["id"].(string); id != "" && cat.Source(id) == nil {
			out = append(out, m)
		}
	}
	return out
}

func (s *Server) routineFileDownload(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	kr, err := s.store.RoutineByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "There is no such routine. It may have been deleted.")
		return
	}
	if err != nil {
		s.storeErrorPage(w, r, "routine file", err)
		return
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+kr.ID+`.yaml"`)
	w.Header().Set("Cache-Control", "no-cache")
	io.WriteString(w, kr.Body)
}

func (s *Server) routineDelete(w http.ResponseWriter, r *http.Request) {
	err := s.store.DeleteRoutine(r.Context(), r.PathValue("id"))
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.storeErrorPage(w, r, "delete routine", err)
		return
	}
	http.Redirect(w, r, "/routines", http.StatusSeeOther)
}

// routinePlay keeps a new session of the routine and opens its player.
func (s *Server) routinePlay(w http.ResponseWriter, r *http.Request) {
	kr, rt, ok := s.keptRoutine(w, r)
	if !ok {
		return
	}
	x, err := s.routineSession(r.Context(), kr, rt)
	if err != nil {
		if !isStoreError(err) {
			s.errorPage(w, r, http.StatusUnprocessableEntity, "This routine cannot be played: "+err.Error())
			return
		}
		s.storeErrorPage(w, r, "play routine", err)
		return
	}
	http.Redirect(w, r, "/session/"+x.ID, http.StatusSeeOther)
}

func isStoreError(err error) bool {
	for _, k := range []error{store.ErrBusy, store.ErrUnavailable, store.ErrFull, store.ErrInvalid, store.ErrNotFound} {
		if errors.Is(err, k) {
			return true
		}
	}
	return strings.HasPrefix(err.Error(), "store:")
}

// routineSession lays a kept routine out in time and keeps it as a new
// session of its person.
func (s *Server) routineSession(ctx context.Context, kr *store.Routine, rt *massage.Routine) (*store.Session, error) {
	script, err := guide.Build(s.cat, rt)
	if err != nil {
		return nil, err
	}
	p := s.planOfRoutine(rt)
	planJSON, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	scriptJSON, err := json.Marshal(script)
	if err != nil {
		return nil, err
	}
	req, _ := json.Marshal(map[string]any{"routine": kr.ID, "areas": p.Areas, "minutes": p.Minutes, "mode": rt.Mode})
	x := &store.Session{ID: newID(), CreatedAt: s.now().UTC(), Title: rt.Name, Person: kr.Person,
		Request: req, Plan: planJSON, Script: scriptJSON, Total: script.Total}
	return x, s.store.CreateSession(ctx, x)
}

// planOfRoutine is the plan the player shows for a routine of one's own:
// its items, preparations and cautions, said as a plan says them.
func (s *Server) planOfRoutine(rt *massage.Routine) *plan.Plan {
	total := rt.TotalSeconds()
	p := &plan.Plan{TotalSeconds: total, Minutes: float64(int(total/6+0.5)) / 10, Mode: rt.Mode, Pressure: rt.Pressure,
		Prep: []plan.Prep{}, Items: []plan.Item{}, Excluded: []plan.Excluded{}, Cautions: []plan.Caution{},
		Notes: slices.Clone(rt.Notes), Transitions: []plan.Transition{}, Safety: []plan.Safety{}}
	if p.Pressure == "" {
		p.Pressure = "moderate"
	}
	if p.Notes == nil {
		p.Notes = []string{}
	}
	for _, id := range rt.Prep {
		if pr := s.cat.Preparation(id); pr != nil {
			p.Prep = append(p.Prep, plan.Prep{ID: pr.ID, Name: pr.Name, Seconds: pr.Seconds.Usual, Say: pr.Say, Needs: pr.Needs})
		}
	}
	for _, id := range rt.Cautions {
		if c := s.cat.Caution(id); c != nil && c.FitsMode(rt.Mode) {
			p.Cautions = append(p.Cautions, plan.Caution{ID: c.ID, Say: c.Say, Kind: c.Kind, When: c.When, Areas: c.Areas, Sources: c.Sources})
		}
	}
	for _, it := range rt.Items {
		name := it.Name
		if t := s.cat.Technique(it.Technique); t != nil && name == "" {
			name = t.Name
		}
		pressure := it.Pressure
		if pressure == "" {
			pressure = p.Pressure
		}
		p.Items = append(p.Items, plan.Item{Technique: it.Technique, Name: name, Section: it.Area, Area: it.Area, Phase: it.Phase,
			Seconds: it.Seconds, Pressure: pressure, Side: it.Side, Cautions: it.Cautions, Note: it.Note, Play: it.Play})
		if !slices.Contains(p.Areas, it.Area) {
			p.Areas = append(p.Areas, it.Area)
		}
	}
	for _, tr := range rt.Transitions {
		p.Transitions = append(p.Transitions, plan.Transition{Before: tr.Before, Kind: tr.Kind, Say: tr.Say, Seconds: tr.Seconds})
	}
	return p
}

// routineUpload keeps an uploaded routine file, or shows each mistake in
// it with its line and column.
func (s *Server) routineUpload(w http.ResponseWriter, r *http.Request) {
	up := &uploadResult{}
	if err := readForm(w, r, catalog.MaxFileSize+(64<<10)); err != nil {
		up.Message = massage.UpperFirst(err.Error()) + "."
		s.renderRoutines(w, r, http.StatusRequestEntityTooLarge, up)
		return
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		up.Message = "Choose a routine file first (.yaml), such as one downloaded here or written by knead plan --out."
		s.renderRoutines(w, r, http.StatusUnprocessableEntity, up)
		return
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, catalog.MaxFileSize+1))
	up.File = path.Base(strings.ReplaceAll(hdr.Filename, "\\", "/"))
	person := r.FormValue("person")
	if person == "" {
		person = store.Me
	}
	rt, defs, perr := s.readUpload(up.File, data)
	if perr != nil {
		up.Problems, up.Message = perr.places, perr.message
		s.renderRoutines(w, r, http.StatusUnprocessableEntity, up)
		return
	}
	if rt.ID, err = s.freeRoutineID(r.Context(), rt.ID); err == nil {
		err = s.keepRoutine(r.Context(), rt, defs, person)
	}
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			up.Message = "Nobody by that name is kept: pick whose routine this is from the list."
			s.renderRoutines(w, r, http.StatusUnprocessableEntity, up)
			return
		}
		s.storeErrorPage(w, r, "upload routine", err)
		return
	}
	http.Redirect(w, r, "/routines/"+rt.ID, http.StatusSeeOther)
}

// uploadProblem is why an uploaded file was refused.
type uploadProblem struct {
	message string
	places  []filePlace
}

func (e *uploadProblem) Error() string { return e.message }

// readUpload checks an uploaded routine file as `knead check` does. It
// takes one routine, and sources for it; techniques and the rest belong in
// a catalog folder (knead --catalog DIR), not in one person's routine.
func (s *Server) readUpload(name string, data []byte) (*massage.Routine, []map[string]any, *uploadProblem) {
	if len(data) > catalog.MaxFileSize {
		return nil, nil, &uploadProblem{message: fmt.Sprintf("%s is over %d KB, more than a routine file can be.", name, catalog.MaxFileSize>>10)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, &uploadProblem{message: name + " is empty."}
	}
	rt, withFile, err := catalog.ParseRoutineIn(s.cat, name, data)
	if err != nil {
		var errs catalog.Errors
		if !errors.As(err, &errs) {
			return nil, nil, &uploadProblem{message: err.Error()}
		}
		lines := strings.Split(string(data), "\n")
		p := &uploadProblem{message: fmt.Sprintf("%s has %d mistake%s; nothing was kept.", name, len(errs), map[bool]string{true: "s"}[len(errs) != 1])}
		for i, e := range errs {
			if i == 50 {
				break
			}
			fp := filePlace{Line: e.Line, Col: e.Col, Message: e.Msg}
			if e.Line > 0 && e.Line <= len(lines) {
				fp.Text = clipRunes(strings.TrimRight(lines[e.Line-1], "\r"), 160)
			}
			p.places = append(p.places, fp)
		}
		return nil, nil, p
	}
	var top map[string]any
	if yaml.Unmarshal(data, &top) == nil {
		for k := range top {
			if k != "routine" && k != "routines" && k != "sources" && k != "cautions" && k != "preparations" {
				return nil, nil, &uploadProblem{message: fmt.Sprintf("%s defines %s of its own. The web app keeps routines whose items are Knead's techniques "+
					"or steps written inside the routine; a file with %s of its own belongs in a catalog folder (knead --catalog DIR).", name, k, k)}
			}
		}
	}
	foldOwn(rt, s.cat, withFile)
	return rt, sourceDefs(data, s.cat), nil
}

// foldOwn keeps the cautions and preparations a routine file declares of its
// own (`knead import` writes an author's warnings so) the way the web's own
// import keeps them: as the routine's notes, "The text warns: …" and
// "Before you start: …", shown before the session and on its handout. The
// routine then names only the catalog's ids, as every routine kept here does.
func foldOwn(rt *massage.Routine, cat, withFile *massage.Catalog) {
	noted := map[string]bool{}
	note := func(n string) {
		if !noted[n] {
			noted[n] = true
			rt.Notes = append(rt.Notes, n)
		}
	}
	cautions := func(ids []string) []string {
		return slices.DeleteFunc(ids, func(id string) bool {
			if cat.Caution(id) != nil {
				return false
			}
			if c := withFile.Caution(id); c != nil {
				note("The text warns: " + c.Say)
			}
			return true
		})
	}
	rt.Cautions = cautions(rt.Cautions)
	for i := range rt.Items {
		it := &rt.Items[i]
		it.Cautions = cautions(it.Cautions)
		for j := range it.Steps {
			it.Steps[j].Cautions = cautions(it.Steps[j].Cautions)
		}
	}
	rt.Prep = slices.DeleteFunc(rt.Prep, func(id string) bool {
		if cat.Preparation(id) != nil {
			return false
		}
		if p := withFile.Preparation(id); p != nil {
			note("Before you start: " + p.Say)
		}
		return true
	})
}
