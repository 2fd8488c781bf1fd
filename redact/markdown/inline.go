package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// inline splits the raw source of one block whose content is inline text
// (a paragraph, heading, table cell) into segments. goldmark gives the
// block's exact line range; inside it a small lexer over the raw bytes finds
// what must be scoped apart: link and image destinations, autolinks, code
// spans and inline HTML. Everything else is prose in the block's scope, kept
// with its inline markup (see the package doc).
type inline struct {
	w     *walker
	scope Scope
	pos   int // start of the prose not yet emitted (body offsets)
	end   int // end of the block's last line
}

func newInline(w *walker, lines []text.Segment, scope Scope) *inline {
	x := &inline{w: w, scope: scope}
	if len(lines) > 0 {
		x.pos, x.end = lines[0].Start, lines[len(lines)-1].Stop
	}
	if x.end > len(w.src) {
		x.end = len(w.src)
	}
	if x.pos > x.end {
		x.pos = x.end
	}
	return x
}

// flush emits the prose between pos and upTo, unless it holds only ASCII
// punctuation and white space (the ", " between two links).
func (x *inline) flush(upTo int) {
	if upTo > x.end {
		upTo = x.end
	}
	if upTo <= x.pos {
		return
	}
	if hasWordByte(x.w.src[x.pos:upTo]) {
		x.w.add(x.scope, x.pos, upTo)
	}
	x.pos = upTo
}

func hasWordByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
	}
	return false
}

// emit flushes the prose before s and adds [s,e) in scope sc.
func (x *inline) emit(sc Scope, s, e int) {
	x.flush(s)
	if e > x.end {
		e = x.end
	}
	if s < e {
		x.w.add(sc, s, e)
	}
	if e > x.pos {
		x.pos = e
	}
}

// walk lexes the block. The node is not needed: positions come from the
// block's lines, and the lexer follows CommonMark's inline syntax closely
// enough for scoping (a misjudged construct only changes a scope, never an
// offset).
func (x *inline) walk(_ ast.Node) {
	src := x.w.src
	i := x.pos
	for i < x.end {
		switch c := src[i]; c {
		case '\\':
			i += 2
		case '`':
			n := run(src, i, x.end, '`')
			if j := closingRun(src, i+n, x.end, n); j >= 0 {
				x.flush(i) // the opening backticks are syntax
				x.emit(Code, i+n, j)
				i = j + n
				x.pos = i
				continue
			}
			i += n
		case '<':
			if j := x.angle(i); j > i {
				i = j
				continue
			}
			i++
		case '!':
			if i+1 < x.end && src[i+1] == '[' && x.linkOpen(i, i+2) {
				i += 2
				continue
			}
			i++
		case '[':
			if x.linkOpen(i, i+1) {
				i++
				continue
			}
			i++
		case ']':
			if i+1 < x.end && src[i+1] == '(' {
				x.flush(i) // the link text or image alt text
				i = x.destination(i + 2)
				continue
			}
			if i+1 < x.end && src[i+1] == '[' {
				if j := closeBracket(src, i+2, x.end); j >= 0 {
					x.flush(i)
					x.emit(LinkLabel, i+2, j)
					x.pos = j + 1
					i = j + 1
					continue
				}
			}
			i++
		default:
			i++
		}
	}
}

// linkOpen handles "[" or "![" at i whose text starts at text: when the
// matching "]" is followed by "(" or "[", it is a link or image, so the prose
// before it is emitted and the link text becomes a segment of its own.
func (x *inline) linkOpen(i, text int) bool {
	j := closeBracket(x.w.src, text, x.end)
	if j < 0 || j+1 >= x.end || (x.w.src[j+1] != '(' && x.w.src[j+1] != '[') {
		return false
	}
	x.flush(i)
	x.pos = text
	return true
}

