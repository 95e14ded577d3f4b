package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

func init() {
	register(&Command{
		Name:    "plan",
		Group:   groupPlan,
		Summary: "plan a timed massage for your areas, minutes and pressure",
		Usage:   "--area AREA... --minutes N",
		Help: "Builds a routine from the catalog's techniques: for each area a warm-up (light, then deeper " +
			"stroking), the work, and a finish, timed to add up to the minutes of hands-on time, never " +
			"firmer than the pressure asked, with what to prepare first (not counted in the minutes), the " +
			"cautions at the moves where they matter, and what was left out and why. The same request and " +
			"--seed give the same plan; another seed picks other work techniques.\n\n" +
			"--area takes the ids 'knead areas' lists, coarse (back) or fine (calves); give it once per area " +
			"or as a comma-separated list. --weight AREA=N shares the time unevenly (default 1 each). " +
			"--mode is self or partner; left out, Knead takes the mode that the source texts' techniques " +
			"for those areas are written for.\n\n" +
			conditionHelp() + "\n\n" +
			"When the minutes are too few for everything, the plan drops the finish and then the deeper " +
			"warm-up and says so; when they are too few for anything, or more than the safe moves can fill " +
			"without staying too long on one spot, knead says how many minutes would do and exits with " +
			"status 1, as it does when nothing safe is left. A plan whose moves fill somewhat less than the minutes is cut " +
			"short: its title gives the time it lasts, and a note says so with the minutes asked.\n\n" +
			"--for NAME plans for me or a person 'knead people' lists, from their history in the store " +
			"(--db): a step lighter or firmer where they asked for it, more time and gentle work first where " +
			"a spot was sore (never deep on the first visit), liked techniques tried first, a technique with " +
			"two thumbs-down left out; every change is said in the plan's notes, and --explain prints them " +
			"alone. With --for, --screen keeps the answers for that person with the date, in the same store as the " +
			"web start page's; later plans for them use answers kept in the last " + strconv.Itoa(massage.ScreenDays) + " days (a line on " +
			"stderr says so) and leave older ones out until --screen asks again, as when something changed. Without --for the same request and seed always give the same plan.\n\n" +
			"Items last 45 s to 3 min for a partner (30 s to 2 min for yourself), every move 20 s or more; " +
			"the areas are ordered to change position seldom, and each change is a short transition, not " +
			"counted in the minutes.\n\n" +
			"--json prints the plan as one JSON object (total_seconds, prep, items, excluded, cautions, " +
			"dropped, notes, transitions). --out FILE also writes it as a routine file that 'knead check' accepts and you can " +
			"edit; it will not overwrite a file unless --force is given.",
		Examples: []string{
			"knead plan --area back --area scalp --minutes 20 --mode partner",
			"knead plan --area shoulders,arms --minutes 10 --mode self --pressure light",
			"knead plan --area feet --minutes 15 --condition inflamed-joint:ankle",
			"knead plan --area legs --minutes 20 --condition recent-fracture:calves",
			"knead plan --area back --minutes 20 --condition blood-thinners",
			"knead plan --area back --minutes 15 --screen",
			"knead plan --area back,legs --minutes 30 --weight back=2 --seed 7 --json",
			"knead plan --area scalp --minutes 8 --out scalp.yaml",
			"knead plan --area back,scalp --minutes 20 --for me --explain",
		},
		New: func() Options { return &planOptions{} },
	})
}

