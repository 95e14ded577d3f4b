package motion

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The chart drawings, in a 1000 × 1000 box (the unit square × 1000). Each is
// a list of shapes with a class the style sheet colours: "body" is the
// outline (filled with a soft tint), "line" an inner line, "faint" a lighter
// detail. Symmetric charts list the left half and mirror it.

type shape struct {
	class string
	d     string
}

// mirrored adds the mirror image (about x = 500) of each shape. A "body"
// shape is the open left half of an outline, from the middle line round to
// the middle line; it becomes one closed outline with its mirror image.
func mirrored(ss ...shape) []shape {
	var out []shape
	for _, s := range ss {
		segs := parsePath(s.d)
		if s.class == "body" {
			full := append(append([]pathSeg(nil), segs...), reversePath(mirrorSegs(segs))[1:]...)
			d := formatPath(full)
			if segs[0].pts[0].X == 500 {
				d += " Z"
			}
			out = append(out, shape{s.class, d})
			continue
		}
		out = append(out, s, shape{s.class, formatPath(mirrorSegs(segs))})
	}
	return out
}

// pathSeg is one command of an absolute SVG path: M or L with one point, C
// with three.
type pathSeg struct {
	cmd byte
	pts []Point
}

// parsePath reads an absolute path of M, L and C commands.
func parsePath(d string) []pathSeg {
	var segs []pathSeg
	var nums []float64
	var cmd byte
	flush := func() {
		if cmd == 0 {
			return
		}
		per := 1
		if cmd == 'C' {
			per = 3
		}
		for i := 0; i+2*per <= len(nums); i += 2 * per {
			s := pathSeg{cmd: cmd}
			for k := 0; k < per; k++ {
				s.pts = append(s.pts, Point{nums[i+2*k], nums[i+2*k+1]})
			}
			segs = append(segs, s)
			if cmd == 'M' {
				cmd = 'L'
			}
		}
		nums = nums[:0]
	}
	i := 0
	for i < len(d) {
		c := d[i]
		switch {
		case c == 'M' || c == 'L' || c == 'C' || c == 'Z':
			flush()
			cmd = c
			i++
		case c == '-' || c == '.' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(d) && (d[j] == '.' || (d[j] >= '0' && d[j] <= '9')) {
				j++
			}
			f, _ := strconv.ParseFloat(d[i:j], 64)
			nums = append(nums, f)
			i = j
		default:
			i++
		}
	}
	flush()
	return segs
}

func mirrorSegs(segs []pathSeg) []pathSeg {
	out := make([]pathSeg, len(segs))
	for i, s := range segs {
		m := pathSeg{cmd: s.cmd}
		for _, p := range s.pts {
			m.pts = append(m.pts, Point{1000 - p.X, p.Y})
		}
		out[i] = m
	}
	return out
}

// reversePath runs a path the other way; the result starts with an M.
func reversePath(segs []pathSeg) []pathSeg {
	if len(segs) == 0 {
		return nil
	}
	end := func(s pathSeg) Point { return s.pts[len(s.pts)-1] }
	out := []pathSeg{{cmd: 'M', pts: []Point{end(segs[len(segs)-1])}}}
	for i := len(segs) - 1; i > 0; i-- {
		s, prev := segs[i], end(segs[i-1])
		if s.cmd == 'C' {
			out = append(out, pathSeg{cmd: 'C', pts: []Point{s.pts[1], s.pts[0], prev}})
		} else {
			out = append(out, pathSeg{cmd: 'L', pts: []Point{prev}})
		}
	}
	return out
}

func formatPath(segs []pathSeg) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(s.cmd)
		for k, p := range s.pts {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.FormatFloat(p.X, 'f', -1, 64))
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(p.Y, 'f', -1, 64))
		}
	}
	return b.String()
}

func ellipse(cx, cy, rx, ry float64) string {
	return fmt.Sprintf("M%g,%g A%g,%g 0 1,1 %g,%g A%g,%g 0 1,1 %g,%g Z", cx-rx, cy, rx, ry, cx+rx, cy, rx, ry, cx-rx, cy)
}

