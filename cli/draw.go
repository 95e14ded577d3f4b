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

	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
)

func init() {
	register(&Command{
		Name:    "draw",
		Group:   groupLook,
		Summary: "draw how the hands move in a technique, as an SVG picture",
		Usage:   "ID[#N]",
		Help: "Draws every step of a technique on a body chart, one panel per step, as SVG: where each " +
			"hand starts (a tag with L or R), the way it moves (arrowheads), the order of passes or " +
			"spots (numbers), a hand that holds still (a dashed ring) and, on the back, the band " +
			"beside the spine that the hands keep off. The left hand is blue and the right orange; " +
			"the picture follows the light or dark mode of whatever shows it, and prints well as a handout. " +
			"A step on a small place (the toes, a hand) is zoomed in; on the foot or the hand only the face " +
			"worked is shown, with a hand that holds the other face in a small picture in a corner; a step " +
			"on places of several charts (the jaw, the palm and the sole) shows each in a picture of its own.\n\n" +
			"ID#N draws step N alone (steps count from 1). The SVG goes to standard output, or to " +
			"FILE with --out. --json prints the timed paths instead (per hand: t, x, y, pressure and " +
			"contact, 50 samples a second, on the chart's unit square), the form the web app animates.",
		Examples: []string{
			"knead draw back-fan-stroke --out fan.svg",
			"knead draw scalp-petrissage#3 > climb.svg",
			"knead draw toe-rotation --json",
		},
		New: func() Options { return &drawOptions{} },
	})
}

// drawOptions are the options of `knead draw`.
type drawOptions struct {
	ID   string
	Step int // 0: every step
	Out  string
	JSON bool
}

func (o *drawOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Out, "out", "", "write to `FILE` instead of standard output")
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
	id, step, err := parseStepRef(args[0])
	if err != nil {
		return err
	}
	o.ID, o.Step = id, step
	return nil
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
	t := cat.Technique(o.ID)
	if t == nil {
		ids := make([]string, len(cat.Techniques))
		for i, x := range cat.Techniques {
			ids[i] = x.ID
		}
		return inputErrorf("%s ('knead list' lists the techniques)",
			didYouMean(fmt.Sprintf("no technique has the id %q", o.ID), o.ID, ids))
	}
	if o.Step > len(t.Steps) {
		return inputErrorf("technique %s has %d step(s); there is no step %d", t.ID, len(t.Steps), o.Step)
	}
	write := func(w io.Writer) error {
		if o.JSON {
			return drawJSON(w, t, o.Step)
		}
		return motion.DrawSVG(w, t, o.Step)
	}
	return writeOut(env.Out, o.Out, write)
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
