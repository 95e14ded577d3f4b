package howto

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Classify, the role model: a multinomial logistic regression over a
// sentence's features (its shape, the lexicon's hits, the rules' cues and
// its words), trained on the labelled texts by `go generate ./howto`
// (howto/internal/train) and embedded here. It gives every sentence a role
// and a confidence; a second model of the same kind says whether the
// sentence warns anywhere in it. No download, no network: the weights are
// lexicon/roles.model.

//go:embed lexicon/roles.model
var rolesModelData string

//go:generate go run ./internal/train -out lexicon/roles.model

// The place model reads the roles, the mode model the places, and the
// preparation and warning models the mode: go generate trains them after
// it, in this order (extract_place_model.go, assemble_mode_model.go,
// assemble_prep_model.go, assemble_warn_model.go).
//go:generate go run ./internal/train -places lexicon/places.model
//go:generate go run ./internal/train -mode lexicon/mode.model
//go:generate go run ./internal/train -prep lexicon/prep.model
//go:generate go run ./internal/train -warnings lexicon/warnings.model

// Roles the model tells apart (noise and headings are decided by the
// page's structure, before any sentence is read).
var modelRoles = []string{RoleMove, RoleModifier, RolePrep, RoleWarning, RoleClaim, RoleTip, RoleDescription, RoleCommentary}

// logit is one logistic regression: a weight per feature and class.
type logit struct {
	classes []string
	bias    []float64
	w       map[string][]float64
}

// roleModels are the role model and the warning model.
type roleModels struct {
	role, warn *logit
	place      *logit        // in the place model's file (extract_place_model.go), alone
	mode       *logit        // in the mode model's file (assemble_mode_model.go), alone
	prep       *logit        // in the preparation model's file (assemble_prep_model.go), alone
	warnings   *logit        // in the warning model's file (assemble_warn_model.go), alone
	trans      *chainWeights // the role model's transitions, read once
	// trainedOn says what the model was trained on: how many sentences,
	// and a digest of the training examples and the trainer's settings
	// (TrainingDigest), written as a comment line of the file.
	trainedOn string
}

// trainedOnPrefix opens the model file's line that says what it was
// trained on.
const trainedOnPrefix = "# trained on "

// transitions are the role model's transition weights.
func (m *roleModels) transitions() chainWeights {
	if m.trans != nil {
		return *m.trans
	}
	return m.role.chain()
}

// embeddedRoles is the role model and the warning model, read on the
// first import.
var embeddedRoles = embeddedModel{name: "role", data: &rolesModelData, has: func(m *roleModels) bool { return m.role != nil }}

// loadedModels is the embedded role and warning models.
func loadedModels() *roleModels { return embeddedRoles.get() }

// guess is what the model says of one sentence.
type guess struct {
	role  string
	conf  float64 // the role's probability
	pMove float64 // the probability it is a move
	pMod  float64 // the probability it changes a move
	pWarn float64 // the probability it warns, anywhere in it
}

// predict gives the probability of each class.
func (l *logit) predict(feats []string) []float64 { return softmax(l.score(feats)) }

// likeliest is the class the model finds likeliest for feats, and how
// likely.
func (l *logit) likeliest(feats []string) (string, float64) {
	p := l.predict(feats)
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return l.classes[best], p[best]
}

func softmax(z []float64) []float64 {
	mx := math.Inf(-1)
	for _, v := range z {
		mx = math.Max(mx, v)
	}
	sum := 0.0
	for k, v := range z {
		z[k] = math.Exp(v - mx)
		sum += z[k]
	}
	for k := range z {
		z[k] /= sum
	}
	return z
}

// classifyBlock gives each sentence of a block the model's guess, read as
// a sequence after the blocks before it (prev, their forward message; nil
// at the text's start), and returns the message the next block starts from.
func (m *roleModels) classifyBlock(c chainWeights, prev []float64, sents []*sentence) []float64 {
	feats := make([][]string, len(sents))
	for i, s := range sents {
		feats[i] = roleFeatures(s)
	}
	bg := m.role.decodeBlock(c, prev, feats)
	for i, s := range sents {
		p := bg.marg[i]
		g := guess{role: m.role.classes[bg.path[i]], conf: p[bg.path[i]]}
		for k, c := range m.role.classes {
			switch c {
			case RoleMove:
				g.pMove = p[k]
			case RoleModifier:
				g.pMod = p[k]
			}
		}
		g.pWarn = m.warn.predict(feats[i])[1]
		s.guess = g
	}
	return bg.next
}

