package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// dialect is what differs between the databases behind sqlStore.
type dialect struct {
	name   string              // folder of its migrations
	rebind func(string) string // turns $1-style parameters into the driver's
	// lock and unlock, if set, are statements that serialise migrations
	// between processes; lock runs before anything else is created.
	lock, unlock string
	// past, if set, is the dialect's own form of pastQuery, with the same
	// parameters and columns.
	past string
	// history, if set, is the dialect's own form of historyQuery.
	history string
}

// sqlStore is the database/sql implementation; its SQL is written once, in
// the part of the language SQLite and PostgreSQL share. Every statement
// goes through s.db (see pool): reads in parallel, writes in turn, errors
// classified.
type sqlStore struct {
	db *pool
	d  dialect
	// stop ends the background work (the WAL checkpointer), if any.
	stop   func()
	path   string // the SQLite file; "" on PostgreSQL
	walMax int64  // the WAL's size past which it is truncated
}

func (s *sqlStore) start(ctx context.Context) error {
	if err := s.db.w.PingContext(ctx); err != nil {
		return Classify(err)
	}
	return migrate(ctx, s.db.w, s.d, migrationFiles)
}

func (s *sqlStore) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return s.db.ExecContext(ctx, q, args...)
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func orEmpty(j json.RawMessage) string {
	if len(j) == 0 {
		return "null"
	}
	return string(j)
}

func (s *sqlStore) CreateSession(ctx context.Context, x *Session) error {
	if x.ID == "" {
		return errors.New("store: a session needs an id")
	}
	if x.CreatedAt.IsZero() {
		x.CreatedAt = time.Now().UTC()
	}
	if err := CheckText("id", x.ID); err != nil {
		return err
	}
	if err := CheckText("title", x.Title); err != nil {
		return err
	}
	if x.Choices != nil && !json.Valid(x.Choices) {
		return &InvalidError{Field: "choices", Reason: "must be JSON"}
	}
	x.Progress.UpdatedAt = x.CreatedAt
	if x.Person == "" {
		x.Person = Me
	}
	// One statement, one row: the session, with the choices that made it
	// (see Choices), for a person who is kept.
	res, err := s.exec(ctx, insertSession+` FROM people WHERE id = $12`, sessionArgs(x, nil)...)
	if err := changed(res, err, "create session"); errors.Is(err, ErrNotFound) {
		return fmt.Errorf("store: create session for %q: %w", x.Person, ErrNotFound)
	} else if err != nil {
		return err
	}
	return nil
}

// insertSession inserts a session from its sessionArgs; the caller adds
// FROM and WHERE. The parameters are cast so that PostgreSQL knows their
// types in a SELECT; the casts change nothing on SQLite.
const insertSession = `INSERT INTO sessions
	(id, created_at, title, request, plan, script, total, offset_s, move, running, progress_at, person, choices, choices_at, create_key)
	SELECT CAST($1 AS TEXT), CAST($2 AS BIGINT), CAST($3 AS TEXT), CAST($4 AS TEXT), CAST($5 AS TEXT), CAST($6 AS TEXT),
	CAST($7 AS DOUBLE PRECISION), CAST($8 AS DOUBLE PRECISION), CAST($9 AS INTEGER), CAST($10 AS INTEGER), CAST($11 AS BIGINT),
	CAST($12 AS TEXT), CAST($13 AS TEXT), CAST($14 AS BIGINT), CAST($15 AS TEXT)`

// sessionArgs are the parameters of insertSession; key is the create key,
// or nil for none.
func sessionArgs(x *Session, key any) []any {
	var choices any // NULL: none
	var choicesAt int64
	if x.Choices != nil {
		choices, choicesAt = string(x.Choices), time.Now().UnixMilli()
	}
	return []any{x.ID, ms(x.CreatedAt), x.Title, orEmpty(x.Request), orEmpty(x.Plan), orEmpty(x.Script), x.Total,
		x.Progress.Offset, x.Progress.Move, b2i(x.Progress.Running), ms(x.Progress.UpdatedAt), x.Person,
		choices, choicesAt, key}
}

// sessionColumns are what a *Session is read from (see scanSession).
const sessionColumns = `created_at, title, request, plan, script, total,
	offset_s, move, running, progress_at, played_s, skipped, rating, note, finished_at, person`

// scanSession reads sessionColumns into a session with x.ID set.
func scanSession(row *Row, x *Session) error {
	var created, progAt, finished int64
	var running int
	var req, plan, script string
	var skipped string
	if err := row.Scan(&created, &x.Title, &req, &plan, &script, &x.Total,
		&x.Progress.Offset, &x.Progress.Move, &running, &progAt, &x.Progress.Played, &skipped, &x.Ending.Rating, &x.Ending.Note, &finished, &x.Person); err != nil {
		return err
	}
	x.CreatedAt, x.Progress.UpdatedAt, x.Ending.FinishedAt = fromMS(created), fromMS(progAt), fromMS(finished)
	x.Progress.Running = running != 0
	x.Progress.Skipped = skippedList(skipped)
	x.Request, x.Plan, x.Script = json.RawMessage(req), json.RawMessage(plan), json.RawMessage(script)
	return nil
}

