package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/knead/knead/suggest"
)

// Global holds the flags every command accepts, before or after its name.
type Global struct {
	Catalogs []string // --catalog DIR, repeatable: folders of YAML files added to the built-in catalog
	LogLevel string   // --log-level: debug, info, warn or error
	Help     bool     // -h, --help
}

// logLevels are the values --log-level accepts.
var logLevels = []string{"debug", "info", "warn", "error"}

func (g *Global) flags(fs *flag.FlagSet) {
	listFlag(fs, &g.Catalogs, "catalog", "add the .yaml files in the folder `DIR` to the built-in catalog; "+
		"repeatable (KNEAD_CATALOG may hold several, separated by "+listSeparator()+")", filepath.SplitList)
	fs.StringVar(&g.LogLevel, "log-level", "warn", "log to stderr from `LEVEL` up: debug, info, warn or error")
	fs.BoolVar(&g.Help, "help", false, "show help for the command")
	fs.BoolVar(&g.Help, "h", false, "show help for the command")
}

// Validate checks the values that flags and environment gave.
func (g *Global) Validate() error {
	for _, l := range logLevels {
		if g.LogLevel == l {
			return nil
		}
	}
	return inputErrorf("invalid --log-level %q: expected one of %s", g.LogLevel, strings.Join(logLevels, ", "))
}

// isGlobal reports whether a flag name belongs to Global.
func isGlobal(name string) bool {
	switch name {
	case "catalog", "log-level", "help", "h":
		return true
	}
	return false
}

func listSeparator() string {
	if filepath.ListSeparator == ';' {
		return "semicolons"
	}
	return "colons"
}

// listValue is a flag that may be given several times, each adding to a list.
type listValue struct {
	list  *[]string
	split func(string) []string // how its environment twin holds several values
}

func (l *listValue) String() string {
	if l == nil || l.list == nil {
		return ""
	}
	return strings.Join(*l.list, ",")
}

func (l *listValue) Set(s string) error {
	*l.list = append(*l.list, s)
	return nil
}

// splitEnv breaks the environment twin's value into the values it holds.
func (l *listValue) splitEnv(s string) []string {
	var out []string
	for _, v := range l.split(s) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// listFlag declares a repeatable flag. split breaks its environment twin's
// value into several: filepath.SplitList for paths, splitComma for words.
func listFlag(fs *flag.FlagSet, p *[]string, name, usage string, split func(string) []string) {
	fs.Var(&listValue{list: p, split: split}, name, usage)
}

// splitComma splits a list written as "a,b,c".
func splitComma(s string) []string { return strings.Split(s, ",") }

// newFlagSet makes a flag set that reports errors instead of printing or exiting.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags sets on fs every flag in args and returns the other arguments,
// in order, with the names of the flags it set. Flags may come before,
// between and after the other arguments ("-x", "--x", "--x=v", "--x v");
// "--" ends the flags and "-" alone is an argument. With stop set it
// returns at the first argument that is not a flag, leaving the rest
// (that argument included) unread: that is how the command's name is found.
func parseFlags(fs *flag.FlagSet, args []string, stop bool) (rest []string, set map[string]bool, err error) {
	set = map[string]bool{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if stop {
				return args[i+1:], set, nil
			}
			return append(rest, args[i+1:]...), set, nil
		}
		if len(a) < 2 || a[0] != '-' {
			if stop {
				return args[i:], set, nil
			}
			rest = append(rest, a)
			continue
		}
		name := strings.TrimPrefix(a[1:], "-")
		value, hasValue := "", false
		if k, v, ok := strings.Cut(name, "="); ok {
			name, value, hasValue = k, v, true
		}
		if name == "" || name[0] == '-' || name[0] == '=' {
			return nil, set, usageErrorf("bad flag syntax: %s", a)
		}
		f := fs.Lookup(name)
		if f == nil {
			return nil, set, unknownFlag(fs, a, name)
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && !hasValue {
			value, hasValue = "true", true
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, set, usageErrorf("flag --%s needs a value", name)
			}
			i++
			value = args[i]
		}
		if err := f.Value.Set(value); err != nil {
			return nil, set, inputErrorf("invalid value %q for --%s: %v", value, name, unwrapFlagErr(f, err))
		}
		set[f.Name] = true
	}
	return rest, set, nil
}

func unknownFlag(fs *flag.FlagSet, given, name string) error {
	var names []string
	fs.VisitAll(func(f *flag.Flag) {
		if len(f.Name) > 1 {
			names = append(names, f.Name)
		}
	})
	if near := suggest.Nearest(name, names, 1); len(near) > 0 {
		return usageErrorf("unknown flag %s (did you mean --%s?)", given, near[0])
	}
	return usageErrorf("unknown flag %s", given)
}

// unwrapFlagErr turns strconv's messages ("parse error") into what the
// flag expected, by its kind.
func unwrapFlagErr(f *flag.Flag, err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "invalid syntax"), strings.Contains(msg, "parse error"):
		switch fmt.Sprintf("%T", f.Value) {
		case "*flag.boolValue":
			return "expected true or false (also 1 or 0)"
		case "*flag.intValue", "*flag.int64Value", "*flag.uintValue", "*flag.uint64Value":
			return "expected a whole number"
		case "*flag.float64Value":
			return "expected a number"
		case "*flag.durationValue":
			return "expected a duration such as 30s or 2m"
		}
		return "not a value this flag takes"
	case strings.Contains(msg, "out of range"):
		return "out of range"
	}
	return msg
}

// EnvName is the environment twin of a flag: "log-level" → KNEAD_LOG_LEVEL.
func EnvName(flagName string) string {
	return "KNEAD_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// applyEnv sets each flag that the command line left alone from its
// environment twin, when that is set and not empty. Help has no twin.
func applyEnv(fs *flag.FlagSet, set map[string]bool, getenv func(string) string) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil || set[f.Name] || f.Name == "help" || f.Name == "h" {
			return
		}
		key := EnvName(f.Name)
		v := getenv(key)
		if v == "" {
			return
		}
		values := []string{v}
		if l, ok := f.Value.(*listValue); ok {
			values = l.splitEnv(v)
		}
		for _, x := range values {
			if e := f.Value.Set(x); e != nil {
				err = inputErrorf("invalid value %q in %s (the twin of --%s): %v", v, key, f.Name, unwrapFlagErr(f, e))
				return
			}
		}
	})
	return err
}
