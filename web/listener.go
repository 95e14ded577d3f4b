package web

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// Listener wraps ln so that the few answers net/http writes by itself,
// before any handler runs (431 for headers over the limit, 400 for a
// request it cannot parse), come out in the API's typed JSON shape like
// every other error instead of as plain text. Put it under any TLS
// listener, not over one.
func Listener(ln net.Listener) net.Listener { return typedListener{ln} }

type typedListener struct{ net.Listener }

func (l typedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return typedConn{c}, nil
}

type typedConn struct{ net.Conn }

// rawError is net/http's own error answer, written in one piece straight
// to the connection: a status line, two fixed headers, a short text.
var rawError = regexp.MustCompile(`(?s)^HTTP/1\.1 (4\d\d|501) ([^\r\n]*)\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n(.*)$`)

func (c typedConn) Write(b []byte) (int, error) {
	if !bytes.HasPrefix(b, []byte("HTTP/1.1 4")) && !bytes.HasPrefix(b, []byte("HTTP/1.1 501")) {
		return c.Conn.Write(b)
	}
	m := rawError.FindSubmatch(b)
	if m == nil {
		return c.Conn.Write(b)
	}
	status, _ := strconv.Atoi(string(m[1]))
	code, msg := codeBadRequest, "the request could not be read: "+strings.TrimPrefix(string(m[3]), string(m[1])+" ")
	if status == 431 {
		code, msg = codeHeaders, "the request's headers are too large"
	}
	body, _ := json.Marshal(map[string]*apiError{"error": {Code: code, Message: msg}})
	out := "HTTP/1.1 " + string(m[1]) + " " + http.StatusText(status) + "\r\nContent-Type: application/json; charset=utf-8\r\n" +
		"Content-Length: " + strconv.Itoa(len(body)+1) + "\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n" + string(body) + "\n"
	if _, err := c.Conn.Write([]byte(out)); err != nil {
		return 0, err
	}
	return len(b), nil
}
