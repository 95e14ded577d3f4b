package motion

import (
	"fmt"
	"math"
)

// The body frame. Every 3D value of an export is given in the frame
// "knead_body", registered to the receiver's body and following ROS REP 103
// (https://ros.org/reps/rep-0103.html): right-handed, in metres, with
//
//	origin: midway between the hip joints
//	x: forward (out of the front of the body)
//	y: to the receiver's left
//	z: up, toward the head
//
// as the body stands in the anatomical position, the arm held out to the
// side as the arm chart draws it. The frame moves with the body: a device
// registers it to the receiver (lying face down, face up or seated) with
// its own sensing.
const BodyFrame = "knead_body"

// Body is a simple parametric body: an elliptic cylinder for the torso, a
// cylinder for the neck, an ellipsoid for the head, cylinders for the arm
// and the leg, flat plates for the hand and the foot. Its sizes follow from
// a height and a build; the charts map onto its surfaces.
type Body struct {
	Height float64 // metres, 1.2 to 2.2 (default 1.75)
	Build  string  // slim, average (default) or broad
}

// DefaultBody is the average adult the charts are drawn for.
var DefaultBody = Body{Height: 1.75, Build: "average"}

func (b *Body) check() error {
	if b.Height == 0 {
		b.Height = DefaultBody.Height
	}
	if b.Build == "" {
		b.Build = DefaultBody.Build
	}
	if math.IsNaN(b.Height) || b.Height < 1.2 || b.Height > 2.2 {
		return fmt.Errorf("height %v m is out of range: expected 1.2 to 2.2 metres", b.Height)
	}
	if _, ok := builds[b.Build]; !ok {
		return fmt.Errorf("unknown build %q: expected slim, average or broad", b.Build)
	}
	return nil
}

var builds = map[string]float64{"slim": 0.9, "average": 1, "broad": 1.15}

// Scale gives the body's length and width factors against the average
// adult of the charts.
func (b Body) Scale() (length, width float64) {
	h := b.Height
	if h == 0 {
		h = DefaultBody.Height
	}
	w, ok := builds[b.Build]
	if !ok {
		w = 1
	}
	return h / DefaultBody.Height, w * h / DefaultBody.Height
}

// Sizes of the average body (metres), in the body frame.
const (
	torsoA     = 0.23 // half the width of the torso at the shoulder blades
	torsoB     = 0.11 // half its depth
	shoulderZ  = 0.52 // the base of the neck above the hips
	neckR      = 0.06
	headZ      = 0.72 // the head's centre
	headRX     = 0.10
	headRY     = 0.08
	headRZ     = 0.12
	shoulderY  = 0.20 // the shoulder joint, out from the middle line
	armZ       = 0.45
	armR       = 0.045
	hipY       = 0.10 // the hip joint, out from the middle line
	soleZ      = -0.95
	ankleZ     = -0.87
	handHalf   = 0.015 // half the thickness of the hand
	liftHeight = 0.02  // a lifted hand's height over the skin, within a chart
	crossLift  = 0.10  // and between charts
)

// Vec3 is a point or direction in the body frame.
type Vec3 struct{ X, Y, Z float64 }

func (a Vec3) add(b Vec3) Vec3    { return Vec3{a.X + b.X, a.Y + b.Y, a.Z + b.Z} }
func (a Vec3) sub(b Vec3) Vec3    { return Vec3{a.X - b.X, a.Y - b.Y, a.Z - b.Z} }
func (a Vec3) mul(k float64) Vec3 { return Vec3{a.X * k, a.Y * k, a.Z * k} }
func (a Vec3) dot(b Vec3) float64 { return a.X*b.X + a.Y*b.Y + a.Z*b.Z }
func (a Vec3) len() float64       { return math.Sqrt(a.dot(a)) }
func (a Vec3) cross(b Vec3) Vec3 {
	return Vec3{a.Y*b.Z - a.Z*b.Y, a.Z*b.X - a.X*b.Z, a.X*b.Y - a.Y*b.X}
}
func lerp3(a, b Vec3, f float64) Vec3 { return a.add(b.sub(a).mul(f)) }
func (a Vec3) norm() Vec3 {
	l := a.len()
	if l == 0 {
		return Vec3{0, 0, 1}
	}
	return a.mul(1 / l)
}