// roleFeatures are the features of a sentence, each a string; the model
// weighs those it was trained with and ignores the rest.
func roleFeatures(s *sentence) []string { return features(s, false) }

// features are the features of s; masked, as if its verb were one no
// list holds (the trainer adds such a copy of every sentence with a verb,
// so that the model learns moves from their structure, not the verb list).
func features(s *sentence, masked bool) []string {
	f := make([]string, 0, 48)
	add := func(x string) { f = append(f, x) }
	flag := func(ok bool, name string) {
		if ok {
			add(name)
		}
	}
	featuresVerb(s, masked, add)
	featuresShape(s, add)
	featuresRuleCues(s, masked, add, flag)
	if s.b != nil {
		add("block=" + strconv.Itoa(int(s.b.kind)))
		flag(s.idx == 0, "first")
		flag(tipBlock(s.b), "tipblock")
		s.placeFeatures(add)
	}
	add(featuresLength(len(s.st.ws)))
	featuresWords(s, masked, add)
	return f
}

// featuresVerb adds what the main verb is, its class in the verb list,
// its subject and its object, or that the sentence has no verb.
func featuresVerb(s *sentence, masked bool, add func(string)) {
	sh := s.shape
	if sh.vi < 0 {
		add("noverb")
		return
	}
	c := "unknown"
	if vb, ok := verbs[sh.word]; ok && !masked {
		c = strconv.Itoa(int(vb.c))
	}
	if !masked {
		add("v=" + lemma(sh.word))
	}
	add("vc=" + c)
	add("vp=" + sh.person + "|" + c)
	if sh.vi+1 < len(s.toks) && objectStarts[s.toks[sh.vi+1].w] {
		add("vobj")
	}
	obj := s.objectClass()
	add("obj=" + obj)
	add("vp=" + sh.person + "|obj=" + obj)
}

// featuresShape adds the sentence's structure: its subject, whether it
// is an imperative, what opens it, its modal and its negation.
func featuresShape(s *sentence, add func(string)) {
	sh := s.shape
	add("person=" + sh.person)
	if sh.imperative {
		add("imp")
		if sh.person == "" && len(s.hits) > 0 {
			add("imp+hit")
		}
	}
	add("opener=" + sh.opener)
	if sh.modal != "" {
		add("modal=" + sh.modal)
	}
	if sh.negated {
		add("neg")
	}
	if sh.negFirst {
		add("negfirst")
	}
}

// featuresRuleCues adds what the rules read in the sentence: its form,
// its motions, place, part, counts, times and the rest of their cues;
// masked, only what they read past the masked verb.
func featuresRuleCues(s *sentence, masked bool, add func(string), flag func(bool, string)) {
	ruled := !masked || s.form != fNone && s.vi != s.shape.vi // the rules read a verb other than the masked one
	if ruled {
		add("form=" + strconv.Itoa(int(s.form)))
	} else {
		add("form=0")
	}
	motion, weak := featuresMotion(s, masked)
	flag(s.hasLoc(), "place")
	flag(s.hasPart(), "part")
	flag(motion, "motion")
	flag(weak, "weak")
	flag(!s.rep.IsZero() || s.repVague, "count")
	flag(!s.secs.IsZero() || s.secsVague, "secs")
	flag(len(s.prep) > 0, "prepword")
	flag(s.tool, "tool")
	flag(s.warning, "rulewarn")
	flag(s.claim, "ruleclaim")
	flag(s.narrative, "narrative")
	flag(s.repeatSay, "repeat")
	flag(len(s.sides) > 0, "side")
	flag(ruled && s.form != fNone && s.handsOn(), "handson")
	flag(ruled && s.form != fNone && s.prepOnly(), "preponly")
	flag(strings.HasSuffix(strings.TrimSpace(s.text), "?"), "question")
}

// featuresMotion reports whether the sentence holds a strong motion and
// a weak one; masked, only motions other than the masked verb count.
func featuresMotion(s *sentence, masked bool) (motion, weak bool) {
	motion, weak = s.hasStrong(), s.hasWeak()
	if masked {
		motion, weak = false, false
		for _, m := range s.motions {
			if m.ti != s.shape.vi {
				motion = motion || m.strength > 0
				weak = weak || m.strength == 0
			}
		}
	}
	return motion, weak
}

// featuresLength is the feature of a sentence n words long.
func featuresLength(n int) string {
	switch {
	case n <= 4:
		return "len=short"
	case n <= 12:
		return "len=mid"
	case n <= 30:
		return "len=long"
	default:
		return "len=vlong"
	}
}

