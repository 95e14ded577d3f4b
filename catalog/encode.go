package catalog

import (
	"bytes"
	"fmt"
	"math"

	"github.com/goccy/go-yaml"

	"github.com/knead/knead/massage"
)

// The shapes below mirror docs/format.md field for field, in the order a
// person reads them.

// num prints whole numbers without a decimal point ("90", not "90.0").
type num float64

func (n num) MarshalYAML() (any, error) {
	if f := float64(n); f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return int64(f), nil
	}
	return float64(n), nil
}

type boundsOut struct {
	Least num `yaml:"least"`
	Usual num `yaml:"usual"`
	Most  num `yaml:"most"`
}

type countOut struct {
	Least int `yaml:"least"`
	Most  int `yaml:"most"`
}

type distanceOut struct {
	Value num    `yaml:"value"`
	Unit  string `yaml:"unit"`
}

type pressureOut struct {
	Level   string `yaml:"level"`
	Most    string `yaml:"most,omitempty"`
	Profile string `yaml:"profile,omitempty"`
}

type handOut struct {
	Hand string   `yaml:"hand"`
	Part string   `yaml:"part"`
	Role string   `yaml:"role,omitempty"`
	At   []string `yaml:"at,omitempty,flow"`
	Turn string   `yaml:"turn,omitempty"`
}

type stepOut struct {
	Title     string       `yaml:"title,omitempty"`
	Say       string       `yaml:"say"`
	Hands     []handOut    `yaml:"hands,omitempty"`
	At        []string     `yaml:"at,omitempty,flow"`
	Motion    string       `yaml:"motion"`
	Direction []string     `yaml:"direction,omitempty,flow"`
	Turn      string       `yaml:"turn,omitempty"`
	Pressure  *pressureOut `yaml:"pressure,omitempty,flow"`
	Repeat    *countOut    `yaml:"repeat,omitempty,flow"`
	Increment *distanceOut `yaml:"increment,omitempty,flow"`
	Radius    *distanceOut `yaml:"radius,omitempty,flow"`
	Tempo     num          `yaml:"tempo,omitempty"`
	Seconds   *boundsOut   `yaml:"seconds,omitempty,flow"`
	Side      string       `yaml:"side,omitempty"`
	Cautions  []string     `yaml:"cautions,omitempty,flow"`
	Note      string       `yaml:"note,omitempty"`
}

type itemOut struct {
	Technique string    `yaml:"technique,omitempty"`
	Name      string    `yaml:"name,omitempty"`
	Area      string    `yaml:"area,omitempty"`
	Phase     string    `yaml:"phase,omitempty"`
	Seconds   num       `yaml:"seconds,omitempty"`
	Pressure  string    `yaml:"pressure,omitempty"`
	Side      string    `yaml:"side,omitempty"`
	Repeat    *countOut `yaml:"repeat,omitempty,flow"`
	Cautions  []string  `yaml:"cautions,omitempty,flow"`
	Note      string    `yaml:"note,omitempty"`
	Steps     []stepOut `yaml:"steps,omitempty"`
	Play      []int     `yaml:"play,omitempty,flow"`
}

type transitionOut struct {
	Before  int    `yaml:"before"`
	Kind    string `yaml:"kind,omitempty"`
	Say     string `yaml:"say"`
	Seconds num    `yaml:"seconds"`
}

type claimOut struct {
	Say    string `yaml:"say"`
	Source string `yaml:"source"`
}

type routineOut struct {
	ID       string     `yaml:"id"`
	Name     string     `yaml:"name"`
	Summary  string     `yaml:"summary,omitempty"`
	Mode     string     `yaml:"mode,omitempty"`
	Pressure string     `yaml:"pressure,omitempty"`
	Prep     []string   `yaml:"prep,omitempty,flow"`
	Cautions []string   `yaml:"cautions,omitempty,flow"`
	Claims   []claimOut `yaml:"claims,omitempty"`
	Sources  []string   `yaml:"sources,omitempty,flow"`
	Notes    []string   `yaml:"notes,omitempty"`
	Items    []itemOut  `yaml:"items"`
	// Transitions come after the items, numbering them from 1.
	Transitions []transitionOut `yaml:"transitions,omitempty"`
}

func countPtr(c massage.Count) *countOut {
	if c.IsZero() {
		return nil
	}
	return &countOut{Least: c.Least, Most: c.Most}
}

func distPtr(d massage.Distance) *distanceOut {
	if d.IsZero() {
		return nil
	}
	return &distanceOut{Value: num(d.Value), Unit: d.Unit}
}

func stepsOut(steps []massage.Step) []stepOut {
	out := make([]stepOut, 0, len(steps))
	for _, s := range steps {
		so := stepOut{
			Title: s.Title, Say: s.Say, At: s.At, Motion: s.Motion, Direction: s.Direction,
			Turn: s.Turn, Repeat: countPtr(s.Repeat), Increment: distPtr(s.Increment),
			Radius: distPtr(s.Radius), Tempo: num(s.Tempo), Side: s.Side, Cautions: s.Cautions, Note: s.Note,
		}
		for _, h := range s.Hands {
			so.Hands = append(so.Hands, handOut(h))
		}
		if !s.Pressure.IsZero() {
			so.Pressure = &pressureOut{Level: s.Pressure.Level, Most: s.Pressure.Most, Profile: s.Pressure.Profile}
		}
		if !s.Seconds.IsZero() {
			so.Seconds = &boundsOut{Least: num(s.Seconds.Least), Usual: num(s.Seconds.Usual), Most: num(s.Seconds.Most)}
		}
		out = append(out, so)
	}
	return out
}

func oneBased(ix []int) []int {
	if len(ix) == 0 {
		return nil
	}
	out := make([]int, len(ix))
	for i, k := range ix {
		out[i] = k + 1
	}
	return out
}

// EncodeRoutine writes r as a routine file in Knead's format, one that
// ReadRoutine and `knead check` read back to the same routine.
func EncodeRoutine(r *massage.Routine) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("no routine to write")
	}
	ro := routineOut{
		ID: r.ID, Name: r.Name, Summary: r.Summary, Mode: r.Mode, Pressure: r.Pressure,
		Prep: r.Prep, Cautions: r.Cautions, Sources: r.Sources, Notes: r.Notes,
	}
	for _, c := range r.Claims {
		ro.Claims = append(ro.Claims, claimOut(c))
	}
	for _, it := range r.Items {
		ro.Items = append(ro.Items, itemOut{
			Technique: it.Technique, Name: it.Name, Area: it.Area, Phase: it.Phase,
			Seconds: num(it.Seconds), Pressure: it.Pressure, Side: it.Side, Repeat: countPtr(it.Repeat),
			Cautions: it.Cautions, Note: it.Note, Steps: stepsOut(it.Steps), Play: oneBased(it.Play),
		})
	}
	for _, tr := range r.Transitions {
		ro.Transitions = append(ro.Transitions, transitionOut{Before: tr.Before + 1, Kind: tr.Kind, Say: tr.Say, Seconds: num(tr.Seconds)})
	}
	body, err := yaml.MarshalWithOptions(map[string]routineOut{"routine": ro}, yaml.Indent(2), yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, fmt.Errorf("writing routine %s: %w", r.ID, err)
	}
	var b bytes.Buffer
	b.WriteString("# A Knead routine. Check it with `knead check FILE`; the format is in docs/format.md.\n")
	b.Write(body)
	return b.Bytes(), nil
}
