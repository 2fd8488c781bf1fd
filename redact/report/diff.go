package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/rescue-stories/redact/redact"
)

// Diff renders proposed redactions for people: the unified diff of
// WritePatch, with the changed words highlighted inside changed lines
// (from the plan's edits, so exactly the redacted words, never a guess),
// and, before each file, one "# " line per finding that is shown but not
// changed (review-severity findings without --all). patch(1) and git apply
// skip those lines, so with Color nil and Mask off the output still applies
// as a patch. With Mask on, all draft text is masked (first letters and
// punctuation stay, so the change can be located) and only the
// replacements are shown as they are.
type Diff struct{ Opts Options }

// wordHighlight is added to the removed/added colour for changed words.
const wordHighlight = "\x1b[7m"

func (c *Colors) hunk() string {
	if c == nil {
		return ""
	}
	return c.Rule
}

func (c *Colors) removed() string {
	if c == nil {
		return ""
	}
	return c.Removed
}

func (c *Colors) added() string {
	if c == nil {
		return ""
	}
	return c.Added
}

func (d *Diff) Write(w io.Writer, changes []*Change) error {
	var b bytes.Buffer
	for _, c := range changes {
		d.writeNotes(&b, c)
		if c.Empty() {
			continue
		}
		writeHeader(&b, c.Path, d.Opts.Color)
		spans := d.sideSpans(c)
		for _, h := range c.Hunks() {
			writeHunkHeader(&b, h, d.Opts.Color)
			for _, l := range h.Lines {
				d.writeLine(&b, l, spans)
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// writeNotes lists the findings the plan leaves alone.
func (d *Diff) writeNotes(b *bytes.Buffer, c *Change) {
	if len(c.Plan.Notes) == 0 {
		return
	}
	col := d.Opts.Color
	for _, i := range c.Plan.Notes {
		f := c.Result.Findings[i]
		why := "not selected"
		if f.Severity == "review" {
			why = "review: not changed without --all"
		}
		line := fmt.Sprintf("# %s:%d:%d: %s %s %q (%s)", Sanitize(c.Path), f.Pos.Line, f.Pos.Col, f.Category, f.Rule, displayText(f, d.Opts), why)
		b.WriteString(col.wrap(col.category(), line))
		b.WriteByte('\n')
	}
}

// spanKind marks a byte range of a line.
type spanKind uint8

const (
	kindChanged   spanKind = 1 << iota // an edit (old side) or its replacement (new side)
	kindSensitive                      // a finding's text
	kindNote                           // a finding shown but not changed
)

type markedSpan struct {
	redact.Span
	kind spanKind
}

// sides holds the marked spans of the old and the new text.
type sides struct{ old, new []markedSpan }

func (d *Diff) sideSpans(c *Change) sides {
	var s sides
	notes := map[int]bool{}
	for _, i := range c.Plan.Notes {
		notes[i] = true
	}
	for i, f := range c.Result.Findings {
		k := kindSensitive
		if notes[i] {
			k |= kindNote
		}
		s.old = append(s.old, markedSpan{f.Span, k})
	}
	delta := 0
	for _, e := range c.Plan.Edits {
		s.old = append(s.old, markedSpan{e.Span, kindChanged})
		start := e.Span.Start + delta
		s.new = append(s.new, markedSpan{redact.Span{Start: start, End: start + len(e.Replacement)}, kindChanged})
		delta += len(e.Replacement) - e.Span.Len()
	}
	// Notes keep their text in the new file: mark them there too.
	for _, i := range c.Plan.Notes {
		f := c.Result.Findings[i]
		start := c.mapOffset(f.Span.Start)
		s.new = append(s.new, markedSpan{redact.Span{Start: start, End: start + f.Span.Len()}, kindSensitive | kindNote})
	}
	return s
}

func (d *Diff) writeLine(b *bytes.Buffer, l DiffLine, s sides) {
	col := d.Opts.Color
	plain := col == nil && !d.Opts.Mask
	if plain {
		b.WriteByte(l.Kind)
		writeLineText(b, l.Text)
		return
	}
	marks := s.old
	base := ""
	switch l.Kind {
	case '-':
		base = col.removed()
	case '+':
		marks = s.new
		base = col.added()
	}
	text := l.Text
	eol := ""
	switch {
	case bytes.HasSuffix(text, []byte("\r\n")):
		text, eol = text[:len(text)-2], "\n"
	case bytes.HasSuffix(text, []byte("\n")):
		text, eol = text[:len(text)-1], "\n"
	}
	var out strings.Builder
	for _, seg := range segments(l.Off, len(text), marks) {
		t := string(text[seg.Start-l.Off : seg.End-l.Off])
		// Masked, the whole text is hidden but for the tool's own
		// replacements: context lines are exactly where a detail the rules
		// missed would otherwise reach a public CI log.
		if d.Opts.Mask && !(l.Kind == '+' && seg.kind&kindChanged != 0) {
			t = Mask(t)
		}
		t = Sanitize(t)
		code := base
		switch {
		case seg.kind&kindChanged != 0 && l.Kind != ' ' && col != nil:
			code = base + wordHighlight
		case seg.kind&kindNote != 0 && col != nil:
			code = col.Category
		}
		out.WriteString(col.wrap(code, t))
	}
	b.WriteString(col.wrap(base, string(l.Kind)))
	b.WriteString(out.String())
	if eol == "" {
		b.WriteString("\n" + col.wrap(col.faint(), `\ No newline at end of file`))
	}
	b.WriteByte('\n')
}

// segments cuts the line [off, off+n) at the edges of the marked spans and
// gives each piece the union of the kinds covering it.
func segments(off, n int, marks []markedSpan) []markedSpan {
	end := off + n
	cuts := []int{off, end}
	for _, m := range marks {
		if m.End <= off || m.Start >= end {
			continue
		}
		cuts = append(cuts, max(m.Start, off), min(m.End, end))
	}
	sort.Ints(cuts)
	var out []markedSpan
	for i := 0; i+1 < len(cuts); i++ {
		a, z := cuts[i], cuts[i+1]
		if a == z {
			continue
		}
		var k spanKind
		for _, m := range marks {
			if m.Start < z && m.End > a {
				k |= m.kind
			}
		}
		out = append(out, markedSpan{redact.Span{Start: a, End: z}, k})
	}
	return out
}
