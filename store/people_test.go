package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/plan"
)

func TestPersonID(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"Sam", "sam", ""},
		{"  Mum  & Dad ", "mum-dad", ""},
		{"Zoë", "zoë", ""},
		{"", "", "name: a person needs a name"},
		{"!!", "", `name: "!!" has no letter or digit to name someone by`},
		{"a very long name that goes on and on and on", "", "name: a name is at most 40 characters"},
	}
	for _, tt := range tests {
		got, err := PersonID(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("PersonID(%q) err = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("PersonID(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestPeople(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		list, err := s.People(ctx)
		if err != nil || len(list) != 1 || list[0].ID != Me {
			t.Fatalf("a new store's people = %v, %v; want me alone", list, err)
		}
		sam, err := s.AddPerson(ctx, " Sam ")
		if err != nil || sam.ID != "sam" || sam.Name != "Sam" {
			t.Fatalf("AddPerson = %+v, %v", sam, err)
		}
		var in *InputError
		if _, err := s.AddPerson(ctx, "SAM"); !errors.As(err, &in) {
			t.Errorf("a second Sam: err = %v, want an InputError", err)
		}
		if _, err := s.AddPerson(ctx, "Me"); !errors.As(err, &in) {
			t.Errorf("adding me: err = %v, want an InputError", err)
		}
		if _, err := s.AddPerson(ctx, "Alex"); err != nil {
			t.Fatal(err)
		}
		// Sessions belong to someone: me when nobody is named.
		mine, hers := sample("m1"), sample("s1")
		hers.Person = "sam"
		for _, x := range []*Session{mine, hers} {
			if err := s.CreateSession(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		nobody := sample("n1")
		nobody.Person = "nobody"
		if err := s.CreateSession(ctx, nobody); !errors.Is(err, ErrNotFound) {
			t.Errorf("a session for nobody: err = %v, want ErrNotFound", err)
		}
		if got, _ := s.Session(ctx, "m1"); got.Person != Me {
			t.Errorf("my session's person = %q", got.Person)
		}
		press := func(id, key, kind, area, tech string, at time.Time) {
			t.Helper()
			if _, err := s.AddFeedback(ctx, id, Feedback{Key: key, Kind: kind, Area: area, Technique: tech, At: at}); err != nil {
				t.Fatal(err)
			}
		}
		press("s1", "a", Sore, "scalp", "scalp-petrissage", when)
		press("s1", "b", Down, "upper-back", "back-raking", when)
		press("s1", "c", Up, "upper-back", "back-fan-stroke", when)
		press("m1", "a", Sore, "feet", "foot-knuckles", when)
		if spots, _ := s.SoreSpotsOf(ctx, "sam"); len(spots) != 1 || spots[0].Area != "scalp" {
			t.Errorf("Sam's sore spots = %v", spots)
		}
		if spots, _ := s.SoreSpots(ctx); len(spots) != 1 || spots[0].Area != "feet" {
			t.Errorf("my sore spots = %v", spots)
		}
		list, _ = s.People(ctx)
		var names []string
		for _, p := range list {
			names = append(names, p.ID)
		}
		if d := cmp.Diff([]string{"me", "alex", "sam"}, names); d != "" {
			t.Errorf("people (-want +got):\n%s", d)
		}
		if list[2].Sessions != 1 {
			t.Errorf("Sam has %d sessions, want 1", list[2].Sessions)
		}

		// History, with what a mark sets aside left out.
		past, err := s.Past(ctx, "sam", 10)
		if err != nil || len(past) != 1 || len(past[0].Feedback) != 3 {
			t.Fatalf("Sam's past = %+v, %v", past, err)
		}
		if err := s.Mark(ctx, "sam", MarkRestore, "back-raking"); err != nil {
			t.Fatal(err)
		}
		if err := s.Mark(ctx, "sam", MarkForgetSore, "scalp"); err != nil {
			t.Fatal(err)
		}
		if err := s.Mark(ctx, "sam", "bogus", "x"); !errors.As(err, &in) {
			t.Errorf("a bogus mark: err = %v", err)
		}
		past, _ = s.Past(ctx, "sam", 10)
		if len(past[0].Feedback) != 1 || past[0].Feedback[0].Kind != Up {
			t.Errorf("after the marks Sam's presses are %+v, want the thumbs-up alone", past[0].Feedback)
		}
		if spots, _ := s.SoreSpotsOf(ctx, "sam"); len(spots) != 0 {
			t.Errorf("a forgotten sore spot is still listed: %v", spots)
		}
		h, err := History(ctx, s, "sam")
		if err != nil || h.Person != "sam" || h.Name != "Sam" || len(h.Sessions) != 1 || len(h.Sessions[0].Signals) != 1 {
			t.Errorf("History = %+v, %v", h, err)
		}

		// Deleting Sam takes everything kept about Sam, and nothing else.
		if err := s.DeletePerson(ctx, "sam"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Person(ctx, "sam"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Sam is still there: %v", err)
		}
		if _, err := s.Session(ctx, "s1"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Sam's session is still there: %v", err)
		}
		if past, _ := s.Past(ctx, "sam", 10); len(past) != 0 {
			t.Errorf("Sam's past is still there: %v", past)
		}
		if err := s.DeletePerson(ctx, "sam"); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleting Sam twice: %v", err)
		}
		if got, err := s.Session(ctx, "m1"); err != nil || len(got.Feedback) != 1 {
			t.Errorf("my session after Sam went: %+v, %v", got, err)
		}
		// Me is emptied, never removed.
		if err := s.DeletePerson(ctx, Me); err != nil {
			t.Fatal(err)
		}
		if p, err := s.Person(ctx, Me); err != nil || p.Sessions != 0 {
			t.Errorf("me after deleting me: %+v, %v", p, err)
		}
		if spots, _ := s.SoreSpots(ctx); len(spots) != 0 {
			t.Errorf("my sore spots after deleting me: %v", spots)
		}
	})
}

// TestPeopleMigrationKeepsData upgrades a database made before people
// existed: its sessions, feedback and sore spots become mine.
func TestPeopleMigrationKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", sqliteDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	first, err := fs.ReadFile(migrationFiles, "migrations/sqlite/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	old := fstest.MapFS{"migrations/sqlite/0001_init.sql": {Data: first}}
	if err := migrate(ctx, db, sqliteDialect, old); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO sessions (id, created_at, title, request, plan, script, total, progress_at) VALUES ('old', 1, 'Back', '{}', '{}', '{}', 600, 1)`,
		`INSERT INTO feedback (session_id, key, kind, offset_s, move, technique, area, at) VALUES ('old', 'k', 'sore', 3, 0, 'back-raking', 'upper-back', 5)`,
		`INSERT INTO sore_spots (area, technique, count, last_at) VALUES ('upper-back', 'back-raking', 1, 5)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	x, err := s.Session(ctx, "old")
	if err != nil || x.Person != Me || len(x.Feedback) != 1 {
		t.Fatalf("the old session = %+v, %v", x, err)
	}
	if spots, _ := s.SoreSpots(ctx); len(spots) != 1 || spots[0].Area != "upper-back" {
		t.Errorf("the old sore spots = %v", spots)
	}
	if _, err := s.AddFeedback(ctx, "old", Feedback{Key: "t", Kind: Down, Technique: "back-raking", Area: "upper-back"}); err != nil {
		t.Errorf("a thumbs-down after the upgrade: %v", err)
	}
}

// Screen answers are kept per person with their date, replaced by newer
// ones, and go with the person.
func TestScreens(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if _, err := s.ScreenOf(ctx, Me); !errors.Is(err, ErrNotFound) {
			t.Fatalf("no answers yet: got %v", err)
		}
		at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
		sc := plan.Screen{Age: "older-adult", Answers: []plan.Answer{{Question: "bleeding", Choice: "thinners"}}}
		if err := s.SaveScreen(ctx, Me, sc, at); err != nil {
			t.Fatal(err)
		}
		got, err := s.ScreenOf(ctx, Me)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(sc, got.Screen); d != "" || !got.AnsweredAt.Equal(at) {
			t.Errorf("answers (-want +got):\n%s at %v", d, got.AnsweredAt)
		}
		if !got.Stale(at.Add(31*24*time.Hour), 30) || got.Stale(at.Add(24*time.Hour), 30) {
			t.Error("answers should go stale after 30 days, not before")
		}
		later := plan.Screen{Answers: []plan.Answer{}}
		if err := s.SaveScreen(ctx, Me, later, at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ScreenOf(ctx, Me); got == nil || len(got.Screen.Answers) != 0 {
			t.Errorf("newer answers did not replace the old: %+v", got)
		}
		if err := s.SaveScreen(ctx, "nobody", sc, at); !errors.Is(err, ErrNotFound) {
			t.Errorf("answers for nobody: %v", err)
		}
		p, err := s.AddPerson(ctx, "Sam")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveScreen(ctx, p.ID, sc, at); err != nil {
			t.Fatal(err)
		}
		if err := s.DeletePerson(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ScreenOf(ctx, p.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("answers outlived their person: %v", err)
		}
	})
}
