package motion

import (
	"fmt"
	"strings"
)

// ChartOutline gives the outline of one body chart, for a page to draw its
// own paths on: a single SVG group,
//
//	<g class="kn-chart" data-view="VIEW">…</g>
//
// in the chart's 1000 × 1000 box, holding the shapes that ChartSVG draws
// (classes kn-body, kn-line, kn-faint, kn-spine and, on the back, the
// kn-keep band beside the spine) and no text: no landmark names and no
// panel names, which would be cut off or unreadable in a small or round
// frame. A page that wants the panels named can read them from ViewByID.
// The group carries no style: the page styles the kn- classes (Style is one
// such sheet).
func ChartOutline(view string) (string, error) {
	v, ok := viewByID[view]
	if !ok {
		ids := make([]string, len(views))
		for i, v := range views {
			ids[i] = v.ID
		}
		return "", fmt.Errorf("unknown chart %q: expected one of %s", view, strings.Join(ids, ", "))
	}
	var b strings.Builder
	writeChart(&b, v, false)
	return b.String(), nil
}
