// Package harness starts what the load and crash benches drive: a knead
// binary built from this repository, `knead serve` on a free loopback port,
// and a throwaway PostgreSQL from the machine's PostgreSQL 15 binaries (as
// .ci/run does). Everything listens on 127.0.0.1 only, and everything it
// starts it stops.
package harness

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to make databases
)

// Build compiles ./cmd/knead into dir (run from the repository's root).
func Build(dir string) (string, error) {
	bin := filepath.Join(dir, "knead")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/knead")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("build knead (run from the repository's root): %w", err)
	}
	return bin, nil
}

// Loopback reports whether addr (host:port) is on this machine's loopback.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Server is one running `knead serve`.
type Server struct {
	Addr string
	Cmd  *exec.Cmd
	Log  string // its standard error, in a file
	out  *strings.Builder
	done chan error
}

// Start runs bin serve on a free loopback port with db and waits until it
// says it is ready.
func Start(bin, db, logFile string, extra ...string) (*Server, error) {
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--db", db}, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Dir(logFile))
	lf, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	cmd.Stderr = lf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		lf.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		lf.Close()
		return nil, err
	}
	s := &Server{Cmd: cmd, Log: logFile, out: &strings.Builder{}, done: make(chan error, 1)}
	ready := make(chan string, 1)
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			s.out.WriteString(line + "\n")
			if a, ok := strings.CutPrefix(line, "Knead is ready at http://"); ok {
				ready <- strings.TrimSuffix(a, "/")
			}
		}
	}()
	// Wait closes the pipe: only once all of it is read (the last line,
	// "Stopped.", was sometimes lost, and the run said the server
	// exited without saying it)
	go func() { <-read; s.done <- cmd.Wait(); lf.Close() }()
	select {
	case s.Addr = <-ready:
		return s, nil
	case err := <-s.done:
		log, _ := os.ReadFile(logFile)
		return nil, fmt.Errorf("serve exited (%v): %s", err, tail(string(log), 600))
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		return nil, errors.New("serve did not become ready within 60 s")
	}
}

// Stop sends SIGTERM and waits (at most 20 s) for it to exit; it gives
// what the server printed.
func (s *Server) Stop() (string, error) {
	s.Cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		return s.out.String(), err
	case <-time.After(20 * time.Second):
		s.Cmd.Process.Kill()
		return s.out.String(), errors.New("serve did not stop within 20 s of SIGTERM")
	}
}

// Kill ends it at once (kill -9) and waits for it to be gone.
func (s *Server) Kill() {
	s.Cmd.Process.Signal(syscall.SIGKILL)
	<-s.done
}

// RSS gives the server's resident memory now and at its peak, in bytes.
func (s *Server) RSS() (now, peak int64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.Cmd.Process.Pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			now = kb << 10
		case "VmHWM:":
			peak = kb << 10
		}
	}
	return now, peak
}

// Postgres is a throwaway PostgreSQL server in a temp folder.
type Postgres struct {
	Dir    string
	Port   int
	asUser []string
	ctl    string
}

