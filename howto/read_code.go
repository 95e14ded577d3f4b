package howto

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Read, outlines and code: two layouts that carry a list in marks no
// list reader knows. A mind map or folder tree exported as text draws its
// branches ("|   +-- Thumb circles on the palm, 30 seconds", "└── Knead
// …"); a short program that talks someone through a massage keeps its
// moves as quoted strings in a list ("    (\"Glide both thumbs …\", 40),")
// or prints them one by one (a Makefile's "@echo \"Stroke the cream …\"").
// Both are rewritten, line for line, as the indented bullets they stand
// for, before the lines are read; every other line is left as it is.

// reTreeBranch is a branch of a tree drawn in text: the trunk's bars and
// spaces, then "+--", "|--", "`--", "├──" or "└──".
var reTreeBranch = regexp.MustCompile(`^([\s|│┃]*)(?:[+|` + "`" + `├└╰┣┗]\s?(?:--+|──+|━━+|-+>)|\\--+)\s*([\p{L}\p{N}"'(].*)$`)

// reTreeTrunk is a line of a drawn tree that holds only its bars.
var reTreeTrunk = regexp.MustCompile(`^[\s|│┃]+$`)

// reQuotedItem is a line of a program's list that holds a quoted string:
// `    "Never press on her bump.",`, `("glide", "Glide both hands …", None),`.
var reQuotedItem = regexp.MustCompile(`^\s*\(?\s*(?:"[^"]*"\s*,\s*)*"([^"]{12,})"\s*(?:,\s*[\w.]+\s*)*\)?\s*,?\s*\]?\)?\s*$`)

// reCodeMark is a line only a program has: a list or table opened on a
// name ("STEPS = [", "const steps = ["), an import, a function.
var reCodeMark = regexp.MustCompile(`^\s*(?:(?:const|let|var)\s+)?[A-Za-z_]\w*\s*=\s*[\[({]\s*$|^\s*(?:def|import|from|function|#include)\s|^#!|^\.PHONY:|^\t@echo\s`)

// reCodeOnly is a program's line that says nothing to a reader: a
// bracket that closes a list, a call or a definition with no sentence.
var reCodeOnly = regexp.MustCompile(`^\s*(?:[\])}]+[;,]?|(?:def\s+)?[\w.]+\([^"]*\):?)\s*$`)

// rePrinted is a program's line that prints a sentence: `print("Done.")`,
// a Makefile's `@echo "Stroke the cream up the thigh …"`.
var rePrinted = regexp.MustCompile(`^\s*(?:print\(f?|@?echo\s+)"(?:\\n)*([^"]{12,})"\)?\s*$`)

// mayBranch is a cheap look for a drawn branch's marks before the
// pattern is tried.
func mayBranch(r string) bool {
	return strings.Contains(r, "--") || strings.Contains(r, "──") || strings.Contains(r, "━━") || strings.Contains(r, "->")
}

// mayBeCode is a cheap look for a program's marks before the pattern is
// tried.
func mayBeCode(r string) bool {
	t := strings.TrimSpace(r)
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '[', '(', '{':
		return strings.Contains(t, "=")
	}
	return strings.HasPrefix(t, "def ") || strings.HasPrefix(t, "import ") || strings.HasPrefix(t, "from ") || strings.HasPrefix(t, "function ") ||
		strings.HasPrefix(t, "#") || strings.HasPrefix(t, ".PHONY") || strings.HasPrefix(r, "\t@echo")
}

// outlineLines rewrites a drawn tree's branches and a program's quoted
// list items as bullets, when the text has two of them or more.
func outlineLines(raw []string) []string {
	trees, quoted, code := 0, 0, false
	for _, r := range raw {
		switch {
		case mayBranch(r) && reTreeBranch.MatchString(r):
			trees++
		case strings.Contains(r, `"`) && (reQuotedItem.MatchString(r) || rePrinted.MatchString(r)):
			quoted++
		}
		code = code || mayBeCode(r) && reCodeMark.MatchString(r)
	}
	if !code {
		quoted = 0 // quoted lines in prose are what someone said
	}
	if trees < 2 && quoted < 2 {
		return raw
	}
	out := make([]string, len(raw))
	for i, r := range raw {
		out[i] = outlineLine(r, trees >= 2, quoted >= 2, code)
	}
	return out
}

// outlineLine rewrites one line of a text that draws a tree (trees) or
// quotes list items in a program (quoted, code): a branch becomes a
// bullet, a comment a sentence, a quoted item its words; the trunk and
// the program's own workings are left out.
func outlineLine(r string, trees, quoted, code bool) string {
	if trees {
		if m := reTreeBranch.FindStringSubmatch(r); m != nil {
			return strings.Repeat(" ", utf8.RuneCountInString(m[1])) + "- " + m[2]
		}
		if reTreeTrunk.MatchString(r) {
			return ""
		}
	}
	if code && strings.HasPrefix(strings.TrimSpace(r), "#") {
		// "# WARN: never push on the kneecap itself": a comment, a sentence
		// like any other (not a Markdown heading); "#!/usr/bin/env" nothing
		c := strings.TrimSpace(r)
		if strings.HasPrefix(c, "#!") || strings.HasPrefix(c, "#include") {
			return ""
		}
		return strings.TrimSpace(strings.TrimLeft(c, "#"))
	}
	if quoted {
		switch m, p := reQuotedItem.FindStringSubmatch(r), rePrinted.FindStringSubmatch(r); {
		case m != nil && len(strings.Fields(m[1])) >= 3:
			return "- " + strings.TrimSpace(m[1])
		case p != nil && len(strings.Fields(p[1])) >= 3:
			return strings.TrimSpace(p[1])
		case reCodeOnly.MatchString(r):
			return "" // "]", "run()", "def run():": the program's own workings
		}
	}
	return r
}
