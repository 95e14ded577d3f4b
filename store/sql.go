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
	if _, err := s.Person(ctx, x.Person); err != nil {
		return fmt.Errorf("store: create session for %q: %w", x.Person, err)
	}
	err := s.db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sessions
		(id, created_at, title, request, plan, script, total, offset_s, move, running, progress_at, person)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			x.ID, ms(x.CreatedAt), x.Title, orEmpty(x.Request), orEmpty(x.Plan), orEmpty(x.Script), x.Total,
			x.Progress.Offset, x.Progress.Move, b2i(x.Progress.Running), ms(x.Progress.UpdatedAt), x.Person); err != nil {
			return err
		}
		if x.Choices != nil {
			return saveChoices(ctx, tx, x.Choices)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

func (s *sqlStore) Session(ctx context.Context, id string) (*Session, error) {
	if badText(id) != "" {
		return nil, ErrNotFound // no id that can be kept looks like it
	}
	x := &Session{ID: id}
	var created, progAt, finished int64
	var running int
	var req, plan, script string
	var skipped string
	err := s.db.QueryRowContext(ctx, (`SELECT created_at, title, request, plan, script, total,
		offset_s, move, running, progress_at, played_s, skipped, rating, note, finished_at, person FROM sessions WHERE id = $1`), id).
		Scan(&created, &x.Title, &req, &plan, &script, &x.Total,
			&x.Progress.Offset, &x.Progress.Move, &running, &progAt, &x.Progress.Played, &skipped, &x.Ending.Rating, &x.Ending.Note, &finished, &x.Person)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: read session: %w", err)
	}
	x.CreatedAt, x.Progress.UpdatedAt, x.Ending.FinishedAt = fromMS(created), fromMS(progAt), fromMS(finished)
	x.Progress.Running = running != 0
	x.Progress.Skipped = skippedList(skipped)
	x.Request, x.Plan, x.Script = json.RawMessage(req), json.RawMessage(plan), json.RawMessage(script)
	rows, err := s.db.QueryContext(ctx, (`SELECT key, kind, offset_s, move, technique, area, at
		FROM feedback WHERE session_id = $1 AND voided_at = 0 ORDER BY id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: read feedback: %w", err)
	}
	defer rows.Close()
	x.Feedback = []Feedback{}
	for rows.Next() {
		var f Feedback
		var at int64
		if err := rows.Scan(&f.Key, &f.Kind, &f.Offset, &f.Move, &f.Technique, &f.Area, &at); err != nil {
			return nil, fmt.Errorf("store: read feedback: %w", err)
		}
		f.At = fromMS(at)
		x.Feedback = append(x.Feedback, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read feedback: %w", err)
	}
	return x, nil
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

func (s *sqlStore) SaveProgress(ctx context.Context, id string, p Progress) error {
	if badText(id) != "" {
		return ErrNotFound
	}
	var skipped any // NULL keeps the list kept
	if p.Skipped != nil {
		b, _ := json.Marshal(p.Skipped)
		skipped = string(b)
	}
	res, err := s.exec(ctx, `UPDATE sessions SET offset_s = $1, move = $2, running = $3, progress_at = $4,
		played_s = CASE WHEN played_s > $5 THEN played_s ELSE $5 END, skipped = COALESCE($6, skipped) WHERE id = $7`,
		p.Offset, p.Move, b2i(p.Running), time.Now().UnixMilli(), p.Played, skipped, id)
	return changed(res, err, "save progress")
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
	var added bool
	err := s.db.inTx(ctx, func(tx *Tx) error {
		added = false
		var person string
		err := tx.QueryRowContext(ctx, `SELECT person FROM sessions WHERE id = $1`, id).Scan(&person)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO feedback (session_id, key, kind, offset_s, move, technique, area, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (session_id, key) DO NOTHING`,
			id, f.Key, f.Kind, f.Offset, f.Move, f.Technique, f.Area, ms(f.At))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return nil // sent before; already kept
		}
		added = true
		if f.Kind == Sore && f.Area != "" {
			if _, err := tx.ExecContext(ctx, `INSERT INTO sore_spots (person, area, technique, count, last_at) VALUES ($1, $2, $3, 1, $4)
			ON CONFLICT (person, area) DO UPDATE SET technique = excluded.technique, count = sore_spots.count + 1, last_at = excluded.last_at`,
				person, f.Area, f.Technique, ms(f.At)); err != nil {
				return fmt.Errorf("remember the sore spot: %w", err)
			}
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return false, ErrNotFound
	}
	if err != nil {
		return false, fmt.Errorf("store: add feedback: %w", err)
	}
	return added, nil
}

func (s *sqlStore) Finish(ctx context.Context, id string, e Ending) error {
	if e.Rating < 1 || e.Rating > 5 {
		return &InvalidError{Field: "rating", Reason: fmt.Sprintf("must be 1 to 5, got %d", e.Rating)}
	}
	if badText(id) != "" {
		return ErrNotFound
	}
	if err := CheckText("note", e.Note); err != nil {
		return err
	}
	if e.FinishedAt.IsZero() {
		e.FinishedAt = time.Now()
	}
	res, err := s.exec(ctx, `UPDATE sessions SET rating = $1, note = $2, finished_at = $3, running = 0 WHERE id = $4`,
		e.Rating, e.Note, ms(e.FinishedAt), id)
	return changed(res, err, "finish session")
}

// profile is the one set of choices kept; Knead has no accounts.
const profile = "default"

func (s *sqlStore) Choices(ctx context.Context) (json.RawMessage, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM choices WHERE profile = $1`, profile).Scan(&v)
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
