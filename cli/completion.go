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
		Name:    "completion",
		Group:   groupAbout,
		Summary: "print a script that lets the shell complete knead's words",
		Usage:   "bash|zsh|fish",
		Help: "Prints a completion script for the shell named. Once loaded, Tab completes knead's commands, " +
			"their flags, technique and preparation ids (your --catalog folders' too), areas (after a comma " +
			"as well), conditions with their joint or area, and the values of --mode, --pressure, --format " +
			"and --log-level; where a file is wanted, the shell completes file names.\n\n" +
			"The script asks knead itself for the words each time, so it stays right as the catalog grows.",
		Examples: []string{
			"source <(knead completion bash)   # also in ~/.bashrc, to keep it",
			"knead completion zsh > \"${fpath[1]}/_knead\"   # then a new shell",
			"knead completion fish > ~/.config/fish/completions/knead.fish",
		},
		New: func() Options { return &completionOptions{} },
	})
	register(&Command{
		Name:    completeCmd,
		Group:   groupAbout,
		Summary: "the words that complete a command line (what the completion scripts call)",
		Usage:   "WORD...",
		Hidden:  true,
		Help: "Prints, one a line, the words that may complete the last WORD of a knead command line, " +
			"given the words before it. The scripts of 'knead completion' call it; it never fails.",
		New: func() Options { return &completeOptions{} },
	})
}

// completeCmd is the hidden command the completion scripts call.
const completeCmd = "__complete"

type completionOptions struct{ Shell string }

func (o *completionOptions) Flags(fs *flag.FlagSet) {}

func (o *completionOptions) SetArgs(args []string) error {
	if len(args) != 1 {
		return usageErrorf("completion needs the name of a shell: bash, zsh or fish")
	}
	switch args[0] {
	case "bash", "zsh", "fish":
		o.Shell = args[0]
		return nil
	}
	return inputErrorf("%s", didYouMean(fmt.Sprintf("no completion script for the shell %q: expected bash, zsh or fish", args[0]), args[0], []string{"bash", "zsh", "fish"}))
}

func (o *completionOptions) Run(ctx context.Context, env *Env) error {
	script := map[string]string{"bash": bashScript, "zsh": zshScript, "fish": fishScript}[o.Shell]
	_, err := io.WriteString(env.Out, script)
	return err
}

// bashScript hands the words up to the cursor to knead __complete. Bash
// splits words at : and = as well, so the part of each answer before the
// word bash is completing is taken off again.
const bashScript = `# knead completion for bash: source <(knead completion bash)
_knead() {
  local line=${COMP_LINE:0:COMP_POINT}
  local -a words
  read -ra words <<< "$line"
  [[ $line == *[[:space:]] ]] && words+=("")
  local cur=${words[${#words[@]}-1]}
  local part=${COMP_WORDS[COMP_CWORD]}
  [[ $part == ":" || $part == "=" ]] && part=""
  local drop=${cur%"$part"}
  local IFS=$'\n'
  local -a found
  found=($(knead __complete -- "${words[@]:1}" 2>/dev/null))
  COMPREPLY=()
  local w
  for w in "${found[@]}"; do COMPREPLY+=("${w#"$drop"}"); done
  [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *[:=,] ]] && compopt -o nospace 2>/dev/null
  return 0
}
complete -o default -F _knead knead
`

const zshScript = `#compdef knead
# knead completion for zsh: knead completion zsh > "${fpath[1]}/_knead"
_knead() {
  local -a found
  found=("${(@f)$(knead __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  found=(${found:#})
  if (( ${#found} == 0 )); then
    _files
    return
  fi
  compadd -Q -S '' -- "${found[@]/%/ }"
}
if [[ $funcstack[1] == _knead ]]; then _knead "$@"; else compdef _knead knead; fi
`

const fishScript = `# knead completion for fish: knead completion fish > ~/.config/fish/completions/knead.fish
function __knead_complete
    set -l words (commandline -opc)[2..-1] (commandline -ct)
    set -l found (knead __complete -- $words 2>/dev/null)
    if test (count $found) -eq 0
        __fish_complete_path (commandline -ct)
    else
        printf '%s\n' $found
    end
end
complete -c knead -f -a '(__knead_complete)'
`

type completeOptions struct{ Words []string }

func (o *completeOptions) Flags(fs *flag.FlagSet) {}

func (o *completeOptions) SetArgs(args []string) error {
	o.Words = args
	return nil
}

func (o *completeOptions) Run(ctx context.Context, env *Env) error {
	for _, w := range complete(env, o.Words) {
		if _, err := fmt.Fprintln(env.Out, w); err != nil {
			return err
		}
	}
	return nil
}

