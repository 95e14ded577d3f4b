package web

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/store"
)

// arrivalStore records the arrival each read of a session was made with.
type arrivalStore struct {
	store.Store
	mu   sync.Mutex
	seen []time.Time
}

func (a *arrivalStore) Session(ctx context.Context, id string) (*store.Session, error) {
	t, _ := store.ArrivalOf(ctx)
	a.mu.Lock()
	a.seen = append(a.seen, t)
	a.mu.Unlock()
	return a.Store.Session(ctx, id)
}

// Every request tells the store when it came in, so that its statements
// wait for the database behind older requests' and ahead of newer ones'
// (a request of several statements then waits about once).
func TestRequestsCarryTheirArrival(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	_, st := newApp(t, false)
	as := &arrivalStore{Store: st}
	app, err := New(Options{Store: as, Catalog: cat, Hosts: []string{"example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	id := newSessionID(t, app)
	before := time.Now()
	check(t, app, scenario{name: "read", path: "/api/sessions/" + id, status: 200})
	if len(as.seen) != 1 || as.seen[0].Before(before) || as.seen[0].After(time.Now()) {
		t.Errorf("the store saw arrivals %v, want one from while the request ran", as.seen)
	}
}
