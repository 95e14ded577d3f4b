package motion

import (
	"bufio"
	"fmt"
	"io"
	"math"
)

// urdfLink is one piece of the body as a URDF link: a simple shape fixed
// to the body frame.
type urdfLink struct {
	name    string
	comment string
	shape   string // box size="x y z", cylinder radius length, sphere radius
	xyz     Vec3   // the shape's centre in the body frame
	rpy     Vec3   // its rotation (roll, pitch, yaw)
}

// WriteURDF describes the body frame and Knead's parametric body (sized by
// b) as a URDF robot named knead_body: a root link knead_body (the frame
// every 3D value of an export is given in) and one link per piece of the
// body, each a box, cylinder or sphere fixed to it, standing in for the
// elliptic and tapered surfaces the charts are mapped onto. A device's
// tools (knead_tool_left, knead_tool_right) move in this frame; their
// poses are the trajectory's.
func WriteURDF(w io.Writer, b Body) error {
	if err := b.check(); err != nil {
		return err
	}
	L, W := b.Scale()
	neckLo, neckHi := shoulderZ*L, (headZ-headRZ*0.5)*L
	wrist := shoulderY*W + 0.71*0.80*L
	legTop, legBottom := 0.07*L, ankleZ*L
	links := []urdfLink{
		{name: "torso", comment: "an elliptic cylinder in Knead's model: half-width " + f4(torsoA*W) + " m across y, half-depth " + f4(torsoB*W) + " m along x",
			shape: fmt.Sprintf(`<box size="%s %s %s"/>`, f4(2*torsoB*W), f4(2*torsoA*W), f4(shoulderZ*L)),
			xyz:   Vec3{0, 0, shoulderZ * L / 2}},
		{name: "neck", shape: fmt.Sprintf(`<cylinder radius="%s" length="%s"/>`, f4(neckR*W), f4(neckHi-neckLo)),
			xyz: Vec3{0, 0, (neckLo + neckHi) / 2}},
		{name: "head", comment: "an ellipsoid in Knead's model: radii " + f4(headRX*W) + ", " + f4(headRY*W) + ", " + f4(headRZ*L) + " m along x, y, z",
			shape: fmt.Sprintf(`<sphere radius="%s"/>`, f4((headRX*W+headRY*W+headRZ*L)/3)),
			xyz:   Vec3{0, 0, headZ * L}},
		{name: "right_arm", comment: "the right arm held out to the side, as the arm chart draws it",
			shape: fmt.Sprintf(`<cylinder radius="%s" length="%s"/>`, f4(armR*W), f4(wrist-shoulderY*W)),
			xyz:   Vec3{0, -(shoulderY*W + wrist) / 2, armZ * L}, rpy: Vec3{math.Pi / 2, 0, 0}},
		{name: "right_hand", comment: "the right hand, held out, the palm forward",
			shape: fmt.Sprintf(`<box size="%s %s %s"/>`, f4(2*handHalf*W), f4(0.20*L), f4(0.12*W)),
			xyz:   Vec3{0, -(wrist + 0.10*L), armZ * L}},
		{name: "left_leg", comment: "a cylinder tapering from " + f4(0.075*W) + " m at the hip to " + f4(0.04*W) + " m at the ankle in Knead's model",
			shape: fmt.Sprintf(`<cylinder radius="%s" length="%s"/>`, f4(0.0575*W), f4(legTop-legBottom)),
			xyz:   Vec3{0, hipY * W, (legTop + legBottom) / 2}},
		{name: "right_foot", comment: "the sole at z = " + f4(soleZ*L) + " m",
			shape: fmt.Sprintf(`<box size="%s %s %s"/>`, f4(0.25*L), f4(0.075*W), f4(0.08*L)),
			xyz:   Vec3{0.075 * L, -hipY * W, soleZ*L + 0.04*L}},
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0"?>
<!-- Knead's body frame and parametric body, for a %s m, %s receiver.
     Frame %s (ROS REP 103: right-handed, metres, radians): origin midway
     between the hip joints; x forward, out of the front of the body; y to the
     receiver's left; z up, toward the head; the body standing in the anatomical
     position with the right arm held out to the side. Every 3D value of a
     Knead export (px, py, pz, qx, qy, qz, qw) is given in this frame; a device
     registers it to the receiver with its own sensing. The shapes below stand
     in for the surfaces the charts are mapped onto and are for looking, not
     for collision checking. Knead is not medical advice. -->
<robot name="knead_body">
  <link name="%s"/>
`, f4(b.Height), b.Build, BodyFrame, BodyFrame)
	for _, l := range links {
		if l.comment != "" {
			fmt.Fprintf(bw, "  <!-- %s -->\n", l.comment)
		}
		origin := fmt.Sprintf(`<origin xyz="%s %s %s" rpy="%s %s %s"/>`, f4(l.xyz.X), f4(l.xyz.Y), f4(l.xyz.Z), f4(l.rpy.X), f4(l.rpy.Y), f4(l.rpy.Z))
		fmt.Fprintf(bw, `  <link name="%s">
    <visual>
      <origin xyz="0 0 0" rpy="0 0 0"/>
      <geometry>%s</geometry>
      <material name="skin"><color rgba="0.85 0.81 0.77 1"/></material>
    </visual>
  </link>
  <joint name="%s_joint" type="fixed">
    <parent link="%s"/>
    <child link="%s"/>
    %s
  </joint>
`, l.name, l.shape, l.name, BodyFrame, l.name, origin)
	}
	bw.WriteString("</robot>\n")
	return bw.Flush()
}

// f4 prints a number with at most 4 decimals, "0" for zero.
func f4(v float64) string { return string(appendNum(nil, v, 4)) }
