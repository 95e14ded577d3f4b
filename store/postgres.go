package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strconv"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// pgConns is the most connections one server opens: four for each
// processor Go may use, from 8 to 16. More statements in the database at
// once than it has processors for only share them out: each takes longer,
// while the waiting is better done in the pool's turns, which serve the
// oldest request first. (On 2 processors, a trial of bench/load gave a
// p99 of 378 and 383 ms with 8, against 413 to 464 ms with 16.)
// Two servers on one database stay far below PostgreSQL's default limit
// of 100 connections.
var pgConns = min(16, max(8, 4*runtime.GOMAXPROCS(0)))

func openPostgres(ctx context.Context, dsn string) (Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", Redact(dsn), err)
	}
	db.SetMaxOpenConns(pgConns)
	db.SetMaxIdleConns(pgConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	// PostgreSQL queues its writers itself; every statement waits for a
	// connection in turn, the oldest request first (see turns).
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
	// the planner's view of it through its function (migration 0010)
	history: `SELECT created_at, id, presses FROM knead_history($1, ` + strconv.Itoa(HistoryLimit) + `)`,
}
