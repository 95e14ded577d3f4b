package tui

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRun plays a session through pipes instead of a terminal: the keys
// go in, the screen and the bell come out, and Run gives the result.
func TestRun(t *testing.T) {
	c := cat(t)
	s, err := FromRoutine(c, TechniqueRoutine(c.Technique("scalp-petrissage")))
	if err != nil {
		t.Fatal(err)
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	screen := &syncBuffer{}
	copied := make(chan struct{})
	go func() { io.Copy(screen, outR); close(copied) }()

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan struct{})
	var res Result
	var runErr error
	go func() {
		res, runErr = Run(ctx, s, Options{}, Terminal{In: inR, Out: outW, Bell: true})
		close(done)
	}()
	// Keys that arrive together count one by one.
	inW.Write([]byte(" s"))
	// Quit once the playing screen has been drawn.
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(screen.String(), "move 1 of 7"); {
		if time.Now().After(deadline) {
			t.Fatalf("the playing screen was never drawn:\n%q", screen.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	inW.Write([]byte("q"))
	<-done
	outW.Close()
	<-copied
	inW.Close()
	inR.Close()
	if runErr != nil {
		t.Fatal(runErr)
	}
	if !res.Started || res.Finished || len(res.Feedback) != 1 || res.Feedback[0].Kind != "sore" {
		t.Errorf("result %+v, want started, not finished, one sore spot", res)
	}
	out := screen.String()
	for _, want := range []string{"\x1b[?1049h", "Scalp petrissage", "move 1 of 7", "\a", "\x1b[?1049l"} {
		if !strings.Contains(out, want) {
			t.Errorf("the terminal did not get %q", want)
		}
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
