package rules

// soloPrefilter returns pf with its literals in a literal set of its own.
// Patterns searched outside the packs (FindAllIndex: the pseudonym markers,
// once per document) would otherwise scan each text with the automaton of
// every pack literal, over a thousand of them, for the one or two they
// need; their own automaton is a few states that stay in the first-level
// cache. pf must be fresh from analysePattern (its DFAs not built yet).
func soloPrefilter(pf *prefilter) *prefilter {
	if pf == nil || len(pf.clauses) == 0 {
		return pf
	}
	ls := &litSet{ids: map[string]int32{}}
	solo := &prefilter{
		why:    pf.why,
		set:    ls,
		window: pf.window,
		alpha:  pf.alpha,
		minLen: pf.minLen,
		tree:   pf.tree,
		snap:   pf.snap,
	}
	for _, c := range pf.clauses {
		nc := clause{lits: c.lits}
		for _, l := range c.lits {
			id, ok := ls.ids[l]
			if !ok {
				id = int32(len(ls.list))
				ls.ids[l] = id
				ls.list = append(ls.list, l)
			}
			nc.ids = append(nc.ids, id)
			for int(id/64) >= len(nc.set) {
				nc.set = append(nc.set, 0)
			}
			nc.set[id/64] |= 1 << (id % 64)
		}
		solo.clauses = append(solo.clauses, nc)
	}
	ls.count.Store(int32(len(ls.list)))
	return solo
}
