package catalog

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/suggest"
)

// decoder walks the YAML syntax tree of one file and records every problem
// with its position. Each helper returns the zero value after an error, so
// decoding goes on and later problems are found too.
type decoder struct {
	file string
	errs *Errors
}

// where is a position in a file.
type where struct {
	file      string
	line, col int
}

func (w where) err(msg string) Error { return Error{File: w.file, Line: w.line, Col: w.col, Msg: msg} }

func (d *decoder) at(n ast.Node) where {
	w := where{file: d.file}
	switch v := n.(type) {
	case nil:
		return w
	case *ast.MappingNode:
		if v.IsFlowStyle && v.Start != nil && v.Start.Position != nil {
			w.line, w.col = v.Start.Position.Line, v.Start.Position.Column
			return w
		}
		if len(v.Values) > 0 {
			return d.at(v.Values[0])
		}
	case *ast.MappingValueNode:
		return d.at(v.Key)
	}
	if t := n.GetToken(); t != nil && t.Position != nil {
		w.line, w.col = t.Position.Line, t.Position.Column
	}
	return w
}

func (d *decoder) errorf(n ast.Node, format string, args ...any) {
	*d.errs = append(*d.errs, d.at(n).err(fmt.Sprintf(format, args...)))
}

// plain refuses anchors, aliases and tags, which Knead's files never need
// (and which would let a small file expand without bound).
func (d *decoder) plain(n ast.Node) ast.Node {
	switch n.(type) {
	case *ast.AnchorNode, *ast.AliasNode:
		d.errorf(n, "anchors and aliases (& and *) are not accepted: write the value out")
		return nil
	case *ast.TagNode:
		d.errorf(n, "tags (!name) are not accepted: write a plain value")
		return nil
	case *ast.MergeKeyNode:
		d.errorf(n, "merge keys (<<) are not accepted: write the fields out")
		return nil
	}
	return n
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "nothing"
	case *ast.IntegerNode, *ast.FloatNode:
		return "a number"
	case *ast.BoolNode:
		return "true/false"
	}
	return "text"
}

// fields is a mapping whose keys have been checked against what is allowed.
type fields struct {
	d    *decoder
	what string
	node ast.Node
	vals map[string]ast.Node
	keys map[string]ast.Node
}

// fields reads n as a mapping with the allowed keys; unknown keys are
// errors. It returns nil when n is no mapping.
func (d *decoder) fields(n ast.Node, what string, allowed ...string) *fields {
	n = d.plain(n)
	if n == nil {
		return nil
	}
	var pairs []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		pairs = v.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{v}
	default:
		d.errorf(n, "expected %s as a mapping of fields (%s), found %s", what, strings.Join(allowed, ", "), describe(n))
		return nil
	}
	f := &fields{d: d, what: what, node: n, vals: map[string]ast.Node{}, keys: map[string]ast.Node{}}
	for _, p := range pairs {
		// a key given twice never gets here: the parser refuses it
		key := keyText(p.Key)
		known := false
		for _, a := range allowed {
			if a == key {
				known = true
				break
			}
		}
		if !known {
			hint := ""
			if s := nearest(key, allowed); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.errorf(p.Key, "unknown field %q in %s%s: expected one of %s", key, what, hint, strings.Join(allowed, ", "))
			continue
		}
		f.keys[key] = p.Key
		f.vals[key] = p.Value
	}
	return f
}

func keyText(k ast.MapKeyNode) string {
	switch v := k.(type) {
	case *ast.StringNode:
		return v.Value
	case *ast.MappingKeyNode:
		if v.Value != nil {
			return v.Value.String()
		}
	}
	if k == nil {
		return ""
	}
	return k.String()
}

func (f *fields) has(key string) bool {
	if f == nil {
		return false
	}
	_, ok := f.vals[key]
	return ok
}

// require reports each missing key at the mapping's position.
func (f *fields) require(keys ...string) {
	if f == nil {
		return
	}
	for _, k := range keys {
		if !f.has(k) {
			f.d.errorf(f.node, "%s is missing %q", f.what, k)
		}
	}
}

