package motion

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
)

// Header is the block an export starts with: what the rows are, in which
// units and frame, at what rate, for what body, within which limits and
// where those come from. CSV gives it as comment lines ("# key: value",
// the value in JSON); JSON lines as the first line, {"knead_header": …}.
type Header struct {
	Schema    string            `json:"schema"`
	Version   int               `json:"version"`
	Notice    string            `json:"notice"`
	Rate      int               `json:"rate_hz"`
	Seconds   float64           `json:"seconds"`
	Columns   []string          `json:"columns"`
	Units     map[string]string `json:"units"`
	Rows      string            `json:"rows"`
	Frame     FrameInfo         `json:"frame"`
	Body      BodyInfo          `json:"body"`
	Limits    LimitsInfo        `json:"limits"`
	Regions   []RegionInfo      `json:"regions"`
	Standards map[string]string `json:"standards"`
	// Adapted lists the steps laid out slower than their tempo to keep
	// within limits the user lowered; absent with Knead's own limits.
	Adapted []AdaptedStep `json:"adapted,omitempty"`
}

// AdaptedStep is a step made gentler for lowered limits: its strokes run
// at this share of their usual tempo, fewer of them in the same time, so
// the step lasts as long as the spoken guidance says.
type AdaptedStep struct {
	Technique string  `json:"technique"`
	Step      int     `json:"step"`
	Tempo     float64 `json:"tempo_share"`
	How       string  `json:"how"`
}

// FrameInfo names and describes the body frame.
type FrameInfo struct {
	Name        string `json:"name"`
	Convention  string `json:"convention"`
	Origin      string `json:"origin"`
	X, Y, Z     string
	Orientation string `json:"orientation"`
	Lifted      string `json:"lifted"`
	Charts      string `json:"charts"`
}

// BodyInfo gives the body the 3D columns are placed on.
type BodyInfo struct {
	Height float64 `json:"height_m"`
	Build  string  `json:"build"`
	Model  string  `json:"model"`
}

// LimitsInfo gives the motion limits and their sources.
type LimitsInfo struct {
	ContactSpeed float64           `json:"contact_speed_m_s"`
	TravelSpeed  float64           `json:"travel_speed_m_s"`
	Accel        float64           `json:"acceleration_m_s2"`
	ForceRate    float64           `json:"force_rate_n_s"`
	MaxForce     float64           `json:"max_force_n,omitempty"`
	Sources      map[string]string `json:"sources"`
}

// RegionInfo is one region the export works, with its force limit.
type RegionInfo struct {
	Region string   `json:"region"`
	Name   string   `json:"name"`
	Areas  []string `json:"areas"`
	Limit  float64  `json:"limit_n"`
	Strike float64  `json:"strike_limit_n,omitempty"`
	Source string   `json:"source"`
}

// Standards cited in every header.
var Standards = map[string]string{
	"upper_bound": "ISO/TS 15066:2016, Robots and robotic devices - Collaborative robots, Annex A, Table A.2: pain-onset force limits for quasi-static contact (transient contact up to twice, except skull, forehead and face), as quoted in Knead's shared/reference/motion-and-limits.md. Written for unintended contact with industrial robots: Knead keeps it only as an upper bound.",
	"applies":     "ISO 13482:2014, Robots and robotic devices - Safety requirements for personal care robots (including physical assistant robots), https://www.iso.org/standard/53820.html: the standard for robots meant to touch people; its risk assessment is the device maker's.",
	"conventions": "ROS REP 103, Standard Units of Measure and Coordinate Conventions, https://ros.org/reps/rep-0103.html",
}

// Columns of a row, in order.
var (
	Columns2D = []string{"t", "x", "y", "force_n", "hand", "region", "chart", "contact"}
	Columns3D = []string{"px", "py", "pz", "qx", "qy", "qz", "qw"}
)

