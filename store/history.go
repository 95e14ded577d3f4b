package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/knead/knead/plan"
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

// historyQuery reads what the planner needs of a person's history, in one
// round trip: a row with the person's name and no moment (none: nobody by
// that id), then their latest sessions' presses from session_signals,
// newest first, one row a session, with the session's moment and id. The
// triggers of migration 0010 keep that table as sessions, presses and
// marks are written, with the presses taken back or set aside already
// left out: the same presses pastQuery gives, without joining each
// session's wide row to its presses. The limit is written into the query
// (HistoryLimit): bound as a parameter, SQLite planned the statement
// again on every call.
var historyQuery = `SELECT NULL, name, NULL FROM people WHERE id = $1
UNION ALL
SELECT * FROM (SELECT created_at, session_id, presses FROM session_signals
	WHERE person = $1 ORDER BY created_at DESC, session_id DESC LIMIT ` + strconv.Itoa(HistoryLimit) + `)`

// history gives a person's name and the planner's view of their latest
// HistoryLimit sessions, oldest first; ErrNotFound when nobody has that
// id.
func (s *sqlStore) history(ctx context.Context, person string) (string, []plan.Past, error) {
	if badText(person) != "" {
		return "", nil, ErrNotFound
	}
	q := historyQuery
	if s.d.history != "" {
		q = s.d.history
	}
	rows, err := s.db.QueryContext(ctx, q, person)
	if err != nil {
		return "", nil, fmt.Errorf("store: read history: %w", err)
	}
	defer rows.Close()
	var name string
	found := false
	type row struct {
		at int64
		p  plan.Past
	}
	var got []row
	for rows.Next() {
		var at sql.NullInt64
		var text string
		var presses sql.NullString
		if err := rows.Scan(&at, &text, &presses); err != nil {
			return "", nil, fmt.Errorf("store: read history: %w", err)
		}
		if !at.Valid {
			name, found = text, true
			continue
		}
		sigs, err := parsePresses(presses.String)
		if err != nil {
			return "", nil, fmt.Errorf("store: read history: session %s: %w", text, err)
		}
		got = append(got, row{at.Int64, plan.Past{ID: text, Signals: sigs}})
	}
	if err := rows.Err(); err != nil {
		return "", nil, fmt.Errorf("store: read history: %w", err)
	}
	if !found {
		return "", nil, ErrNotFound
	}
	// oldest first (they come newest first)
	slices.Reverse(got)
	older := func(a, b row) int { return cmp.Or(cmp.Compare(a.at, b.at), strings.Compare(a.p.ID, b.p.ID)) }
	if !slices.IsSortedFunc(got, older) {
		slices.SortFunc(got, older)
	}
	out := make([]plan.Past, len(got))
	for i, r := range got {
		out[i] = r.p
	}
	return name, out, nil
}

// parsePresses reads session_signals.presses: one JSON array [kind,
// technique, area] a line, as SQLite's json_array and PostgreSQL's
// json_build_array write them. Strings without an escape are taken as they
// are, without a copy; the rest go through encoding/json.
func parsePresses(s string) ([]plan.Signal, error) {
	out := make([]plan.Signal, 0, strings.Count(s, "\n"))
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		var f [3]string
		rest := strings.TrimLeft(line, " ")
		if !strings.HasPrefix(rest, "[") {
			return nil, fmt.Errorf("unreadable presses %.80q: expected a JSON array", line)
		}
		rest = rest[1:]
		for i := range f {
			rest = strings.TrimLeft(rest, " ")
			str, after, err := jsonString(rest)
			if err != nil {
				return nil, fmt.Errorf("unreadable presses %.80q: %v", line, err)
			}
			f[i] = str
			rest = strings.TrimLeft(after, " ")
			want := ","
			if i == len(f)-1 {
				want = "]"
			}
			if !strings.HasPrefix(rest, want) {
				return nil, fmt.Errorf("unreadable presses %.80q: expected %q after field %d", line, want, i+1)
			}
			rest = rest[1:]
		}
		if strings.TrimSpace(rest) != "" {
			return nil, fmt.Errorf("unreadable presses %.80q: more after the array", line)
		}
		out = append(out, plan.Signal{Kind: f[0], Technique: f[1], Area: f[2]})
	}
	return out, nil
}

// jsonString reads the JSON string at the start of s and gives its value
// and what follows it.
func jsonString(s string) (string, string, error) {
	if !strings.HasPrefix(s, `"`) {
		return "", "", errors.New("expected a string")
	}
	escaped := false
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			escaped = true
			i++ // the escaped character is never the closing quote
		case '"':
			if !escaped {
				return s[1:i], s[i+1:], nil
			}
			var v string
			if err := json.Unmarshal([]byte(s[:i+1]), &v); err != nil {
				return "", "", err
			}
			return v, s[i+1:], nil
		}
	}
	return "", "", errors.New("a string without its closing quote")
}
