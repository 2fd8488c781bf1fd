package report

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/rescue-stories/redact/redact"
)

// The unified diff is built from the plan's edits, not by diffing the two
// texts: the changed lines are exactly the lines an edit touches, and the
// words to highlight are exactly the edits. With colour and masking off the
// output is a valid patch: `patch -p1` and `git apply` turn the original
// into exactly the bytes Plan.Apply returns (CRLF, a missing final newline
// and all).

// Context is the number of unchanged lines around each change.
const Context = 3

// Change is one file's proposed redaction: the original, the plan and its
// result.
type Change struct {
	Path   string
	Result *redact.Result
	Plan   *redact.Plan
	// Out is Plan.Apply(Result.Src).
	Out []byte
}

// NewChange applies the plan to the result's source.
func NewChange(res *redact.Result, plan *redact.Plan) (*Change, error) {
	out, err := plan.Apply(res.Src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", res.Path, err)
	}
	return &Change{Path: res.Path, Result: res, Plan: plan, Out: out}, nil
}

// Empty reports whether the change changes nothing.
func (c *Change) Empty() bool { return c.Plan.Empty() }

// lines splits text into lines that keep their "\n" (and "\r\n").
type lines struct {
	text  []byte
	start []int // start offset of each line; len = number of lines + 1
}

func splitLines(b []byte) *lines {
	l := &lines{text: b, start: []int{0}}
	for i, c := range b {
		if c == '\n' && i+1 < len(b) {
			l.start = append(l.start, i+1)
		}
	}
	if len(b) == 0 {
		l.start = l.start[:0]
	}
	l.start = append(l.start, len(b))
	return l
}

func (l *lines) n() int { return len(l.start) - 1 }

// line returns line i (0-based) with its newline.
func (l *lines) line(i int) []byte { return l.text[l.start[i]:l.start[i+1]] }

