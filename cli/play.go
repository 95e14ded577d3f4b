package cli

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
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
			"first exactly as 'knead plan' does (--mode, --pressure and --seed as there).\n\n" +
			"Safety first: before anything plays, on a terminal, knead asks the safety screen's few yes/no " +
			"questions (as 'knead plan --screen' does) unless the person --for names (me when left out) answered " +
			"them in the last " + strconv.Itoa(massage.ScreenDays) + " days, here, in 'knead plan --screen --for' or on the web start page; " +
			"the answers are kept for them with the date, and --screen asks again when something changed. " +
			"--condition, --age and --cleared add to the answers, as in 'knead plan'. A condition that means no " +
			"session today (a fever, a calf that could hold a clot) exits with status 1 and the reason; one that " +
			"needs a health professional's agreement (pregnancy, cancer treatment, a heart condition, epilepsy) " +
			"plays only after a yes. A planned session is planned around the answers; a routine file or " +
			"--technique is played as written only when every move passes them, and otherwise exits with status " +
			"1 naming the move. Without a terminal nothing is asked and nothing waits: a line on stderr says the " +
			"screen was skipped, and the rules that hold for everyone apply.\n\n" +
			"Before the first move it lists what to prepare, as a checklist (keys 1-9 tick it off), and the " +
			"cautions, then waits for space. While playing it shows the move in big letters, its cue, the pass " +
			"and side, its cautions, a countdown with progress bars for the move and the whole routine, and " +
			"the next move.\n\n" +
			"Keys: space pauses and goes on; right arrow or n skips to the next move; left arrow or b goes " +
			"back (to the start of the move, or to the move before in its first seconds); l, g, f and s note " +
			"lighter, good, firmer and a sore spot at that moment; u and d give the move's technique a thumbs " +
			"up or down (the next plans take it sooner or later, and leave it out after two thumbs-down until " +
			"it is restored in History); h is \"It hurts\": the move stops at once, the clock " +
			"waits, the later moves on that area go a step lighter (never deep), and the person's next plans leave " +
			"that technique out there; q or Esc stops. When it ends, knead prints " +
			"how far you got and what you noted.\n\n" +
			"The session is kept, for the person --for names, in the same store as the web app's, so its History lists it: it is created " +
			"when the first move starts, its place is saved after every move, and every press with its moment " +
			"(sore spots are remembered by area). At the end it asks for a rating from 1 to 5 and a one-line " +
			"note (Enter or Esc skips). --db names the store as for 'knead serve' (default: knead.db in your " +
			"data directory); --no-save keeps nothing, not even the screen's answers, and goes without --for.\n\n" +
			"A session stopped part-way (q, Ctrl-C, a closed terminal) goes on with --resume, from where it " +
			"stopped, with its feedback so far: --resume takes the last unfinished session played, here or in " +
			"the web app; --resume=ID takes the session with that id (the last part of its address in the web " +
			"app).\n\n" +
			"--speak says every cue aloud with espeak-ng, in the background; --speak-cmd names another " +
			"program, which gets the text as its last argument (say, spd-say, 'espeak-ng -s 140'). The cues " +
			"are planned to fit their moves at --rate (slower, normal or faster: 130, 160 or 190 words a " +
			"minute), and espeak-ng speaks at that rate. r reads the move's whole instruction. --bell rings " +
			"the terminal bell as each move begins, and twice to switch sides.\n\n" +
			"The log goes to --log-file (default: knead/play.log in your cache directory), never to the " +
			"screen; --log-level sets how much. NO_COLOR turns colours off. Knead is not medical advice.",
		Examples: []string{
			"knead play --technique scalp-petrissage",
			"knead play --area back,scalp --minutes 20 --mode partner --speak",
			"knead play --area shoulders --minutes 5 --mode self --pressure light --bell",
			"knead play evening.yaml",
			"knead play --resume",
			"knead play --technique knead-ankles --no-save",
			"knead play --area legs --minutes 15 --for ann --screen",
			"knead play --area back --minutes 10 --condition blood-thinners",
		},
		New: func() Options { return &playOptions{} },
	})
}

