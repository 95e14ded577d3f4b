// Command load drives `knead serve` as many people using it at once and
// prints the figures the budgets name: requests a second, errors by
// kind, p50/p99 latency and the server's memory (RSS from /proc).
//
// Each simulated user goes through the real flow, again and again until the
// time is up: plan, start a session, send its progress after each move
// (the first moves), press a feedback button, finish with a rating and a
// note; with -pause between requests. Traffic goes to loopback only; the
// run is bounded in users (at most 5,000) and time (at most 10 minutes).
//
//	go run ./bench/load -preset sqlite-500          (from the repository's root)
//	go run ./bench/load -preset sqlite-1000,sqlite-1000-paused,pg-200,pg-2x100
//	go run ./bench/load -preset all
//	go run ./bench/load -users 50 -duration 10s -db postgres
//	go run ./bench/load -addr 127.0.0.1:7878 -users 20 -duration 5s
//	go run ./bench/load -bin /tmp/knead-old -preset sqlite-500   (another build)
//	go run ./bench/load -preset sqlite-1000 -cpuprofile /tmp/knead.pprof   (then go tool pprof -top /tmp/knead.pprof)
//
// Presets and their budgets (on a 2-core machine):
//
//	sqlite-500          500 users, no pause, 20 s: every answer 2xx, p99 < 1 s
//	sqlite-1000         1,000 users, no pause, 60 s: 0 errors, p99 < 2 s, RSS < 200 MB
//	sqlite-1000-paused  1,000 users pausing 5 s, 60 s: 0 errors, p99 < 500 ms
//	pg-200              200 users, no pause, 20 s, PostgreSQL: 0 errors, p99 < 300 ms
//	pg-2x100            two servers on one PostgreSQL database, 100 users each: the same
//
// It starts a fresh server (and a throwaway PostgreSQL) for each preset and
// stops them after. It exits 1 when a budget is missed, 2 when it cannot
// measure.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to read PostgreSQL's counts
	"github.com/knead/knead/bench/internal/harness"
)

// budget is one preset: a load and what it must meet.
type budget struct {
	name     string
	users    int
	pause    time.Duration
	duration time.Duration
	db       string // sqlite or postgres
	servers  int
	all2xx   bool          // a 503 counts as a failure too
	p99      time.Duration // 0: none
	rss      int64         // bytes; 0: none
}

var presets = []budget{
	{name: "sqlite-500", users: 500, duration: 20 * time.Second, db: "sqlite", servers: 1, all2xx: true, p99: time.Second},
	{name: "sqlite-1000", users: 1000, duration: 60 * time.Second, db: "sqlite", servers: 1, all2xx: true, p99: 2 * time.Second, rss: 200 << 20},
	{name: "sqlite-1000-paused", users: 1000, pause: 5 * time.Second, duration: 60 * time.Second, db: "sqlite", servers: 1, all2xx: true, p99: 500 * time.Millisecond},
	{name: "pg-200", users: 200, duration: 20 * time.Second, db: "postgres", servers: 1, all2xx: true, p99: 300 * time.Millisecond},
	{name: "pg-2x100", users: 200, duration: 20 * time.Second, db: "postgres", servers: 2, all2xx: true, p99: 300 * time.Millisecond},
}

