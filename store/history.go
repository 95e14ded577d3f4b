package store

import (
	"context"
	"database/sql"
	"fmt"
)

// pastQuery reads a person and their latest sessions with their presses,
// in one round trip: the person's name (no row: nobody by that id), then
// one row per press, or per session without one, oldest session first and
// each session's presses in the order they came. A press taken back
// (voided) is left out; one set aside by a mark made at or after it (a
// sore spot forgotten, a technique restored) is flagged. The flag is a
// subquery for each row given, not a condition of the join, so that only
// the presses of the sessions read are looked at (by the index on
// session_id), however many others there are.
const pastQuery = `SELECT p.name, x.id, x.created_at, x.title, x.rating, x.note, x.finished_at,
	f.key, f.kind, f.offset_s, f.move, f.technique, f.area, f.at,
	CASE WHEN f.kind IN ('sore', 'down') AND EXISTS (SELECT 1 FROM person_marks m WHERE m.person = $1 AND m.at >= f.at
		AND ((f.kind = 'sore' AND m.kind = 'forget-sore' AND m.subject = f.area)
		  OR (f.kind = 'down' AND m.kind = 'restore' AND m.subject = f.technique))) THEN 1 ELSE 0 END
FROM people p
LEFT JOIN (SELECT id, created_at, title, rating, note, finished_at FROM sessions
	WHERE person = $1 ORDER BY created_at DESC, id DESC LIMIT $2) x ON 1 = 1
LEFT JOIN feedback f ON f.session_id = x.id AND f.voided_at = 0
WHERE p.id = $1
ORDER BY x.created_at, x.id, f.id`

// past gives a person's name and latest sessions with their presses,
// oldest first, at most limit; ErrNotFound when nobody has that id.
func (s *sqlStore) past(ctx context.Context, person string, limit int) (string, []Past, error) {
	if limit <= 0 {
		limit = 100
	}
	if badText(person) != "" {
		return "", nil, ErrNotFound
	}
	q := pastQuery
	if s.d.past != "" {
		q = s.d.past
	}
	rows, err := s.db.QueryContext(ctx, q, person, limit)
	if err != nil {
		return "", nil, fmt.Errorf("store: read history: %w", err)
	}
	defer rows.Close()
	var name string
	found := false
	out := []Past{}
	for rows.Next() {
		var (
			id, title, note            sql.NullString
			created, finished          sql.NullInt64
			rating, move               sql.NullInt64
			key, kind, technique, area sql.NullString
			offset                     sql.NullFloat64
			at                         sql.NullInt64
			aside                      int
		)
		if err := rows.Scan(&name, &id, &created, &title, &rating, &note, &finished,
			&key, &kind, &offset, &move, &technique, &area, &at, &aside); err != nil {
			return "", nil, fmt.Errorf("store: read history: %w", err)
		}
		found = true
		if !id.Valid {
			continue // nobody's sessions yet
		}
		if n := len(out); n == 0 || out[n-1].ID != id.String {
			out = append(out, Past{
				ID: id.String, CreatedAt: fromMS(created.Int64), Title: title.String,
				Ending:   Ending{Rating: int(rating.Int64), Note: note.String, FinishedAt: fromMS(finished.Int64)},
				Feedback: []Feedback{},
			})
		}
		if key.Valid && aside == 0 {
			p := &out[len(out)-1]
			p.Feedback = append(p.Feedback, Feedback{Key: key.String, Kind: kind.String, Offset: offset.Float64,
				Move: int(move.Int64), Technique: technique.String, Area: area.String, At: fromMS(at.Int64)})
		}
	}
	if err := rows.Err(); err != nil {
		return "", nil, fmt.Errorf("store: read history: %w", err)
	}
	if !found {
		return "", nil, ErrNotFound
	}
	return name, out, nil
}
