package howto

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

// RoutineFile writes the routine of r as a file in Knead's format, one that
// `knead check` accepts against cat: the text is declared as a source
// (unless cat knows it already) so the routine can name it for its claims,
// and the routine's id is made unique in cat.
func RoutineFile(r *Result, cat *massage.Catalog) ([]byte, error) {
	rt := r.Routine()
	if cat != nil {
		base := rt.ID
		for n := 2; cat.Routine(rt.ID) != nil; n++ {
			rt.ID = fmt.Sprintf("%s-%d", base, n)
		}
	}
	src := r.SourceID()
	own := r.keepOwn(rt, src, func(kind, id string) bool {
		if cat == nil {
			return false
		}
		if kind == "caution" {
			return cat.Caution(id) != nil
		}
		return cat.Preparation(id) != nil
	})
	body, err := catalog.EncodeRoutine(rt)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if i := bytes.IndexByte(body, '\n'); i >= 0 && bytes.HasPrefix(body, []byte("#")) {
		b.Write(body[:i+1])
		body = body[i+1:]
	}
	fmt.Fprintf(&b, "# Imported by `knead import` from %s: the cues are the author's own words.\n", src)
	if cat == nil || cat.Source(src) == nil {
		s, err := routineFileSource(r.Title, src)
		if err != nil {
			return nil, err
		}
		b.Write(s)
	}
	if err := own.write(&b); err != nil {
		return nil, fmt.Errorf("writing the warnings and preparations of %s: %w", src, err)
	}
	b.Write(body)
	return b.Bytes(), nil
}

// routineFileSource is the YAML that declares the text, src, as a source
// under its title (or its id, when it has none).
func routineFileSource(title, src string) ([]byte, error) {
	if title == "" {
		title = src
	}
	type sourceOut struct {
		ID    string `yaml:"id"`
		Title string `yaml:"title"`
		About string `yaml:"about"`
	}
	s, err := yaml.MarshalWithOptions(map[string][]sourceOut{"sources": {{
		ID: src, Title: clip(title, 200), About: "A how-to text brought in with knead import.",
	}}}, yaml.Indent(2), yaml.IndentSequence(true))
	if err != nil {
		return nil, fmt.Errorf("writing the source of %s: %w", src, err)
	}
	return s, nil
}

// say is the warning as the routine says it: an item of a list of
// cautions after the line that leads it in.
func (w Warning) say() string {
	if w.Lead == "" {
		return w.Text
	}
	if labelOnly(tokenize(w.Lead)) {
		// A heading that only names the list ("Warnings",
		// "Contraindications"): an item that is a sentence of its own
		// is said alone, a fragment after the heading and a colon.
		if r, _ := utf8.DecodeRuneInString(w.Text); unicode.IsUpper(r) {
			return w.Text
		}
		return strings.TrimRight(w.Lead, ":") + ": " + w.Text
	}
	return w.Lead + " " + w.Text
}
