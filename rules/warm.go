package rules

import "runtime"

// maxWarm is the longest document Warm works ahead on.
const maxWarm = 256 << 10

// Warm prepares, on another goroutine, what scanning src will need of the
// pattern rules: the DFAs, with the states the scan's windows lead them
// through, and the regexp of every pattern whose DFAs say it matches in one
// of those windows. A short run (one story, a
// pre-commit hook) otherwise builds them one after another on its critical
// path; with a second core the work overlaps the scan. It goes from the
// last rule to the first, so the scan, which meets them first to last,
// and the warm-up meet in the middle instead of queueing for the same
// pattern. Nothing depends on it: whatever it has not built by the time
// the scan needs it is built then, once.
func (s *Set) Warm(src string) {
	// On a long document the warm-up's DFA runs over the whole text would
	// cost more than the compiling they save.
	if runtime.GOMAXPROCS(0) < 2 || len(src) > maxWarm {
		return
	}
	go s.warm(src)
}

func (s *Set) warm(src string) {
	t := &Text{Src: src}
	for i := len(s.Rules) - 1; i >= 0; i-- {
		m, ok := s.Rules[i].matcher.(*patternMatcher)
		if !ok {
			continue
		}
		pats := m.patterns()
		for j := len(pats) - 1; j >= 0; j-- {
			// The scan's own windows: a DFA run over the whole text would
			// build states no window needs.
			p, match := pats[j], false
			p.windows(t, func(lo, hi, min, stop int) {
				if !match {
					_, _, _, _, match = p.boundsBefore(src[lo:hi], min-lo, stop-lo)
				}
			})
			if match && !s.Rules[i].bySpans() {
				p.re.Regexp()
			}
		}
	}
}
