package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
)

func init() {
	register(&Command{
		Name:    "export",
		Group:   groupFiles,
		Summary: "export a technique or routine as a timed trajectory for a device",
		Usage:   "--technique ID | ROUTINE.yaml | --format urdf",
		Help: "Writes the moves as a trajectory a device can load: a header block, then one row per hand every " +
			"1/HZ seconds. The header gives the schema version, the units, the body frame, the rate, the body's " +
			"size, and every limit with where it comes from. The columns: t (seconds from the start, exactly k/HZ), " +
			"x and y (metres on the body chart named in the chart column, for an average adult, from its top-left " +
			"corner, x to the right and y down), force_n (the normal force in newtons, 0 while the hand is lifted), " +
			"hand (left or right), region (the area worked), chart, contact (1 touching, 0 lifted), then px, py, pz " +
			"(metres) and qx, qy, qz, qw (the tool's orientation, its z axis into the skin) in the body frame " +
			"knead_body: origin midway between the hip joints, x forward, y to the receiver's left, z up (ROS REP " +
			"103). --columns 2d leaves the body-frame columns out. --format csv gives the header as # lines, then " +
			"a line of column names and comma-separated rows; --format jsonl gives the header as the first line, " +
			"then one JSON object a line.\n\n" +
			"--format ros2-json writes one JSON document shaped like ROS 2 messages: the same header, then per hand " +
			"a Cartesian trajectory (moveit_msgs/CartesianTrajectory: frame_id knead_body, tracked_frame " +
			"knead_tool_left or knead_tool_right, points with a pose and time_from_start) whose every point " +
			"carries a wrench (the force the tool applies to the skin, in knead_body) and its segment; then the " +
			"segments, one per touch or lift of a hand within a step, each with its region, contact type (sustained, " +
			"brief for a strike, none while lifted), force limit and its source, and abort threshold (the touch's " +
			"highest force times 1.5, at least 2 N above it, never above the limit; 2 N for a lifted hand). " +
			"--format urdf describes the body frame and Knead's parametric body for --height and --build as a " +
			"URDF robot (no technique or routine needed). Knead has no MCAP writer: no Go MCAP library is " +
			"available to it yet (docs/export.md).\n\n" +
			"--technique ID exports a technique's steps at their usual times. A routine file (the format " +
			"'knead check' checks) exports its items in order, each technique looped and stretched to " +
			"fill the item's seconds (only the steps its play names, when it has one), at the item's pressure, never above the routine's; - reads the routine from " +
			"standard input.\n\n" +
			"Every motion keeps Knead's limits, which you may lower: contact speed 0.5 m/s (--contact-speed), " +
			"travel 1 m/s (--travel-speed), acceleration 5 m/s2 (--accel), force changing 50 N/s (--force-rate). " +
			"A hand that must get to a new place lifts, travels and sets down; the force eases in and out. " +
			"Lowered limits lay the moves out slower: fewer strokes and slower ones in each step's time (up to " +
			"its most seconds when it gives a range), so the guidance keeps its timing; the header's adapted " +
			"field lists each step slowed and its share of the usual tempo. A limit no layout of a step can keep " +
			"is refused whole, with the step, the time and the least limit that would do.\n\n" +
			"Pressure words become forces: light about 4 N, moderate 7 N, deep 10 N, lower where the " +
			"body is delicate; --force deep=12 sets a word's force. Every force is checked against its region's " +
			"limit and an export above one is refused whole. The limits are those of ISO/TS 15066:2016 (Annex A), " +
			"written for unintended contact with industrial robots and kept here only as an upper bound; ISO 13482 " +
			"(personal care robots) is the standard for robots meant to touch people. --limit back=40 lowers a " +
			"region's limit. The standard has no figure for the feet: exporting foot work needs --max-force or " +
			"--limit foot=N (at most 130 N). --max-force caps every force; it must be above 0 and at most the " +
			"limit of every region the export works.\n\n" +
			"--preview FILE also draws the 3D path over the body as an SVG. --height and --build size the body the 3D columns are placed on. Knead is not medical advice: check " +
			"every trajectory against your device's own safety case.\n\n" +
			"Limits by region:\n" + motion.RegionTable(),
		Examples: []string{
			"knead export --technique back-fan-stroke --format csv --rate 100",
			"knead export --technique toe-rotation --max-force 15 --format jsonl",
			"knead export --technique back-fan-stroke --limit back=20 --contact-speed 0.3",
			"knead export --technique back-raking --height 1.62 --build slim --columns 2d",
			"knead export evening.yaml --rate 1000 --out evening.csv",
			"knead export --technique back-raking --format ros2-json --out raking.json",
			"knead export --format urdf --height 1.62 --out body.urdf",
		},
		New: func() Options {
			return &exportOptions{Format: "csv", Rate: 100, Columns: "3d", Build: "average", Height: 1.75}
		},
	})
}

