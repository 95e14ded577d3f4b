package catalog

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/knead/knead/massage"
)

// maxRoutineSeconds is the longest routine Knead plays: four hours, twice
// the longest plan it makes.
const maxRoutineSeconds = 4 * 3600

func (l *loader) routine(d *decoder, n ast.Node) {
	f := d.fields(n, "routine", "id", "name", "summary", "mode", "pressure", "prep", "items", "transitions", "cautions", "claims", "sources", "notes")
	if f == nil {
		return
	}
	f.require("id", "name", "items")
	r := &massage.Routine{
		ID:       f.id("id"),
		Name:     f.text("name", 120),
		Summary:  f.text("summary", 600),
		Mode:     f.word("mode", massage.Modes),
		Pressure: f.word("pressure", massage.Levels),
	}
	what := "routine " + writtenID(f, r.ID)
	r.Prep = l.idRefs(f, "prep", kPreparation, what)
	r.Cautions = l.idRefs(f, "cautions", kCaution, what)
	r.Claims = l.claims(d, f, what)
	r.Sources = l.sources(f, what)
	for _, it := range f.strs("notes") {
		r.Notes = append(r.Notes, it.text)
	}
	items := f.list("items")
	if f.has("items") && len(items) == 0 {
		d.errorf(n, "%s needs at least one item", what)
	}
	for i, in := range items {
		iw := fmt.Sprintf("%s item %d", what, i+1)
		itf := d.fields(in, iw, "technique", "name", "area", "phase", "seconds", "pressure", "side", "repeat", "steps", "play", "cautions", "note")
		if itf == nil {
			continue
		}
		it := massage.Item{
			Name:     itf.text("name", 120),
			Area:     "",
			Phase:    itf.word("phase", massage.Phases),
			Pressure: itf.word("pressure", massage.Levels),
			Side:     itf.word("side", massage.Sides),
			Repeat:   itf.count("repeat"),
			Note:     itf.text("note", 600),
		}
		if areas := itf.areas("area"); len(areas) == 1 {
			it.Area = areas[0]
		} else if len(areas) > 1 {
			an, _ := itf.value("area")
			d.errorf(an, "%s: expected one area, found %d", iw, len(areas))
		}
		check := routineCheck{routine: r, index: len(r.Items), at: d.at(in), fields: map[string]where{}}
		for _, k := range []string{"technique", "area", "seconds", "pressure"} {
			if vn, ok := itf.value(k); ok {
				check.fields[k] = d.at(vn)
			}
		}
		if secs, ok := itf.number("seconds"); ok {
			sn, _ := itf.value("seconds")
			switch {
			case secs <= 0:
				d.errorf(sn, "%s seconds: expected a time above zero, found %v", iw, secs)
			case secs > maxSeconds:
				d.errorf(sn, "%s seconds: %v s is longer than anything Knead plans (%d s at most)", iw, secs, maxSeconds)
			default:
				it.Seconds = secs
			}
		}
		if itf.has("technique") {
			it.Technique = itf.id("technique")
		}
		steps := itf.list("steps")
		switch {
		case itf.has("technique") && itf.has("steps"):
			d.errorf(in, "%s names a technique and gives steps: an item does one or the other", iw)
		case !itf.has("technique") && !itf.has("steps"):
			d.errorf(in, "%s needs a technique id or steps of its own", iw)
		case itf.has("steps"):
			if !itf.has("name") {
				d.errorf(in, "%s gives steps of its own: it needs a name", iw)
			}
			if len(steps) == 0 {
				d.errorf(in, "%s needs at least one step", iw)
			}
			for j, sn := range steps {
				if s, ok := l.step(d, sn, fmt.Sprintf("%s step %d", iw, j+1), massage.Pressure{Level: it.Pressure}); ok {
					it.Steps = append(it.Steps, s)
				}
			}
		}
		for _, pi := range itf.strs("play") {
			k, err := strconv.Atoi(strings.TrimSpace(pi.text))
			switch {
			case err != nil || k < 1:
				d.errorf(pi.node, "%s play: expected step numbers from 1, found %q", iw, pi.text)
			case len(it.Play) > 0 && k-1 <= it.Play[len(it.Play)-1]:
				d.errorf(pi.node, "%s play: step numbers go up, each once", iw)
			case !itf.has("technique"):
				d.errorf(pi.node, "%s play: only an item that names a technique picks its steps", iw)
			default:
				it.Play = append(it.Play, k-1)
			}
		}
		it.Cautions = l.idRefs(itf, "cautions", kCaution, iw)
		if r.Pressure != "" && it.Pressure != "" && massage.LevelRank(it.Pressure) > massage.LevelRank(r.Pressure) {
			pn, _ := itf.value("pressure")
			d.errorf(pn, "%s pressure: %s is firmer than the routine's %s", iw, it.Pressure, r.Pressure)
		}
		if it.Pressure == "" {
			// the routine's pressure is the most it asks for: an item that
			// says none is capped by it, in check, play and export alike
			it.Pressure = r.Pressure
		}
		r.Items = append(r.Items, it)
		l.routines = append(l.routines, check)
	}
	for i, tn := range f.list("transitions") {
		tw := fmt.Sprintf("%s transition %d", what, i+1)
		tf := d.fields(tn, tw, "before", "kind", "say", "seconds")
		if tf == nil {
			continue
		}
		tf.require("before", "say", "seconds")
		tr := massage.Transition{Kind: tf.str("kind"), Say: tf.text("say", 400)}
		if b, ok := tf.number("before"); ok {
			bn, _ := tf.value("before")
			if b != float64(int(b)) || b < 1 || int(b) > len(r.Items) {
				d.errorf(bn, "%s before: expected an item number from 1 to %d, found %v", tw, len(r.Items), b)
			}
			tr.Before = int(b) - 1
		}
		if sec, ok := tf.number("seconds"); ok {
			sn, _ := tf.value("seconds")
			if sec <= 0 || sec > 600 {
				d.errorf(sn, "%s seconds: expected a time above zero and at most 600 s, found %v", tw, sec)
			}
			tr.Seconds = sec
		}
		r.Transitions = append(r.Transitions, tr)
	}
	if total := r.TotalSeconds(); total > maxRoutineSeconds {
		d.errorf(n, "%s lasts %s in all: Knead plays routines of up to %s", what, massage.Seconds(total), massage.Seconds(maxRoutineSeconds))
	}
	if l.define(kRoutine, r.ID, d.at(n)) {
		l.cat.Routines = append(l.cat.Routines, r)
	}
}

