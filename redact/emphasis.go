package redact

import (
	"bytes"

	"github.com/rescue-stories/redact/redact/markdown"
)

// segmentText is the text the rules read for a segment of src: its bytes,
// with Markdown's underscore emphasis turned into spaces ("_Call +234 803
// 555 0719_"). An underscore is a word character to a regular expression,
// so a closing one after a phone number, a date or an e-mail address
// stopped the pattern's \b from matching and the last group of digits
// stayed in the draft. Spaces keep every offset, and a finding's text is
// taken from src (plainTexts), so reports still show the writer's bytes.
// Link destinations and code keep their underscores: there they are part of
// a URL or a name. whole is string(src): a segment left as it is is a
// slice of it, not a copy of its own.
func segmentText(src []byte, whole string, seg markdown.Segment) (s string, changed bool) {
	b := src[seg.Start:seg.End]
	if seg.Scope == markdown.LinkURL || seg.Scope == markdown.Code {
		return whole[seg.Start:seg.End], false
	}
	var out []byte
	for i := 0; ; {
		k := bytes.IndexByte(b[i:], '_')
		if k < 0 {
			break
		}
		i += k
		j := i
		for j < len(b) && b[j] == '_' {
			j++
		}
		// A run of underscores opens emphasis after a space or an opening
		// mark, or closes it before a space or a closing mark; inside a
		// word ("marisol_puente") or a path ("/_next/") it is kept.
		if (i == 0 || opensAfter(b[i-1])) || (j == len(b) || closesBefore(b[j])) {
			if out == nil {
				out = append([]byte(nil), b...)
			}
			for k := i; k < j; k++ {
				out[k] = ' '
			}
		}
		i = j
	}
	if out == nil {
		return whole[seg.Start:seg.End], false
	}
	return string(out), true
}

func opensAfter(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '(', '[', '{', '"', '\'', '*', '>':
		return true
	}
	return false
}

func closesBefore(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ')', ']', '}', '"', '\'', '*', '.', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

// plainTexts sets each finding's text to the bytes of src it spans: a
// segment the rules read with emphasis turned into spaces must not show
// those spaces in a report.
func plainTexts(fs []Finding, src []byte) {
	for i := range fs {
		f := &fs[i]
		if f.Text != string(src[f.Span.Start:f.Span.End]) {
			f.Text = string(src[f.Span.Start:f.Span.End])
		}
	}
}
