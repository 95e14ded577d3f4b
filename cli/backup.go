package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/knead/knead/store"
)

func init() {
	register(&Command{
		Name:    "backup",
		Group:   groupApp,
		Summary: "copy the SQLite store to a new file, even while serve runs",
		Usage:   "FILE",
		Help: "Writes a consistent copy of the SQLite database (the one --db names, or the default in your " +
			"data directory) to FILE, which must not exist yet. It is safe while 'knead serve' is running: " +
			"the copy is one moment's snapshot and writers carry on meanwhile.\n\n" +
			"To restore, stop knead serve, then either copy FILE over the database file (and remove its " +
			"-wal and -shm files beside it), or start it on the copy: knead serve --db FILE.\n\n" +
			"A PostgreSQL store is copied with PostgreSQL's own tools: pg_dump -Fc -f knead.dump URL, " +
			"restored into an empty database with pg_restore -d URL knead.dump.",
		Examples: []string{
			"knead backup ~/knead-2026-12-04.db",
			"knead backup --db ~/knead.db /mnt/usb/knead.db",
		},
		New: func() Options { return &backupOptions{} },
	})
}

type backupOptions struct {
	DB   string
	File string
}

func (o *backupOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.DB, "db", "", "copy the SQLite file `PATH` (default: the data directory's, as knead serve)")
}

func (o *backupOptions) SetArgs(args []string) error {
	if len(args) != 1 || args[0] == "" {
		return inputErrorf("backup takes one FILE to write the copy to, for example: knead backup ~/knead-copy.db")
	}
	o.File = args[0]
	if strings.HasPrefix(o.DB, "postgres://") || strings.HasPrefix(o.DB, "postgresql://") {
		return inputErrorf("--db is PostgreSQL: copy it with pg_dump -Fc -f knead.dump URL (restore with pg_restore -d URL knead.dump)")
	}
	return nil
}

func (o *backupOptions) Run(ctx context.Context, env *Env) error {
	db := o.DB
	if db == "" {
		var err error
		if db, err = store.DefaultPath(); err != nil {
			return inputErrorf("%v", err)
		}
	}
	if _, err := os.Stat(db); err != nil {
		return inputErrorf("there is no database at %s to copy: check --db", db)
	}
	if _, err := os.Stat(o.File); err == nil {
		return inputErrorf("%s already exists: backup writes a new file, and overwrites nothing", o.File)
	}
	if fi, err := os.Stat(filepath.Dir(o.File)); err != nil || !fi.IsDir() {
		return inputErrorf("the folder %s for the copy does not exist", filepath.Dir(o.File))
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return inputErrorf("the database did not open: %v", err)
	}
	defer st.Close()
	if err := store.Backup(ctx, st, o.File); err != nil {
		if errors.Is(err, store.ErrFull) {
			return inputErrorf("the disk is full: %s was not written", o.File)
		}
		return err
	}
	fi, err := os.Stat(o.File)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Out, "Copied %s to %s (%d KB). Restore: stop knead serve, then knead serve --db %s.\n", db, o.File, (fi.Size()+1023)/1024, o.File)
	return nil
}
