package catalog

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/knead/knead/massage"
)

// MaxFileSize is the largest file the loader reads.
const MaxFileSize = 1 << 20

// kinds of things that have ids.
const (
	kTechnique   = "technique"
	kPreparation = "preparation"
	kCaution     = "caution"
	kRule        = "rule"
	kSource      = "source"
	kRoutine     = "routine"
)

// ref is a use of an id that must be defined somewhere in the catalog.
type ref struct {
	kind string
	id   string
	at   where
	in   string // what uses it, for the message
}

// routineCheck is a routine item to check once every technique is known.
type routineCheck struct {
	routine *massage.Routine
	index   int
	at      where // the item
	fields  map[string]where
}

// loader gathers files into one catalog, then resolves references across them.
type loader struct {
	cat      *massage.Catalog
	errs     Errors
	defs     map[string]map[string]where
	refs     []ref
	routines []routineCheck
	files    map[string]bool
}

func newLoader() *loader {
	return &loader{
		cat:   &massage.Catalog{},
		defs:  map[string]map[string]where{},
		files: map[string]bool{},
	}
}

// seed makes everything in cat known, so files can refer to it.
func (l *loader) seed(cat *massage.Catalog) {
	l.cat.Techniques = append(l.cat.Techniques, cat.Techniques...)
	l.cat.Preparations = append(l.cat.Preparations, cat.Preparations...)
	l.cat.Cautions = append(l.cat.Cautions, cat.Cautions...)
	l.cat.Rules = append(l.cat.Rules, cat.Rules...)
	l.cat.Sources = append(l.cat.Sources, cat.Sources...)
	l.cat.Routines = append(l.cat.Routines, cat.Routines...)
	for _, t := range cat.Techniques {
		l.define(kTechnique, t.ID, where{file: "the catalog"})
	}
	for _, p := range cat.Preparations {
		l.define(kPreparation, p.ID, where{file: "the catalog"})
	}
	for _, c := range cat.Cautions {
		l.define(kCaution, c.ID, where{file: "the catalog"})
	}
	for _, r := range cat.Rules {
		l.define(kRule, r.ID, where{file: "the catalog"})
	}
	for _, s := range cat.Sources {
		l.define(kSource, s.ID, where{file: "the catalog"})
	}
	for _, r := range cat.Routines {
		l.define(kRoutine, r.ID, where{file: "the catalog"})
	}
	l.cat.Conditions = append(l.cat.Conditions, cat.Conditions...)
	l.cat.Questions = append(l.cat.Questions, cat.Questions...)
	for _, r := range cat.Conditions {
		l.define(kCondition, r.ID, where{file: "the catalog"})
	}
	for _, q := range cat.Questions {
		l.define(kQuestion, q.ID, where{file: "the catalog"})
	}
}

// define records an id; a second definition is an error. It reports whether
// the id was new.
func (l *loader) define(kind, id string, at where) bool {
	if id == "" {
		return false
	}
	m := l.defs[kind]
	if m == nil {
		m = map[string]where{}
		l.defs[kind] = m
	}
	if first, dup := m[id]; dup {
		place := first.file
		if first.line > 0 {
			place = fmt.Sprintf("%s:%d:%d", first.file, first.line, first.col)
		}
		l.errs = append(l.errs, at.err(fmt.Sprintf("duplicate %s id %q: already defined at %s", kind, id, place)))
		return false
	}
	m[id] = at
	return true
}

func (l *loader) known(kind, id string) bool {
	_, ok := l.defs[kind][id]
	return ok
}

// addFile decodes one file's bytes into the catalog.
func (l *loader) addFile(name string, data []byte) {
	if len(data) > MaxFileSize {
		l.errs = append(l.errs, Error{File: name, Msg: fmt.Sprintf("file is %d bytes: Knead reads files of up to %d bytes", len(data), MaxFileSize)})
		return
	}
	if strings.TrimSpace(string(data)) == "" {
		l.errs = append(l.errs, Error{File: name, Msg: "file is empty: expected techniques:, preparations:, cautions:, rules:, sources:, conditions:, questions:, routines:, technique: or routine:"})
		return
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		l.errs = append(l.errs, syntaxError(name, data, err))
		return
	}
	d := &decoder{file: name, errs: &l.errs}
	for _, doc := range f.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		l.document(d, doc.Body)
	}
}

