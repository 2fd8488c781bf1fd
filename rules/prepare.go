package rules

import "runtime"

// Prepare analyses, on another goroutine, the patterns of the set's
// pattern rules, from the last rule back: what the first text any of
// them meets sets off (analyseBatch: every pattern of the packs at once,
// about a millisecond) and what each rule then sets up of its own. The
// scanner calls it at its first document, which it then parses while
// this runs. Nothing depends on it: a rule asked first does the same
// work itself, once.
func (s *Set) Prepare() {
	if runtime.GOMAXPROCS(0) < 2 {
		return
	}
	go s.prepare()
}

func (s *Set) prepare() {
	for i := len(s.Rules) - 1; i >= 0; i-- {
		if m, ok := s.Rules[i].matcher.(*patternMatcher); ok {
			m.patterns()
		}
	}
}
