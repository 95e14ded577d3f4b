package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/tui"
)

func init() {
	register(&Command{
		Name:    "play",
		Group:   groupPlan,
		Summary: "play a routine in the terminal, step by step, with spoken cues",
		Usage:   "FILE | --technique ID | --area AREA... --minutes N",
		Help: "Plays a routine full-screen in the terminal, on the same session clock as the web app's " +
			"player. Give a routine file (one that 'knead check' accepts, such as 'knead plan --out' writes), " +
			"--technique ID to play one technique at its usual time, or --area and --minutes to plan a routine " +
			"first exactly as 'knead plan' does (--mode, --pressure, --condition and --seed as there).\n\n" +
			"Before the first move it lists what to prepare, as a checklist (keys 1-9 tick it off), and the " +
			"cautions, then waits for space. While playing it shows the move in big letters, its cue, the pass " +
			"and side, its cautions, a countdown with progress bars for the move and the whole routine, and " +
			"the next move.\n\n" +
			"Keys: space pauses and goes on; right arrow or n skips to the next move; left arrow or b goes " +
			"back (to the start of the move, or to the move before in its first seconds); l, g, f and s note " +
			"lighter, good, firmer and a sore spot at that moment; q or Esc stops. When it ends, knead prints " +
			"how far you got and what you noted. The notes are not saved; the web app ('knead serve') keeps " +
			"sessions and sore spots.\n\n" +
			"--speak says every cue aloud with espeak-ng, in the background; --speak-cmd names another " +
			"program, which gets the text as its last argument (say, spd-say, 'espeak-ng -s 140'). --bell " +
			"rings the terminal bell with each cue.\n\n" +
			"The log goes to --log-file (default: knead/play.log in your cache directory), never to the " +
			"screen; --log-level sets how much. NO_COLOR turns colours off. Knead is not medical advice.",
		Examples: []string{
			"knead play --technique scalp-petrissage",
			"knead play --area back,scalp --minutes 20 --mode partner --speak",
			"knead play --area shoulders --minutes 5 --mode self --pressure light --bell",
			"knead play evening.yaml",
		},
		New: func() Options { return &playOptions{} },
	})
}

// playOptions are the options of `knead play`.
type playOptions struct {
	Path       string // a routine file
	Technique  string
	Areas      []string
	Minutes    float64
	Mode       string
	Pressure   string
	Conditions []string
	Seed       int64
	Speak      bool
	SpeakCmd   string
	Bell       bool
	LogFile    string

	req   *plan.Request // set when planning
	voice []string      // the speech program and its arguments, when speaking

	// run plays the session; nil plays it on the terminal. Tests hand in
	// one that drives the player without a terminal.
	run func(ctx context.Context, env *Env, s tui.Session, opt tui.Options) (tui.Result, error)
}

func (o *playOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Technique, "technique", "", "play the technique `ID` at its usual time")
	listFlag(fs, &o.Areas, "area", "plan for `AREA` first; repeatable, or a comma-separated list", splitComma)
	fs.Float64Var(&o.Minutes, "minutes", 0, "with --area: `N` minutes of hands-on time, 1 to 120")
	fs.StringVar(&o.Mode, "mode", "", "with --area: `MODE`, self or partner")
	fs.StringVar(&o.Pressure, "pressure", "", "with --area: the firmest pressure, `LEVEL`: light, moderate (the default) or deep")
	listFlag(fs, &o.Conditions, "condition", "with --area: a `CONDITION` to plan around, such as inflamed-joint:ankle; repeatable", splitComma)
	fs.Int64Var(&o.Seed, "seed", 0, "with --area: `N` picks among the work techniques")
	fs.BoolVar(&o.Speak, "speak", false, "say each cue aloud (espeak-ng unless --speak-cmd names another program)")
	fs.StringVar(&o.SpeakCmd, "speak-cmd", "", "say cues with `PROGRAM` (and its arguments), the text added last; implies --speak")
	fs.BoolVar(&o.Bell, "bell", false, "ring the terminal bell with each cue")
	fs.StringVar(&o.LogFile, "log-file", "", "write the log to `FILE` (default: knead/play.log in the user's cache directory)")
}

func (o *playOptions) SetArgs(args []string) error {
	if len(args) > 1 {
		return usageErrorf("play takes one routine file, got %d: %q", len(args), args)
	}
	if len(args) == 1 {
		o.Path = args[0]
	}
	var areas []string
	for _, a := range o.Areas {
		for _, x := range splitComma(a) {
			if x = strings.TrimSpace(x); x != "" {
				areas = append(areas, x)
			}
		}
	}
	var sources []string
	if o.Path != "" {
		sources = append(sources, "a routine file")
	}
	if o.Technique != "" {
		sources = append(sources, "--technique")
	}
	if len(areas) > 0 {
		sources = append(sources, "--area")
	}
	switch len(sources) {
	case 0:
		return usageErrorf("play needs something to play: a routine file, --technique ID, or --area AREA --minutes N")
	case 1:
	default:
		return usageErrorf("play takes one of a routine file, --technique or --area; got %s", joinAnd(sources))
	}
	if len(areas) == 0 {
		var planning []string
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"--minutes", o.Minutes != 0}, {"--mode", o.Mode != ""}, {"--pressure", o.Pressure != ""},
			{"--condition", len(o.Conditions) > 0}, {"--seed", o.Seed != 0},
		} {
			if f.set {
				planning = append(planning, f.name)
			}
		}
		if len(planning) > 0 {
			return usageErrorf("%s plan a routine and go with --area; %s plays at its own times",
				joinAnd(planning), sources[0])
		}
	} else {
		if o.Minutes == 0 {
			return usageErrorf("play --area needs --minutes, the minutes of hands-on time (1 to 120)")
		}
		for _, a := range areas {
			if err := checkArea(a); err != nil {
				return err
			}
		}
		req := plan.Request{Areas: areas, Minutes: o.Minutes, Mode: o.Mode, Pressure: o.Pressure, Seed: o.Seed}
		for _, c := range o.Conditions {
			for _, x := range splitComma(c) {
				if x = strings.TrimSpace(x); x != "" {
					req.Conditions = append(req.Conditions, x)
				}
			}
		}
		if err := flagError(req.Validate()); err != nil {
			return err
		}
		o.req = &req
	}
	if o.SpeakCmd != "" || o.Speak {
		o.voice = []string{"espeak-ng"}
		if o.SpeakCmd != "" {
			o.voice = strings.Fields(o.SpeakCmd)
			if len(o.voice) == 0 {
				return inputErrorf("--speak-cmd %q names no program", o.SpeakCmd)
			}
		}
	}
	return nil
}

