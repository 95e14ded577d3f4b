package motion

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// Style is the style sheet every drawing carries. Colours are CSS variables
// on the root (class "kn"), so a page can restyle a drawing; the two hands
// are blue and orange (Okabe–Ito), told apart by people with any common
// colour blindness, lighter shades in dark mode. Classes start with "kn-" so
// a drawing put inline in a page does not restyle the page.
const Style = `svg.kn{--ink:#2f2b27;--muted:#6f675f;--body:#f5f0ea;--line:#8c8379;--faint:#c4bbb1;--keep:#c0392b;--left:#0072b2;--right:#d55e00;--bg:#fff;color:var(--ink);font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
@media (prefers-color-scheme:dark){svg.kn{--ink:#ece8e3;--muted:#aaa39b;--body:#2c2926;--line:#a0978d;--faint:#5d5750;--keep:#ff8a7a;--left:#56b4e9;--right:#e69f00;--bg:#1b1a18}}
.kn-bg{fill:var(--bg)}
.kn-chart path{vector-effect:non-scaling-stroke}
.kn-body{fill:var(--body);stroke:var(--line);stroke-width:3;stroke-linejoin:round}
.kn-line{fill:none;stroke:var(--line);stroke-width:2.5;stroke-linecap:round}
.kn-faint{fill:none;stroke:var(--faint);stroke-width:2;stroke-linecap:round}
.kn-spine{fill:none;stroke:var(--line);stroke-width:3;stroke-dasharray:14 10}
.kn-keep{fill:var(--keep);opacity:.12}
.kn-spot{fill:var(--muted)}
.kn-name{fill:var(--muted);font-size:26px}
.kn-title{fill:var(--ink);font-size:38px;font-weight:600}
.kn-sub{fill:var(--muted);font-size:27px}
.kn-left{--hand:var(--left)}
.kn-right{--hand:var(--right)}
.kn-pass{--hand:var(--muted)}
.kn-stroke{fill:none;stroke:var(--hand);stroke-width:7;stroke-linecap:round;stroke-linejoin:round}
.kn-return{fill:none;stroke:var(--hand);stroke-width:4;stroke-linecap:round;opacity:.75}
.kn-trace{fill:none;stroke:var(--hand);stroke-width:3.5;stroke-linecap:round}
.kn-lift{fill:none;stroke:var(--hand);stroke-width:3;stroke-dasharray:3 9;stroke-linecap:round;opacity:.8}
.kn-head{fill:var(--hand)}
.kn-dot{fill:var(--hand)}
.kn-hold{fill:var(--bg);stroke:var(--hand);stroke-width:6;stroke-dasharray:10 6}
.kn-holdtext{fill:var(--hand);font-size:26px;font-weight:600}
.kn-num{fill:var(--bg);stroke:var(--hand);stroke-width:4}
.kn-numtext{fill:var(--ink);font-size:28px;font-weight:700;text-anchor:middle;dominant-baseline:central}
.kn-note{fill:var(--ink);font-size:28px}
.kn-key{fill:var(--ink);font-size:28px}
.kn-inset{fill:var(--bg);stroke:var(--faint);stroke-width:2}
.kn-leader{fill:none;stroke:var(--muted);stroke-width:1.5}
`

// ChartSVG draws one body chart on its own, with every landmark it shows
// marked and named.
func ChartSVG(view string) (string, error) {
	v, ok := viewByID[view]
	if !ok {
		ids := make([]string, len(views))
		for i, v := range views {
			ids[i] = v.ID
		}
		return "", fmt.Errorf("unknown chart %q: expected one of %s", view, strings.Join(ids, ", "))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="kn" viewBox="0 0 1000 1080" role="img" aria-label="%s">`, html.EscapeString("Body chart: "+v.Name))
	fmt.Fprintf(&b, "<style>%s</style>", Style)
	b.WriteString(`<rect class="kn-bg" width="1000" height="1080"/>`)
	fmt.Fprintf(&b, `<text class="kn-title" x="20" y="50">%s</text><g transform="translate(0,80)">`, html.EscapeString(capital(v.Name)))
	writeChart(&b, v, true)
	for _, r := range spotRows[v.ID] {
		x, y := r.x, r.y
		fmt.Fprintf(&b, `<circle class="kn-spot" cx="%g" cy="%g" r="6"/>`, x, y)
		if r.side != "right" {
			fmt.Fprintf(&b, `<text class="kn-name" x="%g" y="%g">%s</text>`, x+10, y-8, html.EscapeString(r.id))
		}
	}
	b.WriteString("</g></svg>\n")
	return b.String(), nil
}

// writeChart writes the outline shapes of a chart, and the keep-off band
// beside the spine on the back.
func writeChart(w io.Writer, v *View, panelNames bool) {
	fmt.Fprintf(w, `<g class="kn-chart" data-view="%s">`, v.ID)
	for _, s := range chartShapes[v.ID] {
		if s.class == "spine" {
			band := 1000 * spineClearance / v.MM
			seg := parsePath(s.d)
			y0, y1 := seg[0].pts[0].Y, seg[len(seg)-1].pts[0].Y
			fmt.Fprintf(w, `<rect class="kn-keep" x="%.0f" y="%.0f" width="%.0f" height="%.0f"/>`, 500-band, y0, 2*band, y1-y0)
		}
		fmt.Fprintf(w, `<path class="kn-%s" d="%s"/>`, s.class, s.d)
	}
	// Endangerment sites are marked as the spine is: light, flat touch only.
	for _, sp := range siteSpots(v) {
		r := math.Min(1000*siteRadius/v.MM, 45)
		fmt.Fprintf(w, `<circle class="kn-keep" cx="%.0f" cy="%.0f" r="%.0f"/>`, sp.At.X*1000, sp.At.Y*1000, r)
	}
	for _, p := range v.Panels {
		if !panelNames {
			break
		}
		fmt.Fprintf(w, `<text class="kn-sub" x="%.0f" y="28" text-anchor="middle">%s</text>`, (p.X0+p.X1)*500, html.EscapeString(p.Name))
	}
	io.WriteString(w, "</g>")
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
