package rules

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMergeSortStable: the same order as slices.SortStableFunc, ties
// kept in place, for every length to 200 and a long run, on keys with many
// ties, sorted and reversed inputs.
func TestMergeSortStable(t *testing.T) {
	type item struct{ k, i int }
	byKey := func(a, b item) int { return cmp.Compare(a.k, b.k) }
	rng := rand.New(rand.NewPCG(3, 4))
	var lengths []int
	for n := range 201 {
		lengths = append(lengths, n)
	}
	lengths = append(lengths, 5000)
	for _, n := range lengths {
		for shape := range 4 {
			s := make([]item, n)
			for i := range s {
				switch shape {
				case 0:
					s[i] = item{rng.IntN(n/4 + 1), i}
				case 1:
					s[i] = item{rng.IntN(1 << 20), i}
				case 2:
					s[i] = item{i / 3, i}
				default:
					s[i] = item{(n - i) / 2, i}
				}
			}
			want := slices.Clone(s)
			slices.SortStableFunc(want, byKey)
			mergeSortStable(s, byKey)
			if !slices.Equal(s, want) {
				t.Fatalf("length %d, shape %d: %v, want %v", n, shape, s, want)
			}
		}
	}
}
