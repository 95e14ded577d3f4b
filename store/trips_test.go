package store

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// The last choices are the newer of those saved on their own and those a
// new session was made with; a session made without choices leaves them.
func TestChoicesFromNewestSession(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.SaveChoices(ctx, json.RawMessage(`{"areas":["back"]}`)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond)
		x := sample("s1")
		x.Choices = json.RawMessage(`{"areas":["feet"]}`)
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateSession(ctx, sample("s2")); err != nil { // no choices
			t.Fatal(err)
		}
		if c, err := s.Choices(ctx); err != nil || string(c) != `{"areas":["feet"]}` {
			t.Errorf("after a session: choices = %s, %v", c, err)
		}
		time.Sleep(2 * time.Millisecond)
		if err := s.SaveChoices(ctx, json.RawMessage(`{"areas":["scalp"]}`)); err != nil {
			t.Fatal(err)
		}
		if c, err := s.Choices(ctx); err != nil || string(c) != `{"areas":["scalp"]}` {
			t.Errorf("saved after the session: choices = %s, %v", c, err)
		}
		time.Sleep(2 * time.Millisecond)
		y := sample("s3")
		y.Choices = json.RawMessage(`{"areas":["hands"]}`)
		if _, made, err := s.CreateSessionOnce(ctx, "key-1", y); err != nil || !made {
			t.Fatal(made, err)
		}
		if c, err := s.Choices(ctx); err != nil || string(c) != `{"areas":["hands"]}` {
			t.Errorf("after a keyed session: choices = %s, %v", c, err)
		}
		// the same key again makes nothing, and leaves the choices
		z := sample("s4")
		z.Choices = json.RawMessage(`{"areas":["scalp"]}`)
		if got, made, err := s.CreateSessionOnce(ctx, "key-1", z); err != nil || made || got.ID != "s3" {
			t.Fatalf("sent again: %v, %v", made, err)
		}
		if c, _ := s.Choices(ctx); string(c) != `{"areas":["hands"]}` {
			t.Errorf("after a session sent again: choices = %s", c)
		}
		// nobody by that name: nothing is made, by key or not
		n := sample("n1")
		n.Person = "nobody"
		if _, _, err := s.CreateSessionOnce(ctx, "key-2", n); !errors.Is(err, ErrNotFound) {
			t.Errorf("a keyed session for nobody: %v, want ErrNotFound", err)
		}
		if _, err := s.Session(ctx, "n1"); !errors.Is(err, ErrNotFound) {
			t.Errorf("a session for nobody was kept: %v", err)
		}
	})
}

// SaveProgress gives what is kept: the larger time played, the list of
// skipped moves kept when none is sent, and never running once finished.
func TestSaveProgressGivesKept(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.CreateSession(ctx, sample("s1")); err != nil {
			t.Fatal(err)
		}
		got, err := s.SaveProgress(ctx, "s1", Progress{Offset: 50, Move: 2, Running: true, Played: 40, Skipped: []int{1}})
		if err != nil || !got.Running || got.Played != 40 || len(got.Skipped) != 1 || got.Offset != 50 || got.Move != 2 || got.UpdatedAt.IsZero() {
			t.Errorf("first: %+v, %v", got, err)
		}
		got, err = s.SaveProgress(ctx, "s1", Progress{Offset: 60, Move: 3, Running: true, Played: 10})
		if err != nil || got.Played != 40 || len(got.Skipped) != 1 || got.Skipped[0] != 1 {
			t.Errorf("second: %+v, %v", got, err)
		}
		if err := s.Finish(ctx, "s1", Ending{Rating: 4}); err != nil {
			t.Fatal(err)
		}
		got, err = s.SaveProgress(ctx, "s1", Progress{Offset: 70, Move: 3, Running: true, Played: 50, Skipped: []int{}})
		if err != nil || got.Running || got.Played != 50 || len(got.Skipped) != 0 {
			t.Errorf("after finishing: %+v, %v", got, err)
		}
		x, err := s.Session(ctx, "s1")
		if err != nil || x.Progress.Running || x.Progress.Offset != 70 {
			t.Errorf("kept: %+v, %v", x.Progress, err)
		}
		if sc, at, err := s.Script(ctx, "s1"); err != nil || string(sc) != `{"total":600,"moves":[]}` || !at.Equal(when) {
			t.Errorf("Script = %s, %v, %v", sc, at, err)
		}
		if _, _, err := s.Script(ctx, "nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Script of nothing: %v", err)
		}
	})
}

// A press taken back no longer counts in what the planner learns either.
func TestHistoryLeavesVoidedOut(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.CreateSession(ctx, sample("s1")); err != nil {
			t.Fatal(err)
		}
		for _, f := range []Feedback{
			{Key: "a", Kind: Firmer, Area: "back", Technique: "back-fan-stroke", At: when},
			{Key: "b", Kind: Lighter, Area: "back", Technique: "back-fan-stroke", At: when},
		} {
			if _, err := s.AddFeedback(ctx, "s1", f); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.VoidFeedback(ctx, "s1", "b"); err != nil {
			t.Fatal(err)
		}
		h, err := History(ctx, s, Me)
		if err != nil || len(h.Sessions) != 1 || len(h.Sessions[0].Signals) != 1 || h.Sessions[0].Signals[0].Kind != Firmer {
			t.Errorf("history: %+v, %v", h, err)
		}
		if _, err := History(ctx, s, "nobody"); !errors.Is(err, ErrNotFound) {
			t.Errorf("history of nobody: %v", err)
		}
	})
}

// Every statement gives its turn back, whether its rows were read to the
// end, closed early, not found or refused: none is held after.
func TestTurnsGivenBack(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.CreateSession(ctx, sample("s1")); err != nil {
			t.Fatal(err)
		}
		s.AddFeedback(ctx, "s1", Feedback{Key: "a", Kind: Sore, Area: "back", At: when})
		s.AddFeedback(ctx, "s1", Feedback{Key: "a", Kind: Sore, Area: "back", At: when})
		s.AddFeedback(ctx, "nope", Feedback{Key: "a", Kind: Good, At: when})
		s.SaveProgress(ctx, "s1", Progress{Offset: 3})
		s.SaveProgress(ctx, "nope", Progress{Offset: 3})
		s.Session(ctx, "s1")
		s.Session(ctx, "nope")
		s.Sessions(ctx, 10)
		s.People(ctx)
		s.Person(ctx, "nobody")
		History(ctx, s, Me)
		History(ctx, s, "nobody")
		s.Choices(ctx)
		s.Script(ctx, "nope")
		s.Ping(ctx)
		s.Finish(ctx, "s1", Ending{Rating: 9})
		rows, err := s.(*sqlStore).db.QueryContext(ctx, `SELECT id FROM sessions`)
		if err != nil {
			t.Fatal(err)
		}
		rows.Close() // closed before the end
		p := s.(*sqlStore).db
		if p.group != nil {
			// the writer answers a write before it gives its turn back
			// (it prepares the statements sent first, still holding it):
			// wait for that by taking the turn once, as the next writer
			// would; a turn never given back makes this time out
			release, err := p.turn.take(ctx, 5*time.Second)
			if err != nil {
				t.Fatalf("the writer's turn was not given back: %v", err)
			}
			release()
		}
		if n := p.turn.held(); n != 0 {
			t.Errorf("%d turns still held", n)
		}
	})
}
