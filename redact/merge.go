package redact

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rescue-stories/redact/rules"
)

// resolve turns overlapping candidates into disjoint findings. Blocking
// candidates that overlap merge into one finding over the union of their
// spans, labelled by the longest; review candidates (operational phrases)
// merge among themselves the same way. A review phrase never swallows a
// blocking finding: it is cut around it, so "posing as tourists at the
// Blue Lagoon bar" stays one location and a review note beside it, and
// applying the blocking findings never replaces a whole clause. A sentence
// a classifier flagged (a loose finding) merges with the review phrases in
// it; cut around a blocking finding, its parts stay only if they hold such
// a phrase or still read as sensitive by themselves. A phrase widened to
// its sentence (rules.WidenSentence) is loose too, its match the firm part.
//
// cuts are the placeholders an applied plan left (suppress.go): review
// findings are cut around them as around blocking findings. The candidates
// come in groups (the rules' findings, then their echoes), taken in order
// as one list; groups is cleared, and the first group's array reused.
func resolve(src []byte, cuts []Finding, groups ...[]Finding) []Finding {
	n, nreview := 0, 0
	for _, cands := range groups {
		n += len(cands)
		for i := range cands {
			if cands[i].Severity == rules.Review {
				nreview++
			}
		}
	}
	// The blocking candidates take the first group's array when it can
	// hold them all (a story's candidates are one group, made with room
	// for every match and kept in part): they move towards its start,
	// each before it is read, in order. A copy of every candidate was a
	// tenth of a corpus scan's bytes.
	var block []Finding
	if len(groups) > 0 && cap(groups[0]) >= n-nreview {
		block = groups[0][:0]
	} else {
		block = make([]Finding, 0, n-nreview)
	}
	review := make([]Finding, 0, nreview)
	for g, cands := range groups {
		for _, c := range cands {
			if c.Severity == rules.Review {
				review = append(review, c)
			} else {
				block = append(block, c)
			}
		}
		// The group is garbage now unless the caller holds it: the
		// scanner does not, and a large document's candidates need not
		// stay beside their copies.
		groups[g] = nil
	}
	block = union(block, src)
	review = union(review, src)
	cutters := block
	if len(cuts) > 0 {
		cutters = mergeCuts(block, cuts)
	}
	// Review parts go after the blocking findings, in the spare capacity
	// union left; cutAround reads only cutters, which is block itself or a
	// new slice.
	out := block
	for _, r := range review {
		out = append(out, cutAround(r, cutters, src)...)
	}
	sortStable(out, func(a, b *Finding) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return out
}

// mergeCuts returns the spans of a and b (each sorted and disjoint) in one
// sorted, disjoint list; where two overlap, the first keeps its category.
func mergeCuts(a, b []Finding) []Finding {
	all := make([]Finding, 0, len(a)+len(b))
	all = append(append(all, a...), b...)
	slices.SortStableFunc(all, func(x, y Finding) int { return cmp.Compare(x.Span.Start, y.Span.Start) })
	out := all[:1]
	for _, f := range all[1:] {
		last := &out[len(out)-1]
		if f.Span.Start < last.Span.End {
			last.Span.End = max(last.Span.End, f.Span.End)
			continue
		}
		out = append(out, f)
	}
	return out
}

// sortStable sorts findings stably. Findings are large, so it sorts their
// indexes and then moves each finding once, along the cycles of the
// permutation; a stable order is unique, so the result is the one a
// stable sort of the findings themselves gives.
func sortStable(fs []Finding, cmpf func(a, b *Finding) int) {
	if len(fs) < 2 {
		return
	}
	var buf [64]int32
	idx := buf[:0]
	for i := range fs {
		idx = append(idx, int32(i))
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return cmpf(&fs[a], &fs[b]) })
	// Position i takes the finding at idx[i]; follow each cycle once.
	for i := range idx {
		if idx[i] < 0 || int(idx[i]) == i {
			continue
		}
		tmp := fs[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = -1
			if k == i {
				fs[j] = tmp
				break
			}
			fs[j] = fs[k]
			j = k
		}
	}
}