func sq(x float64) float64 { return x * x }

func clamp(x, lo, hi float64) float64 { return max(lo, min(hi, x)) }

// place maps a point of a chart (its unit square) onto the body: the point
// on the skin in the body frame, and the skin's outward normal there. A
// chart's distances are laid along the skin (as arcs round the torso, the
// head and the limbs), so that moving on the chart moves the hand about as
// far on the body, never faster at the edge of a view.
func (b Body) place(chart string, X, Y float64) (Vec3, Vec3) {
	pl := b.placer(chart)
	return pl.at(X, Y)
}

// A placer places points of one chart on one body: the body's sizes and
// the chart worked out once, for the many samples placed one after another
// (an export places every sample of every step).
type placer struct {
	chart              chartKind
	L, W               float64
	zc, rx, ry, rz, nr float64
}

type chartKind uint8

const (
	chartOther chartKind = iota
	chartBack
	chartNeckShoulders
	chartHeadBack
	chartHeadSide
	chartHeadTop
	chartHips
	chartTorsoFront
	chartArm
	chartHand
	chartLeg
	chartFoot
)

var chartKinds = map[string]chartKind{
	"back": chartBack, "neck-shoulders": chartNeckShoulders, "head-back": chartHeadBack,
	"head-side": chartHeadSide, "head-top": chartHeadTop, "hips": chartHips,
	"torso-front": chartTorsoFront, "arm": chartArm, "hand": chartHand, "leg": chartLeg, "foot": chartFoot,
}

func (b Body) placer(chart string) placer {
	L, W := b.Scale()
	return placer{chart: chartKinds[chart], L: L, W: W,
		zc: headZ * L, rx: headRX * W, ry: headRY * W, rz: headRZ * L, nr: neckR * W}
}

// round places u along the skin round a vertical elliptic cylinder
// (half-width a across y, half-depth c along x), from its back (dir -1) or
// front (+1), at height z.
func round(u, z, a, c, dir float64) (Vec3, Vec3, bool) {
	al := clamp(u/((a+c)/2), -1.75, 1.75)
	sin, cos := math.Sincos(al)
	x, y := dir*c*cos, a*sin
	return Vec3{x, y, z}, Vec3{x / (c * c), y / (a * a), 0}, false
}

// torso: the torso narrows smoothly to the neck over the shoulders.
func (pl *placer) torso(u, z, dir float64) (Vec3, Vec3, bool) {
	L, W := pl.L, pl.W
	f := minJerk(clamp((z-(shoulderZ-0.06)*L)/(0.10*L), 0, 1))
	a, c := torsoA*W+(neckR-torsoA)*W*f, torsoB*W+(neckR-torsoB)*W*f
	return round(u, z, a, c, dir)
}

// headAt: the head, an ellipsoid above its centre; below it, narrowing to
// the neck. dirX, dirY is the unit direction round the vertical axis.
func (pl *placer) headAt(dirX, dirY, z float64) (Vec3, Vec3, bool) {
	zc, rx, ry, rz, nr := pl.zc, pl.rx, pl.ry, pl.rz, pl.nr
	if z >= zc {
		be := min((z-zc)/rz, math.Pi/2)
		sin, cos := math.Sincos(be)
		p := Vec3{rx * dirX * cos, ry * dirY * cos, zc + rz*sin}
		return p, Vec3{(p.X) / (rx * rx), p.Y / (ry * ry), (p.Z - zc) / (rz * rz)}, false
	}
	f := clamp((zc-z)/(0.10*pl.L), 0, 1) // 0 at the centre, 1 at the neck
	ax, ay := rx+(nr-rx)*f, ry+(nr-ry)*f
	return Vec3{ax * dirX, ay * dirY, z}, Vec3{dirX / ax, dirY / ay, 0}, false
}

