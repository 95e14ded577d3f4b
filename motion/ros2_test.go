package motion

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
)

type ros2Doc struct {
	Header       Header `json:"knead_header"`
	Trajectories []struct {
		Hand   string `json:"hand"`
		Header struct {
			FrameID string `json:"frame_id"`
		} `json:"header"`
		Tracked string `json:"tracked_frame"`
		Points  []struct {
			Time struct {
				Sec, Nanosec int64
			} `json:"time_from_start"`
			Point struct {
				Pose struct {
					Position    struct{ X, Y, Z float64 }    `json:"position"`
					Orientation struct{ X, Y, Z, W float64 } `json:"orientation"`
				} `json:"pose"`
			} `json:"point"`
			Wrench struct {
				Force  struct{ X, Y, Z float64 } `json:"force"`
				Torque struct{ X, Y, Z float64 } `json:"torque"`
			} `json:"wrench"`
			Segment int `json:"segment"`
		} `json:"points"`
	} `json:"trajectories"`
	Segments []Segment `json:"segments"`
}

// TestROS2Export writes techniques as ROS-2-shaped JSON and checks what a
// robotics engineer relies on: the frame on every trajectory, points in
// time order, one segment for every run of points, each segment's region,
// contact type, force limit and abort threshold consistent with its
// points, the wrench along the tool's axis as large as the row's force.
func TestROS2Export(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"back-raking", "scalp-tapping", "scalp-chopping", "toe-rotation", "back-circling-hands"} {
		paths, err := TechniquePaths(cat.Technique(id))
		if err != nil {
			t.Fatal(err)
		}
		o := ExportOptions{Format: "ros2-json", Rate: 20, MaxForce: 12}
		var buf bytes.Buffer
		if err := Export(&buf, paths, o); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		var doc ros2Doc
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("%s: not JSON: %v", id, err)
		}
		if doc.Header.Schema != ROS2Schema || doc.Header.Frame.Name != BodyFrame {
			t.Errorf("%s: header %q frame %q", id, doc.Header.Schema, doc.Header.Frame.Name)
		}
		// the rows of the same export, to compare forces with
		o.Format = "jsonl"
		var rows bytes.Buffer
		if err := Export(&rows, paths, o); err != nil {
			t.Fatal(err)
		}
		var rs []map[string]any
		for i, line := range strings.Split(strings.TrimSpace(rows.String()), "\n") {
			if i == 0 {
				continue
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatal(err)
			}
			rs = append(rs, m)
		}
		if len(doc.Trajectories) != 2 {
			t.Fatalf("%s: %d trajectories", id, len(doc.Trajectories))
		}
		kinds := map[string]int{}
		for h, tj := range doc.Trajectories {
			if tj.Hand != handIDs[h] || tj.Header.FrameID != BodyFrame || tj.Tracked != "knead_tool_"+tj.Hand {
				t.Errorf("%s: trajectory %d: hand %q frame %q tracked %q", id, h, tj.Hand, tj.Header.FrameID, tj.Tracked)
			}
			if 2*len(tj.Points) != len(rs) {
				t.Fatalf("%s %s: %d points for %d rows", id, tj.Hand, len(tj.Points), len(rs))
			}
			lastSeg := -1
			for k, p := range tj.Points {
				tm := float64(p.Time.Sec) + float64(p.Time.Nanosec)/1e9
				if math.Abs(tm-float64(k)/20) > 1e-9 {
					t.Fatalf("%s %s point %d at %v s", id, tj.Hand, k, tm)
				}
				q := p.Point.Pose.Orientation
				if n := math.Sqrt(q.X*q.X + q.Y*q.Y + q.Z*q.Z + q.W*q.W); math.Abs(n-1) > 1e-3 {
					t.Fatalf("%s %s point %d: quaternion of norm %v", id, tj.Hand, k, n)
				}
				r := rs[2*k+h]
				fw := p.Wrench.Force
				f := math.Sqrt(fw.X*fw.X + fw.Y*fw.Y + fw.Z*fw.Z)
				if math.Abs(f-r["force_n"].(float64)) > 0.01 {
					t.Fatalf("%s %s point %d: wrench of %v N, row says %v", id, tj.Hand, k, f, r["force_n"])
				}
				// the force presses into the skin: along the tool's z axis
				z := quatZ([4]float64{q.X, q.Y, q.Z, q.W})
				if f > 0.1 && (z.X*fw.X+z.Y*fw.Y+z.Z*fw.Z)/f < 0.999 {
					t.Fatalf("%s %s point %d: the wrench is not along the tool's axis", id, tj.Hand, k)
				}
				if p.Segment < lastSeg || p.Segment >= len(doc.Segments) {
					t.Fatalf("%s %s point %d: segment %d after %d", id, tj.Hand, k, p.Segment, lastSeg)
				}
				s := doc.Segments[p.Segment]
				if s.Hand != tj.Hand || k < s.FirstPoint || k > s.LastPoint {
					t.Fatalf("%s %s point %d is outside its segment %+v", id, tj.Hand, k, s)
				}
				if touching := r["contact"].(float64) == 1; touching != (s.ContactType != "none") || r["region"] != s.Area {
					t.Fatalf("%s %s point %d: row contact %v area %v, segment %+v", id, tj.Hand, k, r["contact"], r["region"], s)
				}
				if f > s.MaxForce+0.01 || f > s.Abort {
					t.Fatalf("%s %s point %d: %v N above the segment's highest %v or abort %v", id, tj.Hand, k, f, s.MaxForce, s.Abort)
				}
				lastSeg = p.Segment
			}
		}
		for _, s := range doc.Segments {
			kinds[s.ContactType]++
			if s.Region == "" || s.ForceLimit <= 0 || s.LimitSource == "" || s.Abort <= 0 || s.Abort > s.ForceLimit {
				t.Errorf("%s: segment %+v lacks a region, a limit, its source or an abort threshold within the limit", id, s)
			}
			if s.ContactType != "none" && s.Abort < s.MaxForce+abortMinExtra-1e-9 && s.Abort < s.ForceLimit {
				t.Errorf("%s: segment %+v: abort threshold too near its force", id, s)
			}
		}
		if kinds["none"] == 0 || kinds["sustained"]+kinds["brief"] == 0 {
			t.Errorf("%s: segments %v", id, kinds)
		}
		if strings.HasPrefix(id, "scalp-tapping") || id == "scalp-chopping" {
			if kinds["brief"] == 0 {
				t.Errorf("%s: a strike technique with no brief contact: %v", id, kinds)
			}
		}
	}
}

