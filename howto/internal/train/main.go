// Command train fits the importer's role model on the labelled texts and
// writes it (go generate ./howto runs it), or cross-validates it by
// source and prints the figures:
//
//	go run ./howto/internal/train -out howto/lexicon/roles.model
//	go run ./howto/internal/train -cv text     # leave one text out
//	go run ./howto/internal/train -cv batch    # leave one batch out
//	go run ./howto/internal/train -cv pipeline -web web3=DIR,web4=DIR
//	go run ./howto/internal/train -cv split -upto 250 -through 447
//	go run ./howto/internal/train -places howto/lexicon/places.model
//	go run ./howto/internal/train -cv places   # five folds of batches
//	go run ./howto/internal/train -mode howto/lexicon/mode.model
//	go run ./howto/internal/train -cv mode     # five folds of batches
//	go run ./howto/internal/train -prep howto/lexicon/prep.model
//	go run ./howto/internal/train -cv prep     # five folds of batches
//	go run ./howto/internal/train -warnings howto/lexicon/warnings.model
//	go run ./howto/internal/train -cv warnings # five folds of batches
//
// -cv pipeline imports every labelled batch of howto/testdata (and the
// seeds when ../shared/seeds is there, and the web batches whose saved
// pages -web names) with a role model trained without that batch, and
// prints steps, areas, warnings, preparation and mode per batch and
// their mean: the nearest the labelled batches come to a fresh batch's
// first run.
//
// -places trains the place model (howto/extract_place_model.go) on the
// labelled steps' areas and writes it; -cv places cross-validates it in
// five folds of whole batches and prints, for each margin the model must
// win by, how many steps' areas would be right.
//
// -mode and -cv mode do the same for the mode model
// (howto/assemble_mode_model.go), trained on the labelled texts' modes.
//
// -prep and -cv prep do the same for the preparation model
// (howto/assemble_prep_model.go), trained on the labelled texts'
// preparations; its cross-validation prints, for each least likelihood,
// the preparations found, labelled and right.
//
// -warnings and -cv warnings do the same for the warning model
// (howto/assemble_warn_model.go), trained on which of the cautions found
// the labelled texts keep; its cross-validation prints, for each least
// likelihood of keeping, the warnings kept and right, and how many
// labelled ones would be left out.
//
// -cv split trains one model on the corpus and heldout to heldout<upto>
// and imports every later heldout batch (up to -through) with it: those it
// scores are ones that model never saw, as a fresh batch will be. It is
// how the model's thresholds were chosen (docs/import.md, "The
// twenty-second pass").
//
// It reads only the folders of howto.TrainingBatches (for the place, mode,
// preparation and warning models, howto.PlaceModeBatches), from the
// repository's root, and is deterministic: the same labels give the same
// file.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/howto"
	"github.com/knead/knead/massage"
)