// complete gives the words that may replace the last of words, given those
// before it. Nothing means the shell should complete a file name.
func complete(env *Env, words []string) []string {
	if len(words) == 0 {
		words = []string{""}
	}
	before, cur := words[:len(words)-1], words[len(words)-1]
	var cmd *Command
	var args []string // positional words before cur
	expectValue := "" // a flag before cur that waits for its value
	for _, w := range before {
		if expectValue != "" {
			expectValue = ""
			continue
		}
		if strings.HasPrefix(w, "-") && len(w) > 1 {
			name := strings.TrimLeft(w, "-")
			if !strings.Contains(name, "=") && takesValue(cmd, name) {
				expectValue = name
			}
			continue
		}
		if cmd == nil {
			if cmd = commands[w]; cmd == nil {
				return nil
			}
			continue
		}
		args = append(args, w)
	}
	if expectValue != "" {
		return matching(flagValues(env, expectValue, cur), cur)
	}
	if name, value, ok := strings.Cut(strings.TrimLeft(cur, "-"), "="); ok && strings.HasPrefix(cur, "-") {
		prefix := cur[:len(cur)-len(value)]
		var out []string
		for _, v := range flagValues(env, name, value) {
			out = append(out, prefix+v)
		}
		return matching(out, cur)
	}
	if strings.HasPrefix(cur, "-") {
		return matching(longFlags(cmd), cur)
	}
	if cmd == nil {
		return matching(commandNames(), cur)
	}
	return matching(argValues(env, cmd, args, cur), cur)
}

// flagSet declares the global flags and cmd's own, as Parse does.
func flagSet(cmd *Command) *flag.FlagSet {
	fs := newFlagSet("knead")
	var g Global
	g.flags(fs)
	if cmd != nil {
		cmd.New().Flags(fs)
	}
	return fs
}

func takesValue(cmd *Command, name string) bool {
	f := flagSet(cmd).Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

func longFlags(cmd *Command) []string {
	var out []string
	flagSet(cmd).VisitAll(func(f *flag.Flag) {
		if len(f.Name) > 1 {
			out = append(out, "--"+f.Name)
		}
	})
	sort.Strings(out)
	return out
}

// flagValues are the words a flag's value may be; nil for a file or a number.
func flagValues(env *Env, name, cur string) []string {
	switch name {
	case "area":
		return listed(cur, areaIDs())
	case "condition":
		return listed(cur, conditionWords(lastItem(cur)))
	case "mode":
		return massage.Modes.IDs()
	case "pressure":
		return massage.Levels.IDs()
	case "log-level":
		return logLevels
	case "format":
		return exportFormats
	case "technique":
		return techniqueIDs(env, false)
	}
	return nil
}

// argValues are the words an argument may be; nil where it is a file.
func argValues(env *Env, cmd *Command, args []string, cur string) []string {
	switch cmd.Name {
	case "show":
		if len(args) == 0 {
			return techniqueIDs(env, true)
		}
	case "draw":
		if len(args) == 0 && !strings.ContainsAny(cur, "./") {
			return techniqueIDs(env, false)
		}
	case "completion":
		if len(args) == 0 {
			return []string{"bash", "zsh", "fish"}
		}
	}
	if cmd.Name == "help" && len(args) == 0 {
		return commandNames()
	}
	return nil
}

func areaIDs() []string {
	ids := make([]string, len(massage.Areas))
	for i, a := range massage.Areas {
		ids[i] = a.ID
	}
	return ids
}

// conditionWords completes one condition: its kind, or after the colon
// the joint or area it names.
func conditionWords(cur string) []string {
	kind, _, hasColon := strings.Cut(cur, ":")
	usage := massage.ConditionUsage(kind)
	if hasColon {
		var places []string
		switch {
		case strings.HasSuffix(usage, ":JOINT"):
			for _, j := range massage.Joints {
				places = append(places, j.ID)
			}
		case strings.HasSuffix(usage, ":AREA"):
			places = areaIDs()
		}
		out := make([]string, len(places))
		for i, p := range places {
			out[i] = kind + ":" + p
		}
		return out
	}
	var out []string
	for _, k := range massage.ConditionKinds.IDs() {
		if u := massage.ConditionUsage(k); u != k {
			out = append(out, k+":")
		} else {
			out = append(out, k)
		}
	}
	return out
}

// listed completes the last item of a comma-separated list, keeping the
// items before it.
func listed(cur string, words []string) []string {
	head := cur[:len(cur)-len(lastItem(cur))]
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = head + w
	}
	return out
}

func lastItem(s string) string { return s[strings.LastIndex(s, ",")+1:] }

func techniqueIDs(env *Env, withPreps bool) []string {
	cat, err := env.Catalog()
	if err != nil {
		return nil
	}
	var ids []string
	for _, t := range cat.Techniques {
		ids = append(ids, t.ID)
	}
	if withPreps {
		for _, p := range cat.Preparations {
			ids = append(ids, p.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// matching keeps the words that start with what was typed.
func matching(words []string, cur string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, cur) {
			out = append(out, w)
		}
	}
	return out
}
