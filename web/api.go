package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// fail answers err: an *apiError as it is, a plan error as 422 naming the
// field, and a store error by its kind: not found 404, a value the
// database refuses 422 naming the field, busy or unavailable or a full disk
// 503 with Retry-After. A client that went away is logged as such. Only a
// fault in Knead itself is a 500, still typed, and logged.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	var pe *plan.Error
	var ie *store.InvalidError
	err = store.Classify(err)
	switch {
	case errors.As(err, &ae):
		writeError(w, ae)
	case errors.As(err, &pe):
		code := codeInvalid
		switch pe.Code {
		case "stop":
			code = codeStop
		case "ask-first":
			code = codeAskFirst
		}
		writeError(w, &apiError{Status: http.StatusUnprocessableEntity, Code: code, Field: pe.Field, Message: pe.Message, Condition: pe.Condition})
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// Nobody is listening; the log says what happened, not a 500.
		s.log.Info("client went away", slog.String("method", r.Method), slog.String("path", r.URL.Path))
		w.WriteHeader(statusClientGone)
	case errors.Is(err, store.ErrNotFound):
		writeError(w, errNotFound("session"))
	case errors.As(err, &ie):
		writeError(w, errInvalid(ie.Field, "%s %s", ie.Field, ie.Reason))
	case errors.Is(err, store.ErrFull):
		s.log.Error("the disk is full", slog.String("path", r.URL.Path), slog.Any("err", err))
		writeError(w, &apiError{Status: http.StatusServiceUnavailable, Code: codeFull, RetryAfter: 60,
			Message: "the server's disk is full, so nothing was written; try again once there is room"})
	case errors.Is(err, store.ErrBusy):
		s.log.Warn("the database is busy", slog.String("path", r.URL.Path), slog.Any("err", err))
		writeError(w, &apiError{Status: http.StatusServiceUnavailable, Code: codeBusy, RetryAfter: 1,
			Message: "the database is busy; nothing was written; try again in a moment"})
	case errors.Is(err, store.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		s.log.Error("the database does not answer", slog.String("path", r.URL.Path), slog.Any("err", err))
		writeError(w, &apiError{Status: http.StatusServiceUnavailable, Code: codeUnavailable, RetryAfter: 5,
			Message: "the database does not answer; nothing was written; try again shortly"})
	default:
		s.log.Error("request failed", slog.String("path", r.URL.Path), slog.Any("err", err))
		writeError(w, errInternal)
	}
}

// statusClientGone is logged for a request whose client left before the
// answer (nginx's 499); no client ever reads it.
const statusClientGone = 499

func (s *Server) apiAreas(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, massage.Body())
}

func (s *Server) apiTechniques(w http.ResponseWriter, r *http.Request) {
	area := r.URL.Query().Get("area")
	if _, ok := massage.AreaByID(area); area != "" && !ok {
		writeError(w, errInvalid("area", "unknown area %q: expected one of %s", area, massage.AreaNames()))
		return
	}
	ts := s.cat.ForArea(area)
	out := make([]massage.TechniqueEntry, len(ts))
	for i, t := range ts {
		out[i] = t.Entry()
	}
	writeJSON(w, http.StatusOK, out)
}

// techniqueJSON is `knead show --json` with the motion of each step.
type techniqueJSON struct {
	massage.TechniqueView
	Motion json.RawMessage `json:"motion"`
}

func (s *Server) apiTechnique(w http.ResponseWriter, r *http.Request) {
	id := pathID(w, r, "id", techniqueID, "technique")
	if id == "" {
		return
	}
	t := s.cat.Technique(id)
	if t == nil {
		writeError(w, errNotFound("technique "+r.PathValue("id")))
		return
	}
	writeJSON(w, http.StatusOK, techniqueJSON{TechniqueView: s.cat.TechniqueView(t), Motion: s.lib.motion(t.ID)})
}

// maxMotionKeys bounds one /api/motion request: more steps than the
// longest plan plays.
const maxMotionKeys = 400

