package howto

import (
	"regexp"
	"strconv"
	"strings"
)

// Read, BBCode: a forum post copied with its markup ("[b]Setup[/b]",
// "[list=1][*]Wrap both hands round the ankle …[/list]") is read as the
// post shows it. A list's items become lines of a list ("1. …" when the
// list is numbered, "- …" when not), a quoted post stands apart as a
// paragraph of its own, a link keeps its words, and every other tag (bold,
// colour, size, images and the like) is left out.

var (
	// reBBTag is any BBCode tag: "[b]", "[/color]", "[list=1]", "[*]",
	// "[quote="hilly_hannah"]", "[url=https://…]".
	reBBTag = regexp.MustCompile(`(?i)\[(/?)(b|i|u|s|list|\*|quote|url|img|color|colour|size|font|code|center|left|right|spoiler|youtube|media|email|highlight|sub|sup)(=[^\]\n]{0,200})?\]`)
	// reBBDrop are tags whose contents go with them: an image's address,
	// a video's, a bare link's.
	reBBDrop = regexp.MustCompile(`(?is)\[(img|youtube|media)(=[^\]\n]{0,200})?\].{0,500}?\[/(img|youtube|media)\]|\[url\][^\[\n]{0,500}\[/url\]`)
)

// isBBCode reports a text written in BBCode: two tags or more that open
// and close as BBCode does.
func isBBCode(s string) bool {
	if !strings.Contains(s, "[") {
		return false
	}
	n := 0
	for _, m := range reBBTag.FindAllStringSubmatch(s, 8) {
		if m[1] == "/" || m[2] == "*" {
			n++
		}
	}
	return n >= 2
}

// bbcode rewrites a BBCode text as plain lines; any other text comes back
// as it was.
func bbcode(s string) string {
	if !isBBCode(s) {
		return s
	}
	s = reBBDrop.ReplaceAllString(s, "")
	var b strings.Builder
	b.Grow(len(s))
	var lists []int // per open list: its next number, or 0 when it is not numbered
	last := 0
	for _, m := range reBBTag.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		last = m[1]
		lists = bbcodeTag(&b, s, m, lists)
	}
	b.WriteString(s[last:])
	return b.String()
}

// bbcodeTag writes what the tag at match m of s stands for: a line break
// around a list or a quoted post, a list item's number or bullet, and
// nothing for any other tag. lists are the lists open, as bbcode keeps
// them; it returns them after the tag.
func bbcodeTag(b *strings.Builder, s string, m []int, lists []int) []int {
	closing := m[3] > m[2]
	name := strings.ToLower(s[m[4]:m[5]])
	arg := ""
	if m[6] >= 0 {
		arg = strings.Trim(s[m[6]+1:m[7]], `"' `)
	}
	// a tag on a line's edge needs no line break of its own: the line
	// numbers of the report stay those of the text
	brk := "\n"
	if lineEdge(s, m[0], m[1]) {
		brk = ""
	}
	switch {
	case name == "list" && !closing:
		num := 0
		if arg != "" {
			num = 1 // "[list=1]", "[list=a]": a numbered list
		}
		lists = append(lists, num)
		b.WriteString(brk)
	case name == "list":
		if len(lists) > 0 {
			lists = lists[:len(lists)-1]
		}
		b.WriteString(brk)
	case name == "*":
		if !bbLineStart(s, m[0]) {
			b.WriteString("\n")
		}
		if k := len(lists) - 1; k >= 0 && lists[k] > 0 {
			b.WriteString(strconv.Itoa(lists[k]) + ". ")
			lists[k]++
		} else {
			b.WriteString("- ")
		}
	case name == "quote" || name == "code" || name == "spoiler":
		b.WriteString(brk) // a quoted post stands apart from the reply
	}
	return lists
}

// bbLineStart reports only spaces between the line's start and i.
func bbLineStart(s string, i int) bool {
	for k := i - 1; k >= 0 && s[k] != '\n'; k-- {
		if s[k] != ' ' && s[k] != '\t' && s[k] != '\r' {
			return false
		}
	}
	return true
}

// lineEdge reports a tag from i to j with only spaces before it on its
// line or only spaces after it.
func lineEdge(s string, i, j int) bool {
	if bbLineStart(s, i) {
		return true
	}
	for k := j; k < len(s) && s[k] != '\n'; k++ {
		if s[k] != ' ' && s[k] != '\t' && s[k] != '\r' {
			return false
		}
	}
	return true
}
