package motion

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
)

// ROS2Schema names the ROS-2-shaped JSON form of an export.
const ROS2Schema = "knead.ros2_trajectory"

// Abort thresholds (newtons) a device is told to stop at: the touch's own
// highest force with room above it, never above the region's limit; a
// lifted hand that meets this much has touched something it should not.
const (
	abortMargin   = 1.5 // times the segment's highest force
	abortMinExtra = 2.0 // newtons above it at the least
	abortLifted   = 2.0 // newtons for a lifted hand
	briefContact  = 0.5 // a touch shorter than this (s) is brief (a strike), else sustained
)

// tick is one hand's values at one tick of an export, in SI units.
type tick struct {
	step    int
	contact bool
	x, y, f float64
	p       Vec3
	q       [4]float64
}

// columns3D makes every step's columns, with the body-frame ones.
func (t *Trajectory) columns3D() []exportStep {
	t.tr.withNormals()
	steps := make([]exportStep, len(t.tr.paths))
	parallel(len(steps), func(i int) { steps[i] = t.tr.exportStep(i, "csv", true) })
	return steps
}

// eachTick calls fn for every tick of the export (at the export's rate),
// for one hand, with the same values the rows print.
func (t *Trajectory) eachTick(steps []exportStep, hand int, fn func(k int64, v *tick) error) error {
	tr, o := t.tr, t.o
	R := int64(o.Rate)
	last := int64(tr.n) * R / Rate
	var v tick
	for k := int64(0); k <= last; k++ {
		num := k * Rate
		g := num / R
		frac := float64(num%R) / float64(R)
		si := int(tr.step[g])
		st := &steps[si]
		i := int(g - st.start)
		{
			c := &st.cols[hand]
			i0, i1 := min(i, c.n), min(i+1, c.n)
			in := func(a, b float64) float64 { return a + (b-a)*frac }
			x0, y0, f0, c0 := c.at(i0)
			x1, y1, f1, _ := c.at(i1)
			v.step = si
			v.contact = c0 == 1
			v.x, v.y, v.f = in(x0, x1)/1e4, in(y0, y1)/1e4, in(f0, f1)/100
			p0, p1 := c.body(i0), c.body(i1)
			v.p = Vec3{in(p0[0], p1[0]) / 1e4, in(p0[1], p1[1]) / 1e4, in(p0[2], p1[2]) / 1e4}
			for a := 0; a < 4; a++ {
				v.q[a] = in(p0[3+a], p1[3+a]) / 1e4
			}
			if err := fn(k, &v); err != nil {
				return err
			}
		}
	}
	return nil
}

// Segment is a span of one hand's points in a ROS-2-shaped export: one
// touch or one lift within a step, with what a device needs to watch.
type Segment struct {
	Hand        string  `json:"hand"`
	FirstPoint  int     `json:"first_point"`
	LastPoint   int     `json:"last_point"`
	Start       float64 `json:"start_s"`
	End         float64 `json:"end_s"`
	Technique   string  `json:"technique"`
	Step        int     `json:"step"`
	Area        string  `json:"area"`
	Region      string  `json:"region"`
	Chart       string  `json:"chart"`
	ContactType string  `json:"contact_type"` // sustained, brief or none (lifted)
	MaxForce    float64 `json:"max_force_n"`
	ForceLimit  float64 `json:"force_limit_n"`
	LimitSource string  `json:"force_limit_source"`
	Abort       float64 `json:"abort_threshold_n"`
	stepIndex   int     // in the trajectory's steps
}

