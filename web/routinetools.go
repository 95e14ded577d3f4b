package web

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// What `knead check`, `draw` and `export` do with a routine file, on the
// routine's own page: the check's result (and the person's safety answers
// against its moves), its drawings to look at and download, and its device
// export, made by the same code the command line runs.

// checkView is what the routine page says of the checks.
type checkView struct {
	Items, Techniques, Own int
	Screen                 string // the safety answers' verdict, said plainly
	ScreenOK               bool
	ScreenWhen             string // the date of the answers; "" when none are fresh
	Whom                   string // "you", or the person's name
}

func (s *Server) routineChecks(ctx context.Context, kr *store.Routine, rt *massage.Routine) checkView {
	v := checkView{Items: len(rt.Items), Whom: "you"}
	if p, err := s.store.Person(ctx, kr.Person); err == nil && kr.Person != store.Me {
		v.Whom = p.Name
	}
	for _, it := range rt.Items {
		if it.Technique != "" {
			v.Techniques++
		} else {
			v.Own++
		}
	}
	a, err := s.store.ScreenOf(ctx, kr.Person)
	if err != nil || a == nil || a.Stale(time.Now(), massage.ScreenDays) {
		return v
	}
	v.ScreenWhen = a.AnsweredAt.Format("2 January")
	req := plan.Request{}
	err = a.Screen.Apply(s.cat, &req)
	if err == nil {
		err = plan.Check(s.cat, req, rt)
	}
	var pe *plan.Error
	switch {
	case err == nil:
		v.ScreenOK = true
		v.Screen = "nothing in this routine is ruled out by them."
	case errors.As(err, &pe):
		v.Screen = pe.Message + "."
	default:
		v.Screen = err.Error() + "."
	}
	return v
}

// exportView is the device export's form, its limits and any refusal.
type exportView struct {
	Format, Columns, Rate, MaxForce string
	Height, Build                   string // the receiver's body (--height, --build)
	Error                           string
	Command                         string
	Limits                          motion.Limits
	Regions                         []string // the force limit of each region
}

func (s *Server) exportForm(kr *store.Routine, q url.Values) exportView {
	v := exportView{Format: q.Get("format"), Columns: q.Get("columns"), Rate: q.Get("rate"), MaxForce: q.Get("max_force"),
		Height: strings.TrimSpace(q.Get("height")), Build: q.Get("build"), Limits: motion.DefaultLimits}
	if v.Format == "" {
		v.Format = "csv"
	}
	if v.Columns == "" {
		v.Columns = "3d"
	}
	if v.Rate == "" {
		v.Rate = "100"
	}
	if v.Height == "" {
		v.Height = strconv.FormatFloat(motion.DefaultBody.Height, 'f', -1, 64)
	}
	if v.Build == "" {
		v.Build = motion.DefaultBody.Build
	}
	// the command that writes the same file, with the flags that differ
	// from its defaults
	cmd := []string{"knead export"}
	if v.Format == "urdf" {
		cmd = append(cmd, "--format urdf")
	} else {
		cmd = append(cmd, kr.ID+".yaml")
		if v.Format != "csv" {
			cmd = append(cmd, "--format "+v.Format)
		}
		cmd = append(cmd, "--rate "+v.Rate)
		if v.Columns != "3d" && v.Format != "ros2-json" {
			cmd = append(cmd, "--columns "+v.Columns)
		}
		if v.MaxForce != "" {
			cmd = append(cmd, "--max-force "+v.MaxForce)
		}
	}
	if v.Height != strconv.FormatFloat(motion.DefaultBody.Height, 'f', -1, 64) {
		cmd = append(cmd, "--height "+v.Height)
	}
	if v.Build != motion.DefaultBody.Build {
		cmd = append(cmd, "--build "+v.Build)
	}
	v.Command = strings.Join(cmd, " ")
	for _, line := range strings.Split(strings.TrimRight(motion.RegionTable(), "\n"), "\n") {
		v.Regions = append(v.Regions, strings.TrimSpace(line))
	}
	return v
}

// exportFormats are the formats the web export offers, as `knead export
// --format` names them, with their file's ending and type: the same four.
var exportFormats = map[string][2]string{
	"csv":       {".csv", "text/csv; charset=utf-8"},
	"jsonl":     {".jsonl", "application/x-ndjson"},
	"ros2-json": {".ros2.json", "application/json"},
	"urdf":      {".urdf", "application/xml; charset=utf-8"},
}

