package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

// Turns go to the oldest request first: a statement of a request that
// came in earlier is served before those of requests that came in later,
// however late it asked (a request's second statement does not queue
// behind every newer request); callers that give up leave the queue and
// hold nothing.
func TestTurnsOldestRequestFirst(t *testing.T) {
	tu := newTurns(1)
	base := time.Now()
	hold, err := tu.take(context.Background(), time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	// twenty requests ask in a shuffled order of arrival; two of them
	// give up while they wait
	arrivals := rand.Perm(20)
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, a := range arrivals {
		ctx, cancel := context.WithCancel(Arrived(context.Background(), base.Add(time.Duration(a)*time.Millisecond)))
		defer cancel()
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := tu.take(ctx, time.Minute)
			if a == 3 || a == 11 {
				if !errors.Is(err, context.Canceled) {
					t.Errorf("request %d gave up but got %v", a, err)
				}
				return
			}
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			order = append(order, a)
			mu.Unlock()
			r()
		}()
		waitFor(t, func() bool { tu.mu.Lock(); defer tu.mu.Unlock(); return tu.waiting.len() == countWaiting(arrivals, a) })
		if a == 3 || a == 11 {
			cancel()
			waitFor(t, func() bool {
				tu.mu.Lock()
				defer tu.mu.Unlock()
				return tu.waiting.len() == countWaiting(arrivals, a)-1
			})
		}
	}
	hold()
	hold() // a second release gives nothing back
	wg.Wait()
	want := []int{}
	for a := range 20 {
		if a != 3 && a != 11 {
			want = append(want, a)
		}
	}
	if len(order) != len(want) {
		t.Fatalf("served %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("served in the order %v, want the oldest request first: %v", order, want)
		}
	}
	if n := tu.held(); n != 0 {
		t.Errorf("%d turns held after every request ended", n)
	}
	// a caller that waits longer than allowed is told the database is busy
	hold, _ = tu.take(context.Background(), time.Minute)
	if _, err := tu.take(context.Background(), 5*time.Millisecond); !errors.Is(err, ErrBusy) {
		t.Errorf("waited too long: %v, want ErrBusy", err)
	}
	hold()
	if n := tu.held(); n != 0 {
		t.Errorf("%d turns held after a caller timed out", n)
	}
}

// countWaiting is how many of the arrivals up to and including a are
// still queued, not counting those that gave up before a.
func countWaiting(arrivals []int, a int) int {
	n := 0
	for _, x := range arrivals {
		if x != 3 && x != 11 || x == a {
			n++
		}
		if x == a {
			break
		}
	}
	return n
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for range 2000 {
		if ok() {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("timed out waiting")
}
