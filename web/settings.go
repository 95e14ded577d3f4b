package web

import (
	"bytes"
	"encoding/base64"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/knead/knead/store"
)

// renderBare writes a page that stands alone, without the layout and its
// scripts: the pages an unpaired device may see (pair, cert).
func (s *Server) renderBare(w http.ResponseWriter, status int, name string, p page) {
	var buf bytes.Buffer
	if err := s.bare[name].Execute(&buf, p); err != nil {
		s.log.Error("render", slog.String("page", name), slog.Any("err", err))
		http.Error(w, "Knead could not draw this page; the log says why.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// parseBare parses the pages that stand alone.
func (s *Server) parseBare() (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for _, name := range []string{"pair", "cert"} {
		t, err := template.New(name+".html").Funcs(template.FuncMap{"asset": s.assets.url}).ParseFS(templateFiles, "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		out[name] = t
	}
	return out, nil
}

// settingsData is the settings page.
type settingsData struct {
	Pairing bool
	Devices []deviceRow
	OpenURL string
	TLS     bool
	HasCA   bool
	Secure  bool // the server's guess at the page being a secure context; the page's script says for sure
	// a code just made on this page, its link as a QR code, and until when
	Code, CodeURL string
	CodeQR        template.URL
	CodeUntil     time.Time
	Message       string
}

type deviceRow struct {
	store.Device
	This bool
}

// settingsPage shows the paired devices, the address to open and whether
// this page is a secure context.
func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request) {
	s.renderSettings(w, r, settingsData{Message: r.URL.Query().Get("done")})
}

func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, d settingsData) {
	d.Pairing, d.OpenURL, d.TLS, d.HasCA = s.pairOn, s.openURL(), s.tls, len(s.caDER) > 0
	d.Secure = r.TLS != nil || IsLoopback(hostOnly(r.Host))
	if d.OpenURL == "" {
		scheme := "http"
		if s.tls {
			scheme = "https"
		}
		d.OpenURL = scheme + "://" + r.Host + "/"
	}
	switch d.Message {
	case "removed":
		d.Message = "The device is unpaired: it needs a new code to come back."
	case "":
	default:
		d.Message = ""
	}
	if s.pairOn {
		list, err := s.store.ListDevices(r.Context())
		if err != nil {
			s.log.Error("devices", slog.Any("err", err))
			s.errorPage(w, r, http.StatusServiceUnavailable, "The database does not answer; try again in a moment.")
			return
		}
		this := deviceOf(r)
		for _, x := range list {
			d.Devices = append(d.Devices, deviceRow{Device: x, This: this != nil && this.ID == x.ID})
		}
	}
	s.render(w, r, http.StatusOK, "settings", page{Title: "Settings", Nav: "settings", Data: d})
}

// settingsNewCode makes a pairing code for another device and shows it,
// with its link as a QR code, on this page only (it is in no address).
func (s *Server) settingsNewCode(w http.ResponseWriter, r *http.Request) {
	if !s.pairOn {
		http.Redirect(w, r, "/settings", http.StatusSeeOther)
		return
	}
	code, until := s.NewPairingCode()
	base := s.openURL()
	if base == "" {
		base = "http://" + r.Host + "/"
	}
	link := base + "pair?code=" + cleanCode(code)
	d := settingsData{Code: code, CodeURL: link, CodeUntil: until}
	if png, err := qrcode.Encode(link, qrcode.Medium, 240); err == nil {
		d.CodeQR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	}
	s.log.Info("a pairing code was made on the settings page", slog.String("client", clientOf(r)))
	s.renderSettings(w, r, d)
}

// settingsRemove unpairs a device; unpairing the device asking forgets its
// cookie too and leaves it at the pairing page.
func (s *Server) settingsRemove(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "this" {
		if d := deviceOf(r); d != nil {
			id = d.ID
		}
	}
	err := s.store.RemoveDevice(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.errorPage(w, r, http.StatusNotFound, "No paired device has that id; it may be unpaired already.")
		return
	case err != nil:
		s.log.Error("remove device", slog.Any("err", err))
		s.errorPage(w, r, http.StatusServiceUnavailable, "The database does not answer; nothing was changed.")
		return
	}
	s.log.Info("unpaired a device", slog.String("device", id))
	if d := deviceOf(r); d != nil && d.ID == id {
		s.forgetCookie(w)
		http.Redirect(w, r, "/pair", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/settings?done=removed", http.StatusSeeOther)
}

// certPage walks a person through installing Knead's local certificate
// authority on a phone; certFile serves the authority's certificate.
func (s *Server) certPage(w http.ResponseWriter, r *http.Request) {
	if len(s.caDER) == 0 {
		s.errorPage(w, r, http.StatusNotFound, "Knead made no local certificate authority here: it runs without --tls, or with certificate files of your own.")
		return
	}
	s.renderBare(w, http.StatusOK, "cert", page{Title: "Trust Knead on your phone", Data: map[string]string{
		"Fingerprint": s.caFingerprint, "OpenURL": s.openURL()}})
}

func (s *Server) certFile(w http.ResponseWriter, r *http.Request) {
	if len(s.caDER) == 0 {
		writeError(w, errNotFound("local certificate authority"))
		return
	}
	w.Header().Set("Content-Type", "application/x-x509-ca-cert")
	w.Header().Set("Content-Disposition", `attachment; filename="knead-ca.crt"`)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(s.caDER)
}
