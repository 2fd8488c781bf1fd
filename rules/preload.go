package rules

// Preload prepares, on another goroutine, what loading the built-in packs
// and scanning a first document read before anything else, in the order
// they are asked for: the CRC-32C table (packs.snap's entries are found
// by checksum), the prefilter snapshot (every built-in pattern's entry,
// 3 to 4 ms of a one-story run, which the first pack to compile a pattern
// decoded while the other packs waited for it), the check of its literal
// automaton's tables (1.6 MB read once, on the path of the first text),
// and the pseudonym markers' regexp and prefilter (the first document's).
// Each is made once, whoever asks first, and is the same whether
// preloaded or not: Preload only moves the work. A command calls it as
// early as it can, while the other packages of the program initialise on
// one core and the second is idle.
func Preload() {
	go func() {
		castagnoli()
		loadSnapshot()
		if s := snapshot.auto; s != nil {
			s.automaton()
		}
		FindPseudonyms("")
	}()
}
