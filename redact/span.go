package redact

import (
	"sync"
	"unicode/utf8"
)

// Span is a byte range of a file, End exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether two spans share a byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Pos is a 1-based line and column; the column counts characters (runes),
// not counting a UTF-8 byte order mark, which editors do not show.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// LineIndex maps byte offsets to line and column.
type LineIndex struct {
	src   []byte
	start []int

	// The last column computed, so that offsets asked for in order along
	// one long line cost the bytes between them rather than the whole line
	// again (a 10 MB single-line file would otherwise be quadratic).
	mu                         sync.Mutex
	memoLine, memoOff, memoCol int
}

// NewLineIndex indexes the line starts of src. Lines end with LF, CRLF or a
// lone CR (old Mac files, some chat exports), as in CommonMark, so mixed line
// endings still give the line numbers an editor shows.
func NewLineIndex(src []byte) *LineIndex {
	li := &LineIndex{src: src, start: []int{0}}
	for i, b := range src {
		if b == '\n' || (b == '\r' && (i+1 == len(src) || src[i+1] != '\n')) {
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
	return Pos{Line: line + 1, Col: li.col(line, off)}
}

// col counts the runes from the start of line to off, plus one. Counting
// resumes from the memo only where the memo offset starts a rune: no UTF-8
// sequence, valid or not, is decoded across such a byte, so the count is the
// same as counting from the line start, whatever order offsets come in.
func (li *LineIndex) col(line, off int) int {
	from, n := li.start[line], 0
	if line == 0 && off >= 3 && len(li.src) >= 3 && li.src[0] == 0xEF && li.src[1] == 0xBB && li.src[2] == 0xBF {
		from = 3
	}
	li.mu.Lock()
	defer li.mu.Unlock()
	if li.memoLine == line && li.memoOff > from && li.memoOff <= off &&
		li.memoOff < len(li.src) && utf8.RuneStart(li.src[li.memoOff]) {
		from, n = li.memoOff, li.memoCol-1
	}
	n += utf8.RuneCount(li.src[from:off])
	li.memoLine, li.memoOff, li.memoCol = line, off, n+1
	return n + 1
}

// LineBounds returns the byte range of the 1-based line n, without its line
// ending (LF, CRLF or CR).
func (li *LineIndex) LineBounds(n int) (int, int) {
	s := li.start[n-1]
	e := len(li.src)
	if n < len(li.start) {
		e = li.start[n] - 1
		if li.src[e] == '\n' && e > s && li.src[e-1] == '\r' {
			e--
		}
	}
	return s, e
}
