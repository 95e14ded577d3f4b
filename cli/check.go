package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/knead/knead/catalog"
)

func init() {
	register(&Command{
		Name:    "check",
		Group:   groupFiles,
		Summary: "check technique and routine files for mistakes",
		Usage:   "PATH...",
		Help: "Checks YAML files of techniques, routines, preparations, cautions, rules and sources " +
			"(the format is in docs/format.md), or every *.yaml file in a folder, against the " +
			"built-in catalog and any --catalog folders. - reads a file from standard input.\n\n" +
			"Each problem is printed on its own line as file:line:col: message, which editors can jump to, " +
			"and the exit status is 1. Each path is answered in the order given, with its problems or 'PATH: ok'.",
		Examples: []string{
			"knead check my-routine.yaml",
			"knead check --catalog ~/massage ~/massage",
			"knead plan --area back --minutes 10 --out - | knead check -",
		},
		New: func() Options { return &checkOptions{} },
	})
}

// checkOptions are the options of `knead check`.
type checkOptions struct {
	Paths []string
}

func (o *checkOptions) Flags(fs *flag.FlagSet) {}

func (o *checkOptions) SetArgs(args []string) error {
	if len(args) == 0 {
		return usageErrorf("check needs at least one file or folder to check")
	}
	o.Paths = args
	return nil
}

func (o *checkOptions) Run(ctx context.Context, env *Env) error {
	var files []string
	var more []catalog.Input
	for _, p := range o.Paths {
		if p != "-" {
			files = append(files, p)
			continue
		}
		data, err := readStdin(env, "check")
		if err != nil {
			return err
		}
		more = append(more, catalog.Input{Name: stdinName, Data: data})
	}
	errs := dedupe(catalog.Check(env.Global.Catalogs, files, more...))
	// Each path in the order given: its problems, or "ok". Problems in
	// neither (a --catalog folder) come first.
	owner := func(e catalog.Error) int {
		for i, p := range o.Paths {
			name := p
			if p == "-" {
				name = stdinName
			}
			if e.File == name || strings.HasPrefix(e.File, strings.TrimSuffix(name, "/")+"/") {
				return i
			}
		}
		return -1
	}
	sort.SliceStable(errs, func(a, b int) bool { return owner(errs[a]) < owner(errs[b]) })
	byPath := map[int][]catalog.Error{}
	broken := map[string]bool{}
	for _, e := range errs {
		byPath[owner(e)] = append(byPath[owner(e)], e)
		broken[e.File] = true
	}
	var out strings.Builder
	for _, e := range byPath[-1] {
		out.WriteString(e.Error() + "\n")
	}
	for i, p := range o.Paths {
		if len(byPath[i]) == 0 {
			out.WriteString(p + ": ok\n")
		}
		for _, e := range byPath[i] {
			out.WriteString(e.Error() + "\n")
		}
	}
	if _, err := io.WriteString(env.Out, out.String()); err != nil {
		return err
	}
	if len(errs) > 0 {
		fmt.Fprintf(env.Err, "knead check: %s in %s\n", plural(len(errs), "problem"), plural(len(broken), "file"))
		return errReported
	}
	return nil
}

// dedupe drops a problem met a second time, as when a folder is both
// a --catalog folder and a path to check, keeping the first's place.
func dedupe(errs []catalog.Error) []catalog.Error {
	seen := map[string]bool{}
	out := errs[:0:0]
	for _, e := range errs {
		if k := e.Error(); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// stdinName is what errors call a file read from standard input.
const stdinName = "<stdin>"

// readStdin reads a file given as "-", up to the size the loader takes.
func readStdin(env *Env, cmd string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(env.In, catalog.MaxFileSize+1))
	if err != nil {
		return nil, inputErrorf("reading standard input: %v", err)
	}
	if len(data) > catalog.MaxFileSize {
		return nil, inputErrorf("%s: standard input is over %d bytes, the most Knead reads", cmd, catalog.MaxFileSize)
	}
	return data, nil
}
