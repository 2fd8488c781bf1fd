package rules

// Preload prepares, on another goroutine, what loading the built-in packs
// and scanning a first document read before anything else: the prefilter
// snapshot (every built-in pattern's entry, 3 to 4 ms of a one-story run,
// which the first pack to compile a pattern decoded while the other packs
// waited for it), the CRC-32C table (packs.snap's entries are found by
// checksum; a pack asks for it before the snapshot, but makes it in a
// quarter of a millisecond), the check of the snapshot's literal
// automaton (1.6 MB read once, on the path of the first text), and the
// pseudonym markers' regexp, prefilter and DFAs (the first document's).
// Each is made once, whoever asks first, and is the same whether
// preloaded or not: Preload only moves the work. A command calls it as
// early as it can, while the other packages of the program initialise on
// one core and the second is idle.
func Preload() {
	go func() {
		loadSnapshot()
		castagnoli()
		if s := snapshot.auto; s != nil {
			s.automaton()
		}
		// A marked name: its DFAs' programs are compiled too.
		FindPseudonyms("Ana* left.")
	}()
}
