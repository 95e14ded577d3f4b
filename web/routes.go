package web

import "net/http"

// routes lists every address the app answers.
func (s *Server) routes(mux *http.ServeMux) {
	// Pages.
	mux.HandleFunc("GET /{$}", s.startPage)
	mux.HandleFunc("GET /plan", s.planPage)
	mux.HandleFunc("GET /plan/handout", s.planHandout)
	mux.HandleFunc("GET /session/{id}", s.sessionPage)
	mux.HandleFunc("GET /session/{id}/handout", s.sessionHandout)
	mux.HandleFunc("GET /library", s.libraryPage)
	mux.HandleFunc("GET /library/drawings", s.drawingsPage)
	mux.HandleFunc("GET /library/{id}", s.techniquePage)
	mux.HandleFunc("GET /library/{id}/device-preview.svg", s.devicePreview)
	mux.HandleFunc("GET /try", s.tryPage)
	mux.HandleFunc("GET /history", s.historyPage)
	mux.HandleFunc("POST /people", s.personAdd)
	mux.HandleFunc("POST /people/{id}/forget", s.personForget)
	mux.HandleFunc("POST /people/{id}/restore", s.personRestore)
	mux.HandleFunc("POST /people/{id}/delete", s.personDelete)
	mux.HandleFunc("GET /offline", s.offlinePage)
	mux.HandleFunc("GET /settings", s.settingsPage)
	// A person's own routines (routines.go).
	mux.HandleFunc("GET /routines", s.routinesPage)
	mux.HandleFunc("GET /routines/import", s.importPage)
	mux.HandleFunc("POST /routines/import", s.importSubmit)
	mux.HandleFunc("POST /routines/review", s.reviewSubmit)
	mux.HandleFunc("POST /routines/upload", s.routineUpload)
	mux.HandleFunc("POST /routines/from-library", s.libraryRoutineSubmit)
	mux.HandleFunc("GET /routines/{id}", s.routinePage)
	mux.HandleFunc("GET /routines/{id}/edit", s.routineEdit)
	mux.HandleFunc("GET /routines/{id}/handout", s.routineHandout)
	mux.HandleFunc("GET /routines/{id}/file", s.routineFileDownload)
	mux.HandleFunc("GET /routines/{id}/drawings", s.routineDrawings)
	mux.HandleFunc("GET /routines/{id}/drawings.zip", s.routineDrawingsZip)
	mux.HandleFunc("GET /routines/{id}/drawings/{file}", s.routineDrawingFile)
	mux.HandleFunc("GET /routines/{id}/export", s.routineExport)
	mux.HandleFunc("POST /routines/{id}/play", s.routinePlay)
	mux.HandleFunc("POST /routines/{id}/delete", s.routineDelete)
	mux.HandleFunc("POST /settings/pair", s.settingsNewCode)
	mux.HandleFunc("POST /settings/devices/{id}/remove", s.settingsRemove)
	// Pairing and the local authority (pair.go, settings.go).
	mux.HandleFunc("GET /pair", s.pairHandler)
	mux.HandleFunc("POST /pair", s.pairHandler)
	mux.HandleFunc("GET /pair/done", s.pairDone)
	mux.HandleFunc("GET /cert", s.certPage)
	mux.HandleFunc("GET /cert/knead-ca.crt", s.certFile)
	// Any other address gets a page a person can find their way back from.
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "Knead has no page at this address.")
	})

	// The JSON API behind them.
	mux.HandleFunc("GET /api/areas", s.apiAreas)
	mux.HandleFunc("GET /api/techniques", s.apiTechniques)
	mux.HandleFunc("GET /api/techniques/{id}", s.apiTechnique)
	mux.HandleFunc("GET /api/motion", s.apiMotion)
	mux.HandleFunc("POST /api/plan", s.apiPlan)
	mux.HandleFunc("GET /api/choices", s.apiChoices)
	mux.HandleFunc("GET /api/sessions", s.apiSessions)
	mux.HandleFunc("POST /api/sessions", s.apiCreateSession)
	mux.HandleFunc("GET /api/sessions/{id}", s.apiSession)
	mux.HandleFunc("POST /api/sessions/{id}/progress", s.apiProgress)
	mux.HandleFunc("POST /api/sessions/{id}/feedback", s.apiFeedback)
	mux.HandleFunc("DELETE /api/sessions/{id}/feedback/{key}", s.apiVoidFeedback)
	mux.HandleFunc("POST /api/sessions/{id}/finish", s.apiFinish)
	mux.HandleFunc("POST /api/import", s.apiImport)
	mux.HandleFunc("GET /api/routines", s.apiRoutines)
	mux.HandleFunc("POST /api/routines", s.apiCreateRoutine)
	mux.HandleFunc("GET /api/routines/{id}", s.apiRoutine)
	mux.HandleFunc("DELETE /api/routines/{id}", s.apiDeleteRoutine)
	// Any other /api address: 405 with Allow when it takes other
	// methods, else 404, both typed.
	mux.HandleFunc("/api/", apiMethods(mux, "/api/"))

	// Health, files and the PWA.
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /static/{name}", s.assets.serve)
	mux.HandleFunc("GET /manifest.webmanifest", s.manifest)
	mux.HandleFunc("GET /sw.js", s.serviceWorker)
	mux.HandleFunc("GET /icon.svg", s.iconSVG)
	mux.HandleFunc("GET /icon-192.png", s.iconPNG)
	mux.HandleFunc("GET /icon-512.png", s.iconPNG)
}