// WriteROS2 writes the trajectory as JSON shaped like ROS 2 messages: per
// hand a moveit_msgs/CartesianTrajectory (header with frame_id and stamp,
// tracked_frame, points with a geometry_msgs/Pose and a
// builtin_interfaces/Duration time_from_start), each point with a
// geometry_msgs/Wrench (the force the tool applies to the skin, in the
// body frame) and its segment; then the segments (region, contact type,
// force limit and its source, abort threshold), after the export's header.
func (t *Trajectory) WriteROS2(w io.Writer) error {
	tr, o := t.tr, t.o
	bw := bufio.NewWriterSize(w, 1<<16)
	h := tr.header(&o)
	h.Schema, h.Columns = ROS2Schema, nil
	h.Rows = "per hand, a Cartesian trajectory (moveit_msgs/CartesianTrajectory in shape) whose points carry a pose in " + BodyFrame +
		", a wrench (the force the tool applies to the skin, along the skin's inward normal, in " + BodyFrame + "; no torque) and the index of their segment"
	head, err := json.Marshal(h)
	if err != nil {
		return err
	}
	bw.WriteString(`{"knead_header":`)
	bw.Write(head)
	bw.WriteString(",\n\"trajectories\":[")
	R := int64(o.Rate)
	steps := t.columns3D()
	var segs []Segment
	var b []byte
	for hand := range tr.hands {
		if hand > 0 {
			bw.WriteString(",")
		}
		fmt.Fprintf(bw, "\n{\"hand\":%q,\"header\":{\"frame_id\":%q,\"stamp\":{\"sec\":0,\"nanosec\":0}},\"tracked_frame\":%q,\"points\":[",
			handIDs[hand], BodyFrame, "knead_tool_"+handIDs[hand])
		point := 0
		cur := -1 // the open segment's index in segs
		err := t.eachTick(steps, hand, func(k int64, v *tick) error {
			if cur < 0 || segs[cur].stepIndex != v.step || (segs[cur].ContactType != "none") != v.contact {
				segs = append(segs, t.segment(hand, v.step, v.contact, point, k))
				cur = len(segs) - 1
			}
			s := &segs[cur]
			s.LastPoint, s.End = point, float64(k)/float64(R)
			s.MaxForce = math.Max(s.MaxForce, v.f)
			// the force along the inward normal: the tool's z axis
			n := math.Sqrt(v.q[0]*v.q[0] + v.q[1]*v.q[1] + v.q[2]*v.q[2] + v.q[3]*v.q[3])
			for a := range v.q {
				v.q[a] /= n
			}
			z := quatZ(v.q)
			b = b[:0]
			if point > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n{\"time_from_start\":{\"sec\":"...)
			ns := k * 1_000_000_000 / R
			b = strconv.AppendInt(b, ns/1_000_000_000, 10)
			b = append(b, ",\"nanosec\":"...)
			b = strconv.AppendInt(b, ns%1_000_000_000, 10)
			b = append(b, "},\"point\":{\"pose\":{\"position\":"...)
			b = appendXYZ(b, v.p.X, v.p.Y, v.p.Z, 4)
			b = append(b, ",\"orientation\":{\"x\":"...)
			b = appendNum(b, v.q[0], 4)
			b = append(b, ",\"y\":"...)
			b = appendNum(b, v.q[1], 4)
			b = append(b, ",\"z\":"...)
			b = appendNum(b, v.q[2], 4)
			b = append(b, ",\"w\":"...)
			b = appendNum(b, v.q[3], 4)
			b = append(b, "}}},\"wrench\":{\"force\":"...)
			b = appendXYZ(b, z.X*v.f, z.Y*v.f, z.Z*v.f, 3)
			b = append(b, ",\"torque\":{\"x\":0,\"y\":0,\"z\":0}},\"segment\":"...)
			b = strconv.AppendInt(b, int64(cur), 10)
			b = append(b, '}')
			point++
			_, err := bw.Write(b)
			return err
		})
		if err != nil {
			return err
		}
		bw.WriteString("]}")
	}
	bw.WriteString("],\n\"segments\":[")
	for i := range segs {
		s := &segs[i]
		s.MaxForce = math.Round(s.MaxForce*100) / 100
		if s.ContactType != "none" {
			if s.End-s.Start < briefContact {
				s.ContactType = "brief"
			}
			s.Abort = math.Min(s.ForceLimit, math.Max(s.MaxForce*abortMargin, s.MaxForce+abortMinExtra))
			s.Abort = math.Round(s.Abort*100) / 100
		}
		data, err := json.Marshal(s)
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n")
		bw.Write(data)
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

func (t *Trajectory) segment(hand, step int, contact bool, point int, k int64) Segment {
	tr, o := t.tr, t.o
	p := &tr.paths[step]
	r, _ := RegionOf(p.Area)
	limit, _, source := limitFor(r, &o)
	if limit <= 0 || (o.MaxForce > 0 && o.MaxForce < limit) {
		if o.MaxForce > 0 {
			limit, source = o.MaxForce, "--max-force"
		}
	} else if p.Transient && !r.NoTransient && source == "ISO/TS 15066, Annex A" {
		limit *= 2 // a strike is transient contact
	}
	s := Segment{Hand: handIDs[hand], FirstPoint: point, LastPoint: point, Start: float64(k) / float64(o.Rate),
		Technique: p.Technique, Step: p.Step, Area: p.Area, Region: r.ID, Chart: p.View,
		ContactType: "sustained", ForceLimit: limit, LimitSource: source, stepIndex: step}
	if !contact {
		s.ContactType, s.Abort = "none", abortLifted
	}
	return s
}

// quatZ is the z axis of the rotation q (x, y, z, w): the tool's axis.
func quatZ(q [4]float64) Vec3 {
	x, y, z, w := q[0], q[1], q[2], q[3]
	return Vec3{2 * (x*z + w*y), 2 * (y*z - w*x), 1 - 2*(x*x+y*y)}
}

func appendXYZ(b []byte, x, y, z float64, prec int) []byte {
	b = append(b, "{\"x\":"...)
	b = appendNum(b, x, prec)
	b = append(b, ",\"y\":"...)
	b = appendNum(b, y, prec)
	b = append(b, ",\"z\":"...)
	b = appendNum(b, z, prec)
	return append(b, '}')
}

// appendNum writes v with prec decimals, "0" for zero (and minus zero).
func appendNum(b []byte, v float64, prec int) []byte {
	r := math.Round(v*math.Pow10(prec)) / math.Pow10(prec)
	if r == 0 {
		return append(b, '0')
	}
	return strconv.AppendFloat(b, r, 'f', -1, 64)
}
