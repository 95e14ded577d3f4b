package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// What a release build stamps with -ldflags, as the README's build command
// does:
//
//	-X github.com/knead/knead/cli.Version=v1.2.3
//	-X github.com/knead/knead/cli.Commit=0123abcd
//	-X github.com/knead/knead/cli.Date=2026-12-04
//
// Whatever is left empty is read from the build information Go records
// (the module's version, the VCS revision and time) where it has them.
var (
	Version = ""
	Commit  = ""
	Date    = ""
)

func init() {
	register(&Command{
		Name:    "version",
		Group:   groupAbout,
		Summary: "print knead's version (also knead --version)",
		Help: "Prints the version of this knead binary, the commit and date it was built from when the " +
			"build knows them, and the Go version it was built with. A build from a checkout without " +
			"stamped values says \"knead (devel)\".",
		Examples: []string{"knead version", "knead --version"},
		New:      func() Options { return &versionOptions{} },
	})
}

type versionOptions struct{}

func (o *versionOptions) Flags(fs *flag.FlagSet) {}

func (o *versionOptions) SetArgs(args []string) error { return noArgs("version", args) }

func (o *versionOptions) Run(ctx context.Context, env *Env) error {
	info, _ := debug.ReadBuildInfo()
	_, err := fmt.Fprintln(env.Out, versionLine(info, Version, Commit, Date))
	return err
}

// versionLine names this build: "knead v1.2.3 (commit 0123abcd, 2026-12-04,
// go1.26.8)", or "knead (devel) (go1.26.8)" when nothing is known.
func versionLine(info *debug.BuildInfo, version, commit, date string) string {
	goVersion := runtime.Version()
	modified := false
	if info != nil {
		goVersion = info.GoVersion
		if version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "" {
					commit = s.Value
				}
			case "vcs.time":
				if date == "" {
					date = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if version == "" {
		version = "(devel)"
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	var parts []string
	if commit != "" {
		c := "commit " + commit
		if modified {
			c += ", modified"
		}
		parts = append(parts, c)
	}
	if date != "" {
		if len(date) > 10 && date[4] == '-' {
			date = date[:10] // the day of an RFC 3339 time is enough
		}
		parts = append(parts, "built "+date)
	}
	parts = append(parts, goVersion)
	return "knead " + version + " (" + strings.Join(parts, ", ") + ")"
}

// noArgs is SetArgs for commands that take no arguments.
func noArgs(cmd string, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s takes no arguments, got %q", cmd, args[0])
	}
	return nil
}
