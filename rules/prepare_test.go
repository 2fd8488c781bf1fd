package rules

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPrepare: preparing a set alongside a scan (as Scanner does; run
// with -race) changes no match, and prepares every pattern rule.
func TestPrepare(t *testing.T) {
	src := "On Friday, 14 March 2023 a team of 12 officers, posing as tourists, met the informant at +63 917 555 0142."
	find := func(set *Set) [][]Match { return eachRuleFinds(set, src) }
	want := find(builtinSet(t))

	prepared := builtinSet(t)
	var wg sync.WaitGroup
	wg.Go(prepared.prepare)
	got := find(prepared)
	wg.Wait()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("matches alongside Prepare differ (-alone +prepared):\n%s", diff)
	}

	fresh := builtinSet(t)
	fresh.prepare()
	n := 0
	for _, r := range fresh.Rules {
		if m, ok := r.matcher.(*patternMatcher); ok {
			n++
			if m.pats == nil || m.nums == nil {
				t.Fatalf("%s: not prepared", r.ID)
			}
		}
	}
	if n == 0 {
		t.Fatal("no pattern rules")
	}
}

// eachRuleFinds returns what each rule of set finds in src, a paragraph,
// in the set's order: runs that must not differ compare these.
func eachRuleFinds(set *Set, src string) [][]Match {
	var out [][]Match
	text := NewText(src, "paragraph")
	for _, r := range set.Rules {
		out = append(out, r.Find(text))
	}
	return out
}
