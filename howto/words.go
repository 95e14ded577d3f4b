package howto

import "strings"

// Small helpers on words and token lists that every stage uses.

// wordSet makes a set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// hasWord reports whether w is one of the tokens.
func hasWord(toks []token, w string) bool {
	for _, t := range toks {
		if t.w == w {
			return true
		}
	}
	return false
}

// firstNonEmpty gives a, or b when a is empty.
func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// hasAnyWord reports whether any token is in set.
func hasAnyWord(t []token, set map[string]bool) bool {
	for _, x := range t {
		if set[x.w] {
			return true
		}
	}
	return false
}

// clip shortens s to at most n bytes, the ellipsis included.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	n -= len("…")
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xc0 == 0x80 {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// contains reports whether x is in list.
func contains(list []string, x string) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// wordsBefore reports one of ws in the n tokens before token i.
func wordsBefore(t []token, i, n int, ws ...string) bool {
	return wordIn(t, max(0, i-n), i-max(0, i-n), ws...)
}

// wordIn reports one of ws in the n tokens from token p.
func wordIn(t []token, p, n int, ws ...string) bool {
	for k := max(p, 0); k < len(t) && k < p+n; k++ {
		for _, w := range ws {
			if t[k].w == w {
				return true
			}
		}
	}
	return false
}

// contentStems gives the stems of a text's content words: what two texts
// about the same thing share.
func contentStems(text string) map[string]bool {
	m := map[string]bool{}
	for _, t := range tokenize(text) {
		if t.kind == tWord && !stopwords[t.w] && len(t.w) > 2 {
			m[stem(t.w)] = true
		}
	}
	return m
}

// stopwords carry no content of their own.
var stopwords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true,
	"of": true, "to": true, "on": true, "in": true, "it": true, "is": true, "are": true,
	"be": true, "do": true, "not": true, "don't": true, "never": true, "your": true,
	"their": true, "you": true, "they": true, "them": true, "if": true, "as": true, "so": true,
	"this": true, "that": true, "with": true, "for": true, "can": true, "should": true,
	"any": true, "there": true, "at": true, "over": true, "but": true, "more": true, "keep": true,
	"it's": true, "only": true, "into": true, "from": true, "by": true, "has": true}

// stem cuts a few common endings; "hurt" and "pain" are one stem.
func stem(w string) string {
	for _, suf := range []string{"ing", "ful", "es", "s", "ed"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	if w == "hurt" || w == "pain" {
		return "pain"
	}
	return w
}
