package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Routines keeps a person's own routines: the routine file, as Knead
// writes it, with its name and length for the list. The store keeps the
// text as given; checking it against the catalog is the caller's work.
type Routines interface {
	// SaveRoutine keeps r, replacing a routine with the same ID. Its
	// person must be kept (ErrNotFound otherwise).
	SaveRoutine(ctx context.Context, r *Routine) error
	// RoutineByID gives one routine, or ErrNotFound.
	RoutineByID(ctx context.Context, id string) (*Routine, error)
	// RoutinesOf lists a person's routines, the latest changed first,
	// without their text.
	RoutinesOf(ctx context.Context, person string) ([]Routine, error)
	// DeleteRoutine forgets a routine, or gives ErrNotFound.
	DeleteRoutine(ctx context.Context, id string) error
}

// Routine is one kept routine.
type Routine struct {
	ID        string // letters, digits and '-', up to 64
	Person    string // whose it is: "me" when left empty
	Name      string
	Seconds   float64 // hands-on time
	Body      string  // the routine file (YAML), empty in lists
	CreatedAt time.Time
	UpdatedAt time.Time
}

// MaxRoutineBody is the largest routine file kept, as the catalog's limit.
const MaxRoutineBody = 1 << 20

var routineIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// IsRoutineID reports whether id has the form of a kept routine's id.
func IsRoutineID(id string) bool { return routineIDPattern.MatchString(id) }

func checkRoutine(r *Routine) error {
	switch {
	case !IsRoutineID(r.ID):
		return &InvalidError{Field: "id", Reason: "expected 1 to 64 lower-case letters, digits or '-'"}
	case strings.TrimSpace(r.Name) == "":
		return &InvalidError{Field: "name", Reason: "a routine needs a name"}
	case strings.TrimSpace(r.Body) == "":
		return &InvalidError{Field: "body", Reason: "the routine file is empty"}
	case len(r.Body) > MaxRoutineBody:
		return &InvalidError{Field: "body", Reason: fmt.Sprintf("the routine file is over %d bytes", MaxRoutineBody)}
	case r.Seconds < 0 || r.Seconds != r.Seconds:
		return &InvalidError{Field: "seconds", Reason: "expected a number of seconds, 0 or more"}
	}
	for field, v := range map[string]string{"name": r.Name, "body": r.Body} {
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			return &InvalidError{Field: field, Reason: "text with a NUL byte or invalid UTF-8 cannot be kept"}
		}
	}
	return nil
}

func (s *sqlStore) SaveRoutine(ctx context.Context, r *Routine) error {
	if r.Person == "" {
		r.Person = Me
	}
	if err := checkRoutine(r); err != nil {
		return err
	}
	if _, err := s.Person(ctx, r.Person); err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	if r.CreatedAt.IsZero() {
		r.CreatedAt = now
	}
	r.UpdatedAt = now
	_, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO routines (id, person, name, seconds, body, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (id) DO UPDATE SET person = excluded.person, name = excluded.name, seconds = excluded.seconds,
		body = excluded.body, updated_at = excluded.updated_at`),
		r.ID, r.Person, r.Name, r.Seconds, r.Body, ms(r.CreatedAt), ms(r.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: save routine: %w", Classify(err))
	}
	return nil
}

func (s *sqlStore) RoutineByID(ctx context.Context, id string) (*Routine, error) {
	if !IsRoutineID(id) {
		return nil, ErrNotFound
	}
	r := &Routine{ID: id}
	var created, updated int64
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT person, name, seconds, body, created_at, updated_at
		FROM routines WHERE id = $1`), id).Scan(&r.Person, &r.Name, &r.Seconds, &r.Body, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: routine: %w", Classify(err))
	}
	r.CreatedAt, r.UpdatedAt = fromMS(created), fromMS(updated)
	return r, nil
}

func (s *sqlStore) RoutinesOf(ctx context.Context, person string) ([]Routine, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT id, name, seconds, created_at, updated_at
		FROM routines WHERE person = $1 ORDER BY updated_at DESC, id`), person)
	if err != nil {
		return nil, fmt.Errorf("store: routines: %w", Classify(err))
	}
	defer rows.Close()
	out := []Routine{}
	for rows.Next() {
		r := Routine{Person: person}
		var created, updated int64
		if err := rows.Scan(&r.ID, &r.Name, &r.Seconds, &created, &updated); err != nil {
			return nil, fmt.Errorf("store: routines: %w", Classify(err))
		}
		r.CreatedAt, r.UpdatedAt = fromMS(created), fromMS(updated)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: routines: %w", Classify(err))
	}
	return out, nil
}

func (s *sqlStore) DeleteRoutine(ctx context.Context, id string) error {
	if !IsRoutineID(id) {
		return ErrNotFound
	}
	res, err := s.db.ExecContext(ctx, s.d.rebind(`DELETE FROM routines WHERE id = $1`), id)
	if err != nil {
		return fmt.Errorf("store: delete routine: %w", Classify(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
