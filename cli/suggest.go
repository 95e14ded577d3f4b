package cli

import (
	"strings"

	"github.com/knead/knead/suggest"
)

// didYouMean adds a suggestion of close ids to a message, if there are any.
func didYouMean(msg, s string, candidates []string) string {
	near := suggest.Nearest(s, candidates, 4)
	switch len(near) {
	case 0:
		return msg
	case 1:
		return msg + "; did you mean " + near[0] + "?"
	}
	return msg + "; did you mean one of " + strings.Join(near, ", ") + "?"
}
