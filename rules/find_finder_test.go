package rules

import (
	"reflect"
	"strings"
	"testing"
)

// TestFinderSameAsFind: a Finder reused for every rule and text finds what
// Rule.Find finds, call after call (its collector is left empty).
func TestFinderSameAsFind(t *testing.T) {
	set := builtinSet(t)
	x := NewFinder()
	n := 0
	for _, s := range draftTexts(t) {
		text := NewText(s, "paragraph")
		for _, r := range set.Rules {
			want := r.Find(text)
			got := x.Find(r, text)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("rule %s on %q: Finder found %v, Find %v", r.ID, s, got, want)
			}
			n += len(got)
		}
	}
	if n == 0 {
		t.Fatal("no matches: the test compares nothing")
	}
}

// TestFinderKeepsResults: the results a Finder hands out share slabs
// (finder.keep) and must stay as they were while it goes on: every result
// of a run over the drafts, and over a text with more matches than a slab
// takes, is compared at the end with a fresh collector's.
func TestFinderKeepsResults(t *testing.T) {
	set := builtinSet(t)
	x := NewFinder()
	type call struct {
		r    *Rule
		text *Text
		got  []Match
	}
	var calls []call
	long := strings.Repeat("Maria Santos met Juan Cruz and Ana Reyes in Manila on 3 May 2023. ", 30)
	big := 0
	for _, s := range append(draftTexts(t), long) {
		text := NewText(s, "paragraph")
		for _, r := range set.Rules {
			got := x.Find(r, text)
			if len(got) > 0 {
				calls = append(calls, call{r, text, got})
			}
			if len(got) > matchSlab/4 {
				big++
			}
		}
	}
	if len(calls) < 100 || big == 0 {
		t.Fatalf("%d calls with matches, %d larger than a slab's share: the test compares too little", len(calls), big)
	}
	for _, c := range calls {
		if want := c.r.findWith(newFinder(), c.text); !reflect.DeepEqual(c.got, want) {
			t.Fatalf("rule %s on %q: kept %v, want %v", c.r.ID, c.text.Src, c.got, want)
		}
		if cap(c.got) != len(c.got) {
			t.Fatalf("rule %s: a result with room past its end (%d of %d) could be appended over the next", c.r.ID, len(c.got), cap(c.got))
		}
	}
}