// conditionHelp lists the conditions by what they do to a session; the
// reasons and sources are in docs/safety.md and the plan itself.
func conditionHelp() string {
	var b strings.Builder
	b.WriteString("--condition (repeatable) tells Knead about the receiver's health, and --age their age group; " +
		"the plan leaves out, lightens or refuses what the catalog's safety rules say, and says why and " +
		"from which source (docs/safety.md lists every rule). --screen asks the screen's few yes/no " +
		"questions instead. Knead is not medical advice.")
	cat, err := catalog.Builtin()
	if err != nil {
		return b.String()
	}
	rules := plan.ConditionRules(cat)
	heads := map[string]string{
		"stop":       "No session today (exit status 1, with the reason):",
		"ask-first":  "Ask a health professional first; once they agree, add --cleared:",
		"leave-out":  "Leave the area out, and stop short of it nearby:",
		"light-only": "Light pressure only, no tapping or chopping:",
	}
	for _, outcome := range massage.Outcomes.IDs() {
		var list []string
		for _, r := range rules {
			if r.Outcome == outcome && !r.Age {
				list = append(list, r.Usage+" ("+r.Name+")")
			}
		}
		if len(list) > 0 {
			fmt.Fprintf(&b, "\n\n%s %s.", heads[outcome], strings.Join(list, ", "))
		}
	}
	b.WriteString("\n\n--age is adult (the default), older-adult or child (no deep pressure, no tapping or chopping), " +
		"or infant (only the lightest stroking).")
	joints := make([]string, len(massage.Joints))
	for i, j := range massage.Joints {
		joints[i] = j.ID
	}
	b.WriteString("\n\nJOINT is one of " + strings.Join(joints, ", ") + "; AREA is an area id ('knead areas').")
	return b.String()
}

// planOptions are the options of `knead plan`.
type planOptions struct {
	Areas      []string
	Minutes    minutesFlag
	Mode       string
	Pressure   string
	Weights    []string // AREA=N
	Conditions []string
	Age        string
	Cleared    bool
	Screen     bool
	Seed       int64
	JSON       bool
	Out        string
	Force      bool
	Width      int
	For        string
	DB         string
	Explain    bool

	req plan.Request
}

func (o *planOptions) Flags(fs *flag.FlagSet) {
	listFlag(fs, &o.Areas, "area", "plan for `AREA`; repeatable, or a comma-separated list", splitComma)
	fs.Var(&o.Minutes, "minutes", "`N` minutes of hands-on time, 1 to 120")
	fs.StringVar(&o.Mode, "mode", "", "`MODE`: self or partner (default: what the techniques for the areas are written for)")
	fs.StringVar(&o.Pressure, "pressure", "moderate", "the firmest pressure to plan, `LEVEL`: light, moderate or deep")
	listFlag(fs, &o.Weights, "weight", "`AREA=N` gives an area N shares of the time (default 1 each); repeatable", splitComma)
	listFlag(fs, &o.Conditions, "condition", "a `CONDITION` to plan around, such as inflamed-joint:ankle; repeatable", splitComma)
	fs.StringVar(&o.Age, "age", "", "the receiver's `GROUP`: adult (default), older-adult, child or infant")
	fs.BoolVar(&o.Cleared, "cleared", false, "a health professional agreed to the massage (for pregnancy, cancer treatment, a heart condition, epilepsy)")
	fs.BoolVar(&o.Screen, "screen", false, "ask the safety screen's yes/no questions first, reading the answers from standard input")
	fs.Int64Var(&o.Seed, "seed", 0, "`N` picks among the work techniques; the same seed gives the same plan")
	fs.BoolVar(&o.JSON, "json", false, "print the plan as one JSON object instead of the card")
	fs.StringVar(&o.Out, "out", "", "write the plan as a routine file to `FILE` instead of printing it (a line on stderr says so); - writes the routine to standard output")
	fs.BoolVar(&o.Force, "force", false, "let --out replace a file that exists")
	fs.IntVar(&o.Width, "width", 0, "wrap the card at `N` columns instead of the terminal's width")
	fs.StringVar(&o.For, "for", "", "plan for `NAME` (me, or someone 'knead people' lists), adapted to their history of sessions")
	fs.StringVar(&o.DB, "db", "", "with --for: the store, SQLite file `PATH` or a postgres:// URL (default: the data directory)")
	fs.BoolVar(&o.Explain, "explain", false, "print only what was adapted and why (the plan's notes), one per line")
}