// union merges overlapping findings of one kind into the union of their
// spans, keeping the label of the longest candidate. It works in place:
// cands is sorted and the result is a prefix of it (a finding is written
// only at or before the one being read).
func union(cands []Finding, src []byte) []Finding {
	if len(cands) == 0 {
		return nil
	}
	sortStable(cands, func(a, b *Finding) int {
		if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.Span.End, a.Span.End)
	})
	out := cands[:1]
	for _, c := range cands[1:] {
		last := &out[len(out)-1]
		if c.Span.Start >= last.Span.End && !dateRange(last, &c, src) && !ownedPlace(last, &c, src) {
			out = append(out, c)
			continue
		}
		span := Span{last.Span.Start, max(last.Span.End, c.Span.End)}
		loose := pickLoose(last.loose, c.loose)
		var firm []Span
		if loose != nil {
			firm = append(firmSpans(last), firmSpans(&c)...)
		}
		// The longest candidate labels the finding, but a sentence a
		// classifier flagged labels whatever it merges with: its label
		// speaks for a sentence, a phrase rule's for the phrase.
		absorbed := c
		win := c.Span.Len() > last.Span.Len()
		if a, b := classified(last), classified(&c); a != b {
			win = b
		}
		if win {
			absorbed, *last = *last, c
		}
		last.Span = span
		last.loose, last.firm = loose, firm
		if classified(last) && !classified(&absorbed) {
			// Say what the sentence holds.
			last.Why = strings.TrimPrefix(last.Why+"; it holds: "+absorbed.Message, "; ")
		}
		last.Text = string(src[span.Start:span.End])
	}
	return out
}

// dateRange reports whether a and b (a before b, not overlapping) are dates
// joined by a word of a range or a pair: "Tuesday and Friday nights",
// "11 pm to 3 am", "a Thursday in late May". Both halves say when one
// thing happened, so they are one finding: replacing them apart would leave
// "[date] and [date]" and a reader would still count the days.
func dateRange(a, b *Finding, src []byte) bool {
	if a.Category != "date" || b.Category != "date" || b.Span.Start-a.Span.End > 9 {
		return false
	}
	switch strings.TrimSpace(string(src[a.Span.End:b.Span.Start])) {
	case "and", "to", "till", "until", "through", "-", "–", "—", "&", "in":
		return true
	}
	return false
}

// ownedPlace reports whether a is a name or a place that owns the place b
// right after it ("Nena's Sari-Sari Store", "Mama Rose's Bar"), or a street
// at a corner with b. The owner's name is part of the venue's: replaced
// apart, the report would leave "[name]'s [venue]" and its letter between
// them.
func ownedPlace(a, b *Finding, src []byte) bool {
	if b.Category != "location" || (a.Category != "name" && a.Category != "location") || b.Span.Start-a.Span.End > len("’s ") {
		return false
	}
	switch string(src[a.Span.End:b.Span.Start]) { // compared, not copied
	case "'s ", "’s ":
		return true
	case " y ", " e ":
		// Spanish and Portuguese join two streets of a corner with "y" or
		// "e": "Calle 29 y Av. Domingo Comín".
		return a.Category == "location"
	}
	return false
}

// classified reports whether f is labelled by the classifier that flagged
// its sentence.
func classified(f *Finding) bool {
	return f.loose != nil && f.loose.Kind == rules.KindClassifier && f.Rule == f.loose.ID
}

// pickLoose returns the rule that judges the parts of a merged loose
// finding: a classifier, which can score them, over a widened phrase rule.
func pickLoose(a, b *rules.Rule) *rules.Rule {
	if a == nil || (b != nil && b.Kind == rules.KindClassifier) {
		return b
	}
	return a
}