// at places the chart's point X, Y on the body: the point on the skin and
// the skin's outward normal there.
func (pl *placer) at(X, Y float64) (Vec3, Vec3) {
	p, n, unit := pl.raw(X, Y)
	if !unit {
		n = n.norm()
	}
	return p, n
}

// pos is the point alone, for what needs no normal (the speeds on the
// body): no square root.
func (pl *placer) pos(X, Y float64) Vec3 {
	p, _, _ := pl.raw(X, Y)
	return p
}

// lastPos keeps the last place a placer put: a sample at the same spot
// as the one before (a hand at rest, a fifth of an hour's samples) gets
// the same place, to the bit, without placing it again.
type lastPos struct {
	which int // the placer's number, for the caller (its step), plus one
	x, y  uint64
	p     Vec3
}

// pos is pl.pos(X, Y), from the last place when it is the same spot and
// the same placer (which, at least 0, tells them apart).
func (m *lastPos) pos(pl *placer, which int, X, Y float64) Vec3 {
	x, y := math.Float64bits(X), math.Float64bits(Y)
	if m.which != which+1 || m.x != x || m.y != y {
		m.which, m.x, m.y, m.p = which+1, x, y, pl.pos(X, Y)
	}
	return m.p
}

// raw places X, Y as at does, with the normal only along the right
// direction unless unit says it is of length 1 already.
func (pl *placer) raw(X, Y float64) (Vec3, Vec3, bool) {
	L, W := pl.L, pl.W
	zc, rx, ry, rz := pl.zc, pl.rx, pl.ry, pl.rz
	switch pl.chart {
	case chartBack: // from behind: the chart's left is the receiver's left
		return pl.torso((0.5-X)*0.70*W, (shoulderZ-(Y-0.17)*0.70)*L, -1)
	case chartNeckShoulders:
		u, z := (0.5-X)*0.50*W, (shoulderZ-(Y-0.42)*0.50)*L
		if z <= (headZ-0.10)*L {
			return pl.torso(u, z, -1)
		}
		al := clamp(u/((rx+ry)/2), -1.75, 1.75)
		sin, cos := math.Sincos(al)
		return pl.headAt(-cos, sin, z)
	case chartHeadBack:
		al := clamp((0.5-X)*0.25*W/((rx+ry)/2), -1.75, 1.75)
		sin, cos := math.Sincos(al)
		return pl.headAt(-cos, sin, (headZ+headRZ-(Y-0.11)*0.25)*L)
	case chartHeadSide: // the left side of the head, the face to the left
		al := clamp((0.58-X)*0.25*W/((rx+ry)/2), -1.75, 1.75)
		sin, cos := math.Sincos(al)
		return pl.headAt(sin, cos, (headZ+headRZ-(Y-0.10)*0.25)*L)
	case chartHeadTop: // from above, the face at the top: down from the crown
		dx, dy := (0.5-Y)*0.25*W, (0.5-X)*0.25*W
		r := math.Hypot(dx, dy)
		th := min(r/((rx+ry+rz)/3), 1.9)
		ph := math.Atan2(dy, dx)
		sth, cth := math.Sincos(th)
		sph, cph := math.Sincos(ph)
		p := Vec3{rx * sth * cph, ry * sth * sph, zc + rz*cth}
		return p, Vec3{p.X / (rx * rx), p.Y / (ry * ry), (p.Z - zc) / (rz * rz)}, false
	case chartHips: // from behind, the waist down to the upper thighs
		return pl.torso((0.5-X)*0.50*W, (0.18-Y*0.50)*L, -1)
	case chartTorsoFront: // from the front: the chart's left is the receiver's right
		return pl.torso((X-0.5)*0.70*W, (shoulderZ-0.02-(Y-0.19)*0.70)*L, 1)
	case chartArm: // the right arm held out to the side, seen from the front
		y := -(shoulderY*W + (X-0.06)*0.80*L)
		r := armR * W
		th := clamp((0.5-Y)*0.80*W/r, -3, 3)
		sin, cos := math.Sincos(th)
		n := Vec3{cos, 0, sin}
		return Vec3{r * n.X, y, armZ*L + r*n.Z}, n, true
	case chartHand: // the right hand, held out, the palm forward
		wrist := -(shoulderY*W + 0.71*0.80*L)
		if X < 0.5 { // the back of the hand
			return Vec3{-handHalf * W, wrist - (0.93-Y)*0.24*L, armZ*L + (X-0.25)*0.24*W}, Vec3{-1, 0, 0}, true
		}
		return Vec3{handHalf * W, wrist - (0.93-Y)*0.24*L, armZ*L - (X-0.75)*0.24*W}, Vec3{1, 0, 0}, true
	case chartLeg: // the left leg from its outer side, the front to the left
		z := -(Y - 0.07) * 1.0 * L
		r := (0.075 - 0.035*clamp(-z/(0.87*L), 0, 1)) * W
		th := clamp((0.5-X)*1.0*L/r, -3, 3)
		sin, cos := math.Sincos(th)
		n := Vec3{sin, cos, 0}
		return Vec3{r * n.X, hipY*W + r*n.Y, z}, n, true
	case chartFoot: // the right foot
		if X < 0.5 { // the sole, toes up
			return Vec3{-0.05*L + (0.85-Y)*0.30*L, -hipY*W + (X-0.25)*0.30*W, soleZ * L}, Vec3{0, 0, -1}, true
		}
		along := (Y - 0.20) * 0.30 * L // the top, the ankle up
		h := (0.08 - 0.06*clamp(along/(0.2*L), 0, 1)) * L
		return Vec3{along, -hipY*W - (X-0.75)*0.30*W, soleZ*L + h}, Vec3{0.3, 0, 1}, false
	}
	return Vec3{}, Vec3{0, 0, 1}, true
}

