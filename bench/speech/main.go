// Command speech measures how Knead's spoken guidance fits its sessions
// under the speech model of docs/play.md: every cue of a script said one
// after another at 160 words a minute (a number is a word) plus a 0.4 s
// breath, each starting at its moment or when the one before ends.
//
// For four usual sessions — back and scalp 10 minutes for a partner, feet
// 15 minutes for a partner, shoulders and arms 10 minutes for oneself, back
// 30 minutes for a partner — and for the worst of many requests (areas ×
// minutes × mode, planned by the real planner from the built-in catalog) it
// prints the share of the session that is spoken (budget 35%), the cue lag
// at p50 and p99, the cues late by more than a second, and how many of them
// are start, switch or next cues (budget 0).
//
//	go run ./bench/speech            (from the repository's root)
//	go run ./bench/speech -rate slower
//	go run ./bench/speech -listen    (also: espeak-ng's own length of the first session's cues)
//
// With -listen it says every distinct cue of the first session with
// `espeak-ng -s WPM -w` and measures the sound with `soxi -D`, to check the
// model's word counting against what the voice takes.
//
// It exits 1 when a budget is exceeded and 2 when it cannot measure.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
)

// The budgets of issue 9.
const (
	maxShare = 0.35
	maxLag   = 1.0
)

var verbose *bool

type session struct {
	name string
	req  plan.Request
}

var usual = []session{
	{"back and scalp, 10 min, partner", plan.Request{Areas: []string{"back", "scalp"}, Minutes: 10, Mode: "partner"}},
	{"feet, 15 min, partner", plan.Request{Areas: []string{"feet"}, Minutes: 15, Mode: "partner"}},
	{"shoulders and arms, 10 min, self", plan.Request{Areas: []string{"shoulders", "arms"}, Minutes: 10, Mode: "self"}},
	{"back, 30 min, partner", plan.Request{Areas: []string{"back"}, Minutes: 30, Mode: "partner"}},
}

// requests is the sweep the worst request is found in.
func requests() []plan.Request {
	var areas [][]string
	for _, a := range massage.Areas {
		areas = append(areas, []string{a.ID})
	}
	areas = append(areas,
		[]string{"back", "scalp"}, []string{"shoulders", "arms"}, []string{"feet", "scalp"},
		[]string{"back", "shoulders", "neck"}, []string{"legs", "feet"}, []string{"hands", "arms"},
		[]string{"head", "neck", "shoulders", "back", "arms", "legs"})
	var out []plan.Request
	for _, a := range areas {
		for _, min := range []float64{3, 5, 10, 15, 20, 30, 45, 60} {
			for _, mode := range []string{"", "self", "partner"} {
				out = append(out, plan.Request{Areas: a, Minutes: min, Mode: mode})
			}
		}
	}
	return out
}

func main() {
	rate := flag.String("rate", guide.RateNormal, "speech rate: slower, normal or faster")
	verbose = flag.Bool("v", false, "list every request over budget")
	listen := flag.Bool("listen", false, "say the first session's cues with espeak-ng and compare their length with the model")
	flag.Parse()
	code := run(*rate)
	if *listen && code != 2 {
		if err := listenTo(*rate); err != nil {
			fmt.Fprintln(os.Stderr, "speech: listen:", err)
			code = 2
		}
	}
	os.Exit(code)
}

// listenTo says each distinct cue of the first usual session with espeak-ng
// at the rate's words a minute and compares the sound's length (soxi -D)
// with the model's.
func listenTo(rate string) error {
	cat, err := catalog.Builtin()
	if err != nil {
		return err
	}
	wpm, _ := guide.RateWPM(rate)
	p, err := plan.Make(cat, usual[0].req)
	if err != nil {
		return err
	}
	s, err := guide.BuildWith(cat, p.Routine(), guide.Options{Rate: rate})
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "knead-speech")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Printf("\nespeak-ng -s %.0f on the cues of %s: model seconds, espeak seconds (soxi -D), text\n", wpm, usual[0].name)
	seen := map[string]bool{}
	var model, voice, worst float64
	var n, longer int
	worstSay := ""
	for _, c := range s.Cues {
		if seen[c.Say] {
			continue
		}
		seen[c.Say] = true
		wav := filepath.Join(dir, fmt.Sprintf("%d.wav", n))
		if out, err := exec.Command("espeak-ng", "-s", strconv.Itoa(int(wpm)), "-w", wav, c.Say).CombinedOutput(); err != nil {
			return fmt.Errorf("espeak-ng: %v %s", err, out)
		}
		out, err := exec.Command("soxi", "-D", wav).Output()
		if err != nil {
			return fmt.Errorf("soxi: %v", err)
		}
		d, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
		if err != nil {
			return fmt.Errorf("soxi: %q: %v", out, err)
		}
		m := massage.SpokenSeconds(c.Say, wpm)
		fmt.Printf("  %5.2f %5.2f  %s\n", m, d, c.Say)
		model, voice, n = model+m, voice+d, n+1
		if d > m {
			longer++
		}
		if d-m > worst {
			worst, worstSay = d-m, c.Say
		}
	}
	fmt.Printf("%d cues: model %.1f s, espeak-ng %.1f s (%.0f%% of the model); espeak-ng longer in %d cues, by %.2f s at most (%q)\n",
		n, model, voice, 100*voice/model, longer, worst, worstSay)
	return nil
}

