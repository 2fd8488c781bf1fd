package redact

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/rescue-stories/redact/redact/markdown"
)

// Input errors. Scan returns them (wrapped or not) for content it will not
// scan; the CLI turns them into exit code 2 with the file's name, or skips
// binary files it met while walking a directory. docs/limits.md lists them.
var (
	ErrBinary = errors.New("binary file (contains NUL bytes)")
	ErrUTF16  = errors.New("UTF-16 text; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)")
	ErrUTF32  = errors.New("UTF-32 text; convert it to UTF-8 first (e.g. iconv -f UTF-32 -t UTF-8)")
)

// sniffLen is how much of a file CheckInput looks at, as git does to decide
// whether a file is binary: a NUL byte further in is scanned like any byte.
const sniffLen = 8000

// CheckInput refuses content that is not UTF-8 (or ASCII-compatible) text:
// UTF-32 and UTF-16, with or without a byte order mark, and binary data (a
// NUL byte in the first 8000 bytes). Invalid UTF-8 is not refused: it is
// scanned byte by byte, and offsets still count bytes of the file.
func CheckInput(src []byte) error {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}):
		return ErrUTF32
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return fmt.Errorf("%w (little-endian byte order mark)", ErrUTF16)
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return fmt.Errorf("%w (big-endian byte order mark)", ErrUTF16)
	}
	head := src[:min(len(src), sniffLen)]
	if bytes.IndexByte(head, 0) < 0 {
		return nil
	}
	if order := utf16Order(head); order != "" {
		return fmt.Errorf("%w (%s, no byte order mark)", ErrUTF16, order)
	}
	return ErrBinary
}

// checkInput is CheckInput as the scanner's options relax it.
func (s *Scanner) checkInput(src []byte) error {
	err := CheckInput(src)
	if s.opts.Binary && errors.Is(err, ErrBinary) {
		return nil
	}
	return err
}

// utf16Order recognises UTF-16 without a byte order mark by where its NUL
// bytes fall: mostly-ASCII UTF-16 has a NUL in one half of nearly every
// byte pair and almost none in the other. It returns "little-endian",
// "big-endian" or "".
func utf16Order(head []byte) string {
	pairs := len(head) / 2
	if pairs < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i+1 < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= pairs*7 && even*20 <= pairs:
		return "little-endian"
	case even*10 >= pairs*7 && odd*20 <= pairs:
		return "big-endian"
	}
	return ""
}

// Limits on Markdown structure. Goldmark, which parses Markdown, takes time
// that grows with the square of some structures, and memory with the
// product of a table's columns and rows; a few kilobytes crafted for that
// would stall a CI job for hours or exhaust its memory. Files beyond these
// limits are scanned as plain text instead (see MarkdownHazard), which
// still looks at every byte. No real draft comes near them.
const (
	// MaxMarkdownDepth bounds how deeply block quotes and lists nest.
	MaxMarkdownDepth = 100
	// MaxTableCells bounds the cells of all tables together, counting the
	// empty cells a short row is padded with.
	MaxTableCells = 1 << 18
	// maxInlineWork bounds, beyond a budget proportional to the file's
	// size, the sum over paragraphs of (opening brackets and angle
	// brackets) times the paragraph's length: the cost of goldmark looking
	// ahead for a link or an autolink that never closes.
	maxInlineWork     = 1 << 26
	inlineWorkPerByte = 64
)

// Hazard says why a Markdown file is scanned as plain text.
type Hazard struct {
	Line   int // 1-based line where the limit was crossed
	Reason string
}

func (h *Hazard) Error() string {
	return fmt.Sprintf("line %d: %s; scanned as plain text", h.Line, h.Reason)
}