// spiral draws the whorl of hair at the crown.
func spiral(cx, cy, r float64) string {
	var b strings.Builder
	for i := 0; i <= 40; i++ {
		a := float64(i) / 40 * 3 * math.Pi
		rr := r * float64(i) / 40
		x, y := cx+rr*math.Cos(a), cy+rr*math.Sin(a)
		if i == 0 {
			fmt.Fprintf(&b, "M%.0f,%.0f", x, y)
		} else {
			fmt.Fprintf(&b, " L%.0f,%.0f", x, y)
		}
	}
	return b.String()
}

var chartShapes = map[string][]shape{
	"back": append(mirrored(
		shape{"body", "M405,0 C402,60 440,100 464,106 L460,150 C420,172 300,180 222,194 C180,202 160,230 164,268 C150,330 150,420 158,480 L200,480 C196,430 196,390 198,352 C212,430 224,520 246,640 C258,700 270,735 264,790 C258,850 246,905 250,975 C380,992 450,995 500,995"},
		shape{"line", "M404,262 C400,320 398,380 392,432 C352,386 300,325 262,262 C305,250 362,252 404,262 Z"},
		shape{"faint", "M400,292 C350,282 300,270 268,262"},
		shape{"faint", "M468,470 C420,474 335,502 256,566"},
		shape{"faint", "M470,530 C424,534 346,566 266,634"},
		shape{"faint", "M472,590 C436,596 380,624 312,690"},
		shape{"faint", "M266,860 C330,835 420,832 472,872"},
	), shape{"spine", "M500,150 L500,950"}),

	"neck-shoulders": append(mirrored(
		shape{"body", "M352,0 C346,120 392,206 432,226 C434,300 430,360 420,408 C360,440 262,456 172,480 C120,494 94,530 92,585 L96,1000 L500,1000"},
		shape{"line", "M356,110 C326,108 320,168 338,198"},
		shape{"faint", "M178,620 C180,700 182,800 186,1000"},
		shape{"line", "M422,566 C416,640 412,716 408,786 C362,736 304,660 264,586 C314,568 374,560 422,566 Z"},
		shape{"faint", "M418,600 C368,588 316,580 270,592"},
	), shape{"faint", "M430,232 C470,246 530,246 570,232"}, shape{"faint", "M500,300 L500,1000"}),

	"head-back": append(mirrored(
		shape{"body", "M500,80 C335,80 228,205 228,390 C228,520 258,620 310,690 C322,760 322,850 302,930 C290,962 250,985 200,1000 L500,1000"},
		shape{"line", "M232,398 C196,392 186,452 190,502 C194,548 210,578 234,588"},
		shape{"faint", "M222,428 C208,444 206,500 214,540"},
		shape{"faint", "M318,702 C380,738 440,744 500,744"},
		shape{"faint", "M410,622 C440,608 470,604 500,604"},
	), shape{"faint", spiral(500, 245, 34)}),

	"head-top": append(mirrored(
		shape{"body", "M500,110 C310,110 200,290 200,500 C200,720 320,890 500,890"},
		shape{"line", "M470,118 L500,78 L500,110"},
		shape{"line", "M206,452 C174,456 166,522 176,562 C184,592 198,604 210,600"},
		shape{"faint", "M290,332 C360,252 440,250 500,250"},
	), shape{"faint", spiral(500, 645, 34)}),

	"head-side": {
		{"body", "M340,165 C410,92 520,70 615,92 C745,122 818,250 818,392 C818,500 792,580 748,640 C728,670 714,702 714,742 L724,1000 L396,1000 C392,900 384,800 372,722 C330,716 290,706 266,686 C248,662 246,632 246,612 C234,604 230,590 238,578 C232,566 236,552 230,540 C214,534 202,524 206,508 C216,474 232,446 250,424 C266,404 274,384 274,352 C272,290 290,218 340,165 Z"},
		{"line", "M372,722 C410,716 450,704 478,684 C500,668 512,640 520,606"},
		{"line", "M548,440 C586,418 626,440 630,492 C634,544 606,584 576,604 C560,614 544,604 546,588 C552,544 536,482 548,440 Z"},
		{"faint", "M566,470 C590,462 606,480 604,510 C602,536 590,552 574,556"},
		{"line", "M292,404 C306,398 322,398 336,406"},
		{"faint", "M282,378 C300,368 324,368 344,376"},
		{"faint", "M340,165 C372,200 396,262 416,310 C440,362 478,402 540,432"},
		{"faint", "M638,600 C668,640 696,676 714,700"},
		{"faint", spiral(665, 135, 30)},
	},

	"hips": append(mirrored(
		shape{"body", "M222,0 C206,90 176,190 156,290 C140,370 136,450 146,540 C156,660 162,820 166,1000 L486,1000 C488,900 492,800 500,730"},
		shape{"faint", "M462,214 C410,160 310,150 196,214"},
		shape{"faint", "M200,700 C280,728 400,730 478,690"},
		shape{"faint", "M150,520 C170,480 190,440 186,400"},
	), shape{"line", "M448,240 L500,430 L552,240"}, shape{"faint", "M500,430 L500,690"}, shape{"spine", "M500,0 L500,240"}),

	"torso-front": append(mirrored(
		shape{"body", "M420,0 C422,50 440,90 462,106 L458,150 C420,172 300,180 222,194 C180,202 160,230 164,268 C150,330 150,420 158,480 L200,480 C196,430 196,390 198,352 C212,430 224,520 246,640 C258,700 270,735 264,790 C258,850 246,905 250,975 C380,992 450,995 500,995"},
		shape{"line", "M478,200 C430,190 340,196 246,214"},
		shape{"faint", "M486,404 C430,428 330,420 266,372"},
		shape{"faint", "M496,452 C452,474 388,520 332,572"},
		shape{"faint", "M282,880 C340,900 420,940 476,985"},
	), shape{"faint", "M500,220 L500,440"}, shape{"line", ellipse(500, 705, 9, 12)}),

	"arm": {
		{"body", "M40,428 C150,412 300,424 412,456 C520,446 650,456 762,470 C800,468 832,456 872,450 C922,444 962,460 986,482 C996,492 996,508 986,518 C962,540 922,552 872,546 C832,540 800,528 762,526 C650,536 520,550 412,546 C300,574 150,592 40,584 C10,546 10,466 40,428 Z"},
		{"faint", "M150,470 C230,452 320,458 392,482"},
		{"faint", "M400,486 C410,498 410,512 402,524"},
		{"faint", "M762,478 C770,492 770,510 762,520"},
		{"faint", "M900,470 C930,470 955,478 975,490"},
	},

	"hand": handShapes(),
	"leg": {
		{"body", "M420,18 C404,150 400,300 418,430 C424,470 414,500 404,530 C392,600 378,700 394,860 C398,890 396,915 386,930 C330,946 262,956 214,972 C196,980 196,996 214,998 L500,998 C530,994 540,962 530,932 C524,900 534,850 560,800 C614,700 622,600 582,520 C574,500 574,480 584,440 C622,320 650,150 642,18 Z"},
		{"faint", "M410,455 C428,470 432,500 420,520"},
		{"faint", "M560,470 C548,486 548,506 560,520"},
		{"faint", "M470,880 C486,890 486,912 470,922"},
		{"faint", "M300,960 C320,972 322,990 306,998"},
	},
	"foot": footShapes(),
}

