package howto

import (
	_ "embed"
	"fmt"
	"strings"
)

// The words the importer knows, in the massage model's vocabulary, are
// data: lexicon/words.txt, embedded in the binary and read once. Entries
// are written without articles or possessives ("top of head" matches "the
// top of your head"); see lexicon.add for the pattern syntax.

//go:embed lexicon/words.txt
var wordsData string

var words = mustReadLexicon(wordsData)

// lexiconKinds name the categories of lexicon/words.txt.
var lexiconKinds = map[string]cat{
	"lm": cLandmark, "area": cArea, "part": cPart, "hand": cHand, "mot": cMotion, "weak": cWeak,
	"manner": cManner, "dir": cDir, "turn": cTurn, "pres": cPressure, "side": cSide, "prep": cPrep,
	"tool": cTool, "else": cElse, "thing": cThing,
}

func mustReadLexicon(data string) *lexicon {
	lx, err := readLexicon(data)
	if err != nil {
		panic("howto: lexicon/words.txt: " + err.Error())
	}
	return lx
}

// readLexicon reads "add|amb | PATTERN | KIND:ID …" lines.
func readLexicon(data string) (*lexicon, error) {
	lx := newLexicon()
	for n, ln := range strings.Split(data, "\n") {
		if i := strings.Index(ln, "#"); i >= 0 {
			ln = ln[:i]
		}
		ln = strings.TrimSpace(ln)
		if ln == "" {
			continue
		}
		f := strings.Split(ln, " | ")
		if len(f) != 3 || f[0] != "add" && f[0] != "amb" {
			return nil, fmt.Errorf("line %d: expected add|amb | PATTERN | KIND:ID …", n+1)
		}
		var vals []val
		for _, kv := range strings.Fields(f[2]) {
			k, id, _ := strings.Cut(kv, ":")
			c, ok := lexiconKinds[k]
			if !ok {
				return nil, fmt.Errorf("line %d: unknown kind %q", n+1, k)
			}
			vals = append(vals, val{c, id})
		}
		lx.addEntry(f[1], f[0] == "amb", vals)
	}
	return lx.freeze(), nil
}