func main() {
	var (
		preset   = flag.String("preset", "", "comma-separated presets to run, or all: "+presetNames())
		users    = flag.Int("users", 100, "simulated users (at most 5000)")
		pause    = flag.Duration("pause", 0, "pause between a user's requests")
		duration = flag.Duration("duration", 20*time.Second, "how long to run (at most 10m)")
		db       = flag.String("db", "sqlite", "sqlite or postgres (a throwaway server is started)")
		servers  = flag.Int("servers", 1, "servers sharing the database (postgres)")
		addr     = flag.String("addr", "", "drive a server already running at this loopback HOST:PORT instead of starting one")
		bin      = flag.String("bin", "", "the knead binary to start (default: built from this repository)")
		moves    = flag.Int("moves", 6, "progress requests per session (one after each move)")
		profile  = flag.String("cpuprofile", "", "write the (first) server's CPU profile over the run to `FILE`, for go tool pprof (costs a little time)")
		stmts    = flag.Bool("statements", false, "PostgreSQL: count the statements each request sends (pg_stat_statements, which costs a little time: leave it off when timing)")
	)
	flag.Parse()
	var runs []budget
	switch {
	case *preset == "all":
		runs = presets
	case *preset != "":
		for _, n := range strings.Split(*preset, ",") {
			i := slices.IndexFunc(presets, func(b budget) bool { return b.name == n })
			if i < 0 {
				fail("unknown preset %q: %s", n, presetNames())
			}
			runs = append(runs, presets[i])
		}
	default:
		runs = []budget{{name: "custom", users: *users, pause: *pause, duration: *duration, db: *db, servers: *servers}}
	}
	for _, b := range runs {
		if b.users < 1 || b.users > 5000 || b.duration <= 0 || b.duration > 10*time.Minute || b.servers < 1 || b.servers > 4 {
			fail("users must be 1–5000, duration up to 10m, servers 1–4")
		}
	}
	if *addr != "" && !harness.Loopback(*addr) {
		fail("-addr %s is not a loopback address: this bench sends traffic to this machine only", *addr)
	}
	dir, err := os.MkdirTemp("", "knead-load")
	if err != nil {
		fail("%v", err)
	}
	defer os.RemoveAll(dir)
	if *bin == "" && *addr == "" {
		if *bin, err = harness.Build(dir); err != nil {
			fail("%v", err)
		}
	}
	missed := false
	for _, b := range runs {
		prof := *profile
		if prof != "" && len(runs) > 1 {
			prof = strings.TrimSuffix(prof, ".pprof") + "-" + b.name + ".pprof"
		}
		r, err := runOne(b, *bin, *addr, dir, *moves, *stmts, prof)
		if err != nil {
			fail("%s: %v", b.name, err)
		}
		if !r.report(b) {
			missed = true
		}
	}
	if missed {
		os.Exit(1)
	}
}

func presetNames() string {
	var n []string
	for _, b := range presets {
		n = append(n, b.name)
	}
	return strings.Join(n, ", ")
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "load: "+format+"\n", args...)
	os.Exit(2)
}

// result is what one run measured.
type result struct {
	took      time.Duration
	latencies []time.Duration
	byKind    map[string][]time.Duration // the same, by request (plan, session, progress, …)
	errors    map[string]int
	requests  int
	flows     int64
	peakRSS   int64
	stopped   []string // what each server said on SIGTERM
	logErrors int      // ERROR lines in the servers' logs
	firstErr  string   // the first of them
	// processor time used during the load: by the knead servers, and by
	// PostgreSQL (-1 when not measured)
	serverCPU, pgCPU time.Duration
	xacts            int64       // PostgreSQL transactions (an autocommit statement is one), -1 when not measured
	statements       []statement // with -statements, the most called first
}

// statement is one normalised statement as pg_stat_statements counts it.
type statement struct {
	calls  int64
	ms     float64 // total time executing, in milliseconds
	blocks int64   // shared buffers it touched (hit or read): work that does not depend on what else the machine runs
	query  string
}

