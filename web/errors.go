package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// apiError is an error that reaches a client: a stable code, the HTTP
// status, a message for people and, for bad input, the field at fault as a
// JSON path ("minutes", "areas[1]").
type apiError struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	// Condition names the condition that stopped a session or asks for a
	// professional first (codes stop and ask_first).
	Condition string `json:"condition,omitempty"`
	// Problems are the mistakes in a file sent (a routine file), each
	// with its line and column.
	Problems []problemJSON `json:"problems,omitempty"`
	// RetryAfter, in seconds, goes out as the Retry-After header.
	RetryAfter int `json:"retry_after,omitempty"`
}

// problemJSON is one mistake in a file: line and column from 1 (0: the
// file as a whole).
type problemJSON struct {
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

// Error codes.
const (
	codeBadJSON     = "bad_json"     // 400: the body is not the JSON expected
	codeInvalid     = "invalid"      // 422: a field's value is not acceptable
	codeStop        = "stop"         // 422: a condition rules out any session today
	codeAskFirst    = "ask_first"    // 422: a condition needs a health professional's word first
	codeTooLarge    = "too_large"    // 413: the body is over the limit
	codeMediaType   = "media_type"   // 415: not application/json
	codeNotFound    = "not_found"    // 404
	codeForbidden   = "cross_origin" // 403: a state change from another site
	codeInternal    = "internal"     // 500: a fault in Knead
	codeUnavailable = "unavailable"  // 503: the database does not answer
	codeNotPaired   = "not_paired"   // 401: pairing is on and this device is not paired
	codeWrongHost   = "wrong_host"   // 421: a Host the app does not answer for
	codeBusy        = "busy"         // 503: the database is busy; try again after Retry-After
	codeFull        = "storage_full" // 503: the disk is full; nothing was written
	codeMethod      = "method"       // 405: the address takes other methods (Allow lists them)
	codeHeaders     = "headers_too_large"
	codeMoved       = "moved" // 301, 307, 308: the address is elsewhere (Location)
	codeBadRequest  = "bad_request"
)

func errInvalid(field, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusUnprocessableEntity, Code: codeInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

func errBadJSON(field, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: codeBadJSON, Field: field, Message: fmt.Sprintf(format, args...)}
}

func errNotFound(what string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: codeNotFound, Message: what + " not found"}
}

var errInternal = &apiError{Status: http.StatusInternalServerError, Code: codeInternal, Message: "something went wrong on the server; nothing was changed"}

// writeJSON answers v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// writeError answers e as {"error": {...}}. A 503 says when to try
// again.
func writeError(w http.ResponseWriter, e *apiError) {
	if e.RetryAfter > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(e.RetryAfter))
	}
	writeJSON(w, e.Status, map[string]*apiError{"error": e})
}

// jsonError names what is wrong with a body in words and, where it can,
// the field.
func jsonError(err error) *apiError {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var big *http.MaxBytesError
	switch {
	case errors.As(err, &big):
		return &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeTooLarge, Message: fmt.Sprintf("the body is over %d KB", maxBody>>10)}
	case errors.Is(err, io.EOF):
		return errBadJSON("", "the body is empty; send a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errBadJSON("", "the JSON ends too early")
	case errors.As(err, &syn):
		return errBadJSON("", "the JSON is malformed at byte %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return errBadJSON("", "expected a JSON object, got %s", typ.Value)
		}
		return errBadJSON(field, "%s must be %s, got %s", field, kindOf(typ.Type.String()), typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return errBadJSON(name, "unknown field %q", name)
	}
	return errBadJSON("", "the body is not valid JSON: %v", err)
}

func kindOf(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map["):
		return "an object"
	case strings.HasPrefix(goType, "float"), strings.HasPrefix(goType, "int"):
		return "a number"
	case goType == "string":
		return "a string"
	case goType == "bool":
		return "true or false"
	}
	return "a " + goType
}
