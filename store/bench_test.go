package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// BenchmarkHistory is the read every plan and every new session makes on
// SQLite: a person's last 100 sessions with a press each.
func BenchmarkHistory(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, b.TempDir()+"/knead.db")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for i := range 150 {
		x := sample(fmt.Sprint("s", i))
		x.CreatedAt = time.Now().Add(time.Duration(i) * time.Second)
		if err := st.CreateSession(ctx, x); err != nil {
			b.Fatal(err)
		}
		if _, err := st.AddFeedback(ctx, x.ID, Feedback{Key: "k", Kind: "good"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for range b.N {
		if _, err := History(ctx, st, Me); err != nil {
			b.Fatal(err)
		}
	}
	// processor time a call, which hardly depends on what else runs
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWrites is a player's writes on SQLite from many requests at
// once, committed together by the writer: a place after a move, and a
// press. The processor time a write hardly depends on what else runs.
func BenchmarkWrites(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, b.TempDir()+"/knead.db")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	const sessions = 64
	for i := range sessions {
		x := sample(fmt.Sprint("s", i))
		x.Script = json.RawMessage(`{"total":600,"moves":[` + strings.Repeat(`{"technique":"effleurage","area":"upper-back","start":0,"seconds":60},`, 80) + `{}]}`)
		if err := st.CreateSession(ctx, x); err != nil {
			b.Fatal(err)
		}
	}
	var n atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(32)
	b.ResetTimer()
	cpu0 := cpuTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			id := fmt.Sprint("s", i%sessions)
			var err error
			if i%4 == 0 {
				_, err = st.AddFeedback(ctx, id, Feedback{Key: fmt.Sprint("k", i), Kind: Lighter, Technique: "effleurage", Area: "upper-back"})
			} else {
				_, err = st.SaveProgress(ctx, id, Progress{Offset: float64(i % 600), Move: int(i % 10), Running: true, Played: float64(i % 600)})
			}
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}
