package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/knead/knead/store"
)

func init() {
	register(&Command{
		Name:    "devices",
		Group:   groupApp,
		Summary: "list the devices paired with the web app, or unpair them",
		Usage:   "[unpair ID...]",
		Help: "Lists the phones and browsers paired with knead serve (pairing is asked for when it listens " +
			"beyond this machine): each one's id, what it is, when it was paired and last seen.\n\n" +
			"knead devices unpair ID unpairs a device at once, even while knead serve runs; --all unpairs " +
			"every one. An unpaired device needs a new code to come back. The settings page of the web app " +
			"does the same, and a paired phone can forget itself there.",
		Examples: []string{
			"knead devices",
			"knead devices unpair 3fa9c2d1",
			"knead devices unpair --all",
			"knead devices --json --db ~/knead.db",
		},
		New: func() Options { return &devicesOptions{} },
	})
}

// devicesOptions are the options of `knead devices`.
type devicesOptions struct {
	DB     string
	JSON   bool
	All    bool
	Unpair []string // ids; nil to list
	unpair bool
}

func (o *devicesOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.DB, "db", "", "the SQLite file `PATH` or postgres:// URL knead serve keeps its data in (default: the data directory)")
	fs.BoolVar(&o.JSON, "json", false, "print the list as JSON")
	fs.BoolVar(&o.All, "all", false, "with unpair: unpair every device")
}

func (o *devicesOptions) SetArgs(args []string) error {
	if len(args) == 0 {
		if o.All {
			return usageErrorf("--all goes with unpair: knead devices unpair --all")
		}
		return nil
	}
	if args[0] != "unpair" {
		return usageErrorf("devices takes nothing, or unpair and the ids to unpair; got %q", args[0])
	}
	o.unpair, o.Unpair = true, args[1:]
	if len(o.Unpair) == 0 && !o.All {
		return usageErrorf("unpair which device? Give its id (knead devices lists them) or --all")
	}
	if len(o.Unpair) > 0 && o.All {
		return usageErrorf("give ids or --all, not both")
	}
	return nil
}

func (o *devicesOptions) Run(ctx context.Context, env *Env) error {
	db := o.DB
	if db == "" {
		var err error
		if db, err = store.DefaultPath(); err != nil {
			return inputErrorf("%v", err)
		}
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return inputErrorf("the database did not open: %v", err)
	}
	defer st.Close()
	list, err := st.ListDevices(ctx)
	if err != nil {
		return err
	}
	if o.unpair {
		ids := o.Unpair
		if o.All {
			ids = nil
			for _, d := range list {
				ids = append(ids, d.ID)
			}
			if len(ids) == 0 {
				fmt.Fprintln(env.Out, "No device is paired; nothing to unpair.")
				return nil
			}
		}
		var missing []string
		for _, id := range ids {
			err := st.RemoveDevice(ctx, id)
			switch {
			case errors.Is(err, store.ErrNotFound):
				missing = append(missing, id)
			case err != nil:
				return err
			default:
				fmt.Fprintf(env.Out, "Unpaired %s.\n", id)
			}
		}
		if len(missing) > 0 {
			return inputErrorf("no paired device has the id %s (knead devices lists them)", joinQuoted(missing))
		}
		return nil
	}
	if o.JSON {
		type device struct {
			ID       string    `json:"id"`
			Name     string    `json:"name"`
			Paired   time.Time `json:"paired"`
			LastSeen time.Time `json:"last_seen"`
		}
		out := []device{}
		for _, d := range list {
			out = append(out, device{d.ID, d.Name, d.CreatedAt, d.LastSeen})
		}
		return writeJSON(env.Out, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Out, "No device is paired. knead serve --addr 0.0.0.0:7878 prints a code to pair one.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDEVICE\tPAIRED\tLAST SEEN")
	for _, d := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID, d.Name, d.CreatedAt.Local().Format("2 Jan 2006 15:04"), d.LastSeen.Local().Format("2 Jan 2006 15:04"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(env.Out, "knead devices unpair ID unpairs one.")
	return nil
}

func joinQuoted(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", id)
	}
	return s
}
