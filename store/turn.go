package store

import (
	"container/heap"
	"context"
	"fmt"
	"sync"
	"time"
)

// turns are the turns at the database a pool hands out (see pool): n of
// them, and callers waiting for one are served oldest request first.
//
// A request that sends several statements (a plan and then a new session,
// a rating and then its presses) waits for a turn before each one. Served
// in the order the statements asked, its second statement went to the
// back of the queue behind every request that came in meanwhile, so under
// load a request of three statements took about three times as long as a
// request of one, and those made the slowest answers. Served by the time
// their request came in (see Arrived), its later statements go ahead of
// newer requests: each request waits about once, whatever it sends, and no
// request waits behind one that came after it. Statements of contexts with
// no arrival are placed by the moment they ask, which is first come, first
// served.
type turns struct {
	mu      sync.Mutex
	n, free int
	seq     uint64
	waiting waiters
}

func newTurns(n int) *turns { return &turns{n: n, free: n} }

// arrivalKey is the context key of a request's arrival.
type arrivalKey struct{}

// Arrived marks ctx as belonging to a request that came in at t: its
// statements wait for their turn at the database behind those of requests
// that came in before it and ahead of those that came after. The web
// server marks every request it takes.
func Arrived(ctx context.Context, t time.Time) context.Context {
	return context.WithValue(ctx, arrivalKey{}, t)
}

func arrival(ctx context.Context) time.Time {
	if t, ok := ctx.Value(arrivalKey{}).(time.Time); ok && !t.IsZero() {
		return t
	}
	return time.Now()
}

// waiter is one caller waiting for a turn.
type waiter struct {
	at    time.Time
	seq   uint64
	ready chan struct{} // closed when the turn is handed to it
	index int           // in the heap; -1 once handed a turn
}

// waiters are a heap, the oldest request first (then the first to ask).
type waiters []*waiter

func (w waiters) Len() int { return len(w) }
func (w waiters) Less(i, j int) bool {
	if !w[i].at.Equal(w[j].at) {
		return w[i].at.Before(w[j].at)
	}
	return w[i].seq < w[j].seq
}
func (w waiters) Swap(i, j int) {
	w[i], w[j] = w[j], w[i]
	w[i].index, w[j].index = i, j
}
func (w *waiters) Push(x any) {
	v := x.(*waiter)
	v.index = len(*w)
	*w = append(*w, v)
}
func (w *waiters) Pop() any {
	old := *w
	v := old[len(old)-1]
	old[len(old)-1] = nil
	*w = old[:len(old)-1]
	v.index = -1
	return v
}

// take waits for a turn, at most waitMax (then ErrBusy) or until ctx
// ends. release gives it back, to the oldest waiting request; calling it
// again does nothing.
func (t *turns) take(ctx context.Context, waitMax time.Duration) (release func(), err error) {
	t.mu.Lock()
	if t.free > 0 { // free means nobody waits: no timer, no heap
		t.free--
		t.mu.Unlock()
		return t.releaser(), nil
	}
	t.seq++
	w := &waiter{at: arrival(ctx), seq: t.seq, ready: make(chan struct{})}
	heap.Push(&t.waiting, w)
	t.mu.Unlock()
	timer := time.NewTimer(waitMax)
	defer timer.Stop()
	select {
	case <-w.ready:
		return t.releaser(), nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		err = fmt.Errorf("%w: waited %s for a turn at the database", ErrBusy, waitMax)
	}
	t.mu.Lock()
	if w.index >= 0 {
		heap.Remove(&t.waiting, w.index)
		t.mu.Unlock()
		return nil, err
	}
	t.mu.Unlock()
	// handed a turn just as it gave up: pass it on
	t.releaser()()
	return nil, err
}

func (t *turns) releaser() func() {
	var once sync.Once
	return func() { once.Do(t.give) }
}

// give hands a turn back: to the oldest waiting request, or to the pool.
func (t *turns) give() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.waiting) > 0 {
		w := heap.Pop(&t.waiting).(*waiter)
		close(w.ready)
		return
	}
	t.free++
}

// held is how many turns are taken.
func (t *turns) held() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n - t.free
}

// ArrivalOf gives the arrival Arrived put in ctx, if any.
func ArrivalOf(ctx context.Context) (time.Time, bool) {
	t, ok := ctx.Value(arrivalKey{}).(time.Time)
	return t, ok
}

// waitingCount is how many callers wait for a turn.
func (t *turns) waitingCount() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.waiting)
}