// handShapes draws the back (left panel) and the palm (right panel) of the
// right hand, fingers up: on the back the thumb is on the left, on the palm
// on the right.
func handShapes() []shape {
	back := handOutline(262, -1)
	palm := handOutline(738, 1)
	out := []shape{{"body", back}, {"body", palm}}
	// knuckles on the back, palm creases on the palm
	out = append(out,
		shape{"faint", "M160,540 C200,528 300,524 372,540"},
		shape{"faint", "M188,780 C230,800 290,800 330,784"},
		shape{"faint", "M628,600 C690,580 780,585 850,610"},
		shape{"faint", "M640,680 C700,650 790,660 830,700"},
		shape{"faint", "M786,880 C760,800 740,740 740,680"},
		shape{"faint", "M500,40 L500,1000"},
	)
	return out
}

// handOutline draws a right hand centred on cx; thumb -1 puts the thumb on the
// left, 1 on the right.
func handOutline(cx, thumb float64) string {
	// fingers from the thumb side outward: x offset from cx, half width, tip y
	type finger struct{ dx, w, tip float64 }
	fs := []finger{{-78, 34, 230}, {-8, 35, 168}, {62, 33, 208}, {122, 29, 318}}
	x := func(dx float64) float64 { return cx - thumb*dx }
	var b strings.Builder
	// wrist on the thumb side up to the thumb
	fmt.Fprintf(&b, "M%g,1000 L%g,900 ", x(-80), x(-88))
	fmt.Fprintf(&b, "C%g,820 %g,760 %g,700 ", x(-120), x(-170), x(-200))
	fmt.Fprintf(&b, "C%g,650 %g,580 %g,560 ", x(-225), x(-232), x(-210))
	fmt.Fprintf(&b, "C%g,545 %g,560 %g,600 ", x(-190), x(-168), x(-150))
	fmt.Fprintf(&b, "L%g,560 ", x(-115))
	for i, f := range fs {
		left, right := f.dx-f.w, f.dx+f.w
		base := 560.0
		if i == 3 {
			base = 590
		}
		fmt.Fprintf(&b, "L%g,%g C%g,%g %g,%g %g,%g C%g,%g %g,%g %g,%g L%g,%g ",
			x(left), f.tip+f.w, x(left), f.tip, x(f.dx-f.w/2), f.tip-f.w, x(f.dx), f.tip-f.w,
			x(f.dx+f.w/2), f.tip-f.w, x(right), f.tip, x(right), f.tip+f.w, x(right), base)
	}
	fmt.Fprintf(&b, "C%g,700 %g,820 %g,900 L%g,1000 Z", x(160), x(150), x(110), x(100))
	return b.String()
}

