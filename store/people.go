package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/knead/knead/plan"
)

// Me is the person a session is for when nobody is named.
const Me = "me"

// People is the part of Store that keeps people: "me" always, and the
// named people sessions are given to. Everything kept about a person goes
// with them when they are deleted.
type People interface {
	// People lists everyone, "me" first, then by name.
	People(ctx context.Context) ([]Person, error)
	// Person gives one person by id, or ErrNotFound.
	Person(ctx context.Context, id string) (*Person, error)
	// AddPerson keeps a new named person; its id is made from the name.
	// A name that is empty, too long, or already taken is an *InputError.
	AddPerson(ctx context.Context, name string) (*Person, error)
	// DeletePerson removes a person and everything kept about them, for
	// good: sessions, feedback, sore spots, marks. "me" is emptied but stays.
	DeletePerson(ctx context.Context, id string) error
	// SoreSpotsOf lists a person's sore spots, most reported first.
	SoreSpotsOf(ctx context.Context, person string) ([]SoreSpot, error)
	// Past gives a person's latest sessions with their feedback, oldest
	// first, at most limit; presses set aside by a mark are left out.
	Past(ctx context.Context, person string, limit int) ([]Past, error)
	// Mark sets a press aside for good: MarkForgetSore with an area forgets
	// a sore spot, MarkRestore with a technique restores a technique after
	// two thumbs-down. Presses before the mark no longer count.
	Mark(ctx context.Context, person, kind, subject string) error
}

// Mark kinds.
const (
	MarkForgetSore = "forget-sore"
	MarkRestore    = "restore"
)

// Person is someone sessions are given to.
type Person struct {
	ID        string
	Name      string
	CreatedAt time.Time
	Sessions  int // how many sessions are kept for them
}

// Past is one earlier session of a person, as the planner learns from it.
type Past struct {
	ID        string
	CreatedAt time.Time
	Title     string
	Ending    Ending
	Feedback  []Feedback // oldest first
}

// InputError is a request the caller has to change, such as a name taken.
type InputError struct {
	Field   string
	Message string
}

func (e *InputError) Error() string { return e.Field + ": " + e.Message }

// MaxNameLength is the longest name a person may have, in characters.
const MaxNameLength = 40

// PersonID makes the id of a person from their name: lower-case letters
// and digits, words joined by '-'. "Me" (any case) is me.
func PersonID(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", &InputError{"name", "a person needs a name"}
	}
	if len([]rune(name)) > MaxNameLength {
		return "", &InputError{"name", fmt.Sprintf("a name is at most %d characters", MaxNameLength)}
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "", &InputError{"name", fmt.Sprintf("%q has no letter or digit to name someone by", name)}
	}
	return b.String(), nil
}

func (s *sqlStore) People(ctx context.Context) ([]Person, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.created_at,
		(SELECT COUNT(*) FROM sessions x WHERE x.person = p.id)
		FROM people p ORDER BY CASE WHEN p.id = 'me' THEN 0 ELSE 1 END, p.name, p.id`)
	if err != nil {
		return nil, fmt.Errorf("store: list people: %w", err)
	}
	defer rows.Close()
	out := []Person{}
	for rows.Next() {
		var p Person
		var at int64
		if err := rows.Scan(&p.ID, &p.Name, &at, &p.Sessions); err != nil {
			return nil, fmt.Errorf("store: list people: %w", err)
		}
		p.CreatedAt = fromMS(at)
		out = append(out, p)
	}
	return out, rows.Err()
}

func (s *sqlStore) Person(ctx context.Context, id string) (*Person, error) {
	p := &Person{ID: id}
	var at int64
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT name, created_at,
		(SELECT COUNT(*) FROM sessions WHERE person = $1) FROM people WHERE id = $1`), id).Scan(&p.Name, &at, &p.Sessions)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: read person: %w", err)
	}
	p.CreatedAt = fromMS(at)
	return p, nil
}

