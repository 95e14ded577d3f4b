package motion

import (
	"io"
	"math"
	"runtime/metrics"
	"syscall"
	"testing"
	"time"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

// BenchmarkCompileCatalog compiles every step of the built-in catalog.
func BenchmarkCompileCatalog(b *testing.B) {
	cat, err := catalog.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	steps := 0
	for _, t := range cat.Techniques {
		steps += len(t.Steps)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range cat.Techniques {
			if _, err := CompileTechnique(t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(steps), "steps/op")
}

// hourRoutine is a 60-minute routine: the built-in techniques that need no
// force limit from the user, one after another, 2 minutes each, until the
// hour is full.
func hourRoutine(tb testing.TB) (*massage.Catalog, *massage.Routine) {
	cat, err := catalog.Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	r := &massage.Routine{ID: "hour", Name: "An hour"}
	total := 0.0
	for total < 3600 {
		for _, t := range cat.Techniques {
			if total >= 3600 {
				break
			}
			s := 120.0
			if total+s > 3600 {
				s = 3600 - total
			}
			r.Items = append(r.Items, massage.Item{Technique: t.ID, Seconds: s})
			total += s
		}
	}
	return cat, r
}

// BenchmarkExport60Min1kHz exports a 60-minute routine at 1 kHz: compiling
// it, checking every force and writing every row (about 7 million). The
// budget is 100 ms (PRODUCT.md).
func BenchmarkExport60Min1kHz(b *testing.B) {
	cat, r := hourRoutine(b)
	for _, format := range benchFormats {
		b.Run(format[0]+"-"+format[1], func(b *testing.B) {
			var n countWriter
			// what it allocates: garbage the collector stops the
			// export to sweep, and fresh memory the system must map
			b.ReportAllocs()
			cpu0, gc0 := cpuTime(), gcNow()
			for b.Loop() {
				n = 0
				paths, err := RoutinePaths(cat, r)
				if err != nil {
					b.Fatal(err)
				}
				if err := Export(&n, paths, ExportOptions{Format: format[0], Columns: format[1], Rate: 1000, MaxForce: 20}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/1e6, "MB/op")
			// the process's own processor time, which other work on the
			// machine does not inflate the way it does the wall clock
			b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
			gcReport(b, gc0)
		})
	}
}

// gcStats are the collector's cycles so far and the processor time the
// runtime counts as its (marking, assists, pauses; an estimate).
type gcStats struct {
	cycles uint64
	cpu    float64 // seconds
}

func gcNow() gcStats {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	return gcStats{s[0].Value.Uint64(), s[1].Value.Float64()}
}

// gcReport reports the collections an op took and their processor time
// (gc-cpu-ms/op, a part of cpu-ms/op): what allocating less saves.
func gcReport(b *testing.B, gc0 gcStats) {
	gc := gcNow()
	b.ReportMetric(float64(gc.cycles-gc0.cycles)/float64(b.N), "gc/op")
	b.ReportMetric((gc.cpu-gc0.cpu)*1e3/float64(b.N), "gc-cpu-ms/op")
}

// BenchmarkExportRows60Min1kHz is the writing part of the export above
// alone: the routine compiled once, then every force checked and every row
// written, to tell the cost of the rows from that of compiling.
func BenchmarkExportRows60Min1kHz(b *testing.B) {
	cat, r := hourRoutine(b)
	paths, err := RoutinePaths(cat, r)
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range benchFormats {
		b.Run(format[0]+"-"+format[1], func(b *testing.B) {
			var n countWriter
			cpu0 := cpuTime()
			for b.Loop() {
				n = 0
				if err := Export(&n, paths, ExportOptions{Format: format[0], Columns: format[1], Rate: 1000, MaxForce: 20}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/1e6, "MB/op")
			b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}

// benchFormats are the formats and columns the budgets are for: 100 ms
// with the chart columns, 250 ms with the body-frame ones too.
var benchFormats = [][2]string{{"csv", "2d"}, {"jsonl", "2d"}, {"csv", "3d"}, {"jsonl", "3d"}}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRoutinePaths compiles the 60-minute routine alone: the part of
// an export before the trajectory is built and its rows written.
func BenchmarkRoutinePaths(b *testing.B) {
	cat, r := hourRoutine(b)
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := RoutinePaths(cat, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkAppendRows is the row writer alone, on one core: the 60-minute
// routine's rows at 1 kHz made block by block into one buffer, without the
// header, the trajectory or the columns. Each block is made a few times
// and its quickest kept: min-ns/row, the sum of those over the rows, hardly
// moves with other work on the machine, so it compares changes to the hot
// loop on a shared machine.
func BenchmarkAppendRows(b *testing.B) {
	cat, r := hourRoutine(b)
	paths, err := RoutinePaths(cat, r)
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range benchFormats {
		b.Run(format[0]+"-"+format[1], func(b *testing.B) {
			o := ExportOptions{Format: format[0], Columns: format[1], Rate: 1000, MaxForce: 20}
			t, err := Prepare(paths, o)
			if err != nil {
				b.Fatal(err)
			}
			d3 := format[1] == "3d"
			steps := make([]exportStep, len(paths))
			for i := range paths {
				steps[i] = t.tr.exportStep(i, format[0], d3)
			}
			last := int64(t.tr.n) * 1000 / Rate
			tf := newTimeFormat(1000)
			buf := make([]byte, 0, blockTicks*2*rowGuess(format[0], d3)+64*1024)
			var least time.Duration
			for b.Loop() {
				least = 0
				for lo := int64(0); lo <= last; lo += int64(blockTicks) {
					best := time.Duration(math.MaxInt64)
					for range 5 {
						t0 := time.Now()
						buf = appendRows(buf[:0], steps, lo, min(lo+int64(blockTicks), last+1), 1000, tf, format[0] == "jsonl", d3)
						best = min(best, time.Since(t0))
					}
					least += best
				}
			}
			b.ReportMetric(float64(least.Nanoseconds())/float64(2*(last+1)), "min-ns/row")
		})
	}
}
