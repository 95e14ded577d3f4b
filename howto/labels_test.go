package howto

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLabelFilesRead reads every label file under testdata without importing
// anything: each must decode strictly (ReadLabels), and each anchor of a text
// kept beside it must be found in that text, so a typo in a label cannot
// spoil a batch's first run. The web batches' texts are not in the repository;
// their labels are only decoded, and their anchors checked against the texts
// when KNEAD_WEB_TEXTS names a folder holding them (STEM.txt, any batch).
func TestLabelFilesRead(t *testing.T) {
	webTexts := os.Getenv("KNEAD_WEB_TEXTS")
	paths, err := filepath.Glob("testdata/*/*.labels.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob("testdata/labels/*/*.labels.yaml")
	paths = append(paths, seeds...)
	if len(paths) == 0 {
		t.Fatal("no label files found")
	}
	for _, lp := range paths {
		l, err := ReadLabels(lp)
		if err != nil {
			t.Error(err)
			continue
		}
		stem := strings.TrimSuffix(filepath.Base(lp), ".labels.yaml")
		var text string
		for _, cand := range textCandidates(lp, stem, webTexts) {
			if data, err := os.ReadFile(cand); err == nil {
				text = string(data)
				if strings.HasSuffix(cand, ".html") || strings.HasSuffix(cand, ".htm") {
					text = html.UnescapeString(text)
				}
				break
			}
		}
		if text == "" {
			continue
		}
		check := func(what, anchor string) {
			if !holds(text, anchor) {
				t.Errorf("%s: %s anchor %q is not in the text", lp, what, anchor)
			}
		}
		for _, s := range l.Steps {
			check("step", s.Anchor)
		}
		for _, w := range l.Warnings {
			check("warning", w.Anchor)
		}
		for _, c := range l.Claims {
			check("claim", c.Anchor)
		}
		for _, p := range l.Prep {
			if p.Anchor != "" {
				check("prep", p.Anchor)
			}
		}
	}
}

// textCandidates lists where the text of a label file may be: beside it
// with any text extension, or in the web texts folder.
func textCandidates(lp, stem, webTexts string) []string {
	var out []string
	for _, ext := range textExts {
		out = append(out, filepath.Join(filepath.Dir(lp), stem+ext))
	}
	if webTexts != "" && strings.HasPrefix(filepath.Base(filepath.Dir(lp)), "web") {
		out = append(out, filepath.Join(webTexts, stem+".txt"))
	}
	return out
}