// routineExport writes the routine's trajectory as `knead export` does
// (or the body as a URDF, as `knead export --format urdf` does), or shows
// the routine's page again with the refusal.
func (s *Server) routineExport(w http.ResponseWriter, r *http.Request) {
	kr, rt, ok := s.keptRoutine(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	v := s.exportForm(kr, q)
	opts := motion.ExportOptions{Format: v.Format, Columns: v.Columns, Limits: motion.DefaultLimits}
	fail := func(msg string) {
		v.Error = msg
		d := s.routineView(kr, rt, false)
		d.Export = v
		d.Checks = s.routineChecks(r.Context(), kr, rt)
		s.render(w, r, http.StatusUnprocessableEntity, "routine", page{Title: rt.Name, Nav: "library", Data: d})
	}
	send := func(name, typ string, write func(io.Writer) error) {
		// everything was checked before (motion.Prepare refuses a whole
		// trajectory up front), so the file streams out: a long one at
		// 1 kHz is too large to hold
		w.Header().Set("Content-Type", typ)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Cache-Control", "no-cache")
		if err := write(w); err != nil {
			s.log.Warn("export", "err", err)
		}
	}
	ext, known := exportFormats[v.Format]
	if !known {
		fail(fmt.Sprintf("Format %q is not one Knead writes: choose CSV, JSON lines, ROS 2 JSON or URDF.", v.Format))
		return
	}
	height, err := strconv.ParseFloat(v.Height, 64)
	if err != nil {
		fail(fmt.Sprintf("Height (--height) must be metres from 1.2 to 2.2, such as 1.75, got %q.", v.Height))
		return
	}
	body, err := motion.CheckBody(motion.Body{Height: height, Build: v.Build})
	if err != nil {
		fail(massage.UpperFirst(err.Error()) + ".")
		return
	}
	opts.Body = body
	if v.Format == "urdf" {
		// the body frame and the body alone, whatever the routine
		send("knead-body"+ext[0], ext[1], func(w io.Writer) error { return motion.WriteURDF(w, body) })
		return
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.Rate))
	if err != nil {
		fail(fmt.Sprintf("Rows per second must be a whole number from 1 to %d, got %q.", motion.MaxRate, v.Rate))
		return
	}
	opts.Rate = n
	if v.MaxForce != "" {
		f, err := strconv.ParseFloat(strings.TrimSpace(v.MaxForce), 64)
		if err != nil || !(f > 0) || math.IsInf(f, 0) {
			fail(fmt.Sprintf("Most force (--max-force) must be newtons above 0, got %q; leave it empty for no cap.", v.MaxForce))
			return
		}
		opts.MaxForce = f
	}
	paths, err := motion.RoutinePathsWithin(s.cat, rt, opts.Limits)
	if err == nil {
		var tr *motion.Trajectory
		if tr, err = motion.Prepare(paths, opts); err == nil {
			send(kr.ID+ext[0], ext[1], tr.Write)
			return
		}
	}
	var le *motion.LimitError
	var me *motion.MotionError
	if errors.As(err, &le) || errors.As(err, &me) {
		fail("Refused: " + err.Error() + ".")
		return
	}
	fail(massage.UpperFirst(err.Error()) + ".")
}

// routineDrawingsData is the routine's drawings page.
type routineDrawingsData struct {
	Kept     *store.Routine
	R        *massage.Routine
	Drawings []drawingView
}

type drawingView struct {
	File, Name, Area string
	N                int
	SVG              template.HTML
}

func (s *Server) routineDrawings(w http.ResponseWriter, r *http.Request) {
	kr, rt, ok := s.keptRoutine(w, r)
	if !ok {
		return
	}
	d := routineDrawingsData{Kept: kr, R: rt}
	for i, dr := range motion.RoutineDrawings(s.cat, rt) {
		var b bytes.Buffer
		if err := motion.DrawSVG(&b, dr.Technique, 0); err != nil {
			continue
		}
		name := rt.Items[dr.Item].Name
		if name == "" {
			name = dr.Technique.Name
		}
		// made by Knead's own drawing code, not from input text
		d.Drawings = append(d.Drawings, drawingView{File: dr.File, Name: name, Area: rt.Items[dr.Item].Area, N: i + 1, SVG: template.HTML(b.String())})
	}
	s.render(w, r, http.StatusOK, "routinedrawings", page{Title: rt.Name + " (drawings)", Nav: "library", Data: d})
}

// routineDrawingFile is one picture, as `knead draw ROUTINE.yaml --out-dir`
// names and writes it.
func (s *Server) routineDrawingFile(w http.ResponseWriter, r *http.Request) {
	kr, rt, ok := s.keptRoutine(w, r)
	if !ok {
		return
	}
	file := r.PathValue("file")
	for _, dr := range motion.RoutineDrawings(s.cat, rt) {
		if dr.File != file {
			continue
		}
		var b bytes.Buffer
		if err := motion.DrawSVG(&b, dr.Technique, 0); err != nil {
			s.errorPage(w, r, http.StatusUnprocessableEntity, "This picture could not be drawn: "+err.Error()+".")
			return
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		if r.URL.Query().Get("download") != "" {
			w.Header().Set("Content-Disposition", `attachment; filename="`+kr.ID+"-"+dr.File+`"`)
		}
		w.Write(b.Bytes())
		return
	}
	s.errorPage(w, r, http.StatusNotFound, "This routine has no picture "+file+": its drawings page lists them.")
}

// routineDrawingsZip is every picture in one file, the folder `knead draw
// ROUTINE.yaml --out-dir ID` makes.
func (s *Server) routineDrawingsZip(w http.ResponseWriter, r *http.Request) {
	kr, rt, ok := s.keptRoutine(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, dr := range motion.RoutineDrawings(s.cat, rt) {
		f, err := zw.Create(kr.ID + "/" + dr.File)
		if err == nil {
			err = motion.DrawSVG(f, dr.Technique, 0)
		}
		if err != nil {
			s.errorPage(w, r, http.StatusUnprocessableEntity, "The pictures could not be drawn: "+err.Error()+".")
			return
		}
	}
	if err := zw.Close(); err != nil {
		s.errorPage(w, r, http.StatusInternalServerError, "The pictures could not be put together.")
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="`+kr.ID+`-drawings.zip"`)
	w.Write(buf.Bytes())
}
