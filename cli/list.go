package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/knead/knead/massage"
)

func init() {
	register(&Command{
		Name:    "list",
		Group:   groupLook,
		Summary: "list the techniques Knead knows, for every area or one",
		Usage:   "",
		Help: "Lists the techniques of the catalog under the parts of the body they work on, one a line: " +
			"id, name, who gives it (self, partner or both) and the source text it comes from (its number, " +
			"such as 001, or 'knead' for Knead's own; the sources' titles follow the list). A technique for several " +
			"parts is listed under each. " +
			"Names are cut to fit the terminal (or --width); piped, they are given whole, and --json gives everything.\n\n" +
			"--area keeps the techniques that work on an area or on part of it: 'back' also finds " +
			"techniques for the upper and lower back, and 'upper-back' finds those for the whole back. " +
			"'knead areas' lists the areas.\n\n" +
			"--stats counts the catalog instead: techniques by family, and for every finest place on the body " +
			"and each mode (self, partner) how many techniques name that place, and how many of them warm it up, " +
			"work it and finish it.",
		Examples: []string{
			"knead list",
			"knead list --area back",
			"knead list --area feet --json",
			"knead list --width 60",
			"knead list --stats",
		},
		New: func() Options { return &listOptions{} },
	})
}

// listOptions are the options of `knead list`.
type listOptions struct {
	Area  string // only techniques overlapping this area; "" for all
	JSON  bool
	Width int  // columns to fit; 0: the terminal's, or no limit when piped
	Stats bool // counts by family and by place and mode instead of the list
}

func (o *listOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Area, "area", "", "only techniques that work on `AREA` or a part of it")
	fs.BoolVar(&o.JSON, "json", false, "print a JSON array: id, name, areas, mode, family, sources, step_count")
	fs.IntVar(&o.Width, "width", 0, "fit the list to `N` columns instead of the terminal's width")
	fs.BoolVar(&o.Stats, "stats", false, "count the techniques by family, and by place on the body and mode")
}

func (o *listOptions) SetArgs(args []string) error {
	if err := noArgs("list", args); err != nil {
		return err
	}
	if err := checkWidth(o.Width); err != nil {
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
	if o.Stats {
		st := catalogStats(cat)
		if o.JSON {
			return writeJSON(env.Out, st)
		}
		return writeStats(env.Out, st)
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
			_, err := fmt.Fprintf(env.Out, "No technique in the catalog works on the %s.\n", massage.AreaName(o.Area))
			return err
		}
		_, err := fmt.Fprintln(env.Out, "The catalog has no techniques.")
		return err
	}
	width := o.Width
	if width == 0 {
		width = env.TextWidth(0)
		if !env.Terminal() {
			width = 1 << 16 // piped: whole names, for grep and the like
		}
	}
	return writeList(env.Out, cat, ts, o.Area, width)
}

// writeList prints techniques under the top-level areas they work on (only
// those that overlap area, when one is asked for), with a header, fitting
// width: the name gives way first.
func writeList(w io.Writer, cat *massage.Catalog, ts []*massage.Technique, area string, width int) error {
	idW, nameW, modeW := len("ID"), len("NAME"), len("FOR")
	for _, t := range ts {
		idW, nameW, modeW = max(idW, len(t.ID)), max(nameW, len([]rune(t.Name))), max(modeW, len(t.Mode))
	}
	srcW := len("SOURCE")
	for _, t := range ts {
		srcW = max(srcW, len(shortSources(t.Sources)))
	}
	const gaps, indent = 3 * 2, 2
	if room := width - indent - idW - modeW - srcW - gaps; nameW > room {
		nameW = max(room, 12)
	}
	row := func(id, name, mode, src string) string {
		if r := []rune(name); len(r) > nameW {
			name = string(r[:nameW-1]) + "…"
		}
		return fmt.Sprintf("  %-*s  %-*s  %-*s  %s\n", idW, id, nameW, name, modeW, mode, src)
	}
	var b strings.Builder
	b.WriteString(row("ID", "NAME", "FOR", "SOURCE"))
	if area != "" {
		// one group, named for what was asked ("Feet", not "Legs")
		b.WriteString("\n" + massage.UpperFirst(massage.AreaName(area)) + "\n")
		for _, t := range ts {
			b.WriteString(row(t.ID, t.Name, t.Mode, shortSources(t.Sources)))
		}
		b.WriteString(sourceLegend(cat, ts, width))
		_, err := io.WriteString(w, b.String())
		return err
	}
	for _, top := range massage.Areas {
		if top.Parent != "" {
			continue
		}
		var group []*massage.Technique
		for _, t := range ts {
			if t.Covers(top.ID) {
				group = append(group, t)
			}
		}
		if len(group) == 0 {
			continue
		}
		b.WriteString("\n" + strings.ToUpper(top.Name[:1]) + top.Name[1:] + "\n")
		for _, t := range group {
			b.WriteString(row(t.ID, t.Name, t.Mode, shortSources(t.Sources)))
		}
	}
	b.WriteString(sourceLegend(cat, ts, width))
	_, err := io.WriteString(w, b.String())
	return err
}

// sourceLegend names the sources the SOURCE column numbers, by title.
func sourceLegend(cat *massage.Catalog, ts []*massage.Technique, width int) string {
	seen := map[string]bool{}
	var ids []string
	for _, t := range ts {
		for _, id := range t.Sources {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString("\nSources:\n")
	for _, id := range ids {
		title := "Knead's own technique"
		if src := cat.Source(id); src != nil && src.Title != "" {
			title = src.Title
		} else if id != massage.OwnSource {
			title = id
		}
		short := shortSources([]string{id})
		b.WriteString(wrap(title, min(width, maxWidth), "  "+pad(short, 7), strings.Repeat(" ", 9)))
	}
	return b.String()
}

// shortSources names sources by their number ("001") or "knead".
func shortSources(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i], _, _ = strings.Cut(id, "_")
	}
	return strings.Join(out, ",")
}
