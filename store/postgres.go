package store

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

func openPostgres(ctx context.Context, dsn string) (Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", Redact(dsn), err)
	}
	db.SetMaxOpenConns(10)
	s := &sqlStore{db: db, d: postgresDialect}
	if err := s.start(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", Redact(dsn), err)
	}
	return s, nil
}

var postgresDialect = dialect{
	name:   "postgres",
	rebind: func(q string) string { return q },
	// Two servers starting at once migrate one after the other.
	lock: "SELECT pg_advisory_xact_lock(7878001)",
}
