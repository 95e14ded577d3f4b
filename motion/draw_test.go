package motion

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden drawings in testdata/golden")

// The drawings a person looked at and understood; any change to them shows
// up here, to be looked at again (render with ../shared/tools/shoot) and
// then accepted with -update.
var goldens = []struct {
	id   string
	step int
}{
	{"scalp-petrissage", 0},
	{"scalp-petrissage", 3},
	{"back-fan-stroke", 0},
	{"back-circling-hands", 0},
	{"back-raking", 0},
	{"knead-stomach", 0},
	{"toe-rotation", 0},
	{"foot-fist-press", 0},
	{"scalp-chopping", 0},
	{"kneading-method", 3},       // one step on three charts: small pictures
	{"foot-knuckle-kneading", 0}, // the holding hand on the other face: an inset
	{"deep-stroking-scalp", 0},   // a profile: the far hand in a note
	{"knead-neck-shoulders", 0},  // crowded names
	{"glutes-palm-press", 0},     // presses an inch apart: numbers thinned, clear of the tags
	{"upper-back-ball-wall", 0},  // a ball, not a hand
	{"upper-back-cupping", 0},    // percussion beside the spine, one side at a time
	{"scalp-fingertip-rain", 0},  // a hand on each side of the head
}

func TestGoldenDrawings(t *testing.T) {
	for _, g := range goldens {
		name := g.id
		if g.step > 0 {
			name = fmt.Sprintf("%s-step%d", g.id, g.step)
		}
		var b bytes.Buffer
		if err := DrawSVG(&b, technique(t, g.id), g.step); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "golden", name+".svg")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./motion -run TestGoldenDrawings -update)", err)
		}
		if !bytes.Equal(want, b.Bytes()) {
			t.Errorf("%s differs from %s: look at the new drawing, then accept it with -update", name, path)
		}
	}
}

