package redact

import "unicode/utf8"

// Span is a byte range of a file, End exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether two spans share a byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Pos is a 1-based line and column; the column counts characters (runes).
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// LineIndex maps byte offsets to line and column.
type LineIndex struct {
	src   []byte
	start []int
}

// NewLineIndex indexes the line starts of src.
func NewLineIndex(src []byte) *LineIndex {
	li := &LineIndex{src: src, start: []int{0}}
	for i, b := range src {
		if b == '\n' {
			li.start = append(li.start, i+1)
		}
	}
	return li
}

// Pos returns the position of byte offset off.
func (li *LineIndex) Pos(off int) Pos {
	lo, hi := 0, len(li.start)
	for lo < hi {
		mid := (lo + hi) / 2
		if li.start[mid] <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	line := lo - 1
	return Pos{Line: line + 1, Col: utf8.RuneCount(li.src[li.start[line]:off]) + 1}
}

// LineBounds returns the byte range of the 1-based line n, without its newline.
func (li *LineIndex) LineBounds(n int) (int, int) {
	s := li.start[n-1]
	e := len(li.src)
	if n < len(li.start) {
		e = li.start[n] - 1
	}
	return s, e
}
