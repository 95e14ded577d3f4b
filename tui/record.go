package tui

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"path/filepath"
	"time"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// A Recorder keeps a session as it is played. The player calls it from its
// own loop, in order, so its methods must return at once; Keeper writes to
// the store in the background.
type Recorder interface {
	// Begin is called when the first move starts (space on the start
	// screen). A new session is created in the store then, so a player
	// closed on its start screen leaves nothing behind.
	Begin(at time.Time)
	// Progress is where the session is: after every move, pause, resume,
	// skip and back, every few seconds while it runs, and when it stops.
	Progress(offset float64, move int, running bool)
	// Feedback is one press of l, g, f, s, u or d (and h, as hurt).
	Feedback(f Feedback)
	// Finish is the rating (1–5) and the note given at the end.
	Finish(rating int, note string, at time.Time)
}

// Tally is a Recorder that also keeps, with each place, the seconds the
// clock ran and the moves skipped and not played since, so that History and
// a later --resume say the same numbers as the summary. The model tells it
// just before each Progress.
type Tally interface {
	Tally(played float64, skipped []int)
}

// Source says where a routine came from, for the store's record of it.
// Exactly one of Plan, File and Technique is set.
type Source struct {
	Plan      *plan.Plan    // planned by `knead play --area`, as the web app plans
	Request   *plan.Request // the choices that made Plan
	File      string        // a routine file
	Technique string        // one technique played alone
}

// NewRecord makes the store's record of a session about to be played, as
// the web app makes its own: a fresh id, a title for lists, the request,
// the plan (PlanOf when the routine was not planned) and the script that
// s plays. Nothing is written yet.
func NewRecord(cat *massage.Catalog, r *massage.Routine, s Session, src Source, now time.Time) (*store.Session, error) {
	if r == nil || s.Script == nil {
		return nil, errors.New("tui: no routine to record")
	}
	p := src.Plan
	var title string
	var req any
	switch {
	case p != nil:
		title = p.Title()
		req = src.Request
	case src.Technique != "":
		p = PlanOf(cat, r, s.Script)
		title = s.Title + " · " + massage.Seconds(math.Round(s.Script.Total))
		req = map[string]string{"play": "technique", "technique": src.Technique}
	default:
		p = PlanOf(cat, r, s.Script)
		title = s.Title + " · " + massage.Seconds(math.Round(s.Script.Total))
		file := src.File
		if abs, err := filepath.Abs(file); err == nil {
			file = abs
		}
		req = map[string]string{"play": "file", "file": file, "routine": r.ID}
	}
	reqJSON, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	planJSON, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	scriptJSON, err := json.Marshal(s.Script)
	if err != nil {
		return nil, err
	}
	return &store.Session{
		ID: newID(), CreatedAt: now.UTC(), Title: title,
		Request: reqJSON, Plan: planJSON, Script: scriptJSON, Total: s.Script.Total,
	}, nil
}

// newID is a session id in the web app's form: 24 hex digits.
func newID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// newKey names one feedback press, unique within its session.
func newKey() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "tui-" + hex.EncodeToString(b)
}
