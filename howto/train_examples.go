package howto

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/knead/knead/massage"
)

// Training the role model (classify_model.go) on the labelled texts:
// howto/internal/train calls these. Nothing here runs during an import.

// RoleExample is one sentence of a labelled text with its role.
type RoleExample struct {
	Batch  string // the folder it comes from
	Source string // its text: batch/file
	Text   string
	Role   string // the role it should get
	Warns  bool   // it warns, anywhere in it
	Rule   string // the role the rules alone gave it
	Block  int    // which block of its text it is in: the role model reads a text's sentences as a sequence
	feats  []string
	masked []string // the features with its verb masked, nil when it has none
}

// TrainingBatches are the labelled folders the shipped model is trained
// on, relative to the repository's root: the corpus and every batch up to
// heldout501, all of whose first runs are recorded in docs/import.md. A
// fresh batch stays out until its first run is recorded; then raising
// the number and running go generate ./howto trains on it too.
var TrainingBatches = trainUpTo(501)

// PlaceModeBatches are the labelled folders the place, mode, preparation
// and warning models are trained on: every batch whose first run is recorded in
// docs/import.md. The role model stays at TrainingBatches: trained again
// on heldout502 to heldout517 it lowered more batches' figures than it
// raised, and read three plain moves of the unit tests as tips
// (docs/import.md, "The twenty-fourth pass").
var PlaceModeBatches = trainUpTo(597)

// trainUpTo is the corpus and heldout, heldout2, …, heldout<n>.
func trainUpTo(n int) []string {
	out := []string{"howto/testdata/corpus", "howto/testdata/heldout"}
	for i := 2; i <= n; i++ {
		out = append(out, "howto/testdata/heldout"+strconv.Itoa(i))
	}
	return out
}

// RoleExamples reads every labelled text of the folders and gives each
// sentence its role. The labels decide moves, warnings and claims: a
// sentence that holds a step's anchor is a move, one that holds a
// warning's anchor warns, a claim's anchor claims. Where the labels say
// nothing the rules' role stands, except a move in a step no label asks
// for, a warning or a claim no label names: those take the role the
// sentence has without it (a tip for an instruction, a description for
// a sentence that names a place, else commentary).
func RoleExamples(dirs []string, cat *massage.Catalog) ([]RoleExample, error) {
	var out []RoleExample
	err := forLabelledTexts(dirs, func(dir, path string, l *Labels, src []byte) error {
		ex, err := textExamples(src, filepath.Base(path), l, cat)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for i := range ex {
			ex[i].Batch, ex[i].Source = filepath.Base(dir), filepath.Base(dir)+"/"+filepath.Base(path)
		}
		out = append(out, ex...)
		return nil
	})
	return out, err
}

