// Package cli is Knead's command line: it parses `knead COMMAND ...`, runs
// the command and maps what went wrong to an exit status. cmd/knead/main.go
// only calls Main with the process's arguments and streams and exits with
// the status it returns.
//
// # What every command gets for free
//
//   - -h and --help, and `knead help COMMAND`, built from the Command's
//     Summary, Usage, Help and Examples and the usage strings of its flags.
//   - Flags before, between and after the arguments (`knead show --json ID`
//     and `knead show ID --json`); "--" ends the flags.
//   - An environment twin for every flag: --log-level is also read from
//     KNEAD_LOG_LEVEL (EnvName gives the name). The command line wins.
//   - The global flags --catalog DIR (repeatable) and --log-level, before or
//     after the command's name, in Env.Global.
//   - Exit status 0 when Run returns nil, 2 for a *UsageError (unknown
//     flag, missing argument), 1 for an *InputError and anything else.
//     The error is printed once, as "knead COMMAND: message".
//
// # Adding a command
//
// A command is one new file in this package, named after it (plan.go for
// `knead plan`), and its test file; nothing else needs editing.
//
//  1. Register it from init with a Command: Name, a Group (groupLook,
//     groupPlan, groupFiles, groupApp or groupAbout, which orders
//     `knead help`), a one-line Summary, Usage (what follows the name:
//     "ID", "PATH...", "" for nothing), Help (paragraphs separated by a
//     blank line), Examples, and New, which returns a fresh options value.
//
//  2. Write the options struct: one field per flag and argument. It
//     implements Options:
//
//     Flags(fs)      declares the flags on fs, bound to the fields
//     (fs.BoolVar(&o.JSON, "json", false, "print JSON"); put the value's
//     name in backquotes in the usage: "only `AREA`"). A flag that may be
//     repeated uses listFlag, with splitComma (or filepath.SplitList for
//     paths) saying how its KNEAD_ twin holds several values.
//
//     SetArgs(args)  takes the arguments that are not flags and checks
//     the values: usageErrorf for a missing or extra argument, inputErrorf
//     for a value that is wrong (noArgs and checkArea help).
//
//     Run(ctx, env)  does the work: env.Catalog() loads the catalog once
//     (built-in plus --catalog folders), env.Out and env.Err are the
//     streams, env.Log is a log/slog logger on stderr, env.TextWidth(n)
//     is the width to wrap text at, writeJSON prints --json output and
//     wrap lays out text. Return errors; never print them or exit. A
//     command that has printed its own report (check) returns errReported.
//
//  3. Test it like the others: a row in TestParse for its options, rows
//     in TestExitCodes for its exit statuses, golden files for what it
//     prints. TestHelpForEveryCommand covers its help on its own.
//
// A minimal command:
//
//	func init() {
//		register(&Command{
//			Name: "hello", Group: groupAbout, Summary: "greet someone",
//			Usage: "NAME", Help: "Says hello to NAME.",
//			Examples: []string{"knead hello Ann"},
//			New:      func() Options { return &helloOptions{} },
//		})
//	}
//
//	type helloOptions struct {
//		Name string
//		Loud bool
//	}
//
//	func (o *helloOptions) Flags(fs *flag.FlagSet) {
//		fs.BoolVar(&o.Loud, "loud", false, "shout it")
//	}
//
//	func (o *helloOptions) SetArgs(args []string) error {
//		if len(args) != 1 {
//			return usageErrorf("hello needs one name")
//		}
//		o.Name = args[0]
//		return nil
//	}
//
//	func (o *helloOptions) Run(ctx context.Context, env *Env) error {
//		_, err := fmt.Fprintf(env.Out, "hello, %s\n", o.Name)
//		return err
//	}
//
// `knead hello --loud Ann`, `knead hello Ann --loud`, KNEAD_LOUD=1 and
// `knead help hello` then all work.
package cli
