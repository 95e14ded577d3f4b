package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

func openSQLiteForTest(t *testing.T) *sqlStore {
	t.Helper()
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "knead.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st.(*sqlStore)
}

// The writes waiting for SQLite's writer are committed together, in one
// transaction, and a write that fails inside it does not fail its
// neighbours: it is answered its own error and leaves nothing behind,
// while every other write of the transaction is kept and answered nil.
func TestGroupCommitFailingWriteSparesNeighbours(t *testing.T) {
	s := openSQLiteForTest(t)
	ctx := context.Background()
	g := s.db.group
	// hold the writer, so that the writes queue up behind it
	hold, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	// a first write is taken by the writer goroutine, which then waits
	// for the turn; the others queue behind it
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := s.AddPerson(ctx, "First"); err != nil {
			t.Error(err)
		}
	}()
	waitFor(t, func() bool { return g.queued() == 0 && s.db.turn.waitingCount() == 1 })
	const n = 20
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch i {
			case 7: // a plain statement the database refuses: "me" is there
				_, errs[i] = s.db.ExecContext(ctx, `INSERT INTO people (id, name, created_at) VALUES ('me', 'Again', 1)`)
			case 13: // a transaction of two statements whose second fails
				errs[i] = s.db.inTx(ctx, func(tx *Tx) error {
					if _, err := tx.ExecContext(ctx, `INSERT INTO people (id, name, created_at) VALUES ('half', 'Half', 1)`); err != nil {
						return err
					}
					_, err := tx.ExecContext(ctx, `INSERT INTO people (id, name, created_at) VALUES ('me', 'Again', 1)`)
					return err
				})
			default:
				_, errs[i] = s.AddPerson(ctx, fmt.Sprintf("Person %d", i))
			}
		}()
	}
	waitFor(t, func() bool { return g.queued() == n })
	before := g.transactions.Load()
	if err := hold.Rollback(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	// the first alone, the twenty together
	if got := g.transactions.Load() - before; got != 2 {
		t.Errorf("%d transactions for 21 writes, want 2 (the first, then the twenty together)", got)
	}
	for i, err := range errs {
		switch i {
		case 7, 13:
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("write %d: got %v, want the database's refusal (ErrInvalid)", i, err)
			}
		default:
			if err != nil {
				t.Errorf("write %d failed beside a failing neighbour: %v", i, err)
			}
		}
	}
	people, err := s.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, p := range people {
		names[p.Name] = true
	}
	for i := range n {
		if want := fmt.Sprintf("Person %d", i); i != 7 && i != 13 && !names[want] {
			t.Errorf("%s was answered nil but is not kept", want)
		}
	}
	if names["Half"] || names["Again"] {
		t.Errorf("a failed write left something behind: %v", names)
	}
	if !names["Me"] || !names["First"] {
		t.Errorf("Me or First is missing: %v", names)
	}
}

// A write whose caller gives up before the writer takes it leaves the
// queue and is never run.
func TestGroupCallerGivesUp(t *testing.T) {
	s := openSQLiteForTest(t)
	g := s.db.group
	hold, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.AddPerson(context.Background(), "First")
	}()
	waitFor(t, func() bool { return g.queued() == 0 && s.db.turn.waitingCount() == 1 })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { _, err := s.AddPerson(ctx, "Gave Up"); done <- err }()
	waitFor(t, func() bool { return g.queued() == 1 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if g.queued() != 0 {
		t.Errorf("%d writes still queued after the caller gave up", g.queued())
	}
	hold.Rollback()
	wg.Wait()
	people, err := s.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == "Gave Up" {
			t.Error("a write given up on was kept")
		}
	}
}