// playOptions are the options of `knead play`.
type playOptions struct {
	Path       string           // a routine file
	fileCat    *massage.Catalog // the catalog with Path's own declarations, once read
	Technique  string
	Areas      []string
	Minutes    minutesFlag
	Mode       string
	Pressure   string
	Conditions []string
	Age        string
	Cleared    bool
	For        string // whose screen answers, history and session: me unless named
	Screen     bool   // ask the screen again: something changed
	Seed       int64
	Speak      bool
	SpeakCmd   string
	Bell       bool
	Rate       string // speech rate: slower, normal or faster
	LogFile    string
	DB         string // SQLite path or postgres:// URL; "" for the default file
	NoSave     bool
	Resume     string // "" not resuming, "last" the last unfinished session, else a session id

	req    *plan.Request // set when planning
	voice  []string      // the speech program and its arguments, when speaking
	person string        // the store's id of --for
	hist   *plan.History // the person's history, for planning

	// interactive reports whether the screen can be asked on the
	// command's input; nil asks whether it is a terminal.
	interactive func(env *Env) bool

	// run plays the session; nil plays it on the terminal. Tests hand in
	// one that drives the player without a terminal.
	run func(ctx context.Context, env *Env, s tui.Session, opt tui.Options) (tui.Result, error)
}

func (o *playOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Technique, "technique", "", "play the technique `ID` at its usual time")
	listFlag(fs, &o.Areas, "area", "plan for `AREA` first; repeatable, or a comma-separated list", splitComma)
	fs.Var(&o.Minutes, "minutes", "with --area: `N` minutes of hands-on time, 1 to 120")
	fs.StringVar(&o.Mode, "mode", "", "with --area: `MODE`, self or partner")
	fs.StringVar(&o.Pressure, "pressure", "", "with --area: the firmest pressure, `LEVEL`: light, moderate (the default) or deep")
	listFlag(fs, &o.Conditions, "condition", "a `CONDITION` to plan around, such as inflamed-joint:ankle, added to the screen's answers; repeatable", splitComma)
	fs.StringVar(&o.Age, "age", "", "the receiver's `GROUP`: adult (default), older-adult, child or infant")
	fs.BoolVar(&o.Cleared, "cleared", false, "a health professional agreed to the massage (for pregnancy, cancer treatment, a heart condition, epilepsy)")
	fs.StringVar(&o.For, "for", "", "play for `NAME` (me unless named, or someone 'knead people' lists): their safety answers, history and session")
	fs.BoolVar(&o.Screen, "screen", false, "ask the safety screen again, though the kept answers are fresh (something changed)")
	fs.Int64Var(&o.Seed, "seed", 0, "with --area: `N` picks among the work techniques")
	fs.BoolVar(&o.Speak, "speak", false, "say each cue aloud (espeak-ng unless --speak-cmd names another program)")
	fs.StringVar(&o.SpeakCmd, "speak-cmd", "", "say cues with `PROGRAM` (and its arguments), the text added last; implies --speak")
	fs.BoolVar(&o.Bell, "bell", false, "ring the terminal bell as each move begins (twice to switch sides)")
	fs.StringVar(&o.Rate, "rate", "", "speech `RATE`: slower, normal (the default) or faster; the cues are fitted to it")
	fs.StringVar(&o.LogFile, "log-file", "", "write the log to `FILE` (default: knead/play.log in the user's cache directory)")
	fs.StringVar(&o.DB, "db", "", "keep the session in SQLite file `PATH`, or in PostgreSQL at a postgres:// URL, as 'knead serve' does (default: the data directory)")
	fs.BoolVar(&o.NoSave, "no-save", false, "keep nothing: no session, feedback, rating or sore spots are stored")
	fs.Var(resumeValue{&o.Resume}, "resume", "go on with the last unfinished session where it stopped; --resume=ID with that session")
}

// resumeValue is --resume: a switch alone (the last unfinished session),
// or --resume=ID for one session.
type resumeValue struct{ p *string }

func (r resumeValue) String() string {
	if r.p == nil {
		return ""
	}
	return *r.p
}

func (r resumeValue) Set(s string) error {
	switch v := strings.TrimSpace(s); strings.ToLower(v) {
	case "true", "1", "yes", "last":
		*r.p = "last"
	case "false", "0", "no", "":
		*r.p = ""
	default:
		if !sessionID.MatchString(v) {
			return fmt.Errorf("a session id is letters, digits, '-' and '_' (the last part of /session/ID in the web app)")
		}
		*r.p = v
	}
	return nil
}

func (resumeValue) IsBoolFlag() bool { return true }

