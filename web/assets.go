package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

//go:embed static
var staticFiles embed.FS

// asset is one embedded file, served under a name that carries a hash of
// its content so it can be cached for a year.
type asset struct {
	name   string // hashed: player.3f9a1c2b.js
	ctype  string
	source string // the name in static/
	// The file as served is made on first use (see shrink), so that
	// starting the server stays quick.
	once sync.Once
	raw  []byte
	body []byte
	gz   []byte // nil when gzip does not help
}

// served gives the file as it is sent, and gzipped when that helps.
func (x *asset) served() (body, gz []byte) {
	x.once.Do(func() {
		x.body = shrink(path.Ext(x.source), x.raw)
		if compressible(x.ctype) {
			x.gz = gzipBytes(x.body)
		}
	})
	return x.body, x.gz
}

// assets are the embedded static files, by source name and by hashed name.
type assets struct {
	bySource map[string]*asset
	byName   map[string]*asset
	version  string // a hash of every asset, for the service worker's cache
}

func loadAssets() (*assets, error) {
	a := &assets{bySource: map[string]*asset{}, byName: map[string]*asset{}}
	all := sha256.New()
	err := fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFiles.ReadFile(p)
		if err != nil {
			return err
		}
		src := strings.TrimPrefix(p, "static/")
		// The name's hash is of the source: the minified file follows
		// from it, and is made when first asked for.
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(src)
		x := &asset{
			name:   strings.TrimSuffix(src, ext) + "." + h + ext,
			raw:    body,
			ctype:  mime.TypeByExtension(ext),
			source: src,
		}
		if ext == ".js" || ext == ".mjs" {
			x.ctype = "text/javascript; charset=utf-8"
		}
		a.bySource[src] = x
		a.byName[x.name] = x
		fmt.Fprintf(all, "%s\n", x.name)
		return nil
	})
	if err != nil {
		return nil, err
	}
	a.version = hex.EncodeToString(all.Sum(nil))[:12]
	return a, nil
}

// minifier makes scripts and style sheets as small as they can be while
// meaning the same: no comments or spaces, short local names.
var minifier = func() *minify.M {
	m := minify.New()
	m.AddFunc("css", css.Minify)
	m.AddFunc("js", js.Minify)
	return m
}()

// shrink minifies a script or style sheet; should the minifier refuse one,
// the file is only slimmed. Other files pass as they are.
func shrink(ext string, b []byte) []byte {
	if ext != ".js" && ext != ".css" {
		return b
	}
	if out, err := minifier.Bytes(ext[1:], b); err == nil {
		return out
	}
	return slim(ext, b)
}

// slim takes out of a script or style sheet what only its readers need:
// comments on lines of their own (scripts) or anywhere (style sheets),
// indentation and empty lines. The files stay readable in the repository
// and the page carries less. It never joins two lines, so a script means
// the same; a script must keep no template literal across lines.
func slim(ext string, b []byte) []byte {
	switch ext {
	case ".js", ".css":
	default:
		return b
	}
	text := string(b)
	if ext == ".css" {
		var out strings.Builder
		for {
			i := strings.Index(text, "/*")
			if i < 0 {
				break
			}
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				break
			}
			out.WriteString(text[:i])
			text = text[i+2+j+2:]
		}
		out.WriteString(text)
		text = out.String()
	}
	var out bytes.Buffer
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || (ext == ".js" && strings.HasPrefix(line, "//")) {
			continue
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") ||
		strings.Contains(ctype, "javascript") || strings.Contains(ctype, "svg")
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// url gives the hashed URL of a static file; an unknown name is a bug in a
// template, caught by the tests that render every page.
func (a *assets) url(src string) (string, error) {
	x, ok := a.bySource[src]
	if !ok {
		return "", fmt.Errorf("web: no static file %q", src)
	}
	return "/static/" + x.name, nil
}

// importMap lets modules import each other by their plain names
// ("/static/clock.js") while the browser fetches the hashed files.
func (a *assets) importMap() string {
	m := map[string]string{}
	for src, x := range a.bySource {
		if strings.HasSuffix(src, ".js") {
			m["/static/"+src] = "/static/" + x.name
		}
	}
	b, _ := json.Marshal(map[string]any{"imports": m})
	return string(b)
}

// importMapTag is the import map as a whole tag: html/template does not
// know the importmap type and would escape its JSON as text.
func (a *assets) importMapTag() template.HTML {
	return template.HTML(`<script type="importmap">` + a.importMap() + `</script>`)
}

// urls lists every hashed URL, for the service worker to keep.
func (a *assets) urls() []string {
	var out []string
	for _, x := range a.byName {
		out = append(out, "/static/"+x.name)
	}
	sort.Strings(out)
	return out
}

// serve answers /static/{name} with immutable caching.
func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	x, ok := a.byName[r.PathValue("name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", x.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Vary", "Accept-Encoding")
	body, gz := x.served()
	writeBody(w, r, body, gz)
}

// writeBody sends body, or its gzip form when the client takes it.
func writeBody(w http.ResponseWriter, r *http.Request, body, gz []byte) {
	if gz != nil && acceptsGzip(r) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", fmt.Sprint(len(gz)))
		if r.Method != http.MethodHead {
			w.Write(gz)
		}
		return
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && !strings.Contains(strings.ReplaceAll(q, " ", ""), "q=0") {
			return true
		}
	}
	return false
}
