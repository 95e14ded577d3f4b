package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
)

func init() {
	register(&Command{
		Name:    "draw",
		Group:   groupLook,
		Summary: "draw how the hands move in a technique, as an SVG picture",
		Usage:   "ID[#N] | ROUTINE.yaml --out-dir DIR",
		Help: "Draws every step of a technique on a body chart, one panel per step, as SVG: where each " +
			"hand starts (a tag with L or R, or B for a ball against a wall), the way it moves (arrowheads), the order of passes or " +
			"spots (numbers), a hand that holds still (a dashed ring) and, on the back, the band " +
			"beside the spine that the hands keep off. The left hand is blue and the right orange; " +
			"the picture follows the light or dark mode of whatever shows it, and prints well as a handout. " +
			"A step on a small place (the toes, a hand) is zoomed in; on the foot or the hand only the face " +
			"worked is shown, with a hand that holds the other face in a small picture in a corner; a step " +
			"on places of several charts (the jaw, the palm and the sole) shows each in a picture of its own.\n\n" +
			"ID#N draws step N alone (steps count from 1). The SVG goes to standard output, or to " +
			"FILE with --out. --json prints the timed paths instead (per hand: t, x, y, pressure and " +
			"contact, 50 samples a second, on the chart's unit square), the form the web app animates.\n\n" +
			"Given a routine file (what 'knead plan --out' or 'knead import --out' writes) and --out-dir DIR, " +
			"draw makes a handout: one picture per item, DIR/01-ID.svg, DIR/02-ID.svg and so on, in the " +
			"routine's order, each technique once. Preparations have no moves and nothing to draw: " +
			"'knead show ID' describes one.",
		Examples: []string{
			"knead draw back-fan-stroke --out fan.svg",
			"knead draw mine.yaml --out-dir handout",
			"knead draw scalp-petrissage#3 > climb.svg",
			"knead draw toe-rotation --json",
		},
		New: func() Options { return &drawOptions{} },
	})
}

// drawOptions are the options of `knead draw`.
type drawOptions struct {
	ID     string
	Step   int // 0: every step
	Out    string
	OutDir string // for a routine file: one picture per item in this folder
	JSON   bool
}

func (o *drawOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Out, "out", "", "write to `FILE` instead of standard output")
	fs.StringVar(&o.OutDir, "out-dir", "", "for a routine file: write one picture per item into the folder `DIR`")
	fs.BoolVar(&o.JSON, "json", false, "print the timed paths as one JSON object instead of the picture")
}

func (o *drawOptions) SetArgs(args []string) error {
	switch len(args) {
	case 0:
		return usageErrorf("draw needs the id of a technique ('knead list' lists them), or ID#N for one step")
	case 1:
	default:
		return usageErrorf("draw takes one id, got %d: %q", len(args), args)
	}
	if isRoutinePath(args[0]) {
		o.ID = args[0]
		if o.Out != "" || o.JSON {
			return usageErrorf("a routine file is drawn with --out-dir DIR, one picture per item; --out and --json are for one technique")
		}
		if o.OutDir == "" {
			return usageErrorf("%s is a routine file: draw takes a technique id, or a routine file with --out-dir DIR "+
				"to draw each of its items (knead draw %s --out-dir handout)", args[0], args[0])
		}
		return nil
	}
	if o.OutDir != "" {
		return usageErrorf("--out-dir is for a routine file; for one technique use --out FILE")
	}
	id, step, err := parseStepRef(args[0])
	if err != nil {
		return err
	}
	o.ID, o.Step = id, step
	return nil
}

// isRoutinePath tells a file's path from a technique id: ids have no dots
// or slashes.
func isRoutinePath(s string) bool {
	return s == "-" || strings.ContainsAny(s, "./"+string(filepath.Separator))
}

// parseStepRef reads "ID" or "ID#N".
func parseStepRef(s string) (string, int, error) {
	id, n, hasStep := strings.Cut(s, "#")
	if id == "" {
		return "", 0, inputErrorf("invalid %q: expected a technique id, or ID#N for one step", s)
	}
	if !hasStep {
		return id, 0, nil
	}
	step, err := strconv.Atoi(n)
	if err != nil || step < 1 {
		return "", 0, inputErrorf("invalid step %q in %q: expected a step number from 1, as in %s#1", n, s, id)
	}
	return id, step, nil
}