// checkRoutineItems checks what needs the whole catalog: the technique an
// item names exists, covers the item's area, and allows its seconds.
func (l *loader) checkRoutineItems() {
	for _, c := range l.routines {
		it := &c.routine.Items[c.index]
		what := fmt.Sprintf("routine %s item %d", c.routine.ID, c.index+1)
		if it.Technique == "" {
			continue
		}
		t := l.cat.Technique(it.Technique)
		if t == nil {
			at := c.fields["technique"]
			ids := make([]string, len(l.cat.Techniques))
			for i, x := range l.cat.Techniques {
				ids[i] = x.ID
			}
			l.errs = append(l.errs, at.err(fmt.Sprintf("%s: unknown technique %q%s: run `knead list` for the ids", what, it.Technique, didYouMean(it.Technique, ids))))
			continue
		}
		if it.Area != "" && !t.Covers(it.Area) {
			l.errs = append(l.errs, c.fields["area"].err(fmt.Sprintf("%s: %s works on %s, not on %s", what, t.ID, strings.Join(t.Areas, ", "), it.Area)))
		}
		if it.Seconds > 0 && !t.Seconds.IsZero() {
			// a planned item may reach the planner's least for any item
			// (massage.ItemFloor) even where the catalog says less
			if most := max(t.Seconds.Most, massage.ItemFloor); t.Seconds.Most > 0 && it.Seconds > most {
				l.errs = append(l.errs, c.fields["seconds"].err(fmt.Sprintf("%s: %v s is longer than %s allows (%v s at most)", what, it.Seconds, t.ID, most)))
			}
		}
		for _, k := range it.Play {
			if k >= len(t.Steps) {
				l.errs = append(l.errs, c.at.err(fmt.Sprintf("%s play: %s has %d steps, not %d", what, t.ID, len(t.Steps), k+1)))
				break
			}
		}
		if it.Phase != "" && !t.FitsPhase(it.Phase) {
			l.errs = append(l.errs, c.at.err(fmt.Sprintf("%s: %s is not a %s technique: it fits %s", what, t.ID, it.Phase, strings.Join(t.Phases, ", "))))
		}
	}
}