// MarkdownHazard reports the first structure in src that would make parsing
// it as Markdown slow or memory-hungry beyond the limits above, or nil. It
// reads src once, line by line, and allocates nothing for ordinary files.
func MarkdownHazard(src []byte) *Hazard {
	var (
		line       = 0
		paraStart  = -1 // offset of the current paragraph (blank-line separated)
		paraLine   = 0  // and its line
		paraOpens  = 0  // '[' and '<' in it
		inlineWork = 0
		cells      = 0
		tableCols  = 0 // columns of the table being read; 0 outside a table
		prev       []byte
		budget     = maxInlineWork + inlineWorkPerByte*len(src)
	)
	const unclosed = "Markdown with too many unclosed links or angle brackets in one paragraph"
	endPara := func(end int) *Hazard {
		if paraStart >= 0 {
			inlineWork += paraOpens * (end - paraStart)
		}
		paraStart, paraOpens = -1, 0
		if inlineWork > budget {
			return &Hazard{paraLine, unclosed}
		}
		return nil
	}
	for i := 0; i < len(src); line++ {
		ln, next := lineAt(src, i)
		blank := len(bytes.TrimSpace(ln)) == 0
		if blank {
			if h := endPara(i); h != nil {
				return h
			}
			tableCols = 0
		} else {
			if paraStart < 0 {
				paraStart, paraLine = i, line+1
			}
			paraOpens += bytes.Count(ln, []byte("[")) + bytes.Count(ln, []byte("<"))
			if d := containerDepth(ln); d > MaxMarkdownDepth {
				return &Hazard{line + 1, fmt.Sprintf("Markdown nested more than %d levels deep", MaxMarkdownDepth)}
			}
			switch {
			case tableCols > 0:
				cells += tableCols
			case prev != nil && bytes.IndexByte(prev, '|') >= 0:
				if n := delimiterCells(ln); n > 0 {
					// The header row and this one; each later row is padded
					// to n cells.
					tableCols = n
					cells += 2 * n
				}
			}
			if cells > MaxTableCells {
				return &Hazard{line + 1, fmt.Sprintf("Markdown tables with more than %d cells", MaxTableCells)}
			}
		}
		prev = ln
		if blank {
			prev = nil
		}
		i = next
	}
	return endPara(len(src))
}

// lineAt returns the line at i without its line ending, and the offset of
// the next line. A lone CR ends a line too, as in CommonMark.
func lineAt(src []byte, i int) ([]byte, int) {
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '\n':
			return src[i:j], j + 1
		case '\r':
			if j+1 < len(src) && src[j+1] == '\n' {
				return src[i:j], j + 2
			}
			return src[i:j], j + 1
		}
	}
	return src[i:], len(src)
}

// containerDepth bounds the number of containers (block quotes and list
// items) open on a line: each '>' or list marker opens at most one, and a
// nested list item needs at least two more columns of indentation than its
// parent, so indentation counts one level per two columns.
func containerDepth(ln []byte) int {
	depth, cols := 0, 0
	for i := 0; i < len(ln); {
		c := ln[i]
		switch {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '+' || c == '*') && (i+1 == len(ln) || ln[i+1] == ' ' || ln[i+1] == '\t'):
			depth++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(ln) && j-i < 10 && ln[j] >= '0' && ln[j] <= '9' {
				j++
			}
			if j < len(ln) && (ln[j] == '.' || ln[j] == ')') && (j+1 == len(ln) || ln[j+1] == ' ' || ln[j+1] == '\t') {
				depth++
				i = j + 1
				continue
			}
			return depth + cols/2
		default:
			return depth + cols/2
		}
	}
	return depth + cols/2
}

// delimiterCells returns the number of cells in a GFM table delimiter row
// ("| --- | :-: |"), or 0 if ln is not one. It allocates nothing.
func delimiterCells(ln []byte) int {
	t := bytes.TrimSpace(ln)
	t = bytes.TrimPrefix(t, []byte("|"))
	t = bytes.TrimSuffix(t, []byte("|"))
	if len(t) == 0 {
		return 0
	}
	n := 0
	for len(t) > 0 || n == 0 {
		cell := t
		if j := bytes.IndexByte(t, '|'); j >= 0 {
			cell, t = t[:j], t[j+1:]
			if len(t) == 0 {
				return 0 // "a||" : an empty last cell
			}
		} else {
			t = nil
		}
		c := bytes.TrimSpace(cell)
		c = bytes.TrimPrefix(c, []byte(":"))
		c = bytes.TrimSuffix(c, []byte(":"))
		if len(c) == 0 || len(bytes.Trim(c, "-")) != 0 {
			return 0
		}
		n++
	}
	return n
}

// parse splits src into segments: as Markdown when the path (or
// Options.Markdown) says so and MarkdownHazard finds nothing, otherwise as
// plain text, which still covers every byte.
func (s *Scanner) parse(path string, src []byte) (*markdown.Doc, *Hazard) {
	md := IsMarkdown(path)
	if s.opts.Markdown != nil {
		md = *s.opts.Markdown
	}
	if !md {
		return markdown.ParseText(src), nil
	}
	if h := MarkdownHazard(src); h != nil {
		return markdown.ParseText(src), h
	}
	return markdown.Parse(src), nil
}
