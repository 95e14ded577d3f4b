package web

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/howto"
	"github.com/knead/knead/store"
)

// The routines API: import a text, and keep, list, read and delete a
// person's routines. Errors are the typed JSON of errors.go; a routine file
// with mistakes is a 422 whose problems list each with its line and column.

// importRequest is POST /api/import: a text, or an address to fetch.
type importRequest struct {
	Text string `json:"text,omitempty"`
	Name string `json:"name,omitempty"` // the text's file name, for its source
	URL  string `json:"url,omitempty"`
}

type importStepJSON struct {
	N       int      `json:"n"`
	Text    string   `json:"text"`
	Line    int      `json:"line"`
	Area    string   `json:"area"`
	Seconds float64  `json:"seconds"`
	Unsure  []string `json:"unsure"`
}

type importJSON struct {
	Title    string           `json:"title"`
	Mode     string           `json:"mode"`
	Steps    []importStepJSON `json:"steps"`
	Warnings []string         `json:"warnings"`
	Unsure   []string         `json:"unsure"`
	Routine  string           `json:"routine"` // the routine file, as POST /api/routines takes it
}

func (s *Server) apiImport(w http.ResponseWriter, r *http.Request) {
	var req importRequest
	if e := decodeLimit(w, r, &req, maxImportBytes+(64<<10)); e != nil {
		writeError(w, e)
		return
	}
	hasText, hasURL := strings.TrimSpace(req.Text) != "", strings.TrimSpace(req.URL) != ""
	if hasText == hasURL {
		writeError(w, errInvalid("text", "send either text (the instructions) or url (a page to fetch), one of the two"))
		return
	}
	src, name, field := []byte(req.Text), req.Name, "text"
	if hasURL {
		field = "url"
		var err error
		if src, name, err = s.fetcher.fetch(r.Context(), req.URL); err != nil {
			writeError(w, errInvalid("url", "the page was not fetched: %s", err.Error()))
			return
		}
	}
	res, err := howto.Import(src, howto.Options{Name: name, Catalog: s.cat, MaxBytes: maxImportBytes})
	if err != nil {
		writeError(w, errInvalid(field, "%s", importProblem(err)))
		return
	}
	d := s.draftFromImport(res)
	rt, defs := s.routine(d)
	out := importJSON{Title: res.Title, Mode: res.Mode, Steps: []importStepJSON{}, Warnings: []string{}, Unsure: res.Unsure}
	if out.Unsure == nil {
		out.Unsure = []string{}
	}
	for i, st := range res.Steps {
		v := importStepJSON{N: i + 1, Text: st.Text, Line: st.Line, Area: st.Area, Unsure: st.Unsure}
		if v.Unsure == nil {
			v.Unsure = []string{}
		}
		if i < len(d.Rows) {
			v.Seconds = parseSecs(d.Rows[i].Secs)
		}
		out.Steps = append(out.Steps, v)
	}
	for _, wn := range res.Warnings {
		out.Warnings = append(out.Warnings, wn.Text)
	}
	if rt != nil {
		if body, err := s.routineFile(rt, defs); err == nil {
			out.Routine = string(body)
		}
	}
	if out.Routine == "" {
		writeError(w, errInvalid(field, "the steps found do not make a routine Knead can keep: %s", strings.Join(d.Problems, " ")))
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func parseSecs(s string) float64 {
	var f float64
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		f = f*10 + float64(c-'0')
	}
	return f
}

// routineJSON is a kept routine.
type routineJSON struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Person    string    `json:"person"`
	Seconds   float64   `json:"seconds"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Routine   string    `json:"routine,omitempty"` // the routine file; left out of lists
}

func viewRoutine(r *store.Routine) routineJSON {
	return routineJSON{r.ID, r.Name, r.Person, r.Seconds, r.CreatedAt, r.UpdatedAt, r.Body}
}

var routineIDPath = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// personParam is the person a request names ("me" when none), or a 422.
func (s *Server) personParam(r *http.Request, name string) (string, error) {
	if name == "" || name == store.Me {
		return store.Me, nil
	}
	id, err := store.PersonID(name)
	if err != nil {
		var ie *store.InputError
		if errors.As(err, &ie) {
			return "", errInvalid("person", "%s", ie.Message)
		}
		return "", errInvalid("person", "%s", err.Error())
	}
	if _, err := s.store.Person(r.Context(), id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return "", errInvalid("person", "nobody called %q is kept: add them first", name)
		}
		return "", err
	}
	return id, nil
}

func (s *Server) apiRoutines(w http.ResponseWriter, r *http.Request) {
	person, err := s.personParam(r, r.URL.Query().Get("person"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.store.RoutinesOf(r.Context(), person)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]routineJSON, len(list))
	for i := range list {
		out[i] = viewRoutine(&list[i])
	}
	writeJSON(w, http.StatusOK, out)
}

// newRoutineRequest is POST /api/routines: a routine file to keep.
type newRoutineRequest struct {
	Routine string `json:"routine"`
	Person  string `json:"person,omitempty"`
}

func (s *Server) apiCreateRoutine(w http.ResponseWriter, r *http.Request) {
	var req newRoutineRequest
	if e := decodeLimit(w, r, &req, catalog.MaxFileSize+(64<<10)); e != nil {
		writeError(w, e)
		return
	}
	person, err := s.personParam(r, req.Person)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rt, defs, p := s.readUpload("routine", []byte(req.Routine))
	if p != nil {
		e := errInvalid("routine", "%s", strings.Replace(p.message, "routine has", "the routine file has", 1))
		for _, pl := range p.places {
			e.Problems = append(e.Problems, problemJSON{pl.Line, pl.Col, pl.Message})
		}
		writeError(w, e)
		return
	}
	if rt.ID, err = s.freeRoutineID(r.Context(), rt.ID); err == nil {
		err = s.keepRoutine(r.Context(), rt, defs, person)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	kr, err := s.store.RoutineByID(r.Context(), rt.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/routines/"+kr.ID)
	writeJSON(w, http.StatusCreated, viewRoutine(kr))
}

func (s *Server) apiRoutine(w http.ResponseWriter, r *http.Request) {
	id := pathID(w, r, "id", routineIDPath, "routine")
	if id == "" {
		return
	}
	kr, err := s.store.RoutineByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, errNotFound("routine"))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewRoutine(kr))
}

func (s *Server) apiDeleteRoutine(w http.ResponseWriter, r *http.Request) {
	id := pathID(w, r, "id", routineIDPath, "routine")
	if id == "" {
		return
	}
	if err := s.store.DeleteRoutine(r.Context(), id); errors.Is(err, store.ErrNotFound) {
		writeError(w, errNotFound("routine"))
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
