package web

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/knead/knead/massage"
)

// The body map on the start page: the body from the front and from the
// back, and three close-ups (the head, a hand, a foot) for the places too
// small to tap on the whole body. Every place is drawn at least 48 units
// wide and tall, and the page shows a unit at least as large as a CSS
// pixel on a 360 px phone, so each target is over 44×44 px
// (TestBrowserBodyMap measures them).
//
// Each place is an SVG group with role checkbox: the map is a second,
// pictured way to tick the area checkboxes below it (start.js), which stay
// the form's real controls. A place on both sides of the body is drawn
// twice; the second is hidden from screen readers and the keyboard.

// mapPart is one shape on a view: a place (area), a close-up (zoom), or a
// drawing only (neither).
type mapPart struct {
	area   string
	zoom   string
	shape  string // SVG elements
	mirror bool   // drawn again on the other side
	label  bool   // named on the drawing (close-ups)
	lx, ly int    // where the name goes
}

// mapView is one picture of the map.
type mapView struct {
	id, name string // "front", "Front"
	box      string // the viewBox
	width    int    // drawn width in CSS px, at most
	parts    []mapPart
	deco     string // lines drawn over the parts, not tappable
}

// The figures are 240 units wide (x 30–270) and 520 high, drawn 264 px
// wide: 1.1 px a unit. Close-ups are 300 units, drawn up to 300 px wide.
var (
	arms = []mapPart{
		{area: "upper-arms", shape: `<rect x="50" y="131" width="44" height="74" rx="18"/>`, mirror: true},
		{area: "forearms", shape: `<rect x="46" y="208" width="44" height="64" rx="18"/>`, mirror: true},
		{zoom: "hand", shape: `<ellipse cx="68" cy="300" rx="25" ry="26"/>`, mirror: true},
	}
	head     = mapPart{zoom: "head", shape: `<circle cx="150" cy="38" r="32"/>`}
	neck     = mapPart{area: "neck", shape: `<rect x="126" y="73" width="48" height="46" rx="12"/>`}
	shoulder = mapPart{area: "shoulders", shape: `<rect x="64" y="84" width="58" height="44" rx="20"/>`, mirror: true}
	foot     = mapPart{zoom: "foot", shape: `<ellipse cx="122" cy="495" rx="25" ry="23"/>`, mirror: true}
)

var mapViews = []mapView{
	{id: "front", name: "Front", box: "30 0 240 520", width: 264, parts: concat([]mapPart{head, neck, shoulder,
		{area: "chest", shape: `<rect x="100" y="131" width="100" height="62" rx="16"/>`},
		{area: "abdomen", shape: `<rect x="104" y="196" width="92" height="58" rx="14"/>`},
		{area: "hips", shape: `<rect x="100" y="257" width="100" height="48" rx="14"/>`},
		{area: "thighs", shape: `<rect x="102" y="308" width="46" height="90" rx="18"/>`, mirror: true},
		{area: "calves", shape: `<rect x="104" y="401" width="44" height="68" rx="16"/>`, mirror: true},
		foot}, arms),
		// A face, a navel and knees: this is the front.
		deco: `<circle cx="138" cy="34" r="3.5"/><circle cx="162" cy="34" r="3.5"/><path d="M140 51q10 7 20 0"/>` +
			`<circle cx="150" cy="226" r="3"/><path d="M115 390q10 6 20 0M165 390q10 6 20 0"/>`},
	{id: "back", name: "Back", box: "30 0 240 520", width: 264, parts: concat([]mapPart{head, neck, shoulder,
		{area: "upper-back", shape: `<rect x="100" y="131" width="100" height="78" rx="16"/>`},
		{area: "lower-back", shape: `<rect x="102" y="212" width="96" height="50" rx="14"/>`},
		{area: "glutes", shape: `<rect x="100" y="265" width="100" height="52" rx="18"/>`},
		{area: "thighs", shape: `<rect x="102" y="320" width="46" height="80" rx="18"/>`, mirror: true},
		{area: "calves", shape: `<rect x="104" y="403" width="44" height="66" rx="16"/>`, mirror: true},
		foot}, arms),
		// Hair, the spine and the cleft of the buttocks: this is the back.
		deco: `<path class="hair" d="M119 44a31 31 0 1 1 62 0q-31 14-62 0z"/>` +
			`<path class="spine" d="M150 136v122"/><path d="M150 276v41"/>`},
	{id: "head", name: "The head, close up", box: "0 0 300 300", width: 300, parts: []mapPart{
		{area: "scalp", shape: `<path d="M70 118C70 22 230 22 230 118z"/>`, label: true, lx: 150, ly: 84},
		{area: "face", shape: `<path d="M80 122h140v66q0 24-20 24h-100q-20 0-20-24z"/>`, label: true, lx: 150, ly: 196},
		{area: "jaw", shape: `<path d="M94 216h112q-4 58-56 62q-52-4-56-62z"/>`, label: true, lx: 150, ly: 250},
		{area: "ears", shape: `<ellipse cx="50" cy="162" rx="26" ry="36"/>`, mirror: true, label: true, lx: 50, ly: 168},
	}, deco: `<path d="M114 140q12-6 24 0M162 140q12-6 24 0"/><circle cx="126" cy="154" r="4"/><circle cx="174" cy="154" r="4"/><path d="M150 156v14q-2 4-6 4"/>`},
	{id: "hand", name: "A hand, close up", box: "0 0 300 300", width: 300, parts: []mapPart{
		{area: "hands", shape: `<rect x="90" y="22" width="27" height="96" rx="13"/><rect x="120" y="10" width="27" height="104" rx="13"/>` +
			`<rect x="150" y="14" width="27" height="100" rx="13"/><rect x="180" y="30" width="27" height="88" rx="13"/>` +
			`<ellipse cx="66" cy="150" rx="16" ry="40" transform="rotate(-35 66 150)"/><rect x="88" y="92" width="122" height="98" rx="26"/>`,
			label: true, lx: 150, ly: 150},
		{area: "wrists", shape: `<rect x="100" y="194" width="100" height="50" rx="16"/>`, label: true, lx: 150, ly: 226},
		{area: "forearms", shape: `<rect x="106" y="248" width="88" height="52" rx="10"/>`, label: true, lx: 150, ly: 281},
	}},
	{id: "foot", name: "A foot, close up", box: "0 0 300 300", width: 300, parts: []mapPart{
		{area: "ankles", shape: `<rect x="66" y="116" width="84" height="56" rx="20"/>`, label: true, lx: 108, ly: 150},
		{area: "feet", shape: `<path d="M62 176h88q50 12 76 36v42h-152q-18 0-18-22z"/>`, label: true, lx: 140, ly: 226},
		{area: "toes", shape: `<path d="M230 204q32 4 50 22q6 28-18 28h-32z"/>`, label: true, lx: 255, ly: 236},
	}, deco: `<path d="M80 20v92M140 20v92"/>`},
}

