// Command crash checks that `knead serve` keeps every write it acknowledged
// when it is killed without warning, and that servers starting together on
// an empty PostgreSQL database all start.
//
// Each trial starts the server, lets simulated users go through the real
// flow (start a session, progress after each move, feedback, finish),
// noting every write the server acknowledged (a 2xx answer), kills the
// server with SIGKILL at a random moment, starts it again on the same
// database and reads every session back: a session, a place, a press or an
// ending that was acknowledged and is not there is a lost write.
//
//	go run ./bench/crash                       (from the repository's root)
//	go run ./bench/crash -db sqlite -trials 5
//	go run ./bench/crash -startups 20 -trials 0
//
// Budgets: 0 acknowledged writes lost over 20 trials per backend; 0 failed
// start-ups over 20 trials of 4 servers starting at once on an empty
// PostgreSQL database. Loopback only. It exits 1 when a budget is missed,
// 2 when it cannot measure.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/knead/knead/bench/internal/harness"
)

func main() {
	run()
	os.Exit(exitCode)
}

func run() {
	var (
		dbs      = flag.String("db", "both", "sqlite, postgres or both")
		trials   = flag.Int("trials", 20, "kill -9 trials per backend (at most 100)")
		users    = flag.Int("users", 20, "simulated users during each trial (at most 200)")
		startups = flag.Int("startups", 20, "trials of 4 servers starting at once on an empty PostgreSQL database (0: none)")
		bin      = flag.String("bin", "", "the knead binary (default: built from this repository)")
	)
	flag.Parse()
	if *trials < 0 || *trials > 100 || *users < 1 || *users > 200 || *startups < 0 || *startups > 100 {
		fail("trials 0–100, users 1–200, startups 0–100")
	}
	dir, err := os.MkdirTemp("", "knead-crash")
	if err != nil {
		fail("%v", err)
	}
	defer os.RemoveAll(dir)
	if *bin == "" {
		if *bin, err = harness.Build(dir); err != nil {
			fail("%v", err)
		}
	}
	var pg *harness.Postgres
	needPG := *dbs != "sqlite" || *startups > 0
	if needPG {
		if pg, err = harness.StartPostgres(); err != nil {
			fail("%v", err)
		}
		defer pg.Stop()
	}
	missed := false
	backends := map[string][]string{"sqlite": {"sqlite"}, "postgres": {"postgres"}, "both": {"sqlite", "postgres"}}[*dbs]
	if backends == nil {
		fail("-db must be sqlite, postgres or both")
	}
	for _, b := range backends {
		if *trials == 0 {
			break
		}
		db := filepath.Join(dir, "crash.db")
		if b == "postgres" {
			if err := pg.CreateDB(context.Background(), "knead_crash"); err != nil {
				fail("%v", err)
			}
			db = pg.DSN("knead_crash")
		}
		var acked, lost, kills int
		for t := range *trials {
			a, l, err := trial(*bin, db, dir, *users, t)
			if err != nil {
				fail("%s trial %d: %v", b, t+1, err)
			}
			acked, lost, kills = acked+a, lost+l, kills+1
		}
		fmt.Printf("== kill -9 on %s: %d trials, %d acknowledged writes, %d lost\n", b, kills, acked, lost)
		missed = report("0 acknowledged writes lost", lost == 0) || missed
	}
	if *startups > 0 {
		failed := 0
		for t := range *startups {
			name := fmt.Sprintf("knead_start_%d", t)
			if err := pg.CreateDB(context.Background(), name); err != nil {
				fail("%v", err)
			}
			failed += startTogether(*bin, pg.DSN(name), dir, 4)
		}
		fmt.Printf("== %d trials of 4 servers starting at once on an empty PostgreSQL database: %d of %d start-ups failed\n", *startups, failed, 4**startups)
		missed = report("0 failed start-ups", failed == 0) || missed
	}
	if missed {
		exitCode = 1
	}
}

// exitCode is set when a budget is missed; main exits with it after the
// deferred clean-up (PostgreSQL stopped, the temp folder removed) has run.
var exitCode int

func report(what string, met bool) (missed bool) {
	mark := "met"
	if !met {
		mark = "MISSED"
	}
	fmt.Printf("budget      %-32s %s\n", what, mark)
	return !met
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "crash: "+format+"\n", args...)
	os.Exit(2)
}

// ledger is what the server acknowledged for one session.
type ledger struct {
	offset   float64
	keys     []string
	rating   int
	finished bool
}

