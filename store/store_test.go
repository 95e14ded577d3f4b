package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// backend opens a fresh, empty store of one kind for a test.
type backend struct {
	name string
	open func(t testing.TB) (Store, string) // the store and the DSN it was opened with
}

// backends are every database the one suite runs against. PostgreSQL runs
// when KNEAD_TEST_POSTGRES holds a DSN (.ci/run starts a throwaway server);
// each test then gets a schema of its own.
func backends(t testing.TB) []backend {
	bs := []backend{{"sqlite", func(t testing.TB) (Store, string) {
		dsn := filepath.Join(t.TempDir(), "knead.db")
		s, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s, dsn
	}}}
	pg := os.Getenv("KNEAD_TEST_POSTGRES")
	if pg == "" {
		t.Log("PostgreSQL: skipped, KNEAD_TEST_POSTGRES is not set to a DSN")
		return bs
	}
	return append(bs, backend{"postgres", func(t testing.TB) (Store, string) {
		ctx := context.Background()
		admin, err := sql.Open("pgx", pg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { admin.Close() })
		schema := fmt.Sprintf("knead_test_%d", time.Now().UnixNano())
		if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatalf("create schema: %v", err)
		}
		t.Cleanup(func() { admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE") })
		sep := "?"
		if strings.Contains(pg, "?") {
			sep = "&"
		}
		dsn := pg + sep + "search_path=" + schema
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s, dsn
	}})
}

// each runs f once per backend.
func each(t *testing.T, f func(t *testing.T, s Store)) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s, _ := b.open(t)
			f(t, s)
		})
	}
}

var when = time.Date(2025, 3, 4, 21, 15, 0, 0, time.UTC)

func sample(id string) *Session {
	return &Session{
		ID:        id,
		CreatedAt: when,
		Person:    Me,
		Title:     "Back, 10 min",
		Request:   json.RawMessage(`{"areas":["back"],"minutes":10}`),
		Plan:      json.RawMessage(`{"total_seconds":600}`),
		Script:    json.RawMessage(`{"total":600,"moves":[]}`),
		Total:     600,
	}
}

func TestSessionRoundTrip(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		in := sample("s1")
		if err := s.CreateSession(ctx, in); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveProgress(ctx, "s1", Progress{Offset: 125.5, Move: 3, Running: true}); err != nil {
			t.Fatal(err)
		}
		fb := Feedback{Key: "k1", Kind: Firmer, Offset: 130.25, Move: 3, Technique: "back-fan-stroke", Area: "upper-back", At: when.Add(130 * time.Second)}
		if added, err := s.AddFeedback(ctx, "s1", fb); err != nil || !added {
			t.Fatalf("AddFeedback = %v, %v", added, err)
		}
		got, err := s.Session(ctx, "s1")
		if err != nil {
			t.Fatal(err)
		}
		if got.Progress.UpdatedAt.IsZero() {
			t.Error("progress has no time")
		}
		got.Progress.UpdatedAt = time.Time{}
		want := sample("s1")
		want.Progress = Progress{Offset: 125.5, Move: 3, Running: true, Skipped: []int{}}
		want.Feedback = []Feedback{fb}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("session (-want +got):\n%s", d)
		}
		if err := s.Finish(ctx, "s1", Ending{Rating: 4, Note: "less on the neck <b>please</b>", FinishedAt: when.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Session(ctx, "s1")
		wantEnd := Ending{Rating: 4, Note: "less on the neck <b>please</b>", FinishedAt: when.Add(time.Hour)}
		if d := cmp.Diff(wantEnd, got.Ending); d != "" || got.Progress.Running {
			t.Errorf("ending (-want +got):\n%s running=%v", d, got.Progress.Running)
		}
	})
}