// toolQuat is the tool's orientation as a quaternion (x, y, z, w): its z
// axis along the skin's inward normal (the way it presses), its x axis
// as near the body's up (z) as the skin allows, else forward.
func toolQuat(n Vec3) [4]float64 {
	z := n.mul(-1)
	ref := Vec3{0, 0, 1}
	if math.Abs(z.Z) > 0.9 {
		ref = Vec3{1, 0, 0}
	}
	x := ref.sub(z.mul(ref.dot(z))).norm()
	y := z.cross(x)
	// rotation matrix columns x, y, z to a quaternion
	m00, m11, m22 := x.X, y.Y, z.Z
	var q [4]float64
	switch tr := m00 + m11 + m22; {
	case tr > 0:
		s := math.Sqrt(tr+1) * 2
		q = [4]float64{(y.Z - z.Y) / s, (z.X - x.Z) / s, (x.Y - y.X) / s, s / 4}
	case m00 > m11 && m00 > m22:
		s := math.Sqrt(1+m00-m11-m22) * 2
		q = [4]float64{s / 4, (y.X + x.Y) / s, (z.X + x.Z) / s, (y.Z - z.Y) / s}
	case m11 > m22:
		s := math.Sqrt(1+m11-m00-m22) * 2
		q = [4]float64{(y.X + x.Y) / s, s / 4, (z.Y + y.Z) / s, (z.X - x.Z) / s}
	default:
		s := math.Sqrt(1+m22-m00-m11) * 2
		q = [4]float64{(z.X + x.Z) / s, (z.Y + y.Z) / s, s / 4, (x.Y - y.X) / s}
	}
	if q[3] < 0 {
		for i := range q {
			q[i] = -q[i]
		}
	}
	return q
}

// CheckBody fills in a body's defaults and says what is wrong with it.
func CheckBody(b Body) (Body, error) {
	err := b.check()
	return b, err
}
