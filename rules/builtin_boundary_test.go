package rules

import "testing"

// TestBuiltinAccentBoundaries pins the built-in patterns at a word's edge
// that is an accented letter. Go's \b is ASCII: it did not hold before
// "Á" after a space, nor after "Í" before a full stop, so these rules
// missed the word, stopped short of its last letter or began inside it.
// The patterns now write the boundary as the character beside the word
// (boundaryBefore, boundaryAfter), which the matcher leaves out.
func TestBuiltinAccentBoundaries(t *testing.T) {
	checkSpans(t, []spanCase{
		// Before the word: a space, then an accented capital.
		{"default.identifier.email", "Escreva a ñandú.pérez@correo.es hoje.", []string{"ñandú.pérez@correo.es"}},
		{"default.location.street", "at Çiçek Sk. No. 5, then Ørstedsvej 12 in the north.", []string{"Çiçek Sk. No. 5", "Ørstedsvej 12"}},
		{"default.location.street", "the Ébène Industrial Estate; on the Łódź–Kraków road", []string{"Ébène Industrial Estate", "Łódź–Kraków road"}},
		{"default.location.street-name", "They stopped near Óscar Romero Avenue at night.", []string{"Óscar Romero Avenue"}},
		{"default.location.venue-amp", "She worked at Ángel Nails & Spa for a year.", []string{"Ángel Nails & Spa"}},
		{"default.operational.shelter-named", "She stayed at Ángel House, our shelter, for a month.", []string{"Ángel House, our shelter"}},
		{"default.date.dotted-time", "Chegámos às 21.30 ao porto.", []string{"21.30"}},
		{"default.operational.source", "Ámbar called our hotline.", []string{"Ámbar called our hotline"}},
		// After the word: an accented letter, then a full stop or the end.
		{"default.operational.codename", "Met source COLIBRÍ. OP COLIBRÍ began; op notes: COLIBRÍ", []string{"source COLIBRÍ", "OP COLIBRÍ", "op notes: COLIBRÍ"}},
		{"default.identifier.code", "A sentença 12/2023/QĐ foi lida.", []string{"12/2023/QĐ"}},
		{"default.date.time", "Saímos às 6 da manhã, de barco.", []string{"6 da manhã"}},
		{"default.location.venue-amp", "They met at Lotus Bar & Café.", []string{"Lotus Bar & Café"}},
		{"default.operational.post", "We watched the house from a café.", []string{"watched the house from a café"}},
		{"default.operational.imaging", "We took drone footage of the Perú.", []string{"drone footage of the Perú"}},
		{"default.operational.women-officers", "two women officers from the Perú.", []string{"two women officers from the Perú"}},
		{"default.operational.shelter-security", "whose address is known only to Jesús.", []string{"whose address is known only to Jesús"}},
		// An ASCII letter before the accented one is inside the word, as
		// it is before an ASCII one: no match starts or ends there.
		{"default.operational.codename", "OP COLIBRÍx, OP COLIBRIx", nil},
		{"default.location.street", "xÇiçek Sk. No. 5", nil},
	})
}

// The character a boundary took is left out of a match, at the edge of a
// text too; a pattern without the boundaries keeps its match.
func TestTrimBoundaries(t *testing.T) {
	before, after := `(?:^|[^\p{L}\p{N}_])Á\p{L}+`, `\p{L}+Í(?:[^\p{L}\p{N}_]|$)`
	tests := []struct {
		src, text string
		s, e      int // the match
		want      string
	}{
		{before, " Ángel", 0, 7, "Ángel"},
		{before, "Ángel", 0, 6, "Ángel"},
		{"(?i)" + before, "(Ángel", 0, 7, "Ángel"},
		{after, "COLIBRÍ.", 0, 9, "COLIBRÍ"},
		{after, "COLIBRÍ", 0, 8, "COLIBRÍ"},
		{before + after, " ÁÍ ", 0, 6, "ÁÍ"},
		{`\bÁ\p{L}+`, " Ángel", 0, 7, " Ángel"},
	}
	for _, tt := range tests {
		s, e := trimBoundaries(tt.src, tt.text, tt.s, tt.e)
		if got := tt.text[s:e]; got != tt.want {
			t.Errorf("trimBoundaries(%q, %q) = %q, want %q", tt.src, tt.text[tt.s:tt.e], got, tt.want)
		}
	}
}
