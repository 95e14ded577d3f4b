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
	"time"
)

// Text no database keeps faithfully is refused before it reaches one, on
// every backend, naming the field; an id that cannot be kept is simply not
// found; nothing is changed. (PostgreSQL answered these with a driver
// error that the server turned into a 500.)
func TestBadTextRefused(t *testing.T) {
	bad := []string{"a\x00b", "caf\xe9", "\xff\xfe"}
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if err := s.CreateSession(ctx, sample("s1")); err != nil {
			t.Fatal(err)
		}
		for _, b := range bad {
			want := func(name string, err error, field string) {
				t.Helper()
				var ie *InvalidError
				if !errors.As(err, &ie) || !errors.Is(err, ErrInvalid) || ie.Field != field {
					t.Errorf("%s with %q: err = %v, want an InvalidError on %s", name, b, err, field)
				}
			}
			x := sample("s2")
			x.Title = b
			want("CreateSession title", s.CreateSession(ctx, x), "title")
			want("CreateSession id", s.CreateSession(ctx, sample(b)), "id")
			want("Finish note", s.Finish(ctx, "s1", Ending{Rating: 3, Note: b}), "note")
			_, err := s.AddFeedback(ctx, "s1", Feedback{Key: "k", Kind: Good, Area: b})
			want("AddFeedback area", err, "area")
			_, err = s.AddFeedback(ctx, "s1", Feedback{Key: b, Kind: Good})
			want("AddFeedback key", err, "key")
			// an id no database keeps names no session
			if _, err := s.Session(ctx, b); !errors.Is(err, ErrNotFound) {
				t.Errorf("Session(%q) = %v, want ErrNotFound", b, err)
			}
			if _, err := s.SaveProgress(ctx, b, Progress{}); !errors.Is(err, ErrNotFound) {
				t.Errorf("SaveProgress(%q) = %v, want ErrNotFound", b, err)
			}
			if _, err := s.AddFeedback(ctx, b, Feedback{Key: "k", Kind: Good}); !errors.Is(err, ErrNotFound) {
				t.Errorf("AddFeedback(%q) = %v, want ErrNotFound", b, err)
			}
			if err := s.Finish(ctx, b, Ending{Rating: 2}); !errors.Is(err, ErrNotFound) {
				t.Errorf("Finish(%q) = %v, want ErrNotFound", b, err)
			}
		}
		got, err := s.Session(ctx, "s1")
		if err != nil || got.Ending.Finished() || len(got.Feedback) != 0 {
			t.Errorf("after refusals: %+v, %v", got, err)
		}
		if list, _ := s.Sessions(ctx, 10); len(list) != 1 {
			t.Errorf("%d sessions kept, want 1", len(list))
		}
		// a refusal by the database itself is classified too
		if _, err := s.AddFeedback(ctx, "s1", Feedback{Key: "e", Kind: "tickles"}); !errors.Is(err, ErrInvalid) {
			t.Errorf("unknown kind: err = %v, want ErrInvalid", err)
		}
		if err := s.Finish(ctx, "s1", Ending{Rating: 9}); !errors.Is(err, ErrInvalid) {
			t.Errorf("rating 9: err = %v, want ErrInvalid", err)
		}
		if err := s.CreateSession(ctx, sample("s1")); !errors.Is(err, ErrInvalid) {
			t.Errorf("duplicate id: err = %v, want ErrInvalid", err)
		}
	})
}

// A new session and the choices that made it are kept together or not at
// all, so that a lost "last choices" is an error the client sees.
func TestCreateSessionKeepsChoices(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		x := sample("s1")
		x.Choices = json.RawMessage(`{"areas":["feet"],"minutes":5}`)
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		if c, err := s.Choices(ctx); err != nil || string(c) != `{"areas":["feet"],"minutes":5}` {
			t.Errorf("choices = %s, %v", c, err)
		}
		// a second session with the same id fails, and its choices with it
		y := sample("s1")
		y.Choices = json.RawMessage(`{"areas":["back"],"minutes":30}`)
		if err := s.CreateSession(ctx, y); err == nil {
			t.Fatal("a duplicate id was kept")
		}
		if c, _ := s.Choices(ctx); string(c) != `{"areas":["feet"],"minutes":5}` {
			t.Errorf("choices after a failed create = %s", c)
		}
	})
}

// A database that is closed (down) answers ErrUnavailable, not an
// unclassified error.
func TestClosedStoreUnavailable(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		s.Close()
		_, err := s.Session(ctx, "s1")
		if !errors.Is(err, ErrUnavailable) {
			t.Errorf("Session on a closed store: %v, want ErrUnavailable", err)
		}
		if _, err := s.SaveProgress(ctx, "s1", Progress{}); !errors.Is(err, ErrUnavailable) {
			t.Errorf("SaveProgress on a closed store: %v, want ErrUnavailable", err)
		}
		if err := s.Ping(ctx); !errors.Is(err, ErrUnavailable) {
			t.Errorf("Ping on a closed store: %v, want ErrUnavailable", err)
		}
	})
}

// PostgreSQL that does not answer at all is ErrUnavailable.
func TestPostgresDownUnavailable(t *testing.T) {
	_, err := Open(context.Background(), "postgres://knead@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("Open on a port nobody listens on: %v, want ErrUnavailable", err)
	}
}

// The driver's busy answer is classified ErrBusy: one raw connection holds
// the write lock, another that will not wait tries to write.
func TestClassifySQLiteBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hold, _ := sql.Open("sqlite", path+"?_txlock=immediate")
	defer hold.Close()
	tx, err := hold.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	other, _ := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)&_txlock=immediate")
	defer other.Close()
	_, err = other.Begin()
	if err == nil || !errors.Is(Classify(err), ErrBusy) {
		t.Errorf("Classify(%v) is not ErrBusy", err)
	}
}