// of returns the 0-based line holding byte off (off == len: the last line).
func (l *lines) of(off int) int {
	lo, hi := 0, l.n()
	for lo < hi {
		mid := (lo + hi) / 2
		if l.start[mid+1] <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return min(lo, l.n()-1)
}

// block is a run of lines the edits change: old lines [oldFirst, oldLast]
// become new lines [newFirst, newLast] (newLast < newFirst when the block
// becomes nothing).
type block struct {
	oldFirst, oldLast int
	newFirst, newLast int
	edits             []redact.Edit
}

// Hunk is one hunk of the unified diff.
type Hunk struct {
	OldStart, OldLines int // 1-based, as in the @@ header
	NewStart, NewLines int
	Lines              []DiffLine
}

// DiffLine is one line of a hunk.
type DiffLine struct {
	Kind byte // ' ', '-' or '+'
	Text []byte
	// Off is the line's offset in the old text (' ' and '-') or the new
	// text ('+').
	Off int
}

// Hunks returns the unified-diff hunks of a change.
func (c *Change) Hunks() []Hunk {
	if c.Empty() {
		return nil
	}
	old, neu := splitLines(c.Result.Src), splitLines(c.Out)
	blocks := c.blocks(old, neu)
	var hunks []Hunk
	for i := 0; i < len(blocks); {
		// Blocks whose contexts touch share a hunk.
		j := i + 1
		for j < len(blocks) && blocks[j].oldFirst-blocks[j-1].oldLast-1 <= 2*Context {
			j++
		}
		hunks = append(hunks, makeHunk(old, neu, blocks[i:j]))
		i = j
	}
	return hunks
}

// blocks groups the edits by the lines they touch.
func (c *Change) blocks(old, neu *lines) []block {
	var out []block
	for _, e := range c.Plan.Edits {
		first := old.of(e.Span.Start)
		last := first
		if e.Span.End > e.Span.Start {
			last = old.of(e.Span.End - 1)
		}
		// An edit that swallows a line's newline joins it to the next line.
		if e.Span.End == old.start[last+1] && e.Span.End > e.Span.Start && last+1 < old.n() &&
			!strings.HasSuffix(e.Replacement, "\n") {
			last++
		}
		if n := len(out); n > 0 && first <= out[n-1].oldLast+1 {
			b := &out[n-1]
			b.oldLast = max(b.oldLast, last)
			b.edits = append(b.edits, e)
		} else {
			out = append(out, block{oldFirst: first, oldLast: last, edits: []redact.Edit{e}})
		}
	}
	for i := range out {
		b := &out[i]
		newStart := c.mapOffset(old.start[b.oldFirst])
		newEnd := c.mapOffset(old.start[b.oldLast+1])
		if newEnd <= newStart {
			// The block's lines become nothing.
			b.newFirst = neu.n()
			if newStart < len(c.Out) {
				b.newFirst = neu.of(newStart)
			}
			b.newLast = b.newFirst - 1
			continue
		}
		b.newFirst = neu.of(newStart)
		b.newLast = neu.of(newEnd - 1)
	}
	return out
}

// mapOffset maps an old offset outside every edit to the new text.
func (c *Change) mapOffset(off int) int {
	d := 0
	for _, e := range c.Plan.Edits {
		if e.Span.Start >= off {
			break
		}
		d += len(e.Replacement) - e.Span.Len()
	}
	return off + d
}

func makeHunk(old, neu *lines, bs []block) Hunk {
	first := max(bs[0].oldFirst-Context, 0)
	last := min(bs[len(bs)-1].oldLast+Context, old.n()-1)
	// Context lines before the first block are the same lines in both.
	shift := bs[0].newFirst - bs[0].oldFirst
	h := Hunk{OldStart: first + 1, NewStart: first + shift + 1}
	ctx := func(from, to int) {
		for i := from; i <= to; i++ {
			h.Lines = append(h.Lines, DiffLine{Kind: ' ', Text: old.line(i), Off: old.start[i]})
			h.OldLines++
			h.NewLines++
		}
	}
	ctx(first, bs[0].oldFirst-1)
	for i, b := range bs {
		if i > 0 {
			ctx(bs[i-1].oldLast+1, b.oldFirst-1)
		}
		for l := b.oldFirst; l <= b.oldLast; l++ {
			h.Lines = append(h.Lines, DiffLine{Kind: '-', Text: old.line(l), Off: old.start[l]})
			h.OldLines++
		}
		for l := b.newFirst; l <= b.newLast; l++ {
			h.Lines = append(h.Lines, DiffLine{Kind: '+', Text: neu.line(l), Off: neu.start[l]})
			h.NewLines++
		}
	}
	ctx(bs[len(bs)-1].oldLast+1, last)
	// A side with no lines names the line before it, as diff(1) does.
	if h.OldLines == 0 {
		h.OldStart--
	}
	if h.NewLines == 0 {
		h.NewStart--
	}
	return h
}

// patchPath is the path in the ---/+++ headers: slash-separated, relative
// paths as given, so `patch -p1` and `git apply` find the file.
func patchPath(p string) string {
	if p == "-" {
		return "<stdin>"
	}
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
}

// WritePatch writes the plain unified diff of changes: no colour, no notes,
// exactly what `patch -p1` needs.
func WritePatch(w io.Writer, changes []*Change) error {
	var b bytes.Buffer
	for _, c := range changes {
		writeHeader(&b, c.Path, nil)
		for _, h := range c.Hunks() {
			writeHunkHeader(&b, h, nil)
			for _, l := range h.Lines {
				b.WriteByte(l.Kind)
				writeLineText(&b, l.Text)
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func writeHeader(b *bytes.Buffer, path string, c *Colors) {
	p := patchPath(path)
	if c != nil {
		p = Sanitize(p)
	}
	fmt.Fprintf(b, "%s\n%s\n", c.wrap(c.path(), "--- a/"+p), c.wrap(c.path(), "+++ b/"+p))
}

func writeHunkHeader(b *bytes.Buffer, h Hunk, c *Colors) {
	hdr := fmt.Sprintf("@@ -%s +%s @@", hunkRange(h.OldStart, h.OldLines), hunkRange(h.NewStart, h.NewLines))
	b.WriteString(c.wrap(c.hunk(), hdr))
	b.WriteByte('\n')
}

func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// writeLineText writes a line as it is; a last line without a newline gets
// the marker patch(1) expects.
func writeLineText(b *bytes.Buffer, text []byte) {
	b.Write(text)
	if !bytes.HasSuffix(text, []byte("\n")) {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}
