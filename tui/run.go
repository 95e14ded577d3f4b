package tui

import (
	"context"
	"errors"
	"os"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Terminal is where Run plays: the keyboard, the screen, and whether cues
// ring the screen's bell.
type Terminal struct {
	In   *os.File
	Out  *os.File
	Bell bool
}

// Run plays s full-screen on t until the person quits, and gives how far it
// got. The screen is restored when it returns, even after a panic in the
// player; ctx ends it early.
func Run(ctx context.Context, s Session, opt Options, t Terminal) (Result, error) {
	out := &lockedFile{f: t.Out}
	r := lipgloss.NewRenderer(t.Out)
	if opt.NoColor {
		// NO_COLOR asks for no colour, not for no bold: keep the styles
		// that carry no colour.
		r.SetColorProfile(termenv.ANSI)
	}
	opt.Renderer = r
	if t.Bell {
		opt.Bell = func() { out.Write([]byte("\a")) }
	}
	m := New(s, opt)
	p := tea.NewProgram(m,
		tea.WithContext(ctx),
		tea.WithInput(t.In),
		tea.WithOutput(out),
		tea.WithAltScreen(),
	)
	_, err := p.Run()
	// A signal or a panic ends the program without a stop key: keep the
	// place it got to all the same.
	m.halt()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		err = nil
	}
	return m.Result(), err
}

// lockedFile lets the bell and the screen's renderer take turns writing,
// so a bell never lands inside an escape sequence. It keeps the file's
// descriptor visible, so the program still finds the terminal's size.
type lockedFile struct {
	mu sync.Mutex
	f  *os.File
}

func (l *lockedFile) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Write(b)
}

func (l *lockedFile) Read(b []byte) (int, error) { return l.f.Read(b) }
func (l *lockedFile) Close() error               { return nil }
func (l *lockedFile) Fd() uintptr                { return l.f.Fd() }