// exportOptions are the options of `knead export`.
type exportOptions struct {
	Technique string
	Routine   string // path of a routine file
	Format    string
	Rate      int
	MaxForce  optFloat
	Forces    []string // LEVEL=N
	Limits    []string // REGION=N
	Out       string
	Columns   string
	Height    float64
	Build     string
	Motion    motion.Limits
	Preview   string
}

// optFloat is a number flag that knows whether it was given: 0 given is
// not the same as no flag.
type optFloat struct {
	v   float64
	set bool
}

func (o *optFloat) String() string {
	if o == nil || !o.set {
		return ""
	}
	return strconv.FormatFloat(o.v, 'g', -1, 64)
}

func (o *optFloat) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return fmt.Errorf("expected a number")
	}
	o.v, o.set = v, true
	return nil
}

func (o *exportOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Technique, "technique", "", "export the technique with the id `ID`")
	fs.StringVar(&o.Format, "format", "csv", "write `FORMAT`: csv, jsonl, ros2-json or urdf (the body frame)")
	fs.IntVar(&o.Rate, "rate", 100, "rows per second for each hand, `HZ` from 1 to 1000")
	fs.Var(&o.MaxForce, "max-force", "cap every force at `N` newtons, above 0 and at most each region's limit (needed for the feet)")
	listFlag(fs, &o.Forces, "force", "newtons for a pressure word, `LEVEL=N` (deep=12); repeatable", splitComma)
	listFlag(fs, &o.Limits, "limit", "a lower force limit for a region, `REGION=N` (back=40, foot=15); repeatable", splitComma)
	fs.StringVar(&o.Columns, "columns", "3d", "`COLUMNS`: 3d (chart and body frame) or 2d (chart only)")
	fs.Float64Var(&o.Height, "height", 1.75, "the receiver's height, `METRES` from 1.2 to 2.2, for the 3D columns")
	fs.StringVar(&o.Build, "build", "average", "the receiver's `BUILD`: slim, average or broad")
	fs.Float64Var(&o.Motion.ContactSpeed, "contact-speed", motion.DefaultLimits.ContactSpeed, "the most speed while pressing, `M/S` (may be lowered)")
	fs.Float64Var(&o.Motion.TravelSpeed, "travel-speed", motion.DefaultLimits.TravelSpeed, "the most speed of a lifted hand, `M/S` (may be lowered)")
	fs.Float64Var(&o.Motion.Accel, "accel", motion.DefaultLimits.Accel, "the most acceleration, `M/S2` (may be lowered)")
	fs.Float64Var(&o.Motion.ForceRate, "force-rate", motion.DefaultLimits.ForceRate, "how fast the force may change, `N/S` (may be lowered)")
	fs.StringVar(&o.Out, "out", "", "write to `FILE` instead of standard output")
	fs.StringVar(&o.Preview, "preview", "", "also draw the 3D path over the body as an SVG `FILE`")
}

