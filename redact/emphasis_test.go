package redact

import (
	"testing"

	"github.com/rescue-stories/redact/redact/markdown"
)

func TestSegmentText(t *testing.T) {
	tests := []struct {
		scope   markdown.Scope
		in, out string
	}{
		{markdown.Paragraph, "_Call +234 803 555 0719_", " Call +234 803 555 0719 "},
		{markdown.Paragraph, "__bold__, then _it_.", "  bold  , then  it ."},
		{markdown.Paragraph, "(_aside_) and *_both_*", "( aside ) and * both *"},
		// Inside a word, a handle or a path an underscore is kept.
		{markdown.Paragraph, "marisol_puente and @trucker_mike_88", "marisol_puente and @trucker_mike_88"},
		{markdown.Paragraph, "see example.org/_next/page", "see example.org/_next/page"},
		{markdown.Paragraph, "no underscores", "no underscores"},
		// Link destinations and code keep every byte.
		{markdown.LinkURL, "_x_", "_x_"},
		{markdown.Code, "_x_", "_x_"},
	}
	for _, tt := range tests {
		src := []byte("<<" + tt.in + ">>")
		got, changed := segmentText(src, string(src), markdown.Segment{Scope: tt.scope, Start: 2, End: 2 + len(tt.in)})
		if got != tt.out || changed != (tt.in != tt.out) {
			t.Errorf("%s %q: got %q (changed %v), want %q", tt.scope, tt.in, got, changed, tt.out)
		}
		if len(got) != len(tt.in) {
			t.Errorf("%q: length %d, want %d: offsets must not move", tt.in, len(got), len(tt.in))
		}
	}
}
