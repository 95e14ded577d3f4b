package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/knead/knead/howto"
	"github.com/knead/knead/massage"
)

func init() {
	register(&Command{
		Name:    "import",
		Group:   groupFiles,
		Summary: "turn a how-to text (web page, Markdown, CSV, JSON) into a routine",
		Usage:   "FILE|-",
		Help: "Reads massage instructions written for people — a web article, a blog post, a handout, " +
			"as plain text, Markdown, simple HTML, a spreadsheet saved as CSV or pasted with its tabs, a chat, a script or a video's subtitles (SRT or WebVTT), a mind map exported as an outline, a short program that lists its moves as quoted strings, a forum post in BBCode or a routine an app exported as JSON (its title, steps with their counts and times, cautions and notes are read in order; ids, dates and tags are left out), from FILE or from standard input with '-' — and " +
			"writes a routine in Knead's format that 'knead check' accepts and that plays like any " +
			"other. Each step's cue is the author's own sentence; area, landmarks, hands, motion, " +
			"direction, pressure, repeats, time and side are filled in from what was understood. " +
			"Whether it is for yourself or a partner is read from whom the text speaks to; a text " +
			"that names no one is taken to be for yourself, or for a partner when most of its moves " +
			"work the back and no ball or roller is named, and the report says so.\n\n" +
			"The routine goes to standard output, or to --out FILE (an existing file is kept unless " +
			"--force is given). A report goes to standard error: every step with the sentence it came " +
			"from and the catalog technique it is most like, the preparations, warnings (named by " +
			"the catalog's cautions where they match), the benefits the text claims (shown as its " +
			"claims, never as medical fact), what was left out as page furniture (bylines, image " +
			"credits, reader comments unless the page's own text has no move, link lines, ads) and " +
			"what the importer was unsure of: among it each reading a model made where the rules " +
			"read otherwise, a preparation the rules missed, and a caution left out because it reads " +
			"as a product's or a venue's notice, not the massage's (\"Not for oven or microwave " +
			"use\"). --json " +
			"prints all of that, every sentence read with its role (move, move modifier, preparation, " +
			"warning, claim, tip, description, commentary, noise) and why, and the routine, as one " +
			"JSON object instead.\n\n" +
			"Texts are read up to 1 MiB. A text with no hands-on instructions is an error (exit " +
			"status 1), and so is a PDF, a Word file, an image or other bytes that are not text.\n\n" +
			"--eval DIR scores the importer instead: it imports every text in DIR (.txt, .md, .html, .csv, .json) " +
			"that has a label file (NAME.labels.yaml, beside it or in --labels DIR) and prints " +
			"precision, recall and F1 for steps (aligned one to one: a merged or split step is an " +
			"error), areas, repetitions, durations, warnings, preparations and claims, and the share of " +
			"texts whose mode is right. docs/import.md describes the label files.",
		Examples: []string{
			"knead import article.html > routine.yaml",
			"knead import --out scalp.yaml notes.md",
			"curl -s https://example.com/foot-massage | knead import - --json",
			"knead import --eval howto/testdata/corpus",
			"knead import --eval ../shared/seeds --labels howto/testdata/labels/seeds",
		},
		New: func() Options { return &importOptions{} },
	})
}

// importOptions are the options of `knead import`.
type importOptions struct {
	File   string // the text, or "-" for standard input
	JSON   bool
	Out    string
	Force  bool
	Eval   string // a folder of labelled texts to score against
	Labels string // where their label files are, when not beside them
	Width  int
}

func (o *importOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&o.JSON, "json", false, "print one JSON object: the steps, preparations, warnings, claims, mode, what was unsure, and the routine")
	fs.StringVar(&o.Out, "out", "", "write the routine to `FILE` instead of standard output (- is standard output)")
	fs.BoolVar(&o.Force, "force", false, "let --out replace a file that exists")
	fs.StringVar(&o.Eval, "eval", "", "score the importer on the labelled texts in `DIR` instead of importing one")
	fs.StringVar(&o.Labels, "labels", "", "read --eval's label files from `DIR` instead of beside the texts")
	fs.IntVar(&o.Width, "width", 0, "wrap the report at `N` columns instead of the terminal's width")
}

