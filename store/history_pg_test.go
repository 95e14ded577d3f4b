package store

import (
	"context"
	"database/sql"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPostgresHistoryReadsOnlyItsRows: a person's history on PostgreSQL
// reads their latest sessions along the index and each one's presses by
// theirs, however many sessions and presses are kept and however stale the
// statistics (a schema just filled, never analysed, as in every busy new
// database). The query it replaced read every session of the person and
// scanned every press, on each plan and each start. It also gives exactly
// the rows the shared query gives.
func TestPostgresHistoryReadsOnlyItsRows(t *testing.T) {
	var pg *backend
	for _, b := range backends(t) {
		if b.name == "postgres" {
			pg = &b
		}
	}
	if pg == nil {
		t.Skip("PostgreSQL: KNEAD_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	s, dsn := pg.open(t)
	if _, err := s.AddPerson(ctx, "Sam"); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// 1,500 sessions of mine and 20 of Sam's among them, one press each
	// and a voided one on every tenth
	const mine, sams = 1500, 20
	if _, err := db.ExecContext(ctx, `INSERT INTO sessions (id, created_at, title, request, plan, script, total, progress_at, person)
		SELECT 's' || i, 1000 + i, 'Session ' || i, '{}', '{}', '{}', 600, 1000 + i, CASE WHEN i % 75 = 0 THEN 'sam' ELSE 'me' END
		FROM generate_series(1, $1) i`, mine+sams); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO feedback (session_id, key, kind, offset_s, move, technique, area, at, voided_at)
		SELECT 's' || i, 'k' || i, CASE WHEN i % 2 = 0 THEN 'sore' ELSE 'lighter' END, 30, 1, 'effleurage', 'upper-back', 1000 + i,
		CASE WHEN i % 10 = 0 THEN 2000 + i ELSE 0 END
		FROM generate_series(1, $1) i`, mine+sams); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO person_marks (person, kind, subject, at) VALUES ('me', 'forget-sore', 'upper-back', 1400)`); err != nil {
		t.Fatal(err)
	}
	// stats gives the rows read so far from sessions and from feedback,
	// by index and by scan, as counted in this backend (not yet reported:
	// it counts earlier transactions too, so take a difference)
	stats := func(tx *sql.Tx) map[string]int64 {
		t.Helper()
		st, err := tx.QueryContext(ctx, `SELECT relname, COALESCE(idx_tup_fetch, 0) + seq_tup_read FROM pg_stat_xact_user_tables
			WHERE relname IN ('sessions', 'feedback')`)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		n := map[string]int64{}
		for st.Next() {
			var name string
			var v int64
			if err := st.Scan(&name, &v); err != nil {
				t.Fatal(err)
			}
			n[name] = v
		}
		return n
	}
	read := func(q, who string, limit int) (out [][]any, rowsRead map[string]int64) {
		t.Helper()
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		before := stats(tx)
		rows, err := tx.QueryContext(ctx, q, who, limit)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			v := make([]any, len(cols))
			p := make([]any, len(cols))
			for i := range v {
				p[i] = &v[i]
			}
			if err := rows.Scan(p...); err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rowsRead = stats(tx)
		for k, v := range before {
			rowsRead[k] -= v
		}
		return out, rowsRead
	}
	for _, c := range []struct {
		who   string
		limit int
		want  int // sessions given
	}{{"me", HistoryLimit, HistoryLimit}, {"sam", HistoryLimit, sams}, {"me", 10, 10}} {
		got, n := read(postgresDialect.past, c.who, c.limit)
		want, _ := read(pastQuery, c.who, c.limit)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s, %d: the function's rows differ from the shared query's (-shared +function):\n%s", c.who, c.limit, diff)
		}
		if len(got) != c.want {
			t.Errorf("%s, %d: %d rows, want %d (a press each, a session without one gives a row too)", c.who, c.limit, len(got), c.want)
		}
		// a row for each session read and each press; a little room
		// for the index's own bookkeeping
		if n["sessions"] > int64(c.want)+5 {
			t.Errorf("%s, %d: %d session rows read for %d given: the history reads more than the person's latest sessions", c.who, c.limit, n["sessions"], c.want)
		}
		if n["feedback"] > int64(c.want)+5 {
			t.Errorf("%s, %d: %d press rows read for %d sessions: the history reads presses of other sessions", c.who, c.limit, n["feedback"], c.want)
		}
	}
}