// StartPostgres initialises and starts a PostgreSQL server listening on
// 127.0.0.1 only, from /usr/lib/postgresql/15/bin (or PATH). As root it
// runs as the postgres user, since initdb refuses root. Its settings are
// PostgreSQL's defaults (fsync and synchronous_commit on, as a user's
// server has them) but for the connection limit; extra adds "-c name=value"
// settings.
func StartPostgres(extra ...string) (*Postgres, error) {
	bin := "/usr/lib/postgresql/15/bin"
	initdb, ctl := filepath.Join(bin, "initdb"), filepath.Join(bin, "pg_ctl")
	if _, err := os.Stat(initdb); err != nil {
		var e1, e2 error
		initdb, e1 = exec.LookPath("initdb")
		ctl, e2 = exec.LookPath("pg_ctl")
		if e1 != nil || e2 != nil {
			return nil, errors.New("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
		}
	}
	dir, err := os.MkdirTemp("", "knead-bench-pg")
	if err != nil {
		return nil, err
	}
	p := &Postgres{Dir: dir, Port: 40000 + rand.IntN(20000), ctl: ctl}
	if os.Geteuid() == 0 {
		if _, err := user.Lookup("postgres"); err != nil {
			if out, err := exec.Command("useradd", "--system", "--no-create-home", "postgres").CombinedOutput(); err != nil {
				return nil, fmt.Errorf("useradd postgres: %v: %s", err, out)
			}
		}
		if out, err := exec.Command("chown", "postgres", dir).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("chown: %v: %s", err, out)
		}
		p.asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	if out, err := p.run(initdb, "-D", dir+"/data", "-U", "knead", "--auth=trust", "-E", "UTF8"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, tail(out, 400))
	}
	opts := fmt.Sprintf("-k %s -p %d -c listen_addresses=127.0.0.1 -c max_connections=200", dir, p.Port)
	for _, e := range extra {
		opts += " -c " + e
	}
	if out, err := p.run(ctl, "-D", dir+"/data", "-l", dir+"/server.log", "-w", "-t", "30", "-o", opts, "start"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_ctl start: %v: %s", err, tail(out, 400))
	}
	return p, nil
}

func (p *Postgres) run(name string, args ...string) (string, error) {
	all := append(append([]string{}, p.asUser...), name)
	all = append(all, args...)
	out, err := exec.Command(all[0], all[1:]...).CombinedOutput()
	return string(out), err
}

// DSN names database db on it.
func (p *Postgres) DSN(db string) string {
	return fmt.Sprintf("postgres://knead@127.0.0.1:%d/%s?sslmode=disable", p.Port, db)
}

// CreateDB makes an empty database.
func (p *Postgres) CreateDB(ctx context.Context, name string) error {
	db, err := sql.Open("pgx", p.DSN("postgres"))
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "CREATE DATABASE "+name)
	return err
}

// CPU is the processor time PostgreSQL has used so far: the postmaster's,
// its children's that have ended, and those of the backends still running.
func (p *Postgres) CPU() (time.Duration, error) {
	b, err := os.ReadFile(filepath.Join(p.Dir, "data", "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pm, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		return 0, fmt.Errorf("postmaster.pid: %w", err)
	}
	total, _, err := procCPU(pm, true)
	if err != nil {
		return 0, err
	}
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range procs {
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
		if pid == pm {
			continue
		}
		if t, ppid, err := procCPU(pid, false); err == nil && ppid == pm {
			total += t
		}
	}
	return total, nil
}

// CPU is the processor time the server has used so far.
func (s *Server) CPU() time.Duration {
	t, _, _ := procCPU(s.Cmd.Process.Pid, false)
	return t
}

// procCPU reads a process's user and system time from /proc (with its
// ended children's, when children is set), and its parent's id.
func procCPU(pid int, children bool) (time.Duration, int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, 0, err
	}
	// the command name, in parentheses, may hold spaces: fields start after it
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, 0, errors.New("unreadable /proc stat")
	}
	f := strings.Fields(string(b[i+1:]))
	// f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
	if len(f) < 15 {
		return 0, 0, errors.New("short /proc stat")
	}
	ppid, _ := strconv.Atoi(f[1])
	last := 12
	if children {
		last = 14
	}
	var ticks int64
	for _, v := range f[11 : last+1] {
		n, _ := strconv.ParseInt(v, 10, 64)
		ticks += n
	}
	// USER_HZ is 100 on Linux
	return time.Duration(ticks) * 10 * time.Millisecond, ppid, nil
}

// Stop stops the server and removes its folder.
func (p *Postgres) Stop() {
	p.run(p.ctl, "-D", p.Dir+"/data", "-m", "fast", "stop")
	os.RemoveAll(p.Dir)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// Drain reads r to the end and closes it, so its connection is reused.
func Drain(r io.ReadCloser) {
	io.Copy(io.Discard, r)
	r.Close()
}
