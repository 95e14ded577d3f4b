// Package suggest guesses what a person meant by a word Knead does not
// know: the id, area, field, flag or command closest to what was typed.
package suggest

import (
	"sort"
	"strings"
)

// Nearest gives up to n of the candidates that look like what the user
// may have meant by s, best first: a one-letter slip (a letter missing,
// extra, wrong or two swapped), then a candidate that s begins with
// ("upwards" means "up"), then a few slips, then candidates containing s,
// then candidates
// sharing a word of three letters or more with it ("scalp-kneading" finds
// "scalp-petrissage"), which are offered only when nothing closer is found.
func Nearest(s string, candidates []string, n int) []string {
	type scored struct {
		id       string
		score    int
		tiebreak int // edit distance, among candidates sharing words
	}
	s = strings.ToLower(s)
	var found []scored
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == s {
			continue
		}
		switch d := editDistance(s, lc); {
		case d <= 1:
			found = append(found, scored{c, d, 0})
		case len(lc) >= 2 && strings.HasPrefix(s, lc):
			found = append(found, scored{c, 2, len(s) - len(lc)})
		case d <= max(1, len([]rune(s))/3):
			found = append(found, scored{c, 2 + d, 0})
		case len(s) >= 3 && strings.Contains(lc, s):
			found = append(found, scored{c, 100 + len(lc) - len(s), 0})
		default:
			if k := sharedWords(s, lc); k > 0 {
				found = append(found, scored{c, sharedTier - k, editDistance(s, lc)})
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].score != found[j].score {
			return found[i].score < found[j].score
		}
		if found[i].tiebreak != found[j].tiebreak {
			return found[i].tiebreak < found[j].tiebreak
		}
		return found[i].id < found[j].id
	})
	out := []string{}
	for i := 0; i < len(found) && i < n; i++ {
		if found[i].score > sharedTier-100 && found[0].score <= sharedTier-100 {
			break // a typo or a part of an id is a better guess than a shared word
		}
		out = append(out, found[i].id)
	}
	return out
}

// sharedWords counts the hyphen-separated words of three letters or more
// that a and b have in common.
func sharedWords(a, b string) int {
	in := map[string]bool{}
	for _, w := range strings.Split(b, "-") {
		in[w] = true
	}
	k := 0
	for _, w := range strings.Split(a, "-") {
		if len(w) >= 3 && in[w] {
			k++
			in[w] = false
		}
	}
	return k
}

// editDistance counts the single-letter edits (insert, delete, replace, or
// swap two neighbours) that turn a into b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// d[i][j] is the distance between ra[:i] and rb[:j].
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// sharedTier ranks guesses that only share words below every typo and
// every id containing what was typed.
const sharedTier = 10000