// apiMotion answers the motion of the steps a player page lists under
// "later": ?steps=technique#0,technique#1 (step from 0), &level=0–6.
func (s *Server) apiMotion(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	level := 0
	if v := q.Get("level"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxLevel {
			writeError(w, errInvalid("level", "level is %q; want a whole number from 0 to %d", v, maxLevel))
			return
		}
		level = n
	}
	raw := strings.TrimSpace(q.Get("steps"))
	if raw == "" {
		writeError(w, errInvalid("steps", "steps is empty; want technique#step keys separated by commas, such as scalp-circles#0"))
		return
	}
	keys := strings.Split(raw, ",")
	if len(keys) > maxMotionKeys {
		writeError(w, errInvalid("steps", "%d steps asked for; want at most %d", len(keys), maxMotionKeys))
		return
	}
	b, bad := s.lib.stepsByKey(keys, level)
	if bad != "" {
		writeError(w, errInvalid("steps", "%q names no step of a technique Knead knows; want technique#step with the step from 0", bad))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}

// apiPlan answers what `knead plan --json` prints for the same request.
func (s *Server) apiPlan(w http.ResponseWriter, r *http.Request) {
	var req plan.Request
	if e := decode(w, r, &req); e != nil {
		writeError(w, e)
		return
	}
	h, err := s.history(r.Context(), req.For)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := plan.MakeFor(s.cat, req, h)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiChoices(w http.ResponseWriter, r *http.Request) {
	c, err := s.store.Choices(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	spots, err := s.store.SoreSpots(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if c == nil {
		c = json.RawMessage("null")
	}
	out := struct {
		Choices   json.RawMessage `json:"choices"`
		SoreSpots []soreJSON      `json:"sore_spots"`
	}{c, make([]soreJSON, len(spots))}
	for i, x := range spots {
		out.SoreSpots[i] = soreJSON{x.Area, massage.AreaName(x.Area), x.Technique, x.Count, x.Last}
	}
	writeJSON(w, http.StatusOK, out)
}

type soreJSON struct {
	Area      string    `json:"area"`
	Name      string    `json:"name"`
	Technique string    `json:"technique"`
	Count     int       `json:"count"`
	Last      time.Time `json:"last"`
}

// sessionJSON is a session as the API gives it.
type sessionJSON struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	CreatedAt  time.Time       `json:"created_at"`
	Request    json.RawMessage `json:"request"`
	Plan       json.RawMessage `json:"plan"`
	Script     json.RawMessage `json:"script"`
	Total      float64         `json:"total_seconds"`
	Progress   progressJSON    `json:"progress"`
	Feedback   []feedbackJSON  `json:"feedback"`
	Rating     int             `json:"rating"`
	Note       string          `json:"note"`
	FinishedAt *time.Time      `json:"finished_at"`
}

type progressJSON struct {
	Offset    float64   `json:"offset"`
	Move      int       `json:"move"`
	Running   bool      `json:"running"`
	UpdatedAt time.Time `json:"updated_at"`
	Played    float64   `json:"played"`  // seconds the clock ran
	Skipped   []int     `json:"skipped"` // moves skipped and not played through since
	Done      int       `json:"done"`    // moves played through
}

func viewProgress(p store.Progress, total float64) progressJSON {
	sk := p.Skipped
	if sk == nil {
		sk = []int{}
	}
	return progressJSON{p.Offset, p.Move, p.Running, p.UpdatedAt, p.Played, sk, p.Done(total)}
}

type feedbackJSON struct {
	Key       string    `json:"key"`
	Kind      string    `json:"kind"`
	Offset    float64   `json:"offset"`
	Move      int       `json:"move"`
	Technique string    `json:"technique"`
	Area      string    `json:"area"`
	At        time.Time `json:"at"`
}

func viewSession(x *store.Session) sessionJSON {
	out := sessionJSON{
		ID: x.ID, Title: x.Title, CreatedAt: x.CreatedAt, Request: x.Request, Plan: x.Plan, Script: x.Script,
		Total:    x.Total,
		Progress: viewProgress(x.Progress, x.Total),
		Feedback: make([]feedbackJSON, len(x.Feedback)),
		Rating:   x.Ending.Rating, Note: x.Ending.Note,
	}
	for i, f := range x.Feedback {
		out.Feedback[i] = feedbackJSON{f.Key, f.Kind, f.Offset, f.Move, f.Technique, f.Area, f.At}
	}
	if x.Ending.Finished() {
		t := x.Ending.FinishedAt
		out.FinishedAt = &t
	}
	return out
}

type summaryJSON struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	CreatedAt  time.Time  `json:"created_at"`
	Total      float64    `json:"total_seconds"`
	Offset     float64    `json:"offset"`
	Played     float64    `json:"played"`  // seconds the clock ran
	Done       int        `json:"done"`    // moves played through
	Skipped    int        `json:"skipped"` // moves skipped and not played through since
	Rating     int        `json:"rating"`
	Note       string     `json:"note"`
	FinishedAt *time.Time `json:"finished_at"`
}

func (s *Server) apiSessions(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.Sessions(r.Context(), 100)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]summaryJSON, len(list))
	for i, x := range list {
		out[i] = summaryJSON{ID: x.ID, Title: x.Title, CreatedAt: x.CreatedAt, Total: x.Total, Offset: x.Offset,
			Played: x.Progress.Played, Done: x.Progress.Done(x.Total), Skipped: len(x.Progress.Skipped),
			Rating: x.Ending.Rating, Note: x.Ending.Note}
		if x.Ending.Finished() {
			t := x.Ending.FinishedAt
			out[i].FinishedAt = &t
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// newSession plans req, lays the plan out in time and keeps it as a new
// session. The request is remembered as the last choices. With a key, a
// session made before with the same key is given instead (made is false).
func (s *Server) newSession(ctx context.Context, req plan.Request, key string) (x *store.Session, made bool, err error) {
	p, script, err := s.makePlan(ctx, req)
	if err != nil {
		return nil, false, err
	}
	reqJSON, _ := json.Marshal(req)
	planJSON, err := json.Marshal(p)
	if err != nil {
		return nil, false, err
	}
	scriptJSON, err := json.Marshal(script)
	if err != nil {
		return nil, false, err
	}
	x = &store.Session{
		ID: newID(), CreatedAt: s.now().UTC(), Title: p.Title(), Person: personOf(req),
		Request: reqJSON, Plan: planJSON, Script: scriptJSON, Total: script.Total,
		// kept with the session, in its row: a failure to remember them
		// fails the whole request, which may be sent again
		Choices: reqJSON,
	}
	if len(req.Techniques) > 0 {
		// techniques tried from the library are not "the same as last time"
		x.Title = s.techniquesTitle(req.Techniques)
		x.Choices = nil
	}
	if req.Routine != "" {
		// a routine may be changed or deleted: not "the same as last time"
		x.Title, x.Choices = s.routineTitle(ctx, req, p), nil
	}
	if key == "" {
		err = s.store.CreateSession(ctx, x)
		made = true
	} else {
		x, made, err = s.store.CreateSessionOnce(ctx, key, x)
	}
	if err == nil && made {
		// the player's requests will need it decoded: it is at hand
		s.scripts.put(x.ID, playing(script, x.CreatedAt))
	}
	return x, made, err
}

// personOf is whom a request is for: "me" unless it names someone.
func personOf(req plan.Request) string {
	if id, err := store.PersonID(req.For); err == nil && req.For != "" {
		return id
	}
	return store.Me
}

// history reads the history of the person a request is for ("" is me),
// as the planner's input; nobody by that name is a 422 on "for".
func (s *Server) history(ctx context.Context, name string) (*plan.History, error) {
	id := store.Me
	if name != "" {
		var err error
		if id, err = store.PersonID(name); err != nil {
			return nil, &plan.Error{Field: "for", Message: err.Error()}
		}
	}
	h, err := store.History(ctx, s.store, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, &plan.Error{Field: "for", Message: fmt.Sprintf("nobody called %q is kept: add them first", name)}
	}
	return h, err
}

// makePlan plans req for the person it names (me by default), from their
// history, and lays the plan out as the player's script.
func (s *Server) makePlan(ctx context.Context, req plan.Request) (*plan.Plan, *guide.Script, error) {
	var p *plan.Plan
	if req.Routine != "" {
		// a kept routine, then the areas asked (routineplan.go)
		return s.planWithRoutine(ctx, req)
	}
	if len(req.Techniques) > 0 {
		// Try this now, or a routine gathered in the library.
		err := req.Validate()
		if err == nil {
			p, err = s.planTechniques(req)
		}
		if err != nil {
			return nil, nil, err
		}
	} else {
		h, err := s.history(ctx, req.For)
		if err == nil {
			p, err = plan.MakeFor(s.cat, req, h)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	script, err := guide.Build(s.cat, p.Routine())
	if err != nil {
		return nil, nil, err
	}
	return p, script, nil
}

func newID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Server) apiCreateSession(w http.ResponseWriter, r *http.Request) {
	var req plan.Request
	if e := decode(w, r, &req); e != nil {
		writeError(w, e)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	if key != "" && !keyPattern.MatchString(key) {
		writeError(w, errInvalid("Idempotency-Key", "the Idempotency-Key header must be 1 to 64 letters, digits, '-' or '_', one for each session started"))
		return
	}
	x, made, err := s.newSession(r.Context(), req, key)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/session/"+x.ID)
	status := http.StatusCreated
	if !made {
		status = http.StatusOK // made before with this key: the same session
	}
	writeJSON(w, status, viewSession(x))
}

func (s *Server) apiSession(w http.ResponseWriter, r *http.Request) {
	id := pathID(w, r, "id", sessionID, "session")
	if id == "" {
		return
	}
	x, err := s.store.Session(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewSession(x))
}

// sessionScript reads a session and its script.
func (s *Server) sessionScript(ctx context.Context, id string) (*store.Session, *guide.Script, error) {
	x, err := s.store.Session(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	var sc guide.Script
	if err := json.Unmarshal(x.Script, &sc); err != nil {
		return nil, nil, err
	}
	return x, &sc, nil
}

// playingScript gives what the player's requests need of a session's
// script (see playing), decoded, and the moment it was made, for the requests a player sends while it plays (progress after
// each move, feedback). Neither ever changes, so they are read and decoded
// once and kept, read-only, in s.scripts; the write that follows finds a
// session deleted since (on this server or another) missing all the same.
func (s *Server) playingScript(ctx context.Context, id string) (*guide.Script, time.Time, error) {
	if e, ok := s.scripts.get(id); ok {
		return e.sc, e.created, nil
	}
	raw, created, err := s.store.Script(ctx, id)
	if err != nil {
		return nil, time.Time{}, err
	}
	var sc guide.Script
	if err := json.Unmarshal(raw, &sc); err != nil {
		return nil, time.Time{}, err
	}
	e := playing(&sc, created)
	s.scripts.put(id, e)
	return e.sc, created, nil
}

// playing is what the player's requests read of a script, kept: the
// total and, of each move, its place on the timeline, technique and area.
// A whole script (its cues, sayings and chimes) is tens of KB; kept whole,
// the cache held a few hundred of them and under load most progress
// requests read and decoded their script again. Kept this way it holds
// every session being played.
func playing(sc *guide.Script, created time.Time) cachedScript {
	slim := &guide.Script{Total: sc.Total, Moves: make([]guide.Move, len(sc.Moves))}
	size := 64
	for i, m := range sc.Moves {
		slim.Moves[i] = guide.Move{Index: m.Index, Start: m.Start, Seconds: m.Seconds, Technique: m.Technique, Area: m.Area}
		size += int(unsafe.Sizeof(m)) + len(m.Technique) + len(m.Area)
	}
	return cachedScript{size: size, created: created, sc: slim}
}

// scriptCache keeps decoded scripts (what playing keeps of them) by
// session id, at most scriptsKept of them and about scriptBytes in each
// of two generations, so that it stays a few MB. When the newer is full it becomes the older
// and the oldest is let go; a script found in the older moves to the
// newer, so the sessions being played stay. Its scripts are shared:
// read-only.
type scriptCache struct {
	mu     sync.Mutex
	m, old map[string]cachedScript
	bytes  int // of m
}

type cachedScript struct {
	size    int // bytes it holds, about
	created time.Time
	sc      *guide.Script
}

const (
	scriptsKept = 4096
	scriptBytes = 8 << 20
)

func (c *scriptCache) get(id string) (cachedScript, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[id]; ok {
		return e, true
	}
	e, ok := c.old[id]
	if ok {
		delete(c.old, id)
		c.add(id, e)
	}
	return e, ok
}

func (c *scriptCache) put(id string, e cachedScript) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.add(id, e)
}

func (c *scriptCache) add(id string, e cachedScript) {
	if c.m == nil || len(c.m) >= scriptsKept || c.bytes+e.size > scriptBytes {
		c.old, c.m, c.bytes = c.m, make(map[string]cachedScript, 64), 0
	}
	c.m[id] = e
	c.bytes += e.size
}

// checkOffset accepts a moment of the routine: a number from 0 to total.
func checkOffset(field string, o, total float64) *apiError {
	if math.IsNaN(o) || math.IsInf(o, 0) || o < 0 || o > total+0.001 {
		return errInvalid(field, "%s must be a number of seconds from 0 to %s", field, trim(total))
	}
	return nil
}

func trim(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

func (s *Server) apiProgress(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Offset  *float64 `json:"offset"`
		Running bool     `json:"running"`
		Played  float64  `json:"played"`  // optional: seconds the clock ran, in all sittings
		Skipped []int    `json:"skipped"` // optional: moves skipped and not played through since
	}
	id := pathID(w, r, "id", sessionID, "session")
	if id == "" {
		return
	}
	if e := decode(w, r, &in); e != nil {
		writeError(w, e)
		return
	}
	sc, _, err := s.playingScript(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if in.Offset == nil {
		writeError(w, errInvalid("offset", "offset is required: seconds from the start of the routine"))
		return
	}
	if e := checkOffset("offset", *in.Offset, sc.Total); e != nil {
		writeError(w, e)
		return
	}
	if e := checkPlayed(in.Played, in.Skipped, len(sc.Moves)); e != nil {
		writeError(w, e)
		return
	}
	o := math.Min(*in.Offset, sc.Total)
	// the store keeps it not running once the session is finished
	p := store.Progress{Offset: o, Move: sc.MoveAt(o), Running: in.Running && o < sc.Total,
		Played: in.Played, Skipped: in.Skipped}
	kept, err := s.store.SaveProgress(r.Context(), id, p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	kept.UpdatedAt = s.now().UTC()
	writeJSON(w, http.StatusOK, viewProgress(kept, sc.Total))
}

var keyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func (s *Server) apiFeedback(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Key    string   `json:"key"`
		Kind   string   `json:"kind"`
		Offset *float64 `json:"offset"`
		At     int64    `json:"at"` // Unix milliseconds when pressed; 0 for now
	}
	id := pathID(w, r, "id", sessionID, "session")
	if id == "" {
		return
	}
	if e := decode(w, r, &in); e != nil {
		writeError(w, e)
		return
	}
	sc, created, err := s.playingScript(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !keyPattern.MatchString(in.Key) {
		writeError(w, errInvalid("key", "key must be 1 to 64 letters, digits, '-' or '_', unique for each press"))
		return
	}
	if !isFeedbackKind(in.Kind) {
		writeError(w, errInvalid("kind", "unknown kind %q: expected one of %s", in.Kind, strings.Join(append(slices.Clone(store.FeedbackKinds), append(slices.Clone(store.Thumbs), store.Hurt)...), ", ")))
		return
	}
	if in.Offset == nil {
		writeError(w, errInvalid("offset", "offset is required: seconds from the start of the routine"))
		return
	}
	if e := checkOffset("offset", *in.Offset, sc.Total); e != nil {
		writeError(w, e)
		return
	}
	now := s.now()
	at := now
	// A press sent late (after a lost connection) keeps its own moment, if
	// that moment is plausible.
	if in.At != 0 {
		t := time.UnixMilli(in.At)
		if t.After(created.Add(-time.Minute)) && t.Before(now.Add(time.Minute)) {
			at = t
		}
	}
	f := store.Feedback{Key: in.Key, Kind: in.Kind, Offset: *in.Offset, At: at.UTC()}
	if len(sc.Moves) > 0 {
		m := sc.Moves[sc.MoveAt(*in.Offset)]
		f.Move, f.Technique, f.Area = m.Index, m.Technique, m.Area
	}
	added, err := s.store.AddFeedback(r.Context(), id, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if !added {
		status = http.StatusOK
	}
	writeJSON(w, status, feedbackJSON{f.Key, f.Kind, f.Offset, f.Move, f.Technique, f.Area, f.At})
}

func isFeedbackKind(k string) bool { return store.IsFeedbackKind(k) }

// maxNote is the longest note kept at the end of a session, in characters.
const maxNote = 2000

func (s *Server) apiFinish(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Rating int    `json:"rating"`
		Note   string `json:"note"`
	}
	id := pathID(w, r, "id", sessionID, "session")
	if id == "" {
		return
	}
	if e := decode(w, r, &in); e != nil {
		writeError(w, e)
		return
	}
	if in.Rating < 1 || in.Rating > 5 {
		writeError(w, errInvalid("rating", "rating must be a whole number from 1 to 5, got %d", in.Rating))
		return
	}
	if !utf8.ValidString(in.Note) {
		writeError(w, errInvalid("note", "note must be text"))
		return
	}
	if n := utf8.RuneCountInString(in.Note); n > maxNote {
		writeError(w, errInvalid("note", "note is %d characters; keep it to %d", n, maxNote))
		return
	}
	// the ending kept and the session read back, in two statements
	x, err := store.FinishSession(r.Context(), s.store, id, store.Ending{Rating: in.Rating, Note: strings.TrimSpace(in.Note), FinishedAt: s.now().UTC()})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewSession(x))
}