// featuresWords adds each word of the sentence once, and its first word;
// masked, without the masked verb.
func featuresWords(s *sentence, masked bool, add func(string)) {
	seen := map[string]bool{}
	for i, t := range s.toks {
		if t.kind != tWord || seen[t.w] || masked && i == s.shape.vi {
			continue
		}
		seen[t.w] = true
		add("w=" + t.w)
		if i == 0 {
			add("first=" + t.w)
		}
	}
}

// tipBlock reports a block that gives a tip: "Tip: …", "TIP", "Pro tip",
// "Note:", under its own label.
func tipBlock(b *block) bool {
	// only the block's opening can say so: lowering the whole block for each
	// of its sentences made a long block's import quadratic
	t := strings.ToLower(strings.TrimSpace(b.title + " " + opening(b.text, 256)))
	t = strings.TrimLeft(t, "*_#>-•💡✔ ")
	for _, p := range []string{"tip:", "tip ", "tips:", "pro tip", "top tip", "note:", "hint:", "chef's note", "chef’s note"} {
		if strings.HasPrefix(t, p) {
			if p == "tip " && tipVerbObject(t[len(p):]) {
				return false // "Tip your right ear towards your shoulder": the verb
			}
			return !numberedTip(t)
		}
	}
	return false
}

// tipVerbObject reports the words after "tip" that make it the verb:
// "your right ear", "the head back".
func tipVerbObject(rest string) bool {
	w, _, _ := strings.Cut(rest, " ")
	return tipObjects[w]
}

var tipObjects = wordSet("your the his her their its it them one both each head chin ear back forward forwards sideways onto over into to towards toward up down out")

// numberedTip reports "TIP 2/6", "Tip 3 of 5", "tip #4": one of a
// numbered series, the items a page gives its moves as, not a side note.
func numberedTip(t string) bool {
	r := strings.TrimLeft(strings.TrimPrefix(t, "tip"), " #")
	return r != "" && r[0] >= '0' && r[0] <= '9'
}

// opening is s's first n bytes or a little fewer, cut between characters.
func opening(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// writeModels writes the models m holds in the file format readModels reads:
// a line "model NAME CLASS…", a line "bias W…", then "FEATURE W…" lines,
// sorted, each weight with three decimals; weights all under 0.0005
// are left out.
func writeModels(w io.Writer, m *roleModels) error {
	bw := bufio.NewWriter(w)
	name := "role" // the role model's file holds the warn model too; another file holds one model
	if m.role == nil {
		for _, x := range m.slots() {
			if *x.l != nil {
				name = x.name
			}
		}
	}
	fmt.Fprintln(bw, "# knead "+name+" model: multinomial logistic regression, written by howto/internal/train; do not edit")
	if m.trainedOn != "" {
		fmt.Fprintln(bw, trainedOnPrefix+m.trainedOn)
	}
	for _, x := range m.slots() {
		l := *x.l
		if l == nil {
			continue
		}
		fmt.Fprintf(bw, "model %s %s\n", x.name, strings.Join(spaced(l.classes), " "))
		fmt.Fprintf(bw, "bias %s\n", weights(l.bias))
		keys := make([]string, 0, len(l.w))
		for k := range l.w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ws := weights(l.w[k]); strings.Trim(ws, "0 ") != "" {
				fmt.Fprintf(bw, "%s %s\n", k, ws)
			}
		}
	}
	return bw.Flush()
}

// spaced writes a role with a space ("move modifier") as one field.
func spaced(cs []string) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = strings.ReplaceAll(c, " ", "_")
	}
	return out
}

