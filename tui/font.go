package tui

import "strings"

// Big letters for the move's name and the countdown, legible from a metre
// away: each glyph is drawn on a grid five pixels high, and two pixel rows
// share one terminal row through the half-block characters ▀ ▄ █, so a
// glyph stands three rows tall and (with a column between glyphs) takes
// four columns for most letters. Terminal cells are about twice as tall as
// they are wide, so half-block pixels come out close to square.

// glyphs maps a character to its rows of pixels, '#' on and '.' off. All
// rows of a glyph have the same width.
var glyphs = map[rune][5]string{
	'A':  {".#.", "#.#", "###", "#.#", "#.#"},
	'B':  {"##.", "#.#", "##.", "#.#", "##."},
	'C':  {".##", "#..", "#..", "#..", ".##"},
	'D':  {"##.", "#.#", "#.#", "#.#", "##."},
	'E':  {"###", "#..", "##.", "#..", "###"},
	'F':  {"###", "#..", "##.", "#..", "#.."},
	'G':  {".##", "#..", "#.#", "#.#", ".##"},
	'H':  {"#.#", "#.#", "###", "#.#", "#.#"},
	'I':  {"###", ".#.", ".#.", ".#.", "###"},
	'J':  {"..#", "..#", "..#", "#.#", ".#."},
	'K':  {"#.#", "#.#", "##.", "#.#", "#.#"},
	'L':  {"#..", "#..", "#..", "#..", "###"},
	'M':  {"#...#", "##.##", "#.#.#", "#...#", "#...#"},
	'N':  {"#..#", "##.#", "#.##", "#..#", "#..#"},
	'O':  {".#.", "#.#", "#.#", "#.#", ".#."},
	'P':  {"##.", "#.#", "##.", "#..", "#.."},
	'Q':  {".#.", "#.#", "#.#", "##.", ".##"},
	'R':  {"##.", "#.#", "##.", "#.#", "#.#"},
	'S':  {".##", "#..", ".#.", "..#", "##."},
	'T':  {"###", ".#.", ".#.", ".#.", ".#."},
	'U':  {"#.#", "#.#", "#.#", "#.#", "###"},
	'V':  {"#.#", "#.#", "#.#", ".#.", ".#."},
	'W':  {"#...#", "#...#", "#.#.#", "##.##", "#...#"},
	'X':  {"#.#", "#.#", ".#.", "#.#", "#.#"},
	'Y':  {"#.#", "#.#", ".#.", ".#.", ".#."},
	'Z':  {"###", "..#", ".#.", "#..", "###"},
	'0':  {"###", "#.#", "#.#", "#.#", "###"},
	'1':  {".#.", "##.", ".#.", ".#.", "###"},
	'2':  {"##.", "..#", ".#.", "#..", "###"},
	'3':  {"##.", "..#", ".#.", "..#", "##."},
	'4':  {"#.#", "#.#", "###", "..#", "..#"},
	'5':  {"###", "#..", "##.", "..#", "##."},
	'6':  {".##", "#..", "##.", "#.#", ".#."},
	'7':  {"###", "..#", ".#.", ".#.", ".#."},
	'8':  {".#.", "#.#", ".#.", "#.#", ".#."},
	'9':  {".#.", "#.#", ".##", "..#", "##."},
	' ':  {".", ".", ".", ".", "."},
	':':  {".", "#", ".", "#", "."},
	'.':  {".", ".", ".", ".", "#"},
	',':  {"..", "..", "..", ".#", "#."},
	'\'': {"#", "#", ".", ".", "."},
	'-':  {"...", "...", "###", "...", "..."},
	'!':  {"#", "#", "#", ".", "#"},
	'?':  {"##.", "..#", ".#.", "...", ".#."},
	'/':  {"..#", "..#", ".#.", "#..", "#.."},
	'(':  {".#", "#.", "#.", "#.", ".#"},
	')':  {"#.", ".#", ".#", ".#", "#."},
	'+':  {"...", ".#.", "###", ".#.", "..."},
}

// bigRows is how many terminal rows a line of big text takes.
const bigRows = 3

// bigNormal maps what a title may hold to what the font draws: upper case,
// and plain quotes and dashes for typographic ones.
func bigNormal(r rune) rune {
	switch r {
	case '’', '‘':
		return '\''
	case '–', '—':
		return '-'
	}
	if r >= 'a' && r <= 'z' {
		return r - 'a' + 'A'
	}
	return r
}

// canBig reports whether every character of s has a glyph.
func canBig(s string) bool {
	for _, r := range s {
		if _, ok := glyphs[bigNormal(r)]; !ok {
			return false
		}
	}
	return true
}

// bigWidth is how many columns s takes in big letters.
func bigWidth(s string) int {
	w, n := 0, 0
	for _, r := range s {
		g, ok := glyphs[bigNormal(r)]
		if !ok {
			continue
		}
		w += len(g[0])
		n++
	}
	if n > 1 {
		w += n - 1 // one column between glyphs
	}
	return w
}

// bigText draws s in big letters as bigRows lines of equal width. Characters
// without a glyph are left out; canBig tells beforehand.
func bigText(s string) []string {
	var px [6]strings.Builder // the sixth pixel row stays empty
	first := true
	for _, r := range s {
		g, ok := glyphs[bigNormal(r)]
		if !ok {
			continue
		}
		for y := 0; y < 6; y++ {
			if !first {
				px[y].WriteByte('.')
			}
			if y < 5 {
				px[y].WriteString(g[y])
			} else {
				px[y].WriteString(strings.Repeat(".", len(g[0])))
			}
		}
		first = false
	}
	out := make([]string, bigRows)
	for row := 0; row < bigRows; row++ {
		top, bottom := px[2*row].String(), px[2*row+1].String()
		var b strings.Builder
		for i := 0; i < len(top); i++ {
			switch {
			case top[i] == '#' && bottom[i] == '#':
				b.WriteRune('█')
			case top[i] == '#':
				b.WriteRune('▀')
			case bottom[i] == '#':
				b.WriteRune('▄')
			default:
				b.WriteByte(' ')
			}
		}
		out[row] = b.String()
	}
	return out
}

// bigWrap breaks s into lines that each fit width columns in big letters,
// at spaces. ok is false when a single word is too wide or s has a
// character the font lacks.
func bigWrap(s string, width int) (lines []string, ok bool) {
	if !canBig(s) || width <= 0 {
		return nil, false
	}
	cur := ""
	for _, w := range strings.Fields(s) {
		if bigWidth(w) > width {
			return nil, false
		}
		switch {
		case cur == "":
			cur = w
		case bigWidth(cur+" "+w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines, len(lines) > 0
}