// closeBracket finds the "]" that closes a "[" just before i, allowing nested
// brackets and backslash escapes; -1 if there is none.
func closeBracket(src []byte, i, end int) int {
	depth := 0
	for ; i < end; i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// run counts the bytes equal to c from i.
func run(src []byte, i, end int, c byte) int {
	n := 0
	for i+n < end && src[i+n] == c {
		n++
	}
	return n
}

// closingRun finds a run of exactly n backticks at or after i.
func closingRun(src []byte, i, end, n int) int {
	for i < end {
		if src[i] != '`' {
			i++
			continue
		}
		m := run(src, i, end, '`')
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// angle handles '<' at i: an autolink (<https://…>, <a@b.org>), an HTML
// comment or a tag. It returns the offset after the construct, or i.
func (x *inline) angle(i int) int {
	src := x.w.src
	if hasPrefixAt(src, i, x.end, "<!--") {
		if j := indexAt(src, i+4, x.end, "-->"); j >= 0 {
			x.emit(HTML, i, j+3)
			return j + 3
		}
		x.emit(HTML, i, x.end)
		return x.end
	}
	j := i + 1
	for j < x.end && src[j] != '>' && src[j] != '<' && src[j] != '\n' && src[j] != ' ' {
		j++
	}
	if j < x.end && src[j] == '>' && j > i+1 {
		inner := src[i+1 : j]
		if isAutolink(inner) {
			x.flush(i) // the angle brackets are syntax
			x.emit(LinkURL, i+1, j)
			x.pos = j + 1
			return j + 1
		}
	}
	// A tag: <name ...> or </name>, possibly with attributes and spaces.
	k := i + 1
	if k < x.end && src[k] == '/' {
		k++
	}
	if k < x.end && (src[k]|0x20 >= 'a' && src[k]|0x20 <= 'z') {
		if e := indexAt(src, k, x.end, ">"); e >= 0 {
			x.emit(HTML, i, e+1)
			return e + 1
		}
	}
	return i
}

func isAutolink(b []byte) bool {
	colon, at := -1, -1
	for k, c := range b {
		if c == ':' && colon < 0 {
			colon = k
		}
		if c == '@' {
			at = k
		}
	}
	return colon >= 2 || (at > 0 && at < len(b)-1)
}

// destination handles a link or image destination starting at i (just after
// "]("): the URL or file name is LinkURL, a title stays prose.
func (x *inline) destination(i int) int {
	src := x.w.src
	for i < x.end && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n') {
		i++
	}
	if i < x.end && src[i] == '<' {
		e := i + 1
		for e < x.end && src[e] != '>' && src[e] != '\n' {
			e++
		}
		x.emit(LinkURL, i+1, e)
		return min(e+1, x.end)
	}
	e, depth := i, 0
	for e < x.end {
		c := src[e]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		if c == '\\' && e+1 < x.end {
			e += 2
			continue
		}
		if c == '(' {
			depth++
		}
		if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
		e++
	}
	if e > i {
		x.emit(LinkURL, i, e)
	}
	// Without a title the closing ")" is syntax too; a title stays prose.
	k := e
	for k < x.end && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
		k++
	}
	if k < x.end && src[k] == ')' {
		x.pos = max(x.pos, k+1)
		return k + 1
	}
	return e
}

func hasPrefixAt(src []byte, i, end int, p string) bool {
	return i+len(p) <= end && string(src[i:i+len(p)]) == p
}

func indexAt(src []byte, i, end int, p string) int {
	for k := i; k+len(p) <= end; k++ {
		if string(src[k:k+len(p)]) == p {
			return k
		}
	}
	return -1
}

// definition splits a link reference definition "[label]: url "title"".
func (x *inline) definition() {
	src := x.w.src
	i := x.pos
	for i < x.end && src[i] != '[' {
		i++
	}
	j := i + 1
	for j < x.end && src[j] != ']' {
		if src[j] == '\\' {
			j++
		}
		j++
	}
	if i >= x.end || j >= x.end {
		return
	}
	x.emit(LinkLabel, i+1, j)
	k := j + 1
	if k < x.end && src[k] == ':' {
		k++
	}
	x.pos = k
	e := x.destination(k)
	x.pos = e
}
