package tui

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// lookBack is how many of the latest sessions LastUnfinished looks through.
const lookBack = 200

// LastUnfinished gives the id of the session to resume: of the latest
// sessions (the terminal's and the web app's alike), the one last played
// that has no rating yet and has something left to play. It gives "" when
// there is none.
func LastUnfinished(ctx context.Context, st store.Store) (string, error) {
	list, err := st.Sessions(ctx, lookBack)
	if err != nil {
		return "", err
	}
	best := ""
	var bestAt, bestMade int64
	for _, x := range list {
		if x.Ending.Finished() || x.Total <= 0 || x.Offset >= x.Total-1e-3 {
			continue
		}
		full, err := st.Session(ctx, x.ID)
		if err != nil {
			return "", err
		}
		at, made := full.Progress.UpdatedAt.UnixMilli(), full.CreatedAt.UnixMilli()
		if best == "" || at > bestAt || (at == bestAt && made > bestMade) {
			best, bestAt, bestMade = x.ID, at, made
		}
	}
	return best, nil
}

// LoadSession reads session id from st to play on where it stopped: its
// script as it was kept, the start screen made from its plan (the
// preparations, the cautions, the position and the notes), and its place
// and feedback so far. A session that has been rated is over and is not
// loaded.
func LoadSession(ctx context.Context, st store.Store, cat *massage.Catalog, id string) (Session, error) {
	x, err := st.Session(ctx, id)
	if err != nil {
		return Session{}, err
	}
	if x.Ending.Finished() {
		return Session{}, fmt.Errorf("session %s ended on %s, rated %d of 5; there is nothing left to resume",
			id, x.Ending.FinishedAt.Local().Format("2 Jan 2006 15:04"), x.Ending.Rating)
	}
	var sc guide.Script
	if err := json.Unmarshal(x.Script, &sc); err != nil {
		return Session{}, fmt.Errorf("session %s: its script cannot be read: %v", id, err)
	}
	if len(sc.Moves) == 0 || !(sc.Total > 0) {
		return Session{}, fmt.Errorf("session %s has no moves to play", id)
	}
	// The start screen comes from the plan; a plan that cannot be read
	// leaves it bare, but the session still plays.
	r := &massage.Routine{}
	var p plan.Plan
	if json.Unmarshal(x.Plan, &p) == nil && len(p.Areas) > 0 && len(p.Items) > 0 {
		r = p.Routine()
	}
	s := startScreen(cat, r)
	s.Title = sc.Name
	if s.Title == "" {
		s.Title = x.Title
	}
	s.Script = &sc
	o := x.Progress.Offset
	if math.IsNaN(o) || o < 0 {
		o = 0
	}
	s.Resume = &Resume{ID: x.ID, Offset: min(o, sc.Total), Played: x.Progress.Played}
	for _, i := range x.Progress.Skipped {
		if i >= 0 && i < len(sc.Moves) {
			s.Resume.Skipped = append(s.Resume.Skipped, i)
		}
	}
	for _, f := range x.Feedback {
		tf := Feedback{Kind: f.Kind, Offset: f.Offset, Move: f.Move, Technique: f.Technique, Area: f.Area, At: f.At}
		if f.Move >= 0 && f.Move < len(sc.Moves) {
			mv := sc.Moves[f.Move]
			tf.Title, tf.Name = mv.Title, mv.Name
		} else {
			tf.Move = sc.MoveAt(f.Offset)
		}
		s.Resume.Feedback = append(s.Resume.Feedback, tf)
	}
	return s, nil
}

// resumeLine says where a resumed session goes on: "Goes on at 4:12 of
// 20:00, in move 5 of 28: Fan stroke".
func (s Session) resumeLine() string {
	if s.Resume == nil || s.Script == nil || len(s.Script.Moves) == 0 {
		return ""
	}
	i := s.Script.MoveAt(s.Resume.Offset)
	return "Goes on at " + clock(s.Resume.Offset) + " of " + clock(s.Script.Total) +
		", in move " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(s.Script.Moves)) + ": " + s.Script.Moves[i].Title
}
