package howto

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/knead/knead/massage"
)

// Score counts one field: how many the importer found, how many the labels
// hold, and how many of those agree.
type Score struct {
	Field     string  `json:"field"`
	Found     int     `json:"found"`
	Labelled  int     `json:"labelled"`
	Right     int     `json:"right"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"` // the harmonic mean of precision and recall
}

func (s *Score) add(o Score) {
	s.Found += o.Found
	s.Labelled += o.Labelled
	s.Right += o.Right
}

func (s *Score) rates() {
	s.Precision, s.Recall = 1, 1
	if s.Found > 0 {
		s.Precision = float64(s.Right) / float64(s.Found)
	} else if s.Labelled > 0 {
		s.Precision = 0
	}
	if s.Labelled > 0 {
		s.Recall = float64(s.Right) / float64(s.Labelled)
	}
	s.F1 = 0
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Fields are the fields Evaluate scores, in order.
var Fields = []string{"steps", "areas", "repetitions", "durations", "warnings", "preparation", "claims"}

// TextScore is the score of one text, with what it missed and what it
// found that the labels do not hold.
type TextScore struct {
	File     string   `json:"file"`
	Labels   string   `json:"labels"`
	Scores   []Score  `json:"scores"`
	Mode     string   `json:"mode"`
	WantMode string   `json:"want_mode"`
	Missed   []string `json:"missed"`
	Extra    []string `json:"extra"`
	Error    string   `json:"error,omitempty"`
}

// Evaluation is the score of the importer on a folder of labelled texts.
type Evaluation struct {
	Texts     []TextScore `json:"texts"`
	Total     []Score     `json:"total"`
	ModeRight int         `json:"mode_right"`
	ModeTotal int         `json:"mode_total"`
	Unlabeled []string    `json:"unlabeled"`
}

// LabelPath is where the labels of a text are: NAME.labels.yaml beside it,
// or in labelDir.
func LabelPath(text, labelDir string) string {
	base := filepath.Base(text)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if labelDir == "" {
		labelDir = filepath.Dir(text)
	}
	return filepath.Join(labelDir, stem+".labels.yaml")
}

// Evaluate imports every text in dir that has labels and scores it
// against them.
func Evaluate(dir, labelDir string, cat *massage.Catalog) (*Evaluation, error) {
	return evaluate(dir, labelDir, Options{Catalog: cat})
}

// evaluate is Evaluate with the import's options (a role model of its own
// for a cross-validation's fold).
func evaluate(dir, labelDir string, base Options) (*Evaluation, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	ev := &Evaluation{Unlabeled: []string{}, Texts: []TextScore{}}
	total := make([]Score, len(Fields))
	for i, f := range Fields {
		total[i].Field = f
	}
	for _, e := range ents {
		if e.IsDir() || !isText(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		lp := LabelPath(path, labelDir)
		if _, err := os.Stat(lp); errors.Is(err, os.ErrNotExist) {
			ev.Unlabeled = append(ev.Unlabeled, e.Name())
			continue
		}
		if err := evaluateText(ev, total, path, lp, base); err != nil {
			return nil, err
		}
	}
	if len(ev.Texts) == 0 {
		return nil, fmt.Errorf("%s holds no texts with labels (a text's labels are NAME.labels.yaml in %s)", dir, firstNonEmpty(labelDir, dir))
	}
	for i := range total {
		total[i].rates()
	}
	ev.Total = total
	sort.Strings(ev.Unlabeled)
	return ev, nil
}

// evaluateText imports the text at path with its labels at lp, scores
// it, adds its scores to total and its mode to ev's count, and lists it
// in ev.
func evaluateText(ev *Evaluation, total []Score, path, lp string, base Options) error {
	labels, err := ReadLabels(lp)
	if err != nil {
		return err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	opt := base
	opt.Name = filepath.Base(path)
	res, ierr := Import(src, opt)
	ts := scoreText(res, labels)
	ts.File, ts.Labels = opt.Name, lp
	if ierr != nil {
		ts.Error = ierr.Error()
	}
	for i := range ts.Scores {
		total[i].add(ts.Scores[i])
	}
	if labels.Mode != "" {
		ev.ModeTotal++
		if res != nil && res.Mode == labels.Mode {
			ev.ModeRight++
		}
	}
	ev.Texts = append(ev.Texts, ts)
	return nil
}

// scoreText scores one import against its labels.
func scoreText(res *Result, l *Labels) TextScore {
	ts := TextScore{WantMode: l.Mode, Missed: []string{}, Extra: []string{}}
	var steps []Step
	var warnings []Warning
	var prep []Prep
	var claims []Claim
	if res != nil {
		steps, warnings, prep, claims = res.Steps, res.Warnings, res.Prep, res.Claims
		ts.Mode = res.Mode
	}
	sc := map[string]*Score{}
	for _, f := range Fields {
		sc[f] = &Score{Field: f}
	}
	pair := alignSteps(&ts, steps, l.Steps)
	st := sc["steps"]
	st.Found, st.Labelled = len(steps), len(l.Steps)
	for _, p := range pair {
		if p >= 0 {
			st.Right++
		}
	}
	scoreStepFields(&ts, sc, steps, pair, l.Steps)
	// Warnings and claims, by anchor.
	wtext := make([]sentenceAt, len(warnings))
	for i, w := range warnings {
		wtext[i] = sentenceAt{w.Text, w.Line}
	}
	scoreAnchors(&ts, sc["warnings"], "warning", wtext, l.Warnings)
	ctext := make([]sentenceAt, len(claims))
	for i, c := range claims {
		ctext[i] = sentenceAt{c.Text, c.Line}
	}
	scoreAnchors(&ts, sc["claims"], "claim", ctext, l.Claims)
	scorePrep(&ts, sc["preparation"], prep, l.Prep)
	for _, f := range Fields {
		s := *sc[f]
		s.rates()
		ts.Scores = append(ts.Scores, s)
	}
	return ts
}

// alignSteps pairs labelled steps with imported ones, one to one: each
// label takes the first step, not taken yet, that holds its anchor. A step
// that merges two labelled moves serves one of them (the other is
// missed); a move split in two leaves the second part as an extra step:
// both are errors even when the counts agree. pair[i] is the step of label
// i, or -1.
func alignSteps(ts *TextScore, steps []Step, labels []LabelStep) []int {
	taken := make([]bool, len(steps))
	pair := make([]int, len(labels))
	for i, ls := range labels {
		pair[i] = -1
		for j := range steps {
			if !taken[j] && holds(steps[j].Text, ls.Anchor) {
				taken[j], pair[i] = true, j
				break
			}
		}
		if pair[i] < 0 {
			ts.Missed = append(ts.Missed, "step: "+ls.Anchor)
		}
	}
	for j, s := range steps {
		if !taken[j] {
			ts.Extra = append(ts.Extra, fmt.Sprintf("step (line %d): %s", s.Line, clip(s.Text, 70)))
		}
	}
	return pair
}

// scoreStepFields scores the areas, counts and times of the paired steps.
// A paired step on another area than its label's is listed as missed, with
// both areas.
func scoreStepFields(ts *TextScore, sc map[string]*Score, steps []Step, pair []int, labels []LabelStep) {
	for _, s := range steps {
		if s.Area != "" {
			sc["areas"].Found++
		}
		if s.Repeat != nil {
			sc["repetitions"].Found++
		}
		if s.Seconds != nil {
			sc["durations"].Found++
		}
	}
	for i, ls := range labels {
		var s *Step
		if pair[i] >= 0 {
			s = &steps[pair[i]]
		}
		if len(ls.Area) > 0 {
			sc["areas"].Labelled++
			switch {
			case s != nil && contains(ls.Area, s.Area):
				sc["areas"].Right++
			case s != nil:
				ts.Missed = append(ts.Missed, fmt.Sprintf("area: %s (labelled %s, found %s)", ls.Anchor, strings.Join(ls.Area, " or "), firstNonEmpty(s.Area, "none")))
			}
		}
		if ls.Repeat.Set {
			sc["repetitions"].Labelled++
			if s != nil && s.Repeat != nil && float64(s.Repeat.Least) == ls.Repeat.Least && float64(s.Repeat.Most) == ls.Repeat.Most {
				sc["repetitions"].Right++
			}
		}
		if ls.Seconds.Set {
			sc["durations"].Labelled++
			if s != nil && s.Seconds != nil && s.Seconds.Least == ls.Seconds.Least && s.Seconds.Most == ls.Seconds.Most {
				sc["durations"].Right++
			}
		}
	}
}

// scorePrep scores the preparations by kind, each kind at most once.
func scorePrep(ts *TextScore, sc *Score, prep []Prep, labels []LabelPrep) {
	pt := make([]bool, len(prep))
	for _, lp := range labels {
		found := false
		for j := range prep {
			if !pt[j] && prep[j].Kind == lp.Kind {
				pt[j], found = true, true
				break
			}
		}
		if found {
			sc.Right++
		} else {
			ts.Missed = append(ts.Missed, "preparation: "+lp.Kind)
		}
	}
	for j, p := range prep {
		if !pt[j] {
			ts.Extra = append(ts.Extra, fmt.Sprintf("preparation %s (line %d)", p.Kind, p.Line))
		}
	}
	sc.Found, sc.Labelled = len(prep), len(labels)
}

type sentenceAt struct {
	text string
	line int
}

// scoreAnchors scores sentences found (warnings or claims) against the
// labelled anchors: each label takes the first sentence, not taken yet,
// that holds it.
func scoreAnchors(ts *TextScore, sc *Score, what string, found []sentenceAt, labels []LabelAnchor) {
	taken := make([]bool, len(found))
	for _, la := range labels {
		ok := false
		for j := range found {
			if !taken[j] && holds(found[j].text, la.Anchor) {
				taken[j], ok = true, true
				break
			}
		}
		if ok {
			sc.Right++
		} else {
			ts.Missed = append(ts.Missed, what+": "+la.Anchor)
		}
	}
	for j, f := range found {
		if !taken[j] {
			ts.Extra = append(ts.Extra, fmt.Sprintf("%s (line %d): %s", what, f.line, clip(f.text, 70)))
		}
	}
	sc.Found, sc.Labelled = len(found), len(labels)
}

// textExts are the file names Evaluate reads as texts.
var textExts = []string{".txt", ".md", ".markdown", ".html", ".htm", ".text", ".csv", ".json"}

func isText(name string) bool {
	low := strings.ToLower(name)
	for _, ext := range textExts {
		if strings.HasSuffix(low, ext) {
			return true
		}
	}
	return false
}