func TestNotFound(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		calls := map[string]error{}
		_, calls["Session"] = s.Session(ctx, "nope")
		_, calls["SaveProgress"] = s.SaveProgress(ctx, "nope", Progress{})
		_, calls["AddFeedback"] = s.AddFeedback(ctx, "nope", Feedback{Key: "k", Kind: Sore, Area: "feet"})
		calls["Finish"] = s.Finish(ctx, "nope", Ending{Rating: 3})
		for name, err := range calls {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("%s: err = %v, want ErrNotFound", name, err)
			}
		}
		// The sore press on a missing session left nothing behind.
		if spots, _ := s.SoreSpots(ctx); len(spots) != 0 {
			t.Errorf("sore spots after a failed press: %v", spots)
		}
	})
}

func TestFeedbackOnceAndSoreSpots(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.CreateSession(ctx, sample("s1")); err != nil {
			t.Fatal(err)
		}
		presses := []struct {
			f     Feedback
			added bool
		}{
			{Feedback{Key: "a", Kind: Sore, Area: "feet", Technique: "foot-knuckles", At: when}, true},
			{Feedback{Key: "a", Kind: Sore, Area: "feet", Technique: "foot-knuckles", At: when}, false}, // resent
			{Feedback{Key: "b", Kind: Sore, Area: "feet", Technique: "foot-squeeze", At: when.Add(time.Minute)}, true},
			{Feedback{Key: "c", Kind: Sore, Area: "scalp", Technique: "scalp-circles", At: when}, true},
			{Feedback{Key: "d", Kind: Good, Area: "scalp", At: when}, true},
		}
		for i, p := range presses {
			added, err := s.AddFeedback(ctx, "s1", p.f)
			if err != nil || added != p.added {
				t.Errorf("press %d: added=%v err=%v, want added=%v", i, added, err, p.added)
			}
		}
		spots, err := s.SoreSpots(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []SoreSpot{
			{Area: "feet", Technique: "foot-squeeze", Count: 2, Last: when.Add(time.Minute)},
			{Area: "scalp", Technique: "scalp-circles", Count: 1, Last: when},
		}
		if d := cmp.Diff(want, spots); d != "" {
			t.Errorf("sore spots (-want +got):\n%s", d)
		}
		got, _ := s.Session(ctx, "s1")
		if len(got.Feedback) != 4 {
			t.Errorf("kept %d presses, want 4", len(got.Feedback))
		}
		// An unknown kind is refused by the database and changes nothing.
		if _, err := s.AddFeedback(ctx, "s1", Feedback{Key: "e", Kind: "tickles", Area: "feet"}); err == nil {
			t.Error("an unknown kind was stored")
		}
		if got, _ := s.Session(ctx, "s1"); len(got.Feedback) != 4 {
			t.Errorf("after a refused press: %d kept", len(got.Feedback))
		}
	})
}

func TestFinishRefusesBadRating(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		s.CreateSession(ctx, sample("s1"))
		for _, r := range []int{0, 6, -1} {
			if err := s.Finish(ctx, "s1", Ending{Rating: r}); err == nil {
				t.Errorf("rating %d was kept", r)
			}
		}
		got, _ := s.Session(ctx, "s1")
		if got.Ending.Finished() {
			t.Error("a refused finish still finished the session")
		}
	})
}

func TestDuplicateSessionID(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.CreateSession(ctx, sample("s1")); err != nil {
			t.Fatal(err)
		}
		second := sample("s1")
		second.Title = "other"
		if err := s.CreateSession(ctx, second); err == nil {
			t.Fatal("a second session with the same id was kept")
		}
		if got, _ := s.Session(ctx, "s1"); got.Title != "Back, 10 min" {
			t.Errorf("title = %q: the first session was overwritten", got.Title)
		}
	})
}

func TestSessionsNewestFirst(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		for i := range 5 {
			x := sample(fmt.Sprintf("s%d", i))
			x.CreatedAt = when.Add(time.Duration(i) * time.Hour)
			if err := s.CreateSession(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		s.SaveProgress(ctx, "s3", Progress{Offset: 42})
		list, err := s.Sessions(ctx, 3)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, x := range list {
			ids = append(ids, x.ID)
		}
		if d := cmp.Diff([]string{"s4", "s3", "s2"}, ids); d != "" {
			t.Errorf("ids (-want +got):\n%s", d)
		}
		if list[1].Offset != 42 || list[1].Total != 600 {
			t.Errorf("summary: %+v", list[1])
		}
	})
}