// firmSpans returns the spans of f that other rules than a classifier
// found: none of a loose finding's own, all of a firm one's.
func firmSpans(f *Finding) []Span {
	if f.loose != nil {
		return f.firm
	}
	return []Span{f.Span}
}

// cutAround returns the parts of r outside every blocking finding (block,
// sorted and disjoint), trimmed of white space and punctuation; parts
// without a letter or digit go, and so do the parts of a cut loose finding
// that hold no firm span and no longer read as sensitive by themselves
// ("On" before a date, "I stayed at" before a place).
func cutAround(r Finding, block []Finding, src []byte) []Finding {
	// block is sorted and disjoint (union's output), so the parts are the
	// gaps between the blocking findings that overlap r, read from the
	// first that can: a document with thousands of findings is not cut
	// in time quadratic in them.
	i, _ := slices.BinarySearchFunc(block, r.Span.Start, func(b Finding, start int) int {
		return cmp.Compare(b.Span.End, start+1)
	})
	var parts []Span
	from := r.Span.Start
	explained := false // a blocking finding of r's category cuts it
	for _, b := range block[i:] {
		if b.Span.Start >= r.Span.End {
			break
		}
		explained = explained || b.Category == r.Category
		if from < b.Span.Start {
			parts = append(parts, Span{from, b.Span.Start})
		}
		from = max(from, b.Span.End)
	}
	if from < r.Span.End {
		parts = append(parts, Span{from, r.Span.End})
	}
	cut := len(parts) != 1 || parts[0] != r.Span
	var out []Finding
	for _, p := range parts {
		p = trimSpan(src, p)
		if p.Len() == 0 {
			continue
		}
		if cut && r.loose != nil && !keepPart(r, p, explained, src) {
			continue
		}
		f := r
		f.Span = p
		f.Text = string(src[p.Start:p.End])
		out = append(out, f)
	}
	return out
}

// keepPart reports whether part p of a cut loose finding r stays: it holds
// a match of a rule, or, when no blocking finding of r's category explains
// the sentence, still scores by itself. One letter left between two
// findings ("A" of "Whanga Nui A Tara") tells nothing.
func keepPart(r Finding, p Span, explained bool, src []byte) bool {
	if utf8.RuneCount(src[p.Start:p.End]) == 1 {
		return false
	}
	if functionWords(src[p.Start:p.End]) {
		return false
	}
	return overlapsSpan(p, r.firm) || (!explained && r.loose.ScorePart(string(src[p.Start:p.End])))
}

// trimSpan narrows s to start on a letter or digit and end on one or on
// the marks that follow it: a vowel sign or an accent belongs to its letter
// ("บุญมี", "José" written with a combining accent), and cutting it off
// would leave it behind in the text.
func trimSpan(src []byte, s Span) Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRune(src[s.Start:s.End])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRune(src[s.Start:s.End])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			break
		}
		s.End -= n
	}
	return s
}

// functionWords reports whether b is made only of words that carry no
// content ("at", "and the", "from"): what is left of a cut sentence between
// two findings, which tells nothing by itself.
func functionWords(b []byte) bool {
	for w := range strings.FieldsFuncSeq(string(b), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		if !closedClass[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// closedClass holds English function words: articles, prepositions,
// conjunctions, pronouns and auxiliaries.
var closedClass = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor so yet if then than that this these those
		at on in into onto to from by with without of off for about above below over under
		near past after before during until till since through across along around between among
		via per as up down out
		i me my we us our you your he him his she her it its they them their
		who whom whose which what when where why how
		is are was were be been being am do does did has have had will would can could shall should may might must
		not no there here also just only still even`) {
		closedClass[w] = true
	}
}

func overlapsSpan(p Span, spans []Span) bool {
	for _, s := range spans {
		if s.Start < p.End && s.End > p.Start {
			return true
		}
	}
	return false
}
