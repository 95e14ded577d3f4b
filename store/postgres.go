package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// pgConns is the most connections one server opens; two servers on one
// database stay far below PostgreSQL's default limit of 100.
const pgConns = 16

func openPostgres(ctx context.Context, dsn string) (Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", Redact(dsn), err)
	}
	db.SetMaxOpenConns(pgConns)
	db.SetMaxIdleConns(pgConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	// PostgreSQL queues its writers itself; every statement waits for a
	// connection in turn, first come first served.
	s := &sqlStore{db: &pool{r: db, w: db, turn: newTurns(pgConns), all: true,
		rebind: postgresDialect.rebind, waitMax: 30 * time.Second}, d: postgresDialect}
	if err := s.start(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", Redact(dsn), err)
	}
	return s, nil
}

// migrationLock is the advisory lock's key: "KNEA" in ASCII.
const migrationLock = 0x4b4e4541

var postgresDialect = dialect{
	name:   "postgres",
	rebind: func(q string) string { return q },
	// Servers starting at once migrate one after the other: the lock is
	// taken before anything, schema_migrations included, is created.
	lock:   fmt.Sprintf("SELECT pg_advisory_lock(%d)", migrationLock),
	unlock: fmt.Sprintf("SELECT pg_advisory_unlock(%d)", migrationLock),
	// a person's history through its function (migration 0009), whose
	// plan does not depend on how fresh the statistics are
	past: `SELECT name, id, created_at, title, rating, note, finished_at,
		key, kind, offset_s, move, technique, area, at, aside FROM knead_past($1, $2)`,
}
