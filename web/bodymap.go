package web

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/knead/knead/massage"
)

// region is one tappable part of the body map.
type region struct {
	area  string // "" for parts that are drawn but not chosen
	shape string // an SVG element without its closing, e.g. `<rect x=".." ...`
}

// The body map: a figure from the front (x 0–220) and from the back
// (x 220–440), both 460 high. Limbs are listed once and mirrored.
var frontRegions = []region{
	{"scalp", `<path d="M80 48a30 30 0 0 1 60 0z"`},
	{"face", `<path d="M80 48a30 30 0 0 0 60 0z"`},
	{"neck", `<rect x="98" y="78" width="24" height="16" rx="4"`},
	{"shoulders", `<ellipse cx="72" cy="104" rx="22" ry="12"`},
	{"chest", `<rect x="80" y="96" width="60" height="56" rx="10"`},
	{"abdomen", `<rect x="82" y="155" width="56" height="60" rx="10"`},
	{"upper-arms", `<rect x="46" y="116" width="20" height="72" rx="9"`},
	{"forearms", `<rect x="42" y="192" width="20" height="66" rx="9"`},
	{"wrists", `<rect x="43" y="260" width="18" height="9" rx="4"`},
	{"hands", `<ellipse cx="52" cy="284" rx="11" ry="15"`},
	{"hips", `<rect x="82" y="218" width="56" height="28" rx="8"`},
	{"thighs", `<rect x="82" y="249" width="26" height="86" rx="12"`},
	{"calves", `<rect x="84" y="340" width="22" height="72" rx="10"`},
	{"ankles", `<rect x="86" y="414" width="18" height="8" rx="4"`},
	{"feet", `<ellipse cx="94" cy="434" rx="14" ry="10"`},
}

var backRegions = []region{
	{"scalp", `<circle cx="110" cy="48" r="30"`},
	{"neck", `<rect x="98" y="78" width="24" height="16" rx="4"`},
	{"shoulders", `<ellipse cx="72" cy="104" rx="22" ry="12"`},
	{"upper-back", `<rect x="80" y="96" width="60" height="64" rx="10"`},
	{"lower-back", `<rect x="82" y="163" width="56" height="52" rx="10"`},
	{"upper-arms", `<rect x="46" y="116" width="20" height="72" rx="9"`},
	{"forearms", `<rect x="42" y="192" width="20" height="66" rx="9"`},
	{"wrists", `<rect x="43" y="260" width="18" height="9" rx="4"`},
	{"hands", `<ellipse cx="52" cy="284" rx="11" ry="15"`},
	{"glutes", `<rect x="82" y="218" width="56" height="28" rx="8"`},
	{"thighs", `<rect x="82" y="249" width="26" height="86" rx="12"`},
	{"calves", `<rect x="84" y="340" width="22" height="72" rx="10"`},
	{"ankles", `<rect x="86" y="414" width="18" height="8" rx="4"`},
	{"feet", `<ellipse cx="94" cy="434" rx="14" ry="10"`},
}

// paired parts are drawn on both sides of the figure.
var paired = map[string]bool{"shoulders": true, "upper-arms": true, "forearms": true, "wrists": true,
	"hands": true, "thighs": true, "calves": true, "ankles": true, "feet": true}

// bodyMap draws the map; areas in choosable can be tapped, the others are
// drawn quietly. The checkboxes beside it stay the real form controls: the
// map only toggles them, so it is hidden from screen readers.
func bodyMap(choosable map[string]bool) template.HTML {
	var b strings.Builder
	b.WriteString(`<svg class="bodymap" viewBox="0 0 440 460" aria-hidden="true" focusable="false">`)
	draw := func(label string, dx int, rs []region) {
		fmt.Fprintf(&b, `<g transform="translate(%d 0)"><text x="110" y="458" text-anchor="middle" class="maplabel">%s</text>`, dx, label)
		for _, r := range rs {
			cls, data := "part", ""
			if r.area != "" && choosable[r.area] {
				cls, data = "region", fmt.Sprintf(` data-area="%s"`, r.area)
			}
			el := fmt.Sprintf(`%s class="%s"%s><title>%s</title></%s>`, r.shape, cls, data, massage.AreaName(r.area), tag(r.shape))
			if r.area == "" {
				el = fmt.Sprintf(`%s class="part"/>`, r.shape)
			}
			b.WriteString(el)
			if paired[r.area] {
				// The other side, mirrored about the figure's middle.
				fmt.Fprintf(&b, `<g transform="translate(220 0) scale(-1 1)">%s</g>`, el)
			}
		}
		b.WriteString(`</g>`)
	}
	draw("front", 0, frontRegions)
	draw("back", 220, backRegions)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func tag(shape string) string {
	name, _, _ := strings.Cut(strings.TrimPrefix(shape, "<"), " ")
	return name
}
