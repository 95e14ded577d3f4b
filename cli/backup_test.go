package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knead/knead/store"
)

// knead backup copies a store to a new file that opens with its sessions,
// and refuses to overwrite a file or to copy PostgreSQL.
func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateSession(context.Background(), &store.Session{ID: "0123456789abcdef01234567", Title: "Feet"}); err != nil {
		t.Fatal(err)
	}
	defer st.Close() // still open: backup runs beside a running server
	copyFile := filepath.Join(dir, "copy.db")
	r := run(t, nil, "backup", "--db", db, copyFile)
	if r.code != 0 || !strings.Contains(r.out, "Copied") {
		t.Fatalf("backup: %d %s %s", r.code, r.out, r.err)
	}
	c, err := store.Open(context.Background(), copyFile)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Session(context.Background(), "0123456789abcdef01234567"); err != nil {
		t.Errorf("the copy lacks the session: %v", err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"backup", "--db", db, copyFile}, "already exists"},
		{[]string{"backup", "--db", "postgres://u@h/d", filepath.Join(dir, "x.db")}, "pg_dump"},
		{[]string{"backup", "--db", db}, "one FILE"},
		{[]string{"backup", "--db", filepath.Join(dir, "none.db"), filepath.Join(dir, "y.db")}, "no database"},
		{[]string{"backup", "--db", db, filepath.Join(dir, "no", "y.db")}, "does not exist"},
	} {
		r := run(t, nil, tc.args...)
		if r.code == 0 || !strings.Contains(r.err, tc.want) {
			t.Errorf("%v: %d %q, want a refusal saying %q", tc.args, r.code, r.err, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("backup of a missing database made one")
	}
}
