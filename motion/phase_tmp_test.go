package motion

import (
	"fmt"
	"io"
	"testing"
	"time"
)

func TestPhaseTmp(t *testing.T) {
	cat, r := hourRoutine(t)
	for range 8 {
		t0, c0 := time.Now(), cpuTime()
		paths, err := RoutinePaths(cat, r)
		if err != nil {
			t.Fatal(err)
		}
		t1, c1 := time.Now(), cpuTime()
		tr, err := Prepare(paths, ExportOptions{Format: "jsonl", Columns: "2d", Rate: 1000, MaxForce: 20})
		if err != nil {
			t.Fatal(err)
		}
		t2, c2 := time.Now(), cpuTime()
		tr.Write(io.Discard)
		t3, c3 := time.Now(), cpuTime()
		ms := func(d time.Duration) int64 { return d.Milliseconds() }
		fmt.Println("compile", ms(t1.Sub(t0)), (c1-c0)/1e6, "prepare", ms(t2.Sub(t1)), (c2-c1)/1e6, "write", ms(t3.Sub(t2)), (c3-c2)/1e6)
	}
}
