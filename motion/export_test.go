package motion

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/massage"
)

type row struct {
	t, x, y, f float64
	ts         string
	hand, area string
	chart      string
	contact    bool
	p          Vec3       // the body frame, with 3D columns
	q          [4]float64 // x, y, z, w
}

func exportRows(t *testing.T, paths []StepPath, o ExportOptions) []row {
	t.Helper()
	var b bytes.Buffer
	if err := Export(&b, paths, o); err != nil {
		t.Fatal(err)
	}
	return parseRows(t, b.String(), o.Format)
}

func parseRows(t *testing.T, s, format string) []row {
	t.Helper()
	var out []row
	if format == "jsonl" {
		lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
		var head map[string]Header
		if err := json.Unmarshal([]byte(lines[0]), &head); err != nil || head["knead_header"].Schema != "knead.trajectory" {
			t.Fatalf("line 1 is not the header: %v %.200s", err, lines[0])
		}
		for i, line := range lines[1:] {
			var m map[string]json.RawMessage
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatalf("line %d %q: %v", i+2, line, err)
			}
			if len(m) != len(Columns2D) && len(m) != len(Columns2D)+len(Columns3D) {
				t.Fatalf("line %d has %d fields, want %v and maybe %v", i+2, len(m), Columns2D, Columns3D)
			}
			var r row
			r.ts = string(m["t"])
			nums := map[string]*float64{"t": &r.t, "x": &r.x, "y": &r.y, "force_n": &r.f}
			if _, ok := m["px"]; ok {
				for k, p := range map[string]*float64{"px": &r.p.X, "py": &r.p.Y, "pz": &r.p.Z, "qx": &r.q[0], "qy": &r.q[1], "qz": &r.q[2], "qw": &r.q[3]} {
					nums[k] = p
				}
			}
			for k, p := range nums {
				if err := json.Unmarshal(m[k], p); err != nil {
					t.Fatalf("line %d %s: %v", i+2, k, err)
				}
			}
			var c int
			json.Unmarshal(m["hand"], &r.hand)
			json.Unmarshal(m["region"], &r.area)
			json.Unmarshal(m["chart"], &r.chart)
			json.Unmarshal(m["contact"], &c)
			r.contact = c == 1
			out = append(out, r)
		}
		return out
	}
	if !strings.HasPrefix(s, "# knead trajectory") {
		t.Fatalf("the CSV does not start with its header block: %.100q", s)
	}
	cr := csv.NewReader(strings.NewReader(s))
	cr.Comment = '#'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := Columns2D
	if len(recs[0]) > len(want) {
		want = append(append([]string(nil), Columns2D...), Columns3D...)
	}
	if d := cmp.Diff(want, recs[0]); d != "" {
		t.Fatalf("header (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"t", "x", "y", "force_n", "hand", "region"}, recs[0][:6]); d != "" {
		t.Fatalf("the first columns changed: fields are only ever added (-want +got):\n%s", d)
	}
	for _, rec := range recs[1:] {
		var r row
		r.ts = rec[0]
		nums := []*float64{&r.t, &r.x, &r.y, &r.f}
		if len(rec) > 8 {
			nums = append(nums, &r.p.X, &r.p.Y, &r.p.Z, &r.q[0], &r.q[1], &r.q[2], &r.q[3])
		}
		for i, p := range nums {
			j := i
			if i >= 4 {
				j = i + 4
			}
			v, err := strconv.ParseFloat(rec[j], 64)
			if err != nil {
				t.Fatalf("row %v: %v", rec, err)
			}
			*p = v
		}
		r.hand, r.area, r.chart, r.contact = rec[4], rec[5], rec[6], rec[7] == "1"
		out = append(out, r)
	}
	return out
}

