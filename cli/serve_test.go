package cli

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		env  map[string]string
		want serveOptions
		err  string
	}{
		{args: []string{"serve"}, want: serveOptions{Addr: "127.0.0.1:7878"}},
		{args: []string{"serve", "--addr", "0.0.0.0:9000", "--db", "/tmp/k.db"}, want: serveOptions{Addr: "0.0.0.0:9000", DB: "/tmp/k.db"}},
		{args: []string{"serve"}, env: map[string]string{"KNEAD_ADDR": ":8080", "KNEAD_DB": "postgres://u@h/d"}, want: serveOptions{Addr: ":8080", DB: "postgres://u@h/d"}},
		{args: []string{"serve", "--test-clock"}, want: serveOptions{Addr: "127.0.0.1:7878", TestClock: true}},
		{args: []string{"serve", "--addr", "7878"}, err: `--addr "7878" is not HOST:PORT`},
		{args: []string{"serve", "--db", "postgres:knead"}, err: "a PostgreSQL address starts with postgres://"},
		{args: []string{"serve", "extra"}, err: "extra"},
	}
	for _, tt := range tests {
		inv, err := Parse(tt.args, func(k string) string { return tt.env[k] })
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%v: err = %v, want %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		got := inv.Options.(*serveOptions)
		if got.Addr != tt.want.Addr || got.DB != tt.want.DB || got.TestClock != tt.want.TestClock {
			t.Errorf("%v: %+v, want %+v", tt.args, got, tt.want)
		}
	}
}

// syncBuffer is a buffer two goroutines may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The real server boots on a free port with a database in a temp folder,
// answers, and stops cleanly when its context ends.
func TestServeBootsAndStops(t *testing.T) {
	t.Run("a database named with --db", func(t *testing.T) {
		bootAndStop(t, filepath.Join(t.TempDir(), "knead.db"), "")
	})
	// the README's first command on a fresh machine: no --db, no data folder yet
	t.Run("the default database on a fresh machine", func(t *testing.T) {
		data := filepath.Join(t.TempDir(), "fresh")
		t.Setenv("XDG_DATA_HOME", data)
		bootAndStop(t, "", filepath.Join(data, "knead", "knead.db"))
	})
}

// bootAndStop runs serve with db (or the default, "") and checks it answers,
// says where its database is (want, or db) and stops cleanly.
func bootAndStop(t *testing.T, db, want string) {
	if want == "" {
		want = db
	}
	o := &serveOptions{Addr: "127.0.0.1:0", DB: db}
	ready := make(chan string, 1)
	o.ready = func(addr string) { ready <- addr }
	var out, errs syncBuffer
	env := newEnv(Streams{Out: &out, Err: &errs}, Global{LogLevel: "warn"})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- o.Run(ctx, env) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v\n%s", err, errs.String())
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	for _, path := range []string{"/healthz", "/", "/library"} {
		r, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != 200 {
			t.Errorf("%s = %d", path, r.StatusCode)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v", err)
	}
	if s := out.String(); !strings.Contains(s, "Knead is ready at http://"+addr) || !strings.Contains(s, want) || !strings.Contains(s, "Stopped.") {
		t.Errorf("output:\n%s", s)
	}
}

func TestServeRefusesABusyPort(t *testing.T) {
	o := &serveOptions{Addr: "127.0.0.1:0", DB: filepath.Join(t.TempDir(), "k.db")}
	ready := make(chan string, 1)
	o.ready = func(addr string) { ready <- addr }
	env := newEnv(Streams{Out: &syncBuffer{}, Err: &syncBuffer{}}, Global{LogLevel: "warn"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- o.Run(ctx, env) }()
	addr := <-ready
	second := &serveOptions{Addr: addr, DB: filepath.Join(t.TempDir(), "k2.db")}
	err := second.Run(context.Background(), newEnv(Streams{Out: &syncBuffer{}, Err: &syncBuffer{}}, Global{LogLevel: "warn"}))
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "is taken") || !strings.Contains(err.Error(), "pick another port with --addr 127.0.0.1:") {
		t.Errorf("err = %v, want an input error that says the port is taken and suggests --addr", err)
	}
	cancel()
	<-done
}

// BenchmarkServeStart measures `knead serve` from the command to its first
// answer (budget: under 300 ms). Run: go test ./cli -run - -bench ServeStart
func BenchmarkServeStart(b *testing.B) {
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		o := &serveOptions{Addr: "127.0.0.1:0", DB: filepath.Join(dir, "k.db")}
		ready := make(chan string, 1)
		o.ready = func(addr string) { ready <- addr }
		env := newEnv(Streams{Out: &syncBuffer{}, Err: &syncBuffer{}}, Global{LogLevel: "error"})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- o.Run(ctx, env) }()
		r, err := http.Get("http://" + <-ready + "/healthz")
		if err != nil {
			b.Fatal(err)
		}
		r.Body.Close()
		cancel()
		<-done
	}
}
