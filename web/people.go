package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// People in the web app: the start page picks whom a session is for ("Me"
// unless another is picked, one tap), a person can be added there inline,
// and History shows one person's sore spots and left-out techniques, with
// a button to forget or restore each, and a way to delete the person.

// personChoice is one person on the start page's picker.
type personChoice struct {
	ID, Name string
	Picked   bool
	URL      string
}

// pickedPerson reads ?for= as a kept person's id; anything else is me.
func (s *Server) pickedPerson(ctx context.Context, q url.Values) *store.Person {
	if v := q.Get("for"); v != "" && v != store.Me {
		if id, err := store.PersonID(v); err == nil {
			if p, err := s.store.Person(ctx, id); err == nil {
				return p
			}
		}
	}
	return &store.Person{ID: store.Me, Name: "Me"}
}

// peopleChoices lists everyone for the picker, with picked marked; base is
// the page the choices link to.
func (s *Server) peopleChoices(ctx context.Context, picked, base string) []personChoice {
	list, err := s.store.People(ctx)
	if err != nil || len(list) == 0 {
		list = []store.Person{{ID: store.Me}}
	}
	out := make([]personChoice, 0, len(list))
	for _, p := range list {
		c := personChoice{ID: p.ID, Name: p.Name, Picked: p.ID == picked, URL: base}
		if p.ID == store.Me {
			c.Name = "Me"
		} else {
			sep := "?"
			if strings.Contains(base, "?") {
				sep = "&"
			}
			c.URL = base + sep + "for=" + url.QueryEscape(p.ID)
		}
		out = append(out, c)
	}
	return out
}

// personAdd keeps a new person from the start page and picks them.
func (s *Server) personAdd(w http.ResponseWriter, r *http.Request) {
	name := r.PostFormValue("name")
	p, err := s.store.AddPerson(r.Context(), name)
	var ie *store.InputError
	if errors.As(err, &ie) {
		d := s.startData(r, formValues{Minutes: "10", Pressure: "moderate", Conditions: map[string]string{}}, store.Me)
		d.Error = errInvalid("Name", "%s", ie.Message)
		d.NewName = name
		d.Screen = s.lastScreen(r.Context(), store.Me)
		s.fillChoices(&d)
		s.render(w, r, http.StatusUnprocessableEntity, "start", page{Title: "Start", Nav: "start", Body: "start", Data: d})
		return
	}
	if err != nil {
		s.storeErrorPage(w, r, "add person", err)
		return
	}
	http.Redirect(w, r, "/?for="+url.QueryEscape(p.ID), http.StatusSeeOther)
}

// personOrNotFound gives the person the path names, or answers 404.
func (s *Server) personOrNotFound(w http.ResponseWriter, r *http.Request) (*store.Person, bool) {
	p, err := s.store.Person(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "Nobody by that name is kept. They may have been deleted.")
		return nil, false
	}
	if err != nil {
		s.storeErrorPage(w, r, "person", err)
		return nil, false
	}
	return p, true
}

func historyURL(id, done string) string {
	q := url.Values{}
	if id != store.Me {
		q.Set("for", id)
	}
	if done != "" {
		q.Set("done", done)
	}
	if len(q) == 0 {
		return "/history"
	}
	return "/history?" + q.Encode()
}

// personForget forgets one of a person's sore spots (a store mark).
func (s *Server) personForget(w http.ResponseWriter, r *http.Request) {
	p, ok := s.personOrNotFound(w, r)
	if !ok {
		return
	}
	area := r.PostFormValue("area")
	if _, known := massage.AreaByID(area); !known {
		s.errorPage(w, r, http.StatusUnprocessableEntity, "There is no such place to forget.")
		return
	}
	if err := s.store.Mark(r.Context(), p.ID, store.MarkForgetSore, area); err != nil {
		s.storeErrorPage(w, r, "forget sore spot", err)
		return
	}
	http.Redirect(w, r, historyURL(p.ID, "Forgot the sore spot on the "+massage.AreaName(area)+"."), http.StatusSeeOther)
}

// personRestore brings back a technique left out after two thumbs-down.
func (s *Server) personRestore(w http.ResponseWriter, r *http.Request) {
	p, ok := s.personOrNotFound(w, r)
	if !ok {
		return
	}
	id := r.PostFormValue("technique")
	t := s.cat.Technique(id)
	if t == nil {
		s.errorPage(w, r, http.StatusUnprocessableEntity, "There is no such technique to restore.")
		return
	}
	if err := s.store.Mark(r.Context(), p.ID, store.MarkRestore, id); err != nil {
		s.storeErrorPage(w, r, "restore technique", err)
		return
	}
	http.Redirect(w, r, historyURL(p.ID, t.Name+" can be planned again."), http.StatusSeeOther)
}

// personDelete deletes a person and everything kept about them, once the
// form's "yes, delete" box is ticked; me is emptied but stays.
func (s *Server) personDelete(w http.ResponseWriter, r *http.Request) {
	p, ok := s.personOrNotFound(w, r)
	if !ok {
		return
	}
	if r.PostFormValue("sure") != "yes" {
		http.Redirect(w, r, historyURL(p.ID, "Nothing deleted: tick the box to say you are sure."), http.StatusSeeOther)
		return
	}
	if err := s.store.DeletePerson(r.Context(), p.ID); err != nil {
		s.storeErrorPage(w, r, "delete person", err)
		return
	}
	done := "Deleted " + p.Name + " and everything kept about them."
	if p.ID == store.Me {
		done = "Deleted everything kept about you."
	}
	http.Redirect(w, r, historyURL(store.Me, done), http.StatusSeeOther)
}

// leftOutView is a technique left out for a person, to restore.
type leftOutView struct{ ID, Name string }

// leftOut lists the techniques a person's history leaves out.
func (s *Server) leftOut(ctx context.Context, person string) []leftOutView {
	h, err := store.History(ctx, s.store, person)
	if err != nil {
		return nil
	}
	var out []leftOutView
	for _, id := range plan.LeftOut(h) {
		v := leftOutView{ID: id, Name: id}
		if t := s.cat.Technique(id); t != nil {
			v.Name = t.Name
		}
		out = append(out, v)
	}
	return out
}