func runOne(b budget, bin, addr, dir string, moves int, stmts bool, profile string) (*result, error) {
	var servers []*harness.Server
	var addrs []string
	var pg *harness.Postgres
	var pgdb *sql.DB
	dbName := ""
	if addr != "" {
		addrs = []string{addr}
	} else {
		db := filepath.Join(dir, b.name+".db")
		if b.db == "postgres" {
			var extra []string
			if stmts {
				extra = []string{"shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=top"}
			}
			var err error
			if pg, err = harness.StartPostgres(extra...); err != nil {
				return nil, err
			}
			defer pg.Stop()
			dbName = strings.ReplaceAll("knead_"+b.name, "-", "_")
			if err := pg.CreateDB(context.Background(), dbName); err != nil {
				return nil, err
			}
			db = pg.DSN(dbName)
			if pgdb, err = sql.Open("pgx", db); err != nil {
				return nil, err
			}
			defer pgdb.Close()
			pgdb.SetMaxOpenConns(1)
		}
		// The servers start together, as a deployment's would.
		type started struct {
			s   *harness.Server
			err error
		}
		ch := make(chan started, b.servers)
		for i := range b.servers {
			go func() {
				var extra []string
				if profile != "" && i == 0 {
					extra = []string{"--cpu-profile", profile}
				}
				s, err := harness.Start(bin, db, filepath.Join(dir, fmt.Sprintf("%s-%d.log", b.name, i)), extra...)
				ch <- started{s, err}
			}()
		}
		var firstErr error
		for range b.servers {
			st := <-ch
			if st.err != nil {
				firstErr = st.err
				continue
			}
			servers = append(servers, st.s)
			addrs = append(addrs, st.s.Addr)
		}
		defer func() {
			for _, s := range servers {
				if s.Cmd.ProcessState == nil {
					s.Kill()
				}
			}
		}()
		if firstErr != nil {
			return nil, fmt.Errorf("a server did not start: %w", firstErr)
		}
	}
	r := &result{errors: map[string]int{}, byKind: map[string][]time.Duration{}}
	var mu sync.Mutex
	tr := &http.Transport{
		MaxIdleConns: b.users * 2, MaxIdleConnsPerHost: b.users * 2, MaxConnsPerHost: 0,
		IdleConnTimeout: 30 * time.Second, DisableCompression: true,
		DialContext: (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
	}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	ctx, cancel := context.WithTimeout(context.Background(), b.duration)
	defer cancel()
	// memory, sampled while it runs
	var peak atomic.Int64
	go func() {
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			var sum int64
			for _, s := range servers {
				_, hwm := s.RSS()
				sum = max(sum, hwm)
			}
			if sum > peak.Load() {
				peak.Store(sum)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	// what the servers and the database did before the load is left out
	// of the figures per request
	cpu0, pgCPU0, xacts0 := serversCPU(servers), time.Duration(-1), int64(-1)
	if pg != nil {
		if stmts {
			if _, err := pgdb.Exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"); err != nil {
				return nil, fmt.Errorf("pg_stat_statements: %w", err)
			}
			if _, err := pgdb.Exec("SELECT pg_stat_statements_reset()"); err != nil {
				return nil, fmt.Errorf("pg_stat_statements: %w", err)
			}
		}
		xacts0 = pgXacts(pgdb, dbName)
		if t, err := pg.CPU(); err == nil {
			pgCPU0 = t
		}
	}
	start := time.Now()
	var wg sync.WaitGroup
	for u := range b.users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// users arrive spread over the first second, or over one
			// pause when they pause longer: a steady load, not one burst
			if !sleep(ctx, time.Duration(rand.Int64N(int64(max(time.Second, b.pause))))) {
				return
			}
			c := &user{client: client, base: "http://" + addrs[u%len(addrs)], pause: b.pause, moves: moves, n: u}
			local := &result{errors: map[string]int{}, byKind: map[string][]time.Duration{}}
			for ctx.Err() == nil {
				if c.flow(ctx, local) {
					local.flows++
				}
			}
			mu.Lock()
			r.latencies = append(r.latencies, local.latencies...)
			for k, l := range local.byKind {
				r.byKind[k] = append(r.byKind[k], l...)
			}
			r.requests += local.requests
			r.flows += local.flows
			for k, v := range local.errors {
				r.errors[k] += v
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.took = time.Since(start)
	r.peakRSS = peak.Load()
	r.serverCPU, r.pgCPU, r.xacts = -1, -1, -1
	if len(servers) > 0 {
		r.serverCPU = serversCPU(servers) - cpu0
	}
	// PostgreSQL's backends are still there (idle): their time is read
	// from them, that of those that ended from the postmaster
	if pg != nil {
		if t, err := pg.CPU(); err == nil && pgCPU0 >= 0 {
			r.pgCPU = t - pgCPU0
		}
	}

	for _, s := range servers {
		out, err := s.Stop()
		said := "exited without saying Stopped."
		if strings.Contains(out, "Stopped.") {
			said = "Stopped."
		}
		if err != nil {
			said += fmt.Sprintf(" (%v)", err)
		}
		r.stopped = append(r.stopped, said)
		if log, err := os.ReadFile(s.Log); err == nil {
			r.logErrors += strings.Count(string(log), "level=ERROR")
			if i := strings.Index(string(log), "level=ERROR"); i >= 0 && r.firstErr == "" {
				line, _, _ := strings.Cut(string(log[i:]), "\n")
				r.firstErr = line
			}
		}
	}
	// The servers have stopped, so their backends have ended and reported
	// their counts.
	if pg != nil {
		if x := pgXacts(pgdb, dbName); x >= 0 && xacts0 >= 0 {
			r.xacts = x - xacts0 - 1 // less its own
		}
		if stmts {
			var err error
			if r.statements, err = pgStatements(pgdb, dbName); err != nil {
				return nil, fmt.Errorf("pg_stat_statements: %w", err)
			}
		}
	}
	return r, nil
}

func serversCPU(servers []*harness.Server) time.Duration {
	var t time.Duration
	for _, s := range servers {
		t += s.CPU()
	}
	return t
}

// pgXacts is how many transactions database name has committed or rolled
// back (the statistics lag by up to a second), or -1.
func pgXacts(db *sql.DB, name string) int64 {
	time.Sleep(1100 * time.Millisecond) // let the backends report
	var n int64
	if err := db.QueryRow(`SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = $1`, name).Scan(&n); err != nil {
		return -1
	}
	return n
}

// pgStatements gives what pg_stat_statements counted in database name,
// the most called first.
func pgStatements(db *sql.DB, name string) ([]statement, error) {
	rows, err := db.Query(`SELECT s.calls, s.total_exec_time, s.shared_blks_hit + s.shared_blks_read, s.query FROM pg_stat_statements s
		JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1 AND s.query NOT LIKE '%pg_stat%'
		ORDER BY s.calls DESC, s.total_exec_time DESC`, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []statement
	for rows.Next() {
		var x statement
		if err := rows.Scan(&x.calls, &x.ms, &x.blocks, &x.query); err != nil {
			return nil, err
		}
		x.query = strings.Join(strings.Fields(x.query), " ")
		out = append(out, x)
	}
	return out, rows.Err()
}

func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// user is one simulated person.
type user struct {
	client *http.Client
	base   string
	pause  time.Duration
	moves  int
	n      int
	seq    int
}

// areas the planner fills for a partner at 5, 10 and 15 minutes
var areas = []string{"upper-back", "scalp", "feet", "lower-back"}

// flow runs one pass of the real flow; it reports whether it got to the end.
func (u *user) flow(ctx context.Context, r *result) bool {
	req := map[string]any{"areas": []string{areas[rand.IntN(len(areas))]}, "minutes": 5 + rand.IntN(3)*5, "mode": "partner"}
	if _, ok := u.post(ctx, r, "plan", "/api/plan", req, nil); !ok {
		return false
	}
	var s struct {
		ID     string
		Script struct {
			Moves []struct {
				Start, Seconds float64
			}
		}
	}
	if _, ok := u.post(ctx, r, "session", "/api/sessions", req, &s); !ok || s.ID == "" {
		return false
	}
	at := 0.0
	for i, m := range s.Script.Moves {
		if i >= u.moves {
			break
		}
		at = m.Start + m.Seconds/2
		if _, ok := u.post(ctx, r, "progress", "/api/sessions/"+s.ID+"/progress", map[string]any{"offset": at, "running": true}, nil); !ok {
			return false
		}
	}
	u.seq++
	kinds := []string{"lighter", "good", "firmer", "sore"}
	fb := map[string]any{"key": fmt.Sprintf("u%d-%d", u.n, u.seq), "kind": kinds[rand.IntN(4)], "offset": at}
	if _, ok := u.post(ctx, r, "feedback", "/api/sessions/"+s.ID+"/feedback", fb, nil); !ok {
		return false
	}
	_, ok := u.post(ctx, r, "finish", "/api/sessions/"+s.ID+"/finish", map[string]any{"rating": 1 + rand.IntN(5), "note": "a bit more on the shoulders next time"}, nil)
	return ok
}

// post sends one request after the pause, times it and files its error
// by kind; out, if set, receives the answer.
func (u *user) post(ctx context.Context, r *result, what, path string, body, out any) (int, bool) {
	if !sleep(ctx, u.pause) {
		return 0, false
	}
	b, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(ctx, "POST", u.base+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := u.client.Do(req)
	took := time.Since(start)
	if err != nil {
		if ctx.Err() != nil {
			return 0, false // the run ended mid-request: not counted
		}
		r.requests++
		r.latencies = append(r.latencies, took)
		r.byKind[what] = append(r.byKind[what], took)
		kind := "transport"
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			kind = "timeout"
		}
		r.errors[what+": "+kind]++
		return 0, false
	}
	var e struct {
		Error struct{ Code string }
	}
	raw := new(bytes.Buffer)
	raw.ReadFrom(resp.Body)
	resp.Body.Close()
	r.requests++
	r.latencies = append(r.latencies, took)
	r.byKind[what] = append(r.byKind[what], took)
	if resp.StatusCode >= 300 {
		json.Unmarshal(raw.Bytes(), &e)
		r.errors[fmt.Sprintf("%s: %d %s", what, resp.StatusCode, e.Error.Code)]++
		return resp.StatusCode, false
	}
	if out != nil {
		json.Unmarshal(raw.Bytes(), out)
	}
	return resp.StatusCode, true
}

func pct(l []time.Duration, p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	i := int(float64(len(l)-1) * p)
	return l[i]
}

// report prints the figures against b's budgets and says whether they
// were met.
func (r *result) report(b budget) bool {
	sort.Slice(r.latencies, func(i, j int) bool { return r.latencies[i] < r.latencies[j] })
	errs := 0
	var kinds []string
	for k, v := range r.errors {
		errs += v
		kinds = append(kinds, fmt.Sprintf("%s ×%d", k, v))
	}
	sort.Strings(kinds)
	p50, p99 := pct(r.latencies, 0.50), pct(r.latencies, 0.99)
	where := b.db
	if b.servers > 1 {
		where = fmt.Sprintf("%d servers on one %s database", b.servers, b.db)
	}
	fmt.Printf("== %s: %d users, pause %s, %s, %s\n", b.name, b.users, b.pause, b.duration, where)
	fmt.Printf("requests    %d in %.1f s = %.0f/s (%d whole flows)\n", r.requests, r.took.Seconds(), float64(r.requests)/r.took.Seconds(), r.flows)
	rate := 0.0
	if r.requests > 0 {
		rate = 100 * float64(errs) / float64(r.requests)
	}
	fmt.Printf("errors      %d (%.2f%%)", errs, rate)
	if len(kinds) > 0 {
		fmt.Printf(": %s", strings.Join(kinds, ", "))
	}
	fmt.Println()
	fmt.Printf("latency     p50 %s  p99 %s  max %s\n", p50.Round(time.Millisecond), p99.Round(time.Millisecond), pct(r.latencies, 1).Round(time.Millisecond))
	for _, k := range []string{"plan", "session", "progress", "feedback", "finish"} {
		l := r.byKind[k]
		sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
		if len(l) > 0 {
			fmt.Printf("  %-9s p50 %s  p99 %s  (%d)\n", k, pct(l, 0.5).Round(time.Millisecond), pct(l, 0.99).Round(time.Millisecond), len(l))
		}
	}
	if r.peakRSS > 0 {
		fmt.Printf("memory      peak RSS %d MB (largest server)\n", r.peakRSS>>20)
	}
	// Processor time and round trips per request hardly depend on what
	// else the machine runs, unlike the latencies: compare them across builds.
	if r.requests > 0 && r.serverCPU >= 0 {
		fmt.Printf("cpu         knead %.2f ms a request", float64(r.serverCPU.Microseconds())/1000/float64(r.requests))
		if r.pgCPU >= 0 {
			fmt.Printf(", PostgreSQL %.2f ms a request", float64(r.pgCPU.Microseconds())/1000/float64(r.requests))
		}
		fmt.Println()
	}
	if r.requests > 0 && r.xacts >= 0 {
		fmt.Printf("database    %.2f transactions a request", float64(r.xacts)/float64(r.requests))
		if len(r.statements) > 0 {
			var calls, blocks int64
			for _, x := range r.statements {
				calls += x.calls
				blocks += x.blocks
			}
			fmt.Printf(", %.2f statements a request (round trips, BEGIN and COMMIT included), %.1f buffers a request", float64(calls)/float64(r.requests), float64(blocks)/float64(r.requests))
		}
		fmt.Println()
		if len(r.statements) > 0 {
			fmt.Printf("            %6s %9s %8s  %s\n", "a flow", "time", "buffers", "statement (time and buffers a call)")
		}
		for i, x := range r.statements {
			if i == 15 {
				break
			}
			fmt.Printf("            %6.2f %6.3f ms %8.1f  %.100s\n", float64(x.calls)/float64(max(r.flows, 1)), x.ms/float64(x.calls), float64(x.blocks)/float64(x.calls), x.query)
		}
	}
	if len(r.stopped) > 0 {
		fmt.Printf("stopping    %s; %d ERROR lines in the servers' logs\n", strings.Join(r.stopped, ", "), r.logErrors)
		if r.firstErr != "" {
			fmt.Printf("            the first: %.300s\n", r.firstErr)
		}
	}
	ok := true
	check := func(what string, met bool) {
		mark := "met"
		if !met {
			mark, ok = "MISSED", false
		}
		fmt.Printf("budget      %-32s %s\n", what, mark)
	}
	if b.all2xx {
		check("0 errors, every answer 2xx", errs == 0)
	}
	if b.p99 > 0 {
		check(fmt.Sprintf("p99 under %s", b.p99), p99 < b.p99)
	}
	if b.rss > 0 {
		check(fmt.Sprintf("memory under %d MB", b.rss>>20), r.peakRSS > 0 && r.peakRSS < b.rss)
	}
	return ok
}