func (s *sqlStore) AddPerson(ctx context.Context, name string) (*Person, error) {
	id, err := PersonID(name)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if id == Me {
		return nil, &InputError{"name", "\"me\" is always there: pick another name"}
	}
	p := &Person{ID: id, Name: name, CreatedAt: time.Now().UTC().Truncate(time.Millisecond)}
	res, err := s.exec(ctx, `INSERT INTO people (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
		p.ID, p.Name, ms(p.CreatedAt))
	if err != nil {
		return nil, fmt.Errorf("store: add person: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return nil, fmt.Errorf("store: add person: %w", err)
	} else if n == 0 {
		return nil, &InputError{"name", fmt.Sprintf("%q is already kept (as %q): pick another name", name, id)}
	}
	return p, nil
}

func (s *sqlStore) DeletePerson(ctx context.Context, id string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: delete person: %w", err)
	}
	defer tx.Rollback()
	var one int
	err = tx.QueryRowContext(ctx, s.d.rebind(`SELECT 1 FROM people WHERE id = $1`), id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: delete person: %w", err)
	}
	for _, q := range []string{
		`DELETE FROM feedback WHERE session_id IN (SELECT id FROM sessions WHERE person = $1)`,
		`DELETE FROM session_signals WHERE person = $1`,
		`DELETE FROM sessions WHERE person = $1`,
		`DELETE FROM sore_spots WHERE person = $1`,
		`DELETE FROM person_marks WHERE person = $1`,
		`DELETE FROM screens WHERE person = $1`,
		`DELETE FROM routines WHERE person = $1`,
		`DELETE FROM people WHERE id = $1 AND id <> 'me'`,
	} {
		if _, err := tx.ExecContext(ctx, s.d.rebind(q), id); err != nil {
			return fmt.Errorf("store: delete person: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: delete person: %w", err)
	}
	return nil
}

func (s *sqlStore) Mark(ctx context.Context, person, kind, subject string) error {
	if kind != MarkForgetSore && kind != MarkRestore {
		return &InputError{"kind", fmt.Sprintf("unknown mark %q: expected %s or %s", kind, MarkForgetSore, MarkRestore)}
	}
	if _, err := s.Person(ctx, person); err != nil {
		return err
	}
	now := time.Now().UnixMilli()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: mark: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO person_marks (person, kind, subject, at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (person, kind, subject) DO UPDATE SET at = excluded.at`), person, kind, subject, now); err != nil {
		return fmt.Errorf("store: mark: %w", err)
	}
	if kind == MarkForgetSore {
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM sore_spots WHERE person = $1 AND area = $2`), person, subject); err != nil {
			return fmt.Errorf("store: mark: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: mark: %w", err)
	}
	return nil
}

func (s *sqlStore) Past(ctx context.Context, person string, limit int) ([]Past, error) {
	_, out, err := s.past(ctx, person, limit)
	if errors.Is(err, ErrNotFound) {
		return []Past{}, nil
	}
	return out, err
}

// HistoryLimit is how many past sessions a plan learns from.
const HistoryLimit = 100

// History reads a person's past sessions as the planner's plain input.
func History(ctx context.Context, st Store, person string) (*plan.History, error) {
	if person == "" {
		person = Me
	}
	if s, ok := st.(*sqlStore); ok {
		// the person and the presses of their past in one round trip,
		// from the table kept as they are written
		name, sessions, err := s.history(ctx, person)
		if err != nil {
			return nil, err
		}
		h := &plan.History{Person: person, Sessions: sessions}
		if person != Me {
			h.Name = name
		}
		return h, nil
	}
	var p *Person
	var past []Past
	{
		var err error
		if p, err = st.Person(ctx, person); err != nil {
			return nil, err
		}
		if past, err = st.Past(ctx, person, HistoryLimit); err != nil {
			return nil, err
		}
	}
	h := &plan.History{Person: p.ID, Sessions: make([]plan.Past, 0, len(past))}
	if p.ID != Me {
		h.Name = p.Name
	}
	for _, x := range past {
		ps := plan.Past{ID: x.ID, Signals: []plan.Signal{}}
		for _, f := range x.Feedback {
			ps.Signals = append(ps.Signals, plan.Signal{Kind: f.Kind, Technique: f.Technique, Area: f.Area})
		}
		h.Sessions = append(h.Sessions, ps)
	}
	return h, nil
}