func main() {
	out := flag.String("out", "", "write the model to this file")
	cv := flag.String("cv", "", `cross-validate leaving one "text" or one "batch" out, or the whole "pipeline", or "split" (see -upto), and print the figures`)
	upto := flag.Int("upto", 250, "with -cv split: train on heldout to heldout<upto> and score the batches after it")
	through := flag.Int("through", 0, "with -cv split: score the batches up to heldout<through> only (0: all)")
	show := flag.Bool("misses", false, "with -cv pipeline: list each batch's steps missed and found beyond the labels")
	places := flag.String("places", "", "write the place model to this file")
	modes := flag.String("mode", "", "write the mode model to this file")
	preps := flag.String("prep", "", "write the preparation model to this file")
	warns := flag.String("warnings", "", "write the warning model to this file")
	web := flag.String("web", "", "with -cv pipeline: web batches as NAME=DIR,… (DIR holds the saved pages, the labels are howto/testdata/NAME)")
	flag.Parse()
	var err error
	if *warns != "" || *cv == "warnings" {
		err = runWarns(*warns)
	} else if *preps != "" || *cv == "prep" {
		err = runPreps(*preps)
	} else if *modes != "" || *cv == "mode" {
		err = runModes(*modes)
	} else if *places != "" || *cv == "places" {
		err = runPlaces(*places)
	} else if *cv == "pipeline" {
		err = pipeline(*web, *show, 0, 0)
	} else if *cv == "split" {
		if *upto < 2 {
			err = fmt.Errorf("-upto %d: expected 2 or more", *upto)
		} else {
			err = pipeline("", *show, *upto, *through)
		}
	} else {
		err = run(*out, *cv)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(out, cv string) error {
	if out == "" && cv == "" {
		return fmt.Errorf("give -out FILE or -cv text|batch")
	}
	if cv != "" && cv != "text" && cv != "batch" {
		return fmt.Errorf(`-cv %q: expected "text" or "batch"`, cv)
	}
	dirs, cat, err := batchesAt(howto.TrainingBatches)
	if err != nil {
		return err
	}
	ex, err := howto.RoleExamples(dirs, cat)
	if err != nil {
		return err
	}
	if cv != "" {
		fmt.Print(howto.CrossValidate(ex, cv))
	}
	if out != "" {
		var b bytes.Buffer
		if err := howto.WriteRoleModel(&b, ex); err != nil {
			return err
		}
		if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "train: %d sentences of %d batches, model written to %s (%d bytes)\n", len(ex), len(dirs), out, b.Len())
	}
	return nil
}

// pipeline cross-validates the whole import batch by batch.
// With upto above 0 it splits instead: the batches up to heldout<upto>
// are trained on and not scored, and the heldout batches after it, up to
// heldout<through> when through is above 0, are scored with that one
// model.
func pipeline(web string, show bool, upto, through int) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	cat, err := catalog.Builtin()
	if err != nil {
		return err
	}
	bs, err := cvBatches(root, web)
	if err != nil {
		return err
	}
	if upto > 0 {
		bs = splitBatches(bs, upto, through)
	}
	scores, err := howto.PipelineCV(bs, cat)
	if err != nil {
		return err
	}
	fmt.Print(howto.PipelineTable(scores))
	if show {
		for _, s := range scores {
			for _, m := range s.Misses {
				fmt.Printf("%s/%s\n", s.Name, m)
			}
		}
	}
	return nil
}

// cvBatches are the labelled batches: the corpus and the heldout batches
// (in the training set when howto.TrainingBatches holds them), the seeds
// when ../shared/seeds is there, and the web batches -web names.
func cvBatches(root, web string) ([]howto.CVBatch, error) {
	train := map[string]bool{}
	for _, d := range howto.TrainingBatches {
		train[filepath.Base(d)] = true
	}
	own, err := filepath.Glob(filepath.Join(root, "howto/testdata/heldout*"))
	if err != nil {
		return nil, err
	}
	sort.Slice(own, func(i, j int) bool { return batchOrder(own[i]) < batchOrder(own[j]) })
	var bs []howto.CVBatch
	for _, d := range append([]string{filepath.Join(root, "howto/testdata/corpus")}, own...) {
		n := filepath.Base(d)
		bs = append(bs, howto.CVBatch{Name: n, Dir: d, Train: train[n]})
	}
	if seeds := filepath.Join(root, "../shared/seeds"); exists(seeds) {
		bs = append(bs, howto.CVBatch{Name: "seeds", Dir: seeds, LabelDir: filepath.Join(root, "howto/testdata/labels/seeds")})
	}
	for _, w := range strings.Split(web, ",") {
		if w == "" {
			continue
		}
		name, dir, ok := strings.Cut(w, "=")
		if !ok || !exists(dir) || !exists(filepath.Join(root, "howto/testdata", name)) {
			return nil, fmt.Errorf("-web %q: expected NAME=DIR, DIR a folder of saved pages and howto/testdata/NAME their labels", w)
		}
		bs = append(bs, howto.CVBatch{Name: name, Dir: dir, LabelDir: filepath.Join(root, "howto/testdata", name)})
	}
	return bs, nil
}

