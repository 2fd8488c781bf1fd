package rules

// Preload decodes, on another goroutine, what loading the built-in packs
// and scanning a first text read before anything else: the prefilter
// snapshot (every built-in pattern's entry, 3 to 4 ms of a one-story run,
// which the first pack to compile a pattern waited for while the other
// packs waited for it) and the check of its literal automaton's tables
// (1.6 MB read once, on the path of the first text). Both are decoded
// once, whoever asks first, and are the same whether preloaded or not:
// Preload only moves the work. A command calls it as early as it can,
// while the other packages of the program initialise on one core and the
// second is idle.
func Preload() {
	go func() {
		loadSnapshot()
		if s := snapshot.auto; s != nil {
			s.automaton()
		}
	}()
}