// finish resolves every reference and returns the catalog with every problem found.
func (l *loader) finish() (*massage.Catalog, Errors) {
	for _, r := range l.refs {
		switch r.kind {
		case "family or technique":
			if !l.known(kTechnique, r.id) {
				l.errs = append(l.errs, r.at.err(fmt.Sprintf("%s: %q is neither a family (%s) nor a technique id", r.in, r.id, joinIDs(massage.Families.IDs()))))
			}
		default:
			if !l.known(r.kind, r.id) {
				var ids []string
				for id := range l.defs[r.kind] {
					ids = append(ids, id)
				}
				l.errs = append(l.errs, r.at.err(fmt.Sprintf("%s: unknown %s id %q%s", r.in, r.kind, r.id, didYouMean(r.id, ids))))
			}
		}
	}
	l.checkRoutineItems()
	l.errs.sort()
	return l.cat, l.errs
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	return s
}

// ReadRoutine reads a routine file against cat. The file holds one routine
// (routine: or a routines: list of one); anything else it defines is checked too.
func ReadRoutine(cat *massage.Catalog, path string) (*massage.Routine, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, Errors{{File: path, Msg: err.Error()}}
	}
	return ParseRoutine(cat, path, data)
}

// ParseRoutine is ReadRoutine for bytes already read; name is used in errors.
func ParseRoutine(cat *massage.Catalog, name string, data []byte) (*massage.Routine, error) {
	r, _, err := ParseRoutineIn(cat, name, data)
	return r, err
}

// ReadRoutineIn is ReadRoutine that also gives cat extended by what the
// file declares of its own (an imported routine's cautions in its author's
// words, its preparations): play, draw and export look its ids up there,
// so that no caution of the file goes unsaid.
func ReadRoutineIn(cat *massage.Catalog, path string) (*massage.Routine, *massage.Catalog, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, nil, Errors{{File: path, Msg: err.Error()}}
	}
	return ParseRoutineIn(cat, path, data)
}

// ParseRoutineIn is ReadRoutineIn for bytes already read.
func ParseRoutineIn(cat *massage.Catalog, name string, data []byte) (*massage.Routine, *massage.Catalog, error) {
	l := newLoader()
	l.seed(cat)
	before := len(l.cat.Routines)
	l.addFile(name, data)
	got, errs := l.finish()
	if len(errs) > 0 {
		return nil, nil, errs
	}
	added := got.Routines[before:]
	switch len(added) {
	case 1:
		return added[0], got, nil
	case 0:
		return nil, nil, Errors{{File: name, Msg: "no routine in this file: expected a routine: mapping with id, name and items"}}
	}
	return nil, nil, Errors{{File: name, Msg: fmt.Sprintf("%d routines in this file: expected one", len(added))}}
}

func readLimited(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("no such file")
		}
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("is a folder, expected a file")
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes: Knead reads files of up to %d bytes", fi.Size(), MaxFileSize)
	}
	return os.ReadFile(path)
}