// splitBatches marks the corpus and heldout to heldout<upto> to be
// trained on only, and keeps of the rest the heldout batches up to
// heldout<through> (all of them when through is 0) to be scored.
func splitBatches(bs []howto.CVBatch, upto, through int) []howto.CVBatch {
	var out []howto.CVBatch
	for _, b := range bs {
		n := batchOrder(b.Dir)
		held := strings.HasPrefix(b.Name, "heldout")
		b.Train = false
		switch {
		case b.Name == "corpus" || held && n <= upto:
			b.TrainOnly = true
		case !held || through > 0 && n > through:
			continue
		}
		out = append(out, b)
	}
	return out
}

// batchOrder sorts heldout, heldout2, …, heldout10 by number.
func batchOrder(dir string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(filepath.Base(dir), "heldout"))
	return n
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// repoRoot is the folder of go.mod, from the working folder up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("no go.mod above the working folder")
		}
		dir = up
	}
}

// runPlaces trains the place model and writes it to out, or with out ""
// cross-validates it.
func runPlaces(out string) error {
	return runPlaceMode(out, "place", func(dirs []string, cat *massage.Catalog) (int, func() string, func(io.Writer) error, error) {
		ex, err := howto.PlaceExamples(dirs, cat)
		cv := func() string { return howto.PlaceCV(ex, 5, []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) }
		return len(ex), cv, func(w io.Writer) error { return howto.WritePlaceModel(w, ex) }, err
	})
}

// runModes does the same for the mode model.
func runModes(out string) error {
	return runPlaceMode(out, "mode", func(dirs []string, cat *massage.Catalog) (int, func() string, func(io.Writer) error, error) {
		ex, err := howto.ModeExamples(dirs, cat)
		cv := func() string { return howto.ModeCV(ex, 5, []float64{0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) }
		return len(ex), cv, func(w io.Writer) error { return howto.WriteModeModel(w, ex) }, err
	})
}

// runPreps does the same for the preparation model.
func runPreps(out string) error {
	return runPlaceMode(out, "preparation", func(dirs []string, cat *massage.Catalog) (int, func() string, func(io.Writer) error, error) {
		ts, err := howto.PrepTexts(dirs, cat)
		cv := func() string { return howto.PrepCV(ts, 5, []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6}) }
		return len(ts), cv, func(w io.Writer) error { return howto.WritePrepModel(w, ts) }, err
	})
}

// runWarns does the same for the warning model.
func runWarns(out string) error {
	return runPlaceMode(out, "warning", func(dirs []string, cat *massage.Catalog) (int, func() string, func(io.Writer) error, error) {
		ex, labelled, err := howto.WarnExamples(dirs, cat)
		cv := func() string { return howto.WarnCV(ex, labelled, 5, []float64{0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5}) }
		return len(ex), cv, func(w io.Writer) error { return howto.WriteWarnModel(w, ex) }, err
	})
}

// runPlaceMode reads the examples of the place or mode model (what) from
// howto.PlaceModeBatches with examples, and writes the model to out or,
// with out "", prints its cross-validation.
func runPlaceMode(out, what string, examples func([]string, *massage.Catalog) (int, func() string, func(io.Writer) error, error)) error {
	dirs, cat, err := batchesAt(howto.PlaceModeBatches)
	if err != nil {
		return err
	}
	n, cv, write, err := examples(dirs, cat)
	if err != nil {
		return err
	}
	if out == "" {
		fmt.Print(cv())
		return nil
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "train: %d examples of %d batches, %s model written to %s (%d bytes)\n", n, len(dirs), what, out, b.Len())
	return nil
}

// batchesAt are the folders of list from the repository's root, and the
// catalog.
func batchesAt(list []string) ([]string, *massage.Catalog, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, nil, err
	}
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, nil, err
	}
	dirs := make([]string, len(list))
	for i, d := range list {
		dirs[i] = filepath.Join(root, d)
	}
	return dirs, cat, nil
}
