package rules

import (
	"strings"
	"sync"
)

// patternMatcher runs RE2 patterns. Keywords, when given, are a prefilter (as
// gitleaks does): a segment that contains none of them, case-insensitively, is
// never handed to the regexp engine. Each pattern also carries a prefilter
// derived from its syntax (prefilter.go), so a rule without keywords is as
// cheap on a segment it cannot match.
type patternMatcher struct {
	res      []*regex
	group    int
	keywords []string

	once sync.Once
	pats []*pattern
	// gate holds the first-clause literals of every pattern that has
	// clauses, all in one literal set: a text with none of them is
	// searched only by the patterns in open. Most texts meet few of a
	// rule's literals, and one test then stands for a call per pattern.
	gate    *clause
	gateSet *litSet
	open    []*pattern
}

func (m *patternMatcher) patterns() []*pattern {
	m.once.Do(func() {
		m.pats = newPatterns(m.res)
		m.gate, m.gateSet, m.open = gateOf(m.pats)
	})
	return m.pats
}

// gateOf returns the union of the patterns' first clauses and the patterns
// it does not cover (no clauses, or literals in another set); no gate when
// it would cover fewer than two patterns.
func gateOf(pats []*pattern) (*clause, *litSet, []*pattern) {
	var set *litSet
	for _, p := range pats {
		if len(p.clauses) > 0 {
			set = p.set
			break
		}
	}
	g := &clause{}
	var open []*pattern
	covered := 0
	for _, p := range pats {
		if len(p.clauses) == 0 || p.set != set {
			open = append(open, p)
			continue
		}
		covered++
		for _, id := range p.clauses[0].ids {
			g.add(id)
		}
	}
	if covered < 2 {
		return nil, nil, nil
	}
	return g, set, open
}

func newPatterns(res []*regex) []*pattern {
	out := make([]*pattern, len(res))
	for i, re := range res {
		out[i] = patternOf(re)
	}
	return out
}

// candidates returns the patterns that may match in t: all, or only those
// the gate does not cover when t holds none of its literals; none when the
// keywords rule t out.
func (m *patternMatcher) candidates(t *Text) []*pattern {
	pats := m.patterns()
	if m.gate != nil && !plainSearch && !t.literals(m.gateSet).anyPresent(m.gate) {
		pats = m.open
	}
	if !m.mayMatch(t, pats) {
		return nil
	}
	return pats
}

func (m *patternMatcher) find(t *Text, emit func(Match)) {
	var idle idlePatterns
	for _, p := range m.candidates(t) {
		if idle.skip(t, p) {
			continue
		}
		for _, loc := range p.findAll(t) {
			s, e := loc[0], loc[1]
			if m.group > 0 && 2*m.group+1 < len(loc) {
				s, e = loc[2*m.group], loc[2*m.group+1]
			}
			if s < 0 || s >= e {
				continue
			}
			emit(Match{Start: s, End: e, Why: p.why})
		}
	}
}

// findSpans is find for a rule whose findings widen to their sentence
// (WidenSentence): where a match starts and ends inside its sentence changes
// nothing but the firm part of the finding, so a match is the span from the
// first start to the last end that the DFAs see in a window, and the regexp
// engine never runs (nor is compiled) unless the DFAs cannot tell. Groups
// are not used: the span is where the pattern matches as a whole.
func (m *patternMatcher) findSpans(t *Text, emit func(Match)) {
	var idle idlePatterns
	for _, p := range m.candidates(t) {
		if idle.skip(t, p) {
			continue
		}
		p.spans(t, func(s, e int) {
			if s < e {
				emit(Match{Start: s, End: e, Why: p.why})
			}
		})
	}
}

// idlePatterns tells a rule's loop which patterns have no window in a
// text: a windowed pattern none of whose first clause's literals occurs.
// Most of a rule's patterns meet none of their anchors in most texts, and
// one test of the text's sorted hits then stands for a call that would look
// the text's literals up again and find nothing (millions of calls over a
// corpus).
type idlePatterns struct {
	lm *litMemo
}

// skip reports whether p has no window in t, so its search would find
// nothing.
func (s *idlePatterns) skip(t *Text, p *pattern) bool {
	if plainSearch || len(p.clauses) == 0 || !p.window {
		return false
	}
	if s.lm == nil || s.lm.set != p.set {
		s.lm = t.literals(p.set)
	}
	return !s.lm.mayAnchor(p.num)
}

// mayMatch applies the keywords. The derived literals are checked first:
// they are bit tests on the segment's shared literal scan, while keywords
// are a substring search each.
func (m *patternMatcher) mayMatch(t *Text, pats []*pattern) bool {
	if len(m.keywords) == 0 {
		return true
	}
	some := false
	for _, p := range pats {
		if p.mayMatch(t) {
			some = true
			break
		}
	}
	if !some {
		return false
	}
	for _, k := range m.keywords {
		if strings.Contains(t.lower(), k) {
			return true
		}
	}
	return false
}
