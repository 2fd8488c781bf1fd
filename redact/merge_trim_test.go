package redact

import "testing"

func TestTrimSpan(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{` "Ana Lopez", `, `Ana Lopez`},
		{`(12/03)`, `12/03`},
		// A vowel sign or a combining accent ends the word it belongs to.
		{"สมชาย บุญมี ", "สมชาย บุญมี"},
		{"Jose\u0301.", "Jose\u0301"},
		{"\u0301Ana", "Ana"},
		{" ... ", ""},
	}
	for _, tt := range tests {
		s := trimSpan([]byte(tt.src), Span{0, len(tt.src)})
		if got := tt.src[s.Start:s.End]; got != tt.want {
			t.Errorf("trimSpan(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