// footShapes draws the sole of the right foot (left panel, toes up) and its
// top (right panel, ankle up, toes down); in both the big toe is on the right.
func footShapes() []shape {
	sole := "M262,948 C200,948 150,900 148,820 C146,720 128,560 110,420 C100,330 112,262 150,232 C200,200 300,196 360,214 C410,230 426,290 418,350 C404,440 340,500 348,600 C354,680 384,740 378,830 C372,910 320,948 262,948 Z"
	top := "M686,0 L690,150 C672,170 660,210 650,260 C636,340 612,440 606,560 C600,650 596,720 608,780 C640,800 700,820 780,820 C840,820 880,800 900,780 C904,700 900,620 892,540 C884,440 862,320 840,240 C828,200 816,170 812,150 L812,0 Z"
	var out []shape
	type toe struct{ x, y, rx, ry float64 }
	soleToes := []toe{{356, 150, 46, 62}, {280, 146, 31, 40}, {220, 160, 29, 37}, {170, 186, 26, 33}, {132, 226, 23, 29}}
	topToes := []toe{{852, 846, 46, 62}, {778, 856, 31, 40}, {718, 848, 29, 37}, {668, 828, 26, 33}, {630, 796, 23, 29}}
	for _, t := range soleToes {
		out = append(out, shape{"body", ellipse(t.x, t.y, t.rx, t.ry)})
	}
	for _, t := range topToes {
		out = append(out, shape{"body", ellipse(t.x, t.y, t.rx, t.ry)})
	}
	out = append(out, shape{"body", sole}, shape{"body", top})
	out = append(out,
		// sole: the pad under the ball and the heel pad
		shape{"faint", "M150,330 C220,350 330,350 410,320"},
		shape{"faint", "M190,800 C230,780 300,780 340,800"},
		// top: the ankle bones and the tendons fanning to the toes
		shape{"line", ellipse(668, 195, 16, 22)},
		shape{"line", ellipse(835, 180, 16, 22)},
		shape{"faint", "M742,250 C732,450 700,640 672,790"},
		shape{"faint", "M748,250 C746,450 730,640 716,800"},
		shape{"faint", "M756,250 C762,450 770,640 776,812"},
		shape{"faint", "M764,250 C784,450 820,640 846,790"},
		shape{"faint", "M500,40 L500,1000"},
	)
	return out
}
