package howto

import (
	"strings"
	"testing"
)

func TestReadLexicon(t *testing.T) {
	if _, err := readLexicon(wordsData); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"add | top of head", "put | crown | lm:crown", "add | crown | planet:mars"} {
		if _, err := readLexicon(bad); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%q: got %v, want an error at line 1", bad, err)
		}
	}
	sets := readWordSets(cautionData)
	if !sets["avoid"]["avoiding"] || !sets["symptom"]["tingling"] || len(sets["not-warnings"]) == 0 {
		t.Errorf("cautions lexicon read wrong: %v", sets)
	}
}

// FuzzReadLexicon: the lexicon and word-set readers never panic, whatever
// a data file holds.
func FuzzReadLexicon(f *testing.F) {
	for _, s := range []string{"", "add | crown | lm:crown", "amb | hand(s) | part:whole-hand area:hands",
		"add | x |", "# c\nadd | a|b | mot:rub  # note", "set: a b_c", ":", "add | (( | lm:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		_, _ = readLexicon(data)
		_ = readWordSets(data)
	})
}

// TestLexiconWordsAlone: a lexicon line's alternatives are per word, so a
// phrase among them ("belt line|waistband") once hid the words after it;
// each of these is found alone.
func TestLexiconWordsAlone(t *testing.T) {
	for _, p := range []string{"the waistband", "the inner elbow", "the elbow crease", "the thenar", "the itb", "some vaseline", "an ointment", "petroleum jelly", "the belt line"} {
		st := makeStream(tokenize(p))
		if hits := words.scan(st.ws); len(hits) == 0 {
			t.Errorf("%q: no lexicon entry found", p)
		}
	}
}