func run(rate string) int {
	cat, err := catalog.Builtin()
	if err != nil {
		fmt.Fprintln(os.Stderr, "speech:", err)
		return 2
	}
	opt := guide.Options{Rate: rate}
	wpm, err := guide.RateWPM(rate)
	if err != nil {
		fmt.Fprintln(os.Stderr, "speech:", err)
		return 2
	}
	var extra float64 // hands-on seconds the last script measured adds to its routine's
	measure := func(req plan.Request) (guide.Timing, *guide.Script, error) {
		p, err := plan.Make(cat, req)
		if err != nil {
			return guide.Timing{}, nil, err
		}
		r := p.Routine()
		s, err := guide.BuildWith(cat, r, opt)
		if err != nil {
			return guide.Timing{}, nil, err
		}
		extra = 0
		for _, it := range r.Items {
			extra -= it.Seconds
		}
		for _, m := range s.Moves {
			if m.Kind != guide.KindTransition {
				extra += m.Seconds
			}
		}
		return guide.Sound(s, wpm), s, nil
	}
	fmt.Printf("speech model: %.0f words a minute (rate %s), %.1f s breath; budgets: share ≤ %.0f%%, start/switch/next late by > %.0f s: 0\n",
		wpm, rate, massage.Breath, maxShare*100, maxLag)
	fmt.Printf("%-36s %6s %5s %6s %6s %6s %6s %5s %7s\n", "session", "min", "moves", "cues", "spoken", "p50", "p99", "late", "keylate")
	bad := false
	line := func(name string, req plan.Request, t guide.Timing, s *guide.Script) {
		fmt.Printf("%-36s %6.1f %5d %6d %5.1f%% %5.1fs %5.1fs %5d %7d\n", name, t.Total/60, len(s.Moves), len(s.Cues),
			t.Share*100, t.Quantile(0.5), t.Quantile(0.99), t.Late, t.KeyLate)
		if t.Share > maxShare || t.KeyLate > 0 {
			bad = true
		}
	}
	for _, u := range usual {
		t, s, err := measure(u.req)
		if err != nil {
			fmt.Fprintf(os.Stderr, "speech: %s: %v\n", u.name, err)
			return 2
		}
		line(u.name, u.req, t, s)
	}
	var (
		worst    guide.Timing
		worstS   *guide.Script
		worstReq plan.Request
		n, over  int
		longer   int     // scripts that run longer than the plan
		most     float64 // seconds the longest of them adds
	)
	for _, req := range requests() {
		t, s, err := measure(req)
		if err != nil {
			continue // a request the planner refuses (nothing safe, too short) has no script
		}
		n++
		if extra > 0.5 {
			longer++
			most = max(most, extra)
			if *verbose {
				fmt.Printf("  longer: %v %g min %q: +%.0f s\n", req.Areas, req.Minutes, req.Mode, extra)
			}
		}
		if t.Share > maxShare || t.KeyLate > 0 {
			over++
			if *verbose {
				fmt.Printf("  over budget: %v %g min %q: share %.1f%%, key late %d\n", req.Areas, req.Minutes, req.Mode, t.Share*100, t.KeyLate)
			}
		}
		if worstS == nil || worse(t, worst) {
			worst, worstS, worstReq = t, s, req
		}
	}
	if worstS == nil {
		fmt.Fprintln(os.Stderr, "speech: no request could be planned")
		return 2
	}
	mode := worstReq.Mode
	if mode == "" {
		mode = "any"
	}
	line(fmt.Sprintf("worst of %d: %s, %g min, %s", n, strings.Join(worstReq.Areas, "+"), worstReq.Minutes, mode), worstReq, worst, worstS)
	fmt.Printf("worst: share %.1f%%, worst start/switch/next lag %.1f s; %d of %d requests over budget\n", worst.Share*100, worst.WorstKey, over, n)
	fmt.Printf("scripts longer than their plan (too short for what must be said): %d of %d, by %.0f s at most\n", longer, n, most)
	if bad {
		return 1
	}
	return 0
}

// worse orders timings: late key cues first, then the largest key lag, then
// the share of speech.
func worse(a, b guide.Timing) bool {
	if a.KeyLate != b.KeyLate {
		return a.KeyLate > b.KeyLate
	}
	if a.WorstKey != b.WorstKey {
		return a.WorstKey > b.WorstKey
	}
	return a.Share > b.Share
}
