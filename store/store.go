package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Store is everything Knead keeps. Implementations are safe for concurrent
// use. Methods that change something either change all of it or nothing.
// Every error is classified (errors.Is): ErrNotFound, ErrInvalid (an
// *InvalidError naming the field), ErrBusy, ErrUnavailable or ErrFull, or
// else a fault in Knead.
type Store interface {
	// Devices are the devices paired with the web app (devices.go).
	Devices
	// CreateSession saves a new session; s.ID must be unique.
	CreateSession(ctx context.Context, s *Session) error
	// Session gives one session with its feedback, or ErrNotFound.
	Session(ctx context.Context, id string) (*Session, error)
	// Sessions lists the latest sessions, newest first, at most limit.
	Sessions(ctx context.Context, limit int) ([]Summary, error)
	// SaveProgress records where a session is and gives what is kept of
	// it (Played never goes down, Skipped nil keeps the list, Running is
	// false once the session is finished), or gives ErrNotFound.
	SaveProgress(ctx context.Context, id string, p Progress) (Progress, error)
	// Script gives a session's script and the moment it was made, which
	// never change, or ErrNotFound: what a playing player's requests need,
	// without reading the rest.
	Script(ctx context.Context, id string) (json.RawMessage, time.Time, error)
	// AddFeedback records one press of a feedback button. A second press
	// with the same Key for the same session is ignored (added is false),
	// so a player may safely send it again after a lost answer. A "sore"
	// press is also remembered among the sore spots.
	AddFeedback(ctx context.Context, id string, f Feedback) (added bool, err error)
	// VoidFeedback takes back the press with key (an undo): it no longer
	// counts, in the session or among the sore spots, and the key is never
	// accepted again. voided is false when it was taken back before;
	// ErrNotFound when the session has no press with that key.
	VoidFeedback(ctx context.Context, id, key string) (voided bool, err error)
	// CreateSessionOnce is CreateSession with an idempotency key: the first
	// call with key saves s; any later call with the same key saves nothing
	// and gives the session saved first, with made false. A player that
	// sends its request again after a lost answer gets one session.
	CreateSessionOnce(ctx context.Context, key string, s *Session) (got *Session, made bool, err error)
	// Finish records the end of a session with a rating (1–5) and a note.
	Finish(ctx context.Context, id string, e Ending) error
	// Choices gives the last choices saved, or nil when there are none.
	Choices(ctx context.Context) (json.RawMessage, error)
	// SaveChoices keeps the choices made on the start page.
	SaveChoices(ctx context.Context, c json.RawMessage) error
	// SoreSpots lists the areas "me" reported sore, most reported first.
	SoreSpots(ctx context.Context) ([]SoreSpot, error)
	// People, their history, and deleting them for good (see people.go).
	People
	// Screens keeps each person's safety-screen answers (screens.go).
	Screens
	// Routines keeps each person's own routines (routines.go).
	Routines
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
	// Close releases the database.
	Close() error
}

// Session is one guided session: what was planned and how it went.
type Session struct {
	ID        string
	CreatedAt time.Time
	Person    string          // whom it is for: "me" when left empty
	Title     string          // a short name for lists ("Back and scalp, 20 min")
	Request   json.RawMessage // the choices that made the plan
	Plan      json.RawMessage // the plan, as `knead plan --json` prints it
	Script    json.RawMessage // the timed script the player plays
	Total     float64         // seconds of hands-on time
	Progress  Progress
	Feedback  []Feedback // oldest first
	Ending    Ending     // zero until the session is finished
	// Choices, when set, are kept as the last choices with the new
	// session, in its row: both are kept, or neither.
	Choices json.RawMessage
}

// Progress is where a session is.
type Progress struct {
	Offset    float64   // seconds from the start of the routine
	Move      int       // index of the move playing
	Running   bool      // whether the clock was running when saved
	UpdatedAt time.Time // set by the store
	// Played is the seconds the clock actually ran, in all sittings: not
	// paused, and not the parts of moves skipped. It never goes down: a
	// smaller value than the one kept leaves the kept one.
	Played float64
	// Skipped lists the moves skipped before their end and not played
	// through since, by index. nil leaves the kept list as it is (a player
	// that does not track skips); an empty list clears it.
	Skipped []int
}

