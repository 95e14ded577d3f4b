// Command pageweight measures Knead's web app against its budgets: it
// builds knead, starts `knead serve` on a free port with a fresh database,
// and prints the time from start to the first answer (budget 300 ms), the
// idle memory (budget 60 MB), and then loads the player page in headless
// Chromium and prints every file it transferred and, on its last line, the
// bytes transferred against the 60 KB gzip budget.
//
//	go run ./bench/pageweight            (from the repository's root)
//
// It exits 1 when a budget is exceeded and 2 when it cannot measure.
package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
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
	budgetBytes = 60 << 10
	budgetStart = 300 * time.Millisecond
	budgetRSS   = 60 << 20
	playerPath  = "/plan?area=upper-back&area=scalp&minutes=20&mode=partner"
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
	for _, p := range []string{"/", "/library", playerPath} {
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

	total, files, err := weigh(base + playerPath)
	if err != nil {
		return false, err
	}
	for _, f := range files {
		fmt.Printf("  %6d  %s\n", f.bytes, f.url)
	}
	verdict := "within budget"
	if total > budgetBytes {
		verdict = "OVER BUDGET"
		over = true
	}
	fmt.Printf("player page: %d bytes transferred (gzip), budget %d bytes (60 KB): %s\n", total, budgetBytes, verdict)
	return over, nil
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

// weigh loads url in a fresh headless Chromium and adds up the bytes of
// every response, headers included, as the network delivered them.
func weigh(url string) (int64, []file, error) {
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
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(`#start`), chromedp.Sleep(1500*time.Millisecond)); err != nil {
		return 0, nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	var total int64
	var files []file
	for id, n := range sizes {
		total += n
		files = append(files, file{strings.TrimPrefix(urls[id], strings.SplitN(url, "/plan", 2)[0]), n})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].bytes > files[j].bytes })
	if len(files) == 0 {
		return 0, nil, fmt.Errorf("Chromium reported no transfers")
	}
	return total, files, nil
}
