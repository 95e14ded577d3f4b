package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// checkpointer keeps SQLite's WAL file from growing without bound: every
// interval it copies the WAL back into the database (a passive checkpoint
// that waits for nobody) and, when the WAL has grown past walLimit anyway
// (readers that never let go), takes the writer's turn and truncates it.
// The returned func stops it.
func (s *sqlStore) checkpointer(every time.Duration) func() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				s.checkpoint(ctx)
			}
		}
	}()
	return func() { cancel(); <-done }
}

// checkpoint runs one round of the checkpointer and gives the WAL's size
// after it.
func (s *sqlStore) checkpoint(ctx context.Context) (int64, error) {
	if s.path == "" {
		return 0, nil
	}
	if _, err := s.db.w.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		return 0, Classify(err)
	}
	size := walSize(s.path)
	if size <= s.walMax {
		return size, nil
	}
	release, err := s.db.take(ctx)
	if err != nil {
		return size, Classify(err)
	}
	defer release()
	if _, err := s.db.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return size, Classify(err)
	}
	return walSize(s.path), nil
}

func walSize(path string) int64 {
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		return 0
	}
	return fi.Size()
}

// Backup writes a consistent copy of a running SQLite store to file, which
// must not exist yet; the copy is a complete database, opened as any other
// (knead serve --db FILE). PostgreSQL is copied with its own tools.
func Backup(ctx context.Context, st Store, file string) error {
	s, ok := st.(*sqlStore)
	if !ok || s.d.name != "sqlite" {
		return errors.New("store: backup copies a SQLite store; for PostgreSQL use pg_dump (pg_dump -Fc -f knead.dump URL, restored with pg_restore -d URL knead.dump)")
	}
	if strings.ContainsRune(file, 0) {
		return &InvalidError{Field: "file", Reason: "holds a NUL byte"}
	}
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("store: %s already exists; backup writes a new file", file)
	}
	// VACUUM INTO reads one snapshot, so writers carry on meanwhile; it
	// runs on a connection of its own (the readers may not write at all).
	db, err := sql.Open("sqlite", s.path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("store: back up to %s: %w", file, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", file); err != nil {
		return fmt.Errorf("store: back up to %s: %w", file, Classify(err))
	}
	return nil
}
