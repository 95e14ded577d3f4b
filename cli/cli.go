package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

// Command is one `knead` command. Each lives in a file of its own and
// registers itself from init; doc.go shows how.
type Command struct {
	Name     string
	Group    string   // where `knead help` lists it: one of groupOrder
	Summary  string   // one line for `knead help`, lower-case, no full stop
	Usage    string   // what follows the name: "ID", "PATH...", "" for nothing
	Help     string   // what the command does; blank lines separate paragraphs
	Examples []string // whole command lines, starting with "knead"
	Hidden   bool     // left out of 'knead help' and suggestions (for scripts)
	New      func() Options
}

// Options are a command's parsed flags and arguments, and what it does
// with them. Parsing is kept apart from running so that tests can check
// each alone.
type Options interface {
	// Flags declares the command's own flags on fs, bound to fields of the
	// options. The global flags are declared already.
	Flags(fs *flag.FlagSet)
	// SetArgs takes the arguments that are not flags, or returns a
	// UsageError when they are missing or too many, or an InputError
	// when one is invalid.
	SetArgs(args []string) error
	// Run does the work, writing to env's streams. It returns errors;
	// only main exits.
	Run(ctx context.Context, env *Env) error
}

// The groups of `knead help`, in the order it lists them.
const (
	groupLook  = "Look things up"
	groupPlan  = "Plan and practise"
	groupFiles = "Files"
	groupApp   = "The app"
	groupAbout = "About Knead"
)

var groupOrder = []string{groupLook, groupPlan, groupFiles, groupApp, groupAbout}

// commands are the registered commands by name.
var commands = map[string]*Command{}

// register adds a command; each command's file calls it from init.
func register(c *Command) {
	if _, dup := commands[c.Name]; dup || c.New == nil || !validGroup(c.Group) {
		panic("cli: bad or duplicate registration of command " + c.Name)
	}
	commands[c.Name] = c
}

func validGroup(g string) bool {
	for _, x := range groupOrder {
		if x == g {
			return true
		}
	}
	return false
}

// commandNames lists the registered commands that are not hidden, sorted.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n, c := range commands {
		if !c.Hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Streams are the command line's input, output and surroundings. Tests
// hand in buffers and a map for the environment.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string // nil: an empty environment
	Width  func() int          // columns of the terminal Out writes to; 0 or nil: unknown
}

// System gives the process's own streams and environment.
func System() Streams {
	return Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv, Width: stdoutWidth}
}

func (s Streams) getenv(k string) string {
	if s.Getenv == nil {
		return ""
	}
	return s.Getenv(k)
}

// Invocation is a parsed command line.
type Invocation struct {
	Command *Command // nil when no command was named
	Options Options  // the command's options, flags and arguments set
	Global  Global
}

// Parse reads a command line (without the program's name) and the
// environment twins of its flags. Global flags may come before the
// command's name; every flag may come before, between or after the
// arguments. The Invocation is returned even with an error, as far as it got.
func Parse(args []string, getenv func(string) string) (*Invocation, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	inv := &Invocation{}
	gfs := newFlagSet("knead")
	inv.Global.flags(gfs)
	rest, set, err := parseFlags(gfs, args, true)
	if err != nil {
		var u *UsageError
		if errors.As(err, &u) && strings.HasPrefix(u.Msg, "unknown flag") {
			u.Msg += "; a command's own flags go after its name"
		}
		return inv, err
	}
	if len(rest) == 0 {
		if inv.Global.Help {
			return inv, nil
		}
		if err := applyEnv(gfs, set, getenv); err != nil {
			return inv, err
		}
		return inv, inv.Global.Validate()
	}
	name := rest[0]
	cmd := commands[name]
	if cmd == nil {
		return inv, unknownCommand(name)
	}
	inv.Command = cmd
	inv.Global = Global{}
	inv.Options = cmd.New()
	fs := newFlagSet(name)
	inv.Global.flags(fs)
	inv.Options.Flags(fs)
	all := append(append([]string{}, args[:len(args)-len(rest)]...), rest[1:]...)
	pos, set, err := parseFlags(fs, all, false)
	if err != nil || inv.Global.Help {
		return inv, err
	}
	if err := applyEnv(fs, set, getenv); err != nil {
		return inv, err
	}
	if err := inv.Global.Validate(); err != nil {
		return inv, err
	}
	return inv, inv.Options.SetArgs(pos)
}

