// Package motion turns the steps of a technique into motion: body charts,
// timed paths per hand, SVG drawings of the moves, and trajectories for
// massage devices. Knead draws and plays every move from the same data.
//
// # Charts
//
// A View is a body chart (the back; the head from behind, above and the
// side; the neck and shoulders; the front of the torso; the arm; the hand,
// back and palm; the leg; the foot, sole and top). Each is a unit square,
// x to the right and y down as drawn, with a millimetre scale (View.MM) for
// an average adult. Every landmark of package massage has a Spot on at least
// one chart; landmarks in pairs have a left and a right spot. Spots(view,
// landmark) finds them; ChartSVG(view) draws a chart with its landmarks.
//
// # Paths
//
// CompileTechnique(t) compiles every step; CompileStep(t, n, Options{})
// one (n from 1). A StepPath names its chart (View, Panel), the area worked,
// its duration and number of passes, and holds a HandPath per hand that
// takes part: samples every 1/Rate (50) seconds of time, place on the chart,
// pressure 0–1 and contact, the spans of samples that make each pass, and,
// for raking and combing fingers, the sideways offsets of the parallel
// traces. A step's duration is its usual seconds (or its passes at its
// tempo); Options.Seconds stretches it for a routine and Options.Level
// caps its pressure.
//
// Conventions:
//   - "clockwise" is as the giver sees the chart; SignedArea of a loop is
//     positive for clockwise, negative for counterclockwise. With no turn
//     given, two hands mirror each other (left counterclockwise, right
//     clockwise); "opposite" turns the left hand clockwise and the right
//     counterclockwise.
//   - "one" and "either" hand are the right hand, "other" the left; on the
//     charts the left hand works the chart's left side.
//   - Increments (step.Increment) are distances on the chart's mm scale:
//     between circles or presses along the way, or between glides side by
//     side.
//   - On the back no contact comes within 1.5 cm of the spine line; a step
//     whose path would is refused with an error.
//
// # For the web app
//
// StepPath.Compact() (and json.Marshal of a StepPath) gives the small JSON
// form to animate: view, panel, seconds, rate, passes and, per hand, its
// colour and arrays t, x, y, pressure and contact (1/0), every number
// rounded to 3 decimals. DrawSVG(w, t, n) writes the drawing of step n, or
// of every step (n = 0) one panel each. Drawings carry their own style
// sheet (Style): CSS classes starting "kn-" and colour variables on the
// root svg.kn, with dark-mode shades, so a page can restyle them. The left
// hand is LeftColour (blue), the right RightColour (orange).
//
// # Devices
//
// Export(w, paths, ExportOptions{...}) writes rows of t (s, exactly k/rate),
// x and y (metres on the chart's scale), force_n, hand and region, as CSV or
// JSON lines, at 1 to 1000 rows a second per hand. TechniquePaths and
// RoutinePaths give the paths of a technique or of a routine (items looped
// and stretched to their seconds). Pressure becomes force per region
// (Regions, from ISO/TS 15066:2016 Annex A); an export with a force above
// its region's limit is refused with a *LimitError before anything is
// written, and the feet, which the standard does not cover, need
// ExportOptions.MaxForce.
package motion
