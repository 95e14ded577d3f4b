package howto

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// token is one word, number or punctuation mark of a sentence. Words are
// lower-case, with curly apostrophes made straight and a possessive 's
// dropped ("recipient's" is "recipient").
type token struct {
	w    string
	kind tokKind
	pos  int // byte offset in the sentence
}

// keepS are words whose 's is a contraction, not a possessive.
var keepS = map[string]bool{"it": true, "that": true, "there": true, "here": true, "what": true,
	"he": true, "she": true, "who": true, "let": true, "where": true}

// tokenize splits s into tokens.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r):
			w, j := wordAt(s, i)
			toks = append(toks, token{w: w, kind: tWord, pos: i})
			i = j
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' && j > i) {
				j++
			}
			toks = append(toks, token{w: s[i:j], kind: tNum, pos: i})
			i = j
		case unicode.IsSpace(r):
			i += size
		case r == '×':
			toks = append(toks, token{w: "x", kind: tWord, pos: i}) // "5×"
			i += size
		default:
			toks = append(toks, token{w: punctOf(r), kind: tPunct, pos: i})
			i += size
		}
	}
	return toks
}

// wordAt reads the word at byte i, in lower case, with curly apostrophes
// made straight and a possessive 's dropped; it returns where it ends.
func wordAt(s string, i int) (string, int) {
	j := i
	var b strings.Builder
	for j < len(s) {
		r2, sz := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r2) {
			b.WriteRune(unicode.ToLower(r2))
			j += sz
			continue
		}
		if (r2 == '\'' || r2 == '’') && j+sz < len(s) {
			r3, _ := utf8.DecodeRuneInString(s[j+sz:])
			if unicode.IsLetter(r3) {
				b.WriteByte('\'')
				j += sz
				continue
			}
		}
		break
	}
	w := b.String()
	if base, ok := strings.CutSuffix(w, "'s"); ok && !keepS[base] {
		w = base
	}
	return w, j
}

// punctOf is a punctuation mark as the matcher reads it: dashes as "-",
// curly quotes straight, arrows as "→" ("ankle → knee" reads as "to").
func punctOf(r rune) string {
	switch r {
	case '–', '—', '‐', '‑', '−', '〜', '～':
		return "-" // the wave dashes join a range too: "20〜30 times"
	case '’', '‘':
		return "'"
	case '“', '”':
		return "\""
	case '→', '⟶', '➔', '➜', '➝', '⇒':
		return "→"
	}
	return string(r)
}

// dets are the words the phrase matcher skips: articles and possessives.
// "the palms of your hands" and "palms of hands" match the same entry.
var dets = map[string]bool{"the": true, "a": true, "an": true, "your": true, "their": true,
	"his": true, "her": true, "its": true, "my": true, "our": true, "this": true, "these": true,
	"those": true, "recipient": false}

// partAdjs open the names of parts of a limb: "upper arm", "inner thigh".
var partAdjs = wordSet("upper lower inner outer big little")

// stream is a sentence's words for phrase matching: punctuation and
// determiners left out, each word pointing back to its token.
type stream struct {
	ws []string
	ti []int // index in the tokens of each word
}

func makeStream(toks []token) stream {
	st := stream{ws: make([]string, 0, len(toks)), ti: make([]int, 0, len(toks))}
	for i, t := range toks {
		if t.w == "→" {
			st.ws = append(st.ws, "to")
			st.ti = append(st.ti, i)
			continue
		}
		if t.kind == tPunct || dets[t.w] {
			continue
		}
		if (t.w == "each" || t.w == "either") && i+1 < len(toks) && partAdjs[toks[i+1].w] {
			continue // "each upper arm", "either inner thigh": the part is named as without it
		}
		st.ws = append(st.ws, t.w)
		st.ti = append(st.ti, i)
	}
	return st
}

// numberWords are the counts written as words.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
}

// number reads a token as a number: digits or a number word.
func number(t token) (float64, bool) {
	if t.kind == tNum {
		var v float64
		var frac float64
		for _, c := range t.w {
			switch {
			case c == '.':
				frac = 1
			case frac > 0:
				frac /= 10
				v += float64(c-'0') * frac
			default:
				v = v*10 + float64(c-'0')
				if v > 1e6 {
					return 0, false
				}
			}
		}
		return v, true
	}
	if n, ok := numberWords[t.w]; ok {
		return float64(n), true
	}
	return 0, false
}