func (o *planOptions) SetArgs(args []string) error {
	if err := noArgs("plan", args); err != nil {
		return err
	}
	var areas []string
	for _, a := range o.Areas {
		for _, x := range splitComma(a) {
			if x = strings.TrimSpace(x); x != "" {
				areas = append(areas, x)
			}
		}
	}
	if len(areas) == 0 {
		return usageErrorf("plan needs at least one --area ('knead areas' lists them)")
	}
	if !o.Minutes.set {
		return usageErrorf("plan needs --minutes, the minutes of hands-on time (1 to 120)")
	}
	for _, a := range areas {
		if err := checkArea(a); err != nil {
			return err
		}
	}
	if err := checkWidth(o.Width); err != nil {
		return err
	}
	o.req = plan.Request{Areas: areas, Minutes: o.Minutes.v, Mode: o.Mode, Pressure: o.Pressure, Seed: o.Seed, Age: o.Age, Cleared: o.Cleared}
	for _, w := range o.Weights {
		for _, x := range splitComma(w) {
			area, n, ok := strings.Cut(strings.TrimSpace(x), "=")
			v, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
			if !ok || err != nil {
				return inputErrorf("invalid --weight %q: expected AREA=N, such as back=2", x)
			}
			if o.req.Weights == nil {
				o.req.Weights = map[string]float64{}
			}
			o.req.Weights[strings.TrimSpace(area)] = v
		}
	}
	for _, c := range o.Conditions {
		for _, x := range splitComma(c) {
			if x = strings.TrimSpace(x); x != "" {
				o.req.Conditions = append(o.req.Conditions, x)
			}
		}
	}
	return flagError(o.req.Validate())
}

// minutesFlag is --minutes: a number, and whether it was given at all, so
// that "--minutes 0" is told it is out of range rather than missing.
type minutesFlag struct {
	v   float64
	set bool
}

func (m *minutesFlag) String() string {
	if m == nil || !m.set {
		return ""
	}
	return strconv.FormatFloat(m.v, 'f', -1, 64)
}

func (m *minutesFlag) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return fmt.Errorf("expected a number of minutes, such as 20")
	}
	m.v, m.set = v, true
	return nil
}

// flagNames map a request field to the flag that sets it.
var flagNames = map[string]string{
	"areas": "--area", "minutes": "--minutes", "mode": "--mode", "pressure": "--pressure",
	"weights": "--weight", "conditions": "--condition", "age": "--age",
}

// flagError turns the planner's *plan.Error into an InputError that names
// the flag: "--minutes: 200 is outside 1–120".
func flagError(err error) error {
	var pe *plan.Error
	if err == nil || !errors.As(err, &pe) {
		return err
	}
	field, _, _ := strings.Cut(pe.Field, "[")
	field, _, _ = strings.Cut(field, ".")
	if name, ok := flagNames[field]; ok {
		return inputErrorf("%s: %s", name, pe.Message)
	}
	return inputErrorf("%s", pe.Error())
}

func (o *planOptions) Run(ctx context.Context, env *Env) error {
	cat, err := env.Catalog()
	if err != nil {
		return err
	}
	var h *plan.History
	switch {
	case o.For != "":
		if h, err = o.forPerson(ctx, env, cat); err != nil {
			return err
		}
	case o.Screen:
		s, err := askScreen(cat, bufio.NewReader(env.In), env.Err)
		if err != nil {
			return err
		}
		if err := s.Apply(cat, &o.req); err != nil {
			return flagError(err)
		}
	}
	p, err := plan.MakeFor(cat, o.req, h)
	if err != nil {
		return flagError(err)
	}
	if o.Explain {
		if len(p.Notes) == 0 {
			_, err = fmt.Fprintln(env.Out, "Nothing was adapted: this is the plan the request and seed give anyone.")
			return err
		}
		for _, n := range p.Notes {
			fmt.Fprintln(env.Out, "- "+sentence(n))
		}
		return nil
	}
	if o.Out == "-" {
		// the routine file alone goes to standard output, for a pipe
		data, err := o.routine(cat, p)
		if err != nil {
			return err
		}
		_, err = env.Out.Write(data)
		return err
	}
	if o.Out != "" {
		// the routine goes to the file and a line to stderr; stdout stays
		// empty unless --json asks for the plan there too
		if err := o.write(cat, p); err != nil {
			return err
		}
		fmt.Fprintf(env.Err, "Wrote %q (%s) to %s; 'knead check %s' checks it after you edit it.\n",
			p.Title(), plural(len(p.Items), "item"), o.Out, o.Out)
		if !o.JSON {
			return nil
		}
	}
	if o.JSON {
		return writeJSON(env.Out, p)
	}
	_, err = fmt.Fprint(env.Out, planCard(p, env.TextWidth(o.Width)))
	return err
}