// SQLite writes go through one connection taken in turn, and many writers
// at once all get through without a busy error.
func TestSQLiteOneWriter(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := s.(*sqlStore).db
	if n := p.w.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("the writer may open %d connections, want 1", n)
	}
	if p.r == p.w || p.turn == nil {
		t.Error("readers and writer are not apart")
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprint("s", i)
			errs <- s.CreateSession(ctx, sample(id))
			for j := range 3 {
				_, err := s.SaveProgress(ctx, id, Progress{Offset: float64(j)})
				errs <- err
				if _, err := s.Session(ctx, id); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	// a reader cannot write behind the writer's back
	if _, err := p.r.Exec("DELETE FROM sessions"); err == nil {
		t.Error("a reader connection wrote")
	}
}

// Writers are served in the order they asked.
func TestWriterTurnIsFair(t *testing.T) {
	p := &pool{turn: newTurns(1), waitMax: time.Minute}
	ctx := context.Background()
	release, _ := p.take(ctx)
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := p.take(ctx)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			r()
		}()
		// let it queue before the next (a pause was not enough on a
		// loaded machine)
		waitFor(t, func() bool { return p.turn.waitingCount() == i+1 })
	}
	release()
	wg.Wait()
	for i, v := range order {
		if v != i {
			t.Fatalf("served in order %v, want 0..19", order)
		}
	}
	// a writer that waits too long is told the database is busy
	p.waitMax = 10 * time.Millisecond
	hold, _ := p.take(ctx)
	defer hold()
	if _, err := p.take(ctx); !errors.Is(err, ErrBusy) {
		t.Errorf("a write that waited too long: %v, want ErrBusy", err)
	}
}

// A full disk refuses writes with ErrFull and corrupts nothing: SQLite's
// max_page_count makes the database "full" exactly as a full disk does.
func TestFullDiskRefusesCleanly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	st, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := st.(*sqlStore)
	ctx := context.Background()
	if err := s.CreateSession(ctx, sample("kept")); err != nil {
		t.Fatal(err)
	}
	var pages int
	s.db.w.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.db.w.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+4)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 1500)
	var full error
	acked := 0
	for i := range 200 {
		x := sample(fmt.Sprint("s", i))
		x.Title = big
		if full = s.CreateSession(ctx, x); full != nil {
			break
		}
		acked++
	}
	if !errors.Is(full, ErrFull) {
		t.Fatalf("the write on a full disk: %v, want ErrFull", full)
	}
	var check string
	s.db.w.QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check = %s", check)
	}
	list, _ := s.Sessions(ctx, 500)
	if len(list) != acked+1 {
		t.Errorf("%d sessions kept, want the %d acknowledged", len(list), acked+1)
	}
	// room again: writes work again
	s.db.w.Exec("PRAGMA max_page_count = 1073741823")
	if err := s.CreateSession(ctx, sample("after")); err != nil {
		t.Errorf("after the disk has room again: %v", err)
	}
}

// The checkpointer keeps the WAL from growing without bound.
func TestWALCheckpointed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wal.db")
	st, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := st.(*sqlStore)
	s.walMax = 64 << 10
	ctx := context.Background()
	// a reader that holds its snapshot keeps any checkpoint from finishing
	tx, err := s.db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	tx.QueryRow("SELECT count(*) FROM sessions").Scan(&n)
	for i := range 300 {
		x := sample(fmt.Sprint("s", i))
		x.Title = strings.Repeat("t", 1000)
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if walSize(path) <= s.walMax {
		t.Fatalf("the WAL did not grow (%d bytes): the test proves nothing", walSize(path))
	}
	tx.Rollback()
	size, err := s.checkpoint(ctx)
	if err != nil || size > s.walMax {
		t.Errorf("after a checkpoint the WAL holds %d bytes (%v), want at most %d", size, err, s.walMax)
	}
}

// Backup makes a consistent copy that opens as a store; an existing file
// is not overwritten; PostgreSQL is pointed at pg_dump.
func TestBackup(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		s.CreateSession(ctx, sample("s1"))
		file := filepath.Join(t.TempDir(), "copy.db")
		err := Backup(ctx, s, file)
		if _, pg := s.(*sqlStore); pg && s.(*sqlStore).d.name == "postgres" {
			if err == nil || !strings.Contains(err.Error(), "pg_dump") {
				t.Errorf("backup of PostgreSQL: %v, want a pointer to pg_dump", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := Backup(ctx, s, file); err == nil {
			t.Error("backup overwrote an existing file")
		}
		c, err := Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Session(ctx, "s1"); err != nil {
			t.Errorf("the copy: %v", err)
		}
	})
}

// Servers starting together on an empty PostgreSQL database all start:
// the migration lock is taken before anything is created.
func TestPostgresConcurrentStartup(t *testing.T) {
	pg := os.Getenv("KNEAD_TEST_POSTGRES")
	if pg == "" {
		t.Skip("KNEAD_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	for trial := range 3 {
		schema := fmt.Sprintf("knead_start_%d_%d", time.Now().UnixNano(), trial)
		if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		sep := "?"
		if strings.Contains(pg, "?") {
			sep = "&"
		}
		dsn := pg + sep + "search_path=" + schema
		var wg sync.WaitGroup
		errs := make(chan error, 6)
		start := make(chan struct{})
		for range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				s, err := Open(ctx, dsn)
				if err == nil {
					s.Close()
				}
				errs <- err
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("trial %d: a server failed to start: %v", trial, err)
			}
		}
		admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE")
	}
}
