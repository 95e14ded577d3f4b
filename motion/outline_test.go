package motion

import (
	"encoding/xml"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// outlineNode is any element of an SVG fragment, with its attributes and
// children, for tests that look inside a drawing.
type outlineNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr    `xml:",any,attr"`
	Nodes   []outlineNode `xml:",any"`
	Text    string        `xml:",chardata"`
}

func (n outlineNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// walk calls f on n and every element inside it.
func (n outlineNode) walk(f func(outlineNode)) {
	f(n)
	for _, c := range n.Nodes {
		c.walk(f)
	}
}

// outlineShapes lists "element class d" of every drawn shape under n, sorted.
func outlineShapes(n outlineNode) []string {
	var out []string
	n.walk(func(c outlineNode) {
		switch c.XMLName.Local {
		case "path", "rect":
			out = append(out, c.XMLName.Local+" "+c.attr("class")+" "+c.attr("d")+c.attr("x")+c.attr("width"))
		}
	})
	sort.Strings(out)
	return out
}

// The outline of every chart is one kn-chart group naming its view, with
// the same shapes ChartSVG draws and no text at all.
func TestChartOutline(t *testing.T) {
	for _, v := range Views() {
		out, err := ChartOutline(v.ID)
		if err != nil {
			t.Fatalf("%s: %v", v.ID, err)
		}
		var g outlineNode
		if err := xml.Unmarshal([]byte(out), &g); err != nil {
			t.Fatalf("%s: not well-formed: %v", v.ID, err)
		}
		if g.XMLName.Local != "g" || g.attr("class") != "kn-chart" || g.attr("data-view") != v.ID {
			t.Errorf("%s: root is <%s class=%q data-view=%q>, want <g class=\"kn-chart\" data-view=%q>",
				v.ID, g.XMLName.Local, g.attr("class"), g.attr("data-view"), v.ID)
		}
		bodies := 0
		g.walk(func(n outlineNode) {
			switch n.XMLName.Local {
			case "text", "tspan", "title", "style":
				t.Errorf("%s: the outline holds a <%s> (%q)", v.ID, n.XMLName.Local, n.Text)
			case "path", "rect":
				if !strings.HasPrefix(n.attr("class"), "kn-") {
					t.Errorf("%s: a <%s> with class %q, want a kn- class", v.ID, n.XMLName.Local, n.attr("class"))
				}
				if n.attr("class") == "kn-body" {
					bodies++
				}
			}
		})
		if bodies == 0 {
			t.Errorf("%s: no kn-body shape", v.ID)
		}

		// The same shapes as the chart ChartSVG draws.
		full, err := ChartSVG(v.ID)
		if err != nil {
			t.Fatal(err)
		}
		var svg outlineNode
		if err := xml.Unmarshal([]byte(full), &svg); err != nil {
			t.Fatal(err)
		}
		var chart *outlineNode
		svg.walk(func(n outlineNode) {
			if n.attr("class") == "kn-chart" && chart == nil {
				chart = &n
			}
		})
		if chart == nil {
			t.Fatalf("%s: ChartSVG has no kn-chart group", v.ID)
		}
		if d := cmp.Diff(outlineShapes(*chart), outlineShapes(g)); d != "" {
			t.Errorf("%s: the outline's shapes differ from ChartSVG's (-ChartSVG +outline):\n%s", v.ID, d)
		}
	}
}

// The back keeps its spine line and the band beside it that no hand enters.
func TestChartOutlineBackKeepsTheSpine(t *testing.T) {
	out, err := ChartOutline("back")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`class="kn-spine"`, `class="kn-keep"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the back's outline lacks %s", want)
		}
	}
}

func TestChartOutlineUnknown(t *testing.T) {
	for _, view := range []string{"", "elbow-view", "BACK"} {
		out, err := ChartOutline(view)
		if err == nil || out != "" {
			t.Errorf("ChartOutline(%q) = %q, %v; want an error", view, out, err)
			continue
		}
		if !strings.Contains(err.Error(), "expected one of back,") || !strings.Contains(err.Error(), "foot") {
			t.Errorf("ChartOutline(%q): %v; want an error listing the charts", view, err)
		}
	}
}
