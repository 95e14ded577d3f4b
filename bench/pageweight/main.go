// Command pageweight measures Knead's web app against its budgets: it
// builds knead, starts `knead serve` on a free port with a fresh database,
// and prints the time from start to the first answer (budget 300 ms) and
// the idle memory (budget 60 MB). Then it loads pages in headless Chromium,
// each in a fresh profile so nothing comes from a cache, and prints the
// bytes each transferred as the network delivered them (gzip, headers
// included):
//
//   - the library (budget 150 KB), whose cards carry small drawings;
//   - the player page of a usual plan (20 minutes of upper back and scalp),
//     file by file;
//   - the player page of the heaviest plan: of many candidate plans (every
//     area, or the back, scalp and feet; 60 or 120 minutes; each mode and
//     pressure) it picks the one whose page is largest and loads it both as
//     the plan preview (/plan?…) and as a kept session (/session/{id}).
//
// The last line is the worst player page against the 60 KB budget.
//
//	go run ./bench/pageweight            (from the repository's root)
//
// It exits 1 when a budget is exceeded and 2 when it cannot measure.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

const (
	budgetPlayer  = 60 << 10
	budgetLibrary = 150 << 10
	budgetStart   = 300 * time.Millisecond
	budgetRSS     = 60 << 20
	usualPlan     = "/plan?area=upper-back&area=scalp&minutes=20&mode=partner"
)

func main() {
	over, err := run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pageweight:", err)
		os.Exit(2)
	}
	if over {
		os.Exit(1)
	}
}

func run() (over bool, err error) {
	dir, err := os.MkdirTemp("", "pageweight")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "knead")
	build := exec.Command("go", "build", "-o", bin, "./cmd/knead")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return false, fmt.Errorf("build knead (run from the repository's root): %w", err)
	}

	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "knead.db"))
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return false, err
	}
	began := time.Now()
	if err := cmd.Start(); err != nil {
		return false, err
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	addr, err := readAddr(out)
	if err != nil {
		return false, err
	}
	base := "http://" + addr
	for {
		r, err := http.Get(base + "/healthz")
		if err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				break
			}
		}
		if time.Since(began) > 10*time.Second {
			return false, fmt.Errorf("no answer from %s", base)
		}
		time.Sleep(2 * time.Millisecond)
	}
	started := time.Since(began)
	over = over || started > budgetStart
	fmt.Printf("start to first answer: %d ms (budget %d ms)\n", started.Milliseconds(), budgetStart.Milliseconds())

	// Idle memory, after the pages have been drawn once.
	for _, p := range []string{"/", "/library", usualPlan} {
		if r, err := http.Get(base + p); err == nil {
			r.Body.Close()
		}
	}
	time.Sleep(time.Second)
	rss, err := rssOf(cmd.Process.Pid)
	if err != nil {
		return false, err
	}
	over = over || rss > budgetRSS
	fmt.Printf("idle memory: %.1f MB resident (budget %d MB)\n", float64(rss)/(1<<20), budgetRSS>>20)

	lib, _, err := weigh(base, "/library", `.cards`)
	if err != nil {
		return false, err
	}
	over = over || lib > budgetLibrary
	fmt.Printf("library page: %d bytes transferred (gzip), budget %d bytes (150 KB): %s\n", lib, budgetLibrary, verdict(lib, budgetLibrary))

	usual, files, err := weigh(base, usualPlan, `#start`)
	if err != nil {
		return false, err
	}
	fmt.Printf("player page, 20 min of upper back and scalp for a partner:\n")
	for _, f := range files {
		fmt.Printf("  %6d  %s\n", f.bytes, f.url)
	}
	fmt.Printf("  %6d  in all\n", usual)

	// The heaviest plan, found by the size of its page, then weighed as a
	// preview and as a kept session.
	heavy, desc, n, err := heaviest(base)
	if err != nil {
		return false, err
	}
	preview, _, err := weigh(base, heavy, `#start`)
	if err != nil {
		return false, err
	}
	fmt.Printf("player page, heaviest of %d plans (%s), as a plan: %d bytes\n", n, desc, preview)
	loc, err := keep(base, heavy)
	if err != nil {
		return false, err
	}
	kept, _, err := weigh(base, loc, `#player:not([hidden])`)
	if err != nil {
		return false, err
	}
	fmt.Printf("player page, heaviest plan as a kept session: %d bytes\n", kept)

	// A long plan's page carries the drawings of its first moves; the rest
	// come from /api/motion when it first plays. Not part of the page, but
	// said, with the sum, so nothing transferred goes unseen.
	after, err := laterMotion(base, heavy)
	if err != nil {
		return false, err
	}
	fmt.Printf("heaviest plan, motion fetched when it first plays: %d bytes (gzip); with the page: %d bytes\n", after, max(preview, kept)+after)

	worst := max(usual, preview, kept)
	over = over || worst > budgetPlayer
	fmt.Printf("player page, worst case: %d bytes transferred (gzip), budget %d bytes (60 KB): %s\n", worst, budgetPlayer, verdict(worst, budgetPlayer))
	return over, nil
}

func verdict(n, budget int64) string {
	if n > budget {
		return "OVER BUDGET"
	}
	return "within budget"
}

