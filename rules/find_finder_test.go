package rules

import (
	"reflect"
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
