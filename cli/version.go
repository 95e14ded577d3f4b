package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"
)

// Version is knead's version; a release build sets it with
// -ldflags "-X github.com/knead/knead/cli.Version=v1.2.3". When it is
// empty, the module's version or the commit the binary was built from is
// used.
var Version = ""

func init() {
	register(&Command{
		Name:     "version",
		Group:    groupAbout,
		Summary:  "print knead's version",
		Help:     "Prints the version of this knead binary, and the commit it was built from when that is known.",
		Examples: []string{"knead version"},
		New:      func() Options { return &versionOptions{} },
	})
}

type versionOptions struct{}

func (o *versionOptions) Flags(fs *flag.FlagSet) {}

func (o *versionOptions) SetArgs(args []string) error { return noArgs("version", args) }

func (o *versionOptions) Run(ctx context.Context, env *Env) error {
	_, err := fmt.Fprintf(env.Out, "knead %s\n", version())
	return err
}

// version works out what to call this build.
func version() string {
	if Version != "" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += " (" + rev + dirty + ")"
	}
	return v
}

// noArgs is SetArgs for commands that take no arguments.
func noArgs(cmd string, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s takes no arguments, got %q", cmd, args[0])
	}
	return nil
}
