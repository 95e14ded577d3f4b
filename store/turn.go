package store

import (
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
	// waiting are the callers waiting, each with its channel, closed
	// when the turn is handed to it
	waiting queue[chan struct{}]
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
	ready := make(chan struct{})
	w := t.waiting.push(arrival(ctx), ready)
	t.mu.Unlock()
	timer := time.NewTimer(waitMax)
	defer timer.Stop()
	select {
	case <-ready:
		return t.releaser(), nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		err = fmt.Errorf("%w: waited %s for a turn at the database", ErrBusy, waitMax)
	}
	t.mu.Lock()
	if t.waiting.remove(w) {
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
	if ready, ok := t.waiting.pop(); ok {
		close(ready)
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
	return t.waiting.len()
}