// Every technique draws: a well-formed SVG of modest size, with a start tag
// for each working hand, arrowheads, and the keep-off band on the back.
func TestDrawEveryTechnique(t *testing.T) {
	for _, x := range builtin(t).Techniques {
		var b bytes.Buffer
		if err := DrawSVG(&b, x, 0); err != nil {
			t.Errorf("%s: %v", x.ID, err)
			continue
		}
		s := b.String()
		if err := wellFormed(s); err != nil {
			t.Errorf("%s: %v", x.ID, err)
		}
		if b.Len() > 40_000*len(x.Steps)+20_000 {
			t.Errorf("%s: %d bytes for %d steps; keep drawings small", x.ID, b.Len(), len(x.Steps))
		}
		if !strings.Contains(s, `class="kn-head"`) && !strings.Contains(s, `class="kn-dot"`) {
			t.Errorf("%s: no arrowheads or dots", x.ID)
		}
		for i := range x.Steps {
			p, err := CompileStep(x, i+1, Options{draw: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range p.Hands {
				if h.Role != "hold" && len(h.Passes) > 0 && !drawnHand(p, h.Hand) {
					t.Errorf("%s#%d: the %s hand works but is not drawn", x.ID, i+1, h.Hand)
				}
			}
			if p.View == "back" && !strings.Contains(s, "kn-keep") {
				t.Errorf("%s: the back without the keep-off band", x.ID)
			}
		}
	}
}

// drawnHand reports whether the drawing shows a hand's work (or says that
// the hand mirrors the other on the far side, or takes its turn after a swap).
func drawnHand(p StepPath, id string) bool {
	for _, m := range p.marks {
		if m.hand == id && m.kind != mkHold {
			return true
		}
	}
	for _, n := range p.Notes {
		if strings.Contains(n, "far side") || strings.Contains(n, "swap hands") || strings.Contains(n, "take turns") || strings.Contains(n, "stacked") {
			return true
		}
	}
	return false
}

func TestDrawErrors(t *testing.T) {
	x := technique(t, "back-raking")
	for _, n := range []int{-1, 3} {
		if err := DrawSVG(&bytes.Buffer{}, x, n); err == nil || !strings.Contains(err.Error(), "no step") {
			t.Errorf("step %d: %v", n, err)
		}
	}
	if err := DrawSVG(&bytes.Buffer{}, nil, 0); err == nil {
		t.Error("nil technique: no error")
	}
}

// svgWords reads a drawing's words (place names, what a hand holds) and its
// start tags as boxes in the drawing's own units, panel by panel, with the
// same width estimate the layout uses.
type svgWord struct {
	text string
	b    box
}

func svgWords(t *testing.T, s string) (words, tags [][]svgWord) {
	words, tags, _ = svgMarks(t, s)
	return words, tags
}

// svgMarks reads a drawing's words and start tags as svgWords does, and its
// numbers (a spot's or a pass's order, "×N") as boxes with their text.
func svgMarks(t *testing.T, s string) (words, tags, nums [][]svgWord) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	type frameT struct {
		dx, dy float64
		scaled bool
	}
	stack := []frameT{{}}
	panel := -1
	depth, panelDepth := 0, -1
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	num := func(v string) float64 {
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			top := stack[len(stack)-1]
			f := top
			if tr := attr(e, "transform"); tr != "" {
				if strings.Contains(tr, "scale") {
					f.scaled = true
				} else if strings.HasPrefix(tr, "translate(") {
					xy := strings.Split(strings.TrimSuffix(strings.TrimPrefix(tr, "translate("), ")"), ",")
					f.dx += num(xy[0])
					f.dy += num(xy[1])
					if depth == 2 && attr(e, "class") == "" {
						// a step's panel
						panel++
						panelDepth = depth
						words = append(words, nil)
						tags = append(tags, nil)
						nums = append(nums, nil)
					}
				}
			}
			stack = append(stack, f)
			if f.scaled || panel < 0 {
				continue
			}
			class := attr(e, "class")
			switch {
			case e.Name.Local == "text" && (class == "kn-name" || strings.HasPrefix(class, "kn-holdtext")):
				var body string
				if err := d.DecodeElement(&body, &e); err != nil {
					t.Fatal(err)
				}
				stack = stack[:len(stack)-1]
				depth--
				x, y := num(attr(e, "x"))+f.dx, num(attr(e, "y"))+f.dy
				w := textWidth(body, sizeName, class != "kn-name")
				if attr(e, "text-anchor") == "middle" {
					x -= w / 2
				}
				words[panel] = append(words[panel], svgWord{body, box{x, y - 0.8*sizeName, x + w, y + 0.2*sizeName}})
			case e.Name.Local == "circle" && class == "kn-dot" && attr(e, "r") == "19":
				x, y := num(attr(e, "cx"))+f.dx, num(attr(e, "cy"))+f.dy
				tags[panel] = append(tags[panel], svgWord{"tag", boxAt(Point{x, y}, 38, 38)})
			case e.Name.Local == "circle" && class == "kn-num":
				x, y, r := num(attr(e, "cx"))+f.dx, num(attr(e, "cy"))+f.dy, num(attr(e, "r"))
				nums[panel] = append(nums[panel], svgWord{"", boxAt(Point{x, y}, 2*r, 2*r)})
			case e.Name.Local == "rect" && class == "kn-num":
				x, y := num(attr(e, "x"))+f.dx, num(attr(e, "y"))+f.dy
				nums[panel] = append(nums[panel], svgWord{"", box{x, y, x + num(attr(e, "width")), y + num(attr(e, "height"))}})
			case e.Name.Local == "text" && class == "kn-numtext" && len(nums[panel]) > 0:
				var body string
				if err := d.DecodeElement(&body, &e); err != nil {
					t.Fatal(err)
				}
				stack = stack[:len(stack)-1]
				depth--
				nums[panel][len(nums[panel])-1].text = body
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if depth == panelDepth {
				panelDepth = -1
			}
			depth--
		}
	}
	return words, tags, nums
}

// No word of a drawing covers another word or a hand's start tag, in any
// drawing of the catalog.
func TestDrawingWordsDoNotOverlap(t *testing.T) {
	for _, x := range builtin(t).Techniques {
		var b bytes.Buffer
		if err := DrawSVG(&b, x, 0); err != nil {
			t.Fatal(err)
		}
		words, tags := svgWords(t, b.String())
		if len(words) != len(x.Steps) {
			t.Fatalf("%s: read %d panels, want %d", x.ID, len(words), len(x.Steps))
		}
		for p := range words {
			for i, a := range words[p] {
				for _, c := range words[p][i+1:] {
					if a.b.overlap(c.b) > 4 {
						t.Errorf("%s#%d: %q covers %q", x.ID, p+1, a.text, c.text)
					}
				}
				for _, c := range tags[p] {
					if a.b.overlap(c.b) > 4 {
						t.Errorf("%s#%d: %q covers a start tag", x.ID, p+1, a.text)
					}
				}
			}
		}
	}
}

// Every word of a drawing is at least 11 px on a handout, where a drawing
// is shown at half its units.
func TestDrawingTextIsLegible(t *testing.T) {
	sizes := regexp.MustCompile(`font-size:\s*([0-9.]+)px`)
	var b bytes.Buffer
	for _, x := range builtin(t).Techniques {
		if err := DrawSVG(&b, x, 0); err != nil {
			t.Fatal(err)
		}
	}
	b.WriteString(Style)
	for _, m := range sizes.FindAllStringSubmatch(b.String(), -1) {
		if v, _ := strconv.ParseFloat(m[1], 64); v < 22 {
			t.Errorf("font-size %vpx: below 11 px at handout size", v)
		}
	}
}

// A step whose places are on several charts shows each in a picture of its
// own, captioned, and no longer says they are not drawn.
func TestDrawStepOnSeveralCharts(t *testing.T) {
	var b bytes.Buffer
	if err := DrawSVG(&b, technique(t, "kneading-method"), 3); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if n := strings.Count(s, `-c"><rect`); n != 3 {
		t.Errorf("%d pictures, want 3 (jaw, palm, sole)", n)
	}
	for _, c := range []string{">jaw line<", ">palm<", ">sole<"} {
		if !strings.Contains(s, c) {
			t.Errorf("no caption %s", c)
		}
	}
	if strings.Contains(s, "not drawn here") {
		t.Error("the drawing still says places are not drawn")
	}
}

// A step on a chart with panels shows its own panel only; a hand holding
// the other face is shown in a small picture of that face, and the step
// zooms in as far as one without such a hand would.
func TestDrawPanelAndHoldElsewhere(t *testing.T) {
	tests := []struct {
		id    string
		step  int
		inset bool
		zoom  float64 // least scale of the chart in the cell
	}{
		{"toe-rotation", 1, false, 1.5},
		{"foot-knuckle-kneading", 1, true, 0.9},
		{"foot-fist-press", 1, true, 0.9},
		{"foot-fist-press", 2, true, 0.9},
		{"foot-warm-up", 2, true, 1.3},
		{"foot-tendon-strokes", 1, true, 1.3},
	}
	for _, tc := range tests {
		x := technique(t, tc.id)
		p, err := CompileStep(x, tc.step, Options{draw: true})
		if err != nil {
			t.Fatal(err)
		}
		s := &x.Steps[tc.step-1]
		full, zoomed, ok := region(&p, s, 1/1.8)
		v := viewByID[p.View]
		x0, x1 := panelRange(v, p.Panel)
		if full.x0 < x0-1e-9 || full.x1 > x1+1e-9 {
			t.Errorf("%s#%d: shows x %.2f–%.2f, beyond its panel %.2f–%.2f", tc.id, tc.step, full.x0, full.x1, x0, x1)
		}
		content := box{0, 48, 1000, 1000}
		f := fitFrame(full, content)
		if fz := fitFrame(zoomed, content); ok && fz.z >= 1.2*f.z {
			f = fz
		}
		if f.z < tc.zoom {
			t.Errorf("%s#%d: chart at %.2f×, want at least %.2f×", tc.id, tc.step, f.z, tc.zoom)
		}
		var b bytes.Buffer
		if err := DrawSVG(&b, x, tc.step); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), `class="kn-inset"`); got != tc.inset {
			t.Errorf("%s#%d: inset %v, want %v", tc.id, tc.step, got, tc.inset)
		}
		if tc.inset && !strings.Contains(b.String(), ">holds<") {
			t.Errorf("%s#%d: the holding hand is not named", tc.id, tc.step)
		}
	}
}