func (o *drawOptions) Run(ctx context.Context, env *Env) error {
	cat, err := env.Catalog()
	if err != nil {
		return err
	}
	if o.OutDir != "" {
		return o.drawRoutine(env, cat)
	}
	t := cat.Technique(o.ID)
	if t == nil && cat.Preparation(o.ID) != nil {
		return inputErrorf("%s is a preparation, done before the moves: it has nothing to draw ('knead show %s' describes it)", o.ID, o.ID)
	}
	if t == nil {
		ids := make([]string, len(cat.Techniques))
		for i, x := range cat.Techniques {
			ids[i] = x.ID
		}
		return inputErrorf("%s ('knead list' lists the techniques)",
			didYouMean(fmt.Sprintf("no technique has the id %q", o.ID), o.ID, ids))
	}
	if o.Step > len(t.Steps) {
		return inputErrorf("technique %s has %s; there is no step %d", t.ID, plural(len(t.Steps), "step"), o.Step)
	}
	write := func(w io.Writer) error {
		if o.JSON {
			return drawJSON(w, t, o.Step)
		}
		return motion.DrawSVG(w, t, o.Step)
	}
	return writeOut(env.Out, o.Out, write)
}

// drawRoutine draws each item of a routine file into its own picture in
// OutDir, numbered in the routine's order; a technique that comes back in
// a later round is drawn once.
func (o *drawOptions) drawRoutine(env *Env, cat *massage.Catalog) error {
	var r *massage.Routine
	var err error
	if o.ID == "-" {
		data, rerr := readStdin(env, "draw")
		if rerr != nil {
			return rerr
		}
		r, cat, err = catalog.ParseRoutineIn(cat, stdinName, data)
	} else {
		r, cat, err = catalog.ReadRoutineIn(cat, o.ID)
	}
	if err != nil {
		var errs catalog.Errors
		if errors.As(err, &errs) {
			return inputErrorf("%s", errs.Error())
		}
		return inputErrorf("%v", err)
	}
	if fi, err := os.Stat(o.OutDir); err == nil && !fi.IsDir() {
		return inputErrorf("--out-dir %s is a file, not a folder", o.OutDir)
	}
	if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
		return inputErrorf("--out-dir: %v", err)
	}
	pics := motion.RoutineDrawings(cat, r)
	for _, d := range pics {
		name := filepath.Join(o.OutDir, d.File)
		if err := writeOut(env.Out, name, func(w io.Writer) error { return motion.DrawSVG(w, d.Technique, 0) }); err != nil {
			return err
		}
	}
	n := len(pics)
	_, err = fmt.Fprintf(env.Err, "Drew %s of %s into %s.\n", plural(n, "picture"), r.Name, o.OutDir)
	return err
}

// drawJSON prints the compiled steps in their compact form, on one line.
func drawJSON(w io.Writer, t *massage.Technique, step int) error {
	var steps []motion.Compact
	for i := range t.Steps {
		if step != 0 && i+1 != step {
			continue
		}
		p, err := motion.CompileStep(t, i+1, motion.Options{})
		if err != nil {
			return inputErrorf("%v", err)
		}
		steps = append(steps, p.Compact())
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Technique string           `json:"technique"`
		Name      string           `json:"name"`
		Steps     []motion.Compact `json:"steps"`
	}{t.ID, t.Name, steps})
}

// writeOut runs write into standard output, or into a file that appears
// whole or not at all: a temporary file beside it, renamed when done.
func writeOut(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriterSize(stdout, 1<<16)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return inputErrorf("cannot write %s: the folder %s does not exist", path, dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return inputErrorf("cannot write %s: %v", path, errors.Unwrap(err))
	}
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return inputErrorf("cannot write %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		return inputErrorf("cannot write %s: %v", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return inputErrorf("cannot write %s: %v", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return inputErrorf("cannot write %s: %v", path, err)
	}
	done = true
	return nil
}
