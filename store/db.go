package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// pool is how every store method reaches the database; code for a new
// table uses it (s.db) exactly as it would a *sql.DB, and inherits the
// discipline that holds under load:
//
//   - reads (SELECT) go to the readers, in parallel;
//   - writes (ExecContext, a query that INSERTs, UPDATEs or DELETEs, and
//     BeginTx) go to the writer. On SQLite that is one connection, taken in
//     turn, the oldest request first (see turns), so
//     writers queue in Go instead of fighting over the file's lock until
//     busy_timeout runs out. A transaction holds the writer until Commit or
//     Rollback: keep it short, read what you can before it, and never call
//     s.db from inside it (use the tx);
//   - a statement the database answers "busy" is tried again a few times;
//   - text no database keeps (a NUL byte, invalid UTF-8) is refused before
//     it reaches one, as an *InvalidError naming the column;
//   - every error comes back classified (see Classify).
//
// Parameters are written $1, $2, … in every query; the pool rebinds them
// for the driver (calling s.d.rebind first as well does no harm).
type pool struct {
	r, w *sql.DB // readers and writer; the same *sql.DB on PostgreSQL
	// turn is the writer's turn on SQLite (room for one), taken by writes.
	// On PostgreSQL it is the connections (room for as many as may be
	// open), taken by every statement, reads too (all): database/sql hands
	// a free connection to a waiting caller picked at random, so under
	// load some callers waited far longer than others; the turns make
	// them wait in the order their requests came in instead (see turns).
	turn *turns
	all  bool
	// group, on SQLite, commits the writes waiting together (see group);
	// nil on PostgreSQL, whose writes run side by side.
	group *group
	// rturn, on SQLite, are the readers' connections, taken by reads in
	// the order their requests came in (see turns): with reads queued by
	// database/sql instead, under load some plans waited ten times
	// longer than most.
	rturn *turns
	// stmts are the readers' prepared statements by query, on SQLite
	// (see prepared)
	stmts  sync.Map
	nstmts atomic.Int64
	// wstmts are the writer's prepared statements by query, on SQLite
	// (see Tx.stmt): a *sql.Stmt, or nil for a query that could not be
	// prepared. wanted are the queries a transaction sent that are not
	// prepared yet; the group prepares them between its transactions.
	wstmts sync.Map
	wmu    sync.Mutex
	wanted map[string]bool
	rebind func(string) string
	// waitMax bounds how long a write waits for its turn before it is
	// answered ErrBusy.
	waitMax time.Duration
	// calls counts the statements and transactions sent through the pool
	// (a transaction's own statements not included), for tests that
	// hold a method to its round trips.
	calls atomic.Int64
}

// stmtsMax bounds the prepared statements kept: the store's queries are
// constants, a few dozen.
const stmtsMax = 200

// prepared gives q prepared on the SQLite readers, or nil (PostgreSQL,
// whose driver keeps its own; or q could not be prepared: the caller
// sends it as it is and gets the database's error). database/sql prepares
// it once on each reader connection: SQLite parses and plans a statement
// each time it is sent otherwise, and the history query is long.
func (p *pool) prepared(ctx context.Context, q string) *sql.Stmt {
	if p.rturn == nil {
		return nil
	}
	if v, ok := p.stmts.Load(q); ok {
		return v.(*sql.Stmt)
	}
	if p.nstmts.Load() >= stmtsMax {
		return nil
	}
	st, err := p.r.PrepareContext(ctx, p.rebind(q))
	if err != nil {
		return nil
	}
	if v, loaded := p.stmts.LoadOrStore(q, st); loaded {
		st.Close()
		return v.(*sql.Stmt)
	}
	p.nstmts.Add(1)
	return st
}

// want notes q, sent in a writer's transaction, for prepareWanted.
func (p *pool) want(q string) {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	if p.wanted == nil {
		p.wanted = map[string]bool{}
	}
	if len(p.wanted) < stmtsMax {
		p.wanted[q] = true
	}
}

// prepareWanted prepares on the writer the queries its transactions sent
// that are not prepared yet, each once (a few dozen in the life of a
// store). The caller holds the writer's turn, with no transaction open:
// the group, after each commit. SQLite parses and plans a statement each
// time it is sent otherwise: under load that was a fifth of the writer's
// time, spent while every other write waited.
func (p *pool) prepareWanted(ctx context.Context) {
	p.wmu.Lock()
	qs := p.wanted
	p.wanted = nil
	p.wmu.Unlock()
	for q := range qs {
		if _, ok := p.wstmts.Load(q); ok {
			continue
		}
		st, err := p.w.PrepareContext(ctx, p.rebind(q))
		if err != nil {
			p.wstmts.Store(q, (*sql.Stmt)(nil)) // sent as it is, and its error given then
			continue
		}
		p.wstmts.Store(q, st)
	}
}

// retries is how many times a statement answered "busy" is tried again.
const retries = 4

