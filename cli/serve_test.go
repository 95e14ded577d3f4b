package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
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

// startServeLogged runs serve on a free port and a temp database; stop cancels it
// and gives what Run returned.
func startServeLogged(t *testing.T, o *serveOptions, level string) (addr string, out, logs *syncBuffer, stop func() error) {
	t.Helper()
	ready := make(chan string, 1)
	o.ready = func(a string) { ready <- a }
	out, logs = &syncBuffer{}, &syncBuffer{}
	env := newEnv(Streams{Out: out, Err: logs}, Global{LogLevel: level})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- o.Run(ctx, env) }()
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v\n%s", err, logs.String())
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
	t.Cleanup(func() { stop() })
	return addr, out, logs, stop
}

// SIGTERM (the context ending) with a slow upload in flight: the server
// waits its grace, cuts the upload, closes the database and says
// "Stopped." instead of failing (it exited 1, silently, before).
func TestServeStopsWithASlowUploadInFlight(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	o := &serveOptions{Addr: "127.0.0.1:0", DB: db, grace: 300 * time.Millisecond}
	addr, out, _, stop := startServeLogged(t, o, "warn")
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /api/plan HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"areas\":", addr)
	time.Sleep(100 * time.Millisecond) // the handler is reading the body
	start := time.Now()
	if err := stop(); err != nil {
		t.Errorf("serve returned %v", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("stopping took %s with a grace of 300ms", took)
	}
	if !strings.Contains(out.String(), "Stopped.") {
		t.Errorf("output:\n%s", out.String())
	}
	// closing the last connection checkpoints SQLite and removes the WAL
	if _, err := os.Stat(db + "-wal"); !os.IsNotExist(err) {
		t.Errorf("the database was not closed: %s-wal is still there (%v)", db, err)
	}
}

// net/http's own early answers come out as typed JSON: headers over the
// limit give 431, a request it cannot read 400.
func TestServeTypesTheStandardLibrarysErrors(t *testing.T) {
	o := &serveOptions{Addr: "127.0.0.1:0", DB: filepath.Join(t.TempDir(), "k.db")}
	addr, _, _, _ := startServeLogged(t, o, "warn")
	for _, tc := range []struct {
		req    string
		status int
		code   string
	}{
		{"GET /api/areas HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 1<<20+8192) + "\r\n\r\n", 431, "headers_too_large"},
		{"GET /api/areas HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400, "bad_request"},
	} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		go io.WriteString(c, tc.req)
		r, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		var e struct {
			Error struct{ Code, Message string }
		}
		err = json.NewDecoder(r.Body).Decode(&e)
		c.Close()
		if r.StatusCode != tc.status || err != nil || e.Error.Code != tc.code || e.Error.Message == "" ||
			!strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%d %s %+v %v, want %d with code %s", r.StatusCode, r.Header.Get("Content-Type"), e, err, tc.status, tc.code)
		}
	}
}

// A client that goes away mid-request is logged as such, not as an ERROR
// with status 500.
func TestServeLogsClientsThatLeave(t *testing.T) {
	o := &serveOptions{Addr: "127.0.0.1:0", DB: filepath.Join(t.TempDir(), "k.db")}
	addr, _, logs, stop := startServeLogged(t, o, "info")
	for range 5 {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "POST", "http://"+addr+"/api/sessions",
			strings.NewReader(`{"areas":["back","neck","scalp","feet","hands"],"minutes":90}`))
		req.Header.Set("Content-Type", "application/json")
		go func() { time.Sleep(time.Millisecond); cancel() }()
		if r, err := http.DefaultClient.Do(req); err == nil {
			r.Body.Close()
		}
	}
	time.Sleep(200 * time.Millisecond)
	stop()
	if s := logs.String(); strings.Contains(s, "level=ERROR") || strings.Contains(s, "status=500") {
		t.Errorf("a client leaving was logged as a server error:\n%s", s)
	}
}
