package tui

import (
	"context"
	"log/slog"
	"os/exec"
	"sync"
)

// Speaker says cues aloud. Say must not block the player; Hush drops what
// is waiting and cuts short what is being said (after a skip, say).
type Speaker interface {
	Say(text string)
	Hush()
}

type silent struct{}

func (silent) Say(string) {}
func (silent) Hush()      {}

// maxQueued is how many cues may wait to be said; more are dropped, since
// a cue said a minute late is worse than one not said.
const maxQueued = 8

// CommandSpeaker says each cue by running a program with the text as its
// last argument (espeak-ng, say, spd-say …), one at a time, in order, in
// the background. The program gets no terminal input and its output is
// thrown away, so it never draws over the screen.
type CommandSpeaker struct {
	argv []string
	log  *slog.Logger

	mu     sync.Mutex
	wake   *sync.Cond
	queue  []string
	cancel context.CancelFunc // cuts short what is being said
	closed bool
	done   chan struct{}
}

// NewCommandSpeaker starts a speaker that runs argv plus the text. log may
// be nil.
func NewCommandSpeaker(argv []string, log *slog.Logger) *CommandSpeaker {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &CommandSpeaker{argv: argv, log: log, done: make(chan struct{})}
	s.wake = sync.NewCond(&s.mu)
	go s.run()
	return s
}

// Say queues text to be said after what is queued already.
func (s *CommandSpeaker) Say(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || len(s.argv) == 0 {
		return
	}
	if len(s.queue) >= maxQueued {
		s.log.Warn("speech falls behind; a cue is dropped", slog.String("say", text))
		return
	}
	s.queue = append(s.queue, text)
	s.wake.Signal()
}

// Hush drops the queue and stops what is being said.
func (s *CommandSpeaker) Hush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = nil
	if s.cancel != nil {
		s.cancel()
	}
}

// Close hushes the speaker and waits for its program to end.
func (s *CommandSpeaker) Close() {
	s.mu.Lock()
	s.closed = true
	s.queue = nil
	if s.cancel != nil {
		s.cancel()
	}
	s.wake.Broadcast()
	s.mu.Unlock()
	<-s.done
}

func (s *CommandSpeaker) run() {
	defer close(s.done)
	for {
		s.mu.Lock()
		for len(s.queue) == 0 && !s.closed {
			s.wake.Wait()
		}
		if s.closed {
			s.mu.Unlock()
			return
		}
		text := s.queue[0]
		s.queue = s.queue[1:]
		ctx, cancel := context.WithCancel(context.Background())
		s.cancel = cancel
		s.mu.Unlock()

		args := append(append([]string(nil), s.argv[1:]...), text)
		cmd := exec.CommandContext(ctx, s.argv[0], args...)
		ownGroup(cmd)
		if err := cmd.Run(); err != nil && ctx.Err() == nil {
			s.log.Warn("the speech program failed", slog.String("program", s.argv[0]), slog.Any("err", err))
		}

		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
		cancel()
	}
}
