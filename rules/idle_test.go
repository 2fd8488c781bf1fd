package rules

import (
	"testing"
)

// TestIdlePatternsSkipNothing: a pattern the rule loops pass over as idle
// in a text has no match there, for every built-in pattern rule over the
// drafts; and some are passed over, or the test would prove nothing.
func TestIdlePatternsSkipNothing(t *testing.T) {
	var texts []*Text
	for _, src := range draftTexts(t) {
		texts = append(texts, NewText(src, "paragraph"))
	}
	skipped, kept := 0, 0
	for _, r := range builtinSet(t).Rules {
		m, ok := r.matcher.(*patternMatcher)
		if !ok {
			continue
		}
		for _, text := range texts {
			var idle idlePatterns
			for _, p := range m.patterns() {
				if !idle.skip(text, p) {
					kept++
					continue
				}
				skipped++
				if locs := p.re.FindAllStringSubmatchIndex(text.Src, -1); len(locs) > 0 {
					t.Fatalf("rule %s: pattern %q passed over in %q, which it matches at %v", r.ID, p.re, text.Src, locs)
				}
			}
		}
	}
	if skipped == 0 || kept == 0 {
		t.Fatalf("%d patterns passed over, %d kept: want some of each", skipped, kept)
	}
}

// TestMayAnchorNewPattern: a pattern added to a literal set after a text
// was scanned is never taken as idle on the old scan's hits.
func TestMayAnchorNewPattern(t *testing.T) {
	ls := newLitSet()
	_, first := ls.intern([][]string{{"alpha"}})
	text := &Text{Src: "alpha beta"}
	lm := text.literals(ls)
	if !lm.mayAnchor(first) {
		t.Fatal("alpha occurs: the first pattern may anchor")
	}
	_, second := ls.intern([][]string{{"beta"}})
	if !lm.mayAnchor(second) {
		t.Fatal("a pattern newer than the scan must not be taken as idle")
	}
	lm = text.literals(ls) // rescans with the new automaton
	if !lm.mayAnchor(second) {
		t.Fatal("beta occurs: the second pattern may anchor")
	}
	_, third := ls.intern([][]string{{"gamma"}})
	if lm = text.literals(ls); lm.mayAnchor(third) {
		t.Fatal("gamma does not occur: the third pattern is idle")
	}
}