// forLabelledTexts calls f with each text of the folders that has a label
// file beside it, its folder, path, labels and bytes, in the folders'
// order and each folder's sorted order.
func forLabelledTexts(dirs []string, f func(dir, path string, l *Labels, src []byte) error) error {
	for _, dir := range dirs {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range ents {
			if e.IsDir() || !isText(e.Name()) {
				continue
			}
			path := filepath.Join(dir, e.Name())
			lp := LabelPath(path, "")
			if _, err := os.Stat(lp); errors.Is(err, os.ErrNotExist) {
				continue
			}
			l, err := ReadLabels(lp)
			if err != nil {
				return fmt.Errorf("%s: %w", lp, err)
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if err := f(dir, path, l, src); err != nil {
				return err
			}
		}
	}
	return nil
}

// textExamples labels the sentences of one text.
func textExamples(src []byte, name string, l *Labels, cat *massage.Catalog) ([]RoleExample, error) {
	d, err := importDoc(src, Options{Name: name, Catalog: cat, rulesOnly: true})
	if d == nil {
		return nil, err
	}
	sents, blockOf := textExamplesSentences(d)
	step := anchored(sents, stepAnchors(l.Steps))
	warn := anchored(sents, anchorTexts(l.Warnings))
	claim := anchored(sents, anchorTexts(l.Claims))
	inStep, labelled := textExamplesSteps(d, step)
	byRole := textExamplesRuleRoles(d)
	out := make([]RoleExample, 0, len(sents))
	for _, s := range sents {
		rule := byRole[s]
		role := rule
		switch {
		case step[s]:
			role = RoleMove
		case warn[s] && rule != RoleMove && rule != RoleModifier:
			role = RoleWarning
		case claim[s] && rule != RoleMove && rule != RoleModifier:
			role = RoleClaim
		case (rule == RoleMove || rule == RoleModifier) && !labelled[inStep[s]]:
			role = bareRole(d, s)
		case rule == RoleWarning || rule == RoleClaim:
			role = bareRole(d, s)
		}
		e := RoleExample{Text: s.text, Role: role, Rule: rule, Warns: warn[s], Block: blockOf[s], feats: roleFeatures(s)}
		if s.shape.vi >= 0 {
			if _, known := verbs[s.shape.word]; known {
				e.masked = features(s, true)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// textExamplesSentences are the sentences the role model reads (those of
// the blocks that are neither noise nor headings), and the block of each.
func textExamplesSentences(d *doc) ([]*sentence, map[*sentence]int) {
	var sents []*sentence
	blockOf := map[*sentence]int{}
	for i, b := range d.bs {
		if b.noise == "" && b.kind != bHeading {
			sents = append(sents, b.sents...)
			for _, s := range b.sents {
				blockOf[s] = i
			}
		}
	}
	return sents, blockOf
}

// textExamplesSteps numbers the step (from 1) each sentence is in, and
// marks the steps a label asks for: those holding a labelled move.
func textExamplesSteps(d *doc, step map[*sentence]bool) (map[*sentence]int, map[int]bool) {
	inStep := map[*sentence]int{}
	labelled := map[int]bool{}
	for i, st := range d.steps {
		for _, s := range st.sents {
			inStep[s] = i + 1
			if step[s] {
				labelled[i+1] = true
			}
		}
	}
	return inStep, labelled
}

// textExamplesRuleRoles is the role the rules gave each sentence, read from
// the import's account (a noise block or a heading is one line of it).
func textExamplesRuleRoles(d *doc) map[*sentence]string {
	byRole := map[*sentence]string{}
	i := 0
	for _, b := range d.bs {
		if b.noise != "" || b.kind == bHeading {
			i++
			continue
		}
		for _, s := range b.sents {
			byRole[s] = d.res.Sentences[i].Role
			i++
		}
	}
	return byRole
}

// bareRole is the role of a sentence that neither moves, warns nor claims.
func bareRole(d *doc, s *sentence) string {
	switch {
	case len(d.prepKinds(s)) > 0:
		return RolePrep
	case s.form != fNone:
		return RoleTip
	case s.hasLoc() || s.defines() != "":
		return RoleDescription
	}
	return RoleCommentary
}

func stepAnchors(ls []LabelStep) []string {
	out := make([]string, len(ls))
	for i, s := range ls {
		out[i] = s.Anchor
	}
	return out
}

func anchorTexts(ls []LabelAnchor) []string {
	out := make([]string, len(ls))
	for i, a := range ls {
		out[i] = a.Anchor
	}
	return out
}

// anchored marks, for each anchor, the first sentence not yet taken that
// holds it.
func anchored(sents []*sentence, anchors []string) map[*sentence]bool {
	out := map[*sentence]bool{}
	for _, a := range anchors {
		for _, s := range sents {
			if !out[s] && holds(s.text, a) {
				out[s] = true
				break
			}
		}
	}
	return out
}

// trainLogit fits a multinomial logistic regression with L2 by full-batch
// gradient descent with AdaGrad steps: deterministic, so the same
// examples give the same weights. Features seen in fewer than two
// examples are left out.
func trainLogit(classes []string, feats [][]string, ys []int) *logit {
	names, xs := indexFeatures(feats)
	K, F := len(classes), len(names)
	w := make([]float64, F*K)
	b := make([]float64, K)
	gw := make([]float64, F*K)
	gb := make([]float64, K)
	hw := make([]float64, F*K)
	hb := make([]float64, K)
	n := float64(len(xs))
	zs, gws, gbs := make([][]float64, trainShards), make([][]float64, trainShards), make([][]float64, trainShards)
	for sh := range zs {
		zs[sh], gws[sh], gbs[sh] = make([]float64, K), make([]float64, F*K), make([]float64, K)
	}
	for it := 0; it < trainIters; it++ {
		for i := range gw {
			gw[i] = trainL2 * w[i]
		}
		for k := range gb {
			gb[k] = 0
		}
		inShards(len(xs), func(sh, i int) {
			logitGradient(xs[i], ys[i], w, b, zs[sh], gws[sh], gbs[sh], n)
		})
		for sh := range gws {
			addInto(gw, gws[sh])
			addInto(gb, gbs[sh])
		}
		adagrad(w, gw, hw)
		adagrad(b, gb, hb)
	}
	l := &logit{classes: classes, bias: b, w: make(map[string][]float64, F)}
	for i, f := range names {
		l.w[f] = w[i*K : (i+1)*K]
	}
	return l
}

// logitGradient adds one example's gradient of the negative
// log-likelihood, divided by n, to gw and gb: x its features' numbers, y
// its class, z room for the scores.
func logitGradient(x []int, y int, w, b, z, gw, gb []float64, n float64) {
	K := len(b)
	copy(z, b)
	for _, j := range x {
		for k := 0; k < K; k++ {
			z[k] += w[j*K+k]
		}
	}
	p := softmax(z)
	for k := 0; k < K; k++ {
		g := p[k]
		if k == y {
			g--
		}
		g /= n
		gb[k] += g
		for _, j := range x {
			gw[j*K+k] += g
		}
	}
}

// The trainers' settings: full-batch steps, AdaGrad's rate, L2.
const (
	trainIters = 300
	trainRate  = 0.5
	trainL2    = 0.002
	// trainShards is how many runs of examples each step's gradient is
	// summed in at once; fixed, so that the sums, and the weights, are the
	// same on any machine.
	trainShards = 8
)

// adagrad takes one AdaGrad step on w with gradient g, h the running sum
// of squares.
func adagrad(w, g, h []float64) {
	for i, x := range g {
		h[i] += x * x
		if h[i] > 0 {
			w[i] -= trainRate * x / math.Sqrt(h[i])
		}
	}
}

// indexFeatures numbers the features seen in two examples or more, in
// sorted order, and gives each example its features' numbers.
func indexFeatures(feats [][]string) ([]string, [][]int) {
	count := map[string]int{}
	for _, fs := range feats {
		for _, f := range fs {
			count[f]++
		}
	}
	names := make([]string, 0, len(count))
	for f, n := range count {
		if n >= 2 {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	index := make(map[string]int, len(names))
	for i, f := range names {
		index[f] = i
	}
	xs := make([][]int, len(feats))
	for i, fs := range feats {
		for _, f := range fs {
			if j, ok := index[f]; ok {
				xs[i] = append(xs[i], j)
			}
		}
	}
	return names, xs
}

// TrainRoles fits the role model (a linear chain over each text's
// sentences) and the warning model (one sentence at a time) on examples.
func TrainRoles(ex []RoleExample) *roleModels {
	var feats [][]string
	var warns []int
	for _, e := range ex {
		w := 0
		if e.Warns {
			w = 1
		}
		for _, fs := range [][]string{e.feats, e.masked} {
			if fs != nil {
				feats = append(feats, fs)
				warns = append(warns, w)
			}
		}
	}
	m := &roleModels{
		role: trainChain(modelRoles, ex),
		warn: trainLogit([]string{"no", "warns"}, feats, warns),
	}
	c := m.role.chain()
	m.trans = &c
	return m
}

// WriteRoleModel trains on examples and writes the model file.
func WriteRoleModel(w io.Writer, ex []RoleExample) error {
	m := TrainRoles(ex)
	m.trainedOn = fmt.Sprintf("%d sentences; examples and settings sha256 %s", len(ex), TrainingDigest(ex))
	return writeModels(w, m)
}

// TrainingDigest is a digest of everything the trainer reads: each
// example's text, role, warning, block and features, in order, and the
// trainer's settings. The model file keeps it, so a test can tell in
// seconds that the file is the one these labels and features give,
// without training again.
func TrainingDigest(ex []RoleExample) string {
	h := sha256.New()
	fmt.Fprintf(h, "iters %d rate %g l2 %g shards %d\n", trainIters, trainRate, trainL2, trainShards)
	for _, e := range ex {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%v\x00%d\x00%s\x00%s\n", e.Source, e.Text, e.Role, e.Warns, e.Block,
			strings.Join(e.feats, "\x01"), strings.Join(e.masked, "\x01"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// CVResult is a cross-validation by source: every sentence's role guessed
// by a model trained without its own text (or batch).
type CVResult struct {
	By        string // "text" or "batch"
	Folds     int
	Sentences int
	Right     int     // roles guessed right
	Accuracy  float64 // Right / Sentences
	RuleRight int     // roles the rules alone gave right
	Classes   []ClassScore
	Warn      ClassScore // the warning model
}

// ClassScore is precision and recall of one role.
type ClassScore struct {
	Role                   string
	Found, Labelled, Right int
	Precision, Recall, F1  float64
}

// CrossValidate leaves one text (by "text") or one batch (by "batch") out
// at a time, trains on the rest and guesses the roles of what was left out.
func CrossValidate(ex []RoleExample, by string) CVResult {
	key := func(e RoleExample) string {
		if by == "batch" {
			return e.Batch
		}
		return e.Source
	}
	folds := crossValidateFolds(ex, key)
	res := CVResult{By: by, Folds: len(folds), Sentences: len(ex)}
	res.Classes = make([]ClassScore, len(modelRoles))
	for i, c := range modelRoles {
		res.Classes[i].Role = c
	}
	res.Warn = ClassScore{Role: "warns"}
	for _, fold := range folds {
		var train, test []RoleExample
		for _, e := range ex {
			if key(e) == fold {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		crossValidateFold(&res, TrainRoles(train), test)
	}
	res.Accuracy = float64(res.Right) / math.Max(1, float64(res.Sentences))
	for i := range res.Classes {
		res.Classes[i].rates()
	}
	res.Warn.rates()
	return res
}

// crossValidateFolds are the keys of the examples, each once, in the
// order they first come.
func crossValidateFolds(ex []RoleExample, key func(RoleExample) string) []string {
	var folds []string
	seen := map[string]bool{}
	for _, e := range ex {
		if k := key(e); !seen[k] {
			seen[k] = true
			folds = append(folds, k)
		}
	}
	return folds
}

// crossValidateFold counts into res what the model m, trained without
// them, guesses of the examples left out: their roles and their warnings.
func crossValidateFold(res *CVResult, m *roleModels, test []RoleExample) {
	cs, warn := res.Classes, &res.Warn
	for i, best := range decodeExamples(m, test) {
		e := test[i]
		want := classIndex(e.Role)
		cs[best].Found++
		cs[want].Labelled++
		if best == want {
			cs[best].Right++
			res.Right++
		}
		if e.Rule == e.Role {
			res.RuleRight++
		}
		pw := m.warn.predict(e.feats)[1] >= 0.5
		if pw {
			warn.Found++
		}
		if e.Warns {
			warn.Labelled++
			if pw {
				warn.Right++
			}
		}
	}
}

// decodeExamples gives each example the role the model reads, block by
// block through each text as an import does.
func decodeExamples(m *roleModels, ex []RoleExample) []int {
	out := make([]int, 0, len(ex))
	c := m.transitions()
	var msg []float64
	for i := 0; i < len(ex); {
		if i == 0 || ex[i].Source != ex[i-1].Source {
			msg = nil
		}
		j := i
		var feats [][]string
		for j < len(ex) && ex[j].Source == ex[i].Source && ex[j].Block == ex[i].Block {
			feats = append(feats, ex[j].feats)
			j++
		}
		bg := m.role.decodeBlock(c, msg, feats)
		out = append(out, bg.path...)
		msg = bg.next
		i = j
	}
	return out
}

func (c *ClassScore) rates() {
	if c.Found > 0 {
		c.Precision = float64(c.Right) / float64(c.Found)
	}
	if c.Labelled > 0 {
		c.Recall = float64(c.Right) / float64(c.Labelled)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

// String prints a cross-validation as a table.
func (r CVResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Role model, cross-validated leaving one %s out (%d folds, %d sentences).\n", r.By, r.Folds, r.Sentences)
	fmt.Fprintf(&b, "accuracy %.3f (%d of %d); the rules alone %.3f\n\n", r.Accuracy, r.Right, r.Sentences, float64(r.RuleRight)/math.Max(1, float64(r.Sentences)))
	fmt.Fprintf(&b, "%-14s %6s %9s %6s %10s %7s %5s\n", "role", "found", "labelled", "right", "precision", "recall", "F1")
	for _, c := range append(r.Classes, r.Warn) {
		fmt.Fprintf(&b, "%-14s %6d %9d %6d %10.2f %7.2f %5.2f\n", c.Role, c.Found, c.Labelled, c.Right, c.Precision, c.Recall, c.F1)
	}
	return b.String()
}
