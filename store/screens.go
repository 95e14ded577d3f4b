package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/knead/knead/plan"
)

// Screens keeps each person's answers to the safety screen with the date
// they were given, so the screen can offer them again and ask anew once
// they are old (massage.ScreenDays) or the person says something changed.
type Screens interface {
	// ScreenOf gives a person's last answers, or ErrNotFound.
	ScreenOf(ctx context.Context, person string) (*Answers, error)
	// SaveScreen keeps a person's answers, replacing the last ones.
	SaveScreen(ctx context.Context, person string, s plan.Screen, at time.Time) error
}

// Answers are a person's kept screen answers.
type Answers struct {
	Person     string
	Screen     plan.Screen
	AnsweredAt time.Time
}

// Stale reports whether the answers are older than days at now.
func (a *Answers) Stale(now time.Time, days int) bool {
	return now.Sub(a.AnsweredAt) > time.Duration(days)*24*time.Hour
}

func (s *sqlStore) ScreenOf(ctx context.Context, person string) (*Answers, error) {
	var raw string
	var at int64
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT answers, answered_at FROM screens WHERE person = $1`), person).Scan(&raw, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: screen: %w", err)
	}
	a := &Answers{Person: person, AnsweredAt: time.UnixMilli(at).UTC()}
	if err := json.Unmarshal([]byte(raw), &a.Screen); err != nil {
		return nil, fmt.Errorf("store: screen of %s: %w", person, err)
	}
	return a, nil
}

func (s *sqlStore) SaveScreen(ctx context.Context, person string, sc plan.Screen, at time.Time) error {
	if _, err := s.Person(ctx, person); err != nil {
		return err
	}
	if sc.Answers == nil {
		sc.Answers = []plan.Answer{}
	}
	raw, err := json.Marshal(sc)
	if err != nil {
		return err
	}
	_, err = s.exec(ctx, `INSERT INTO screens (person, answers, answered_at) VALUES ($1, $2, $3)
		ON CONFLICT (person) DO UPDATE SET answers = excluded.answers, answered_at = excluded.answered_at`,
		person, string(raw), ms(at))
	if err != nil {
		return fmt.Errorf("store: save screen: %w", err)
	}
	return nil
}
