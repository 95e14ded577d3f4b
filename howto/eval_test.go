package howto

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The importer's quality on the labelled corpus, on the held-out texts
// and on the seed texts when they are there. The floors are the aim
// (0.9 for steps and warnings) and a little under what the importer
// reaches for the rest, so a change that makes it read worse fails here.
func TestEvaluate(t *testing.T) {
	cat := builtin(t)
	floors := map[string]float64{"steps": 0.9, "warnings": 0.9, "areas": 0.85, "repetitions": 0.85, "durations": 0.85, "preparation": 0.85, "claims": 0.85}
	check := func(t *testing.T, ev *Evaluation) {
		for _, s := range ev.Total {
			if s.Precision < floors[s.Field] || s.Recall < floors[s.Field] {
				t.Errorf("%s: precision %.2f, recall %.2f; want both at least %.2f", s.Field, s.Precision, s.Recall, floors[s.Field])
			}
		}
		if ev.ModeRight < ev.ModeTotal*9/10 {
			t.Errorf("mode right for %d of %d texts", ev.ModeRight, ev.ModeTotal)
		}
		for _, ts := range ev.Texts {
			for _, m := range ts.Missed {
				t.Logf("%s: missed %s", ts.File, m)
			}
			for _, x := range ts.Extra {
				t.Logf("%s: extra %s", ts.File, x)
			}
		}
	}
	t.Run("corpus", func(t *testing.T) {
		ev, err := Evaluate("testdata/corpus", "", cat)
		if err != nil {
			t.Fatal(err)
		}
		if len(ev.Texts) < 12 || len(ev.Unlabeled) != 0 {
			t.Fatalf("%d labelled texts, unlabelled %v; want at least 12 and none", len(ev.Texts), ev.Unlabeled)
		}
		check(t, ev)
	})
	// The held-out texts were written and labelled before the rules saw
	// them (docs/import.md gives their first-run scores); they stay here so
	// a rule tuned for one text that breaks another shows. heldout2 is the
	// third batch (a magazine feature, a checklist of fragments, a Q&A, a
	// caption transcript, a carer's note, a sports handout, baby massage,
	// mixed units, numbered items of two moves, an HTML table of steps).
	for _, dir := range []string{"heldout", "heldout2"} {
		t.Run(dir, func(t *testing.T) {
			ev, err := Evaluate(filepath.Join("testdata", dir), "", cat)
			if err != nil {
				t.Fatal(err)
			}
			if len(ev.Texts) < 8 || len(ev.Unlabeled) != 0 {
				t.Fatalf("%d labelled texts, unlabelled %v; want at least 8 and none", len(ev.Texts), ev.Unlabeled)
			}
			check(t, ev)
		})
	}
	// The fresh batches of issue 13, after their first runs (docs/import.md):
	// kept as a regression set with floors a little under what the
	// importer now reaches on them, since they are not all met yet.
	fresh := map[string]float64{"steps": 0.85, "warnings": 0.9, "areas": 0.7, "mode": 0.9}
	for _, dir := range []string{"heldout3", "heldout4", "heldout5"} {
		t.Run(dir, func(t *testing.T) {
			ev, err := Evaluate(filepath.Join("testdata", dir), "", cat)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range ev.Total {
				if f, ok := fresh[s.Field]; ok && (s.Precision < f || s.Recall < f) {
					t.Errorf("%s: precision %.2f, recall %.2f; want both at least %.2f", s.Field, s.Precision, s.Recall, f)
				}
			}
			if float64(ev.ModeRight) < fresh["mode"]*float64(ev.ModeTotal) {
				t.Errorf("mode right for %d of %d texts", ev.ModeRight, ev.ModeTotal)
			}
		})
	}
	t.Run("seeds", func(t *testing.T) {
		if _, err := os.Stat(seedDir); err != nil {
			t.Skip("no ../shared/seeds here")
		}
		ev, err := Evaluate(seedDir, "testdata/labels/seeds", cat)
		if err != nil {
			t.Fatal(err)
		}
		if len(ev.Texts) != 4 {
			t.Fatalf("scored %d seed texts, want 4", len(ev.Texts))
		}
		check(t, ev)
	})
}

func TestScoreText(t *testing.T) {
	res, err := Import([]byte("Rub the neck in small circles 4 times. Knead the shoulders for 30 seconds. Never press on the spine. "+
		"A shoulder rub eases stress. It also improves circulation."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := &Labels{
		Steps: []LabelStep{
			{Anchor: "Rub the neck", Area: AreaList{"neck"}, Repeat: LabelSpan{Least: 4, Most: 4, Set: true}},
			{Anchor: "Knead the shoulders", Area: AreaList{"back"}, Seconds: LabelSpan{Least: 30, Most: 30, Set: true}},
			{Anchor: "Tap the scalp"},
		},
		Warnings: []LabelAnchor{{Anchor: "press on the spine"}},
		Prep:     []LabelPrep{{Kind: "oil"}},
		Claims:   []LabelAnchor{{Anchor: "eases stress"}},
	}
	ts := scoreText(res, l)
	got := map[string][3]int{}
	for _, s := range ts.Scores {
		got[s.Field] = [3]int{s.Found, s.Labelled, s.Right}
	}
	want := map[string][3]int{
		"steps": {2, 3, 2}, "areas": {2, 2, 1}, "repetitions": {1, 1, 1}, "durations": {1, 1, 1},
		"warnings": {1, 1, 1}, "preparation": {0, 1, 0}, "claims": {2, 1, 1},
	}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("%s: found, labelled, right = %v, want %v", f, got[f], w)
		}
	}
	// A paired step on another area is listed with both areas.
	if strings.Join(ts.Missed, "|") != "step: Tap the scalp|area: Knead the shoulders (labelled back, found shoulders)|preparation: oil" {
		t.Errorf("missed %q", ts.Missed)
	}
	if len(ts.Extra) != 1 || !strings.HasPrefix(ts.Extra[0], "claim (line 1): It also improves") {
		t.Errorf("extra %q, want the unlabelled claim", ts.Extra)
	}
}

func TestReadLabels(t *testing.T) {
	tests := []struct{ body, err string }{
		{"mode: self\nsteps:\n  - {anchor: rub the neck, area: neck, repeat: 4-5, seconds: 30}\n", ""},
		{"steps:\n  - {anchor: one two three four five six seven eight}\n", "keep anchors under 8 words"},
		{"steps:\n  - {anchor: rub, area: elbows}\n", `unknown area "elbows"`},
		{"steps:\n  - {anchor: rub, repeat: 5-4}\n", "expected a number or a range"},
		{"prep:\n  - {kind: lotion}\n", `unknown kind "lotion"`},
		{"mode: solo\n", `mode "solo"`},
		{"stepz: []\n", "unknown field"},
		{"steps:\n  - {anchor: \"\"}\n", "anchor is empty"},
		{"claims:\n  - {anchor: eases stress}\n", ""},
		{"claims:\n  - {anchor: one two three four five six seven eight}\n", "claim 1"},
		{"claims: [{text: x}]\n", "unknown field"},
		{"steps:\n  - {anchor: (b) repeat on the other side}\n", "opens with a list marker"},
		{"steps:\n  - {anchor: 2. Knead the calf}\n", "opens with a list marker"},
		{"steps:\n  - {anchor: 10 slow strokes up}\n", ""},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		p := filepath.Join(dir, "x.labels.yaml")
		if err := os.WriteFile(p, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadLabels(p)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%d: unexpected error %v", i, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), p)):
			t.Errorf("%d: error %v, want one naming the file and saying %q", i, err, tt.err)
		}
	}
}