// value gives the node of key and where to report about it.
func (f *fields) value(key string) (ast.Node, bool) {
	if f == nil {
		return nil, false
	}
	n, ok := f.vals[key]
	if !ok {
		return nil, false
	}
	if n == nil { // "key:" with nothing after it
		return f.keys[key], true
	}
	return n, true
}

func (f *fields) label(key string) string { return f.what + " " + key }

// scalar reads text from a scalar node.
func (d *decoder) scalar(n ast.Node, what string) (string, bool) {
	n = d.plain(n)
	switch v := n.(type) {
	case nil:
		return "", false
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return strings.TrimRight(v.Value.Value, "\n"), true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	case *ast.NullNode, *ast.MappingKeyNode:
		d.errorf(n, "%s is empty: expected a value", what)
		return "", false
	}
	d.errorf(n, "expected %s to be a single value, found %s", what, describe(n))
	return "", false
}

// str reads a text field; missing gives "".
func (f *fields) str(key string) string {
	n, ok := f.value(key)
	if !ok {
		return ""
	}
	s, _ := f.d.scalar(n, f.label(key))
	return s
}

// text reads a field meant for people: trimmed, not empty, not too long.
func (f *fields) text(key string, max int) string {
	n, ok := f.value(key)
	if !ok {
		return ""
	}
	s, ok := f.d.scalar(n, f.label(key))
	if !ok {
		return ""
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		f.d.errorf(n, "%s is empty: expected some words", f.label(key))
	}
	if len(s) > max {
		f.d.errorf(n, "%s is %d characters long: keep it under %d", f.label(key), len(s), max)
		s = s[:max]
	}
	return s
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// id reads an id field and checks its shape.
func (f *fields) id(key string) string {
	n, ok := f.value(key)
	if !ok {
		return ""
	}
	s, ok := f.d.scalar(n, f.label(key))
	if !ok {
		return ""
	}
	if !idPattern.MatchString(s) || len(s) > 64 {
		f.d.errorf(n, "%s %q is not an id: expected lower-case letters and digits joined by hyphens, such as back-fan-stroke", f.label(key), s)
		return ""
	}
	return s
}

// word reads a field from a closed vocabulary.
func (f *fields) word(key string, v massage.Vocabulary) string {
	n, ok := f.value(key)
	if !ok {
		return ""
	}
	return f.d.word(n, f.label(key), v)
}

func (d *decoder) word(n ast.Node, what string, v massage.Vocabulary) string {
	s, ok := d.scalar(n, what)
	if !ok {
		return ""
	}
	if !v.Has(s) {
		hint := ""
		if near := nearest(s, v.IDs()); near != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", near)
		}
		d.errorf(n, "unknown %s %q in %s%s: expected one of %s", v.Kind, s, what, hint, strings.Join(v.IDs(), ", "))
		return ""
	}
	return s
}

// item is one entry of a list field, with its node for positions.
type item struct {
	node ast.Node
	text string
}

// list reads a list field; a bare scalar is a list of one.
func (f *fields) list(key string) []ast.Node {
	n, ok := f.value(key)
	if !ok {
		return nil
	}
	return f.d.list(n, f.label(key))
}

func (d *decoder) list(n ast.Node, what string) []ast.Node {
	n = d.plain(n)
	switch v := n.(type) {
	case nil:
		return nil
	case *ast.SequenceNode:
		out := make([]ast.Node, 0, len(v.Values))
		for _, x := range v.Values {
			if x == nil {
				d.errorf(v, "%s has an empty entry", what)
				continue
			}
			out = append(out, x)
		}
		return out
	case *ast.NullNode:
		return nil
	case *ast.MappingNode, *ast.MappingValueNode:
		d.errorf(n, "expected %s to be a list, found a mapping", what)
		return nil
	}
	return []ast.Node{n}
}

// strs reads a list of texts, keeping each entry's node.
func (f *fields) strs(key string) []item {
	var out []item
	for _, n := range f.list(key) {
		if s, ok := f.d.scalar(n, f.label(key)+" entry"); ok {
			out = append(out, item{node: n, text: s})
		}
	}
	return out
}