func weights(ws []float64) string {
	parts := make([]string, len(ws))
	for i, x := range ws {
		x = math.Round(x*1000) / 1000
		if x == 0 {
			parts[i] = "0"
			continue
		}
		parts[i] = strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strings.Join(parts, " ")
}

// readModels reads the file writeModels writes.
func readModels(r io.Reader) (*roleModels, error) {
	m := &roleModels{}
	var cur *logit
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if on, ok := strings.CutPrefix(line, trainedOnPrefix); ok {
			m.trainedOn = on
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		var err error
		if fs[0] == "model" {
			cur, err = readModelsHeader(m, fs, n)
		} else {
			err = readModelsWeights(cur, fs, n)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if alone := firstNonNil(m.place, m.mode, m.prep, m.warnings); alone != nil && m.role == nil && m.warn == nil {
		if alone.bias == nil {
			alone.bias = make([]float64, len(alone.classes))
		}
		return m, nil // the place, mode, preparation or warning model's file
	}
	if m.role == nil || m.warn == nil || len(m.warn.classes) != 2 {
		return nil, fmt.Errorf("expected a role model and a two-class warn model")
	}
	for _, l := range []*logit{m.role, m.warn} {
		if l.bias == nil {
			l.bias = make([]float64, len(l.classes))
		}
	}
	c := m.role.chain()
	m.trans = &c
	return m, nil
}

// readModelsHeader reads line n, "model NAME CLASS…", into a new model of
// m, the one the lines after it fill.
func readModelsHeader(m *roleModels, fs []string, n int) (*logit, error) {
	if len(fs) < 4 {
		return nil, fmt.Errorf("line %d: a model needs a name and two classes or more", n)
	}
	cur := &logit{w: map[string][]float64{}}
	for _, c := range fs[2:] {
		cur.classes = append(cur.classes, strings.ReplaceAll(c, "_", " "))
	}
	for _, x := range m.slots() {
		if x.name == fs[1] {
			*x.l = cur
			return cur, nil
		}
	}
	return nil, fmt.Errorf("line %d: unknown model %q", n, fs[1])
}

// slots are the models a file may hold, by the name its "model" line
// gives, in the order writeModels writes them.
func (m *roleModels) slots() []struct {
	name string
	l    **logit
} {
	return []struct {
		name string
		l    **logit
	}{{"role", &m.role}, {"warn", &m.warn}, {"place", &m.place}, {"mode", &m.mode}, {"prep", &m.prep}, {"warnings", &m.warnings}}
}

// readModelsWeights reads line n, "bias W…" or "FEATURE W…", into the
// model cur: a weight per class, each a number from -1e6 to 1e6.
func readModelsWeights(cur *logit, fs []string, n int) error {
	if cur == nil || len(fs) != len(cur.classes)+1 {
		if cur == nil {
			return fmt.Errorf("line %d: expected a line \"model NAME CLASS…\" first", n)
		}
		return fmt.Errorf("line %d: expected a feature and %d weights", n, len(cur.classes))
	}
	ws := make([]float64, len(cur.classes))
	for i, x := range fs[1:] {
		v, err := strconv.ParseFloat(x, 64)
		if err == nil && !(math.Abs(v) <= 1e6) {
			err = fmt.Errorf("not a number from -1e6 to 1e6")
		}
		if err != nil {
			return fmt.Errorf("line %d: weight %q: %v", n, x, err)
		}
		ws[i] = v
	}
	switch {
	case fs[0] == "bias" && (cur.bias != nil || len(cur.w) > 0):
		return fmt.Errorf("line %d: a model's bias comes once, on the line after its \"model\" line", n)
	case fs[0] == "bias":
		cur.bias = ws
	case cur.w[fs[0]] != nil:
		return fmt.Errorf("line %d: feature %q a second time", n, fs[0])
	default:
		cur.w[fs[0]] = ws
	}
	return nil
}

// firstNonNil is the first model given that is there, or nil.
func firstNonNil(ls ...*logit) *logit {
	for _, l := range ls {
		if l != nil {
			return l
		}
	}
	return nil
}

func classIndex(role string) int {
	for i, c := range modelRoles {
		if c == role {
			return i
		}
	}
	return len(modelRoles) - 1 // commentary
}

// embeddedModel is a model file embedded in the binary, read on its
// first use; has says the file holds the model it should.
type embeddedModel struct {
	once sync.Once
	name string
	data *string
	has  func(*roleModels) bool
	m    *roleModels
}

// get reads the file once.
func (e *embeddedModel) get() *roleModels {
	e.once.Do(func() {
		m, err := readModels(strings.NewReader(*e.data))
		if err != nil || !e.has(m) {
			panic("howto: embedded " + e.name + " model: unreadable") // a build error: Test…ModelLoads
		}
		e.m = m
	})
	return e.m
}

// modelOf is the place or mode model the import reads with: nil for the
// rules alone (rulesOnly, or off for that model), else other when a
// cross-validation's fold gives one, else the embedded one.
func (d *doc) modelOf(off bool, other *logit, embedded func() *logit) *logit {
	switch {
	case d.opt.rulesOnly || off:
		return nil
	case other != nil:
		return other
	}
	return embedded()
}

// models is the role model the import reads with, nil for the rules alone.
func (d *doc) models() *roleModels {
	switch {
	case d.opt.rulesOnly:
		return nil
	case d.opt.models != nil:
		return d.opt.models
	}
	return loadedModels()
}