// No number of a drawing (a spot's or a pass's order, "×N") covers another
// number or a start tag, in any drawing of the catalog; where spots crowd
// (presses an inch apart) some numbers are left out, but never a run's
// first or last.
func TestDrawingNumbersDoNotOverlap(t *testing.T) {
	for _, x := range builtin(t).Techniques {
		var b bytes.Buffer
		if err := DrawSVG(&b, x, 0); err != nil {
			t.Fatal(err)
		}
		_, tags, nums := svgMarks(t, b.String())
		for p := range nums {
			for i, a := range nums[p] {
				for _, c := range nums[p][i+1:] {
					if a.b.overlap(c.b) > 4 {
						t.Errorf("%s#%d: number %q covers number %q", x.ID, p+1, a.text, c.text)
					}
				}
				for _, c := range tags[p] {
					if a.b.overlap(c.b) > 4 {
						t.Errorf("%s#%d: number %q covers a start tag", x.ID, p+1, a.text)
					}
				}
			}
			if x.Steps[p].Motion != "press-climb" {
				continue
			}
			// the presses: each hand's run shows its first and its last number
			sp, err := CompileStep(x, p+1, Options{draw: true})
			if err != nil {
				t.Fatal(err)
			}
			last := 0
			for _, m := range sp.marks {
				if m.kind == mkNum && m.hand != "pass" {
					n, _ := strconv.Atoi(m.text)
					last = max(last, n)
				}
			}
			shown := map[string]bool{}
			for _, n := range nums[p] {
				shown[n.text] = true
			}
			if last > 1 && (!shown["1"] || !shown[strconv.Itoa(last)]) {
				t.Errorf("%s#%d: shows numbers %v; want 1 and %d among them", x.ID, p+1, shown, last)
			}
		}
	}
}

