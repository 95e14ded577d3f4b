package cli

import (
	"strings"
	"unicode/utf8"
)

// wrap breaks text into lines no wider than width, the first line starting
// with first and the others with rest (a hanging indent). Runs of spaces
// fold into one; a newline in text starts a new line. A word longer than a
// line is kept whole rather than cut. The result ends with a newline.
func wrap(text string, width int, first, rest string) string {
	var b strings.Builder
	prefix := first
	for _, para := range strings.Split(text, "\n") {
		line, n := prefix, utf8.RuneCountInString(prefix)
		empty := true
		for _, word := range strings.Fields(para) {
			wn := utf8.RuneCountInString(word)
			if !empty && n+1+wn > width {
				b.WriteString(line + "\n")
				line, n, empty = rest, utf8.RuneCountInString(rest), true
			}
			if !empty {
				line += " "
				n++
			}
			line += word
			n += wn
			empty = false
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
		prefix = rest
	}
	return b.String()
}

// pad fills s with spaces to n columns.
func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// sentence makes s start with a capital and end with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	s = strings.ToUpper(string(r)) + s[size:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}
