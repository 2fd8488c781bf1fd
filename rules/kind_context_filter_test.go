package rules

import "testing"

// TestCueFilter: the bit filter in front of a cue index never turns away
// a token that starts a cue, for every built-in context rule on every
// token of the drafts and on every cue's own first word.
func TestCueFilter(t *testing.T) {
	set := builtinSet(t)
	texts := draftTexts(t)
	rules, starts := 0, 0
	for _, r := range set.Rules {
		m, ok := r.matcher.(*contextMatcher)
		if !ok {
			continue
		}
		m.once.Do(func() { m.beforeIdx, m.afterIdx = newCueIndex(m.before), newCueIndex(m.after) })
		for _, idx := range []*cueIndex{m.beforeIdx, m.afterIdx} {
			if idx == nil {
				continue
			}
			rules++
			var firsts []string
			for k := range idx.first {
				firsts = append(firsts, k)
			}
			for _, s := range append(texts, firsts...) {
				text := NewText(s, "paragraph")
				for i := range text.Tokens {
					want := idx.lookup(text.Tokens[i].Key, keyHash(text.Tokens[i].Key), 255)
					if got := idx.words(text, i, 255); got != want {
						t.Fatalf("rule %s, token %q: words %d, the table says %d", r.ID, text.Tokens[i].Key, got, want)
					}
					if want > 0 {
						starts++
						if idx.absent(text, i) {
							t.Fatalf("rule %s: the filter turns away %q, which starts a cue", r.ID, text.Tokens[i].Key)
						}
					}
				}
			}
		}
	}
	if rules == 0 || starts == 0 {
		t.Fatalf("%d cue indexes, %d cue starts: nothing compared", rules, starts)
	}
}