// take waits for the writer's turn (see turns: the oldest request first).
func (p *pool) take(ctx context.Context) (release func(), err error) {
	if p.turn == nil {
		return func() {}, nil
	}
	return p.turn.take(ctx, p.waitMax)
}

// takeRead is take for a read: a turn where reads take one too, or one
// of the readers' turns.
func (p *pool) takeRead(ctx context.Context) (release func(), err error) {
	if p.all {
		return p.take(ctx)
	}
	if p.rturn != nil {
		return p.rturn.take(ctx, p.waitMax)
	}
	return func() {}, nil
}

// again reports whether err is worth another try, after a short pause.
func again(ctx context.Context, err error, try int) bool {
	if try >= retries || !errors.Is(Classify(err), ErrBusy) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	select {
	case <-ctx.Done():
		return false
	case <-time.After(time.Duration(5<<try) * time.Millisecond):
		return true
	}
}

// isWrite reports whether q changes something.
func isWrite(q string) bool {
	q = strings.TrimLeft(q, " \t\r\n(")
	i := strings.IndexAny(q, " \t\r\n")
	if i < 0 {
		i = len(q)
	}
	switch strings.ToUpper(q[:i]) {
	case "SELECT", "VALUES", "PRAGMA", "EXPLAIN":
		return false
	case "WITH":
		u := strings.ToUpper(q)
		return strings.Contains(u, "INSERT") || strings.Contains(u, "UPDATE") || strings.Contains(u, "DELETE")
	}
	return true
}

// ExecContext runs a statement that changes something, on the writer.
func (p *pool) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	p.calls.Add(1)
	if err := checkArgs(q, args); err != nil {
		return nil, err
	}
	if p.group != nil {
		var res sql.Result
		err := p.group.do(ctx, func(tx *Tx) error {
			var err error
			res, err = tx.ExecContext(context.WithoutCancel(ctx), q, args...)
			return err
		})
		return res, Classify(err)
	}
	release, err := p.take(ctx)
	if err != nil {
		return nil, Classify(err)
	}
	defer release()
	for try := 0; ; try++ {
		res, err := p.w.ExecContext(ctx, p.rebind(q), args...)
		if err == nil || !again(ctx, err, try) {
			return res, Classify(err)
		}
	}
}

// QueryContext runs a SELECT on the readers. Close the rows (or read them
// to the end).
func (p *pool) QueryContext(ctx context.Context, q string, args ...any) (*Rows, error) {
	p.calls.Add(1)
	if err := checkArgs(q, args); err != nil {
		return nil, err
	}
	if !isWrite(q) {
		release, err := p.takeRead(ctx)
		if err != nil {
			return nil, Classify(err)
		}
		var rows *sql.Rows
		if st := p.prepared(ctx, q); st != nil {
			rows, err = st.QueryContext(ctx, args...)
		} else {
			rows, err = p.r.QueryContext(ctx, p.rebind(q), args...)
		}
		if err != nil {
			release()
			return nil, Classify(err)
		}
		return &Rows{Rows: rows, release: release}, nil
	}
	// Rows that stay open would hold the writer for as long as the caller
	// reads: a query that writes and gives rows runs in a transaction.
	return nil, errors.New("store: a query that writes and gives rows runs in BeginTx's transaction, through tx.QueryContext")
}

// QueryRowContext runs a query that gives at most one row. Text that no
// database keeps matches no row.
func (p *pool) QueryRowContext(ctx context.Context, q string, args ...any) *Row {
	p.calls.Add(1)
	if err := checkArgs(q, args); err != nil {
		if !isWrite(q) {
			return &Row{err: sql.ErrNoRows}
		}
		return &Row{err: err}
	}
	if !isWrite(q) {
		release, err := p.takeRead(ctx)
		if err != nil {
			return &Row{err: Classify(err)}
		}
		if st := p.prepared(ctx, q); st != nil {
			return &Row{row: st.QueryRowContext(ctx, args...), release: release}
		}
		return &Row{row: p.r.QueryRowContext(ctx, p.rebind(q), args...), release: release}
	}
	if p.group != nil {
		// the row is read inside the writer's transaction, when scanned
		return &Row{write: func(dest []any) error {
			return p.group.do(ctx, func(tx *Tx) error {
				wctx := context.WithoutCancel(ctx)
				if len(dest) == 0 {
					return tx.QueryRowContext(wctx, q, args...).Err()
				}
				return tx.QueryRowContext(wctx, q, args...).Scan(dest...)
			})
		}}
	}
	release, err := p.take(ctx)
	if err != nil {
		return &Row{err: Classify(err)}
	}
	return &Row{row: p.w.QueryRowContext(ctx, p.rebind(q), args...), release: release}
}

// BeginTx starts a write transaction on the writer; it holds the writer
// until Commit or Rollback.
func (p *pool) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	p.calls.Add(1)
	release, err := p.take(ctx)
	if err != nil {
		return nil, Classify(err)
	}
	for try := 0; ; try++ {
		tx, err := p.w.BeginTx(ctx, opts)
		if err == nil {
			return &Tx{Tx: tx, p: p, release: release}, nil
		}
		if !again(ctx, err, try) {
			release()
			return nil, Classify(err)
		}
	}
}