var sessionID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

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
	if o.Resume != "" {
		sources = append(sources, "--resume")
	}
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
		return usageErrorf("play needs something to play: a routine file, --technique ID, --area AREA --minutes N, or --resume")
	case 1:
	default:
		if o.Resume != "" {
			return usageErrorf("--resume plays a session kept before, as it was; leave out %s", massage.JoinAnd(sources[1:]))
		}
		return usageErrorf("play takes one of a routine file, --technique or --area; got %s", massage.JoinAnd(sources))
	}
	if o.Resume != "" && o.NoSave {
		return usageErrorf("--resume goes on with a session in the store and keeps saving it; it does not go with --no-save")
	}
	if strings.HasPrefix(o.DB, "postgres:") && !strings.HasPrefix(o.DB, "postgres://") {
		return inputErrorf("--db %q: a PostgreSQL address starts with postgres://", store.Redact(o.DB))
	}
	if len(areas) == 0 {
		var planning []string
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"--minutes", o.Minutes.set}, {"--mode", o.Mode != ""}, {"--pressure", o.Pressure != ""},
			{"--seed", o.Seed != 0},
		} {
			if f.set {
				planning = append(planning, f.name)
			}
		}
		if len(planning) > 0 {
			verb := "belong"
			if len(planning) == 1 {
				verb = "belongs"
			}
			return usageErrorf("%s %s to planning, with --area; %s plays at its own times",
				massage.JoinAnd(planning), verb, sources[0])
		}
	} else {
		if !o.Minutes.set {
			return usageErrorf("play --area needs --minutes, the minutes of hands-on time (1 to 120)")
		}
		for _, a := range areas {
			if err := checkArea(a); err != nil {
				return err
			}
		}
		req := plan.Request{Areas: areas, Minutes: o.Minutes.v, Mode: o.Mode, Pressure: o.Pressure, Seed: o.Seed}
		o.req = &req
	}
	if o.Resume != "" && (len(o.Conditions) > 0 || o.Age != "" || o.Cleared || o.For != "" || o.Screen) {
		return usageErrorf("--resume goes on with a session screened when it began; leave out --condition, --age, --cleared, --for and --screen")
	}
	if o.NoSave && o.For != "" {
		return usageErrorf("--for reads the person's answers and history from the store and keeps the session for them; it does not go with --no-save")
	}
	var err error
	if o.person, err = personID(cmp.Or(o.For, store.Me)); err != nil {
		return err
	}
	// The conditions and age are checked now, as the planner reads them.
	probe := plan.Request{Areas: []string{"back"}, Minutes: 10, Age: o.Age}
	if o.req != nil {
		probe = *o.req
		probe.Age = o.Age
	}
	for _, c := range o.Conditions {
		for _, x := range splitComma(c) {
			if x = strings.TrimSpace(x); x != "" {
				probe.Conditions = append(probe.Conditions, x)
			}
		}
	}
	if err := flagError(probe.Validate()); err != nil {
		return err
	}
	if o.req != nil {
		o.req.Conditions, o.req.Age = probe.Conditions, probe.Age
	}
	o.Conditions = probe.Conditions
	if _, err := guide.RateWPM(o.Rate); err != nil {
		return inputErrorf("--rate: %v", err)
	}
	if o.Rate != "" && o.Resume != "" {
		return inputErrorf("--rate does not go with --resume: a resumed session keeps the rate its cues were fitted to")
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
	// What to play, and the checks that need no store, come first: a
	// mistake is told before anything is opened or kept.
	var s tui.Session
	var r *massage.Routine
	var src tui.Source
	if o.Resume == "" {
		if o.req == nil {
			// a routine file or a technique: read before anything is asked
			if r, src, err = o.routine(cat); err != nil {
				return err
			}
			if o.fileCat != nil {
				cat = o.fileCat // with the file's own cautions and preparations
			}
		}
		safety, err := o.screen(ctx, env, cat)
		if err != nil {
			return err
		}
		if o.req != nil {
			o.req.Conditions, o.req.Age, o.req.Cleared = safety.Conditions, safety.Age, safety.Cleared
			if r, src, err = o.routine(cat); err != nil {
				return err
			}
		} else if err := plan.Check(cat, safety, r); err != nil {
			// a routine played as written: every move must pass the answers
			return inputErrorf("%s; 'knead play --area AREA --minutes N' plans a session around the answers instead", screenMessage(err))
		}
		if s, err = tui.FromRoutineWith(cat, r, guide.Options{Rate: o.Rate}); err != nil {
			return inputErrorf("%v", err)
		}
	}
	if o.voice != nil {
		if _, err := exec.LookPath(o.voice[0]); err != nil {
			hint := "install it (on Debian and Ubuntu: apt install espeak-ng) or name another program with --speak-cmd"
			if o.SpeakCmd != "" {
				hint = "check the name, or leave out --speak-cmd to use espeak-ng"
			}
			return inputErrorf("--speak: the speech program %q is not on the PATH; %s", o.voice[0], hint)
		}
	}
	run := o.run
	if run == nil {
		if _, _, err := terminal(env); err != nil {
			return err
		}
		run = o.onTerminal
	}

	var keeper *tui.Keeper
	var where string // the store, for messages
	if !o.NoSave {
		var st store.Store
		if st, where, err = o.openStore(ctx); err != nil {
			return err
		}
		defer st.Close()
		if o.Resume != "" {
			s, keeper, err = o.resume(ctx, env, cat, st, where)
		} else {
			keeper, err = newKeeper(env, cat, st, r, s, src, o.person)
		}
		if err != nil {
			return err
		}
	}
	opt := tui.Options{Log: env.Log, NoColor: env.getenv("NO_COLOR") != ""}
	closed := false
	if keeper != nil {
		opt.Recorder = keeper
		defer func() {
			if !closed {
				// The player failed: what it wrote is waited for all the same.
				closeKeeper(keeper)
			}
		}()
	}
	if o.voice != nil {
		voice := o.voice
		if o.SpeakCmd == "" {
			// espeak-ng speaks at the rate the cues were fitted to (its own
			// default, 175 words a minute, is faster than Knead's normal).
			wpm, _ := guide.RateWPM(s.Script.Rate)
			voice = append(voice, "-s", strconv.Itoa(int(wpm)))
		}
		sp := tui.NewCommandSpeaker(voice, env.Log)
		defer sp.Close()
		opt.Speaker = sp
	}
	env.Log.Info("play", slog.String("routine", s.Title), slog.Int("moves", len(s.Script.Moves)),
		slog.Float64("seconds", s.Script.Total), slog.Any("speech", o.voice), slog.Bool("bell", o.Bell),
		slog.String("store", where), slog.String("resume", o.Resume))

	res, err := run(ctx, env, s, opt)
	if err != nil {
		var in *InputError
		if errors.As(err, &in) {
			return err
		}
		return fmt.Errorf("the player stopped: %w (the log is in %s)", err, logPath)
	}
	var keepErr error
	if keeper != nil {
		keepErr, closed = closeKeeper(keeper), true
	}
	text := res.Summary(env.TextWidth(0))
	if keeper != nil {
		text += keptLines(res, keeper.ID(), where, keepErr == nil, env.TextWidth(0))
	}
	if _, err := fmt.Fprint(env.Out, text); err != nil {
		return err
	}
	if keepErr != nil {
		return inputErrorf("the session was not all kept in %s: %v (the log is in %s)", where, keepErr, logPath)
	}
	return nil
}

