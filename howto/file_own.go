package howto

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/knead/knead/massage"
)

// The routine file keeps what the text says around its steps: each warning
// becomes a caution of the file's own, in the author's words, and each
// preparation the catalog does not know becomes a preparation of the file's
// own, with its time when the text gives one. Their ids start with the
// routine's ("imported-…"), their source is the text: they read as imported.

// cautionOut is a caution as the file declares it.
type cautionOut struct {
	ID      string   `yaml:"id"`
	Say     string   `yaml:"say"`
	Kind    string   `yaml:"kind"`
	When    string   `yaml:"when"`
	Sources []string `yaml:"sources"`
}

// prepOut is a preparation as the file declares it.
type prepOut struct {
	ID      string     `yaml:"id"`
	Name    string     `yaml:"name"`
	Say     string     `yaml:"say"`
	Kind    string     `yaml:"kind"`
	Seconds *boundsOut `yaml:"seconds,omitempty"`
	Sources []string   `yaml:"sources"`
}

type boundsOut struct {
	Least float64 `yaml:"least"`
	Usual float64 `yaml:"usual"`
	Most  float64 `yaml:"most"`
}

// ownParts are the cautions and preparations a routine file declares.
type ownParts struct {
	Cautions []cautionOut
	Prep     []prepOut
}

// write declares the file's own cautions and preparations.
func (own ownParts) write(b *bytes.Buffer) error {
	if len(own.Cautions) > 0 {
		b.WriteString("# The text's own warnings, in the author's words.\n")
		s, err := yaml.MarshalWithOptions(map[string][]cautionOut{"cautions": own.Cautions}, yaml.Indent(2), yaml.IndentSequence(true))
		if err != nil {
			return err
		}
		b.Write(s)
	}
	if len(own.Prep) > 0 {
		b.WriteString("# The text's preparations that Knead's catalog does not name, in the author's words.\n")
		s, err := yaml.MarshalWithOptions(map[string][]prepOut{"preparations": own.Prep}, yaml.Indent(2), yaml.IndentSequence(true))
		if err != nil {
			return err
		}
		b.Write(s)
	}
	return nil
}

// prepNames name a preparation of the file's own by its kind.
var prepNames = map[string]string{
	"oil": "Oil", "cream": "Cream", "soak": "Soak", "dry": "Dry", "towel": "Towel",
	"clean-hair": "Clean hair", "brush-hair": "Brush the hair", "warm-hands": "Warm the hands",
	"position": "Position", "jewellery": "Jewellery off", "nails": "Nails", "tool": "Tool", "wash": "Wash",
}

// keepOwn adds to rt the text's warnings as cautions of its own and the
// preparations the catalog does not know, and returns their declarations.
// A warning that matches a catalog caution keeps both: the catalog's id
// and the author's words. A warning said inside a step's sentences is also
// named on that step. taken reports an id already used in the catalog.
func (r *Result) keepOwn(rt *massage.Routine, source string, taken func(kind, id string) bool) ownParts {
	var own ownParts
	base := rt.ID
	if len(base) > 48 {
		base = strings.TrimRight(base[:48], "-")
	}
	next := func(kind, word string, n int) string {
		id := fmt.Sprintf("%s-%s-%d", base, word, n)
		for k := 2; taken(kind, id); k++ {
			id = fmt.Sprintf("%s-%s-%d-%d", base, word, n, k)
		}
		return id
	}
	notes := rt.Notes[:0]
	for _, n := range rt.Notes {
		if !strings.HasPrefix(n, warnsNote) { // the warnings are cautions now
			notes = append(notes, n)
		}
	}
	rt.Notes = notes
	own.Cautions = r.keepOwnCautions(rt, source, next)
	own.Prep = r.keepOwnPrep(rt, source, next)
	return own
}

// keepOwnCautions makes each warning a caution of the routine, and of the
// step whose sentences say it; next gives each its id.
func (r *Result) keepOwnCautions(rt *massage.Routine, source string,
	next func(kind, word string, n int) string) []cautionOut {
	var out []cautionOut
	for i, w := range r.Warnings {
		say := strings.Join(strings.Fields(w.say()), " ")
		if say == "" {
			continue
		}
		c := cautionOut{ID: next("caution", "warning", i+1), Say: clip(say, maxNote), Kind: "practice", When: "before", Sources: []string{source}}
		if st := r.stepSaying(rt, say); st != nil {
			c.When = "during"
			c.Say = clip(cautionClause(say), maxNote)
			st.Cautions = appendNew(st.Cautions, c.ID)
		}
		out = append(out, c)
		rt.Cautions = appendNew(rt.Cautions, c.ID)
	}
	return out
}

// keepOwnPrep makes each preparation the catalog does not know one of the
// routine's own, with its time; next gives each its id.
func (r *Result) keepOwnPrep(rt *massage.Routine, source string,
	next func(kind, word string, n int) string) []prepOut {
	var out []prepOut
	for i, p := range r.Prep {
		say := strings.Join(strings.Fields(p.Text), " ")
		if p.ID != "" || say == "" {
			continue
		}
		po := prepOut{ID: next("preparation", "prep", i+1), Name: "Imported: " + prepName(p.Kind), Say: clip(say, maxNote), Kind: "task", Sources: []string{source}}
		if p.Kind == "position" {
			po.Kind = "position"
		}
		if p.Seconds != nil && p.Seconds.Most > 0 {
			po.Seconds = &boundsOut{Least: p.Seconds.Least, Usual: p.Seconds.Usual, Most: p.Seconds.Most}
		}
		out = append(out, po)
		rt.Prep = appendNew(rt.Prep, po.ID)
	}
	return out
}

func prepName(kind string) string {
	if n, ok := prepNames[kind]; ok {
		return n
	}
	return "Preparation"
}

// stepSaying finds the routine step whose cue holds the warning's words:
// a caution inside a step sentence ("…, staying off any corns").
func (r *Result) stepSaying(rt *massage.Routine, say string) *massage.Step {
	for i := range rt.Items {
		for j := range rt.Items[i].Steps {
			st := &rt.Items[i].Steps[j]
			if strings.Contains(strings.Join(strings.Fields(st.Say), " "), say) {
				return st
			}
		}
	}
	return nil
}

// cautionClause is the caution inside a step's sentence, from the clause
// that holds it to the end: "…, staying off any corns." says "Staying off
// any corns." The whole sentence when no such clause is found.
func cautionClause(say string) string {
	toks := tokenize(say)
	i, _ := cautionAt(toks)
	if i <= 0 {
		return say
	}
	// back to the start of the clause: "but never pressing" keeps "never".
	for i > 0 && toks[i-1].kind != tPunct && !clauseBreaks[toks[i-1].w] {
		i--
	}
	rest := strings.TrimSpace(say[toks[i].pos:])
	if len(strings.Fields(rest)) < 2 {
		return say
	}
	r, n := utf8.DecodeRuneInString(rest)
	return string(unicode.ToUpper(r)) + rest[n:]
}