// inTx runs f in a write transaction and commits it, trying the whole of
// it again when the database answers busy (a deadlock or serialization
// failure on PostgreSQL, a lock held by another process on SQLite). f may
// run more than once, so it only talks to the database through tx.
func (p *pool) inTx(ctx context.Context, f func(tx *Tx) error) error {
	if p.group != nil {
		p.calls.Add(1)
		return Classify(p.group.do(ctx, f))
	}
	for try := 0; ; try++ {
		tx, err := p.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		err = f(tx)
		if err == nil {
			err = tx.Commit()
		} else {
			tx.Rollback()
		}
		if err == nil || !again(ctx, err, try) {
			return Classify(err)
		}
	}
}

// PingContext checks that the database answers.
func (p *pool) PingContext(ctx context.Context) error {
	release, err := p.takeRead(ctx)
	if err != nil {
		return Classify(err)
	}
	defer release()
	if err := p.r.PingContext(ctx); err != nil {
		return Classify(err)
	}
	if p.w != p.r {
		return Classify(p.w.PingContext(ctx))
	}
	return nil
}

// Close closes the readers and the writer.
func (p *pool) Close() error {
	if p.group != nil {
		p.group.close()
	}
	// the prepared statements end with the readers (a statement closed
	// first would answer "statement is closed", not "unavailable")
	err := p.r.Close()
	if p.w != p.r {
		err = errors.Join(err, p.w.Close())
	}
	return err
}

// Tx is a write transaction: a *sql.Tx whose statements are checked,
// rebound and classified, and which gives the writer back when it ends.
type Tx struct {
	*sql.Tx
	p       *pool
	release func()
}

// stmt gives q as prepared on SQLite's writer, for this transaction, or
// nil: PostgreSQL (whose driver keeps its own), or q not prepared yet (it
// is then noted, for prepareWanted).
func (t *Tx) stmt(ctx context.Context, q string) *sql.Stmt {
	if t.p.group == nil {
		return nil
	}
	v, ok := t.p.wstmts.Load(q)
	if !ok {
		t.p.want(q)
		return nil
	}
	if st := v.(*sql.Stmt); st != nil {
		return t.Tx.StmtContext(ctx, st)
	}
	return nil
}

func (t *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if err := checkArgs(q, args); err != nil {
		return nil, err
	}
	if st := t.stmt(ctx, q); st != nil {
		res, err := st.ExecContext(ctx, args...)
		return res, Classify(err)
	}
	res, err := t.Tx.ExecContext(ctx, t.p.rebind(q), args...)
	return res, Classify(err)
}

func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if err := checkArgs(q, args); err != nil {
		return nil, err
	}
	if st := t.stmt(ctx, q); st != nil {
		rows, err := st.QueryContext(ctx, args...)
		return rows, Classify(err)
	}
	rows, err := t.Tx.QueryContext(ctx, t.p.rebind(q), args...)
	return rows, Classify(err)
}

func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *Row {
	if err := checkArgs(q, args); err != nil {
		if !isWrite(q) {
			return &Row{err: sql.ErrNoRows}
		}
		return &Row{err: err}
	}
	if st := t.stmt(ctx, q); st != nil {
		return &Row{row: st.QueryRowContext(ctx, args...)}
	}
	return &Row{row: t.Tx.QueryRowContext(ctx, t.p.rebind(q), args...)}
}

func (t *Tx) Commit() error {
	defer t.release()
	return Classify(t.Tx.Commit())
}

func (t *Tx) Rollback() error {
	defer t.release()
	return t.Tx.Rollback()
}

// Rows are the rows of a query, as *sql.Rows; they give the turn back
// when closed or read to the end.
type Rows struct {
	*sql.Rows
	release func()
}

func (r *Rows) Next() bool {
	if r.Rows.Next() {
		return true
	}
	r.release()
	return false
}

func (r *Rows) Close() error {
	defer r.release()
	return r.Rows.Close()
}

// Row is one row of a query, as *sql.Row; Scan's error is classified.
type Row struct {
	row     *sql.Row
	err     error
	release func()
	// write, if set, runs the query in the writer's next transaction and
	// scans its row into dest (see group)
	write func(dest []any) error
}

func (r *Row) Scan(dest ...any) error {
	if r.write != nil {
		err := r.write(dest)
		if errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return Classify(err)
	}
	if r.release != nil {
		defer r.release()
	}
	if r.err != nil {
		return r.err
	}
	err := r.row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return Classify(err)
}

// Err is the error of the query, if any, without scanning.
func (r *Row) Err() error {
	if r.write != nil {
		return Classify(r.write(nil))
	}
	if r.release != nil {
		defer r.release()
	}
	if r.err != nil {
		return r.err
	}
	return Classify(r.row.Err())
}
