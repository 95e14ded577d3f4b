package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
)

// maxLibraryRoutine is the most techniques the library's routine tray
// keeps (library.js keeps the last 40 added).
const maxLibraryRoutine = 40

// libraryRoutineProblem is why the library's list was not kept.
type libraryRoutineProblem struct{ msg string }

func (p *libraryRoutineProblem) Error() string { return p.msg }

// routineFromLibrary makes a routine of the techniques gathered in the
// library, in the order added. Its file is written and checked as every
// kept routine's is (keepRoutine, routineFile: as `knead check` reads it).
func (s *Server) routineFromLibrary(name string, ids []string) (*massage.Routine, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return nil, &libraryRoutineProblem{"Give the routine a name."}
	case len([]rune(name)) > 120:
		return nil, &libraryRoutineProblem{"The name is long: keep it under 120 letters."}
	case len(ids) == 0:
		return nil, &libraryRoutineProblem{"The routine has no techniques: add some in the library first."}
	case len(ids) > maxLibraryRoutine:
		return nil, &libraryRoutineProblem{fmt.Sprintf("The routine has %d techniques, more than the %d one routine can keep: clear some and keep it again.", len(ids), maxLibraryRoutine)}
	}
	rt := &massage.Routine{ID: routineIDBase(name), Name: name, Summary: "Techniques gathered in the library, in the order added."}
	modes := map[string]bool{}
	for i, id := range ids {
		t := s.cat.Technique(id)
		if t == nil {
			return nil, &libraryRoutineProblem{fmt.Sprintf("Technique %d, %q, is not in Knead's library: clear the list and add it again.", i+1, clipRunes(id, 60))}
		}
		modes[t.Mode] = true
		// Each as "Try this now" plays it: its usual time, pressure,
		// first place and sides.
		area := t.Areas[0]
		it := massage.Item{Technique: t.ID, Area: area, Seconds: trySeconds(t), Pressure: levelOf(t), Side: sideOf(t, area)}
		if len(t.Phases) > 0 {
			it.Phase = t.Phases[0]
		}
		rt.Items = append(rt.Items, it)
	}
	switch {
	case len(modes) == 1 && !modes["both"]:
		for m := range modes {
			rt.Mode = m
		}
	case modes["self"] && modes["partner"]:
		return nil, &libraryRoutineProblem{"The list mixes self-massage and techniques for a partner: keep one kind in a routine."}
	case modes["self"]:
		rt.Mode = "self"
	case modes["partner"]:
		rt.Mode = "partner"
	default:
		rt.Mode = "both"
	}
	if _, err := s.routineFile(rt, nil); err != nil {
		return nil, &libraryRoutineProblem{"These techniques do not make a routine Knead can keep: " + err.Error() + "."}
	}
	if _, err := guide.Build(s.cat, rt); err != nil {
		return nil, &libraryRoutineProblem{"These techniques do not make a routine Knead can play: " + err.Error() + "."}
	}
	return rt, nil
}

// libraryRoutineSubmit keeps the library's list (name, person, technique
// repeated in order) in My routines and opens it; bad input is a 422 page
// that says what to change, and nothing is kept.
func (s *Server) libraryRoutineSubmit(w http.ResponseWriter, r *http.Request) {
	if err := readForm(w, r, 64<<10); err != nil {
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, massage.UpperFirst(err.Error())+".")
		return
	}
	person, err := s.personParam(r, r.PostForm.Get("person"))
	if err != nil {
		s.errorPage(w, r, http.StatusUnprocessableEntity, "Nobody by that name is kept: pick whose routine this is from the list. Nothing was kept.")
		return
	}
	rt, err := s.routineFromLibrary(r.PostForm.Get("name"), r.PostForm["technique"])
	var lp *libraryRoutineProblem
	if errors.As(err, &lp) {
		s.errorPage(w, r, http.StatusUnprocessableEntity, lp.msg+" Nothing was kept.")
		return
	}
	if err == nil {
		if rt.ID, err = s.freeRoutineID(r.Context(), rt.ID); err == nil {
			err = s.keepRoutine(r.Context(), rt, nil, person)
		}
	}
	if err != nil {
		s.storeErrorPage(w, r, "keep routine", err)
		return
	}
	http.Redirect(w, r, "/routines/"+rt.ID, http.StatusSeeOther)
}
