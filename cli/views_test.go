package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestShowJSONFields checks that every field scripts rely on is present in
// `knead show --json`, for every technique of the built-in catalog.
func TestShowJSONFields(t *testing.T) {
	top := []string{"id", "name", "areas", "mode", "family", "sources", "step_count",
		"summary", "position", "prep", "pressure", "seconds", "cautions", "claims", "steps"}
	step := []string{"say", "hands", "at", "motion", "direction", "turn", "pressure", "pressure_profile",
		"repeat", "seconds", "seconds_least", "seconds_most", "side", "title"}
	var list []map[string]any
	r := run(t, nil, "list", "--json")
	if err := json.Unmarshal([]byte(r.out), &list); err != nil || len(list) == 0 {
		t.Fatalf("list --json: %v\n%s", err, r.out)
	}
	for _, entry := range list {
		id := entry["id"].(string)
		r := run(t, nil, "show", id, "--json")
		var v map[string]any
		if err := json.Unmarshal([]byte(r.out), &v); err != nil {
			t.Fatalf("show %s --json: %v", id, err)
		}
		for _, k := range top {
			if _, ok := v[k]; !ok {
				t.Errorf("show %s --json lacks %q", id, k)
			}
		}
		for k, want := range entry {
			if got, _ := json.Marshal(v[k]); string(got) != mustJSON(want) {
				t.Errorf("show %s --json: %s is %s, list says %s", id, k, got, mustJSON(want))
			}
		}
		steps, _ := v["steps"].([]any)
		if len(steps) != int(entry["step_count"].(float64)) {
			t.Errorf("show %s --json: %d steps, step_count %v", id, len(steps), entry["step_count"])
		}
		for i, s := range steps {
			s := s.(map[string]any)
			for _, k := range step {
				if _, ok := s[k]; !ok {
					t.Errorf("show %s --json: step %d lacks %q", id, i+1, k)
				}
			}
			if s["pressure"] == "" {
				t.Errorf("show %s --json: step %d has no pressure level", id, i+1)
			}
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestGoldensOwnWords checks that no golden file shares a run of eight
// words with the source texts: the catalog is in Knead's own words, and
// so must be everything printed from it. Skipped when the texts are absent.
func TestGoldensOwnWords(t *testing.T) {
	seeds, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(seeds) == 0 {
		t.Skip("the source texts are not here")
	}
	word := regexp.MustCompile(`[a-z0-9']+`)
	words := func(s string) []string {
		return word.FindAllString(strings.ReplaceAll(strings.ToLower(s), "\u2019", "'"), -1)
	}
	const n = 8
	runs := map[string]string{}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w := words(string(b))
		for i := 0; i+n <= len(w); i++ {
			runs[strings.Join(w[i:i+n], " ")] = filepath.Base(p)
		}
	}
	goldens, _ := filepath.Glob("testdata/golden/*")
	sort.Strings(goldens)
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		w := words(string(b))
		for i := 0; i+n <= len(w); i++ {
			if src, ok := runs[strings.Join(w[i:i+n], " ")]; ok {
				t.Errorf("%s shares %q with %s", g, strings.Join(w[i:i+n], " "), src)
			}
		}
	}
}
