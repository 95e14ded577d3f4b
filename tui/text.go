package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapText breaks plain text into lines of at most width columns at spaces;
// a word longer than a line is cut.
func wrapText(s string, width int) []string {
	width = max(width, 1)
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		for ansi.StringWidth(w) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			head := ansi.Truncate(w, width, "")
			lines = append(lines, head)
			w = w[len(head):]
		}
		switch {
		case w == "":
		case cur == "":
			cur = w
		case ansi.StringWidth(cur)+1+ansi.StringWidth(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// wrapIndent wraps s to width with first before the first line and rest
// before the others.
func wrapIndent(s string, width int, first, rest string) []string {
	lines := wrapText(s, width-max(ansi.StringWidth(first), ansi.StringWidth(rest)))
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	if len(lines) == 0 {
		lines = []string{strings.TrimRight(first, " ")}
	}
	return lines
}

// center pads s on the left to sit in the middle of width columns.
func center(s string, width int) string {
	w := ansi.StringWidth(s)
	if w >= width {
		return s
	}
	return strings.Repeat(" ", (width-w)/2) + s
}

// limit keeps at most n lines, ending the last kept one with "…" when
// some were cut.
func limit(lines []string, n, width int) []string {
	if len(lines) <= n || n <= 0 {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	last := out[n-1]
	if ansi.StringWidth(last)+1 > width {
		last = ansi.Truncate(last, width-1, "")
	}
	out[n-1] = last + "…"
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
