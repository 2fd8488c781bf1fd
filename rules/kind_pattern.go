package rules

import (
	"regexp"
	"strings"
)

// patternMatcher runs RE2 patterns. Keywords, when given, are a prefilter (as
// gitleaks does): a segment that contains none of them, case-insensitively, is
// never handed to the regexp engine.
type patternMatcher struct {
	res      []*regexp.Regexp
	group    int
	keywords []string
}

func (m *patternMatcher) find(t *Text, emit func(Match)) {
	if len(m.keywords) > 0 {
		hit := false
		for _, k := range m.keywords {
			if strings.Contains(t.Lower, k) {
				hit = true
				break
			}
		}
		if !hit {
			return
		}
	}
	for _, re := range m.res {
		for _, loc := range re.FindAllStringSubmatchIndex(t.Src, -1) {
			s, e := loc[0], loc[1]
			if m.group > 0 && 2*m.group+1 < len(loc) {
				s, e = loc[2*m.group], loc[2*m.group+1]
			}
			if s < 0 || s >= e {
				continue
			}
			emit(Match{Start: s, End: e, Why: "pattern " + re.String()})
		}
	}
}
