package howto

import (
	"fmt"
	"math"
	"strings"

	"github.com/knead/knead/massage"
)

// Cross-validating the whole pipeline: every labelled batch imported
// with a role model trained without it, and scored as `--eval` scores it.
// A batch's first run is the importer on texts nobody tuned on; this is
// the nearest figure the labelled batches can give to it (the rules were
// still written after reading them, so it flatters them a little).
// howto/internal/train -cv pipeline prints it. Nothing here runs during
// an import.

// CVBatch is one labelled batch of a pipeline cross-validation.
type CVBatch struct {
	Name     string // what the table calls it
	Dir      string // its texts
	LabelDir string // its label files, "" when beside the texts
	Train    bool   // it is in the model's training set (a fold leaves it out)
	// TrainOnly: it is trained on and never scored (-cv split: the model
	// trained on the earlier batches scores the later ones it never saw)
	TrainOnly bool
}

// BatchScore is one batch imported with a model trained without it.
type BatchScore struct {
	Name      string
	Texts     int
	Trained   int // sentences the fold's model was trained on
	Steps     Score
	Areas     Score
	Warnings  Score
	Prep      Score
	ModeRight int
	ModeTotal int
	Misses    []string // per text, the steps missed and found beyond the labels
}

// PipelineCV imports each batch with a role model trained on the
// training batches other than it, and scores it against its labels.
func PipelineCV(batches []CVBatch, cat *massage.Catalog) ([]BatchScore, error) {
	var ex []RoleExample
	for _, b := range batches {
		if !b.Train && !b.TrainOnly {
			continue
		}
		e, err := RoleExamples([]string{b.Dir}, cat)
		if err != nil {
			return nil, err
		}
		for i := range e {
			e[i].Batch = b.Name
		}
		ex = append(ex, e...)
	}
	var full *roleModels
	var out []BatchScore
	for _, b := range batches {
		if b.TrainOnly {
			continue
		}
		var m *roleModels
		train := ex
		if b.Train {
			train = nil
			for _, e := range ex {
				if e.Batch != b.Name {
					train = append(train, e)
				}
			}
			m = TrainRoles(train)
		} else {
			if full == nil {
				full = TrainRoles(ex)
			}
			m = full
		}
		ev, err := evaluate(b.Dir, b.LabelDir, Options{Catalog: cat, models: m})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", b.Name, err)
		}
		out = append(out, batchScore(b.Name, len(train), ev))
	}
	return out, nil
}

func batchScore(name string, trained int, ev *Evaluation) BatchScore {
	bs := BatchScore{Name: name, Texts: len(ev.Texts), Trained: trained, ModeRight: ev.ModeRight, ModeTotal: ev.ModeTotal}
	for _, ts := range ev.Texts {
		for _, m := range append(append([]string(nil), ts.Missed...), ts.Extra...) {
			if strings.Contains(m, "step") {
				bs.Misses = append(bs.Misses, ts.File+": "+m)
			}
		}
	}
	for _, s := range ev.Total {
		switch s.Field {
		case "steps":
			bs.Steps = s
		case "areas":
			bs.Areas = s
		case "warnings":
			bs.Warnings = s
		case "preparation":
			bs.Prep = s
		}
	}
	return bs
}

// PipelineTable prints the scores, one batch a line, and their means
// (each batch weighing the same, as a fresh batch's first run would).
func PipelineTable(scores []BatchScore) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The whole import, each batch with a role model trained without it.\n\n")
	fmt.Fprintf(&b, "%-10s %5s %8s  %-20s %8s %11s %8s %6s\n", "batch", "texts", "trained", "steps P / R / F1", "area R", "warnings F1", "prep R", "mode")
	var f1, ar, wf, pr, mo float64
	for _, s := range scores {
		mode := 1.0
		if s.ModeTotal > 0 {
			mode = float64(s.ModeRight) / float64(s.ModeTotal)
		}
		fmt.Fprintf(&b, "%-10s %5d %8d  %.2f / %.2f / %.2f   %8.2f %11.2f %8.2f %6.2f\n", s.Name, s.Texts, s.Trained,
			s.Steps.Precision, s.Steps.Recall, s.Steps.F1, s.Areas.Recall, s.Warnings.F1, s.Prep.Recall, mode)
		f1 += s.Steps.F1
		ar += s.Areas.Recall
		wf += s.Warnings.F1
		pr += s.Prep.Recall
		mo += mode
	}
	n := math.Max(1, float64(len(scores)))
	fmt.Fprintf(&b, "%-10s %5s %8s  %-20s %8.4f %11.4f %8.4f %6.4f\n", "mean", "", "", fmt.Sprintf("steps F1 %.4f", f1/n), ar/n, wf/n, pr/n, mo/n)
	return b.String()
}
