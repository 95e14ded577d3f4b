package tui

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/knead/knead/store"
)

// writeTimeout bounds each write to the store, so a database that stopped
// answering cannot hold the player's end up for long.
const writeTimeout = 10 * time.Second

// Keeper is a Recorder that keeps the session in a store.Store, the one the
// web app uses: the session is created when playing begins, its place is
// saved after every move (and every few seconds), each feedback press with
// its moment, and the rating and note at the end. Writes happen in order
// in the background; a progress write still waiting is replaced by a newer
// one. Close waits for them.
type Keeper struct {
	st      store.Store
	id      string
	create  *store.Session  // created at Begin; nil when the session is in the store already
	choices json.RawMessage // kept as the last choices when the session is created, as the web app does
	log     *slog.Logger
	// what the model told with the last place (Tally), sent with the next
	played  float64
	skipped []int

	mu     sync.Mutex
	wake   chan struct{}
	queue  []keepOp
	closed bool
	done   chan struct{}
	writes int
	failed int
	first  error
}

type keepOp struct {
	kind     string // create, progress, feedback, finish
	progress store.Progress
	feedback store.Feedback
	ending   store.Ending
}

// NewKeeper keeps x, a session not yet in st (see NewRecord), creating it
// at Begin. choices, when not empty, are saved as the last choices then,
// so the web app's "Same as last time" repeats a planned session. log may
// be nil.
func NewKeeper(st store.Store, x *store.Session, choices json.RawMessage, log *slog.Logger) *Keeper {
	k := newKeeper(st, x.ID, log)
	k.create, k.choices = x, choices
	return k
}

// ResumeKeeper keeps on writing to session id, already in st.
func ResumeKeeper(st store.Store, id string, log *slog.Logger) *Keeper {
	return newKeeper(st, id, log)
}

func newKeeper(st store.Store, id string, log *slog.Logger) *Keeper {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	k := &Keeper{st: st, id: id, log: log, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go k.run()
	return k
}

// ID is the session's id in the store.
func (k *Keeper) ID() string { return k.id }

// Begin creates the session, when it is new.
func (k *Keeper) Begin(at time.Time) {
	if k.create == nil {
		return
	}
	k.create.CreatedAt = at.UTC()
	k.push(keepOp{kind: "create"})
}

// Progress saves where the session is.
func (k *Keeper) Progress(offset float64, move int, running bool) {
	k.push(keepOp{kind: "progress", progress: store.Progress{Offset: offset, Move: move, Running: running,
		Played: k.played, Skipped: k.skipped}})
}

// Tally keeps the time played and the moves skipped with the next place.
func (k *Keeper) Tally(played float64, skipped []int) {
	k.played, k.skipped = played, append([]int{}, skipped...)
}

// Feedback saves one press with its moment; a sore press is remembered by
// area in the store's sore spots.
func (k *Keeper) Feedback(f Feedback) {
	k.push(keepOp{kind: "feedback", feedback: store.Feedback{
		Key: newKey(), Kind: f.Kind, Offset: f.Offset, Move: f.Move,
		Technique: f.Technique, Area: f.Area, At: f.At.UTC(),
	}})
}

// Finish saves the rating and note.
func (k *Keeper) Finish(rating int, note string, at time.Time) {
	k.push(keepOp{kind: "finish", ending: store.Ending{Rating: rating, Note: note, FinishedAt: at.UTC()}})
}

func (k *Keeper) push(op keepOp) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.closed {
		k.log.Warn("the session is closed; a write came too late", slog.String("kind", op.kind))
		return
	}
	if n := len(k.queue); op.kind == "progress" && n > 0 && k.queue[n-1].kind == "progress" {
		// Only the newest place matters.
		k.queue[n-1] = op
	} else {
		k.queue = append(k.queue, op)
	}
	select {
	case k.wake <- struct{}{}:
	default:
	}
}

func (k *Keeper) run() {
	defer close(k.done)
	for {
		k.mu.Lock()
		if len(k.queue) == 0 {
			closed := k.closed
			k.mu.Unlock()
			if closed {
				return
			}
			<-k.wake
			continue
		}
		op := k.queue[0]
		k.queue = k.queue[1:]
		k.mu.Unlock()

		err := k.write(op)
		k.mu.Lock()
		k.writes++
		if err != nil {
			k.failed++
			if k.first == nil {
				k.first = fmt.Errorf("%s: %w", op.kind, err)
			}
		}
		k.mu.Unlock()
		if err != nil {
			k.log.Warn("could not save", slog.String("session", k.id), slog.String("kind", op.kind), slog.Any("err", err))
		} else {
			k.log.Debug("saved", slog.String("session", k.id), slog.String("kind", op.kind),
				slog.Float64("offset", op.progress.Offset+op.feedback.Offset))
		}
	}
}

func (k *Keeper) write(op keepOp) error {
	// The command's context may be over (Ctrl-C, SIGTERM): the last place
	// is saved all the same.
	ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
	defer cancel()
	switch op.kind {
	case "create":
		if err := k.st.CreateSession(ctx, k.create); err != nil {
			return err
		}
		if len(k.choices) > 0 {
			if err := k.st.SaveChoices(ctx, k.choices); err != nil {
				// The session is kept; only the convenience of remembering is lost.
				k.log.Warn("could not remember the choices", slog.Any("err", err))
			}
		}
		return nil
	case "progress":
		_, err := k.st.SaveProgress(ctx, k.id, op.progress)
		return err
	case "feedback":
		_, err := k.st.AddFeedback(ctx, k.id, op.feedback)
		return err
	case "finish":
		return k.st.Finish(ctx, k.id, op.ending)
	}
	return fmt.Errorf("unknown write %q", op.kind)
}

// Close waits until every write is done, or until ctx ends, and says what
// could not be saved.
func (k *Keeper) Close(ctx context.Context) error {
	k.mu.Lock()
	k.closed = true
	k.mu.Unlock()
	select {
	case k.wake <- struct{}{}:
	default:
	}
	select {
	case <-k.done:
	case <-ctx.Done():
		k.mu.Lock()
		left := len(k.queue)
		k.mu.Unlock()
		return fmt.Errorf("the store did not answer in time; %d writes still waited, and the one under way may be lost", left)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.failed > 0 {
		return fmt.Errorf("%d of %d writes to the store failed; the first, %w", k.failed, k.writes, k.first)
	}
	return nil
}
