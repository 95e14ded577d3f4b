package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// sqliteDSN sets the pragmas explicitly: busy_timeout first, so that even
// switching to WAL waits for a lock instead of failing, then WAL, then
// foreign keys, and a cap on the size the WAL file is cut back to after a
// checkpoint. The writer's transactions take the lock at BEGIN
// (immediate), so a writer never fails upgrading a read lock; readers are
// query_only, so nothing writes behind the writer's back.
func sqliteDSN(path string) string {
	return sqlitePragmas(path) + "&_txlock=immediate"
}

// sqliteReaderDSN is the readers' DSN: the same pragmas, and query_only.
func sqliteReaderDSN(path string) string {
	return sqlitePragmas(path) + "&_pragma=query_only(1)"
}

func sqlitePragmas(path string) string {
	return path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
		"&_pragma=journal_size_limit(" + fmt.Sprint(walLimit) + ")"
}

// walLimit is the size the WAL file is truncated back to after a
// checkpoint; walEvery is how often the checkpointer looks at it.
const (
	walLimit = 32 << 20
	walEvery = 30 * time.Second
)

func openSQLite(ctx context.Context, path string) (Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: SQLite path %q may not hold '?' or '#'", path)
	}
	// a path the person gave must be in a folder that is there: a typo in
	// --db should not quietly make folders (Open makes the default one)
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("store: the folder %s for the database %s does not exist: create it, or check the path", filepath.Dir(path), path)
	}
	// One writer connection, taken in turn, whose writes are committed
	// together (see group); readers in parallel beside it.
	w, err := sql.Open("sqlite", sqliteDSN(path))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	s := &sqlStore{d: sqliteDialect, path: path, walMax: walLimit}
	s.db = &pool{r: w, w: w, turn: newTurns(1), rebind: sqliteDialect.rebind, waitMax: 30 * time.Second}
	if err := s.start(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	// The readers open once the file is in WAL mode with its schema.
	r, err := sql.Open("sqlite", sqliteReaderDSN(path))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	n := max(4, 2*runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s.db.r = r
	s.db.rturn = newTurns(n)
	s.db.group = newGroup(s.db)
	s.stop = s.checkpointer(walEvery)
	return s, nil
}

var sqliteDialect = dialect{
	name: "sqlite",
	// SQLite numbers parameters ?1, ?2, … the way PostgreSQL numbers $1, $2.
	rebind: func(q string) string { return strings.ReplaceAll(q, "$", "?") },
}