// words reads a list from a closed vocabulary.
func (f *fields) words(key string, v massage.Vocabulary) []string {
	var out []string
	for _, n := range f.list(key) {
		if s := f.d.word(n, f.label(key), v); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// areas reads a list of area ids.
func (f *fields) areas(key string) []string {
	var out []string
	for _, it := range f.strs(key) {
		if _, ok := massage.AreaByID(it.text); !ok {
			f.d.errorf(it.node, "unknown area %q in %s%s: expected one of %s", it.text, f.label(key), didYouMean(it.text, areaIDs()), massage.AreaNames())
			continue
		}
		out = append(out, it.text)
	}
	return out
}

// landmarks reads a list of landmark ids.
func (f *fields) landmarks(key string) []string {
	var out []string
	for _, it := range f.strs(key) {
		if _, ok := massage.LandmarkByID(it.text); !ok {
			f.d.errorf(it.node, "unknown landmark %q in %s%s: run `knead areas` for the landmarks of each area", it.text, f.label(key), didYouMean(it.text, landmarkIDs()))
			continue
		}
		out = append(out, it.text)
	}
	return out
}

func areaIDs() []string {
	out := make([]string, len(massage.Areas))
	for i, a := range massage.Areas {
		out[i] = a.ID
	}
	return out
}

func landmarkIDs() []string {
	out := make([]string, len(massage.Landmarks))
	for i, l := range massage.Landmarks {
		out[i] = l.ID
	}
	return out
}

func didYouMean(s string, options []string) string {
	if near := nearest(s, options); near != "" {
		return fmt.Sprintf(" (did you mean %q?)", near)
	}
	return ""
}

// number reads a number from a node (numbers written as quoted text are accepted).
func (d *decoder) number(n ast.Node, what string) (float64, bool) {
	n = d.plain(n)
	var f float64
	switch v := n.(type) {
	case nil:
		return 0, false
	case *ast.IntegerNode:
		switch x := v.Value.(type) {
		case int64:
			f = float64(x)
		case uint64:
			f = float64(x)
		default:
			d.errorf(n, "%s is not a number", what)
			return 0, false
		}
	case *ast.FloatNode:
		f = v.Value
	case *ast.StringNode:
		x, err := strconv.ParseFloat(strings.TrimSpace(v.Value), 64)
		if err != nil {
			d.errorf(n, "expected a number for %s, found %q", what, v.Value)
			return 0, false
		}
		f = x
	default:
		d.errorf(n, "expected a number for %s, found %s", what, describe(n))
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		d.errorf(n, "expected a finite number for %s", what)
		return 0, false
	}
	return f, true
}

func (f *fields) number(key string) (float64, bool) {
	n, ok := f.value(key)
	if !ok {
		return 0, false
	}
	return f.d.number(n, f.label(key))
}

func (f *fields) boolean(key string) bool {
	n, ok := f.value(key)
	if !ok {
		return false
	}
	b, isBool := f.d.plain(n).(*ast.BoolNode)
	if !isBool {
		f.d.errorf(n, "expected true or false for %s, found %s", f.label(key), describe(n))
		return false
	}
	return b.Value
}

// rangeText splits "5-15" (or with an en dash) into two numbers.
func rangeText(s string) (lo, hi float64, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "–", "-")
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err1 != nil || err2 != nil || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return 0, 0, false
	}
	return x, y, true
}

// maxSeconds is the longest anything in a file may last: two hours.
const maxSeconds = 7200