// A step worked through a tool (a ball against the wall) names the tool,
// not a hand, in the legend, the summary and the start tag; the hand the
// tool stands for is not in the legend.
func TestDrawToolNamed(t *testing.T) {
	var b bytes.Buffer
	if err := DrawSVG(&b, technique(t, "upper-back-ball-wall"), 0); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{`<text class="kn-key" x="72" y="0">ball</text>`, "Small circles · ball ·", ">B</text>"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in the drawing", want)
		}
	}
	for _, bad := range []string{"right hand", "left hand", ">R</text>"} {
		if strings.Contains(s, bad) {
			t.Errorf("the drawing of a ball says %q", bad)
		}
	}
	// hands stay hands
	b.Reset()
	if err := DrawSVG(&b, technique(t, "back-raking"), 0); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); !strings.Contains(s, ">left hand<") || !strings.Contains(s, ">right hand<") || strings.Contains(s, ">ball<") {
		t.Error("a drawing of hands lost its hands in the legend")
	}
}

// A side's passes done one after the other, then the other side's, are
// numbered by side, 1 and 2, with "×N" for the passes on each: not 1 and 4.
func TestDrawPassesBySide(t *testing.T) {
	for _, tc := range []struct {
		id   string
		step int
		want string
	}{
		{"deep-stroking-back", 2, "1 2 ×3"},
		{"neck-side-stretch", 1, "1 2 ×3"},
		{"upper-back-cupping", 1, "1 2 ×2"},
	} {
		var b bytes.Buffer
		if err := DrawSVG(&b, technique(t, tc.id), tc.step); err != nil {
			t.Fatal(err)
		}
		_, _, nums := svgMarks(t, b.String())
		var got []string
		for _, n := range nums[0] {
			got = append(got, n.text)
		}
		slices.Sort(got)
		want := strings.Fields(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s#%d: numbers %v, want %v", tc.id, tc.step, got, want)
		}
	}
}
