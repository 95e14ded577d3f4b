package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
)

func init() {
	register(&Command{
		Name:    "export",
		Group:   groupFiles,
		Summary: "export a technique or routine as a timed trajectory for a device",
		Usage:   "--technique ID | ROUTINE.yaml",
		Help: "Writes the moves as rows of a trajectory, one row per hand every 1/HZ seconds: t " +
			"(seconds from the start, exactly k/HZ), x and y (metres on the body chart's scale for an " +
			"average adult, from the chart's top-left corner, x to the right and y down), force_n " +
			"(newtons, 0 while the hand is lifted), hand (left or right) and region (the area worked). " +
			"--format csv gives a header line and comma-separated rows; --format jsonl gives one JSON " +
			"object a line.\n\n" +
			"--technique ID exports a technique's steps at their usual times. A routine file (the format " +
			"'knead check' checks) exports its items in order, each technique looped and stretched to " +
			"fill the item's seconds, at the item's pressure; - reads the routine from standard input.\n\n" +
			"Pressure words become forces: light about 4 N, moderate 7 N, deep 10 N, lower where the " +
			"body is delicate; --force deep=12 sets a word's force. Every force is checked against the " +
			"limits of ISO/TS 15066 (Annex A) for its region, and an export above a limit is refused " +
			"whole. The standard has no figure for the feet: exporting foot work needs --max-force. " +
			"--max-force caps every force.\n\n" +
			"Limits by region:\n" + motion.RegionTable(),
		Examples: []string{
			"knead export --technique back-fan-stroke --format csv --rate 100",
			"knead export --technique toe-rotation --max-force 15 --format jsonl",
			"knead export evening.yaml --rate 1000 --out evening.csv",
		},
		New: func() Options { return &exportOptions{Format: "csv", Rate: 100} },
	})
}

// exportOptions are the options of `knead export`.
type exportOptions struct {
	Technique string
	Routine   string // path of a routine file
	Format    string
	Rate      int
	MaxForce  float64
	Forces    []string // LEVEL=N
	Out       string
}

func (o *exportOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Technique, "technique", "", "export the technique with the id `ID`")
	fs.StringVar(&o.Format, "format", "csv", "write rows as `FORMAT`: csv or jsonl")
	fs.IntVar(&o.Rate, "rate", 100, "rows per second for each hand, `HZ` from 1 to 1000")
	fs.Float64Var(&o.MaxForce, "max-force", 0, "cap every force at `N` newtons (needed for the feet)")
	listFlag(fs, &o.Forces, "force", "newtons for a pressure word, `LEVEL=N` (deep=12); repeatable", splitComma)
	fs.StringVar(&o.Out, "out", "", "write to `FILE` instead of standard output")
}

func (o *exportOptions) SetArgs(args []string) error {
	switch {
	case len(args) > 1:
		return usageErrorf("export takes one routine file, got %d: %q", len(args), args)
	case len(args) == 1 && o.Technique != "":
		return usageErrorf("export takes --technique ID or a routine file, not both")
	case len(args) == 0 && o.Technique == "":
		return usageErrorf("export needs --technique ID or a routine file")
	case len(args) == 1:
		o.Routine = args[0]
	}
	if o.Format != "csv" && o.Format != "jsonl" {
		return inputErrorf("invalid --format %q: expected csv or jsonl", o.Format)
	}
	if o.Rate < 1 || o.Rate > motion.MaxRate {
		return inputErrorf("invalid --rate %d: expected rows per second from 1 to %d", o.Rate, motion.MaxRate)
	}
	if o.MaxForce < 0 || math.IsNaN(o.MaxForce) || math.IsInf(o.MaxForce, 0) {
		return inputErrorf("invalid --max-force %s: expected newtons above 0", strconv.FormatFloat(o.MaxForce, 'g', -1, 64))
	}
	if _, err := motion.ParseForces(o.Forces); err != nil {
		return inputErrorf("--force: %v", err)
	}
	return nil
}

func (o *exportOptions) Run(ctx context.Context, env *Env) error {
	cat, err := env.Catalog()
	if err != nil {
		return err
	}
	var paths []motion.StepPath
	if o.Technique != "" {
		t := cat.Technique(o.Technique)
		if t == nil {
			ids := make([]string, len(cat.Techniques))
			for i, x := range cat.Techniques {
				ids[i] = x.ID
			}
			return inputErrorf("%s ('knead list' lists the techniques)",
				didYouMean(fmt.Sprintf("no technique has the id %q", o.Technique), o.Technique, ids))
		}
		if paths, err = motion.TechniquePaths(t); err != nil {
			return inputErrorf("%v", err)
		}
	} else {
		var r *massage.Routine
		if o.Routine == "-" {
			data, rerr := readStdin(env, "export")
			if rerr != nil {
				return rerr
			}
			r, err = catalog.ParseRoutine(cat, stdinName, data)
		} else {
			r, err = catalog.ReadRoutine(cat, o.Routine)
		}
		if err != nil {
			var errs catalog.Errors
			if errors.As(err, &errs) {
				return inputErrorf("%s", errs.Error())
			}
			return inputErrorf("%v", err)
		}
		if paths, err = motion.RoutinePaths(cat, r); err != nil {
			return inputErrorf("%v", err)
		}
	}
	forces, _ := motion.ParseForces(o.Forces)
	opts := motion.ExportOptions{Format: o.Format, Rate: o.Rate, MaxForce: o.MaxForce, Forces: forces}
	return writeOut(env.Out, o.Out, func(w io.Writer) error {
		if err := motion.Export(w, paths, opts); err != nil {
			var le *motion.LimitError
			if errors.As(err, &le) {
				return inputErrorf("refused: %v", err)
			}
			return err
		}
		return nil
	})
}
