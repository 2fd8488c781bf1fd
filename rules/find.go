package rules

import "sync"

// finder collects one Rule.Find's matches. Its emit func is bound once,
// when the pool makes it, so a Find that matches nothing allocates nothing.
type finder struct {
	r    *Rule
	t    *Text
	out  []Match
	emit func(Match)
}

var finders = sync.Pool{New: func() any {
	f := new(finder)
	f.emit = f.add
	return f
}}

func (f *finder) add(m Match) {
	if f.r.accept(f.t, &m) {
		f.out = append(f.out, m)
	}
}