// closeKeeper waits for the session's last writes, for a while.
func closeKeeper(k *tui.Keeper) error {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return k.Close(ctx)
}

// openStore opens the store --db names, the default SQLite file when it
// names none, as 'knead serve' does.
func (o *playOptions) openStore(ctx context.Context) (store.Store, string, error) {
	db := o.DB
	if db == "" {
		var err error
		if db, err = store.DefaultPath(); err != nil {
			return nil, "", inputErrorf("%v; or pass --no-save to keep nothing", err)
		}
	}
	if o.Resume != "" && !strings.HasPrefix(db, "postgres://") && !strings.HasPrefix(db, "postgresql://") {
		// resuming only reads: a database that is not there is not made
		if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
			return nil, "", inputErrorf("--resume: %s does not exist, so no session in it is waiting to go on; "+
				"--db names the database 'knead serve' or an earlier 'knead play' used", db)
		}
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return nil, "", inputErrorf("the database did not open: %v; --db names another, --no-save keeps nothing", err)
	}
	return st, store.Redact(db), nil
}

// resume loads the session --resume names (the last unfinished one, or
// the one with that id) to play on from where it stopped, with the Keeper
// that goes on saving it.
func (o *playOptions) resume(ctx context.Context, env *Env, cat *massage.Catalog, st store.Store, where string) (tui.Session, *tui.Keeper, error) {
	id := o.Resume
	if id == "last" {
		var err error
		if id, err = tui.LastUnfinished(ctx, st); err != nil {
			return tui.Session{}, nil, inputErrorf("--resume: the sessions in %s could not be read: %v", where, err)
		}
		if id == "" {
			return tui.Session{}, nil, inputErrorf("--resume: no session in %s is waiting to go on; play a routine file, --technique or --area to start one", where)
		}
	}
	s, err := tui.LoadSession(ctx, st, cat, id)
	if errors.Is(err, store.ErrNotFound) {
		return tui.Session{}, nil, inputErrorf("--resume: no session has the id %q in %s ('knead serve' lists them under History)", id, where)
	}
	if err != nil {
		return tui.Session{}, nil, inputErrorf("--resume: %v", err)
	}
	env.Log.Info("resume", slog.String("session", id), slog.Float64("offset", s.Resume.Offset))
	return s, tui.ResumeKeeper(st, id, env.Log), nil
}