func (o *importOptions) SetArgs(args []string) error {
	if o.Width < 0 {
		return inputErrorf("invalid --width %d: expected a number of columns, or 0 for the terminal's width", o.Width)
	}
	if o.Eval != "" {
		if len(args) > 0 {
			return usageErrorf("import --eval DIR takes no FILE, got %q", args)
		}
		if o.Out != "" {
			return usageErrorf("import --eval prints scores; it writes no routine for --out")
		}
		return nil
	}
	if o.Labels != "" {
		return usageErrorf("--labels goes with --eval DIR")
	}
	switch len(args) {
	case 0:
		return usageErrorf("import needs a text to read: a FILE, or '-' for standard input")
	case 1:
		o.File = args[0]
	default:
		return usageErrorf("import reads one text at a time, got %d: %q", len(args), args)
	}
	return nil
}

func (o *importOptions) Run(ctx context.Context, env *Env) error {
	cat, err := env.Catalog()
	if err != nil {
		return err
	}
	if o.Eval != "" {
		return o.evaluate(env, cat)
	}
	src, name, err := o.read(env)
	if err != nil {
		return err
	}
	res, err := howto.Import(src, howto.Options{Name: name, Catalog: cat})
	var none *howto.NoInstructionsError
	switch {
	case errors.As(err, &none):
		if o.JSON {
			_ = writeJSON(env.Out, importJSON{Result: res})
		}
		return inputErrorf("%s: %v", o.display(), err)
	case err != nil:
		return inputErrorf("%s: %v", o.display(), err)
	}
	file, err := howto.RoutineFile(res, cat)
	if err != nil {
		return err
	}
	if o.Out == "-" {
		o.Out = "" // standard output, where the routine goes anyway
	}
	if o.Out != "" {
		if err := writeNew(o.Out, file, o.Force); err != nil {
			return err
		}
	}
	if o.JSON {
		out := importJSON{Result: res, Routine: string(file), Out: o.Out}
		return writeJSON(env.Out, out)
	}
	if o.Out == "" {
		if _, err := env.Out.Write(file); err != nil {
			return err
		}
	}
	return writeImportReport(env.Err, res, o.Out, env.TextWidth(o.Width))
}

// importJSON is what --json prints: everything found, and the routine file.
type importJSON struct {
	*howto.Result
	Routine string `json:"routine,omitempty"`
	Out     string `json:"out,omitempty"`
}

func (o *importOptions) display() string {
	if o.File == "-" {
		return "standard input"
	}
	return o.File
}

// read reads the text, refusing more than the importer takes before
// reading it all.
func (o *importOptions) read(env *Env) ([]byte, string, error) {
	limit := int64(howto.DefaultMaxBytes)
	var r io.Reader
	name := ""
	if o.File == "-" {
		r = env.In
		if r == nil {
			r = strings.NewReader("")
		}
	} else {
		fi, err := os.Stat(o.File)
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, "", inputErrorf("%s: no such file", o.File)
		case err != nil:
			return nil, "", inputErrorf("%s: %v", o.File, err)
		case fi.IsDir():
			return nil, "", inputErrorf("%s is a folder: expected a text file (or --eval %s to score labelled texts)", o.File, o.File)
		case fi.Size() > limit:
			return nil, "", inputErrorf("%s: %v", o.File, &howto.TooLargeError{Size: int(fi.Size()), Limit: int(limit)})
		}
		f, err := os.Open(o.File)
		if err != nil {
			return nil, "", inputErrorf("%s: %v", o.File, err)
		}
		defer f.Close()
		r, name = f, o.File
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, "", inputErrorf("reading %s: %v", o.display(), err)
	}
	if int64(len(data)) > limit {
		return nil, "", inputErrorf("%s: the text is over the limit of %d bytes (1 MiB): import only the part with the instructions", o.display(), limit)
	}
	return data, name, nil
}