func (o *playOptions) Run(ctx context.Context, env *Env) error {
	logPath, logFile, err := o.openLog()
	if err != nil {
		return err
	}
	defer logFile.Close()
	var level slog.Level
	_ = level.UnmarshalText([]byte(env.Global.LogLevel)) // Validate has checked it
	// Nothing may write over the player's screen: the whole command logs
	// to the file.
	env.Log = slog.New(slog.NewTextHandler(logFile, &slog.HandlerOptions{Level: level}))

	cat, err := env.Catalog()
	if err != nil {
		return err
	}
	r, err := o.routine(cat)
	if err != nil {
		return err
	}
	s, err := tui.FromRoutine(cat, r)
	if err != nil {
		return inputErrorf("%v", err)
	}
	opt := tui.Options{Log: env.Log, NoColor: env.getenv("NO_COLOR") != ""}
	if o.voice != nil {
		if _, err := exec.LookPath(o.voice[0]); err != nil {
			hint := "install it (on Debian and Ubuntu: apt install espeak-ng) or name another program with --speak-cmd"
			if o.SpeakCmd != "" {
				hint = "check the name, or leave out --speak-cmd to use espeak-ng"
			}
			return inputErrorf("--speak: the speech program %q is not on the PATH; %s", o.voice[0], hint)
		}
		sp := tui.NewCommandSpeaker(o.voice, env.Log)
		defer sp.Close()
		opt.Speaker = sp
	}
	env.Log.Info("play", slog.String("routine", s.Title), slog.Int("moves", len(s.Script.Moves)),
		slog.Float64("seconds", s.Script.Total), slog.Any("speech", o.voice), slog.Bool("bell", o.Bell))

	run := o.run
	if run == nil {
		run = o.onTerminal
	}
	res, err := run(ctx, env, s, opt)
	if err != nil {
		var in *InputError
		if errors.As(err, &in) {
			return err
		}
		return fmt.Errorf("the player stopped: %w (the log is in %s)", err, logPath)
	}
	_, err = fmt.Fprint(env.Out, res.Summary(env.TextWidth(0)))
	return err
}

// routine reads, finds or plans what to play.
func (o *playOptions) routine(cat *massage.Catalog) (*massage.Routine, error) {
	switch {
	case o.Path != "":
		r, err := catalog.ReadRoutine(cat, o.Path)
		if err != nil {
			var errs catalog.Errors
			if errors.As(err, &errs) {
				return nil, inputErrorf("%s", errs.Error())
			}
			return nil, inputErrorf("%s: %v", o.Path, err)
		}
		return r, nil
	case o.Technique != "":
		t := cat.Technique(o.Technique)
		if t == nil {
			ids := make([]string, len(cat.Techniques))
			for i, x := range cat.Techniques {
				ids[i] = x.ID
			}
			return nil, inputErrorf("%s ('knead list' lists the techniques)",
				didYouMean(fmt.Sprintf("no technique has the id %q", o.Technique), o.Technique, ids))
		}
		return tui.TechniqueRoutine(t), nil
	}
	p, err := plan.Make(cat, *o.req)
	if err != nil {
		return nil, flagError(err)
	}
	return p.Routine(), nil
}

// openLog opens the log file for appending, making its folder.
func (o *playOptions) openLog() (string, *os.File, error) {
	path := o.LogFile
	if path == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return "", nil, inputErrorf("no cache directory for the log (%v): name a file with --log-file", err)
		}
		path = filepath.Join(dir, "knead", "play.log")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return "", nil, inputErrorf("--log-file: %v", err)
		}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return "", nil, inputErrorf("--log-file: cannot write the log: %v", err)
	}
	return path, f, nil
}

// onTerminal plays s full-screen, when the command's input and output are
// a terminal.
func (o *playOptions) onTerminal(ctx context.Context, env *Env, s tui.Session, opt tui.Options) (tui.Result, error) {
	in, inOK := env.In.(*os.File)
	out, outOK := env.Out.(*os.File)
	if !inOK || !outOK || !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return tui.Result{}, inputErrorf("play needs a terminal to draw on and read keys from; 'knead plan' prints a routine instead")
	}
	return tui.Run(ctx, s, opt, tui.Terminal{In: in, Out: out, Bell: o.Bell})
}
