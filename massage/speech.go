package massage

import (
	"strings"
	"unicode"
)

// The speech model both players and the planner reckon with: words are
// spoken at SpeechWPM words a minute by default, a number counts as one
// word, and every cue ends with a short breath.
const (
	SpeechWPM = 160 // words a minute at the normal rate
	Breath    = 0.4 // seconds of pause after each cue
)

// SpokenWords counts the words of text as a voice says them: every run of
// letters or digits between spaces is a word, so "3" and "30" count once
// and a dash or a full stop on its own counts not at all.
func SpokenWords(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// SpokenSeconds is how long text takes to say at wpm words a minute (the
// normal rate when wpm is zero or less), breath included. Empty text takes
// no time at all.
func SpokenSeconds(text string, wpm float64) float64 {
	n := SpokenWords(text)
	if n == 0 {
		return 0
	}
	if wpm <= 0 {
		wpm = SpeechWPM
	}
	return float64(n)*60/wpm + Breath
}

// ShortWords is the most words a caution's short form may have.
const ShortWords = 8

// Brief is the caution said again: its short form, or else the first
// sentence of Say, cut at its first comma when that sentence is long.
func (c *Caution) Brief() string {
	if c.Short != "" {
		return c.Short
	}
	s := c.Say
	if i := strings.IndexAny(s, ".!?"); i >= 0 {
		s = s[:i]
	}
	if SpokenWords(s) > ShortWords {
		if i := strings.IndexAny(s, ",;"); i > 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s) + "."
}
