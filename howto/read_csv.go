package howto

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// Read, spreadsheets: a routine kept in a spreadsheet and pasted or saved
// as comma-separated values ("step,where,what to do,how long" over
// `1,sole,"Rest your right foot on the ball …",1 min`) is read as a
// table: its header row is left out, and each row is an item of its
// cells, as a Markdown table's row is (rowText).

// csvMinRows is the fewest rows, the header's included, of a text read
// as a spreadsheet.
const csvMinRows = 3

// csvRows reads a whole text as comma-separated values when it is one:
// the cells of each row at the line the row starts on, and none at the
// header's line or the lines inside a row's quoted cell. It returns nil
// for any other text: prose with commas has no header of short names,
// nor the same number of fields on most lines. A text whose first line is
// no header is not read further.
func csvRows(text string, lines int) [][]string {
	if !strings.Contains(text, ",") {
		return nil
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	var recs [][]string
	var at []int
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || len(recs) == 0 && !csvHeader(rec) {
			return nil
		}
		line, _ := r.FieldPos(0)
		recs, at = append(recs, rec), append(at, line-1)
	}
	if len(recs) < csvMinRows || !csvRegular(recs) || !csvSays(recs[1:]) {
		return nil
	}
	out := make([][]string, lines)
	for k, rec := range recs[1:] {
		var cells []string
		for _, c := range rec {
			if c = strings.Join(strings.Fields(c), " "); c != "" {
				cells = append(cells, c)
			}
		}
		out[at[k+1]] = cells
	}
	return out
}

// csvHeader reports a header row: three names or more, each a few words
// with no sentence's end ("step", "where", "what to do", "how long / how
// many", "notes").
func csvHeader(rec []string) bool {
	names := 0
	for _, c := range rec {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if len(strings.Fields(c)) > 5 || endsSentence(c) || reBullet.MatchString(c) {
			return false
		}
		names++
	}
	return names >= 3 && names >= len(rec)-1
}

// csvRegular reports rows that nearly all have as many fields as the
// header.
func csvRegular(recs [][]string) bool {
	same := 0
	for _, rec := range recs {
		if len(rec) == len(recs[0]) {
			same++
		}
	}
	return same*5 >= len(recs)*4
}

// csvSays reports rows with something to say: a cell of six words or
// more somewhere (not a list of short names, "Heel, arch, toes").
func csvSays(rows [][]string) bool {
	for _, rec := range rows {
		for _, c := range rec {
			if len(strings.Fields(c)) >= 6 {
				return true
			}
		}
	}
	return false
}