func syntaxError(name string, data []byte, err error) Error {
	var se *yaml.SyntaxError
	if errors.As(err, &se) && se.Token != nil && se.Token.Position != nil {
		line, col := se.Token.Position.Line, se.Token.Position.Column
		msg := "YAML syntax: " + se.Message
		switch {
		case strings.Contains(se.Message, "'\t'"):
			msg = "a tab here: indent YAML with spaces, not tabs"
		case strings.Contains(se.Message, "not allowed in this context"):
			line, col = misindented(data, line)
			msg = "this line's indentation does not fit: keys of one mapping start in the same column, " +
				"and only a key with nothing after its colon takes lines indented under it"
		}
		return Error{File: name, Line: line, Col: col, Msg: msg}
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return Error{File: name, Msg: "YAML syntax: " + msg}
}

// misindented finds the line a parser's "not allowed in this context"
// is about: the parser stops at a key that already has its value when the
// next line is indented under it, so that next line is the one to mend.
// It gives the line and the column where its text starts.
func misindented(data []byte, at int) (line, col int) {
	lines := strings.Split(string(data), "\n")
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	line = at
	if at >= 1 && at < len(lines) {
		here, next := lines[at-1], lines[at]
		_, value, isKey := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(here), "- ")), ":")
		if isKey && strings.TrimSpace(value) != "" && strings.TrimSpace(next) != "" && indent(next) > indent(here) {
			line = at + 1
		}
	}
	if line >= 1 && line <= len(lines) {
		return line, indent(lines[line-1]) + 1
	}
	return at, 1
}

var topKeys = []string{"sources", "cautions", "rules", "conditions", "questions", "preparations", "techniques", "routines", "technique", "routine"}

func (l *loader) document(d *decoder, body ast.Node) {
	if _, isNull := body.(*ast.NullNode); isNull {
		return
	}
	top := d.fields(body, "the file", topKeys...)
	if top == nil {
		return
	}
	for _, n := range top.list("sources") {
		l.source(d, n)
	}
	for _, n := range top.list("cautions") {
		l.caution(d, n)
	}
	for _, n := range top.list("rules") {
		l.rule(d, n)
	}
	for _, n := range top.list("conditions") {
		l.condition(d, n)
	}
	for _, n := range top.list("questions") {
		l.question(d, n)
	}
	for _, n := range top.list("preparations") {
		l.preparation(d, n)
	}
	for _, n := range top.list("techniques") {
		l.technique(d, n)
	}
	if n, ok := top.value("technique"); ok {
		l.technique(d, n)
	}
	for _, n := range top.list("routines") {
		l.routine(d, n)
	}
	if n, ok := top.value("routine"); ok {
		l.routine(d, n)
	}
}