// heaviest finds the candidate plan whose page gzips largest. Candidates:
// every area that can be chosen, the back with the scalp and feet, and the
// back's and head's parts with the feet, for 60 and 120 minutes, each mode
// and each pressure.
func heaviest(base string) (path, desc string, n int, err error) {
	areas, err := choosable(base)
	if err != nil {
		return "", "", 0, err
	}
	sets := []struct {
		name  string
		areas []string
	}{
		{"every area", areas},
		{"back, scalp and feet", []string{"back", "scalp", "feet"}},
		{"scalp, ears, neck, shoulders, back and feet", []string{"scalp", "ears", "neck", "shoulders", "upper-back", "lower-back", "feet"}},
	}
	best := int64(-1)
	for _, set := range sets {
		for _, minutes := range []string{"60", "120"} {
			for _, mode := range []string{"", "self", "partner"} {
				for _, pressure := range []string{"light", "moderate", "deep"} {
					q := url.Values{"area": set.areas, "minutes": {minutes}, "pressure": {pressure}}
					if mode != "" {
						q.Set("mode", mode)
					}
					p := "/plan?" + q.Encode()
					size, ok, err := pageSize(base + p)
					if err != nil {
						return "", "", 0, err
					}
					if !ok {
						continue // no plan for this (nothing for self on a partner's back)
					}
					n++
					if size > best {
						who := mode
						if who == "" {
							who = "anyone"
						}
						best, path = size, p
						desc = fmt.Sprintf("%s min, %s, %s, %s", minutes, set.name, who, pressure)
					}
				}
			}
		}
	}
	if n == 0 {
		return "", "", 0, fmt.Errorf("no candidate plan could be made")
	}
	return path, desc, n, nil
}

// choosable lists the areas the start page offers.
func choosable(base string) ([]string, error) {
	r, err := http.Get(base + "/")
	if err != nil {
		return nil, err
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	var out []string
	for _, part := range strings.Split(string(b), `name="area" value="`)[1:] {
		v, _, _ := strings.Cut(part, `"`)
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the start page offers no areas")
	}
	return out, nil
}

// pageSize gives the gzip size of a page, and whether it is a plan (200).
func pageSize(u string) (int64, bool, error) {
	r, err := http.Get(u)
	if err != nil {
		return 0, false, err
	}
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil || r.StatusCode != 200 {
		return 0, false, err
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(b)
	w.Close()
	return int64(z.Len()), true, nil
}

// keep makes a session of the plan at path, as the page's Start does: it
// sends the request the page carries, and gives the session's address.
func keep(base, path string) (string, error) {
	r, err := http.Get(base + path)
	if err != nil {
		return "", err
	}
	page, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return "", err
	}
	_, rest, ok := strings.Cut(string(page), `<script type="application/json" id="data-request">`)
	body, _, ok2 := strings.Cut(rest, `</script>`)
	if !ok || !ok2 {
		return "", fmt.Errorf("the page at %s carries no request", path)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/api/sessions", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", base)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		msg, _ := io.ReadAll(resp.Body)
		return "", fmt.Errorf("keep the session: %s: %.200s", resp.Status, msg)
	}
	return resp.Header.Get("Location"), nil
}

func readAddr(out interface{ Read([]byte) (int, error) }) (string, error) {
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "Knead is ready at http://"); ok {
			go func() {
				for sc.Scan() {
				}
			}()
			return strings.TrimSuffix(rest, "/"), nil
		}
	}
	return "", fmt.Errorf("knead serve printed no address")
}

func rssOf(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kb)
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("no VmRSS for process %d", pid)
}

type file struct {
	url   string
	bytes int64
}

// weigh loads base+path in a fresh headless Chromium, waits for ready to
// show, and adds up the bytes of every response, headers included, as the
// network delivered them.
func weigh(base, path, ready string) (int64, []file, error) {
	bin := ""
	for _, name := range []string{os.Getenv("KNEAD_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		return 0, nil, fmt.Errorf("no Chromium found: apt-get install chromium")
	}
	profile, err := os.MkdirTemp("", "pageweight-profile")
	if err != nil {
		return 0, nil, err
	}
	defer os.RemoveAll(profile)
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(profile), chromedp.WindowSize(390, 844))
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	sizes := map[network.RequestID]int64{}
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[e.RequestID] = e.Request.URL
		case *network.EventLoadingFinished:
			sizes[e.RequestID] = int64(e.EncodedDataLength)
		}
	}); err != nil {
		return 0, nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(ready), chromedp.Sleep(1500*time.Millisecond)); err != nil {
		return 0, nil, fmt.Errorf("load %s: %w", path, err)
	}
	mu.Lock()
	defer mu.Unlock()
	var total int64
	var files []file
	for id, n := range sizes {
		total += n
		u := strings.TrimPrefix(urls[id], base)
		if len(u) > 70 {
			u = u[:67] + "…"
		}
		files = append(files, file{u, n})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].bytes > files[j].bytes })
	if len(files) == 0 {
		return 0, nil, fmt.Errorf("Chromium reported no transfers for %s", path)
	}
	return total, files, nil
}

// laterMotion gives the gzip size of the /api/motion answer a player page
// at path asks for when it first plays (0 when it carries all its motion).
func laterMotion(base, path string) (int64, error) {
	r, err := http.Get(base + path)
	if err != nil {
		return 0, err
	}
	page, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return 0, err
	}
	_, rest, _ := strings.Cut(string(page), `<script type="application/json" id="data-motion">`)
	body, _, _ := strings.Cut(rest, `</script>`)
	var m struct {
		Level int      `json:"level"`
		Later []string `json:"later"`
	}
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		return 0, fmt.Errorf("the motion of %s: %w", path, err)
	}
	if len(m.Later) == 0 {
		return 0, nil
	}
	q := url.Values{"level": {fmt.Sprint(m.Level)}, "steps": {strings.Join(m.Later, ",")}}
	n, ok, err := pageSize(base + "/api/motion?" + q.Encode())
	if err == nil && !ok {
		err = fmt.Errorf("/api/motion refused the steps %s lists", path)
	}
	return n, err
}
