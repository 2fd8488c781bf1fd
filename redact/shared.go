package redact

import (
	"sync"

	"github.com/rescue-stories/redact/rules"
)

// maxShared is the largest chunk of texts matchShared shares: a run's
// first chunk (chunkBytes at most, and one segment more).
const maxShared = 2 * chunkBytes

// matchShared is match on two goroutines, for the first chunk of texts a
// scanner runs. A one-story run spends most of its time there, in work
// done once per run (DFA states built, regexps compiled, word lists
// indexed): half of a 4 KB story's 40 ms, against 2.5 ms to scan it
// again. This goroutine takes the rules from the first, a second one from
// the last, until they meet, so that each rule's first-use work is done
// once, by one of them, and the two finish together whatever the rules
// cost. The second goroutine runs its rules over texts of its own,
// tokenised again from the same segments (a Text caches what rules ask
// of it and is not for two goroutines): each rule's matches are those
// match finds, and are taken up in the order of rules, as match does.
func (s *Scanner) matchShared(texts []chunkText, finder *rules.Finder) {
	rs := s.set.Rules
	n := len(texts)
	found := make([][]rules.Match, len(rs)*n) // found[i*n+k]: rule i in text k
	var mu sync.Mutex
	lo, hi := 0, len(rs) // the rules not taken yet
	take := func(first bool) int {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case lo >= hi:
			return -1
		case first:
			lo++
			return lo - 1
		}
		hi--
		return hi
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		own := make([]*rules.Text, n)
		for k := range texts {
			own[k] = rules.NewText(texts[k].t.Src, texts[k].t.Scope)
		}
		f := rules.NewFinder()
		for i := take(false); i >= 0; i = take(false) {
			for k, t := range own {
				found[i*n+k] = f.Find(rs[i], t)
			}
		}
	})
	for i := take(true); i >= 0; i = take(true) {
		for k := range texts {
			found[i*n+k] = finder.Find(rs[i], texts[k].t)
		}
	}
	wg.Wait()
	for i, r := range rs {
		for k := range texts {
			if ms := found[i*n+k]; len(ms) > 0 {
				texts[k].found = append(texts[k].found, ruleFound{r, ms})
			}
		}
	}
}
