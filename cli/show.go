package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/knead/knead/massage"
)

func init() {
	register(&Command{
		Name:    "show",
		Group:   groupLook,
		Summary: "show one technique as a recipe card, step by step",
		Usage:   "ID",
		Help: "Shows a technique as a card to follow: what it is, the areas, for whom, the pressure and " +
			"time, what to prepare, the cautions (before the steps), then every step with the hands, " +
			"where it goes, the motion, pressure, repeats, time and side, and finally tips, what the " +
			"source text says of it, and the source file.\n\n" +
			"ID is a technique's id, as 'knead list' prints it, or a preparation's id from a card's " +
			"'Before you start' list. Text is wrapped to the terminal's width (80 columns when that is " +
			"unknown, at most 100); --width sets it.",
		Examples: []string{
			"knead show scalp-petrissage",
			"knead show back-circling-hands --json",
			"knead show back-fan-stroke --width 60",
		},
		New: func() Options { return &showOptions{} },
	})
}

// showOptions are the options of `knead show`.
type showOptions struct {
	ID    string
	JSON  bool
	Width int // columns to wrap at; 0: the terminal's
}

func (o *showOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&o.JSON, "json", false, "print one JSON object instead of the card")
	fs.IntVar(&o.Width, "width", 0, "wrap the card at `N` columns instead of the terminal's width")
}

func (o *showOptions) SetArgs(args []string) error {
	switch len(args) {
	case 0:
		return usageErrorf("show needs the id of a technique ('knead list' lists them)")
	case 1:
		o.ID = args[0]
	default:
		return usageErrorf("show takes one id, got %d: %q", len(args), args)
	}
	if err := checkWidth(o.Width); err != nil {
		return err
	}
	return nil
}

func (o *showOptions) Run(ctx context.Context, env *Env) error {
	cat, err := env.Catalog()
	if err != nil {
		return err
	}
	width := env.TextWidth(o.Width)
	if t := cat.Technique(o.ID); t != nil {
		if o.JSON {
			return writeJSON(env.Out, cat.TechniqueView(t))
		}
		_, err := fmt.Fprint(env.Out, techniqueCard(cat, t, width))
		return err
	}
	if p := cat.Preparation(o.ID); p != nil {
		if o.JSON {
			return writeJSON(env.Out, p.View())
		}
		_, err := fmt.Fprint(env.Out, preparationCard(cat, p, width))
		return err
	}
	return inputErrorf("%s ('knead list' lists the techniques)",
		didYouMean(fmt.Sprintf("no technique or preparation has the id %q", o.ID), o.ID, catalogIDs(cat)))
}

// catalogIDs lists the ids show accepts.
func catalogIDs(cat *massage.Catalog) []string {
	var ids []string
	for _, t := range cat.Techniques {
		ids = append(ids, t.ID)
	}
	for _, p := range cat.Preparations {
		ids = append(ids, p.ID)
	}
	return ids
}
