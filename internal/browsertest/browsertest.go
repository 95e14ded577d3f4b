// Package browsertest starts Debian's Chromium for the browser tests of
// package web and package cli, with the flags this closed network needs:
// one place for how a headless browser is found, started and given up on.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Chromium finds Debian's Chromium (or another Chrome); KNEAD_CHROMIUM
// names one explicitly. It gives "" when there is none.
func Chromium() string {
	if p := os.Getenv("KNEAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// SkipOrFail skips outside CI; in CI (CI=true), where .ci/run installs
// Chromium, a browser test that cannot run is a failure, not a skip.
func SkipOrFail(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " — in CI the browser tests must run")
	}
	t.Skip(msg)
}

// Start starts a headless Chromium for one test, with a fresh profile,
// no network beyond what the test serves, and the options given (a window
// size, a host mapping); it is closed when the test ends. Every action in
// the context it gives must end within 90 s.
func Start(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	bin := Chromium()
	if bin == "" {
		SkipOrFail(t, "browser tests skipped: no Chromium found (apt-get install chromium, or set KNEAD_CHROMIUM)")
	}
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profileDir(t)),
	}, extra...)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx); err != nil {
		SkipOrFail(t, fmt.Sprintf("browser tests skipped: Chromium at %s did not start: %v", bin, err))
	}
	return ctx
}

// profileDir makes a fresh profile folder for one browser. Unlike
// t.TempDir, whose removal fails the test, it lets Chromium's helper
// processes finish writing after the browser is stopped: it retries the
// removal for a few seconds and only logs a folder it could not remove.
func profileDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "knead-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var err error
		for i := 0; i < 20; i++ {
			if err = os.RemoveAll(dir); err == nil {
				return
			}
			time.Sleep(250 * time.Millisecond)
		}
		t.Logf("the browser's profile folder %s was left behind: %v", dir, err)
	})
	return dir
}

// Click clicks the first element the selector finds, as chromedp.Click
// does, and looks for it again when Chromium answers that the node it
// found is gone ("Could not find node with given id"). That answer comes
// when the page's document is replaced or Chromium renumbers its nodes
// between the look and the click; the click was not sent, so looking
// again and clicking once is safe. It tries up to four times, 150 ms apart.
func Click(sel string) chromedp.Action[chromedp.Void] {
	return retry(chromedp.Click(sel), "Could not find node with given id", 4, 150*time.Millisecond, sel+": the page kept replacing it")
}

// Navigate loads the address as chromedp.Navigate does, and loads it again
// when Chromium answers net::ERR_ABORTED: the load was cut off by another
// one still under way (a form's redirect landing late), nothing was shown,
// and a second load of the same address is safe. It tries up to three
// times, 200 ms apart.
func Navigate(url string) chromedp.Action[chromedp.Void] {
	return retry(chromedp.Navigate(url), "net::ERR_ABORTED", 3, 200*time.Millisecond, url+": every load was cut off")
}

// retry runs the action again, up to tries times, wait apart, while
// Chromium answers with an error that says answer; any other error, or
// none, ends it. Only for an answer that means the action had no effect.
func retry(action chromedp.Action[chromedp.Void], answer string, tries int, wait time.Duration, gaveUp string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		var err error
		for try := 0; try < tries; try++ {
			if _, err = action(ctx, t); err == nil || !strings.Contains(err.Error(), answer) {
				return err
			}
			select {
			case <-ctx.Done():
				return err
			case <-time.After(wait):
			}
		}
		return fmt.Errorf("%s: %w", gaveUp, err)
	})
}
