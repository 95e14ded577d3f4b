package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// The plan page (/plan?…) and its handout (/plan/handout?…) take the same
// query and must make the same plan of it, or refuse it the same way: both
// call planFromQuery, and both show what it refuses with planQueryFailed.

// planQuery is a plan query as read and, when it could be, planned.
type planQuery struct {
	Req    plan.Request
	Form   formValues  // the form's values, to show again beside an error
	Screen plan.Screen // the safety screen's answers the query carried
	// Answered is true when the query carried the screen's answers and
	// they apply: the plan page keeps them for the person.
	Answered bool
	Plan     *plan.Plan
	Script   *guide.Script
	Title    string
}

// planFromQuery turns a plan query into a plan, or into the error a page
// shows: a 422 on a field of the start form (its Field the request's field,
// such as "minutes", "conditions[0]", "stop" or "ask-first"), or a 5xx whose
// Message is a page's words, logged under what. The planQuery is never nil:
// what could be read of the query is in it, for the start form.
func (s *Server) planFromQuery(ctx context.Context, q url.Values, what string) (*planQuery, *apiError) {
	req, f, e := requestFromForm(q)
	pq := &planQuery{Form: f}
	sc, asked, se := s.screenFromForm(q)
	pq.Screen = sc
	if e == nil {
		e = se
	}
	if e == nil && asked {
		if err := sc.Apply(s.cat, &req); err != nil {
			e = planInputError(err, "answers")
		} else {
			pq.Answered = true
		}
	}
	if e == nil && (req.Routine == "" || len(req.Areas) > 0) {
		// a routine alone has no areas or minutes to check
		if err := req.Validate(); err != nil {
			e = planInputError(err, "")
		}
	}
	pq.Req = req
	if e != nil {
		return pq, e
	}
	p, script, err := s.makePlan(ctx, req)
	var pe *plan.Error
	switch {
	case errors.As(err, &pe):
		return pq, planInputError(pe, "")
	case err != nil:
		return pq, s.planFault(ctx, what, err)
	}
	pq.Plan, pq.Script = p, script
	pq.Title = p.Title()
	if req.Routine != "" {
		pq.Title = s.routineTitle(ctx, req, p)
	}
	return pq, nil
}

// planInputError is a 422 for what the person chose: a plan.Error on its
// field (a stop or an ask-first under its own heading, its opening words
// said by the heading), anything else on field.
func planInputError(err error, field string) *apiError {
	var pe *plan.Error
	if !errors.As(err, &pe) {
		return errInvalid(field, "%v", err)
	}
	switch pe.Code {
	case "stop":
		return errInvalid("stop", "%s", strings.TrimPrefix(pe.Message, "no session today, "))
	case "ask-first":
		return errInvalid("ask-first", "%s", strings.TrimPrefix(pe.Message, "ask a health professional first, "))
	}
	return errInvalid(pe.Field, "%s", pe.Message)
}

// planFault is a fault in planning, not in the query: the database busy or
// away (503, worth a reload), the client gone, or a bug (500, logged).
func (s *Server) planFault(ctx context.Context, what string, err error) *apiError {
	err = store.Classify(err)
	switch {
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return &apiError{Status: statusClientGone}
	case errors.Is(err, store.ErrBusy), errors.Is(err, store.ErrUnavailable), errors.Is(err, store.ErrFull):
		s.log.Error(what, slog.Any("err", err))
		return &apiError{Status: http.StatusServiceUnavailable, RetryAfter: 5,
			Message: "Knead's database cannot be reached just now. Wait a moment and reload the page."}
	}
	s.log.Error(what, slog.Any("err", err))
	return &apiError{Status: http.StatusInternalServerError, Message: "Knead could not lay out this plan; the log says why."}
}

// planQueryFailed shows what planFromQuery refused: a choice is shown on
// the start page with the choices made, the field named, so it can be put
// right there; a fault is an error page.
func (s *Server) planQueryFailed(w http.ResponseWriter, r *http.Request, pq *planQuery, e *apiError) {
	switch {
	case e.Status == statusClientGone:
		s.log.Info("client went away", slog.String("path", r.URL.Path))
		w.WriteHeader(statusClientGone)
		return
	case e.Status != http.StatusUnprocessableEntity:
		if e.RetryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
		}
		s.errorPage(w, r, e.Status, e.Message)
		return
	}
	d := s.startData(r, pq.Form, personOf(pq.Req))
	d.Screen = s.screenFor(pq.Screen)
	d.Screen.Cleared = pq.Req.Cleared
	shown := *e
	shown.Field = formField(e.Field)
	d.Error = &shown
	s.fillChoices(&d)
	s.render(w, r, http.StatusUnprocessableEntity, "start", page{Title: "Start", Nav: "start", Body: "start", Data: d})
}