// TestURDF checks the body frame's URDF is well-formed XML and a sound
// tree: one root link named for the frame, every joint fixed, from a link
// that exists to one that exists, the sizes following the body's.
func TestURDF(t *testing.T) {
	type link struct {
		Name string `xml:"name,attr"`
	}
	type ref struct {
		Link string `xml:"link,attr"`
	}
	type joint struct {
		Name   string `xml:"name,attr"`
		Type   string `xml:"type,attr"`
		Parent ref    `xml:"parent"`
		Child  ref    `xml:"child"`
		Origin struct {
			XYZ string `xml:"xyz,attr"`
		} `xml:"origin"`
	}
	type robot struct {
		Name   string  `xml:"name,attr"`
		Links  []link  `xml:"link"`
		Joints []joint `xml:"joint"`
	}
	var sizes []string
	for _, b := range []Body{{}, {Height: 1.62, Build: "slim"}, {Height: 2.2, Build: "broad"}} {
		var buf bytes.Buffer
		if err := WriteURDF(&buf, b); err != nil {
			t.Fatal(err)
		}
		// well-formed: every token reads
		d := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%+v: not well-formed XML: %v", b, err)
			}
		}
		var r robot
		if err := xml.Unmarshal(buf.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		links := map[string]bool{}
		for _, l := range r.Links {
			if links[l.Name] {
				t.Errorf("link %q twice", l.Name)
			}
			links[l.Name] = true
		}
		if r.Name != "knead_body" || !links[BodyFrame] || len(r.Links) != 8 || len(r.Joints) != 7 {
			t.Fatalf("%+v: robot %q, %d links, %d joints", b, r.Name, len(r.Links), len(r.Joints))
		}
		for _, j := range r.Joints {
			if j.Type != "fixed" || j.Parent.Link != BodyFrame || !links[j.Child.Link] {
				t.Errorf("%+v: joint %+v", b, j)
			}
		}
		sizes = append(sizes, r.Joints[0].Origin.XYZ)
	}
	if sizes[0] == sizes[1] || sizes[1] == sizes[2] {
		t.Errorf("the torso's place does not follow the height: %q", sizes)
	}
	if err := WriteURDF(io.Discard, Body{Height: 3}); err == nil {
		t.Error("a 3 m body was described")
	}
}