// forPerson reads the history of the person --for names and settles their
// safety answers: --screen asks the questions and keeps the answers for
// them with the date (in the store the web app keeps its answers in);
// without it, answers kept in the last massage.ScreenDays days are used,
// older ones are not (a line on stderr says which), and none at all plans
// under the rules for everyone, as without --for.
func (o *planOptions) forPerson(ctx context.Context, env *Env, cat *massage.Catalog) (*plan.History, error) {
	id, err := personID(o.For)
	if err != nil {
		return nil, err
	}
	st, err := openDB(ctx, o.DB)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	kept, whose, err := keptScreen(ctx, st, id, o.For)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	var sc plan.Screen
	switch {
	case o.Screen:
		if sc, err = askScreen(cat, bufio.NewReader(env.In), env.Err); err != nil {
			return nil, err
		}
		// checked before it is kept: answers the planner refuses are not kept
		var probe plan.Request
		if err := sc.Apply(cat, &probe); err != nil {
			return nil, flagError(err)
		}
		if err := st.SaveScreen(ctx, id, sc, now.UTC()); err != nil {
			return nil, fmt.Errorf("keeping the safety answers: %w", err)
		}
		fmt.Fprintf(env.Err, "Safety screen: %s answers are kept with today's date and hold for %d days.\n", whose, massage.ScreenDays)
	case kept == nil:
	case kept.Stale(now, massage.ScreenDays):
		fmt.Fprintf(env.Err, "Safety screen: %s answers of %s are more than %d days old, so they are not used; --screen asks again.\n",
			whose, kept.AnsweredAt.Format("2 January"), massage.ScreenDays)
	default:
		sc = kept.Screen
		fmt.Fprintf(env.Err, "Safety screen: %s answers of %s hold (asked again after %d days; --screen asks now if something changed).\n",
			whose, kept.AnsweredAt.Format("2 January"), massage.ScreenDays)
	}
	if err := sc.Apply(cat, &o.req); err != nil {
		return nil, inputErrorf("the kept safety answers do not fit this catalog (%v); --screen asks them again", err)
	}
	if o.Age != "" {
		o.req.Age = o.Age // the flag says more than the answers
	}
	return store.History(ctx, st, id)
}

