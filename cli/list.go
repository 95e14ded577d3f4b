package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/knead/knead/massage"
)

func init() {
	register(&Command{
		Name:    "list",
		Group:   groupLook,
		Summary: "list the techniques Knead knows, for every area or one",
		Usage:   "",
		Help: "Lists the techniques of the catalog, one a line: id, name, who gives it (self, partner " +
			"or both), the source text it comes from ('knead' for Knead's own) and the areas it works on.\n\n" +
			"--area keeps the techniques that work on an area or on part of it: 'back' also finds " +
			"techniques for the upper and lower back, and 'upper-back' finds those for the whole back. " +
			"'knead areas' lists the areas.",
		Examples: []string{
			"knead list",
			"knead list --area back",
			"knead list --area feet --json",
		},
		New: func() Options { return &listOptions{} },
	})
}

// listOptions are the options of `knead list`.
type listOptions struct {
	Area string // only techniques overlapping this area; "" for all
	JSON bool
}

func (o *listOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Area, "area", "", "only techniques that work on `AREA` or a part of it")
	fs.BoolVar(&o.JSON, "json", false, "print a JSON array: id, name, areas, mode, family, sources, step_count")
}

func (o *listOptions) SetArgs(args []string) error {
	if err := noArgs("list", args); err != nil {
		return err
	}
	return checkArea(o.Area)
}

// checkArea accepts "" and the ids of massage.Areas.
func checkArea(area string) error {
	if area == "" {
		return nil
	}
	if _, ok := massage.AreaByID(area); ok {
		return nil
	}
	ids := make([]string, len(massage.Areas))
	for i, a := range massage.Areas {
		ids[i] = a.ID
	}
	return inputErrorf("%s ('knead areas' lists them all)", didYouMean(fmt.Sprintf("unknown area %q", area), area, ids))
}

func (o *listOptions) Run(ctx context.Context, env *Env) error {
	cat, err := env.Catalog()
	if err != nil {
		return err
	}
	ts := cat.ForArea(o.Area)
	if o.JSON {
		out := make([]massage.TechniqueEntry, len(ts))
		for i, t := range ts {
			out[i] = t.Entry()
		}
		return writeJSON(env.Out, out)
	}
	if len(ts) == 0 {
		if o.Area != "" {
			_, err := fmt.Fprintf(env.Out, "No technique in the catalog works on the %s.\n", areaName(o.Area))
			return err
		}
		_, err := fmt.Fprintln(env.Out, "The catalog has no techniques.")
		return err
	}
	tw := tabwriter.NewWriter(env.Out, 0, 0, 2, ' ', 0)
	for _, t := range ts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Mode, strings.Join(t.Sources, ","), strings.Join(t.Areas, ","))
	}
	return tw.Flush()
}

// areaName gives an area's name for people.
func areaName(id string) string {
	if a, ok := massage.AreaByID(id); ok {
		return a.Name
	}
	return id
}
