package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrationFiles embed.FS

// migration is one numbered SQL file.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations reads a dialect's folder: files named NNNN_what.sql, numbered
// from 1 without gaps.
func migrations(fsys fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and an underscore", e.Name())
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d next", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate brings the schema up to the newest embedded migration, each in a
// transaction of its own with its row in schema_migrations. A database at a
// version above the newest known was written by a newer Knead: it is left
// untouched and an error says so. Where the dialect has a lock (PostgreSQL),
// it is taken on one connection before anything is created and held to the
// end, so servers starting together on an empty database take turns.
func migrate(ctx context.Context, db *sql.DB, d dialect, fsys fs.FS) error {
	ms, err := migrations(fsys, "migrations/"+d.name)
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return Classify(err)
	}
	defer conn.Close()
	if d.lock != "" {
		if _, err := conn.ExecContext(ctx, d.lock); err != nil {
			return fmt.Errorf("take the migration lock: %w", Classify(err))
		}
		// A session lock outlives a failed transaction; give it back on
		// every path (closing the connection would too).
		defer conn.ExecContext(context.WithoutCancel(ctx), d.unlock)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", Classify(err))
	}
	at, err := version(ctx, conn)
	if err != nil {
		return err
	}
	if at > len(ms) {
		return fmt.Errorf("the database is at schema version %d, newer than this Knead knows (%d); refusing to run backwards: use a newer knead", at, len(ms))
	}
	for _, m := range ms[at:] {
		if err := apply(ctx, conn, d, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, Classify(err))
		}
	}
	return nil
}

func version(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read the schema version: %w", Classify(err))
	}
	return int(v.Int64), nil
}

func apply(ctx context.Context, conn *sql.Conn, d dialect, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have applied it meanwhile (SQLite has no lock
	// across processes before this transaction).
	at, err := version(ctx, tx)
	if err != nil {
		return err
	}
	if at >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, d.rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`),
		m.version, m.name, time.Now().UnixMilli()); err != nil {
		return err
	}
	return tx.Commit()
}
