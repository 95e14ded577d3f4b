package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/knead/knead/internal/browsertest"
	"github.com/knead/knead/store"
)

// failPresses answers the presses sent to the server (POST …/feedback)
// with code instead of the app, as a server that fails (5xx) or refuses
// (4xx) does, with the typed JSON error; once, when set, lets the ones
// after go through again.
type failPresses struct {
	h    http.Handler
	code atomic.Int32
	once atomic.Bool
	seen atomic.Int32 // presses answered with code
}

func (f *failPresses) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	code := int(f.code.Load())
	if code == 0 || r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/feedback") {
		f.h.ServeHTTP(w, r)
		return
	}
	if f.once.Load() {
		f.code.Store(0)
	}
	f.seen.Add(1)
	msg := "the database is busy"
	if code < 500 {
		msg = "the press was refused for the test"
	} else {
		w.Header().Set("Retry-After", "1")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": "test", "message": msg}})
}

// The player's outbox: a server that answers with a failure (5xx) is not
// a network that is down. The write is kept and tried again with a wait,
// and the person is told so; once the server takes it, it is there. A
// refusal (4xx) can never succeed: it is dropped with a message naming
// what was not saved and why, and the writes after it go on.
func TestBrowserServerFailureRetriedRefusalDropped(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	f := &failPresses{h: app}
	srv := httptest.NewServer(f)
	defer srv.Close()
	id := startPlayer(t, ctx, srv.URL+"/plan?area=feet&minutes=5&mode=partner")
	toastText := func() string {
		return eval[string](t, ctx, `(() => { const t = document.getElementById('toast'); return t && !t.hidden ? t.textContent : '' })()`)
	}
	kinds := func() []string {
		var list []struct{ Kind string }
		json.Unmarshal([]byte(eval[string](t, ctx, `localStorage.getItem('knead.pending') || '[]'`)), &list)
		var out []string
		for _, x := range list {
			out = append(out, x.Kind)
		}
		return out
	}
	presses := func() []string {
		x, err := st.Session(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range x.Feedback {
			out = append(out, p.Kind)
		}
		return out
	}
	poll := func(what string, ok func() bool) {
		t.Helper()
		for end := time.Now().Add(15 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
			if ok() {
				return
			}
		}
		t.Fatalf("gave up waiting for %s: toast %q, waiting %v, kept %v", what, toastText(), kinds(), presses())
	}

	// The server fails: the press waits on the device, and the page says
	// it is not saved yet and will be tried again.
	f.code.Store(http.StatusServiceUnavailable)
	must(t, ctx, "press good", browsertest.Click(`[data-feedback="good"]`))
	poll("the page to say the press is not saved yet", func() bool {
		s := toastText()
		return strings.Contains(s, "Not saved yet: the database is busy") && strings.Contains(s, "Trying again in")
	})
	if k := kinds(); len(k) != 1 || k[0] != "feedback" {
		t.Errorf("waiting on the device: %v, want the press", k)
	}
	if got := presses(); len(got) != 0 {
		t.Errorf("the server kept %v while failing", got)
	}
	// It is tried again, by itself, after a wait: once the server takes
	// it, it is there, once.
	f.code.Store(0)
	poll("the press to reach the server", func() bool { return len(presses()) == 1 && len(kinds()) == 0 })
	if got := presses(); got[0] != store.Good {
		t.Errorf("the server kept %v, want the good press", got)
	}

	// Two presses wait behind a failing server; then it refuses the first
	// (a 4xx): that one is dropped with a message, the second goes on.
	f.code.Store(http.StatusInternalServerError)
	must(t, ctx, "press firmer", browsertest.Click(`[data-feedback="firmer"]`))
	poll("the firmer press to wait", func() bool { return len(kinds()) == 1 })
	must(t, ctx, "press lighter", browsertest.Click(`[data-feedback="lighter"]`))
	poll("both presses to wait", func() bool { return len(kinds()) == 2 })
	f.once.Store(true)
	f.code.Store(http.StatusUnprocessableEntity)
	// the browser says it is online again: the page sends what waits now
	eval[bool](t, ctx, `dispatchEvent(new Event('online'))`)
	poll("the refused press to be dropped and the next to go", func() bool { return len(kinds()) == 0 && len(presses()) == 2 })
	if got := presses(); got[1] != store.Lighter {
		t.Errorf("the server kept %v, want good then lighter", got)
	}
	if s := toastText(); !strings.Contains(s, "Not saved (feedback): the press was refused for the test.") {
		t.Errorf("after the refusal the page says %q", s)
	}
	if n := f.seen.Load(); n < 4 {
		t.Errorf("only %d presses met the failing server", n)
	}
}
