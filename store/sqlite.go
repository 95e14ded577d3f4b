package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// sqliteDSN sets the pragmas explicitly: busy_timeout first, so that even
// switching to WAL waits for a lock instead of failing, then WAL, then
// foreign keys. Write transactions take the lock at BEGIN (immediate), so
// two writers never deadlock upgrading a read lock.
func sqliteDSN(path string) string {
	return path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_txlock=immediate"
}

func openSQLite(ctx context.Context, path string) (Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("store: SQLite path %q may not hold '?' or '#'", path)
	}
	// a path the person gave must be in a folder that is there: a typo in
	// --db should not quietly make folders (Open makes the default one)
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("store: the folder %s for the database %s does not exist: create it, or check the path", filepath.Dir(path), path)
	}
	db, err := sql.Open("sqlite", sqliteDSN(path))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &sqlStore{db: db, d: sqliteDialect}
	if err := s.start(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	return s, nil
}

var sqliteDialect = dialect{
	name: "sqlite",
	// SQLite numbers parameters ?1, ?2, … the way PostgreSQL numbers $1, $2.
	rebind: func(q string) string { return strings.ReplaceAll(q, "$", "?") },
}