// zoomAreas lists the places each close-up holds.
func zoomAreas(zoom string) []string {
	for _, v := range mapViews {
		if v.id == zoom {
			var out []string
			for _, p := range v.parts {
				if p.area != "" && !contains(out, p.area) {
					out = append(out, p.area)
				}
			}
			return out
		}
	}
	return nil
}

func concat(a, b []mapPart) []mapPart { return append(append([]mapPart{}, a...), b...) }

// bodyMap draws the map. Places not in choosable (no technique works on
// them) are drawn but cannot be picked.
func bodyMap(choosable map[string]bool) template.HTML {
	var b strings.Builder
	b.WriteString(`<div class="bodymap" data-view="front">`)
	b.WriteString(`<div class="mapsides" role="group" aria-label="Side of the body shown">` +
		`<button type="button" data-side="front" aria-pressed="true">Front</button>` +
		`<button type="button" data-side="back" aria-pressed="false">Back</button></div>`)
	for _, v := range mapViews {
		zoom := v.id != "front" && v.id != "back"
		cls, hidden := "figure", ""
		if zoom {
			cls, hidden = "closeup", " hidden"
		}
		fmt.Fprintf(&b, `<figure class="%s %s" data-view="%s"%s><figcaption>%s</figcaption>`, cls, v.id, v.id, hidden, v.name)
		fmt.Fprintf(&b, `<svg viewBox="%s" style="max-width:%dpx" role="group" aria-label="%s">`, v.box, v.width, mapLabel(v))
		for _, p := range v.parts {
			el := mapElement(p, choosable)
			b.WriteString(el)
			if p.mirror {
				// The other side, mirrored about the figure's middle; the
				// keyboard and screen readers know one of each.
				el = strings.Replace(el, ` role=`, ` aria-hidden="true" data-role=`, 1)
				el = strings.Replace(el, ` tabindex="-1"`, ``, 1)
				fmt.Fprintf(&b, `<g transform="translate(300 0) scale(-1 1)">%s</g>`, el)
			}
		}
		if v.deco != "" {
			fmt.Fprintf(&b, `<g class="deco">%s</g>`, v.deco)
		}
		for _, p := range v.parts {
			if p.label && p.area != "" {
				fmt.Fprintf(&b, `<text x="%d" y="%d" class="maplabel" data-for="%s">%s</text>`, p.lx, p.ly, p.area, massage.UpperFirst(massage.AreaName(p.area)))
			}
		}
		b.WriteString(`</svg>`)
		if zoom {
			b.WriteString(`<button type="button" class="zoomout">← The whole body</button>`)
		}
		b.WriteString(`</figure>`)
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

func mapLabel(v mapView) string {
	switch v.id {
	case "front", "back":
		return "Body map, from the " + v.id
	}
	return "Body map: " + strings.ToLower(v.name[:1]) + v.name[1:]
}

// mapElement is one part: a checkbox for a place, a button for a close-up,
// or a quiet drawing.
func mapElement(p mapPart, choosable map[string]bool) string {
	switch {
	case p.area != "" && choosable[p.area]:
		name := massage.UpperFirst(massage.AreaName(p.area))
		return fmt.Sprintf(`<g class="region" data-area="%s" role="checkbox" aria-checked="false" aria-label="%s" tabindex="-1"><title>%s</title>%s</g>`,
			p.area, name, name, p.shape)
	case p.zoom != "":
		var names []string
		for _, a := range zoomAreas(p.zoom) {
			if choosable[a] {
				names = append(names, massage.AreaName(a))
			}
		}
		if len(names) == 0 {
			break
		}
		what := map[string]string{"head": "The head", "hand": "A hand", "foot": "A foot"}[p.zoom]
		label := fmt.Sprintf("%s, close up: %s", what, massage.JoinAnd(names))
		return fmt.Sprintf(`<g class="zoom" data-zoom="%s" role="button" aria-label="%s" tabindex="-1"><title>%s</title>%s</g>`,
			p.zoom, label, label, p.shape)
	}
	return `<g class="part">` + p.shape + `</g>`
}
