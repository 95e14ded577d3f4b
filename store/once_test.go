package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A request sent again with its key (a retry after a lost answer) gives
// the session made the first time, never a second one; at once from many
// goroutines too.
func TestCreateSessionOnce(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		got, made, err := s.CreateSessionOnce(ctx, "key-1", sample("a"))
		if err != nil || !made || got.ID != "a" {
			t.Fatalf("first: %v, made %v, %v", got, made, err)
		}
		got, made, err = s.CreateSessionOnce(ctx, "key-1", sample("b"))
		if err != nil || made || got == nil || got.ID != "a" || got.Title != "Back, 10 min" {
			t.Fatalf("again with the same key: %+v, made %v, %v; want session a, not made", got, made, err)
		}
		if _, err := s.Session(ctx, "b"); !errors.Is(err, ErrNotFound) {
			t.Errorf("the retry made session b: %v", err)
		}
		// Another key, and no key, make sessions of their own.
		if _, made, err := s.CreateSessionOnce(ctx, "key-2", sample("c")); err != nil || !made {
			t.Errorf("another key: made %v, %v", made, err)
		}
		for _, id := range []string{"d", "e"} {
			if _, made, err := s.CreateSessionOnce(ctx, "", sample(id)); err != nil || !made {
				t.Errorf("no key (%s): made %v, %v", id, made, err)
			}
		}
		var wg sync.WaitGroup
		ids := make([]string, 8)
		errs := make([]error, 8)
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				x := sample("race-" + string(rune('a'+i)))
				var got *Session
				got, _, errs[i] = s.CreateSessionOnce(ctx, "key-race", x)
				if got != nil {
					ids[i] = got.ID
				}
			}()
		}
		wg.Wait()
		for i := range ids {
			if errs[i] != nil || ids[i] != ids[0] {
				t.Errorf("racing retry %d: %q, %v; want %q", i, ids[i], errs[i], ids[0])
			}
		}
		list, err := s.Sessions(ctx, 100)
		if err != nil || len(list) != 5 {
			t.Errorf("%d sessions kept (%v), want 5", len(list), err)
		}
	})
}

// A press taken back no longer counts, in the session or the sore spots;
// its key stays used, so the press sent again late is not kept either.
func TestVoidFeedback(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.CreateSession(ctx, sample("s1")); err != nil {
			t.Fatal(err)
		}
		for _, f := range []Feedback{
			{Key: "a", Kind: Sore, Area: "feet", Technique: "foot-knuckles", At: when},
			{Key: "b", Kind: Sore, Area: "feet", Technique: "foot-squeeze", At: when.Add(time.Minute)},
			{Key: "c", Kind: Sore, Area: "scalp", Technique: "scalp-circles", At: when},
			{Key: "d", Kind: Firmer, Area: "scalp", At: when},
		} {
			if _, err := s.AddFeedback(ctx, "s1", f); err != nil {
				t.Fatal(err)
			}
		}
		steps := []struct {
			key    string
			voided bool
			err    error
		}{
			{"b", true, nil},
			{"b", false, nil}, // taken back twice: once counts
			{"c", true, nil},
			{"d", true, nil},
			{"zz", false, ErrNotFound},
		}
		for _, st := range steps {
			voided, err := s.VoidFeedback(ctx, "s1", st.key)
			if voided != st.voided || !errors.Is(err, st.err) {
				t.Errorf("void %s: %v, %v; want %v, %v", st.key, voided, err, st.voided, st.err)
			}
		}
		if _, err := s.VoidFeedback(ctx, "nope", "a"); !errors.Is(err, ErrNotFound) {
			t.Errorf("void on a missing session: %v", err)
		}
		// Sent again after it was taken back: still not kept.
		if added, err := s.AddFeedback(ctx, "s1", Feedback{Key: "d", Kind: Firmer, Area: "scalp", At: when}); added || err != nil {
			t.Errorf("a voided key was added again: %v, %v", added, err)
		}
		got, err := s.Session(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, f := range got.Feedback {
			keys = append(keys, f.Key)
		}
		if d := cmp.Diff([]string{"a"}, keys); d != "" {
			t.Errorf("presses kept (-want +got):\n%s", d)
		}
		spots, _ := s.SoreSpots(ctx)
		want := []SoreSpot{{Area: "feet", Technique: "foot-squeeze", Count: 1, Last: when.Add(time.Minute)}}
		if d := cmp.Diff(want, spots); d != "" {
			t.Errorf("sore spots (-want +got):\n%s", d)
		}
	})
}

// The time played and the moves skipped are kept with the place; a player
// that does not track them (nil, 0) leaves them as they were.
func TestProgressPlayedAndSkipped(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.CreateSession(ctx, sample("s1")); err != nil {
			t.Fatal(err)
		}
		saves := []struct {
			p           Progress
			played      float64
			skipped     []int
			done, ended int
		}{
			{Progress{Offset: 100, Move: 3, Played: 60, Skipped: []int{1, 2}}, 60, []int{1, 2}, 1, 3},
			{Progress{Offset: 120, Move: 3}, 60, []int{1, 2}, 1, 3},                                    // an older player
			{Progress{Offset: 150, Move: 4, Played: 90, Skipped: []int{1}}, 90, []int{1}, 3, 4},        // 2 played through since
			{Progress{Offset: 600, Move: 9, Played: 80, Skipped: []int{}}, 90, []int{}, 10, 10},        // played never goes down
			{Progress{Offset: 600, Move: 9, Played: 95, Skipped: []int{9, 4}}, 95, []int{9, 4}, 8, 10}, // the last move skipped to the end
		}
		for i, sv := range saves {
			if _, err := s.SaveProgress(ctx, "s1", sv.p); err != nil {
				t.Fatal(err)
			}
			got, err := s.Session(ctx, "s1")
			if err != nil {
				t.Fatal(err)
			}
			if got.Progress.Played != sv.played || !cmp.Equal(got.Progress.Skipped, sv.skipped) {
				t.Errorf("save %d: played %v skipped %v, want %v %v", i, got.Progress.Played, got.Progress.Skipped, sv.played, sv.skipped)
			}
			if d, e := got.Progress.Done(600), got.Progress.Ended(600); d != sv.done || e != sv.ended {
				t.Errorf("save %d: done %d of %d ended, want %d of %d", i, d, e, sv.done, sv.ended)
			}
			list, err := s.Sessions(ctx, 1)
			if err != nil || len(list) != 1 {
				t.Fatal(err)
			}
			if p := list[0].Progress; p.Played != sv.played || !cmp.Equal(p.Skipped, sv.skipped) || p.Move != sv.p.Move || p.Offset != sv.p.Offset {
				t.Errorf("save %d: the list says %+v", i, p)
			}
		}
	})
}