// newKeeper makes the store's record of a new session and the Keeper that
// creates it when playing begins. A planned session's request is also
// kept as the last choices, as the web app keeps them.
func newKeeper(env *Env, cat *massage.Catalog, st store.Store, r *massage.Routine, s tui.Session, src tui.Source, person string) (*tui.Keeper, error) {
	x, err := tui.NewRecord(cat, r, s, src, time.Now())
	if err != nil {
		return nil, err
	}
	x.Person = person
	var choices json.RawMessage
	if src.Request != nil {
		if choices, err = json.Marshal(src.Request); err != nil {
			return nil, err
		}
	}
	return tui.NewKeeper(st, x, choices, env.Log), nil
}

// keptLines say where the session was kept and how to go on with it.
func keptLines(r tui.Result, id, where string, ok bool, width int) string {
	var lines []string
	switch {
	case !r.Started && !r.Resumed:
		return "" // nothing was kept: the session had not begun
	case !ok:
		lines = append(lines, "Saving the session failed part-way; what was saved is in "+where+".")
	case r.Resumed:
		lines = append(lines, "Kept in "+where+" (session "+id+"), as before.")
	default:
		lines = append(lines, "Kept in "+where+" (session "+id+"); 'knead serve' lists it under History.")
	}
	if !r.Finished {
		lines = append(lines, "'knead play --resume' goes on from "+clockText(r.Offset)+".")
	} else if r.Rating == 0 {
		lines = append(lines, "No rating was given; the web app's page for the session can still take one.")
	}
	return "\n" + wrap(strings.Join(lines, " "), max(width, 20), "", "")
}

// clockText prints seconds as m:ss, rounded down.
func clockText(s float64) string {
	n := int(max(s, 0))
	if n >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", n/3600, n/60%60, n%60)
	}
	return fmt.Sprintf("%d:%02d", n/60, n%60)
}

// routine reads, finds or plans what to play, and says where it came from.
//
// A routine file may declare cautions and preparations of its own (an
// imported routine keeps its author's warnings so): o.cat becomes the
// catalog with them, so that the player says every one of them.
func (o *playOptions) routine(cat *massage.Catalog) (*massage.Routine, tui.Source, error) {
	switch {
	case o.Path != "":
		r, withFile, err := catalog.ReadRoutineIn(cat, o.Path)
		if err != nil {
			var errs catalog.Errors
			if errors.As(err, &errs) {
				return nil, tui.Source{}, inputErrorf("%s", errs.Error())
			}
			return nil, tui.Source{}, inputErrorf("%s: %v", o.Path, err)
		}
		o.fileCat = withFile
		return r, tui.Source{File: o.Path}, nil
	case o.Technique != "":
		t := cat.Technique(o.Technique)
		if t == nil {
			ids := make([]string, len(cat.Techniques))
			for i, x := range cat.Techniques {
				ids[i] = x.ID
			}
			return nil, tui.Source{}, inputErrorf("%s ('knead list' lists the techniques)",
				didYouMean(fmt.Sprintf("no technique has the id %q", o.Technique), o.Technique, ids))
		}
		return tui.TechniqueRoutine(t), tui.Source{Technique: t.ID}, nil
	}
	p, err := plan.MakeFor(cat, *o.req, o.hist)
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) && pe.Code != "" {
			return nil, tui.Source{}, inputErrorf("%s", screenMessage(err))
		}
		return nil, tui.Source{}, flagError(err)
	}
	return p.Routine(), tui.Source{Plan: p, Request: o.req}, nil
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

// terminal gives the command's input and output when both are a terminal.
func terminal(env *Env) (in, out *os.File, err error) {
	in, inOK := env.In.(*os.File)
	out, outOK := env.Out.(*os.File)
	if !inOK || !outOK || !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return nil, nil, inputErrorf("play needs a terminal to draw on and read keys from; 'knead plan' prints a routine instead")
	}
	return in, out, nil
}