// trial runs users against a server, kills it, restarts it and counts the
// acknowledged writes that are missing.
func trial(bin, db, dir string, users, n int) (acked, lost int, err error) {
	s, err := harness.Start(bin, db, filepath.Join(dir, fmt.Sprintf("trial-%d.log", n)))
	if err != nil {
		return 0, 0, err
	}
	var mu sync.Mutex
	book := map[string]*ledger{}
	client := &http.Client{Timeout: 10 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; ctx.Err() == nil; k++ {
				var x struct {
					ID     string
					Script struct {
						Moves []struct{ Start, Seconds float64 }
					}
				}
				if !post(ctx, client, s.Addr, "/api/sessions", map[string]any{"areas": []string{"upper-back"}, "minutes": 5, "mode": "partner"}, &x) {
					continue
				}
				l := &ledger{}
				mu.Lock()
				book[x.ID] = l
				acked++
				mu.Unlock()
				for i, m := range x.Script.Moves {
					if i >= 4 {
						break
					}
					var p struct{ Offset float64 }
					if !post(ctx, client, s.Addr, "/api/sessions/"+x.ID+"/progress", map[string]any{"offset": m.Start + 1, "running": true}, &p) {
						break
					}
					mu.Lock()
					l.offset = p.Offset
					acked++
					mu.Unlock()
				}
				key := fmt.Sprintf("t%d-u%d-%d", n, u, k)
				if post(ctx, client, s.Addr, "/api/sessions/"+x.ID+"/feedback", map[string]any{"key": key, "kind": "good", "offset": l.offset}, nil) {
					mu.Lock()
					l.keys = append(l.keys, key)
					acked++
					mu.Unlock()
				}
				r := 1 + rand.IntN(5)
				if post(ctx, client, s.Addr, "/api/sessions/"+x.ID+"/finish", map[string]any{"rating": r, "note": "kept?"}, nil) {
					mu.Lock()
					l.rating, l.finished = r, true
					acked++
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(time.Duration(300+rand.IntN(2200)) * time.Millisecond)
	s.Kill() // kill -9: no shutdown, no close
	cancel()
	wg.Wait()
	s, err = harness.Start(bin, db, filepath.Join(dir, fmt.Sprintf("trial-%d-after.log", n)))
	if err != nil {
		return acked, 0, fmt.Errorf("restart after kill -9: %w", err)
	}
	defer s.Stop()
	for id, l := range book {
		var x struct {
			Progress   struct{ Offset float64 }
			Feedback   []struct{ Key string }
			Rating     int
			FinishedAt *time.Time `json:"finished_at"`
		}
		resp, err := client.Get("http://" + s.Addr + "/api/sessions/" + id)
		if err != nil {
			return acked, lost, err
		}
		if resp.StatusCode == 404 {
			lost += 1 + len(l.keys) + btoi(l.finished) + btoi(l.offset > 0)
			harness.Drain(resp.Body)
			continue
		}
		err = json.NewDecoder(resp.Body).Decode(&x)
		harness.Drain(resp.Body)
		if err != nil || resp.StatusCode != 200 {
			return acked, lost, fmt.Errorf("read back %s: %d %v", id, resp.StatusCode, err)
		}
		if x.Progress.Offset < l.offset {
			lost++
		}
		have := map[string]bool{}
		for _, f := range x.Feedback {
			have[f.Key] = true
		}
		for _, k := range l.keys {
			if !have[k] {
				lost++
			}
		}
		if l.finished && (x.FinishedAt == nil || x.Rating != l.rating) {
			lost++
		}
	}
	return acked, lost, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// post sends one write and reports whether the server acknowledged it.
func post(ctx context.Context, c *http.Client, addr, path string, body, out any) bool {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(ctx, "POST", "http://"+addr+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return false
	}
	defer harness.Drain(resp.Body)
	if resp.StatusCode/100 != 2 {
		return false
	}
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out) == nil
	}
	return true
}

// startTogether starts n servers at once on db and counts those that did
// not start.
func startTogether(bin, db, dir string, n int) (failed int) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var started []*harness.Server
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := harness.Start(bin, db, filepath.Join(dir, fmt.Sprintf("start-%d.log", i)))
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				fmt.Fprintf(os.Stderr, "a server did not start: %v\n", err)
				failed++
				return
			}
			started = append(started, s)
		}()
	}
	wg.Wait()
	for _, s := range started {
		s.Stop()
	}
	return failed
}