// bounds reads seconds: 30, "5-15" or {least, usual, most}.
func (f *fields) bounds(key string) massage.Bounds {
	n, ok := f.value(key)
	if !ok {
		return massage.Bounds{}
	}
	d, what := f.d, f.label(key)
	var b massage.Bounds
	switch v := d.plain(n).(type) {
	case nil:
		return b
	case *ast.IntegerNode, *ast.FloatNode:
		x, ok := d.number(v, what)
		if !ok {
			return b
		}
		b = massage.Bounds{Least: x, Usual: x, Most: x}
	case *ast.StringNode:
		if lo, hi, ok := rangeText(v.Value); ok {
			b = massage.Bounds{Least: lo, Usual: (lo + hi) / 2, Most: hi}
		} else if x, err := strconv.ParseFloat(strings.TrimSpace(v.Value), 64); err == nil && !math.IsNaN(x) && !math.IsInf(x, 0) {
			b = massage.Bounds{Least: x, Usual: x, Most: x}
		} else {
			d.errorf(n, "expected %s as seconds: a number (30), a range (\"5-15\") or {least, usual, most}, found %q", what, v.Value)
			return b
		}
	case *ast.MappingNode, *ast.MappingValueNode:
		m := d.fields(v, what, "least", "usual", "most")
		least, hasL := m.number("least")
		usual, hasU := m.number("usual")
		most, hasM := m.number("most")
		switch {
		case !hasL && !hasU && !hasM:
			d.errorf(n, "%s needs at least one of least, usual, most", what)
			return b
		case !hasU && hasL && hasM:
			usual = (least + most) / 2
		case !hasU:
			usual = least + most
		}
		if !hasL {
			least = usual
		}
		if !hasM {
			most = usual
		}
		if hasL && hasM && !hasU && least > most {
			usual = least
		}
		b = massage.Bounds{Least: least, Usual: usual, Most: most}
	default:
		d.errorf(n, "expected %s as seconds: a number (30), a range (\"5-15\") or {least, usual, most}, found %s", what, describe(v))
		return b
	}
	if p := b.Problem(); p != "" {
		d.errorf(n, "%s: %s", what, p)
		return massage.Bounds{}
	}
	if b.Most > maxSeconds {
		d.errorf(n, "%s: %s s is longer than anything Knead plans (%d s at most)", what, strconv.FormatFloat(b.Most, 'f', -1, 64), maxSeconds)
		return massage.Bounds{}
	}
	return b
}

// count reads a repeat count: 4, "4-5" or {least, most}.
func (f *fields) count(key string) massage.Count {
	n, ok := f.value(key)
	if !ok {
		return massage.Count{}
	}
	d, what := f.d, f.label(key)
	whole := func(x float64, at ast.Node) (int, bool) {
		if x != math.Trunc(x) {
			d.errorf(at, "%s must be a whole number of times, found %v", what, x)
			return 0, false
		}
		if x < 0 {
			d.errorf(at, "%s cannot be negative (found %v): expected a count such as 4", what, x)
			return 0, false
		}
		if x > 1000 {
			d.errorf(at, "%s of %v is more than anyone would do: expected 1000 at most", what, x)
			return 0, false
		}
		return int(x), true
	}
	var c massage.Count
	switch v := d.plain(n).(type) {
	case nil:
		return c
	case *ast.IntegerNode, *ast.FloatNode:
		x, ok := d.number(v, what)
		if !ok {
			return c
		}
		k, ok := whole(x, v)
		if !ok {
			return c
		}
		c = massage.Count{Least: k, Most: k}
	case *ast.StringNode:
		lo, hi, ok := rangeText(v.Value)
		if !ok {
			x, err := strconv.ParseFloat(strings.TrimSpace(v.Value), 64)
			if err != nil {
				d.errorf(n, "expected %s as a count (4), a range (\"4-5\") or {least, most}, found %q", what, v.Value)
				return c
			}
			lo, hi = x, x
		}
		a, ok1 := whole(lo, v)
		b, ok2 := whole(hi, v)
		if !ok1 || !ok2 {
			return c
		}
		c = massage.Count{Least: a, Most: b}
	case *ast.MappingNode, *ast.MappingValueNode:
		m := d.fields(v, what, "least", "most")
		m.require("least", "most")
		lo, _ := m.number("least")
		hi, _ := m.number("most")
		a, ok1 := whole(lo, v)
		b, ok2 := whole(hi, v)
		if !ok1 || !ok2 {
			return c
		}
		c = massage.Count{Least: a, Most: b}
	default:
		d.errorf(n, "expected %s as a count (4), a range (\"4-5\") or {least, most}, found %s", what, describe(v))
		return c
	}
	if p := c.Problem(); p != "" {
		d.errorf(n, "%s: %s", what, p)
		return massage.Count{}
	}
	return c
}

var unitWords = map[string]string{
	"in": "in", "inch": "in", "inches": "in",
	"cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
	"mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
}

