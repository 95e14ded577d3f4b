package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// FinishSession records the end of session id as Finish does and gives the
// session as it is then kept, with its presses: what the player shows
// after the rating. On SQLite and PostgreSQL that is two statements (the
// update gives the row back, then the presses) instead of Finish and
// Session's three, each of which waited its turn for the database.
func FinishSession(ctx context.Context, st Store, id string, e Ending) (*Session, error) {
	if s, ok := st.(*sqlStore); ok {
		return s.finishSession(ctx, id, e)
	}
	if err := st.Finish(ctx, id, e); err != nil {
		return nil, err
	}
	return st.Session(ctx, id)
}

// checkEnding refuses what Finish cannot keep and sets the moment.
func checkEnding(id string, e *Ending) error {
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
	return nil
}

func (s *sqlStore) finishSession(ctx context.Context, id string, e Ending) (*Session, error) {
	if err := checkEnding(id, &e); err != nil {
		return nil, err
	}
	x := &Session{ID: id}
	for try := 0; ; try++ {
		err := scanSession(s.db.QueryRowContext(ctx, `UPDATE sessions SET rating = $1, note = $2, finished_at = $3, running = 0
			WHERE id = $4 RETURNING `+sessionColumns, e.Rating, e.Note, ms(e.FinishedAt), id), x)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		if err == nil {
			break
		}
		if !again(ctx, err, try) {
			return nil, fmt.Errorf("store: finish session: %w", err)
		}
	}
	if err := s.readFeedback(ctx, x); err != nil {
		return nil, err
	}
	return x, nil
}