var sourceID = func(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func (l *loader) source(d *decoder, n ast.Node) {
	f := d.fields(n, "source", "id", "title", "about", "address")
	if f == nil {
		return
	}
	f.require("id", "title")
	s := &massage.Source{ID: f.str("id"), Title: f.text("title", 200), About: f.text("about", 2000), Address: f.str("address")}
	if s.Address != "" && !strings.HasPrefix(s.Address, "https://") && !strings.HasPrefix(s.Address, "http://") || strings.ContainsAny(s.Address, " <>\"\n") {
		an, _ := f.value("address")
		d.errorf(an, "source address %q is not a web address: expected one starting https:// or http://", s.Address)
		s.Address = ""
	}
	if s.ID != "" && !sourceID(s.ID) {
		idNode, _ := f.value("id")
		d.errorf(idNode, "source id %q is not a file name: expected letters, digits, '.', '_' and '-'", s.ID)
		return
	}
	if s.ID == massage.OwnSource {
		idNode, _ := f.value("id")
		d.errorf(idNode, "source id %q is Knead's own and built in: choose another id", s.ID)
		return
	}
	if l.define(kSource, s.ID, d.at(n)) {
		l.cat.Sources = append(l.cat.Sources, s)
	}
}

func (l *loader) sources(f *fields, what string) []string {
	var out []string
	for _, it := range f.strs("sources") {
		out = append(out, it.text)
		if it.text == massage.OwnSource {
			continue
		}
		l.refs = append(l.refs, ref{kind: kSource, id: it.text, at: f.d.at(it.node), in: what})
	}
	return out
}

func (l *loader) idRefs(f *fields, key, kind, what string) []string {
	var out []string
	for _, it := range f.strs(key) {
		out = append(out, it.text)
		l.refs = append(l.refs, ref{kind: kind, id: it.text, at: f.d.at(it.node), in: what})
	}
	return out
}

func (l *loader) caution(d *decoder, n ast.Node) {
	f := d.fields(n, "caution", "id", "say", "short", "kind", "when", "areas", "landmarks", "condition", "families", "sources")
	if f == nil {
		return
	}
	f.require("id", "say", "kind")
	c := &massage.Caution{
		ID:        f.id("id"),
		Say:       f.text("say", 600),
		Short:     f.text("short", 80),
		Kind:      f.word("kind", massage.CautionKinds),
		When:      f.word("when", massage.CautionTimes),
		Areas:     f.areas("areas"),
		Landmarks: f.landmarks("landmarks"),
		Condition: f.word("condition", massage.ConditionKinds),
		Families:  f.words("families", massage.Families),
	}
	c.Sources = l.sources(f, "caution "+writtenID(f, c.ID))
	if c.When == "" {
		c.When = "during"
	}
	if c.Kind == "contraindication" && !f.has("condition") {
		d.errorf(n, "caution %q is a contraindication: it needs the condition that rules the work out", c.ID)
	}
	if c.Kind != "contraindication" && c.Condition != "" {
		d.errorf(n, "caution %q names a condition but is of kind %q: only a contraindication takes a condition", c.ID, c.Kind)
	}
	if at, ok := f.value("short"); ok {
		if w := massage.SpokenWords(c.Short); w > massage.ShortWords {
			d.errorf(at, "caution %q: short has %d words: expected a reminder of %d words at most, such as \"beside the spine\"", c.ID, w, massage.ShortWords)
		} else if w >= massage.SpokenWords(c.Say) {
			d.errorf(at, "caution %q: short has as many words as say: expected a shorter reminder", c.ID)
		}
	}
	if c.Kind == "never-press" && len(c.Landmarks) == 0 && f.has("kind") {
		d.errorf(n, "caution %q is never-press: it needs the landmarks the hands stay off", c.ID)
	}
	if l.define(kCaution, c.ID, d.at(n)) {
		l.cat.Cautions = append(l.cat.Cautions, c)
	}
}

func (l *loader) rule(d *decoder, n ast.Node) {
	f := d.fields(n, "rule", "id", "say", "first", "then", "sources")
	if f == nil {
		return
	}
	f.require("id", "say", "first", "then")
	r := &massage.Rule{ID: f.id("id"), Say: f.text("say", 600)}
	for _, key := range []string{"first", "then"} {
		var ids []string
		for _, it := range f.strs(key) {
			ids = append(ids, it.text)
			if !massage.Families.Has(it.text) {
				l.refs = append(l.refs, ref{kind: "family or technique", id: it.text, at: d.at(it.node), in: "rule " + r.ID})
			}
		}
		if key == "first" {
			r.First = ids
		} else {
			r.Then = ids
		}
	}
	r.Sources = l.sources(f, "rule "+r.ID)
	if l.define(kRule, r.ID, d.at(n)) {
		l.cat.Rules = append(l.cat.Rules, r)
	}
}

func (l *loader) preparation(d *decoder, n ast.Node) {
	f := d.fields(n, "preparation", "id", "name", "say", "kind", "seconds", "areas", "mode", "after", "needs", "oily", "sources", "claims", "notes")
	if f == nil {
		return
	}
	f.require("id", "name", "say")
	p := &massage.Preparation{
		ID:      f.id("id"),
		Name:    f.text("name", 80),
		Say:     f.text("say", 600),
		Kind:    f.word("kind", massage.PrepKinds),
		Seconds: f.bounds("seconds"),
		Areas:   f.areas("areas"),
		Mode:    f.word("mode", massage.Modes),
		Oily:    f.boolean("oily"),
	}
	if p.Kind == "" {
		p.Kind = "task"
	}
	if p.Mode == "" {
		p.Mode = "both"
	}
	p.After = l.idRefs(f, "after", kPreparation, "preparation "+writtenID(f, p.ID))
	for _, it := range f.strs("needs") {
		p.Needs = append(p.Needs, strings.TrimSpace(it.text))
	}
	for _, it := range f.strs("notes") {
		p.Notes = append(p.Notes, strings.TrimSpace(it.text))
	}
	p.Sources = l.sources(f, "preparation "+writtenID(f, p.ID))
	p.Claims = l.claims(d, f, "preparation "+writtenID(f, p.ID))
	for _, a := range p.After {
		if a == p.ID && p.ID != "" {
			d.errorf(n, "preparation %q cannot come after itself", p.ID)
		}
	}
	if l.define(kPreparation, p.ID, d.at(n)) {
		l.cat.Preparations = append(l.cat.Preparations, p)
	}
}

var techniqueFields = []string{"id", "name", "summary", "areas", "mode", "family", "phases", "sources", "position", "posture", "prep", "pressure", "seconds", "any_order", "steps", "cautions", "claims", "notes"}

func (l *loader) technique(d *decoder, n ast.Node) {
	f := d.fields(n, "technique", techniqueFields...)
	if f == nil {
		return
	}
	f.require("id", "name", "areas", "mode", "family", "phases", "steps")
	t := &massage.Technique{
		ID:       f.id("id"),
		Name:     f.text("name", 80),
		Summary:  f.text("summary", 600),
		Areas:    f.areas("areas"),
		Mode:     f.word("mode", massage.Modes),
		Family:   f.word("family", massage.Families),
		Phases:   f.words("phases", massage.Phases),
		Position: f.text("position", 400),
		Pressure: f.pressure("pressure"),
		Seconds:  f.bounds("seconds"),
		AnyOrder: f.boolean("any_order"),
	}
	what := "technique " + writtenID(f, t.ID)
	t.Sources = l.sources(f, what)
	t.Prep = l.idRefs(f, "prep", kPreparation, what)
	t.Cautions = l.idRefs(f, "cautions", kCaution, what)
	t.Claims = l.claims(d, f, what)
	for _, it := range f.strs("notes") {
		t.Notes = append(t.Notes, strings.Join(strings.Fields(it.text), " "))
	}
	before := len(*d.errs)
	t.Posture = f.posture("posture")
	if pn, ok := f.value("posture"); ok && len(*d.errs) == before {
		p := t.Posture
		partner, self := t.Mode == "partner" || t.Mode == "both", t.Mode == "self" || t.Mode == "both"
		switch {
		case partner && (len(p.Receiver) == 0 || p.Giver == ""):
			d.errorf(pn, "%s posture: a move for a partner needs receiver (one or more of %s) and giver (one of %s)", what,
				strings.Join(massage.Receivers.IDs(), ", "), strings.Join(massage.Givers.IDs(), ", "))
		case !partner && (len(p.Receiver) > 0 || p.Giver != ""):
			d.errorf(pn, "%s posture: a self-massage has no receiver or giver: say self (one of %s)", what, strings.Join(massage.SelfPostures.IDs(), ", "))
		case !self && p.Self != "":
			d.errorf(pn, "%s posture: self is for moves done on yourself, and this one is for a partner", what)
		}
	}
	if f.has("areas") && len(t.Areas) == 0 && len(f.list("areas")) == 0 {
		d.errorf(n, "%s needs at least one area", what)
	}
	if f.has("phases") && len(t.Phases) == 0 && len(f.list("phases")) == 0 {
		d.errorf(n, "%s needs at least one phase: warm-up, work or finish", what)
	}
	steps := f.list("steps")
	if f.has("steps") && len(steps) == 0 {
		d.errorf(n, "%s needs at least one step", what)
	}
	for i, sn := range steps {
		if s, ok := l.step(d, sn, fmt.Sprintf("%s step %d", what, i+1), t.Pressure); ok {
			t.Steps = append(t.Steps, s)
		}
	}
	var least float64
	for _, s := range t.Steps {
		least += s.Seconds.Least
	}
	if t.Seconds.Most > 0 && least > t.Seconds.Most {
		at, _ := f.value("seconds")
		d.errorf(at, "%s: its steps need at least %s s but the technique allows at most %s s", what, trimFloat(least), trimFloat(t.Seconds.Most))
	}
	if l.define(kTechnique, t.ID, d.at(n)) {
		l.cat.Techniques = append(l.cat.Techniques, t)
	}
}

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

func (l *loader) claims(d *decoder, f *fields, what string) []massage.Claim {
	var out []massage.Claim
	for _, cn := range f.list("claims") {
		cf := d.fields(cn, "claim", "say", "source")
		if cf == nil {
			continue
		}
		cf.require("say", "source")
		c := massage.Claim{Say: cf.text("say", 400), Source: cf.str("source")}
		if c.Source != "" && c.Source != massage.OwnSource {
			sn, _ := cf.value("source")
			l.refs = append(l.refs, ref{kind: kSource, id: c.Source, at: d.at(sn), in: what})
		}
		out = append(out, c)
	}
	return out
}

var stepFields = []string{"title", "say", "hands", "at", "motion", "direction", "turn", "pressure", "repeat", "increment", "radius", "tempo", "seconds", "side", "cautions", "note"}

// step reads one step; def is the technique's default pressure.
func (l *loader) step(d *decoder, n ast.Node, what string, def massage.Pressure) (massage.Step, bool) {
	f := d.fields(n, what, stepFields...)
	if f == nil {
		return massage.Step{}, false
	}
	f.require("say", "motion")
	s := massage.Step{
		Title:     f.text("title", 80),
		Say:       f.text("say", 1000),
		Hands:     l.hands(d, f, what),
		At:        f.landmarks("at"),
		Motion:    f.word("motion", massage.Motions),
		Direction: f.words("direction", massage.Directions),
		Turn:      f.word("turn", massage.Turns),
		Pressure:  f.pressure("pressure"),
		Repeat:    f.count("repeat"),
		Increment: f.distance("increment"),
		Radius:    f.distance("radius"),
		Seconds:   f.bounds("seconds"),
		Side:      f.word("side", massage.Sides),
		Note:      f.text("note", 600),
	}
	if tempo, ok := f.number("tempo"); ok {
		if tempo <= 0 || tempo > 900 {
			tn, _ := f.value("tempo")
			d.errorf(tn, "%s tempo: expected strokes per minute between 1 and 900, found %v", what, tempo)
		} else {
			s.Tempo = tempo
		}
	}
	if s.Pressure.IsZero() {
		s.Pressure = def
	}
	s.Cautions = l.idRefs(f, "cautions", kCaution, what)
	for _, id := range s.At {
		if lm, _ := massage.LandmarkByID(id); lm.Avoid {
			an, _ := f.value("at")
			d.errorf(an, "%s: %s is a place never pressed on; name the places beside it instead", what, lm.Name)
		}
	}
	for _, h := range s.Hands {
		for _, id := range h.At {
			if lm, _ := massage.LandmarkByID(id); lm.Avoid {
				hn, _ := f.value("hands")
				d.errorf(hn, "%s: %s is a place never pressed on; name the places beside it instead", what, lm.Name)
			}
		}
	}
	if sites := massage.StepSites(s); len(sites) > 0 && s.Motion != "" {
		if ok, why := massage.SiteSafe(s); !ok {
			an, _ := f.value("at")
			if an == nil {
				an, _ = f.value("hands")
			}
			lm, _ := massage.LandmarkByID(sites[0])
			d.errorf(an, "%s: the %s is an endangerment site, where nerves and vessels lie close under the skin: %s", what, lm.Name, why)
		}
	}
	return s, true
}

func (l *loader) hands(d *decoder, f *fields, what string) []massage.HandUse {
	var out []massage.HandUse
	for _, hn := range f.list("hands") {
		switch v := d.plain(hn).(type) {
		case nil:
		case *ast.MappingNode, *ast.MappingValueNode:
			hf := d.fields(v, what+" hand", "hand", "part", "role", "at", "turn")
			hf.require("hand", "part")
			h := massage.HandUse{
				Hand: hf.word("hand", massage.Hands),
				Part: hf.word("part", massage.HandParts),
				Role: hf.word("role", massage.HandRoles),
				At:   hf.landmarks("at"),
				Turn: hf.word("turn", massage.Turns),
			}
			if h.Role == "" {
				h.Role = "work"
			}
			out = append(out, h)
		default:
			s, ok := d.scalar(v, what+" hands entry")
			if !ok {
				continue
			}
			words := strings.Fields(s)
			if len(words) != 2 {
				d.errorf(v, "expected a hand as \"HAND PART\", such as \"right fingertips\", or {hand, part, role}, found %q", s)
				continue
			}
			h := massage.HandUse{Role: "work"}
			if massage.Hands.Has(words[0]) {
				h.Hand = words[0]
			} else {
				d.errorf(v, "unknown hand %q in %q: expected one of %s", words[0], s, strings.Join(massage.Hands.IDs(), ", "))
			}
			if massage.HandParts.Has(words[1]) {
				h.Part = words[1]
			} else {
				d.errorf(v, "unknown hand part %q in %q%s: expected one of %s", words[1], s, didYouMean(words[1], massage.HandParts.IDs()), strings.Join(massage.HandParts.IDs(), ", "))
			}
			if h.Hand != "" && h.Part != "" {
				out = append(out, h)
			}
		}
	}
	return out
}

// writtenID names a thing in messages by its id, or by what was written in
// place of one when that was no valid id, so later messages never show a
// blank where the name should be.
func writtenID(f *fields, id string) string {
	if id != "" {
		return id
	}
	if n, ok := f.value("id"); ok {
		if sn, isStr := n.(*ast.StringNode); isStr && strings.TrimSpace(sn.Value) != "" {
			return fmt.Sprintf("%q", sn.Value)
		}
	}
	return "(without an id)"
}
