package howto

import (
	"regexp"
	"strings"
)

// Blocks by what they are, before any sentence is read: the furniture of
// web pages that is not part of the instructions (image credits, bylines
// and dates, link lines, ads, and reader comments, with everything after
// the point where they start), and the heading or lead-in each block is
// under (setSections).

var (
	reCredit = regexp.MustCompile(`(?i)\b(getty( images)?|shutterstock|istock(photo)?|alamy|unsplash|pexels|pixabay|adobe stock|dreamstime|bananastock|thinkstock)\b|^(photo(graph)?s?|images?|pictures?|illustrations?)\s*(by|credit|courtesy|:)|\bphoto(graph)? (by|courtesy)\b|©|\(c\) \d{4}|^credits?:|image credit`)
	reByline = regexp.MustCompile(`(?i)^(written by|reviewed by|medically reviewed|posted|published|updated|last updated|filed under|tags?|categor(y|ies)|leave a (reply|comment)|author|by the)\b|\bmin(ute)?s? read\b|\b\d+ comments?\b|^(on )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2},? \d{4}|^\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}|\b\d{1,2}:\d{2} ?(am|pm)\b`)
	reLinks  = regexp.MustCompile(`(?i)^(related( posts| articles| reading)?|read more|read next|see also|you (might|may) also (like|enjoy)|more from|next post|previous post|click here|share( this)?|follow (me|us)|subscribe|sign up|join our|also read|recommended( for you)?)\b|\blinks? in bio\b|^(home|menu|search|skip to (main )?content)$|\bclick here\b|»|>>|→\s*$|^→`)
	reAds    = regexp.MustCompile(`(?i)^(advertisement|advertising|sponsored|ad|ads|promoted|paid content)\b|sponsored content|\baffiliate\b|\bcommission\b|\d+ ?% off\b|\bshop now\b|\bbuy now\b|free shipping|promo code|discount code|presented by|newsletter|all rights reserved|privacy policy`)
	reCookie = regexp.MustCompile(`(?i)\b(uses|use|accept|allow|about( our)?) cookies\b|\bcookie (policy|settings|preferences|notice|consent)\b`)
	reComm   = regexp.MustCompile(`(?i)^(\d+\s+)?(responses?|comments?|replies|thoughts)(\s+on|\s+to)?\b|^(leave a comment|join the discussion|what (readers|people) (say|think)|reader comments)|^\d+ (responses?|comments?|replies|thoughts)`)
	// reCommLabel is a comment given as a label, not the start of a page's
	// comments: "Comment: Keep, but make it a gentle pinch."
	reCommLabel = regexp.MustCompile(`(?i)^(comments?|reply|response)\s*:\s*\S`)
	reSays      = regexp.MustCompile(`^\p{Lu}[\p{L}.'-]*( \p{Lu}[\p{L}.'-]*){0,3} (says|said|wrote|replied):`)
	reBy        = regexp.MustCompile(`^(By|by|BY) \p{Lu}`)
)

// noise says why a block is page furniture, or "" when it is not. inComments
// is true once reader comments have started; comments reports that this
// block starts them.
func noise(b *block) (why string, comments bool) {
	t := strings.TrimSpace(b.text)
	if b.title != "" {
		t = strings.TrimSpace(b.title + " " + t)
	}
	n := len(strings.Fields(t))
	if n > 40 {
		return "", false // furniture is short; a long paragraph is text
	}
	head := t
	if len(head) > 80 {
		head = head[:80]
	}
	switch {
	case n <= 12 && reComm.MatchString(t) && !reCommLabel.MatchString(t):
		return "reader comments", true
	case reSays.MatchString(head) && !saysCaution(t), strings.EqualFold(strings.Trim(t, " :»"), "reply") && b.kind == bHeading:
		return "reader comments", true
	case n <= 20 && reCredit.MatchString(t):
		return "image credit", false
	case n <= 40 && reAds.MatchString(t) && !adCaution(t):
		return "advertisement", false
	case n <= 40 && strings.Contains(strings.ToLower(t), "cookie") && reCookie.MatchString(t):
		return "cookie notice", false
	case n <= 20 && reByline.MatchString(t), n <= 8 && reBy.MatchString(t):
		return "byline or date", false
	case n <= 25 && reLinks.MatchString(t):
		return "link line", false
	case n <= 12 && (strings.Count(t, "|") >= 2 || strings.Count(t, " · ") >= 2):
		// "Home | Recipes | Contact", "Hartwell Park · Home · Roll-up 1.30"
		return "link line", false
	case n <= 6 && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
		return "stage direction", false // "[soft music]" in a transcript
	}
	return "", false
}

