package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/knead/knead/suggest"
)

func init() {
	register(&Command{
		Name:    "help",
		Group:   groupAbout,
		Summary: "show what knead can do, or help for one command",
		Usage:   "[COMMAND]",
		Help:    "Without a command, lists every command. With one, shows its help: 'knead help show' is the same as 'knead show --help'.",
		Examples: []string{
			"knead help",
			"knead help show",
		},
		New: func() Options { return &helpOptions{} },
	})
}

// helpOptions are the options of `knead help`.
type helpOptions struct {
	Topic string // the command to explain; "" for all
}

func (o *helpOptions) Flags(fs *flag.FlagSet) {}

func (o *helpOptions) SetArgs(args []string) error {
	switch len(args) {
	case 0:
		return nil
	case 1:
		if commands[args[0]] == nil {
			return unknownCommand(args[0])
		}
		o.Topic = args[0]
		return nil
	}
	return usageErrorf("help takes at most one command, got %d arguments", len(args))
}

func (o *helpOptions) Run(ctx context.Context, env *Env) error {
	if o.Topic == "" {
		writeOverview(env.Out)
	} else {
		writeCommandHelp(env.Out, commands[o.Topic])
	}
	return nil
}

func unknownCommand(name string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	if near := suggest.Nearest(name, commandNames(), 1); len(near) > 0 {
		msg += fmt.Sprintf(" (did you mean %q?)", near[0])
	}
	return usageErrorf("%s", msg)
}

// helpWidth is the width help text is wrapped at.
const helpWidth = 80

// quickStart are the first commands to try, shown by `knead help`.
var quickStart = []string{
	"knead list --area scalp",
	"knead show scalp-petrissage",
	"knead plan --area back,scalp --minutes 20 --mode partner",
	"knead serve",
}

// writeOverview prints `knead help`: every command by group, the quick
// start and the global flags.
func writeOverview(w io.Writer) {
	fmt.Fprint(w, wrap("Knead turns massage instructions into safe, timed, step-by-step sessions. "+
		"Knead is not medical advice.", helpWidth, "", ""))
	fmt.Fprint(w, "\nUsage: knead COMMAND [ARGUMENTS] [FLAGS]\n")
	width := 0
	for _, name := range commandNames() {
		width = max(width, len(name))
	}
	for _, g := range groupOrder {
		var names []string
		for _, n := range commandNames() {
			if commands[n].Group == g {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", g)
		for _, n := range names {
			fmt.Fprint(w, wrap(commands[n].Summary, helpWidth, "  "+pad(n, width+3), strings.Repeat(" ", width+5)))
		}
	}
	fmt.Fprint(w, "\nQuick start:\n")
	for _, q := range quickStart {
		fmt.Fprintf(w, "  %s\n", q)
	}
	fmt.Fprint(w, "\nFlags every command takes:\n")
	fs := newFlagSet("knead")
	(&Global{}).flags(fs)
	writeFlags(w, fs, func(name string) bool { return true })
	fmt.Fprint(w, "\n"+envNote)
	fmt.Fprint(w, "\nRun 'knead help COMMAND' for more about a command.\n")
}

var envNote = wrap("Every flag can also be set in the environment as KNEAD_ and the flag's name in capitals, "+
	"with underscores for hyphens: KNEAD_LOG_LEVEL=debug for --log-level debug. "+
	"A flag on the command line wins over the environment.", helpWidth, "", "")

// writeCommandHelp prints `knead CMD --help`.
func writeCommandHelp(w io.Writer, c *Command) {
	fmt.Fprint(w, wrap("knead "+c.Name+": "+c.Summary, helpWidth, "", "  "))
	usage := "knead " + c.Name
	if c.Usage != "" {
		usage += " " + c.Usage
	}
	fmt.Fprintf(w, "\nUsage: %s [FLAGS]\n\n", usage)
	for i, para := range strings.Split(strings.TrimSpace(c.Help), "\n\n") {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprint(w, wrap(para, helpWidth, "", ""))
	}
	fs := newFlagSet(c.Name)
	(&Global{}).flags(fs)
	c.New().Flags(fs)
	own := func(name string) bool { return !isGlobal(name) }
	if hasFlags(fs, own) {
		fmt.Fprint(w, "\nFlags:\n")
		writeFlags(w, fs, own)
	}
	fmt.Fprint(w, "\nFlags every command takes:\n")
	writeFlags(w, fs, isGlobal)
	if len(c.Examples) > 0 {
		fmt.Fprint(w, "\nExamples:\n")
		for _, e := range c.Examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
	fmt.Fprint(w, "\n"+envNote)
}

func hasFlags(fs *flag.FlagSet, keep func(string) bool) bool {
	found := false
	fs.VisitAll(func(f *flag.Flag) { found = found || keep(f.Name) })
	return found
}

// writeFlags prints the flags keep selects, one per entry, with their
// value's name, what they do and their default.
func writeFlags(w io.Writer, fs *flag.FlagSet, keep func(string) bool) {
	type entry struct{ head, usage string }
	var entries []entry
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		if !keep(f.Name) || f.Name == "h" {
			return
		}
		value, usage := flag.UnquoteUsage(f)
		head := "--" + f.Name
		if f.Name == "help" {
			head = "-h, --help"
		}
		if _, ok := f.Value.(*listValue); ok && value == "value" {
			value = "VALUE"
		}
		if value != "" {
			head += " " + value
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			usage += " (default " + d + ")"
		}
		entries = append(entries, entry{head, usage})
		width = max(width, len(head))
	})
	for _, e := range entries {
		fmt.Fprint(w, wrap(e.usage, helpWidth, "  "+pad(e.head, width+2), strings.Repeat(" ", width+4)))
	}
}