func TestExportTimeStep(t *testing.T) {
	paths, err := TechniquePaths(technique(t, "back-fan-stroke"))
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for _, p := range paths {
		total += p.Seconds
	}
	for _, rate := range []int{1, 3, 7, 8, 100, 250, 1000} {
		for _, format := range []string{"csv", "jsonl"} {
			rows := exportRows(t, paths, ExportOptions{Format: format, Rate: rate})
			K := int(math.Round(total * float64(rate)))
			if len(rows) != 2*(K+1) {
				t.Errorf("%d Hz %s: %d rows, want %d", rate, format, len(rows), 2*(K+1))
				continue
			}
			tf := newTimeFormat(rate)
			for i, r := range rows {
				k := i / 2
				want := float64(k) / float64(rate)
				if math.Abs(r.t-want) > 5e-7 {
					t.Fatalf("%d Hz %s: row %d at t %v, want %v", rate, format, i, r.t, want)
				}
				if tf.mul > 0 && r.ts != string(tf.append(nil, int64(k))) {
					t.Fatalf("%d Hz %s: row %d t %q is not exact", rate, format, i, r.ts)
				}
				if wantHand := []string{"left", "right"}[i%2]; r.hand != wantHand || r.area != "back" {
					t.Fatalf("%d Hz: row %d is %s/%s, want %s/back", rate, i, r.hand, r.area, wantHand)
				}
			}
			if last := rows[len(rows)-1].t; math.Abs(last-total) > 5e-7 {
				t.Errorf("%d Hz: last row at %v s, want %v", rate, last, total)
			}
		}
	}
	for rate, want := range map[int]string{1000: "12.345", 100: "0.10", 8: "0.125", 3: "0.333333", 1: "7"} {
		k := map[int]int64{1000: 12345, 100: 10, 8: 1, 3: 1, 1: 7}[rate]
		if got := string(newTimeFormat(rate).append(nil, k)); got != want {
			t.Errorf("t at tick %d of %d Hz = %q, want %q", k, rate, got, want)
		}
	}
}

// At a sample's own time the export gives that sample, in metres.
func TestExportMatchesSamples(t *testing.T) {
	p := compileStep(t, technique(t, "back-circling-hands"), 1)
	rows := exportRows(t, []StepPath{p}, ExportOptions{Rate: 50})
	v := viewByID[p.View]
	for k := 0; k < len(p.Hands[0].Samples); k += 37 {
		for h, hp := range p.Hands {
			s, r := hp.Samples[k], rows[k*len(p.Hands)+h]
			if math.Abs(r.x-s.X*v.MM/1000) > 6e-5 || math.Abs(r.y-s.Y*v.MM/1000) > 6e-5 {
				t.Fatalf("tick %d %s: row at %v,%v m, sample at %v,%v m", k, hp.Hand, r.x, r.y, s.X*v.MM/1000, s.Y*v.MM/1000)
			}
			if !r.contact && r.f != 0 || r.contact && !s.Contact {
				t.Fatalf("tick %d %s: contact %v (sample %v) with force %v N", k, hp.Hand, r.contact, s.Contact, r.f)
			}
		}
	}
}

