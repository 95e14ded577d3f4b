package plan

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/knead/knead/massage"
)

var (
	synthOnce sync.Once
	synth10k  *massage.Catalog
)

// benchRequests are the requests a benchmark cycles through: the three
// golden scenarios and seeded random ones that the catalog can plan.
func benchRequests(b *testing.B, cat *massage.Catalog, h *History) []Request {
	reqs := []Request{
		{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner"},
		{Areas: []string{"shoulders", "arms"}, Minutes: 10, Mode: "self"},
		{Areas: []string{"feet"}, Minutes: 15, Conditions: []string{"inflamed-joint:ankle"}},
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for len(reqs) < 64 {
		r := randomRequest(rng)
		if _, err := MakeFor(cat, r, h); err == nil {
			reqs = append(reqs, r)
		}
	}
	return reqs
}

// benchMake plans the requests in turn and reports, beside the mean, the
// median and 99th percentile of single calls (the budget is on p99).
func benchMake(b *testing.B, cat *massage.Catalog) { benchMakeFor(b, cat, nil) }

// hundredSessions is a person's history of 100 sessions, each with a few
// presses of every kind on the built-in catalog's techniques.
func hundredSessions(cat *massage.Catalog) *History {
	rng := rand.New(rand.NewPCG(100, 100))
	kinds := []string{"lighter", "firmer", "sore", "up", "down", "good"}
	h := &History{Person: "me"}
	for range 100 {
		var s Past
		for range 1 + rng.IntN(8) {
			t := cat.Techniques[rng.IntN(len(cat.Techniques))]
			s.Signals = append(s.Signals, Signal{Kind: kinds[rng.IntN(len(kinds))], Technique: t.ID, Area: t.Areas[rng.IntN(len(t.Areas))]})
		}
		h.Sessions = append(h.Sessions, s)
	}
	return h
}

// BenchmarkMakeBuiltinHistory: the same budget, p99 under 1 ms, with a
// person's 100 past sessions read on every call.
func BenchmarkMakeBuiltinHistory(b *testing.B) {
	cat := builtin(b)
	benchMakeFor(b, cat, hundredSessions(cat))
}

// BenchmarkMakeBuiltinHistoryFresh: the same, the history read anew for
// every plan, as a server that reads it from the store for each request
// does (the one above reads it once and keeps what it teaches).
func BenchmarkMakeBuiltinHistoryFresh(b *testing.B) {
	cat := builtin(b)
	h := hundredSessions(cat)
	benchMakeWith(b, cat, h, func() *History { return &History{Person: h.Person, Sessions: h.Sessions} })
}

func benchMakeFor(b *testing.B, cat *massage.Catalog, h *History) {
	benchMakeWith(b, cat, h, func() *History { return h })
}

func benchMakeWith(b *testing.B, cat *massage.Catalog, h *History, each func() *History) {
	reqs := benchRequests(b, cat, h)
	times := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, err := MakeFor(cat, reqs[i%len(reqs)], each()); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	if n := len(times); n > 0 {
		b.ReportMetric(float64(times[n/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(times[min(n-1, n*99/100)].Microseconds()), "p99-µs")
	}
}

// BenchmarkMakeBuiltin: budget p99 under 1 ms (PRODUCT.md).
func BenchmarkMakeBuiltin(b *testing.B) { benchMake(b, builtin(b)) }

// BenchmarkMakeSynthetic10k: budget under 20 ms with 10,000 techniques.
func BenchmarkMakeSynthetic10k(b *testing.B) {
	synthOnce.Do(func() { synth10k = synthetic(10000, 42) })
	benchMake(b, synth10k)
}

// BenchmarkLearn100: reading a person's 100 past sessions, as every plan
// for them does the first time (see learnOnce).
func BenchmarkLearn100(b *testing.B) {
	h := hundredSessions(builtin(b))
	b.ReportAllocs()
	for b.Loop() {
		learn(h)
	}
}