// Ended is how many moves the clock has gone past: every move when the
// routine is over, else the moves before the one playing.
func (p Progress) Ended(total float64) int {
	if p.Offset >= total {
		return p.Move + 1
	}
	return p.Move
}

// Done is how many moves were played through: the moves the clock has gone
// past, less those skipped. With Skipped and Played it is the session's
// honest summary, the same in the web player, History and `knead play`.
func (p Progress) Done(total float64) int {
	n := p.Ended(total)
	for _, i := range p.Skipped {
		if i >= 0 && i < p.Ended(total) {
			n--
		}
	}
	return max(n, 0)
}

// Feedback kinds, as the player's buttons name them.
const (
	Lighter = "lighter"
	Good    = "good"
	Firmer  = "firmer"
	Sore    = "sore"
	Up      = "up"   // thumbs-up on the move: plan it more often
	Down    = "down" // thumbs-down: less often, and not at all after two
	// Hurt is the player's "It hurts": the move stopped at once; the
	// person's next plans go lighter on the area and leave the technique
	// out of it.
	Hurt = "hurt"
)

// FeedbackKinds lists the pressure and comfort kinds in the order the
// player's buttons show them; Thumbs are the two verdicts on a move.
var (
	FeedbackKinds = []string{Lighter, Good, Firmer, Sore}
	Thumbs        = []string{Up, Down}
)

// IsFeedbackKind reports whether k is a kind the store keeps.
func IsFeedbackKind(k string) bool {
	return slices.Contains(FeedbackKinds, k) || slices.Contains(Thumbs, k) || k == Hurt
}

// Feedback is one press of a feedback button, with its moment.
type Feedback struct {
	Key       string    // the player's id for this press, unique within the session
	Kind      string    // lighter, good, firmer, sore, up, down or hurt
	Offset    float64   // seconds into the routine when pressed
	Move      int       // the move playing then
	Technique string    // its technique
	Area      string    // its area
	At        time.Time // the wall-clock moment it was pressed
}

// Ending is how a session ended.
type Ending struct {
	Rating     int // 1 to 5
	Note       string
	FinishedAt time.Time
}

// Finished reports whether the session has ended.
func (e Ending) Finished() bool { return !e.FinishedAt.IsZero() }

// Summary is a session as a list shows it.
type Summary struct {
	ID        string
	Person    string
	Title     string
	CreatedAt time.Time
	Total     float64
	Offset    float64
	Progress  Progress // where it is, what was played and skipped (no UpdatedAt)
	Ending    Ending
}

// SoreSpot is an area reported sore, and how often.
type SoreSpot struct {
	Area      string
	Technique string // the technique playing at the last report
	Count     int
	Last      time.Time
}

// Open opens the database that dsn names and brings its schema up to date:
// a postgres:// or postgresql:// URL opens PostgreSQL; anything else is a
// SQLite file path ("" for DefaultPath), created on first use.
func Open(ctx context.Context, dsn string) (Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	// The default file's folder is made on first run, whether the caller
	// passes "" or the default path itself; any other folder must exist.
	def, defErr := DefaultPath()
	if dsn == "" {
		if defErr != nil {
			return nil, defErr
		}
		dsn = def
	}
	if defErr == nil && filepath.Clean(dsn) == filepath.Clean(def) {
		if err := os.MkdirAll(filepath.Dir(def), 0o700); err != nil {
			return nil, fmt.Errorf("store: cannot create the folder for the database: %w", err)
		}
	}
	return openSQLite(ctx, dsn)
}

// DefaultPath is knead.db in the user's data directory:
// $XDG_DATA_HOME/knead, or ~/.local/share/knead.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("store: no data directory: set XDG_DATA_HOME or HOME, or pass --db: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "knead", "knead.db"), nil
}

// Redact hides a password in a DSN, for logs and messages.
func Redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return dsn
	}
	user, _, hasPw := strings.Cut(rest[:at], ":")
	if !hasPw {
		return dsn
	}
	return scheme + "://" + user + ":xxxxx" + rest[at:]
}
