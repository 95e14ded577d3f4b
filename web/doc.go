// Package web is Knead's local web app: server-rendered pages (start, plan
// preview and player, library, history), the JSON API behind them, and the
// files that make it an installable, offline-capable PWA. Everything it
// serves is embedded in the binary.
//
// The player follows the session clock of package guide: the server lays
// the routine out as a guide.Script, the page's clock module plays that
// script by the same rules, and every move, pause, skip, back and feedback
// press is saved through package store, so a reload, a closed tab or a
// restarted server resumes where the person was.
//
// Routes are registered on a standard http.ServeMux with method patterns in
// routes.go; API errors are typed (apiError) and always JSON.
package web
