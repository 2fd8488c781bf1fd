package markdown

import (
	"fmt"
	"slices"
)

// strict makes finish panic instead of repairing segments that break the
// invariant. Tests turn it on so that fuzzing reports bugs rather than having
// them silently repaired.
var strict = false

// builder collects segments with offsets into the whole source.
type builder struct {
	src  []byte
	segs []Segment
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// trim narrows [s,e) to exclude leading and trailing ASCII white space.
func trim(src []byte, s, e int) (int, int) {
	for s < e && isSpace(src[s]) {
		s++
	}
	for e > s && isSpace(src[e-1]) {
		e--
	}
	return s, e
}

// add appends a segment for [s,e) of the whole source, trimmed of white
// space; nothing is added if it is empty or out of bounds.
func (b *builder) add(sc Scope, s, e int) {
	if s < 0 || e > len(b.src) {
		if strict {
			panic(fmt.Sprintf("markdown: segment [%d,%d) out of bounds (len %d)", s, e, len(b.src)))
		}
		return
	}
	s, e = trim(b.src, s, e)
	if s < e {
		b.segs = append(b.segs, Segment{Scope: sc, Start: s, End: e})
	}
}

// finish returns the segments ordered by Start. Out of bounds, empty and
// overlapping segments would be bugs; in strict mode they panic, otherwise
// they are dropped or clipped so the invariant always holds for callers.
func (b *builder) finish() []Segment {
	segs := b.segs
	if !slices.IsSortedFunc(segs, cmpStart) {
		slices.SortStableFunc(segs, cmpStart)
	}
	out := segs[:0]
	prev := 0
	for _, s := range segs {
		bad := s.Start < prev || s.Start >= s.End || s.End > len(b.src)
		if bad && strict {
			panic(fmt.Sprintf("markdown: segment %v breaks the invariant (previous end %d, len %d)", s, prev, len(b.src)))
		}
		if s.Start < prev {
			s.Start = prev
		}
		if s.End > len(b.src) {
			s.End = len(b.src)
		}
		if s.Start >= s.End {
			continue
		}
		out = append(out, s)
		prev = s.End
	}
	return out
}

func cmpStart(a, b Segment) int { return a.Start - b.Start }