// distance reads "1 in", "2.5 cm" or {value, unit}.
func (f *fields) distance(key string) massage.Distance {
	n, ok := f.value(key)
	if !ok {
		return massage.Distance{}
	}
	d, what := f.d, f.label(key)
	const expect = "a distance such as \"1 in\", \"2.5 cm\" or {value: 1, unit: in}"
	var dist massage.Distance
	switch v := d.plain(n).(type) {
	case nil:
		return dist
	case *ast.StringNode:
		parts := strings.Fields(v.Value)
		if len(parts) != 2 {
			d.errorf(n, "expected %s as %s, found %q", what, expect, v.Value)
			return dist
		}
		x, err := strconv.ParseFloat(parts[0], 64)
		u, okU := unitWords[strings.ToLower(parts[1])]
		if err != nil || !okU {
			d.errorf(n, "expected %s as %s, found %q", what, expect, v.Value)
			return dist
		}
		dist = massage.Distance{Value: x, Unit: u}
	case *ast.MappingNode, *ast.MappingValueNode:
		m := d.fields(v, what, "value", "unit")
		m.require("value", "unit")
		x, _ := m.number("value")
		dist = massage.Distance{Value: x, Unit: m.word("unit", massage.Units)}
	default:
		d.errorf(n, "expected %s as %s, found %s", what, expect, describe(v))
		return dist
	}
	if dist.Value <= 0 || math.IsNaN(dist.Value) || math.IsInf(dist.Value, 0) {
		d.errorf(n, "%s must be above zero", what)
		return massage.Distance{}
	}
	if dist.Metres() > 1 {
		d.errorf(n, "%s of %s is longer than a body part: expected under 1 metre", what, dist)
		return massage.Distance{}
	}
	return dist
}

// pressure reads "moderate" or {level, most, profile}.
func (f *fields) pressure(key string) massage.Pressure {
	n, ok := f.value(key)
	if !ok {
		return massage.Pressure{}
	}
	d, what := f.d, f.label(key)
	switch v := d.plain(n).(type) {
	case nil:
		return massage.Pressure{}
	case *ast.MappingNode, *ast.MappingValueNode:
		m := d.fields(v, what, "level", "most", "profile")
		m.require("level")
		p := massage.Pressure{
			Level:   m.word("level", massage.Levels),
			Most:    m.word("most", massage.Levels),
			Profile: m.word("profile", massage.Profiles),
		}
		if p.Most != "" && p.Level != "" && massage.LevelRank(p.Most) < massage.LevelRank(p.Level) {
			d.errorf(n, "%s: most (%s) is lighter than level (%s)", what, p.Most, p.Level)
		}
		return p
	default:
		return massage.Pressure{Level: d.word(v, what, massage.Levels)}
	}
}

// posture reads where the bodies are: {receiver: [face-down], giver: side,
// self: seated}. A receiver may be one word or a list of the postures the
// technique allows.
func (f *fields) posture(key string) massage.Posture {
	n, ok := f.value(key)
	if !ok {
		return massage.Posture{}
	}
	d, what := f.d, f.label(key)
	v, isMap := d.plain(n).(*ast.MappingNode)
	if !isMap {
		if mv, one := d.plain(n).(*ast.MappingValueNode); one {
			m := d.fields(mv, what, "receiver", "giver", "self")
			return massage.Posture{Receiver: m.words("receiver", massage.Receivers), Giver: m.word("giver", massage.Givers), Self: m.word("self", massage.SelfPostures)}
		}
		d.errorf(n, "%s: expected a mapping such as {receiver: face-down, giver: side} or {self: seated}", what)
		return massage.Posture{}
	}
	m := d.fields(v, what, "receiver", "giver", "self")
	return massage.Posture{Receiver: m.words("receiver", massage.Receivers), Giver: m.word("giver", massage.Givers), Self: m.word("self", massage.SelfPostures)}
}

// nearest is the one option a person most likely meant by s, or "".
func nearest(s string, options []string) string {
	if near := suggest.Nearest(s, options, 1); len(near) > 0 {
		return near[0]
	}
	return ""
}
