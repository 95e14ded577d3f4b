package store

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// The queue serves the oldest request first, then the first to ask;
// an item removed before its turn is never served, and removing one
// already served (or removed) says so.
func TestQueueOrder(t *testing.T) {
	var q queue[string]
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	q.push(t0.Add(2*time.Second), "c")
	a := q.push(t0, "a")
	q.push(t0.Add(time.Second), "b1")
	gone := q.push(t0.Add(time.Second), "gone")
	q.push(t0.Add(time.Second), "b2")
	if !q.remove(gone) || q.remove(gone) {
		t.Fatal("removing a waiting item: want true once, then false")
	}
	if q.len() != 4 {
		t.Fatalf("len = %d, want 4", q.len())
	}
	var got []string
	for v, ok := q.pop(); ok; v, ok = q.pop() {
		got = append(got, v)
	}
	if want := []string{"a", "b1", "b2", "c"}; !slices.Equal(got, want) {
		t.Errorf("served %v, want %v", got, want)
	}
	if q.remove(a) {
		t.Error("removing an item already served: want false")
	}
	if _, ok := q.pop(); ok || q.len() != 0 {
		t.Error("an empty queue gave an item")
	}
}

// Random pushes, pops and removals against a plain sorted list.
func TestQueueAgainstModel(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	type item struct {
		at  time.Time
		seq int
	}
	var q queue[int]
	var model []item // waiting, in no order
	handles := map[int]*entry[int]{}
	ats := map[int]time.Time{}
	t0 := time.Now()
	for seq := range 5000 {
		switch r.IntN(4) {
		case 0, 1:
			at := t0.Add(time.Duration(r.IntN(20)) * time.Millisecond)
			handles[seq], ats[seq] = q.push(at, seq), at
			model = append(model, item{at, seq})
		case 2:
			v, ok := q.pop()
			if !ok {
				if len(model) != 0 {
					t.Fatalf("pop gave nothing with %d waiting", len(model))
				}
				continue
			}
			i := 0
			for j, m := range model {
				if m.at.Before(model[i].at) || m.at.Equal(model[i].at) && m.seq < model[i].seq {
					i = j
				}
			}
			if v != model[i].seq {
				t.Fatalf("pop gave %d (at %v), want %d (at %v)", v, ats[v], model[i].seq, model[i].at)
			}
			model = slices.Delete(model, i, i+1)
		case 3:
			if len(handles) == 0 {
				continue
			}
			k := r.IntN(seq + 1)
			h, ok := handles[k]
			if !ok {
				continue
			}
			i := slices.IndexFunc(model, func(m item) bool { return m.seq == k })
			if got := q.remove(h); got != (i >= 0) {
				t.Fatalf("remove(%d) = %v, want %v", k, got, i >= 0)
			}
			if i >= 0 {
				model = slices.Delete(model, i, i+1)
			}
		}
		if q.len() != len(model) {
			t.Fatalf("len = %d, want %d", q.len(), len(model))
		}
	}
}
