package store

import (
	"container/heap"
	"time"
)

// queue holds what waits for the database, served in the order the
// requests came in (their arrival, see Arrived), then in the order they
// asked: the turns' waiting callers (turns) and the writes waiting for
// the writer (group). It is not safe for concurrent use: its owner holds
// its own lock around it.
type queue[T any] struct {
	seq   uint64
	items entries[T]
}

// entry is one item waiting in a queue; remove takes it out before its
// turn.
type entry[T any] struct {
	at    time.Time
	seq   uint64
	index int // in the heap; -1 once popped or removed
	v     T
}

// push adds v, for a request that came in at at.
func (q *queue[T]) push(at time.Time, v T) *entry[T] {
	q.seq++
	e := &entry[T]{at: at, seq: q.seq, v: v}
	heap.Push(&q.items, e)
	return e
}

// pop takes the oldest item out; ok is false when nothing waits.
func (q *queue[T]) pop() (v T, ok bool) {
	if len(q.items) == 0 {
		return v, false
	}
	return heap.Pop(&q.items).(*entry[T]).v, true
}

// remove takes e out before its turn and reports whether it was still
// waiting (false: popped already, or removed before).
func (q *queue[T]) remove(e *entry[T]) bool {
	if e.index < 0 {
		return false
	}
	heap.Remove(&q.items, e.index)
	return true
}

// len is how many items wait.
func (q *queue[T]) len() int { return len(q.items) }

// entries are a heap, the oldest request first (then the first to ask).
type entries[T any] []*entry[T]

func (w entries[T]) Len() int { return len(w) }
func (w entries[T]) Less(i, j int) bool {
	if !w[i].at.Equal(w[j].at) {
		return w[i].at.Before(w[j].at)
	}
	return w[i].seq < w[j].seq
}
func (w entries[T]) Swap(i, j int) {
	w[i], w[j] = w[j], w[i]
	w[i].index, w[j].index = i, j
}
func (w *entries[T]) Push(x any) {
	v := x.(*entry[T])
	v.index = len(*w)
	*w = append(*w, v)
}
func (w *entries[T]) Pop() any {
	old := *w
	v := old[len(old)-1]
	old[len(old)-1] = nil
	*w = old[:len(old)-1]
	v.index = -1
	return v
}
