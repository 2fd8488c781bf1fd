package rules

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWarm: the warm-up builds the regexps of the patterns a text can
// match, and running it alongside a scan (as Scanner does; run with -race)
// changes no match.
func TestWarm(t *testing.T) {
	src := "On Friday, 14 March 2023 a team of 12 officers, posing as tourists, met the informant at +63 917 555 0142."
	find := func(set *Set) [][]Match {
		var out [][]Match
		text := NewText(src, "paragraph")
		for _, r := range set.Rules {
			out = append(out, r.Find(text))
		}
		return out
	}
	cold := builtinSet(t)
	want := find(cold)

	warm := builtinSet(t)
	var wg sync.WaitGroup
	wg.Go(func() { warm.warm(src) })
	got := find(warm)
	wg.Wait()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("matches with a concurrent warm-up differ (-cold +warm):\n%s", diff)
	}

	fresh := builtinSet(t)
	fresh.warm(src)
	compiled := 0
	for _, r := range fresh.Rules {
		m, ok := r.matcher.(*patternMatcher)
		if !ok {
			continue
		}
		for _, p := range m.patterns() {
			if p.re.re != nil {
				compiled++
			}
		}
	}
	if compiled == 0 {
		t.Fatal("the warm-up compiled no regexp for a text that several patterns match")
	}
}
