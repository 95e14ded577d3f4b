package web

import (
	"errors"
	"fmt"
	"math"
	"net/http"

	"github.com/knead/knead/store"
)

// maxPlayed is the most seconds of play a session can report: a day.
const maxPlayed = 24 * 60 * 60

// checkPlayed accepts the optional parts of a place: the seconds played
// and the moves skipped, each a move of the script, each once.
func checkPlayed(played float64, skipped []int, moves int) *apiError {
	if math.IsNaN(played) || played < 0 || played > maxPlayed {
		return errInvalid("played", "played must be the seconds the clock ran, from 0 to %d", maxPlayed)
	}
	seen := map[int]bool{}
	for i, m := range skipped {
		if m < 0 || m >= moves {
			return errInvalid(fmt.Sprintf("skipped[%d]", i), "skipped[%d] must be a move's index, from 0 to %d, got %d", i, moves-1, m)
		}
		if seen[m] {
			return errInvalid(fmt.Sprintf("skipped[%d]", i), "skipped[%d] names move %d twice", i, m)
		}
		seen[m] = true
	}
	return nil
}

// apiVoidFeedback takes a press back (the player's undo). The same request
// again answers 200 with voided false; a key the session never had, 404.
func (s *Server) apiVoidFeedback(w http.ResponseWriter, r *http.Request) {
	id, key := r.PathValue("id"), r.PathValue("key")
	if !keyPattern.MatchString(key) {
		writeError(w, errInvalid("key", "key must be 1 to 64 letters, digits, '-' or '_', as the press was sent"))
		return
	}
	voided, err := s.store.VoidFeedback(r.Context(), id, key)
	if errors.Is(err, store.ErrNotFound) {
		if _, e := s.store.Session(r.Context(), id); e == nil {
			err = errNotFound("feedback " + key + " in this session")
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Key    string `json:"key"`
		Voided bool   `json:"voided"`
	}{key, voided})
}

// playedText is a session's honest summary in a few words, as History and
// the player's summary say it: "4 moves done, 2 skipped · 3:10 played".
// The moves done are those played through; the skipped, those skipped and
// not played through since; the time, what the clock actually ran.
func playedText(p store.Progress, total float64) string {
	done, skipped := p.Done(total), len(p.Skipped)
	if done == 0 && skipped == 0 && p.Played == 0 {
		return ""
	}
	s := fmt.Sprintf("%d %s done", done, plural(done, "move", "moves"))
	if skipped > 0 {
		s += fmt.Sprintf(", %d skipped", skipped)
	}
	if p.Played == 0 {
		return s // a player that does not count the time played
	}
	return s + " · " + clockText(p.Played) + " played"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