// writeNew writes data to path through a temporary file, so a failed
// write leaves nothing half-written, and keeps an existing file unless
// force is set.
func writeNew(path string, data []byte, force bool) error {
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return inputErrorf("--out %s is a folder: expected a file name", path)
		}
		if !force {
			return inputErrorf("--out %s exists: choose another name, or add --force to replace it", path)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".knead-import-*.yaml")
	if err != nil {
		return inputErrorf("--out %s: %v", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return inputErrorf("--out %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return inputErrorf("--out %s: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return inputErrorf("--out %s: %v", path, err)
	}
	return nil
}

// writeImportReport says what was understood, step by step with the
// sentences each came from, and what was unsure.
func writeImportReport(w io.Writer, r *howto.Result, out string, width int) error {
	var b strings.Builder
	title := r.Title
	if title == "" {
		title = "(no title)"
	}
	from := r.Source
	if from == "" {
		from = "standard input"
	}
	b.WriteString(wrap(fmt.Sprintf("Imported %q from %s (%s).", title, from, r.Format), width, "", ""))
	var areas []string
	for _, s := range r.Steps {
		if s.Area != "" && !containsStr(areas, massage.AreaName(s.Area)) {
			areas = append(areas, massage.AreaName(s.Area))
		}
	}
	who := map[string]string{"self": "to do on yourself", "partner": "for a partner", "both": "for yourself or a partner"}[r.Mode]
	b.WriteString(wrap(fmt.Sprintf("Understood %s %s, on the %s; %s, %s and %s.",
		plural(len(r.Steps), "step"), who, massage.JoinAnd(areas), plural(len(r.Prep), "preparation"),
		plural(len(r.Warnings), "warning"), plural(len(r.Claims), "claim")), width, "", ""))
	if out != "" {
		b.WriteString(wrap("The routine is in "+out+"; check it with 'knead check "+out+"'.", width, "", ""))
	}
	b.WriteString("\nSteps, each with the sentences it came from:\n")
	for _, s := range r.Steps {
		b.WriteString(wrap(fmt.Sprintf("%d. %s", s.N, describeStep(s)), width, "  ", "     "))
		b.WriteString(wrap(fmt.Sprintf("line %d: %q", s.Line, s.Text), width, "     ", "       "))
	}
	if len(r.Prep) > 0 {
		b.WriteString("\nBefore you start:\n")
		for _, p := range r.Prep {
			id := ""
			if p.ID != "" {
				id = " (catalog: " + p.ID + ")"
			}
			b.WriteString(wrap(fmt.Sprintf("%s%s, line %d: %q", p.Kind, id, p.Line, p.Text), width, "  - ", "    "))
		}
	}
	if len(r.Warnings) > 0 {
		b.WriteString("\nWarnings:\n")
		for _, x := range r.Warnings {
			c := " (kept as the text's own)"
			if x.Caution != "" {
				c = " (catalog caution: " + x.Caution + ")"
			}
			b.WriteString(wrap(fmt.Sprintf("line %d: %q%s", x.Line, x.Text, c), width, "  - ", "    "))
		}
	}
	if len(r.Claims) > 0 {
		b.WriteString("\nWhat the text claims (its claims, not medical advice):\n")
		for _, c := range r.Claims {
			b.WriteString(wrap(fmt.Sprintf("line %d: %q", c.Line, c.Text), width, "  - ", "    "))
		}
	}
	if len(r.Skipped) > 0 {
		b.WriteString("\nLeft out as page furniture:\n")
		for _, s := range r.Skipped {
			b.WriteString(wrap(fmt.Sprintf("line %d, %s: %q", s.Line, s.Why, s.Text), width, "  - ", "    "))
		}
	}
	if len(r.Unsure) > 0 {
		b.WriteString("\nUnsure:\n")
		for _, u := range r.Unsure {
			b.WriteString(wrap(u, width, "  - ", "    "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func describeStep(s howto.Step) string {
	parts := []string{}
	if s.Area != "" {
		parts = append(parts, massage.AreaName(s.Area))
	} else {
		parts = append(parts, "no area named")
	}
	parts = append(parts, massage.Motions.Name(s.Motion))
	if len(s.Direction) > 0 {
		var ds []string
		for _, d := range s.Direction {
			ds = append(ds, massage.Directions.Name(d))
		}
		parts = append(parts, strings.Join(ds, ", then "))
	}
	if s.Turn != "" {
		parts = append(parts, massage.Turns.Name(s.Turn))
	}
	if s.Pressure != nil {
		parts = append(parts, s.Pressure.String()+" pressure")
	}
	if s.Repeat != nil {
		parts = append(parts, s.Repeat.String())
	}
	if s.Seconds != nil {
		parts = append(parts, s.Seconds.String())
	}
	if s.Side != "" {
		parts = append(parts, massage.Sides.Name(s.Side))
	}
	var hands []string
	for _, h := range s.Hands {
		hand := massage.Hands.Name(h.Hand) + ", " + massage.HandParts.Name(h.Part)
		if h.Role == "hold" {
			hand += " (holding)"
		}
		hands = append(hands, hand)
	}
	if len(hands) > 0 {
		parts = append(parts, "with "+strings.Join(hands, "; "))
	}
	d := strings.Join(parts, " · ")
	if s.Technique != nil {
		d += fmt.Sprintf(" — like step %d of %s (%s, %.0f%%)", s.Technique.Step, s.Technique.ID, s.Technique.Name, s.Technique.Confidence*100)
	}
	return d
}

// scoreOf finds one field's score of a text.
func scoreOf(t howto.TextScore, field string) howto.Score {
	for _, s := range t.Scores {
		if s.Field == field {
			return s
		}
	}
	return howto.Score{Field: field}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// evaluate scores the importer on a folder of labelled texts.
func (o *importOptions) evaluate(env *Env, cat *massage.Catalog) error {
	fi, err := os.Stat(o.Eval)
	if err != nil || !fi.IsDir() {
		return inputErrorf("--eval %s: expected a folder of texts with label files", o.Eval)
	}
	if o.Labels != "" {
		if fi, err := os.Stat(o.Labels); err != nil || !fi.IsDir() {
			return inputErrorf("--labels %s: expected a folder of label files", o.Labels)
		}
	}
	ev, err := howto.Evaluate(o.Eval, o.Labels, cat)
	if err != nil {
		return inputErrorf("%v", err)
	}
	if o.JSON {
		return writeJSON(env.Out, ev)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Scored %s in %s", plural(len(ev.Texts), "labelled text"), o.Eval)
	if o.Labels != "" {
		fmt.Fprintf(&b, " (labels in %s)", o.Labels)
	}
	b.WriteString(".\n\n")
	fmt.Fprintf(&b, "%-12s %6s %9s %6s %10s %7s %5s\n", "field", "found", "labelled", "right", "precision", "recall", "F1")
	for _, s := range ev.Total {
		fmt.Fprintf(&b, "%-12s %6d %9d %6d %10.2f %7.2f %5.2f\n", s.Field, s.Found, s.Labelled, s.Right, s.Precision, s.Recall, s.F1)
	}
	if ev.ModeTotal > 0 {
		fmt.Fprintf(&b, "%-12s %6s %9d %6d %10s %7.2f\n", "mode", "", ev.ModeTotal, ev.ModeRight, "", float64(ev.ModeRight)/float64(ev.ModeTotal))
	}
	b.WriteString("Steps are aligned one to one: a merged or split step is an error even when the counts agree.\n")
	b.WriteString("\nPer text (steps found/labelled/right, warnings and claims the same):\n")
	for _, t := range ev.Texts {
		st, wa, cl := scoreOf(t, "steps"), scoreOf(t, "warnings"), scoreOf(t, "claims")
		fmt.Fprintf(&b, "  %-40s steps %2d/%2d/%2d  warnings %2d/%2d/%2d  claims %2d/%2d/%2d\n", t.File,
			st.Found, st.Labelled, st.Right, wa.Found, wa.Labelled, wa.Right, cl.Found, cl.Labelled, cl.Right)
		if t.Error != "" {
			b.WriteString(wrap(t.Error, 100, "      ", "      "))
		}
		for _, m := range t.Missed {
			b.WriteString(wrap("missed "+m, 100, "      ", "        "))
		}
		for _, x := range t.Extra {
			b.WriteString(wrap("extra "+x, 100, "      ", "        "))
		}
		if t.WantMode != "" && t.Mode != t.WantMode {
			fmt.Fprintf(&b, "      mode %s, labelled %s\n", t.Mode, t.WantMode)
		}
	}
	if len(ev.Unlabeled) > 0 {
		b.WriteString(wrap("Not scored, no labels: "+strings.Join(ev.Unlabeled, ", "), 100, "", "  "))
	}
	_, err = io.WriteString(env.Out, b.String())
	return err
}
