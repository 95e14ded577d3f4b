package store

import (
	"context"
	"fmt"
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
