package massage

import (
	"fmt"
	"strconv"
)

// Bounds are the least, usual and most seconds a thing takes.
type Bounds struct {
	Least float64 `json:"least"`
	Usual float64 `json:"usual"`
	Most  float64 `json:"most"`
}

// IsZero reports whether no time was given.
func (b Bounds) IsZero() bool { return b == Bounds{} }

// Clamp keeps s inside the bounds (a zero bound does not limit).
func (b Bounds) Clamp(s float64) float64 {
	if b.Least > 0 && s < b.Least {
		s = b.Least
	}
	if b.Most > 0 && s > b.Most {
		s = b.Most
	}
	return s
}

// Problem says what is wrong with the bounds, or "" when nothing is.
func (b Bounds) Problem() string {
	switch {
	case b.Least < 0 || b.Usual < 0 || b.Most < 0:
		return "seconds cannot be negative"
	case b.Most > 0 && b.Least > b.Most:
		return fmt.Sprintf("least (%s s) is above most (%s s)", num(b.Least), num(b.Most))
	case b.Usual > 0 && b.Least > b.Usual:
		return fmt.Sprintf("least (%s s) is above usual (%s s)", num(b.Least), num(b.Usual))
	case b.Most > 0 && b.Usual > b.Most:
		return fmt.Sprintf("usual (%s s) is above most (%s s)", num(b.Usual), num(b.Most))
	}
	return ""
}

// String reads like "30–60 s, usually 45 s".
func (b Bounds) String() string {
	switch {
	case b.IsZero():
		return ""
	case b.Least == b.Most && (b.Usual == 0 || b.Usual == b.Least):
		return Seconds(b.Least)
	case b.Usual == 0:
		return span(b.Least, b.Most)
	}
	return fmt.Sprintf("%s, usually %s", span(b.Least, b.Most), Seconds(b.Usual))
}

// span reads like "5–15 s", "3–10 min" or "45 s–2 min".
func span(lo, hi float64) string {
	whole := func(s float64) bool { return s == float64(int(s)) }
	switch {
	case hi < 60:
		return num(lo) + "–" + num(hi) + " s"
	case lo >= 60 && whole(lo) && whole(hi) && int(lo)%60 == 0 && int(hi)%60 == 0:
		return fmt.Sprintf("%d–%d min", int(lo)/60, int(hi)/60)
	}
	return Seconds(lo) + "–" + Seconds(hi)
}

// Seconds prints a time for people: "45 s", "2 min", "1 min 30 s".
func Seconds(s float64) string {
	if s < 60 || s != float64(int(s)) {
		return num(s) + " s"
	}
	m, r := int(s)/60, int(s)%60
	if m >= 60 && r == 0 {
		h, mm := m/60, m%60
		if mm == 0 {
			return fmt.Sprintf("%d h", h)
		}
		return fmt.Sprintf("%d h %d min", h, mm)
	}
	if r == 0 {
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d min %d s", m, r)
}

// Count is how many times something is done: exactly n, or a range.
type Count struct {
	Least int `json:"least"`
	Most  int `json:"most"`
}

// IsZero reports whether no count was given.
func (c Count) IsZero() bool { return c == Count{} }

// String reads like "4 times" or "4–5 times".
func (c Count) String() string {
	switch {
	case c.IsZero():
		return ""
	case c.Least == c.Most && c.Least == 1:
		return "once"
	case c.Least == c.Most:
		return fmt.Sprintf("%d times", c.Least)
	}
	return fmt.Sprintf("%d–%d times", c.Least, c.Most)
}

// Problem says what is wrong with the count, or "".
func (c Count) Problem() string {
	switch {
	case c.Least < 0 || c.Most < 0:
		return "a repeat count cannot be negative"
	case c.Least > c.Most:
		return fmt.Sprintf("least (%d) is above most (%d)", c.Least, c.Most)
	case c.Most > 1000:
		return fmt.Sprintf("%d repeats is more than anyone would do (1000 at most)", c.Most)
	}
	return ""
}

// Distance is a length with its unit, as the source gave it.
type Distance struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// IsZero reports whether no distance was given.
func (d Distance) IsZero() bool { return d.Value == 0 && d.Unit == "" }

// Metres converts the distance to metres.
func (d Distance) Metres() float64 {
	switch d.Unit {
	case "in":
		return d.Value * 0.0254
	case "cm":
		return d.Value / 100
	case "mm":
		return d.Value / 1000
	}
	return 0
}

// String reads like "1 inch" or "2.5 cm".
func (d Distance) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Unit == "in" {
		if d.Value == 1 {
			return "1 inch"
		}
		return num(d.Value) + " inches"
	}
	return num(d.Value) + " " + d.Unit
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
