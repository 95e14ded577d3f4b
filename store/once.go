package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// skippedList reads the kept list of skipped moves; anything unreadable is
// no list.
func skippedList(s string) []int {
	out := []int{}
	if err := json.Unmarshal([]byte(s), &out); err != nil || out == nil {
		return []int{}
	}
	return out
}

func (s *sqlStore) CreateSessionOnce(ctx context.Context, key string, x *Session) (*Session, bool, error) {
	if key == "" {
		return x, true, s.CreateSession(ctx, x)
	}
	if x.ID == "" {
		return nil, false, errors.New("store: a session needs an id")
	}
	if x.CreatedAt.IsZero() {
		x.CreatedAt = time.Now().UTC()
	}
	for _, t := range [][2]string{{"id", x.ID}, {"title", x.Title}, {"key", key}} {
		if err := CheckText(t[0], t[1]); err != nil {
			return nil, false, err
		}
	}
	if x.Choices != nil && !json.Valid(x.Choices) {
		return nil, false, &InvalidError{Field: "choices", Reason: "must be JSON"}
	}
	x.Progress.UpdatedAt = x.CreatedAt
	if x.Person == "" {
		x.Person = Me
	}
	// One statement: the session with its choices, unless a session was
	// made with this key before, or nobody has this person's id.
	res, err := s.exec(ctx, insertSession+` FROM people WHERE id = $12 ON CONFLICT (create_key) DO NOTHING`, sessionArgs(x, key)...)
	if err := changed(res, err, "create session"); err == nil {
		return x, true, nil
	} else if !errors.Is(err, ErrNotFound) {
		return nil, false, err
	}
	var id string
	err = s.db.QueryRowContext(ctx, `SELECT id FROM sessions WHERE create_key = $1`, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, fmt.Errorf("store: create session for %q: %w", x.Person, ErrNotFound)
	}
	if err != nil {
		return nil, false, fmt.Errorf("store: find the session made with key %q: %w", key, err)
	}
	got, err := s.Session(ctx, id)
	return got, false, err
}

func (s *sqlStore) VoidFeedback(ctx context.Context, id, key string) (bool, error) {
	if badText(id) != "" || badText(key) != "" {
		return false, ErrNotFound
	}
	voided := false
	err := s.db.inTx(ctx, func(tx *Tx) error {
		voided = false
		var kind, area, person string
		var at int64
		err := tx.QueryRowContext(ctx, `SELECT f.kind, f.area, f.voided_at, s.person FROM feedback f JOIN sessions s ON s.id = f.session_id
			WHERE f.session_id = $1 AND f.key = $2`, id, key).Scan(&kind, &area, &at, &person)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil || at != 0 {
			return err // or taken back before
		}
		if _, err := tx.ExecContext(ctx, `UPDATE feedback SET voided_at = $1 WHERE session_id = $2 AND key = $3`,
			time.Now().UnixMilli(), id, key); err != nil {
			return err
		}
		voided = true
		if kind == Sore && area != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE sore_spots SET count = count - 1 WHERE person = $1 AND area = $2`, person, area); err != nil {
				return fmt.Errorf("forget the sore spot: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM sore_spots WHERE person = $1 AND area = $2 AND count <= 0`, person, area); err != nil {
				return fmt.Errorf("forget the sore spot: %w", err)
			}
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return false, ErrNotFound
	}
	if err != nil {
		return false, fmt.Errorf("store: void feedback: %w", err)
	}
	return voided, nil
}
