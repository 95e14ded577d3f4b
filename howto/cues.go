package howto

import "strings"

// Warnings: a cue that opens a clause ("Do not …", "…, so do not …",
// "Never …", "Avoid …"), or one that reads as a warning anywhere ("should
// not", "can aggravate", "see a doctor", "but not on it").

var clauseWarnings = [][]string{
	{"do", "not"}, {"don't"}, {"dont"}, {"never"}, {"avoid"}, {"be", "careful"}, {"take", "care"},
	{"be", "sure", "not"}, {"make", "sure", "not"}, {"be", "sure", "to", "avoid"}, {"stop", "if"},
	{"stop", "immediately"}, {"stop", "at", "once"}, {"skip"}, {"stay", "off"}, {"stay", "away"},
	{"keep", "away"}, {"keep", "off"}, {"keep", "the", "pressure", "off"}, {"keep", "pressure", "off"},
	{"go", "easy"}, {"careful"}, {"caution"}, {"warning"}, {"please", "do", "not"}, {"don't", "ever"},
	{"stop", "the", "massage"}, {"stop", "and", "see"},
}

var anyWarnings = [][]string{
	{"should", "not"}, {"shouldn't"}, {"must", "not"}, {"mustn't"}, {"should", "never"},
	{"not", "on", "it"}, {"not", "on", "the", "spine"}, {"never", "on"}, {"can", "aggravate"},
	{"may", "aggravate"}, {"could", "aggravate"}, {"can", "cause", "pain"}, {"can", "cause", "injury"},
	{"this", "can", "cause"}, {"not", "recommended"}, {"contraindicated"}, {"consult"},
	{"if", "you", "are", "pregnant"}, {"if", "your", "partner", "is", "pregnant"},
	{"if", "they", "are", "pregnant"}, {"if", "she", "is", "pregnant"},
}

var doctors = map[string]bool{"doctor": true, "dentist": true, "gp": true, "physician": true,
	"physio": true, "physiotherapist": true, "midwife": true, "therapist": true,
	"professional": true, "pharmacist": true, "chiropractor": true, "osteopath": true}

var clauseBreaks = map[string]bool{",": true, ";": true, ":": true, "-": true, "(": true,
	"so": true, "and": true, "but": true, "then": true, "or": true}

func matchAt(t []token, i int, words []string) bool {
	if i+len(words) > len(t) {
		return false
	}
	for k, w := range words {
		if t[i+k].w != w {
			return false
		}
	}
	return true
}

func (s *sentence) findWarning() {
	t := s.toks
	start := 0
	for start < len(t) && (t[start].kind == tPunct || leadAdverbs[t[start].w] && t[start].w != "so") {
		start++
	}
	for i := range t {
		clause := i == start || i > 0 && clauseBreaks[t[i-1].w]
		if clause {
			for _, c := range clauseWarnings {
				if matchAt(t, i, c) && !matchAt(t, i, []string{"don't", "forget"}) && !matchAt(t, i, []string{"do", "not", "forget"}) {
					s.warning = true
					if s.warnAt < 0 || i < s.warnAt {
						s.warnAt = i
					}
					if i == start {
						s.warnLead = true
					}
				}
			}
		}
		for _, c := range anyWarnings {
			if matchAt(t, i, c) {
				s.warning = true
			}
		}
		// "see a doctor", "ask their doctor", "talk to your doctor", "check with their midwife"
		if doctors[t[i].w] && i > 0 {
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				switch t[k].w {
				case "see", "consult", "ask", "talk", "check", "visit", "call", "contact":
					s.warning = true
				}
			}
		}
	}
	if s.warning && s.b != nil && s.b.kind == bHeading {
		s.warning, s.warnLead = false, false
	}
}

var claimCues = map[string]bool{"helps": true, "help": true, "aids": true, "relieves": true,
	"relieve": true, "reduces": true, "reduce": true, "improves": true, "improve": true,
	"stimulates": true, "stimulate": true, "boosts": true, "boost": true, "soothes": true,
	"soothe": true, "eases": true, "ease": true, "promotes": true, "increases": true,
	"relaxes": true, "lessens": true, "lessen": true, "prevents": true, "prevent": true,
	"rejuvenate": true, "rejuvenates": true, "refresh": true, "refreshes": true, "calms": true,
	"benefits": true, "benefit": true, "remedy": true, "good": true, "great": true, "said": true,
	"moisturizes": true, "moisturises": true, "relief": true, "cleansed": true, "brings": true}

var effects = map[string]bool{"stress": true, "circulation": true, "blood": true, "flow": true,
	"headache": true, "headaches": true, "digestion": true, "tension": true, "pain": true,
	"stiffness": true, "sleep": true, "relax": true, "relaxed": true, "relaxing": true,
	"puffiness": true, "toxins": true, "lymph": true, "mood": true, "anxiety": true,
	"muscles": true, "skin": true, "sebum": true, "follicles": true, "strain": true,
	"bloating": true, "bloated": true, "nutrients": true, "oxygen": true, "mind": true,
	"healthy": true, "moist": true, "tired": true, "stiff": true, "fatigue": true, "tense": true,
	"pain-relief": true, "moisturizing": true, "sleeping": true, "calm": true, "rest": true,
	"immune": true, "energy": true, "soreness": true, "sore": true, "tummy": true, "wind": true}

func (s *sentence) findClaim() {
	if s.warning || strings.HasSuffix(strings.TrimSpace(s.text), "?") || s.b != nil && s.b.kind == bHeading {
		return
	}
	cue, effect := -1, false
	for i, t := range s.toks {
		if claimCues[t.w] && cue < 0 {
			cue = i
		}
		if effects[t.w] {
			effect = true
		}
	}
	if cue < 0 || !effect {
		return
	}
	if s.form == fNone || s.form == fGerund {
		s.claim = true
		return
	}
	// An instruction with a claim in a later clause: "…; this increases …".
	for i := 1; i < len(s.toks) && i <= cue; i++ {
		w := s.toks[i].w
		if (w == "this" || w == "which" || w == "it") && (clauseBreaks[s.toks[i-1].w] || s.toks[i-1].w == ",") {
			s.claim = true
			return
		}
	}
}