// Exports keep the limits always: every force of every catalog technique
// is under its region's limit; the feet need --max-force; a cap caps.
func TestExportLimits(t *testing.T) {
	cat := builtin(t)
	for _, x := range cat.Techniques {
		paths, err := TechniquePaths(x)
		if err != nil {
			t.Fatal(err)
		}
		feet := false
		for _, p := range paths {
			r, _ := RegionOf(p.Area)
			feet = feet || r.Limit == 0
		}
		var b bytes.Buffer
		err = Export(&b, paths, ExportOptions{Rate: 20})
		if feet {
			var le *LimitError
			if !errors.As(err, &le) || le.Limit != 0 || !strings.Contains(err.Error(), "--max-force") {
				t.Errorf("%s works the feet: got %v, want a refusal asking for --max-force", x.ID, err)
			}
			if b.Len() != 0 {
				t.Errorf("%s: a refused export wrote %d bytes", x.ID, b.Len())
			}
			const capN = 6
			for _, r := range exportRows(t, paths, ExportOptions{Rate: 20, MaxForce: capN}) {
				if r.f > capN {
					t.Fatalf("%s: %v N above the %v N cap", x.ID, r.f, capN)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", x.ID, err)
			continue
		}
		limit := map[string]float64{}
		for _, p := range paths {
			r, _ := RegionOf(p.Area)
			limit[p.Area] = r.Limit
		}
		for _, r := range parseRows(t, b.String(), "csv") {
			if r.f < 0 || r.f > limit[r.area] || r.f > contactForce {
				t.Fatalf("%s: %v N on the %s (limit %v N)", x.ID, r.f, r.area, limit[r.area])
			}
		}
	}
}

// A force above the limit is refused with what, where, how much and the
// limit; strikes may reach twice the limit except on the head and face.
func TestExportRefusesAboveLimit(t *testing.T) {
	fan, _ := TechniquePaths(technique(t, "back-fan-stroke"))
	var b bytes.Buffer
	err := Export(&b, fan, ExportOptions{Forces: map[string]float64{"moderate": 250}})
	var le *LimitError
	if !errors.As(err, &le) {
		t.Fatalf("250 N on the back: got %v, want a LimitError", err)
	}
	if le.Technique != "back-fan-stroke" || le.Step != 1 || le.Region.ID != "back" || le.Force != 250 || le.Limit != 210 {
		t.Errorf("refusal: %+v", le)
	}
	for _, s := range []string{"back-fan-stroke", "step 1", "250.0 N", "210 N", "back and shoulders"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("refusal %q does not say %q", err, s)
		}
	}
	if b.Len() != 0 {
		t.Errorf("a refused export wrote %d bytes", b.Len())
	}
	// a cap under the limit lets the same forces through, capped
	rows := exportRows(t, fan, ExportOptions{Forces: map[string]float64{"moderate": 250}, MaxForce: 40})
	top := 0.0
	for _, r := range rows {
		top = math.Max(top, r.f)
	}
	if top != 40 {
		t.Errorf("capped at 40 N, the highest force is %v N", top)
	}

	chop := func(area string, at ...string) []StepPath {
		x := tech(area, massage.Step{Motion: "chop", Hands: hands("both fingers"), At: at, Seconds: massage.Bounds{Usual: 5}})
		return []StepPath{compileStep(t, x, 1)}
	}
	deep := map[string]float64{"moderate": 300}
	if err := Export(&b, chop("upper-back", "shoulder-blades", "middle-back"), ExportOptions{Forces: deep}); err != nil {
		t.Errorf("300 N strikes on the back (transient limit 420 N): %v", err)
	}
	if err := Export(&b, chop("scalp", "sides-of-head", "top-of-head"), ExportOptions{Forces: map[string]float64{"moderate": 200}}); err == nil {
		t.Error("200 N strikes on the skull: no refusal (the skull has no transient allowance)")
	}
}

func TestExportOptionErrors(t *testing.T) {
	paths := []StepPath{compileStep(t, technique(t, "back-raking"), 1)}
	for _, o := range []ExportOptions{{Rate: 1001}, {Rate: -5}, {Format: "xml"}, {MaxForce: -1}, {MaxForce: math.NaN()}} {
		if err := Export(&bytes.Buffer{}, paths, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

func TestParseForces(t *testing.T) {
	got, err := ParseForces([]string{"light=3, deep=12.5", "moderate=6"})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(map[string]float64{"light": 3, "moderate": 6, "deep": 12.5}, got); d != "" {
		t.Errorf("forces (-want +got):\n%s", d)
	}
	for _, bad := range []string{"deep", "hard=3", "deep=-1", "deep=x", "deep=0", "deep=Inf"} {
		if _, err := ParseForces([]string{bad}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzParseForces(f *testing.F) {
	for _, s := range []string{"deep=10", "light=3,moderate=6", "=", "deep=1e400", ",,", "moderate= 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseForces([]string{s})
		if err != nil {
			return
		}
		for k, v := range got {
			if !massage.Levels.Has(k) || !(v > 0) || math.IsInf(v, 0) {
				t.Errorf("%q gave %s=%v", s, k, v)
			}
		}
	})
}

// A routine plays its items in order, each filling exactly its seconds.
func TestRoutinePaths(t *testing.T) {
	cat := builtin(t)
	r := &massage.Routine{ID: "evening", Name: "Evening", Mode: "partner", Items: []massage.Item{
		{Technique: "back-fan-stroke", Area: "upper-back", Seconds: 300, Pressure: "light"},
		{Technique: "back-raking", Seconds: 47.33},
		{Name: "Shoulder squeeze", Area: "shoulders", Seconds: 60, Steps: []massage.Step{
			{Say: "Squeeze the tops of the shoulders.", Motion: "squeeze", At: []string{"tops-of-shoulders"}}}},
	}}
	paths, err := RoutinePaths(cat, r)
	if err != nil {
		t.Fatal(err)
	}
	var per []float64
	sum, cur := 0.0, ""
	for _, p := range paths {
		if p.Technique != cur {
			if cur != "" {
				per = append(per, sum)
			}
			cur, sum = p.Technique, 0
		}
		sum += p.Seconds
		if p.Technique == "back-fan-stroke" && p.Level != "light" {
			t.Errorf("fan stroke at %s: a light item is never pressed deeper", p.Level)
		}
		if p.Technique == "back-raking" && p.Level != "light" {
			t.Errorf("raking at %s: an item with no pressure keeps the step's own (light)", p.Level)
		}
	}
	per = append(per, sum)
	want := []float64{300, 47.34, 60}
	for i := range want {
		if math.Abs(per[i]-want[i]) > 1e-9 {
			t.Errorf("item %d lasts %v s, want %v", i+1, per[i], want[i])
		}
	}
	if paths[len(paths)-1].Technique != "shoulder-squeeze" {
		t.Errorf("the item with its own steps is %q", paths[len(paths)-1].Technique)
	}
	rows := exportRows(t, paths, ExportOptions{Rate: 10})
	if last := rows[len(rows)-1].t; math.Abs(last-407.3) > 1e-6 {
		t.Errorf("the routine ends at %v s, want 407.3", last)
	}
	// the planner's play: only the steps it names, in its order, filling
	// the item's seconds
	played := &massage.Routine{ID: "played", Items: []massage.Item{{Technique: "scalp-petrissage", Seconds: 120, Play: []int{2, 5}}}}
	paths, err = RoutinePaths(cat, played)
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for i, p := range paths {
		if want := []int{3, 6}[i%2]; p.Step != want {
			t.Errorf("played path %d is step %d, want %d", i, p.Step, want)
		}
		total += p.Seconds
	}
	if math.Abs(total-120) > 1e-9 {
		t.Errorf("the played steps last %v s, want 120", total)
	}
	played.Items[0].Play = []int{9}
	if _, err := RoutinePaths(cat, played); err == nil || !strings.Contains(err.Error(), "play names step 10") {
		t.Errorf("a play past the steps: %v", err)
	}
	bad := &massage.Routine{ID: "bad", Items: []massage.Item{{Technique: "no-such"}}}
	if _, err := RoutinePaths(cat, bad); err == nil || !strings.Contains(err.Error(), "no-such") {
		t.Errorf("unknown technique: %v", err)
	}
}

// The compact JSON holds every sample, rounded to 3 decimals.
func TestCompactJSON(t *testing.T) {
	p := compileStep(t, technique(t, "toe-rotation"), 1)
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var c Compact
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	if c.View != "foot" || c.Panel != "top" || c.Rate != Rate || len(c.Hands) != len(p.Hands) {
		t.Errorf("compact: view %s panel %s rate %d hands %d", c.View, c.Panel, c.Rate, len(c.Hands))
	}
	for i, h := range c.Hands {
		n := len(p.Hands[i].Samples)
		if len(h.T) != n || len(h.X) != n || len(h.Y) != n || len(h.Pressure) != n || len(h.Contact) != n {
			t.Fatalf("%s: arrays of %d/%d/%d/%d/%d, want %d", h.Hand, len(h.T), len(h.X), len(h.Y), len(h.Pressure), len(h.Contact), n)
		}
		for k := range h.X {
			for _, v := range []float64{h.T[k], h.X[k], h.Y[k], h.Pressure[k]} {
				if math.Abs(v*1000-math.Round(v*1000)) > 1e-6 {
					t.Fatalf("%s sample %d: %v has more than 3 decimals", h.Hand, k, v)
				}
			}
			if (h.Contact[k] == 1) != p.Hands[i].Samples[k].Contact {
				t.Fatalf("%s sample %d: contact %d", h.Hand, k, h.Contact[k])
			}
		}
		if h.Colour != colourOf(h.Hand) {
			t.Errorf("%s: colour %s", h.Hand, h.Colour)
		}
	}
	if len(data) > 120_000 {
		t.Errorf("40 s of two hands is %d bytes of JSON; keep it small", len(data))
	}
}
