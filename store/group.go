package store

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// group commits SQLite's writes together. SQLite has one writer, and each
// transaction it commits costs a sync of the WAL file, whatever it holds:
// under load most of the writer's time went to committing one small write
// after another. A writer goroutine instead takes every write waiting
// (the oldest request first, as turns do, at most groupMax) and runs them
// in one transaction, each under a savepoint of its own: a write that
// fails is rolled back to its savepoint and answered its error, and its
// neighbours are committed as if it had never been there. Every write is
// answered only once the transaction that holds it is committed, so
// nothing is acknowledged before it is on disk.
//
// When the transaction itself fails (a savepoint that cannot be rolled
// back to, a commit the database refuses), nothing of it is kept and each
// of its writes runs again alone, in a transaction of its own, so that
// one write's trouble is never another's.
type group struct {
	p       *pool
	mu      sync.Mutex
	waiting queue[*job]
	wake    chan struct{} // room for one: work is waiting
	quit    chan struct{}
	done    chan struct{}
	closed  bool
	// transactions counts the transactions committed or tried, for tests
	transactions atomic.Int64
}

// groupMax is the most writes committed together; a transaction of more
// would hold the writer long enough to keep the oldest write waiting.
const groupMax = 128

// job is one write waiting for the writer.
type job struct {
	at  time.Time // when its request came in
	f   func(tx *Tx) error
	res chan error // room for one: the write's answer once committed
}

var errClosed = fmt.Errorf("%w: store: closed", ErrUnavailable)

func newGroup(p *pool) *group {
	g := &group{p: p, wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go g.run()
	return g
}

// do runs f in the writer's next transaction and answers once that is
// committed: f's own error, or the transaction's. f talks to the
// database only through tx, and may run twice (see group). A caller that
// gives up (ctx ends, or waitMax passes) before its write is taken leaves
// the queue; once taken, it waits for the answer.
func (g *group) do(ctx context.Context, f func(tx *Tx) error) error {
	j := &job{at: arrival(ctx), f: f, res: make(chan error, 1)}
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		return errClosed
	}
	e := g.waiting.push(j.at, j)
	g.mu.Unlock()
	select {
	case g.wake <- struct{}{}:
	default:
	}
	timer := time.NewTimer(g.p.waitMax)
	defer timer.Stop()
	var err error
	select {
	case err := <-j.res:
		return err
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		err = fmt.Errorf("%w: waited %s for a turn at the database", ErrBusy, g.p.waitMax)
	}
	g.mu.Lock()
	if g.waiting.remove(e) {
		g.mu.Unlock()
		return err
	}
	g.mu.Unlock()
	return <-j.res // taken: its transaction is under way
}

// queued is how many writes wait to be taken.
func (g *group) queued() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.waiting.len()
}

func (g *group) run() {
	defer close(g.done)
	for {
		select {
		case <-g.quit:
			g.drain(errClosed)
			return
		case <-g.wake:
		}
		for {
			batch := g.take()
			if len(batch) == 0 {
				break
			}
			g.commit(batch)
		}
	}
}

// take gives the writes waiting, the oldest first, at most groupMax.
func (g *group) take() []*job {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := min(g.waiting.len(), groupMax)
	if n == 0 {
		return nil
	}
	batch := make([]*job, 0, n)
	for range n {
		j, _ := g.waiting.pop()
		batch = append(batch, j)
	}
	return batch
}

func (g *group) drain(err error) {
	g.mu.Lock()
	g.closed = true
	var left []*job
	for j, ok := g.waiting.pop(); ok; j, ok = g.waiting.pop() {
		left = append(left, j)
	}
	g.mu.Unlock()
	for _, j := range left {
		j.res <- err
	}
}

// close answers the writes still waiting "closed" and stops the writer
// goroutine once the transaction under way is committed.
func (g *group) close() {
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		return
	}
	g.closed = true
	g.mu.Unlock()
	close(g.quit)
	<-g.done
}

// commit runs batch in one transaction, each write under its savepoint,
// and answers every write once it is committed.
func (g *group) commit(batch []*job) {
	// the writer's turn, as the oldest of them: BeginTx callers (and the
	// WAL's truncation) take the same turn
	ctx := Arrived(context.Background(), batch[0].at)
	release, err := g.p.turn.take(ctx, g.p.waitMax)
	if err != nil {
		for _, j := range batch {
			j.res <- Classify(err)
		}
		return
	}
	defer release()
	// once the writes are answered, with the turn still held and no
	// transaction open: prepare the statements they sent for the first
	// time
	defer g.p.prepareWanted(ctx)
	if len(batch) == 1 {
		batch[0].res <- g.alone(ctx, batch[0])
		return
	}
	errs, err := g.together(ctx, batch)
	if err != nil {
		// nothing of the transaction was kept: each write alone
		for _, j := range batch {
			j.res <- g.alone(ctx, j)
		}
		return
	}
	for i, j := range batch {
		j.res <- errs[i]
	}
}

// together runs the batch in one transaction and commits it; errs are
// the writes' own errors, err the transaction's (then nothing was kept).
func (g *group) together(ctx context.Context, batch []*job) (errs []error, err error) {
	for try := 0; ; try++ {
		errs, err = g.once(ctx, batch)
		if err == nil || !again(ctx, err, try) {
			return errs, err
		}
	}
}

func (g *group) once(ctx context.Context, batch []*job) ([]error, error) {
	g.transactions.Add(1)
	stx, err := g.p.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, Classify(err)
	}
	tx := &Tx{Tx: stx, p: g.p, release: func() {}}
	errs := make([]error, len(batch))
	for i, j := range batch {
		if _, err := tx.ExecContext(ctx, "SAVEPOINT w"); err != nil {
			stx.Rollback()
			return nil, Classify(err)
		}
		if errs[i] = j.f(tx); errs[i] != nil {
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO w"); err != nil {
				stx.Rollback()
				return nil, Classify(err)
			}
		}
		if _, err := tx.ExecContext(ctx, "RELEASE w"); err != nil {
			stx.Rollback()
			return nil, Classify(err)
		}
	}
	if err := stx.Commit(); err != nil {
		return nil, Classify(err)
	}
	return errs, nil
}

// alone runs one write in a transaction of its own, tried again while
// the database answers busy.
func (g *group) alone(ctx context.Context, j *job) error {
	for try := 0; ; try++ {
		g.transactions.Add(1)
		stx, err := g.p.w.BeginTx(ctx, nil)
		if err == nil {
			err = j.f(&Tx{Tx: stx, p: g.p, release: func() {}})
			if err == nil {
				err = stx.Commit()
			} else {
				stx.Rollback()
			}
		}
		if err == nil || !again(ctx, err, try) {
			return Classify(err)
		}
	}
}
