package catalog_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

// The tables of docs/catalog.md between these lines are written from the
// built-in catalog; go test ./catalog -update rewrites them.
const (
	docBegin = "<!-- begin: written by go test ./catalog -update; do not edit by hand -->\n"
	docEnd   = "<!-- end: written by go test ./catalog -update -->\n"
)

func TestCatalogDocUpToDate(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	const path = "../docs/catalog.md"
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := strings.Cut(string(old), docBegin)
	_, after, ok2 := strings.Cut(rest, docEnd)
	if !ok1 || !ok2 {
		t.Fatalf("docs/catalog.md lacks the lines that mark its written part")
	}
	got := before + docBegin + catalogTables(cat) + docEnd + after
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != string(old) {
		t.Errorf("docs/catalog.md is out of date with catalog/data: run go test ./catalog -update")
	}
}

// short names a source as the catalog's tables do: "000" for a source text,
// "knead" for Knead's own.
func short(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if len(id) > 3 && id[3] == '_' {
			out[i] = id[:3]
		}
	}
	return strings.Join(out, ", ")
}

func catalogTables(cat *massage.Catalog) string {
	var b strings.Builder
	own := 0
	for _, t := range cat.Techniques {
		if t.Own() {
			own++
		}
	}
	fmt.Fprintf(&b, "## Techniques\n\n%d techniques, %d of them Knead's own. Mode: `self`, `partner` or `both`.\nPhases: where a plan may place it.\n\n", len(cat.Techniques), own)
	b.WriteString("| id | name | areas | mode | family | phases | source |\n|---|---|---|---|---|---|---|\n")
	for _, t := range cat.Techniques {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", t.ID, t.Name, strings.Join(t.Areas, ", "),
			t.Mode, t.Family, strings.Join(t.Phases, ", "), short(t.Sources))
	}
	b.WriteString("\n### Every place on the map\n\n")
	b.WriteString("Techniques naming each place itself, by mode: all of them, then how many may warm up, work and finish.\n")
	b.WriteString("`knead list --stats` prints the same counts and checks that each place and mode has four different\n")
	b.WriteString("techniques: a warm-up, two for the work and a finish.\n\n")
	b.WriteString("| place | self | partner |\n|---|---|---|\n")
	for _, a := range massage.Areas {
		if len(massage.Children(a.ID)) > 0 && a.ID != "feet" {
			continue
		}
		cell := func(mode string) string {
			var n, w, k, f int
			for _, t := range cat.Techniques {
				if !slices.Contains(t.Areas, a.ID) || !t.FitsMode(mode) {
					continue
				}
				n++
				if t.FitsPhase("warm-up") {
					w++
				}
				if t.FitsPhase("work") {
					k++
				}
				if t.FitsPhase("finish") {
					f++
				}
			}
			return fmt.Sprintf("%d (%d / %d / %d)", n, w, k, f)
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", a.ID, cell("self"), cell("partner"))
	}
	b.WriteString("\n## Preparations\n\n| id | kind | mode | after | areas | source |\n|---|---|---|---|---|---|\n")
	dash := func(s []string) string {
		if len(s) == 0 {
			return "—"
		}
		return strings.Join(s, ", ")
	}
	for _, p := range cat.Preparations {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", p.ID, p.Kind, p.Mode, dash(p.After), dash(p.Areas), short(p.Sources))
	}
	b.WriteString("\n## Cautions\n\nWhat each says, in short, as the players say it when it comes up again.\n\n")
	b.WriteString("| id | kind | in short | areas | places | source |\n|---|---|---|---|---|---|\n")
	for _, c := range cat.Cautions {
		kind := c.Kind
		if c.Condition != "" {
			kind += " (`" + c.Condition + "`)"
		}
		say := c.Short
		if say == "" {
			say = c.Say
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", c.ID, kind, say, dash(c.Areas), dash(c.Landmarks), short(c.Sources))
	}
	b.WriteString("\n")
	return b.String()
}
