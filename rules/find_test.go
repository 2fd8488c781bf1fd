package rules

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestFindSortOrder checks that slices.SortFunc orders matches exactly as
// sort.Slice did, ties included (both are the same pdqsort): a rule's
// equal spans reach the merge in the order they always had.
func TestFindSortOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for it := range 3000 {
		n := r.IntN(60)
		if it%100 == 0 {
			n = r.IntN(3000)
		}
		a := make([]Match, n)
		for i := range a {
			s := r.IntN(1 + n/3)
			a[i] = Match{Start: s, End: s + 1 + r.IntN(3), Why: string(rune('a' + i%26)), Likelihood: i}
		}
		b := slices.Clone(a)
		sort.Slice(a, func(i, j int) bool {
			if a[i].Start != a[j].Start {
				return a[i].Start < a[j].Start
			}
			return a[i].End > a[j].End
		})
		slices.SortFunc(b, func(x, y Match) int {
			if x.Start != y.Start {
				return cmp.Compare(x.Start, y.Start)
			}
			return cmp.Compare(y.End, x.End)
		})
		for i := range a {
			if a[i].Likelihood != b[i].Likelihood {
				t.Fatalf("n=%d: order differs at %d", n, i)
			}
		}
	}
}

// TestFindAllocs checks that a rule that finds nothing allocates nothing.
func TestFindAllocs(t *testing.T) {
	set := builtinSet(t)
	tx := NewText("nothing to see in these plain words here", "paragraph")
	checked := 0
	for _, r := range set.Rules {
		if r.Kind != "context" {
			continue
		}
		checked++
		r.Find(tx)
		if allocs := testing.AllocsPerRun(50, func() { r.Find(tx) }); allocs > 0 {
			t.Errorf("%s: Find allocates %v times with no match", r.ID, allocs)
		}
	}
	if checked == 0 {
		t.Fatal("no context rule in the default packs")
	}
}
