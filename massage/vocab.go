package massage

import (
	"fmt"
	"strings"
)

// Word is one entry of a closed vocabulary: an id that files and scripts
// use, and a plain name for people.
type Word struct {
	ID   string
	Name string
}

// Vocabulary is a closed list of words of one kind (motions, directions, …).
type Vocabulary struct {
	Kind  string // what the words name, for messages: "motion", "direction"
	Words []Word
}

// Has reports whether id is in the vocabulary.
func (v Vocabulary) Has(id string) bool {
	for _, w := range v.Words {
		if w.ID == id {
			return true
		}
	}
	return false
}

// Name gives the plain name of id, or id itself when it has none.
func (v Vocabulary) Name(id string) string {
	for _, w := range v.Words {
		if w.ID == id {
			return w.Name
		}
	}
	return id
}

// IDs lists the ids in order.
func (v Vocabulary) IDs() []string {
	ids := make([]string, len(v.Words))
	for i, w := range v.Words {
		ids[i] = w.ID
	}
	return ids
}

// Check returns nil when id is in the vocabulary, or an error that names
// what was expected.
func (v Vocabulary) Check(id string) error {
	if v.Has(id) {
		return nil
	}
	return fmt.Errorf("unknown %s %q: expected one of %s", v.Kind, id, strings.Join(v.IDs(), ", "))
}

func vocab(kind string, pairs ...string) Vocabulary {
	v := Vocabulary{Kind: kind}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Words = append(v.Words, Word{ID: pairs[i], Name: pairs[i+1]})
	}
	return v
}