// mediaWords mark a heading that names a video, a picture or a link on the
// page rather than the moves under it.
var mediaWords = wordSet("video videos watch photo photos image images picture pictures gallery " +
	"infographic click subscribe download podcast listen slideshow pinterest youtube tiktok " +
	"instagram shop buy sponsored advertisement newsletter share")

// blindHeading reports a heading that names something on the page, not the
// moves under it.
func blindHeading(b *block) bool {
	if b.kind != bHeading {
		return false
	}
	for _, t := range tokenize(b.text) {
		if mediaWords[t.w] {
			return true
		}
	}
	return false
}

// saysCaution reports "Name says:" before a caution ("Gemma says: no
// rubbing over verrucas … Stop if anything hurts."): a named expert's
// warning in the text, never a reader's comment to leave out.
// adCaution reports a short paragraph that names a newsletter in passing
// but warns: "Never rub a calf that is hot, red or swollen; that needs a
// doctor, not a newsletter."
func adCaution(t string) bool {
	if !strings.Contains(strings.ToLower(t), "newsletter") {
		return false
	}
	i, _ := cautionAt(tokenize(t))
	return i >= 0
}

func saysCaution(t string) bool {
	_, rest, ok := strings.Cut(t, ":")
	if !ok {
		return false
	}
	i, _ := cautionAt(tokenize(rest))
	return i >= 0
}

// markNoise marks every block that is furniture, and everything after the
// start of the reader comments.
//
// With comments set, the reader comments are read as text, all but the
// lines that open them. It reports whether comments were left out.
func markNoise(bs []*block, comments bool) (left bool) {
	inComments, inMeta := false, false
	for _, b := range bs {
		if inComments && !comments {
			b.noise = "reader comments"
			left = true
			continue
		}
		if b.kind == bHeading {
			inMeta = metaHeading(b.text)
		}
		why, starts := noise(b)
		if starts {
			inComments = true
		}
		if why == "" && (inMeta || reVersion.MatchString(b.text)) {
			why = "a changelog, licence or other notes about the document"
		}
		b.noise = why
		b.blind = why == "" && blindHeading(b)
	}
	return left
}

// reMeta are headings of a document's notes about itself or links to
// others, not of moves ("Changelog", "See also", "References"): the
// section under one is furniture up to the next heading.
var (
	reMeta    = regexp.MustCompile(`(?i)^(change ?log|changes|version history|release notes|licen[cs]e|copyright|contributing|contributors|credits|acknowledg(e)?ments|see also|related( articles| posts| links| reading)?|further reading|external links|references|sources|bibliography|footnotes|notes and references)\s*:?$`)
	reVersion = regexp.MustCompile(`^(v\d+(\.\d+)+|\d+\.\d+\.\d+)\s*[:(\-–]`)
)

func metaHeading(t string) bool { return reMeta.MatchString(strings.TrimSpace(t)) }

// setSections puts each block under the heading before it, passing over
// headings that are page furniture ("Posted on: November 21, 2008").
func setSections(bs []*block) {
	var section, lead *block
	numbered := false // the lead-in's list is numbered: a list of another kind ends it
	for i, b := range bs {
		switch {
		case b.kind == bItem && lead != nil && (b.num > 0) == numbered && b.line <= bs[i-1].line+len(bs[i-1].starts)+1:
			b.lead, lead.leads = lead, true
		case b.kind == bItem && b.num > 0 && strings.HasSuffix(strings.TrimRight(b.text, " *_"), ":") && i+1 < len(bs) && bs[i+1].kind == bItem && bs[i+1].num == 0:
			// "3.1 Do not massage … if the resident has:" over its own
			// clauses "3.1.1 a fracture …": a numbered item leads its sub-items
			lead, numbered = b, false
		case b.kind == bItem:
			lead = nil
		case strings.HasSuffix(strings.TrimRight(b.text, " *_"), ":") && i+1 < len(bs) && bs[i+1].kind == bItem:
			lead, numbered = b, bs[i+1].num > 0
		case b.kind == bHeading && b.noise == "" && i+1 < len(bs) && bs[i+1].kind == bItem && warnLeadIn(tokenize(b.text)):
			// "Contraindications" over "- a recent head injury": a heading
			// that warns leads the list right under it
			lead, numbered = b, bs[i+1].num > 0
		default:
			lead = nil
		}
		if b.kind == bHeading {
			if b.noise == "" {
				section = b
			}
			continue
		}
		b.section = section
	}
}