func (o *exportOptions) SetArgs(args []string) error {
	if o.Format == "urdf" {
		if len(args) > 0 || o.Technique != "" {
			return usageErrorf("export --format urdf describes the body frame alone: it takes no technique or routine")
		}
		if _, err := motion.CheckBody(motion.Body{Height: o.Height, Build: o.Build}); err != nil {
			return inputErrorf("invalid --height or --build: %v", err)
		}
		return nil
	}
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
	if !slices.Contains(exportFormats, o.Format) {
		return inputErrorf("invalid --format %q: expected %s or %s", o.Format,
			strings.Join(exportFormats[:len(exportFormats)-1], ", "), exportFormats[len(exportFormats)-1])
	}
	if o.Rate < 1 || o.Rate > motion.MaxRate {
		return inputErrorf("invalid --rate %d: expected rows per second from 1 to %d", o.Rate, motion.MaxRate)
	}
	if o.MaxForce.set && (o.MaxForce.v <= 0 || math.IsNaN(o.MaxForce.v) || math.IsInf(o.MaxForce.v, 0)) {
		return inputErrorf("invalid --max-force %s: expected newtons above 0 (leave the flag out for no cap)", o.MaxForce.String())
	}
	if _, err := motion.ParseForces(o.Forces); err != nil {
		return inputErrorf("--force: %v", err)
	}
	if _, err := motion.ParseRegionLimits(o.Limits); err != nil {
		return inputErrorf("--limit: %v", err)
	}
	if o.Columns != "2d" && o.Columns != "3d" {
		return inputErrorf("invalid --columns %q: expected 3d or 2d", o.Columns)
	}
	b := motion.Body{Height: o.Height, Build: o.Build}
	if _, err := motion.CheckBody(b); err != nil {
		return inputErrorf("invalid --height or --build: %v", err)
	}
	for _, f := range []struct {
		name     string
		v, limit float64
		unit     string
	}{
		{"--contact-speed", o.Motion.ContactSpeed, motion.DefaultLimits.ContactSpeed, "m/s"},
		{"--travel-speed", o.Motion.TravelSpeed, motion.DefaultLimits.TravelSpeed, "m/s"},
		{"--accel", o.Motion.Accel, motion.DefaultLimits.Accel, "m/s2"},
		{"--force-rate", o.Motion.ForceRate, motion.DefaultLimits.ForceRate, "N/s"},
	} {
		if !(f.v > 0 && f.v <= f.limit) {
			return inputErrorf("invalid %s %s: expected above 0 and at most %s %s (a limit may be lowered, not raised)",
				f.name, strconv.FormatFloat(f.v, 'g', -1, 64), strconv.FormatFloat(f.limit, 'g', -1, 64), f.unit)
		}
	}
	return nil
}

// exportFormats are the values of export --format.
var exportFormats = []string{"csv", "jsonl", "ros2-json", "urdf"}

func (o *exportOptions) Run(ctx context.Context, env *Env) error {
	if o.Format == "urdf" {
		b := motion.Body{Height: o.Height, Build: o.Build}
		return writeOut(env.Out, o.Out, func(w io.Writer) error { return motion.WriteURDF(w, b) })
	}
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
		if paths, err = motion.TechniquePathsWithin(t, o.Motion); err != nil {
			return inputErrorf("%v", err)
		}
	} else {
		var r *massage.Routine
		if o.Routine == "-" {
			data, rerr := readStdin(env, "export")
			if rerr != nil {
				return rerr
			}
			r, cat, err = catalog.ParseRoutineIn(cat, stdinName, data)
		} else {
			r, cat, err = catalog.ReadRoutineIn(cat, o.Routine)
		}
		if err != nil {
			var errs catalog.Errors
			if errors.As(err, &errs) {
				return inputErrorf("%s", errs.Error())
			}
			return inputErrorf("%v", err)
		}
		if paths, err = motion.RoutinePathsWithin(cat, r, o.Motion); err != nil {
			return inputErrorf("%v", err)
		}
	}
	forces, _ := motion.ParseForces(o.Forces)
	limits, _ := motion.ParseRegionLimits(o.Limits)
	opts := motion.ExportOptions{Format: o.Format, Rate: o.Rate, MaxForce: o.MaxForce.v, Forces: forces,
		RegionLimits: limits, Limits: o.Motion, Body: motion.Body{Height: o.Height, Build: o.Build}, Columns: o.Columns}
	// build and check everything before a file is made
	tr, err := motion.Prepare(paths, opts)
	if err != nil {
		return refusal(err)
	}
	if o.Preview != "" {
		title := o.Technique
		if title == "" {
			title = o.Routine
		}
		if err := writeOut(env.Out, o.Preview, func(w io.Writer) error { return tr.WritePreview(w, title) }); err != nil {
			return err
		}
	}
	return writeOut(env.Out, o.Out, tr.Write)
}

func refusal(err error) error {
	var le *motion.LimitError
	var me *motion.MotionError
	if errors.As(err, &le) || errors.As(err, &me) {
		return inputErrorf("refused: %v", err)
	}
	return err
}