// write saves the plan as a routine file. It reads the file back through
// the same checker as 'knead check' before it lets it replace anything,
// writes to a temporary file beside it and renames, so that a failure
// leaves no half-written file and never loses the one that was there.
func (o *planOptions) write(cat *massage.Catalog, p *plan.Plan) error {
	if _, err := os.Stat(o.Out); err == nil && !o.Force {
		return inputErrorf("--out: %s exists; choose another name, or add --force to replace it", o.Out)
	}
	data, err := o.routine(cat, p)
	if err != nil {
		return err
	}
	dir := filepath.Dir(o.Out)
	tmp, err := os.CreateTemp(dir, ".knead-plan-*.yaml")
	if err != nil {
		return inputErrorf("--out: cannot write in %s: %v", dir, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return inputErrorf("--out: writing %s: %v", o.Out, err)
	}
	if err := tmp.Close(); err != nil {
		return inputErrorf("--out: writing %s: %v", o.Out, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return inputErrorf("--out: %v", err)
	}
	if err := os.Rename(tmp.Name(), o.Out); err != nil {
		return inputErrorf("--out: writing %s: %v", o.Out, err)
	}
	return nil
}

// routine encodes the plan as a routine file and reads it back through the
// same checker as 'knead check', so nothing is written that it would refuse.
func (o *planOptions) routine(cat *massage.Catalog, p *plan.Plan) ([]byte, error) {
	data, err := catalog.EncodeRoutine(p.Routine())
	if err != nil {
		return nil, err
	}
	if _, err := catalog.ParseRoutine(cat, "the planned routine", data); err != nil {
		return nil, fmt.Errorf("the planned routine does not pass the checker (a bug in knead): %w", err)
	}
	return data, nil
}

// clock prints seconds as m:ss ("12:05"), rounded to the second.
func clock(s float64) string {
	n := int(math.Round(s))
	return fmt.Sprintf("%d:%02d", n/60, n%60)
}

// leftOut says why a technique was left out, as sentences: "Deep
// stroking of the legs is left out of the legs. It works on the thighs,
// and with a recent injury at the thighs (injury:thighs), that area is
// left out."
func leftOut(e plan.Excluded) string {
	head := fmt.Sprintf("%s is left out of the %s.", e.Name, massage.AreaName(e.Area))
	what, why, two := strings.Cut(e.Reason, ": ")
	if what == "" {
		return head
	}
	verb, _, _ := strings.Cut(what, " ")
	it := "It is "
	if strings.HasSuffix(verb, "s") && verb != "kneading" && !strings.HasSuffix(verb, "ss") {
		it = "It "
	}
	if !two {
		return head + " " + sentence(it+what)
	}
	return head + " " + sentence(it+what+", and "+why)
}

// firstSentence gives the first sentence of s, for a caution said again.
func firstSentence(s string) string {
	s = sentence(s)
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// sideWords says how an item shares the two sides of the body.
func sideWords(side string) string {
	switch side {
	case "left":
		return "left side"
	case "right":
		return "right side"
	case "each":
		return "one side, then the other"
	case "both":
		return "both sides"
	}
	return ""
}

// planCard lays a plan out as a recipe card: the preparations with their
// own times, what to check first, each area's phases with a running clock
// and the cautions at the move where they first matter, then what was left
// out, what was dropped, and the notes.
func planCard(p *plan.Plan, width int) string {
	c := &card{width: width}
	r := p.Routine()
	c.title(r.Name, "seed "+strconv.FormatInt(p.Seed, 10))
	facts := []string{"for " + forWhom(p.Mode), p.Pressure + " pressure at most"}
	if len(p.Conditions) > 0 {
		facts = append(facts, "planned around "+massage.JoinAnd(p.Conditions))
	}
	c.text(sentence(strings.Join(facts, "; ")), "", "")

	total := clock(p.TotalSeconds)
	if len(p.Prep) > 0 {
		var prep float64
		for _, x := range p.Prep {
			prep += x.Seconds
		}
		c.section(fmt.Sprintf("BEFORE YOU START (about %s, not part of the %s)", clock(prep), total))
		for i, x := range p.Prep {
			first := fmt.Sprintf("  %d. ", i+1)
			rest := strings.Repeat(" ", len(first))
			c.text(x.Name+" ("+clock(x.Seconds)+")", first, rest)
			c.text(sentence(x.Say), rest, rest)
			if len(x.Needs) > 0 {
				c.text("Have ready: "+massage.JoinAnd(x.Needs)+".", rest, rest)
			}
		}
	}

	byID := map[string]plan.Caution{}
	var before []plan.Caution
	for _, x := range p.Cautions {
		byID[x.ID] = x
		if x.When == "before" {
			before = append(before, x)
		}
	}
	if len(p.Safety) > 0 {
		c.section("SAFETY (from your answers; Knead is not medical advice)")
		for _, x := range p.Safety {
			c.text(fmt.Sprintf("%s: %s", massage.UpperFirst(x.Name), x.Why), "  ! ", "    ")
			c.text("Sources: "+strings.Join(x.Sources, "; "), "    ", "    ")
		}
	}
	if len(before) > 0 {
		c.section("! CHECK FIRST")
		for _, x := range before {
			c.text(sentence(x.Say), "  ! ", "    ")
		}
	}

	shown := map[string]bool{}
	trs := map[int]plan.Transition{}
	var between float64
	for _, tr := range p.Transitions {
		trs[tr.Before] = tr
		between += tr.Seconds
	}
	var clockAt float64
	for i := 0; i < len(p.Items); {
		sec := p.Items[i].Section
		j := i
		var secTotal float64
		for ; j < len(p.Items) && p.Items[j].Section == sec; j++ {
			secTotal += p.Items[j].Seconds
		}
		c.section(fmt.Sprintf("%s  (%s, from %s)", strings.ToUpper(massage.AreaName(sec)), clock(secTotal), clock(clockAt)))
		c.line(fmt.Sprintf("    %6s  %6s  %s", "start", "length", "move"))
		phase := ""
		for k, it := range p.Items[i:j] {
			if tr, ok := trs[i+k]; ok {
				// not hands-on time: the clock does not move
				first := fmt.Sprintf("    %6s  %5s  ", "", "+"+clock(tr.Seconds))
				rest := strings.Repeat(" ", len(first))
				c.text("» "+sentence(tr.Say), first, rest+"  ")
			}
			if it.Phase != phase {
				phase = it.Phase
				c.line("  " + strings.ToUpper(phase[:1]) + phase[1:])
			}
			first := fmt.Sprintf("    %6s  %5s  ", clock(clockAt), clock(it.Seconds))
			rest := strings.Repeat(" ", len(first))
			c.text(it.Name, first, rest)
			var how []string
			if it.Area != it.Section {
				how = append(how, massage.AreaName(it.Area))
			}
			how = append(how, it.Pressure)
			if s := sideWords(it.Side); s != "" {
				how = append(how, s)
			}
			// the id goes with it, for 'knead show' and 'knead draw'; on
			// its own line when the two do not fit together
			line := strings.Join(how, ", ")
			switch {
			case it.Technique == "":
				c.text(line, rest, rest)
			case len([]rune(rest+line+"  · "+it.Technique)) <= width:
				c.text(line+"  · "+it.Technique, rest, rest)
			default:
				c.text(line, rest, rest)
				c.text(it.Technique, rest, rest)
			}
			// every caution the move carries: in full the first time,
			// its first sentence after that
			for _, id := range it.Cautions {
				x, ok := byID[id]
				if !ok || x.When == "before" {
					continue
				}
				if !shown[id] {
					shown[id] = true
					c.text(sentence(x.Say), rest+"! ", rest+"  ")
				} else {
					c.text(firstSentence(x.Say), rest+"! ", rest+"  ")
				}
			}
			if it.Note != "" {
				c.text(sentence(it.Note), rest+"· ", rest+"  ")
			}
			clockAt += it.Seconds
		}
		i = j
	}
	c.line("")
	if between > 0 {
		c.text(fmt.Sprintf("Hands-on time: %s, and about %s for the changes marked ».", total, clock(between)), "", "")
	} else {
		c.line(fmt.Sprintf("Hands-on time: %s.", total))
	}

	if len(p.Excluded) > 0 {
		c.section("LEFT OUT")
		for _, e := range p.Excluded {
			c.text(leftOut(e), "  - ", "    ")
		}
	}
	if len(p.Dropped) > 0 {
		c.section("DROPPED FOR LACK OF TIME")
		for _, d := range p.Dropped {
			c.text(sentence(d), "  - ", "    ")
		}
	}
	if len(p.Notes) > 0 {
		c.section("NOTES")
		for _, n := range p.Notes {
			c.text(sentence(n), "  - ", "    ")
		}
	}
	c.line("")
	c.text("Another --seed gives other work techniques; 'knead show ID' shows any move step by step, with ID from the line under its name.", "", "")
	c.line("Knead is not medical advice.")
	return c.b.String()
}
