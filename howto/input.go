package howto

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultMaxBytes is the largest text Import reads unless told otherwise.
const DefaultMaxBytes = 1 << 20

// TooLargeError says the text is over the size limit.
type TooLargeError struct {
	Size, Limit int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the text is %d bytes, over the limit of %d bytes (%s): import only the part with the instructions",
		e.Size, e.Limit, sizeName(e.Limit))
}

func sizeName(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// clean makes any bytes into tidy text: valid UTF-8, \n line ends, no
// control characters (terminal escapes included), no zero-width or
// byte-order marks, non-breaking spaces as spaces.
func clean(src []byte) string {
	var b strings.Builder
	b.Grow(len(src))
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteByte(' ')
		case r == '\r':
			if i < len(src) && src[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t') // kept: a sheet pasted as text splits its cells by tabs
		case r == '\u00a0', r == '\u2007', r == '\u202f', r == '\u2028', r == '\u2029':
			b.WriteByte(' ')
		case r == '\ufeff', r == '\u200b', r == '\u200c', r == '\u200d', r == '\u00ad', r == '\u2060':
		case unicode.IsControl(r):
		case r >= 0xe000 && r <= 0xf8ff: // private use
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var htmlTags = []string{"<!doctype", "<html", "<body", "<head", "<p>", "<p ", "<div", "<br", "<h1", "<h2",
	"<h3", "<h4", "<ul", "<ol", "<li", "<article", "<section", "<span", "<a href", "<img", "<script",
	"<style", "<table", "<strong", "<em>", "<b>", "<i>", "</p>", "</div>", "</li>", "</a>"}

// detect says whether a text is HTML, Markdown or plain text.
func detect(s string) Format {
	head := s
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	low := strings.ToLower(head)
	n := 0
	for _, t := range htmlTags {
		if strings.Contains(low, t) {
			n++
			if t == "<!doctype" || t == "<html" || n >= 2 {
				return FormatHTML
			}
		}
	}
	md := 0
	for _, ln := range strings.Split(head, "\n") {
		t := strings.TrimSpace(ln)
		switch {
		case strings.HasPrefix(t, "#"), strings.HasPrefix(t, "**"), strings.HasPrefix(t, "> "),
			strings.Contains(t, "]("), strings.HasPrefix(t, "* "), strings.HasPrefix(t, "- "):
			md++
		}
	}
	if md >= 2 {
		return FormatMarkdown
	}
	return FormatText
}
