package cli

import "sync"

// mapParallel calls f on every item on up to workers goroutines and
// returns the results in the items' order, as a sequential run would
// (verify's files, eval's drafts).
func mapParallel[T, R any](items []T, workers int, f func(T) R) []R {
	out := make([]R, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(items))) {
		wg.Go(func() {
			for i := range next {
				out[i] = f(items[i])
			}
		})
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
