package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The kinds of store error a caller can act on. Every error a Store method
// returns is one of them (errors.Is), or a fault in Knead itself.
var (
	// ErrNotFound: the session (or other row) asked for does not exist.
	ErrNotFound = errors.New("store: not found")
	// ErrBusy: the database is busy with other writers; try again shortly.
	ErrBusy = errors.New("store: the database is busy")
	// ErrUnavailable: the database does not answer (down, closed,
	// unreachable, or its file cannot be opened).
	ErrUnavailable = errors.New("store: the database is not available")
	// ErrFull: the disk (or the database's quota) is full; nothing was
	// written.
	ErrFull = errors.New("store: the disk is full")
	// ErrInvalid: a value the database cannot keep (text with a NUL byte
	// or invalid UTF-8, or a value a constraint refuses); see InvalidError.
	ErrInvalid = errors.New("store: a value cannot be kept")
)

// InvalidError is a value the store refused: Field names the column (or
// field) at fault, Reason says what was wrong.
type InvalidError struct {
	Field  string
	Reason string
	Err    error // the database's own error, if it was the database that refused
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("store: %s: %s", e.Field, e.Reason)
}

func (e *InvalidError) Is(target error) bool { return target == ErrInvalid }
func (e *InvalidError) Unwrap() error        { return e.Err }

// classified is a database error with its kind attached.
type classified struct {
	kind error
	err  error
}

func (e *classified) Error() string   { return e.kind.Error() + ": " + e.err.Error() }
func (e *classified) Unwrap() []error { return []error{e.kind, e.err} }

// Classify attaches a kind (ErrBusy, ErrUnavailable, ErrFull, ErrInvalid,
// ErrNotFound) to a database error found anywhere in err's chain, so that
// callers test errors.Is(err, store.ErrBusy) without knowing the driver.
// Errors already classified, nil, and errors it does not recognise come
// back unchanged. The web layer calls it on every store error it answers.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range []error{ErrNotFound, ErrBusy, ErrUnavailable, ErrFull, ErrInvalid} {
		if errors.Is(err, k) {
			return err
		}
	}
	if k := kindOf(err); k != nil {
		if k == ErrInvalid {
			return &InvalidError{Field: fieldOf(err), Reason: "the database refused the value", Err: err}
		}
		return &classified{kind: k, err: err}
	}
	return err
}

// kindOf recognises the errors of database/sql, SQLite and PostgreSQL.
func kindOf(err error) error {
	var le *sqlite.Error
	if errors.As(err, &le) {
		switch le.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return ErrBusy
		case sqlite3.SQLITE_FULL:
			return ErrFull
		case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY,
			sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_PROTOCOL:
			if errors.Is(err, syscall.ENOSPC) || le.Code() == sqlite3.SQLITE_IOERR_WRITE && strings.Contains(le.Error(), "space") {
				return ErrFull
			}
			return ErrUnavailable
		case sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_TOOBIG, sqlite3.SQLITE_MISMATCH:
			return ErrInvalid
		}
		return nil
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "40001" || pe.Code == "40P01" || pe.Code == "55P03" || pe.Code == "57014":
			// serialization failure, deadlock, lock not available, statement timeout
			return ErrBusy
		case pe.Code == "53100":
			return ErrFull
		case strings.HasPrefix(pe.Code, "53"), strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"),
			pe.Code == "25006": // read-only transaction (a standby)
			return ErrUnavailable
		case strings.HasPrefix(pe.Code, "22"), strings.HasPrefix(pe.Code, "23"):
			return ErrInvalid // data exceptions (bad text, out of range), constraints
		}
		return nil
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return ErrBusy // waited too long: a deadline is a net.Error too
	case errors.As(err, &ce), errors.As(err, &ne), pgconn.Timeout(err),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.ErrUnexpectedEOF),
		strings.Contains(err.Error(), "sql: database is closed"),
		strings.Contains(err.Error(), "conn closed"):
		return ErrUnavailable
	case errors.Is(err, syscall.ENOSPC):
		return ErrFull
	}
	return nil
}

var (
	pgColumn     = regexp.MustCompile(`column "(\w+)"`)
	sqliteColumn = regexp.MustCompile(`constraint failed: (?:\w+\.)?(\w+)`)
)

// fieldOf names the column a database's refusal is about, or "value".
func fieldOf(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		if pe.ColumnName != "" {
			return pe.ColumnName
		}
		if m := pgColumn.FindStringSubmatch(pe.Message); m != nil {
			return m[1]
		}
		if pe.ConstraintName != "" {
			return pe.ConstraintName
		}
	}
	if m := sqliteColumn.FindStringSubmatch(err.Error()); m != nil {
		return m[1]
	}
	return "value"
}

// badText says what is wrong with s as text a database keeps, or "".
func badText(s string) string {
	if strings.IndexByte(s, 0) >= 0 {
		return "holds a NUL byte"
	}
	if !utf8.ValidString(s) {
		return "is not valid UTF-8 text"
	}
	return ""
}

// CheckText refuses text no database can keep faithfully (a NUL byte, or
// bytes that are not UTF-8), naming field.
func CheckText(field, s string) error {
	if why := badText(s); why != "" {
		return &InvalidError{Field: field, Reason: why}
	}
	return nil
}

var (
	assignParam = regexp.MustCompile(`(\w+)\s*(?:=|<>|!=|<|>|<=|>=|LIKE|IN\s*\()\s*\$(\d+)\b`)
	insertCols  = regexp.MustCompile(`(?is)INSERT\s+INTO\s+\w+\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)`)
)

// columnFor names the column the query binds its n-th ($n) parameter to,
// as best it can tell from the SQL, or "" when it cannot.
func columnFor(q string, n int) string {
	q = strings.ReplaceAll(q, "?", "$") // a query already bound for SQLite
	p := fmt.Sprintf("$%d", n)
	if m := insertCols.FindStringSubmatch(q); m != nil {
		cols, vals := strings.Split(m[1], ","), strings.Split(m[2], ",")
		for i, v := range vals {
			if strings.TrimSpace(v) == p && i < len(cols) {
				return strings.TrimSpace(cols[i])
			}
		}
	}
	for _, m := range assignParam.FindAllStringSubmatch(q, -1) {
		if m[2] == p[1:] {
			return m[1]
		}
	}
	return ""
}

// checkArgs refuses a statement whose text arguments no database keeps,
// naming the column the bad argument was meant for.
func checkArgs(q string, args []any) error {
	for i, a := range args {
		var s string
		switch v := a.(type) {
		case string:
			s = v
		case *string:
			if v == nil {
				continue
			}
			s = *v
		case sql.NullString:
			s = v.String
		default:
			continue
		}
		if why := badText(s); why != "" {
			f := columnFor(q, i+1)
			if f == "" {
				f = "value"
			}
			return &InvalidError{Field: f, Reason: why}
		}
	}
	return nil
}