func (s *sqlStore) Session(ctx context.Context, id string) (*Session, error) {
	if badText(id) != "" {
		return nil, ErrNotFound // no id that can be kept looks like it
	}
	x := &Session{ID: id}
	err := scanSession(s.db.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE id = $1`, id), x)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: read session: %w", err)
	}
	if err := s.readFeedback(ctx, x); err != nil {
		return nil, err
	}
	return x, nil
}

// readFeedback reads the presses of session x that were not taken back,
// in the order they came.
func (s *sqlStore) readFeedback(ctx context.Context, x *Session) error {
	rows, err := s.db.QueryContext(ctx, (`SELECT key, kind, offset_s, move, technique, area, at
		FROM feedback WHERE session_id = $1 AND voided_at = 0 ORDER BY id`), x.ID)
	if err != nil {
		return fmt.Errorf("store: read feedback: %w", err)
	}
	defer rows.Close()
	x.Feedback = []Feedback{}
	for rows.Next() {
		var f Feedback
		var at int64
		if err := rows.Scan(&f.Key, &f.Kind, &f.Offset, &f.Move, &f.Technique, &f.Area, &at); err != nil {
			return fmt.Errorf("store: read feedback: %w", err)
		}
		f.At = fromMS(at)
		x.Feedback = append(x.Feedback, f)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: read feedback: %w", err)
	}
	return nil
}

func (s *sqlStore) Sessions(ctx context.Context, limit int) ([]Summary, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, (`SELECT id, title, created_at, total, offset_s, move, played_s, skipped, rating, note, finished_at, person
		FROM sessions ORDER BY created_at DESC, id LIMIT $1`), limit)
	if err != nil {
		return nil, fmt.Errorf("store: list sessions: %w", err)
	}
	defer rows.Close()
	out := []Summary{}
	for rows.Next() {
		var x Summary
		var created, finished int64
		var skipped string
		if err := rows.Scan(&x.ID, &x.Title, &created, &x.Total, &x.Offset, &x.Progress.Move, &x.Progress.Played, &skipped,
			&x.Ending.Rating, &x.Ending.Note, &finished, &x.Person); err != nil {
			return nil, fmt.Errorf("store: list sessions: %w", err)
		}
		x.Progress.Offset, x.Progress.Skipped = x.Offset, skippedList(skipped)
		x.CreatedAt, x.Ending.FinishedAt = fromMS(created), fromMS(finished)
		out = append(out, x)
	}
	return out, rows.Err()
}

// changed turns "no row was touched" into ErrNotFound.
func changed(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *sqlStore) SaveProgress(ctx context.Context, id string, p Progress) (Progress, error) {
	if badText(id) != "" {
		return Progress{}, ErrNotFound
	}
	var skipped any // NULL keeps the list kept
	if p.Skipped != nil {
		b, _ := json.Marshal(p.Skipped)
		skipped = string(b)
	}
	// one round trip: the place, and what is kept of it back
	kept := Progress{Offset: p.Offset, Move: p.Move}
	var running int
	var at int64
	var list string
	for try := 0; ; try++ {
		err := s.db.QueryRowContext(ctx, `UPDATE sessions SET offset_s = $1, move = $2,
			running = CASE WHEN finished_at = 0 THEN $3 ELSE 0 END, progress_at = $4,
			played_s = CASE WHEN played_s > $5 THEN played_s ELSE $5 END, skipped = COALESCE($6, skipped) WHERE id = $7
			RETURNING running, progress_at, played_s, skipped`,
			p.Offset, p.Move, b2i(p.Running), time.Now().UnixMilli(), p.Played, skipped, id).Scan(&running, &at, &kept.Played, &list)
		if errors.Is(err, sql.ErrNoRows) {
			return Progress{}, ErrNotFound
		}
		if err == nil {
			break
		}
		if !again(ctx, err, try) {
			return Progress{}, fmt.Errorf("store: save progress: %w", err)
		}
	}
	kept.Running, kept.UpdatedAt, kept.Skipped = running != 0, fromMS(at), skippedList(list)
	return kept, nil
}

func (s *sqlStore) Script(ctx context.Context, id string) (json.RawMessage, time.Time, error) {
	if badText(id) != "" {
		return nil, time.Time{}, ErrNotFound
	}
	var script string
	var created int64
	err := s.db.QueryRowContext(ctx, `SELECT script, created_at FROM sessions WHERE id = $1`, id).Scan(&script, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, ErrNotFound
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("store: read script: %w", err)
	}
	return json.RawMessage(script), fromMS(created), nil
}

func (s *sqlStore) AddFeedback(ctx context.Context, id string, f Feedback) (bool, error) {
	if f.At.IsZero() {
		f.At = time.Now()
	}
	if badText(id) != "" {
		return false, ErrNotFound
	}
	for _, t := range [][2]string{{"key", f.Key}, {"kind", f.Kind}, {"technique", f.Technique}, {"area", f.Area}} {
		if err := CheckText(t[0], t[1]); err != nil {
			return false, err
		}
	}
	// The press is kept only for a session that is there, and only once;
	// a sore press also counts among the person's sore spots, in the same
	// transaction. Any other press is one statement.
	const insert = `INSERT INTO feedback (session_id, key, kind, offset_s, move, technique, area, at)
		SELECT id, CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS DOUBLE PRECISION), CAST($5 AS INTEGER),
		CAST($6 AS TEXT), CAST($7 AS TEXT), CAST($8 AS BIGINT) FROM sessions WHERE id = $1
		ON CONFLICT (session_id, key) DO NOTHING`
	args := []any{id, f.Key, f.Kind, f.Offset, f.Move, f.Technique, f.Area, ms(f.At)}
	var n int64
	var err error
	if f.Kind == Sore && f.Area != "" {
		err = s.db.inTx(ctx, func(tx *Tx) error {
			res, err := tx.ExecContext(ctx, insert, args...)
			if err == nil {
				n, err = res.RowsAffected()
			}
			if err != nil || n == 0 {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO sore_spots (person, area, technique, count, last_at)
				SELECT person, CAST($2 AS TEXT), CAST($3 AS TEXT), 1, CAST($4 AS BIGINT) FROM sessions WHERE id = $1
				ON CONFLICT (person, area) DO UPDATE SET technique = excluded.technique, count = sore_spots.count + 1, last_at = excluded.last_at`,
				id, f.Area, f.Technique, ms(f.At)); err != nil {
				return fmt.Errorf("remember the sore spot: %w", err)
			}
			return nil
		})
	} else {
		var res sql.Result
		if res, err = s.exec(ctx, insert, args...); err == nil {
			n, err = res.RowsAffected()
		}
	}
	if err != nil {
		return false, fmt.Errorf("store: add feedback: %w", err)
	}
	if n > 0 {
		return true, nil
	}
	// nothing kept: sent before, or no such session
	var one int
	err = s.db.QueryRowContext(ctx, `SELECT 1 FROM sessions WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrNotFound
	}
	if err != nil {
		return false, fmt.Errorf("store: add feedback: %w", err)
	}
	return false, nil
}

func (s *sqlStore) Finish(ctx context.Context, id string, e Ending) error {
	if err := checkEnding(id, &e); err != nil {
		return err
	}
	res, err := s.exec(ctx, `UPDATE sessions SET rating = $1, note = $2, finished_at = $3, running = 0 WHERE id = $4`,
		e.Rating, e.Note, ms(e.FinishedAt), id)
	return changed(res, err, "finish session")
}

// profile is the one set of choices kept; Knead has no accounts.
const profile = "default"

// Choices are the newer of those SaveChoices kept and those the newest
// session was made with (on the same moment, the session's).
func (s *sqlStore) Choices(ctx context.Context) (json.RawMessage, error) {
	var v string
	var at, src int64
	err := s.db.QueryRowContext(ctx, `SELECT value, at, src FROM (
		SELECT value, updated_at AS at, 0 AS src FROM choices WHERE profile = $1
		UNION ALL
		SELECT choices, choices_at, 1 FROM (SELECT choices, choices_at FROM sessions
			WHERE choices IS NOT NULL ORDER BY choices_at DESC LIMIT 1) z) y
		ORDER BY at DESC, src DESC LIMIT 1`, profile).Scan(&v, &at, &src)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: read choices: %w", err)
	}
	return json.RawMessage(v), nil
}

func (s *sqlStore) SaveChoices(ctx context.Context, c json.RawMessage) error {
	if !json.Valid(c) {
		return &InvalidError{Field: "choices", Reason: "must be JSON"}
	}
	if err := s.db.inTx(ctx, func(tx *Tx) error { return saveChoices(ctx, tx, c) }); err != nil {
		return fmt.Errorf("store: save choices: %w", err)
	}
	return nil
}

func saveChoices(ctx context.Context, tx *Tx, c json.RawMessage) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO choices (profile, value, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (profile) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		profile, string(c), time.Now().UnixMilli())
	return err
}

func (s *sqlStore) SoreSpots(ctx context.Context) ([]SoreSpot, error) {
	return s.SoreSpotsOf(ctx, Me)
}

func (s *sqlStore) SoreSpotsOf(ctx context.Context, person string) ([]SoreSpot, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT area, technique, count, last_at FROM sore_spots
		WHERE person = $1 ORDER BY count DESC, last_at DESC, area`), person)
	if err != nil {
		return nil, fmt.Errorf("store: read sore spots: %w", err)
	}
	defer rows.Close()
	out := []SoreSpot{}
	for rows.Next() {
		var x SoreSpot
		var last int64
		if err := rows.Scan(&x.Area, &x.Technique, &x.Count, &last); err != nil {
			return nil, fmt.Errorf("store: read sore spots: %w", err)
		}
		x.Last = fromMS(last)
		out = append(out, x)
	}
	return out, rows.Err()
}

func (s *sqlStore) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *sqlStore) Close() error {
	if s.stop != nil {
		s.stop()
	}
	return s.db.Close()
}
