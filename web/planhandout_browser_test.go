package web

import (
	"bytes"
	"math"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// A person plans 20 minutes on the back and scalp for a partner, opens
// the plan's handout and prints it on A4 and Letter: every page the right
// size, each move's name, cue and drawing in it, the cautions first and
// the transitions between the moves.
func TestBrowserPlanHandout(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	dir := t.TempDir()

	must(t, ctx, "plan and open its handout",
		browsertest.Navigate(srv.URL+"/plan?area=back&area=scalp&minutes=20&mode=partner&pressure=moderate"),
		chromedp.WaitVisible(`#print-handout`),
	)
	if h := eval[float64](t, ctx, `document.getElementById('print-handout').getBoundingClientRect().height`); h < 44 {
		t.Errorf("the plan's handout link is %v px tall, under a finger's 44", h)
	}
	submit(t, ctx, `#print-handout`)
	// on a phone its links (back, the other paper) are a finger's height
	if small := eval[[]string](t, ctx, `[...document.querySelectorAll('.screen-tools a')].filter(a => a.getBoundingClientRect().height < 44).map(a => a.textContent)`); len(small) > 0 {
		t.Errorf("the handout's links %q are under 44 px tall", small)
	}
	names := eval[[]string](t, ctx, `[...document.querySelectorAll('.hstep h2')].map(h => h.textContent)`)
	if len(names) < 6 {
		t.Fatalf("the handout lists %d moves: %v", len(names), names)
	}
	drawn := eval[int](t, ctx, `document.querySelectorAll('.hstep figure svg').length`)
	again := eval[int](t, ctx, `[...document.querySelectorAll('.hstep')].filter(li => /Drawn at \d+/.test(li.textContent)).length`)
	if drawn+again != len(names) {
		t.Errorf("%d moves, %d drawn and %d pointing to an earlier drawing", len(names), drawn, again)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.hstep .transition').length`); n == 0 {
		t.Error("the handout says no transition between the moves")
	}
	if c := text(t, ctx, ".care-all"); !strings.Contains(c, "Keep your hands beside the spine") {
		t.Errorf("the handout's cautions are %q", c)
	}

	for _, paper := range []struct {
		name string
		w, h float64 // points
	}{{"a4", 595, 842}, {"letter", 612, 792}} {
		must(t, ctx, "open the "+paper.name+" handout",
			browsertest.Navigate(srv.URL+"/plan/handout?area=back&area=scalp&minutes=20&mode=partner&pressure=moderate&paper="+paper.name),
			chromedp.WaitVisible(`.handout-page`))
		yes := true
		res, err := chromedp.Call(ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PreferCSSPageSize: &yes})
		if err != nil {
			t.Fatal(err)
		}
		pdf := res.Data
		file := filepath.Join(dir, paper.name+".pdf")
		os.WriteFile(file, pdf, 0o644)
		boxes := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindAllSubmatch(pdf, -1)
		if len(boxes) < 3 || len(boxes) > 30 {
			t.Errorf("%s: %d pages, want 3 to 30", paper.name, len(boxes))
		}
		for _, box := range boxes {
			w, _ := strconv.ParseFloat(string(box[1]), 64)
			h, _ := strconv.ParseFloat(string(box[2]), 64)
			if math.Abs(w-paper.w) > 2 || math.Abs(h-paper.h) > 2 {
				t.Errorf("%s: a page is %v x %v points, want %v x %v", paper.name, w, h, paper.w, paper.h)
				break
			}
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			skipOrFail(t, "pdftotext (poppler-utils) is not installed: the printed text is not checked")
		}
		out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		printed := strings.Join(strings.Fields(string(out)), " ")
		for _, want := range append([]string{"Take care", "Keep your hands beside the spine", "Printed from Knead. Knead is not medical advice."}, names...) {
			if !strings.Contains(printed, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s: the printed handout lacks %q", paper.name, want)
			}
		}
		if bytes.Contains(out, []byte("Back to the plan")) {
			t.Errorf("%s: the screen's tools are printed", paper.name)
		}
	}
}
