package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// FinishSession keeps the ending and gives the session as Session would
// read it after Finish, in two statements instead of three; what Finish
// refuses it refuses too.
func TestFinishSession(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		for _, id := range []string{"s1", "s2"} {
			if err := s.CreateSession(ctx, sample(id)); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveProgress(ctx, id, Progress{Offset: 125.5, Move: 3, Running: true}); err != nil {
				t.Fatal(err)
			}
			for _, f := range []Feedback{
				{Key: "a", Kind: Firmer, Offset: 130, Move: 3, Area: "upper-back", Technique: "back-fan-stroke", At: when},
				{Key: "b", Kind: Lighter, Offset: 140, Move: 3, Area: "upper-back", Technique: "back-fan-stroke", At: when.Add(time.Second)},
			} {
				if _, err := s.AddFeedback(ctx, id, f); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.VoidFeedback(ctx, id, "b"); err != nil {
				t.Fatal(err)
			}
		}
		end := Ending{Rating: 4, Note: "less on the neck", FinishedAt: when.Add(time.Hour)}
		if err := s.Finish(ctx, "s1", end); err != nil {
			t.Fatal(err)
		}
		want, err := s.Session(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		p := s.(*sqlStore).db
		before := p.calls.Load()
		got, err := FinishSession(ctx, s, "s2", end)
		if err != nil {
			t.Fatal(err)
		}
		if n := p.calls.Load() - before; n != 2 {
			t.Errorf("FinishSession sent %d statements, want 2 (the update giving the row, then the presses)", n)
		}
		if got.Progress.Running || !got.Ending.Finished() || len(got.Feedback) != 1 {
			t.Errorf("finished session: running %v, ending %+v, %d presses (want 1: the other was taken back)", got.Progress.Running, got.Ending, len(got.Feedback))
		}
		got.ID, want.Progress.UpdatedAt, got.Progress.UpdatedAt = want.ID, time.Time{}, time.Time{}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("FinishSession differs from Finish then Session (-Session +FinishSession):\n%s", d)
		}
		if kept, _ := s.Session(ctx, "s2"); kept == nil || kept.Ending != end {
			t.Errorf("ending kept: %+v", kept)
		}
		if _, err := FinishSession(ctx, s, "nothing", end); !errors.Is(err, ErrNotFound) {
			t.Errorf("no such session: %v, want ErrNotFound", err)
		}
		var ie *InvalidError
		if _, err := FinishSession(ctx, s, "s2", Ending{Rating: 9}); !errors.As(err, &ie) || ie.Field != "rating" {
			t.Errorf("rating 9: %v, want an InvalidError on rating", err)
		}
		if _, err := FinishSession(ctx, s, "s2", Ending{Rating: 3, Note: "a\x00b"}); !errors.As(err, &ie) || ie.Field != "note" {
			t.Errorf("a NUL in the note: %v, want an InvalidError on note", err)
		}
	})
}