// Main runs one command line and returns the exit status: 0 done, 1 the
// input was wrong, 2 bad usage. It writes to the streams and nowhere else.
func Main(ctx context.Context, args []string, s Streams) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		// the flag every CLI answers, as the version command
		args = append([]string{"version"}, args[1:]...)
	}
	inv, err := Parse(args, s.getenv)
	if err != nil {
		return report(s.Err, inv.Command, err)
	}
	if inv.Command == nil {
		if inv.Global.Help {
			writeOverview(s.Out)
			return ExitOK
		}
		writeOverview(s.Err)
		fmt.Fprintln(s.Err, "\nknead: no command given")
		return ExitUsage
	}
	if inv.Global.Help {
		writeCommandHelp(s.Out, inv.Command)
		return ExitOK
	}
	env := newEnv(s, inv.Global)
	env.Log.Debug("run", slog.String("command", inv.Command.Name), slog.Any("catalogs", inv.Global.Catalogs))
	return report(s.Err, inv.Command, inv.Options.Run(ctx, env))
}

// report prints what went wrong, if anything, and gives the exit status.
func report(w io.Writer, cmd *Command, err error) int {
	if err == nil || errors.Is(err, errReported) {
		return exitCode(err)
	}
	prefix, help := "knead: ", "knead help"
	if cmd != nil && cmd.Name == "help" {
		// "knead help nosuch": the list of commands is what helps
		prefix = "knead help: "
	} else if cmd != nil {
		prefix, help = "knead "+cmd.Name+": ", "knead "+cmd.Name+" --help"
	}
	fmt.Fprintln(w, prefix+err.Error())
	if exitCode(err) == ExitUsage {
		fmt.Fprintf(w, "Run '%s' for usage.\n", help)
	}
	return exitCode(err)
}

// Env is what a running command works with: its streams, the global
// options, a logger, and the catalog, loaded on first use.
type Env struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Global Global
	Log    *slog.Logger

	width   func() int
	getenv  func(string) string
	catalog *massage.Catalog
	catErr  error
	loaded  bool
}

func newEnv(s Streams, g Global) *Env {
	var level slog.Level
	_ = level.UnmarshalText([]byte(g.LogLevel)) // Validate has checked it
	return &Env{
		In: s.In, Out: s.Out, Err: s.Err, Global: g,
		Log:    slog.New(slog.NewTextHandler(s.Err, &slog.HandlerOptions{Level: level})),
		width:  s.Width,
		getenv: s.getenv,
	}
}

// Catalog loads the built-in catalog and every --catalog folder, once.
// A catalog that does not load is an InputError listing every problem as
// file:line:col: message.
func (e *Env) Catalog() (*massage.Catalog, error) {
	if e.loaded {
		return e.catalog, e.catErr
	}
	e.loaded = true
	e.catalog, e.catErr = catalog.Load(e.Global.Catalogs)
	if e.catErr != nil {
		var errs catalog.Errors
		if errors.As(e.catErr, &errs) {
			lines := make([]string, len(errs))
			for i := range errs {
				lines[i] = errs[i].Error()
			}
			e.catErr = inputErrorf("the catalog did not load (%s):\n%s", plural(len(errs), "problem"), strings.Join(lines, "\n"))
		} else {
			e.catErr = inputErrorf("the catalog did not load: %v", e.catErr)
		}
		return nil, e.catErr
	}
	e.Log.Info("catalog loaded",
		slog.Int("techniques", len(e.catalog.Techniques)),
		slog.Int("preparations", len(e.catalog.Preparations)),
		slog.Int("routines", len(e.catalog.Routines)),
		slog.Any("folders", e.Global.Catalogs))
	return e.catalog, nil
}

// Text widths: text is wrapped to the terminal, 80 columns when that is
// unknown, and never wider than 100, which is as wide as reads well.
const (
	defaultWidth = 80
	maxWidth     = 100
	minWidth     = 40
)

// checkWidth refuses a --width that a card cannot be read at: below
// minWidth every line would hold a word or two.
func checkWidth(w int) error {
	switch {
	case w < 0:
		return inputErrorf("invalid --width %d: expected a number of columns, or 0 for the terminal's width", w)
	case w > 0 && w < minWidth:
		return inputErrorf("--width %d is too narrow to read: expected %d columns or more, or 0 for the terminal's width", w, minWidth)
	}
	return nil
}

// Terminal reports whether standard output is a terminal whose width is known.
func (e *Env) Terminal() bool { return e.width != nil && e.width() > 0 }

// TextWidth is the width to wrap text at: the asked width when it is not
// zero, else the terminal's or $COLUMNS (at most 100), else 80.
func (e *Env) TextWidth(asked int) int {
	if asked > 0 {
		return asked // checkWidth has refused a narrower one
	}
	w := 0
	if e.width != nil {
		w = e.width()
	}
	if w <= 0 {
		w, _ = strconv.Atoi(e.getenv("COLUMNS"))
	}
	if w <= 0 {
		return defaultWidth
	}
	return min(max(w, minWidth), maxWidth)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