// onTerminal plays s full-screen, when the command's input and output are
// a terminal.
func (o *playOptions) onTerminal(ctx context.Context, env *Env, s tui.Session, opt tui.Options) (tui.Result, error) {
	in, out, err := terminal(env)
	if err != nil {
		return tui.Result{}, err
	}
	// A closed terminal (SIGHUP) stops the player as Ctrl-C does, so the
	// place is kept for --resume.
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGHUP)
	defer stop()
	return tui.Run(ctx, s, opt, tui.Terminal{In: in, Out: out, Bell: o.Bell})
}

// screen settles the safety answers before anything is played: the
// person's kept answers while they are fresh (massage.ScreenDays), else the
// screen asked on the terminal and kept for them, else nothing asked (no
// terminal: a line says so, and the rules for everyone hold, so nothing
// waits for input). --condition, --age and --cleared are added to the
// answers. A stop ends it here with the reason; an ask-first condition
// goes on only after a yes to "has a health professional said massage is
// fine?". It gives the conditions, age and clearance to play under.
func (o *playOptions) screen(ctx context.Context, env *Env, cat *massage.Catalog) (plan.Request, error) {
	var safety plan.Request
	ask := o.interactive
	if ask == nil {
		ask = func(env *Env) bool { return interactive(env.In) }
	}
	tty := ask(env)
	var in *bufio.Reader
	if tty {
		in = bufio.NewReader(env.In)
	}
	var st store.Store
	var kept *store.Answers
	whose := "your"
	if !o.NoSave {
		var err error
		if st, _, err = o.openStore(ctx); err != nil {
			return safety, err
		}
		defer st.Close()
		if kept, whose, err = keptScreen(ctx, st, o.person, o.For); err != nil {
			return safety, err
		}
		if o.req != nil {
			if o.hist, err = store.History(ctx, st, o.person); err != nil {
				return safety, err
			}
		}
	}
	now := time.Now()
	var sc plan.Screen
	asked := false
	switch {
	case kept != nil && !o.Screen && !kept.Stale(now, massage.ScreenDays):
		sc, asked = kept.Screen, true
		fmt.Fprintf(env.Err, "Safety screen: %s answers of %s hold (asked again after %d days; --screen asks now if something changed).\n",
			whose, kept.AnsweredAt.Format("2 January"), massage.ScreenDays)
	case tty:
		if kept != nil && !o.Screen {
			fmt.Fprintf(env.Err, "Safety screen: %s answers of %s are more than %d days old, so they are asked again.\n",
				whose, kept.AnsweredAt.Format("2 January"), massage.ScreenDays)
		}
		var err error
		if sc, err = askScreen(cat, in, env.Out); err != nil {
			return safety, err
		}
		asked = true
		if st != nil {
			if err := st.SaveScreen(ctx, o.person, sc, now.UTC()); err != nil {
				return safety, fmt.Errorf("keeping the safety answers: %w", err)
			}
		}
	default:
		fmt.Fprintln(env.Err, "Safety screen: skipped, as there is no terminal to ask on; played under the rules for everyone "+
			"(with --condition and --age if given). Run 'knead play' in a terminal, or 'knead plan --screen --for NAME', to answer it.")
	}
	if asked {
		if err := sc.Apply(cat, &safety); err != nil {
			return safety, inputErrorf("the kept safety answers do not fit this catalog (%v); --screen asks them again", err)
		}
	}
	safety.Conditions = append(safety.Conditions, o.Conditions...)
	if o.Age != "" {
		safety.Age = o.Age
	}
	safety.Cleared = safety.Cleared || o.Cleared
	err := plan.Check(cat, safety, nil)
	var pe *plan.Error
	if errors.As(err, &pe) && pe.Code == "ask-first" && tty {
		why := pe.Message
		if c, perr := massage.ParseCondition(pe.Condition); perr == nil {
			if r := cat.ConditionRule(c.Kind); r != nil {
				why = "With " + r.Name + ": " + r.Why
			}
		}
		if askCleared(in, env.Out, why) {
			safety.Cleared = true
			err = plan.Check(cat, safety, nil)
		}
	}
	if err != nil {
		return safety, inputErrorf("%s", screenMessage(err))
	}
	return safety, nil
}

// screenMessage gives the words of a safety refusal without the request
// field the API names ("conditions[0]: "), for the command line.
func screenMessage(err error) string {
	var pe *plan.Error
	if errors.As(err, &pe) {
		if pe.Code != "" {
			return pe.Message
		}
		return flagError(err).Error()
	}
	return err.Error()
}