func TestChoices(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if c, err := s.Choices(ctx); err != nil || c != nil {
			t.Fatalf("fresh store: %s, %v", c, err)
		}
		for _, v := range []string{`{"areas":["back"],"minutes":10}`, `{"areas":["feet"],"minutes":20}`} {
			if err := s.SaveChoices(ctx, json.RawMessage(v)); err != nil {
				t.Fatal(err)
			}
			got, err := s.Choices(ctx)
			if err != nil || string(got) != v {
				t.Errorf("choices = %s, %v; want %s", got, err, v)
			}
		}
		if err := s.SaveChoices(ctx, json.RawMessage(`{not json`)); err == nil {
			t.Error("bad JSON was kept")
		}
	})
}

func TestConcurrentWriters(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		s.CreateSession(ctx, sample("s1"))
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := range 20 {
			wg.Add(2)
			go func() {
				defer wg.Done()
				_, err := s.AddFeedback(ctx, "s1", Feedback{Key: fmt.Sprint(i), Kind: Sore, Area: "back", Technique: "t"})
				errs <- err
			}()
			go func() {
				defer wg.Done()
				_, err := s.SaveProgress(ctx, "s1", Progress{Offset: float64(i)})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		spots, _ := s.SoreSpots(ctx)
		if len(spots) != 1 || spots[0].Count != 20 {
			t.Errorf("sore spots after 20 presses: %+v", spots)
		}
	})
}

