package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/knead/knead/store"
)

func init() {
	register(&Command{
		Name:    "people",
		Group:   groupApp,
		Usage:   "[add NAME | delete NAME --yes]",
		Summary: "the people sessions are for: list, add, delete for good",
		Help: "Lists the people Knead keeps sessions for: \"me\" (always there) and the people you named, " +
			"with how many sessions each has. 'knead people add NAME' adds someone; 'knead plan --for NAME' " +
			"and the web app then plan for them from their own history. 'knead people delete NAME --yes' " +
			"deletes that person and everything kept about them, for good: sessions, feedback, sore spots, " +
			"likes. Deleting \"me\" empties my history and keeps me. --db names the store as for 'knead serve'.",
		Examples: []string{"knead people", "knead people add Sam", "knead people delete Sam --yes"},
		New:      func() Options { return &peopleOptions{} },
	})
}

type peopleOptions struct {
	DB   string
	Yes  bool
	verb string
	name string
}

func (o *peopleOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.DB, "db", "", "the store: SQLite file `PATH`, or a postgres:// URL (default: the data directory)")
	fs.BoolVar(&o.Yes, "yes", false, "confirm deleting a person and everything kept about them")
}

func (o *peopleOptions) SetArgs(args []string) error {
	switch {
	case len(args) == 0:
		return nil
	case args[0] != "add" && args[0] != "delete":
		return usageErrorf("people: unknown %q: expected add NAME or delete NAME", args[0])
	case len(args) < 2:
		return usageErrorf("people %s: name the person", args[0])
	}
	o.verb, o.name = args[0], strings.Join(args[1:], " ")
	return nil
}

func (o *peopleOptions) Run(ctx context.Context, env *Env) error {
	st, err := openDB(ctx, o.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	switch o.verb {
	case "add":
		p, err := st.AddPerson(ctx, o.name)
		var in *store.InputError
		if errors.As(err, &in) {
			return inputErrorf("people add: %s", in.Message)
		}
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(env.Out, "Added %s (id %s): 'knead plan --for %s' plans from their history.\n", p.Name, p.ID, p.ID)
		return err
	case "delete":
		id, err := personID(o.name)
		if err != nil {
			return err
		}
		if !o.Yes {
			return usageErrorf("people delete %s: this deletes them and everything kept about them for good; add --yes to go ahead", o.name)
		}
		if err := st.DeletePerson(ctx, id); errors.Is(err, store.ErrNotFound) {
			return inputErrorf("people delete: nobody called %q is kept; 'knead people' lists them", o.name)
		} else if err != nil {
			return err
		}
		_, err = fmt.Fprintf(env.Out, "Deleted %s and everything kept about them.\n", o.name)
		return err
	}
	list, err := st.People(ctx)
	if err != nil {
		return err
	}
	for _, p := range list {
		fmt.Fprintf(env.Out, "%-20s %-20s %s\n", p.ID, p.Name, plural(p.Sessions, "session"))
	}
	return nil
}

// personID turns a name given on the command line into a person's id.
func personID(name string) (string, error) {
	id, err := store.PersonID(name)
	if err != nil {
		return "", inputErrorf("%v", err)
	}
	return id, nil
}

// openDB opens the store dsn names, the default SQLite file when empty.
func openDB(ctx context.Context, dsn string) (store.Store, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, inputErrorf("the database did not open: %v; --db names another", err)
	}
	return st, nil
}