func (tr *trajectory) header(o *ExportOptions) Header {
	cols := append([]string(nil), Columns2D...)
	if o.Columns == "3d" {
		cols = append(cols, Columns3D...)
	}
	h := Header{
		Schema: "knead.trajectory", Version: SchemaVersion, Rate: o.Rate,
		Notice:  "Knead is not medical advice. Check every trajectory against your device's own safety case before it touches anyone.",
		Seconds: float64(tr.n) / Rate,
		Columns: cols,
		Units: map[string]string{"t": "s", "x": "m", "y": "m", "force_n": "N", "contact": "1 touching, 0 lifted",
			"px": "m", "py": "m", "pz": "m", "qx": "1", "qy": "1", "qz": "1", "qw": "1"},
		Rows: "one row per hand (left, then right) every 1/rate_hz s, t = k/rate_hz exactly; x, y: metres on the chart named in the chart column (x right, y down, from its top-left corner, for the average adult); force_n: the normal force; region: the area worked",
		Frame: FrameInfo{Name: BodyFrame, Convention: "ROS REP 103: right-handed, SI units, orientation as a quaternion (x, y, z, w)",
			Origin:      "midway between the hip joints",
			X:           "forward, out of the front of the body",
			Y:           "to the receiver's left",
			Z:           "up, toward the head, the body standing in the anatomical position with the arm held out to the side",
			Orientation: "the tool frame's z axis points into the skin along its normal (the way it presses); its x axis is as near the body's z as the skin allows",
			Lifted:      "a lifted hand is off the skin along its normal, 2 cm at most within a chart and 10 cm at most between charts, where it travels in a straight line: check that line against your own model of the body",
			Charts:      "back, neck-shoulders, head-back, head-side (the left side), head-top, torso-front, arm (the right arm), hand (the right hand), leg (the left leg, outer side), foot (the right foot)",
		},
		Body: BodyInfo{Height: o.Body.Height, Build: o.Body.Build,
			Model: "Knead's simple parametric body: elliptic-cylinder torso, cylinder neck, ellipsoid head, cylinder arm and leg, flat hand and foot; lengths scale with the height, widths with the build too"},
		Limits: LimitsInfo{ContactSpeed: tr.limits.ContactSpeed, TravelSpeed: tr.limits.TravelSpeed, Accel: tr.limits.Accel,
			ForceRate: tr.limits.ForceRate, MaxForce: o.MaxForce, Sources: map[string]string{}},
		Standards: Standards,
	}
	for k, v := range LimitSources {
		h.Limits.Sources[k] = v
	}
	if tr.limits != DefaultLimits {
		h.Limits.Sources["lowered"] = "some limits were lowered by the user"
		h.Adapted = adaptedSteps(tr.paths)
	}
	seen := map[string]bool{}
	areas := map[string][]string{}
	for _, p := range tr.paths {
		r, _ := RegionOf(p.Area)
		if !seen[r.ID+"/"+p.Area] {
			seen[r.ID+"/"+p.Area] = true
			areas[r.ID] = append(areas[r.ID], p.Area)
		}
	}
	var ids []string
	for id := range areas {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r, _ := RegionByID(id)
		limit, _, source := limitFor(r, o)
		if limit <= 0 {
			limit, source = o.MaxForce, "--max-force"
		}
		ri := RegionInfo{Region: id, Name: r.Name, Areas: areas[id], Limit: limit, Source: source}
		if !r.NoTransient && source == "ISO/TS 15066, Annex A" {
			ri.Strike = 2 * limit
		}
		sort.Strings(ri.Areas)
		h.Regions = append(h.Regions, ri)
	}
	return h
}

func writeHeader(w io.Writer, tr *trajectory, o *ExportOptions) error {
	h := tr.header(o)
	var b bytes.Buffer
	if o.Format == "jsonl" {
		data, err := json.Marshal(map[string]Header{"knead_header": h})
		if err != nil {
			return err
		}
		b.Write(data)
		b.WriteByte('\n')
		_, err = w.Write(b.Bytes())
		return err
	}
	// CSV: each field as a comment line, its value in JSON
	data, err := json.Marshal(h)
	if err != nil {
		return err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
	b.WriteString("# knead trajectory; lines starting with # are the header, then one line of column names\n")
	for _, k := range []string{"schema", "version", "notice", "rate_hz", "seconds", "columns", "units", "rows", "frame", "body", "limits", "regions", "standards"} {
		b.WriteString("# " + k + ": ")
		b.Write(fields[k])
		b.WriteByte('\n')
	}
	if v, ok := fields["adapted"]; ok {
		b.WriteString("# adapted: ")
		b.Write(v)
		b.WriteByte('\n')
	}
	for i, c := range h.Columns {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(c)
	}
	b.WriteByte('\n')
	_, err = w.Write(b.Bytes())
	return err
}

// adaptedSteps lists, once each, the steps laid out slower than their
// tempo (by a tenth or more) to keep within lowered limits.
func adaptedSteps(paths []StepPath) []AdaptedStep {
	var out []AdaptedStep
	seen := map[string]bool{}
	for _, p := range paths {
		key := fmt.Sprintf("%s/%d", p.Technique, p.Step)
		if p.slow < 1.1 || seen[key] {
			continue
		}
		seen[key] = true
		share := math.Round(100/p.slow) / 100
		out = append(out, AdaptedStep{Technique: p.Technique, Step: p.Step, Tempo: share,
			How: fmt.Sprintf("strokes at %.0f%% of their usual tempo, fewer of them in the step's %g s, so the step lasts as long as its guidance", 100*share, p.Seconds)})
	}
	return out
}