func TestMigrationsRefuseToRunBackwards(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s, dsn := b.open(t)
			// Reopening an up-to-date database is fine and keeps its data.
			s.CreateSession(ctx, sample("kept"))
			again, err := Open(ctx, dsn)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			if _, err := again.Session(ctx, "kept"); err != nil {
				t.Errorf("after reopening: %v", err)
			}
			again.Close()
			// A newer Knead left version 99.
			db := s.(*sqlStore).db
			if _, err := db.ExecContext(ctx, s.(*sqlStore).d.rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`), 99, "0099_future.sql", 0); err != nil {
				t.Fatal(err)
			}
			_, err = Open(ctx, dsn)
			if err == nil || !strings.Contains(err.Error(), "refusing to run backwards") {
				t.Errorf("err = %v, want a refusal", err)
			}
		})
	}
}

func TestMigrationFiles(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []int
		err   string
	}{
		{"ordered by number", fstest.MapFS{"m/0002_b.sql": {}, "m/0001_a.sql": {}, "m/README": {}}, []int{1, 2}, ""},
		{"gap", fstest.MapFS{"m/0001_a.sql": {}, "m/0003_c.sql": {}}, nil, "migration 0003_c.sql: expected number 2 next"},
		{"bad name", fstest.MapFS{"m/first.sql": {}}, nil, "migration first.sql: name must start with a positive number and an underscore"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := migrations(tt.files, "m")
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			var got []int
			for _, m := range ms {
				got = append(got, m.version)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("versions (-want +got):\n%s", d)
			}
		})
	}
	// The embedded folders hold the same versions for every database.
	a, err := migrations(migrationFiles, "migrations/sqlite")
	if err != nil {
		t.Fatal(err)
	}
	b, err := migrations(migrationFiles, "migrations/postgres")
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Errorf("sqlite has %d migrations, postgres %d", len(a), len(b))
	}
}

func TestDefaultPathAndRedact(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/home")
	if p, _ := DefaultPath(); p != "/data/home/knead/knead.db" {
		t.Errorf("DefaultPath = %q", p)
	}
	t.Setenv("XDG_DATA_HOME", "relative/ignored")
	t.Setenv("HOME", "/home/ann")
	if p, _ := DefaultPath(); p != "/home/ann/.local/share/knead/knead.db" {
		t.Errorf("DefaultPath = %q", p)
	}
	for in, want := range map[string]string{
		"postgres://ann:secret@db:5432/knead": "postgres://ann:xxxxx@db:5432/knead",
		"postgres://ann@db/knead":             "postgres://ann@db/knead",
		"/var/lib/knead.db":                   "/var/lib/knead.db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSQLitePathChecks(t *testing.T) {
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "a?b.db")); err == nil {
		t.Error("a path with '?' was opened")
	}
	// The pragmas are in force.
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// on the writer and on the readers alike
	for _, db := range []*sql.DB{s.(*sqlStore).db.w, s.(*sqlStore).db.r} {
		var mode string
		var fk, busy int
		db.QueryRow("PRAGMA journal_mode").Scan(&mode)
		db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
		db.QueryRow("PRAGMA busy_timeout").Scan(&busy)
		if mode != "wal" || fk != 1 || busy != 5000 {
			t.Errorf("journal_mode=%s foreign_keys=%d busy_timeout=%d", mode, fk, busy)
		}
	}
}

// A --db path in a folder that is not there is refused, not made: it is
// most likely a typo. The default path's folder is made on first run.
func TestOpenRefusesMissingFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-folder", "k.db")
	if _, err := Open(context.Background(), missing); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("Open(%s): got %v, want a message that the folder does not exist", missing, err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Fatalf("the missing folder was made: %v", err)
	}
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	s, err := Open(context.Background(), "")
	if err != nil {
		t.Fatalf("default path: %v", err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(data, "knead", "knead.db")); err != nil {
		t.Fatalf("the default database was not made: %v", err)
	}
	// the default path passed by name (as knead serve and play do) is made too
	other := t.TempDir()
	t.Setenv("XDG_DATA_HOME", other)
	def, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(context.Background(), def)
	if err != nil {
		t.Fatalf("default path by name: %v", err)
	}
	s.Close()
}

// Devices are kept by the hash of their token: the token finds its device,
// a wrong or removed one finds nothing, and the token itself is nowhere in
// the database.
func TestDevices(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s, _ := b.open(t)
			ctx := context.Background()
			token := strings.Repeat("tok3n-", 8)
			d := &Device{ID: "d1", Name: "Chrome on Android", CreatedAt: when}
			if err := s.AddDevice(ctx, d, token); err != nil {
				t.Fatal(err)
			}
			if err := s.AddDevice(ctx, &Device{ID: "d2", Name: "Safari on iPhone", CreatedAt: when.Add(time.Hour)}, token+"x"); err != nil {
				t.Fatal(err)
			}
			if err := s.AddDevice(ctx, &Device{ID: "d3"}, "short"); err == nil {
				t.Error("a short token was accepted")
			}
			got, err := s.DeviceByToken(ctx, token)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&Device{ID: "d1", Name: "Chrome on Android", CreatedAt: when, LastSeen: when}, got); diff != "" {
				t.Errorf("device (-want +got):\n%s", diff)
			}
			if _, err := s.DeviceByToken(ctx, token[1:]); !errors.Is(err, ErrNotFound) {
				t.Errorf("a wrong token: %v, want ErrNotFound", err)
			}
			if err := s.SeenDevice(ctx, "d1", when.Add(2*time.Hour)); err != nil {
				t.Fatal(err)
			}
			list, err := s.ListDevices(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 2 || list[0].ID != "d1" || list[1].ID != "d2" {
				t.Errorf("list = %+v, want d1 (seen last) then d2", list)
			}
			var n int
			if err := s.(*sqlStore).db.QueryRowContext(ctx, s.(*sqlStore).d.rebind(`SELECT COUNT(*) FROM devices WHERE token_hash = $1 OR name = $1 OR id = $1`), token).Scan(&n); err != nil || n != 0 {
				t.Errorf("the token itself is in the database (%d rows, %v)", n, err)
			}
			if err := s.RemoveDevice(ctx, "d1"); err != nil {
				t.Fatal(err)
			}
			if err := s.RemoveDevice(ctx, "d1"); !errors.Is(err, ErrNotFound) {
				t.Errorf("removing twice: %v, want ErrNotFound", err)
			}
			if _, err := s.DeviceByToken(ctx, token); !errors.Is(err, ErrNotFound) {
				t.Errorf("a removed device's token still works: %v", err)
			}
		})
	}
}
