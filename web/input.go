package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Input is refused where it comes in: the body's media type, its size,
// its JSON, and every text in it (no NUL, nothing but UTF-8); path
// parameters against the form of the ids they name.

// maxBody is the most any API body may hold. The largest real body, a
// note at the end of a session, is far below it.
const maxBody = 64 << 10

// isJSON accepts exactly application/json, with at most a charset of
// utf-8.
func isJSON(ct string) bool {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return false
	}
	for k, v := range params {
		if k != "charset" || !strings.EqualFold(v, "utf-8") {
			return false
		}
	}
	return true
}

// decode reads one JSON value from r's body into v: application/json, at
// most maxBody bytes of UTF-8, no unknown fields, nothing after it, and no
// text in it holding a NUL.
func decode(w http.ResponseWriter, r *http.Request, v any) *apiError {
	return decodeLimit(w, r, v, maxBody)
}

// decodeLimit is decode for a body of at most limit bytes.
func decodeLimit(w http.ResponseWriter, r *http.Request, v any, limit int64) *apiError {
	if ct := r.Header.Get("Content-Type"); !isJSON(ct) {
		got := "no Content-Type"
		if ct != "" {
			got = "Content-Type " + strconv.Quote(ct)
		}
		return &apiError{Status: http.StatusUnsupportedMediaType, Code: codeMediaType,
			Message: "send the body as application/json (charset=utf-8 allowed); got " + got}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		e := jsonError(err)
		if e.Status == http.StatusRequestEntityTooLarge {
			e.Message = fmt.Sprintf("the body is over %d KB", limit>>10)
		}
		return e
	}
	if !utf8.Valid(body) {
		at := len(body)
		for i := 0; i < len(body); {
			c, n := utf8.DecodeRune(body[i:])
			if c == utf8.RuneError && n == 1 {
				at = i
				break
			}
			i += n
		}
		return errInvalid("", "the body is not UTF-8 text (byte %d)", at)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errBadJSON("", "the body holds more than one JSON value")
	}
	if field := nulField(reflect.ValueOf(v), ""); field != "" {
		return errInvalid(field, "%s holds a NUL character (\\u0000); send text without it", field)
	}
	return nil
}

// nulField finds a string holding a NUL in v and gives its JSON path
// ("note", "areas[1]", "weights.feet"), or "".
func nulField(v reflect.Value, path string) string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ""
		}
		return nulField(v.Elem(), path)
	case reflect.String:
		if strings.IndexByte(v.String(), 0) >= 0 {
			if path == "" {
				return "value"
			}
			return path
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 { // json.RawMessage, []byte
			if bytes.Contains(v.Bytes(), []byte(`\u0000`)) {
				return path
			}
			return ""
		}
		for i := range v.Len() {
			if f := nulField(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); f != "" {
				return f
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			k := fmt.Sprint(it.Key().Interface())
			p := join(path, k)
			if strings.IndexByte(k, 0) >= 0 {
				return p
			}
			if f := nulField(it.Value(), p); f != "" {
				return f
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			name := sf.Name
			if tag, _, _ := strings.Cut(sf.Tag.Get("json"), ","); tag == "-" {
				continue
			} else if tag != "" {
				name = tag
			}
			p := join(path, name)
			if sf.Anonymous {
				p = path
			}
			if f := nulField(v.Field(i), p); f != "" {
				return f
			}
		}
	}
	return ""
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// The forms of the ids in addresses: a session id is 24 hex digits (newID;
// the terminal player makes the same), a technique id lower-case words
// joined by hyphens.
var (
	sessionID   = regexp.MustCompile(`^[0-9a-f]{24}$`)
	techniqueID = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
)

// pathID gives the path parameter name when it has the form re, or writes
// a 404 naming what was looked for and gives "".
func pathID(w http.ResponseWriter, r *http.Request, name string, re *regexp.Regexp, what string) string {
	id := r.PathValue(name)
	if !re.MatchString(id) || len(id) > 128 {
		writeError(w, errNotFound(what))
		return ""
	}
	return id
}

// apiMethods answers an /api address no route takes: 405 with Allow when
// the address takes other methods, else 404; always the typed JSON shape.
func apiMethods(mux *http.ServeMux, catchAll string) http.HandlerFunc {
	methods := []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}
	return func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range methods {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != "" && pattern != catchAll && pattern != "/" {
				allow = append(allow, m)
				if m == http.MethodGet {
					allow = append(allow, http.MethodHead)
				}
			}
		}
		if len(allow) == 0 {
			writeError(w, errNotFound("API address "+r.URL.Path))
			return
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, &apiError{Status: http.StatusMethodNotAllowed, Code: codeMethod,
			Message: fmt.Sprintf("%s does not take %s; it takes %s", r.URL.Path, r.Method, strings.Join(allow, ", "))})
	}
}

// typedAPI makes every answer on /api typed JSON, the standard library's
// own plain-text and redirect answers included.
func typedAPI(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/api" {
			h.ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(&typedWriter{ResponseWriter: w, path: r.URL.Path}, r)
	})
}

// typedWriter turns an answer that is not JSON (http.Error, a redirect)
// into {"error": …} with the same status and headers that matter.
type typedWriter struct {
	http.ResponseWriter
	path    string
	swallow bool // the body written is replaced
	wrote   bool
}

func (t *typedWriter) WriteHeader(code int) {
	if t.wrote {
		return
	}
	t.wrote = true
	ct := t.Header().Get("Content-Type")
	if code < 300 || strings.HasPrefix(ct, "application/json") {
		t.ResponseWriter.WriteHeader(code)
		return
	}
	t.swallow = true
	h := t.Header()
	h.Del("Content-Length")
	h.Del("X-Content-Type-Options")
	h.Set("X-Content-Type-Options", "nosniff")
	e := &apiError{Status: code, Code: codeBadRequest, Message: http.StatusText(code)}
	switch {
	case code >= 300 && code < 400:
		e.Code, e.Message = codeMoved, "this API address is at "+h.Get("Location")+"; send the request there"
	case code == http.StatusNotFound:
		e.Code, e.Message = codeNotFound, "no API address "+t.path
	case code == http.StatusMethodNotAllowed:
		e.Code, e.Message = codeMethod, "this address takes "+h.Get("Allow")
	case code == http.StatusRequestEntityTooLarge:
		e.Code, e.Message = codeTooLarge, fmt.Sprintf("the body is over %d KB", maxBody>>10)
	case code >= 500:
		e.Code, e.Message = codeInternal, errInternal.Message
	}
	writeError(t.ResponseWriter, e)
}

func (t *typedWriter) Write(b []byte) (int, error) {
	if !t.wrote {
		t.WriteHeader(http.StatusOK)
	}
	if t.swallow {
		return len(b), nil
	}
	return t.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (t *typedWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }
