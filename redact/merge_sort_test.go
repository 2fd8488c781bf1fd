package redact

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// TestSortStable compares the permutation sort with sort.SliceStable on
// random findings with many ties, the order union and resolve relied on.
func TestSortStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		fs := make([]Finding, n%90)
		for i := range fs {
			s := r.IntN(12)
			fs[i] = Finding{Span: Span{s, s + r.IntN(4)}, Rule: string(rune('a' + i%26)), Why: string(rune('A' + i/26))}
		}
		want := append([]Finding(nil), fs...)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if a.Span.Start != b.Span.Start {
				return a.Span.Start < b.Span.Start
			}
			return a.Span.End > b.Span.End
		})
		got := append([]Finding(nil), fs...)
		sortStable(got, func(a, b *Finding) int {
			if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
				return c
			}
			return cmp.Compare(b.Span.End, a.Span.End)
		})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("n=%d: sortStable differs from sort.SliceStable:\n got %v\nwant %v", len(fs), got, want)
		}
	}
}
