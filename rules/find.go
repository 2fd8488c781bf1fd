package rules

import "sync"

// finder collects one Rule.Find's matches. Its emit func is bound once,
// when the pool makes it, so a Find that matches nothing allocates nothing.
type finder struct {
	r    *Rule
	t    *Text
	out  []Match // the matches of the current call; its array is reused
	emit func(Match)
	// slab is the rest of the array the results are copied to (keep),
	// never handed out twice.
	slab []Match
}

// matchSlab is how many matches keep allocates at a time.
const matchSlab = 128

// keep returns a copy of ms, the matches of one call, and clears ms. The
// results were appended to a new slice at every call that found
// something, grown a match at a time (some 100,000 slices over a corpus
// of 6 MB); they are gathered in one array now and copied at their size
// into slabs that hold the results of many calls.
func (f *finder) keep(ms []Match) []Match {
	n := len(ms)
	var out []Match
	if n > matchSlab/4 {
		out = make([]Match, n)
	} else {
		if len(f.slab) < n {
			f.slab = make([]Match, matchSlab)
		}
		out, f.slab = f.slab[:n:n], f.slab[n:]
	}
	copy(out, ms)
	clear(ms) // no pointers kept from the last call
	return out
}

var finders = sync.Pool{New: func() any { return newFinder() }}

func newFinder() *finder {
	f := new(finder)
	f.emit = f.add
	return f
}

// A Finder runs rules one after another with one collector. The scanner
// calls a rule on every segment, some two million times over a corpus of
// 6 MB, and taking a collector from the pool and putting it back at every
// call was 2 % of a scan's instructions. A Finder is for one goroutine.
type Finder struct{ f *finder }

// NewFinder returns a Finder.
func NewFinder() *Finder { return &Finder{newFinder()} }

// Find is r.Find(t).
func (x *Finder) Find(r *Rule, t *Text) []Match { return r.findWith(x.f, t) }

func (f *finder) add(m Match) {
	if f.r.accept(f.t, &m) {
		f.out = append(f.out, m)
	}
}
