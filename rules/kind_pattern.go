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
}

func (m *patternMatcher) patterns() []*pattern {
	m.once.Do(func() { m.pats = newPatterns(m.res) })
	return m.pats
}

func newPatterns(res []*regex) []*pattern {
	out := make([]*pattern, len(res))
	for i, re := range res {
		out[i] = patternOf(re)
	}
	return out
}

func (m *patternMatcher) find(t *Text, emit func(Match)) {
	pats := m.patterns()
	if !m.mayMatch(t, pats) {
		return
	}
	for _, p := range pats {
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
		if strings.Contains(t.Lower, k) {
			return true
		}
	}
	return false
}
