package web

import (
	"bytes"
	"net/http"
	"sync"

	"github.com/knead/knead/motion"
)

// devicePreviews keeps each technique's 3D device preview once drawn: the
// catalog does not change while the server runs.
var devicePreviews sync.Map // technique id -> []byte

// devicePreview serves the technique's path over the body in 3D as
// `knead export --preview` draws it: contact solid, travel with the hand
// lifted dotted, at Knead's default limits on the average body.
func (s *Server) devicePreview(w http.ResponseWriter, r *http.Request) {
	t := s.cat.Technique(r.PathValue("id"))
	if t == nil {
		s.errorPage(w, r, http.StatusNotFound, "The library has no technique by that name.")
		return
	}
	svg, ok := devicePreviews.Load(t.ID)
	if !ok {
		paths, err := motion.TechniquePaths(t)
		var tr *motion.Trajectory
		if err == nil {
			// the feet have no limit in the force table: the preview
			// draws the path, so any allowed cap will do
			tr, err = motion.Prepare(paths, motion.ExportOptions{RegionLimits: map[string]float64{"foot": 15}})
		}
		var b bytes.Buffer
		if err == nil {
			err = tr.WritePreview(&b, t.Name)
		}
		if err != nil {
			s.errorPage(w, r, http.StatusUnprocessableEntity, "This technique cannot be laid out for a device: "+err.Error())
			return
		}
		svg, _ = devicePreviews.LoadOrStore(t.ID, b.Bytes())
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(svg.([]byte))
}
