package rules

// mergeSortStable sorts s stably by cmp with a buffer of half its length:
// n log n comparisons and moves, where slices.SortStableFunc (in place,
// insertion sort and rotations) took n log² n; sorting the packs' term
// lists when they load was 4 % of a one-story run's instructions.
func mergeSortStable[T any](s []T, cmp func(a, b T) int) {
	buf := make([]T, len(s)/2)
	mergeSortInto(s, buf, cmp)
}

func mergeSortInto[T any](s, buf []T, cmp func(a, b T) int) {
	if len(s) <= 12 {
		for i := 1; i < len(s); i++ {
			for j := i; j > 0 && cmp(s[j], s[j-1]) < 0; j-- {
				s[j], s[j-1] = s[j-1], s[j]
			}
		}
		return
	}
	m := len(s) / 2
	mergeSortInto(s[:m], buf, cmp)
	mergeSortInto(s[m:], buf, cmp)
	if cmp(s[m], s[m-1]) >= 0 {
		return // in order already
	}
	// Merge: the left half from buf, ties to it (stable).
	left := buf[:m]
	copy(left, s[:m])
	i, j, k := 0, m, 0
	for i < len(left) && j < len(s) {
		if cmp(s[j], left[i]) < 0 {
			s[k] = s[j]
			j++
		} else {
			s[k] = left[i]
			i++
		}
		k++
	}
	copy(s[k:], left[i:])
}
