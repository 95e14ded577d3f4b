package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// manifest makes the app installable.
func (s *Server) manifest(w http.ResponseWriter, r *http.Request) {
	m := map[string]any{
		"name":             "Knead — guided massage",
		"short_name":       "Knead",
		"description":      "Safe, timed, hands-free guided massage sessions.",
		"start_url":        "/",
		"scope":            "/",
		"display":          "standalone",
		"background_color": "#f6f3ee",
		"theme_color":      "#2c6b63",
		"icons": []map[string]string{
			{"src": "/icon-192.png", "sizes": "192x192", "type": "image/png"},
			{"src": "/icon-512.png", "sizes": "512x512", "type": "image/png"},
			{"src": "/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
			{"src": "/icon.svg", "sizes": "any", "type": "image/svg+xml"},
		},
	}
	w.Header().Set("Content-Type", "application/manifest+json")
	w.Header().Set("Cache-Control", "no-cache")
	json.NewEncoder(w).Encode(m)
}

// offlinePage is what the service worker shows for a page it did not keep
// when the network is gone, instead of some other page at that address.
func (s *Server) offlinePage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "error", page{Title: "Offline",
		Data: "You are offline, and this page was not kept on this device. The library, the start page and the plans and sessions you opened work without a network; this page opens when the network is back."})
}

// serviceWorker serves the worker from the root, so it controls every
// page. It keeps the app's files, the library and whatever pages were last
// opened (the last plan, the last session), so they play offline.
func (s *Server) serviceWorker(w http.ResponseWriter, r *http.Request) {
	src, ok := s.assets.bySource["sw.js"]
	if !ok {
		http.NotFound(w, r)
		return
	}
	pages := []string{"/", "/library", "/offline"}
	for _, t := range s.cat.Techniques {
		pages = append(pages, "/library/"+t.ID)
	}
	pre := append(s.assets.urls(), pages...)
	pre = append(pre, "/manifest.webmanifest", "/icon.svg", "/icon-192.png")
	list, _ := json.Marshal(pre)
	head := fmt.Sprintf("const VERSION = %q;\nconst PRECACHE = %s;\n", s.assets.version, list)
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Service-Worker-Allowed", "/")
	w.Write([]byte(head))
	body, _ := src.served()
	w.Write(body)
}

const iconSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#2c6b63"/><circle cx="32" cy="32" r="21" fill="none" stroke="#f4ead5" stroke-width="5"/><circle cx="24" cy="34" r="5.5" fill="#f4ead5"/><circle cx="40" cy="34" r="5.5" fill="#f4ead5"/></svg>`

func (s *Server) iconSVG(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Write([]byte(iconSVG))
}

var (
	iconMu    sync.Mutex
	iconCache = map[int][]byte{}
)

// iconPNG draws the icon at 192 or 512 pixels, once, the first time it is
// asked for: the same picture as icon.svg, with the edges smoothed.
func (s *Server) iconPNG(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/icon-"), ".png"))
	if err != nil || (n != 192 && n != 512) {
		http.NotFound(w, r)
		return
	}
	iconMu.Lock()
	b, ok := iconCache[n]
	if !ok {
		b = drawIcon(n)
		iconCache[n] = b
	}
	iconMu.Unlock()
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Write(b)
}

func drawIcon(n int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	bg := color.NRGBA{0x2c, 0x6b, 0x63, 0xff}
	fg := color.NRGBA{0xf4, 0xea, 0xd5, 0xff}
	k := float64(n) / 64
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			// Work in the SVG's 64-unit square, at the pixel's centre.
			px, py := (float64(x)+0.5)/k, (float64(y)+0.5)/k
			ring := math.Abs(math.Hypot(px-32, py-32)-21) - 2.5
			dots := math.Min(math.Hypot(px-24, py-34), math.Hypot(px-40, py-34)) - 5.5
			d := math.Min(ring, dots) // distance to the light shapes, in units
			a := clamp01(0.5 - d*k)   // coverage of this pixel
			img.SetNRGBA(x, y, mix(bg, fg, a))
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

func clamp01(f float64) float64 { return math.Max(0, math.Min(1, f)) }

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return color.NRGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xff}
}
