package howto

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
)

func TestRoleModelLoads(t *testing.T) {
	m := loadedModels()
	if strings.Join(m.role.classes, ",") != strings.Join(modelRoles, ",") {
		t.Fatalf("role model classes %v, want %v", m.role.classes, modelRoles)
	}
	if len(m.role.w) < 100 || len(m.warn.w) < 100 {
		t.Fatalf("role model has %d and %d features: too few", len(m.role.w), len(m.warn.w))
	}
}

// trainingExamples are the examples the shipped model is trained on.
func trainingExamples(t *testing.T) []RoleExample {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dirs := make([]string, len(TrainingBatches))
	for i, d := range TrainingBatches {
		dirs[i] = filepath.Join("..", d)
	}
	ex, err := RoleExamples(dirs, cat)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// TestRoleModelUpToDate checks, in seconds, that the embedded model was
// trained on the examples the labelled batches and the features give
// today, with today's settings: run `go generate ./howto` (then `go test
// ./howto -update`) after changing labels, features or settings.
func TestRoleModelUpToDate(t *testing.T) {
	ex := trainingExamples(t)
	want := fmt.Sprintf("%d sentences; examples and settings sha256 %s", len(ex), TrainingDigest(ex))
	if got := loadedModels().trainedOn; got != want {
		t.Fatalf("the embedded model was trained on %q; the batches now give %q: run go generate ./howto", got, want)
	}
}

// TestTrainingDeterministic: the same examples give the same file, on one
// core or several.
func TestTrainingDeterministic(t *testing.T) {
	ex, err := RoleExamples([]string{"testdata/heldout4", "testdata/heldout5"}, builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := WriteRoleModel(&a, ex); err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	if err := WriteRoleModel(&b, ex); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatalf("trained twice on %d sentences, the files differ", len(ex))
	}
}

// TestRoleModelReproducible trains the model again from the labelled
// batches and checks that it is the embedded one. It takes minutes, so it
// runs only with KNEAD_RETRAIN=1: after changing the trainer itself
// (TestRoleModelUpToDate covers labels, features and settings).
func TestRoleModelReproducible(t *testing.T) {
	if os.Getenv("KNEAD_RETRAIN") == "" {
		t.Skip("trains the model for minutes: KNEAD_RETRAIN=1 go test ./howto -run TestRoleModelReproducible")
	}
	ex := trainingExamples(t)
	var b bytes.Buffer
	if err := WriteRoleModel(&b, ex); err != nil {
		t.Fatal(err)
	}
	got, err := readModels(&b)
	if err != nil {
		t.Fatal(err)
	}
	want := loadedModels()
	for _, pair := range [][2]*logit{{got.role, want.role}, {got.warn, want.warn}} {
		g, w := pair[0], pair[1]
		for k := range g.bias {
			if math.Abs(g.bias[k]-w.bias[k]) > 0.002 {
				t.Fatalf("bias of class %s: retrained %.3f, embedded %.3f: run go generate ./howto", g.classes[k], g.bias[k], w.bias[k])
			}
		}
		if len(g.w) != len(w.w) {
			t.Fatalf("retrained model has %d features, the embedded one %d: run go generate ./howto", len(g.w), len(w.w))
		}
		for f, ws := range g.w {
			for k := range ws {
				if math.Abs(ws[k]-w.w[f][k]) > 0.002 {
					t.Fatalf("feature %s class %s: retrained %.3f, embedded %.3f: run go generate ./howto", f, g.classes[k], ws[k], w.w[f][k])
				}
			}
		}
	}
}

// TestModelRoles: moves behind verbs no list holds, first-person moves,
// cautions with no warning verb, negations that warn of nothing, tips.
func TestModelRoles(t *testing.T) {
	src := `# Calf rub

1. Scoop the flesh of the calf from the ankle to the knee with alternate hands.
2. Do the milking motion up the back of the calf, six times.
3. Locate a knot in the calf and press into it with your thumb for ten seconds.
4. The first thing I do is wrap my hand round the ankle and slide it up to the knee.
5. Stroke the shin with your palms, being careful not to press on the bone.

Tip: don't be afraid to use a little more oil on a hairy leg.

Don't neglect the back of the knee, but keep pressure away from the hollow behind it.

Work the calf only as far as is comfortable. If it hurts, stop.
`
	res, err := Import([]byte(src), Options{Name: "calf.md"})
	if err != nil {
		t.Fatal(err)
	}
	steps := []string{"Scoop the flesh", "Do the milking motion", "Locate a knot", "The first thing I do", "Stroke the shin"}
	if len(res.Steps) < len(steps) {
		t.Fatalf("got %d steps, want %d or more", len(res.Steps), len(steps))
	}
	for i, want := range steps {
		if !strings.HasPrefix(res.Steps[i].Text, want) {
			t.Errorf("step %d = %q, want it to start with %q", i+1, res.Steps[i].Text, want)
		}
	}
	warned := func(part string) bool {
		for _, w := range res.Warnings {
			if strings.Contains(w.Text, part) {
				return true
			}
		}
		return false
	}
	for _, w := range []string{"being careful not to", "keep pressure away", "as far as is comfortable", "If it hurts, stop"} {
		if !warned(w) {
			t.Errorf("no warning holds %q; warnings: %+v", w, res.Warnings)
		}
	}
	if warned("afraid") {
		t.Errorf("\"don't be afraid to\" taken as a warning")
	}
	for _, s := range res.Sentences {
		if strings.HasPrefix(s.Text, "Tip:") && s.Step != 0 {
			t.Errorf("the tip is in step %d", s.Step)
		}
		if s.Role != RoleNoise && s.Role != RoleDescription && s.Model == "" {
			t.Errorf("%q has no model role", s.Text)
		}
	}
}

// TestRoleModelReadsBack: the model that plays is the model as trained.
// The shipped file, read and written again, is the same file; a model
// trained here, written and read, has the same intercept and weights and
// gives every sentence the same probabilities.
func TestRoleModelReadsBack(t *testing.T) {
	var again bytes.Buffer
	if err := writeModels(&again, loadedModels()); err != nil {
		t.Fatal(err)
	}
	if again.String() != rolesModelData {
		t.Fatalf("the shipped model, read and written again, differs from lexicon/roles.model (%d bytes, was %d)", again.Len(), len(rolesModelData))
	}
	ex, err := RoleExamples([]string{"testdata/heldout4"}, builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	trained := TrainRoles(ex)
	var b bytes.Buffer
	if err := writeModels(&b, trained); err != nil {
		t.Fatal(err)
	}
	read, err := readModels(&b)
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]*logit{{trained.role, read.role}, {trained.warn, read.warn}} {
		tr, rd := pair[0], pair[1]
		for k := range tr.bias {
			if math.Abs(tr.bias[k]-rd.bias[k]) > 0.0005 {
				t.Errorf("bias of class %s: trained %.4f, read %.4f", tr.classes[k], tr.bias[k], rd.bias[k])
			}
		}
		for _, e := range ex {
			p, q := tr.predict(e.feats), rd.predict(e.feats)
			for k := range p {
				if math.Abs(p[k]-q[k]) > 0.01 {
					t.Fatalf("%q, class %s: trained %.3f, read %.3f", e.Text, tr.classes[k], p[k], q[k])
				}
			}
		}
	}
	for _, bad := range []struct{ data, line string }{
		{"model role a b\nx 1 2\nbias 1 2\nmodel warn no warns\n", "line 3"},
		{"model role a b\nbias 1 2\nbias 1 2\nmodel warn no warns\n", "line 3"},
		{"model role a b\nbias 1 2\nx 1 2\ny 1 2\nx 1 2\nmodel warn no warns\n", "line 5"},
	} {
		if _, err := readModels(strings.NewReader(bad.data)); err == nil || !strings.Contains(err.Error(), bad.line+":") {
			t.Errorf("%q: error %v, want one on %s", bad.data, err, bad.line)
		}
	}
}

func FuzzReadRoleModel(f *testing.F) {
	f.Add(rolesModelData[:2000])
	f.Add("model role a b\nbias 1 2\nx 0.5 -0.5\nmodel warn no warns\n   \ny NaN 1\n")
	f.Add("x 1 2\n")
	f.Fuzz(func(t *testing.T, data string) {
		m, err := readModels(strings.NewReader(data))
		if err == nil {
			p := m.role.predict([]string{"bias", "x"})
			for _, v := range p {
				if math.IsNaN(v) {
					t.Fatalf("NaN probability from %q", data)
				}
			}
		}
	})
}

// TestPipelineCV imports each batch with a model trained without it: a
// fold's model never holds the sentences of the batch it scores.
func TestPipelineCV(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the model twice")
	}
	cat := builtin(t)
	bs := []CVBatch{{Name: "heldout4", Dir: "testdata/heldout4", Train: true}, {Name: "heldout5", Dir: "testdata/heldout5", Train: true}}
	scores, err := PipelineCV(bs, cat)
	if err != nil {
		t.Fatal(err)
	}
	ex4, err := RoleExamples([]string{"testdata/heldout4"}, cat)
	if err != nil {
		t.Fatal(err)
	}
	ex5, err := RoleExamples([]string{"testdata/heldout5"}, cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 2 || scores[0].Trained != len(ex5) || scores[1].Trained != len(ex4) {
		t.Fatalf("folds trained on %+v; want heldout4's on heldout5's %d sentences and the other way round (%d)", scores, len(ex5), len(ex4))
	}
	for _, s := range scores {
		if s.Texts == 0 || s.Steps.Labelled == 0 || s.Steps.F1 <= 0 || s.Steps.F1 > 1 {
			t.Errorf("%s: %d texts, steps %+v", s.Name, s.Texts, s.Steps)
		}
	}
	if tab := PipelineTable(scores); !strings.Contains(tab, "heldout5") || !strings.Contains(tab, "mean") {
		t.Errorf("table:\n%s", tab)
	}
	// -cv split: heldout4 only trains the model that scores heldout5
	split, err := PipelineCV([]CVBatch{{Name: "heldout4", Dir: "testdata/heldout4", TrainOnly: true}, {Name: "heldout5", Dir: "testdata/heldout5"}}, cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(split) != 1 || split[0].Name != "heldout5" || split[0].Trained != len(ex4) {
		t.Fatalf("split scored %+v; want heldout5 alone, with a model of heldout4's %d sentences", split, len(ex4))
	}
}

// TestShapeOfPlans: a contracted subject ("I'll", "we'd") and a plan
// ("like to") come before the main verb, whose subject is the author.
func TestShapeOfPlans(t *testing.T) {
	tests := []struct{ in, person, word string }{
		{"I'll start by laying both hands flat on your lower back.", "i", "start"},
		{"I'd like to finish with a bit of tapping all over the back.", "i", "finish"},
		{"We'll stroke the calves up to the knee.", "i", "stroke"},
		{"You'd press the arch with your thumbs.", "you", "press"},
	}
	for _, tt := range tests {
		sh := readShape(tokenize(tt.in))
		if sh.person != tt.person || sh.word != tt.word {
			t.Errorf("%s: person %q, verb %q; want %q, %q", tt.in, sh.person, sh.word, tt.person, tt.word)
		}
	}
}

// TestStatementsAreNoMoves: the role model never leads on a statement
// about a move or the body, however sure it is.
func TestStatementsAreNoMoves(t *testing.T) {
	tests := []struct {
		in             string
		says, definite bool
	}{
		{"Slow kneading with fingers and thumbs is helpful on tight calves.", true, false},
		{"Pressing with a loose fist is a fine way to work the arch.", true, false},
		{"The trapezius runs from the base of the skull out to the shoulder.", false, true},
		{"I'll start by laying both hands flat on your lower back.", false, false},
		{"Flat fingers clockwise round her belly button.", false, false},
	}
	for _, tt := range tests {
		s := &sentence{text: tt.in}
		analyze(s)
		if s.says() != tt.says || s.opensDefinite() != tt.definite {
			t.Errorf("%s: says %v, opens definite %v; want %v, %v", tt.in, s.says(), s.opensDefinite(), tt.says, tt.definite)
		}
	}
}
